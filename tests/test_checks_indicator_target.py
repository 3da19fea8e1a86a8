"""Indicator/target check types: PASS/FAIL fixtures, the draft rules, and the samples."""

from __future__ import annotations

import pytest
from builders import document, row, table
from conftest import REFERENCE_PDF, SAMPLES, extracted, ruleset_of

from auditor.model.document import BBox, Cell, Document, Level, Row, Table
from auditor.rules.base import Skip, Violation
from auditor.rules.checks import (
    forward_amount_band,
    forward_target,
    percent_range,
    required_cells,
    target_unit,
    value_variant,
)
from auditor.rules.engine import run_rules
from auditor.rules.params import resolve
from auditor.rules.ruleset import RuleSet

CLEAN = ["randuagung-2024-repaired", "sukodono-2024", "tempeh-2025", "pasirian-2024", "kencong-2024"]
COLUMNS = [
    "code",
    "name",
    "indicator",
    "aktivitas",
    "priority",
    "lokasi",
    "target",
    "amount",
    "sumber_dana",
    "target_next",
    "amount_next",
]
MONEY = ("amount", "amount_next")


def _row(i: int, level: Level, code: str | None, **values: str) -> Row:
    return row(i, level, code, values, money=MONEY)


def _table(
    rows: list[tuple[Level, str | None, dict[str, str]]], kind: str = "T-C.33", columns: list[str] | None = None
) -> Table:
    return table(kind, [_row(i, level, code, **vals) for i, (level, code, vals) in enumerate(rows)], columns or COLUMNS)


def _doc(*tables: Table) -> Document:
    return document(*tables, pages=1)


def _params(module, **given) -> dict:
    return resolve(module.PARAMS, given)


def _violations(results: list) -> list[Violation]:
    assert all(isinstance(r, Violation) for r in results), results
    return results


FULL = {"lokasi": "Kec.X", "sumber_dana": "DAU", "amount": "12.000.000", "amount_next": "13.200.000"}
GOOD = [
    (
        Level.PROGRAM,
        "7.01.01",
        {"name": "Program", "indicator": "Persentase pemenuhan", "target": "100%", "target_next": "100%", **FULL},
    ),
    (
        Level.KEGIATAN,
        "7.01.01.2.02",
        {"name": "Keg", "indicator": "Persentase fasilitasi", "target": "100%", "target_next": "100%", **FULL},
    ),
    (
        Level.SUB_KEGIATAN,
        "7.01.01.2.02.01",
        {
            "name": "Gaji",
            "indicator": "Jumlah Orang yang Menerima Gaji",
            "target": "11 Orang/12 bulan",
            "target_next": "11 Orang/12 bulan",
            **FULL,
        },
    ),
    (Level.AKTIVITAS, None, {"aktivitas": "Pembayaran Gaji", "priority": "1", **FULL}),
]
# The reference's 7.01.01.2.02.01: the sub kegiatan target only on its activity row.
ON_ACTIVITY = GOOD[:2] + [
    (
        Level.SUB_KEGIATAN,
        "7.01.01.2.02.01",
        {"name": "Gaji", "indicator": "Jumlah Orang yang Menerima Gaji", "target": "", "target_next": "", **FULL},
    ),
    (
        Level.AKTIVITAS,
        None,
        {"aktivitas": "Pembayaran Gaji", "priority": "", "target": "11 Orang/12 bulan", **FULL, "lokasi": "-"},
    ),
]


# --- required_cells ------------------------------------------------------------------------


@pytest.mark.unit
def test_required_cells_passes_complete_rows() -> None:
    params = _params(
        required_cells,
        required={
            "sub_kegiatan": ["indicator", "target", "lokasi", "sumber_dana", "target_next"],
            "aktivitas": ["priority", "lokasi"],
        },
    )
    assert list(required_cells.check(_doc(_table(GOOD)), params)) == []


@pytest.mark.unit
def test_required_cells_reports_target_left_on_the_activity_row() -> None:
    params = _params(required_cells, required={"sub_kegiatan": ["target"], "aktivitas": ["priority", "lokasi"]})
    found = _violations(list(required_cells.check(_doc(_table(ON_ACTIVITY)), params)))
    got = {(v.location.code, v.location.column) for v in found}
    assert got == {("7.01.01.2.02.01", "target"), (None, "priority"), (None, "lokasi")}  # "-" is no location
    target = next(v for v in found if v.location.column == "target")
    assert "11 Orang/12 bulan" in target.fields["note"]["id"] and target.location.bbox is not None
    assert [e.role for e in target.evidence] == ["missing", "activity_value"]
    activity = next(v for v in found if v.location.column == "priority")
    assert activity.fields["code"] == {"id": "di bawah 7.01.01.2.02.01", "en": "under 7.01.01.2.02.01"}


@pytest.mark.unit
def test_required_cells_multi_indicator_row_counts_its_sub_rows() -> None:
    table = _table([(Level.PROGRAM, "7.01.06", {"name": "P", "indicator": "", "target": ""})])
    table.rows[0].sub_rows = [
        {"indicator": Cell("Persentase Desa", 1, BBox(0, 0, 1, 1)), "target": Cell("83%", 1, BBox(0, 0, 1, 1))}
    ]
    assert list(required_cells.check(_doc(table), _params(required_cells))) == []


@pytest.mark.unit
def test_required_cells_column_not_read_is_not_evaluated() -> None:
    table = _table(GOOD, kind="Tabel 4.1", columns=[c for c in COLUMNS if c != "sumber_dana"])
    params = _params(required_cells, tables=["Tabel 4.1"], required={"kegiatan": ["sumber_dana"]})
    (skip,) = list(required_cells.check(_doc(table), params))
    assert isinstance(skip, Skip) and "sumber_dana" in skip.reasons["en"]
    (missing,) = list(required_cells.check(_doc(), params))
    assert isinstance(missing, Skip) and "Tabel 4.1" in missing.reasons["id"]


@pytest.mark.unit
def test_required_cells_refuses_unknown_level() -> None:
    with pytest.raises(ValueError, match="unknown level"):
        _params(required_cells, required={"bab": ["indicator"]})


# --- target_unit ---------------------------------------------------------------------------


def _sub(indicator: str, target: str, code: str = "7.01.03.2.06.03") -> tuple[Level, str, dict[str, str]]:
    return (Level.SUB_KEGIATAN, code, {"name": "x", "indicator": indicator, "target": target})


@pytest.mark.unit
def test_target_unit_passes_agreeing_units() -> None:
    rows = [
        _sub("Jumlah Keluarga yang Mengikuti Penumbuhan", "84 keluarga"),
        _sub("Jumlah Laporan Keuangan", "1 Laporan"),
        _sub("Jumlah Dokumenhasil penyediaan", "12 dokume n"),  # glued and split words
        _sub("Jumlah Lembaga Kemasyarakatan", "6 lembagakemasyarakatan"),
        _sub("Jumlah Kendaraan Dinas", "5 unit"),
        _sub("rata-rata persentase fasilitasi", "100%"),
        _sub("PersentaseDesa yang menetapkan", "83"),  # bare number under a percentage
        _sub("Indeks Kepuasan Masyarakat", "80 poin"),  # wording not in the table: not judged
        _sub("Jumlah Keluarga", "-"),  # no target: left to required_cells
    ]
    assert list(target_unit.check(_doc(_table(rows)), _params(target_unit))) == []


@pytest.mark.unit
def test_target_unit_reports_mismatches() -> None:
    rows = [
        _sub("Jumlah Keluarga yang Mengikuti Peningkatan Ketahanan Pangan Keluarga", "80 orang"),
        _sub("Persentase fasilitasi administrasi", "3 dokumen", "7.01.01.2.02"),
        _sub("Jumlah Dokumen Peningkatan Efektifitas", "7 laporan", "7.01.02.2.01.02"),
        _sub("Jumlah Paket Komponen Instalasi", "8", "7.01.01.2.06.01"),
        _sub("Jumlah Laporan Evaluasi", "4 dokumen", "7.01.01.2.01.06"),  # reports are counted in laporan
    ]
    found = _violations(list(target_unit.check(_doc(_table(rows)), _params(target_unit))))
    got = {(v.location.code, v.expected, v.actual) for v in found}
    assert got == {
        ("7.01.01.2.01.06", "laporan", "dokumen"),
        ("7.01.03.2.06.03", "keluarga / kk", "orang"),
        ("7.01.01.2.02", "%", "dokumen"),
        ("7.01.02.2.01.02", "dokumen", "laporan"),
        ("7.01.01.2.06.01", "paket", ""),
    }
    keluarga = next(v for v in found if v.location.code == "7.01.03.2.06.03")
    assert keluarga.fields["target"] == "80 orang" and keluarga.location.column == "target"
    assert {e.role for e in keluarga.evidence} == {"indicator", "target"}


@pytest.mark.unit
def test_target_unit_checks_each_stacked_indicator() -> None:
    table = _table([_sub("Persentase Desa yang menetapkan RKPDes", "83%", "7.01.06")])
    box = BBox(0, 0, 1, 1)
    table.rows[0].sub_rows = [
        {"indicator": Cell("Jumlah Desa yang menetapkan APBDes", 1, box), "target": Cell("12 dokumen", 1, box)}
    ]
    (found,) = _violations(list(target_unit.check(_doc(table), _params(target_unit))))
    assert (found.expected, found.actual) == ("desa", "dokumen")


@pytest.mark.unit
def test_target_unit_misspellings_are_their_own_aspect() -> None:
    rows = [
        _sub("Jumlah Laporan Evaluasi Kinerja", "4 Iaporan", "7.01.01.2.01.07"),
        _sub("Jumlah Faslitasi Koordinasi Upaya", "2 fasilitasi", "7.01.04.2.01"),
        _sub("Jumlah Laporan Keuangan", "12 laporan", "7.01.01.2.02.07"),
    ]
    doc = _doc(_table(rows))
    assert list(target_unit.check(doc, _params(target_unit))) == []  # a slip is not a wrong unit
    found = _violations(
        list(
            target_unit.check(
                doc,
                _params(target_unit, aspect="misspelling", columns={"target": "indicator", "target_next": "indicator"}),
            )
        )
    )
    got = {(v.location.code, v.location.column, v.actual, v.expected) for v in found}
    assert got == {
        ("7.01.01.2.01.07", "target", "Iaporan", "laporan"),
        ("7.01.04.2.01", "indicator", "Faslitasi", "fasilitasi"),
    }


@pytest.mark.unit
def test_target_unit_noun_table_is_a_parameter() -> None:
    rows = [_sub("Jumlah Keluarga yang Mengikuti", "80 orang")]
    params = _params(target_unit, nouns={"keluarga": ["keluarga", "orang"]})
    assert list(target_unit.check(_doc(_table(rows)), params)) == []
    with pytest.raises(ValueError):
        _params(target_unit, nouns={"keluarga": "keluarga"})


@pytest.mark.unit
def test_target_unit_without_columns_is_not_evaluated() -> None:
    table = _table([_sub("Jumlah Keluarga", "80 orang")], columns=["code", "name", "amount"])
    (skip,) = list(target_unit.check(_doc(table), _params(target_unit)))
    assert isinstance(skip, Skip)


# --- percent_range -------------------------------------------------------------------------


@pytest.mark.unit
def test_percent_range() -> None:
    ok = [
        (
            Level.PROGRAM,
            "7.01.06",
            {"name": "P", "indicator": "Persentase Desa", "target": "83%", "target_next": "92 %"},
        )
    ]
    assert list(percent_range.check(_doc(_table(ok)), _params(percent_range))) == []
    bad = [
        (
            Level.KEGIATAN,
            "7.01.01.2.02",
            {"name": "K", "indicator": "Persentase fasilitasi", "target": "110%", "target_next": "100%"},
        ),
        (
            Level.SUB_KEGIATAN,
            "7.01.01.2.02.01",
            {"name": "S", "indicator": "Jumlah Orang", "target": "110 orang"},
        ),  # not a percentage
    ]
    (found,) = _violations(list(percent_range.check(_doc(_table(bad)), _params(percent_range))))
    assert (found.location.code, found.location.column, found.actual) == ("7.01.01.2.02", "target", "110%")


# --- forward_target ------------------------------------------------------------------------


@pytest.mark.unit
def test_forward_target_passes_same_units() -> None:
    assert list(forward_target.check(_doc(_table(GOOD)), _params(forward_target))) == []
    rows = [(Level.SUB_KEGIATAN, "7.01.01.2.07.06", {"name": "x", "target": "10 unit", "target_next": "12 Unit"})]
    assert list(forward_target.check(_doc(_table(rows)), _params(forward_target))) == []


@pytest.mark.unit
def test_forward_target_reports_unit_change() -> None:
    rows = [
        (Level.KEGIATAN, "7.01.01.2.01", {"name": "x", "target": "100%", "target_next": "3 dokumen"}),
        (Level.SUB_KEGIATAN, "7.01.01.2.01.06", {"name": "x", "target": "5 laporan", "target_next": "5 paket"}),
        (
            Level.SUB_KEGIATAN,
            "7.01.01.2.02.01",
            {"name": "x", "target": "", "target_next": "11 orang"},
        ),  # missing: required_cells
    ]
    found = _violations(list(forward_target.check(_doc(_table(rows)), _params(forward_target))))
    assert {(v.location.code, v.expected, v.actual) for v in found} == {
        ("7.01.01.2.01", "%", "dokumen"),
        ("7.01.01.2.01.06", "laporan", "paket"),
    }
    assert all(v.location.column == "target_next" for v in found)


# --- forward_amount_band -------------------------------------------------------------------


@pytest.mark.unit
def test_forward_amount_band() -> None:
    assert list(forward_amount_band.check(_doc(_table(GOOD)), _params(forward_amount_band))) == []
    rows = [
        (Level.SUB_KEGIATAN, "7.01.01.2.01.01", {"name": "x", "amount": "12.000.000", "amount_next": "1.320.000"}),
        (Level.AKTIVITAS, None, {"aktivitas": "y", "amount": "1.000.000", "amount_next": "2.000.000"}),
        (
            Level.AKTIVITAS,
            None,
            {"aktivitas": "z", "amount": "1.000.000", "amount_next": ""},
        ),  # missing: required_cells
    ]
    found = _violations(list(forward_amount_band.check(_doc(_table(rows)), _params(forward_amount_band))))
    assert [(v.location.code, v.fields["ratio"]) for v in found] == [("7.01.01.2.01.01", "0.11"), (None, "2.00")]
    wide = _params(forward_amount_band, min_ratio=0.1, max_ratio=2.0)
    assert list(forward_amount_band.check(_doc(_table(rows)), wide)) == []


# --- value_variant -------------------------------------------------------------------------


@pytest.mark.unit
def test_value_variant() -> None:
    common = [
        (Level.SUB_KEGIATAN, f"7.01.01.2.01.0{i}", {"name": "x", "lokasi": "Kec.Randuagung"}) for i in range(1, 5)
    ]
    wrapped = [(Level.AKTIVITAS, None, {"aktivitas": "a", "lokasi": "Kec.Randu agung"})]
    assert list(value_variant.check(_doc(_table(common + wrapped)), _params(value_variant))) == []
    cut = [
        (Level.PROGRAM, "7.01.05", {"name": "P", "lokasi": "Kec.Randuagun"}),
        (Level.AKTIVITAS, None, {"aktivitas": "b", "lokasi": "Kec.Randuagumg"}),
    ]
    found = _violations(list(value_variant.check(_doc(_table(common + cut)), _params(value_variant))))
    assert [(v.actual, v.expected) for v in found] == [
        ("Kec.Randuagun", "Kec.Randuagung"),
        ("Kec.Randuagumg", "Kec.Randuagung"),
    ]


# --- the draft rules on the samples --------------------------------------------------------


@pytest.fixture(scope="module")
def ruleset(tmp_path_factory: pytest.TempPathFactory) -> RuleSet:
    return ruleset_of(tmp_path_factory.mktemp("rules"), "indicator_target")


@pytest.mark.unit
def test_draft_rules_are_all_indicator_target(ruleset) -> None:
    assert {r.category for r in ruleset.rules} == {"indicator_target"}
    assert len(ruleset.rules) >= 10


@pytest.fixture(scope="module")
def reference(ruleset):
    return run_rules(extracted(REFERENCE_PDF), ruleset)


def _where(result, rule: str) -> set[tuple[str | None, str | None, str | None]]:
    return {(f.location.table, f.location.code, f.location.column) for f in result.findings if f.rule == rule}


@pytest.mark.samples
def test_reference_keluarga_counted_in_orang(reference) -> None:
    found = _where(reference, "IT-004")
    assert {("T-C.33", "7.01.03.2.06.03", "target"), ("Tabel 4.1", "7.01.03.2.06.03", "target")} <= found
    assert ("T-C.31", "7.01.03.2.06.03", "target") in _where(reference, "IT-005")
    message = next(f for f in reference.findings if f.rule == "IT-004")
    assert "80 orang" in message.messages["id"] and message.actual == "orang"


@pytest.mark.samples
def test_reference_sub_kegiatan_without_target(reference) -> None:
    found = _where(reference, "IT-001")
    for code in (
        "7.01.01.2.02.01",
        "7.01.01.2.02.02",
        "7.01.01.2.02.05",
        "7.01.01.2.02.07",
        "7.01.01.2.05.02",
        "7.01.01.2.06.08",
    ):
        assert ("T-C.33", code, "target") in found and ("Tabel 4.1", code, "target") in found
        assert ("T-C.33", code, "target_next") in _where(reference, "IT-003")


@pytest.mark.samples
def test_reference_missing_location_funding_priority(reference) -> None:
    lokasi = _where(reference, "IT-002")
    for code in ("7.01.01.2.03", "7.01.04", "7.01.04.2.01"):
        assert ("T-C.33", code, "lokasi") in lokasi and ("Tabel 4.1", code, "lokasi") in lokasi
    assert ("T-C.33", "7.01.01.2.03", "sumber_dana") in _where(reference, "IT-003")
    rows = {f.location.row for f in reference.findings if f.rule == "IT-002" and f.location.column == "priority"}
    assert {"Monev Pawon Urip", "Fasilitasi Penyelenggaraan Pilpres,Pileg dan pilkada"} <= rows
    cut = {(f.location.code, f.actual) for f in reference.findings if f.rule == "IT-011"}
    assert {("7.01.05", "Kec.Randuagun"), ("7.01.05.2.01", "Kec.Randuagun")} <= cut


@pytest.mark.samples
def test_reference_misspelt_units_and_tc29_units(reference) -> None:
    spelling = {(f.location.table, f.location.code, f.actual) for f in reference.findings if f.rule == "IT-007"}
    assert ("Tabel 4.1", "7.01.01.2.01.07", "Iaporan") in spelling
    assert ("T-C.33", "7.01.04.2.01", "Faslitasi") in spelling
    assert all(f.severity == "info" for f in reference.findings if f.rule == "IT-007")
    tc29 = {(f.location.code, f.actual) for f in reference.findings if f.rule == "IT-006"}
    assert {("7.01.01.2.06.01", "jenis"), ("7.01.01.2.08.02", "rekening"), ("7.01.05.2.01", "kali")} <= tc29


@pytest.mark.samples
def test_reference_no_double_report(reference) -> None:
    keys = [(f.location.table, f.location.code, f.location.row, f.location.column) for f in reference.findings]
    assert len(keys) == len(set(keys))


@pytest.mark.samples
@pytest.mark.parametrize("name", CLEAN)
def test_clean_samples_have_no_error_or_warning(ruleset, name: str) -> None:
    result = run_rules(extracted(SAMPLES / "pdf" / f"{name}.pdf"), ruleset)
    assert [f.messages["en"] for f in result.findings if f.severity in ("error", "warning")] == []
    assert result.not_evaluated == []
