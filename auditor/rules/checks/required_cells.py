"""required_cells: every row of a level fills the columns that level requires.

``required`` maps a level (program, kegiatan, sub_kegiatan, aktivitas) to its
required columns, e.g. every sub kegiatan of T-C.33 has an indicator, a target, a
location, a funding source and a forward-year target. A cell holding only a null
token ("-") counts as empty. A row with several indicators (stacked sub-rows) has
the value when any of its sub-rows has it. A sub kegiatan whose target is written
only on its activity row is still missing its target (the message says where the
value sits). A required column the table does not have is reported as not
evaluated.

PASS (required: {sub_kegiatan: [indicator, target, lokasi]})::

    7.01.01.2.01.01  Jumlah Dokumen Perencanaan ...   Kec.Randuagung   2 dokumen

FAIL::

    7.01.01.2.02.01  Jumlah Orang yang Menerima Gaji ...  Kec.Randuagung   (empty)
      Pembayaran Gaji dan Tunjangan PNS      11 Orang/12 bulan   <- only on the activity
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.model.amounts import is_null_token
from auditor.model.document import Cell, Document, Level, Row, Table
from auditor.rules.base import TABLES_PARAM, Result, Skip, Violation, cell_location, table_name
from auditor.rules.checks._indicator_util import column_label, evidence, level_label, row_code, row_parts, tables_for
from auditor.rules.params import Param

ID = "required_cells"
_LEVELS = ("program", "kegiatan", "sub_kegiatan", "aktivitas")


def _check_required(value: Any) -> None:
    for level, columns in value.items():
        if level not in _LEVELS:
            raise ValueError(f"unknown level '{level}' (levels: {list(_LEVELS)})")
        if not isinstance(columns, list) or not columns or not all(isinstance(c, str) for c in columns):
            raise ValueError(f"'{level}' must list column keys")


PARAMS = {
    "tables": TABLES_PARAM,
    "required": Param(
        dict,
        check=_check_required,
        default={
            "program": ["indicator", "target"],
            "kegiatan": ["indicator", "target"],
            "sub_kegiatan": ["indicator", "target"],
        },
        doc="level -> column keys every row of that level must fill",
    ),
}
FIELDS = ("table", "level", "code", "row", "column", "note")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    tables = tables_for(doc, params["tables"])
    if isinstance(tables, Skip):
        yield tables
        return
    required: dict[str, list[str]] = params["required"]
    for table in tables:
        absent = sorted({c for cols in required.values() for c in cols if c not in table.columns})
        if absent:
            yield _column_absent(table, absent)
        for row in table.rows:
            for column in required.get(row.level.value, []):
                if column in table.columns and not _filled(row, column):
                    yield _violation(table, row, column)


def _filled(row: Row, column: str) -> bool:
    return any(_has_value(cells.get(column)) for _, cells in row_parts(row))


def _has_value(cell: Cell | None) -> bool:
    return cell is not None and not cell.empty and not is_null_token(cell.text)


def _violation(table: Table, row: Row, column: str) -> Violation:
    cell = row.cells.get(column)
    found = _value_on_activity(table, row, column)
    note: dict[str, str] | str = ""
    evid = [evidence("missing", table, row, column, cell)]
    if found is not None:
        activity, act_cell = found
        note = {
            "id": f' (nilainya hanya tertulis pada baris aktivitas "{activity.label}": {act_cell.text})',
            "en": f' (the value is written only on the activity row "{activity.label}": {act_cell.text})',
        }
        evid.append(evidence("activity_value", table, activity, column, act_cell))
    return Violation(
        location=cell_location(table, row, column, cell),
        expected=None,
        actual=cell.text if cell else "",
        fields={
            "table": table_name(table),
            "level": level_label(row),
            "code": row_code(table, row),
            "row": row.label,
            "column": column_label(column),
            "note": note,
        },
        evidence=tuple(evid),
    )


def _value_on_activity(table: Table, row: Row, column: str) -> tuple[Row, Cell] | None:
    """The first activity of a sub kegiatan that holds the value its parent lacks."""
    if row.level != Level.SUB_KEGIATAN:
        return None
    for child in table.children(row):
        cell = child.cells.get(column)
        if cell is not None and _has_value(cell):
            return child, cell
    return None


def _column_absent(table: Table, columns: list[str]) -> Skip:
    names = ", ".join(columns)
    return Skip(
        {
            "id": f"{table.kind}: kolom {names} tidak terbaca; kelengkapannya tidak diperiksa.",
            "en": f"{table.kind}: column(s) {names} not read; their completeness was not checked.",
        }
    )
