"""Word (.docx) input: recognising it by content, and the messages for Word files that
cannot be read (reading them is docx_read's job).

A file is a DOCX when it is a zip holding ``word/document.xml``, whatever its name.
An encrypted DOCX and an old binary ``.doc`` are both OLE compound files; they are
told apart by the streams they hold and each gets its own message.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from auditor.errors import InputError

MAIN_PART = "word/document.xml"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
# Stream names in an OLE directory are UTF-16LE.
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_WORD_97 = "WordDocument".encode("utf-16-le")


def sniff(path: Path) -> str | None:
    """What the file holds: "pdf", "docx", "zip" (another zip), "broken_zip",
    "encrypted" (a password-protected Office file), "doc" (old Word), "ole" (another
    old Office file), "other"; None when it cannot be looked at (missing, a folder, empty)."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError:
        return None
    if head.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(path) as archive:
                return "docx" if MAIN_PART in archive.namelist() else "zip"
        except (zipfile.BadZipFile, OSError, ValueError):
            return "broken_zip"
    if head.startswith(OLE_MAGIC):
        return _ole_kind(path)
    # After the zip test: a Word file may store "%PDF-" bytes near its start.
    return "pdf" if b"%PDF-" in head else "other"


def _ole_kind(path: Path) -> str:
    found = {"encrypted": False, "doc": False}
    tail = b""
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            data = tail + chunk
            found["encrypted"] |= _ENCRYPTED in data
            found["doc"] |= _WORD_97 in data
            tail = data[-64:]
    return "encrypted" if found["encrypted"] else "doc" if found["doc"] else "ole"


def input_error(kind: str, path: Path) -> InputError | None:
    """The error for a file that is not a readable DOCX; None when the PDF reader should judge it.

    The file's name decides only how a file of unknown content is described: a
    ``.docx`` that holds neither a PDF nor a zip is called a damaged Word document.
    """
    name = str(path)
    suffix = path.suffix.lower()
    if kind == "encrypted":
        return InputError(
            "encrypted",
            f"Dokumen Word terkunci kata sandi; buka kuncinya (simpan tanpa kata sandi) lalu periksa lagi: {name}",
            f"The Word document is password-protected; save it without the password and try again: {name}",
        )
    if kind == "doc":
        return InputError(
            "old_doc",
            f"Berkas ini dokumen Word lama (.doc) yang tidak dapat dibaca; buka di Word/LibreOffice, simpan sebagai "
            f".docx atau PDF, lalu periksa lagi: {name}",
            f"This is an old Word document (.doc), which cannot be read; open it in Word/LibreOffice, save it as "
            f".docx or PDF, then try again: {name}",
        )
    if kind == "broken_zip":
        return corrupt(path, "arsip zip-nya rusak atau terpotong", "its zip archive is damaged or truncated")
    if kind == "zip" or (kind in ("ole", "other") and suffix in (".docx", ".doc", ".docm")):
        return InputError(
            "not_docx",
            f"Berkas ini bukan PDF dan bukan dokumen Word (.docx) (mungkin berkas Excel, PowerPoint atau lainnya); "
            f"simpan dokumennya sebagai .docx atau PDF, lalu periksa lagi: {name}",
            f"This file is neither a PDF nor a Word document (.docx) (perhaps an Excel, PowerPoint or other file); "
            f"save the document as .docx or PDF, then try again: {name}",
        )
    return None


def corrupt(path: Path, why_id: str, why_en: str) -> InputError:
    return InputError(
        "corrupt",
        f"Dokumen Word (.docx) rusak dan tidak dapat dibaca ({why_id}); simpan ulang sebagai .docx atau PDF, "
        f"lalu periksa lagi: {path}",
        f"The Word document (.docx) is damaged and cannot be read ({why_en}); save it again as .docx or PDF, "
        f"then try again: {path}",
    )
