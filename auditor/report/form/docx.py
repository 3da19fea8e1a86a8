"""The verification sheet as a Word document (A4 landscape), to sign and file."""

from __future__ import annotations

import io
import re

from auditor.report.form.sheet import Sheet
from auditor.report.form.xlsx import FILLS

# Characters a Word XML part cannot hold (text from a PDF may carry them).
_XML_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")
WIDTHS_CM = (1.0, 9.0, 3.2, 5.2, 4.2, 4.2)


def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub("\ufffd", text)


def _shade(cell: object, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    props.append(shading)


def form_docx(sheet: Sheet) -> bytes:
    # Imported here: only this output writes Word files.
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    style = document.styles["Normal"]
    style.font.name = "Liberation Sans"
    style.font.size = Pt(9)

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(_clean(sheet.title))
    run.bold = True
    run.font.size = Pt(13)
    basis = document.add_paragraph(_clean(sheet.basis))
    basis.alignment = WD_ALIGN_PARAGRAPH.CENTER

    identity = document.add_table(rows=0, cols=2)
    identity.autofit = False
    for label, value in sheet.identity:
        cells = identity.add_row().cells
        cells[0].text, cells[1].text = _clean(label), _clean(value)
        cells[0].paragraphs[0].runs[0].bold = True
        for cell in cells:
            cell.paragraphs[0].paragraph_format.space_after = Pt(0)
    _widths(identity, (Cm(5), Cm(21.7)))
    document.add_paragraph()

    table = document.add_table(rows=1, cols=len(sheet.header))
    table.style = "Table Grid"
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, sheet.header, strict=True):
        cell.text = _clean(text)
        cell.paragraphs[0].runs[0].bold = True
        _shade(cell, "F0F0F0")
    _repeat_header(table.rows[0])
    for row, result in zip(sheet.rows, sheet.results, strict=True):
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = _clean(text)
        _shade(cells[2], FILLS[result])
    _widths(table, tuple(Cm(w) for w in WIDTHS_CM))

    note = document.add_paragraph(_clean(sheet.legend))
    note.runs[0].italic = True
    note.paragraph_format.space_before = Pt(6)
    for text in sheet.signature:
        line = document.add_paragraph(_clean(text))
        line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        line.paragraph_format.space_after = Pt(0)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _widths(table: object, widths: tuple[object, ...]) -> None:
    """Column widths in the grid and on every cell: LibreOffice reads the one, Word the other."""
    for column, width in zip(table.columns, widths, strict=True):  # type: ignore[attr-defined]
        column.width = width
        for cell in column.cells:
            cell.width = width


def _repeat_header(row: object) -> None:
    """The header row repeats on every page of a long sheet."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    props.append(flag)
