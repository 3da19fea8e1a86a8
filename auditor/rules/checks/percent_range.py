"""percent_range: a percentage target lies between 0 and ``maximum`` (100).

A target written with "%" (or "persen") above the maximum cannot be reached: a
share of something is at most all of it. Ranges ("69,1-69,5 %") are judged by their
upper end. Columns a table does not have are skipped; stacked sub-rows are checked too.

PASS::  Persentase Desa yang menetapkan RKPDes Tepat Waktu    83%
FAIL::  Persentase fasilitasi administrasi keuangan           110%
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.model.document import Document
from auditor.rules.base import TABLES_PARAM, Result, Skip, Violation, cell_location, columns_not_read, table_name
from auditor.rules.checks._indicator_util import (
    PLAN_LEVELS,
    column_label,
    evidence,
    level_label,
    part_text,
    quantity_of,
    row_parts,
    tables_for,
)
from auditor.rules.params import Param

ID = "percent_range"
PARAMS = {
    "tables": TABLES_PARAM,
    "columns": Param(list, item=str, default=["target", "target_next"], doc="percentage columns to check"),
    "maximum": Param(float, default=100.0, minimum=0, doc="largest allowed percentage"),
}
FIELDS = ("table", "level", "code", "row", "column", "indicator", "target", "maximum")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    tables = tables_for(doc, params["tables"])
    if isinstance(tables, Skip):
        yield tables
        return
    for table in tables:
        columns = [c for c in params["columns"] if c in table.columns]
        if not columns:
            yield columns_not_read(table, params["columns"])
            continue
        for row in table.rows:
            if row.level not in PLAN_LEVELS:
                continue
            for _, cells in row_parts(row):
                for column in columns:
                    quantity = quantity_of(cells, column)
                    if quantity is None or quantity.value is None or not quantity.is_percent:
                        continue
                    top = quantity.high if quantity.high is not None else quantity.value
                    if top <= params["maximum"]:
                        continue
                    cell = cells.get(column)
                    indicator, ind_cell = part_text(row, cells, "indicator")
                    yield Violation(
                        location=cell_location(table, row, column, cell),
                        expected=f"<= {params['maximum']:g}%",
                        actual=quantity.raw,
                        fields={
                            "table": table_name(table),
                            "level": level_label(row),
                            "code": row.code or "",
                            "row": row.label,
                            "column": column_label(column),
                            "indicator": indicator,
                            "target": quantity.raw,
                            "maximum": f"{params['maximum']:g}%",
                        },
                        evidence=(
                            evidence("target", table, row, column, cell),
                            evidence("indicator", table, row, "indicator", ind_cell),
                        ),
                    )
