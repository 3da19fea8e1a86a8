"""The annotated PDF (--format pdf), checked by reading the output back with
pypdf and pdfplumber: outlines on the findings' cells, numbered badges next to
them, a note per finding, and the notes pages at the end."""

from __future__ import annotations

import io
import re
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from builders import document
from conftest import REFERENCE_PDF, REPAIRED_PDF, extracted
from pypdf import PdfReader, PdfWriter
from pypdf.generic import RectangleObject

from auditor.findings import Finding, Location
from auditor.model.document import BBox
from auditor.report.content import Report, build_report
from auditor.report.pdf.annotate import annotate_pdf
from auditor.report.pdf.style import COLOURS, LEADER_FROM
from auditor.report.pdf.text import number_label, text_width, winansi, wrap
from auditor.report.values import shown_value
from auditor.rules import load_ruleset, run_rules
from auditor.rules.engine import AuditResult

SEVERITY_WORD = {
    "id": {"error": "KESALAHAN", "warning": "PERINGATAN", "info": "INFORMASI"},
    "en": {"error": "ERROR", "warning": "WARNING", "info": "INFO"},
}
REFERENCE_PAGES = 60


@cache
def _ruleset():
    return load_ruleset()


def _report(pdf: Path) -> Report:
    doc = extracted(pdf)
    return build_report(doc, run_rules(doc, _ruleset()), _ruleset())


@pytest.fixture(scope="module")
def typed_reference() -> Report:
    return _report(REFERENCE_PDF)


@pytest.fixture(scope="module")
def reference(typed_reference: Report) -> dict[str, Any]:
    """The reference sample's report as its JSON reads (what the annotated PDF must agree with)."""
    return typed_reference.to_dict("id")


@pytest.fixture(scope="module")
def annotated(typed_reference: Report) -> bytes:
    return annotate_pdf(REFERENCE_PDF, typed_reference, "id")


@pytest.fixture(scope="module")
def plumbed(annotated: bytes):
    with pdfplumber.open(io.BytesIO(annotated)) as pdf:
        yield pdf


@cache
def _words(source: Any, page_index: int) -> list[dict[str, Any]]:
    return source.pages[page_index].extract_words()


def _cells(report: dict[str, Any]) -> dict[tuple[int, tuple[float, ...]], list[int]]:
    """Finding numbers (1-based) by page and cell box: one outline and one badge each."""
    cells: dict[tuple[int, tuple[float, ...]], list[int]] = defaultdict(list)
    for n, f in enumerate(report["findings"], start=1):
        loc = f["location"]
        if loc["page"] and loc["bbox"]:
            cells[(loc["page"], tuple(loc["bbox"]))].append(n)
    return cells


def _gap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """Distance between two [x0, top, x1, bottom] boxes (0 when they touch)."""
    dx = max(a[0] - b[2], b[0] - a[2], 0)
    dy = max(a[1] - b[3], b[1] - a[3], 0)
    return (dx * dx + dy * dy) ** 0.5


def _box(obj: dict[str, Any]) -> tuple[float, float, float, float]:
    return (obj["x0"], obj["top"], obj["x1"], obj["bottom"])


def _outline(
    page: Any, bbox: tuple[float, ...], colour: tuple[float, float, float] | None = None
) -> dict[str, Any] | None:
    """A stroked rectangle around ``bbox``: containing it, at most 2 pt larger on each side."""
    for r in page.rects:
        if not r.get("stroke"):
            continue
        if colour and not all(abs(a - b) < 0.01 for a, b in zip(r.get("stroking_color") or (), colour)):
            continue
        if (
            bbox[0] - 2 <= r["x0"] <= bbox[0]
            and bbox[1] - 2 <= r["top"] <= bbox[1]
            and bbox[2] <= r["x1"] <= bbox[2] + 2
            and bbox[3] <= r["bottom"] <= bbox[3] + 2
        ):
            return r
    return None


def _badge(page: Any, words: list[dict[str, Any]], label: str, bbox: tuple[float, ...]) -> dict[str, Any] | None:
    found = [w for w in words if w["text"] == label]
    return min(found, key=lambda w: _gap(_box(w), bbox)) if found else None


def _worst(report: dict[str, Any], numbers: list[int]) -> str:
    order = ["error", "warning", "info"]
    return min((report["findings"][n - 1]["severity"] for n in numbers), key=order.index)


# ----------------------------------------------------------------- reference


@pytest.mark.samples
def test_output_opens_with_notes_pages_appended(annotated: bytes, plumbed: Any) -> None:
    reader = PdfReader(io.BytesIO(annotated))
    notes = len(reader.pages) - REFERENCE_PAGES
    assert notes >= 2  # 254 findings do not fit on one page
    assert len(plumbed.pages) == len(reader.pages)
    for k, page in enumerate(reader.pages[REFERENCE_PAGES:], start=1):
        assert [round(float(v)) for v in page.mediabox] == [0, 0, 595, 842]
        assert f"catatan {k}/{notes}" in page.extract_text()
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Catatan pemeriksaan renja-audit" in titles
    notes_item = next(
        item
        for item in reader.outline
        if not isinstance(item, list) and item.title == "Catatan pemeriksaan renja-audit"
    )
    assert reader.get_destination_page_number(notes_item) == REFERENCE_PAGES


@pytest.mark.samples
@pytest.mark.slow
def test_original_pages_keep_content_and_every_word(annotated: bytes, plumbed: Any, reference: dict[str, Any]) -> None:
    original = PdfReader(REFERENCE_PDF)
    reader = PdfReader(io.BytesIO(annotated))
    labels: dict[int, set[str]] = defaultdict(set)
    for (page_no, _), numbers in _cells(reference).items():
        labels[page_no].add(number_label(numbers))
    with pdfplumber.open(REFERENCE_PDF) as before:
        for i in range(REFERENCE_PAGES):
            streams = (
                [ref.get_object().get_data() for ref in reader.pages[i]["/Contents"]]
                if labels.get(i + 1)
                else [reader.pages[i]["/Contents"].get_object().get_data()]
            )
            assert original.pages[i]["/Contents"].get_object().get_data() in streams
            old = Counter(w["text"] for w in _words(before, i))
            new = Counter(w["text"] for w in _words(plumbed, i))
            assert not old - new, f"page {i + 1}: words lost or glued to a badge: {old - new}"
            assert set(new - old) <= labels.get(i + 1, set()), f"page {i + 1}: unexpected text {new - old}"


@pytest.mark.samples
def test_every_located_finding_is_outlined_in_its_severity_colour(plumbed: Any, reference: dict[str, Any]) -> None:
    cells = _cells(reference)
    assert len(cells) > 150
    for (page_no, bbox), numbers in cells.items():
        colour = COLOURS[_worst(reference, numbers)]
        assert _outline(plumbed.pages[page_no - 1], bbox, colour), (
            f"no outline for {numbers} on page {page_no} at {bbox}"
        )


@pytest.mark.samples
def test_badges_are_on_the_page_next_to_their_cell(plumbed: Any, reference: dict[str, Any]) -> None:
    for (page_no, bbox), numbers in _cells(reference).items():
        page = plumbed.pages[page_no - 1]
        label = number_label(numbers)
        badge = _badge(page, _words(plumbed, page_no - 1), label, bbox)
        assert badge, f"no badge {label} on page {page_no}"
        x0, top, x1, bottom = page.bbox
        assert x0 <= badge["x0"] and badge["x1"] <= x1 and top <= badge["top"] and badge["bottom"] <= bottom
        gap = _gap(_box(badge), bbox)
        assert gap < 40, f"badge {label} is {gap:.0f} pt from its cell"
        # Further away (the badge's text sits ~2 pt inside the badge, the outline 0.7 pt
        # outside the cell): a line leads from the badge to the cell.
        if gap > LEADER_FROM + 3:
            ends = [(p[0], p[1]) for line in page.lines for p in (line["pts"][0], line["pts"][-1])]
            near_badge = any(_gap((x, y, x, y), _box(badge)) < 4 for x, y in ends)
            near_cell = any(_gap((x, y, x, y), bbox) < 2 for x, y in ends)
            assert near_badge and near_cell, f"badge {label} on page {page_no}: no leader line"


@pytest.mark.samples
def test_several_findings_on_one_cell_share_one_badge(plumbed: Any, reference: dict[str, Any]) -> None:
    shared = {key: numbers for key, numbers in _cells(reference).items() if len(numbers) > 2}
    assert shared  # the reference has a narrative line with eleven findings
    for (page_no, _bbox), numbers in shared.items():
        words = [w["text"] for w in _words(plumbed, page_no - 1)]
        assert number_label(numbers) in words
        assert not any(str(n) in words for n in numbers[1:-1])  # no separate badges on top of each other


@pytest.mark.samples
def test_each_finding_has_a_printable_note_on_its_badge(annotated: bytes, reference: dict[str, Any]) -> None:
    reader = PdfReader(io.BytesIO(annotated))
    notes: dict[str, tuple[int, Any]] = {}
    for i, page in enumerate(reader.pages[:REFERENCE_PAGES]):
        for ref in page.get("/Annots") or []:
            a = ref.get_object()
            if a["/Subtype"] == "/Text":
                notes[a["/NM"]] = (i + 1, a)
    assert len(notes) == len(reference["findings"])
    for n, f in enumerate(reference["findings"], start=1):
        page_no, a = notes[f"renja-audit-{n}"]
        assert page_no == f["location"]["page"]
        text = a["/Contents"]
        assert text.startswith(f"{n} · ") and f["rule"] in text and f["message"] in text
        if f["expected"]:
            assert f"Seharusnya: {shown_value(f['expected'], f['value_kind'], 'id')}" in text
        assert a["/F"] & 4  # printed too
        x0, y0, x1, y1 = (float(v) for v in a["/Rect"])
        height = float(reader.pages[page_no - 1].mediabox.height)
        assert _gap((x0, height - y1, x1, height - y0), tuple(f["location"]["bbox"])) < 40


@pytest.mark.samples
def test_notes_pages_list_every_finding(plumbed: Any, reference: dict[str, Any]) -> None:
    text = "\n".join(p.extract_text() for p in plumbed.pages[REFERENCE_PAGES:])
    lines = text.splitlines()
    assert lines[0] == "Catatan pemeriksaan renja-audit"
    assert lines[1] == "Kecamatan Randuagung · Tahun Rencana 2024 · 53 kesalahan, 161 peringatan, 40 informasi"
    for n, f in enumerate(reference["findings"], start=1):
        head = f"{n} {SEVERITY_WORD['id'][f['severity']]} · {f['rule']} · "
        assert re.search("^" + re.escape(head), text, re.MULTILINE), f"finding {n} missing from the notes"
    money = next(f for f in reference["findings"] if f["rule"] == "NAR-001")
    assert f"Seharusnya: Rp{int(money['expected']):,}".replace(",", ".") in text
    assert "Seharusnya: 2022" in text and "Rp2.022" not in text  # a year is not money


@pytest.mark.samples
def test_notes_link_to_the_findings_pages(annotated: bytes, reference: dict[str, Any]) -> None:
    reader = PdfReader(io.BytesIO(annotated))
    index = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    links = [
        ref.get_object()["/Dest"]
        for page in reader.pages[REFERENCE_PAGES:]
        for ref in page.get("/Annots") or []
        if ref.get_object()["/Subtype"] == "/Link"
    ]
    targets = [f["location"]["page"] for f in reference["findings"] if f["location"]["page"]]
    assert [index[dest[0].idnum] + 1 for dest in links] == targets


@pytest.mark.samples
def test_english_notes() -> None:
    typed = _report(REFERENCE_PDF)
    data = annotate_pdf(REFERENCE_PDF, typed, "en")
    report = typed.to_dict("en")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "\n".join(p.extract_text() for p in pdf.pages[REFERENCE_PAGES:])
    assert text.startswith(
        "renja-audit findings\nKecamatan Randuagung · plan year 2024 · 53 errors, 161 warnings, 40 infos"
    )
    assert "Seharusnya" not in text and "Expected: " in text and "notes 1/" in text
    for n, f in enumerate(report["findings"], start=1):
        assert f"\n{n} {SEVERITY_WORD['en'][f['severity']]} · {f['rule']} · " in text
    note = PdfReader(io.BytesIO(data)).pages[2]["/Annots"]
    contents = [ref.get_object().get("/Contents", "") for ref in note]
    assert any("warning · STR-007" in c and "Contents entry BAB I" in c for c in contents)


# ------------------------------------------------------------------- edge cases


def _finding(message: str, page: int | None, bbox: list[float] | None, **extra: Any) -> Finding:
    values: dict[str, Any] = dict(
        rule="TST-001",
        category="structure",
        severity="warning",
        titles={"id": "Uji", "en": "Test"},
        messages={"id": message, "en": message},
        location=Location(page, None, None, None, bbox=BBox(*bbox) if bbox else None),
        expected=None,
        actual=None,
    )
    return Finding(**(values | extra))


def _bare_report(source: Path, findings: list[Finding]) -> Report:
    """A report of ``findings`` on ``source``, read from no document (no unit, no year)."""
    doc = document(path=str(source), pages=len(PdfReader(source).pages), year=None, unit=None, region=None)
    return build_report(doc, AuditResult(findings, []), _ruleset())


@pytest.mark.samples
def test_text_outside_winansi_is_transliterated_and_page_less_findings_are_listed(tmp_path: Path) -> None:
    with pdfplumber.open(REPAIRED_PDF) as pdf:
        word = pdf.pages[0].extract_words()[0]
    bbox = [word["x0"], word["top"], word["x1"], word["bottom"]]
    report = _bare_report(
        REPAIRED_PDF,
        [
            _finding("Jumlah ≠ total → periksa ≥ 5 dan ≤ 7, 漢字", None, None, expected="≥ 1.000", actual=""),
            _finding("Kurung (buka) dan garis \\ miring", 1, bbox),
            _finding("Halaman ini ≠ daftar isi", 2, None),
        ],
    )
    data = annotate_pdf(REPAIRED_PDF, report, "id")
    reader = PdfReader(io.BytesIO(data))
    pages = len(PdfReader(REPAIRED_PDF).pages)
    assert len(reader.pages) == pages + 1
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        notes = pdf.pages[-1].extract_text()
        assert "Jumlah != total -> periksa >= 5 dan <= 7, ??" in notes
        assert "Seharusnya: >= 1.000" in notes and "Tertulis: (kosong)" in notes
        assert "tanpa letak di halaman" in notes
        assert "Kurung (buka) dan garis \\ miring" in notes
        assert "- · Tahun Rencana - · 0 kesalahan, 3 peringatan, 0 informasi" in notes
        assert _outline(pdf.pages[0], tuple(bbox))
        assert "3" in [w["text"] for w in pdf.pages[1].extract_words()]  # a badge for the page, without a box
    contents = {
        ref.get_object()["/NM"]: ref.get_object()["/Contents"]
        for p in reader.pages
        for ref in p.get("/Annots") or []
        if ref.get_object()["/Subtype"] == "/Text"
    }
    assert set(contents) == {"renja-audit-2", "renja-audit-3"}  # nothing to pin the first one to
    assert "(buka) dan garis \\ miring" in contents["renja-audit-2"]
    assert "≠" in contents["renja-audit-3"]  # notes keep Unicode; only the drawn text is WinAnsi


@pytest.mark.samples
def test_repaired_sample_without_findings_still_gives_a_valid_pdf() -> None:
    report = _report(REPAIRED_PDF)
    assert not report.findings
    data = annotate_pdf(REPAIRED_PDF, report, "id")
    original = PdfReader(REPAIRED_PDF)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == len(original.pages) + 1
    for before, after in zip(original.pages, reader.pages):
        assert after["/Contents"].get_object().get_data() == before["/Contents"].get_object().get_data()
        assert not after.get("/Annots")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = pdf.pages[-1].extract_text()
    assert "Tidak ada temuan." in text and "0 kesalahan, 0 peringatan, 0 informasi" in text


@pytest.mark.samples
@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
@pytest.mark.parametrize("shifted", [False, True])
def test_outlines_land_on_rotated_and_shifted_pages(tmp_path: Path, rotation: int, shifted: bool) -> None:
    """pdfplumber reports a rotated page as displayed, and a MediaBox that does not
    start at (0, 0) moves its origin; outlines must still surround the words."""
    reader = PdfReader(REFERENCE_PDF)
    writer = PdfWriter()
    for i in (2, 10):  # a portrait contents page and a landscape table page
        writer.add_page(reader.pages[i])
    for page in writer.pages:
        if shifted:
            x0, y0, x1, y1 = (float(v) for v in page.mediabox)
            page.mediabox = RectangleObject([x0 - 30, y0 + 20, x1 - 30, y1 + 20])
        page.rotation = rotation
    source = tmp_path / "turned.pdf"
    writer.write(source)
    findings = []
    with pdfplumber.open(source) as pdf:
        for page_no, page in enumerate(pdf.pages, start=1):
            words = page.extract_words()
            for w in (words[3], words[len(words) // 2], words[-4]):
                findings.append(_finding(f"kata {w['text']}", page_no, [w["x0"], w["top"], w["x1"], w["bottom"]]))
    data = annotate_pdf(source, _bare_report(source, findings), "id")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for n, f in enumerate(findings, start=1):
            assert f.location.page is not None and f.location.bbox is not None
            page = pdf.pages[f.location.page - 1]
            bbox = tuple(f.location.bbox.as_list())
            assert _outline(page, bbox, COLOURS["warning"]), f"finding {n}: outline misplaced"
            badge = _badge(page, page.extract_words(), str(n), bbox)
            assert badge and _gap(_box(badge), bbox) < 80, f"finding {n}: no badge near its word"


# ------------------------------------------------------------------- helpers


@pytest.mark.unit
def test_winansi_transliterates_what_helvetica_cannot_show() -> None:
    assert winansi("a ≠ b → c ≥ d ≤ e − f") == "a != b -> c >= d <= e - f"
    assert winansi("Rp1.000 × 2 — é ü “x”") == "Rp1.000 × 2 — é ü “x”"  # all in WinAnsi
    assert winansi("ā\tő") == "a o"
    assert winansi("漢") == "?"


@pytest.mark.unit
def test_number_label_joins_runs() -> None:
    assert number_label([12]) == "12"
    assert number_label([12, 13]) == "12,13"
    assert number_label(list(range(140, 151))) == "140-150"
    assert number_label([3, 4, 5, 9, 11, 12]) == "3-5,9,11,12"


@pytest.mark.unit
def test_wrap_keeps_lines_within_the_width() -> None:
    text = 'Daftar isi 2.1: "Evaluasi Pelaksanaan Renja" ' + "x" * 200
    lines = wrap(text, 8.5, 150)
    assert len(lines) > 3 and all(text_width(line, 8.5) <= 150 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


@pytest.mark.unit
def test_only_money_is_shown_as_rupiah() -> None:
    assert shown_value("1916486189", "money", "id") == "Rp1.916.486.189"
    assert shown_value("-20250000", "money", "id") == "-Rp20.250.000"
    assert shown_value("2022", None, "id") == "2022"
    assert shown_value("12,5 %", "money", "id") == "12,5 %"  # not an amount: as written
    assert shown_value("", None, "en") == "(empty)" and shown_value(" ", "money", "id") == "(kosong)"
    assert shown_value(None, "money", "id") == "-"
