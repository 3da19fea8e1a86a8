"""grand_total: a table's total row equals the sum of its programs.

Every total row of the table (real documents put one at the top, the bottom, or
both) is compared with Σ program amounts in the same column; an urusan or bidang row
("2.16 URUSAN PEMERINTAHAN BIDANG ...") with Σ the programs under its code.

PASS::  total 1.916.486.189 ; programs 1.699.465.689 + 2.700.000 + ... = 1.916.486.189
FAIL::  total 1.916.486.189 ; programs sum to 1.916.446.189
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.i18n import both
from auditor.model.document import Document, Level, Row, Table
from auditor.rules.base import (
    COLUMN_PARAM,
    TABLES_PARAM,
    TOLERANCE_PARAM,
    Result,
    Skip,
    Violation,
    amount_evidence,
    cell_location,
    money_tables,
    plain,
    rupiah,
    table_name,
    table_not_found,
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
        for total, programs in _totals(table):
            stated = total.amount(column)
            if stated is None:
                continue
            compared += 1
            computed = sum(p.amount(column) or 0 for p in programs)
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


_URUSAN_CODE = re.compile(r"^\s*(\d{1,2}(?:\s*\.\s*\d{1,2})?)\s*\.?\s*$")


def _totals(table: Table) -> Iterator[tuple[Row, list[Row]]]:
    """Each total row with the programs it adds up: a Jumlah/Total row all of them; an
    urusan or bidang row ("2", "2.16 URUSAN PEMERINTAHAN BIDANG ...", as SIPD prints
    them) the programs under its code — only when every program sits under one of the
    table's urusan/bidang rows, so a program printed with another code cannot make a
    subtotal look short."""
    programs = table.rows_at(Level.PROGRAM)
    for total in table.total_rows():
        yield total, programs
    heads: list[tuple[Row, str]] = []
    for row in table.rows:
        cell = row.cells.get("code")
        m = _URUSAN_CODE.match(cell.text) if row.level is Level.OTHER and cell is not None else None
        if m:
            heads.append((row, re.sub(r"\s+", "", m.group(1)) + "."))
    by_head = {id(row): [p for p in programs if p.code and p.code.startswith(prefix)] for row, prefix in heads}
    bidang = [prefix for _, prefix in heads if prefix.count(".") == 2]
    if not bidang or any(not (p.code and p.code.startswith(tuple(bidang))) for p in programs):
        return
    for row, _ in heads:
        if by_head[id(row)]:
            yield row, by_head[id(row)]
