"""Word (.docx) input: the samples' Word sources audit exactly like their PDFs, files are
recognised by content, damaged Word files are refused in both languages, and the
reports of a Word document name Word places, with pictures when LibreOffice can
print it and the cell text when it cannot."""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import shutil
import zipfile
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from conftest import REFERENCE_PDF, REPAIRED_PDF, SAMPLES, extracted, run_cli
from docx import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl import load_workbook
from system_tools import missing

from auditor.extract import extract_document
from auditor.extract.docx.printed import SOFFICE_ENV, soffice
from auditor.extract.docx.read import read_docx
from auditor.extract.page import PageLayout
from auditor.model.document import BBox, Document
from auditor.pipeline import render_outputs
from auditor.report.content import Report, build_report
from auditor.report.crops import finding_pictures
from auditor.report.word_views import docx_views
from auditor.rules import load_ruleset, run_rules

NAMES = [
    "randuagung-2024",
    "randuagung-2024-repaired",
    "kencong-2024",
    "pasirian-2024",
    "sukodono-2024",
    "tempeh-2025",
    # the other template families, clean and with their defects
    "kraksaan-2025",
    "kraksaan-2025-defects",
    "parakan-2026",
    "parakan-2026-defects",
    "parakan-2026-revised",
    "situbondo-diskominfo-2025",
    "situbondo-diskominfo-2025-defects",
    "tegalampel-2027",
    "tegalampel-2027-defects",
    "madiun-dukcapil-2026",
    "madiun-dukcapil-2026-defects",
    "banyuwangi-bappeda-2025",
    "banyuwangi-bappeda-2025-defects",
    "lowokwaru-2026",
    "lowokwaru-2026-defects",
]
REFERENCE_DOCX = REFERENCE_PDF.with_suffix(".docx")
REPAIRED_DOCX = REPAIRED_PDF.with_suffix(".docx")


@cache
def _ruleset():
    return load_ruleset()


@cache
def _docx(path: Path) -> Document:
    return extract_document(path)


def _report(doc: Document) -> Report:
    return build_report(doc, run_rules(doc, _ruleset()), _ruleset())


def _key(f: Any) -> tuple[Any, ...]:
    loc = f.location
    return (f.rule, f.severity, loc.table, loc.code, loc.column, f.expected, f.actual)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


# --------------------------------------------------------------------------- same findings as the PDF


@pytest.mark.samples
@pytest.mark.parametrize("name", NAMES)
def test_docx_findings_equal_the_pdf_findings(name: str) -> None:
    """Per finding (rule, severity, table, code, column, expected, actual), as a multiset;
    only the page-dependent parts (page numbers in messages, boxes) may differ."""
    word = _docx(SAMPLES / "pdf" / f"{name}.docx")
    pdf = extracted(SAMPLES / "pdf" / f"{name}.pdf")
    assert word.extractor == "docx"
    word_result, pdf_result = run_rules(word, _ruleset()), run_rules(pdf, _ruleset())
    assert Counter(map(_key, word_result.findings)) == Counter(map(_key, pdf_result.findings))
    # Equal because the same rules ran, not because some could not run on one of them.
    assert sorted(n.rule for n in word_result.not_evaluated) == sorted(n.rule for n in pdf_result.not_evaluated)


@pytest.mark.samples
def test_reference_and_repaired_docx_counts() -> None:
    reference = run_rules(_docx(REFERENCE_DOCX), _ruleset()).findings
    assert len(reference) == 254
    repaired = Counter(f.severity for f in run_rules(_docx(REPAIRED_DOCX), _ruleset()).findings)
    assert repaired["error"] == 0 and repaired["warning"] == 0


@pytest.mark.samples
@pytest.mark.parametrize("name", NAMES)
def test_docx_tables_read_like_the_pdf(name: str) -> None:
    """Clean samples have no findings to compare: their tables must agree row by row
    (level, code, money, stacked sub-rows, filled columns) and their meta data too."""
    word = _docx(SAMPLES / "pdf" / f"{name}.docx")
    pdf = extracted(SAMPLES / "pdf" / f"{name}.pdf")

    def rows(doc: Document) -> list[Any]:
        return [
            (
                t.kind,
                t.columns,
                t.money_units,
                [
                    (
                        r.level,
                        r.code,
                        sorted((k, a.value) for k, a in r.amounts.items()),
                        len(r.sub_rows),
                        sorted(r.cells),
                    )
                    for r in t.rows
                ],
            )
            for t in doc.tables
        ]

    assert rows(word) == rows(pdf)
    assert (word.plan_year, word.unit, word.region, word.place, word.date) == (
        pdf.plan_year,
        pdf.unit,
        pdf.region,
        pdf.place,
        pdf.date,
    )
    assert [h.number for h in word.narrative.headings] == [h.number for h in pdf.narrative.headings]
    # A table printed from a web page shows its caption's data lines ("Unit Organisasi : ...")
    # apart from the title in the PDF; the Word file keeps them as caption lines.
    assert [(c.number, c.kind, c.text[:60]) for c in word.narrative.captions] == [
        (c.number, c.kind, c.text[:60]) for c in pdf.narrative.captions
    ]


# --------------------------------------------------------------------------- Word structures


@pytest.mark.unit
def test_word_structures_are_read_as_printed(tmp_path: Path) -> None:
    """List numbering Word adds itself, outline headings, merged cells (gridSpan, vMerge)
    and several paragraphs in one cell."""
    doc = WordDocument()
    doc.add_heading("Pendahuluan", level=1)
    doc.add_paragraph("Persiapan penyusunan;", style="List Number")
    doc.add_paragraph("Penyusunan rancangan awal;", style="List Number")
    table = doc.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Kode dan Nama"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "7.01.01"
    cell = table.cell(1, 2)
    cell.text = "baris satu"
    cell.add_paragraph("baris dua")
    path = tmp_path / "kecil.docx"
    doc.save(path)

    read = read_docx(path)
    (layout,) = read.layouts
    lines = [ln.text for ln in layout.lines if ln.text]
    assert lines == ["Pendahuluan", "1. Persiapan penyusunan;", "2. Penyusunan rancangan awal;"]
    assert layout.lines[0].bold
    assert [text for _, _, text in read.places.headings] == ["Pendahuluan"]
    (grid,) = layout.tables
    cells = [[(c.text, c.col0, c.col1) for c in row.cells] for row in grid.rows]
    assert cells[0] == [("Kode dan Nama", 0, 2), ("", 2, 3)]
    # The vertically merged code is one tall cell in its first row, absent below (as a ruled PDF grid shows it).
    assert cells[1][0] == ("7.01.01", 0, 1) and cells[2][0][1] == 1
    tall = grid.rows[1].cells[0].bbox
    assert tall.bottom == pytest.approx(grid.rows[2].bbox.bottom)
    assert grid.rows[1].cells[2].lines == ["baris satu", "baris dua"]


def _tc33(doc: Any) -> Any:
    """The Word table captioned T-C.33."""
    caption = ""
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:p"):
            caption += "".join(t.text or "" for t in el.iter(qn("w:t")))
        elif el.tag == qn("w:tbl"):
            if "T-C.33" in caption:
                return el
            caption = ""
    raise AssertionError("no T-C.33 table")


def _header_again(source: Path, target: Path, split: bool) -> None:
    """The T-C.33 header rows typed again halfway down the table (``split``: in a second
    Word table after a page break), as authors do to head a new printed page."""
    doc = WordDocument(str(source))
    table = _tc33(doc)
    rows = table.findall(qn("w:tr"))
    # The first row from the middle that no merged cell runs into.
    cut = next(
        i
        for i in range(len(rows) // 2, len(rows))
        if all(m.get(qn("w:val")) == "restart" for m in rows[i].iter(qn("w:vMerge")))
    )
    header = [copy.deepcopy(r) for r in rows if r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None]
    assert header
    for row in header:
        row.find(qn("w:trPr")).remove(row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}"))
    if split:
        second = copy.deepcopy(table)
        for row in second.findall(qn("w:tr")):
            second.remove(row)
        for row in header + rows[cut:]:
            second.append(row)
        page_break = OxmlElement("w:p")
        run = OxmlElement("w:r")
        brk = OxmlElement("w:br")
        brk.set(qn("w:type"), "page")
        run.append(brk)
        page_break.append(run)
        table.addnext(page_break)
        page_break.addnext(second)
    else:
        for row in header:
            rows[cut].addprevious(row)
    doc.save(str(target))


@pytest.mark.samples
@pytest.mark.parametrize("split", [False, True], ids=["inside-the-table", "second-table"])
def test_header_typed_again_is_read_as_a_continued_table(tmp_path: Path, split: bool) -> None:
    target = tmp_path / "ulang.docx"
    _header_again(REFERENCE_DOCX, target, split)
    again, original = extract_document(target), _docx(REFERENCE_DOCX)

    def rows(doc: Document) -> list[Any]:
        (table,) = doc.tables_of("T-C.33")
        return [
            (r.level, r.code, sorted((k, a.value) for k, a in r.amounts.items()), len(r.sub_rows)) for r in table.rows
        ]

    assert rows(again) == rows(original)
    assert len(again.tables_of("T-C.33")[0].pages) == 2  # read as a table continued on a second page
    assert Counter(map(_key, run_rules(again, _ruleset()).findings)) == Counter(
        map(_key, run_rules(original, _ruleset()).findings)
    )


# --------------------------------------------------------------------------- by content, damaged files


@pytest.mark.samples
def test_files_are_recognised_by_content_not_name(tmp_path: Path) -> None:
    word_as_pdf = tmp_path / "draf.pdf"
    shutil.copyfile(REPAIRED_DOCX, word_as_pdf)
    pdf_as_word = tmp_path / "draf.docx"
    shutil.copyfile(REPAIRED_PDF, pdf_as_word)
    word = extract_document(word_as_pdf)
    assert word.extractor == "docx"
    assert [t.kind for t in word.tables] == [t.kind for t in _docx(REPAIRED_DOCX).tables]
    pdf = extract_document(pdf_as_word)
    assert pdf.extractor == "pdfium"
    assert pdf.pages == extracted(REPAIRED_PDF).pages


def _truncated(target: Path) -> None:
    target.write_bytes(REFERENCE_DOCX.read_bytes()[:40_000])


def _damaged_member(target: Path) -> None:
    """A complete zip whose document.xml no longer matches its checksum."""
    data = bytearray(REPAIRED_DOCX.read_bytes())
    with zipfile.ZipFile(REPAIRED_DOCX) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 200, start + 260):
        data[i] ^= 0x5A
    target.write_bytes(bytes(data))


def _spreadsheet(target: Path) -> None:
    from openpyxl import Workbook

    Workbook().save(target)


def _ole(stream: str):
    """An OLE compound file naming ``stream`` in its directory: how an old .doc
    ("WordDocument") and a password-protected .docx ("EncryptedPackage") look inside."""

    def make(target: Path) -> None:
        header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
        target.write_bytes(header + bytes(512) + stream.encode("utf-16-le") + bytes(2048))

    return make


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.parametrize(
    ("name", "make", "words_id", "words_en"),
    [
        ("rusak.docx", _truncated, "rusak", "damaged"),
        ("isi-rusak.docx", _damaged_member, "rusak", "damaged"),
        ("tabel.docx", _spreadsheet, "bukan dokumen Word", "nor a Word document"),
        ("lama.doc", _ole("WordDocument"), "Word lama (.doc)", "save it as .docx or PDF"),
        ("terkunci.docx", _ole("EncryptedPackage"), "kata sandi", "password"),
        ("teks.docx", lambda p: p.write_text("bukan dokumen", encoding="utf-8"), "bukan dokumen Word", "nor a Word"),
    ],
    ids=["truncated", "bad-checksum", "spreadsheet", "old-doc", "encrypted", "plain-text"],
)
def test_unusable_word_files_are_refused_in_both_languages(
    tmp_path: Path, name: str, make, words_id: str, words_en: str
) -> None:
    bad = tmp_path / name
    make(bad)
    proc = run_cli("check", bad, "--out", tmp_path / "out")
    assert proc.returncode == 2
    assert words_id in proc.stderr and words_en in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "out" / f"{bad.stem}.json").exists()


# --------------------------------------------------------------------------- reports of a Word document


@pytest.fixture(scope="module")
def reference_report() -> Report:
    return _report(_docx(REFERENCE_DOCX))


def _text_at(layouts: list[PageLayout], page: int, bbox: list[float]) -> str:
    """What the Word model holds at a made-up place: a cell's text, or the words in the box."""
    layout = layouts[page - 1]
    for table in layout.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.bbox.as_list() == bbox:
                    return cell.text
    box = BBox(*bbox)
    return " ".join(w.text for w, _ in layout.words if box.contains(w.bbox, 0.6))


@pytest.mark.samples
def test_docx_reports_name_word_places_without_libreoffice(monkeypatch: pytest.MonkeyPatch, reference_report) -> None:
    monkeypatch.setenv(SOFFICE_ENV, "")  # as on a machine without LibreOffice
    out = render_outputs(REFERENCE_DOCX, reference_report, ("json", "html", "csv", "xlsx", "pdf"), "id")
    assert "pdf" not in out  # nothing to annotate without a printed copy

    report = json.loads(out["json"])
    findings = report["findings"]
    assert len(findings) == 254
    word = WordDocument(str(REFERENCE_DOCX))
    checked = 0
    for f in findings:
        loc = f["location"]
        assert loc["page"] is None and loc["bbox"] is None  # Word keeps no pages
        place = loc["place"]
        assert place and place["text"]
        texts = [_squash(e["text"]) for e in f["evidence"] if e["location"]["place"] == place and e["text"]]
        if "word_row" in place and texts:
            # The named Word cell holds the text of the value found there.
            cell = word.tables[place["word_table"] - 1].cell(place["word_row"] - 1, place["word_column"] - 1)
            held = _squash(cell.text)
            assert any(t in held or (held and held in t) for t in texts), (f["rule"], place, texts, cell.text)
            checked += 1
        elif loc["table"] is None:
            assert place["heading"]
    assert checked > 100

    rows = list(csv.DictReader(io.StringIO(out["csv"].decode("utf-8"))))
    assert len(rows) == 254
    assert all(r["page"] == "" and r["x0"] == "" for r in rows)
    assert {r["table"] for r in rows} >= {"T-C.33", "Tabel 4.1", "T-C.31"}
    sheet = load_workbook(io.BytesIO(out["xlsx"]))["findings"]
    assert sheet.max_row == 255


@pytest.mark.samples
def test_docx_html_without_pictures_shows_the_cell_text(monkeypatch: pytest.MonkeyPatch, reference_report) -> None:
    monkeypatch.setenv(SOFFICE_ENV, "")
    html = render_outputs(REFERENCE_DOCX, reference_report, ("html",), "id")["html"].decode("utf-8")
    assert "<img" not in html
    details = re.findall(r'<tr class="detail"(.*?)</tr>', html, re.DOTALL)
    assert len(details) == 254
    # No picture: each detail shows the text found at the place instead (here the misspelt cell).
    shown = [re.findall(r'<blockquote class="place-text"[^>]*>(.*?)</blockquote>', d, re.DOTALL) for d in details]
    assert all(shown)
    assert any("Kec.Randuagun" in texts for texts in shown)
    assert "tabel Word ke-" in html and "di bawah judul" in html


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.slow
def test_docx_pictures_come_from_a_libreoffice_print(reference_report) -> None:
    if soffice() is None:
        missing("LibreOffice (soffice) is not installed (sh scripts/ensure_test_tools.sh installs it)")
    layouts = read_docx(REFERENCE_DOCX).layouts
    with docx_views(REFERENCE_DOCX, reference_report, pictures=True) as views:
        assert views.pdf is not None
        located = 0
        with pdfplumber.open(views.pdf) as printed:
            for original, shown in zip(reference_report.findings, views.view.findings):
                pairs = [(original.location, shown.location)] + [
                    (o.location, s.location) for o, s in zip(original.evidence, shown.evidence)
                ]
                for word_loc, pdf_loc in pairs:
                    # Only what is in the document has a place (not e.g. the official nomenclature).
                    assert bool(pdf_loc.place) == bool(word_loc.bbox or word_loc.table)
                    if not word_loc.bbox:
                        continue
                    # Every place is found in the print, and the print shows the same text there.
                    assert pdf_loc.page and pdf_loc.bbox, (original.rule, word_loc)
                    page = printed.pages[pdf_loc.page - 1]
                    x0, top, x1, bottom = pdf_loc.bbox.as_list()
                    crop = (
                        max(0, x0 - 1.5),
                        max(0, top - 1.5),
                        min(page.width, x1 + 1.5),
                        min(page.height, bottom + 1.5),
                    )
                    seen = _squash(page.crop(crop).extract_text() or "")
                    want = _squash(_text_at(layouts, word_loc.page, word_loc.bbox.as_list()))
                    assert want[:12] in seen or seen[:12] in want, (original.rule, want, seen)
                    located += 1
        assert located > 500

        pictures = finding_pictures(views.pdf, views.view.findings)
        assert len(pictures) == len(views.view.findings)
        for i, picture in pictures.items():
            location = views.view.findings[i].location
            assert location.bbox is not None and BBox(*picture.highlight).contains(BBox(*location.bbox.as_list()))
            assert picture.page == location.page

    out = render_outputs(REFERENCE_DOCX, reference_report, ("json", "html", "pdf"), "id")
    assert out["html"].decode("utf-8").count('<img src="data:image/jpeg') == 254
    assert out["pdf"].startswith(b"%PDF-")
    assert all(f["location"]["page"] is None for f in json.loads(out["json"])["findings"])
