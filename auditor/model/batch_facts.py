"""What the checks across a batch need of each document, small enough to keep for thousands:
its unit, the names that identify it, its narrative sentences (long enough to be worth
comparing) with their places, and the program and kegiatan codes of its main table.

It travels in the document's result (``DocResult.facts``) and in the batch's result cache,
so a re-run compares the documents audited earlier without reading them again.
"""

from __future__ import annotations

import re
from typing import Any

from auditor.model.document import Document, Level

MIN_SENTENCE = 80  # characters: shorter sentences ("Adapun tujuannya sebagai berikut:") are shared by chance
MAX_SENTENCE = 1200  # kept per sentence: enough to compare and to show
MAX_SENTENCES = 2000
# Tables whose program/kegiatan rows are the unit's plan, in order of preference.
PLAN_TABLES = ("T-C.33", "Tabel 4.1", "T-C.31")
_UNIT_TYPES = ("kecamatan", "kelurahan", "distrik")
_REGION_TYPES = ("kabupaten", "kota")
_PUNCT = re.compile(r"[^\w%]+")


def normal(text: str) -> str:
    """A sentence as compared: case, spaces and punctuation aside."""
    return _PUNCT.sub(" ", text.casefold()).strip()


def _name_after(text: str | None, types: tuple[str, ...]) -> str | None:
    words = (text or "").split()
    if len(words) > 1 and words[0].casefold() in types:
        return " ".join(words[1:])
    return None


def document_facts(doc: Document) -> dict[str, Any]:
    sentences = []
    for s in doc.narrative.sentences:
        if s.kind not in ("paragraph", "list_item") or len(s.text) < MIN_SENTENCE:
            continue
        sentences.append({"text": s.text[:MAX_SENTENCE], "page": s.span.page, "bbox": s.span.bbox.as_list()})
        if len(sentences) >= MAX_SENTENCES:
            break
    codes: dict[str, list[str]] = {"program": [], "kegiatan": []}
    for kind in PLAN_TABLES:
        rows = [r for t in doc.tables_of(kind) for r in t.rows if r.code]
        if not rows:
            continue
        for level, key in ((Level.PROGRAM, "program"), (Level.KEGIATAN, "kegiatan")):
            codes[key] = sorted({r.code for r in rows if r.level == level and r.code})
        codes["table"] = [kind]
        break
    # The names that tell this unit from another: a kecamatan's own name, the region's name
    # (a Dinas is named the same in every region).
    names = [n for n in (_name_after(doc.unit, _UNIT_TYPES), _name_after(doc.region, _REGION_TYPES)) if n]
    return {
        "unit": doc.unit,
        "region": doc.region,
        "plan_year": doc.plan_year,
        "names": names,
        "sentences": sentences,
        "codes": codes,
    }
