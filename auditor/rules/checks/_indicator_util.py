"""Helpers shared by the indicator/target check types (no ``ID``: not a check type).

What an indicator counts is read from its first words: ``Persentase ...`` (and its
spellings) is a percentage, ``Jumlah <Noun> ...`` counts ``<Noun>``. A unit agrees
with a noun when it starts with one of the noun's accepted units, compared without
case and spaces (PDF text glues and splits words: "Dokumenhasil", "dokume n",
"orang/12 bulan"). A one-letter slip ("Iaporan", "Faslitasi") is a misspelling,
not a different unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import Levenshtein

from auditor.findings import Evidence
from auditor.i18n import both, has
from auditor.model.document import Cell, Document, Level, Row, Table, quantity_in
from auditor.model.quantities import Quantity
from auditor.rules.base import Skip, cell_location, table_not_found

# Words shorter than this are never matched fuzzily: "unit"/"kali" are one letter apart
# from too many other words.
MIN_FUZZY_LENGTH = 5
PERCENT_UNITS = ("%", "persen")
_LEADING_QUALIFIERS = ("rata-rata", "ratarata", "rerata")

LEVEL_LABELS: dict[str, dict[str, str]] = {
    lvl: both(f"level.{lvl}") for lvl in ("program", "kegiatan", "sub_kegiatan", "aktivitas")
}
NO_UNIT = {"id": "tanpa satuan", "en": "no unit"}
PERCENT = {"id": "persen (%)", "en": "percent (%)"}


def column_label(column: str) -> dict[str, str] | str:
    """The column's name as a reader knows it (the key itself when there is no label)."""
    return both(f"col.{column}") if has(f"col.{column}") else column


def level_label(row: Row) -> dict[str, str] | str:
    return LEVEL_LABELS.get(row.level.value, row.level.value)


def row_code(table: Table, row: Row) -> dict[str, str] | str:
    """The row's code for a message; an activity is named by the sub kegiatan it belongs to."""
    if row.code or row.level != Level.AKTIVITAS:
        return row.code or ""
    parent = next((r.code for r in reversed(table.rows[: row.index]) if r.level == Level.SUB_KEGIATAN and r.code), None)
    return {"id": f"di bawah {parent}", "en": f"under {parent}"} if parent else ""


_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 14)  # every noun and unit is squashed again for each row's indicator
def squash(text: str) -> str:
    """Lower case without whitespace: what two spellings of one unit share."""
    return _SPACES.sub("", text).lower()


def near(word: str, target: str) -> bool:
    """One edit apart (a slipped letter), for words long enough to tell apart."""
    return len(target) >= MIN_FUZZY_LENGTH and Levenshtein.distance(word, target) <= 1


@dataclass(frozen=True)
class Expectation:
    """What an indicator's target should be measured in."""

    percent: bool
    noun: str | None  # key of the noun table ("keluarga"), None for a percentage
    written: str  # the indicator's word as written ("Faslitasi")
    misspelt: bool  # the written word is one letter off the noun
    accepted: tuple[str, ...]  # accepted units


def expectation(
    indicator: str, nouns: dict[str, list[str]], percent_words: list[str], count_words: list[str]
) -> Expectation | None:
    """What ``indicator`` counts, or None when its wording says nothing we know."""
    words = indicator.lower().split()
    while words and words[0] in _LEADING_QUALIFIERS:
        words = words[1:]
    if not words:
        return None
    head = words[0]
    # Glued words ("persentasedesa") still start with the percentage word.
    if any(head.startswith(w) for w in percent_words):
        return Expectation(True, None, head, False, PERCENT_UNITS)
    if any(near(head, w) for w in percent_words):
        return Expectation(True, None, head, True, PERCENT_UNITS)
    count_word = next((w for w in count_words if head.startswith(w)), None)
    if count_word is None:
        return None
    rest = head[len(count_word) :] or (words[1] if len(words) > 1 else "")
    written = rest if head != count_word else _original_word(indicator, 1)
    return _noun(rest, written, nouns)


def _original_word(text: str, index: int) -> str:
    parts = text.split()
    return parts[index] if len(parts) > index else ""


def _noun(word: str, written: str, nouns: dict[str, list[str]]) -> Expectation | None:
    word = re.sub(r"[^\w/-]", "", word)
    if not word:
        return None
    # Longest noun that starts the word: "lembagakemasyarakatan" -> "lembaga".
    prefixes = sorted((n for n in nouns if word.startswith(squash(n))), key=len, reverse=True)
    if prefixes:
        return Expectation(False, prefixes[0], written, False, tuple(nouns[prefixes[0]]))
    close = [n for n in nouns if near(word, squash(n))]
    if len(close) == 1:
        return Expectation(False, close[0], written, True, tuple(nouns[close[0]]))
    return None


def unit_verdict(unit: str, accepted: tuple[str, ...]) -> str:
    """'ok', 'misspelt' or 'mismatch' for a target's unit against the accepted units."""
    squashed = squash(unit)
    if any(squashed.startswith(squash(a)) for a in accepted):
        return "ok"
    first = re.split(r"[\s/]+", unit.strip().lower())[0] if unit.strip() else ""
    if any(near(first, squash(a)) or near(squashed, squash(a)) for a in accepted):
        return "misspelt"
    return "mismatch"


def quantity_of(cells: dict[str, Cell], column: str) -> Quantity | None:
    """Like ``Row.quantity`` for a sub-row's cells (a value cell and its ``_unit`` cell)."""
    return quantity_in(cells, column)


def row_parts(row: Row) -> Iterator[tuple[int, dict[str, Cell]]]:
    """The row's own cells, then each stacked sub-row (0 = the row itself)."""
    yield 0, row.cells
    yield from enumerate(row.sub_rows, start=1)


def part_text(row: Row, cells: dict[str, Cell], column: str) -> tuple[str, Cell | None]:
    """A sub-row that lacks a column shares the row's (merged) cell."""
    cell = cells.get(column) or row.cells.get(column)
    return (cell.text if cell else ""), cell


def tables_for(doc: Document, kinds: list[str]) -> list[Table] | Skip:
    tables = [t for kind in kinds for t in doc.tables_of(kind)]
    return tables if tables else table_not_found(kinds)


PLAN_LEVELS = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)


def evidence(role: str, table: Table, row: Row, column: str, cell: Cell | None, value: str | None = None) -> Evidence:
    return Evidence(role, cell.text if cell else "", value, cell_location(table, row, column, cell))


def mapping_of_lists(value: Any) -> None:
    """Param check: a mapping of names to lists of strings."""
    if not all(
        isinstance(k, str) and isinstance(v, list) and v and all(isinstance(s, str) for s in v)
        for k, v in value.items()
    ):
        raise ValueError("must map names to non-empty lists of strings")


def mapping_of_strings(value: Any) -> None:
    """Param check: a mapping of column names to column names."""
    if not value or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ValueError("must map target columns to indicator columns")
