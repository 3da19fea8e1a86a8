"""value_variant: a cell that is a cut or misspelt copy of the value most rows share.

Columns such as ``lokasi`` repeat one value on almost every row ("Kec.Randuagung").
A value that is a truncation of it ("Kec.Randuagun") or one letter off, while the
common value appears at least ``min_count`` times, is a slip. Values are compared
without case and spaces, so a wrapped "Kec.Randu agung" is the same value.

PASS::  Kec.Randuagung (x40), Kec.Randu agung (x5)
FAIL::  Kec.Randuagung (x40), Kec.Randuagun (x3)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from rapidfuzz.distance import Levenshtein

from auditor.model.amounts import is_null_token
from auditor.model.document import Document, Row, Table
from auditor.rules.base import TABLES_PARAM, Result, Skip, Violation, cell_location, columns_not_read, table_name
from auditor.rules.checks._indicator_util import column_label, evidence, level_label, row_code, squash, tables_for
from auditor.rules.params import Param

ID = "value_variant"
PARAMS = {
    "tables": TABLES_PARAM,
    "column": Param(str, default="lokasi", doc="column whose values repeat"),
    "min_count": Param(int, default=3, minimum=1, doc="how often the common value must appear"),
    "max_distance": Param(int, default=1, minimum=0, doc="letters a misspelt copy may differ by"),
}
FIELDS = ("table", "level", "code", "row", "column", "written", "common", "count")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    tables = tables_for(doc, params["tables"])
    if isinstance(tables, Skip):
        yield tables
        return
    column = params["column"]
    for table in tables:
        if column not in table.columns:
            yield columns_not_read(table, [column])
            continue
        rows = [(r, squash(r.text(column))) for r in table.rows if _value(r, column)]
        counts = Counter(v for _, v in rows)
        written = {v: r.text(column) for r, v in reversed(rows)}  # first spelling of each value
        for row, value in rows:
            common = _common_original(value, counts, params)
            if common is not None:
                yield _violation(table, row, column, written[common], counts[common])


def _value(row: Row, column: str) -> bool:
    text = row.text(column)
    return bool(text.strip()) and not is_null_token(text)


def _common_original(value: str, counts: Counter[str], params: dict[str, Any]) -> str | None:
    """The frequent value that ``value`` is a cut or misspelt copy of."""
    for common, n in counts.most_common():
        if n < params["min_count"] or n <= counts[value]:
            return None
        if common != value and (
            common.startswith(value) or Levenshtein.distance(common, value) <= params["max_distance"]
        ):
            return common
    return None


def _violation(table: Table, row: Row, column: str, common: str, count: int) -> Violation:
    cell = row.cells.get(column)
    return Violation(
        location=cell_location(table, row, column, cell),
        expected=common,
        actual=row.text(column),
        fields={
            "table": table_name(table),
            "level": level_label(row),
            "code": row_code(table, row),
            "row": row.label,
            "column": column_label(column),
            "written": row.text(column),
            "common": common,
            "count": count,
        },
        evidence=(evidence("written", table, row, column, cell),),
    )
