"""Structure check types: PASS/FAIL fixtures, the draft rules, and the samples."""

from __future__ import annotations

import pytest
from builders import document, span
from conftest import REFERENCE_PDF, SAMPLES, extracted, ruleset_of

from auditor.model.document import (
    BBox,
    Caption,
    Cell,
    ContentsEntry,
    Document,
    Heading,
    Level,
    Narrative,
    Row,
    Sentence,
    Table,
    TextSpan,
)
from auditor.rules.base import Skip, Violation
from auditor.rules.checks import (
    structure_caption_title,
    structure_heading_sequence,
    structure_leftover,
    structure_scanned_pages,
    structure_sections,
    structure_table_name,
    structure_table_numbers,
    structure_tables,
    structure_toc,
)
from auditor.rules.engine import run_rules
from auditor.rules.params import resolve
from auditor.rules.ruleset import RuleSet

CLEAN = ["randuagung-2024-repaired", "sukodono-2024", "tempeh-2025", "pasirian-2024", "kencong-2024"]
BOX = BBox(10, 10, 50, 20)
OUTLINE = [
    "I",
    "1.1",
    "1.2",
    "1.3",
    "1.4",
    "II",
    "2.1",
    "2.2",
    "2.3",
    "2.4",
    "2.5",
    "III",
    "3.1",
    "3.2",
    "3.2.1",
    "3.2.2",
    "3.3",
    "IV",
    "V",
]


def _span(text: str, page: int = 5) -> TextSpan:
    return span(text, page)


def _heading(number: str, title: str = "Judul") -> Heading:
    level = 1 if not number[0].isdigit() else number.count(".") + 1
    text = f"BAB {number} {title}" if level == 1 else f"{number} {title}"
    return Heading(level, number, title, _span(text))


def _doc(
    headings: list[str] = (),
    sentences: list[tuple[str, int]] = (),
    captions: list[tuple[str, str | None, str]] = (),
    tables: list[Table] = (),
    scanned: list[int] = (),
) -> Document:
    narrative = Narrative(
        [],
        [],
        headings=[_heading(h) for h in headings],
        sentences=[Sentence(i, t, None, "paragraph", _span(t, p)) for i, (t, p) in enumerate(sentences)],
        captions=[Caption(n, k, t, _span(t)) for n, k, t in captions],
    )
    return document(*tables, narrative=narrative, scanned_pages=list(scanned))


def _params(module, **given) -> dict:
    return resolve(module.PARAMS, given)


def _violations(results: list) -> list[Violation]:
    assert all(isinstance(r, Violation) for r in results), results
    return results


@pytest.mark.unit
def test_sections_pass_the_full_outline() -> None:
    assert list(structure_sections.check(_doc(OUTLINE), _params(structure_sections))) == []


@pytest.mark.unit
def test_sections_report_missing_parts() -> None:
    headings = [h for h in OUTLINE if h not in ("2.4", "V")]
    found = {
        v.fields["number"]
        for v in _violations(list(structure_sections.check(_doc(headings), _params(structure_sections))))
    }
    assert found == {"2.4", "BAB V"}
    profile = _params(structure_sections, required=[{"number": "I", "title": "Pendahuluan"}])
    assert list(structure_sections.check(_doc(headings), profile)) == []
    assert isinstance(next(iter(structure_sections.check(_doc(), profile))), Skip)


@pytest.mark.unit
def test_heading_sequence_passes_consecutive_numbers() -> None:
    assert list(structure_heading_sequence.check(_doc(OUTLINE), {})) == []


@pytest.mark.unit
def test_heading_sequence_reports_a_gap_once() -> None:
    headings = [h if h != "3.2.2" else "3.2.4" for h in OUTLINE]
    (v,) = _violations(list(structure_heading_sequence.check(_doc(headings), {})))
    assert (v.actual, v.expected, v.fields["previous"]) == ("3.2.4", "3.2.2", "3.2.1")
    (v,) = _violations(list(structure_heading_sequence.check(_doc(["I", "II", "IV", "V"]), {})))
    assert (v.actual, v.expected) == ("BAB IV", "BAB III")


def _table(kind: str, nihil: bool = False) -> Table:
    return Table(kind, kind, [1], [], {}, [], 1.0, nihil=nihil)


@pytest.mark.unit
def test_tables_pass_with_a_nihil_tc32() -> None:
    kinds = ["T-C.29", "T-C.30", "T-C.31", "T-C.33", "Tabel 4.1", "Tabel 3.2", "Tabel 3.3"]
    doc = _doc(tables=[_table(k) for k in kinds] + [_table("T-C.32", nihil=True)])
    assert list(structure_tables.check(doc, _params(structure_tables))) == []


@pytest.mark.unit
def test_tables_report_missing_and_nihil_tables() -> None:
    doc = _doc(tables=[_table("T-C.29"), _table("T-C.33", nihil=True)])
    params = _params(structure_tables, required=["T-C.29", "T-C.31", "T-C.33"])
    found = {(v.location.table, v.actual) for v in _violations(list(structure_tables.check(doc, params)))}
    assert found == {("T-C.31", None), ("T-C.33", "NIHIL")}


PATEN = "Tabel 2.5 Hasil Pelaksanaan Administrasi Terpadu Kecamatan (PATEN)"
TC31 = "Tabel 2.6 T-C.31 Review terhadap Rancangan Awal RKPD Tahun 2024"


@pytest.mark.unit
def test_table_numbers_pass_unique_and_repeated_captions() -> None:
    captions = [
        ("2.5", None, PATEN),
        ("2.6", "T-C.31", TC31),
        ("2.6", "T-C.31", TC31),
        ("1.3", None, "Gambar 1.3 Bagan"),
        ("1.3", None, "Tabel 1.3 Data"),
    ]
    assert list(structure_table_numbers.check(_doc(captions=captions), _params(structure_table_numbers))) == []


@pytest.mark.unit
def test_table_numbers_report_two_tables_with_one_number() -> None:
    captions = [
        ("2.6", None, PATEN.replace("2.5", "2.6")),
        ("2.6", "T-C.31", TC31),
        ("2.6", "T-C.31", "Lanjutan Tabel 2.6"),
    ]
    (v,) = _violations(list(structure_table_numbers.check(_doc(captions=captions), _params(structure_table_numbers))))
    assert v.actual == "2.6" and v.location.table == "T-C.31" and "PATEN" in v.fields["first_caption"]


WRONG_TITLE = "Tabel 2.6 T-C 31 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah s/d Tahun 2024"


@pytest.mark.unit
def test_caption_title_passes_own_titles() -> None:
    doc = _doc(captions=[("2.6", "T-C.31", TC31), ("4.1", "Tabel 4.1", "TABEL 4.1 Program Utama Kegiatan")])
    for report in ("foreign", "missing"):
        assert list(structure_caption_title.check(doc, _params(structure_caption_title, report=report))) == []


@pytest.mark.unit
def test_caption_title_reports_foreign_and_missing_titles() -> None:
    doc = _doc(
        captions=[
            ("2.6", "T-C.31", WRONG_TITLE),
            ("3.4", "T-C.33", "TABEL 3.4 T-C.33 Rencana Kegiatan"),
            ("4.1", "Tabel 4.1", "TABEL 4.1 Rencana Kerja dan Pendanaan"),
        ]
    )
    (foreign,) = _violations(list(structure_caption_title.check(doc, _params(structure_caption_title))))
    assert (foreign.location.table, foreign.fields["other_kind"]) == ("T-C.31", "T-C.29")
    (missing,) = _violations(
        list(structure_caption_title.check(doc, _params(structure_caption_title, report="missing")))
    )
    assert missing.location.table == "T-C.33" and "rumusan" in missing.fields["expected_title"]


TOC = [
    ("KATA PENGANTAR", "ii"),
    ("BAB I PENDAHULUAN", None),
    ("1.1. Latar Belakang", "1"),
    ("1.2. Landasan Hukum", "3"),
    ("1.3. Maksud dan Tujuan", "5"),
    ("BAB II HASIL EVALUASI", "7"),
]


def _toc_doc(toc: list[tuple[str, str | None]], headings: list[tuple[str, str]]) -> Document:
    doc = _doc()
    doc.narrative.contents = [ContentsEntry("isi", text, page, _span(text, 3)) for text, page in toc]
    doc.narrative.headings = [_heading(n, t) for n, t in headings]
    return doc


@pytest.mark.unit
def test_toc_passes_matching_headings() -> None:
    headings = [
        ("I", "PENDAHULUAN"),
        ("1.1", "Latar Belakang"),
        ("1.2", "Landasan Hukum"),
        ("1.3", "Maksud dan Tujuan"),
        ("II", "Hasil Evaluasi"),
        ("2.1.1", "Rincian"),
    ]
    assert list(structure_toc.check(_toc_doc(TOC, headings), _params(structure_toc))) == []


@pytest.mark.unit
def test_toc_reports_differences() -> None:
    toc = [(t.replace("PENDAHULUAN", "PENDAHULUAH"), p) for t, p in TOC]
    headings = [
        ("I", "PENDAHULUAN"),
        ("1.1", "Latar Belakang"),
        ("1.2", "Landasan Hukum"),
        ("II", "Hasil Evaluasi"),
        ("2.1", "Evaluasi"),
    ]
    found = {
        (v.fields["number"], v.actual, v.expected)
        for v in _violations(list(structure_toc.check(_toc_doc(toc, headings), _params(structure_toc))))
    }
    assert found == {
        ("BAB I", "PENDAHULUAH", "PENDAHULUAN"),
        ("1.3", "Maksud dan Tujuan", None),
        ("2.1", None, "Evaluasi"),
    }
    assert isinstance(next(iter(structure_toc.check(_doc(), _params(structure_toc)))), Skip)


@pytest.mark.unit
def test_leftover_passes_contents_leaders_and_sd() -> None:
    doc = _doc(
        sentences=[("Latar Belakang ........ 1", 3), ("Realisasi s/d tahun 2023.", 8), ("Program Utama yaitu:", 49)]
    )
    assert list(structure_leftover.check(doc, _params(structure_leftover))) == []


@pytest.mark.unit
def test_leftover_reports_template_text() -> None:
    row = Row(0, Level.AKTIVITAS, None, None, {"aktivitas": Cell("Belanja [isi nama barang]", 40, BOX)})
    doc = _doc(
        sentences=[("Program Utama yaitu: SESUAIKAN", 49), ("Nama kegiatan xxx", 12), ("Sebesar Rp. ....", 50)],
        tables=[Table("T-C.33", "T-C.33", [40], ["aktivitas"], {}, [row], 1.0)],
    )
    found = {v.actual for v in _violations(list(structure_leftover.check(doc, _params(structure_leftover))))}
    assert found == {"SESUAIKAN", "xxx", "....", "[isi nama barang]"}


@pytest.mark.unit
def test_table_name_form() -> None:
    good = _doc(sentences=[("dapat dilihat pada Tabel T-C.33.", 36)], captions=[("2.6", "T-C.31", TC31)])
    assert list(structure_table_name.check(good, _params(structure_table_name))) == []
    bad = _doc(
        sentences=[("dapat dilihat pada tabel TC-33:", 36), ("seperti tersaji dalam Tabel T.C- 32", 30)],
        captions=[("2.6", "T-C.31", WRONG_TITLE)],
    )
    found = {
        (v.actual, v.expected)
        for v in _violations(list(structure_table_name.check(bad, _params(structure_table_name))))
    }
    assert found == {("TC-33", "T-C.33"), ("T.C- 32", "T-C.32"), ("T-C 31", "T-C.31")}


@pytest.mark.unit
def test_scanned_pages() -> None:
    assert list(structure_scanned_pages.check(_doc(), {})) == []
    found = [v.location.page for v in structure_scanned_pages.check(_doc(scanned=[12, 13]), {})]
    assert found == [12, 13]


# --- the draft rules on the samples --------------------------------------------------------


@pytest.fixture(scope="module")
def ruleset(tmp_path_factory: pytest.TempPathFactory) -> RuleSet:
    return ruleset_of(tmp_path_factory.mktemp("rules"), "structure")


@pytest.mark.unit
def test_draft_rules_are_all_structure(ruleset) -> None:
    assert {r.category for r in ruleset.rules} == {"structure"}
    assert len(ruleset.rules) == 12  # STR-001..011 and BAT-003 (across a batch)


@pytest.fixture(scope="module")
def reference(ruleset):
    return run_rules(extracted(REFERENCE_PDF), ruleset)


def _of(result, rule: str) -> list:
    return [f for f in result.findings if f.rule == rule]


@pytest.mark.samples
def test_reference_numbering(reference) -> None:
    (gap,) = _of(reference, "STR-002")
    assert (gap.actual, gap.expected, gap.location.page) == ("3.2.4", "3.2.2", 34)
    (dup,) = _of(reference, "STR-004")
    assert (dup.actual, dup.location.table, dup.location.page) == ("2.6", "T-C.31", 25)


@pytest.mark.samples
def test_reference_captions(reference) -> None:
    (foreign,) = _of(reference, "STR-005")
    assert foreign.location.table == "T-C.31" and "carries the T-C.29 title" in foreign.messages["en"]
    # "Program Utama" is one kabupaten's wording for its BAB IV table, not a Permendagri title.
    assert not _of(reference, "STR-006")
    assert {f.actual for f in _of(reference, "STR-009")} == {"T-C 31", "TC-.32.", "T.C- 32", "TC-33"}


@pytest.mark.samples
def test_reference_leftovers_and_contents(reference) -> None:
    assert {(f.actual, f.location.page) for f in _of(reference, "STR-008")} == {
        ("SESUAIKAN", 49),
        ("(disesuaikan dengan situasi dan kondisi)", 20),
    }
    assert {f.location.row for f in _of(reference, "STR-007")} == {"BAB I", "2.1", "2.3", "3.2"}
    assert not _of(reference, "STR-001") and not _of(reference, "STR-003") and not _of(reference, "STR-010")
    assert reference.not_evaluated == []


@pytest.mark.samples
@pytest.mark.parametrize("name", CLEAN)
def test_clean_samples_have_no_structure_findings(ruleset, name: str) -> None:
    result = run_rules(extracted(SAMPLES / "pdf" / f"{name}.pdf"), ruleset)
    assert [f.messages["en"] for f in result.findings] == []
    assert result.not_evaluated == []
