"""year_legal_reference: a legal reference cannot be dated after the document or the plan year.

Legal references are not year errors ("Nomor 86 Tahun 2017"), but an impossible one
is: a regulation whose year is after the plan year n plus ``max_offset``, or — with
``after_date`` — after the year the document was signed ("Juni 2023"). Both the
"Nomor X Tahun YYYY" and the "Permendagri 86/2027" forms are read, in sentences,
list items and headings.

PASS::  plan year 2024, signed Juni 2023; "Permendagri Nomor 86 Tahun 2017"
FAIL::  plan year 2024, signed Juni 2023; "Permendagri 86/2027"
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.findings import Evidence, Location
from auditor.model.document import Document
from auditor.rules.base import Result, Skip, Violation
from auditor.rules.checks._year_util import LEGAL_REF, date_year, narrative_texts, no_plan_year
from auditor.rules.params import Param

ID = "year_legal_reference"
PARAMS = {
    "max_offset": Param(int, default=0, doc="latest allowed year of a legal reference, as an offset from n"),
    "after_date": Param(bool, default=True, doc="also refuse a year after the year of the signing date"),
}
FIELDS = ("reference", "year", "limit", "reason", "text", "page")


def _limit(doc: Document, n: int, params: dict[str, Any]) -> tuple[int, dict[str, str]]:
    limit = n + params["max_offset"]
    reason = {"id": f"tahun rencana {n}", "en": f"the plan year {n}"}
    signed = date_year(doc)
    if params["after_date"] and signed is not None and signed < limit:
        limit = signed
        reason = {"id": f"tanggal dokumen ({doc.date})", "en": f"the document's date ({doc.date})"}
    return limit, reason


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    if doc.plan_year is None:
        yield Skip(no_plan_year())
        return
    limit, reason = _limit(doc, doc.plan_year, params)
    seen: set[tuple[str, int, int]] = set()
    for context, text, span in narrative_texts(doc):
        if context == "caption":
            continue
        for m in LEGAL_REF.finditer(text):
            year = int(m.group(1) or m.group(2))
            key = (text, span.page, m.start())
            if year <= limit or key in seen:
                continue
            seen.add(key)
            loc = Location(page=span.page, table=None, code=None, column="narasi", row=m.group(0), bbox=span.bbox)
            yield Violation(
                location=loc,
                expected=f"<= {limit}",
                actual=str(year),
                fields={
                    "reference": m.group(0),
                    "year": year,
                    "limit": limit,
                    "reason": reason,
                    "text": text,
                    "page": span.page,
                },
                evidence=(Evidence("stated", m.group(0), str(year), loc),),
            )
