"""Recognising tables by their caption, title and header wording, and stitching their
pages together. Never by page position, and never by a document's own table numbers:
one office numbers its sasaran table "Tabel 3.3", another "Tabel III.2", a third not at all."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from auditor.extract.page import GridRow, PageLayout, PageTable
from auditor.model.codes import parse_code
from auditor.model.document import TextSpan

# Standard table names, tolerant of the ways offices write them:
# "T-C.33", "TC-33", "T-C 31", "TC-.32.", "T.C- 32", "T- C.32" (a line break after the hyphen).
_TC = re.compile(r"\bT\s*[-.]?\s*C\s*[-.]*\s*(29|30|31|32|33)\b", re.IGNORECASE)
# Permendagri 86/2017's titles of the standard tables, for captions that omit the name.
_TITLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("T-C.29", re.compile(r"evaluasi\s+hasil\s+pelaksanaan\s+renja", re.IGNORECASE)),
    ("T-C.30", re.compile(r"pencapaian\s+kinerja\s+pelayanan", re.IGNORECASE)),
    ("T-C.31", re.compile(r"review\s+terhadap\s+rancangan\s+awal\s+rkpd", re.IGNORECASE)),
    ("T-C.32", re.compile(r"usulan\s+program.{0,60}pemangku\s+kepentingan", re.IGNORECASE | re.DOTALL)),
    ("T-C.33", re.compile(r"rumusan\s+rencana\s+program\s+dan\s+kegiatan", re.IGNORECASE)),
)
# A table's own number as its caption writes it: "Tabel 3.1", "TABEL III.2", "Tabel 2-4".
_NUMBER = re.compile(r"\bTABEL\s+((?:\d+|[IVX]+)(?:\s*[.-]\s*\d+)*)", re.IGNORECASE)
CAPTION_LINES = 5  # how many text lines above a table may hold its caption
# "3", "(3)", "8=(7/6)", "(8)=(7)/(6)x100%" (a formula may wrap over lines)
_NUMBER_CELL = re.compile(r"^\(?\d{1,2}\)?(\s*=.*)?$", re.DOTALL)
_HEADER_WORDS = ("kode", "indikator", "program", "kegiatan", "target", "lokasi", "dana", "no", "uraian", "jenis")
# Whole words only: "no" heads a column, "Caturanom" (a desa) does not.
_HEADER_WORD = re.compile(r"(?<![a-z])(?:" + "|".join(_HEADER_WORDS) + r")(?![a-z])")
_CONTINUED = re.compile(r"\b(lanjutan|sambungan)\b", re.IGNORECASE)
_YEAR_CELL = re.compile(r"^(tahun\s+)?(19|20)\d\d$", re.IGNORECASE)
# Kind of a table by its header wording (table_shapes.kind_by_header), given its column headers.
HeaderClassifier = Callable[[list[str]], "str | None"]


def kind_from_caption(text: str) -> str | None:
    """The standard table a caption names, by its T-C name (the mention nearest the end
    wins: "TABEL 3.4 T-C.33"), else by its Permendagri title."""
    hits = [(m.start(), f"T-C.{m.group(1)}") for m in _TC.finditer(text)]
    if hits:
        last_line_start = text.rfind("\n") + 1
        in_last = [h for h in hits if h[0] >= last_line_start]
        return (in_last or hits)[-1][1]
    flat = re.sub(r"\s+", " ", text)
    for kind, pattern in _TITLES:
        if pattern.search(flat):
            return kind
    return None


def caption_number(text: str) -> str | None:
    """The table number a caption gives ("3.1", "III.2"), spaces removed."""
    m = _NUMBER.search(text)
    return re.sub(r"\s+", "", m.group(1)) if m else None


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("-\n", "")).strip().lower()


def is_number_row(row: GridRow) -> bool:
    """The column-number row under a header: "1 2 3 ... 8=(7/6)".

    Most, not all, cells must be numbers: header text that overflows its cell
    lands in this row on some pages ("Sub Ke2giatan"). The numbers count the columns
    up from 1, so a row of figures (a PATEN month's counts "79 88 140 ...") is not one.
    """
    texts = [c.text.strip() for c in row.cells if c.text.strip()]
    matched = [t for t in texts if _NUMBER_CELL.match(t)]
    if len(matched) < 3 or len(matched) < 0.7 * len(texts):
        return False
    numbers = [int(re.search(r"\d+", t).group(0)) for t in matched]  # type: ignore[union-attr]
    rising = sum(b > a for a, b in itertools.pairwise(numbers))
    return min(numbers) <= 2 and rising >= 0.7 * (len(numbers) - 1) and max(numbers) <= 2 * len(row.cells) + 2


def header_row_count(table: PageTable) -> int:
    """Rows at the top of a page table that are header (incl. the number row)."""
    for i, row in enumerate(table.rows[:8]):
        if is_number_row(row):
            return i + 1
    count = 0
    for row in table.rows[:6]:
        texts = [norm(c.text) for c in row.cells if c.text.strip()]
        # A data row starts with its number ("1") or code; a header row never does.
        if not texts or any(parse_code(t) for t in texts) or re.fullmatch(r"\d{1,3}\.?", texts[0]):
            break
        # A row of only years ("2024", "Tahun 2025") or of short labels ("I II III IV",
        # "L P", "Jan Peb ...") under a header spanning them belongs to it.
        if not any(_HEADER_WORD.search(t) for t in texts) and not (
            count and (all(_YEAR_CELL.match(t) for t in texts) or _label_row(row, table.rows[count - 1]))
        ):
            break
        count += 1
    return count


def _label_row(row: GridRow, above: GridRow) -> bool:
    """Short word labels, no figures, right under header cells that span several columns."""
    texts = [c.text.strip() for c in row.cells if c.text.strip()]
    spanning = any(c.col1 - c.col0 > 1 for c in above.cells)
    return spanning and len(texts) >= 2 and all(len(t) <= 12 and not re.search(r"\d", t) for t in texts)


def column_headers(table: PageTable, header_rows: int) -> list[str]:
    """Header text over each grid column, top to bottom ("Rencana Tahun 2024 | Lokasi")."""
    out: list[str] = []
    for col in range(table.ncols):
        parts: list[str] = []
        for row in table.rows[:header_rows]:
            if is_number_row(row):
                continue
            cell = row.at(col)
            if cell is not None and cell.text.strip() and (not parts or parts[-1] != cell.text.strip()):
                parts.append(cell.text.strip())
        out.append(" | ".join(parts))
    return out


@dataclass
class TableRun:
    """One table: its kind ("other" for a table that is none of the known ones), caption
    and page tables in order."""

    kind: str
    caption: str
    parts: list[PageTable] = field(default_factory=list)
    signature: tuple[str, ...] = ()
    number: str | None = None  # the document's own number for it: "3.1", "III.2"
    by_header: bool = False  # the kind was told by header words, not by the caption


_CAPTION_START = re.compile(r"^\s*(?:Lanjutan\s+)?Tabel\s+(?:\d+|[IVX]+)(?:\s*[.-]\s*\d+)*\b", re.IGNORECASE)


def _line_height(lines: list[TextSpan]) -> float:
    heights = sorted(ln.bbox.bottom - ln.bbox.top for ln in lines)
    return heights[len(heights) // 2] if heights else 10.0


def _caption_below(layout: PageLayout, table: PageTable) -> list[TextSpan]:
    """A caption printed right under the table ("Tabel 3.1 ..." a line or less below its
    bottom rule), with the lines that continue it."""
    below = [ln for ln in layout.lines if ln.bbox.top >= table.bbox.bottom - 1]
    later = [t.bbox.top for t in layout.tables if t.bbox.top >= table.bbox.bottom - 1 and t is not table]
    below = [ln for ln in below if ln.bbox.bottom <= min(later, default=layout.height) + 1]
    if not below:
        return []
    height = _line_height(below)
    first = below[0]
    if first.bbox.top - table.bbox.bottom > 1.5 * height or not _CAPTION_START.match(first.text):
        return []
    out = [first]
    for ln in below[1:CAPTION_LINES]:
        if ln.bbox.top - out[-1].bbox.bottom > 0.6 * height or ln.bold != first.bold or _CAPTION_START.match(ln.text):
            break
        out.append(ln)
    return out


def _lines_above(layouts: list[PageLayout], page_i: int, table: PageTable) -> list[TextSpan]:
    """The text between the table and what stands above it (a table, or the page top;
    the foot of the previous page when nothing is above it on its own page)."""
    layout = layouts[page_i]
    earlier = [t for t in layout.tables if t.bbox.bottom <= table.bbox.top + 1 and t is not table]
    floor = max((t.bbox.bottom for t in earlier), default=0.0)
    lines: list[TextSpan] = [ln for ln in layout.lines if floor <= ln.bbox.top and ln.bbox.bottom <= table.bbox.top + 1]
    if not earlier and not lines and page_i > 0:
        # Caption left at the foot of the previous page (no keep-with-next).
        prev = layouts[page_i - 1]
        last_bottom = max((t.bbox.bottom for t in prev.tables), default=0.0)
        lines = [ln for ln in prev.lines if ln.bbox.top >= last_bottom and ln.bbox.top < prev.height * 0.92]
    return lines


def _caption_text(lines: list[TextSpan]) -> str:
    """The caption among the lines above a table: from its "Tabel 2.7" line on (the text
    above that is the paragraph or list before the table)."""
    lines = lines[-CAPTION_LINES:]
    starts = [i for i, ln in enumerate(lines) if _CAPTION_START.match(ln.text)]
    if starts:
        lines = lines[starts[-1] :]
    return "\n".join(ln.text for ln in lines)


def _has_caption_start(caption: str) -> bool:
    """The text above a table opens as a caption does ("Tabel 2.1", "T-C.29 ...", a
    Permendagri title), not as the paragraph before the table."""
    first = caption.splitlines()[0] if caption else ""
    return bool(_CAPTION_START.match(first) or kind_from_caption(first))


def _use_caption_below(run: TableRun, layouts: list[PageLayout], classify: HeaderClassifier | None) -> None:
    """A run whose text above is no caption takes the one printed under its last part:
    its number, and its kind when that caption names one (else its header words do)."""
    last = run.parts[-1]
    below = _caption_below(layouts[last.page - 1], last)
    if not below:
        return
    caption = "\n".join(ln.text for ln in below)
    kind = kind_from_caption(caption)
    if kind is None and not run.by_header:
        header_n = header_row_count(run.parts[0])
        kind = classify(column_headers(run.parts[0], header_n)) if classify is not None and header_n > 0 else None
        run.by_header = kind is not None
    run.kind = kind or (run.kind if run.by_header else "other")
    run.caption, run.number = caption, caption_number(caption)


def _adjacent(layouts: list[PageLayout], before: int, page: int) -> bool:
    """``page`` follows ``before`` directly, or only across pages that could not be read:
    a table goes on after a damaged page (its rows there are missing, not a new table)."""
    between = [lay for lay in layouts if before < lay.page < page]
    return page > before and len(between) == page - before - 1 and all(lay.unreadable for lay in between)


def find_runs(layouts: list[PageLayout], classify: HeaderClassifier | None = None) -> list[TableRun]:
    """Every table of the document, stitched across pages.

    A table starts a run of its own when its caption names a standard table (by T-C
    name or title), when its header words say which table it is (``classify``), or
    else as an "other" table; a table at the top of the next page with the same
    columns and header (or none) continues the run before it. A caption is read above
    the table, or, when the text above is none, right under the run's last part.
    """
    runs: list[TableRun] = []
    current: TableRun | None = None
    for page_i, layout in enumerate(layouts):
        for t_i, table in enumerate(layout.tables):
            above = _lines_above(layouts, page_i, table)
            if current is not None and not _has_caption_start(current.caption):
                # A caption under the table before, in a document that puts them there, is
                # that table's ("Tabel 3.1" under the tujuan table, above the sasaran table).
                last = current.parts[-1]
                claimed = _caption_below(layouts[last.page - 1], last)
                above = [ln for ln in above if not any(ln is c for c in claimed)]
            caption = _caption_text(above)
            header_n = header_row_count(table)
            headers = column_headers(table, header_n)
            signature = tuple(norm(h) for h in headers)
            kind = kind_from_caption(caption)
            number = caption_number(caption)
            continues = (
                current is not None
                and _no_new_caption(caption, kind, number, current)
                and t_i == 0
                and _adjacent(layouts, current.parts[-1].page, table.page)
                and table.ncols == current.parts[-1].ncols
                and (not any(signature) or _same_header(signature, current.signature))
            )
            if continues and current is not None:
                current.parts.append(table)
                continue
            by_header = kind is None and classify is not None and header_n > 0
            if by_header and classify is not None:
                kind = classify(headers)
            current = TableRun(
                kind=kind or "other",
                caption=caption,
                parts=[table],
                signature=signature,
                number=number,
                by_header=by_header and kind is not None,
            )
            runs.append(current)
    for run in runs:
        if not _has_caption_start(run.caption):
            _use_caption_below(run, layouts, classify)
    return runs


def _no_new_caption(caption: str, kind: str | None, number: str | None, current: TableRun) -> bool:
    """Nothing above the table starts another one: no caption, or the run's own caption
    repeated ("Lanjutan Tabel 3.4", the same caption again on the next page)."""
    if kind is None and number is None:
        return True
    same = (kind is None or kind == current.kind) and (number is None or number == current.number)
    return same and (bool(_CONTINUED.search(caption)) or norm(caption) == norm(current.caption))


def _same_header(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Repeated headers read the same, give or take a wrapped word."""
    return a == b or fuzz.ratio(" | ".join(a), " | ".join(b)) >= 90
