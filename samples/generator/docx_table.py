"""Build a spec table as raw WordprocessingML (`w:tbl`).

The table XML is written directly instead of through python-docx's Table API because
that API looks cells up in O(rows x cols) per access and merges cells by moving
content around; a T-C.33 has thousands of cells and many vertical merges. Writing the
grid ourselves keeps it fast and makes every merge explicit (gridSpan / vMerge).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from .spec import CellValue, Row, Table
from .text_fit import text_height_pt

CellKind = Literal["header", "number", "body"]

TWIPS_PER_CM = 1440 / 2.54
HEADER_FILL = "D9D9D9"  # light grey, as Word's "White, Background 1, Darker 15%"
CELL_MARGIN_TWIPS = 57  # ~0.1 cm left/right: real Renja tables are cramped
BORDER_SIZE = "4"  # eighths of a point: 0.5 pt single line

# Paragraph style ids created by docx_render.
TABLE_TEXT_STYLE = "RenjaTableText"
TABLE_HEADER_STYLE = "RenjaTableHeader"


@dataclass(frozen=True)
class GridCell:
    """One visible cell: its top-left grid position and how far it spans."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    kind: CellKind
    align: str  # left | center | right
    value: CellValue | None = None  # the spec value behind a body cell (int = money)


def cm_to_twips(cm: float) -> int:
    return round(cm * TWIPS_PER_CM)


def format_value(value: CellValue | None, thousands: str) -> str:
    """Money (int) gets the style's thousands separator; text stays verbatim."""
    if value is None:
        return ""
    if isinstance(value, int):
        return f"{value:,}".replace(",", thousands)
    return value


# --------------------------------------------------------------------------- layout


def layout(table: Table, thousands: str, code_style: str = "written") -> tuple[list[GridCell], int, int]:
    """Lay the table out on a grid.

    Returns (cells, total grid rows, number of header grid rows). Header rows come
    first (spec header, then number_row); each body row takes one grid row, or N grid
    rows when it has N `split` sub-rows. With `code_style` "canonical" the code column
    prints each row's canonical code instead of cells.code.
    """
    cells = _header_cells(table)
    nheader = len(table.header)
    if table.number_row is not None:
        cells += [GridCell(nheader, c, 1, 1, text, "number", "center") for c, text in enumerate(table.number_row)]
        nheader += 1
    row = nheader
    for spec_row in table.rows:
        placed, height = _body_row_cells(table, spec_row, row, thousands, code_style)
        cells += placed
        row += height
    return cells, row, nheader


def _header_cells(table: Table) -> list[GridCell]:
    return [
        GridCell(p.row, p.col, p.cell.rowspan, p.cell.colspan, p.cell.text, "header", "center")
        for p in table.placed_header()
    ]


def _body_row_cells(
    table: Table, spec_row: Row, top: int, thousands: str, code_style: str
) -> tuple[list[GridCell], int]:
    """Cells of one spec row; split columns stack, the others merge vertically."""
    height = max(1, len(spec_row.split))
    split_keys = set(spec_row.split_keys(table.columns))
    out: list[GridCell] = []
    for c, column in enumerate(table.columns):
        if column.key in split_keys:
            for i, sub in enumerate(spec_row.split):
                value = sub.get(column.key)
                text = format_value(value, thousands)
                out.append(GridCell(top + i, c, 1, 1, text, "body", _align(column.align, value), value))
        else:
            value = spec_row.cells.get(column.key)
            if column.key == "code" and code_style == "canonical" and spec_row.code is not None:
                value = spec_row.code
            text = format_value(value, thousands)
            out.append(GridCell(top, c, height, 1, text, "body", _align(column.align, value), value))
    return out, height


def _align(column_align: str | None, value: CellValue | None) -> str:
    # Money is always right-aligned (as Word users do with amounts); text follows the column.
    if isinstance(value, int):
        return "right"
    return column_align or "left"


# --------------------------------------------------------------------------- XML


def _el(tag: str, **attrs: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _sub(parent: BaseOxmlElement, tag: str, **attrs: str) -> BaseOxmlElement:
    child = _el(tag, **attrs)
    parent.append(child)
    return child


def build_table(table: Table, thousands: str, font_pt: float, code_style: str = "written") -> BaseOxmlElement:
    """Return a complete `w:tbl` element for `table` (cell text at `font_pt`)."""
    cells, nrows, nheader = layout(table, thousands, code_style)
    widths = [cm_to_twips(col.width) for col in table.columns]
    header_heights = header_row_heights(cells, nheader, widths, font_pt)
    tbl = _el("w:tbl")
    tbl.append(_table_properties(sum(widths)))
    grid = _sub(tbl, "w:tblGrid")
    for width in widths:
        _sub(grid, "w:gridCol", w=str(width))
    covering = _covering_map(cells)
    for r in range(nrows):
        tbl.append(_table_row(r, header_heights[r] if r < nheader else None, covering, widths))
    return tbl


def header_row_heights(cells: list[GridCell], nheader: int, widths: list[int], font_pt: float) -> list[int]:
    """Minimum height (twips) per header row so every header cell fits, merged ones too.

    Without it LibreOffice clips tall rowspan header cells where it repeats the header
    on follow pages (see text_fit). Single-row cells set their row's height; a rowspan
    cell that still lacks room adds the shortfall to the last row it spans.
    """
    heights = [0] * nheader
    header = [cell for cell in cells if cell.row < nheader]
    for cell in header:
        if cell.rowspan == 1:
            heights[cell.row] = max(heights[cell.row], _needed_twips(cell, widths, font_pt))
    for cell in sorted((c for c in header if c.rowspan > 1), key=lambda c: c.rowspan):
        rows = range(cell.row, cell.row + cell.rowspan)
        shortfall = _needed_twips(cell, widths, font_pt) - sum(heights[r] for r in rows)
        if shortfall > 0:
            heights[rows[-1]] += shortfall
    return heights


def _needed_twips(cell: GridCell, widths: list[int], font_pt: float) -> int:
    text_width = (sum(widths[cell.col : cell.col + cell.colspan]) - 2 * CELL_MARGIN_TWIPS) / 20
    return math.ceil((text_height_pt(cell.text, text_width, font_pt) + 1) * 20)


def _table_properties(total_width: int) -> BaseOxmlElement:
    # Child order follows the CT_TblPr schema sequence; Word rejects other orders.
    tbl_pr = _el("w:tblPr")
    _sub(tbl_pr, "w:tblW", w=str(total_width), type="dxa")
    _sub(tbl_pr, "w:jc", val="center")
    _sub(tbl_pr, "w:tblInd", w="0", type="dxa")
    borders = _sub(tbl_pr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _sub(borders, f"w:{side}", val="single", sz=BORDER_SIZE, space="0", color="000000")
    # Fixed layout: column widths are obeyed and long text wraps inside cells
    # (codes in narrow columns break mid-code, like the real documents).
    _sub(tbl_pr, "w:tblLayout", type="fixed")
    margins = _sub(tbl_pr, "w:tblCellMar")
    for side, width in (("top", 0), ("left", CELL_MARGIN_TWIPS), ("bottom", 0), ("right", CELL_MARGIN_TWIPS)):
        _sub(margins, f"w:{side}", w=str(width), type="dxa")
    _sub(
        tbl_pr,
        "w:tblLook",
        val="0000",
        firstRow="0",
        lastRow="0",
        firstColumn="0",
        lastColumn="0",
        noHBand="1",
        noVBand="1",
    )
    return tbl_pr


def _covering_map(cells: list[GridCell]) -> dict[tuple[int, int], GridCell]:
    covering: dict[tuple[int, int], GridCell] = {}
    for cell in cells:
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                covering[(r, c)] = cell
    return covering


def _table_row(
    r: int, header_height: int | None, covering: dict[tuple[int, int], GridCell], widths: list[int]
) -> BaseOxmlElement:
    """A `w:tr`; header rows (header_height given) get a minimum height and tblHeader."""
    tr = _el("w:tr")
    if header_height is not None:
        tr_pr = _sub(tr, "w:trPr")
        _sub(tr_pr, "w:trHeight", val=str(header_height), hRule="atLeast")
        # tblHeader makes Word and LibreOffice repeat the row at the top of every page.
        _sub(tr_pr, "w:tblHeader")
    c = 0
    while c < len(widths):
        cell = covering[(r, c)]
        width = sum(widths[cell.col : cell.col + cell.colspan])
        tr.append(_table_cell(cell, width, continues=cell.row != r))
        c += cell.colspan
    return tr


def _table_cell(cell: GridCell, width: int, *, continues: bool) -> BaseOxmlElement:
    """A `w:tc`; `continues` = lower part of a vertical merge (empty, vMerge continue)."""
    tc = _el("w:tc")
    tc_pr = _sub(tc, "w:tcPr")
    _sub(tc_pr, "w:tcW", w=str(width), type="dxa")
    if cell.colspan > 1:
        _sub(tc_pr, "w:gridSpan", val=str(cell.colspan))
    if cell.rowspan > 1:
        merge = _sub(tc_pr, "w:vMerge")
        if not continues:
            merge.set(qn("w:val"), "restart")
    if cell.kind != "body":
        _sub(tc_pr, "w:shd", val="clear", color="auto", fill=HEADER_FILL)
    _sub(tc_pr, "w:vAlign", val="top" if cell.kind == "body" else "center")
    tc.append(_cell_paragraph("" if continues else cell.text, cell))
    return tc


def _cell_paragraph(text: str, cell: GridCell) -> BaseOxmlElement:
    p = _el("w:p")
    p_pr = _sub(p, "w:pPr")
    _sub(p_pr, "w:pStyle", val=TABLE_HEADER_STYLE if cell.kind == "header" else TABLE_TEXT_STYLE)
    _sub(p_pr, "w:jc", val={"left": "left", "center": "center", "right": "right"}[cell.align])
    append_text_runs(p, text)
    return p


def append_text_runs(p: BaseOxmlElement, text: str) -> None:
    """Append `text` to paragraph `p`; newlines become line breaks within the paragraph."""
    if not text:
        return
    run = _sub(p, "w:r")
    for i, line in enumerate(text.split("\n")):
        if i:
            _sub(run, "w:br")
        if line:
            t = _sub(run, "w:t")
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            t.text = line
