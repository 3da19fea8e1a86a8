"""narrative check types on small hand-built documents, then the draft rules on the samples."""

from __future__ import annotations

import pytest
from builders import document, span
from conftest import REFERENCE_PDF, SAMPLES, extracted, ruleset_of

from auditor.model.document import (
    Amount,
    BBox,
    Cell,
    Count,
    Document,
    Heading,
    Level,
    ListItem,
    Narrative,
    NarrativeList,
    Row,
    Sentence,
    StatedAmount,
    Table,
    TextSpan,
)
from auditor.rules.base import Skip, Violation
from auditor.rules.checks import count_words, narrative_component, narrative_list, stated_count
from auditor.rules.engine import run_rules
from auditor.rules.params import resolve
from auditor.rules.ruleset import RuleSet

P, K, S = Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN


def _span(text: str, page: int = 35) -> TextSpan:
    return span(text, page, BBox(50, 100, 400, 112))


def _row(i: int, level: Level, code: str, name: str, amount: int) -> Row:
    cells = {"name": Cell(name, 40, BBox(10, i, 50, i + 5)), "amount": Cell(f"{amount:,}", 40, BBox(60, i, 90, i + 5))}
    return Row(i, level, code, code, cells, {"amount": Amount(amount, cells["amount"])})


TC33_ROWS = [
    (P, "7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN / KOTA", 1_279_300_839),
    (K, "7.01.01.2.02", "Administrasi Keuangan Perangkat Daerah", 1_279_300_839),
    (S, "7.01.01.2.02.01", "Penyediaan Gaji dan Tunjangan ASN", 1_267_300_839),
    (
        S,
        "7.01.01.2.02.07",
        "Koordinasi dan Penyusunan Laporan Keuangan Bulanan/ Triwulanan/ Semesteran SKPD",
        12_000_000,
    ),
    (P, "7.01.03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", 100_000_000),
    (K, "7.01.03.2.01", "Koordinasi Kegiatan Pemberdayaan Desa", 100_000_000),
    (
        S,
        "7.01.03.2.01.03",
        "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
        100_000_000,
    ),
]


def _tc33() -> Table:
    rows = [_row(i, *spec) for i, spec in enumerate(TC33_ROWS)]
    return Table("T-C.33", "T-C.33", [40], ["code", "name", "amount"], {}, rows, 1.0)


def _doc(narrative: Narrative, *tables: Table) -> Document:
    return document(*(tables or [_tc33()]), narrative=narrative)


def _count(
    value: int, words: str, words_value: int | None, noun: str, sid: int = 0, tail: str = ""
) -> tuple[Count, Sentence]:
    text = f"{value} ({words}) {noun}"
    sentence = Sentence(sid, f"Terdapat {text}{tail} yaitu:", "3.3", "paragraph", _span(text))
    return Count(value, words, words_value, noun.split()[0], _span(text), sid), sentence


def _params(module, **given):
    return resolve(module.PARAMS, given)


# --- count_words ---------------------------------------------------------------------------------


@pytest.mark.unit
def test_count_words_passes_and_fails() -> None:
    ok, s_ok = _count(6, "enam", 6, "program")
    bad, s_bad = _count(6, "lima", 5, "program", sid=1)
    assert list(count_words.check(_doc(Narrative([], [], counts=[ok], sentences=[s_ok])), {})) == []
    (result,) = list(count_words.check(_doc(Narrative([], [], counts=[ok, bad], sentences=[s_ok, s_bad])), {}))
    assert isinstance(result, Violation) and (result.expected, result.actual) == ("6", "5")
    assert result.location.page == 35 and result.location.bbox is not None


@pytest.mark.unit
def test_count_words_without_counts_is_not_evaluated() -> None:
    (result,) = list(count_words.check(_doc(Narrative([], [])), {}))
    assert isinstance(result, Skip)


# --- stated_count --------------------------------------------------------------------------------


def _headings(n: int) -> list[Heading]:
    numerals = ["I", "II", "III", "IV", "V", "VI"]
    return [Heading(1, numerals[i], "X", _span(f"BAB {numerals[i]}")) for i in range(n)]


@pytest.mark.unit
def test_stated_count_matches_table_and_chapters() -> None:
    programs, s1 = _count(2, "dua", 2, "program", sid=0)
    subs, s2 = _count(3, "tiga", 3, "sub kegiatan", sid=1)
    chapters, s3 = _count(5, "lima", 5, "bab", sid=2)
    narrative = Narrative([], [], counts=[programs, subs, chapters], sentences=[s1, s2, s3], headings=_headings(5))
    assert list(stated_count.check(_doc(narrative), _params(stated_count))) == []


@pytest.mark.unit
def test_stated_count_reports_a_wrong_count() -> None:
    programs, s1 = _count(6, "enam", 6, "program", sid=0)
    subs, s2 = _count(2, "dua", 2, "sub kegiatan", sid=1)  # "sub kegiatan", not "kegiatan" (T-C.33 has 2 kegiatan)
    narrative = Narrative([], [], counts=[programs, subs], sentences=[s1, s2], headings=_headings(5))
    results = list(stated_count.check(_doc(narrative), _params(stated_count)))
    got = {(r.fields["noun"], r.expected, r.actual) for r in results}
    assert got == {("program", "2", "6"), ("sub kegiatan", "3", "2")}


# --- narrative_list ------------------------------------------------------------------------------


def _list_doc(items: list[tuple[str, str, int]], section: str = "3.3", before: str | None = None) -> Document:
    list_items = [ListItem(m, t, d, _span(t)) for m, t, d in items]
    sentences = [
        Sentence(10, "Program yang dipangku terdapat 2 (dua) program yaitu:", section, "paragraph", _span("intro"))
    ]
    if before:
        sentences.append(Sentence(11, before, section, "paragraph", _span(before)))
    sentences += [Sentence(12 + n, t, section, "list_item", _span(t)) for n, (_, t, _) in enumerate(items)]
    narrative = Narrative([], [], lists=[NarrativeList(section, list_items)], sentences=sentences)
    return _doc(narrative)


GOOD_LIST = [
    ("A.", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 1),
    ("I.", "Kegiatan Administrasi Keuangan Perangkat Daerah", 2),
    ("1.", "Sub Kegiatan Penyediaan Gaji dan Tunjangan ASN", 3),
    ("2.", "Sub Kegiatan Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD", 3),
    ("B.", "Program Pemberdayaan Masyarakat Desa dan Kelurahan", 1),
    ("I.", "Koordinasi Kegiatan Pemberdayaan Desa", 2),  # no level word: its depth says kegiatan
    ("", "Sub Kegiatan Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah", 3),
    ("", "Kecamatan", 3),  # a wrapped line continues the item above
]


@pytest.mark.unit
@pytest.mark.parametrize("kind", narrative_list.KINDS)
def test_narrative_list_passes_a_faithful_list(kind: str) -> None:
    assert list(narrative_list.check(_list_doc(GOOD_LIST), _params(narrative_list, kind=kind))) == []


@pytest.mark.unit
def test_narrative_list_reports_missing_extra_duplicate_misnamed() -> None:
    items = [
        ("A.", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 1),
        ("I.", "Kegiatan Administrasi Keuangan Perangkat Daerah", 2),
        ("1.", "Sub Kegiatan Penyediaan Gaji dan Tunjangan ASN", 3),
        ("2.", "Sub Kegiatan Koordinasi dan Pelaksanaan Akuntansi SKPD", 3),  # extra
        ("B.", "Program Pemberdayaan Masyarakat Desa dan Kelurahan", 1),
        ("I.", "Kegiatan Koordinasi Kegiatan Pemberdayaan Desa", 2),
        ("1.", "Sub Kegiatan Peningkatab Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan", 3),  # typo
        ("C.", "Program Pemberdayaan Masyarakat Desa dan Kelurahan", 1),  # duplicate
    ]
    doc = _list_doc(items)

    def run(kind: str) -> set[tuple[str | None, str | None, str | None]]:
        return {
            (r.location.code, r.expected, r.actual)
            for r in narrative_list.check(doc, _params(narrative_list, kind=kind))
        }

    assert run("missing") == {
        ("7.01.01.2.02.07", "Koordinasi dan Penyusunan Laporan Keuangan Bulanan/ Triwulanan/ Semesteran SKPD", None)
    }
    assert run("extra") == {(None, None, "Sub Kegiatan Koordinasi dan Pelaksanaan Akuntansi SKPD")}
    assert run("duplicate") == {
        (
            None,
            "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
            "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
        )
    }
    assert run("misnamed") == {
        (
            "7.01.03.2.01.03",
            "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
            "Sub Kegiatan Peningkatab Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
        ),
    }


@pytest.mark.unit
def test_narrative_list_unnumbered_first_item_in_a_paragraph() -> None:
    items = [("2.", "Program Pemberdayaan Masyarakat Desa dan Kelurahan;", 1)]
    params = _params(narrative_list, section="IV", levels=["program"], depth_levels=["program"])
    with_paragraph = _list_doc(
        items, section="IV", before="Program Penunjang Urusan Pemerintahan Daerah Kabupaten/ Kota;"
    )
    assert list(narrative_list.check(with_paragraph, params)) == []
    without = _list_doc(items, section="IV")
    assert [r.location.code for r in narrative_list.check(without, params)] == ["7.01.01"]
    # The introduction ("… yaitu:") before a list is not an item.
    assert list(narrative_list.check(_list_doc(GOOD_LIST), _params(narrative_list, kind="extra"))) == []


@pytest.mark.unit
def test_narrative_list_without_a_list_is_not_evaluated() -> None:
    (result,) = list(narrative_list.check(_doc(Narrative([], [])), _params(narrative_list)))
    assert isinstance(result, Skip)


# --- narrative_component -------------------------------------------------------------------------


def _stated(total: int, pegawai: int, barang: int) -> list[StatedAmount]:
    sentence = "Jumlah Anggaran ... sebesar Rp. X terdiri dari Belanja Pegawai ... dan Belanja Barang dan Jasa ..."
    return [
        StatedAmount(total, _span(f"Rp. {total:,}", 59), "Jumlah Anggaran", "total", sentence, 7),
        StatedAmount(pegawai, _span(f"Rp. {pegawai:,}", 59), "Belanja Pegawai", "component", sentence, 7),
        StatedAmount(barang, _span(f"Rp. {barang:,}", 59), "Belanja Barang dan Jasa", "component", sentence, 7),
    ]


@pytest.mark.unit
def test_narrative_component_passes_and_fails() -> None:
    params = _params(narrative_component)
    total = 1_379_300_839  # Σ programs of the fixture T-C.33
    good = _doc(Narrative([], _stated(total, 1_267_300_839, 112_000_000)))
    assert list(narrative_component.check(good, params)) == []
    bad = _doc(Narrative([], _stated(total, 1_267_300_839, 111_960_000)))
    (result,) = list(narrative_component.check(bad, params))
    assert (result.fields["label"], result.expected, result.actual) == (
        "Belanja Barang dan Jasa",
        "112000000",
        "111960000",
    )
    # The rest is computed from the table, so only the wrong part is reported.
    wrong_pegawai = _doc(Narrative([], _stated(total, 1_267_000_000, 112_000_000)))
    (result,) = list(narrative_component.check(wrong_pegawai, params))
    assert (result.fields["label"], result.expected, result.fields["source"]) == (
        "Belanja Pegawai",
        "1267300839",
        "7.01.01.2.02.01",
    )


@pytest.mark.unit
def test_narrative_component_unknown_part_leaves_the_rest_unevaluated() -> None:
    stated = _stated(1_379_300_839, 1_267_300_839, 100_000_000)
    modal = StatedAmount(12_000_000, _span("Rp. 12.000.000", 59), "Belanja Modal", "component", stated[0].sentence, 7)
    doc = _doc(Narrative([], stated + [modal]))
    assert list(narrative_component.check(doc, _params(narrative_component))) == []


# --- the draft rules on the samples --------------------------------------------------------------


@pytest.fixture(scope="module")
def ruleset(tmp_path_factory: pytest.TempPathFactory) -> RuleSet:
    return ruleset_of(tmp_path_factory.mktemp("rules"), "narrative")


@pytest.mark.unit
def test_draft_rules_are_all_narrative(ruleset) -> None:
    assert {r.category for r in ruleset.rules} == {"narrative"}


@pytest.mark.samples
def test_reference_findings(ruleset) -> None:
    result = run_rules(extracted(REFERENCE_PDF), ruleset)

    def codes(rule: str) -> set[str | None]:
        return {f.location.code for f in result.findings if f.rule == rule}

    # BAB IV: a duplicate and two missing programs ("Penunjang" is there, unnumbered).
    assert codes("NAR-009") == {"7.01.04", "7.01.06"}
    assert [f.actual for f in result.findings if f.rule == "NAR-011"] == [
        "Program Pemberdayaan Masyarakat Desa dan Kelurahan"
    ]
    assert codes("NAR-010") == set() and codes("NAR-012") == set()
    # BAB III 3.3 against T-C.33 (REPAIRS.md row 22).
    assert codes("NAR-005") == {
        "7.01.02.2.04",
        "7.01.03.2.06",
        "7.01.01.2.01.07",
        "7.01.01.2.02.07",
        "7.01.01.2.03.01",
        "7.01.01.2.06.07",
        "7.01.02.2.04.03",
        "7.01.03.2.01.02",
        "7.01.03.2.06.03",
        "7.01.03.2.06.12",
        "7.01.06.2.01.01",
        "7.01.06.2.01.07",
        "7.01.06.2.01.11",
    }
    extra = {f.actual for f in result.findings if f.rule == "NAR-006"}
    assert "Sub Kegiatan Koordinasi dan Pelaksanaan Akuntansi SKPD" in extra
    assert "Kegiatan Koordinasi Penyelenggaraan Kegiatan Pemerintahan dan Pelayanan Publik" in extra
    assert len(extra) == 7
    assert {"7.01.02", "7.01.05.2.01", "7.01.01.2.02.02"} <= codes("NAR-008")
    # Belanja barang dan jasa = total − belanja pegawai (REPAIRS.md row 21).
    (component,) = [f for f in result.findings if f.rule == "NAR-013"]
    assert (component.expected, component.actual) == ("649185350", "649145350")
    # The Lumajang template lists no desa in a table of its own, so NAR-018 has nothing to go by.
    assert {n.rule for n in result.not_evaluated} == {"NAR-018"}


@pytest.mark.samples
@pytest.mark.parametrize(
    "name", ["randuagung-2024-repaired", "sukodono-2024", "tempeh-2025", "pasirian-2024", "kencong-2024"]
)
def test_clean_samples_have_no_narrative_findings(ruleset, name: str) -> None:
    result = run_rules(extracted(SAMPLES / "pdf" / f"{name}.pdf"), ruleset)
    assert [f.messages["en"] for f in result.findings if f.severity in ("error", "warning")] == []
    assert {n.rule for n in result.not_evaluated} == {"NAR-018"}  # no table of the kecamatan's desa
