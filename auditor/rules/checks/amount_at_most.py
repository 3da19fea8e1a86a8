"""amount_at_most: an amount of the document does not exceed its ceiling in reference data.

Each program, kegiatan or sub kegiatan (``levels``) of ``table`` is paired by code with
``reference`` (the RKPD given with --reference) and its ``column`` (× the header's unit)
may not be above the reference's ``reference_column``; with level ``total``, the table's
total is held against the reference's one total row (the unit's pagu indikatif). Rows the
reference does not have, or gives no amount for, are left to other rules.

PASS::  T-C.33 7.01.01.2.01.01 amount 4.000.000 ; RKPD pagu 4.000.000
FAIL::  T-C.33 7.01.01.2.01.01 amount 5.000.000 ; RKPD pagu 4.000.000 → Rp1.000.000 above
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.findings import Location
from auditor.model.document import Document, Level, Row, Table
from auditor.rules.base import (
    Result,
    Skip,
    Violation,
    columns_not_read,
    plain,
    rupiah,
    rupiah_total,
    table_name,
    total_location,
)
from auditor.rules.checks._cross_table_util import LEVEL_WORDS, cell_evidence, cell_loc, table_pair
from auditor.rules.params import Param

ID = "amount_at_most"
LEVELS = ("total", "program", "kegiatan", "sub_kegiatan")
PARAMS = {
    "table": Param(str, default="T-C.33", doc="table checked"),
    "column": Param(str, default="amount", doc="its money column"),
    "reference": Param(str, default="RKPD", doc="reference table holding the ceilings"),
    "reference_column": Param(str, default="pagu", doc="the reference's money column"),
    "levels": Param(list, item=str, default=["sub_kegiatan"], choices=LEVELS, doc="levels compared"),
    "tolerance": Param(int, default=0, minimum=0, doc="allowed excess in rupiah"),
}
FIELDS = ("table", "reference_table", "code", "level", "stated", "limit", "excess")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    pair = table_pair(doc, params)
    if isinstance(pair, Skip):
        yield pair
        return
    table, reference = pair
    if params["column"] not in table.columns:
        yield columns_not_read(table, [params["column"]])
        return
    levels = set(params["levels"])
    unit = table.money_units.get(params["column"], 1)
    if "total" in levels:
        yield from _total(table, reference, params)
    ceilings = {r.code: r for r in reference.rows if r.code and r.level.value in levels}
    for row in table.rows:
        if row.level.value not in levels or row.level == Level.TOTAL or row.code not in ceilings:
            continue
        limit_row = ceilings[row.code]
        stated, limit = row.amount(params["column"]), limit_row.amount(params["reference_column"])
        if stated is None or limit is None:
            continue
        stated *= unit
        if stated - limit > params["tolerance"]:
            location = cell_loc(table, row, params["column"], row.amounts[params["column"]].cell)
            yield _over(table, reference, location, row.code, row.level.value, limit_row, stated, limit, params)


def _total(table: Table, reference: Table, params: dict[str, Any]) -> Iterator[Result]:
    stated, row = rupiah_total(table, params["column"])
    limits = [r for r in reference.rows if r.level == Level.TOTAL and r.amount(params["reference_column"]) is not None]
    if stated is None or not limits:
        return
    limit = limits[0].amount(params["reference_column"])
    assert limit is not None
    if stated - limit > params["tolerance"]:
        location = total_location(table, row, params["column"])
        yield _over(table, reference, location, None, "total", limits[0], stated, limit, params)


def _over(
    table: Table,
    reference: Table,
    location: Location,
    code: str | None,
    level: str,
    limit_row: Row,
    stated: int,
    limit: int,
    params: dict[str, Any],
) -> Violation:
    limit_cell = limit_row.amounts[params["reference_column"]].cell
    return Violation(
        location=location,
        expected=plain(limit),
        actual=plain(stated),
        fields=_fields(table, reference, code, level, stated, limit),
        evidence=(cell_evidence("limit", reference, limit_row, params["reference_column"], limit_cell, plain(limit)),),
        value_kind="money",
    )


def _fields(table: Table, reference: Table, code: str | None, level: str, stated: int, limit: int) -> dict[str, Any]:
    words = LEVEL_WORDS.get(level, {"id": "jumlah", "en": "total"})
    return {
        "table": table_name(table),
        "reference_table": reference.kind,
        "code": code or "",
        "level": words,
        "stated": rupiah(stated),
        "limit": rupiah(limit),
        "excess": rupiah(stated - limit),
    }
