"""Hostile input meets what the tool writes: a file name or PDF text never becomes a
spreadsheet formula, and an extraction-cache file someone else put in the output folder is
never unpickled."""

from __future__ import annotations

import hashlib
import io
import json
import pickle
import shutil
import stat
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import pytest
from builders import document
from conftest import ROOT, SAMPLES, run_cli
from openpyxl import load_workbook

from auditor.extract import DEFAULT_BACKEND
from auditor.pipeline import extraction_key

PDF = SAMPLES / "pdf" / "parakan-2026.pdf"
EVIL = '=HYPERLINK("evil.example")+1'  # a file name cannot hold "/", so no "http://"
BELL = "bell\x07"  # a control character openpyxl refuses in a cell
SHOWN_BELL = "bell\ufffd"
HOSTILE = ["=1+2", "+1+2", "-1+2", "@SUM(A1)", "\t=1+2", "\r=1+2", "#N/A", "=cmd|' /C calc'!A0", "a\x01b"]
WAIT_SECONDS = 300.0


def non_text_strings(book: Any) -> list[str]:
    """Cells that a spreadsheet would not show as plain text: formulas and error values."""
    return [
        f"{ws.title}!{cell.coordinate}={cell.value!r}"
        for ws in book
        for row in ws.iter_rows()
        for cell in row
        if cell.data_type in ("f", "e")
    ]


def text_cells(book: Any) -> set[str]:
    return {cell.value for ws in book for row in ws.iter_rows() for cell in row if cell.data_type == "s"}


@pytest.fixture(autouse=True)
def private_key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every run here signs with a key of its own, never the one in the real home."""
    key = tmp_path / "user-cache" / "cache.key"
    monkeypatch.setenv("RENJA_AUDIT_CACHE_KEY_FILE", str(key))
    return key


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    """``check`` on two copies of a clean sample, named by relative path (as a user types it)."""
    folder = tmp_path_factory.mktemp("check")
    for stem in (EVIL, BELL):
        shutil.copy(PDF, folder / f"{stem}.pdf")
    proc = run_cli("check", f"{EVIL}.pdf", f"{BELL}.pdf", "--format", "json,xlsx", "--out", "out", cwd=folder)
    return proc, folder / "out"


# ---- A: spreadsheets ---------------------------------------------------------------------------


@pytest.mark.samples
@pytest.mark.cli
def test_check_xlsx_keeps_a_formula_like_file_name_as_text(checked) -> None:
    _, out = checked
    book = load_workbook(out / f"{EVIL}.xlsx")
    assert non_text_strings(book) == []
    summary = {row[0].value: row[1] for row in book["summary"].iter_rows() if row[0].value}
    assert summary["path"].value == f"{EVIL}.pdf" and summary["path"].data_type == "s"
    assert summary["pages"].value == 35 and summary["pages"].data_type == "n"  # computed numbers stay numbers
    assert summary["error"].value == 0 and summary["error"].data_type == "n"


@pytest.mark.samples
@pytest.mark.cli
def test_check_index_xlsx_keeps_file_names_as_text(checked) -> None:
    _, out = checked
    book = load_workbook(out / "index.xlsx")
    assert non_text_strings(book) == []
    assert {f"{EVIL}.pdf", f"{EVIL}.json", f"{SHOWN_BELL}.pdf"} <= text_cells(book)
    pages = [row[4] for row in book["documents"].iter_rows(min_row=2)]
    assert [(c.value, c.data_type) for c in pages] == [(35, "n"), (35, "n")]


@pytest.mark.samples
@pytest.mark.cli
def test_control_character_in_a_file_name_does_not_lose_the_document(checked) -> None:
    """A byte a spreadsheet cannot hold is shown as U+FFFD; the document is still audited."""
    proc, out = checked
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stdout + proc.stderr  # both are clean
    report = json.loads((out / f"{BELL}.json").read_text(encoding="utf-8"))
    assert report["document"]["path"] == f"{BELL}.pdf"  # the JSON keeps the name as it is
    book = load_workbook(out / f"{BELL}.xlsx")
    summary = {row[0].value: row[1].value for row in book["summary"].iter_rows() if row[0].value}
    assert summary["path"] == f"{SHOWN_BELL}.pdf"


@pytest.mark.unit
def test_every_text_field_of_a_report_is_text_in_the_xlsx() -> None:
    """Findings and summary sheets with hostile text in every field a PDF can fill."""
    from auditor.findings import Finding, Location
    from auditor.model.document import BBox
    from auditor.report.content import build_report
    from auditor.report.tabular import to_xlsx
    from auditor.rules import load_ruleset
    from auditor.rules.engine import AuditResult

    h = iter(HOSTILE * 3)
    doc = document(path=f"{next(h)}.pdf", unit=next(h), region=next(h), pages=3)
    finding = Finding(
        rule="TOT-001",
        category="totals",
        severity="error",
        titles={"id": next(h), "en": "title"},
        messages={"id": next(h), "en": "message"},
        location=Location(2, next(h), next(h), next(h), row=next(h), bbox=BBox(1, 2, 3, 4), table_label=next(h)),
        expected=next(h),
        actual=next(h),
        value_kind="money",
    )
    report = build_report(doc, AuditResult([finding], []), load_ruleset())
    book = load_workbook(io.BytesIO(to_xlsx(report, "id")))
    assert non_text_strings(book) == []
    shown = text_cells(book)
    assert {v for v in HOSTILE if "\x01" not in v} <= shown and "a\ufffdb" in shown
    numbers = {c.value for c in book["findings"][2] if c.data_type == "n"}
    assert {2, 1, 3, 4} <= numbers  # page and box stay numbers


@pytest.mark.unit
def test_every_text_field_of_an_index_is_text_in_the_xlsx() -> None:
    from auditor.report.index_report import IndexLine, index_xlsx

    h = iter(HOSTILE * 3)
    entry = {
        "path": f"{next(h)}.pdf",
        "unit": next(h),
        "region": next(h),
        "plan_year": 2026,
        "pages": 12,
        "status": "errors",
        "summary": {"error": 2, "warning": 0, "info": 1},
        "seconds": 1.5,
        "sha256": next(h),
        "rule_counts": {next(h): 2},
        "failure": {"kind": "io", "id": next(h), "en": next(h)},
    }
    book = load_workbook(
        io.BytesIO(index_xlsx([IndexLine(entry, f"{next(h)}.html")], "id", {HOSTILE[4]: {"id": next(h)}}))
    )
    assert non_text_strings(book) == []
    assert {f"{HOSTILE[0]}.pdf", *HOSTILE[1:6], f"{HOSTILE[7]}.html"} <= text_cells(book)
    assert [c.value for c in book["rules"][2]] == [HOSTILE[4], "a\ufffdb", 2, 1]
    assert book["documents"]["E2"].data_type == "n" and book["documents"]["J2"].value == 1.5


@pytest.mark.samples
@pytest.mark.cli
def test_batch_keeps_file_names_as_text_in_its_workbooks(tmp_path: Path) -> None:
    archive = tmp_path / "arsip"
    archive.mkdir()
    for stem in (EVIL, BELL):
        shutil.copy(PDF, archive / f"{stem}.pdf")
    proc = run_cli("batch", ".", "--out", tmp_path / "out", "--format", "json,xlsx", "--jobs", "1", cwd=archive)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    summary = load_workbook(tmp_path / "out" / "summary.xlsx")
    assert non_text_strings(summary) == []
    assert {f"{EVIL}.pdf", f"{EVIL}.json", f"{SHOWN_BELL}.pdf"} <= text_cells(summary)
    own = load_workbook(tmp_path / "out" / f"{EVIL}.xlsx")
    assert non_text_strings(own) == [] and f"{EVIL}.pdf" in text_cells(own)


@pytest.mark.samples
@pytest.mark.cli
def test_web_upload_name_is_text_in_the_xlsx(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        # As tests/test_web_api.py: Starlette asks test clients to move to httpx2; httpx still works.
        warnings.simplefilter("ignore", UserWarning)
        from fastapi.testclient import TestClient
    from auditor.web.app import create_app
    from auditor.web.settings import Settings

    with TestClient(create_app(Settings(jobs=1, storage_parent=tmp_path / "store"))) as c:
        created = c.post("/api/jobs", files={"file": (f"{EVIL}.pdf", PDF.read_bytes(), "application/pdf")})
        assert created.status_code == 202, created.text
        job = created.json()
        assert job["name"].startswith("=")  # the upload keeps its (cleaned) name
        deadline = time.monotonic() + WAIT_SECONDS
        while (status := c.get(f"/api/jobs/{job['id']}").json())["status"] not in ("done", "failed"):
            assert time.monotonic() < deadline, "the job did not finish"
            time.sleep(0.3)
        assert status["status"] == "done", status
        xlsx = c.get(f"/api/jobs/{job['id']}/report.xlsx")
    book = load_workbook(io.BytesIO(xlsx.content))
    assert non_text_strings(book) == []
    assert job["name"] in text_cells(book)


# ---- B: the extraction cache ----------------------------------------------------------------------


class _Planted:
    """What an attacker's cache file does when unpickled: here, create ``marker``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (open, (str(self.marker), "w"))


def cache_entry(out: Path, pdf: Path) -> Path:
    sha = hashlib.sha256(pdf.read_bytes()).hexdigest()
    return out / ".cache" / "extract" / extraction_key(sha, DEFAULT_BACKEND, "auto")


def batch(pdf: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_cli("batch", pdf, "--out", out, "--format", "json", "--jobs", "1", *extra)


@pytest.fixture(scope="module")
def reference(checked) -> dict[str, Any]:
    """The report of the sample read straight from the PDF (``check`` keeps no cache)."""
    _, out = checked
    return json.loads((out / f"{EVIL}.json").read_text(encoding="utf-8"))


def same_audit(report: dict[str, Any], reference: dict[str, Any]) -> bool:
    def strip(r: dict[str, Any]) -> dict[str, Any]:
        return {**r, "document": {k: v for k, v in r["document"].items() if k != "path"}}

    return strip(report) == strip(reference)


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.parametrize("framing", ["bare pickle", "made-up signature"])
def test_planted_cache_file_is_never_unpickled(tmp_path: Path, reference: dict[str, Any], framing: str) -> None:
    pdf = tmp_path / PDF.name
    shutil.copy(PDF, pdf)
    out = tmp_path / "out"
    marker = tmp_path / "PWNED"
    planted = pickle.dumps(_Planted(marker))
    if framing == "made-up signature":
        planted = b"\0" * 32 + planted  # the signed layout, with a signature the attacker cannot make
    entry = cache_entry(out, pdf)
    entry.parent.mkdir(parents=True)
    entry.write_bytes(planted)

    proc = batch(pdf, out)
    assert not marker.exists(), "the planted cache file was unpickled"
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = json.loads((out / f"{pdf.stem}.json").read_text(encoding="utf-8"))
    assert same_audit(report, reference)  # read again from the PDF

    from auditor.cache_signing import cache_key, read_signed

    assert read_signed(entry, cache_key(), entry.name) is not None  # replaced by a signed entry


@pytest.mark.samples
@pytest.mark.cli
def test_signed_cache_entry_is_used_and_the_key_stays_private(tmp_path: Path, private_key_file: Path) -> None:
    from auditor.cache_signing import cache_key, read_signed

    out = tmp_path / "out"
    assert not private_key_file.exists()
    first = batch(PDF, out)
    assert first.returncode == 0, first.stdout + first.stderr
    key = private_key_file.read_bytes()
    assert len(key) == 32 and stat.S_IMODE(private_key_file.stat().st_mode) == 0o600
    entry = cache_entry(out, PDF)
    assert read_signed(entry, cache_key(), entry.name) is not None
    assert read_signed(entry, b"k" * 32, entry.name) is None  # another user's key does not verify it
    written = entry.stat().st_mtime_ns

    again = batch(PDF, out, "--force")  # --force: past the result cache, down to the extraction cache
    assert "(1 diperiksa, 0 dari cache)" in again.stdout, again.stdout + again.stderr
    assert entry.stat().st_mtime_ns == written  # a hit: a miss would have written the entry again
    assert private_key_file.read_bytes() == key


@pytest.mark.samples
@pytest.mark.cli
def test_without_a_usable_key_there_is_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference: dict[str, Any]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("RENJA_AUDIT_CACHE_KEY_FILE", str(blocker / "cache.key"))  # cannot be created
    out = tmp_path / "out"
    entry = cache_entry(out, PDF)
    entry.parent.mkdir(parents=True)
    entry.write_bytes(pickle.dumps(_Planted(tmp_path / "PWNED")))

    proc = batch(PDF, out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert not (tmp_path / "PWNED").exists()
    assert entry.read_bytes() == pickle.dumps(_Planted(tmp_path / "PWNED"))  # neither read nor written
    report = json.loads((out / f"{PDF.stem}.json").read_text(encoding="utf-8"))
    assert same_audit(report, reference)


# ---- B: the signing module itself ------------------------------------------------------------------


@pytest.mark.unit
def test_entry_signed_for_another_document_or_altered_is_refused(tmp_path: Path) -> None:
    from auditor.cache_signing import cache_key, read_signed, write_signed

    key = cache_key()
    assert key is not None and cache_key() == key
    entry = tmp_path / "a.pickle"
    write_signed(entry, key, "a.pickle", b"payload")
    assert read_signed(entry, key, "a.pickle") == b"payload"
    assert read_signed(entry, key, "b.pickle") is None  # copied under another document's name
    blob = bytearray(entry.read_bytes())
    blob[-1] ^= 1
    entry.write_bytes(bytes(blob))
    assert read_signed(entry, key, "a.pickle") is None
    entry.write_bytes(b"short")
    assert read_signed(entry, key, "a.pickle") is None
    assert read_signed(tmp_path / "missing.pickle", key, "missing.pickle") is None
    assert [p.name for p in tmp_path.iterdir() if p.name != "user-cache"] == ["a.pickle"]  # no temporary left


@pytest.mark.cli
def test_key_made_by_racing_processes_is_one_key(tmp_path: Path, private_key_file: Path) -> None:
    code = "from auditor.cache_signing import cache_key; k = cache_key(); print(k.hex() if k else None)"
    procs = [
        subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT) for _ in range(8)
    ]
    keys = {p.communicate(timeout=60)[0].strip() for p in procs}
    assert keys == {private_key_file.read_bytes().hex()}
    assert stat.S_IMODE(private_key_file.stat().st_mode) == 0o600
    assert sorted(p.name for p in private_key_file.parent.iterdir()) == ["cache.key"]


@pytest.mark.unit
def test_key_file_defaults_to_the_users_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.cache_signing import key_file

    monkeypatch.delenv("RENJA_AUDIT_CACHE_KEY_FILE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert key_file() == tmp_path / "xdg" / "renja-audit" / "cache.key"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert key_file() == tmp_path / "home" / ".cache" / "renja-audit" / "cache.key"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/dir")  # the XDG spec says to ignore a relative path
    assert key_file() == tmp_path / "home" / ".cache" / "renja-audit" / "cache.key"
