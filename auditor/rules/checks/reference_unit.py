"""reference_unit: the reference data given (--reference) has rows for the document's unit.

The unit read from the cover (or given with --unit) is looked up in the reference files'
unit column: equal once "Kec."/"Kecamatan", case and punctuation are set aside, else the one
clearly most alike (rapidfuzz). When no unit or several units match, this is said once, with
the nearest units of the reference, and the reference rules are not run on the document.

PASS::  cover "Kecamatan Randuagung" ; RKPD rows of "KEC. RANDUAGUNG"
FAIL::  cover "Kecamatan Randuagung" ; RKPD rows of Kecamatan Tempeh and Kecamatan Pasirian only
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.findings import Location
from auditor.model.document import Document
from auditor.rules.base import Result, Violation

ID = "reference_unit"
PARAMS: dict[str, Any] = {}
FIELDS = ("unit", "nearest", "why")

_WHY = {
    "no_unit": {"id": "tidak ada perangkat daerah yang cocok", "en": "no unit matches"},
    "ambiguous": {"id": "lebih dari satu perangkat daerah mirip", "en": "more than one unit is alike"},
}


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    if doc.reference_status not in _WHY:
        return
    span = doc.meta_sources.get("unit")
    location = Location(
        page=span.page if span else None,
        table=None,
        code=None,
        column=None,
        bbox=span.bbox if span else None,
    )
    yield Violation(
        location=location,
        expected=None,
        actual=doc.unit,
        fields={
            "unit": doc.unit or "-",
            "nearest": ", ".join(doc.reference_candidates) or "-",
            "why": _WHY[doc.reference_status or "no_unit"],
        },
    )
