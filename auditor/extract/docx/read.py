"""Reading a Word document (python-docx for the package, lxml for the XML) into the
made-up page layouts the PDF extractors read (see extract/docx/layout.py)."""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from auditor.errors import InputError
from auditor.extract.docx.body import BodyReader
from auditor.extract.docx.container import check_parts, corrupt, directory_error
from auditor.extract.docx.layout import build_layouts
from auditor.extract.docx.styles import Numbering, StyleSheet
from auditor.extract.page import PageLayout
from auditor.extract.pdf.opening import MAX_BYTES
from auditor.model.places import PlaceIndex

_READ_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    ValueError,
    PackageNotFoundError,
    etree.XMLSyntaxError,
)


@dataclass
class DocxRead:
    layouts: list[PageLayout]  # made-up pages (see extract/docx/layout.py)
    places: PlaceIndex  # the Word position of every table cell on them


def read_docx(path: Path) -> DocxRead:
    """The document's body as made-up page layouts, or an InputError saying why not."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(
            "too_big",
            f"Berkas terlalu besar ({size // (1024 * 1024)} MB, batas {MAX_BYTES // (1024 * 1024)} MB): {path}",
            f"File too large ({size // (1024 * 1024)} MB, limit {MAX_BYTES // (1024 * 1024)} MB): {path}",
        )
    if (error := directory_error(path)) is not None:
        raise error  # before zipfile builds an entry for each part the directory lists
    try:
        with zipfile.ZipFile(path) as archive:
            # Sizes as declared, before anything is inflated (a zip bomb is refused here). What
            # is inflated after this never exceeds them: zipfile, here and in python-docx, stops
            # at a part's declared size, and a part holding more then fails its CRC check.
            check_parts(archive, path)
            bad = archive.testzip()
        if bad is not None:
            raise corrupt(
                path,
                f"bagian {bad} rusak: isinya tidak cocok dengan ukuran atau checksum yang tercatat",
                f"part {bad} is damaged: its content does not match its recorded size or checksum",
            )
        document = docx.Document(str(path))
        styles = StyleSheet.read(document.styles.element)
        try:
            numbering = Numbering(document.part.part_related_by(RT.NUMBERING).element)  # type: ignore[attr-defined]  # the numbering part is an XmlPart
        except KeyError:
            numbering = Numbering(None)  # the document numbers no lists
        blocks = BodyReader(styles, numbering).read(document.element.body)
    except _READ_ERRORS as exc:
        raise corrupt(path, type(exc).__name__, type(exc).__name__) from None
    places = PlaceIndex()
    return DocxRead(build_layouts(blocks, places), places)
