"""Helpers shared by the structure check types (not a check type: no ``ID``)."""

from __future__ import annotations

import re

from auditor.findings import Location
from auditor.model.document import Heading, TextSpan
from auditor.model.numwords import roman_value


def number_parts(number: str) -> tuple[int, ...] | None:
    """ "III" -> (3,), "3.2.1" -> (3, 2, 1); None for anything else."""
    roman = roman_value(number)
    if roman is not None:
        return (roman,)
    if re.fullmatch(r"\d+(?:\.\d+)*", number):
        return tuple(int(p) for p in number.split("."))
    return None


def canonical_number(number: str) -> str:
    """Headings "II" and "2" name the same chapter: compare chapters by their value."""
    parts = number_parts(number)
    return ".".join(str(p) for p in parts) if parts else number


def in_sections(section: str | None, wanted: list[str]) -> bool:
    """``section`` ("3.3", "III", "2.1.4") is one of ``wanted`` or inside one of them;
    chapters compare by value, so "III" covers "3.3" and "3" covers "III"."""
    if section is None:
        return False
    mine = canonical_number(section)
    return any(mine == (w := canonical_number(x)) or mine.startswith(w + ".") for x in wanted)


def words(text: str) -> str:
    """Text reduced to lower-case words, for comparing titles written in different styles."""
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


def span_location(span: TextSpan, row: str | None = None, table: str | None = None) -> Location:
    return Location(
        page=span.page, table=table, code=None, column="narasi" if table is None else None, row=row, bbox=span.bbox
    )


def heading_label(heading: Heading) -> str:
    if heading.label:
        return heading.label
    return f"BAB {heading.number}" if heading.level == 1 else heading.number
