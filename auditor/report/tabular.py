"""Findings as rows: CSV (one finding a line) and XLSX (findings + summary sheets).

Column names are stable (English, snake_case) whatever the report language, so other
tools can read them; the cell texts (title, message) follow ``--lang``.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from typing import Any

from auditor.findings import CATEGORIES, SEVERITIES
from auditor.i18n import t

COLUMNS = (
    "document", "sha256", "rule", "category", "severity", "title", "message", "page", "table", "code",
    "column", "row", "expected", "actual", "low_confidence", "x0", "top", "x1", "bottom",
    # Added later, so at the end: the finding's number (as in the HTML and the annotated
    # PDF) and "money" when expected/actual are rupiah amounts.
    "number", "value_kind",
    # For a Word document: the Word table, row and column, or the heading the text is under.
    "place",
    # The document's own number for a table other than the T-C ones ("Tabel III.2"); "table"
    # keeps the stable kind ("Tabel 3.3" = the sasaran table, however numbered).
    "table_label",
)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[-+]?\d[\d.,]*%?")


def csv_safe(value: Any) -> Any:
    """Text from a PDF must not become a live formula when a CSV is opened in a spreadsheet
    ("=HYPERLINK(...)" in a cell): such text gets a leading apostrophe; numbers stay."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def append_text_row(sheet: Any, values: list[Any]) -> None:
    """Append a row to an openpyxl sheet keeping every string a string (never a formula)."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"


def finding_rows(report: dict[str, Any]) -> list[list[Any]]:
    doc = report["document"]
    rows = []
    for number, f in enumerate(report["findings"], start=1):
        loc = f["location"]
        bbox = loc.get("bbox") or [None] * 4
        rows.append(
            [doc["path"], doc["sha256"], f["rule"], f["category"], f["severity"], f["title"], f["message"],
             loc["page"], loc["table"], loc["code"], loc["column"], loc.get("row"), f["expected"], f["actual"],
             f.get("low_confidence", False), *bbox, number, f.get("value_kind"), (loc.get("place") or {}).get("text"),
             loc.get("table_label")]
        )
    return rows


def to_csv(report: dict[str, Any]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows([csv_safe(v) for v in row] for row in finding_rows(report))
    return buf.getvalue()


def to_xlsx(report: dict[str, Any], lang: str) -> bytes:
    # Imported here: only this output needs openpyxl.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "findings"
    sheet.append(list(COLUMNS))
    for row in finding_rows(report):
        append_text_row(sheet, row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions

    summary = book.create_sheet("summary")
    doc = report["document"]
    for key in ("path", "sha256", "pages", "plan_year", "unit", "region"):
        summary.append([key, doc.get(key)])
    summary.append(["tool", f"{report['tool']['name']} {report['tool']['version']}"])
    summary.append(["ruleset", f"{report['ruleset']['id']} {report['ruleset']['version']}"])
    summary.append([])
    summary.append(["severity", "count", t("report.severity", lang)])
    for s in SEVERITIES:
        summary.append([s, report["summary"][s], t(f"severity.{s}", lang)])
    summary.append([])
    by_category = Counter(f["category"] for f in report["findings"])
    summary.append(["category", "count", t("report.findings", lang)])
    for c in CATEGORIES:
        summary.append([c, by_category.get(c, 0), t(f"category.{c}", lang)])
    summary.append([])
    summary.append(["not_evaluated", len(report["not_evaluated"])])
    summary.append(["waived", len(report.get("waived", []))])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
