"""year_period: a planning period named in the text contains plan year n.

A period ("RPD tahun 2024-2026", "Renstra 2021-2026") that follows one of
``keywords`` (within ``window`` characters) must contain n. A period inside a
legal reference's title ("Perda Nomor 1 Tahun 2019 tentang RPJMD ... Tahun
2018-2023") is a citation, not the plan's period, and is skipped.

PASS::  plan year 2024; "Kabupaten Lumajang telah menerbitkan dokumen RPD tahun 2024-2026."
FAIL::  plan year 2024; "... mengacu kepada Renstra Perangkat Daerah Tahun 2019-2023."
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.findings import Evidence, Location
from auditor.model.document import Document
from auditor.rules.base import Result, Skip, Violation
from auditor.rules.checks._year_util import LEGAL_REF, YEAR, mention_spans, narrative_texts, no_plan_year, span_of
from auditor.rules.params import Param

ID = "year_period"
PARAMS = {
    "keywords": Param(
        list,
        item=str,
        default=[
            "renstra",
            "rencana strategis",
            "rpd",
            "rencana pembangunan daerah",
            "rpjmd",
            "rencana pembangunan jangka menengah",
        ],
        doc="words (case-insensitive) naming a planning document whose period follows",
    ),
    "window": Param(int, default=80, minimum=1, doc="how many characters before the period a keyword may be"),
}
FIELDS = ("period", "plan_year", "keyword", "text", "page")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    n = doc.plan_year
    if n is None:
        yield Skip(no_plan_year())
        return
    keyword = re.compile(r"\b(" + "|".join(re.escape(k) for k in params["keywords"]) + r")\b", re.IGNORECASE)
    groups = mention_spans(doc)
    seen: set[tuple[str, int]] = set()
    for _, text, span in narrative_texts(doc):
        if (text, span.page) in seen:
            continue
        seen.add((text, span.page))
        for i, m in enumerate(YEAR.finditer(text)):
            if not m.group(2):
                continue
            start, end = int(m.group(1)), int(m.group(2))
            before = text[max(0, m.start() - params["window"]) : m.start()]
            hits = list(keyword.finditer(before))
            if start <= n <= end or not hits or LEGAL_REF.search(text[: m.start()]):
                continue
            where = span_of(groups.get((text, span.page), []), i, span)
            loc = Location(
                page=where.page, table=None, code=None, column="narasi", row=hits[-1].group(0), bbox=where.bbox
            )
            yield Violation(
                location=loc,
                expected=f"... {n} ...",
                actual=f"{start}-{end}",
                fields={
                    "period": f"{start}-{end}",
                    "plan_year": n,
                    "keyword": hits[-1].group(0),
                    "text": text,
                    "page": where.page,
                },
                evidence=(Evidence("stated", text, f"{start}-{end}", loc),),
            )
