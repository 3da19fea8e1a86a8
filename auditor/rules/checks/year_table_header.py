"""year_table_header: the years in a standard table's column headers fit plan year n.

Two kinds of expectation:

* ``headers``: per table kind and column key (shell-style patterns, ``target_*``),
  the offsets from n the header's years may have — T-C.33 plan-year columns n,
  prakiraan maju n+1; T-C.30 target/realisasi/proyeksi n-2 … n+1; Tabel 4.1 and the
  review of the rancangan awal RKPD (T-C.31) n.
  An entry with ``includes`` also needs one of its columns to name that year: a goals
  table may list the targets of the whole Renstra period, but must list year n.
* ``relative_markers``: a header part that says "(n-2)" next to a year must give
  the year n-2 (T-C.29: "Tahun Lalu (n-2) - 2022").

Headers are compared with their spaces removed, because narrow header cells wrap
single letters ("( n - 3 ) -2 0 2 1"). Periods ("2024-2026") are left to ``year_period``.

PASS::  plan year 2024; T-C.33 "Prakiraan Maju Rencana Tahun 2025"; T-C.29 "(n-2) - 2022"
FAIL::  plan year 2024; T-C.30 "Proyeksi | Tahun 2026" (n+2); T-C.29 "(n-3) - 2022"
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fnmatch import fnmatchcase
from typing import Any

from auditor.model.document import Document, Table
from auditor.rules.base import Result, Skip, Violation, column_location, table_name
from auditor.rules.checks._year_util import YEAR, check_entries, no_plan_year, offset_text, offsets_text
from auditor.rules.params import Param

ID = "year_table_header"
PARAMS = {
    "headers": Param(
        list,
        item=dict,
        default=[
            {"table": "T-C.33", "columns": ["lokasi", "target", "amount", "sumber_dana"], "offsets": [0]},
            {"table": "T-C.33", "columns": ["target_next", "amount_next"], "offsets": [1]},
            {"table": "Tabel 4.1", "columns": ["target_next", "amount_next"], "offsets": [1]},
            {"table": "Tabel 4.1", "columns": ["*"], "offsets": [0]},
            {"table": "T-C.31", "columns": ["*"], "offsets": [0]},
            {"table": "T-C.30", "columns": ["target_*", "realisasi_*", "proyeksi_*"], "offsets": [-2, -1, 0, 1]},
            {"table": "Tabel 3.2", "columns": ["target_*"], "offsets": [-4, -3, -2, -1, 0, 1, 2, 3, 4], "includes": 0},
            {"table": "Tabel 3.3", "columns": ["target_*"], "offsets": [-4, -3, -2, -1, 0, 1, 2, 3, 4], "includes": 0},
        ],
        check=check_entries({"table": str, "columns": list, "offsets": list}, {"includes": int}),
        doc="per table kind: column key patterns and the offsets from n their header years may have; "
        "`includes`: an offset one of those columns must name (a Renstra-period target table names year n)",
    ),
    "relative_markers": Param(bool, default=True, doc='check "(n-k)" markers against the year beside them'),
}
FIELDS = ("table", "column", "header", "year", "expected", "plan_year", "reason")

_MARKER = re.compile(r"\(n([-+]\d+)?\)")


def _segments(header: str) -> list[str]:
    return [re.sub(r"\s+", "", part) for part in header.split("|")]


def _years(segment: str) -> list[int]:
    """Single years of a header part; periods are another check's business."""
    return [int(m.group(1)) for m in YEAR.finditer(segment) if not m.group(2)]


def _allowed(table: Table, column: str, entries: list[dict[str, Any]]) -> list[int] | None:
    for entry in entries:
        if entry["table"] == table.kind and any(fnmatchcase(column, p) for p in entry["columns"]):
            return [int(o) for o in entry["offsets"]]
    return None


def _violation(
    table: Table, column: str, header: str, year: int, expected: str, n: int, reason: dict[str, str]
) -> Violation:
    return Violation(
        location=column_location(table, column),
        expected=expected,
        actual=str(year),
        fields={
            "table": table_name(table),
            "column": column,
            "header": header,
            "year": year,
            "expected": expected,
            "plan_year": n,
            "reason": reason,
        },
    )


def _check_table(table: Table, n: int, params: dict[str, Any], seen: set[tuple[str, str, int]]) -> Iterator[Violation]:
    for column, header in table.column_headers.items():
        allowed = _allowed(table, column, params["headers"])
        segments = _segments(header)
        for i, segment in enumerate(segments):
            markers = {int(m.group(1) or 0) for m in _MARKER.finditer(segment)}
            for year in _years(segment):
                # one header cell over several columns (a value and its unit, a group) is one finding
                key = (table.kind, "|".join(segments[: i + 1]), year)
                if key in seen:
                    continue
                if params["relative_markers"] and len(markers) == 1:
                    (k,) = markers
                    if year != n + k:
                        seen.add(key)
                        yield _violation(
                            table,
                            column,
                            header,
                            year,
                            str(n + k),
                            n,
                            {
                                "id": f"kepala kolom menyebut ({offset_text(k)}), yaitu {n + k}",
                                "en": f"the header says ({offset_text(k)}), which is {n + k}",
                            },
                        )
                        continue
                if allowed is not None and year - n not in allowed:
                    seen.add(key)
                    expected = " / ".join(str(n + o) for o in allowed)
                    yield _violation(
                        table,
                        column,
                        header,
                        year,
                        expected,
                        n,
                        {
                            "id": f"kolom ini harus berisi tahun {offsets_text(allowed)}",
                            "en": f"this column must name year {offsets_text(allowed)}",
                        },
                    )


def _missing_year(table: Table, n: int, params: dict[str, Any]) -> Iterator[Violation]:
    """An ``includes`` entry whose columns name years, none of them the one required."""
    for entry in params["headers"]:
        if entry["table"] != table.kind or "includes" not in entry:
            continue
        columns = [c for c in table.column_headers if any(fnmatchcase(c, p) for p in entry["columns"])]
        years = {y for c in columns for seg in _segments(table.column_headers[c]) for y in _years(seg)}
        wanted = n + int(entry["includes"])
        if years and wanted not in years:
            year = min(years, key=lambda y: abs(y - wanted))
            column = columns[0]
            yield _violation(
                table,
                column,
                table.column_headers[column],
                year,
                str(wanted),
                n,
                {
                    "id": f"tidak ada kolom tahun {offset_text(int(entry['includes']))}",
                    "en": f"no column names year {offset_text(int(entry['includes']))}",
                },
            )


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    if doc.plan_year is None:
        yield Skip(no_plan_year())
        return
    seen: set[tuple[str, str, int]] = set()
    for table in doc.tables:
        yield from _check_table(table, doc.plan_year, params, seen)
        yield from _missing_year(table, doc.plan_year, params)
