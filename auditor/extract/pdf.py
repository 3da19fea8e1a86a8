"""Opening a PDF safely: every way a file can be unusable becomes an InputError."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from auditor.errors import InputError

MAX_BYTES = 300 * 1024 * 1024  # larger than any real Renja; protects batch workers
# What pdfminer/pdfplumber raise on malformed content.
READ_ERRORS = (
    PdfminerException, MalformedPDFException, PDFSyntaxError, PSException,
    ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError,
)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def open_pdf(path: Path) -> pdfplumber.PDF:
    """Open ``path`` with pdfplumber or raise an InputError that says why not."""
    name = str(path)
    if not path.exists():
        raise InputError("missing", f"Berkas tidak ditemukan: {name}", f"File not found: {name}")
    if path.is_dir():
        raise InputError("directory", f"Ini folder, bukan berkas PDF: {name}", f"This is a folder, not a PDF file: {name}")
    size = path.stat().st_size
    if size == 0:
        raise InputError("empty", f"Berkas kosong (0 byte): {name}", f"The file is empty (0 bytes): {name}")
    if size > MAX_BYTES:
        raise InputError(
            "too_big",
            f"Berkas terlalu besar ({size // (1024 * 1024)} MB, batas {MAX_BYTES // (1024 * 1024)} MB): {name}",
            f"File too large ({size // (1024 * 1024)} MB, limit {MAX_BYTES // (1024 * 1024)} MB): {name}",
        )
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise InputError(
            "not_pdf",
            f"Berkas ini bukan PDF (isinya tidak diawali tanda %PDF): {name}",
            f"This file is not a PDF (it does not start with %PDF): {name}",
        )
    try:
        pdf = pdfplumber.open(path)
        # Touch the page tree now, so a broken or encrypted file fails here.
        _ = len(pdf.pages)
    except READ_ERRORS as exc:
        cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
        raise _open_error(cause, name) from None
    if len(pdf.pages) == 0:
        pdf.close()
        raise InputError("no_pages", f"PDF tidak memiliki halaman: {name}", f"The PDF has no pages: {name}")
    return pdf


def _open_error(exc: object, name: str) -> InputError:
    if isinstance(exc, (PDFPasswordIncorrect, PDFEncryptionError)):
        return InputError(
            "encrypted",
            f"PDF terkunci kata sandi; buka kuncinya lalu periksa lagi: {name}",
            f"The PDF is password-protected; remove the password and try again: {name}",
        )
    return InputError(
        "corrupt",
        f"PDF rusak atau tidak lengkap ({type(exc).__name__}): {name}",
        f"The PDF is damaged or truncated ({type(exc).__name__}): {name}",
    )
