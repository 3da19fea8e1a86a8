"""year_caption: the year in a standard table's caption fits what that table holds.

Whatever its wording, a table's caption names the year of what the table holds: the
plan of year n (T-C.33 and the BAB IV table: n, forward n+1; the review of the RKPD:
n; stakeholders' proposals: n, the year of the forum that gathered them left out), the evaluation up to year n-2 or n-1
(T-C.29). ``kinds`` gives the offsets from n each table's caption may name. A year
right after a phrase ``year_phrase`` already judges ("Prakiraan Maju Tahun", "RKPD
Tahun" ...: ``skip_after``), a legal reference and a period ("2025-2029") are left out.
The table is known by its T-C name, title or header words, so "Rencana Kerja dan
Pendanaan ... Tahun 2026" over the BAB IV table of a 2027 Renja is found in any wording.

PASS::  plan year 2027; BAB IV table "Rencana Kerja dan Pendanaan Kecamatan Tegalampel Tahun 2027"
FAIL::  plan year 2027; BAB IV table "Rencana Kerja dan Pendanaan Kecamatan Tegalampel Tahun 2026"
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.findings import Evidence, Location
from auditor.model.document import Document
from auditor.rules.base import Result, Skip, Violation, kind_name
from auditor.rules.checks._year_util import YEAR, check_entries, is_legal, no_plan_year, offsets_text
from auditor.rules.params import Param

ID = "year_caption"
PARAMS = {
    "kinds": Param(
        list,
        item=dict,
        default=[
            {"kind": "T-C.33", "offsets": [0, 1]},
            {"kind": "Tabel 4.1", "offsets": [0, 1]},
            {"kind": "T-C.31", "offsets": [0]},
            {"kind": "T-C.32", "offsets": [0]},
            {"kind": "T-C.29", "offsets": [-3, -2, -1]},
        ],
        check=check_entries({"kind": str, "offsets": list}, {}),
        doc="per table kind, the offsets from n the years of its caption may have",
    ),
    "skip_after": Param(
        list,
        item=str,
        default=[
            r"prakiraan\s+maju(?:\s+rencana)?\s+tahun",
            r"\brkpd\s+tahun",
            r"rencana\s+program\s+dan\s+kegiatan(?:\s+perangkat\s+daerah)?\s+tahun",
            # the year a forum was held (n-1), not the year its proposals are for
            r"(?:musrenbang|forum)(?:\s+[\w-]+){0,3}\s+tahun",
        ],
        doc="phrases before a year that another rule judges (regular expressions, case-insensitive)",
    ),
}
FIELDS = ("table", "caption", "year", "expected", "plan_year", "page")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    n = doc.plan_year
    if n is None:
        yield Skip(no_plan_year())
        return
    allowed = {e["kind"]: [int(o) for o in e["offsets"]] for e in params["kinds"]}
    skip = [re.compile(f"(?:{p})[\\s(:]*$", re.IGNORECASE) for p in params["skip_after"]]
    for caption in doc.narrative.captions:
        offsets = allowed.get(caption.kind or "")
        if offsets is None:
            continue
        text = re.sub(r"\s+", " ", caption.text).strip()
        for m in YEAR.finditer(text):
            before = text[: m.start()]
            if m.group(2) or is_legal(text, m.start()) or any(p.search(before[-160:]) for p in skip):
                continue
            year = int(m.group(1))
            if year - n in offsets:
                continue
            expected = " / ".join(str(n + o) for o in offsets)
            loc = Location(
                page=caption.span.page,
                table=caption.kind,
                code=None,
                column=None,
                row=text[:80],
                bbox=caption.span.bbox,
            )
            yield Violation(
                location=loc,
                expected=expected,
                actual=str(year),
                fields={
                    "table": kind_name(caption.kind or ""),
                    "caption": text,
                    "year": year,
                    "expected": f"{expected} ({offsets_text(offsets)})",
                    "plan_year": n,
                    "page": caption.span.page,
                },
                evidence=(Evidence("caption", text, str(year), loc),),
            )
