"""Opening a PDF safely: every way a file can be unusable becomes an InputError."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import (
    PDFDocument,
    PDFEncryptionError,
    PDFNoValidXRef,
    PDFPasswordIncorrect,
    PDFXRefFallback,
)
from pdfminer.pdfparser import PDFParser, PDFSyntaxError
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSEOF, PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from auditor.errors import InputError

MAX_BYTES = 300 * 1024 * 1024  # larger than any real Renja; protects batch workers
# What pdfminer/pdfplumber raise on malformed content.
READ_ERRORS = (
    PdfminerException,
    MalformedPDFException,
    PDFSyntaxError,
    PSException,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    AssertionError,
)


def quiet_readers() -> None:
    """pdfminer, playa and pypdf log every oddity of a damaged PDF in English ("Could not get
    FontBBox ..."), thousands of lines for one file: what matters reaches the user as our own
    bilingual message or finding, and a child's stderr stays small."""
    for name in ("pdfminer", "playa", "pypdf"):
        logging.getLogger(name).setLevel(logging.ERROR)


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
        raise InputError(
            "directory", f"Ini folder, bukan berkas PDF: {name}", f"This is a folder, not a PDF file: {name}"
        )
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
    pdf: pdfplumber.PDF | None = None
    try:
        pdf = pdfplumber.open(path)
        # Touch the page tree now, so a broken or encrypted file fails here.
        _ = len(pdf.pages)
        if not pdf.pages and _declared_pages(pdf.doc) != 0 and not _scanned(pdf.doc):
            # No page where the xref table says the objects are (its offsets are wrong):
            # find the objects by scanning the file, as pdfminer does when it has no table.
            pdf.doc = _ScannedDocument(PDFParser(pdf.stream), password=pdf.password or "")
            pdf.flush_cache()
            _ = len(pdf.pages)
    except READ_ERRORS as exc:
        if pdf is not None:
            pdf.stream.close()
        cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
        raise _open_error(cause, name) from None
    if not pdf.pages:
        declared = _declared_pages(pdf.doc)
        pdf.close()
        if declared == 0:
            raise InputError("no_pages", f"PDF tidak memiliki halaman: {name}", f"The PDF has no pages: {name}")
        why_id, why_en = (
            (
                "daftar halamannya (page tree) tidak ditemukan, juga setelah seluruh berkas ditelusuri",
                "its page tree cannot be found, even by scanning the whole file",
            )
            if declared is None
            else (
                f"daftar halamannya menyebut {declared} halaman, tetapi tidak satu pun dapat ditemukan",
                f"its page tree lists {declared} pages, but none of them can be found",
            )
        )
        raise InputError("corrupt", f"PDF rusak ({why_id}): {name}", f"The PDF is damaged ({why_en}): {name}")
    if (refused := _pdfium_refuses(path)) is not None:
        # pdfminer is lenient; page pictures and OCR need PDFium, which would fail later as an "internal error".
        pdf.close()
        raise InputError(
            "corrupt",
            f"PDF rusak: pembaca gambar halaman (PDFium) tidak dapat membukanya ({refused[0]}); simpan atau cetak "
            f"ulang sebagai PDF, lalu periksa lagi: {name}",
            f"The PDF is damaged: the page renderer (PDFium) cannot open it ({refused[1]}); save or print it to PDF "
            f"again, then try again: {name}",
        )
    return pdf


def _pdfium_refuses(path: Path) -> tuple[str, str] | None:
    """Why PDFium does not open ``path`` (Indonesian, English), or None when it does."""
    import pypdfium2 as pdfium  # here: only opening a PDF needs it

    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == 3:  # FPDF_ERR_FORMAT
            return "formatnya rusak", "its format is damaged"
        if code in (4, 5):  # FPDF_ERR_PASSWORD, FPDF_ERR_SECURITY
            return "terkunci kata sandi", "it is password-protected"
        # PDFium says "Success" when, e.g., the catalog has no page tree.
        return "katalog atau daftar halamannya tidak dapat dipakai", "its catalog or page tree cannot be used"
    doc.close()
    return None


class _ScannedDocument(PDFDocument):
    """A PDF read through pdfminer's fallback: objects are found by scanning the file for
    "N 0 obj", never through the xref table (used when that table parses but points wrong)."""

    def find_xref(self, parser: PDFParser) -> int:
        raise PDFNoValidXRef("the xref table points to the wrong places")


def _scanned(doc: PDFDocument) -> bool:
    """The objects were found by scanning already (pdfminer could not parse the xref table)."""
    return any(isinstance(xref, PDFXRefFallback) for xref in doc.xrefs)


def _declared_pages(doc: PDFDocument) -> int | None:
    """How many pages the catalog's page tree says it holds (/Count); None without a page tree."""
    try:
        tree = resolve1(doc.catalog.get("Pages"))
        if not isinstance(tree, dict):
            return None
        count = resolve1(tree.get("Count"))
        if isinstance(count, int) and count >= 0:
            return count
        kids = resolve1(tree.get("Kids"))
        return len(kids) if isinstance(kids, list) else 0
    except READ_ERRORS:
        return None


def _open_error(exc: object, name: str) -> InputError:
    if isinstance(exc, (PDFPasswordIncorrect, PDFEncryptionError)):
        return InputError(
            "encrypted",
            f"PDF terkunci kata sandi; buka kuncinya lalu periksa lagi: {name}",
            f"The PDF is password-protected; remove the password and try again: {name}",
        )
    why_id, why_en = _damage(exc)
    return InputError(
        "corrupt",
        f"PDF rusak atau tidak lengkap ({why_id}): {name}",
        f"The PDF is damaged or truncated ({why_en}): {name}",
    )


def _damage(exc: object) -> tuple[str, str]:
    """What the reader's exception says about the file, in words (Indonesian, English)."""
    if isinstance(exc, PSEOF):
        return (
            "berkas berakhir di tengah isinya; mungkin terpotong",
            "the file ends in the middle of its content; it may be cut short",
        )
    if isinstance(exc, PDFNoValidXRef):
        return "tabel rujukan silang (xref) tidak ditemukan", "its cross-reference table (xref) cannot be found"
    if isinstance(exc, PDFSyntaxError) and "/Root" in str(exc):
        return (
            "katalog dokumen (/Root) tidak ditemukan; mungkin bukan PDF yang utuh",
            "its document catalog (/Root) cannot be found; it may not be a whole PDF",
        )
    return type(exc).__name__, type(exc).__name__
