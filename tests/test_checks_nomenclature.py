"""Nomenclature data, its loader, the nomenclature check types and their draft rules."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from builders import document, row, table
from conftest import REFERENCE_PDF, ROOT, SAMPLES, default_rules, extracted

from auditor.data.nomenclature import generic_code, load_nomenclature, version_for
from auditor.findings import Finding
from auditor.model.document import Document, Level, Row
from auditor.rules.base import Skip, Violation
from auditor.rules.checks import (
    nomenclature_code_form,
    nomenclature_code_known,
    nomenclature_indicator,
    nomenclature_name,
    nomenclature_previous_code,
    nomenclature_unit,
)
from auditor.rules.engine import run_rules
from auditor.rules.ruleset import load_ruleset

DATA = ROOT / "auditor" / "data" / "nomenclature"
CLEAN = ["randuagung-2024-repaired", "sukodono-2024", "tempeh-2025", "pasirian-2024", "kencong-2024"]
TABLES = ["T-C.33"]


# --- the build script and the data it writes ---------------------------------------


def _build_script() -> Any:
    spec = importlib.util.spec_from_file_location("build_nomenclature", ROOT / "scripts" / "build_nomenclature.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


def _read(path: Path) -> dict[str, Any]:
    return json.loads(gzip.decompress(path.read_bytes()))


@pytest.mark.unit
def test_build_script_output_loads_and_matches_the_package_data(tmp_path: Path) -> None:
    source = ROOT.parent / "shared" / "nomenclature"
    if not source.is_dir():
        pytest.skip("the official spreadsheets (../shared/nomenclature) are not available")
    assert _build_script().main(["--source", str(source), "--out", str(tmp_path)]) == 0
    for name in ("kepmendagri-900-2023.json.gz", "pemutakhiran-2027.json.gz"):
        assert _read(tmp_path / name) == _read(DATA / name), f"{name}: package data is not what the script builds"
    data = _read(tmp_path / "kepmendagri-900-2023.json.gz")
    assert (data["valid_from"], data["valid_to"]) == (2024, 2026)
    subs = [e for e in data["scopes"]["kabkot"].values() if e["level"] == "sub_kegiatan"]
    assert len(subs) == 3395  # the README's count
    names = [e["name"] for e in data["scopes"]["kabkot"].values()]
    assert not any("  " in n or "\n" in n for n in names)


@pytest.mark.unit
def test_build_script_cleans_pdf_debris() -> None:
    clean = _build_script().clean
    assert clean("Koordinasi       dan\nPenyusunan Dokumen RKA- SKPD ") == "Koordinasi dan Penyusunan Dokumen RKA-SKPD"
    assert clean("MÂ³/Hari") == "M³/Hari"
    assert clean("   ") is None


# --- lookups -------------------------------------------------------------------------


@pytest.mark.unit
def test_version_in_force_by_plan_year() -> None:
    assert version_for(2024)[0].id == version_for(2026)[0].id == "kepmendagri-900-2023"
    assert version_for(2027)[0].id == version_for(2030)[0].id == "pemutakhiran-2027"
    old = load_nomenclature(2023)
    assert old.id == "kepmendagri-900-2023" and old.note and "2023" in old.note["en"]
    assert load_nomenclature(2024).note is None


@pytest.mark.unit
def test_lookup_two_and_four_digit_and_written_forms() -> None:
    nom = load_nomenclature(2024)
    entry = nom.lookup("7.01.02.2.01.02")
    assert entry is not None and entry.name == "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan"
    assert entry.code4 == "7.01.02.2.01.0002" and entry.satuan == "Dokumen"
    assert nom.lookup("7.01.02.2.01.0002") == entry == nom.lookup("7.01.02.201.2")
    assert nom.lookup("7.01.02.2.01.99") is None
    assert nom.lookup("7.01").name == "KECAMATAN"


@pytest.mark.unit
def test_lookup_maps_the_support_program_to_x_xx() -> None:
    nom = load_nomenclature(2024)
    entry = nom.lookup("7.01.01.2.01.01")
    assert entry is not None and entry.code == "X.XX.01.2.01.01"
    assert entry.name == "Penyusunan Dokumen Perencanaan Perangkat Daerah"
    assert nom.lookup("7.01.01").name == "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
    assert generic_code("7.01.01.2.01.01") == "X.XX.01.2.01.01" and generic_code("7.01.02.2.01.01") is None
    assert nom.localize(entry.code, "7.01.01.2.01.01") == "7.01.01.2.01.01"
    assert [e.code for e in nom.children("7.01.01.2.03")][:2] == ["X.XX.01.2.03.01", "X.XX.01.2.03.02"]


@pytest.mark.unit
def test_lookup_previous_code_of_the_2027_update() -> None:
    nom = load_nomenclature(2027)
    (successor,) = nom.successors("1.02.02.2.02.21")
    assert successor.code == "1.02.02.2.02.55" and successor.previous == "1.02.02.2.02.21"
    assert successor.previous_name.startswith("Pengelolaan Pelayanan Kesehatan Orang dengan Masalah Kesehatan Jiwa")
    assert nom.lookup("1.02.02.2.02.0055") == successor
    assert load_nomenclature(2027, "prov").lookup("1.01.02.1.01.0001") is not None


# --- fixtures ------------------------------------------------------------------------


def _row(
    i: int,
    level: Level,
    code: str | None,
    name: str,
    indicator: str = "",
    target: str = "",
    written: str | None = None,
    valid: bool = True,
) -> Row:
    texts = {"code": written or code or "", "name": name, "indicator": indicator, "target": target}
    return row(i, level, code, texts, page=40, money=(), written=written or code, code_valid=valid)


def _doc(rows: list[tuple[Any, ...]], year: int = 2024, kind: str = "T-C.33") -> Document:
    tc = table(kind, [_row(i, *r) for i, r in enumerate(rows)], ["code", "name", "indicator", "target"], page=40)
    return document(tc, year=year, region="Kabupaten Lumajang")


P = Level.PROGRAM
K = Level.KEGIATAN
S = Level.SUB_KEGIATAN
GOOD = [
    (P, "7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK"),
    (K, "7.01.02.2.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan"),
    (
        S,
        "7.01.02.2.01.02",
        "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
        "Jumlah Dokumen Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
        "4 dokumen",
    ),
    (P, "7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN / KOTA"),
    (K, "7.01.01.2.02", "Administrasi Keuangan Perangkat Daerah"),
    # extraction glues and splits words; the unit is a rate written with its months
    (
        S,
        "7.01.01.2.02.01",
        "Penyediaan Gaji dan TunjanganASN",
        "Jumlah Orang yang Menerima Gaji danTunjangan ASN",
        "11 Orang/12 bulan",
    ),
]


def _violations(module: Any, doc: Document, **params: Any) -> list[Violation]:
    results = list(module.check(doc, {"tables": TABLES, **params}))
    assert not [r for r in results if isinstance(r, Skip)], results
    return [r for r in results if isinstance(r, Violation)]


# --- check types: pass and fail --------------------------------------------------------


@pytest.mark.unit
def test_code_form_passes_whole_codes_with_parents() -> None:
    assert _violations(nomenclature_code_form, _doc(GOOD), aspect="form") == []
    assert _violations(nomenclature_code_form, _doc(GOOD), aspect="parent") == []


@pytest.mark.unit
def test_code_form_reports_cut_and_malformed_codes() -> None:
    rows = GOOD[:3] + [
        (
            S,
            None,
            "Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan dengan Perangkat Daerah dan Instansi Vertikal Terkait",
            "",
            "",
            "7.01.02.201.0",
            False,
        ),
        (
            K,
            "7.01.02.2.01",
            "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
            "",
            "",
            "7.01.02.201",
        ),
    ]
    got = _violations(nomenclature_code_form, _doc(rows), aspect="form")
    assert [(v.actual, v.expected) for v in got] == [
        ("7.01.02.201.0", "7.01.02.2.01.01"),
        ("7.01.02.201", "7.01.02.2.01.02"),
    ]
    assert got[0].location.column == "code" and got[0].location.bbox is not None


@pytest.mark.unit
def test_code_form_reports_missing_parents() -> None:
    rows = [GOOD[0], GOOD[2], GOOD[4]]  # no kegiatan 7.01.02.2.01; no program 7.01.01
    got = _violations(nomenclature_code_form, _doc(rows), aspect="parent")
    assert {(v.location.code, v.expected) for v in got} == {
        ("7.01.02.2.01.02", "7.01.02.2.01"),
        ("7.01.01.2.02", "7.01.01"),
    }


@pytest.mark.unit
def test_code_known() -> None:
    assert _violations(nomenclature_code_known, _doc(GOOD)) == []
    unknown = GOOD + [(S, "7.01.02.2.01.09", "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan")]
    (v,) = _violations(nomenclature_code_known, _doc(unknown))
    assert v.location.code == "7.01.02.2.01.09" and v.expected == "7.01.02.2.01.02"
    # the support program written with another unit's urusan.bidang
    foreign = GOOD + [(K, "7.02.01.2.02", "Administrasi Keuangan Perangkat Daerah")]
    (v,) = _violations(nomenclature_code_known, _doc(foreign))
    assert (v.actual, v.expected) == ("7.02.01.2.02", "7.01.01.2.02")


@pytest.mark.unit
def test_code_known_accepts_four_digit_codes() -> None:
    rows = [r if r[1] != "7.01.02.2.01.02" else (S, "7.01.02.2.01.02", *r[2:], "7.01.02.2.01.0002") for r in GOOD]
    assert _violations(nomenclature_code_known, _doc(rows)) == []


@pytest.mark.unit
def test_code_known_not_evaluated_without_plan_year() -> None:
    doc = _doc(GOOD)
    doc.plan_year = None
    (skip,) = list(nomenclature_code_known.check(doc, {"tables": TABLES}))
    assert isinstance(skip, Skip) and "plan year" in skip.reasons["en"]


@pytest.mark.unit
def test_name() -> None:
    assert _violations(nomenclature_name, _doc(GOOD), columns=["name"], threshold=100.0) == []
    slip = GOOD + [(K, "7.01.05.2.01", "Penyelenggaraan Urusan Pemerintahan Umum Sesuai Penugasan Kepada Daerah")]
    (v,) = _violations(nomenclature_name, _doc(slip), columns=["name"], threshold=100.0)
    assert v.expected == "Penyelenggaraan Urusan Pemerintahan Umum Sesuai Penugasan Kepala Daerah"
    assert float(v.fields["similarity"]) > 98
    # a lower threshold accepts a one-letter difference
    assert _violations(nomenclature_name, _doc(slip), columns=["name"], threshold=98.0) == []


@pytest.mark.unit
def test_name_points_at_the_code_whose_name_it_is() -> None:
    rows = GOOD + [(S, "7.01.01.2.02.03", "Koordinasi dan Pelaksanaan Akuntansi SKPD")]
    (v,) = _violations(nomenclature_name, _doc(rows), columns=["name"], threshold=100.0)
    assert "7.01.01.2.02.04" in v.fields["note"]["en"]


@pytest.mark.unit
def test_indicator() -> None:
    assert _violations(nomenclature_indicator, _doc(GOOD), columns=["indicator"], threshold=100.0) == []
    cut = GOOD[:2] + [
        (S, "7.01.02.2.01.02", GOOD[2][2], "Jumlah Dokumen Peningkatan Efektifitas Kegiatan", "4 dokumen")
    ]
    (v,) = _violations(nomenclature_indicator, _doc(cut), columns=["indicator"], threshold=100.0)
    assert v.expected == GOOD[2][3] and v.location.column == "indicator"


@pytest.mark.unit
def test_unit() -> None:
    params = {"columns": ["target"], "synonyms": [["keluarga", "kk"]]}
    assert _violations(nomenclature_unit, _doc(GOOD), **params) == []
    rows = GOOD + [
        (K, "7.01.03.2.06", "Pemberdayaan dan Kesejahteraan Keluarga Tingkat Kecamatan dan Kelurahan"),
        (S, "7.01.03.2.06.03", "Peningkatan Ketahanan Pangan Keluarga", "", "80 orang"),
        (
            S,
            "7.01.03.2.06.07",
            "Penumbuhan Kesadaran Keluarga dalam Peningkatan Derajat Kesehatan Keluarga dan Lingkungan dengan Menerapkan Perilaku Hidup Bersih dan Sehat",
            "",
            "84 KK",
        ),
    ]
    (v,) = _violations(nomenclature_unit, _doc(rows), **params)
    assert (v.location.code, v.actual, v.expected) == ("7.01.03.2.06.03", "orang", "Keluarga")


@pytest.mark.unit
def test_unit_agreement_rules() -> None:
    assert nomenclature_unit.agrees("dokumen-dokumen", "Dokumen", [])
    assert nomenclature_unit.agrees("lembagakemasyar akatan", "Lembaga Kemasyarakatan", [])
    assert nomenclature_unit.agrees("Dokumen", "Laporan / Dokumen", [])
    assert not nomenclature_unit.agrees("bulan", "Orang/bulan", [])


@pytest.mark.unit
def test_previous_code() -> None:
    current = [
        (P, "1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT"),
        (
            S,
            "1.02.02.2.02.55",
            "Pengelolaan Pelayanan Kesehatan Orang yang berisiko Masalah Kesehatan Jiwa",
            "",
            "",
            "1.02.02.2.02.0055",
        ),
    ]
    assert _violations(nomenclature_previous_code, _doc(current, year=2027)) == []
    old = [
        current[0],
        (
            S,
            "1.02.02.2.02.21",
            "Pengelolaan Pelayanan Kesehatan Orang dengan Masalah Kesehatan Jiwa (ODMK)",
            "",
            "",
            "1.02.02.2.02.0021",
        ),
    ]
    (v,) = _violations(nomenclature_previous_code, _doc(old, year=2027))
    assert (v.actual, v.expected) == ("1.02.02.2.02.21", "1.02.02.2.02.55")
    # the old code is not also reported as unknown
    assert _violations(nomenclature_code_known, _doc(old, year=2027)) == []


@pytest.mark.unit
def test_previous_code_not_evaluated_without_previous_codes() -> None:
    (skip,) = list(nomenclature_previous_code.check(_doc(GOOD), {"tables": TABLES}))
    assert isinstance(skip, Skip) and "900" in skip.reasons["en"]


# --- the draft rules on the samples ------------------------------------------------------


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> Any:
    head = yaml.safe_load((ROOT / "rules" / "renja-permendagri86.yaml").read_text(encoding="utf-8"))["ruleset"]
    draft = default_rules("nomenclature")
    path = tmp_path_factory.mktemp("rules") / "nomenclature.yaml"
    path.write_text(yaml.safe_dump({"ruleset": head, "rules": draft}, allow_unicode=True), encoding="utf-8")
    return load_ruleset(path)


def _findings(pdf: Path, rules: Any, rule: str | None = None) -> list[Finding]:
    found = run_rules(extracted(pdf), rules).findings
    return [f for f in found if rule is None or f.rule == rule]


@pytest.mark.samples
def test_reference_malformed_codes(rules: Any) -> None:
    found = _findings(REFERENCE_PDF, rules, "NOM-001")
    tc29 = {f.expected for f in found if f.location.table == "T-C.29"}
    tc31 = {f.expected for f in found if f.location.table == "T-C.31"}
    # REPAIRS.md lines 26-42 (T-C.29 codes cut to "...0") and 142-149 (T-C.31 kegiatan codes)
    assert tc29 == {
        "7.01.01.2.02.02",
        "7.01.01.2.02.07",
        "7.01.01.2.05.02",
        "7.01.01.2.06.04",
        "7.01.01.2.06.09",
        "7.01.01.2.07.02",
        "7.01.01.2.08.01",
        "7.01.02.2.01.02",
        "7.01.02.2.04.03",
        "7.01.04.2.01.02",
        "7.01.05.2.01.08",
        "7.01.06.2.01.02",
        "7.01.06.2.01.03",
    }
    assert tc31 == {
        "7.01.01.2.01.02",
        "7.01.01.2.02.02",
        "7.01.02.2.04.03",
        "7.01.04.2.01.01",
        "7.01.04.2.01.02",
        "7.01.06.2.01.01",
        "7.01.06.2.01.02",
        "7.01.06.2.01.07",
    }
    assert all(f.severity == "error" for f in found)


@pytest.mark.samples
def test_reference_name_and_indicator_slips(rules: Any) -> None:
    names = {(f.location.table, f.location.code) for f in _findings(REFERENCE_PDF, rules, "NOM-004")}
    for kind in ("T-C.29", "T-C.31", "T-C.33", "Tabel 4.1"):
        # REPAIRS.md 215, 217, 220: "Pemerintahan Daerah", "Kntor", "Kepada Daerah"
        assert {(kind, "7.01.01.2.07"), (kind, "7.01.01.2.09.09"), (kind, "7.01.05.2.01")} <= names
    # REPAIRS.md 88 ("Program Kerja") and 43 (.06 carrying the name of .05)
    assert {("T-C.29", "7.01.03.2.01.02"), ("T-C.29", "7.01.01.2.03.06")} <= names
    # T-C.31 repeats the name in its needs-analysis half: one finding, both cells as evidence
    tc31 = [
        f
        for f in _findings(REFERENCE_PDF, rules, "NOM-004")
        if f.location.table == "T-C.31" and f.location.code == "7.01.05.2.01"
    ]
    assert len(tc31) == 1 and {e.location.column for e in tc31[0].evidence if e.role == "stated"} == {
        "name",
        "name_kebutuhan",
    }
    wrong_code = next(f for f in _findings(REFERENCE_PDF, rules, "NOM-004") if f.location.code == "7.01.01.2.03.06")
    assert "7.01.01.2.03.05" in wrong_code.messages["en"]
    indicators = {f.location.code for f in _findings(REFERENCE_PDF, rules, "NOM-005")}
    # REPAIRS.md 53, 71, 93, 218
    assert indicators == {"7.01.01.2.02.02", "7.01.01.2.08.01", "7.01.03.2.06.07", "7.01.01.2.09.09"}
    units = {(f.location.table, f.location.code) for f in _findings(REFERENCE_PDF, rules, "NOM-006")}
    assert ("T-C.33", "7.01.03.2.06.03") in units  # "80 orang" for Keluarga


@pytest.mark.samples
@pytest.mark.parametrize("name", CLEAN)
def test_clean_samples_have_no_nomenclature_error_or_warning(name: str, rules: Any) -> None:
    found = _findings(SAMPLES / "pdf" / f"{name}.pdf", rules)
    assert [f.messages["en"] for f in found if f.severity in ("error", "warning")] == []
