"""column_formula: a computed column equals its formula over other columns.

T-C.29's number row states how its columns are computed — 8 = (7/6), 10 = 5+7+9,
11 = (10/4) — and the rule declares the same with column keys, e.g.
``tingkat_realisasi = realisasi_n2 / target_n2 * 100``. The result is rounded to the
decimals the document shows in that cell before comparing. ``cumulative_only``
restricts a sum to rows counted in units that add up over the years (reports,
documents — not "%" nor per-month rates such as "orang/bulan"). A row with several
indicators (sub-rows, or values stacked in one cell) is checked indicator by indicator.

PASS::  target_n2 3 dokumen, realisasi_n2 3 dokumen, tingkat_realisasi 100%
        target_renstra 7 dokumen, realisasi_capaian 6, tingkat_capaian 86%  (6/7 = 85.7)
FAIL::  target_n2 7 laporan, realisasi_n2 6 laporan, tingkat_realisasi 100%  (6/7 = 85.7 → 86)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.findings import Evidence
from auditor.model.document import Cell, Document, Level, Row, Table, quantity_in
from auditor.model.quantities import Quantity
from auditor.rules.base import Result, Skip, Violation, cell_location, first_table, table_name
from auditor.rules.checks._indicator_util import column_label, row_parts
from auditor.rules.formula import evaluate, names, parse_formula, validate_formula
from auditor.rules.params import Param

ID = "column_formula"
PARAMS = {
    "table": Param(str, default="T-C.29"),
    "column": Param(str, doc="the computed column"),
    "formula": Param(str, check=validate_formula, doc="arithmetic over column keys: + - * / ( )"),
    "levels": Param(list, item=str, default=["program", "kegiatan", "sub_kegiatan"]),
    "null_as_zero": Param(bool, default=False, doc="an empty or '-' operand counts as 0 (sums over years)"),
    "cumulative_units": Param(
        list,
        item=str,
        default=[],
        doc="apply only to rows counted in these units (a sum over years makes sense for reports, "
        "not for percentages or per-month rates); empty: every row",
    ),
    "tolerance": Param(float, default=0.0, minimum=0, doc="allowed difference after rounding"),
}
FIELDS = ("table", "code", "column", "formula", "stated", "computed")


def _readable(formula: str) -> dict[str, str]:
    """The formula with column labels instead of keys, as the reader sees the columns."""
    out = {}
    for lang in ("id", "en"):

        def label(m: re.Match[str]) -> str:
            value = column_label(m.group(0))
            return value[lang] if isinstance(value, dict) else value

        out[lang] = re.sub(r"[A-Za-z_]\w*", label, formula).replace("*", "×")
    return out


def _decimals(text: str) -> int:
    m = re.search(r"[.,](\d+)\s*%?\s*$", text.strip())
    return len(m.group(1)) if m else 0


def _cumulative(units: set[str], accepted: list[str]) -> bool:
    """Every operand unit is a plain count unit ("laporan"), not a rate ("orang/bulan")."""
    words = {u.split()[0] for u in units if u and "/" not in u}
    return bool(units) and all(u and "/" not in u for u in units) and words <= {a.lower() for a in accepted}


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    table = first_table(doc, params["table"])
    if isinstance(table, Skip):
        yield table
        return
    expr = parse_formula(params["formula"])
    operands = names(expr)
    missing = sorted(operands - set(table.columns)) + (
        [params["column"]] if params["column"] not in table.columns else []
    )
    if missing:
        yield Skip(
            {
                "id": f"Kolom {', '.join(missing)} tidak terbaca pada {table.kind}.",
                "en": f"Column(s) {', '.join(missing)} not read in {table.kind}.",
            }
        )
        return
    levels = {Level(v) for v in params["levels"]}
    for row in table.rows:
        if row.level not in levels:
            continue
        # Each indicator of the row (one per sub-row, or stacked in one cell) has its own values.
        for _, cells in row_parts(row):
            found = _computed(cells, expr, operands, params)
            if found is None:
                continue
            stated, computed, values = found
            yield _violation(table, row, cells, stated, computed, values, operands, params)


def _computed(
    cells: dict[str, Cell], expr: Any, operands: set[str], params: dict[str, Any]
) -> tuple[Quantity, float, dict[str, float]] | None:
    """The stated value and the one computed from its operands, when they differ."""
    stated = quantity_in(cells, params["column"])
    if stated is None or stated.value is None:
        return None
    values: dict[str, float] = {}
    units: set[str] = set()
    for name in operands:
        q = quantity_in(cells, name)
        if q is not None and q.value is not None:
            values[name] = q.value
            units.add(q.unit.lower())
        elif params["null_as_zero"]:
            values[name] = 0.0
    if len(values) < len(operands):
        return None
    if params["cumulative_units"] and not _cumulative(units, params["cumulative_units"]):
        return None
    try:
        computed = evaluate(expr, values)
    except ZeroDivisionError:
        return None
    shown = round(computed, _decimals(stated.raw))
    if abs(shown - stated.value) <= params["tolerance"]:
        return None
    return stated, shown, values


def _violation(
    table: Table,
    row: Row,
    cells: dict[str, Cell],
    stated: Quantity,
    shown: float,
    values: dict[str, float],
    operands: set[str],
    params: dict[str, Any],
) -> Violation:
    cell = cells.get(params["column"])
    fmt = f"{shown:g}" + ("%" if stated.is_percent else "")
    return Violation(
        location=cell_location(table, row, params["column"], cell),
        expected=fmt,
        actual=stated.raw,
        fields={
            "table": table_name(table),
            "code": row.code or row.code_written or "",
            "column": column_label(params["column"]),
            "formula": _readable(params["formula"]),
            "stated": stated.raw,
            "computed": fmt,
        },
        evidence=tuple(
            Evidence("operand", cells[n].text, str(values[n]), cell_location(table, row, n, cells[n]))
            for n in sorted(operands)
            if n in cells
        ),
    )
