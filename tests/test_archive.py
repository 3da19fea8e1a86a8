"""Renja PDFs as archives hold them: watermarked, with scanned cover and signature pages,
scanned whole (samples/archive/, made by ``python -m samples.archive`` from the samples
whose specs give the truth)."""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from builders import document
from conftest import ROOT, SAMPLES, load_spec, run_cli

from auditor.errors import InputError
from auditor.extract import DEFAULT_BACKEND, extract_document, meta
from auditor.extract.page import Word
from auditor.extract.pdf import ocr as ocr_module
from auditor.extract.pdf.layout import LOW_CONFIDENCE
from auditor.extract.pdf.ocr import ocr_missing
from auditor.extract.rows import _not_header
from auditor.extract.table_shapes import PROFILES
from auditor.findings import Evidence, Location
from auditor.model.document import BBox, Document
from auditor.rules import run_rules
from auditor.rules.base import Violation
from auditor.rules.engine import _one_slip
from auditor.rules.ruleset import load_ruleset
from samples.accuracy import money_score

ARCHIVE = SAMPLES / "archive"
needs_ocr = pytest.mark.skipif(ocr_missing() is not None, reason="Tesseract with the Indonesian model is not installed")


@cache
def _doc(path: Path, backend: str = DEFAULT_BACKEND, ocr: str = "auto") -> Document:
    return extract_document(path, backend, ocr=ocr)


def _findings(doc: Document) -> Counter[tuple[object, ...]]:
    result = run_rules(doc, load_ruleset(Path("renja-permendagri86")))
    return Counter(
        (f.rule, f.severity, f.location.table, f.location.code, f.location.column, f.expected, f.actual)
        for f in result.findings
    )


def _original(archived: str) -> Path:
    stem = archived.removesuffix(".pdf")
    for suffix in ("-watermark", "-scanned-cover", "-scanned-ocr", "-scanned"):
        stem = stem.removesuffix(suffix)
    return SAMPLES / "pdf" / f"{stem}.pdf"


# --------------------------------------------------------------------------- watermarks and stamps


@pytest.mark.samples
@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    [
        "parakan-2026-watermark.pdf",
        "parakan-2026-defects-watermark.pdf",
        "lowokwaru-2026-watermark.pdf",
        "lowokwaru-2026-defects-watermark.pdf",
    ],
)
def test_a_watermark_and_a_stamp_change_no_finding(name: str) -> None:
    """ "DRAFT" across every page and a framed "SALINAN" reaching into the body (over the
    table headers of landscape pages): the same findings as the born-digital original."""
    archived = _doc(ARCHIVE / name)
    assert _findings(archived) == _findings(_doc(_original(name)))
    aside = {a.text for a in archived.artifacts}
    assert "DRAFT" in aside and "SALINAN" in aside
    assert archived.plan_year == _doc(_original(name)).plan_year


@pytest.mark.samples
@pytest.mark.slow
def test_a_watermark_is_set_aside_with_camelot_too() -> None:
    name = "lowokwaru-2026-defects-watermark.pdf"
    archived = _doc(ARCHIVE / name, "camelot")
    assert _findings(archived) == _findings(_doc(_original(name), "camelot"))
    assert {"DRAFT", "SALINAN"} <= {a.text for a in archived.artifacts}


# --------------------------------------------------------------------------- scanned cover and signature


@pytest.mark.samples
@pytest.mark.cli
@needs_ocr
@pytest.mark.parametrize("name", ["parakan-2026-scanned-cover.pdf", "parakan-2026-defects-scanned-cover.pdf"])
def test_scanned_cover_and_signature_pages_change_no_finding(name: str) -> None:
    archived = _doc(ARCHIVE / name)
    assert archived.ocr_pages == [1, 2, archived.pages] and archived.scanned_pages == []
    assert _findings(archived) == _findings(_doc(_original(name)))
    assert (archived.unit, archived.region, archived.plan_year) == ("Kecamatan Parakan", "Kabupaten Temanggung", 2026)


@pytest.mark.samples
def test_without_ocr_the_identity_comes_from_the_rest_of_the_document() -> None:
    """Cover unread (--ocr never): the plan year is voted from captions, running headers and
    the plan tables' year columns, never taken from "Permendagri Nomor 86 Tahun 2017"."""
    doc = _doc(ARCHIVE / "parakan-2026-scanned-cover.pdf", ocr="never")
    assert doc.scanned_pages == [1, 2, doc.pages] and doc.ocr_pages == []
    assert doc.plan_year == 2026 and doc.unit == "Kecamatan Parakan"
    places = {s.where for s in doc.identity if s.key == "plan_year"}
    assert {"caption", "table_header"} <= places
    # the "cover" is then the first pages that have text, after the scanned ones
    assert all(s.span.page > 2 for s in doc.identity if s.where == "cover")
    assert all(s.value != 2017 for s in doc.identity if s.key == "plan_year")


@pytest.mark.samples
def test_plan_year_sources_and_votes() -> None:
    assert meta.plan_years_in("sesuai Permendagri Nomor 86 Tahun 2017 tentang Renja", True) == []
    assert meta.plan_years_in("Rencana Tahun 2026 dan Prakiraan Maju Tahun 2027", False) == [2026, 2026]
    assert meta.plan_years_in("Renja Kecamatan Parakan Tahun Anggaran 2026", True) == [2026]
    doc = _doc(SAMPLES / "pdf" / "parakan-2026.pdf")
    cover = next(s for s in doc.identity if s.where == "cover" and s.key == "plan_year")
    others = [s for s in doc.identity if s.key == "plan_year" and s.where != "cover"]
    assert len(others) >= 3
    # A cover with last year's title is outvoted by the captions and columns of the year planned ...
    wrong_cover = meta.IdentitySource("plan_year", 2025, "cover", cover.span)
    assert meta.vote([wrong_cover, *others], "plan_year").value == 2026
    # ... and a name cut short on a caption agrees with the cover's full name.
    full = meta.IdentitySource("unit", "Badan Perencanaan Pembangunan, Riset Dan Inovasi Daerah", "cover", cover.span)
    short = meta.IdentitySource("unit", "Badan Perencanaan Pembangunan", "caption", cover.span)
    assert meta.vote([full, short, short], "unit") is full


@pytest.mark.samples
@pytest.mark.cli
def test_the_user_states_the_identity(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = run_cli(
        "check",
        SAMPLES / "pdf" / "parakan-2026.pdf",
        "--out",
        out,
        "--format",
        "json",
        "--plan-year",
        "2027",
        "--unit",
        "Kecamatan Parakan",
    )
    report = __import__("json").loads((out / "parakan-2026.json").read_text(encoding="utf-8"))
    meta = report["document"]
    assert meta["plan_year"] == 2027, proc.stderr
    sources = meta["identity"]["plan_year"]["sources"]
    assert {"where": "override", "value": 2027, "text": "--plan-year", "page": None} in sources
    assert any(s["where"] == "cover" and s["value"] == 2026 for s in sources)
    # Told the wrong year, the document's own years are what the year rules now report.
    assert any(f["rule"].startswith("YEAR-") for f in report["findings"])
    proc = run_cli("check", SAMPLES / "pdf" / "parakan-2026.pdf", "--out", out, "--plan-year", "1999")
    assert proc.returncode == 2 and "2000-2100" in proc.stderr


# --------------------------------------------------------------------------- scanned whole


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.slow
@needs_ocr
@pytest.mark.parametrize("name", ["parakan-2026-scanned.pdf", "parakan-2026-scanned-ocr.pdf"])
def test_a_scanned_renja_is_audited(name: str) -> None:
    """Every page a picture (with or without an earlier OCR text layer): the standard tables
    are found from the ruling lines in the image, their amounts read cell by cell, and the
    totals and cross-table rules run."""
    doc = _doc(ARCHIVE / name)
    spec = load_spec(ROOT / "samples" / "specs" / "parakan-2026.yaml")
    assert {t.kind for t in doc.tables} >= {"T-C.29", "T-C.30", "T-C.31", "T-C.32", "T-C.33", "Tabel 4.1"}
    assert doc.plan_year == 2026 and doc.unit == "Kecamatan Parakan"
    ok = total = 0
    for table in spec["tables"].values():
        profile, found = PROFILES.get(table["kind"]), doc.tables_of(table["kind"])
        if profile is not None and found:
            m, t, _ = money_score(found[0], table, set(profile.money))
            ok, total = ok + m, total + t
    assert total > 250 and ok / total >= 0.98  # measured 99.3 % on both (bench/ocr.py)
    result = run_rules(doc, load_ruleset(Path("renja-permendagri86")))
    # The source is clean: every total that does not add up on the scan is a misreading,
    # and says so instead of being an error or a warning.
    totals = [f for f in result.findings if f.category == "totals"]
    assert totals and all(f.severity == "info" and f.low_confidence for f in totals)
    evaluated = {f.rule for f in result.findings} | {n.rule for n in result.not_evaluated}
    assert not {"TOT-001", "TOT-003", "XT-001", "XT-004"} & {n.rule for n in result.not_evaluated}
    assert evaluated  # the audit ran on the scan
    # A finding on a value OCR was unsure of says "check the scan" and is no error.
    scan_notes = [f for f in result.findings if "pindai" in f.messages["id"] and "OCR" in f.messages["id"]]
    assert scan_notes and all(f.severity == "info" and f.low_confidence for f in scan_notes)


@pytest.mark.samples
@pytest.mark.cli
@needs_ocr
def test_the_report_says_which_pages_were_read_by_ocr(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = run_cli("check", ARCHIVE / "parakan-2026-scanned-cover.pdf", "--out", out, "--format", "json,html")
    assert proc.returncode in (0, 1), proc.stderr
    report = __import__("json").loads((out / "parakan-2026-scanned-cover.json").read_text(encoding="utf-8"))
    meta = report["document"]
    assert meta["ocr_pages"] == [1, 2, 35] and meta["scanned_pages"] == []
    assert any(a["text"] == "Rencana Kerja Kecamatan Parakan Tahun 2026" for a in meta["artifacts"])
    assert meta["identity"]["unit"]["value"] == "Kecamatan Parakan"
    html = (out / "parakan-2026-scanned-cover.html").read_text(encoding="utf-8")
    assert "OCR" in html


@pytest.mark.samples
def test_without_tesseract_the_pages_that_need_ocr_are_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import auditor.extract as extract
    import auditor.extract.pdf.ocr as ocr

    monkeypatch.setattr(ocr, "ocr_missing", lambda: "tesseract-ocr-ind")
    monkeypatch.setattr(extract, "ocr_missing", lambda: "tesseract-ocr-ind")
    with pytest.raises(InputError) as caught:
        extract_document(ARCHIVE / "parakan-2026-scanned.pdf")
    assert "halaman 1, 2, 3" in caught.value.texts["id"] and "tesseract-ocr-ind" in caught.value.texts["en"]
    # A document whose scanned pages are only its cover and signature is still audited.
    doc = extract_document(ARCHIVE / "parakan-2026-scanned-cover.pdf")
    assert doc.scanned_pages == [1, 2, 35] and doc.plan_year == 2026


# --------------------------------------------------------------------------- figures read twice, sums one slip away


def _w(text: str, conf: float = 96.0) -> Word:
    return Word(text, BBox(0, 0, 10, 10), conf=conf)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("first", "digits", "third", "kept", "doubtful"),
    [
        (["27.300.000"], ["27.300.000"], None, "27.300.000", False),  # both agree
        (["+104"], ["104"], None, "104", False),  # a speck beside the figure goes
        (["M2"], ["142"], ["M2"], "142", True),  # a letter for two digits
        (["2"], ["21"], ["21"], "21", True),  # a digit dropped at page size
        (["385"], ["335"], ["335"], "385", True),  # as many digits: the first reading stays
        (["27.300.000"], ["21.300.000"], ["27.300.000"], "27.300.000", True),
        (["125"], [], [], "125", True),  # the digits-only reading found nothing
    ],
)
def test_a_figure_is_read_twice_and_a_disagreement_is_doubtful(
    first: list[str],
    digits: list[str],
    third: list[str] | None,
    kept: str,
    doubtful: bool,
) -> None:
    words = ocr_module._vote(
        [_w(t) for t in first], [_w(t) for t in digits], None if third is None else [_w(t) for t in third]
    )
    assert " ".join(w.text for w in words) == kept
    assert all((w.conf or 0) < LOW_CONFIDENCE for w in words) == doubtful


@pytest.mark.unit
def test_a_repeated_header_read_differently_by_ocr_is_not_a_spilled_row() -> None:
    # "Kode”", "Danal", "Indikatit", a column number "11" read "1": the header again.
    assert _not_header(["Kode”"], ["Kode"], False) == []
    assert (
        _not_header(
            ["Kebutuhan", "Danal", "Pagu", "Indikatit", "(Rp)"],
            ["Kebutuhan", "Dana/", "Pagu", "Indikatif", "(Rp)"],
            False,
        )
        == []
    )
    assert _not_header(["1"], ["11"], True) == []
    # What a page break printed over the header is still found.
    assert _not_header(["7.01.06", "Kode"], ["Kode"], False) == ["7.01.06"]
    assert _not_header(["43,026,000", "Kebutuhan", "Dana"], ["Kebutuhan", "Dana"], False) == ["43,026,000"]
    # A word of the spilled name is not taken for a header word it looks like ("Progra" of a wrapped "Program").
    assert _not_header(["PROGRAM", "Progra", "m/Ke"], ["Progra", "m/Ke"], False) == ["PROGRAM"]


def _sum(stated: str, parts: list[str], page: int = 3) -> Violation:
    loc = Location(page=page, table="other", code=None, column="april")
    evidence = (Evidence("stated", stated, stated, loc), *(Evidence("part", p, None, loc) for p in parts))
    total = sum(int(p) for p in parts)
    return Violation(location=loc, expected=str(total), actual=stated, evidence=evidence)


@pytest.mark.unit
def test_a_sum_on_a_scan_that_one_misread_digit_explains_is_doubtful() -> None:
    scan = document(year=2026, pages=5, ocr_pages=[3])
    assert _one_slip(scan, _sum("557", ["96", "69", "2", "365"]))  # "27" read as "2"
    assert _one_slip(scan, _sum("587", ["96", "69", "27", "365"]))  # the total: "557" read as "587"
    assert not _one_slip(scan, _sum("600", ["96", "69", "27", "365"]))  # no single digit explains it
    assert not _one_slip(scan, _sum("557", ["96", "69", "2", "365"], page=2))  # a born-digital page


@pytest.mark.unit
def test_only_figures_are_read_again_with_digits() -> None:
    assert ocr_module._figure([_w("M2")]) and ocr_module._figure([_w("+"), _w("104")])
    assert not ocr_module._figure([_w("1"), _w("LS")]) and not ocr_module._figure([_w("12"), _w("laporan")])
    # A unit with a digit in it keeps its words when the readings disagree.
    kept = ocr_module._vote([_w("100"), _w("m2")], [_w("100"), _w("2")], [_w("100"), _w("m2")])
    assert [w.text for w in kept] == ["100", "m2"]
