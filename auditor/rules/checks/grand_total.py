"""grand_total: a table's total row equals the sum of its programs.

Every total row of the table (real documents put one at the top, the bottom, or
both) is compared with Σ program amounts in the same column.

PASS::  total 1.916.486.189 ; programs 1.699.465.689 + 2.700.000 + ... = 1.916.486.189
FAIL::  total 1.916.486.189 ; programs sum to 1.916.446.189
"""

from __future__ import annotations

from typing import Any, Iterator

from auditor.i18n import both
from auditor.model.document import Document, Level
from auditor.rules.base import (
    COLUMN_PARAM, TABLES_PARAM, TOLERANCE_PARAM, Result, Skip, Violation, amount_evidence,
    cell_location, money_tables, plain, rupiah, table_name, table_not_found,
)

ID = "grand_total"
PARAMS = {
    "tables": TABLES_PARAM,
    "column": COLUMN_PARAM,
    "tolerance": TOLERANCE_PARAM,
}
FIELDS = ("table", "column", "stated", "computed", "difference", "programs")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    column = params["column"]
    tables = money_tables(doc, params)
    if not tables:
        yield table_not_found(params["tables"])
        return
    compared = 0
    for table in tables:
        programs = table.rows_at(Level.PROGRAM)
        computed = sum(p.amount(column) or 0 for p in programs)
        for total in table.total_rows():
            stated = total.amount(column)
            if stated is None:
                continue
            compared += 1
            if abs(stated - computed) <= params["tolerance"]:
                continue
            amount = total.amounts[column]
            evidence = [amount_evidence("program", table, p, column) for p in programs]
            yield Violation(
                location=cell_location(table, total, column, amount.cell),
                expected=plain(computed),
                actual=plain(stated),
                value_kind="money",
                fields={
                    "table": table_name(table),
                    "column": both(f"col.{column}"),
                    "stated": rupiah(stated),
                    "computed": rupiah(computed),
                    "difference": rupiah(stated - computed),
                    "programs": len(programs),
                },
                evidence=tuple(e for e in [amount_evidence("total", table, total, column), *evidence] if e),
            )
    if compared == 0:
        yield Skip(
            {
                "id": f"Tidak ada baris jumlah dengan nilai pada kolom {both('col.' + column)['id']}.",
                "en": f"No total row with a value in column {both('col.' + column)['en']}.",
            }
        )
