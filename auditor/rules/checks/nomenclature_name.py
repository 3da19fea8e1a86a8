"""nomenclature_name: a program, kegiatan or sub kegiatan carries its official name.

The row's name is compared with the official name of its code in the nomenclature in
force. Case, punctuation and spacing are ignored (extraction glues and splits words:
"Koordinasidan", "Rekomend asi"; "RKA-SKPD" / "RKA SKPD"); the leading word "Program"
of a program name is optional. Any other difference counts unless the rapidfuzz ratio
of the two names (letters and digits only) reaches ``threshold``: the default 100
accepts no other difference, because real slips are one or two letters in sixty
("Pemerintahan Daerah" for "Pemerintah Daerah", "Kntor", "Kepada Daerah" for "Kepala
Daerah") and score 98-99. When the name is the official name of another code, the
message says which. One finding per row and wording (T-C.31 repeats the
name in its needs-analysis half). Rows whose code had to be completed from their name are skipped.

PASS::  7.01.05.2.01  Penyelenggaraan Urusan Pemerintahan Umum Sesuai Penugasan Kepala Daerah
PASS::  7.01.01.2.01.02  Koordinasidan Penyusunan Dokumen RKA SKPD
FAIL::  7.01.05.2.01  Penyelenggaraan Urusan Pemerintahan Umum Sesuai Penugasan Kepada Daerah
FAIL::  7.01.01.2.03.06  Rekonsiliasi dan Penyusunan Laporan Barang Milik Daerah pada SKPD
        (the official name of 7.01.01.2.03.05)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.data.nomenclature import name_key
from auditor.model.document import Document
from auditor.rules.base import Result, Skip, Violation, table_name
from auditor.rules.checks._nomenclature_util import (
    TABLES_PARAM,
    Target,
    cell_evidence,
    level_name,
    official_evidence,
    other_code_note,
    similarity,
    targets,
    version_label,
)
from auditor.rules.params import Param

ID = "nomenclature_name"
PARAMS = {
    "tables": TABLES_PARAM,
    "columns": Param(
        list, item=str, default=["name", "name_kebutuhan"], doc="name columns compared (those a table has)"
    ),
    "threshold": Param(
        float, default=100.0, minimum=0, doc="rapidfuzz ratio (0-100) at or above which a differing name is accepted"
    ),
}
FIELDS = ("table", "level", "code", "stated", "official", "similarity", "version", "note")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    for item in targets(doc, params["tables"]):
        if isinstance(item, Skip):
            yield item
            return
        if item.entry is None or item.resolved.how != "written":
            continue  # unknown codes and codes completed from the name are other rules' findings
        columns = [c for c in params["columns"] if c in item.table.columns]
        yield from _compare(item, columns, params["threshold"])


def _key(text: str, level: str) -> str:
    key = name_key(text)
    return key.removeprefix("program") if level == "program" else key


def _differing(target: Target, columns: list[str], threshold: float) -> dict[str, list[str]]:
    """Columns whose name differs from the official one, grouped by their wording."""
    official = target.entry.name if target.entry else ""
    out: dict[str, list[str]] = {}
    for column in columns:
        stated = target.row.text(column)
        if not stated.strip() or _key(stated, target.level) == _key(official, target.level):
            continue
        if similarity(stated, official) < threshold:
            out.setdefault(name_key(stated), []).append(column)
    return out


def _compare(target: Target, columns: list[str], threshold: float) -> Iterator[Violation]:
    """One finding per row and wording (T-C.31 repeats the name in its second half)."""
    official = target.entry.name if target.entry else ""
    for group in _differing(target, columns, threshold).values():
        stated = target.row.text(group[0])
        _, note = other_code_note(target.nom, target.row, target.resolved.code, target.level)
        cells = tuple(cell_evidence(target, column) for column in group)
        yield Violation(
            location=cells[0].location,
            expected=official,
            actual=stated,
            fields={
                "table": table_name(target.table),
                "level": level_name(target.level),
                "code": target.resolved.code,
                "stated": stated,
                "official": official,
                "similarity": f"{similarity(stated, official):g}",
                "version": version_label(target.nom),
                "note": note,
            },
            evidence=(*cells, official_evidence(target.nom, target.entry, target.resolved.code, official))
            if target.entry
            else cells,
        )
