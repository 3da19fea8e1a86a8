"""Text from the PDF reaches every report as text, never as markup.

samples/special/hostile-2024.pdf (samples/specs/make_hostile.py) is the clean control with
HTML in two sub kegiatan names, an indicator, the cover's unit line and the budget
sentence; the audit is run on a copy whose file name is hostile too, because the path is
shown in the page title and header. The JSON, CSV and XLSX must keep the text exactly as
the PDF has it; the HTML must escape it exactly once (so a literal "&lt;" in the PDF
shows as "&lt;"), add no element or attribute, and carry only the report's own script.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SAMPLES, run_cli
from openpyxl import load_workbook

pytestmark = [pytest.mark.samples, pytest.mark.cli]

HOSTILE_PDF = SAMPLES / "special" / "hostile-2024.pdf"
TEMPLATE = ROOT / "auditor" / "report" / "templates" / "report.html.j2"

# As the spec writes them (make_hostile.py); each survives extraction whole.
SCRIPT = "<script>alert('renja')</script>"
IMG = '"><img src=x onerror=alert(1)>'
BOLD = "<b onmouseover=alert(2)>"
ENTITY = "&lt;500 m2&gt;"  # printed in the PDF as these characters, not as "<500 m2>"
AMPERSAND = "Sarana & Prasarana"
# Legal in a Linux file name, and the report shows the path.
FILE_NAME = 'renja "><img src=x onerror=alert(3)>.pdf'
PAYLOADS = (SCRIPT, IMG, BOLD, ENTITY, AMPERSAND, FILE_NAME.removesuffix(".pdf"))

SCRIPT_NAME_CODE = "7.01.02.2.04.03"  # name with SCRIPT
ENTITY_NAME_CODE = "7.01.01.2.09.09"  # name with AMPERSAND and ENTITY
IMG_INDICATOR_CODE = "7.01.01.2.01.01"  # indicator with IMG
NAME_TABLES = ("T-C.33", "Tabel 4.1", "T-C.31", "T-C.29")


@dataclass
class Outputs:
    lang: str
    pdf: Path
    returncode: int
    stderr: str
    report: dict[str, Any]
    html: str
    csv_text: str
    xlsx: Path


@pytest.fixture(scope="module", params=["id", "en"])
def outputs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Outputs:
    lang = request.param
    work = tmp_path_factory.mktemp(f"hostile-{lang}")
    pdf = work / FILE_NAME
    shutil.copyfile(HOSTILE_PDF, pdf)
    out = work / "out"
    proc = run_cli("check", pdf, "--out", out, "--format", "json,html,csv,xlsx", "--lang", lang)
    stem = pdf.stem
    return Outputs(
        lang=lang,
        pdf=pdf,
        returncode=proc.returncode,
        stderr=proc.stderr,
        report=json.loads((out / f"{stem}.json").read_text(encoding="utf-8")),
        html=(out / f"{stem}.html").read_text(encoding="utf-8"),
        csv_text=(out / f"{stem}.csv").read_text(encoding="utf-8"),
        xlsx=out / f"{stem}.xlsx",
    )


def _findings(report: dict[str, Any], rule: str, code: str | None = None) -> list[dict[str, Any]]:
    return [f for f in report["findings"] if f["rule"] == rule and (code is None or f["location"]["code"] == code)]


# --------------------------------------------------------------------------- JSON: raw text


def test_audit_finds_the_designed_findings(outputs: Outputs) -> None:
    assert outputs.returncode == 1, outputs.stderr  # the wrong total is an error
    report = outputs.report
    for code in (SCRIPT_NAME_CODE, ENTITY_NAME_CODE):
        assert {f["location"]["table"] for f in _findings(report, "NOM-004", code)} == set(NAME_TABLES), code
    assert {f["location"]["table"] for f in _findings(report, "NOM-005", IMG_INDICATOR_CODE)} == set(NAME_TABLES)
    assert len(_findings(report, "NAR-001")) == 1 and len(_findings(report, "NAR-002")) == 1


def test_json_keeps_the_pdf_text_as_written(outputs: Outputs) -> None:
    report = outputs.report
    assert report["document"]["path"] == str(outputs.pdf)
    for code, payloads in ((SCRIPT_NAME_CODE, (SCRIPT,)), (ENTITY_NAME_CODE, (ENTITY, AMPERSAND))):
        found = _findings(report, "NOM-004", code)
        assert found, code
        for f in found:
            for payload in payloads:
                assert payload in f["actual"] and payload in f["message"], (f["location"]["table"], f["message"])
    found = _findings(report, "NOM-005", IMG_INDICATOR_CODE)
    assert found
    for f in found:
        assert IMG in f["actual"] and IMG in f["message"], f["message"]
    for rule in ("NAR-001", "NAR-002"):
        (f,) = _findings(report, rule)
        assert BOLD in f["location"]["row"], f["location"]
    # Messages in both languages carry the same raw text.
    (f,) = [f for f in _findings(report, "NOM-004", SCRIPT_NAME_CODE) if f["location"]["table"] == "T-C.33"]
    assert all(SCRIPT in m for m in f["messages"].values()) and set(f["messages"]) == {"id", "en"}


# --------------------------------------------------------------------------- HTML: escaped once


class _Page(HTMLParser):
    """Elements, attributes and text of a page, text decoded as a browser shows it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []  # outside <script>
        self.scripts: list[str] = []
        self.title = ""
        self._open: str | None = None  # "script" or "title" while inside one

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))
        if tag in ("script", "title"):
            self._open = tag
            if tag == "script":
                self.scripts.append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open == "script":
            self.scripts[-1] += data
            return
        if self._open == "title":
            self.title += data
        self.text.append(data)


def _page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def test_html_source_has_no_raw_markup_from_the_pdf(outputs: Outputs) -> None:
    html = outputs.html
    for raw in ("<script>alert", "<img src=x", "<b onmouseover", '"><img', "Kecamatan</b>", "Sarana & Prasarana"):
        assert raw not in html, raw
    for escaped in (
        "&lt;script&gt;alert(",
        "&lt;/script&gt;",
        "&lt;img src=x onerror=alert(1)&gt;",
        "&lt;img src=x onerror=alert(3)&gt;",  # the file name
        "&lt;b onmouseover=alert(2)&gt;Kecamatan&lt;/b&gt;",
        "Sarana &amp; Prasarana",
        "&amp;lt;500 m2&amp;gt;",  # the PDF's "&lt;", escaped once
    ):
        assert escaped in html, escaped
    assert "&amp;amp;" not in html and "&amp;#" not in html  # nothing escaped twice


def test_html_shows_the_pdf_text_as_written(outputs: Outputs) -> None:
    text = "".join(_page(outputs.html).text)
    for payload in PAYLOADS:
        assert payload in text, payload
    assert "<500 m2>" not in text  # "&lt;" is not decoded on the way


def test_html_has_only_the_reports_own_elements(outputs: Outputs) -> None:
    page = _page(outputs.html)
    template = TEMPLATE.read_text(encoding="utf-8")
    assert outputs.html.count("<script") == template.count("<script") == 1
    assert len(page.scripts) == 1 and "alert(" not in page.scripts[0]
    assert "addEventListener" in page.scripts[0]  # it is the report's filter script
    for tag, attrs in page.elements:
        names = {name for name, _ in attrs}
        assert not {n for n in names if n.startswith("on")}, (tag, attrs)
        assert "x" not in {value for _, value in attrs}, (tag, attrs)
        if tag == "img":
            assert dict(attrs)["src"].startswith("data:image/jpeg;base64,"), attrs
        assert tag != "b", (tag, attrs)  # the template uses <strong>; a <b> came from the PDF
    pictures = [a for t, a in page.elements if t == "img"]
    assert pictures  # the findings have crops, so the check above saw real <img> elements


def test_html_title_and_header_show_the_file_name_as_text(outputs: Outputs) -> None:
    page = _page(outputs.html)
    assert str(outputs.pdf) in "".join(page.text)
    # The cover's unit line carries IMG after the name: whatever the extractor takes from it
    # (or the path, without a unit) is the title's text, and the title holds no element.
    document = outputs.report["document"]
    assert (document["unit"] or document["path"]) in page.title
    title_source = outputs.html[outputs.html.index("<title>") : outputs.html.index("</title>")]
    assert "<" not in title_source.removeprefix("<title>")


# --------------------------------------------------------------------------- CSV and XLSX: raw text


def test_csv_keeps_the_pdf_text_as_written(outputs: Outputs) -> None:
    rows = list(csv.DictReader(io.StringIO(outputs.csv_text)))
    assert len(rows) == len(outputs.report["findings"])
    cells = [v for row in rows for v in row.values()]
    for payload in (SCRIPT, IMG, BOLD, ENTITY, AMPERSAND):
        assert any(payload in c for c in cells), payload
    assert {row["document"] for row in rows} == {str(outputs.pdf)}
    assert "&lt;script" not in outputs.csv_text and "&amp;" not in outputs.csv_text and "&#" not in outputs.csv_text
    by_code = {(r["rule"], r["table"], r["code"]): r for r in rows}
    assert SCRIPT in by_code[("NOM-004", "T-C.33", SCRIPT_NAME_CODE)]["actual"]


def test_xlsx_keeps_the_pdf_text_as_written(outputs: Outputs) -> None:
    book = load_workbook(outputs.xlsx, read_only=True)
    try:
        findings = [list(r) for r in book["findings"].iter_rows(values_only=True)]
        summary = {r[0]: r[1] for r in book["summary"].iter_rows(values_only=True) if r and r[0]}
    finally:
        book.close()
    header, rows = findings[0], findings[1:]
    assert len(rows) == len(outputs.report["findings"])
    cells = [str(v) for row in rows for v in row if v is not None]
    for payload in (SCRIPT, IMG, BOLD, ENTITY, AMPERSAND):
        assert any(payload in c for c in cells), payload
    assert not any("&lt;script" in c or "&amp;" in c for c in cells)
    assert {row[header.index("document")] for row in rows} == {str(outputs.pdf)}
    assert summary["path"] == str(outputs.pdf) and summary["unit"] == outputs.report["document"]["unit"]
