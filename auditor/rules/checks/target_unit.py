"""target_unit: a target's unit names what its indicator counts.

``Persentase/Prosentase/Presentase ...`` (also after "rata-rata") is measured in %;
``Jumlah <Noun> ...`` in one of the units the ``nouns`` table accepts for that noun
(``keluarga: [keluarga, kk]``, ``laporan: [laporan]`` ...). Units are
compared without case and spaces and by their start, so "Laporan", "orang/12 bulan"
and "dokume n" agree. ``columns`` maps each target column to the column holding its
indicator; stacked sub-rows (several indicators on one row) are checked each with
their own indicator. Indicators whose wording the table does not know are not judged.
A sub kegiatan's official satuan (from the nomenclature in force) is always accepted:
the decree itself counts "Jumlah Paket Mebel yang Disediakan" in "Unit".

``aspect: mismatch`` reports a unit that names something else (or a count without a
unit); ``aspect: misspelling`` reports a unit or an indicator noun one letter off
the expected word ("Iaporan", "Faslitasi"), which is a slip, not a wrong unit.

PASS::  Jumlah Keluarga yang Mengikuti ...   84 keluarga
        Persentase fasilitasi ...           100%
FAIL::  Jumlah Keluarga yang Mengikuti ...   80 orang      (mismatch)
        Persentase fasilitasi ...           3 dokumen     (mismatch)
        Jumlah Laporan Evaluasi ...         4 Iaporan     (misspelling)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from auditor.model.document import Cell, Document, Level, Row, Table
from auditor.rules.base import TABLES_PARAM, Result, Skip, Violation, cell_location, table_name
from auditor.rules.checks._indicator_util import (
    NO_UNIT,
    PERCENT,
    PLAN_LEVELS,
    Expectation,
    column_label,
    evidence,
    expectation,
    level_label,
    mapping_of_lists,
    mapping_of_strings,
    part_text,
    quantity_of,
    row_parts,
    squash,
    tables_for,
    unit_verdict,
)
from auditor.rules.checks._nomenclature_util import nomenclature_for
from auditor.rules.params import Param

ID = "target_unit"
DEFAULT_NOUNS = {
    "dokumen": ["dokumen"],
    "laporan": ["laporan"],
    "keluarga": ["keluarga", "kk"],
    "orang": ["orang", "jiwa"],
    "unit": ["unit"],
    "paket": ["paket"],
    "fasilitasi": ["fasilitasi"],
    "lembaga": ["lembaga"],
    "desa": ["desa"],
    "kendaraan": ["unit", "kendaraan"],
    "gedung": ["unit", "gedung"],
    "peralatan": ["unit", "peralatan"],
    "rencana": ["dokumen"],
    "kegiatan": ["kegiatan"],
}
PARAMS = {
    "tables": TABLES_PARAM,
    "columns": Param(
        dict, default={"target": "indicator"}, check=mapping_of_strings, doc="target column -> its indicator column"
    ),
    "aspect": Param(str, default="mismatch", choices=("mismatch", "misspelling"), doc="what to report"),
    "nouns": Param(dict, default=DEFAULT_NOUNS, check=mapping_of_lists, doc="indicator noun -> accepted units"),
    "percent_words": Param(
        list,
        item=str,
        default=["persentase", "prosentase", "presentase", "persen"],
        doc="words of a percentage indicator",
    ),
    "count_words": Param(list, item=str, default=["jumlah", "banyaknya"], doc="words before the counted noun"),
}
FIELDS = ("table", "level", "code", "row", "column", "indicator", "noun", "unit", "expected_units", "target")


def _official_units(doc: Document) -> Callable[[Row], str | None]:
    """The official satuan of a sub kegiatan row: what the nomenclature itself pairs with
    its indikator ("Jumlah Paket Mebel ..." is counted in "Unit"), never a mismatch."""
    nom = nomenclature_for(doc)
    if isinstance(nom, Skip):
        return lambda row: None

    def unit(row: Row) -> str | None:
        entry = nom.lookup(row.code) if row.code and row.level == Level.SUB_KEGIATAN else None
        return entry.satuan if entry is not None else None

    return unit


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    tables = tables_for(doc, params["tables"])
    if isinstance(tables, Skip):
        yield tables
        return
    official = _official_units(doc)
    for table in tables:
        pairs = {t: i for t, i in params["columns"].items() if t in table.columns and i in table.columns}
        if not pairs:
            yield _no_columns(table, params["columns"])
            continue
        for row in table.rows:
            if row.level in PLAN_LEVELS:
                yield from _check_row(table, row, pairs, params, official(row))


def _check_row(
    table: Table, row: Row, pairs: dict[str, str], params: dict[str, Any], official: str | None
) -> Iterator[Violation]:
    spelled: set[int] = set()  # indicator cells already reported as misspelt
    for _, cells in row_parts(row):
        for target_col, indicator_col in pairs.items():
            indicator, ind_cell = part_text(row, cells, indicator_col)
            exp = expectation(indicator, params["nouns"], params["percent_words"], params["count_words"])
            if exp is None:
                continue
            if official and not exp.percent and squash(official) not in {squash(a) for a in exp.accepted}:
                exp = replace(exp, accepted=(*exp.accepted, official))
            if params["aspect"] == "mismatch":
                found = _mismatch(table, row, cells, target_col, indicator_col, ind_cell, exp)
                if found is not None:
                    yield found
                continue
            if exp.misspelt and ind_cell is not None and id(ind_cell) not in spelled:
                spelled.add(id(ind_cell))
                yield _spelling(table, row, indicator_col, ind_cell, exp, exp.written, ind_cell)
            found = _unit_misspelt(table, row, cells, target_col, ind_cell, exp)
            if found is not None:
                yield found


def _mismatch(
    table: Table,
    row: Row,
    cells: dict[str, Cell],
    target_col: str,
    indicator_col: str,
    ind_cell: Cell | None,
    exp: Expectation,
) -> Violation | None:
    quantity = quantity_of(cells, target_col)
    if quantity is None or quantity.value is None:
        return None  # empty or unreadable: required_cells reports a missing target
    unit = quantity.unit
    if not unit:
        # A bare number under a percentage indicator is read as a percentage; a bare
        # count says nothing about what it counts.
        if exp.percent:
            return None
        return _violation(table, row, cells, target_col, indicator_col, ind_cell, exp, NO_UNIT)
    if unit_verdict(unit, exp.accepted) != "mismatch":
        return None
    return _violation(table, row, cells, target_col, indicator_col, ind_cell, exp, unit)


def _unit_misspelt(
    table: Table, row: Row, cells: dict[str, Cell], target_col: str, ind_cell: Cell | None, exp: Expectation
) -> Violation | None:
    quantity = quantity_of(cells, target_col)
    if quantity is None or quantity.value is None or not quantity.unit:
        return None
    if unit_verdict(quantity.unit, exp.accepted) != "misspelt":
        return None
    target_cell = cells.get(target_col + "_unit") or cells.get(target_col)
    return _spelling(table, row, target_col, target_cell, exp, quantity.unit, ind_cell)


def _violation(
    table: Table,
    row: Row,
    cells: dict[str, Cell],
    target_col: str,
    indicator_col: str,
    ind_cell: Cell | None,
    exp: Expectation,
    unit: str | dict[str, str],
) -> Violation:
    target_cell = cells.get(target_col + "_unit") or cells.get(target_col)
    value_cell = cells.get(target_col)
    expected_units = PERCENT if exp.percent else " / ".join(exp.accepted)
    return Violation(
        location=cell_location(table, row, target_col, target_cell),
        expected="%" if exp.percent else " / ".join(exp.accepted),
        actual=unit if isinstance(unit, str) else "",
        fields={
            **_common(table, row, target_col, ind_cell, exp),
            "unit": unit,
            "expected_units": expected_units,
            "target": " ".join(c.text for c in (value_cell, cells.get(target_col + "_unit")) if c is not None),
        },
        evidence=(
            evidence("indicator", table, row, indicator_col, ind_cell),
            evidence("target", table, row, target_col, value_cell),
        ),
    )


def _spelling(
    table: Table,
    row: Row,
    column: str,
    cell: Cell | None,
    exp: Expectation,
    written: str,
    ind_cell: Cell | None,
) -> Violation:
    # A misspelt indicator word should read as the noun; a misspelt unit as the first accepted unit.
    on_indicator = cell is ind_cell
    expected = (exp.noun or "persentase") if on_indicator else exp.accepted[0]
    return Violation(
        location=cell_location(table, row, column, cell),
        expected=expected,
        actual=written,
        fields={
            **_common(table, row, column, ind_cell, exp),
            "unit": written,
            "expected_units": expected,
            "target": cell.text if cell else "",
        },
        evidence=(evidence("written", table, row, column, cell),),
    )


def _common(table: Table, row: Row, column: str, ind_cell: Cell | None, exp: Expectation) -> dict[str, Any]:
    return {
        "table": table_name(table),
        "level": level_label(row),
        "code": row.code or "",
        "row": row.label,
        "column": column_label(column),
        "indicator": ind_cell.text if ind_cell else "",
        "noun": PERCENT if exp.percent else exp.noun or "",
    }


def _no_columns(table: Table, columns: dict[str, str]) -> Skip:
    names = ", ".join(f"{t}/{i}" for t, i in columns.items())
    return Skip(
        {
            "id": f"{table.kind}: kolom target/indikator ({names}) tidak terbaca.",
            "en": f"{table.kind}: target/indicator columns ({names}) not read.",
        }
    )
