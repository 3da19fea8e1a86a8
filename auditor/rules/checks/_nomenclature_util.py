"""Helpers shared by the nomenclature check types (no ID: not a check type itself).

Text comparison ignores what PDF extraction and the PDF-converted official list get
wrong without changing a word: case, punctuation and *all* spacing. Words glued
together ("Koordinasidan") or split ("Rekomend asi") are extraction debris on every
sample, so a difference of spacing alone never counts; a difference of letters or
digits ("Pemerintahan" / "Pemerintah", "Kntor") does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from rapidfuzz import fuzz

from auditor.data.nomenclature import Entry, Nomenclature, load_nomenclature, name_key
from auditor.findings import Evidence, Location
from auditor.i18n import both
from auditor.model.codes import parse_code
from auditor.model.document import Document, Level, Row, Table
from auditor.rules.base import Skip, Violation, cell_location, table_name
from auditor.rules.params import Param

CODED_LEVELS = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)
TABLES_PARAM = Param(
    list,
    item=str,
    default=["T-C.33", "Tabel 4.1", "T-C.31", "T-C.29"],
    choices=("T-C.33", "Tabel 4.1", "T-C.31", "T-C.29"),
    doc="tables whose codes are checked",
)

# Names, indicators and their official forms are compared by this key.
wording_key = name_key


def similarity(a: str, b: str) -> float:
    """rapidfuzz ratio (0-100) of the wording keys."""
    return round(fuzz.ratio(wording_key(a), wording_key(b)), 1)


def same_wording(a: str, b: str) -> bool:
    return wording_key(a) == wording_key(b)


def scope_of(doc: Document) -> str:
    """Provincial units use the provinsi list; every other unit the kabupaten/kota list."""
    region = (doc.region or "").strip().lower()
    return "prov" if region.startswith("provinsi") else "kabkot"


def nomenclature_for(doc: Document) -> Nomenclature | Skip:
    if doc.plan_year is None:
        return Skip(
            {
                "id": "Tahun rencana dokumen tidak diketahui, sehingga versi nomenklatur yang berlaku tidak dapat ditentukan.",
                "en": "The document's plan year is unknown, so the nomenclature in force cannot be chosen.",
            }
        )
    try:
        return load_nomenclature(doc.plan_year, scope_of(doc))
    except LookupError as exc:
        return Skip({"id": f"Data nomenklatur tidak tersedia: {exc}", "en": f"Nomenclature data not available: {exc}"})


def tables_to_check(doc: Document, kinds: list[str]) -> list[Table]:
    return [t for kind in kinds for t in doc.tables_of(kind)]


def tables_missing(kinds: list[str]) -> Skip:
    names = ", ".join(kinds)
    return Skip(
        {"id": f"Tidak ada tabel {names} dalam dokumen.", "en": f"None of the tables {names} is in the document."}
    )


# --- codes a row stands for ------------------------------------------------------


@dataclass(frozen=True)
class Resolved:
    """The code a row stands for, and how it was found."""

    code: str  # canonical code, with the document's own urusan.bidang
    how: str  # "written" | "malformed" (completed from a cut code) | "cut" (sub kegiatan written with its kegiatan's code)


def localized(nom: Nomenclature, entry: Entry, like: str) -> str:
    return nom.localize(entry.code, like)


def official_children(nom: Nomenclature, parent: str, level: str) -> list[Entry]:
    return [e for e in nom.children(parent) if e.level == level]


def match_by_name(nom: Nomenclature, candidates: list[Entry], name: str) -> Entry | None:
    """The one candidate whose official name has the same wording as ``name``."""
    key = wording_key(name)
    if not key:
        return None
    found = [e for e in candidates if wording_key(e.name) == key]
    return found[0] if len(found) == 1 else None


def _malformed_parts(written: str) -> tuple[str, str] | None:
    """'7.01.01.202.0' -> ('7.01.01.2.02', '0'): the kegiatan code and the kept digits."""
    text = re.sub(r"[\s'`\u2018\u2019\"]", "", written).strip(".")
    head, _, tail = text.rpartition(".")
    parent = parse_code(head) if head else None
    if parent is None or parent.level != Level.KEGIATAN or not tail.isdigit():
        return None
    return parent.canonical, tail


def complete_malformed(nom: Nomenclature, row: Row) -> str | None:
    """The sub kegiatan a malformed code most likely meant: the child of the written
    kegiatan whose number starts with the kept digits and whose name is the row's."""
    parts = _malformed_parts(row.code_written or "")
    if parts is None:
        return None
    kegiatan, digits = parts
    candidates = [
        e
        for e in official_children(nom, kegiatan, "sub_kegiatan")
        if e.code.rsplit(".", 1)[1].startswith(digits) or (e.code4 or "").rsplit(".", 1)[1].startswith(digits)
    ]
    found = match_by_name(nom, candidates, row.label)
    return localized(nom, found, kegiatan) if found else None


def cut_rows(table: Table, nom: Nomenclature | None) -> dict[int, str | None]:
    """Rows that repeat a code already written above and do not carry that code's
    official name: sub kegiatan whose code lost its last part in a wrap
    ("7.01.06.201" for 7.01.06.2.01.07). Value: the sub kegiatan meant, when its name tells."""
    counts: Counter[str] = Counter(r.code for r in table.rows if r.code and r.level in CODED_LEVELS)
    out: dict[int, str | None] = {}
    for code in (c for c, n in counts.items() if n > 1):
        rows = [r for r in table.rows if r.code == code]
        entry = nom.lookup(code) if nom else None
        genuine = next((r for r in rows if entry and same_wording(r.label, entry.name)), rows[0])
        for row in rows:
            if row is genuine:
                continue
            out[row.index] = None
            if nom is not None and entry is not None and entry.level == "kegiatan":
                child = match_by_name(nom, official_children(nom, code, "sub_kegiatan"), row.label)
                out[row.index] = localized(nom, child, code) if child else None
    return out


def resolve_rows(table: Table, nom: Nomenclature) -> list[tuple[Row, Resolved]]:
    """Every program/kegiatan/sub kegiatan row with the code it stands for.

    A malformed code or a cut one is replaced by the code its name identifies; a row
    whose code cannot be told is left out (the code-form rule reports it)."""
    cut = cut_rows(table, nom)
    out: list[tuple[Row, Resolved]] = []
    for row in table.rows:
        if row.level not in CODED_LEVELS:
            continue
        if row.index in cut:
            meant = cut[row.index]
            if meant:
                out.append((row, Resolved(meant, "cut")))
        elif row.code:
            out.append((row, Resolved(row.code, "written")))
        elif not row.code_valid:
            meant = complete_malformed(nom, row)
            if meant:
                out.append((row, Resolved(meant, "malformed")))
    return out


def written_note(row: Row, resolved: Resolved) -> dict[str, str] | str:
    """Message suffix for a row whose code had to be completed."""
    if resolved.how == "written":
        return ""
    return {
        "id": f' (kode tertulis "{row.code_written}")',
        "en": f' (code written "{row.code_written}")',
    }


def other_code_note(nom: Nomenclature, row: Row, code: str, level: str) -> tuple[str | None, dict[str, str] | str]:
    """When the row's name is the official name of another code, that code and a note."""
    named = nom.codes_named(level, row.label)
    found = named[0] if len(named) == 1 else None
    if not found or found == nom.listed_code(code):
        return None, ""
    other = nom.localize(found, code)
    return other, {
        "id": f"; nama tersebut adalah nama resmi {other}",
        "en": f"; that is the official name of {other}",
    }


# --- findings --------------------------------------------------------------------


def official_evidence(nom: Nomenclature, entry: Entry, code: str, text: str) -> Evidence:
    return Evidence(
        role="official",
        text=text,
        value=nom.id,
        location=Location(page=None, table=None, code=nom.localize(entry.code, code), column=None),
    )


def cell_evidence(target: Target, column: str) -> Evidence:
    """A stated cell, located at the code the row stands for."""
    cell = target.row.cells.get(column)
    location = replace(cell_location(target.table, target.row, column, cell), code=target.resolved.code)
    return Evidence(role="stated", text=cell.text if cell else "", value=None, location=location)


def level_name(level: str) -> dict[str, str]:
    return both(f"level.{level}")


def version_label(nom: Nomenclature) -> dict[str, str]:
    """The version's name for a message, with the note when it had to be guessed."""
    name = nom.version.regulation
    if not nom.note:
        return {"id": name, "en": name}
    return {lang: f"{name} ({nom.note[lang].rstrip('.')})" for lang in ("id", "en")}


@dataclass(frozen=True)
class Target:
    """One row to compare with the official list."""

    nom: Nomenclature
    table: Table
    row: Row
    resolved: Resolved
    entry: Entry | None  # None: the code is not listed

    @property
    def level(self) -> str:
        """Level of the code the row stands for (a cut row's kegiatan code stood for a sub kegiatan)."""
        parsed = parse_code(self.resolved.code)
        return parsed.level.value if parsed else self.row.level.value


def targets(doc: Document, kinds: list[str]) -> Iterator[Skip | Target]:
    """Every coded row of the checked tables with its official entry, or the Skip
    that explains why nothing could be compared."""
    nom = nomenclature_for(doc)
    if isinstance(nom, Skip):
        yield nom
        return
    tables = tables_to_check(doc, kinds)
    if not tables:
        yield tables_missing(kinds)
        return
    for table in tables:
        for row, resolved in resolve_rows(table, nom):
            yield Target(nom, table, row, resolved, nom.lookup(resolved.code))


def names_other_code(target: Target) -> bool:
    """The row's name is the official name of another code (a wrong code, which the
    name rule reports; its indicator and unit then belong to that other code)."""
    if target.entry is None or not target.row.label or same_wording(target.row.label, target.entry.name):
        return False
    other, _ = other_code_note(target.nom, target.row, target.resolved.code, target.level)
    return other is not None


def code_violation(
    target: Target, expected: str | None, fields: dict[str, Any], evidence: tuple[Evidence, ...] = ()
) -> Violation:
    """A finding about the row's code cell: located at the code the row stands for, with the
    fields every code message shares (table, level, code, name, version, written note)."""
    row, table = target.row, target.table
    location = cell_location(table, row, "code", row.cells.get("code"))
    return Violation(
        location=replace(location, code=target.resolved.code),
        expected=expected,
        actual=target.resolved.code,
        fields={
            "table": table_name(table),
            "level": level_name(target.level),
            "code": target.resolved.code,
            "name": row.label,
            "version": version_label(target.nom),
            "written_note": written_note(row, target.resolved),
            **fields,
        },
        evidence=evidence,
    )


def official_sub_kegiatan(doc: Document, kinds: list[str], attribute: str) -> Iterator[Skip | Target]:
    """Rows standing for an official sub kegiatan whose ``attribute`` (indikator, satuan) is
    listed, except rows that carry another sub kegiatan's name (the name rule reports those)."""
    for item in targets(doc, kinds):
        if isinstance(item, Skip):
            yield item
            return
        if item.entry is None or item.entry.level != "sub_kegiatan" or not getattr(item.entry, attribute):
            continue
        if names_other_code(item):
            continue
        yield item
