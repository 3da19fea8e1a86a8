"""Check types added for documents from other regions and templates: totals of any
table, another office's names, achievement claims, caption years; and the reading of
stacked values, table kinds by header words and contents pages (PASS/FAIL fixtures)."""

from __future__ import annotations

from typing import Any

import pytest
from builders import document, span

from auditor.extract.stacked import unstack
from auditor.extract.table_shapes import PROFILES, kind_by_header
from auditor.model.document import (
    BBox,
    Caption,
    Cell,
    Count,
    Document,
    Level,
    Narrative,
    Row,
    Sentence,
    Table,
    TextLine,
    TextSpan,
)
from auditor.rules.base import Skip, Violation
from auditor.rules.checks import achievement_claim, column_total, identity_names, year_caption
from auditor.rules.params import resolve

pytestmark = [pytest.mark.unit]

BOX = BBox(10, 10, 60, 20)


def _span(text: str, page: int = 12) -> TextSpan:
    return span(text, page, BOX)


def _doc(
    sentences: list[tuple[str, str]] = (),
    tables: list[Table] = (),
    others: list[Table] = (),
    captions: list[Caption] = (),
    counts: list[Count] = (),
    unit: str = "Kecamatan Parakan",
    region: str = "Kabupaten Temanggung",
    year: int = 2026,
) -> Document:
    narrative = Narrative(
        [],
        [],
        sentences=[Sentence(i, t, section, "paragraph", _span(t)) for i, (t, section) in enumerate(sentences)],
        captions=list(captions),
        counts=list(counts),
    )
    return document(
        *tables, narrative=narrative, year=year, unit=unit, region=region, pages=40, other_tables=list(others)
    )


def _params(module: Any, **given: Any) -> dict[str, Any]:
    return resolve(module.PARAMS, given)


def _violations(results: list[Any]) -> list[Violation]:
    assert all(isinstance(r, Violation) for r in results), results
    return results


def _cell(text: str, top: float = 10) -> Cell:
    lines = tuple(TextLine(t, BBox(10, top + 10 * i, 40, top + 10 * i + 8)) for i, t in enumerate(text.split("\n")))
    return Cell(text.replace("\n", " "), 12, BBox(10, top, 60, top + 10 * len(lines)), lines=lines)


# --- column_total -------------------------------------------------------------------------------


def _paten(total_july: str, total_sum: str = "1.210") -> Table:
    headers = {"no": "No", "jenis": "Jenis Layanan", "jun": "Juni", "jul": "Juli", "jumlah": "Jumlah"}
    data = [
        ("1", "Akta Kelahiran", "100", "120", "220"),
        ("2", "Kartu Keluarga", "400", "390", "790"),
        ("3", "Legalisasi", "-", "200", "200"),
    ]
    rows = [Row(i, Level.OTHER, None, None, {k: _cell(v) for k, v in zip(headers, r)}) for i, r in enumerate(data)]
    total = {"jenis": _cell("JUMLAH"), "jun": _cell("500"), "jul": _cell(total_july), "jumlah": _cell(total_sum)}
    rows.append(Row(3, Level.TOTAL, None, None, total))
    return Table("other", "Tabel II.3 PATEN", [17], list(headers), headers, rows, 1.0, number="II.3")


def test_column_total_passes_a_table_that_adds_up() -> None:
    assert list(column_total.check(_doc(others=[_paten("710")]), _params(column_total))) == []


def test_column_total_reports_the_total_row_and_not_twice() -> None:
    (found,) = _violations(list(column_total.check(_doc(others=[_paten("720")]), _params(column_total))))
    assert (found.location.column, found.actual, found.expected) == ("jul", "720", "710")
    assert found.location.table_label == "Tabel II.3"


def test_column_total_reports_a_row_whose_jumlah_is_not_its_parts() -> None:
    table = _paten("710")
    table.rows[1].cells["jumlah"] = _cell("780")
    table.rows[3].cells["jumlah"] = _cell("1.200")
    found = _violations(list(column_total.check(_doc(others=[table]), _params(column_total))))
    assert {(f.location.row or f.fields["row"], f.actual, f.expected) for f in found} == {
        ("2 Kartu Keluarga", "780", "790")
    }


def test_column_total_skips_rates_and_documents_without_other_tables() -> None:
    table = _paten("720")
    table.column_headers["jul"] = "Capaian (%)"
    assert list(column_total.check(_doc(others=[table]), _params(column_total))) == []
    assert isinstance(next(iter(column_total.check(_doc(), _params(column_total)))), Skip)


# --- identity_names -----------------------------------------------------------------------------


def test_identity_passes_own_names_neighbours_and_lists() -> None:
    doc = _doc(
        [
            ("Renja Kecamatan Parakan Tahun 2026 disusun oleh Kecamatan Parakan.", "1.1"),
            ("Kecamatan Parakan berbatasan dengan Kecamatan Kledung di sebelah barat.", "1.1"),
            ("Lomba desa diikuti Kecamatan Kledung, Kecamatan Bulu dan Kecamatan Ngadirejo.", "2.3"),
            ("Sesuai RKPD Kabupaten Temanggung Tahun 2026 dan Kecamatan Parakn yang salah ketik.", "2.4"),
        ]
    )
    assert list(identity_names.check(doc, _params(identity_names))) == []


def test_identity_reports_another_kecamatan_and_another_region() -> None:
    doc = _doc(
        [
            ("Kecamatan Kledung memiliki potensi agrowisata di Desa Tlahab.", "2.3"),
            ("Pembangunan command center Kecamatan Parakan Kabupaten Wonosobo direncanakan.", "2.4"),
            ("Program ini mendukung RPJMD Kabupaten Wonosobo.", "3.1"),
        ]
    )
    found = _violations(list(identity_names.check(doc, _params(identity_names))))
    assert {f.actual for f in found} == {"Kecamatan Kledung", "Wonosobo"}


def test_identity_for_a_dinas_reads_only_regions() -> None:
    doc = _doc(
        [
            ("Jaringan di Kecamatan Sumbermalang belum merata.", "2.3"),
            ("Command center Dinas Komunikasi dan Informatika Kabupaten Bondowoso dibangun.", "2.4"),
        ],
        unit="Dinas Komunikasi Dan Informatika",
        region="Kabupaten Situbondo",
    )
    (found,) = _violations(list(identity_names.check(doc, _params(identity_names))))
    assert (found.expected, found.actual) == ("Situbondo", "Bondowoso")


# --- achievement_claim --------------------------------------------------------------------------


def _tc29(rates: list[tuple[str, Level, str]]) -> Table:
    rows = [
        Row(
            i, level, code, code, {"code": _cell(code), "name": _cell(f"Nama {code}"), "tingkat_realisasi": _cell(rate)}
        )
        for i, (code, level, rate) in enumerate(rates)
    ]
    return Table("T-C.29", "T-C.29", [9], ["code", "name", "tingkat_realisasi"], {}, rows, 1.0)


TC29 = _tc29(
    [
        ("7.01.02", Level.PROGRAM, "100%"),
        ("7.01.02.2.01", Level.KEGIATAN, "100%"),
        ("7.01.02.2.01.01", Level.SUB_KEGIATAN, "86%"),
        ("7.01.02.2.01.02", Level.SUB_KEGIATAN, "92,5%"),
    ]
)


def test_achievement_claim_reports_a_claim_the_table_refutes() -> None:
    doc = _doc([("Secara umum seluruh target kinerja tahun 2024 telah tercapai dengan baik.", "2.1")], tables=[TC29])
    (found,) = _violations(list(achievement_claim.check(doc, _params(achievement_claim))))
    assert found.fields["below"] == 2 and "7.01.02.2.01.01 (86%)" in found.fields["rows"]


def test_achievement_claim_passes_negations_hopes_and_other_chapters() -> None:
    doc = _doc(
        [
            ("Belum seluruh target kinerja tercapai.", "2.1"),
            ("Diharapkan seluruh target tahun 2026 tercapai.", "2.1"),
            ("Seluruh target kinerja tercapai.", "3.2"),
        ],
        tables=[TC29],
    )
    assert list(achievement_claim.check(doc, _params(achievement_claim))) == []
    met = _tc29([("7.01.02", Level.PROGRAM, "100%")])
    assert (
        list(
            achievement_claim.check(
                _doc([("Seluruh target telah tercapai.", "2.1")], tables=[met]), _params(achievement_claim)
            )
        )
        == []
    )


def test_achievement_counts_of_shortfalls_are_compared_with_the_table() -> None:
    right = "terdapat 2 (dua) sub kegiatan yang belum mencapai target"
    wrong = "terdapat 3 (tiga) sub kegiatan yang belum mencapai target"
    counts = [Count(2, "dua", 2, "sub", _span("2 (dua) sub"), 0), Count(3, "tiga", 3, "sub", _span("3 (tiga) sub"), 1)]
    doc = _doc([(right, "2.1"), (wrong, "2.1")], tables=[TC29], counts=counts)
    (found,) = _violations(list(achievement_claim.check(doc, _params(achievement_claim, aspect="count"))))
    assert (found.actual, found.expected) == ("3", "2")


# --- year_caption -------------------------------------------------------------------------------


def test_year_caption_judges_the_year_by_what_the_table_holds() -> None:
    captions = [
        Caption(
            "4.1", "Tabel 4.1", "Tabel 4.1 Rencana Kerja dan Pendanaan Kecamatan Tegalampel Tahun 2026", _span("c")
        ),
        Caption(
            "3.3",
            "T-C.33",
            "T-C.33 Rumusan Rencana Program dan Kegiatan Tahun 2027 dan Prakiraan Maju Tahun 2028",
            _span("c"),
        ),
        Caption("2.1", "T-C.29", "T-C.29 Rekapitulasi ... s/d Tahun 2025", _span("c")),
        Caption("1.1", None, "Tabel 1.1 Jumlah Penduduk Tahun 2019", _span("c")),
    ]
    (found,) = _violations(list(year_caption.check(_doc(captions=captions, year=2027), _params(year_caption))))
    assert (found.location.table, found.actual, found.expected) == ("Tabel 4.1", "2026", "2027 / 2028")


# --- reading: stacked values, table kinds ------------------------------------------------------


def test_stacked_values_become_one_sub_row_per_indicator() -> None:
    cells = {
        "code": _cell("7.01.02"),
        "name": _cell("PROGRAM PENYELENGGARAAN PEMERINTAHAN"),
        "indicator": Cell(
            "Persentase layanan selesai Indeks Kepuasan Masyarakat",
            12,
            BBox(10, 10, 60, 40),
            lines=(
                TextLine("Persentase layanan selesai", BBox(10, 10, 40, 18), broken=True),
                TextLine("Indeks Kepuasan Masyarakat", BBox(10, 20, 45, 28)),
            ),
        ),
        "target": _cell("95%\n84,50 poin"),
        "target_next": _cell("96%\n85,25 poin"),
        "lokasi": Cell(
            "Kecamatan Tegalampel", 12, BOX, lines=(TextLine("Kecamatan", BOX), TextLine("Tegalampel", BOX))
        ),
    }
    row = Row(0, Level.PROGRAM, "7.01.02", "7.01.02", cells)
    unstack(row, PROFILES["T-C.33"])
    assert [row.cells["target"].text, row.sub_rows[0]["target"].text] == ["95%", "84,50 poin"]
    assert [row.cells["indicator"].text, row.sub_rows[0]["indicator"].text] == [
        "Persentase layanan selesai",
        "Indeks Kepuasan Masyarakat",
    ]
    assert row.sub_rows[0]["target_next"].text == "85,25 poin"
    assert row.cells["lokasi"].text == "Kecamatan Tegalampel" and "lokasi" not in row.sub_rows[0]  # wrapped, shared


def test_wrapped_values_stay_one_value() -> None:
    for text in ("11 Orang/\n12 bulan", "2\ndokumen", "100\n%"):
        row = Row(
            0, Level.SUB_KEGIATAN, "7.01.01.2.02.01", "x", {"code": _cell("7.01.01.2.02.01"), "target": _cell(text)}
        )
        unstack(row, PROFILES["T-C.33"])
        assert row.sub_rows == [], text


def test_tables_are_told_by_header_words_not_numbers() -> None:
    assert kind_by_header(["No", "Tujuan", "Indikator Tujuan", "Target Tahun 2026"]) == "Tabel 3.2"
    assert kind_by_header(["No", "Sasaran", "Indikator Sasaran", "Satuan", "Target 2025", "Target 2026"]) == "Tabel 3.3"
    budget = ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Lokasi", "Target", "Pagu Indikatif (Rp)"]
    assert kind_by_header(budget) == "Tabel 4.1"
    assert kind_by_header([*budget, "Prakiraan Maju | Target", "Prakiraan Maju | Pagu Indikatif"]) == "T-C.33"
    assert (
        kind_by_header(
            [
                "Kode",
                "Rancangan Awal RKPD | Program/Kegiatan",
                "Rancangan Awal RKPD | Pagu Indikatif",
                "Hasil Analisis Kebutuhan | Kebutuhan Dana",
            ]
        )
        == "T-C.31"
    )
    assert kind_by_header(["No", "Jenis Layanan", "Januari", "Februari", "Jumlah"]) is None
