"""year_phrase: a year named by a known phrase has the offset from n the phrase implies.

``phrases`` pairs a regular expression that must end right before the year
(case-insensitive; spaces, "(" and ":" may sit between) with the offsets from plan
year n the year may have: "Prakiraan Maju Tahun" n+1, "RKPD Tahun" n, "Rencana
Program dan Kegiatan ... Tahun" n, "Renja tahun lalu (" n-2. The first phrase that
matches decides; an entry with ``when`` applies only to a sentence containing that
pattern (a Renja named in an evaluation sentence is last year's). Sentences, list
items, captions and headings are read; legal
references ("Nomor 1 Tahun 2022") and periods are skipped.

PASS::  plan year 2024; "Rencana Program dan Kegiatan ... Tahun 2024 dan Prakiraan Maju Tahun 2025"
FAIL::  plan year 2024; "Rencana Program dan Kegiatan ... Tahun 2023 dan Prakiraan Maju Tahun 2024"
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.findings import Evidence, Location
from auditor.model.document import Document, TextSpan
from auditor.rules.base import Result, Skip, Violation
from auditor.rules.checks._year_util import (
    YEAR,
    check_entries,
    is_legal,
    mention_spans,
    narrative_texts,
    no_plan_year,
    offsets_text,
    span_of,
)
from auditor.rules.params import Param

ID = "year_phrase"
PARAMS = {
    "phrases": Param(
        list,
        item=dict,
        check=check_entries({"pattern": str, "offsets": list}, {"when": str}),
        doc="regular expressions ending right before a year, each with the offsets from n it allows; "
        "`when`: a regular expression the whole sentence must contain for the entry to apply",
    ),
    "contexts": Param(
        list,
        item=str,
        default=["sentence", "list_item", "caption", "heading", "running_header"],
        choices=("sentence", "list_item", "caption", "heading", "running_header"),
        doc="narrative elements to read (running_header: the text repeated at the top or foot of the pages)",
    ),
}
FIELDS = ("year", "expected", "phrase", "text", "plan_year", "page")


Phrase = tuple[re.Pattern[str], list[int], re.Pattern[str] | None]


def _compiled(params: dict[str, Any]) -> list[Phrase]:
    return [
        (
            re.compile(f"(?:{p['pattern']})[\\s(:]*$", re.IGNORECASE),
            [int(o) for o in p["offsets"]],
            re.compile(p["when"], re.IGNORECASE) if "when" in p else None,
        )
        for p in params["phrases"]
    ]


def _match(before: str, text: str, phrases: list[Phrase]) -> tuple[str, list[int]] | None:
    tail = before[-160:]
    for pattern, offsets, when in phrases:
        if when is not None and not when.search(text):
            continue
        m = pattern.search(tail)
        if m:
            return m.group(0).rstrip(" (:"), offsets
    return None


def _text_violations(text: str, span: TextSpan, group: list[Any], n: int, phrases: list[Phrase]) -> Iterator[Violation]:
    for i, m in enumerate(YEAR.finditer(text)):
        if m.group(2) or is_legal(text, m.start()):
            continue
        hit = _match(text[: m.start()], text, phrases)
        if hit is None:
            continue
        phrase, offsets = hit
        year = int(m.group(1))
        if year - n in offsets:
            continue
        where = span_of(group, i, span)
        loc = Location(page=where.page, table=None, code=None, column="narasi", row=phrase, bbox=where.bbox)
        expected = " / ".join(str(n + o) for o in offsets)
        yield Violation(
            location=loc,
            expected=expected,
            actual=str(year),
            fields={
                "year": year,
                "expected": f"{expected} ({offsets_text(offsets)})",
                "phrase": phrase,
                "text": text,
                "plan_year": n,
                "page": where.page,
            },
            evidence=(Evidence("stated", text, str(year), loc),),
        )


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    if doc.plan_year is None:
        yield Skip(no_plan_year())
        return
    phrases = _compiled(params)
    groups = mention_spans(doc)
    seen: set[tuple[str, int]] = set()
    for context, text, span in narrative_texts(doc):
        if context not in params["contexts"] or (text, span.page) in seen:
            continue
        seen.add((text, span.page))
        yield from _text_violations(text, span, groups.get((text, span.page), []), doc.plan_year, phrases)
