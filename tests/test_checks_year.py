"""Year check types: PASS/FAIL fixtures, the draft rules, and the samples."""

from __future__ import annotations

import pytest
from builders import document, span
from conftest import REFERENCE_PDF, SAMPLES, extracted, ruleset_of

from auditor.model.document import BBox, Caption, Cell, Document, Level, Narrative, Row, Sentence, Table, TextSpan
from auditor.rules.base import Skip, Violation
from auditor.rules.checks import year_legal_reference, year_period, year_phrase, year_table_cell, year_table_header
from auditor.rules.engine import run_rules
from auditor.rules.params import resolve
from auditor.rules.ruleset import RuleSet

CLEAN = ["randuagung-2024-repaired", "sukodono-2024", "tempeh-2025", "pasirian-2024", "kencong-2024"]
BOX = BBox(10, 10, 50, 20)


def _span(text: str, page: int = 1) -> TextSpan:
    return span(text, page)


def _doc(
    *tables: Table,
    sentences: list[str] = (),
    captions: list[str] = (),
    year: int | None = 2024,
    date: str | None = "Juni 2023",
) -> Document:
    narrative = Narrative(
        [],
        [],
        sentences=[Sentence(i, s, None, "paragraph", _span(s)) for i, s in enumerate(sentences)],
        captions=[Caption(None, None, c, _span(c)) for c in captions],
    )
    return document(*tables, narrative=narrative, year=year, pages=1, date=date)


def _header_table(kind: str, headers: dict[str, str]) -> Table:
    return Table(kind, kind, [3], list(headers), headers, [], 1.0)


def _activity_table(kind: str, *activities: str) -> Table:
    rows = [
        Row(0, Level.SUB_KEGIATAN, "7.01.01.2.01.01", "7.01.01.2.01.01", {"name": Cell("Penyusunan Dokumen", 1, BOX)})
    ]
    rows += [Row(i + 1, Level.AKTIVITAS, None, None, {"aktivitas": Cell(a, 1, BOX)}) for i, a in enumerate(activities)]
    return Table(kind, kind, [1], ["code", "name", "aktivitas"], {}, rows, 1.0)


def _params(module, **given) -> dict:
    return resolve(module.PARAMS, given)


def _violations(results: list) -> list[Violation]:
    assert all(isinstance(r, Violation) for r in results), results
    return results


# --- year_table_header ---------------------------------------------------------------------

TC29_GOOD = {
    "realisasi_n3": "Realisasi Target Kinerja s / d t a h u n ( n - 3 ) -2 0 2 1",
    "target_n2": "Target dan Realisasi Tahun Lalu (n-2) - 2022 | Target Renja tahun (n-2) - 2022",
    "target_n2_unit": "Target dan Realisasi Tahun Lalu (n-2) - 2022 | Target Renja tahun (n-2) - 2022",
    "realisasi_capaian": "Perkiraan Realisasi s/d tahun 2023 | Realisasi Capaian s/d tahun berjalan(tahun n-1)-2023",
}
TC33_HEADERS = {
    "amount": "Rencana Tahun 2024 (Tahun Rencana) | Kebutuhan Dana",
    "amount_next": "Prakiraan Maju Rencana Tahun 2025 | Kebutuhan Dana",
}


@pytest.mark.unit
def test_year_table_header_passes_fitting_years() -> None:
    doc = _doc(
        _header_table("T-C.29", TC29_GOOD),
        _header_table("T-C.33", TC33_HEADERS),
        _header_table("T-C.30", {f"target_{y}": f"Target Renstra | Tahun {y}" for y in range(2022, 2026)}),
    )
    assert list(year_table_header.check(doc, _params(year_table_header))) == []


@pytest.mark.unit
def test_year_table_header_reports_wrong_years() -> None:
    tc29 = {**TC29_GOOD, "realisasi_n3": "Realisasi s/d tahun (n-3) - 2022"}
    tc33 = {**TC33_HEADERS, "amount_next": "Prakiraan Maju Rencana Tahun 2024 | Kebutuhan Dana"}
    tc30 = {"target_2026": "Target Renstra | Tahun 2026", "proyeksi_2026": "Proyeksi | Tahun 2026"}
    doc = _doc(_header_table("T-C.29", tc29), _header_table("T-C.33", tc33), _header_table("T-C.30", tc30))
    found = {
        (v.location.table, v.location.column, v.actual, v.expected)
        for v in _violations(list(year_table_header.check(doc, _params(year_table_header))))
    }
    assert found == {
        ("T-C.29", "realisasi_n3", "2022", "2021"),
        ("T-C.33", "amount_next", "2024", "2025"),
        ("T-C.30", "target_2026", "2026", "2022 / 2023 / 2024 / 2025"),
        ("T-C.30", "proyeksi_2026", "2026", "2022 / 2023 / 2024 / 2025"),
    }


@pytest.mark.unit
def test_year_table_header_without_plan_year_is_not_evaluated() -> None:
    (result,) = list(year_table_header.check(_doc(year=None), _params(year_table_header)))
    assert isinstance(result, Skip)


# --- year_table_cell -----------------------------------------------------------------------


@pytest.mark.unit
def test_year_table_cell_passes_next_renja_and_current_perubahan() -> None:
    table = _activity_table(
        "T-C.33",
        "Penyusunan Dokumen Rencana Kerja Perangkat Daerah Tahun 2025",
        "Penyusunan Dokumen Renja Perubahan Perangkat Daerah Tahun 2024",
        "Penyusunan LKjIP Tahun 2023",
        "Pengamalan UUD Negara Republik Indonesia Tahun 1945",
    )
    assert list(year_table_cell.check(_doc(table), _params(year_table_cell))) == []


@pytest.mark.unit
def test_year_table_cell_reports_years_of_earlier_plans() -> None:
    table = _activity_table(
        "Tabel 4.1",
        "Penyusunan Dokumen Rencana Kerja Perangkat Daerah Tahun 2023",
        "Penyusunan Dokumen Renja Perubahan Perangkat Daerah Tahun 2022",
        "Rapat Koordinasi Tahun 2021",
    )
    found = {
        (v.location.code, v.actual, v.expected)
        for v in _violations(list(year_table_cell.check(_doc(table), _params(year_table_cell))))
    }
    assert found == {
        ("7.01.01.2.01.01", "2023", "2025"),
        ("7.01.01.2.01.01", "2022", "2024"),
        ("7.01.01.2.01.01", "2021", "2023 / 2024 / 2025"),
    }


@pytest.mark.unit
def test_year_table_cell_offsets_are_parameters() -> None:
    table = _activity_table("T-C.33", "Rapat Koordinasi Tahun 2021")
    assert list(year_table_cell.check(_doc(table), _params(year_table_cell, allowed_offsets=[-3, 0]))) == []
    (skip,) = list(year_table_cell.check(_doc(table), _params(year_table_cell, tables=["T-C.31"])))
    assert isinstance(skip, Skip)


# --- year_phrase ---------------------------------------------------------------------------

PHRASES = [
    {"pattern": r"prakiraan\s+maju\s+tahun", "offsets": [1]},
    {"pattern": r"\brkpd\s+tahun", "offsets": [0]},
    {"pattern": r"rencana\s+program\s+dan\s+kegiatan(?:\s+perangkat\s+daerah)?\s+tahun", "offsets": [0]},
]


@pytest.mark.unit
def test_year_phrase_passes_own_years() -> None:
    doc = _doc(
        sentences=[
            "Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2024 dan Prakiraan Maju Tahun 2025",
            "Dalam RKPD Tahun 2024 terhadap kebutuhan dapat dilihat pada Tabel T-C.31.",
            "UU Nomor 1 Tahun 2022 tentang Hubungan Keuangan.",
        ]
    )
    assert list(year_phrase.check(doc, _params(year_phrase, phrases=PHRASES))) == []


@pytest.mark.unit
def test_year_phrase_reports_years_of_the_previous_plan() -> None:
    doc = _doc(
        sentences=["Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2023 dan Prakiraan Maju Tahun 2024"],
        captions=["Tabel 2.6 T-C.31 Dalam RKPD Tahun 2023"],
    )
    found = {
        (v.fields["phrase"], v.actual, v.expected)
        for v in _violations(list(year_phrase.check(doc, _params(year_phrase, phrases=PHRASES))))
    }
    assert found == {
        ("Rencana Program dan Kegiatan Perangkat Daerah Tahun", "2023", "2024"),
        ("Prakiraan Maju Tahun", "2024", "2025"),
        ("RKPD Tahun", "2023", "2024"),
    }
    only_sentences = _params(year_phrase, phrases=PHRASES, contexts=["sentence"])
    assert len(list(year_phrase.check(doc, only_sentences))) == 2


@pytest.mark.unit
def test_year_phrase_refuses_a_bad_pattern() -> None:
    with pytest.raises(ValueError):
        _params(year_phrase, phrases=[{"pattern": "(", "offsets": [0]}])
    with pytest.raises(ValueError):
        _params(year_phrase, phrases=[{"pattern": "rkpd", "offset": 0}])


# --- year_legal_reference ------------------------------------------------------------------


@pytest.mark.unit
def test_year_legal_reference_passes_past_regulations() -> None:
    doc = _doc(
        sentences=["Permendagri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan.", "Perbup 16/2022 tentang Renstra."]
    )
    assert list(year_legal_reference.check(doc, _params(year_legal_reference))) == []


@pytest.mark.unit
def test_year_legal_reference_reports_impossible_years() -> None:
    doc = _doc(
        sentences=[
            "Berpedoman pada Permendagri 86/2027 tentang Tata Cara Perencanaan.",
            "Peraturan Bupati Nomor 5 Tahun 2024 tentang RKPD.",
        ]
    )
    found = {
        (v.actual, v.expected)
        for v in _violations(list(year_legal_reference.check(doc, _params(year_legal_reference))))
    }
    assert found == {("2027", "<= 2023"), ("2024", "<= 2023")}
    # Without the signing date only the plan year bounds it.
    found = {v.actual for v in year_legal_reference.check(doc, _params(year_legal_reference, after_date=False))}
    assert found == {"2027"}


# --- year_period ---------------------------------------------------------------------------


@pytest.mark.unit
def test_year_period_passes_current_period_and_cited_titles() -> None:
    doc = _doc(
        sentences=[
            "Kabupaten Lumajang telah menerbitkan dokumen RPD tahun 2024-2026.",
            "Peraturan Daerah Nomor 1 Tahun 2019 tentang RPJMD Kabupaten Lumajang Tahun 2018-2023;",
            "Data tahun 2019-2021 menunjukkan kenaikan.",
        ]
    )
    assert list(year_period.check(doc, _params(year_period))) == []


@pytest.mark.unit
def test_year_period_reports_a_period_without_the_plan_year() -> None:
    doc = _doc(sentences=["Renja ini mengacu kepada Renstra Perangkat Daerah Tahun 2019-2023."])
    (v,) = _violations(list(year_period.check(doc, _params(year_period))))
    assert v.actual == "2019-2023" and v.fields["keyword"] == "Renstra"


# --- the draft rules on the samples --------------------------------------------------------


@pytest.fixture(scope="module")
def ruleset(tmp_path_factory: pytest.TempPathFactory) -> RuleSet:
    return ruleset_of(tmp_path_factory.mktemp("rules"), "year")


@pytest.mark.unit
def test_draft_rules_are_all_year(ruleset) -> None:
    assert {r.category for r in ruleset.rules} == {"year"}
    assert len(ruleset.rules) == 8


@pytest.fixture(scope="module")
def reference(ruleset):
    return run_rules(extracted(REFERENCE_PDF), ruleset)


def _found(result, rule: str) -> set[tuple]:
    return {(f.location.table, f.location.column, f.actual, f.expected) for f in result.findings if f.rule == rule}


@pytest.mark.samples
def test_reference_activities_of_earlier_years(reference) -> None:
    found = {(f.location.table, f.location.code, f.actual) for f in reference.findings if f.rule == "YEAR-002"}
    assert found == {(t, "7.01.01.2.01.01", y) for t in ("T-C.33", "Tabel 4.1") for y in ("2023", "2022")}


@pytest.mark.samples
def test_reference_narrative_plan_years(reference) -> None:
    found = {(f.location.page, f.actual, f.expected) for f in reference.findings if f.rule == "YEAR-003"}
    assert found == {(36, "2023", "2024"), (36, "2024", "2025"), (24, "2023", "2024")}
    rkpd = next(f for f in reference.findings if f.rule == "YEAR-003" and f.location.page == 24)
    assert "RKPD Tahun 2023" in rkpd.messages["id"] and rkpd.location.bbox is not None


@pytest.mark.samples
def test_reference_evaluation_years_and_headers(reference) -> None:
    assert {(f.location.page, f.actual) for f in reference.findings if f.rule == "YEAR-004"} == {
        (8, "2023"),  # "Renja tahun lalu (2023)": n-1
        (23, "2023"),  # PATEN caption
        (25, "2024"),  # T-C.31 caption "... s/d Tahun 2024"
    }
    assert _found(reference, "YEAR-001") == {
        ("T-C.30", "target_2026", "2026", "2022 / 2023 / 2024 / 2025"),
        ("T-C.30", "proyeksi_2026", "2026", "2022 / 2023 / 2024 / 2025"),
    }


@pytest.mark.samples
def test_reference_legal_references_and_periods_are_not_errors(reference) -> None:
    assert not [f for f in reference.findings if f.rule in ("YEAR-005", "YEAR-006")]
    assert reference.not_evaluated == []


@pytest.mark.samples
@pytest.mark.parametrize("name", CLEAN)
def test_clean_samples_have_no_year_findings(ruleset, name: str) -> None:
    result = run_rules(extracted(SAMPLES / "pdf" / f"{name}.pdf"), ruleset)
    assert [f.messages["en"] for f in result.findings] == []
    assert result.not_evaluated == []
