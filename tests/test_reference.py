"""Reference data (--reference): reading RKPD/Renstra/pagu spreadsheets, matching a document's
unit, and the REF rules on the samples with clean and injected-discrepancy references."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from builders import BOX, document, row, span, table
from conftest import REPAIRED_PDF, SAMPLES, extracted, run_cli
from openpyxl import Workbook, load_workbook

from auditor.errors import InputError
from auditor.model.document import Cell, Level
from auditor.reference.attach import attach_reference, match_unit
from auditor.reference.fields import money_unit, recognise
from auditor.reference.read import MAX_ROWS, read_references
from auditor.report.content import build_report
from auditor.rules import load_ruleset, run_rules
from auditor.rules.checks import amount_at_most
from auditor.rules.params import resolve
from samples.reference.make_reference import BONDOWOSO_MISSING, DEFECTS

REF = SAMPLES / "reference"
LUMAJANG = [REF / "lumajang-2024-rkpd.xlsx", REF / "lumajang-2024-renstra.xlsx", REF / "lumajang-2024-pagu.csv"]
LUMAJANG_DEFECTS = [
    REF / "lumajang-2024-rkpd-defects.xlsx",
    REF / "lumajang-2024-renstra-defects.xlsx",
    REF / "lumajang-2024-pagu.csv",
]
PARAKAN = [REF / "parakan-2026-rkpd-export.yaml", REF / "parakan-2026-renstra.xlsx"]
PARAKAN_PDF = SAMPLES / "pdf" / "parakan-2026.pdf"
BONDOWOSO = [REF / "bondowoso-2027-rkpd.xlsx", REF / "bondowoso-2027-renstra.xlsx"]
TEGALAMPEL_PDF = SAMPLES / "pdf" / "tegalampel-2027.pdf"


def _write_csv(path: Path, rows: list[list[object]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


def _ref_findings(pdf: Path, files: list[Path]) -> list:
    doc = attach_reference(extracted(pdf), read_references(files))
    return [f for f in run_rules(doc, load_ruleset()).findings if f.rule.startswith("REF-")]


# ----------------------------------------------------------------------------- reading


@pytest.mark.unit
@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Kode Sub Kegiatan", ("code", None)),
        ("KODE SUB-KEGIATAN", ("code", None)),
        ("Nama Sub Kegiatan", ("name", None)),
        ("Indikator Kinerja", ("indicator", None)),
        ("Pagu Indikatif (Rp.000)", ("pagu", None)),
        ("Pagu n+1", ("pagu_next", None)),
        ("Target 2025", ("target", 2025)),
        ("Pagu Indikatif Tahun 2026", ("pagu", 2026)),
        ("Nama SKPD", ("unit", None)),
        ("Sumber Dana", ("sumber_dana", None)),
        ("Keterangan", None),
    ],
)
def test_sipd_style_headers_are_recognised(header: str, field: tuple[str, int | None] | None) -> None:
    assert recognise(header) == field


@pytest.mark.unit
def test_money_headers_state_their_unit() -> None:
    assert money_unit("Pagu Indikatif (Rp.000)") == 1000
    assert money_unit("Anggaran (ribuan rupiah)") == 1000
    assert money_unit("Pagu (dalam juta)") == 1_000_000
    assert money_unit("Pagu Indikatif (Rp)") == 1


@pytest.mark.unit
def test_a_kabupaten_csv_is_read_by_unit_with_both_thousands_styles(tmp_path: Path) -> None:
    path = _write_csv(
        tmp_path / "rkpd.csv",
        [
            ["Laporan RKPD 2024"],
            [],
            ["Nama SKPD", "Kode Sub Kegiatan", "Nama Sub Kegiatan", "Target", "Satuan", "Pagu Indikatif"],
            ["Kec. Randuagung", "7.01.01.2.01.01", "Penyusunan Dokumen", "2", "dokumen", "4.000.000"],
            ["Kecamatan Randuagung", "7.01.01.201.2", "Koordinasi RKA", "1", "dokumen", "5,000,000"],
            ["Kecamatan Tempeh", "7.01.01.2.01.01", "Penyusunan Dokumen", "3", "dokumen", "6000000"],
            ["Kecamatan Tempeh", "7.01", "BIDANG (a heading row)", "", "", ""],
        ],
        delimiter=";",
    )
    data = read_references([path])
    assert sorted(u.name for u in data.units.values()) == ["Kec. Randuagung", "Kecamatan Tempeh"]
    unit, status, _ = match_unit("KECAMATAN RANDUAGUNG", data)
    assert status == "matched" and unit is not None
    assert [(r.code, r.texts["target"], r.amounts["pagu"]) for r in unit.rows] == [
        ("7.01.01.2.01.01", "2 dokumen", 4_000_000),
        ("7.01.01.2.01.02", "1 dokumen", 5_000_000),
    ]
    place = unit.rows[1].places["pagu"]
    assert (place.file, place.sheet, place.row, place.column) == ("rkpd.csv", None, 5, "Pagu Indikatif")


@pytest.mark.unit
def test_unit_names_match_only_when_clearly_one(tmp_path: Path) -> None:
    path = _write_csv(
        tmp_path / "pagu.csv",
        [
            ["Perangkat Daerah", "Tahun", "Pagu Indikatif"],
            ["Kecamatan Sumbersuko", "2024", "1000"],
            ["Kecamatan Sumberjambe", "2024", "2000"],
            ["Dinas Kesehatan", "2024", "3000"],
        ],
    )
    data = read_references([path])
    assert match_unit("Kecamatan Sumbersuko", data)[1] == "matched"
    assert match_unit("Kec Sumbersuko", data)[0].name == "Kecamatan Sumbersuko"  # type: ignore[union-attr]
    unit, status, nearest = match_unit("Kecamatan Sumber", data)
    assert unit is None and status in ("ambiguous", "no_unit") and "Kecamatan Sumbersuko" in nearest
    assert match_unit("Kecamatan Randuagung", data)[1] == "no_unit"


@pytest.mark.unit
@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"%PDF-1.7\n\x00\x01binary", "bukan lembar kerja"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old excel", ".xls"),
        (b"PK\x03\x04not really a zip", "XLSX rusak"),
        (b"Nama,Alamat\nBudi,Jl. Mawar\n", "tidak ada baris judul dengan kolom kode"),
    ],
)
def test_a_file_no_document_can_use_is_refused_with_its_name(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "rujukan.xlsx"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_references([path])
    assert info.value.kind == "reference"
    assert words in info.value.texts["id"] and str(path) in info.value.texts["en"]


@pytest.mark.unit
def test_too_many_rows_are_refused_with_the_row(tmp_path: Path) -> None:
    rows = [["Perangkat Daerah", "Kode", "Pagu Indikatif"]]
    rows += [[f"Unit {i % 40}", f"7.01.01.2.01.{i % 99 + 1:02d}", "1000"] for i in range(MAX_ROWS * 2)]
    with pytest.raises(InputError) as info:
        read_references([_write_csv(tmp_path / "besar.csv", rows)])
    assert "50.000 baris" in info.value.texts["id"] and f"row {MAX_ROWS + 2}" in info.value.texts["en"]


@pytest.mark.unit
def test_a_units_bad_rows_fail_only_that_units_documents(tmp_path: Path) -> None:
    path = _write_csv(
        tmp_path / "rkpd.csv",
        [
            ["Perangkat Daerah", "Kode", "Nama", "Pagu Indikatif"],
            ["Kecamatan X", "7.01.01.2.01.01", "A", "1000"],
            ["Kecamatan X", "7.01.01.2.01.01", "A lagi", "2000"],
            ["Kecamatan X", "7.01.01.2.01.02", "B", "seribu"],
            ["Kecamatan Y", "7.01.01.2.01.01", "A", "1000"],
        ],
    )
    data = read_references([path])
    with pytest.raises(InputError) as info:
        attach_reference(document(unit="Kecamatan X"), data)
    text = info.value.texts["en"]
    assert "7.01.01.2.01.01 is written twice for Kecamatan X (rows 2 and 3)" in text
    assert "row 4, column 'Pagu Indikatif': 'seribu' is not a number" in text
    other = attach_reference(document(unit="Kecamatan Y"), data)
    assert other.reference_status == "matched" and [t.kind for t in other.reference_tables] == ["RKPD"]


@pytest.mark.unit
def test_a_mapping_reads_an_export_with_its_own_names(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["EKSPOR SIPD"])
    sheet.append(["Kd", "Uraian", "Plafon"])
    sheet.append(["7.01.01.2.01.01", "Penyusunan", 4000])
    book.save(tmp_path / "ekspor.xlsx")
    (tmp_path / "ekspor.yaml").write_text(
        "file: ekspor.xlsx\nsheet: Data\nheader_row: 2\nunit: Kecamatan X\nmoney_unit: 1000\n"
        "columns: {code: Kd, name: Uraian, pagu: Plafon}\n",
        encoding="utf-8",
    )
    data = read_references([tmp_path / "ekspor.yaml"])
    (unit,) = data.units.values()
    assert unit.name == "Kecamatan X" and unit.rows[0].amounts["pagu"] == 4_000_000
    assert unit.rows[0].places["pagu"].sheet == "Data" and unit.rows[0].places["pagu"].row == 3
    (tmp_path / "salah.yaml").write_text("file: ekspor.xlsx\ncolumns: {kode: Kd}\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown fields: kode"):
        read_references([tmp_path / "salah.yaml"])


@pytest.mark.unit
def test_amount_at_most_pass_and_fail() -> None:
    params = resolve(amount_at_most.PARAMS, {})
    tc33 = table("T-C.33", [row(0, Level.SUB_KEGIATAN, "7.01.01.2.01.01", {"amount": "5.000.000"})])
    rkpd = table("RKPD", [row(0, Level.SUB_KEGIATAN, "7.01.01.2.01.01", {"pagu": "4.000.000"})], page=0)
    (found,) = list(amount_at_most.check(document(tc33, rkpd), params))
    assert (found.expected, found.actual) == ("4000000", "5000000")
    same = table("RKPD", [row(0, Level.SUB_KEGIATAN, "7.01.01.2.01.01", {"pagu": "5.000.000"})], page=0)
    assert list(amount_at_most.check(document(tc33, same), params)) == []


@pytest.mark.unit
def test_the_template_is_read_back_without_a_mapping(tmp_path: Path) -> None:
    from auditor.reference.template import template_bytes

    for kind in ("rkpd", "renstra", "pagu"):
        path = tmp_path / f"{kind}.xlsx"
        path.write_bytes(template_bytes(kind))
        book = load_workbook(path)
        values = {"rkpd": ["Kecamatan X", "7.01.01.2.01.01"], "renstra": ["Kecamatan X", "7.01.01.2.01.01"]}
        sheet = book.active
        headers = [c.value for c in sheet[1]]
        filled = {"Perangkat Daerah": "Kecamatan X", "Kode": "7.01.01.2.01.01", "Tahun": 2024, "Pagu Indikatif": 1000}
        sheet.append([filled.get(h) for h in headers])
        book.save(path)
        (unit,) = read_references([path]).units.values()
        assert unit.rows[0].kind == kind and unit.rows[0].amounts["pagu"] == 1000, values


# ----------------------------------------------------------------------------- the samples


@pytest.mark.samples
def test_clean_references_give_no_reference_finding() -> None:
    assert _ref_findings(REPAIRED_PDF, LUMAJANG) == []
    assert _ref_findings(PARAKAN_PDF, PARAKAN) == []  # export through a mapping, wide Renstra
    # Six-chapter family: stacked indicators written as lines of one cell, wide Renstra.
    assert _ref_findings(TEGALAMPEL_PDF, BONDOWOSO) == []


@pytest.mark.samples
def test_every_injected_discrepancy_is_reported_with_both_places() -> None:
    found = _ref_findings(REPAIRED_PDF, LUMAJANG_DEFECTS)
    by = {(f.rule, f.location.table, f.location.code, f.location.column): f for f in found}
    lokasi_code, _ = DEFECTS["tc31_lokasi"]
    target_code, target = DEFECTS["renstra_target"]
    end_code, end = DEFECTS["renstra_akhir"]
    wanted = {
        ("REF-002", "T-C.33", DEFECTS["missing"], "code"),  # in the Renja, not in the RKPD
        ("REF-003", "T-C.33", DEFECTS["pagu_below"], "amount"),  # above the RKPD ceiling
        ("REF-009", "T-C.31", lokasi_code, "lokasi"),  # T-C.31 no longer copies the RKPD (a warning: text)
        ("REF-007", "T-C.33", target_code, "target"),  # the Renstra's target
        ("REF-013", "T-C.29", end_code, "target_renstra"),  # column 4: the end-of-period target
    }
    assert wanted <= set(by), sorted(by)
    for key in wanted:
        f = by[key]
        assert f.location.page and f.location.bbox, key  # the document's place
        if key[0] != "REF-002":  # the reference's place: file, sheet, row, column
            ref = next(e.location.reference for e in f.evidence if e.location.reference)
            assert ref.file.startswith("lumajang-2024-") and ref.sheet and ref.row > 1 and ref.column
    assert by[("REF-007", "T-C.33", target_code, "target")].expected == target
    assert by[("REF-013", "T-C.29", end_code, "target_renstra")].expected == end
    # The sasaran indicator's changed target: T-C.30 (its Renstra column) and Tabel 3.3 both differ.
    _, goal_target = DEFECTS["renstra_goal"]
    goal_found = {f.location.table: f for f in found if f.rule in ("REF-011", "REF-012")}
    assert set(goal_found) == {"T-C.30", "Tabel 3.3"}
    for f in goal_found.values():
        assert f.expected == goal_target and f.location.page and f.location.bbox
        ref = next(e.location.reference for e in f.evidence if e.location.reference)
        assert ref.file == "lumajang-2024-renstra-defects.xlsx" and ref.column == "Target"
    assert goal_found["T-C.30"].location.column == "target_2024"
    # Nothing else than the injected changes and what follows from them (T-C.31 copies the
    # RKPD pagu too; T-C.33's lokasi differs from the changed RKPD lokasi).
    assert {k[0] for k in by} == {
        "REF-002",
        "REF-003",
        "REF-006",
        "REF-007",
        "REF-008",
        "REF-009",
        "REF-011",
        "REF-012",
        "REF-013",
    }
    assert len(found) == 9


@pytest.mark.samples
def test_a_wide_renstra_is_held_against_t_c29_t_c30_and_bab_iii(tmp_path: Path) -> None:
    """The other-region family: the same three Renstra checks through the wide layout."""
    book = load_workbook(REF / "parakan-2026-renstra.xlsx")
    sheet = book.active
    headers = [c.value for c in sheet[1]]
    target_2026, akhir = headers.index("Target 2026"), headers.index("Kondisi Kinerja pada Akhir Periode Renstra PD")
    changed: dict[str, str] = {}
    for cells in sheet.iter_rows(min_row=2):
        if cells[0].value == "7.01.01.2.01.01":
            cells[akhir].value = changed["akhir"] = "99 dokumen"
        if not cells[0].value and "APBDes" in str(cells[2].value):
            cells[target_2026].value = changed["goal"] = "90%"
    book.save(tmp_path / "renstra.xlsx")
    found = _ref_findings(PARAKAN_PDF, [REF / "parakan-2026-rkpd-export.yaml", tmp_path / "renstra.xlsx"])
    got = sorted((f.rule, f.location.table, f.expected) for f in found)
    assert got == [
        ("REF-011", "Tabel 3.3", "90%"),
        ("REF-012", "T-C.30", "90%"),
        ("REF-013", "T-C.29", "99 dokumen"),
    ]


@pytest.mark.samples
def test_a_rancangan_awal_cover_softens_the_rkpd_checks() -> None:
    """Tegalampel's cover says RANCANGAN AWAL: against a draft RKPD a missing sub kegiatan
    is a warning, and the report says which stage it read."""
    defects = [REF / "bondowoso-2027-rkpd-defects.xlsx", REF / "bondowoso-2027-renstra.xlsx"]
    doc = attach_reference(extracted(TEGALAMPEL_PDF), read_references(defects))
    assert doc.stage == "rancangan_awal"
    rules = load_ruleset()
    result = run_rules(doc, rules)
    found = [f for f in result.findings if f.rule.startswith("REF-")]
    assert [(f.rule, f.location.code, f.severity) for f in found] == [("REF-002", BONDOWOSO_MISSING, "warning")]
    assert build_report(doc, result, rules).to_dict("id")["reference"]["stage"] == "rancangan_awal"


@pytest.mark.samples
def test_a_reference_of_other_units_says_so_once() -> None:
    found = _ref_findings(PARAKAN_PDF, LUMAJANG)
    assert [f.rule for f in found] == ["REF-001"]
    assert "Kecamatan Parakan" in found[0].messages["id"] and found[0].severity == "warning"


@pytest.mark.samples
def test_without_reference_data_no_reference_rule_runs() -> None:
    result = run_rules(extracted(REPAIRED_PDF), load_ruleset())
    assert not [f for f in result.findings if f.rule.startswith("REF-")]
    assert not [n for n in result.not_evaluated if n.rule.startswith("REF-")]


# ----------------------------------------------------------------------------- commands


@pytest.mark.samples
@pytest.mark.cli
def test_check_with_references_writes_both_places_in_the_json(tmp_path: Path) -> None:
    args = [a for f in LUMAJANG_DEFECTS for a in ("--reference", f)]
    proc = run_cli("check", REPAIRED_PDF, "--out", tmp_path, "--format", "json,html,csv,pdf", *args)
    assert proc.returncode == 1, proc.stderr
    report = json.loads((tmp_path / f"{REPAIRED_PDF.stem}.json").read_text(encoding="utf-8"))
    assert report["reference"]["status"] == "matched" and report["reference"]["unit"] == "Kecamatan Randuagung"
    kinds = [t["kind"] for t in report["reference"]["tables"]]
    assert kinds == ["RKPD", "Renstra", "Pagu indikatif", "Renstra tujuan/sasaran"]
    over = next(f for f in report["findings"] if f["rule"] == "REF-003")
    assert over["location"]["page"] and over["location"]["bbox"]
    assert over["evidence"][0]["location"]["reference"]["file"] == "lumajang-2024-rkpd-defects.xlsx"
    assert all(f["category"] == "cross_table" for f in report["findings"] if f["rule"].startswith("REF-"))
    html = (tmp_path / f"{REPAIRED_PDF.stem}.html").read_text(encoding="utf-8")
    assert "REF-003" in html and "lumajang-2024-rkpd-defects.xlsx" in html
    assert 'id="comparison"' in html and 'class="num diff"' in html  # Renja | RKPD | Renstra, differences marked
    with (tmp_path / f"{REPAIRED_PDF.stem}.csv").open(encoding="utf-8") as fh:
        rows = {r["rule"]: r for r in csv.DictReader(fh)}
    assert rows["REF-003"]["reference"].startswith("RKPD: lumajang-2024-rkpd-defects.xlsx, lembar RKPD 2024, baris ")
    from pypdf import PdfReader

    notes = PdfReader(tmp_path / f"{REPAIRED_PDF.stem}.annotated.pdf").pages[-1].extract_text()
    assert "RKPD: lumajang-2024-rkpd-defects.xlsx, lembar RKPD 2024" in notes


@pytest.mark.cli
def test_check_refuses_an_unusable_reference_before_auditing(tmp_path: Path) -> None:
    bad = tmp_path / "rkpd.xlsx"
    bad.write_bytes(b"%PDF-1.4 not a spreadsheet\x00")
    proc = run_cli("check", REPAIRED_PDF, "--out", tmp_path / "out", "--reference", bad)
    assert proc.returncode == 2
    assert "bukan lembar kerja" in proc.stderr and "not a spreadsheet" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.samples
@pytest.mark.cli
def test_batch_fails_only_the_document_whose_reference_rows_are_bad(tmp_path: Path) -> None:
    ref = _write_csv(
        tmp_path / "rkpd.csv",
        [
            ["Perangkat Daerah", "Kode", "Nama", "Pagu Indikatif"],
            ["Kecamatan Randuagung", "7.01.01.2.01.01", "A", "1000"],
            ["Kecamatan Randuagung", "7.01.01.2.01.01", "A", "1000"],
        ],
    )
    out = tmp_path / "out"
    proc = run_cli(
        "batch", REPAIRED_PDF, PARAKAN_PDF, "--out", out, "--format", "json", "--reference", ref, "--jobs", "1"
    )
    assert proc.returncode == 2, proc.stderr
    with (out / "summary.csv").open(encoding="utf-8") as fh:
        summary = {Path(r["document"]).name: r for r in csv.DictReader(fh)}
    assert summary[REPAIRED_PDF.name]["status"] == "failed"
    assert summary[PARAKAN_PDF.name]["status"] != "failed"
    assert "written twice" in proc.stderr
    parakan = json.loads((out / "parakan-2026.json").read_text(encoding="utf-8"))
    assert [f["rule"] for f in parakan["findings"] if f["rule"].startswith("REF-")] == ["REF-001"]


@pytest.mark.cli
def test_reference_template_command(tmp_path: Path) -> None:
    proc = run_cli("reference-template", "renstra", "--out", tmp_path / "renstra.xlsx")
    assert proc.returncode == 0, proc.stderr
    headers = [c.value for c in load_workbook(tmp_path / "renstra.xlsx").active[1]]
    assert headers[:3] == ["Perangkat Daerah", "Kode", "Program/Kegiatan/Sub Kegiatan"] and "Tahun" in headers
    csv_proc = run_cli("reference-template", "pagu", "--out", tmp_path / "pagu.csv")
    assert csv_proc.returncode == 0
    assert (tmp_path / "pagu.csv").read_text(encoding="utf-8").splitlines() == ["Perangkat Daerah,Tahun,Pagu Indikatif"]


@pytest.mark.unit
def test_the_cover_names_the_draft_stage_and_it_sets_ref_severities() -> None:
    from auditor.extract.meta import read_cover
    from auditor.extract.page import PageLayout

    def stage_of(*lines: str) -> str | None:
        layout = PageLayout(page=1, width=600, height=800, tables=[], lines=[span(text, 1) for text in lines], words=[])
        found = read_cover([layout]).get("stage")
        return None if found is None else str(found[0])

    assert stage_of("RANCANGAN AWAL", "RENCANA KERJA (RENJA)") == "rancangan_awal"
    assert stage_of("RANCANGAN AKHIR RENJA KECAMATAN X", "TAHUN 2025") == "rancangan_akhir"
    assert stage_of("RANCANGAN RENCANA KERJA PERANGKAT DAERAH") == "rancangan"
    assert stage_of("RENCANA KERJA (RENJA) TAHUN 2025", "disusun sesuai rancangan awal RKPD") is None

    tc33 = table("T-C.33", [row(0, Level.SUB_KEGIATAN, "7.01.01.2.01.01", {"amount": "5.000.000"})])
    rkpd = table("RKPD", [row(0, Level.SUB_KEGIATAN, "7.01.01.2.01.01", {"pagu": "4.000.000"})], page=0)
    rules = load_ruleset()
    for stage, severity in (("rancangan_awal", "warning"), ("rancangan_akhir", "error"), (None, "error")):
        doc = document(tc33, reference_tables=[rkpd], reference_status="matched", stage=stage)
        (over,) = [f for f in run_rules(doc, rules).findings if f.rule == "REF-003"]
        assert over.severity == severity, stage


@pytest.mark.unit
def test_the_renstra_next_year_target_is_held_against_t_c33_n_plus_1(tmp_path: Path) -> None:
    path = _write_csv(
        tmp_path / "renstra.csv",
        [
            ["Perangkat Daerah", "Kode", "Indikator Kinerja", "Target 2024", "Target 2025"],
            ["Kecamatan X", "7.01.01.2.01.01", "Jumlah dokumen", "2 dokumen", "4 dokumen"],
        ],
    )
    cells = {"indicator": "Jumlah dokumen", "target": "2 dokumen", "target_next": "3 dokumen"}
    tc33 = table("T-C.33", [row(0, Level.SUB_KEGIATAN, "7.01.01.2.01.01", cells)])
    doc = attach_reference(document(tc33, unit="Kecamatan X", year=2024), read_references([path]))
    found = [f for f in run_rules(doc, load_ruleset()).findings if f.rule.startswith("REF-")]
    assert [(f.rule, f.expected, f.actual) for f in found] == [("REF-010", "4 dokumen", "3 dokumen")]
    ref = found[0].evidence[-1].location.reference
    assert ref is not None and (ref.file, ref.row, ref.column) == ("renstra.csv", 2, "Target 2025")


@pytest.mark.unit
def test_a_one_unit_file_at_the_row_limit_is_read(tmp_path: Path) -> None:
    """50,000 rows of one unit: duplicates are looked up, not searched row by row."""
    rows: list[list[object]] = [["Kode", "Pagu Indikatif"]]
    rows += [[f"7.01.{k // 9000 + 1:02d}.2.01.{k % 9000 + 1}", "1000"] for k in range(MAX_ROWS)]
    (unit,) = read_references([_write_csv(tmp_path / "satu.csv", rows)]).units.values()
    assert len(unit.rows) == MAX_ROWS and not unit.errors


@pytest.mark.unit
def test_renstra_goal_rows_and_end_targets_are_read(tmp_path: Path) -> None:
    """Rows with no code but an indicator are tujuan/sasaran indicators, by year; the
    end-of-period target is its own column."""
    path = _write_csv(
        tmp_path / "renstra.csv",
        [
            ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Satuan", "Tahun", "Target", "Target Akhir"],
            ["7.01.01.2.01.01", "Penyusunan Dokumen", "Jumlah dokumen", "dokumen", "2024", "2", "9"],
            ["", "Meningkatnya pelayanan", "Nilai IKM", "", "2024", "83", ""],
            ["", "Meningkatnya pelayanan", "Nilai IKM", "", "2025", "84", ""],
        ],
    )
    doc = attach_reference(document(unit="Kecamatan X", year=2024), read_references([path]))
    renstra = next(t for t in doc.reference_tables if t.kind == "Renstra")
    (coded,) = renstra.rows
    assert coded.text("target") == "2 dokumen" and coded.text("target_akhir") == "9 dokumen"
    goals = next(t for t in doc.reference_tables if t.kind == "Renstra tujuan/sasaran")
    (goal,) = goals.rows
    assert (goal.text("indicator"), goal.text("target_2024"), goal.text("target_2025")) == ("Nilai IKM", "83", "84")
    assert goal.cells["target_2025"].source is not None and goal.cells["target_2025"].source.row == 4


@pytest.mark.unit
def test_stacked_indicators_are_read_from_lines_or_repeated_codes(tmp_path: Path) -> None:
    """A program with two indicators: as lines of one cell, or as two rows of one code
    (SIPD-RI's way). Each indicator keeps its own target; a changed second target is found."""
    book = Workbook()
    sheet = book.active
    sheet.append(["Kode", "Indikator Kinerja", "Target", "Pagu Indikatif"])
    sheet.append(["7.01.02", "Persentase layanan\nNilai IKM", "95%\n84,50", 1000])
    sheet.append(["7.01.03", "Persentase desa", "100%", 2000])
    sheet.append(["7.01.03", "Jumlah desa", "14 desa", None])
    book.save(tmp_path / "rkpd.xlsx")
    data = read_references([tmp_path / "rkpd.xlsx"])
    (unit,) = data.units.values()
    assert not unit.errors
    stacked = {r.code: [r.texts["target"]] + [t["target"] for t, _ in r.stacked] for r in unit.rows}
    assert stacked == {"7.01.02": ["95%", "84,50"], "7.01.03": ["100%", "14 desa"]}

    program = {"indicator": "Persentase layanan", "target": "95%"}
    second = {"indicator": Cell("Nilai IKM", 1, BOX), "target": Cell("84,00", 1, BOX)}
    tc31 = table("T-C.31", [row(0, Level.PROGRAM, "7.01.02", program, sub_rows=[second])])
    doc = attach_reference(document(tc31, unit="Kecamatan X", year=2024), data)
    found = [f for f in run_rules(doc, load_ruleset()).findings if f.rule == "REF-006"]
    assert [(f.expected, f.actual) for f in found] == [("84,50", "84,00")]
