"""A page as every extractor hands it on, whatever the source (PDF text layer, OCR, a Word
document's made-up pages): words with boxes, ruled tables as cell grids, text lines outside
them. Everything after extraction works on these small structures.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from auditor.model.document import BBox, PageFailure, TextLine, TextSpan

LINE_TOLERANCE = 2.0  # words whose tops differ less than this share a line
_TITLE_WORD = re.compile(r"^[A-Z][a-z]")
# A value that is complete in itself: a percentage, or a decimal with one or two digits.
_WHOLE_VALUE = re.compile(r"^(?:\d+(?:[.,]\d+)?%|\d+[.,]\d{1,2})$")
DEFAULT_PAD = 3.0  # cell padding (points) when a table shows none to measure


@dataclass
class Word:
    text: str
    bbox: BBox
    bold: bool = False
    chars: tuple[tuple[str, float, float], ...] = ()  # (text, x0, x1) of each character
    conf: float | None = None  # OCR confidence 0-100; None for a text layer's words


@dataclass
class GridCell:
    """A cell of a page table: its text, box, and the grid columns it spans."""

    text: str
    bbox: BBox
    col0: int
    col1: int  # exclusive
    lines: list[str] = field(default_factory=list)
    text_lines: list[TextLine] = field(default_factory=list)  # lines with their boxes and breaks
    conf: float | None = None  # the least OCR confidence of its words (None: not OCRed)


@dataclass
class GridRow:
    cells: list[GridCell]
    bbox: BBox

    def at(self, col: int) -> GridCell | None:
        for c in self.cells:
            if c.col0 <= col < c.col1:
                return c
        return None


@dataclass
class PageTable:
    page: int  # 1-based
    bbox: BBox
    col_edges: list[float]  # x of each column boundary, len = columns + 1
    rows: list[GridRow]
    confidence: float | None = None  # the finder's own quality figure, if it gives one (camelot)

    @property
    def ncols(self) -> int:
        return len(self.col_edges) - 1


@dataclass
class PageLayout:
    page: int
    width: float
    height: float
    tables: list[PageTable]
    lines: list[TextSpan]  # text lines outside tables, top to bottom
    words: list[tuple[Word, int]]  # words outside tables with their line index
    image_only: bool = False  # a scanned page: pictures but no text layer
    aside: list[TextSpan] = field(default_factory=list)  # watermark text set aside before words were formed
    ocr: bool = False  # its words were read by OCR from the page image
    image_lines: bool = False  # its ruling lines were found in the page image
    doubtful: list[BBox] = field(default_factory=list)  # OCR words read with low confidence
    all_words: list[tuple[str, BBox]] = field(default_factory=list)  # every word, tables included (stamp finding)
    unreadable: PageFailure | None = None  # the page could not be read (extract/pdf/page_guard.py)


def word_inside(word: Word, box: BBox) -> bool:
    cx = (word.bbox.x0 + word.bbox.x1) / 2
    cy = (word.bbox.top + word.bbox.bottom) / 2
    return box.x0 <= cx <= box.x1 and box.top <= cy <= box.bottom


def group_lines(words: list[Word]) -> list[list[Word]]:
    """Group words into lines by their top coordinate, each line left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (round(w.bbox.top, 1), w.bbox.x0)):
        if lines and abs(lines[-1][0].bbox.top - w.bbox.top) <= LINE_TOLERANCE:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w.bbox.x0) for line in lines]


def _char_width(word: Word) -> float:
    return (word.bbox.x1 - word.bbox.x0) / max(len(word.text), 1)


def cell_lines(words: list[Word], box: BBox, pad: float = DEFAULT_PAD) -> tuple[str, list[TextLine]]:
    """Join a cell's words into text, undoing line wrapping; and its printed lines.

    A line that is one word filling the cell from padding to padding was broken
    inside the word (a long code or name in a narrow column: "Kec.Randu" + "agung"),
    so the next line is glued to it; after a line ending in a hyphen ("RKA-" +
    "SKPD") likewise. Other lines are joined with a space. A line that ends where the
    next line's first word would still have fit was ended on purpose (``broken``):
    values stacked in one cell ("100%" / "82,5 poin") are never glued.
    """
    lines = group_lines(words)
    if not lines:
        return "", []
    texts = [" ".join(w.text for w in line) for line in lines]
    out = texts[0]
    broken: list[bool] = []
    glued: list[bool] = []
    for i in range(1, len(lines)):
        prev, nxt = lines[i - 1], lines[i][0]
        word = prev[-1]
        room = 1.1 * _char_width(nxt)  # the next character did not fit
        fits = box.x1 - pad - word.bbox.x1 > _char_width(nxt) * 0.6 + (nxt.bbox.x1 - nxt.bbox.x0)
        broken.append(fits)
        forced_break = (
            len(prev) == 1
            and box.x1 - pad - word.bbox.x1 < room
            and word.bbox.x0 - box.x0 - pad < room
            # A capitalised word on the next line ("Perangkat" / "Daerah") is a word of its
            # own that did not fit; a word broken by force goes on in lower case ("Randu" / "agung").
            and not _TITLE_WORD.match(nxt.text)
            # A whole value ends its line: "81,50" / "68,00" and "98%" / "85%" are two values.
            and not _WHOLE_VALUE.match(word.text)
        )
        # "RKA-" / "SKPD" is one word broken after its hyphen; "PN 7 -" / "Memperkuat" is a dash.
        hyphen = word.text.endswith("-") and len(word.text) > 1 and word.text[-2].isalnum()
        out += ("" if forced_break or hyphen else " ") + texts[i]
        glued.append(forced_break or hyphen)
    broken.append(False)
    glued.append(False)
    text_lines = []
    for line, text, brk, glue in zip(lines, texts, broken, glued):
        lbox = line[0].bbox
        for w in line[1:]:
            lbox = lbox.union(w.bbox)
        text_lines.append(TextLine(text, lbox, brk, glue))
    return out, text_lines


def cell_text(words: list[Word], box: BBox, pad: float = DEFAULT_PAD) -> tuple[str, list[str]]:
    """A cell's text and its printed lines' texts (see ``cell_lines``)."""
    text, lines = cell_lines(words, box, pad)
    return text, [ln.text for ln in lines]


def _table_pad(cells: list[tuple[BBox, list[Word]]]) -> float:
    """The cells' inner padding: the usual gap between a left-aligned cell's border and its text."""
    gaps = []
    for box, words in cells:
        lines = group_lines(words)
        if len(lines) >= 2 and max(ln[0].bbox.x0 for ln in lines) - min(ln[0].bbox.x0 for ln in lines) < 0.5:
            gaps.append(lines[0][0].bbox.x0 - box.x0)
    return sorted(gaps)[len(gaps) // 2] if gaps else DEFAULT_PAD


def _cluster(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def _edge_index(edges: list[float], x: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - x))


def build_page_table(page_no: int, table_bbox: BBox, rows: list[list[BBox]], words: list[Word]) -> PageTable | None:
    """A grid from cell boxes grouped in rows (top to bottom), with each cell's text.

    Backends differ only in how they find the cell boxes; text is always taken from
    the PDF's words, so both read exactly the same characters.
    """
    boxes = [b for row in rows for b in row]
    if not boxes:
        return None
    edges = _cluster([b.x0 for b in boxes] + [b.x1 for b in boxes])
    # Words sorted by their vertical centre, so each cell looks only at its own band.
    in_table = split_at_borders([w for w in words if word_inside(w, table_bbox)], boxes)
    inside_table = sorted(in_table, key=lambda w: (w.bbox.top + w.bbox.bottom) / 2)
    centres = [(w.bbox.top + w.bbox.bottom) / 2 for w in inside_table]

    def words_in(box: BBox) -> list[Word]:
        lo, hi = bisect_left(centres, box.top), bisect_right(centres, box.bottom)
        return [w for w in inside_table[lo:hi] if word_inside(w, box)]

    with_words = [[(box, words_in(box)) for box in sorted(row, key=lambda b: b.x0)] for row in rows]
    pad = _table_pad([c for row in with_words for c in row])
    grid_rows: list[GridRow] = []
    for row in with_words:
        cells: list[GridCell] = []
        for box, inside in row:
            text, lines = cell_lines(inside, box, pad)
            c0, c1 = _edge_index(edges, box.x0), _edge_index(edges, box.x1)
            confs = [w.conf for w in inside if w.conf is not None]
            cells.append(
                GridCell(
                    text=text,
                    bbox=box,
                    col0=c0,
                    col1=max(c1, c0 + 1),
                    lines=[ln.text for ln in lines],
                    text_lines=lines,
                    conf=min(confs) if confs else None,
                )
            )
        if cells:
            row_box = cells[0].bbox
            for c in cells[1:]:
                row_box = row_box.union(c.bbox)
            grid_rows.append(GridRow(cells=cells, bbox=row_box))
    if not grid_rows:
        return None
    return PageTable(page=page_no, bbox=table_bbox, col_edges=edges, rows=grid_rows)


def split_at_borders(words: list[Word], boxes: list[BBox]) -> list[Word]:
    """Cut words that run across a cell border.

    Spreadsheet exports put a right-aligned number and the next cell's text so close
    that they read as one word ("1,620,466,000DAU"); the border between the two cells
    splits it. Only borders of cells level with the word count, so a header spanning
    several columns keeps its words whole.
    """
    out: list[Word] = []
    # Cells in one row share their top and bottom: their borders are gathered per band, so a
    # word looks at a page's few dozen bands rather than at its hundreds of cells.
    bands: dict[tuple[float, float], set[float]] = {}
    for b in boxes:
        bands.setdefault((b.top, b.bottom), set()).update((b.x0, b.x1))
    for w in words:
        cy = (w.bbox.top + w.bbox.bottom) / 2
        borders = {x for (top, bottom), xs in bands.items() if top <= cy <= bottom for x in xs}
        cuts = sorted(x for x in borders if w.bbox.x0 + 0.5 < x < w.bbox.x1 - 0.5)
        if not cuts or not w.chars:
            out.append(w)
            continue
        groups: list[list[tuple[str, float, float]]] = [[]]
        bounds = iter(cuts)
        cut = next(bounds, None)
        for ch in w.chars:
            while cut is not None and (ch[1] + ch[2]) / 2 > cut:
                groups.append([])
                cut = next(bounds, None)
            groups[-1].append(ch)
        for g in groups:
            if g and "".join(c[0] for c in g).strip():
                box = BBox(g[0][1], w.bbox.top, g[-1][2], w.bbox.bottom)
                out.append(Word("".join(c[0] for c in g), box, w.bold, tuple(g), w.conf))
    return out


def page_layout(
    page_no: int,
    width: float,
    height: float,
    tables: list[PageTable],
    words: list[Word],
    image_only: bool = False,
    aside: list[TextSpan] | None = None,
) -> PageLayout:
    """Assemble a page: its tables, and the words outside them grouped into lines."""
    tables = sorted(tables, key=lambda t: t.bbox.top)
    outside = [w for w in words if not any(word_inside(w, t.bbox) for t in tables)]
    spans: list[TextSpan] = []
    indexed: list[tuple[Word, int]] = []
    for i, line in enumerate(group_lines(outside)):
        box = line[0].bbox
        for w in line[1:]:
            box = box.union(w.bbox)
        spans.append(TextSpan(" ".join(w.text for w in line), page_no, box, bold=all(w.bold for w in line)))
        indexed.extend((w, i) for w in line)
    return PageLayout(
        page=page_no,
        width=width,
        height=height,
        tables=tables,
        lines=spans,
        words=indexed,
        image_only=image_only,
        aside=aside or [],
        all_words=[(w.text, w.bbox) for w in words],
    )
