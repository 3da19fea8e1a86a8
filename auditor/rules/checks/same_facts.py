"""same_facts: a program, kegiatan or sub kegiatan has the same facts in two tables.

Rows of ``table`` and ``reference`` are paired by canonical code (a code cut short on
one table is paired by name within its code family). For every pair each field in
``fields`` is compared: ``name`` and ``indicator`` as text (rapidfuzz ratio ≥
``threshold`` once case, spaces and punctuation are ignored), ``target`` as a number
with its unit (the number must be equal, the unit alike at ``unit_threshold``; an
empty target is left to the indicator_target rules), ``amount`` as rupiah
(``amount_column`` × the header's unit vs ``reference_amount_column``). When the whole
column matches the reference only without its header's unit ("(Rp.000)" over rupiah),
the values are compared as written and the header is left to ``money_scale``.
Stacked indicators of one row (several indicators with their own targets) are
compared in order. The finding names the differing cell and gives the reference's
value as expected.

PASS::  T-C.31 7.01.01.2.09.06 target "20 unit", pagu 13.200.000
        T-C.33 7.01.01.2.09.06 target "20 unit", amount 13.200.000
FAIL::  T-C.31 7.01.01.2.09.06 target "10 unit"  ; T-C.33 "20 unit"
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.model.document import Cell, Document, Level, Row, Table
from auditor.model.quantities import parse_quantity
from auditor.rules.base import Result, Skip, Violation, rupiah, table_name
from auditor.rules.checks._cross_table_util import (
    FIELD_WORDS,
    LEVEL_WORDS,
    LEVELS_PARAM,
    THRESHOLD_PARAM,
    cell_evidence,
    cell_loc,
    pair_rows,
    quantity_differs,
    same_text,
    table_pair,
)
from auditor.rules.params import Param

ID = "same_facts"
FIELD_CHOICES = ("name", "indicator", "target", "target_next", "target_renstra", "amount", "lokasi", "sumber_dana")
_QUANTITIES = ("target", "target_next", "target_renstra")
PARAMS = {
    "table": Param(str, default="T-C.31", doc="table checked"),
    "reference": Param(str, default="T-C.33", doc="table whose values are expected"),
    "fields": Param(list, item=str, default=["name", "indicator", "target", "amount"], choices=FIELD_CHOICES),
    "reference_fields": Param(
        list,
        item=str,
        default=[],
        doc="the reference's column for each field, in order, where it is named otherwise (default: the same)",
    ),
    "amount_column": Param(str, default="pagu", doc="money column of the checked table"),
    "reference_amount_column": Param(str, default="amount", doc="money column of the reference table"),
    "levels": LEVELS_PARAM,
    "threshold": THRESHOLD_PARAM,
    "unit_threshold": Param(float, default=80.0, minimum=0, doc="likeness of target units ('Iaporan' ~ 'laporan')"),
    "tolerance": Param(int, default=0, minimum=0, doc="allowed amount difference in rupiah"),
}
FIELDS = ("table", "reference_table", "code", "level", "field", "stated", "reference")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    pair = table_pair(doc, params)
    if isinstance(pair, Skip):
        yield pair
        return
    table, reference = pair
    pairing = pair_rows(table, reference, params["threshold"])
    levels = {Level(v) for v in params["levels"]}
    pairs = [(a, b) for a, b in pairing.pairs if b.level in levels]
    if not pairs:
        yield Skip({"id": "Tidak ada kode yang sama pada kedua tabel.", "en": "The two tables share no code."})
        return
    ref_names = dict(zip(params["fields"], params["reference_fields"]))
    if not any(
        f == "amount" or (f in table.columns and ref_names.get(f, f) in reference.columns) for f in params["fields"]
    ):
        yield Skip(
            {
                "id": f"{table.kind} atau {reference.kind} tidak memiliki kolom yang dibandingkan.",
                "en": f"{table.kind} or {reference.kind} lacks the compared columns.",
            }
        )
        return
    scales = _scales(table, reference, pairs, params)
    for row, ref_row in pairs:
        for name in params["fields"]:
            yield from _compare(name, ref_names.get(name, name), table, row, reference, ref_row, params, scales)


def _compare(
    name: str,
    ref_name: str,
    table: Table,
    row: Row,
    reference: Table,
    ref_row: Row,
    params: dict[str, Any],
    scales: tuple[int, int],
) -> Iterator[Violation]:
    if name == "amount":
        yield from _compare_amount(table, row, reference, ref_row, params, scales)
        return
    mine = [row.cells] + row.sub_rows
    theirs = [ref_row.cells] + ref_row.sub_rows
    if len(mine) != len(theirs):
        # Stacked indicators that do not line up cannot be compared one by one.
        mine, theirs = mine[:1], theirs[:1]
    for cells, ref_cells in zip(mine, theirs):
        cell, ref_cell = cells.get(name), ref_cells.get(ref_name)
        if cell is None or ref_cell is None or cell.empty or ref_cell.empty:
            continue  # a missing value is the indicator_target rules' business
        text, ref_text = _written(cells, name), _written(ref_cells, ref_name)
        if _differs(name, text, ref_text, params):
            yield _violation(name, table, row, cell, reference, ref_row, ref_cell, text, ref_text, ref_column=ref_name)


def _written(cells: dict[str, Cell], name: str) -> str:
    """A value as written, with its unit when a column of its own holds it (T-C.29's
    "7 | dokumen" or its "Satuan" column, SIPD-RI's "Satuan")."""
    text = cells[name].text
    unit = cells.get(name + "_unit") or cells.get("satuan")  # T-C.29's one "Satuan" column
    if name in _QUANTITIES and unit is not None and unit.text.strip() not in ("", "-"):
        return f"{text} {unit.text}"
    return text


def _differs(name: str, text: str, ref_text: str, params: dict[str, Any]) -> bool:
    if name in _QUANTITIES:
        q, ref_q = parse_quantity(text), parse_quantity(ref_text)
        if q.is_null or ref_q.is_null:
            return False  # "-" / "N/A": a missing target is the indicator_target rules' business
        if q.value is None or ref_q.value is None:
            return not same_text(text, ref_text, params["threshold"])  # a target in words ("WTP")
        return quantity_differs(q, ref_q, params["unit_threshold"])
    return not same_text(text, ref_text, params["threshold"])


def _compare_amount(
    table: Table, row: Row, reference: Table, ref_row: Row, params: dict[str, Any], scales: tuple[int, int]
) -> Iterator[Violation]:
    column, ref_column = params["amount_column"], params["reference_amount_column"]
    value, ref_value = row.amount(column), ref_row.amount(ref_column)
    if value is None or ref_value is None:
        return
    scaled, ref_scaled = value * scales[0], ref_value * scales[1]
    if abs(scaled - ref_scaled) <= params["tolerance"]:
        return
    cell = row.amounts[column].cell
    ref_cell = ref_row.amounts[ref_column].cell
    yield _violation(
        "amount",
        table,
        row,
        cell,
        reference,
        ref_row,
        ref_cell,
        rupiah(scaled),
        rupiah(ref_scaled),
        column=column,
        ref_column=ref_column,
        expected=str(ref_scaled),
        actual=str(scaled),
        value_kind="money",
    )


def _scales(table: Table, reference: Table, pairs: list[tuple[Row, Row]], params: dict[str, Any]) -> tuple[int, int]:
    """Units of the two money columns: the headers' ("(Rp.000)" → 1000), unless the
    values agree better as written — then the header is wrong (money_scale says so)
    and repeating it on every row would bury the real differences."""
    column, ref_column = params["amount_column"], params["reference_amount_column"]
    stated = (table.money_units.get(column, 1), reference.money_units.get(ref_column, 1))
    if stated == (1, 1):
        return stated
    values = [
        (v, w)
        for v, w in ((a.amount(column), b.amount(ref_column)) for a, b in pairs)
        if v is not None and w is not None
    ]
    agree_stated = sum(v * stated[0] == w * stated[1] for v, w in values)
    agree_written = sum(v == w for v, w in values)
    return (1, 1) if agree_written > agree_stated else stated


def _violation(
    name: str,
    table: Table,
    row: Row,
    cell: Cell,
    reference: Table,
    ref_row: Row,
    ref_cell: Cell,
    stated: Any,
    ref_stated: Any,
    column: str | None = None,
    ref_column: str | None = None,
    expected: str | None = None,
    actual: str | None = None,
    value_kind: str | None = None,
) -> Violation:
    column = column or name
    ref_column = ref_column or name
    level = (ref_row.level if ref_row.level != Level.OTHER else row.level).value
    return Violation(
        location=cell_loc(table, row, column, cell),
        expected=expected if expected is not None else str(ref_stated),
        actual=actual if actual is not None else str(stated),
        value_kind=value_kind,
        fields={
            "table": table_name(table),
            "reference_table": reference.kind,
            "code": ref_row.code or row.code or "",
            "level": LEVEL_WORDS.get(level, {"id": level, "en": level}),
            "field": FIELD_WORDS[name],
            "stated": stated,
            "reference": ref_stated,
        },
        evidence=(
            cell_evidence("stated", table, row, column, cell),
            cell_evidence("reference", reference, ref_row, ref_column, ref_cell),
        ),
    )
