"""codes_present: two tables that plan the same budget list the same codes.

Every program, kegiatan and sub kegiatan (``levels``) of ``table`` must be in
``reference`` and the other way round. Rows are paired by canonical code; a code
written on several rows (a sub kegiatan cut to its kegiatan code) is paired by name
within its code family (rapidfuzz ≥ ``threshold``), so a cut code is not reported as a
missing row — it is a structure finding. Each unpaired row is reported once, in the
table it is missing from, with its code and name. A level one table has no row of at all
(a BAB IV table listing programs only) is not compared.

PASS::  T-C.33: 7.01.01, 7.01.01.2.01, 7.01.01.2.01.01 ; Tabel 4.1: the same three
FAIL::  T-C.33: 7.01.01.2.01.01, 7.01.01.2.01.02 ; Tabel 4.1: 7.01.01.2.01.01 only
        → 7.01.01.2.01.02 is missing from Tabel 4.1
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.findings import Location
from auditor.model.document import Document, Level, Row, Table
from auditor.rules.base import Result, Skip, Violation
from auditor.rules.checks._cross_table_util import (
    LEVEL_WORDS,
    LEVELS_PARAM,
    cell_evidence,
    pair_rows,
    table_pair,
)
from auditor.rules.params import Param

ID = "codes_present"
PARAMS = {
    "table": Param(str, default="Tabel 4.1", doc="table checked"),
    "reference": Param(str, default="T-C.33", doc="table it must agree with"),
    "levels": LEVELS_PARAM,
    "threshold": Param(
        float, default=90.0, minimum=0, doc="name likeness that pairs rows whose code is cut or repeated"
    ),
}
FIELDS = ("code", "name", "level", "present_in", "missing_from")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    pair = table_pair(doc, params)
    if isinstance(pair, Skip):
        yield pair
        return
    table, reference = pair
    if table.nihil or reference.nihil:
        yield Skip({"id": "Salah satu tabel berisi NIHIL.", "en": "One of the tables says NIHIL."})
        return
    # A level one of the tables does not go down to at all (a BAB IV table of programs only)
    # is a summary, not a list with rows missing.
    levels = {Level(v) for v in params["levels"]}
    levels &= {r.level for r in table.rows} & {r.level for r in reference.rows}
    pairing = pair_rows(table, reference, params["threshold"])
    for row in pairing.only_b:
        if row.level in levels:
            yield _missing(row, present=reference, absent=table)
    for row in pairing.only_a:
        if row.level in levels:
            yield _missing(row, present=table, absent=reference)


def _missing(row: Row, present: Table, absent: Table) -> Violation:
    cell = row.cells.get("code") or row.cells.get("name")
    # The row is not in ``absent``: point at the table where it is missing, and at the row
    # that has it as evidence; missing from reference data (no pages), point at the row.
    location = Location(
        page=absent.pages[0] if absent.pages else None,
        table=absent.kind,
        code=row.code,
        column="code",
        row=row.label or None,
        bbox=None,
    )
    if not absent.pages and present.pages:
        location = cell_evidence("present", present, row, "code", cell).location
    return Violation(
        location=location,
        expected=f"{row.code} {row.label}".strip(),
        actual=None,
        fields={
            "code": row.code or "",
            "name": row.label,
            "level": LEVEL_WORDS.get(row.level.value, {"id": row.level.value, "en": row.level.value}),
            "present_in": present.kind,
            "missing_from": absent.kind,
        },
        evidence=(cell_evidence("present", present, row, "code", cell),),
    )
