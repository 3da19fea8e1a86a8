"""Where a location is in a Word document, named the way its author finds it there: the
Word table, row and column of a cell, or the heading a text sits under (Word keeps no
pages). The reader records every cell's Word position (model/places.py); the rule engine
gives each finding's locations their place with :class:`Placer`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.model.document import BBox, Document
from auditor.model.places import CellPlace, PlaceIndex


@dataclass(frozen=True)
class WordPlace:
    """A Word table (with row and column when a cell is known), or the heading above a
    text; all empty when the location is in neither."""

    word_table: int | None = None
    word_row: int | None = None
    word_column: int | None = None
    heading: str | None = None

    def __bool__(self) -> bool:
        return self.word_table is not None or self.heading is not None


@dataclass(frozen=True)
class _Heading:
    page: int
    top: float
    label: str


def _headings(doc: Document, index: PlaceIndex) -> list[_Heading]:
    """Headings in reading order: Word's outline headings as written, and the headings
    the narrative reader recognised (typed "BAB II ..." or "2.1 ..." in bold) where no
    outline heading stands."""
    out = {(page, round(top, 1)): _Heading(page, top, " ".join(text.split())) for page, top, text in index.headings}
    for h in doc.narrative.headings:
        label = f"BAB {h.number}" if h.level == 1 and h.number else h.number
        out.setdefault(
            (h.span.page, round(h.span.bbox.top, 1)),
            _Heading(h.span.page, h.span.bbox.top, f"{label} {h.title}".strip()),
        )
    return sorted(out.values(), key=lambda h: (h.page, h.top))


@dataclass
class Placer:
    """Names the Word place of positions (made-up page and box) of one Word document."""

    doc: Document
    index: PlaceIndex
    _heads: list[_Heading] = field(init=False)

    def __post_init__(self) -> None:
        self._heads = _headings(self.doc, self.index)

    def heading(self, page: int, top: float) -> str | None:
        """The last heading at or above (page, top) in reading order."""
        found = None
        for h in self._heads:
            if (h.page, h.top) <= (page, top + 0.01):
                found = h.label
            else:
                break
        return found

    def place(self, page: int | None, bbox: BBox | None, table: str | None) -> WordPlace:
        cell = self.index.cell_at(page, bbox) if bbox else None
        if cell is None and table:
            cell = self._table_cell(table)
            if cell is not None:
                return WordPlace(word_table=cell.table)
        if cell is not None:
            return WordPlace(word_table=cell.table, word_row=cell.row, word_column=cell.column)
        if page is not None and bbox:
            # The box as reports round it, so the heading found is the same from a saved report.
            heading = self.heading(page, round(bbox.top, 2))
            if heading is not None:
                return WordPlace(heading=heading)
        return WordPlace()

    def _table_cell(self, kind: str) -> CellPlace | None:
        """Any cell of the first table of ``kind``: enough to name its Word table."""
        for table in self.doc.tables_of(kind):
            boxes = [c for c in table.header_boxes.values()] + [
                (c.page, c.bbox) for r in table.rows for c in r.cells.values()
            ]
            for page, bbox in boxes:
                cell = self.index.cell_at(page, bbox)
                if cell is not None:
                    return cell
        return None
