"""forward_amount_band: the forward-year amount stays within a band of the plan-year amount.

The prakiraan maju (n+1) of a row is usually the plan-year amount plus a modest
growth (the samples use 5–10 %). A ratio ``amount_next / amount`` outside
[``min_ratio``, ``max_ratio``] is worth a look: a digit dropped or added, an amount
copied from another row. Rows where either amount is empty or zero are left to the
completeness and totals rules.

PASS (0.8–1.5)::  amount 12.000.000   amount_next 13.200.000   (1.10)
FAIL::            amount 12.000.000   amount_next 1.320.000    (0.11)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.model.document import Document, Level
from auditor.rules.base import (
    Result,
    Skip,
    Violation,
    amount_evidence,
    cell_location,
    columns_not_read,
    plain,
    rupiah,
    table_name,
)
from auditor.rules.checks._indicator_util import column_label, level_label, row_code, tables_for
from auditor.rules.params import Param

ID = "forward_amount_band"
PARAMS = {
    "tables": Param(list, item=str, default=["T-C.33"], doc="table kinds to check"),
    "column": Param(str, default="amount", doc="plan-year money column"),
    "next_column": Param(str, default="amount_next", doc="forward-year money column"),
    "levels": Param(
        list,
        item=str,
        default=["program", "kegiatan", "sub_kegiatan", "aktivitas"],
        choices=("program", "kegiatan", "sub_kegiatan", "aktivitas"),
        doc="row levels to check",
    ),
    "min_ratio": Param(float, default=0.8, minimum=0, doc="smallest allowed amount_next / amount"),
    "max_ratio": Param(float, default=1.5, minimum=0, doc="largest allowed amount_next / amount"),
}
FIELDS = ("table", "level", "code", "row", "column", "amount", "amount_next", "ratio", "min_ratio", "max_ratio")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    tables = tables_for(doc, params["tables"])
    if isinstance(tables, Skip):
        yield tables
        return
    column, next_column = params["column"], params["next_column"]
    levels = {Level(v) for v in params["levels"]}
    for table in tables:
        if column not in table.columns or next_column not in table.columns:
            yield columns_not_read(table, [column, next_column])
            continue
        for row in table.rows:
            plan, forward = row.amount(column), row.amount(next_column)
            if row.level not in levels or not plan or not forward:
                continue
            ratio = forward / plan
            if params["min_ratio"] <= ratio <= params["max_ratio"]:
                continue
            amount = row.amounts.get(next_column)
            yield Violation(
                location=cell_location(table, row, next_column, amount.cell if amount else None),
                expected=f"{params['min_ratio']:g}-{params['max_ratio']:g} x {plain(plan)}",
                actual=plain(forward),
                fields={
                    "table": table_name(table),
                    "level": level_label(row),
                    "code": row_code(table, row),
                    "row": row.label,
                    "column": column_label(next_column),
                    "amount": rupiah(plan),
                    "amount_next": rupiah(forward),
                    "ratio": f"{ratio:.2f}",
                    "min_ratio": f"{params['min_ratio']:g}",
                    "max_ratio": f"{params['max_ratio']:g}",
                },
                evidence=tuple(
                    e
                    for e in (
                        amount_evidence("amount", table, row, column),
                        amount_evidence("amount_next", table, row, next_column),
                    )
                    if e
                ),
            )
