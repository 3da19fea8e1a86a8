"""nomenclature_code_form: every code is whole, and its parent row is in the same table.

``aspect: form`` reports a code that is not a valid code ("7.01.01.202.0", the sub
kegiatan number cut off by a wrap) and a sub kegiatan written with only its kegiatan's
code (a code repeated on a row below the kegiatan that does not carry the kegiatan's
official name). When the row's name is the official name of one sub kegiatan under the
written kegiatan, that code is given as the expected value.

``aspect: parent`` reports a kegiatan whose program row, or a sub kegiatan whose
kegiatan row, is missing from the table (one finding per missing parent).

PASS (form)::   7.01.01.202.02  Penyediaan Administrasi Pelaksanaan Tugas ASN
FAIL (form)::   7.01.01.202.0   Penyediaan Administrasi Pelaksanaan Tugas ASN   (expected 7.01.01.2.02.02)
FAIL (form)::   7.01.06.201  Fasilitasi, Rekomendasi dan Koordinasi ...   (the kegiatan)
                7.01.06.201  Fasilitasi Administrasi Tata Pemerintahan Desa  (expected 7.01.06.2.01.02)

PASS (parent):: 7.01.02 / 7.01.02.2.01 / 7.01.02.2.01.02
FAIL (parent):: 7.01.02 / 7.01.02.2.01.02            (kegiatan 7.01.02.2.01 missing)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from auditor.data.nomenclature import Nomenclature
from auditor.findings import Evidence, Location
from auditor.model.codes import parent_code
from auditor.model.document import Document, Level, Row, Table
from auditor.rules.base import Result, Skip, Violation, cell_location, table_name
from auditor.rules.checks._nomenclature_util import (
    CODED_LEVELS,
    TABLES_PARAM,
    complete_malformed,
    cut_rows,
    level_name,
    nomenclature_for,
    resolve_rows,
    tables_missing,
    tables_to_check,
)
from auditor.rules.params import Param

ID = "nomenclature_code_form"
PARAMS = {
    "tables": TABLES_PARAM,
    "aspect": Param(
        str, default="form", choices=("form", "parent"), doc="form: malformed or cut codes; parent: missing parent rows"
    ),
}
FIELDS = ("table", "level", "code", "written", "name", "note", "parent", "parent_level", "children")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    tables = tables_to_check(doc, params["tables"])
    if not tables:
        yield tables_missing(params["tables"])
        return
    loaded = nomenclature_for(doc)
    # The nomenclature only names the code a broken one meant; without it the form
    # is still checked, and the parent check uses the codes as written.
    nom = None if isinstance(loaded, Skip) else loaded
    for table in tables:
        if params["aspect"] == "form":
            yield from _form(table, nom)
        else:
            yield from _parent(table, nom)


def _note(meant: str | None) -> dict[str, str] | str:
    if not meant:
        return ""
    return {"id": f"; menurut namanya seharusnya {meant}", "en": f"; by its name it should be {meant}"}


def _violation(table: Table, row: Row, meant: str | None, level: Level, note: dict[str, str] | str) -> Violation:
    cell = row.cells.get("code")
    return Violation(
        location=_located(cell_location(table, row, "code", cell), meant),
        expected=meant,
        actual=row.code_written,
        fields={
            "table": table_name(table),
            "level": level_name(level.value),
            "code": meant or "",
            "written": row.code_written or "",
            "name": row.label,
            "note": note,
            "parent": "",
            "parent_level": "",
            "children": 0,
        },
    )


def _form(table: Table, nom: Nomenclature | None) -> Iterator[Violation]:
    cut = cut_rows(table, nom)
    for row in table.rows:
        if row.level not in CODED_LEVELS:
            continue
        if row.index in cut:
            meant = cut[row.index]
            repeated = {
                "id": f"; kode itu sudah dipakai {row.level.value.replace('_', ' ')} di atasnya",
                "en": f"; that code already belongs to the {row.level.value.replace('_', ' ')} above",
            }
            note = _note(meant)
            joined = {lang: repeated[lang] + (note[lang] if isinstance(note, dict) else "") for lang in ("id", "en")}
            yield _violation(table, row, meant, Level.SUB_KEGIATAN, joined)
        elif not row.code_valid:
            meant = complete_malformed(nom, row) if nom else None
            yield _violation(table, row, meant, row.level, _note(meant))


def _parent(table: Table, nom: Nomenclature | None) -> Iterator[Violation]:
    if nom is not None:
        coded = [(row, r.code) for row, r in resolve_rows(table, nom)]
    else:
        coded = [(row, row.code) for row in table.rows if row.code and row.level in CODED_LEVELS]
    present = {code for _, code in coded}
    missing: dict[str, list[tuple[Row, str]]] = {}
    for row, code in coded:
        parent = parent_code(code)
        if parent and parent not in present:
            missing.setdefault(parent, []).append((row, code))
    for parent, children in missing.items():
        first, first_code = children[0]
        level = Level.PROGRAM if len(parent.split(".")) == 3 else Level.KEGIATAN
        yield Violation(
            location=_located(cell_location(table, first, "code", first.cells.get("code")), first_code),
            expected=parent,
            actual=None,
            fields={
                "table": table_name(table),
                "level": level_name(first.level.value),
                "code": first_code,
                "written": first.code_written or "",
                "name": first.label,
                "note": "",
                "parent": parent,
                "parent_level": level_name(level.value),
                "children": len(children),
            },
            evidence=tuple(
                Evidence(
                    "child",
                    c.code_written or "",
                    code,
                    _located(cell_location(table, c, "code", c.cells.get("code")), code),
                )
                for c, code in children
            ),
        )


def _located(location: Location, code: str | None) -> Location:
    return replace(location, code=code) if code else location
