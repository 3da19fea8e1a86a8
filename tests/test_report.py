"""Report rendering: everything from the PDF is escaped, labels follow --lang."""

from __future__ import annotations

import pytest
from builders import document

from auditor.findings import Finding, Location
from auditor.model.document import BBox
from auditor.report.content import Report, build_report
from auditor.report.html_report import render_html
from auditor.rules import load_ruleset
from auditor.rules.engine import AuditResult

pytestmark = [pytest.mark.unit]

EVIL = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'


def _finding(**changes: object) -> Finding:
    values: dict = dict(
        rule="TOT-001",
        category="totals",
        severity="error",
        titles={"id": "judul", "en": "title"},
        messages={"id": f"pesan {EVIL}", "en": f"message {EVIL}"},
        location=Location(2, "T-C.33", "7.01.01.2.09.06", "amount", row=EVIL, bbox=BBox(1, 2, 3, 4)),
        expected="20250000",
        actual="13200000",
        value_kind="money",
    )
    return Finding(**(values | changes))  # type: ignore[arg-type]


def _report(**changes: object) -> Report:
    doc = document(unit=EVIL, pages=3)
    return build_report(doc, AuditResult([_finding(**changes)], []), load_ruleset())


def test_html_escapes_document_text() -> None:
    html = render_html(_report(), "id")
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Rp20.250.000" in html and "Rp13.200.000" in html


def test_only_money_values_are_shown_as_rupiah() -> None:
    html = render_html(_report(value_kind=None, expected="120", actual="100"), "id")
    assert "Rp120" not in html and "Rp100" not in html
    assert '<td class="val">120</td>' in html


def test_html_language() -> None:
    assert "Seharusnya" in render_html(_report(), "id")
    html_en = render_html(_report(), "en")
    assert "Expected" in html_en and 'lang="en"' in html_en


def test_json_report_has_the_contract_fields() -> None:
    report = _report().to_dict("id")
    assert report["summary"] == {"error": 1, "warning": 0, "info": 0}
    f = report["findings"][0]
    assert f["location"] == {
        "page": 2,
        "table": "T-C.33",
        "code": "7.01.01.2.09.06",
        "column": "amount",
        "row": EVIL,
        "bbox": [1, 2, 3, 4],
        "table_label": None,
    }


def test_csv_and_xlsx_outputs(tmp_path) -> None:
    import csv
    import io

    from openpyxl import load_workbook

    from auditor.report.tabular import COLUMNS, to_csv, to_xlsx

    report = _report()
    rows = list(csv.DictReader(io.StringIO(to_csv(report, "en"))))
    assert list(rows[0]) == list(COLUMNS)
    assert (rows[0]["rule"], rows[0]["code"], rows[0]["expected"], rows[0]["actual"]) == (
        "TOT-001",
        "7.01.01.2.09.06",
        "20250000",
        "13200000",
    )
    path = tmp_path / "r.xlsx"
    path.write_bytes(to_xlsx(report, "en"))
    book = load_workbook(path)
    assert book.sheetnames == ["findings", "groups", "summary"]
    assert [c.value for c in book["findings"][1]] == list(COLUMNS)
    assert book["findings"].max_row == 2
    summary = {r[0].value: r[1].value for r in book["summary"].iter_rows() if r[0].value}
    assert summary["error"] == 1 and summary["totals"] == 1


def test_text_from_the_pdf_never_becomes_a_spreadsheet_formula() -> None:
    import csv
    import io

    from openpyxl import load_workbook

    from auditor.report.tabular import to_csv, to_xlsx

    report = _report(actual='=HYPERLINK("http://x","klik")', expected="-5")
    row = next(iter(csv.DictReader(io.StringIO(to_csv(report, "id")))))
    assert row["actual"] == '\'=HYPERLINK("http://x","klik")' and row["expected"] == "-5"
    cells = next(
        iter(load_workbook(io.BytesIO(to_xlsx(report, "id")))["findings"].iter_rows(min_row=2, values_only=False))
    )
    actual = next(c for c in cells if c.value and str(c.value).startswith("=HYPERLINK"))
    assert actual.data_type == "s"
