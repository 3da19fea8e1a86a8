"""Extraction of T-C.33 and Tabel 4.1 matches the sample specs cell for cell."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import REFERENCE_PDF, SAMPLE_PAIRS, extracted, load_spec

from auditor.model.document import Level, Table

pytestmark = [pytest.mark.samples]

TABLES = {"tc33": "T-C.33", "t41": "Tabel 4.1"}


def _money(value: Any) -> int | None:
    return value if isinstance(value, int) else None


def _expected_rows(spec: dict[str, Any], key: str) -> list[tuple[Any, ...]]:
    rows = []
    for r in spec["tables"][key]["rows"]:
        cells = r.get("cells", {})
        written = re.sub(r"\s", "", str(cells["code"])) if "code" in cells else None
        rows.append((r["level"], r.get("code"), written, _money(cells.get("amount")), _money(cells.get("amount_next"))))
    return rows


def budget_rows(table: Table) -> list[tuple[Any, ...]]:
    """(level, canonical code, code as written, amount, forward amount) of every row."""
    return [
        (
            r.level.value,
            r.code,
            re.sub(r"\s", "", r.code_written) if r.code_written else None,
            r.amount("amount"),
            r.amount("amount_next"),
        )
        for r in table.rows
    ]


@pytest.mark.parametrize(("pdf", "spec_path"), SAMPLE_PAIRS, ids=lambda p: p.stem)
@pytest.mark.parametrize("key", sorted(TABLES))
def test_budget_table_matches_spec(pdf: Path, spec_path: Path, key: str) -> None:
    spec = load_spec(spec_path)
    doc = extracted(pdf)
    tables = doc.tables_of(TABLES[key])
    assert len(tables) == 1, f"{TABLES[key]} found {len(tables)} times"
    got = budget_rows(tables[0])
    expected = _expected_rows(spec, key)
    assert len(got) == len(expected)
    for i, (g, e) in enumerate(zip(got, expected)):
        assert g == e, f"row {i}: extracted {g} != spec {e}"


@pytest.mark.parametrize(("pdf", "spec_path"), SAMPLE_PAIRS, ids=lambda p: p.stem)
def test_every_value_has_provenance(pdf: Path, spec_path: Path) -> None:
    doc = extracted(pdf)
    for table in doc.tables:
        assert table.confidence > 0.9
        for row in table.rows:
            for key, cell in row.cells.items():
                assert cell.page in table.pages, (row.code, key)
                assert 0 <= cell.bbox.x0 < cell.bbox.x1 and 0 <= cell.bbox.top < cell.bbox.bottom
            for amount in row.amounts.values():
                assert not amount.parse_error, (row.code, amount.cell.text)


def test_header_rows_never_become_data() -> None:
    doc = extracted(REFERENCE_PDF)
    for table in doc.tables:
        for row in table.rows:
            text = " ".join(c.text for c in row.cells.values()).lower()
            assert "kebutuhan dana" not in text and "indikator kinerja" not in text
            if "code" in table.columns:
                assert row.level != Level.OTHER, f"unclassified row {row.index} on page {row.page}: {text[:80]}"


@pytest.mark.parametrize(("pdf", "spec_path"), SAMPLE_PAIRS, ids=lambda p: p.stem)
def test_identity_read_from_the_cover(pdf: Path, spec_path: Path) -> None:
    spec = load_spec(spec_path)
    doc = extracted(pdf)
    assert doc.plan_year == spec["meta"]["plan_year"] == 2024
    assert doc.unit == spec["meta"]["unit"] == "Kecamatan Randuagung"
    assert doc.region == spec["meta"]["region"] == "Kabupaten Lumajang"


def test_stated_amounts_in_the_narrative() -> None:
    doc = extracted(REFERENCE_PDF)
    stated = {(s.role, s.value) for s in doc.narrative.stated_amounts}
    assert ("total", 1916446189) in stated
    assert ("component", 1267300839) in stated
    assert ("component", 649145350) in stated
    total = next(s for s in doc.narrative.stated_amounts if s.value == 1916446189)
    assert "Jumlah Anggaran" in total.sentence
    assert total.span.text.replace(" ", "") == "Rp.1.916.446.189"
    labels = {s.value: s.label for s in doc.narrative.stated_amounts}
    assert labels[1267300839].endswith("Belanja Pegawai")
    assert labels[649145350].endswith("Belanja Barang dan Jasa")


def test_narrative_structure() -> None:
    doc = extracted(REFERENCE_PDF)
    n = doc.narrative
    chapters = [h.number for h in n.headings if h.level == 1]
    assert chapters == ["I", "II", "III", "IV", "V"]
    numbers = [h.number for h in n.headings]
    assert {"1.1", "1.4", "2.1", "2.6", "3.1", "3.2", "3.3", "2.6.5"} <= set(numbers)
    assert "3.2.4" in numbers  # the document's own numbering slip (3.2.1 then 3.2.4) is read as written
    assert (doc.place, doc.date) == ("Lumajang", "Juni 2023")
    counts = {(c.value, c.words_value, c.noun) for c in n.counts}
    assert (6, 6, "program") in counts and (5, 5, "bab") in counts
    captions = {(c.number, c.kind) for c in n.captions}
    assert {("2.1", "T-C.29"), ("3.4", "T-C.33"), ("4.1", "Tabel 4.1")} <= captions
    assert ("2.6", "T-C.31") in captions and ("2.6", None) in captions  # two tables numbered 2.6


def test_program_lists_of_bab_iii_and_iv() -> None:
    n = extracted(REFERENCE_PDF).narrative
    bab3 = next(lst for lst in n.lists if lst.section == "3.3" and len(lst.items) > 20)
    programs = [i.text for i in bab3.items if i.depth == 1]
    assert len(programs) == 6 and all(p.startswith("Program") for p in programs)
    assert any(i.text.startswith("Kegiatan") and i.depth == 2 for i in bab3.items)
    assert any(i.text.startswith("Sub Kegiatan") and i.depth == 3 for i in bab3.items)
    bab4 = next(lst for lst in n.lists if lst.section == "IV")
    texts = [i.text for i in bab4.items]
    assert texts.count("Program Pemberdayaan Masyarakat Desa dan Kelurahan.") == 2  # the duplicate the document has


def test_year_mentions_keep_their_context() -> None:
    years = extracted(REFERENCE_PDF).narrative.years
    legal = [y for y in years if y.legal]
    assert any(y.year == 2017 and "86" in y.text for y in legal)
    assert any(y.period == (2024, 2026) for y in years)
    leftovers = {(y.year, y.context, y.table) for y in years if "Rencana Kerja Perangkat Daerah Tahun" in y.text}
    assert (2023, "table_cell", "T-C.33") in leftovers and (2023, "table_cell", "Tabel 4.1") in leftovers
    rkpd = [y for y in years if y.context == "sentence" and "Dalam RKPD Tahun 2023" in y.text]
    assert rkpd and rkpd[0].span.page >= 1 and rkpd[0].span.bbox.x1 > rkpd[0].span.bbox.x0
    headers = {(y.year, y.table, y.column) for y in years if y.context == "table_header"}
    assert (2024, "T-C.33", "amount") in headers and (2025, "T-C.33", "amount_next") in headers


def test_quantities_and_money_units() -> None:
    doc = extracted(REFERENCE_PDF)
    tc33 = doc.tables_of("T-C.33")[0]
    gaji = next(r for r in tc33.rows if r.level == Level.AKTIVITAS and "Gaji" in r.text("aktivitas"))
    q = gaji.quantity("target")
    assert q is not None and (q.value, q.unit) == (11, "Orang/12 bulan")
    tc29 = doc.tables_of("T-C.29")[0]
    row = next(r for r in tc29.rows if r.code == "7.01.01.2.01.01")
    renstra = row.quantity("target_renstra")
    assert renstra is not None and (renstra.value, renstra.unit) == (7, "dokumen")
    tc31 = doc.tables_of("T-C.31")[0]
    assert tc31.money_units == {"pagu": 1000, "kebutuhan_dana": 1000}  # "(Rp.000)" as the header says
    assert doc.tables_of("T-C.32")[0].nihil
    tc30 = doc.tables_of("T-C.30")[0]
    assert {"target_2022", "target_2026", "realisasi_2023", "proyeksi_2025"} <= set(tc30.columns)
