"""nomenclature_code_known: every code is listed in the nomenclature in force for the plan year.

The version is chosen by the document's plan year (Kepmendagri 900.1.15.5-1317/2023
for 2024-2026, the 2027 update from 2027); two- and four-digit sub kegiatan numbers
are the same code. The generic support program ``X.XX.01`` is written with the unit's
own urusan and bidang (``7.01.01...`` in a Kecamatan): such a code is looked up as
``X.XX.01...``, and reported when its urusan.bidang is none of those of the unit's own
programs. A code that an entry of the current version replaced is left to
``nomenclature_previous_code``. For a plan year past the first year of the list in force
(2025 or 2026 under the 1317/2023 list), the updates in between are not shipped: a code
that a later list holds may have been added by them, and is not reported. When the row's name is the official name of one code,
that code is given as the expected value.

PASS::  7.01.01.2.01.01  (X.XX.01.2.01.0001)   7.01.02.2.01.0002   7.01.06.2.01.18
FAIL::  7.01.02.2.01.09  (no such sub kegiatan)
FAIL::  7.02.01.2.01.01  in a document whose programs are 7.01.02 ... 7.01.06
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from auditor.data.nomenclature import (
    GENERIC_PREFIX,
    Nomenclature,
    generic_code,
    load_nomenclature,
    version_for,
    versions,
)
from auditor.model.document import Document
from auditor.rules.base import Result, Skip, Violation
from auditor.rules.checks._nomenclature_util import (
    TABLES_PARAM,
    Target,
    code_violation,
    other_code_note,
    scope_of,
    targets,
)

ID = "nomenclature_code_known"
PARAMS = {"tables": TABLES_PARAM}
FIELDS = ("table", "level", "code", "name", "version", "note", "written_note")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    rows: list[Target] = []
    for item in targets(doc, params["tables"]):
        if isinstance(item, Skip):
            yield item
            return
        rows.append(item)
    own = _own_prefixes(rows)
    later = _later_lists(doc)
    for target in rows:
        if target.entry is None:
            if target.nom.successors(target.resolved.code):
                continue  # an old code with a known successor: the previous-code rule reports it
            if any(nom.lookup(target.resolved.code) for nom in later):
                continue  # added by an update between the list we hold and a later one: not known to be wrong
            other, note = other_code_note(target.nom, target.row, target.resolved.code, target.level)
            yield _violation(target, other, note)
        elif own and target.entry.code.startswith(GENERIC_PREFIX + "."):
            prefix = _prefix(target.resolved.code)
            if prefix not in own:
                unit = own.most_common(1)[0][0]
                expected = unit + target.resolved.code[len(prefix) :]
                note = {
                    "id": f"; program penunjang ditulis dengan urusan dan bidang perangkat daerah ({unit})",
                    "en": f"; the support program is written with the unit's urusan and bidang ({unit})",
                }
                yield _violation(target, expected, note)


def _later_lists(doc: Document) -> list[Nomenclature]:
    """Later versions than the one in force, when the plan year is past that one's own
    first year: the updates in between (e.g. for 2025 and 2026) are not in the package,
    and a code they added is listed again by a later version."""
    if doc.plan_year is None:
        return []
    version, _ = version_for(doc.plan_year)
    if doc.plan_year == version.valid_from:
        return []
    out = []
    for v in versions():
        if v.valid_from > doc.plan_year:
            try:
                out.append(load_nomenclature(v.valid_from, scope_of(doc)))
            except LookupError:
                continue
    return out


def _prefix(code: str) -> str:
    return ".".join(code.split(".")[:2])


def _own_prefixes(rows: list[Target]) -> Counter[str]:
    """The urusan.bidang of the unit's own (not generic) programs, with how often each is used.

    A unit serving several bidang writes the support program with one of them."""
    return Counter(
        _prefix(t.resolved.code)
        for t in rows
        if t.entry is not None
        and not t.entry.code.startswith(GENERIC_PREFIX + ".")
        and generic_code(t.resolved.code) is None
    )


def _violation(target: Target, expected: str | None, note: dict[str, str] | str) -> Violation:
    return code_violation(target, expected, {"note": note})
