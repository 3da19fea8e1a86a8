"""money_scale: a money column is in the unit its header states, and not a constant
multiple of the column it should match.

``column`` of ``table`` is compared row by row (same canonical code; the same row
when both columns are in one table) with ``reference_column`` of ``reference``,
both in rupiah (value × the header's unit, "(Rp.000)" → 1000). When they agree,
nothing is reported. Otherwise, over the rows where both have a non-zero value,
``kind`` says what the rule looks for:

* ``header_unit``: the values agree *as written* (on ``min_share`` of the rows,
  within ``tolerance``, relative) while the headers' units differ: the header's unit
  is wrong ("(Rp.000)" over whole rupiah) — one finding for the column;
* ``constant_multiple``: the rupiah ratio is the same on ``min_share`` of the rows and
  at least ``min_factor`` away from 1 (or its inverse): the column is a constant
  multiple of the other — one finding with the factor, not one per row. A column that
  is only mislabelled (the ``header_unit`` case) is left to that rule.

A factor close to 1 (a forward year at 110 %) is a plan, not a slip, and is not reported.

PASS::  T-C.31 "Pagu Indikatif (Rp)" 13.200.000 ; T-C.33 amount 13.200.000
FAIL::  T-C.31 "Pagu Indikatif (Rp.000)" 13.200.000 ; T-C.33 amount 13.200.000   (header)
FAIL::  T-C.31 kebutuhan dana 1.452.000.000 ; pagu 13.200.000 (× 110 on every row)
"""

from __future__ import annotations

from collections.abc import Iterator
from statistics import median
from typing import Any

from auditor.findings import Evidence, Location
from auditor.model.document import Document, Row, Table
from auditor.rules.base import Result, Skip, Violation, table_name
from auditor.rules.checks._cross_table_util import first, pair_rows
from auditor.rules.params import Param

ID = "money_scale"
PARAMS = {
    "table": Param(str, default="T-C.31"),
    "column": Param(str, default="pagu", doc="money column checked"),
    "reference": Param(str, default="T-C.33", doc="table of the column it should match (may be the same table)"),
    "reference_column": Param(str, default="amount"),
    "kind": Param(str, default="header_unit", choices=("header_unit", "constant_multiple"), doc="what to look for"),
    "tolerance": Param(float, default=0.005, minimum=0, doc="relative difference still counted as the same ratio"),
    "min_rows": Param(int, default=3, minimum=1, doc="fewest comparable rows to judge a column"),
    "min_share": Param(float, default=0.9, minimum=0, doc="share of rows that must show the same ratio"),
    "min_factor": Param(float, default=10.0, minimum=1, doc="smallest factor (or inverse) reported as a slip"),
    "threshold": Param(float, default=90.0, minimum=0, doc="name likeness pairing rows whose code is cut"),
}
FIELDS = ("table", "column", "header", "reference_table", "reference_column", "factor", "unit", "rows", "example")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    table = first(doc.tables_of(params["table"]))
    reference = first(doc.tables_of(params["reference"]))
    column, ref_column = params["column"], params["reference_column"]
    if table is None or reference is None or column not in table.columns or ref_column not in reference.columns:
        yield Skip(
            {
                "id": f"Kolom {params['table']}:{column} atau {params['reference']}:{ref_column} tidak ditemukan.",
                "en": f"Column {params['table']}:{column} or {params['reference']}:{ref_column} not found.",
            }
        )
        return
    pairs = _value_pairs(table, reference, params)
    if len(pairs) < params["min_rows"]:
        yield Skip(
            {
                "id": f"Hanya {len(pairs)} baris yang dapat dibandingkan.",
                "en": f"Only {len(pairs)} rows can be compared.",
            }
        )
        return
    unit = table.money_units.get(column, 1)
    ref_unit = reference.money_units.get(ref_column, 1)
    written = [v / w for _, v, _, w in pairs]
    as_written = _share_near(written, 1.0, params["tolerance"]) >= params["min_share"]
    if params["kind"] == "header_unit":
        if as_written and unit != ref_unit:
            yield _finding(table, reference, pairs, params, factor=unit / ref_unit, header=True)
        return
    factor = median(written) * unit / ref_unit
    if as_written or _share_near(written, median(written), params["tolerance"]) < params["min_share"]:
        return  # a mislabelled header (header_unit), or values that differ row by row (same_facts)
    if max(factor, 1 / factor) < params["min_factor"]:
        return
    yield _finding(table, reference, pairs, params, factor=factor, header=False)


def _value_pairs(table: Table, reference: Table, params: dict[str, Any]) -> list[tuple[Row, int, Row, int]]:
    column, ref_column = params["column"], params["reference_column"]
    if table is reference:
        rows = [(r, r) for r in table.rows]
    else:
        rows = pair_rows(table, reference, params["threshold"]).pairs
    out = []
    for row, ref_row in rows:
        v, w = row.amount(column), ref_row.amount(ref_column)
        if v and w:  # zero or empty cells say nothing about the scale
            out.append((row, v, ref_row, w))
    return out


def _share_near(ratios: list[float], target: float, tolerance: float) -> float:
    return sum(abs(r - target) <= tolerance * target for r in ratios) / len(ratios)


def _factor_text(factor: float) -> str:
    if factor >= 1:
        return f"{factor:,.0f}".replace(",", ".") if abs(factor - round(factor)) < 0.01 else f"{factor:.2f}"
    return f"1/{1 / factor:,.0f}".replace(",", ".")


def _finding(
    table: Table,
    reference: Table,
    pairs: list[tuple[Row, int, Row, int]],
    params: dict[str, Any],
    factor: float,
    header: bool,
) -> Violation:
    column, ref_column = params["column"], params["reference_column"]
    row, value, ref_row, ref_value = pairs[0]
    cell = row.amounts[column].cell
    ref_cell = ref_row.amounts[ref_column].cell
    unit = table.money_units.get(column, 1)
    header_text = table.column_headers.get(column, column)
    example = f"{row.code or row.label}: {cell.text} / {ref_cell.text}"
    loc = Location(page=cell.page, table=table.kind, code=None, column=column, row=None, bbox=cell.bbox)
    return Violation(
        location=loc,
        # header_unit: the header's multiplier should be 1 (rupiah); constant_multiple:
        # the factor between the columns should be 1.
        expected="1",
        actual=str(unit) if header else _factor_text(factor),
        fields={
            "table": table_name(table),
            "column": column,
            "header": header_text.split("|")[-1].strip(),
            "reference_table": reference.kind,
            "reference_column": reference.column_headers.get(ref_column, ref_column).split("|")[-1].strip(),
            "factor": _factor_text(factor),
            "unit": f"{unit:,}".replace(",", "."),
            "rows": len(pairs),
            "example": example,
        },
        evidence=(
            Evidence("stated", cell.text, str(value), loc),
            Evidence(
                "reference",
                ref_cell.text,
                str(ref_value),
                Location(ref_cell.page, reference.kind, ref_row.code, ref_column, ref_row.label or None, ref_cell.bbox),
            ),
        ),
    )
