"""structure_table_name: standard table names are written "T-C.NN".

Captions and sentences that name a standard table in another form ("T-C 31",
"TC-.32.", "T.C- 32", "TC-33") are reported with the canonical form.

PASS::  "... dapat dilihat pada Tabel T-C.33:"
FAIL::  "... dapat dilihat pada tabel TC-33:"
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.findings import Evidence
from auditor.model.document import Document
from auditor.rules.base import Result, Violation
from auditor.rules.checks._structure_util import span_location
from auditor.rules.checks._year_util import narrative_texts
from auditor.rules.params import Param

ID = "structure_table_name"
PARAMS = {
    "numbers": Param(list, item=str, default=["29", "30", "31", "32", "33"], doc="standard T-C table numbers"),
}
FIELDS = ("written", "canonical", "text", "page")

_NAME = re.compile(r"\bT\s*[-.]?\s*C\s*[-.]*\s*(\d{2})\b\.?")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    seen: set[tuple[str, int]] = set()
    for _, text, span in narrative_texts(doc):
        if (text, span.page) in seen:
            continue
        seen.add((text, span.page))
        for m in _NAME.finditer(text):
            number = m.group(1)
            canonical = f"T-C.{number}"
            written = m.group(0).rstrip(".")  # a sentence may end right after the name
            if number not in params["numbers"] or written == canonical:
                continue
            loc = span_location(span, row=m.group(0))
            yield Violation(
                location=loc,
                expected=canonical,
                actual=m.group(0),
                fields={"written": m.group(0), "canonical": canonical, "text": text, "page": span.page},
                evidence=(Evidence("text", text, m.group(0), loc),),
            )
