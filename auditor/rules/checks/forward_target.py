"""forward_target: the forward-year target is measured like the plan-year target.

T-C.33 gives each program, kegiatan and sub kegiatan a target for the plan year n
(``target``) and for n+1 (``target_next``). Both measure the same indicator, so both
are percentages or both count the same unit (compared without case and spaces; a
one-letter slip is left to the spelling rule). Empty or unreadable targets are left
to the completeness rule.

PASS::  target 100%         target_next 100%
        target 10 unit      target_next 12 unit
FAIL::  target 100%         target_next 3 dokumen
        target 12 laporan   target_next 12 paket
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.model.document import Cell, Document, Row, Table
from auditor.model.quantities import Quantity
from auditor.rules.base import Result, Skip, Violation, cell_location, columns_not_read, table_name
from auditor.rules.checks._indicator_util import (
    NO_UNIT,
    PLAN_LEVELS,
    column_label,
    evidence,
    level_label,
    near,
    quantity_of,
    row_parts,
    squash,
    tables_for,
)
from auditor.rules.params import Param

ID = "forward_target"
PARAMS = {
    "tables": Param(list, item=str, default=["T-C.33"], doc="table kinds to check"),
    "column": Param(str, default="target", doc="plan-year target column"),
    "next_column": Param(str, default="target_next", doc="forward-year target column"),
}
FIELDS = ("table", "level", "code", "row", "column", "target", "target_next", "unit", "unit_next")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    tables = tables_for(doc, params["tables"])
    if isinstance(tables, Skip):
        yield tables
        return
    column, next_column = params["column"], params["next_column"]
    for table in tables:
        if column not in table.columns or next_column not in table.columns:
            yield columns_not_read(table, [column, next_column])
            continue
        for row in table.rows:
            if row.level not in PLAN_LEVELS:
                continue
            for _, cells in row_parts(row):
                found = _compare(table, row, cells, column, next_column)
                if found is not None:
                    yield found


def _same_unit(a: Quantity, b: Quantity) -> bool:
    if a.is_percent or b.is_percent:
        return a.is_percent == b.is_percent
    ua, ub = squash(a.unit), squash(b.unit)
    return ua == ub or near(ua, ub)


def _compare(table: Table, row: Row, cells: dict[str, Cell], column: str, next_column: str) -> Violation | None:
    plan, forward = quantity_of(cells, column), quantity_of(cells, next_column)
    if plan is None or forward is None or plan.value is None or forward.value is None:
        return None
    if _same_unit(plan, forward):
        return None
    cell, next_cell = cells.get(column), cells.get(next_column)
    return Violation(
        location=cell_location(table, row, next_column, next_cell),
        expected=plan.unit,
        actual=forward.unit,
        fields={
            "table": table_name(table),
            "level": level_label(row),
            "code": row.code or "",
            "row": row.label,
            "column": column_label(next_column),
            "target": plan.raw,
            "target_next": forward.raw,
            "unit": plan.unit or NO_UNIT,
            "unit_next": forward.unit or NO_UNIT,
        },
        evidence=(
            evidence("target", table, row, column, cell),
            evidence("target_next", table, row, next_column, next_cell),
        ),
    )
