"""narrative_list: the program/kegiatan/sub kegiatan list of a section names what the
table plans.

BAB III (3.3) and BAB IV list the programs, kegiatan and sub kegiatan, e.g.
"A. Program Penunjang …", "I. Kegiatan …", "1. Sub Kegiatan …", or just "a) Penyusunan
Dokumen …". The lists of ``section`` (and its sub-sections) whose items mostly start
with a level word or name a row of the table are read; an item's level is its leading
word (``level_words``), else the level of the row it names, else its depth
(``depth_levels``: depth 1, 2, 3 …); an unmarked item without a level word continues
the item before it (a wrapped line, also across a page). With ``adjacent_paragraphs``, short paragraphs
starting with a level word right before or after the list (an unnumbered first item)
are items too.

Items are paired with the ``table``'s rows of the same level by name (the leading
level words stripped; case, spaces and punctuation ignored; rapidfuzz ratio ≥
``match_threshold``, or one name cut short of the other), best pairs first. A level
the list does not mention at all is not compared. ``kind`` says what the rule reports:

* ``missing``: a table row no item names (expected: its name in the table);
* ``extra``: an item naming no table row (actual: the item's text);
* ``duplicate``: an item naming the same thing as an earlier item (reported once);
* ``misnamed``: a paired item whose name is below ``name_threshold`` (an item that
  merely runs on past the name is not misnamed; one cut short is);
* ``amount``: a paired item stating one rupiah amount ("Program … sebesar Rp 1.028.200.000")
  that differs from the row's ``amount_column`` (times the unit its header or caption
  states). An item stating several amounts, or naming a year other than n, is not read.

PASS::  BAB IV: 1. Program Penunjang … 6. Program Pembinaan … ; T-C.33: the same 6 programs
FAIL::  BAB IV: Penunjang, Penyelenggaraan …, Pemberdayaan …, Urusan Umum, Pemberdayaan … (again)
        → duplicate "Pemberdayaan …"; missing "Koordinasi Ketentraman …" and "Pembinaan …"
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from auditor.findings import Evidence, Location
from auditor.model.document import Document, Level, ListItem, Row, Sentence, Table, TextSpan
from auditor.rules.base import Result, Skip, Violation, plain, rupiah
from auditor.rules.checks._cross_table_util import (
    LEVEL_NAMES,
    LEVEL_WORDS,
    LEVELS_PARAM,
    first,
    likeness,
    mapping_list_check,
    norm,
)
from auditor.rules.checks._structure_util import in_sections
from auditor.rules.params import Param

ID = "narrative_list"
KINDS = ("missing", "extra", "duplicate", "misnamed", "amount")
_LIST_LEVELS = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)


def _check_level_words(value: list[Any]) -> None:
    mapping_list_check({"word", "level"}, set())(value)
    for item in value:
        if item["level"] not in LEVEL_NAMES:
            raise ValueError(f"item {item}: 'level' must be one of {list(LEVEL_NAMES)}")


PARAMS = {
    "section": Param(str, default="3.3", doc="heading number of the section holding the list ('IV' = BAB IV)"),
    "table": Param(str, default="T-C.33"),
    "kind": Param(str, default="missing", choices=KINDS, doc="what the rule reports"),
    "levels": LEVELS_PARAM,
    "depth_levels": Param(
        list,
        item=str,
        default=list(LEVEL_NAMES),
        choices=LEVEL_NAMES,
        doc="level of an item without a level word, by its depth (1, 2, 3 ...)",
    ),
    "level_words": Param(
        list,
        item=dict,
        check=_check_level_words,
        default=[
            {"word": "sub kegiatan", "level": "sub_kegiatan"},
            {"word": "kegiatan", "level": "kegiatan"},
            {"word": "program", "level": "program"},
        ],
        doc="leading words that name an item's level; stripped before comparing names",
    ),
    "match_threshold": Param(float, default=75.0, minimum=0, doc="least likeness pairing an item with a row"),
    "name_threshold": Param(float, default=99.0, minimum=0, doc="likeness below which a paired item is misnamed"),
    "adjacent_paragraphs": Param(bool, default=True, doc="an unnumbered paragraph item next to the list counts"),
    "amount_column": Param(
        str, default="amount", doc="the table's money column an item's amount is compared with (kind amount)"
    ),
}
FIELDS = ("section", "level", "item", "expected", "code", "table", "page", "stated")


@dataclass
class _Item:
    level: Level
    name: str  # without the level words
    text: str  # as written
    span: TextSpan
    adjacent: bool = False  # an unmarked paragraph next to the list, not one of its items


def _names_a_row(item: _Item, rows: list[Row], params: dict[str, Any]) -> bool:
    """An unmarked paragraph beside a list is an item only when it names one of the table's
    rows: "Program utama tersebut dilaksanakan ..." after the list is a sentence about it."""
    words = _word_pattern(params)
    return any(
        _score(item.name, words.sub("", r.label, count=1).strip()) >= params["match_threshold"]
        for r in rows
        if r.level == item.level and r.code
    )


@dataclass
class _Entry:
    level: Level
    name: str
    row: Row


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    table = first(doc.tables_of(params["table"]))
    if table is None:
        yield Skip({"id": f"Tabel {params['table']} tidak ditemukan.", "en": f"Table {params['table']} not found."})
        return
    items = [i for i in _items(doc, params, table.rows) if not i.adjacent or _names_a_row(i, table.rows, params)]
    if not items:
        yield Skip(
            {
                "id": f"Bagian {params['section']} tidak memuat daftar program/kegiatan.",
                "en": f"Section {params['section']} holds no list of programs/kegiatan.",
            }
        )
        return
    words = _word_pattern(params)
    for level in (Level(v) for v in params["levels"]):
        level_items = [i for i in items if i.level == level]
        if not level_items:
            continue  # the list does not go down to this level
        entries = _entries(table.rows, level, words)
        if params["kind"] == "amount":
            pairs = _pair(level_items, entries, params["match_threshold"])
            yield from _amounts(doc, table, pairs, params)
        else:
            yield from _compare(level_items, entries, table.kind, params)


def _amounts(
    doc: Document, table: Table, pairs: list[tuple[_Item, _Entry]], params: dict[str, Any]
) -> Iterator[Violation]:
    column = params["amount_column"]
    unit = table.money_units.get(column, 1)
    for item, entry in pairs:
        value = entry.row.amount(column)
        stated = [a for a in doc.narrative.stated_amounts if _inside(a.span, item.span)]
        if value is None or len(stated) != 1:
            continue
        amount = stated[0]
        if amount.years is not None and doc.plan_year is not None and amount.years != (doc.plan_year, doc.plan_year):
            continue  # the amount of another year ("pagu tahun 2025 sebesar …")
        if amount.value == value * unit:
            continue
        name = _AMOUNT_LEAD.sub("", item.text.split(amount.span.text)[0])
        written = _violation(params, item.level, item.span, name, str(rupiah(value * unit)), entry.row.code, table.kind)
        yield replace(
            written,
            expected=plain(value * unit),
            actual=plain(amount.value),
            value_kind="money",
            fields={**written.fields, "stated": rupiah(amount.value)},
            evidence=(*written.evidence, Evidence("stated", amount.span.text, plain(amount.value), written.location)),
        )


# Words between an item's name and its amount: "… sebesar Rp", "… dengan pagu Rp".
_AMOUNT_LEAD = re.compile(
    r"[\s,:;–-]*(?:(?:sebesar|senilai|dengan\s+pagu(?:\s+indikatif)?|pagu(?:\s+indikatif)?)\s*)?(?:Rp\.?\s*)?$",
    re.IGNORECASE,
)


def _inside(span: TextSpan, box: TextSpan) -> bool:
    if span.page != box.page or span.bbox is None or box.bbox is None:
        return False
    x = (span.bbox.x0 + span.bbox.x1) / 2
    y = (span.bbox.top + span.bbox.bottom) / 2
    return box.bbox.x0 - 1 <= x <= box.bbox.x1 + 1 and box.bbox.top - 1 <= y <= box.bbox.bottom + 1


def _compare(items: list[_Item], entries: list[_Entry], table: str, params: dict[str, Any]) -> Iterator[Violation]:
    pairs = _pair(items, entries, params["match_threshold"])
    paired_items = {id(i) for i, _ in pairs}
    paired_entries = {id(e) for _, e in pairs}
    kind = params["kind"]
    if kind == "missing":
        anchor = items[0].span
        for entry in entries:
            if id(entry) not in paired_entries:
                yield _violation(params, entry.level, anchor, None, entry.row.label, entry.row.code, table)
    elif kind == "misnamed":
        for item, entry in pairs:
            if _misnamed(item, entry, params["name_threshold"]):
                yield _violation(params, item.level, item.span, item.text, entry.row.label, entry.row.code, table)
    else:
        for n, item in enumerate(items):
            if id(item) in paired_items:
                continue
            twin = next((o for o in items[:n] if likeness(o.name, item.name) >= params["name_threshold"]), None)
            if (twin is not None) == (kind == "duplicate"):
                yield _violation(params, item.level, item.span, item.text, twin.text if twin else None, None, table)


def _misnamed(item: _Item, entry: _Entry, threshold: float) -> bool:
    # Text running on past the name is a reading artefact (the next sentence glued to
    # the last item); a name cut short is a real difference. A name that itself starts
    # with its level word ("Kegiatan Pemberdayaan Kelurahan") is compared whole too, as
    # "a) Kegiatan Kegiatan Pemberdayaan Kelurahan" writes it.
    names = ((item.name, entry.name), (item.name, entry.row.label))
    if any(norm(a).startswith(norm(b)) for a, b in names if b):
        return False
    return all(likeness(a, b) < threshold for a, b in names)


def _pair(items: list[_Item], entries: list[_Entry], threshold: float) -> list[tuple[_Item, _Entry]]:
    scored = sorted(
        ((_score(item.name, entry.name), i, j) for i, item in enumerate(items) for j, entry in enumerate(entries)),
        key=lambda s: (-s[0], s[1], s[2]),
    )
    used_i: set[int] = set()
    used_j: set[int] = set()
    pairs = []
    for score, i, j in scored:
        if score < threshold or i in used_i or j in used_j:
            continue
        used_i.add(i)
        used_j.add(j)
        pairs.append((items[i], entries[j]))
    return pairs


def _score(item: str, name: str) -> float:
    ni, nn = norm(item), norm(name)
    # An item running on past the name (the next sentence glued on), or cut short of it
    # (at least half of it is there): the same thing, maybe misnamed.
    if (nn and ni.startswith(nn)) or (ni and nn.startswith(ni) and len(ni) * 2 >= len(nn)):
        return max(likeness(item, name), 90.0)
    return likeness(item, name)


def _entries(rows: list[Row], level: Level, words: re.Pattern[str]) -> list[_Entry]:
    seen: set[str] = set()
    out = []
    for row in rows:
        if row.level != level or not row.code or row.code in seen:
            continue
        seen.add(row.code)
        out.append(_Entry(level, words.sub("", row.label, count=1).strip(), row))
    return out


def _word_pattern(params: dict[str, Any]) -> re.Pattern[str]:
    words = sorted((w["word"] for w in params["level_words"]), key=len, reverse=True)
    alternatives = "|".join(_word_regex(w) for w in words)
    return re.compile(rf"^\s*(?:{alternatives})\s*")


def _word_regex(word: str) -> str:
    """The word in any case, spaced or glued ("Sub Kegiatan", "SUBKEGIATAN"), and not
    the start of a longer lower-case word; a glued capital ("PROGRAMPENUNJANG") is fine."""
    return "(?i:" + r"\s*".join(map(re.escape, word.split())) + ")(?![a-z])"


def _level_of_words(text: str, params: dict[str, Any]) -> Level | None:
    for entry in sorted(params["level_words"], key=lambda w: -len(w["word"])):
        if re.match(r"\s*" + _word_regex(entry["word"]), text):
            return Level(entry["level"])
    return None


Names = list[tuple[str, Level]]  # the table rows an item may name: label without its level word, level


def _row_names(rows: list[Row], params: dict[str, Any]) -> Names:
    words = _word_pattern(params)
    return [(words.sub("", r.label, count=1).strip(), r.level) for r in rows if r.code and r.level in _LIST_LEVELS]


def _named_level(text: str, names: Names, params: dict[str, Any]) -> Level | None:
    """The level of the table row an item names by its wording, whatever its marker."""
    words = _word_pattern(params)
    name = words.sub("", text.strip().rstrip(";.,:"), count=1).strip()
    best = max(((_score(name, label), level) for label, level in names), default=(0.0, None), key=lambda x: x[0])
    return best[1] if best[0] >= params["match_threshold"] else None


def _items(doc: Document, params: dict[str, Any], rows: list[Row]) -> list[_Item]:
    words = _word_pattern(params)
    names = _row_names(rows, params)
    out: list[_Item] = []
    for raw in _raw_items(doc, params, names):
        level = _level_of_words(raw.text, params) or (_named_level(raw.text, names, params) if raw.marker else None)
        if level is None and not raw.marker and out:
            # An unmarked line without a level word continues the item above (a wrapped line).
            last = out[-1]
            last.text = f"{last.text} {raw.text}"
            last.name = f"{last.name} {raw.text}"
            continue
        if level is None:
            depth_levels = params["depth_levels"]
            if not 1 <= raw.depth <= len(depth_levels):
                continue
            level = Level(depth_levels[raw.depth - 1])
        text = raw.text.strip().rstrip(";.,:").strip()
        out.append(_Item(level, words.sub("", text, count=1).strip(), text, raw.span, adjacent=raw.depth == 0))
    return out


def _raw_items(doc: Document, params: dict[str, Any], names: Names) -> list[ListItem]:
    items: list[ListItem] = []
    for nl in doc.narrative.lists:
        if not _in_section(nl.section, params["section"]) or not _looks_like_program_list(nl.items, params, names):
            continue
        extra_before, extra_after = _adjacent(doc, nl.items, params) if params["adjacent_paragraphs"] else ([], [])
        items += extra_before + nl.items + extra_after
    return items


def _in_section(section: str | None, wanted: str) -> bool:
    return in_sections(section, [wanted])


def _looks_like_program_list(items: list[ListItem], params: dict[str, Any], names: Names) -> bool:
    """Most items start with a level word ("Program ...", "Sub Kegiatan ...") or name one of
    the table's rows, however they are numbered ("A.", "I.", "1.", "a)")."""
    named = sum(
        _level_of_words(i.text, params) is not None or _named_level(i.text, names, params) is not None for i in items
    )
    return named * 2 >= len(items) and named > 0


def _adjacent(doc: Document, items: list[ListItem], params: dict[str, Any]) -> tuple[list[ListItem], list[ListItem]]:
    """Paragraphs next to the list that are items without a marker: "Program Penunjang …;"
    written before "2. Program …". An introduction ("… yaitu:") is not an item."""
    sentences = doc.narrative.sentences
    index = {(s.span.page, s.text.strip()): n for n, s in enumerate(sentences)}
    first_at = index.get((items[0].span.page, items[0].text.strip()))
    last_at = index.get((items[-1].span.page, items[-1].text.strip()))
    before: list[ListItem] = []
    after: list[ListItem] = []
    if first_at is not None:
        n = first_at - 1
        while n >= 0 and _paragraph_item(sentences[n], sentences[first_at], params):
            before.insert(0, _as_item(sentences[n]))
            n -= 1
    if last_at is not None:
        n = last_at + 1
        while n < len(sentences) and _paragraph_item(sentences[n], sentences[last_at], params):
            after.append(_as_item(sentences[n]))
            n += 1
    return before, after


def _paragraph_item(sentence: Sentence, neighbour: Sentence, params: dict[str, Any]) -> bool:
    text = sentence.text.strip()
    return (
        sentence.kind == "paragraph"
        and sentence.section == neighbour.section
        and not text.endswith(":")
        and len(text.split()) <= 25
        and _level_of_words(text, params) is not None
    )


def _as_item(sentence: Sentence) -> ListItem:
    return ListItem(marker="", text=sentence.text, depth=0, span=sentence.span)  # depth 0: not in the list itself


def _violation(
    params: dict[str, Any],
    level: Level,
    span: TextSpan,
    item: str | None,
    expected: str | None,
    code: str | None,
    table: str,
) -> Violation:
    loc = Location(page=span.page, table=None, code=code, column="narasi", row=item, bbox=span.bbox)
    return Violation(
        location=loc,
        expected=expected,
        actual=item,
        fields={
            "section": params["section"],
            "level": LEVEL_WORDS[level.value],
            "item": item or "",
            "expected": expected or "",
            "code": code or "",
            "table": table,
            "page": span.page,
        },
        evidence=(Evidence("list_item", span.text, None, loc),),
    )
