"""count_words: a number written with its words says the same twice.

Indonesian documents write counts as "6 (enam) program", and amounts as
"Rp8.815.080.000,00 (delapan miliar ... rupiah)": the figure and the words in
parentheses must be the same number. Counts whose words are not a number word are
not compared.

PASS::  "terdapat 6 (enam) program"
FAIL::  "terdapat 6 (lima) program"   → 6 ≠ lima (5)
FAIL::  "Rp8.851.080.000,00 (delapan miliar delapan ratus lima belas juta delapan puluh ribu rupiah)"
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.findings import Evidence, Location
from auditor.model.document import Document
from auditor.rules.base import Result, Skip, Violation

ID = "count_words"
PARAMS: dict[str, Any] = {}
FIELDS = ("value", "words", "words_value", "noun", "page", "text")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    counts = [c for c in doc.narrative.counts if c.words_value is not None]
    if not counts:
        yield Skip(
            {
                "id": 'Narasi tidak memuat angka yang ditulis dengan hurufnya ("6 (enam)").',
                "en": 'The narrative has no number written with its words ("6 (enam)").',
            }
        )
        return
    for count in counts:
        words_value = count.words_value
        if words_value is None or count.value == words_value:
            continue
        loc = Location(
            page=count.span.page, table=None, code=None, column="narasi", row=count.span.text, bbox=count.span.bbox
        )
        yield Violation(
            location=loc,
            expected=str(count.value),
            actual=str(count.words_value),
            fields={
                "value": _shown(count.value),
                "words": count.words,
                "words_value": _shown(words_value),
                "noun": count.noun,
                "page": count.span.page,
                "text": count.span.text,
            },
            evidence=(Evidence("stated", count.span.text, str(count.value), loc),),
        )


def _shown(value: int) -> str:
    """A figure as the narrative writes it: 6, 1.250, 8.815.080.000."""
    return f"{value:,}".replace(",", ".")
