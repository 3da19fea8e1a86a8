"""structure_toc: the table of contents names the headings the document has.

The entries of the table of contents (the lines after ``marker``, "DAFTAR ISI", up to
the first heading of the body) are read as "BAB II TITLE 7" or "2.1." followed by
its title line; each is compared with the heading of the same number, both reduced
to lower-case words and without the page number. An entry without heading, a
heading (of the levels the contents list) without entry, and a title that differs
are reported.

PASS::  contents "BAB I PENDAHULUAN 1" ; heading "BAB I. PENDAHULUAN"
FAIL::  contents "BAB I PENDAHULUAH" ; heading "BAB I. PENDAHULUAN"
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from auditor.findings import Evidence
from auditor.model.document import Document, Heading, TextSpan
from auditor.rules.base import Result, Skip, Violation
from auditor.rules.checks._structure_util import canonical_number, heading_label, span_location, words
from auditor.rules.params import Param

ID = "structure_toc"
PARAMS = {
    "marker": Param(str, default="DAFTAR ISI", doc="the title that opens the table of contents"),
}
FIELDS = ("number", "toc_title", "heading_title", "problem", "page")

_BAB = re.compile(r"^BAB\s+([IVX]+)\b\.?\s*:?\s*(.*)$", re.IGNORECASE)
_NUM_ONLY = re.compile(r"^(\d+(?:\.\d+)+)\.?$")
_NUM_TITLE = re.compile(r"^(\d+(?:\.\d+)+)\.?\s+(\S.*)$")
_NEXT_NUM = re.compile(r"\s(\d+(?:\.\d+)+)\.?$")
_PAGE_NO = re.compile(r"\s*(?:\.{2,}|…+)?\s*\b(?:\d+|[ivxlc]+)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class _Entry:
    number: str  # canonical: "2" for BAB II, "2.1"
    label: str  # as people write it: "BAB II", "2.1"
    title: str
    span: TextSpan


def _strip_page(title: str) -> str:
    return _PAGE_NO.sub("", title).strip()


def _toc_lines(doc: Document, marker: str) -> list[tuple[str, TextSpan]]:
    sentences = doc.narrative.sentences
    start = next((i for i, s in enumerate(sentences) if s.text.strip().upper() == marker.upper()), None)
    if start is None:
        return []
    body = min((h.span.page for h in doc.narrative.headings), default=doc.pages + 1)
    return [(s.text.strip(), s.span) for s in sentences[start + 1 :] if s.span.page < body]


def _entries(lines: list[tuple[str, TextSpan]]) -> list[_Entry]:
    out: list[_Entry] = []
    pending: tuple[str, TextSpan] | None = None
    for text, span in lines:
        if pending is not None:
            # A wrapped title line may carry the next entry's number: "... Daerah 7 2.2."
            glued = _NEXT_NUM.search(text)
            title = text[: glued.start()] if glued else text
            out.append(_Entry(pending[0], pending[0], _strip_page(title), pending[1]))
            pending = (glued.group(1), span) if glued else None
            continue
        if m := _BAB.match(text):
            out.append(_Entry(canonical_number(m.group(1).upper()), f"BAB {m.group(1).upper()}", _strip_page(m.group(2)), span))
        elif m := _NUM_ONLY.match(text):
            pending = (m.group(1), span)
        elif m := _NUM_TITLE.match(text):
            out.append(_Entry(m.group(1), m.group(1), _strip_page(m.group(2)), span))
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
        fields={"number": number, "toc_title": entry.title if entry else "-",
                "heading_title": heading.title if heading else "-", "problem": _PROBLEMS[problem], "page": span.page},
        evidence=tuple(evidence),
    )


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    entries = _entries(_toc_lines(doc, params["marker"]))
    if not entries:
        yield Skip({"id": "Daftar isi tidak ditemukan atau tidak terbaca.", "en": "No table of contents was found or read."})
        return
    headings: dict[str, Heading] = {}
    for h in doc.narrative.headings:
        headings.setdefault(canonical_number(h.number), h)
    for e in entries:
        h = headings.get(e.number)
        if h is None:
            yield _violation(e.label, e, None, "no_heading")
        elif words(e.title) != words(h.title):
            yield _violation(e.label, e, h, "differs")
    listed = {e.number for e in entries}
    depth = max(e.number.count(".") + 1 for e in entries)
    for number, h in headings.items():
        if number not in listed and h.level <= depth:
            yield _violation(heading_label(h), None, h, "no_entry")
