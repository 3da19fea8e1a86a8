"""structure_table_numbers: no two tables carry the same number.

Table captions ("Tabel 2.6 ...") are compared by number; a later caption repeating
an earlier one's number is reported, unless it repeats the same caption (a table
continued on the next page, or a caption with ``continued`` words such as "Lanjutan").
Figures ("Gambar 1.3") are not tables.

PASS::  "Tabel 2.5 Hasil Pelaksanaan ... (PATEN)", "Tabel 2.6 T-C.31 Review ..."
FAIL::  "Tabel 2.6 Hasil Pelaksanaan ... (PATEN)", "Tabel 2.6 T-C.31 Review ..."
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.findings import Evidence
from auditor.model.document import Caption, Document
from auditor.rules.base import Result, Skip, Violation
from auditor.rules.checks._structure_util import span_location, words
from auditor.rules.params import Param

ID = "structure_table_numbers"
PARAMS = {
    "continued": Param(list, item=str, default=["lanjutan", "sambungan"], doc="words marking a continued caption"),
}
FIELDS = ("number", "page", "first_page", "caption", "first_caption")


def _is_table(caption: Caption) -> bool:
    return bool(re.match(r"\s*(?:tabel|t\s*[-.]?\s*c)\b", caption.text, re.IGNORECASE))


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    captions = [c for c in doc.narrative.captions if c.number and _is_table(c)]
    if not captions:
        yield Skip({"id": "Tidak ada keterangan tabel bernomor.", "en": "No numbered table caption was read."})
        return
    first: dict[str, Caption] = {}
    continued = re.compile(r"\b(" + "|".join(re.escape(w) for w in params["continued"]) + r")\b", re.IGNORECASE)
    for c in captions:
        number = c.number or ""  # only numbered captions were kept
        earlier = first.get(number)
        if earlier is None:
            first[number] = c
            continue
        if words(earlier.text) == words(c.text) or continued.search(c.text):
            continue
        loc = span_location(c.span, row=f"Tabel {c.number}", table=c.kind)
        yield Violation(
            location=loc,
            expected=None,
            actual=c.number,
            fields={
                "number": c.number,
                "page": c.span.page,
                "first_page": earlier.span.page,
                "caption": c.text,
                "first_caption": earlier.text,
            },
            evidence=(
                Evidence("caption", c.text, c.number, loc),
                Evidence("first", earlier.text, earlier.number, span_location(earlier.span, table=earlier.kind)),
            ),
        )
