"""Helpers shared by the cross_table and narrative check types.

Text likeness (rapidfuzz over text with case, spacing and punctuation removed), the
pairing of rows of two tables by canonical code, and the small parameter schemas
these check types share. No ``ID`` here: the check registry ignores this module.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from auditor.findings import Evidence, Location
from auditor.i18n import both
from auditor.model.document import Cell, Document, Level, Row, Table
from auditor.model.quantities import Quantity
from auditor.rules.base import Skip, reference_location, table_not_found
from auditor.rules.params import Param

CODED_LEVELS = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)
LEVEL_NAMES = tuple(level.value for level in CODED_LEVELS)
LEVELS_PARAM = Param(
    list,
    item=str,
    default=list(LEVEL_NAMES),
    choices=LEVEL_NAMES,
    doc="levels compared: program, kegiatan, sub_kegiatan",
)
THRESHOLD_PARAM = Param(
    float,
    default=95.0,
    minimum=0,
    doc="rapidfuzz ratio (0-100) above which two texts are the same, once case, spaces and punctuation are ignored",
)

# Words of a message that are not rule text: the name of a compared field.
FIELD_WORDS: dict[str, dict[str, str]] = {
    "name": {"id": "nama", "en": "name"},
    "indicator": {"id": "indikator", "en": "indicator"},
    "target": {"id": "target", "en": "target"},
    "amount": {"id": "pagu", "en": "amount"},
    "lokasi": {"id": "lokasi", "en": "location"},
    "sumber_dana": {"id": "sumber dana", "en": "source of funds"},
    "target_next": {"id": "target n+1", "en": "n+1 target"},
    "target_renstra": {"id": "target akhir periode Renstra", "en": "end-of-period Renstra target"},
}
LEVEL_WORDS: dict[str, dict[str, str]] = {lvl: both(f"level.{lvl}") for lvl in ("program", "kegiatan", "sub_kegiatan")}

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=1 << 16)  # the same names are compared across tables tens of thousands of times
def norm(text: str) -> str:
    """Lower case, letters and digits only: "Kabupaten / Kota" == "kabupaten/kota",
    "PENYELENGGARAANPEMERINTAHAN" == "Penyelenggaraan Pemerintahan"."""
    return _NOT_ALNUM.sub("", text.lower())


def likeness(a: str, b: str) -> float:
    """0-100; two empty texts are alike."""
    na, nb = norm(a), norm(b)
    if not na and not nb:
        return 100.0
    return float(fuzz.ratio(na, nb))


def same_text(a: str, b: str, threshold: float) -> bool:
    return likeness(a, b) >= threshold


def code_family(a: str, b: str) -> bool:
    """Equal codes, or one is the other cut short ("7.01.01.2.01" for "7.01.01.2.01.02")."""
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def quantity_differs(a: Quantity, b: Quantity, unit_threshold: float) -> bool:
    """Different numbers, or units that are not alike (a missing unit is not a difference)."""
    if a.value != b.value or (a.high or None) != (b.high or None):
        return True
    if not a.unit or not b.unit:
        return False
    return not same_text(a.unit, b.unit, unit_threshold)


def is_blank(q: Quantity | None) -> bool:
    return q is None or q.is_null or q.value is None


@dataclass
class Pairing:
    """Rows of table ``a`` and ``b`` that stand for the same program/kegiatan/sub kegiatan."""

    pairs: list[tuple[Row, Row]] = field(default_factory=list)
    only_a: list[Row] = field(default_factory=list)
    only_b: list[Row] = field(default_factory=list)


def coded_rows(table: Table) -> list[Row]:
    return [r for r in table.rows if r.level in CODED_LEVELS and r.code]


def pair_rows(a: Table, b: Table, threshold: float) -> Pairing:
    """Pair rows by canonical code; a code written on several rows of a table (a sub
    kegiatan cut to its kegiatan code) is paired by name within its code family instead,
    so a cut code shows up as a code problem elsewhere, not as a missing row here."""
    rows_a, rows_b = coded_rows(a), coded_rows(b)
    count_a = Counter(r.code for r in rows_a)
    count_b = Counter(r.code for r in rows_b)
    by_code_b = {r.code: r for r in rows_b if count_b[r.code] == 1}
    result = Pairing()
    paired_a: set[int] = set()
    paired_b: set[int] = set()
    for row in rows_a:
        other = by_code_b.get(row.code) if count_a[row.code] == 1 else None
        if other is not None:
            result.pairs.append((row, other))
            paired_a.add(id(row))
            paired_b.add(id(other))
    left_a = [r for r in rows_a if id(r) not in paired_a]
    left_b = [r for r in rows_b if id(r) not in paired_b]
    candidates = sorted(
        (
            (likeness(ra.label, rb.label), i, j)
            for i, ra in enumerate(left_a)
            for j, rb in enumerate(left_b)
            if code_family(str(ra.code), str(rb.code))
        ),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    for score, i, j in candidates:
        if score < threshold or i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        result.pairs.append((left_a[i], left_b[j]))
    result.only_a = [r for i, r in enumerate(left_a) if i not in used_a]
    result.only_b = [r for j, r in enumerate(left_b) if j not in used_b]
    result.pairs.sort(key=lambda p: p[0].index)
    return result


def cell_loc(table: Table, row: Row, column: str, cell: Cell | None) -> Location:
    if (in_reference := reference_location(table, row, column, cell)) is not None:
        return in_reference
    return Location(
        page=cell.page if cell else row.page or (table.pages[0] if table.pages else None),
        table=table.kind,
        code=row.code,
        column=column,
        row=row.label or None,
        bbox=cell.bbox if cell else None,
    )


def cell_evidence(
    role: str, table: Table, row: Row, column: str, cell: Cell | None, value: str | None = None
) -> Evidence:
    return Evidence(role, cell.text if cell else "", value, cell_loc(table, row, column, cell))


def first(tables: Iterable[Table]) -> Table | None:
    return next(iter(tables), None)


def mapping_list_check(required: set[str], optional: set[str]) -> Any:
    """Validator for a list-of-mappings parameter: each item has the required keys and
    no others."""

    def check(value: list[Any]) -> None:
        for item in value:
            if not isinstance(item, dict):
                raise ValueError("each item must be a mapping")
            missing = required - set(item)
            unknown = set(item) - required - optional
            if missing:
                raise ValueError(f"item {item} lacks {sorted(missing)}")
            if unknown:
                raise ValueError(
                    f"item {item} has unknown keys {sorted(unknown)}; allowed: {sorted(required | optional)}"
                )

    return check


def table_pair(doc: Document, params: dict[str, Any]) -> tuple[Table, Table] | Skip:
    """The checked table and its reference (``params['table']``, ``params['reference']``)."""
    table = first(doc.tables_of(params["table"]))
    reference = first(doc.tables_of(params["reference"]))
    if table is None or reference is None:
        return table_not_found(
            [k for k, t in ((params["table"], table), (params["reference"], reference)) if t is None]
        )
    return table, reference
