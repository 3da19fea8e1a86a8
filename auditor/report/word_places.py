"""Where a finding is in a Word document, named the way its author finds it there: the
Word table, row and column of a cell, or the heading a text sits under (Word keeps no
pages). The places come from the reader (extract/docx, kept in model/places.py); this names them in a
finished report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from auditor.i18n import t
from auditor.model.document import Document
from auditor.model.places import CellPlace, PlaceIndex


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
    """Names the Word position of locations of one document's report."""

    doc: Document
    index: PlaceIndex
    lang: str
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

    def place(self, loc: dict[str, Any]) -> dict[str, Any] | None:
        page, bbox = loc.get("page"), loc.get("bbox")
        cell = self.index.cell_at(page, bbox) if bbox else None
        if cell is None and loc.get("table"):
            cell = self._table_cell(loc["table"])
            if cell is not None:
                return {"word_table": cell.table, "text": t("docx.place_table", self.lang, table=cell.table)}
        if cell is not None:
            return {
                "word_table": cell.table,
                "word_row": cell.row,
                "word_column": cell.column,
                "text": t("docx.place_cell", self.lang, table=cell.table, row=cell.row, column=cell.column),
            }
        if page is not None and bbox:
            heading = self.heading(page, bbox[1])
            if heading is not None:
                return {"heading": heading, "text": t("docx.place_heading", self.lang, heading=heading)}
        return None

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


def locate_in_word(report: dict[str, Any], placer: Placer) -> dict[str, Any]:
    """The report with every location named in Word terms: ``place`` added, and page and
    box cleared (they are positions on made-up pages, meaningless to a reader)."""
    out = dict(report)

    def fix(loc: dict[str, Any]) -> dict[str, Any]:
        return {**loc, "page": None, "bbox": None, "place": placer.place(loc)}

    def finding(f: dict[str, Any]) -> dict[str, Any]:
        evidence = [{**e, "location": fix(e["location"])} for e in f.get("evidence", [])]
        return {**f, "location": fix(f["location"]), "evidence": evidence}

    out["findings"] = [finding(f) for f in report["findings"]]
    out["waived"] = [finding(f) for f in report.get("waived", [])]
    return out
