"""Word (.docx) input: recognising it by content, and the messages for Word files that
cannot be read (reading them is read.py's job).

A file is a DOCX when it is a zip holding ``word/document.xml``, whatever its name.
An encrypted DOCX and an old binary ``.doc`` are both OLE compound files; they are
told apart by the streams they hold and each gets its own message.

A zip says in its central directory how many parts it holds and how large each one is
once inflated; a zip bomb says so too. Both are checked before any part is inflated:
the directory's own size from its end record (before ``zipfile`` parses it), then the
declared sizes (:func:`check_parts`). A part that holds more than it declares cannot
cost more than declared: ``zipfile`` (which python-docx reads through) stops inflating
at the declared size and the part then fails its CRC check, a damaged part.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path
from typing import BinaryIO

from auditor.errors import InputError

MAIN_PART = "word/document.xml"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
# Stream names in an OLE directory are UTF-16LE.
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_WORD_97 = "WordDocument".encode("utf-16-le")

MB = 1024 * 1024
# What a Word file may declare. A long Renja is under 2 MB zipped, 5 MB inflated and 100
# parts; pictures inflate little, Word's XML 3-35 times.
MAX_PARTS = 10_000
MAX_DIRECTORY = 4 * MB  # bytes of central directory: about 50,000 entries with short names
MAX_PART = 100 * MB  # inflated size of one part
MAX_TOTAL = 300 * MB  # inflated size of all parts together
MAX_RATIO = 100  # inflated / zipped size of the whole file, once it inflates beyond RATIO_FROM
RATIO_FROM = 50 * MB
_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_EOCD64 = b"PK\x06\x06"


def sniff(path: Path) -> str | None:
    """What the file holds: "pdf", "docx", "zip" (another zip), "broken_zip", "huge_zip"
    (a zip whose directory is too large to look at), "encrypted" (a password-protected
    Office file), "doc" (old Word), "ole" (another old Office file), "other"; None when it
    cannot be looked at (missing, a folder, empty)."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError:
        return None
    if head.startswith(ZIP_MAGIC):
        try:
            if directory_error(path) is not None:
                return "huge_zip"  # zipfile would build an object per entry it lists
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
    if kind == "huge_zip":
        return directory_error(path)
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


def too_big(path: Path, why_id: str, why_en: str) -> InputError:
    return InputError(
        "too_big",
        f"Dokumen Word (.docx) terlalu besar untuk diperiksa: {why_id}; dokumen Renja jauh di bawah batas ini "
        f"(berkasnya mungkin rusak atau sengaja dibuat demikian). Simpan ulang sebagai .docx atau PDF, lalu periksa "
        f"lagi: {path}",
        f"The Word document (.docx) is too large to audit: {why_en}; a Renja is far below this limit (the file may "
        f"be damaged or crafted). Save it again as .docx or PDF, then try again: {path}",
    )


def _mb(size: int, decimal: str = ".") -> str:
    """Megabytes, whole from 10 MB up; ``decimal`` is "," in Indonesian."""
    return f"{size / MB:.0f}" if size >= 10 * MB else f"{size / MB:.1f}".removesuffix(".0").replace(".", decimal)


def directory_error(path: Path) -> InputError | None:
    """The error for a zip whose central directory is too large, read from its end record
    alone; None when it is small enough (or there is no end record: zipfile will say)."""
    try:
        with path.open("rb") as fh:
            found = _directory_size(fh)
    except OSError:
        return None
    if found is None:
        return None
    entries, size = found
    if entries > MAX_PARTS:
        return too_big(
            path,
            f"arsip zip-nya memuat {entries:,} bagian (batas {MAX_PARTS:,})".replace(",", "."),
            f"its zip archive holds {entries:,} parts (limit {MAX_PARTS:,})",
        )
    if size > MAX_DIRECTORY:
        return too_big(
            path,
            f"daftar isi zip-nya {_mb(size, ',')} MB (batas {_mb(MAX_DIRECTORY, ',')} MB)",
            f"its zip directory is {_mb(size)} MB (limit {_mb(MAX_DIRECTORY)} MB)",
        )
    return None


def _directory_size(fh: BinaryIO) -> tuple[int, int] | None:
    """(entries, bytes) of the zip's central directory as its end record states them."""
    end = fh.seek(0, 2)
    tail_size = min(end, 22 + 0xFFFF)  # the end record (22 bytes) and its comment
    fh.seek(end - tail_size)
    tail = fh.read(tail_size)
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) - at < 22:
        return None
    entries, size = struct.unpack_from("<xxxxxxxxxxHI", tail, at)
    if (entries == 0xFFFF or size == 0xFFFFFFFF) and at >= 20 and tail[at - 20 : at - 16] == _EOCD64_LOCATOR:
        # Zip64: the real numbers are in a larger end record the locator points to.
        (offset,) = struct.unpack_from("<Q", tail, at - 20 + 8)
        fh.seek(offset)
        record = fh.read(56)
        if len(record) == 56 and record.startswith(_EOCD64):
            entries, size = struct.unpack_from("<QQ", record, 32)
    return entries, size


def check_parts(archive: zipfile.ZipFile, path: Path) -> None:
    """Refuse (InputError "too_big") a Word file whose parts declare more than a Renja ever
    holds, before any of them is inflated."""
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise too_big(
            path,
            f"arsip zip-nya memuat {len(infos):,} bagian (batas {MAX_PARTS:,})".replace(",", "."),
            f"its zip archive holds {len(infos):,} parts (limit {MAX_PARTS:,})",
        )
    largest = max(infos, key=lambda info: info.file_size, default=None)
    if largest is not None and largest.file_size > MAX_PART:
        raise too_big(
            path,
            f"bagian {largest.filename} berukuran {_mb(largest.file_size, ',')} MB setelah dibuka "
            f"(batas {_mb(MAX_PART, ',')} MB per bagian)",
            f"part {largest.filename} is {_mb(largest.file_size)} MB once unpacked (limit {_mb(MAX_PART)} MB per part)",
        )
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL:
        raise too_big(
            path,
            f"isinya {_mb(total, ',')} MB setelah dibuka (batas {_mb(MAX_TOTAL, ',')} MB)",
            f"its parts come to {_mb(total)} MB once unpacked (limit {_mb(MAX_TOTAL)} MB)",
        )
    zipped = max(1, sum(info.compress_size for info in infos))
    if total > RATIO_FROM and total / zipped > MAX_RATIO:
        ratio = int(total / zipped)
        raise too_big(
            path,
            f"isinya membengkak {ratio}× saat dibuka ({_mb(zipped, ',')} MB menjadi {_mb(total, ',')} MB; "
            f"batas {MAX_RATIO}×)",
            f"it inflates {ratio}-fold when unpacked ({_mb(zipped)} MB to {_mb(total)} MB; limit {MAX_RATIO}x)",
        )
