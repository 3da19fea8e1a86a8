"""nomenclature_previous_code: a code of an earlier nomenclature version, with its current code.

The nomenclature in force may list, for a renamed or renumbered sub kegiatan, the code
it had before (the 2027 update's "SUBKEGIATAN SEBELUMNYA"). A row is reported when its
code is such a previous code and either the code is no longer listed or the row still
carries the previous name (the old number now belongs to another sub kegiatan). The
current code is given as the expected value. When the version in force lists no
previous codes (Kepmendagri 900/2023 does not), the rule is not evaluated.

PASS (plan year 2027)::  1.02.02.2.02.55  Pengelolaan Pelayanan Kesehatan Orang yang berisiko Masalah Kesehatan Jiwa
FAIL (plan year 2027)::  1.02.02.2.02.21  Pengelolaan Pelayanan Kesehatan Orang dengan Masalah Kesehatan Jiwa (ODMK)
                         (now 1.02.02.2.02.55)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.data.nomenclature import Entry
from auditor.model.document import Document
from auditor.rules.base import Result, Skip, Violation
from auditor.rules.checks._nomenclature_util import (
    TABLES_PARAM,
    Target,
    code_violation,
    official_evidence,
    similarity,
    targets,
)

ID = "nomenclature_previous_code"
PARAMS = {"tables": TABLES_PARAM}
FIELDS = ("table", "level", "code", "name", "current", "current_name", "version", "written_note")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    checked_version = False
    for item in targets(doc, params["tables"]):
        if isinstance(item, Skip):
            yield item
            return
        if not checked_version:
            checked_version = True
            if not any(e.previous for e in item.nom.entries.values()):
                yield _no_previous(item)
                return
        successor = _successor(item)
        if successor is not None:
            yield _violation(item, successor)


def _no_previous(target: Target) -> Skip:
    name = target.nom.version.regulation
    return Skip(
        {
            "id": f"{name} tidak mencantumkan kode versi sebelumnya, sehingga kode lama tidak dapat dikenali.",
            "en": f"{name} lists no codes of an earlier version, so old codes cannot be recognised.",
        }
    )


def _successor(target: Target) -> Entry | None:
    successors = target.nom.successors(target.resolved.code)
    if not successors:
        return None
    name = target.row.label
    best = max(successors, key=lambda e: similarity(name, e.previous_name or "")) if name else successors[0]
    if target.entry is None:
        return best
    # The old number is listed again for another sub kegiatan: report only a row that
    # still carries the previous name rather than the one now listed under its code.
    if name and similarity(name, best.previous_name or "") > similarity(name, target.entry.name):
        return best
    return None


def _violation(target: Target, successor: Entry) -> Violation:
    current = target.nom.localize(successor.code, target.resolved.code)
    return code_violation(
        target,
        current,
        {"current": current, "current_name": successor.name},
        evidence=(official_evidence(target.nom, successor, target.resolved.code, successor.name),),
    )
