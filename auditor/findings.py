"""Findings: the data every report renders.

A finding is a plain, JSON-serialisable structure first (frictionless-style);
the JSON, HTML and terminal outputs are views of it. The JSON shape is a public
interface: fields may be added, never renamed or dropped.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from auditor.model.document import BBox

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

    def to_dict(self) -> dict[str, Any]:
        return {
            "page": self.page,
            "table": self.table,
            "code": self.code,
            "column": self.column,
            "row": self.row,
            "bbox": self.bbox.as_list() if self.bbox else None,
            "table_label": self.table_label,
        }


@dataclass(frozen=True)
class Evidence:
    """One value that took part in a finding, with its provenance."""

    role: str  # e.g. "parent", "child", "stated", "table_total"
    text: str
    value: str | None
    location: Location

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, "text": self.text, "value": self.value, "location": self.location.to_dict()}


@dataclass(frozen=True)
class Finding:
    rule: str
    category: str
    severity: str
    title: str
    message: str
    location: Location
    expected: str | None
    actual: str | None
    messages: dict[str, str] = field(default_factory=dict)  # message in every language
    evidence: tuple[Evidence, ...] = ()
    low_confidence: bool = False  # rests on a table read with low confidence
    value_kind: str | None = None  # "money" when expected/actual are rupiah amounts

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "title": self.title,
            "message": self.message,
            "messages": dict(self.messages),
            "location": self.location.to_dict(),
            "expected": self.expected,
            "actual": self.actual,
            "evidence": [e.to_dict() for e in self.evidence],
            "low_confidence": self.low_confidence,
            "value_kind": self.value_kind,
        }


@dataclass(frozen=True)
class NotEvaluated:
    """A rule that could not run on this document, and why (never a silent pass)."""

    rule: str
    title: str
    reason: str
    reasons: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


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
