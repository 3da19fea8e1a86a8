"""structure_toc: the table of contents names the headings the document has.

The entries of the table of contents (``listing`` "isi": the entries under "DAFTAR ISI",
wrapped lines joined and dot leaders and page numbers set apart by the extractor) that
carry a number, "BAB II TITLE", "2.1 Title" or "A. Title" under a BAB (section 2.1 of
BAB II, as the extractor numbers lettered sections), are each compared with the heading of the
same number, both reduced to lower-case words. An entry without heading, a
heading (of the levels the contents list) without entry, and a title that differs
are reported.

PASS::  contents "BAB I PENDAHULUAN 1" ; heading "BAB I. PENDAHULUAN"
FAIL::  contents "BAB I PENDAHULUAH" ; heading "BAB I. PENDAHULUAN"
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from auditor.findings import Evidence
from auditor.model.document import Document, Heading, TextSpan
from auditor.rules.base import Result, Skip, Violation
from auditor.rules.checks._structure_util import canonical_number, heading_label, span_location, words
from auditor.rules.params import Param

ID = "structure_toc"
PARAMS = {
    "listing": Param(str, default="isi", doc='which front listing to read: the word after "DAFTAR" ("isi")'),
}
FIELDS = ("number", "toc_title", "heading_title", "problem", "page")

_BAB = re.compile(r"^BAB\s+([IVX]+)\b\.?\s*:?\s*(.*)$", re.IGNORECASE)
_NUM_TITLE = re.compile(r"^(\d+(?:\.\d+)+)\.?\s+(\S.*)$")
_LETTER_TITLE = re.compile(r"^([A-Z])\.\s+(\S.*)$")


@dataclass(frozen=True)
class _Entry:
    number: str  # canonical: "2" for BAB II, "2.1"
    label: str  # as people write it: "BAB II", "2.1"
    title: str
    span: TextSpan


def _entries(doc: Document, listing: str) -> list[_Entry]:
    """The numbered entries of the document's table of contents (the extractor joined
    wrapped lines and set the page numbers apart)."""
    out: list[_Entry] = []
    chapter: str | None = None
    for entry in doc.narrative.contents:
        if entry.listing != listing:
            continue
        if m := _BAB.match(entry.text):
            chapter = m.group(1).upper()
            out.append(_Entry(canonical_number(chapter), f"BAB {chapter}", m.group(2).strip(), entry.span))
        elif m := _NUM_TITLE.match(entry.text):
            out.append(_Entry(m.group(1), m.group(1), m.group(2).strip(), entry.span))
        elif chapter and (m := _LETTER_TITLE.match(entry.text)):
            # "A. Latar Belakang" under BAB I is section 1.1, as the extractor numbers it
            number = f"{canonical_number(chapter)}.{ord(m.group(1).upper()) - ord('A') + 1}"
            out.append(_Entry(number, f"{m.group(1).upper()}. (BAB {chapter})", m.group(2).strip(), entry.span))
    return out


_PROBLEMS = {
    "differs": {"id": "judulnya berbeda", "en": "the titles differ"},
    "no_heading": {"id": "tidak ada judul bab/subbab dengan nomor ini", "en": "no heading has this number"},
    "no_entry": {"id": "judul ini tidak tercantum dalam daftar isi", "en": "this heading is not in the contents"},
}


def _violation(number: str, entry: _Entry | None, heading: Heading | None, problem: str) -> Violation:
    """Located at the contents entry when there is one: either side may be the wrong one."""
    span = entry.span if entry is not None else heading.span  # type: ignore[union-attr]
    loc = span_location(span, row=number)
    evidence = []
    if entry is not None:
        evidence.append(Evidence("toc", entry.title, None, span_location(entry.span, row=number)))
    if heading is not None:
        evidence.append(Evidence("heading", heading.title, None, span_location(heading.span, row=number)))
    return Violation(
        location=loc,
        expected=heading.title if heading else None,
        actual=entry.title if entry else None,
        fields={
            "number": number,
            "toc_title": entry.title if entry else "-",
            "heading_title": heading.title if heading else "-",
            "problem": _PROBLEMS[problem],
            "page": span.page,
        },
        evidence=tuple(evidence),
    )


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    entries = _entries(doc, params["listing"])
    if not entries:
        yield Skip(
            {"id": "Daftar isi tidak ditemukan atau tidak terbaca.", "en": "No table of contents was found or read."}
        )
        return
    headings: dict[str, Heading] = {}
    numbered: dict[str, list[Heading]] = {}
    for h in doc.narrative.headings:
        headings.setdefault(canonical_number(h.number), h)
        numbered.setdefault(canonical_number(h.number), []).append(h)
    for e in entries:
        # Two headings may share a number (a numbering slip STR-002 reports); the entry
        # is the one of them with its title, else the first.
        same = numbered.get(e.number, [])
        found = next((c for c in same if words(c.title) == words(e.title)), same[0] if same else None)
        if found is None:
            yield _violation(e.label, e, None, "no_heading")
        elif words(e.title) != words(found.title):
            yield _violation(e.label, e, found, "differs")
    listed = {e.number for e in entries}
    depth = max(e.number.count(".") + 1 for e in entries)
    for number, h in headings.items():
        if number not in listed and h.level <= depth:
            yield _violation(heading_label(h), None, h, "no_entry")
