"""The safe formula language and the column_formula check type."""

from __future__ import annotations

import pytest
from builders import document, row, table

from auditor.model.document import BBox, Document, Level, Row
from auditor.rules.base import Skip, Violation
from auditor.rules.checks import column_formula
from auditor.rules.formula import FormulaError, evaluate, names, parse_formula
from auditor.rules.params import resolve

pytestmark = [pytest.mark.unit]

BOX = BBox(1, 1, 2, 2)


def test_formula_evaluates_arithmetic_over_names() -> None:
    expr = parse_formula("(realisasi_n3 + realisasi_n2) * 100 / -target")
    assert names(expr) == {"realisasi_n3", "realisasi_n2", "target"}
    assert evaluate(expr, {"realisasi_n3": 1, "realisasi_n2": 2, "target": 4}) == -75


@pytest.mark.parametrize(
    "text",
    ["__import__('os').system('x')", "a.b", "a[0]", "a if b else c", "a ** 2", "a < b", "lambda: 1", "'x'", "f(a)"],
)
def test_formula_refuses_anything_but_arithmetic(text: str) -> None:
    with pytest.raises(FormulaError):
        parse_formula(text)


def _row(i: int, code: str, **values: str) -> Row:
    return row(i, Level.SUB_KEGIATAN, code, values, page=9, money=())


def _doc(*rows: Row) -> Document:
    tc29 = table("T-C.29", rows, sorted({k for r in rows for k in r.cells}), page=9)
    return document(tc29, unit=None, region=None, pages=9)


def _params(**kw: object) -> dict:
    return resolve(
        column_formula.PARAMS, {"column": "tingkat_realisasi", "formula": "realisasi_n2 / target_n2 * 100", **kw}
    )


def test_rounding_follows_the_document() -> None:
    ok = _row(
        0,
        "7.01.01.2.01.02",
        target_n2="3",
        target_n2_unit="dokumen",
        realisasi_n2="2",
        realisasi_n2_unit="dokumen",
        tingkat_realisasi="67%",
    )
    bad = _row(
        1,
        "7.01.02.2.01.01",
        target_n2="7",
        target_n2_unit="laporan",
        realisasi_n2="6",
        realisasi_n2_unit="laporan",
        tingkat_realisasi="100%",
    )
    (v,) = list(column_formula.check(_doc(ok, bad), _params()))
    assert isinstance(v, Violation) and (v.location.code, v.expected, v.actual) == ("7.01.02.2.01.01", "86%", "100%")
    decimals = _row(2, "7.01.01.2.01.03", target_n2="3", realisasi_n2="2", tingkat_realisasi="66,67%")
    assert list(column_formula.check(_doc(decimals), _params())) == []


def test_sums_only_for_cumulative_units() -> None:
    params = resolve(
        column_formula.PARAMS,
        {
            "column": "realisasi_capaian",
            "formula": "realisasi_n3 + realisasi_n2 + target_n1",
            "null_as_zero": True,
            "cumulative_units": ["laporan"],
        },
    )
    reports = _row(
        0,
        "a",
        realisasi_n3="-",
        realisasi_n2="6",
        realisasi_n2_unit="laporan",
        target_n1="6",
        target_n1_unit="laporan",
        realisasi_capaian="13",
    )
    salary = _row(
        1,
        "b",
        realisasi_n3="12",
        realisasi_n3_unit="orang/bulan",
        realisasi_n2="12",
        realisasi_n2_unit="orang/bulan",
        target_n1="12",
        target_n1_unit="orang/bulan",
        realisasi_capaian="12",
    )
    (v,) = list(column_formula.check(_doc(reports, salary), params))
    assert isinstance(v, Violation) and (v.location.code, v.expected) == ("a", "12")


def test_missing_column_is_not_evaluated() -> None:
    (skip,) = list(column_formula.check(_doc(_row(0, "a", target_n2="1")), _params()))
    assert isinstance(skip, Skip) and "realisasi_n2" in skip.reasons["en"]


def test_bad_formula_in_a_rule_is_refused() -> None:
    with pytest.raises(ValueError, match="may only use numbers"):
        resolve(column_formula.PARAMS, {"column": "x", "formula": "open('x')"})
