"""sum_children: a parent's amount equals the sum of its children's amounts.

Program = Σ kegiatan, kegiatan = Σ sub kegiatan, sub kegiatan = Σ aktivitas, for
one money column (plan year ``amount`` or forward estimate ``amount_next``).
A parent without children is not compared. An empty child counts as zero and is
reported in the message.

PASS (tolerance 0)::

    7.01.01.2.01     12.000.000
    7.01.01.2.01.01   4.000.000
    7.01.01.2.01.02   8.000.000

FAIL::

    7.01.01.2.09.06  13.200.000      <- stated
      Pemeliharaan AC       4.200.000
      Personal Komputer    10.200.000
      Peralatan PC          5.850.000   (sum 20.250.000)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from auditor.i18n import both
from auditor.model.document import Document, Level
from auditor.rules.base import (
    COLUMN_PARAM,
    TABLES_PARAM,
    TOLERANCE_PARAM,
    Result,
    Skip,
    Violation,
    amount_evidence,
    cell_location,
    money_tables,
    plain,
    rupiah,
    table_name,
    table_not_found,
)
from auditor.rules.params import Param

ID = "sum_children"
PARAMS = {
    "tables": TABLES_PARAM,
    "column": COLUMN_PARAM,
    "levels": Param(
        list,
        item=str,
        default=["program", "kegiatan", "sub_kegiatan"],
        choices=("program", "kegiatan", "sub_kegiatan"),
        doc="parent levels to check",
    ),
    "tolerance": TOLERANCE_PARAM,
}
FIELDS = (
    "code",
    "level",
    "column",
    "table",
    "stated",
    "computed",
    "difference",
    "children",
    "empty_children",
    "empty_note",
)


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    column = params["column"]
    tables = money_tables(doc, params)
    if not tables:
        yield table_not_found(params["tables"])
        return
    levels = {Level(v) for v in params["levels"]}
    for table in tables:
        # A code written on several rows (often a sub kegiatan cut to its kegiatan code)
        # makes the hierarchy ambiguous: such sums are not evaluated rather than guessed.
        seen: Counter[str] = Counter(r.code for r in table.rows if r.code)
        duplicated = {code for code, n in seen.items() if n > 1}
        ambiguous: list[str] = []
        for row in table.rows:
            if row.level not in levels:
                continue
            children = table.children(row)
            if not children:
                continue
            if row.code in duplicated or any(c.code in duplicated for c in children):
                ambiguous.append(row.code or "")
                continue
            stated = row.amount(column)
            values = [c.amount(column) for c in children]
            if stated is None and all(v is None for v in values):
                continue
            computed = sum(v or 0 for v in values)
            if stated is not None and abs(stated - computed) <= params["tolerance"]:
                continue
            empty = sum(1 for v in values if v is None)
            amount = row.amounts.get(column)
            evidence = [amount_evidence("child", table, c, column) for c in children]
            parent = amount_evidence("parent", table, row, column)
            yield Violation(
                location=cell_location(table, row, column, amount.cell if amount else row.cells.get(column)),
                expected=plain(computed),
                actual=plain(stated),
                value_kind="money",
                fields={
                    "code": row.code or "",
                    "level": both(f"level.{row.level.value}"),
                    "column": both(f"col.{column}"),
                    "table": table_name(table),
                    "stated": rupiah(stated),
                    "computed": rupiah(computed),
                    "difference": rupiah(None if stated is None else stated - computed),
                    "children": len(children),
                    "empty_children": empty,
                    "empty_note": both("empty_children", n=empty) if empty else "",
                },
                evidence=tuple(e for e in [parent, *evidence] if e is not None),
            )
        if ambiguous:
            codes = ", ".join(sorted(set(ambiguous)))
            dups = ", ".join(sorted(duplicated))
            yield Skip(
                {
                    "id": f"{table.kind}: jumlah {codes} tidak diperiksa karena kode {dups} tertulis pada lebih dari satu baris.",
                    "en": f"{table.kind}: sums of {codes} not checked because code(s) {dups} appear on more than one row.",
                }
            )
