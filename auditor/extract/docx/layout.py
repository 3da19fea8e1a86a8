"""Synthetic page layouts of a Word document, for the extractors made for PDF pages.

Word keeps no pages, so the layout is made up, with one aim: that the table finder,
the row builder and the narrative reader (all written for PDF pages) read the Word
paragraphs and cells exactly as the author wrote them. The conventions:

* A page runs from one hard break (page break, section break) to the next.
* A table is one page table whose cells are the Word cells; a vertically merged
  cell is one tall cell in its first row and absent below, as a ruled PDF grid
  shows it; a cell spanning grid columns spans them.
* Paragraphs are set line by line as a word processor fills them (standard font
  metrics of a like font, the paragraph's indents). A wrapped line reaches the right
  edge of the text area and the last line of a paragraph never does, so the narrative
  reader joins a paragraph's lines and never one paragraph to the next, whatever
  the exact line breaks on paper. An empty span at the page foot marks that edge.
* Indents, alignment, spacing, font size and bold follow the Word formatting, so
  headings, captions, list markers and paragraph gaps look as they do on paper.

Coordinates are points from the top-left of the made-up page; they are positions
in this layout, not on any printed page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.extract.docx.body import Block, Break, Para, WordCell, WordTable
from auditor.extract.page import (
    GridCell,
    GridRow,
    PageLayout,
    PageTable,
    Word,
    page_layout,
)
from auditor.extract.tables import header_row_count
from auditor.fonts import glyph_widths, text_width
from auditor.model.document import BBox, TextLine, TextSpan
from auditor.model.places import CellPlace, PlaceIndex

LEADING = 1.15  # line pitch of single spacing, in font sizes
_SERIF = ("times", "serif", "cambria", "georgia", "garamond", "bookman", "antiqua", "palatino", "century")
TABLE_GAP = 6.0  # points between a table and the text around it
FOOT = 0.85  # content stays above this share of the page height (below it, lone numbers are footers)


@dataclass
class _Page:
    number: int
    width: float = 0.0
    height: float = 0.0
    right: float = 0.0
    y: float = 0.0
    words: list[Word] = field(default_factory=list)
    tables: list[PageTable] = field(default_factory=list)
    last: Para | None = None  # the previous paragraph, for contextual spacing
    after: float = 0.0  # the previous paragraph's space after, added once the next block is known


def build_layouts(blocks: list[Block], places: PlaceIndex | None = None) -> list[PageLayout]:
    """The made-up pages of ``blocks``; ``places`` records the Word position of every cell."""
    pages: list[_Page] = []
    page: _Page | None = None
    tables = 0
    for block in blocks:
        if isinstance(block, Break):
            page = None
            continue
        if page is None:
            page = _Page(number=len(pages) + 1)
            pages.append(page)
            page.y = block.geometry.top
        page.width = max(page.width, block.geometry.width)
        page.height = max(page.height, block.geometry.height)
        page.right = max(page.right, block.geometry.text_right)
        if isinstance(block, Para):
            _place_paragraph(page, block, places)
        else:
            tables += 1
            page = _place_table(page, block, tables, places, pages)
    return [_finish(p) for p in pages]


def _finish(page: _Page) -> PageLayout:
    height = max(page.height, (page.y + 10.0) / FOOT)
    layout = page_layout(page.number, page.width, height, page.tables, page.words)
    # No words: never read as text, but it sets the text area's right edge for the
    # narrative reader, which tells wrapped lines by how close they come to it.
    layout.lines.append(TextSpan("", page.number, BBox(page.right - 1.0, height - 2.0, page.right, height - 1.0)))
    return layout


def _place_paragraph(page: _Page, para: Para, places: PlaceIndex | None) -> None:
    props, geo, size = para.props, para.geometry, para.size
    # Contextual spacing: no space between paragraphs of the same style.
    if not (page.last is not None and page.last.style == para.style and props.contextual):
        page.y += page.after + props.before
    pitch = max(props.line if props.line_exact else size * LEADING * props.line, 1.0)
    text = " ".join(line.text for line in para.lines).strip()
    if places is not None and props.outline is not None and text:
        places.headings.append((page.number, page.y, text))
    left = geo.left + props.left
    right = geo.text_right - props.right
    # A last line reaching this far would read as wrapped into the next paragraph.
    limit = geo.text_right - 0.12 * (geo.text_right - 40.0) - 4.0
    metrics = _Metrics(para.font, size)
    first = True
    for piece in para.lines:
        words = _split(piece.text, piece.bold)
        if not words:
            page.y += pitch  # an empty line still takes its height
        for row, last in _wrap(words, metrics, left + (props.first_line if first else 0.0), left, right):
            x0 = left + (props.first_line if first else 0.0)
            natural = metrics.width(row)
            if not last:
                end = right  # a wrapped line fills the text area
            else:
                if props.align == "center":
                    x0 = left + max(0.0, (right - left - natural) / 2)
                elif props.align == "right":
                    x0 = max(left, right - natural)
                end = min(x0 + natural, limit)
                x0 = min(x0, end - min(natural, 12.0))
            page.words.extend(_boxes(row, metrics, x0, end, page.y, fill=not last))
            page.y += pitch
            first = False
        first = False
    page.after = props.after
    page.last = para


class _Metrics:
    """Printed width of words, from the standard PDF font metrics of a like font."""

    def __init__(self, font: str, size: float) -> None:
        serif = any(k in font.lower() for k in _SERIF)
        self.fonts = ("Times-Roman", "Times-Bold") if serif else ("Helvetica", "Helvetica-Bold")
        self.regular = glyph_widths(self.fonts[0])
        self.scale = size / 1000.0
        self.size = size

    def word(self, text: str, bold: bool) -> float:
        return text_width(text, self.size, self.fonts[bold])

    def width(self, words: list[tuple[str, bool]]) -> float:
        if not words:
            return 0.0
        return sum(self.word(w, b) for w, b in words) + (len(words) - 1) * self.regular[" "] * self.scale


def _wrap(
    words: list[tuple[str, bool]], metrics: _Metrics, start: float, left: float, right: float
) -> list[tuple[list[tuple[str, bool]], bool]]:
    """The words broken into lines the way a word processor fills them: (words, is last line)."""
    rows: list[list[tuple[str, bool]]] = []
    row: list[tuple[str, bool]] = []
    x = start
    space = metrics.regular[" "] * metrics.scale
    for w in words:
        width = metrics.word(*w)
        if row and x + space + width > right + 0.5:
            rows.append(row)
            row, x = [], left
        x += (space if row else 0.0) + width
        row.append(w)
    if row:
        rows.append(row)
    return [(r, i == len(rows) - 1) for i, r in enumerate(rows)]


def _split(text: str, bold: list[bool]) -> list[tuple[str, bool]]:
    """Words (whitespace-separated, as a PDF reader cuts them) and whether all of each is bold."""
    out: list[tuple[str, bool]] = []
    start: int | None = None
    for i, ch in enumerate(text + " "):
        if ch.isspace():
            if start is not None:
                out.append((text[start:i], all(bold[start:i])))
                start = None
        elif start is None:
            start = i
    return out


def _boxes(
    words: list[tuple[str, bool]], metrics: _Metrics, x0: float, end: float, top: float, fill: bool
) -> list[Word]:
    """Word boxes set at their printed widths from ``x0``, squeezed to end by ``end``.

    Spaces keep their natural width (no justification), so the text after a list
    marker starts where it does on paper; a wrapped line (``fill``) has its last box
    reach ``end``, the right edge of the text area.
    """
    space = metrics.regular[" "] * metrics.scale
    widths = [metrics.word(w, b) for w, b in words]
    natural = sum(widths) + space * (len(words) - 1)
    squeeze = min(1.0, (end - x0) / natural) if natural > 0 else 1.0
    out: list[Word] = []
    x = x0
    for (text, bold), width in zip(words, widths):
        x1 = x + width * squeeze
        out.append(Word(text, BBox(x, top, x1, top + metrics.size), bold=bold))
        x = x1 + space * squeeze
    if fill and out:
        last = out[-1]
        out[-1] = Word(
            last.text, BBox(last.bbox.x0, last.bbox.top, max(end, last.bbox.x1), last.bbox.bottom), bold=last.bold
        )
    return out


def cell_text(lines: list[str]) -> str:
    """A cell's lines as one text, joined the way the PDF reader joins a cell's lines."""
    out = ""
    for i, line in enumerate(lines):
        hyphen = i > 0 and lines[i - 1].endswith("-") and len(lines[i - 1]) > 1
        out += ("" if i == 0 or hyphen else " ") + line
    return out


def _place_table(page: _Page, table: WordTable, number: int, places: PlaceIndex | None, pages: list[_Page]) -> _Page:
    """Put ``table`` on ``page``; returns the page the text after it goes on.

    A header the author typed again inside the table (to head a new printed page)
    starts a new made-up page, so it is read like a PDF table continued on the next
    page: the repeated header is dropped and the rows are stitched to the ones before.
    """
    geo = table.geometry
    page.y += page.after + TABLE_GAP
    xs = [geo.left + table.indent]
    for w in table.widths:
        xs.append(xs[-1] + max(w, 1.0))
    ncols = len(table.widths)
    # Only boundaries some cell has: a PDF grid knows no column that no cell edge shows.
    used = sorted({c.col0 for row in table.rows for c in row} | {min(c.col1, ncols) for row in table.rows for c in row})
    index = {b: i for i, b in enumerate(used)}
    pitch = table.size * LEADING
    row_tops = [page.y]
    for row in table.rows:
        row_tops.append(row_tops[-1] + max([len(c.lines) for c in row if c.rowspan == 1] + [1]) * pitch + 2.0)
    grid: list[tuple[int, GridRow, list[int]]] = []  # Word row, grid row, Word column of each cell
    for r, row in enumerate(table.rows):
        inside = [c for c in row if c.col0 < ncols]
        if inside:  # a row covered by cells merged from above has no row in a PDF grid
            cells = [_grid_cell(c, xs, row_tops, index, ncols) for c in inside]
            box = cells[0].bbox
            for c in cells[1:]:
                box = box.union(c.bbox)
            grid.append((r, GridRow(cells=cells, bbox=box), [c.col0 + 1 for c in inside]))
    page.y = row_tops[-1] + TABLE_GAP
    page.last, page.after = None, 0.0
    edges = [xs[b] for b in used]
    for i, (first, last) in enumerate(_header_repeats([g for _, g, _ in grid], edges)):
        part = grid[first:last]
        rows = [g for _, g, _ in part]
        if i:
            page = _Page(number=len(pages) + 1, width=page.width, height=page.height, right=page.right)
            pages.append(page)
            rows = [_moved(row, geo.top - rows[0].bbox.top) for row in rows]
            page.y = rows[-1].bbox.bottom + TABLE_GAP
        if places is not None:
            for (r, _, columns), grid_row in zip(part, rows):
                for column, cell in zip(columns, grid_row.cells):
                    places.add_cell(page.number, cell.bbox, CellPlace(number, r + 1, column))
        bbox = BBox(xs[0], rows[0].bbox.top, xs[-1], max(r.bbox.bottom for r in rows))
        page.tables.append(PageTable(page=page.number, bbox=bbox, col_edges=edges, rows=rows))
    return page


def _header_repeats(rows: list[GridRow], edges: list[float]) -> list[tuple[int, int]]:
    """Row ranges of the table cut where its header rows come again."""
    if not rows:
        return []
    header_n = header_row_count(PageTable(page=0, bbox=rows[0].bbox, col_edges=edges, rows=rows))
    header = [_texts(r) for r in rows[:header_n]]
    cuts = [0]
    i = header_n
    while header_n and i + header_n <= len(rows):
        if [_texts(r) for r in rows[i : i + header_n]] == header and i > cuts[-1] + header_n:
            cuts.append(i)
            i += header_n
        else:
            i += 1
    return list(zip(cuts, cuts[1:] + [len(rows)]))


def _texts(row: GridRow) -> list[tuple[str, int, int]]:
    return [(" ".join(c.text.split()).lower(), c.col0, c.col1) for c in row.cells]


def _moved(row: GridRow, dy: float) -> GridRow:
    def move(b: BBox) -> BBox:
        return BBox(b.x0, b.top + dy, b.x1, b.bottom + dy)

    cells = [
        GridCell(
            c.text,
            move(c.bbox),
            c.col0,
            c.col1,
            c.lines,
            [TextLine(t.text, move(t.bbox), t.broken) for t in c.text_lines],
        )
        for c in row.cells
    ]
    return GridRow(cells=cells, bbox=move(row.bbox))


def _grid_cell(cell: WordCell, xs: list[float], row_tops: list[float], index: dict[int, int], ncols: int) -> GridCell:
    col1 = min(cell.col1, ncols)
    bottom = row_tops[min(cell.row + cell.rowspan, len(row_tops) - 1)]
    bbox = BBox(xs[cell.col0], row_tops[cell.row], xs[col1], bottom)
    # A Word cell's lines are its paragraphs and line breaks: each one was started on purpose.
    text_lines = [TextLine(line, bbox, i + 1 < len(cell.lines)) for i, line in enumerate(cell.lines)]
    return GridCell(
        text=cell_text(cell.lines),
        bbox=bbox,
        col0=index[cell.col0],
        col1=index[col1],
        lines=list(cell.lines),
        text_lines=text_lines,
    )
