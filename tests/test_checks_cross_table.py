"""cross_table check types on small hand-built documents, then the draft rules on the samples."""

from __future__ import annotations

import pytest
from builders import document, row, table
from conftest import REFERENCE_PDF, SAMPLES, extracted, ruleset_of

from auditor.model.amounts import parse_amount
from auditor.model.document import BBox, Document, Level, Row, Table
from auditor.rules.base import Skip, Violation
from auditor.rules.checks import codes_present, goal_targets, money_scale, same_facts
from auditor.rules.engine import run_rules
from auditor.rules.params import resolve
from auditor.rules.ruleset import RuleSet

BOX = BBox(10, 10, 50, 20)


def _row(i: int, level: Level, code: str | None, **cells: str) -> Row:
    return row(i, level, code, cells)


def _table(
    kind: str, rows: list[Row], units: dict[str, int] | None = None, headers: dict[str, str] | None = None
) -> Table:
    columns = sorted({k for r in rows for k in r.cells})
    return table(kind, rows, columns, headers=headers, money_units=units or {})


def _doc(*tables: Table, year: int | None = 2024) -> Document:
    return document(*tables, year=year, pages=1)


def _params(module, **given):
    return resolve(module.PARAMS, given)


P, K, S = Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN


def _tc33(target: str = "20 unit") -> Table:
    return _table(
        "T-C.33",
        [
            _row(0, P, "7.01.01", name="PROGRAM PENUNJANG", indicator="Persentase", target="100%", amount="60,490,000"),
            _row(
                1,
                K,
                "7.01.01.2.09",
                name="Pemeliharaan BMD",
                indicator="Persentase BMD",
                target="100%",
                amount="60,490,000",
            ),
            _row(
                2,
                S,
                "7.01.01.2.09.02",
                name="Pemeliharaan Kendaraan",
                indicator="Jumlah Kendaraan",
                target="5 unit",
                amount="47,290,000",
            ),
            _row(
                3,
                S,
                "7.01.01.2.09.06",
                name="Pemeliharaan Peralatan",
                indicator="Jumlah Peralatan",
                target=target,
                amount="13,200,000",
            ),
        ],
    )


def _tc31(target: str = "20 unit", units: int = 1, pagu_06: str = "13,200,000", need_factor: int = 1) -> Table:
    pagus = ["60,490,000", "60,490,000", "47,290,000", pagu_06]
    needs = [f"{parse_amount(p) * need_factor:,}" for p in pagus]
    return _table(
        "T-C.31",
        [
            _row(
                0,
                P,
                "7.01.01",
                name="Program Penunjang",
                indicator="persentase",
                target="100 %",
                pagu=pagus[0],
                kebutuhan_dana=needs[0],
            ),
            _row(
                1,
                K,
                "7.01.01.2.09",
                name="Pemeliharaan  BMD",
                indicator="Persentase BMD",
                target="100%",
                pagu=pagus[1],
                kebutuhan_dana=needs[1],
            ),
            # the sub kegiatan code cut to its kegiatan's by a wrap: paired by name
            _row(
                2,
                K,
                "7.01.01.2.09",
                name="Pemeliharaan Kendaraan",
                indicator="Jumlah Kendaraan",
                target="5 unit",
                pagu=pagus[2],
                kebutuhan_dana=needs[2],
            ),
            _row(
                3,
                S,
                "7.01.01.2.09.06",
                name="Pemeliharaan Peralatan",
                indicator="Jumlah Peralatan",
                target=target,
                pagu=pagus[3],
                kebutuhan_dana=needs[3],
            ),
        ],
        units={"pagu": units, "kebutuhan_dana": units},
        headers={"pagu": "Pagu indikatif (Rp.000)", "kebutuhan_dana": "Kebutuhan Dana"},
    )


# --- same_facts -----------------------------------------------------------------------------


@pytest.mark.unit
def test_same_facts_passes_when_tables_agree_up_to_case_and_spacing() -> None:
    assert list(same_facts.check(_doc(_tc31(), _tc33()), _params(same_facts))) == []


@pytest.mark.unit
def test_same_facts_reports_the_differing_cell_with_the_reference_value() -> None:
    results = list(same_facts.check(_doc(_tc31(target="10 unit", pagu_06="13,000,000"), _tc33()), _params(same_facts)))
    assert all(isinstance(r, Violation) for r in results)
    got = {(r.location.table, r.location.code, r.location.column, r.expected, r.actual) for r in results}
    assert got == {
        ("T-C.31", "7.01.01.2.09.06", "target", "20 unit", "10 unit"),
        ("T-C.31", "7.01.01.2.09.06", "pagu", "13200000", "13000000"),
    }


@pytest.mark.unit
def test_same_facts_unit_slip_is_not_a_different_target() -> None:
    doc = _doc(_tc31(target="20 Unit"), _tc33(target="20 unit"))
    assert list(same_facts.check(doc, _params(same_facts))) == []
    doc = _doc(_tc31(target="20 orang"), _tc33(target="20 unit"))
    assert [r.location.column for r in same_facts.check(doc, _params(same_facts))] == ["target"]


@pytest.mark.unit
def test_same_facts_compares_as_written_when_the_header_unit_is_wrong() -> None:
    # "(Rp.000)" over rupiah: money_scale reports the header once; rows are compared as written.
    doc = _doc(_tc31(units=1000, pagu_06="13,000,000"), _tc33())
    results = list(same_facts.check(doc, _params(same_facts, fields=["amount"])))
    assert [(r.location.code, r.expected, r.actual) for r in results] == [("7.01.01.2.09.06", "13200000", "13000000")]


@pytest.mark.unit
def test_same_facts_missing_table_is_not_evaluated() -> None:
    (result,) = list(same_facts.check(_doc(_tc33()), _params(same_facts)))
    assert isinstance(result, Skip) and "T-C.31" in result.reasons["en"]


# --- codes_present ----------------------------------------------------------------------------


@pytest.mark.unit
def test_codes_present_pairs_cut_codes_by_name() -> None:
    assert list(codes_present.check(_doc(_tc31(), _tc33()), _params(codes_present, table="T-C.31"))) == []


@pytest.mark.unit
def test_codes_present_reports_rows_missing_from_either_table() -> None:
    t41 = _tc33()
    t41.kind = "Tabel 4.1"
    t41.rows = t41.rows[:3] + [_row(4, S, "7.01.01.2.09.10", name="Rehabilitasi Gedung", amount="1")]
    results = list(codes_present.check(_doc(t41, _tc33()), _params(codes_present)))
    got = {(r.location.table, r.location.code, r.fields["present_in"]) for r in results}
    assert got == {("Tabel 4.1", "7.01.01.2.09.06", "T-C.33"), ("T-C.33", "7.01.01.2.09.10", "Tabel 4.1")}
    missing = next(r for r in results if r.location.code == "7.01.01.2.09.06")
    assert missing.expected == "7.01.01.2.09.06 Pemeliharaan Peralatan" and missing.actual is None


# --- money_scale ---------------------------------------------------------------------------------


@pytest.mark.unit
def test_money_scale_header_unit() -> None:
    params = _params(money_scale)
    assert list(money_scale.check(_doc(_tc31(), _tc33()), params)) == []
    (result,) = list(money_scale.check(_doc(_tc31(units=1000), _tc33()), params))
    assert isinstance(result, Violation)
    assert (result.location.table, result.location.column, result.location.code) == ("T-C.31", "pagu", None)
    assert result.actual == "1000" and result.fields["rows"] == 4


@pytest.mark.unit
def test_money_scale_constant_multiple_reported_once_with_its_factor() -> None:
    params = _params(
        money_scale, column="kebutuhan_dana", reference="T-C.31", reference_column="pagu", kind="constant_multiple"
    )
    assert list(money_scale.check(_doc(_tc31()), params)) == []
    (result,) = list(money_scale.check(_doc(_tc31(need_factor=110)), params))
    assert result.actual == "110" and result.fields["factor"] == "110" and result.location.column == "kebutuhan_dana"
    # A mislabelled header alone is the header_unit rule's finding, not a multiple.
    header = _params(money_scale, kind="constant_multiple")
    assert list(money_scale.check(_doc(_tc31(units=1000), _tc33()), header)) == []


@pytest.mark.unit
def test_money_scale_small_factor_is_a_plan_not_a_slip() -> None:
    rows = [
        _row(i, S, f"7.01.01.2.01.0{i + 1}", amount=f"{a:,}", amount_next=f"{a * 11 // 10:,}")
        for i, a in enumerate([1_000_000, 2_000_000, 3_000_000])
    ]
    params = _params(
        money_scale,
        table="T-C.33",
        column="amount_next",
        reference="T-C.33",
        reference_column="amount",
        kind="constant_multiple",
    )
    assert list(money_scale.check(_doc(_table("T-C.33", rows)), params)) == []


# --- goal_targets -------------------------------------------------------------------------------


def _tc30(ipp_2024: str = "62") -> Table:
    return _table(
        "T-C.30",
        [
            _row(0, Level.OTHER, None, indicator="IKM Pelayanan Kecamatan", target_2024="N/A", proyeksi_2024="N/A"),
            _row(
                1, Level.OTHER, None, indicator="Indek Pelayanan Publik", target_2024=ipp_2024, proyeksi_2024=ipp_2024
            ),
            _row(
                2, Level.OTHER, None, indicator="Mengoptimalkan Fasilitasi dan Koordinasi Kecamatan", target_2024="78%"
            ),
        ],
    )


def _bab3(ipp: str = "62", sasaran: str = "78") -> list[Table]:
    return [
        _table(
            "Tabel 3.2",
            [
                _row(
                    0,
                    Level.OTHER,
                    None,
                    tujuan="Meningkatnya kepuasan masyarakat",
                    indicator="Nilai IPP",
                    target_2024=ipp,
                )
            ],
        ),
        _table(
            "Tabel 3.3",
            [
                _row(
                    0,
                    Level.OTHER,
                    None,
                    sasaran="Mengoptimalkan Fasilitasi dan Koordinasi Kecamatan",
                    indicator="Persentase hasil fasilitasi yang ditindaklanjuti",
                    target_2024=sasaran,
                ),
                _row(
                    1, Level.OTHER, None, sasaran="Sesuatu yang lain", indicator="Rasio tanpa padanan", target_2024="5"
                ),
            ],
        ),
    ]


@pytest.mark.unit
def test_goal_targets_passes_when_bab3_follows_tc30() -> None:
    assert list(goal_targets.check(_doc(_tc30(), *_bab3()), _params(goal_targets))) == []


@pytest.mark.unit
def test_goal_targets_reports_bab3_targets_against_tc30() -> None:
    results = list(goal_targets.check(_doc(_tc30(), *_bab3(ipp="84", sasaran="79")), _params(goal_targets)))
    got = {
        (r.location.table, r.location.column, r.expected, r.actual, r.fields["reference_indicator"]) for r in results
    }
    assert got == {
        ("Tabel 3.2", "target_2024", "62", "84", "Indek Pelayanan Publik"),  # matched by its acronym
        ("Tabel 3.3", "target_2024", "78%", "79", "Mengoptimalkan Fasilitasi dan Koordinasi Kecamatan"),
    }


@pytest.mark.unit
def test_goal_targets_without_plan_year_is_not_evaluated() -> None:
    (result,) = list(goal_targets.check(_doc(_tc30(), *_bab3(), year=None), _params(goal_targets)))
    assert isinstance(result, Skip)


# --- the draft rules on the samples --------------------------------------------------------------


@pytest.fixture(scope="module")
def ruleset(tmp_path_factory: pytest.TempPathFactory) -> RuleSet:
    return ruleset_of(tmp_path_factory.mktemp("rules"), "cross_table")


@pytest.mark.unit
def test_draft_rules_are_all_cross_table(ruleset) -> None:
    assert {r.category for r in ruleset.rules} == {"cross_table"}


@pytest.mark.samples
def test_reference_findings(ruleset) -> None:
    result = run_rules(extracted(REFERENCE_PDF), ruleset)
    found = {
        (f.rule, f.location.table, f.location.code, f.location.column, f.expected, f.actual) for f in result.findings
    }
    assert ("XT-002", "T-C.31", "7.01.01.2.09.06", "target", "20 unit", "10 unit") in found
    assert ("XT-006", "T-C.31", None, "pagu", "1", "1000") in found
    assert ("XT-007", "T-C.31", None, "kebutuhan_dana", "1", "110") in found
    goals = {(t, e, a) for rule, t, _, _, e, a in found if rule == "XT-008"}
    assert goals == {("Tabel 3.2", "62", "84"), ("Tabel 3.3", "78%", "79"), ("Tabel 3.3", "83%", "84")}
    per_rule = {rule: sum(f.rule == rule for f in result.findings) for rule in ("XT-006", "XT-007")}
    assert per_rule == {"XT-006": 1, "XT-007": 1}  # once per column, not once per row
    assert not result.not_evaluated


@pytest.mark.samples
@pytest.mark.parametrize(
    "name", ["randuagung-2024-repaired", "sukodono-2024", "tempeh-2025", "pasirian-2024", "kencong-2024"]
)
def test_clean_samples_have_no_cross_table_findings(ruleset, name: str) -> None:
    result = run_rules(extracted(SAMPLES / "pdf" / f"{name}.pdf"), ruleset)
    assert [f.messages["en"] for f in result.findings if f.severity in ("error", "warning")] == []
    assert not result.not_evaluated
