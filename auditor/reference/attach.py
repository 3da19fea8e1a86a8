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
from auditor.model.document import Amount, BBox, Cell, Document, Level, Row, Table
from auditor.reference.data import ReferenceData, RefRow, UnitData
from auditor.reference.fields import normalise
from auditor.reference.read import unit_key

UNIT_LIKENESS = 90  # rapidfuzz token_sort_ratio of unit names that are one unit
UNIT_MARGIN = 4  # the best match must beat the next by this much, else it is ambiguous
_NO_BOX = BBox(0, 0, 0, 0)

# Reference table kinds, and the columns each one has.
KINDS = {"rkpd": "RKPD", "renstra": "Renstra", "pagu": "Pagu indikatif"}
GOALS = "Renstra tujuan/sasaran"  # the Renstra's indicators of tujuan and sasaran (no code)
_COLUMNS = {
    "rkpd": ["code", "name", "indicator", "target", "lokasi", "pagu", "sumber_dana", "target_next", "pagu_next"],
    "renstra": ["code", "name", "indicator", "target", "pagu", "target_next", "target_akhir"],
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
    goals = [r for r in rows if r.kind == "renstra" and r.code is None]
    for kind, label in KINDS.items():
        chosen = [r for r in rows if r.kind == kind and (kind != "renstra" or r.code is not None)]
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
    if goals:
        tables.append(_goal_table(goals))
    return tables


def _goal_table(rows: list[RefRow]) -> Table:
    """One row per tujuan/sasaran indicator with a ``target_<year>`` cell for every year
    the Renstra gives (T-C.30 shows several years, BAB III the plan year). An indicator
    written twice with different targets for one year stays two rows: matching it is then
    ambiguous, and the rules compare neither."""
    grouped: list[tuple[str, dict[str, Cell]]] = []
    for ref in rows:
        if ref.year is None or "target" not in ref.places:
            continue
        key = normalise(ref.texts.get("indicator", "")) + "|" + normalise(ref.texts.get("name", ""))
        column = f"target_{ref.year}"
        cells = next((c for k, c in grouped if k == key and column not in c), None)
        if cells is None:
            cells = {
                name: Cell(ref.texts[name], 0, _NO_BOX, source=ref.places[name])
                for name in ("name", "indicator")
                if name in ref.texts and name in ref.places
            }
            grouped.append((key, cells))
        cells[column] = Cell(ref.texts["target"], 0, _NO_BOX, source=ref.places["target"])
    years = sorted({c for _, cells in grouped for c in cells if c.startswith("target_")})
    built = [Row(i, Level.OTHER, None, None, cells, {}) for i, (_, cells) in enumerate(grouped)]
    caption = f"{GOALS}: " + ", ".join(sorted({p.file for r in rows for p in r.places.values()}))
    return Table(GOALS, caption, [], ["name", "indicator", *years], {}, built, 1.0)


def _with_next(row: RefRow, following: RefRow | None) -> RefRow:
    """The plan year's row with the next year's target(s) beside its own."""
    if following is None:
        return row
    mine = [(row.texts, row.places), *row.stacked]
    theirs = [(following.texts, following.places), *following.stacked]
    if len(theirs) != len(mine):
        theirs = theirs[:1]  # indicators that do not line up: only the first is paired
    merged = [
        ({**t, "target_next": ft["target"]}, {**p, "target_next": fp["target"]})
        if "target" in ft and "target" in fp
        else (t, p)
        for (t, p), (ft, fp) in zip(mine, theirs)
    ] + mine[len(theirs) :]
    (texts, places), *stacked = merged
    return dataclasses.replace(row, texts=texts, places=places, stacked=stacked)


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
        sub_rows = [
            {name: Cell(text, 0, _NO_BOX, source=places[name]) for name, text in texts.items() if name in places}
            for texts, places in ref.stacked
        ]
        built.append(Row(i, ref.level, ref.code, ref.code, cells, amounts, sub_rows))
    caption = f"{label}: " + ", ".join(sorted({p.file for r in rows for p in r.places.values()}))
    # Only the columns the file gives: a rule comparing one it lacks says it could not.
    given = {name for row in built for name in row.cells}
    return Table(label, caption, [], [c for c in _COLUMNS[kind] if c in given], {}, built, 1.0)
