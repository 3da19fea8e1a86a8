"""nomenclature_unit: a sub kegiatan's targets are counted in its official satuan.

The unit of each target/realisation column (``row.quantity(column)``) is compared with the official
satuan of the sub kegiatan, tolerantly: case, spaces, digits inside the unit
("Orang/12 bulan" is "Orang/bulan"), a reduplicated plural ("dokumen-dokumen") and
the spellings grouped in ``synonyms`` (each group is one unit) all agree. An official
satuan with spaced slashes lists alternatives ("Laporan / Dokumen", "Pokmas / Ormas");
without spaces it is a rate ("Orang/bulan"). Targets without a unit or without a value
are left to the indicator/target rules. One finding per row and unit, with every cell
using that unit as evidence.

PASS::  7.01.01.2.01.01  target "2 dokumen"       official satuan Dokumen
PASS::  7.01.01.2.02.01  target "11 Orang/12 bulan"  official satuan Orang/bulan
FAIL::  7.01.03.2.06.03  target "80 orang"        official satuan Keluarga
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from auditor.findings import Evidence, Location
from auditor.model.document import Document
from auditor.model.quantities import Quantity
from auditor.rules.base import Result, Skip, Violation, cell_location, table_name
from auditor.rules.checks._indicator_util import column_label
from auditor.rules.checks._nomenclature_util import (
    TABLES_PARAM,
    Target,
    official_sub_kegiatan,
    version_label,
    written_note,
)
from auditor.rules.params import Param

_REDUPLICATED = re.compile(r"\b(\w+)-\1\b")
_ALTERNATIVES = re.compile(r"\s+/\s+")
_NOT_UNIT = re.compile(r"[^a-z/%]+")


def _check_groups(value: list[Any]) -> None:
    for group in value:
        if not isinstance(group, list) or len(group) < 2 or not all(isinstance(s, str) and s.strip() for s in group):
            raise ValueError("each synonym group must be a list of at least two unit spellings")


ID = "nomenclature_unit"
PARAMS = {
    "tables": TABLES_PARAM,
    "columns": Param(
        list, item=str, default=["target", "target_kebutuhan"], doc="target columns compared (those a table has)"
    ),
    "synonyms": Param(
        list, item=list, default=[], check=_check_groups, doc="groups of spellings of one unit, e.g. [keluarga, KK]"
    ),
}
FIELDS = ("table", "code", "stated", "unit", "official", "columns", "version", "written_note")


def unit_key(text: str) -> str:
    """Lower case, letters, '/' and '%' only; "dokumen-dokumen" -> "dokumen"."""
    return _NOT_UNIT.sub("", _REDUPLICATED.sub(r"\1", text.lower()))


def official_units(satuan: str) -> set[str]:
    """Each alternative of the official satuan ("Pokmas / Ormas": pokmas, ormas), and the
    whole of it as written (a target may copy it: "15 Pokmas / Ormas")."""
    parts = {unit_key(part) for part in _ALTERNATIVES.split(satuan.strip()) if unit_key(part)}
    return parts | ({unit_key(satuan)} if unit_key(satuan) else set())


def agrees(unit: str, satuan: str, synonyms: list[list[str]]) -> bool:
    stated = unit_key(unit)
    allowed = official_units(satuan)
    if stated in allowed:
        return True
    for group in synonyms:
        keys = {unit_key(s) for s in group}
        if stated in keys and keys & allowed:
            return True
    return False


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    for item in official_sub_kegiatan(doc, params["tables"], "satuan"):
        if isinstance(item, Skip):
            yield item
            return
        yield from _compare(item, [c for c in params["columns"] if c in item.table.columns], params["synonyms"])


def _compare(target: Target, columns: list[str], synonyms: list[list[str]]) -> Iterator[Violation]:
    """One finding per row and unit, with every cell that uses it as evidence."""
    satuan = target.entry.satuan if target.entry and target.entry.satuan else ""
    wrong: dict[str, list[tuple[str, Quantity]]] = {}
    for column in columns:
        quantity = target.row.quantity(column)
        if quantity is None or quantity.value is None or not quantity.unit.strip():
            continue
        if not agrees(quantity.unit, satuan, synonyms):
            wrong.setdefault(unit_key(quantity.unit), []).append((column, quantity))
    for cells in wrong.values():
        column, quantity = cells[0]
        yield Violation(
            location=_location(target, column),
            expected=satuan,
            actual=quantity.unit,
            fields={
                "table": table_name(target.table),
                "code": target.resolved.code,
                "stated": quantity.raw,
                "unit": quantity.unit,
                "official": satuan,
                "columns": _labels([c for c, _ in cells]),
                "version": version_label(target.nom),
                "written_note": written_note(target.row, target.resolved),
            },
            evidence=tuple(Evidence("stated", q.raw, q.unit, _location(target, c)) for c, q in cells),
        )


def _location(target: Target, column: str) -> Location:
    cell = target.row.cells.get(column)
    return replace(cell_location(target.table, target.row, column, cell), code=target.resolved.code)


def _labels(columns: list[str]) -> dict[str, str]:
    """Column names as the reader knows them, in each language."""
    labels = [column_label(c) for c in columns]
    return {lang: ", ".join(lb[lang] if isinstance(lb, dict) else lb for lb in labels) for lang in ("id", "en")}
