"""tables_agree: tables that present the same budget have the same total.

The first table found in ``tables`` is the reference; every other one must match
it. A table's total is its total row (the last one with a value) or, without one,
the sum of its programs. Totals are compared in rupiah, each times the unit its header or
caption states ("(Rp.000)", "dalam ribuan rupiah").

PASS::  T-C.33 total 1.916.486.189 ; Tabel 4.1 total 1.916.486.189
FAIL::  T-C.33 total 1.916.486.189 ; Tabel 4.1 total 1.961.486.189
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.findings import Evidence
from auditor.i18n import both
from auditor.model.document import Document, Table
from auditor.rules.base import (
    COLUMN_PARAM,
    TABLES_PARAM,
    TOLERANCE_PARAM,
    Result,
    Skip,
    Violation,
    money_tables,
    no_total,
    plain,
    rupiah,
    rupiah_total,
    table_name,
    table_total,
    total_location,
)

ID = "tables_agree"
PARAMS = {
    "tables": TABLES_PARAM,
    "column": COLUMN_PARAM,
    "tolerance": TOLERANCE_PARAM,
}
FIELDS = ("table", "reference_table", "column", "stated", "reference", "difference")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    column = params["column"]
    tables = money_tables(doc, params)
    if len(tables) < 2:
        found = ", ".join(t.kind for t in tables) or "-"
        yield Skip(
            {
                "id": f"Perlu sedikitnya dua dari tabel {', '.join(params['tables'])}; ditemukan: {found}.",
                "en": f"Needs at least two of the tables {', '.join(params['tables'])}; found: {found}.",
            }
        )
        return
    reference = tables[0]
    ref_value, ref_row = rupiah_total(reference, column)
    if ref_value is None:
        yield no_total(reference)
        return
    ref_loc = total_location(reference, ref_row, column)
    for table in tables[1:]:
        value, row = rupiah_total(table, column)
        if value is None or abs(value - ref_value) <= params["tolerance"]:
            continue
        if _mislabelled(table, reference, column):
            continue
        loc = total_location(table, row, column)
        yield Violation(
            location=loc,
            expected=plain(ref_value),
            actual=plain(value),
            value_kind="money",
            fields={
                "table": table_name(table),
                "reference_table": reference.kind,
                "column": both(f"col.{column}"),
                "stated": rupiah(value),
                "reference": rupiah(ref_value),
                "difference": rupiah(value - ref_value),
            },
            evidence=(
                Evidence("table_total", rupiah_text(value), plain(value), loc),
                Evidence("reference_total", rupiah_text(ref_value), plain(ref_value), ref_loc),
            ),
        )


def _mislabelled(table: Table, reference: Table, column: str) -> bool:
    """The totals agree as written under different stated units: the unit label is what is
    wrong ("(Rp.000)" over rupiah), which money_scale reports, not a budget difference."""
    units = (table.money_units.get(column, 1), reference.money_units.get(column, 1))
    return units[0] != units[1] and table_total(table, column)[0] == table_total(reference, column)[0]


def rupiah_text(value: int) -> str:
    return str(rupiah(value))
