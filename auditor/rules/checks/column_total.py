"""column_total: a Total/Jumlah row of any other table equals its columns' sums, and a
Jumlah column equals its row's parts.

Tables that are none of the standard ones (PATEN service counts per month, staff
composition, population per desa ...) often carry a "Jumlah"/"Total" row. For every
column whose cells are all whole numbers (a null token "-" counts as nothing), the
total row must equal the sum of the rows above it (since the previous total row). A
table of items with sub-items ("1. Pelayanan ..." then "a) Akta Kelahiran") may total
its items, its sub-items or all rows: any of these sums is accepted, and a column whose
total matches none is reported. Columns of rates ("%", "rata-rata", "persen") are never
added up.

With ``row_sums``, a column headed "Jumlah"/"Total" must equal the sum of the number
columns beside it (its siblings under one parent header, or the run of number columns
to its left), in every row — provided it does so in most rows, which is what shows the
column is a row total at all.

PASS::  PATEN  Jan 88, Peb 94, ... | JUMLAH row: Jan = Σ Jan of the services
FAIL::  PATEN  JUMLAH row Juli says 609; the services of Juli add up to 599
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.findings import Evidence
from auditor.model.amounts import AmountError, is_null_token, parse_amount
from auditor.model.document import Cell, Document, Level, Row, Table
from auditor.rules.base import Result, Skip, Violation, cell_location, table_name
from auditor.rules.params import Param

ID = "column_total"
PARAMS = {
    "row_sums": Param(bool, default=True, doc='also check a "Jumlah"/"Total" column against its row'),
    "rate_words": Param(
        list,
        item=str,
        default=["%", "persen", "rata-rata", "rerata", "capaian", "tingkat", "indeks", "nilai"],
        doc="header words of columns that are not added up",
    ),
}
FIELDS = ("table", "column", "row", "stated", "computed", "parts")

_TOTAL_HEADER = re.compile(r"^\s*(jumlah|total)\b", re.IGNORECASE)
_ITEM = re.compile(r"^\s*(?:\d{1,3}|[IVX]{1,4})[.)]?\s*$")  # a top-level item number: "1.", "2", "II"


def _number(cell: Cell | None) -> int | str | None:
    """The whole number in a cell; None when empty or a null token; "x" when not a number."""
    if cell is None or is_null_token(cell.text):
        return None
    text = cell.text.strip()
    if re.search(r"[%,]\d{1,2}\b|%", text):
        return "x"  # a rate or a decimal: not added up
    try:
        value = parse_amount(text)
    except AmountError:
        return "x"
    return value


def _number_columns(table: Table, params: dict[str, Any]) -> list[str]:
    """Columns whose every filled cell is a whole number, and whose header is not a rate."""
    out = []
    for key in table.columns:
        header = table.column_headers.get(key, "").lower()
        if any(w in header for w in params["rate_words"]) or re.fullmatch(r"\s*no\.?\s*", header):
            continue
        values = [_number(r.cells.get(key)) for r in table.rows]
        if any(v == "x" for v in values) or not any(isinstance(v, int) for v in values):
            continue
        out.append(key)
    return out


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    tables = [t for t in doc.other_tables if t.rows]
    if not tables:
        yield Skip({"id": "Tidak ada tabel lain yang memiliki baris jumlah.", "en": "No other table has a total row."})
        return
    for table in tables:
        columns = _number_columns(table, params)
        if not columns:
            continue
        yield from _total_rows(table, columns)
        if params["row_sums"]:
            yield from _total_columns(table, columns)


def _total_rows(table: Table, columns: list[str]) -> Iterator[Violation]:
    start = 0
    for t, total in enumerate(table.rows):
        if total.level != Level.TOTAL:
            continue
        block = [r for r in table.rows[start:t] if r.level != Level.TOTAL]
        subtotals = [r for r in table.rows[:t] if r.level == Level.TOTAL]
        start = t + 1
        if not block:
            continue
        for key in columns:
            stated = _number(total.cells.get(key))
            if not isinstance(stated, int):
                continue
            sums = _sums(block, subtotals, table.rows[:t], key)
            if not sums or stated in sums:
                continue
            computed = sums[0]
            yield _violation(
                table, total, key, stated, computed, block, {"id": "baris di atasnya", "en": "the rows above it"}
            )


def _sums(block: list[Row], subtotals: list[Row], above: list[Row], key: str) -> list[int]:
    """Every reading of what a total row adds up: the block above it, its numbered items
    only, its sub-items only, everything above it, or the totals above it."""

    def total_of(rows: list[Row]) -> int | None:
        values = [_number(r.cells.get(key)) for r in rows]
        return sum(v for v in values if isinstance(v, int)) if any(isinstance(v, int) for v in values) else None

    def numbered(row: Row) -> bool:
        first = next(iter(row.cells.values()), None)
        return first is not None and bool(_ITEM.match(first.text))

    readings = [
        block,
        [r for r in block if numbered(r)],
        [r for r in block if not numbered(r)],
        [r for r in above if r.level != Level.TOTAL],
        subtotals,
    ]
    return [s for rows in readings if rows and (s := total_of(rows)) is not None]


def _total_columns(table: Table, columns: list[str]) -> Iterator[Violation]:
    for key in columns:
        if not _TOTAL_HEADER.match(table.column_headers.get(key, "").split(" | ")[-1]):
            continue
        parts = _parts_of(table, key, columns)
        if len(parts) < 2:
            continue
        rows = [(r, _number(r.cells.get(key)), [_number(r.cells.get(p)) for p in parts]) for r in table.rows]
        checked = [
            (r, v, sum(x for x in ps if isinstance(x, int)))
            for r, v, ps in rows
            if isinstance(v, int)
            and all(x is None or isinstance(x, int) for x in ps)
            and any(isinstance(x, int) for x in ps)
        ]
        agree = sum(v == s for _, v, s in checked)
        if not checked or agree * 2 < len(checked):
            continue  # not a row total after all (or not read well enough to tell)
        for row, stated, computed in checked:
            # A total row's own Jumlah is the column check's business: one wrong cell there is one finding.
            if stated != computed and row.level != Level.TOTAL:
                yield _violation(
                    table,
                    row,
                    key,
                    stated,
                    computed,
                    [row],
                    {"id": "kolom-kolom di sebelahnya", "en": "the columns beside it"},
                    parts,
                )


def _parts_of(table: Table, key: str, columns: list[str]) -> list[str]:
    """The number columns a row-total column adds up: its siblings under the same parent
    header ("Jumlah Penduduk | Laki-laki", "... | Perempuan"), else the run of number
    columns right before it."""
    header = table.column_headers.get(key, "")
    parent = header.rsplit(" | ", 1)[0] if " | " in header else None
    if parent is not None:
        siblings = [c for c in columns if c != key and table.column_headers.get(c, "").startswith(parent + " | ")]
        if siblings:
            return siblings
    order = table.columns
    run: list[str] = []
    for c in reversed(order[: order.index(key)]):
        if c not in columns:
            break
        run.insert(0, c)
    return run


def _violation(
    table: Table,
    row: Row,
    key: str,
    stated: int,
    computed: int,
    rows: list[Row],
    what: dict[str, str],
    parts: list[str] | None = None,
) -> Violation:
    cell = row.cells.get(key)
    written = cell.text.strip() if cell else str(stated)
    shown = _written_like(computed, written)
    label = table.column_headers.get(key, key).split(" | ")[-1]
    evidence = [Evidence("stated", cell.text if cell else "", str(stated), cell_location(table, row, key, cell))]
    # The values added up: the column down the rows (a total row) or the row across the parts (a total column).
    places = [(row, p) for p in parts] if parts else [(r, key) for r in rows]
    for r, p in places[:24]:
        c = r.cells.get(p)
        if c is not None:
            evidence.append(Evidence("part", c.text, None, cell_location(table, r, p, c)))
    name = row.label or " ".join(row.cells[k].text for k in table.columns[:2] if k in row.cells)
    return Violation(
        location=cell_location(table, row, key, cell),
        expected=shown,
        actual=written,
        fields={
            "table": table_name(table),
            "column": label,
            "row": name,
            "stated": written,
            "computed": shown,
            "parts": what,
        },
        evidence=tuple(evidence),
    )


def _written_like(value: int, written: str) -> str:
    """``value`` with the thousands mark the document uses ("5.612" beside "5.702")."""
    mark = "." if "." in written else "," if "," in written else ""
    return f"{value:,}".replace(",", mark) if mark else str(value)
