"""Render one spec table as a spreadsheet (.xlsx) the way offices print tables from Excel.

A table with `render: calc` is not typed into the Word document: the office builds it
in a spreadsheet and prints that (LibreOffice Calc here) into the same PDF. The sheet
holds the caption as merged title rows, then the table grid from the shared layout
(docx_table.layout): merged header cells, wrapped text, thin borders on every cell,
money as numbers with a thousands format. The page setup repeats the header rows on
every page (print titles), fits the table to the page width, and prints the page
number in the footer starting at `first_page_number`, continuing the document's
numbering.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from .docx_table import HEADER_FILL, GridCell, layout
from .spec import Style, Table
from .text_fit import text_height_pt

# LibreOffice 7.4 turns an openpyxl column width of 1 (default font Calibri 11, read
# as Carlito) into this many cm; measured on its PDF output.
CM_PER_CHAR = 0.2469
PT_PER_CM = 72 / 2.54
CM_PER_INCH = 2.54
# Calc's cell text inset (left + right) and the air it leaves above/below text, in pt.
CELL_PAD_X_PT = 4.0
CELL_PAD_Y_PT = 2.0
MARGIN_CM = {"portrait": 2.0, "landscape": 1.5}  # as the Writer sections (docx_render)
FOOTER_CM = {"portrait": 1.0, "landscape": 0.8}
FIXED_DATE = datetime(2000, 1, 1, 0, 0, 0)
MONEY_FORMAT = "#,##0"  # rendered with "," as thousands separator (LibreOffice's en-US default)

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FILL = PatternFill(fill_type="solid", start_color=HEADER_FILL, end_color=HEADER_FILL)


def grid_row_heights(cells: list[GridCell], nrows: int, widths_pt: list[float], font_pt: float) -> list[float]:
    """Height (pt) per grid row so every cell's wrapped text fits, merged cells too.

    Calc does not grow rows for text in merged cells, so every height is set
    explicitly: single-row cells set their row's height; a cell spanning rows that
    still lacks room adds the shortfall to the last row it spans.
    """
    minimum = font_pt * 1.2 + CELL_PAD_Y_PT
    heights = [minimum] * nrows
    for cell in cells:
        if cell.rowspan == 1:
            heights[cell.row] = max(heights[cell.row], _needed_pt(cell, widths_pt, font_pt))
    for cell in sorted((c for c in cells if c.rowspan > 1), key=lambda c: c.rowspan):
        rows = range(cell.row, cell.row + cell.rowspan)
        shortfall = _needed_pt(cell, widths_pt, font_pt) - sum(heights[r] for r in rows)
        if shortfall > 0:
            heights[rows[-1]] += shortfall
    return [round(h, 2) for h in heights]


def _needed_pt(cell: GridCell, widths_pt: list[float], font_pt: float) -> float:
    # text_fit measures bold text, so regular text gets some slack: text that does not
    # fit is clipped by Calc in print but still lands in the PDF, in the wrong cell.
    width = sum(widths_pt[cell.col : cell.col + cell.colspan]) - CELL_PAD_X_PT
    return text_height_pt(cell.text, width, font_pt) + CELL_PAD_Y_PT


def _set_text(cell: Cell, text: str) -> None:
    """Store `text` as a string cell ("=..." and "1" stay text, never formula or number)."""
    cell.value = text
    cell.data_type = "s"


def _write_caption(ws: Worksheet, table: Table, style: Style, ncols: int, widths_pt: list[float]) -> int:
    """Caption lines as merged, bold, centred title rows; returns the next free row."""
    size = style.body_pt - 1
    row = 1
    for line in table.caption:
        cell = ws.cell(row=row, column=1)
        if line:
            _set_text(cell, line)
        cell.font = Font(name=style.font, size=size, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if ncols > 1:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
        lines_pt = text_height_pt(line, sum(widths_pt) - CELL_PAD_X_PT, size)
        ws.row_dimensions[row].height = round(lines_pt + CELL_PAD_Y_PT, 2)
        row += 1
    if table.caption:
        ws.row_dimensions[row].height = 6  # a little air between the title and the table
        row += 1
    return row


def _write_grid_cell(ws: Worksheet, top: int, cell: GridCell, style: Style) -> None:
    target = ws.cell(row=top + cell.row, column=cell.col + 1)
    if cell.kind == "body" and isinstance(cell.value, int) and style.thousands == ",":
        target.value = cell.value
        target.number_format = MONEY_FORMAT
    elif cell.text:
        _set_text(target, cell.text)
    header = cell.kind != "body"
    target.font = Font(name=style.font, size=style.table_pt, bold=cell.kind == "header")
    target.alignment = Alignment(horizontal=cell.align, vertical="center" if header else "top", wrap_text=True)
    if cell.rowspan > 1 or cell.colspan > 1:
        ws.merge_cells(
            start_row=top + cell.row,
            start_column=cell.col + 1,
            end_row=top + cell.row + cell.rowspan - 1,
            end_column=cell.col + cell.colspan,
        )
    # Every position of a merged range gets the border and fill, or Calc leaves gaps.
    for r in range(top + cell.row, top + cell.row + cell.rowspan):
        for c in range(cell.col + 1, cell.col + cell.colspan + 1):
            covered = ws.cell(row=r, column=c)
            covered.border = _BORDER
            if header:
                covered.fill = _FILL


def _page_setup(
    ws: Worksheet, style: Style, orientation: str, first_page_number: int, header: str | None = None
) -> None:
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as needed
    ws.page_setup.firstPageNumber = first_page_number
    ws.page_setup.useFirstPageNumber = True
    margin = MARGIN_CM[orientation] / CM_PER_INCH
    footer = FOOTER_CM[orientation] / CM_PER_INCH
    ws.page_margins = PageMargins(left=margin, right=margin, top=margin, bottom=margin, header=footer, footer=footer)
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "&P"
    ws.oddFooter.center.font = f"{style.font},Regular"
    ws.oddFooter.center.size = round(style.body_pt)
    if header:  # the document's running header, as the Writer pages print it
        ws.oddHeader.right.text = header.replace("&", "&&")
        ws.oddHeader.right.font = f"{style.font},Italic"
        ws.oddHeader.right.size = max(round(style.body_pt) - 2, 7)


def build_workbook(
    table: Table, style: Style, *, orientation: str, first_page_number: int, header: str | None = None
) -> Workbook:
    """A one-sheet workbook printing `table` like an office spreadsheet."""
    cells, nrows, nheader = layout(table, style.thousands, style.code_style)
    ncols = len(table.columns)
    wb = Workbook()
    wb.properties.creator = wb.properties.lastModifiedBy = "Kecamatan"
    wb.properties.created = wb.properties.modified = FIXED_DATE
    ws = wb.active
    ws.title = (table.kind or table.id).replace(".", "")[:31]
    widths_pt = [col.width * PT_PER_CM for col in table.columns]
    for c, column in enumerate(table.columns, start=1):
        ws.column_dimensions[get_column_letter(c)].width = round(column.width / CM_PER_CHAR, 3)
    top = _write_caption(ws, table, style, ncols, widths_pt)
    for cell in cells:
        _write_grid_cell(ws, top, cell, style)
    for r, height in enumerate(grid_row_heights(cells, nrows, widths_pt, style.table_pt)):
        ws.row_dimensions[top + r].height = height
    if nheader:
        ws.print_title_rows = f"{top}:{top + nheader - 1}"
    _page_setup(ws, style, orientation, first_page_number, header)
    return wb


def render_xlsx(
    table: Table,
    style: Style,
    out_path: str | Path,
    *,
    orientation: str,
    first_page_number: int,
    header: str | None = None,
) -> Path:
    """Write `table` as `out_path` (.xlsx) and return the path; `header`: running header text."""
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    build_workbook(table, style, orientation=orientation, first_page_number=first_page_number, header=header).save(
        out_path
    )
    return out_path
