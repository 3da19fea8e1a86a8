"""Check types on small hand-built documents: the PASS/FAIL examples of their docstrings."""

from __future__ import annotations

import pytest
from builders import document, row, table

from auditor.model.document import BBox, Document, Level, Narrative, Row, StatedAmount, Table, TextSpan
from auditor.rules.base import Skip, Violation
from auditor.rules.checks import grand_total, narrative_split, narrative_total, sum_children, tables_agree

pytestmark = [pytest.mark.unit]

BOX = BBox(10, 10, 50, 20)


def _row(i: int, level: Level, code: str | None, amount: int | None, nxt: int | None = None, label: str = "x") -> Row:
    amounts = {k: "" if v is None else f"{v:,}" for k, v in (("amount", amount), ("amount_next", nxt))}
    return row(i, level, code, {"name" if code else "aktivitas": label, **amounts})


def _table(kind: str, spec: list[tuple[Level, str | None, int | None, int | None]]) -> Table:
    rows = [_row(i, lvl, code, amt, nxt) for i, (lvl, code, amt, nxt) in enumerate(spec)]
    return table(kind, rows, ["code", "name", "aktivitas", "amount", "amount_next"])


def _doc(*tables: Table, stated: list[StatedAmount] | None = None) -> Document:
    return document(*tables, narrative=Narrative([], stated or []), pages=1)


PASSING = [
    (Level.TOTAL, None, 12_000_000, 13_200_000),
    (Level.PROGRAM, "7.01.01", 12_000_000, 13_200_000),
    (Level.KEGIATAN, "7.01.01.2.01", 12_000_000, 13_200_000),
    (Level.SUB_KEGIATAN, "7.01.01.2.01.01", 4_000_000, 4_400_000),
    (Level.AKTIVITAS, None, 4_000_000, 4_400_000),
    (Level.SUB_KEGIATAN, "7.01.01.2.01.02", 8_000_000, 8_800_000),
]
FAILING = [
    (Level.PROGRAM, "7.01.01", 60_490_000, None),
    (Level.KEGIATAN, "7.01.01.2.09", 60_490_000, None),
    (Level.SUB_KEGIATAN, "7.01.01.2.09.06", 13_200_000, None),
    (Level.AKTIVITAS, None, 4_200_000, None),
    (Level.AKTIVITAS, None, 10_200_000, None),
    (Level.AKTIVITAS, None, 5_850_000, None),
    (Level.SUB_KEGIATAN, "7.01.01.2.09.02", 47_290_000, None),
    (Level.AKTIVITAS, None, None, None),
]
PARAMS = {"tables": ["T-C.33"], "column": "amount", "levels": ["program", "kegiatan", "sub_kegiatan"], "tolerance": 0}


def test_sum_children_passes_consistent_table() -> None:
    assert list(sum_children.check(_doc(_table("T-C.33", PASSING)), PARAMS)) == []
    assert list(sum_children.check(_doc(_table("T-C.33", PASSING)), {**PARAMS, "column": "amount_next"})) == []


def test_sum_children_reports_each_inconsistent_parent() -> None:
    results = list(sum_children.check(_doc(_table("T-C.33", FAILING)), PARAMS))
    assert all(isinstance(r, Violation) for r in results)
    got = {(r.location.code, r.expected, r.actual) for r in results}
    assert got == {("7.01.01.2.09.06", "20250000", "13200000"), ("7.01.01.2.09.02", "0", "47290000")}
    empty = next(r for r in results if r.location.code == "7.01.01.2.09.02")
    assert empty.fields["empty_children"] == 1
    assert empty.location.bbox is not None and empty.evidence


def test_sum_children_tolerance() -> None:
    params = {**PARAMS, "levels": ["sub_kegiatan"], "tolerance": 7_050_000}
    results = list(sum_children.check(_doc(_table("T-C.33", FAILING[:6])), params))
    assert results == []


def test_missing_table_is_not_evaluated_not_passed() -> None:
    (result,) = list(sum_children.check(_doc(_table("Tabel 4.1", PASSING)), PARAMS))
    assert isinstance(result, Skip) and "T-C.33" in result.reasons["en"]


def test_grand_total() -> None:
    params = {"tables": ["T-C.33"], "column": "amount", "tolerance": 0}
    assert list(grand_total.check(_doc(_table("T-C.33", PASSING)), params)) == []
    wrong = [(Level.TOTAL, None, 12_500_000, None), *PASSING[1:]]
    (v,) = list(grand_total.check(_doc(_table("T-C.33", wrong)), params))
    assert isinstance(v, Violation) and (v.expected, v.actual) == ("12000000", "12500000")
    (skip,) = list(grand_total.check(_doc(_table("T-C.33", PASSING[1:])), params))
    assert isinstance(skip, Skip)


def test_tables_agree() -> None:
    params = {"tables": ["T-C.33", "Tabel 4.1"], "column": "amount", "tolerance": 0}
    same = _doc(_table("T-C.33", PASSING), _table("Tabel 4.1", PASSING))
    assert list(tables_agree.check(same, params)) == []
    other = [(Level.TOTAL, None, 12_040_000, None), *PASSING[1:]]
    (v,) = list(tables_agree.check(_doc(_table("T-C.33", PASSING), _table("Tabel 4.1", other)), params))
    assert isinstance(v, Violation) and v.location.table == "Tabel 4.1" and v.actual == "12040000"
    (skip,) = list(tables_agree.check(_doc(_table("T-C.33", PASSING)), params))
    assert isinstance(skip, Skip)


def _stated(value: int, role: str, label: str, sentence: str = "Jumlah Anggaran sebesar ...") -> StatedAmount:
    return StatedAmount(value, TextSpan(f"Rp. {value:,}", 3, BOX), label, role, sentence, 0)


def test_narrative_total() -> None:
    params = {"tables": ["T-C.33"], "column": "amount", "keywords": ["jumlah anggaran"], "tolerance": 0}
    ok = _doc(_table("T-C.33", PASSING), stated=[_stated(12_000_000, "total", "Jumlah Anggaran")])
    assert list(narrative_total.check(ok, params)) == []
    bad = _doc(_table("T-C.33", PASSING), stated=[_stated(11_960_000, "total", "Jumlah Anggaran")])
    (v,) = list(narrative_total.check(bad, params))
    assert isinstance(v, Violation) and (v.expected, v.actual) == ("12000000", "11960000")
    assert v.location.page == 3 and v.location.table is None
    (skip,) = list(narrative_total.check(_doc(_table("T-C.33", PASSING)), params))
    assert isinstance(skip, Skip)


def test_narrative_split() -> None:
    parts = [
        _stated(1_267_300_839, "component", "Belanja Pegawai"),
        _stated(649_145_350, "component", "Belanja Barang dan Jasa"),
    ]
    ok = _doc(stated=[_stated(1_916_446_189, "total", "Jumlah Anggaran"), *parts])
    assert list(narrative_split.check(ok, {"tolerance": 0})) == []
    bad = _doc(stated=[_stated(1_916_486_189, "total", "Jumlah Anggaran"), *parts])
    (v,) = list(narrative_split.check(bad, {"tolerance": 0}))
    assert isinstance(v, Violation) and v.expected == "1916446189" and "Belanja Pegawai" in v.fields["parts"]
