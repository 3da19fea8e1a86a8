"""goal_targets: BAB III's tujuan/sasaran targets equal T-C.30's for the plan year.

Each row of Tabel 3.2 (tujuan) and Tabel 3.3 (sasaran) is matched with the T-C.30
row that speaks of the same thing. The two tables word it differently ("Nilai IPP" vs
"Indek Pelayanan Publik"; a sasaran row of T-C.30 may carry the sasaran text as its
indicator), so every text of the BAB III row (``text_columns``) is compared with the
T-C.30 indicator — rapidfuzz ratio with case, spaces and punctuation ignored, or an
acronym ("IPP") equal to the other text's initials — and the best match scoring at
least ``threshold`` is taken. A row with no such match, or two equally good ones, is
not compared (conservative: no guessing). The BAB III target of plan year n
(``target_<n>``) must then equal one of T-C.30's ``<reference_columns>_<n>`` values
(target or projection) as a number; units are not compared ("78" and "78%"). With
``years: all`` every year both tables give a target for is compared (T-C.30's Renstra
target columns against the Renstra itself). A row
with several indicators (sub-rows, or values stacked in one cell) is compared
indicator by indicator, on both sides.

PASS::  Tabel 3.3 "Mengoptimalkan Fasilitasi dan Koordinasi Kecamatan" 2024: 78
        T-C.30   "Mengoptimalkan Fasilitasi dan Koordinasi Kecamatan" target 2024: 78%
FAIL::  Tabel 3.2 "Nilai IPP" 2024: 84 ; T-C.30 "Indek Pelayanan Publik" target 2024: 62
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.model.document import Cell, Document, Row, Table, quantity_in
from auditor.model.quantities import Quantity
from auditor.rules.base import Result, Skip, Violation, table_name
from auditor.rules.checks._cross_table_util import cell_evidence, cell_loc, first, is_blank, likeness
from auditor.rules.checks._indicator_util import row_parts
from auditor.rules.params import Param

ID = "goal_targets"
PARAMS = {
    "tables": Param(list, item=str, default=["Tabel 3.2", "Tabel 3.3"], doc="BAB III tables checked"),
    "reference": Param(str, default="T-C.30"),
    "text_columns": Param(
        list,
        item=str,
        default=["indicator", "tujuan", "sasaran"],
        doc="texts of a BAB III row matched with T-C.30's indicator",
    ),
    "reference_columns": Param(
        list,
        item=str,
        default=["target", "proyeksi"],
        doc="T-C.30 column prefixes whose plan-year value is accepted",
    ),
    "years": Param(
        str,
        default="plan",
        choices=("plan", "all"),
        doc="plan: the plan year's target; all: every year both tables give a target for",
    ),
    "threshold": Param(float, default=85.0, minimum=0, doc="least likeness of a match (0-100)"),
    "tolerance": Param(float, default=0.0, minimum=0, doc="allowed numeric difference"),
}
FIELDS = ("table", "indicator", "reference_table", "reference_indicator", "year", "stated", "reference")

_YEAR_COLUMN = re.compile(r"^target_(?:19|20)\d\d$")
_SMALL_WORDS = {"dan", "di", "yang", "ke", "dari", "untuk", "pada", "dalam", "atau", "the", "of", "and"}


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    reference = first(doc.tables_of(params["reference"]))
    tables = [t for kind in params["tables"] for t in doc.tables_of(kind)]
    if reference is None or not tables:
        yield Skip(
            {
                "id": f"Tabel {params['reference']} atau {', '.join(params['tables'])} tidak ditemukan.",
                "en": f"Table {params['reference']} or {', '.join(params['tables'])} not found.",
            }
        )
        return
    if params["years"] == "all":
        yield from _every_year(tables, reference, params)
        return
    year = doc.plan_year
    if year is None:
        yield Skip({"id": "Tahun rencana tidak diketahui.", "en": "The plan year is unknown."})
        return
    ref_columns = _ref_columns(reference, year, params)
    column = f"target_{year}"
    if not ref_columns:
        yield Skip(
            {
                "id": f"{reference.kind} tidak memiliki kolom tahun {year}.",
                "en": f"{reference.kind} has no {year} column.",
            }
        )
        return
    for table in tables:
        if column not in table.columns:
            yield Skip(
                {"id": f"{table.kind} tidak memiliki target tahun {year}.", "en": f"{table.kind} has no {year} target."}
            )
            continue
        yield from _check_year(table, year, reference, ref_columns, params)


def _every_year(tables: list[Table], reference: Table, params: dict[str, Any]) -> Iterator[Result]:
    """Every year a table and the reference both give a target for."""
    for table in tables:
        years = [int(c[len("target_") :]) for c in table.columns if _YEAR_COLUMN.match(c)]
        shared = [(y, cols) for y in years if (cols := _ref_columns(reference, y, params))]
        if not shared:
            yield Skip(
                {
                    "id": f"{table.kind} dan {reference.kind} tidak memiliki target untuk tahun yang sama.",
                    "en": f"{table.kind} and {reference.kind} give no target for the same year.",
                }
            )
        for year, ref_columns in shared:
            yield from _check_year(table, year, reference, ref_columns, params)


def _ref_columns(reference: Table, year: int, params: dict[str, Any]) -> list[str]:
    return [f"{p}_{year}" for p in params["reference_columns"] if f"{p}_{year}" in reference.columns]


def _check_year(
    table: Table, year: int, reference: Table, ref_columns: list[str], params: dict[str, Any]
) -> Iterator[Violation]:
    for row in table.rows:
        for _, cells in row_parts(row):
            yield from _check_part(table, row, cells, f"target_{year}", reference, ref_columns, year, params)


def _check_part(
    table: Table,
    row: Row,
    cells: dict[str, Cell],
    column: str,
    reference: Table,
    ref_columns: list[str],
    year: int,
    params: dict[str, Any],
) -> Iterator[Violation]:
    """One indicator of a BAB III row (the row itself, or one of its sub-rows)."""
    cell = cells.get(column)
    stated = quantity_in(cells, column) if cell else None
    if cell is None or stated is None or is_blank(stated):
        return
    texts = _texts(row, cells, params)
    match = _best_match(texts, reference, params)
    if match is None:
        return
    ref_row, ref_cells = match
    values = [
        (c, ref_cell, q)
        for c, ref_cell, q in ((c, ref_cells[c], quantity_in(ref_cells, c)) for c in ref_columns if c in ref_cells)
        if q is not None and not is_blank(q)
    ]
    if not values or any(_equal(stated, q, params["tolerance"]) for _, _, q in values):
        return
    ref_column, ref_cell, _ = values[0]
    yield Violation(
        location=cell_loc(table, row, column, cell),
        expected=ref_cell.text,
        actual=cell.text,
        fields={
            "table": table_name(table),
            "indicator": texts[0] if texts else "",
            "reference_table": reference.kind,
            "reference_indicator": ref_cells["indicator"].text
            if "indicator" in ref_cells
            else ref_row.text("indicator"),
            "year": year,
            "stated": cell.text,
            "reference": ref_cell.text,
        },
        evidence=(
            cell_evidence("stated", table, row, column, cell),
            cell_evidence("reference", reference, ref_row, ref_column, ref_cell),
        ),
    )


def _texts(row: Row, cells: dict[str, Cell], params: dict[str, Any]) -> list[str]:
    """What an indicator is called: its own indicator text, else the row's texts."""
    own = cells.get("indicator")
    if own is not None and own.text.strip():
        return [own.text] + (
            [] if cells is not row.cells else [row.text(c) for c in params["text_columns"] if c != "indicator"]
        )
    return [row.text(c) for c in params["text_columns"] if row.text(c).strip()]


def _equal(a: Quantity, b: Quantity, tolerance: float) -> bool:
    return a.value is not None and b.value is not None and abs(a.value - b.value) <= tolerance


def _best_match(texts: list[str], reference: Table, params: dict[str, Any]) -> tuple[Row, dict[str, Cell]] | None:
    """The T-C.30 indicator (row or sub-row) speaking of the same thing, if one stands out."""
    texts = [t for t in texts if t.strip()]
    candidates = [
        (r, cells)
        for r in reference.rows
        for _, cells in row_parts(r)
        if "indicator" in cells and cells["indicator"].text.strip()
    ]
    if not texts or not candidates:
        return None
    scored = sorted(
        (
            (max(_score(t, theirs) for t in texts for theirs in _names(cells)), i)
            for i, (_, cells) in enumerate(candidates)
        ),
        reverse=True,
    )
    if scored[0][0] < params["threshold"]:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None  # two equally good candidates: do not guess
    return candidates[scored[0][1]]


def _names(cells: dict[str, Cell]) -> list[str]:
    """What a reference indicator is called: its wording, and the tujuan/sasaran it
    measures when the reference names that too (the Renstra does; T-C.30 does not)."""
    return [cells[c].text for c in ("indicator", "name") if c in cells and cells[c].text.strip()]


def _score(a: str, b: str) -> float:
    if _acronym_of(a, b) or _acronym_of(b, a):
        return 100.0
    return likeness(a, b)


def _acronym_of(short: str, long: str) -> bool:
    """A word of ``short`` written in capitals ("IPP") is the initials of ``long``
    ("Indek Pelayanan Publik")."""
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", long) if w.lower() not in _SMALL_WORDS).upper()
    words = re.findall(r"\b[A-Z]{2,6}\b", short)
    return len(initials) >= 2 and initials in words
