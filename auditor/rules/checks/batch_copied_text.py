"""batch_copied_text: a sentence copied from the Renja of another unit in the same batch.

Across a batch (``renja-audit batch``), a narrative sentence that stands word for word in the
Renja of two different units is a copy when

* ``mode: name``: it names the other unit (its kecamatan or its region: "Kecamatan Kencong",
  "Kabupaten Jember") — the copy kept the other unit's name; or
* ``mode: figures``: it states a Rupiah amount (a pagu, a realisation: the unit's own money,
  which differs from unit to unit), names neither unit, and no third unit has it (judged only
  in a batch of at least ``min_units`` units). Counts and percentages are left alone: measured
  over random sub-batches of the samples, template sentences with statistics in them were
  shared by two units of a small batch all the time.

Text every unit has (the template's paragraphs, the legal basis) is no copy: a sentence found
in more than ``max_units`` units is passed over. Two documents of the same unit (a draft and its
revision) are never compared.

PASS::  Kecamatan A and B both write "Renja disusun berpedoman pada Permendagri 86 Tahun 2017 ..."
FAIL::  Kecamatan B writes "Rencana Kerja Kecamatan A menggambarkan kinerja tahunan ..." as A does
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from auditor.findings import Evidence, Location
from auditor.model.batch_facts import normal
from auditor.model.document import BBox
from auditor.rules.base import BatchViolation
from auditor.rules.params import Param

ID = "batch_copied_text"
SCOPE = "batch"
PARAMS = {
    "max_units": Param(int, default=2, minimum=2, doc="most units a sentence may be found in and still be a copy"),
    "mode": Param(
        str,
        default="name",
        choices=("name", "figures"),
        doc="name: it names the other unit; figures: a shared Rupiah amount",
    ),
    "min_units": Param(int, default=3, minimum=2, doc="least units in the batch before shared figures are judged"),
}
FIELDS = ("other_document", "other_unit", "other_page", "name", "text", "page")

# A Rupiah amount: "Rp3.883.342.000", "Rp. 59.600.000,00", "Rp 1.962.050.000,-".
_RUPIAH = re.compile(r"\bRp\.?\s*\d{1,3}(?:[.,]\d{3})+", re.IGNORECASE)


def _own_figures(text: str) -> bool:
    return bool(_RUPIAH.search(text))


def _unit_key(doc: dict[str, Any]) -> str:
    return normal(f"{doc.get('unit') or doc.get('path')} {doc.get('region') or ''}")


def _suffix(doc: dict[str, Any]) -> str:
    return str(doc.get("path") or "").rsplit(".", 1)[-1].lower()


def _names_in(text: str, names: Sequence[str]) -> list[str]:
    low = normal(text)
    return [n for n in names if re.search(rf"\b{re.escape(normal(n))}\b", low)]


def _location(sentence: dict[str, Any]) -> Location:
    bbox = BBox(*sentence["bbox"]) if sentence.get("bbox") else None
    return Location(page=sentence.get("page"), table=None, code=None, column="narasi", bbox=bbox)


def check_batch(docs: Sequence[dict[str, Any]], params: dict[str, Any]) -> Iterator[BatchViolation]:
    keys = [_unit_key(d) for d in docs]
    units = len(set(keys))
    where: dict[str, list[tuple[int, int]]] = defaultdict(list)  # sentence -> (document, sentence index)
    for d, doc in enumerate(docs):
        seen: set[str] = set()
        for s, sentence in enumerate(doc.get("sentences") or []):
            text = normal(sentence["text"])
            if text not in seen:
                seen.add(text)
                where[text].append((d, s))
    for places in where.values():
        sharing = {keys[d] for d, _ in places}
        if len(sharing) < 2 or len(sharing) > params["max_units"]:
            continue
        for d, s in places:
            sentence = docs[d]["sentences"][s]
            own = set(docs[d].get("names") or [])
            # The other document of the same kind first (a PDF's copy found in a PDF).
            suffix = _suffix(docs[d])
            for other, o in sorted(places, key=lambda p: (_suffix(docs[p[0]]) != suffix, p[0])):
                if keys[other] == keys[d]:
                    continue
                named = _names_in(sentence["text"], [n for n in docs[other].get("names") or [] if n not in own])
                if params["mode"] == "name" and named:
                    yield _violation(docs, d, s, other, o, named[0])
                    break
                figures = _own_figures(sentence["text"]) and not _names_in(sentence["text"], list(own))
                if params["mode"] == "figures" and not named and units >= params["min_units"] and figures:
                    yield _violation(docs, d, s, other, o, None)
                    break


def _violation(docs: Sequence[dict[str, Any]], d: int, s: int, other: int, o: int, name: str | None) -> BatchViolation:
    sentence, copy = docs[d]["sentences"][s], docs[other]["sentences"][o]
    here, there = _location(sentence), _location(copy)
    return BatchViolation(
        document=d,
        location=here,
        expected=None,
        actual=sentence["text"],
        fields={
            "other_document": docs[other].get("path"),
            "other_unit": docs[other].get("unit") or "-",
            "other_page": copy.get("page") or "-",
            "name": name or "",
            "text": sentence["text"][:160],
            "page": sentence.get("page") or "-",
        },
        evidence=(
            Evidence("stated", sentence["text"], None, here),
            Evidence("other_unit", copy["text"], docs[other].get("path"), there),
        ),
        other=other,
    )
