"""Recognising standard tables by their caption and header wording, and stitching
their pages together. Never by page position."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from auditor.extract.layout import GridRow, PageLayout, PageTable
from auditor.model.codes import parse_code
from auditor.model.document import TextSpan

# Caption patterns, tolerant of the ways offices write table numbers:
# "T-C.33", "TC-33", "T-C 31", "TC-.32.", "T.C- 32", "Tabel 4.1".
_TC = re.compile(r"\bT\s*[-.]?\s*C\s*[-.]*\s*(29|30|31|32|33)\b", re.IGNORECASE)
_TABEL = re.compile(r"\bTABEL\s+(4\.1|3\.2|3\.3)\b", re.IGNORECASE)
CAPTION_LINES = 5  # how many text lines above a table may hold its caption
_NUMBER_CELL = re.compile(r"^\d{1,2}(\s*=.*)?$")
_HEADER_WORDS = ("kode", "indikator", "program", "kegiatan", "target", "lokasi", "dana", "no")
_YEAR_CELL = re.compile(r"^(tahun\s+)?(19|20)\d\d$", re.IGNORECASE)


def kind_from_caption(text: str) -> str | None:
    """The table kind named in ``text``, preferring the mention nearest its end."""
    hits: list[tuple[int, str]] = []
    for m in _TC.finditer(text):
        hits.append((m.start(), f"T-C.{m.group(1)}"))
    for m in _TABEL.finditer(text):
        hits.append((m.start(), f"Tabel {m.group(1)}"))
    if not hits:
        return None
    # "TABEL 3.4 T-C.33": the T-C number names the table even though "Tabel 3.4" comes first.
    last_line_start = text.rfind("\n") + 1
    in_last = [h for h in hits if h[0] >= last_line_start]
    pool = in_last or hits
    tc = [h for h in pool if h[1].startswith("T-C")]
    return (tc or pool)[-1][1]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("-\n", "")).strip().lower()


def is_number_row(row: GridRow) -> bool:
    """The column-number row under a header: "1 2 3 ... 8=(7/6)".

    Most, not all, cells must be numbers: header text that overflows its cell
    lands in this row on some pages ("Sub Ke2giatan").
    """
    texts = [c.text.strip() for c in row.cells if c.text.strip()]
    numbers = sum(1 for t in texts if _NUMBER_CELL.match(t))
    return numbers >= 3 and numbers >= 0.7 * len(texts)


def header_row_count(table: PageTable) -> int:
    """Rows at the top of a page table that are header (incl. the number row)."""
    for i, row in enumerate(table.rows[:8]):
        if is_number_row(row):
            return i + 1
    count = 0
    for row in table.rows[:6]:
        texts = [norm(c.text) for c in row.cells if c.text.strip()]
        if not texts or any(parse_code(t) for t in texts):
            break
        # A row of only years under a header ("2024", "Tahun 2025") belongs to it.
        if not any(word in t for t in texts for word in _HEADER_WORDS) and not (
            count and all(_YEAR_CELL.match(t) for t in texts)
        ):
            break
        count += 1
    return count


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
    """One standard table: its kind, caption and page tables in order."""

    kind: str
    caption: str
    parts: list[PageTable] = field(default_factory=list)
    signature: tuple[str, ...] = ()


def _caption_above(layouts: list[PageLayout], page_i: int, table: PageTable) -> str:
    layout = layouts[page_i]
    earlier = [t for t in layout.tables if t.bbox.bottom <= table.bbox.top + 1 and t is not table]
    floor = max((t.bbox.bottom for t in earlier), default=0.0)
    lines: list[TextSpan] = [ln for ln in layout.lines if floor <= ln.bbox.top and ln.bbox.bottom <= table.bbox.top + 1]
    if not earlier and not lines and page_i > 0:
        # Caption left at the foot of the previous page (no keep-with-next).
        prev = layouts[page_i - 1]
        last_bottom = max((t.bbox.bottom for t in prev.tables), default=0.0)
        lines = [ln for ln in prev.lines if ln.bbox.top >= last_bottom and ln.bbox.top < prev.height * 0.92]
    return "\n".join(ln.text for ln in lines[-CAPTION_LINES:])


def find_runs(layouts: list[PageLayout]) -> list[TableRun]:
    runs: list[TableRun] = []
    current: TableRun | None = None
    for page_i, layout in enumerate(layouts):
        for t_i, table in enumerate(layout.tables):
            caption = _caption_above(layouts, page_i, table)
            kind = kind_from_caption(caption)
            header_n = header_row_count(table)
            signature = tuple(norm(h) for h in column_headers(table, header_n))
            if kind is not None:
                current = TableRun(kind=kind, caption=caption, parts=[table], signature=signature)
                runs.append(current)
                continue
            continues = (
                current is not None
                and t_i == 0
                and current.parts[-1].page == table.page - 1
                and table.ncols == current.parts[-1].ncols
                and (not any(signature) or _same_header(signature, current.signature))
            )
            if continues and current is not None:
                current.parts.append(table)
            else:
                current = None
    return runs


def _same_header(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Repeated headers read the same, give or take a wrapped word."""
    return a == b or fuzz.ratio(" | ".join(a), " | ".join(b)) >= 90
