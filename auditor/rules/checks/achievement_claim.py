"""achievement_claim: what the evaluation chapter says about last year's achievement
agrees with T-C.29.

T-C.29 gives, per program, kegiatan and sub kegiatan (and per indicator when a row has
several), the realisation rate of year n-2 (``tingkat_realisasi``; else realisation over
target). The narrative of ``sections`` (BAB II), and any sentence naming that year
(``named_years``: a foreword or closing summing up the evaluation), must not contradict it:

* ``aspect: all`` — a claim that every target was met ("seluruh target kinerja telah
  tercapai", "tidak terdapat program/kegiatan yang tidak mencapai target") while rows
  of T-C.29 are below 100 %. A hope or a plan ("diharapkan", "akan") is no claim; "belum
  seluruh target tercapai" says the opposite.
* ``aspect: count`` — a count of what fell short ("2 (dua) sub kegiatan belum mencapai
  target") that differs from the number of T-C.29 rows of that level below 100 %.

Rows without a readable rate (not carried out, "-") are not counted either way.

PASS::  "terdapat 2 (dua) sub kegiatan yang belum mencapai target" ; T-C.29: two sub kegiatan at 86 % and 92 %
FAIL::  "seluruh target kinerja tahun 2023 telah tercapai" ; T-C.29: 7.01.02.2.01.01 at 86 %
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.findings import Evidence, Location
from auditor.model.document import Cell, Document, Level, Row, Sentence, Table, quantity_in
from auditor.rules.base import Result, Skip, Violation, cell_location, first_table
from auditor.rules.checks._indicator_util import row_parts
from auditor.rules.checks._structure_util import in_sections
from auditor.rules.params import Param

ID = "achievement_claim"
PARAMS = {
    "aspect": Param(
        str,
        default="all",
        choices=("all", "count"),
        doc="all: claims that everything was met; count: counts of shortfalls",
    ),
    "table": Param(str, default="T-C.29"),
    "sections": Param(
        list, item=str, default=["II"], doc="heading numbers whose narrative is read ('II' covers 2.1 ...)"
    ),
    "claims": Param(
        list,
        item=str,
        default=[
            r"\b(?:seluruh|semua)\s+(?:target|indikator|program|kegiatan|sub\s*kegiatan)\b[^.;:]{0,120}?"
            r"\b(?:telah\s+|sudah\s+|berhasil\s+)?(?:tercapai|dicapai|mencapai\s+target|memenuhi\s+target|terpenuhi|"
            r"terealisasi\s+100)",
            r"\btidak\s+(?:terdapat|ada)\s+(?:satu(?:pun)?\s+)?(?:target|indikator|program|kegiatan|sub\s*kegiatan)"
            r"[^.;:]{0,80}?\b(?:tidak|belum)\s+(?:mencapai|memenuhi|tercapai|terpenuhi)",
        ],
        doc="regular expressions of a claim that every target was met",
    ),
    "not_a_claim": Param(
        str,
        default=r"\b(?:belum|tidak)\s+(?:seluruh|semua)\b|\b(?:diharapkan|akan|agar|supaya|harus|semoga|upaya)\b",
        doc="words that make the sentence no claim (a negation, a hope or a plan)",
    ),
    "named_years": Param(
        list,
        item=int,
        default=[-2],
        doc="offsets from n of the year T-C.29 realised: a sentence naming it is read outside ``sections`` too",
    ),
    "shortfall": Param(
        str,
        default=r"^\s*(?:yang\s+)?(?:belum|tidak)\s+(?:mencapai|memenuhi|tercapai|terpenuhi)",
        doc="words after a counted noun that make it a count of shortfalls",
    ),
}
FIELDS = ("claim", "below", "stated", "counted", "noun", "rows", "page")

_NOUNS = (("sub kegiatan", Level.SUB_KEGIATAN), ("kegiatan", Level.KEGIATAN), ("program", Level.PROGRAM))


def _rate(cells: dict[str, Cell]) -> float | None:
    q = quantity_in(cells, "tingkat_realisasi")
    if q is not None and q.value is not None:
        return q.value
    done, target = quantity_in(cells, "realisasi_n2"), quantity_in(cells, "target_n2")
    if done is None or target is None or done.value is None or not target.value:
        return None
    return done.value / target.value * 100


def _below(table: Table) -> list[tuple[Row, dict[str, Cell], float]]:
    """Every indicator of a program, kegiatan or sub kegiatan whose rate is under 100 %."""
    out = []
    for row in table.rows:
        if row.level not in (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN):
            continue
        for _, cells in row_parts(row):
            rate = _rate(cells)
            if rate is not None and rate < 99.995:
                out.append((row, cells, rate))
    return out


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    table = first_table(doc, params["table"])
    if isinstance(table, Skip):
        yield table
        return
    if "tingkat_realisasi" not in table.columns and not {"realisasi_n2", "target_n2"} <= set(table.columns):
        yield Skip(
            {
                "id": f"{table.kind}: kolom tingkat realisasi tidak terbaca.",
                "en": f"{table.kind}: no realisation rate read.",
            }
        )
        return
    below = _below(table)
    if params["aspect"] == "all":
        yield from _claims(doc, table, below, params)
    else:
        yield from _counts(doc, table, below, params)


def _evidence(table: Table, rows: list[tuple[Row, dict[str, Cell], float]]) -> tuple[Evidence, ...]:
    out = []
    for row, cells, rate in rows[:10]:
        cell = cells.get("tingkat_realisasi") or cells.get("realisasi_n2")
        out.append(
            Evidence(
                "below_target",
                cell.text if cell else f"{rate:.2f}",
                f"{rate:.2f}",
                cell_location(table, row, "tingkat_realisasi", cell),
            )
        )
    return tuple(out)


def _row_list(rows: list[tuple[Row, dict[str, Cell], float]]) -> str:
    listed = [f"{row.code or row.label} ({round(rate, 2):g}%)" for row, _, rate in rows[:5]]
    return ", ".join(listed) + (" …" if len(rows) > 5 else "")


def _read(sentence: Sentence, plan_year: int | None, params: dict[str, Any]) -> bool:
    """The sentence speaks of last year's results: it is in the evaluation chapter, or it
    names the year T-C.29 realised (a foreword or closing that sums up the evaluation)."""
    if in_sections(sentence.section, params["sections"]):
        return True
    if plan_year is None:
        return False
    named = {int(y) for y in re.findall(r"(?<![\d.,/])((?:19|20)\d\d)(?![\d.,]\d)", sentence.text)}
    return bool(named & {plan_year + o for o in params["named_years"]})


def _claims(
    doc: Document, table: Table, below: list[tuple[Row, dict[str, Cell], float]], params: dict[str, Any]
) -> Iterator[Violation]:
    if not below:
        return
    claims = [re.compile(p, re.IGNORECASE) for p in params["claims"]]
    negated = re.compile(params["not_a_claim"], re.IGNORECASE)
    for s in doc.narrative.sentences:
        if not _read(s, doc.plan_year, params) or negated.search(s.text):
            continue
        m = next((m for p in claims if (m := p.search(s.text))), None)
        if m is None:
            continue
        loc = Location(page=s.span.page, table=None, code=None, column="narasi", row=m.group(0), bbox=s.span.bbox)
        yield Violation(
            location=loc,
            expected=None,
            actual=m.group(0),
            fields={
                "claim": m.group(0),
                "below": len(below),
                "stated": "",
                "counted": len(below),
                "noun": "",
                "rows": _row_list(below),
                "page": s.span.page,
            },
            evidence=(Evidence("claim", s.text, None, loc), *_evidence(table, below)),
        )


def _counts(
    doc: Document, table: Table, below: list[tuple[Row, dict[str, Cell], float]], params: dict[str, Any]
) -> Iterator[Result]:
    sentences = {s.id: s for s in doc.narrative.sentences}
    shortfall = re.compile(params["shortfall"], re.IGNORECASE)
    for count in doc.narrative.counts:
        s = sentences.get(count.sentence_id)
        if s is None or not _read(s, doc.plan_year, params):
            continue
        at = s.text.find(count.span.text)
        tail = s.text[at + len(count.span.text) :] if at >= 0 else ""
        head = count.span.text.split(")")[-1].strip().lower()
        noun, level = next(((n, lv) for n, lv in _NOUNS if (head + tail.lower()).lstrip().startswith(n)), (None, None))
        if noun is None:
            continue
        rest = re.sub(r"^\s*" + r"\s*".join(map(re.escape, noun.split())), "", head + tail, flags=re.IGNORECASE)
        if not shortfall.search(rest):
            continue
        rows = [b for b in below if b[0].level == level]
        counted = len({id(r) for r, _, _ in rows})
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
                "claim": s.text,
                "below": counted,
                "stated": count.value,
                "counted": counted,
                "noun": noun,
                "rows": _row_list(rows) or "-",
                "page": count.span.page,
            },
            evidence=(Evidence("stated", count.span.text, str(count.value), loc), *_evidence(table, rows)),
        )
