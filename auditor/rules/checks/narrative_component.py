"""narrative_component: a budget component the narrative states equals its rows in the table.

"… terdiri dari Belanja Pegawai sebesar Rp. 1.267.300.839 dan Belanja Barang dan Jasa
sebesar Rp. 649.185.350": each stated component whose label is in ``components`` is
compared with the table. A component maps to ``codes`` — canonical codes where ``X``
stands for any digit, so ``X.XX.01.2.02.01`` (Penyediaan Gaji dan Tunjangan ASN) fits
every unit's support program — and is the sum of those rows' ``column``; or it is the
``rest``: the table total minus the code-mapped components, which is only evaluated
when the sentence splits a stated total and every component of it has a mapping
(otherwise the rest is unknown).

PASS::  "Belanja Pegawai sebesar Rp. 1.267.300.839" ; T-C.33 7.01.01.2.02.01 1.267.300.839
FAIL::  "Belanja Barang dan Jasa sebesar Rp. 649.145.350" ; total 1.916.486.189 − 1.267.300.839
        = 649.185.350
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from auditor.findings import Evidence, Location
from auditor.model.document import Document, Level, StatedAmount, Table
from auditor.rules.base import Result, Skip, Violation, plain, rupiah, rupiah_total, table_name
from auditor.rules.checks._cross_table_util import first, mapping_list_check, norm
from auditor.rules.params import Param

ID = "narrative_component"


def _check_components(value: list[Any]) -> None:
    mapping_list_check({"label"}, {"codes", "rest"})(value)
    for item in value:
        if ("codes" in item) == bool(item.get("rest")):
            raise ValueError(f"item {item} needs either 'codes' (a list) or 'rest: true'")
        if "codes" in item and not (isinstance(item["codes"], list) and all(isinstance(c, str) for c in item["codes"])):
            raise ValueError(f"item {item}: 'codes' must be a list of codes")


PARAMS = {
    "table": Param(str, default="T-C.33"),
    "column": Param(str, default="amount"),
    "components": Param(
        list,
        item=dict,
        check=_check_components,
        default=[
            {"label": "Belanja Pegawai", "codes": ["X.XX.01.2.02.01"]},
            {"label": "Belanja Barang dan Jasa", "rest": True},
        ],
        doc="stated label -> {codes: [...]} (X = any digit) or {rest: true} (total minus the other components)",
    ),
    "tolerance": Param(int, default=0, minimum=0, doc="allowed difference in rupiah"),
}
FIELDS = ("label", "stated", "computed", "difference", "table", "source", "page", "sentence")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    table = first(t for t in doc.tables_of(params["table"]) if params["column"] in t.columns)
    if table is None:
        yield Skip({"id": f"Tabel {params['table']} tidak ditemukan.", "en": f"Table {params['table']} not found."})
        return
    by_sentence: dict[int, list[StatedAmount]] = defaultdict(list)
    with_total: set[int] = set()
    for s in doc.narrative.stated_amounts:
        if s.role == "component":
            by_sentence[s.sentence_id].append(s)
        elif s.role == "total":
            with_total.add(s.sentence_id)
    evaluated = 0
    for sid, parts in by_sentence.items():
        for stated, computed, source in _expected(parts, table, params, sid in with_total):
            evaluated += 1
            if abs(stated.value - computed) > params["tolerance"]:
                yield _violation(stated, computed, source, table)
    if evaluated == 0:
        yield Skip(
            {
                "id": "Narasi tidak menyebut rincian anggaran yang dikenal (mis. Belanja Pegawai).",
                "en": "The narrative states no known budget component (e.g. Belanja Pegawai).",
            }
        )


def _expected(
    parts: list[StatedAmount], table: Table, params: dict[str, Any], of_total: bool
) -> Iterator[tuple[StatedAmount, int, str | dict[str, str]]]:
    """(stated component, its value per the table, where that value comes from). The rest
    is only known when the parts split the stated total (``of_total``), not a part of it
    ("Belanja Operasi meliputi Belanja Pegawai ... dan Belanja Barang dan Jasa ...")."""
    mapped = [(p, _component(p, params)) for p in parts]
    by_codes = [(p, c) for p, c in mapped if c is not None and "codes" in c]
    coded_sums: dict[int, int] = {}
    for part, comp in by_codes:
        total, codes = _sum_codes(table, comp["codes"], params["column"])
        if codes:
            coded_sums[id(part)] = total
            yield part, total, " + ".join(codes)
    everything_known = all(c is not None for _, c in mapped) and len(coded_sums) == len(by_codes)
    rest = [p for p, c in mapped if c is not None and c.get("rest")]
    if of_total and everything_known and len(rest) == 1:
        whole, _ = rupiah_total(table, params["column"])
        if whole is not None:
            minus = " − ".join(p.label for p, _ in by_codes)
            yield (
                rest[0],
                whole - sum(coded_sums.values()),
                {
                    "id": f"jumlah {table.kind} − {minus}",
                    "en": f"{table.kind} total − {minus}",
                },
            )


def _component(part: StatedAmount, params: dict[str, Any]) -> dict[str, Any] | None:
    for comp in params["components"]:
        if norm(comp["label"]) in norm(part.label):
            return comp
    return None


def _sum_codes(table: Table, patterns: list[str], column: str) -> tuple[int, list[str]]:
    regexes = [re.compile("^" + re.escape(p).replace("X", r"\d") + "$") for p in patterns]
    rows = [
        r
        for r in table.rows
        if r.code
        and r.level in (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)
        and any(x.match(r.code) for x in regexes)
    ]
    seen: set[str] = set()
    total = 0
    for row in rows:
        if row.code in seen or row.amount(column) is None:
            continue
        seen.add(str(row.code))
        total += row.amount(column) or 0
    return total * table.money_units.get(column, 1), sorted(seen)


def _violation(stated: StatedAmount, computed: int, source: str | dict[str, str], table: Table) -> Violation:
    loc = Location(
        page=stated.span.page, table=None, code=None, column="narasi", row=stated.label, bbox=stated.span.bbox
    )
    return Violation(
        location=loc,
        expected=plain(computed),
        actual=plain(stated.value),
        value_kind="money",
        fields={
            "label": stated.label,
            "stated": rupiah(stated.value),
            "computed": rupiah(computed),
            "difference": rupiah(stated.value - computed),
            "table": table_name(table),
            "source": source,
            "page": stated.span.page,
            "sentence": stated.sentence,
        },
        evidence=(Evidence("stated", stated.span.text, plain(stated.value), loc),),
    )
