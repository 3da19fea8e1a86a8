"""narrative_total: a total stated in the narrative equals the table total.

Looks for Rupiah amounts the narrative presents as the total budget (a sentence
whose wording matches one of ``keywords``, e.g. "Jumlah Anggaran ... sebesar
Rp. 1.916.446.189") and compares each with the total of the first table of
``tables`` present in the document. An amount merely "allocated" to something
("Dana Kelurahan ... dialokasikan sebesar ...") is a part, not the total, and an amount
of another budget year ("pagu anggaran tahun 2024 sebesar ... terealisasi ..." in a 2026
Renja) is not this plan's total.

PASS::  "Jumlah Anggaran ... sebesar Rp. 1.916.486.189" ; T-C.33 total 1,916,486,189
FAIL::  "Jumlah Anggaran ... sebesar Rp. 1.916.446.189" ; T-C.33 total 1,916,486,189
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.findings import Evidence, Location
from auditor.model.document import Document, StatedAmount
from auditor.rules.base import (
    COLUMN_PARAM,
    TABLES_PARAM,
    TOLERANCE_PARAM,
    Result,
    Skip,
    Violation,
    money_tables,
    no_total,
    plain,
    rupiah,
    rupiah_total,
    table_name,
    table_not_found,
    total_location,
)
from auditor.rules.params import Param

ID = "narrative_total"
PARAMS = {
    "tables": TABLES_PARAM,
    "column": COLUMN_PARAM,
    "keywords": Param(
        list,
        item=str,
        default=[
            "jumlah anggaran",
            "total anggaran",
            "pagu anggaran",
            "jumlah pagu",
            "total pagu",
            "keseluruhan anggaran",
            "jumlah belanja",
            "total belanja",
        ],
        doc="words (case-insensitive) that mark a sentence stating the total",
    ),
    "tolerance": TOLERANCE_PARAM,
}
FIELDS = ("stated", "table", "table_total", "difference", "page", "sentence")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    column = params["column"]
    tables = money_tables(doc, params)
    if not tables:
        yield table_not_found(params["tables"])
        return
    table = tables[0]
    total, total_row = rupiah_total(table, column)
    if total is None:
        yield no_total(table)
        return
    pattern = re.compile("|".join(re.escape(k) for k in params["keywords"]), re.IGNORECASE)
    stated = [
        s
        for s in doc.narrative.stated_amounts
        if s.role == "total" and pattern.search(s.sentence) and _of_plan_year(s, doc.plan_year)
    ]
    if not stated:
        yield Skip(
            {
                "id": "Narasi tidak menyebutkan jumlah anggaran dalam Rupiah.",
                "en": "The narrative states no total budget in Rupiah.",
            }
        )
        return
    table_loc = total_location(table, total_row, column)
    for s in stated:
        if abs(s.value - total) <= params["tolerance"]:
            continue
        loc = Location(page=s.span.page, table=None, code=None, column="narasi", row=s.label, bbox=s.span.bbox)
        yield Violation(
            location=loc,
            expected=plain(total),
            actual=plain(s.value),
            value_kind="money",
            fields={
                "stated": rupiah(s.value),
                "table": table_name(table),
                "table_total": rupiah(total),
                "difference": rupiah(s.value - total),
                "page": s.span.page,
                "sentence": s.sentence,
            },
            evidence=(
                Evidence("stated", s.span.text, plain(s.value), loc),
                Evidence("table_total", str(rupiah(total)), plain(total), table_loc),
            ),
        )


def _of_plan_year(stated: StatedAmount, plan_year: int | None) -> bool:
    """The amount speaks of the plan year, or of no year in particular."""
    if stated.years is None or plan_year is None:
        return True
    return stated.years[0] <= plan_year <= stated.years[1]
