"""Helpers shared by the year check types (not a check type: no ``ID``).

Years are found with the same pattern the extractor uses, so an occurrence in a
text lines up with the ``YearMention`` the model holds for it (same order).
"""

from __future__ import annotations

import re
from typing import Any

from auditor.model.document import Document, TextSpan, YearMention

YEAR = re.compile(r"(?<![\d.,/])((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?(?![\d.,]\d)")
# A legal reference ends right before its year: "Nomor 86 Tahun 2017", "Nomor13Tahun 2006",
# "UUD ... Tahun 1945", "Lembaran Negara ... Tahun 2003". The model's own flag only knows
# the first form with a capital "Nomor", so the check types widen it.
_LEGAL_TAIL = re.compile(
    r"(?:\b(?:nomor|no\.?)\s*:?\s*[\w./-]+\s*tahun\s*"
    r"|(?:undang[\s-]*undang\s+dasar|\buud)\b[^.;]{0,60}?tahun\s*"
    r"|lembaran\s*negara\b[^.;]{0,60}?tahun\s*"
    r"|\b\d+\s*/\s*)$",
    re.IGNORECASE,
)
# A whole legal reference, to find in a text: "Nomor 86 Tahun 2017", "Permendagri 86/2027".
LEGAL_REF = re.compile(
    r"\b(?:nomor|no\.?)\s*:?\s*[\w./-]*?\d[\w./-]*\s*tahun\s*((?:19|20)\d\d)(?!\d)"
    r"|\b(?:permendagri|permenpan(?:rb)?|kepmendagri|perpres|keppres|inpres|pp|uu|perda|perbup|perwali|pergub"
    r"|peraturan\s+(?:menteri|pemerintah|presiden|daerah|bupati|wali\s*kota|gubernur)[\w\s]{0,40}?)"
    r"\s*(?:nomor|no\.?)?\s*:?\s*\d+[a-z]?\s*/\s*((?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
_DATE_YEAR = re.compile(r"((?:19|20)\d\d)")
NARRATIVE_CONTEXTS = ("sentence", "list_item", "caption", "heading")


def is_legal(text: str, start: int) -> bool:
    """True when the year at ``start`` in ``text`` is part of a legal reference."""
    return bool(_LEGAL_TAIL.search(text[max(0, start - 120) : start]))


def date_year(doc: Document) -> int | None:
    """The year of the signing date ("Juni 2023" -> 2023), if the model has one."""
    m = _DATE_YEAR.search(doc.date or "")
    return int(m.group(1)) if m else None


def mention_spans(doc: Document) -> dict[tuple[str, int], list[YearMention]]:
    """Narrative year mentions grouped by (text, page), in the order they occur."""
    out: dict[tuple[str, int], list[YearMention]] = {}
    for m in doc.narrative.years:
        if m.context in NARRATIVE_CONTEXTS:
            out.setdefault((m.text, m.span.page), []).append(m)
    return out


def span_of(group: list[YearMention], index: int, fallback: TextSpan) -> TextSpan:
    """The span of the index-th year occurrence of a text, or the text's own span."""
    return group[index].span if index < len(group) else fallback


def narrative_texts(doc: Document) -> list[tuple[str, str, TextSpan]]:
    """Every narrative text that can hold a year: (context, text, span), captions, headings
    and running headers/footers (each wording once) included."""
    out: list[tuple[str, str, TextSpan]] = []
    for s in doc.narrative.sentences:
        out.append(("list_item" if s.kind == "list_item" else "sentence", s.text, s.span))
    for c in doc.narrative.captions:
        out.append(("caption", re.sub(r"\s+", " ", c.text).strip(), c.span))
    for h in doc.narrative.headings:
        out.append(("heading", re.sub(r"\s+", " ", h.span.text).strip(), h.span))
    seen: set[str] = set()
    for a in doc.artifacts:
        text = re.sub(r"\s+", " ", a.text).strip()
        if text not in seen and not re.fullmatch(r"[\divxlcdm\s./-]+", text, re.IGNORECASE):
            seen.add(text)
            out.append(("running_header", text, a))
    return out


def offset_text(offset: int) -> str:
    return "n" if offset == 0 else f"n{offset:+d}"


def offsets_text(offsets: list[int]) -> str:
    return ", ".join(offset_text(o) for o in offsets)


def no_plan_year() -> dict[str, str]:
    return {
        "id": "Tahun rencana (n) tidak terbaca dari sampul, judul, atau kepala tabel.",
        "en": "The plan year (n) could not be read from the cover, titles or table headers.",
    }


def check_entries(required: dict[str, Any], optional: dict[str, Any]) -> Any:
    """A Param ``check`` for a list of mappings with the given keys."""

    def _check(value: list[Any]) -> None:
        for i, entry in enumerate(value):
            if not isinstance(entry, dict):
                raise ValueError(f"item {i} must be a mapping")
            missing = [k for k in required if k not in entry]
            unknown = [k for k in entry if k not in required and k not in optional]
            if missing or unknown:
                raise ValueError(f"item {i}: missing {missing}, unknown {unknown}; keys: {[*required, *optional]}")
            for key, kind in {**required, **optional}.items():
                if key in entry and not isinstance(entry[key], kind):
                    raise ValueError(f"item {i}: '{key}' has the wrong type")
            if "pattern" in entry:
                try:
                    re.compile(entry["pattern"])
                except re.error as exc:
                    raise ValueError(f"item {i}: bad pattern: {exc}") from None

    return _check
