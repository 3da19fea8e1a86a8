"""narrative_split: the parts of a stated total add up to it.

In a sentence such as "... sebesar Rp. 1.916.446.189 terdiri dari Belanja Pegawai
sebesar Rp. 1.267.300.839 dan Belanja Barang dan Jasa sebesar Rp. 649.145.350",
the components must sum to the total.

PASS::  1.916.446.189 = 1.267.300.839 + 649.145.350
FAIL::  1.916.486.189 ≠ 1.267.300.839 + 649.145.350
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from auditor.findings import Evidence, Location
from auditor.model.document import Document, StatedAmount
from auditor.rules.base import Result, Skip, Violation, plain, rupiah
from auditor.rules.params import Param

ID = "narrative_split"
PARAMS = {"tolerance": Param(int, default=0, minimum=0)}
FIELDS = ("stated", "computed", "difference", "parts", "sentence")


def _loc(s: StatedAmount) -> Location:
    return Location(page=s.span.page, table=None, code=None, column="narasi", row=s.label, bbox=s.span.bbox)


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    by_sentence: dict[int, list[StatedAmount]] = defaultdict(list)
    for s in doc.narrative.stated_amounts:
        by_sentence[s.sentence_id].append(s)
    evaluated = 0
    for amounts in by_sentence.values():
        totals = [a for a in amounts if a.role == "total"]
        parts = [a for a in amounts if a.role == "component"]
        if len(totals) != 1 or not parts:
            continue
        evaluated += 1
        total = totals[0]
        computed = sum(p.value for p in parts)
        if abs(total.value - computed) <= params["tolerance"]:
            continue
        yield Violation(
            location=_loc(total),
            expected=plain(computed),
            actual=plain(total.value),
            value_kind="money",
            fields={
                "stated": rupiah(total.value),
                "computed": rupiah(computed),
                "difference": rupiah(total.value - computed),
                "parts": " + ".join(f"{p.label} {rupiah(p.value)}" for p in parts),
                "sentence": total.sentence,
            },
            evidence=tuple(
                Evidence("stated" if a is total else "component", a.span.text, plain(a.value), _loc(a))
                for a in [total, *parts]
            ),
        )
    if evaluated == 0:
        yield Skip(
            {
                "id": "Narasi tidak memuat jumlah anggaran beserta rinciannya.",
                "en": "The narrative states no total together with its parts.",
            }
        )
