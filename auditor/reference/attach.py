"""A document's unit matched in the reference data, and its rows made tables of the document.

The RKPD rows become table "RKPD" (code, name, indicator, target, lokasi, pagu, sumber
dana, n+1), the Renstra rows of the plan year table "Renstra", the unit's pagu indikatif a
one-row table "Pagu indikatif": the rules then compare them with T-C.31/T-C.33 like any two
tables, and every value keeps its spreadsheet place (file, sheet, row, column).
"""

from __future__ import annotations

import dataclasses

from rapidfuzz import fuzz, process

from auditor.errors import InputError
from auditor.model.document import Amount, BBox, Cell, Document, Row, Table
from auditor.reference.data import ReferenceData, RefRow, UnitData
from auditor.reference.read import unit_key

UNIT_LIKENESS = 90  # rapidfuzz token_sort_ratio of unit names that are one unit
UNIT_MARGIN = 4  # the best match must beat the next by this much, else it is ambiguous
_NO_BOX = BBox(0, 0, 0, 0)

# Reference table kinds, and the columns each one has.
KINDS = {"rkpd": "RKPD", "renstra": "Renstra", "pagu": "Pagu indikatif"}
_COLUMNS = {
    "rkpd": ["code", "name", "indicator", "target", "lokasi", "pagu", "sumber_dana", "target_next", "pagu_next"],
    "renstra": ["code", "name", "indicator", "target", "pagu", "target_next"],
    "pagu": ["pagu"],
}


def attach_reference(doc: Document, data: ReferenceData) -> Document:
    """``doc`` with its unit's reference tables, and how its unit was found
    (``reference_status``: matched, no_unit or ambiguous). A unit whose rows cannot be used
    (a code twice, an amount that is not a number) fails this document, not the others."""
    unit, status, candidates = match_unit(doc.unit, data)
    if unit is None:
        return dataclasses.replace(doc, reference_status=status, reference_candidates=candidates)
    if unit.errors:
        shown = unit.errors[:5]
        more_id = f" (dan {len(unit.errors) - 5} lagi)" if len(unit.errors) > 5 else ""
        more_en = f" (and {len(unit.errors) - 5} more)" if len(unit.errors) > 5 else ""
        raise InputError(
            "reference",
            "Data rujukan untuk "
            + (unit.name or "dokumen ini")
            + " tidak dapat dipakai: "
            + "; ".join(e["id"] for e in shown)
            + more_id,
            "The reference data for "
            + (unit.name or "this document")
            + " cannot be used: "
            + "; ".join(e["en"] for e in shown)
            + more_en,
        )
    # Rows of no unit (a file for one unit only) serve every document too.
    rows = list(unit.rows) + (list(data.units[""].rows) if "" in data.units and unit is not data.units[""] else [])
    tables = reference_tables(rows, doc.plan_year)
    return dataclasses.replace(
        doc, reference_tables=tables, reference_unit=unit.name, reference_status="matched", reference_candidates=[]
    )


def match_unit(name: str | None, data: ReferenceData) -> tuple[UnitData | None, str, list[str]]:
    """The reference unit of a document named ``name``: equal once normalised, else the one
    clearly most alike. A reference with rows of no unit only serves every document."""
    named = {k: u for k, u in data.units.items() if k}
    if not named and "" in data.units:
        return data.units[""], "matched", []
    key = unit_key(name)
    if key and key in named:
        return named[key], "matched", []
    if not key:
        return None, "no_unit", sorted(u.name or k for k, u in named.items())[:10]
    found = process.extract(key, list(named), scorer=fuzz.token_sort_ratio, limit=2)
    best = [(k, score) for k, score, _ in found if score >= UNIT_LIKENESS]
    if len(best) == 1 or (len(best) == 2 and best[0][1] - best[1][1] >= UNIT_MARGIN):
        return named[best[0][0]], "matched", []
    if len(best) >= 2:
        return None, "ambiguous", [named[k].name or k for k, _ in best]
    near = process.extract(key, list(named), scorer=fuzz.token_sort_ratio, limit=3)
    return None, "no_unit", [named[k].name or k for k, _, _ in near]


def reference_tables(rows: list[RefRow], plan_year: int | None) -> list[Table]:
    tables = []
    for kind, label in KINDS.items():
        chosen = [r for r in rows if r.kind == kind]
        following: dict[str | None, RefRow] = {}
        if kind in ("renstra", "pagu"):
            dated = [r for r in chosen if r.year is not None]
            if dated:  # a file for several years: the plan year's rows (none when it is unknown)
                chosen = [r for r in dated if r.year == plan_year]
                # The Renstra's n+1 target stands beside the plan year's, as T-C.33 has it.
                following = {r.code: r for r in dated if plan_year is not None and r.year == plan_year + 1}
        if following:
            chosen = [_with_next(r, following.get(r.code)) for r in chosen]
        if chosen:
            tables.append(_table(label, kind, chosen))
    return tables


def _with_next(row: RefRow, following: RefRow | None) -> RefRow:
    if following is None or "target" not in following.texts or "target" not in following.places:
        return row
    texts = {**row.texts, "target_next": following.texts["target"]}
    places = {**row.places, "target_next": following.places["target"]}
    return dataclasses.replace(row, texts=texts, places=places)


def _table(label: str, kind: str, rows: list[RefRow]) -> Table:
    built = []
    for i, ref in enumerate(sorted(rows, key=lambda r: r.code or "")):
        cells: dict[str, Cell] = {}
        if ref.code is not None and "code" in ref.places:
            cells["code"] = Cell(ref.code, 0, _NO_BOX, source=ref.places["code"])
        for name, text in ref.texts.items():
            if name in ref.places:
                cells[name] = Cell(text, 0, _NO_BOX, source=ref.places[name])
        amounts = {}
        for name, value in ref.amounts.items():
            text = "" if value is None else str(value)
            cells[name] = Cell(text, 0, _NO_BOX, source=ref.places.get(name))
            amounts[name] = Amount(value, cells[name])
        built.append(Row(i, ref.level, ref.code, ref.code, cells, amounts))
    caption = f"{label}: " + ", ".join(sorted({p.file for r in rows for p in r.places.values()}))
    return Table(label, caption, [], _COLUMNS[kind], {}, built, 1.0)
