"""structure_heading_sequence: chapters and sections are numbered without gaps or repeats.

Each heading must follow its previous sibling by one ("3.2.1" then "3.2.2"), the
first child of a heading is ".1", and chapters run I, II, III … The count then
continues from the number written, so one gap gives one finding.

PASS::  3.2, 3.2.1 Tujuan, 3.2.2 Sasaran, 3.3
FAIL::  3.2, 3.2.1 Tujuan, 3.2.4 Sasaran, 3.3
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.findings import Evidence
from auditor.model.document import Document, Heading
from auditor.rules.base import Result, Skip, Violation
from auditor.rules.checks._structure_util import heading_label, number_parts, span_location

ID = "structure_heading_sequence"
PARAMS: dict[str, Any] = {}
FIELDS = ("number", "expected", "previous", "title", "page")

_ROMANS = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def _expected_label(parent: tuple[int, ...], index: int) -> str:
    if not parent:
        return f"BAB {_ROMANS[index]}" if index < len(_ROMANS) else f"BAB {index}"
    return ".".join(str(p) for p in (*parent, index))


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    headings = doc.narrative.headings
    if not headings:
        yield Skip({"id": "Tidak ada judul BAB/subbab yang terbaca.", "en": "No chapter or section heading was read."})
        return
    last_child: dict[tuple[int, ...], int] = {}
    previous: Heading | None = None
    for h in headings:
        parts = number_parts(h.number)
        if parts is None:
            continue
        parent, index = parts[:-1], parts[-1]
        expected = last_child.get(parent, 0) + 1
        if index != expected:
            loc = span_location(h.span, row=heading_label(h))
            prev = heading_label(previous) if previous else "-"
            yield Violation(
                location=loc,
                expected=_expected_label(parent, expected),
                actual=heading_label(h),
                fields={
                    "number": heading_label(h),
                    "expected": _expected_label(parent, expected),
                    "previous": prev,
                    "title": h.title,
                    "page": h.span.page,
                },
                evidence=(Evidence("heading", h.span.text, h.number, loc),),
            )
        last_child[parent] = index
        previous = h
