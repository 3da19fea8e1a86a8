"""structure_leftover: template text left in the document ("SESUAIKAN", "xxx", "[isi]", "…..").

Each of ``patterns`` (regular expressions, case-sensitive unless they say ``(?i)``)
is searched in sentences, list items, captions and headings, and in the table
cells of ``tables``. A table-of-contents line ("Latar Belakang ........ 1") is not a
leftover: lines whose dots lead to a page number are skipped. "s/d" is no pattern.

PASS::  "Penyusunan Rencana Kerja ... terdiri dari beberapa Program Utama yaitu:"
FAIL::  "... Program Utama yaitu: SESUAIKAN"
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.findings import Evidence, Location
from auditor.model.document import Document
from auditor.rules.base import Result, Violation
from auditor.rules.checks._structure_util import span_location
from auditor.rules.checks._year_util import narrative_texts
from auditor.rules.params import Param


def _valid_patterns(value: list[str]) -> None:
    for p in value:
        try:
            re.compile(p)
        except re.error as exc:
            raise ValueError(f"bad pattern {p!r}: {exc}") from None


ID = "structure_leftover"
PARAMS = {
    "patterns": Param(
        list,
        item=str,
        default=[
            r"\bSESUAIKAN\b",
            r"(?i)\bx{3,}\b",
            r"(?i)\[\s*isi\b[^\]]*\]",
            r"(?i)\(\s*(?:di)?sesuaikan\b[^)]*\)",
            r"\.{4,}|…\s*[.…]",
        ],
        check=_valid_patterns,
        doc="regular expressions of template text",
    ),
    "tables": Param(
        list,
        item=str,
        default=["T-C.29", "T-C.30", "T-C.31", "T-C.32", "T-C.33", "Tabel 4.1", "Tabel 3.2", "Tabel 3.3"],
        doc="tables whose cells are searched",
    ),
}
FIELDS = ("leftover", "text", "page", "where")

# A contents line: dotted leader then a page number.
_TOC_LINE = re.compile(r"(?:\.{3,}|…+)\s*(?:\d+|[ivxlc]+)\s*$", re.IGNORECASE)


def _hits(text: str, patterns: list[re.Pattern[str]]) -> list[str]:
    if _TOC_LINE.search(text):
        return []
    return [m.group(0) for p in patterns for m in p.finditer(text)]


def _violation(found: str, text: str, loc: Location, where: dict[str, str]) -> Violation:
    return Violation(
        location=loc,
        expected=None,
        actual=found,
        fields={"leftover": found, "text": text, "page": loc.page, "where": where},
        evidence=(Evidence("text", text, found, loc),),
    )


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    patterns = [re.compile(p) for p in params["patterns"]]
    seen: set[tuple[str, int]] = set()
    for _, text, span in narrative_texts(doc):
        if (text, span.page) in seen:
            continue
        seen.add((text, span.page))
        for found in _hits(text, patterns):
            yield _violation(found, text, span_location(span, row=text[:80]), {"id": "narasi", "en": "narrative"})
    for table in (t for kind in params["tables"] for t in doc.tables_of(kind)):
        for row in table.rows:
            for key, cell in row.cells.items():
                for found in _hits(cell.text, patterns):
                    loc = Location(
                        page=cell.page,
                        table=table.kind,
                        code=row.code,
                        column=key,
                        row=row.label or None,
                        bbox=cell.bbox,
                    )
                    yield _violation(found, cell.text, loc, {"id": f"tabel {table.kind}", "en": f"table {table.kind}"})
