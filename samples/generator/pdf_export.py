"""Export .docx to PDF with LibreOffice (`soffice --headless --convert-to pdf`)."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

DEFAULT_TIMEOUT_S = 180.0
SOFFICE_NAMES = ("soffice", "libreoffice")
# PDF export filter per source type: Writer for documents, Calc for spreadsheets.
EXPORT_FILTERS = {".docx": "writer_pdf_Export", ".xlsx": "calc_pdf_Export"}
# The only bytes that differ between two exports of the same .docx (LibreOffice 7.4).
_CREATION_DATE = re.compile(rb"/CreationDate\(D:(\d{14})")
_FILE_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_DOC_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")


class PdfExportError(RuntimeError):
    """LibreOffice failed, timed out, or produced no PDF."""


class SofficeNotFoundError(PdfExportError):
    """No LibreOffice executable on PATH."""


def find_soffice(explicit: str | None = None) -> str:
    """Path of the LibreOffice binary (explicit path, $SOFFICE, or PATH)."""
    candidates = [explicit] if explicit else [os.environ.get("SOFFICE"), *SOFFICE_NAMES]
    for candidate in candidates:
        if candidate and (found := shutil.which(candidate)):
            return found
    raise SofficeNotFoundError(
        "LibreOffice not found: need `soffice` on PATH (e.g. `apt-get install libreoffice-writer`), "
        "or pass --soffice / set $SOFFICE. Use --no-pdf to write only the .docx."
    )


@contextmanager
def private_profile() -> Iterator[str]:
    """A throwaway LibreOffice user profile, as a file:// URI.

    soffice refuses to run twice on one profile (the second call silently hands its
    job to the first instance or fails), so each exporter gets its own under /tmp.
    """
    directory = tempfile.mkdtemp(prefix="renja-lo-profile-", dir="/tmp")
    try:
        yield Path(directory).as_uri()
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def _run(command: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    """Run soffice in its own process group so a timeout can kill soffice.bin too."""
    # TZ=UTC keeps the PDF date string the same length wherever this runs (see normalize_pdf).
    env = {**os.environ, "TZ": "UTC"}
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True, env=env
    )
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise PdfExportError(f"soffice timed out after {timeout:g} s: {' '.join(command)}") from None
    return subprocess.CompletedProcess(command, proc.returncode, stdout, stderr)


def export_pdf(
    source_path: str | Path,
    out_dir: str | Path | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT_S,
    soffice: str | None = None,
    profile_uri: str | None = None,
    creation_date: datetime | None = None,
) -> Path:
    """Convert `source_path` (.docx with Writer, .xlsx with Calc) to `<out_dir>/<stem>.pdf`
    and return that path.

    Pass `profile_uri` (from `private_profile()`) to reuse one profile for several
    files; otherwise a fresh profile is made and removed for this call. With
    `creation_date` the PDF is made byte-reproducible (see normalize_pdf).
    """
    source = Path(source_path).resolve()
    out_dir = Path(out_dir).resolve() if out_dir is not None else source.parent
    binary = find_soffice(soffice)
    if profile_uri is None:
        with private_profile() as uri:
            pdf = _convert(binary, source, out_dir, timeout, uri)
    else:
        pdf = _convert(binary, source, out_dir, timeout, profile_uri)
    if creation_date is not None:
        normalize_pdf(pdf, creation_date)
    return pdf


def normalize_pdf(path: Path, creation_date: datetime) -> None:
    """Pin the creation date and derive the file ID from the content.

    Replacements keep every byte length, so the xref offsets stay valid. The ID and
    checksum are blanked, the rest hashed, and the hash written back: identical
    content then gives an identical file.
    """
    data = bytearray(path.read_bytes())
    date = _CREATION_DATE.search(data)
    if date is not None:
        data[date.start(1) : date.end(1)] = creation_date.strftime("%Y%m%d%H%M%S").encode()
    spans = [m.span(g) for m in _FILE_ID.finditer(data) for g in (1, 2)]
    spans += [m.span(1) for m in _DOC_CHECKSUM.finditer(data)]
    for start, end in spans:
        data[start:end] = b"0" * (end - start)
    digest = hashlib.sha256(data).hexdigest().upper().encode() * 2
    for start, end in spans:
        data[start:end] = digest[: end - start]
    path.write_bytes(data)


def _convert(binary: str, source: Path, out_dir: Path, timeout: float, profile_uri: str) -> Path:
    if not source.is_file():
        raise PdfExportError(f"no such document: {source}")
    export_filter = EXPORT_FILTERS.get(source.suffix.lower())
    if export_filter is None:
        raise PdfExportError(f"cannot export {source.name}: expected one of {', '.join(EXPORT_FILTERS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{source.stem}.pdf"
    # Convert into a scratch directory and move the result: soffice exits 0 even when
    # it wrote nothing, and a stale PDF from an earlier run must not pass as success.
    with tempfile.TemporaryDirectory(prefix="renja-lo-out-", dir="/tmp") as scratch:
        command = [
            binary,
            f"-env:UserInstallation={profile_uri}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            f"pdf:{export_filter}",
            "--outdir",
            scratch,
            str(source),
        ]
        result = _run(command, timeout)
        produced = Path(scratch) / target.name
        if result.returncode != 0 or not produced.is_file() or produced.stat().st_size == 0:
            details = (result.stderr or result.stdout or "").strip()
            hint = ""
            if source.suffix.lower() == ".xlsx" and "could not be loaded" in details:
                hint = " (is LibreOffice Calc installed? e.g. `apt-get install libreoffice-calc-nogui`)"
            raise PdfExportError(
                f"soffice did not produce {target.name} (exit {result.returncode})"
                + (f": {details}" if details else "")
                + hint
            )
        shutil.move(str(produced), target)
    return target
