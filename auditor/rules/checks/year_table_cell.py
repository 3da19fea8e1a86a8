"""year_table_cell: years in program/kegiatan/activity names that belong to an earlier plan.

A year written inside a name or indicator cell of the plan tables (T-C.33,
Tabel 4.1, T-C.31) must lie within ``allowed_offsets`` of plan year n, unless the
text before it matches one of ``contexts`` (first match wins), which then gives
the allowed offsets: the Renja drafted during year n is that of n+1, the Renja
Perubahan made during year n is that of n, a Musrenbang or forum held in year n is
named by n or by the plan year n+1 it prepares. A year in a legal reference
("Nomor 86 Tahun 2017", "UUD ... Tahun 1945") is never a leftover.

PASS::  plan year 2024; aktivitas "Penyusunan Dokumen Rencana Kerja Perangkat Daerah Tahun 2025"
FAIL::  plan year 2024; aktivitas "Penyusunan Dokumen Renja Perubahan Perangkat Daerah Tahun 2022"
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.findings import Evidence, Location
from auditor.model.document import Cell, Document, Row, Table
from auditor.rules.base import Result, Skip, Violation, table_name, table_not_found
from auditor.rules.checks._year_util import YEAR, check_entries, is_legal, no_plan_year, offsets_text
from auditor.rules.params import Param

ID = "year_table_cell"
PARAMS = {
    "tables": Param(list, item=str, default=["T-C.33", "Tabel 4.1", "T-C.31"], doc="table kinds to read"),
    "columns": Param(
        list,
        item=str,
        default=["name", "aktivitas", "indicator", "formula", "name_kebutuhan", "indicator_kebutuhan"],
        doc="column keys whose text is checked",
    ),
    "allowed_offsets": Param(
        list, item=int, default=[-1, 0, 1], doc="offsets from n a year may have without a context"
    ),
    "contexts": Param(
        list,
        item=dict,
        default=[
            {"pattern": r"(?i)\bevaluasi\b.*\b(?:renja|rencana\s+kerja)\b", "offsets": [-1, 0]},
            {
                "pattern": r"(?i)\b(?:renja|rencana\s+kerja)\s+perubahan\b|\bperubahan\s+(?:renja|rencana\s+kerja)\b",
                "offsets": [0],
            },
            {
                "pattern": r"(?i)\b(?:musrenbang|musyawarah\s+perencanaan|forum\s+(?:perangkat\s+daerah|pd|lintas))\b",
                "offsets": [0, 1],
            },
            {"pattern": r"(?i)\b(?:renja|rencana\s+kerja)\b", "offsets": [1]},
        ],
        check=check_entries({"pattern": str, "offsets": list}, {}),
        doc="regular expressions searched in the text before the year, each with its allowed offsets",
    ),
}
FIELDS = ("table", "column", "text", "year", "expected", "plan_year")


def _allowed(before: str, params: dict[str, Any]) -> list[int]:
    for entry in params["contexts"]:
        if re.search(entry["pattern"], before):
            return [int(o) for o in entry["offsets"]]
    return [int(o) for o in params["allowed_offsets"]]


def _owner_code(table: Table, row: Row) -> str | None:
    """An activity has no code of its own: it belongs to the coded row above it."""
    for r in reversed(table.rows[: row.index + 1]):
        if r.code:
            return r.code
    return None


def _cells(row: Row, columns: list[str]) -> Iterator[tuple[str, Cell]]:
    for key in columns:
        if key in row.cells:
            yield key, row.cells[key]
        for sub in row.sub_rows:
            if key in sub:
                yield key, sub[key]


def _cell_violations(
    table: Table, row: Row, key: str, cell: Cell, n: int, params: dict[str, Any]
) -> Iterator[Violation]:
    text = re.sub(r"\s+", " ", cell.text).strip()
    for m in YEAR.finditer(text):
        if m.group(2) or is_legal(text, m.start()):
            continue
        year = int(m.group(1))
        allowed = _allowed(text[: m.start()], params)
        if year - n in allowed:
            continue
        loc = Location(
            page=cell.page,
            table=table.kind,
            code=_owner_code(table, row),
            column=key,
            row=row.label or None,
            bbox=cell.bbox,
        )
        expected = " / ".join(str(n + o) for o in allowed)
        yield Violation(
            location=loc,
            expected=expected,
            actual=str(year),
            fields={
                "table": table_name(table),
                "column": key,
                "text": text,
                "year": year,
                "expected": f"{expected} ({offsets_text(allowed)})",
                "plan_year": n,
            },
            evidence=(Evidence("cell", cell.text, str(year), loc),),
        )


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    if doc.plan_year is None:
        yield Skip(no_plan_year())
        return
    tables = [t for kind in params["tables"] for t in doc.tables_of(kind)]
    if not tables:
        yield table_not_found(params["tables"])
        return
    for table in tables:
        for row in table.rows:
            for key, cell in _cells(row, params["columns"]):
                yield from _cell_violations(table, row, key, cell, doc.plan_year, params)
