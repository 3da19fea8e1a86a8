"""One regression test per false-alarm class found on documents from other templates,
each on the sample families that show it (samples/families/, rendered in samples/pdf)."""

from __future__ import annotations

import copy
import dataclasses
from functools import cache
from pathlib import Path

import pytest
from conftest import SAMPLES, extracted

from auditor.extract.pdf.layout import open_bottoms
from auditor.findings import Finding
from auditor.model.document import Document, Level
from auditor.rules import run_rules
from auditor.rules.ruleset import load_ruleset


def _doc(name: str) -> Document:
    return extracted(SAMPLES / "pdf" / f"{name}.pdf")


@cache
def _audit(name: str, rules: str = "renja-permendagri86") -> tuple[list[Finding], list[str]]:
    result = run_rules(_doc(name), load_ruleset(Path(rules)))
    return result.findings, [n.rule for n in result.not_evaluated]


def _rules(name: str, rules: str = "renja-permendagri86") -> set[str]:
    return {f.rule for f in _audit(name, rules)[0]}


@pytest.mark.samples
@pytest.mark.parametrize("name", ["tegalampel-2027", "parakan-2026", "kraksaan-2025"])
def test_contents_pages_are_not_the_outline(name: str) -> None:
    """A table of contents, list of tables or of figures at the front (dot leaders, page
    numbers) is read as contents: no heading, caption or leftover comes from it."""
    doc = _doc(name)
    contents = doc.narrative.contents
    assert {"isi", "tabel"} <= {e.listing for e in contents}
    assert any(e.text.startswith("BAB I") for e in contents)
    last_contents_page = max(e.span.page for e in contents)
    assert all(h.span.page > last_contents_page for h in doc.narrative.headings)
    chapters = [h.number for h in doc.narrative.headings if h.level == 1]
    assert chapters == sorted(set(chapters), key=chapters.index) and chapters[0] == "I"
    assert all(c.span.page > last_contents_page for c in doc.narrative.captions)
    rules = "renja-2027" if name == "tegalampel-2027" else "renja-permendagri86"
    assert not _rules(name, rules) & {"STR-002", "STR-004", "STR-007", "STR-008"}


@pytest.mark.samples
def test_contents_without_page_numbers_are_read_too() -> None:
    entries = [e for e in _doc("situbondo-diskominfo-2025").narrative.contents if e.listing == "isi"]
    assert len(entries) >= 15 and all(e.page_label is None for e in entries)
    assert "STR-007" not in _rules("situbondo-diskominfo-2025")


@pytest.mark.samples
@pytest.mark.parametrize(
    ("name", "table", "code"),
    [
        ("kraksaan-2025", "T-C.31", "7.01.01"),
        ("kraksaan-2025", "Tabel 4.1", "7.01.01"),
        ("tegalampel-2027", "T-C.33", "7.01.02"),
    ],
)
def test_several_values_in_one_cell_are_several_indicators(name: str, table: str, code: str) -> None:
    row = next(r for r in _doc(name).tables_of(table)[0].rows if r.code == code)
    parts = [row.cells, *row.sub_rows]
    assert len(parts) >= 2
    quantities = [p["target"].text for p in parts]
    assert all(len(q.split()) <= 2 for q in quantities), quantities  # "100%", "70,50 poin": one value each
    assert all(p.get("indicator") is not None and p["indicator"].text for p in parts)
    assert not _rules(name, "renja-2027" if name.startswith("tegalampel") else "renja-permendagri86") & {
        "XT-002",
        "XT-003",
        "IT-004",
        "IT-009",
        "NOM-006",
    }


@pytest.mark.samples
def test_stacked_targets_are_compared_indicator_by_indicator() -> None:
    """The defect variant's second indicator of 7.01.02 has its n+1 target in another unit."""
    found = [f for f in _audit("kraksaan-2025-defects")[0] if f.rule == "IT-009"]
    assert [(f.location.code, f.location.table) for f in found] == [("7.01.02", "T-C.33")]


@pytest.mark.samples
@pytest.mark.parametrize(
    ("name", "kind", "label"),
    [
        ("parakan-2026", "Tabel 3.2", "Tabel 3.1"),
        ("parakan-2026", "Tabel 3.3", "Tabel III.2"),
        ("parakan-2026", "Tabel 4.1", "Tabel IV.1"),
        ("situbondo-diskominfo-2025", "Tabel 3.3", "Tabel 3.2"),
    ],
)
def test_tables_are_found_by_their_words_not_their_numbers(name: str, kind: str, label: str) -> None:
    (table,) = _doc(name).tables_of(kind)
    assert table.label == label
    assert "STR-003" not in _rules(name)  # Situbondo has no BAB IV table at all: not required


@pytest.mark.samples
def test_a_finding_names_the_table_as_the_document_numbers_it() -> None:
    found = next(f for f in _audit("parakan-2026-defects")[0] if f.rule == "XT-008")
    assert (found.location.table, found.location.table_label) == ("Tabel 3.3", "Tabel III.2")
    assert "Tabel III.2" in found.messages["id"]


@pytest.mark.samples
@pytest.mark.parametrize("name", ["parakan-2026", "kraksaan-2025", "tegalampel-2027"])
def test_program_lists_are_read_however_numbered(name: str) -> None:
    """BAB III lists numbered A./1./a) (sub kegiatan items without the words "Sub Kegiatan"),
    wrapped over lines and pages, are compared with T-C.33 and agree with it."""
    rules = "renja-2027" if name.startswith("tegalampel") else "renja-permendagri86"
    findings, skipped = _audit(name, rules)
    assert not {"NAR-005", "NAR-006", "NAR-007", "NAR-008"} & set(skipped)
    assert not {"NAR-005", "NAR-006", "NAR-007", "NAR-008", "NAR-009", "NAR-010"} & {f.rule for f in findings}


@pytest.mark.samples
def test_a_row_cut_by_a_page_break_is_one_row() -> None:
    """The browser-printed SIPD matrix leaves the part of a row above a page break without
    a bottom border; the row is still read whole, its merged cells included."""
    doc = _doc("situbondo-diskominfo-2025")
    tc33 = doc.tables_of("T-C.33")[0]
    program = next(r for r in tc33.rows if r.code == "2.16.02")
    assert program.cells["prioritas_nasional"].text.endswith("Korupsi dan Narkoba")
    assert all("prioritas_nasional" not in sub for sub in program.sub_rows)
    assert sum(r.level == Level.SUB_KEGIATAN for r in tc33.rows) == 50
    assert not _rules("situbondo-diskominfo-2025") & {"TOT-001", "TOT-002", "NOM-002", "XT-005", "NAR-006", "NOM-004"}


@pytest.mark.unit
def test_open_table_bottoms_are_closed_only_where_a_row_was_cut() -> None:
    h = lambda y, x0=0, x1=300: {"orientation": "h", "x0": x0, "x1": x1, "top": y, "bottom": y}  # noqa: E731
    v = lambda x, top, bottom: {"orientation": "v", "x0": x, "x1": x, "top": top, "bottom": bottom}  # noqa: E731
    cut = [h(100), *(v(x, 100, 180) for x in (0, 100, 200, 300))]
    assert open_bottoms(cut) == [180]
    closed = [*cut, h(180)]
    assert open_bottoms(closed) == []
    merged = [
        h(100),
        h(140, 0, 100),
        *(v(x, 100, 140) for x in (0, 100, 200, 300)),
        *(v(x, 140, 180) for x in (0, 100, 200, 300)),
    ]
    assert 140 not in open_bottoms(merged)  # the rules go on below: a merged cell, not a cut row


@pytest.mark.samples
@pytest.mark.parametrize("name", ["kraksaan-2025", "parakan-2026"])
def test_a_hyphen_at_a_line_end_joins_the_word(name: str) -> None:
    text = " ".join(s.text for s in _doc(name).narrative.sentences)
    assert "perundang-undangan" in text.lower() and "perundang- undangan" not in text.lower()
    assert "STR-009" not in _rules(name)


@pytest.mark.samples
@pytest.mark.parametrize("name", ["parakan-2026", "tegalampel-2027", "kraksaan-2025"])
def test_a_year_in_an_official_name_is_no_year_reference(name: str) -> None:
    doc = _doc(name)
    assert any("Tahun 1945" in r.label for t in doc.tables for r in t.rows), "the sample must show the case"
    rules = "renja-2027" if name.startswith("tegalampel") else "renja-permendagri86"
    assert not [f for f in _audit(name, rules)[0] if f.category == "year"]


@pytest.mark.samples
@pytest.mark.parametrize("name", ["parakan-2026", "kraksaan-2025", "tegalampel-2027", "situbondo-diskominfo-2025"])
def test_a_count_of_a_part_is_compared_with_what_it_counts(name: str) -> None:
    """ "2 (dua) sub kegiatan belum mencapai target" is not the number of sub kegiatan: NAR-004
    leaves it, NAR-016 compares it with T-C.29's rows below 100 %, and both agree."""
    doc = _doc(name)
    assert any("belum mencapai target" in s.text and "(dua)" in s.text for s in doc.narrative.sentences)
    rules = "renja-2027" if name.startswith("tegalampel") else "renja-permendagri86"
    findings, skipped = _audit(name, rules)
    assert "NAR-016" not in skipped
    assert not {"NAR-004", "NAR-016"} & {f.rule for f in findings}


# --- Classes the held-out family (kota-dinas, built apart from the tuning) exposed ---------


@pytest.mark.samples
def test_a_table_name_cut_at_a_line_end_is_joined() -> None:
    """ "... dalam Tabel T-" / "C.31, ..." in justified text reads "T-C.31", no leftover hyphen."""
    doc = _doc("madiun-dukcapil-2026")
    text = next(s.text for s in doc.narrative.sentences if "rancangan awal RKPD dalam Tabel" in s.text)
    assert "Tabel T-C.31" in text and "T- C" not in text
    assert "STR-009" not in _rules("madiun-dukcapil-2026")


@pytest.mark.samples
def test_running_text_that_starts_a_line_with_a_table_name_is_no_caption() -> None:
    """A wrapped line "Tabel 2.5 (T-C.30). Cakupan ..." inside a paragraph is not the T-C.30
    caption: no second caption, no "caption without its title", no number used twice."""
    doc = _doc("madiun-dukcapil-2026")
    assert [c.span.page for c in doc.narrative.captions if c.kind == "T-C.30"] == [19]
    assert not _rules("madiun-dukcapil-2026") & {"STR-004", "STR-006"}


@pytest.mark.samples
@pytest.mark.parametrize("name", ["madiun-dukcapil-2026", "kraksaan-2025", "kencong-2024"])
def test_a_table_caption_leaves_out_the_paragraph_above_it(name: str) -> None:
    for table in _doc(name).tables:
        if table.number:
            assert table.caption.lower().startswith(("tabel", "lanjutan")), table.caption


@pytest.mark.samples
def test_an_amount_of_another_budget_year_is_not_the_plan_total() -> None:
    """ "pagu anggaran ... tahun 2024 sebesar Rp8.946.215.000,00 terealisasi ..." in a 2026
    Renja is last year's budget, not the total NAR-001 compares with T-C.33."""
    doc = _doc("madiun-dukcapil-2026")
    last_year = next(a for a in doc.narrative.stated_amounts if a.value == 8_946_215_000)
    assert last_year.years == (2024, 2024)
    assert "NAR-001" not in _rules("madiun-dukcapil-2026")


@pytest.mark.samples
def test_a_split_of_a_part_is_not_a_split_of_the_total() -> None:
    """ "Belanja Operasi meliputi Belanja Pegawai ... dan Belanja Barang dan Jasa ...": the
    goods-and-services figure is not the table total minus personnel (there is Belanja
    Modal besides), while the reference's "Jumlah Anggaran ... terdiri dari ..." still is."""
    findings, skipped = _audit("madiun-dukcapil-2026")
    assert "NAR-013" not in {f.rule for f in findings} and "NAR-013" not in skipped  # Belanja Pegawai was compared
    assert any(f.rule == "NAR-013" and "Barang dan Jasa" in f.messages["id"] for f in _audit("randuagung-2024")[0])


@pytest.mark.samples
def test_an_amount_and_its_words_are_compared() -> None:
    doc = _doc("madiun-dukcapil-2026-defects")
    spelled = [c for c in doc.narrative.counts if c.noun == "rupiah"]
    assert [(c.value, c.words_value) for c in spelled] == [(8_851_080_000, 8_815_080_000)]
    assert any(
        f.rule == "NAR-003" and "8.851.080.000" in f.messages["id"] for f in _audit("madiun-dukcapil-2026-defects")[0]
    )


@pytest.mark.samples
def test_letters_of_centred_header_lines_stay_words() -> None:
    """Header cells centred half a point apart (web-printed tables) are still read word by
    word, so a column that names its year ("Tahun Berjalan (2025)") is recognised."""
    doc = _doc("madiun-dukcapil-2026")
    tc29 = doc.tables_of("T-C.29")[0]
    assert {"realisasi_n3", "realisasi_n3_unit", "target_n1", "target_n1_unit"} <= set(tc29.columns)
    assert "Keluaran Kegiatan" in tc29.column_headers["realisasi_n3"]


@pytest.mark.samples
def test_urusan_and_bidang_rows_are_subtotals_of_their_programs() -> None:
    """SIPD prints "2.16 URUSAN PEMERINTAHAN BIDANG ..." rows with the sum of their programs;
    they are compared with those programs (TOT-003/007), and a wrong one is an error."""
    findings, skipped = _audit("madiun-dukcapil-2026")
    assert "TOT-007" not in skipped and "TOT-007" not in {f.rule for f in findings}
    doc = copy.deepcopy(_doc("situbondo-diskominfo-2025"))
    tc33 = doc.tables_of("T-C.33")[0]
    bidang = next(r for r in tc33.rows if r.level == Level.OTHER and r.text("code") == "2.20")
    bidang.amounts["amount"] = dataclasses.replace(bidang.amounts["amount"], value=bidang.amount("amount") + 1_000)
    wrong = [f for f in run_rules(doc, load_ruleset(Path("renja-permendagri86"))).findings if f.rule == "TOT-003"]
    assert len(wrong) == 1 and wrong[0].severity == "error"
    assert wrong[0].location.row and "BIDANG STATISTIK" in wrong[0].location.row.upper()


# --- Classes the second held-out family (badan-perencanaan) exposed -----------------------

BAPPEDA = "banyuwangi-bappeda-2025"


@pytest.mark.samples
def test_lettered_sections_are_the_outline() -> None:
    """ "A. Latar Belakang" under BAB I is section 1.1 (and "C. Program dan Kegiatan" under
    BAB III is 3.3, though it starts with "Program"); the contents list them the same way."""
    doc = _doc(BAPPEDA)
    by_number = {h.number: h for h in doc.narrative.headings}
    assert by_number["1.1"].title == "Latar Belakang" and by_number["1.1"].label == "A. (BAB I)"
    assert by_number["3.3"].title == "Program dan Kegiatan"
    assert by_number["2.2"].title == "Analisis Kinerja Pelayanan Perangkat Daerah"  # "1. Sumber Daya ..." not glued on
    assert by_number["I"].title == "PENDAHULUAN"
    assert not _rules(BAPPEDA) & {"STR-001", "STR-002", "STR-007"}


@pytest.mark.samples
def test_program_lists_lettered_like_sections_stay_lists() -> None:
    """A BAB IV list "A. Program Penunjang ..." is a list, not the outline."""
    for name in ("kraksaan-2025", "randuagung-2024-repaired"):
        assert not [h for h in _doc(name).narrative.headings if h.label], name


@pytest.mark.samples
def test_a_code_in_columns_of_its_segments_is_one_code() -> None:
    tc33 = _doc(BAPPEDA).tables_of("T-C.33")[0]
    codes = [r.code for r in tc33.rows if r.level == Level.SUB_KEGIATAN]
    assert codes and all(c and c.startswith(("5.01.", "5.05.")) for c in codes)
    assert not {"TOT-003", "TOT-004"} & _rules(BAPPEDA)


@pytest.mark.samples
def test_captions_under_their_tables_belong_to_them() -> None:
    """Tables captioned underneath: the BAB IV table is "Tabel 4.1" (not the T-C.33 a
    sentence above it names), and the sasaran table is not given the tujuan table's caption."""
    doc = _doc(BAPPEDA)
    assert [t.number for t in doc.tables_of("Tabel 4.1")] == ["4.1"]
    assert [t.number for t in doc.tables_of("T-C.33")] == ["4.2"]
    assert [(t.kind, t.number) for t in doc.tables if t.kind in ("Tabel 3.2", "Tabel 3.3")] == [
        ("Tabel 3.2", "3.1"),
        ("Tabel 3.3", "3.2"),
    ]


@pytest.mark.samples
def test_rupiah_with_a_dash_for_cents() -> None:
    """ "Rp 11.939.026.000,- (sebelas miliar ... rupiah)": read whole, words compared."""
    doc = _doc(BAPPEDA)
    total = next(a for a in doc.narrative.stated_amounts if a.role == "total" and a.value == 11_939_026_000)
    assert ",-" not in total.label
    assert [c.value for c in doc.narrative.counts if c.noun == "rupiah"] == [11_939_026_000]


@pytest.mark.samples
def test_a_unit_name_on_two_cover_lines() -> None:
    assert _doc(BAPPEDA).unit == "Badan Perencanaan Pembangunan, Riset Dan Inovasi Daerah"


# --------------------------------------------------------------------------- kecamatan-kota (held out)


@pytest.mark.samples
def test_a_caption_states_the_money_unit_of_its_table() -> None:
    """Lowokwaru's BAB IV table says "(dalam ribuan rupiah)" in its caption over a header
    "Pagu Indikatif Tahun 2026": its amounts are thousands, and equal T-C.33's rupiah."""
    doc = _doc("lowokwaru-2026")
    (bab4,) = doc.tables_of("Tabel 4.1")
    (tc33,) = doc.tables_of("T-C.33")
    (tc31,) = doc.tables_of("T-C.31")
    assert bab4.money_units == {"amount": 1000} and tc33.money_units["amount"] == 1
    assert tc31.money_units["pagu"] == 1000  # by its header "(Rp.000)"
    assert not _rules("lowokwaru-2026") & {"XT-001", "XT-003", "NAR-001", "NAR-017"}
    # the defect variant's T-C.33 total, mistyped, is still told apart from Tabel 4.1's
    assert "XT-001" in _rules("lowokwaru-2026-defects")


@pytest.mark.unit
def test_a_header_unit_outranks_the_caption() -> None:
    from auditor.extract.rows import _money_unit

    caption = "Tabel 4.1\nRencana Program ... Tahun 2026\n(dalam ribuan rupiah)"
    assert _money_unit("Pagu Indikatif Tahun 2026", caption) == 1000
    assert _money_unit("Pagu Indikatif (Rp)", caption) == 1
    assert _money_unit("Pagu Indikatif (Rp.000)", "Tabel 4.1 Rencana") == 1000
    assert _money_unit("Pagu Indikatif", "Rekapitulasi (dalam jutaan rupiah)") == 1_000_000
    # "ribu" in a title is no unit: "Program Seribu Desa"
    assert _money_unit("Pagu Indikatif", "Tabel 4.1 Program Seribu Desa dan Dua Ribu Kelurahan") == 1


@pytest.mark.samples
def test_a_name_that_starts_with_its_level_word() -> None:
    """ "a) Kegiatan Kegiatan Pemberdayaan Kelurahan" names T-C.33's "Kegiatan Pemberdayaan
    Kelurahan" (the official name starts with the level word): not misnamed."""
    assert any("Kegiatan Kegiatan Pemberdayaan" in s.text for s in _doc("lowokwaru-2026").narrative.sentences)
    assert "NAR-008" not in _rules("lowokwaru-2026")


@pytest.mark.samples
def test_contents_entries_of_two_headings_with_one_number() -> None:
    """Two headings numbered 2.4 (the second should be 2.5): the contents list both, each
    entry is compared with the heading of its title, and only the numbering is reported."""
    rules = _rules("lowokwaru-2026-defects")
    assert "STR-002" in rules
    assert not [f for f in _audit("lowokwaru-2026-defects")[0] if f.rule == "STR-007"]


@pytest.mark.samples
def test_a_program_amount_in_the_bab_iv_list() -> None:
    (found,) = [f for f in _audit("lowokwaru-2026-defects")[0] if f.rule == "NAR-017"]
    assert found.location.code == "7.01.03" and found.severity == "error"
    assert (found.expected, found.actual) == ("1028200000", "1208200000")
    assert "sebesar Rp 1.208" not in found.messages["id"]  # the name, its amount given apart
    assert 'Pemberdayaan Masyarakat Desa dan Kelurahan" sebesar Rp1.208.200.000' in found.messages["id"]
    for name in ("lowokwaru-2026", "kencong-2024", "randuagung-2024-repaired", "banyuwangi-bappeda-2025"):
        assert "NAR-017" not in _rules(name), name


@pytest.mark.samples
@pytest.mark.parametrize(
    ("name", "others"),
    [
        ("lowokwaru-2026-defects", {"Kelurahan Polowijen", "Kelurahan Arjosari"}),
        ("parakan-2026-defects", {"Desa Tlahab", "Desa Kruwisan"}),
        ("madiun-dukcapil-2026-defects", {"Kelurahan Bandar Lor", "Kelurahan Setonogedong"}),
    ],
)
def test_a_village_outside_the_own_list(name: str, others: set[str]) -> None:
    """A desa/kelurahan named in the narrative that the document's own table of its
    desa/kelurahan does not list, nor any table cell: left over from another Renja."""
    assert {f.actual for f in _audit(name)[0] if f.rule == "NAR-018"} == others
    assert "NAR-018" not in _rules(name.removesuffix("-defects"))


@pytest.mark.samples
def test_programme_names_and_borders_are_no_other_village() -> None:
    from auditor.model.document import Sentence

    doc = _doc("lowokwaru-2026")
    base = doc.narrative.sentences[0]
    texts = [
        "Kelurahan Tlogomas ditetapkan sebagai Kelurahan Siaga Aktif dan Desa Wisata binaan.",
        "Kelurahan Tunggulwulung berbatasan dengan Kelurahan Polowijen di sebelah timur.",
        "Perbaikan drainase di Kelurahan Polowijen.",
    ]
    extra = [
        Sentence(id=1000 + n, text=t, section="2.3", kind="paragraph", span=base.span) for n, t in enumerate(texts)
    ]
    narrative = dataclasses.replace(doc.narrative, sentences=[*doc.narrative.sentences, *extra])
    findings = run_rules(
        dataclasses.replace(doc, narrative=narrative), load_ruleset(Path("renja-permendagri86"))
    ).findings
    assert [f.actual for f in findings if f.rule == "NAR-018"] == ["Kelurahan Polowijen"]
