"""nomenclature_indicator: a sub kegiatan's indicator is its official indikator.

Only sub kegiatan have an official indikator. The row's indicator (or, for a row
with stacked indicators, any one of them) must have the official wording, ignoring
case, punctuation and spacing as ``nomenclature_name`` does; a differing indicator is
accepted when the rapidfuzz ratio reaches ``threshold`` (default 100: the slips found
in real documents - an indicator cut short, a second one glued on, the one of the row
above copied down - score from 45 to 95, and the clean samples match exactly). Rows
whose name is the official name of another code are left to the name rule, and rows
without an indicator to the indicator/target rules. One finding per row and wording
(T-C.31 repeats the indicator in its needs-analysis half).

PASS::  7.01.01.2.02.01  Jumlah Orang yang Menerima Gaji danTunjangan ASN
FAIL::  7.01.01.2.08.01  Jumlah Laporan Penyediaan Jasa Surat
        (official: Jumlah Laporan Penyediaan Jasa Surat Menyurat)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.model.document import Document
from auditor.rules.base import Result, Skip, Violation, table_name
from auditor.rules.checks._nomenclature_util import (
    TABLES_PARAM,
    Target,
    cell_evidence,
    official_evidence,
    official_sub_kegiatan,
    same_wording,
    similarity,
    version_label,
    wording_key,
    written_note,
)
from auditor.rules.params import Param

ID = "nomenclature_indicator"
PARAMS = {
    "tables": TABLES_PARAM,
    "columns": Param(
        list,
        item=str,
        default=["indicator", "indicator_kebutuhan"],
        doc="indicator columns compared (those a table has)",
    ),
    "threshold": Param(
        float,
        default=100.0,
        minimum=0,
        doc="rapidfuzz ratio (0-100) at or above which a differing indicator is accepted",
    ),
}
FIELDS = ("table", "code", "stated", "official", "similarity", "version", "written_note")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    for item in official_sub_kegiatan(doc, params["tables"], "indikator"):
        if isinstance(item, Skip):
            yield item
            return
        columns = [c for c in params["columns"] if c in item.table.columns]
        yield from _compare(item, columns, params["threshold"])


def _stated(target: Target, column: str) -> list[str]:
    texts = [target.row.text(column)] + [sub[column].text for sub in target.row.sub_rows if column in sub]
    return [t for t in texts if t.strip()]


def _differing(target: Target, columns: list[str], threshold: float) -> dict[str, list[tuple[str, str]]]:
    """(column, closest indicator) of every column without the official one, grouped by wording."""
    official = target.entry.indikator if target.entry and target.entry.indikator else ""
    out: dict[str, list[tuple[str, str]]] = {}
    for column in columns:
        stated = _stated(target, column)
        if not stated or any(same_wording(s, official) for s in stated):
            continue
        best = max(stated, key=lambda s: similarity(s, official))
        if similarity(best, official) < threshold:
            out.setdefault(wording_key(best), []).append((column, best))
    return out


def _compare(target: Target, columns: list[str], threshold: float) -> Iterator[Violation]:
    """One finding per row and wording (T-C.31 repeats the indicator in its second half)."""
    official = target.entry.indikator if target.entry and target.entry.indikator else ""
    for group in _differing(target, columns, threshold).values():
        stated = group[0][1]
        cells = tuple(cell_evidence(target, column) for column, _ in group)
        yield Violation(
            location=cells[0].location,
            expected=official,
            actual=stated,
            fields={
                "table": table_name(target.table),
                "code": target.resolved.code,
                "stated": stated,
                "official": official,
                "similarity": f"{similarity(stated, official):g}",
                "version": version_label(target.nom),
                "written_note": written_note(target.row, target.resolved),
            },
            evidence=(*cells, official_evidence(target.nom, target.entry, target.resolved.code, official))
            if target.entry
            else cells,
        )
