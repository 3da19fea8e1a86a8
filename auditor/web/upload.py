"""One upload: a harmless file name, the real type of its content, and its size limit."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path
from typing import Protocol

from auditor.extract.docx.container import directory_error
from auditor.i18n import LANGS
from auditor.web.errors import WebError
from auditor.web.settings import MB
from auditor.web.texts import text

SUFFIXES = {"pdf": ".pdf", "docx": ".docx"}
MAX_NAME_BYTES = 150  # well under any file system's 255-byte limit
DEFAULT_STEM = "dokumen"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary Office files (.doc, .xls)
CHUNK = 1 << 20


class Readable(Protocol):
    async def read(self, size: int = -1) -> bytes: ...


def display_name(raw: str | None) -> str:
    """The base name a browser sent, without folders, control characters or leading dots."""
    base = (raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join("_" if unicodedata.category(ch)[0] == "C" or ch in '<>:"|?*' else ch for ch in base)
    return base.strip(" .")


def safe_name(raw: str | None, kind: str) -> str:
    """The name the upload is saved (and reported) under: its own name, ending in the suffix
    of what it really holds, so it is never taken for a script or a hidden file."""
    name = display_name(raw)
    suffix = SUFFIXES[kind]
    if name.lower().endswith(suffix):
        name, suffix = name[: -len(suffix)], name[-len(suffix) :]  # keeps "RENJA.PDF" as it is
    stem = name.strip(" .") or DEFAULT_STEM
    while len(f"{stem}{suffix}".encode()) > MAX_NAME_BYTES:
        stem = stem[:-1]
    return f"{stem}{suffix}"


async def save_upload(upload: Readable, target: Path, limit: int) -> int:
    """Copy the upload to ``target`` (created private), refusing it once it passes ``limit`` bytes."""
    size = 0
    with open(target, "xb") as fh:
        while chunk := await upload.read(CHUNK):
            size += len(chunk)
            if size > limit:
                raise too_big(limit, None)
            fh.write(chunk)
    return size


def too_big(limit: int, size: int | None) -> WebError:
    """413, saying the size when it is known (from Content-Length) and always the limit."""
    texts = {
        lang: text(
            "err.too_big",
            lang,
            size=text("err.size", lang, mb=megabytes(size, lang)) if size else "",
            limit=megabytes(limit, lang),
        )
        for lang in LANGS
    }
    return WebError(413, "too_big", texts)


def megabytes(size: int, lang: str) -> str:
    """ "3,5" in Bahasa Indonesia, "3.5" in English; whole numbers without decimals."""
    shown = f"{size / MB:.1f}".removesuffix(".0")
    return shown.replace(".", ",") if lang == "id" else shown


def sniff(path: Path) -> str | None:
    """ "pdf" or "docx" by content (never by name), else None."""
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" in head:  # as the PDF reader itself: the header may follow a little junk
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if directory_error(path) is not None:
            # Not unpacked in the server: the audit, in its capped child, refuses it and says why.
            return "docx"
        try:
            with zipfile.ZipFile(path) as archive:
                return "docx" if "word/document.xml" in archive.namelist() else None
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
    return None


def document_kind(path: Path, raw_name: str | None) -> str:
    """What the saved upload holds, or the refusal that says why it cannot be audited."""
    name = display_name(raw_name) or DEFAULT_STEM
    if path.stat().st_size == 0:
        raise WebError.of(422, "empty", name=name)
    kind = sniff(path)
    if kind:
        return kind
    with path.open("rb") as fh:
        head = fh.read(4096)
    if head.startswith(OLE2):
        raise WebError.of(415, "old_doc", name=name)
    plain = _plain_text(head)
    key = {".pdf": "not_pdf", ".docx": "not_docx"}.get(Path(name).suffix.lower(), "unsupported")
    texts = {
        lang: text(f"err.{key}", lang, name=name, what=text("err.plain_text", lang) if plain else "") for lang in LANGS
    }
    raise WebError(415, key, texts)


def _plain_text(head: bytes) -> bool:
    """No control bytes but tab, new line, form feed and carriage return: a text file."""
    return bool(head) and not any(b < 9 or 13 < b < 32 or b == 11 for b in head)
