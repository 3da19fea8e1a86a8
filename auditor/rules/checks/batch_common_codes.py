"""batch_common_codes: a program or kegiatan that nearly every unit of its kind in the batch
plans, missing from this unit's Renja.

Units are of one kind when their programs mostly share the urusan and bidang ("7.01" for the
kecamatan, "2.16" for Dinas Kominfo). Among at least ``min_units`` units of a kind, a program
or kegiatan that at least ``share`` of them plan and this one does not is worth a look: a
mandatory program forgotten, or a kegiatan left out of the plan table. Documents of the same
unit (a draft and its revision) count as one unit, which has a code if any of them does.

PASS::  every kecamatan of the batch plans 7.01.01 and 7.01.02
FAIL::  nine of ten kecamatan plan kegiatan 7.01.02.2.01; the tenth does not
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from auditor.findings import Location
from auditor.model.batch_facts import normal
from auditor.rules.base import BatchViolation
from auditor.rules.params import Param

ID = "batch_common_codes"
SCOPE = "batch"
PARAMS = {
    "min_units": Param(int, default=5, minimum=2, doc="least units of a kind before a code counts as common"),
    "share": Param(
        float, default=0.9, minimum=0, doc="share of those units (0-1) that plan a code for it to be common"
    ),
    "levels": Param(list, item=str, default=["program", "kegiatan"], doc="levels compared: program, kegiatan"),
}
FIELDS = ("level", "code", "units", "of", "kind", "table")


def _kind(codes: Sequence[str]) -> str | None:
    """The urusan.bidang most of a unit's programs belong to."""
    prefixes = Counter(".".join(c.split(".")[:2]) for c in codes if c.count(".") >= 2)
    return prefixes.most_common(1)[0][0] if prefixes else None


def check_batch(docs: Sequence[dict[str, Any]], params: dict[str, Any]) -> Iterator[BatchViolation]:
    unit_of = [normal(f"{d.get('unit') or d.get('path')} {d.get('region') or ''}") for d in docs]
    kind_of = [_kind((d.get("codes") or {}).get("program") or []) for d in docs]
    for level in params["levels"]:
        has: dict[str, set[str]] = defaultdict(set)  # unit -> codes, over all its documents
        for d, doc in enumerate(docs):
            has[unit_of[d]].update((doc.get("codes") or {}).get(level) or [])
        by_kind: dict[str, set[str]] = defaultdict(set)
        for d, kind in enumerate(kind_of):
            if kind and (docs[d].get("codes") or {}).get(level):
                by_kind[kind].add(unit_of[d])
        for d, doc in enumerate(docs):
            kind = kind_of[d]
            planned = (doc.get("codes") or {}).get(level)
            if not kind or not planned or len(by_kind[kind]) < params["min_units"]:
                continue
            units = by_kind[kind]
            counts = Counter(c for u in units for c in has[u] if c.startswith(kind))
            for code, n in sorted(counts.items()):
                if code in has[unit_of[d]] or n < params["share"] * len(units):
                    continue
                table = ((doc.get("codes") or {}).get("table") or [None])[0]
                yield BatchViolation(
                    document=d,
                    location=Location(page=None, table=table, code=code, column="code"),
                    expected=code,
                    actual=None,
                    fields={"level": level, "code": code, "units": n, "of": len(units), "kind": kind, "table": table},
                )
