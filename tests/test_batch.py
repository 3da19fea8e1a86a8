"""`renja-audit batch`: parallel, fault-isolated, resumable, and the same on Dask."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from conftest import REFERENCE_PDF, REPAIRED_PDF, SAMPLES, default_rules, run_cli
from openpyxl import load_workbook
from pdfmaker import text_pdf
from pypdf import PdfReader, PdfWriter

GOOD = [REFERENCE_PDF, SAMPLES / "pdf" / "sukodono-2024.pdf", SAMPLES / "pdf" / "kencong-2024.pdf"]
DRAFT = SAMPLES / "pdf" / "kencong-2024.docx"  # a Word draft beside the PDFs
DRAFT_NAME = "kencong-2024-draf.docx"
# name -> (how to make it, words of its reason in Indonesian)
BROKEN = {
    "terpotong.pdf": (lambda p: p.write_bytes(REPAIRED_PDF.read_bytes()[:4000]), "rusak"),
    "terkunci.pdf": (None, "kata sandi"),
    "pindaian.pdf": (lambda p: p.write_bytes(text_pdf([])), "perlu OCR"),
    "catatan.pdf": (lambda p: p.write_text("bukan pdf, hanya catatan", encoding="utf-8"), "bukan PDF"),
    "kosong.pdf": (lambda p: p.write_bytes(b""), "kosong"),
}


def _encrypted(target: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(REPAIRED_PDF))
    writer.encrypt(user_password="rahasia", owner_password="pemilik")
    with target.open("wb") as fh:
        writer.write(fh)


def _archive(root: Path) -> Path:
    """Good samples at the top, broken files one folder down (found with --recursive)."""
    for pdf in GOOD:
        shutil.copy(pdf, root / pdf.name)
    shutil.copy(DRAFT, root / DRAFT_NAME)
    broken = root / "rusak"
    broken.mkdir()
    for name, (make, _) in BROKEN.items():
        (make or _encrypted)(broken / name)
    return root


def _summary(out: Path) -> dict[str, dict[str, str]]:
    with (out / "summary.csv").open(encoding="utf-8") as fh:
        return {Path(r["document"]).name: r for r in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _archive(tmp_path_factory.mktemp("arsip"))


@pytest.fixture(scope="module")
def local_run(archive: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("batch-local")
    proc = run_cli("batch", archive, "--recursive", "--out", out, "--jobs", "2", "--format", "json,html")
    return proc, out


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.slow
def test_batch_audits_the_good_and_lists_the_bad(local_run, archive: Path) -> None:
    proc, out = local_run
    assert proc.returncode == 2, proc.stderr  # some inputs could not be audited
    assert "Traceback" not in proc.stderr + proc.stdout
    rows = _summary(out)
    assert set(rows) == {p.name for p in GOOD} | {DRAFT_NAME} | set(BROKEN)
    draft = rows[DRAFT_NAME]
    assert draft["status"] == rows["kencong-2024.pdf"]["status"] == "clean"
    assert draft["report"] == "kencong-2024-draf.html" and (out / draft["report"]).is_file()
    for pdf in GOOD:
        report = json.loads((out / f"{pdf.stem}.json").read_text(encoding="utf-8"))
        row = rows[pdf.name]
        assert (int(row["errors"]), int(row["warnings"]), int(row["infos"])) == tuple(
            report["summary"][s] for s in ("error", "warning", "info")
        )
        assert row["status"] == ("errors" if report["summary"]["error"] else "clean")
        assert (out / f"{pdf.stem}.html").is_file() and row["report"] == f"{pdf.stem}.html"
    for name, (_, words) in BROKEN.items():
        assert rows[name]["status"] == "failed" and words in rows[name]["reason"], (name, rows[name]["reason"])
        assert name in proc.stderr
    # Rows in path order, whatever order the workers finished in.
    with (out / "summary.csv").open(encoding="utf-8") as fh:
        paths = [r["document"] for r in csv.DictReader(fh)]
    assert paths == sorted(paths)
    book = load_workbook(out / "summary.xlsx")
    assert book.sheetnames == ["documents", "rules"]
    assert 'href="randuagung-2024.html"' in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.samples
@pytest.mark.cli
def test_without_recursive_sub_folders_are_not_searched(archive: Path, tmp_path: Path) -> None:
    proc = run_cli("batch", archive / "rusak", archive / "tidak-ada", "--out", tmp_path / "o")
    # The folder holds only broken files (all listed) and the missing path is named.
    assert proc.returncode == 2 and "tidak-ada" in proc.stderr
    proc = run_cli("batch", tmp_path, "--out", tmp_path / "o2")
    assert proc.returncode == 2 and "Tidak ada berkas PDF/DOCX" in proc.stderr and "No PDF/DOCX files" in proc.stderr


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.slow
def test_exit_status_follows_findings_when_every_file_is_readable(tmp_path: Path) -> None:
    clean = run_cli("batch", GOOD[1], GOOD[2], "--out", tmp_path / "a", "--format", "json")
    assert clean.returncode == 0, clean.stderr
    dirty = run_cli("batch", GOOD[0], GOOD[1], "--out", tmp_path / "b", "--format", "json", "--fail-on", "error")
    assert dirty.returncode == 1


@pytest.mark.samples
@pytest.mark.cli
def test_rerun_uses_the_cache_and_force_redoes(local_run, archive: Path) -> None:
    _, out = local_run
    stamps = {p: p.stat().st_mtime_ns for p in out.glob("*.json") if p.name != "batch-findings.json"}
    again = run_cli("batch", archive, "--recursive", "--out", out, "--jobs", "2", "--format", "json,html")
    assert "(0 diperiksa, 9 dari cache)" in again.stdout, again.stdout
    assert {p: p.stat().st_mtime_ns for p in out.glob("*.json") if p.name != "batch-findings.json"} == stamps
    assert _summary(out).keys() == {p.name for p in GOOD} | {DRAFT_NAME} | set(BROKEN)
    forced = run_cli("batch", archive / GOOD[1].name, "--out", out, "--format", "json,html", "--force")
    assert "(1 diperiksa, 0 dari cache)" in forced.stdout


@pytest.mark.samples
@pytest.mark.cli
def test_changed_rules_rerun_rules_without_reading_the_pdf_again(local_run, tmp_path: Path) -> None:
    _, out = local_run
    extracted = sorted((out / ".cache" / "extract").glob("*.pickle"))
    assert len(extracted) == len(GOOD) + 1  # and the Word draft
    stamps = {p: p.stat().st_mtime_ns for p in extracted}
    rules = tmp_path / "hanya-total.yaml"
    rules.write_text(
        yaml.safe_dump(
            {
                "ruleset": {"id": "hanya-total", "version": "1", "title": {"id": "Jumlah saja", "en": "Totals only"}},
                "rules": default_rules("totals"),
            }
        ),
        encoding="utf-8",
    )
    other = tmp_path / "out"  # the first run's reports stay as they are for the other tests
    proc = run_cli("batch", GOOD[0], "--out", other, "--format", "json", "--rules", rules, "--cache", out / ".cache")
    assert "(1 diperiksa, 0 dari cache)" in proc.stdout, proc.stdout + proc.stderr
    report = json.loads((other / f"{GOOD[0].stem}.json").read_text(encoding="utf-8"))
    assert report["ruleset"]["id"] == "hanya-total"
    assert {f["category"] for f in report["findings"]} == {"totals"}
    assert {p: p.stat().st_mtime_ns for p in extracted} == stamps  # read from the cache


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.slow
def test_a_killed_batch_finishes_the_rest_without_redoing(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    results = out / ".cache" / "results"
    cmd = [
        sys.executable,
        "-m",
        "auditor",
        "batch",
        *map(str, GOOD),
        "--out",
        str(out),
        "--jobs",
        "1",
        "--format",
        "json",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while not (results.is_dir() and any(results.glob("*.json"))):
        assert proc.poll() is None and time.monotonic() < deadline, "the batch ended before it could be killed"
        time.sleep(0.2)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done = {p.name: p.stat().st_mtime_ns for p in out.glob("*.json") if p.name != "batch-findings.json"}
    assert 1 <= len(done) < len(GOOD)
    rerun = run_cli("batch", *GOOD, "--out", out, "--jobs", "1", "--format", "json")
    assert rerun.returncode == 1  # the reference has errors
    assert f"({len(GOOD) - len(done)} diperiksa, {len(done)} dari cache)" in rerun.stdout, rerun.stdout
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.json") if p.name in done} == done
    assert len(_summary(out)) == len(GOOD)


@pytest.mark.samples
@pytest.mark.cli
def test_timeout_and_memory_cap_fail_one_document_only(tmp_path: Path) -> None:
    proc = run_cli("batch", GOOD[0], "--out", tmp_path / "t", "--timeout", "0.3", "--format", "json")
    assert proc.returncode == 2
    assert "batas waktu" in proc.stderr and "longer than 0.3 seconds" in proc.stderr
    proc = run_cli("batch", GOOD[1], "--out", tmp_path / "m", "--max-memory", "60", "--format", "json")
    assert proc.returncode == 2
    row = _summary(tmp_path / "m")[GOOD[1].name]
    assert row["status"] == "failed" and ("memori" in row["reason"].lower())
    assert "Traceback" not in proc.stderr


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.slow
def test_dask_gives_the_same_json_as_the_local_pool(local_run, archive: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    _, local = local_run
    out = tmp_path / "dask"
    files = [archive / pdf.name for pdf in GOOD]  # the very files the local run read
    proc = run_cli("batch", *files, "--out", out, "--jobs", "2", "--executor", "dask", "--format", "json")
    assert proc.returncode == 1, proc.stderr
    for pdf in GOOD:
        assert (out / f"{pdf.stem}.json").read_bytes() == (local / f"{pdf.stem}.json").read_bytes()


@pytest.mark.unit
def test_output_names_keep_folders_and_tell_apart_a_pdf_and_its_docx(tmp_path: Path) -> None:
    from auditor.batch.discover import output_stems

    files = [tmp_path / "2024" / "a.pdf", tmp_path / "2024" / "a.docx", tmp_path / "2025" / "a.pdf"]
    for f in files:
        f.parent.mkdir(exist_ok=True)
        f.write_bytes(b"")
    assert output_stems(files) == {files[0]: "2024/a-pdf", files[1]: "2024/a-docx", files[2]: "2025/a"}
