"""stated_count: a count the narrative states equals what the document holds.

"Program yang dipangku ... terdapat 6 (enam) program" must match the number of
programs of T-C.33; "terdiri dari 5 (lima) bab" the number of chapters. A count of a
part is not the whole: words after the noun (``subset_after``: "2 (dua) sub kegiatan
belum mencapai target") or before the count (``subset_before``: "pada 3 (tiga) sub
kegiatan") say so, and such counts are not compared. ``nouns`` maps
the word after the count to what is counted: the distinct codes of a ``level`` in a
``table``, or the ``headings`` of a level (1 = BAB). An entry may be limited to the
``sections`` it is written in (heading numbers such as "3.3"; a chapter "III" covers
its sections). The figure is compared; a figure that disagrees with its own words is
the count_words rule's business.

PASS::  "terdapat 6 (enam) program" ; T-C.33 has programs 7.01.01 … 7.01.06
FAIL::  "terdapat 6 (enam) program" ; T-C.33 has 5 programs
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.findings import Evidence, Location
from auditor.model.document import Count, Document, Level
from auditor.rules.base import Result, Skip, Violation
from auditor.rules.checks._cross_table_util import LEVEL_NAMES, coded_rows, mapping_list_check
from auditor.rules.checks._structure_util import in_sections
from auditor.rules.params import Param

ID = "stated_count"


def _check_nouns(value: list[Any]) -> None:
    mapping_list_check({"noun"}, {"table", "level", "headings", "sections"})(value)
    for item in value:
        if ("table" in item) == ("headings" in item):
            raise ValueError(f"item {item} needs either 'table' (with 'level') or 'headings'")
        if "table" in item and item.get("level") not in LEVEL_NAMES:
            raise ValueError(f"item {item}: 'level' must be one of {list(LEVEL_NAMES)}")
        if "headings" in item and not isinstance(item["headings"], int):
            raise ValueError(f"item {item}: 'headings' must be a heading level (1 = BAB)")


PARAMS = {
    "nouns": Param(
        list,
        item=dict,
        check=_check_nouns,
        default=[
            {"noun": "sub kegiatan", "table": "T-C.33", "level": "sub_kegiatan", "sections": ["III", "IV"]},
            {"noun": "kegiatan", "table": "T-C.33", "level": "kegiatan", "sections": ["III", "IV"]},
            {"noun": "program", "table": "T-C.33", "level": "program", "sections": ["III", "IV"]},
            {"noun": "bab", "headings": 1},
        ],
        doc="what each counted noun stands for: {noun, table, level} or {noun, headings}, optional sections",
    ),
    "subset_after": Param(
        str,
        default=r"^\s*(?:yang\s+)?(?:belum|tidak|telah|sudah|masih|mencapai|memenuhi|melebihi|melampaui|terealisasi|"
        r"tercapai|kurang|di\s*bawah|di\s*atas|memiliki|mengalami|dengan\s+(?:capaian|realisasi|kebutuhan|target)|"
        r"antara\s+lain|di\s*antaranya|diantaranya)\b",
        doc='words right after the noun that make the count a part of the whole ("2 sub kegiatan belum mencapai target")',
    ),
    "subset_before": Param(
        str,
        default=r"\b(?:pada|untuk|bagi|kepada|terhadap|dari|sebanyak)\s*$",
        doc='words right before the count that make it a part of the whole ("pada 3 sub kegiatan")',
    ),
}
FIELDS = ("stated", "words", "noun", "counted", "source", "page", "text")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    sentences = {s.id: s for s in doc.narrative.sentences}
    # Longest noun first: "sub kegiatan" before "kegiatan".
    entries = sorted(params["nouns"], key=lambda e: -len(e["noun"]))
    evaluated = 0
    after, before = (
        re.compile(params["subset_after"], re.IGNORECASE),
        re.compile(params["subset_before"], re.IGNORECASE),
    )
    for count in doc.narrative.counts:
        sentence = sentences.get(count.sentence_id)
        text = sentence.text if sentence else count.span.text
        entry = _entry_for(count, text, entries)
        if entry is None or not _in_sections(sentence.section if sentence else None, entry.get("sections")):
            continue
        if _subset(count, text, entry["noun"], after, before):
            continue  # "2 (dua) sub kegiatan belum mencapai target" counts a part, not the whole
        counted, source = _counted(doc, entry)
        if counted is None:
            continue
        evaluated += 1
        if counted == count.value:
            continue
        loc = Location(
            page=count.span.page, table=None, code=None, column="narasi", row=count.span.text, bbox=count.span.bbox
        )
        yield Violation(
            location=loc,
            expected=str(counted),
            actual=str(count.value),
            fields={
                "stated": count.value,
                "words": count.words,
                "noun": entry["noun"],
                "counted": counted,
                "source": source,
                "page": count.span.page,
                "text": sentence.text if sentence else count.span.text,
            },
            evidence=(Evidence("stated", count.span.text, str(count.value), loc),),
        )
    if evaluated == 0:
        yield Skip(
            {
                "id": "Narasi tidak menyebut jumlah program/kegiatan/bab yang dapat dihitung.",
                "en": "The narrative states no count of programs/kegiatan/chapters that can be counted.",
            }
        )


def _entry_for(count: Count, sentence: str, entries: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The entry whose noun follows the count: "6 (enam) sub kegiatan" → "sub kegiatan"."""
    at = sentence.find(count.span.text)
    head = count.span.text if at < 0 else sentence[at:]
    after = re.sub(r"^\s*\d+\s*\([^)]*\)\s*", "", head).lower()
    for entry in entries:
        if re.match(re.escape(entry["noun"].lower()) + r"\b", after):
            return entry
    return None


def _subset(count: Count, sentence: str, noun: str, after: re.Pattern[str], before: re.Pattern[str]) -> bool:
    at = sentence.find(count.span.text)
    if at < 0:
        return False
    head = sentence[:at]
    tail = sentence[at + len(count.span.text) :]
    # The span ends at the noun's first word; the rest of the noun is still in the tail.
    rest = (
        re.sub(r"^\s*" + r"\s*".join(map(re.escape, noun.split()[1:])), "", tail, flags=re.IGNORECASE)
        if " " in noun
        else tail
    )
    return bool(after.search(rest) or before.search(head))


def _in_sections(section: str | None, sections: list[str] | None) -> bool:
    return not sections or in_sections(section, sections)


def _counted(doc: Document, entry: dict[str, Any]) -> tuple[int | None, str]:
    if "headings" in entry:
        level = entry["headings"]
        numbers = {h.number for h in doc.narrative.headings if h.level == level}
        return (len(numbers) if numbers else None), "BAB" if level == 1 else f"heading level {level}"
    tables = doc.tables_of(entry["table"])
    if not tables:
        return None, entry["table"]
    level = Level(entry["level"])
    codes = {r.code for r in coded_rows(tables[0]) if r.level == level}
    return (len(codes) if codes else None), entry["table"]
