"""Where a finding is in a Word document: the Word table, row and column of a cell, or
the heading a text sits under. Word keeps no pages, so these replace page and box.

The reader lays the document out on made-up pages (extract/docx/layout.py); every table cell's
made-up box is recorded here with its Word position, so a location read from the
model (page + box) can be named the way the author finds it in Word.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.model.document import BBox

Key = tuple[int, tuple[float, ...]]  # (page, rounded box), as a report location holds them


def key_of(page: int | None, bbox: BBox | list[float] | None) -> Key | None:
    if page is None or bbox is None:
        return None
    values = bbox.as_list() if isinstance(bbox, BBox) else [round(v, 2) for v in bbox]
    return page, tuple(values)


@dataclass(frozen=True)
class CellPlace:
    table: int  # the Word table's number in the document, 1-based, in reading order
    row: int  # 1-based row of that table, header rows included
    column: int  # 1-based grid column where the cell starts


@dataclass
class PlaceIndex:
    cells: dict[Key, CellPlace] = field(default_factory=dict)
    # Paragraphs Word's outline marks as headings: (page, top, text).
    headings: list[tuple[int, float, str]] = field(default_factory=list)

    def cell_at(self, page: int | None, bbox: BBox | list[float] | None) -> CellPlace | None:
        """The Word cell at a made-up page and box, if one is there."""
        key = key_of(page, bbox)
        return self.cells.get(key) if key is not None else None

    def add_cell(self, page: int, bbox: BBox, place: CellPlace) -> None:
        key = key_of(page, bbox)
        if key is not None:
            self.cells.setdefault(key, place)
