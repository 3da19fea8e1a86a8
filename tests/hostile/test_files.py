"""Hostile or unlucky files and folders: a Word document LibreOffice cannot print, a DOCX
that declares (or hides) far more than it holds, a PDF whose cross-reference table points to
the wrong places, and output folders with something in the way. Every input is made on the
fly in tmp_path from a sample; every run goes through the command line, as a user's does."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pytest
from conftest import ROOT, SAMPLES, run_cli
from pypdf import PdfWriter

DOCX = SAMPLES / "pdf" / "kencong-2024.docx"  # no findings: exit 0 when all is well
DOCX_WITH_ERRORS = SAMPLES / "pdf" / "randuagung-2024.docx"  # errors: exit 1 when all is well
PDF = SAMPLES / "pdf" / "kencong-2024.pdf"
MB = 1024 * 1024
PEAK_LIMIT_MB = 400


@pytest.fixture(autouse=True)
def private_key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Batch runs here sign their cache with a key of their own, never the one in the real home."""
    key = tmp_path / "user-cache" / "cache.key"
    monkeypatch.setenv("RENJA_AUDIT_CACHE_KEY_FILE", str(key))
    return key


def assert_plain_message(proc: subprocess.CompletedProcess[str]) -> None:
    """What the user reads is our own message, never Python's."""
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "[Errno" not in proc.stderr + proc.stdout, proc.stderr
    assert "Kesalahan internal" not in proc.stderr and "Internal error" not in proc.stderr, proc.stderr


# --------------------------------------------------------------------------- 1. no LibreOffice print


def _no_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> tuple[str, str]:
    """Make LibreOffice missing or failing for the child processes; the reason each message gives."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.delenv("RENJA_AUDIT_SOFFICE", raising=False)  # found on PATH, as on a user's machine
    if how == "missing":
        monkeypatch.setenv("PATH", str(bin_dir))  # nothing to run there (Python is started by its full path)
        return "LibreOffice (soffice) tidak terpasang", "LibreOffice (soffice) is not installed"
    fake = bin_dir / "soffice"
    fake.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")  # before the real one
    return "gagal mencetaknya ke PDF (kode keluar 1)", "failed to print it to PDF (exit code 1)"


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.parametrize("how", ["missing", "failing"])
def test_docx_annotated_pdf_alone_without_a_print_exits_2_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    why_id, why_en = _no_libreoffice(tmp_path, monkeypatch, how)
    out = tmp_path / "out"
    proc = run_cli("check", DOCX, "--format", "pdf", "--out", out)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert "PDF beranotasi untuk" in proc.stderr and "The annotated PDF of" in proc.stderr
    assert why_id in proc.stderr and why_en in proc.stderr
    assert "nothing was written" in proc.stderr
    assert not out.exists() or not any(out.iterdir())
    assert_plain_message(proc)


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.parametrize("how", ["missing", "failing"])
def test_docx_other_formats_are_written_with_a_warning_when_no_print(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    why_id, why_en = _no_libreoffice(tmp_path, monkeypatch, how)
    out = tmp_path / "out"
    proc = run_cli("check", DOCX_WITH_ERRORS, "--format", "json,html,pdf", "--out", out)
    assert proc.returncode == 1, (proc.stdout, proc.stderr)  # the findings' status, as with a print
    stem = DOCX_WITH_ERRORS.stem
    assert sorted(p.name for p in out.iterdir()) == [f"{stem}.html", f"{stem}.json"]
    assert json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))["summary"]["error"] > 0
    assert why_id in proc.stderr and why_en in proc.stderr
    assert "nothing was written" not in proc.stderr
    assert_plain_message(proc)


# --------------------------------------------------------------------------- 2. DOCX zip bombs


def _docx(target: Path, big_parts: int = 0, big_mb: int = 0, tiny_parts: int = 0) -> Path:
    """The sample with ``big_parts`` pictures of ``big_mb`` MB of zeros (linked from the
    document, so python-docx would load them) and ``tiny_parts`` empty parts. Zeros deflate
    about 1000-fold: 500 MB take half a megabyte, written in 1 MB steps."""
    with zipfile.ZipFile(DOCX) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                links = "".join(
                    f'<Relationship Id="rIdBig{i}" Target="media/big{i}.bin" Type="http://schemas.openxmlformats.org'
                    f'/officeDocument/2006/relationships/image"/>'
                    for i in range(big_parts)
                )
                data = data.replace(b"</Relationships>", links.encode() + b"</Relationships>")
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"<Default ", b'<Default Extension="bin" ContentType="image/png"/><Default ', 1)
            zout.writestr(info.filename, data)
        zeros = bytes(MB)
        for i in range(big_parts):
            with zout.open(f"word/media/big{i}.bin", "w") as fh:
                for _ in range(big_mb):
                    fh.write(zeros)
        for i in range(tiny_parts):
            zout.writestr(f"customXml/extra{i}.xml", b"")
    return target


def _declare(path: Path, part: str, size: int) -> None:
    """Make ``part``'s local and central headers claim ``size`` bytes unpacked (a lying zip)."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(part)
    data = bytearray(path.read_bytes())
    struct.pack_into("<I", data, info.header_offset + 22, size)
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_length] == part.encode():
            struct.pack_into("<I", data, at + 24, size)
            break
        at = data.find(b"PK\x01\x02", at + 4)
    else:
        raise AssertionError(f"no central directory entry for {part}")
    path.write_bytes(bytes(data))


def _measured(*args: str | Path) -> tuple[subprocess.CompletedProcess[str], float]:
    """``renja-audit`` run under a wrapper that reports the largest resident set of the
    processes it waited for (the CLI, its capped child, LibreOffice): (process, peak MB)."""
    wrapper = (
        "import json, resource, subprocess, sys\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(json.dumps({'code': p.returncode, 'out': p.stdout, 'err': p.stderr, 'peak': peak}))\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", wrapper, sys.executable, "-m", "auditor", *map(str, args)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    got = json.loads(ran.stdout)
    return subprocess.CompletedProcess(args, got["code"], got["out"], got["err"]), got["peak"]


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.parametrize(
    ("build", "said_id", "said_en"),
    [
        pytest.param(
            lambda p: _docx(p, big_parts=1, big_mb=500),
            "berukuran 500 MB setelah dibuka (batas 100 MB per bagian)",
            "is 500 MB once unpacked (limit 100 MB per part)",
            id="one-part-500MB",
        ),
        pytest.param(
            lambda p: _docx(p, big_parts=4, big_mb=90),
            "setelah dibuka (batas 300 MB)",
            "once unpacked (limit 300 MB)",
            id="four-parts-90MB-each",
        ),
        pytest.param(lambda p: _docx(p, big_parts=1, big_mb=60), "batas 100×", "limit 100x", id="inflates-400-fold"),
        pytest.param(lambda p: _docx(p, tiny_parts=20_000), "(batas 10.000)", "(limit 10,000)", id="20000-parts"),
    ],
)
def test_docx_declaring_too_much_is_refused_before_inflating(
    tmp_path: Path, build: Callable[[Path], Path], said_id: str, said_en: str
) -> None:
    docx = build(tmp_path / "bom.docx")
    assert docx.stat().st_size < 3 * MB
    proc, peak = _measured("check", docx, "--out", tmp_path / "out")
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert "terlalu besar untuk diperiksa" in proc.stderr and "too large to audit" in proc.stderr
    assert said_id in proc.stderr and said_en in proc.stderr
    assert peak < PEAK_LIMIT_MB, peak
    assert not (tmp_path / "out").exists()
    assert_plain_message(proc)


@pytest.mark.samples
@pytest.mark.cli
def test_docx_part_holding_more_than_declared_is_never_inflated_past_it(tmp_path: Path) -> None:
    # 500 MB of zeros behind a header that says 1000 bytes: zipfile stops at 1000 and the
    # part fails its CRC. (Already so before the size checks; kept so that it stays so.)
    docx = _docx(tmp_path / "liar.docx", big_parts=1, big_mb=500)
    _declare(docx, "word/media/big0.bin", 1000)
    with zipfile.ZipFile(docx) as archive:
        assert archive.getinfo("word/media/big0.bin").file_size == 1000
    proc, peak = _measured("check", docx, "--out", tmp_path / "out")
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert "bagian word/media/big0.bin rusak" in proc.stderr
    assert "does not match its recorded size or checksum" in proc.stderr
    assert peak < PEAK_LIMIT_MB, peak
    assert_plain_message(proc)


# --------------------------------------------------------------------------- 3a. damaged PDFs


def _with_xref(data: bytes, change: Callable[[int], int]) -> bytes:
    """``data`` with each in-use entry of its (last) classic xref table rewritten by ``change``."""
    at = int(data[data.rfind(b"startxref") + 9 :].split()[0])
    head, table = data[:at], data[at:]
    assert table.startswith(b"xref")
    return head + re.sub(rb"(\d{10}) (\d{5}) n", lambda m: b"%010d %s n" % (change(int(m[1])), m[2]), table)


@pytest.mark.samples
@pytest.mark.cli
def test_pdf_with_wrong_xref_offsets_is_audited(tmp_path: Path) -> None:
    shifted = tmp_path / "shifted.pdf"
    shifted.write_bytes(_with_xref(PDF.read_bytes(), lambda offset: offset + 5))
    out = tmp_path / "out"
    proc = run_cli("check", shifted, "--format", "json", "--out", out)
    assert proc.returncode == 0, (proc.stdout, proc.stderr)  # as the intact sample
    report = json.loads((out / "shifted.json").read_text(encoding="utf-8"))
    with pdfplumber.open(PDF) as intact:
        assert report["document"]["pages"] == len(intact.pages)
    assert report["document"]["unit"] and report["tables"]


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.parametrize(
    ("mangle", "said_id", "said_en"),
    [
        pytest.param(
            # The catalog loses /Pages and no object is a /Page any more: there is nothing to find.
            lambda d: (
                _with_xref(d, lambda o: o + 5)
                .replace(b"/Pages 154 0 R", b"/Pagez 154 0 R")
                .replace(b"/Type/Page", b"/Type/Pagx")
            ),
            "daftar halamannya (page tree) tidak ditemukan",
            "its page tree cannot be found",
            id="no-page-tree",
        ),
        pytest.param(
            lambda d: _with_xref(d, lambda o: o + 5).replace(b"/Type/Page", b"/Type/Pagx"),
            "daftar halamannya menyebut 51 halaman",
            "its page tree lists 51 pages, but none",
            id="pages-unfindable",
        ),
        pytest.param(
            # pdfminer finds the pages without a page tree, PDFium (pictures, OCR) does not open it.
            lambda d: d.replace(b"/Pages 154 0 R", b"/Pagez 154 0 R"),
            "PDFium",
            "the page renderer (PDFium) cannot open it",
            id="catalog-without-pages",
        ),
        pytest.param(
            lambda d: d[: len(d) // 2],
            "mungkin terpotong",
            "it may be cut short",
            id="cut-in-half",
        ),
    ],
)
def test_damaged_pdf_says_what_is_damaged(
    tmp_path: Path, mangle: Callable[[bytes], bytes], said_id: str, said_en: str
) -> None:
    damaged = tmp_path / "damaged.pdf"
    data = PDF.read_bytes()
    assert b"/Pages 154 0 R" in data and data.count(b"/Type/Page") > 50  # what the mangling relies on
    damaged.write_bytes(mangle(data))
    proc = run_cli("check", damaged, "--out", tmp_path / "out")
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert "PDF rusak" in proc.stderr and "The PDF is damaged" in proc.stderr
    assert said_id in proc.stderr and said_en in proc.stderr
    assert "no pages" not in proc.stderr and "PSEOF" not in proc.stderr
    assert_plain_message(proc)


@pytest.mark.cli
def test_pdf_with_an_empty_page_tree_still_has_no_pages(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    with empty.open("wb") as fh:
        PdfWriter().write(fh)
    proc = run_cli("check", empty, "--out", tmp_path / "out")
    assert proc.returncode == 2
    assert "PDF tidak memiliki halaman" in proc.stderr and "The PDF has no pages" in proc.stderr


# --------------------------------------------------------------------------- 3b. something in the way


def _archive(tmp_path: Path) -> Path:
    """An archive with a document at the top and one in a sub-folder (Word: quick to read)."""
    archive = tmp_path / "arsip"
    (archive / "2024").mkdir(parents=True)
    shutil.copy(DOCX, archive / "atas.docx")
    shutil.copy(DOCX, archive / "2024" / "bawah.docx")
    return archive


@pytest.mark.samples
@pytest.mark.cli
def test_batch_file_where_a_report_folder_must_go(tmp_path: Path) -> None:
    archive, out = _archive(tmp_path), tmp_path / "hasil"
    out.mkdir()
    (out / "2024").write_text("not a folder", encoding="utf-8")
    proc = run_cli("batch", archive, "--recursive", "--out", out, "--jobs", "1", "--format", "json")
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert f"{out / '2024'} adalah berkas, padahal di situ harus ada folder" in proc.stderr
    assert f"{out / '2024'} is a file where a folder must be" in proc.stderr
    assert "File exists" not in proc.stderr
    assert (out / "atas.json").is_file()  # the other document is written
    assert_plain_message(proc)


@pytest.mark.samples
@pytest.mark.cli
def test_batch_out_that_is_a_file_audits_nothing(tmp_path: Path) -> None:
    archive, out = _archive(tmp_path), tmp_path / "hasil.txt"
    out.write_text("a file", encoding="utf-8")
    proc = run_cli("batch", archive, "--recursive", "--out", out / "sub", "--jobs", "1")
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert f"--out {out / 'sub'} tidak dapat dibuat atau dipakai: {out} adalah berkas" in proc.stderr
    assert f"--out {out / 'sub'} cannot be created or used: {out} is a file where a folder must be" in proc.stderr
    assert proc.stderr.count("Not audited") == 2
    assert out.read_text(encoding="utf-8") == "a file"
    assert_plain_message(proc)


@pytest.mark.samples
@pytest.mark.cli
def test_batch_folder_where_a_report_file_must_go(tmp_path: Path) -> None:
    archive, out = _archive(tmp_path), tmp_path / "hasil"
    (out / "atas.json").mkdir(parents=True)  # a folder named like the report
    (out / "index.html").mkdir()
    proc = run_cli("batch", archive, "--recursive", "--out", out, "--jobs", "1", "--format", "json")
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert f"{out / 'atas.json'} adalah folder, padahal di situ harus ditulis berkas" in proc.stderr
    assert f"{out / 'atas.json'} is a folder where a file must be written" in proc.stderr
    assert "The summary (index.html, summary.csv, summary.xlsx) cannot be written" in proc.stderr
    assert "Is a directory" not in proc.stderr
    assert (out / "2024" / "bawah.json").is_file()
    assert_plain_message(proc)


@pytest.mark.samples
@pytest.mark.cli
def test_batch_whose_summary_cannot_be_written_is_not_done(tmp_path: Path) -> None:
    """Every document audited, only index.html in the way: exit 2 (before: exit 0/1, as if done)."""
    archive, out = _archive(tmp_path), tmp_path / "hasil"
    (out / "index.html").mkdir(parents=True)
    proc = run_cli("batch", archive, "--recursive", "--out", out, "--jobs", "1", "--format", "json")
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert "Ringkasan (index.html, summary.csv, summary.xlsx) tidak dapat ditulis" in proc.stderr
    assert "The summary (index.html, summary.csv, summary.xlsx) cannot be written" in proc.stderr
    assert (out / "atas.json").is_file() and (out / "2024" / "bawah.json").is_file()
    assert_plain_message(proc)


@pytest.mark.samples
@pytest.mark.cli
def test_check_index_that_cannot_be_written_is_a_message(tmp_path: Path) -> None:
    archive, out = _archive(tmp_path), tmp_path / "hasil"
    (out / "index.html").mkdir(parents=True)
    proc = run_cli("check", archive / "atas.docx", archive / "2024" / "bawah.docx", "--out", out, "--format", "json")
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert f"{out / 'index.html'} is a folder where a file must be written" in proc.stderr
    assert (out / "atas.json").is_file() and (out / "bawah.json").is_file()
    assert_plain_message(proc)
