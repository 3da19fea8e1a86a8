"""Findings: the data every report renders.

A finding is a plain, JSON-serialisable structure first (frictionless-style);
the JSON, HTML and terminal outputs are views of it. The JSON shape is a public
interface: fields may be added, never renamed or dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from auditor.i18n import t
from auditor.model.document import BBox, SheetPlace
from auditor.model.word_place import WordPlace

CATEGORIES = (
    "totals",
    "cross_table",
    "narrative",
    "nomenclature",
    "year",
    "indicator_target",
    "structure",
)
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Location:
    page: int | None
    table: str | None
    code: str | None  # canonical code or None
    column: str | None
    row: str | None = None  # row name / activity text, for people
    bbox: BBox | None = None
    # The document's own number for a table that is not a T-C table ("Tabel 3.1"): ``table``
    # stays the stable kind ("Tabel 3.2" = the tujuan table, whatever its number).
    table_label: str | None = None
    # In a Word document (only there): its Word table, row and column, or the heading above.
    place: WordPlace | None = None
    # A value of the reference data (RKPD, Renstra): its file, sheet, row and column.
    reference: SheetPlace | None = None

    def to_dict(self, lang: str = "id") -> dict[str, Any]:
        """As the JSON shows it; ``lang``: the language of a Word place's text."""
        out: dict[str, Any] = {
            "page": self.page,
            "table": self.table,
            "code": self.code,
            "column": self.column,
            "row": self.row,
            "bbox": self.bbox.as_list() if self.bbox else None,
            "table_label": self.table_label,
        }
        if self.place is not None:
            out["place"] = place_dict(self.place, lang)
        if self.reference is not None:
            out["reference"] = self.reference.to_dict()
        return out


def place_text(place: WordPlace, lang: str) -> str | None:
    """ "tabel Word ke-3, baris 5, kolom 2", "tabel Word ke-3" or 'di bawah judul "..."'."""
    if place.word_table is not None and place.word_row is not None:
        return t("docx.place_cell", lang, table=place.word_table, row=place.word_row, column=place.word_column)
    if place.word_table is not None:
        return t("docx.place_table", lang, table=place.word_table)
    if place.heading is not None:
        return t("docx.place_heading", lang, heading=place.heading)
    return None


def place_dict(place: WordPlace, lang: str) -> dict[str, Any] | None:
    if place.word_table is not None and place.word_row is not None:
        cell = {"word_table": place.word_table, "word_row": place.word_row, "word_column": place.word_column}
        return cell | {"text": place_text(place, lang)}
    if place.word_table is not None:
        return {"word_table": place.word_table, "text": place_text(place, lang)}
    if place.heading is not None:
        return {"heading": place.heading, "text": place_text(place, lang)}
    return None


@dataclass(frozen=True)
class Evidence:
    """One value that took part in a finding, with its provenance."""

    role: str  # e.g. "parent", "child", "stated", "table_total"
    text: str
    value: str | None
    location: Location

    def to_dict(self, lang: str = "id") -> dict[str, Any]:
        return {"role": self.role, "text": self.text, "value": self.value, "location": self.location.to_dict(lang)}


@dataclass(frozen=True)
class Finding:
    rule: str
    category: str
    severity: str
    titles: dict[str, str]  # the rule's title in every language
    messages: dict[str, str]  # the message in every language
    location: Location
    expected: str | None
    actual: str | None
    evidence: tuple[Evidence, ...] = ()
    low_confidence: bool = False  # rests on a table read with low confidence
    value_kind: str | None = None  # "money" when expected/actual are rupiah amounts

    def to_dict(self, lang: str) -> dict[str, Any]:
        """As the JSON shows it: ``title`` and ``message`` in ``lang``, ``messages`` in all."""
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "title": self.titles[lang],
            "message": self.messages[lang],
            "messages": dict(self.messages),
            "location": self.location.to_dict(lang),
            "expected": self.expected,
            "actual": self.actual,
            "evidence": [e.to_dict(lang) for e in self.evidence],
            "low_confidence": self.low_confidence,
            "value_kind": self.value_kind,
        }


@dataclass(frozen=True)
class NotEvaluated:
    """A rule that could not run on this document, and why (never a silent pass)."""

    rule: str
    titles: dict[str, str]
    reasons: dict[str, str]

    def to_dict(self, lang: str) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "title": self.titles[lang],
            "reason": self.reasons[lang],
            "reasons": dict(self.reasons),
        }


def summarize(findings: list[Finding]) -> dict[str, int]:
    counts = {s: 0 for s in SEVERITIES}
    for f in findings:
        counts[f.severity] += 1
    return counts


def sort_key(f: Finding) -> tuple[Any, ...]:
    """Document order: page, then position on the page, then rule id."""
    loc = f.location
    top = loc.bbox.top if loc.bbox else 0.0
    return (loc.page or 10**6, top, loc.bbox.x0 if loc.bbox else 0.0, f.rule)
