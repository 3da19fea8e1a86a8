"""Hostile and broken PDFs: bounded memory and time, one damaged page costs only itself,
every command runs its file in a capped child process and names why it stopped.

The files are made on the fly from a sample (pypdf): a page whose content inflates to
1 GiB of zeros, a page of millions of text operators, a page whose font cannot be read,
a 1e9-point page. Each run is measured in a wrapper process (peak memory of the command
and its children)."""

from __future__ import annotations

import json
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, StreamObject

pytestmark = [pytest.mark.samples, pytest.mark.cli]

SOURCE = SAMPLES / "pdf" / "parakan-2026.pdf"
CAP_MB = 1536  # what any single-document command may peak at on these inputs
WRAPPER = (
    "import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=600); "
    "sys.stdout.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) + '\\n' + str(p.returncode) + '\\n'); "
    "sys.stderr.write(p.stderr)"
)


def _measured(*args: str | Path, cwd: Path | None = None) -> tuple[int, str, float]:
    """Exit code, stderr and peak memory (MB) of ``renja-audit ARGS`` and every process it started."""
    # The installed command, as users run it (``python -m`` would put the working folder on the path).
    command = Path(sys.executable).with_name("renja-audit")
    done = subprocess.run(
        [sys.executable, "-P", "-c", WRAPPER, str(command), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        timeout=900,
        check=False,
    )
    peak_kb, code = done.stdout.split()
    return int(code), done.stderr, int(peak_kb) / 1024


def _variant(
    tmp_path: Path,
    name: str,
    page_no: int,
    content: bytes | None = None,
    type3_fonts: bool = False,
    media_box: list[float] | None = None,
) -> Path:
    writer = PdfWriter(clone_from=PdfReader(SOURCE))
    page = writer.pages[page_no - 1]
    if content is not None:
        stream = StreamObject()
        stream._data = content  # already Flate-compressed
        stream[NameObject("/Filter")] = NameObject("/FlateDecode")
        page[NameObject("/Contents")] = writer._add_object(stream)
    if type3_fonts:
        # This page's own copies of its fonts, claiming Type 3 without the matrix one needs.
        resources = DictionaryObject(page["/Resources"].get_object())
        fonts = DictionaryObject()
        for key, ref in resources["/Font"].items():
            font = DictionaryObject(ref.get_object())
            font[NameObject("/Subtype")] = NameObject("/Type3")
            fonts[NameObject(key)] = writer._add_object(font)
        resources[NameObject("/Font")] = fonts
        page[NameObject("/Resources")] = resources
    if media_box is not None:
        page[NameObject("/MediaBox")] = ArrayObject([FloatObject(v) for v in media_box])
        if "/CropBox" in page:
            del page["/CropBox"]
    target = tmp_path / name
    writer.write(target)
    return target


def _flate(chunk: bytes, times: int) -> bytes:
    packer = zlib.compressobj(9)
    return b"".join(packer.compress(chunk) for _ in range(times)) + packer.flush()


def _report(out: Path, pdf: Path) -> dict:
    return json.loads((out / f"{pdf.stem}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "content", "detail"),
    [
        ("zeros.pdf", lambda: _flate(b"\0" * (1 << 20), 1024), "MB"),  # 1 GiB of zeros in a 1.3 MB file
        ("operators.pdf", lambda: _flate(b"BT /F1 1 Tf " + b"(x)Tj " * 500_000 + b"ET\n", 1), "Tj"),  # 3 MB, 500,000 Tj
    ],
)
def test_a_page_too_large_is_set_aside_and_the_rest_audited(tmp_path: Path, name: str, content, detail: str) -> None:
    pdf = _variant(tmp_path, name, 5, content=content())
    out = tmp_path / "out"
    code, stderr, peak = _measured("check", pdf, "--out", out, "--format", "json,html")
    assert code == 1 and "Traceback" not in stderr  # audited, with findings
    assert peak < CAP_MB  # before: over 2 GB and still growing at 300 s
    report = _report(out, pdf)
    assert [(f["page"], f["reason"]) for f in report["document"]["unreadable_pages"]] == [(5, "too_large")]
    assert detail in report["document"]["unreadable_pages"][0]["detail"]
    assert any(f["rule"] == "STR-011" and f["location"]["page"] == 5 for f in report["findings"])
    assert {t["kind"] for t in report["tables"]} >= {"T-C.29", "T-C.31", "T-C.33"}  # the other pages were read
    html = (out / f"{pdf.stem}.html").read_text(encoding="utf-8")
    assert "Halaman yang tidak dapat dibaca" in html and "5 (terlalu besar" in html


def test_one_damaged_page_loses_only_that_page(tmp_path: Path) -> None:
    pdf = _variant(tmp_path, "font.pdf", 21, type3_fonts=True)
    out = tmp_path / "out"
    code, stderr, _ = _measured("check", pdf, "--out", out, "--format", "json,html", "--lang", "en")
    assert code == 0, stderr  # a warning only; before: exit 2, "The PDF is damaged: page 21 cannot be read"
    report = _report(out, pdf)
    assert [(f["page"], f["reason"]) for f in report["document"]["unreadable_pages"]] == [(21, "damaged")]
    assert report["document"]["pages"] == 35 and len(report["tables"]) >= 6
    # T-C.31 runs over pages 19-22: it goes on after the missing page, as one table
    # (before: two T-C.31, the second one's rows checked on their own).
    assert [t["pages"] for t in report["tables"] if t["kind"] == "T-C.31"] == [[19, 20, 22]]
    # What the missing page takes out of its table is no error: it says the page is missing.
    severe = [f for f in report["findings"] if f["severity"] in ("error", "warning")]
    assert [f["rule"] for f in severe] == ["STR-011"]
    assert any("could not be read" in f["message"] for f in report["findings"] if f["rule"].startswith("XT"))
    assert "could not be read and were left out of the audit: 21 (damaged" in (out / f"{pdf.stem}.html").read_text()
    # pdfminer's own English complaints stay off the user's terminal.
    assert "FontBBox" not in stderr and "Could not" not in stderr


def test_extract_sets_the_same_page_aside(tmp_path: Path) -> None:
    pdf = _variant(tmp_path, "zeros.pdf", 5, content=_flate(b"\0" * (1 << 20), 1024))
    code, stderr, peak = _measured("extract", pdf, "--out", tmp_path / "model.json")
    assert code == 0 and peak < CAP_MB, stderr
    model = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))
    assert model["document"]["unreadable_pages"][0]["page"] == 5


def test_debug_page_refuses_an_absurd_page_and_a_folder_before_drawing(tmp_path: Path) -> None:
    pdf = _variant(tmp_path, "huge.pdf", 5, media_box=[0, 0, 1e9, 1e9])
    code, stderr, peak = _measured("debug-page", pdf, "--page", "5", "--out", tmp_path / "p.png")
    assert code == 2 and "1e+09" in stderr and "implausible size" in stderr and "Traceback" not in stderr
    assert peak < CAP_MB
    code, stderr, _ = _measured("debug-page", SOURCE, "--page", "5", "--out", tmp_path)
    assert code == 2 and "names a folder, not a file" in stderr


def test_check_into_an_existing_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("{}")
    code, stderr, _ = _measured("check", SOURCE, SAMPLES / "pdf" / "kencong-2024.pdf", "--out", target)
    assert code == 2 and "must be a folder" in stderr and "Traceback" not in stderr


def test_a_document_over_the_memory_cap_is_called_too_large(tmp_path: Path) -> None:
    code, stderr, _ = _measured("check", SOURCE, "--out", tmp_path, "--max-memory", "60")
    assert code == 2 and "Traceback" not in stderr
    assert "File too large to audit" in stderr and "60 MB" in stderr
    # A long document that outgrows the cap while pdfium reads it: pdfium aborts on a failed
    # allocation without a word, which is told from a crash by the memory in use.
    writer = PdfWriter()
    for _ in range(8):
        for page in PdfReader(SOURCE).pages:
            writer.add_page(page)
    long = tmp_path / "long.pdf"
    writer.write(long)
    code, stderr, _ = _measured("check", long, "--out", tmp_path / "long", "--max-memory", "150")
    assert code == 2 and "Traceback" not in stderr
    assert "File too large to audit" in stderr and "150 MB" in stderr


def test_the_folder_a_user_runs_from_is_not_on_the_child_import_path(tmp_path: Path) -> None:
    # A "signal.py" in the archive folder would run inside the child that reads each file.
    marker = tmp_path / "ran"
    (tmp_path / "signal.py").write_text(f"open({str(marker)!r}, 'w').close()\nfrom _signal import *\n")
    for command in ("batch", "check"):  # before: batch ran it
        code, stderr, _ = _measured(command, SOURCE, "--out", tmp_path / command, "--format", "json", cwd=tmp_path)
        assert code in (0, 1), stderr
        assert not marker.exists()


def test_inverted_page_boxes_are_audited_with_pictures(tmp_path: Path) -> None:
    # Every page's MediaBox given upside down ([x1 y1 x0 y0]): before, drawing the
    # findings' pictures failed with an internal error.
    writer = PdfWriter(clone_from=PdfReader(SAMPLES / "pdf" / "parakan-2026-defects.pdf"))
    for page in writer.pages:
        x0, y0, x1, y1 = (float(v) for v in page.mediabox)
        page[NameObject("/MediaBox")] = ArrayObject([FloatObject(v) for v in (x1, y1, x0, y0)])
        if "/CropBox" in page:
            del page["/CropBox"]
    pdf = tmp_path / "inverted.pdf"
    writer.write(pdf)
    out = tmp_path / "out"
    code, stderr, _ = _measured("check", pdf, "--out", out, "--format", "json,html,pdf")
    assert code == 1 and "Internal error" not in stderr, stderr
    _measured("check", SAMPLES / "pdf" / "parakan-2026-defects.pdf", "--out", out, "--format", "json")

    def places(report: dict) -> list[tuple]:
        return sorted((f["rule"], f["location"]["page"], str(f["location"]["bbox"])) for f in report["findings"])

    # The same findings, at the same places on the page, as the upright original.
    assert places(_report(out, pdf)) == places(json.loads((out / "parakan-2026-defects.json").read_text()))
    assert (out / "inverted.annotated.pdf").stat().st_size > 0 and "data:image/jpeg" in (
        out / "inverted.html"
    ).read_text()
