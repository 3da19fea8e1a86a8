"""Unusable inputs: exit 2, a message in Indonesian and English, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REPAIRED_PDF
from conftest import run_cli_process as run_cli  # smoke tests: the command as a shell runs it
from pdfmaker import text_pdf
from pypdf import PdfReader, PdfWriter

LETTER = [
    "SURAT EDARAN",
    "Nomor 050/123/2023 tentang Jadwal Rapat Koordinasi",
    "Dengan hormat, bersama ini kami sampaikan bahwa rapat koordinasi perencanaan",
    "akan dilaksanakan pada hari Senin di ruang rapat Bappeda. Mohon kehadiran",
    "Saudara tepat waktu. Atas perhatian dan kerja samanya kami ucapkan terima kasih.",
    "Demikian untuk menjadi perhatian dan dilaksanakan sebagaimana mestinya.",
]


def _encrypted(target: Path) -> Path:
    writer = PdfWriter(clone_from=PdfReader(REPAIRED_PDF))
    writer.encrypt(user_password="rahasia", owner_password="pemilik")
    with target.open("wb") as fh:
        writer.write(fh)
    return target


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.parametrize(
    ("make", "words_id", "words_en"),
    [
        (lambda p: p.write_text("ini bukan pdf, hanya teks", encoding="utf-8"), "bukan PDF", "not a PDF"),
        (lambda p: p.write_bytes(b""), "kosong", "empty"),
        (lambda p: p.write_bytes(REPAIRED_PDF.read_bytes()[:4000]), "rusak", "damaged"),
        (_encrypted, "kata sandi", "password"),
        (lambda p: p.write_bytes(text_pdf([])), "perlu OCR", "needs OCR"),
        (lambda p: p.write_bytes(text_pdf(LETTER)), "T-C.29, T-C.30, T-C.31", "None of the Renja tables (T-C.29"),
    ],
    ids=["not-pdf", "empty", "truncated", "encrypted", "no-text", "not-renja"],
)
def test_unusable_input_exits_2_with_bilingual_message(tmp_path: Path, make, words_id: str, words_en: str) -> None:
    bad = tmp_path / "dokumen.pdf"
    make(bad)
    proc = run_cli("check", bad, "--out", tmp_path / "out")
    assert proc.returncode == 2
    assert words_id in proc.stderr and words_en in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "out" / "dokumen.json").exists()


@pytest.mark.cli
def test_missing_file(tmp_path: Path) -> None:
    proc = run_cli("check", tmp_path / "tidak-ada.pdf", "--out", tmp_path)
    assert proc.returncode == 2
    assert "tidak ditemukan" in proc.stderr and "not found" in proc.stderr


@pytest.mark.samples
@pytest.mark.cli
def test_bad_usage_exits_2(tmp_path: Path) -> None:
    proc = run_cli("check", REPAIRED_PDF, "--format", "xml", "--out", tmp_path)
    assert proc.returncode == 2
    assert "tidak sah" in proc.stderr and "invalid usage" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.samples
@pytest.mark.cli
def test_one_bad_file_does_not_lose_the_others(tmp_path: Path) -> None:
    bad = tmp_path / "rusak.pdf"
    bad.write_bytes(b"%PDF-1.4 rubbish")
    out = tmp_path / "out"
    proc = run_cli("check", bad, REPAIRED_PDF, "--out", out)
    assert proc.returncode == 2
    report = json.loads((out / f"{REPAIRED_PDF.stem}.json").read_text(encoding="utf-8"))
    assert report["summary"]["error"] == 0


@pytest.mark.samples
@pytest.mark.cli
def test_invalid_rule_set_is_refused(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("ruleset: {id: x, version: '1', title: {id: a, en: b}}\nrules:\n  - id: A\n    check: nope\n")
    proc = run_cli("check", REPAIRED_PDF, "--rules", rules, "--out", tmp_path)
    assert proc.returncode == 2
    assert "Berkas aturan tidak sah" in proc.stderr and "Invalid rule set" in proc.stderr


def _scan_page(target: Path) -> Path:
    """An image-only page, as a scanner writes it."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (620, 877), "white")
    ImageDraw.Draw(image).text((60, 80), "RENCANA KERJA TAHUN 2024 (hasil pindai)", fill="black")
    image.save(target, "PDF", resolution=75)
    return target


@pytest.mark.cli
def test_scanned_document_needs_ocr(tmp_path: Path) -> None:
    scan = _scan_page(tmp_path / "pindai.pdf")
    proc = run_cli("check", scan, "--out", tmp_path / "out", "--ocr", "never")
    assert proc.returncode == 2
    assert "halaman 1" in proc.stderr and "--ocr never" in proc.stderr and "pages 1" in proc.stderr
    # Read by OCR, the one line on it is still no Renja: said so, without a traceback.
    proc = run_cli("check", scan, "--out", tmp_path / "out")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "OCR" in proc.stderr and "halaman 1" in proc.stderr


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.slow
def test_a_scanned_page_inside_a_document_is_reported(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(REPAIRED_PDF))
    writer.append(PdfReader(_scan_page(tmp_path / "pindai.pdf")))
    mixed = tmp_path / "campuran.pdf"
    with mixed.open("wb") as fh:
        writer.write(fh)
    out = tmp_path / "out"
    proc = run_cli("check", mixed, "--out", out, "--ocr", "never")
    assert proc.returncode == 0, proc.stderr
    report = json.loads((out / "campuran.json").read_text(encoding="utf-8"))
    pages = report["document"]["pages"]
    assert report["document"]["scanned_pages"] == [pages]
    assert report["document"]["missing_tables"] == []
    # With OCR (the default) the page is read, and the report says so.
    proc = run_cli("check", mixed, "--out", out)
    assert proc.returncode == 0, proc.stderr
    report = json.loads((out / "campuran.json").read_text(encoding="utf-8"))
    assert report["document"]["scanned_pages"] == [] and report["document"]["ocr_pages"] == [pages]
