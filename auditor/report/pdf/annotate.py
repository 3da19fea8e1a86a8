"""The entry: the author's PDF with every finding marked on it (see the package docstring)."""

from __future__ import annotations

import io
from collections import defaultdict
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    NameObject,
    NumberObject,
)

from auditor.i18n import t
from auditor.report.content import Report
from auditor.report.pdf.geometry import Geometry
from auditor.report.pdf.marks import overlay_ops, page_marks, text_boxes
from auditor.report.pdf.notes import write_notes
from auditor.report.pdf.plumbing import (
    add_fonts,
    annotate_badge,
    append_content,
    font_object,
    stream_object,
)
from auditor.report.pdf.style import FONT_BOLD, FONT_REGULAR


def annotate_pdf(pdf_path: Path, report: Report, lang: str) -> bytes:
    """The PDF at ``pdf_path`` with ``report``'s findings marked on its pages and
    listed on notes pages appended at the end, as PDF bytes.

    Finding numbers are 1-based positions in ``report.findings`` (the order of
    the JSON, HTML, CSV and XLSX reports). Page content is left as it was; the
    marks are drawn on top of it and the notes are PDF Text annotations.
    """
    reader = PdfReader(pdf_path)
    writer = PdfWriter(clone_from=reader)
    page_count = len(reader.pages)
    findings = report.findings
    by_page: dict[int, list[int]] = defaultdict(list)
    for i, f in enumerate(findings):
        page_no = f.location.page
        if isinstance(page_no, int) and 1 <= page_no <= page_count:
            by_page[page_no].append(i)

    fonts = {"Regular": font_object(writer, FONT_REGULAR), "Bold": font_object(writer, FONT_BOLD)}
    prefix = stream_object(writer, b"q\n")
    blank = stream_object(
        writer,
        b"",
        {
            "/Type": NameObject("/XObject"),
            "/Subtype": NameObject("/Form"),
            "/BBox": ArrayObject([NumberObject(0), NumberObject(0), NumberObject(1), NumberObject(1)]),
        },
    )
    geometries = {p: Geometry.of(writer.pages[p - 1]) for p in sorted(by_page)}
    words = text_boxes(pdf_path, geometries)
    for page_no, indexes in sorted(by_page.items()):
        page = writer.pages[page_no - 1]
        geometry = geometries[page_no]
        cells, evidence, badges = page_marks(page_no, geometry, indexes, findings, words.get(page_no, []))
        names = add_fonts(page, {"Bold": fonts["Bold"]})
        append_content(
            page, prefix, stream_object(writer, overlay_ops(geometry, cells, evidence, badges, names["Bold"]))
        )
        for badge in badges:
            annotate_badge(writer, page, geometry, badge, findings, lang, blank)

    first_notes = write_notes(writer, report, lang, fonts, page_count)
    writer.add_outline_item(title=t("pdf.notes_title", lang), page_number=first_notes)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
