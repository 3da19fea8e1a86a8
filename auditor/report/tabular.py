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

from auditor.findings import CATEGORIES, SEVERITIES, place_text
from auditor.i18n import t
from auditor.report.content import Report
from auditor.report.values import reference_places

COLUMNS = (
    "document",
    "sha256",
    "rule",
    "category",
    "severity",
    "title",
    "message",
    "page",
    "table",
    "code",
    "column",
    "row",
    "expected",
    "actual",
    "low_confidence",
    "x0",
    "top",
    "x1",
    "bottom",
    # Added later, so at the end: the finding's number (as in the HTML and the annotated
    # PDF) and "money" when expected/actual are rupiah amounts.
    "number",
    "value_kind",
    # For a Word document: the Word table, row and column, or the heading the text is under.
    "place",
    # The document's own number for a table other than the T-C ones ("Tabel III.2"); "table"
    # keeps the stable kind ("Tabel 3.3" = the sasaran table, however numbered).
    "table_label",
    # With --reference: where the reference values are (file, sheet, row, column), "; "-joined.
    "reference",
    # The group of findings with one cause it belongs to (the JSON's "group"), and its size.
    "group",
    "group_count",
)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[-+]?\d[\d.,]*%?")


def csv_safe(value: Any) -> Any:
    """Text from a PDF must not become a live formula when a CSV is opened in a spreadsheet
    ("=HYPERLINK(...)" in a cell): such text gets a leading apostrophe; numbers stay."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


# Characters XML 1.0 cannot hold: openpyxl refuses them (as its ILLEGAL_CHARACTERS_RE).
_XML_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")


def append_text_row(sheet: Any, values: list[Any]) -> None:
    """Append a row to an openpyxl sheet keeping every string plain text: openpyxl would
    store "=HYPERLINK(...)" (a file name, a PDF cell) as a formula and "#N/A" as an error.
    A control character a worksheet cannot hold is shown as U+FFFD instead of failing
    the whole document. Numbers stay numbers."""
    sheet.append([_XML_ILLEGAL.sub("\ufffd", v) if isinstance(v, str) else v for v in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def finding_rows(report: Report, lang: str) -> list[list[Any]]:
    doc = report.document
    rows = []
    groups = report.finding_groups()
    for number, f in enumerate(report.findings, start=1):
        loc = f.location
        bbox = loc.bbox.as_list() if loc.bbox else [None] * 4
        rows.append(
            [
                doc.path,
                doc.sha256,
                f.rule,
                f.category,
                f.severity,
                f.titles[lang],
                f.messages[lang],
                loc.page,
                loc.table,
                loc.code,
                loc.column,
                loc.row,
                f.expected,
                f.actual,
                f.low_confidence,
                *bbox,
                number,
                f.value_kind,
                place_text(loc.place, lang) if loc.place else None,
                loc.table_label,
                "; ".join(reference_places(f, lang)) or None,
                groups[number - 1].id,
                groups[number - 1].count,
            ]
        )
    return rows


def to_csv(report: Report, lang: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows([csv_safe(v) for v in row] for row in finding_rows(report, lang))
    return buf.getvalue()


def to_xlsx(report: Report, lang: str) -> bytes:
    # Imported here: only this output needs openpyxl.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "findings"
    append_text_row(sheet, list(COLUMNS))
    for row in finding_rows(report, lang):
        append_text_row(sheet, row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions

    # One line per group: what a verifier fixes once, with the numbers of its findings.
    grouped = book.create_sheet("groups")
    append_text_row(
        grouped, ["group", "rule", "severity", "count", "title", "message", "expected", "actual", "findings"]
    )
    for cell in grouped[1]:
        cell.font = Font(bold=True)
    for g in report.groups:
        head = report.findings[g.members[0]]
        numbers = ", ".join(str(i + 1) for i in g.members)
        row = [g.id, g.rule, g.severity, g.count, head.titles[lang], head.messages[lang], head.expected, head.actual]
        append_text_row(grouped, [*row, numbers])
    grouped.freeze_panes = "A2"

    # Every row through append_text_row: the path is the file name as given, the unit and
    # region are read from the document, the rule set's id comes from a user's YAML.
    summary = book.create_sheet("summary")
    doc = report.document
    rows: list[list[Any]] = [
        [key, getattr(doc, key)] for key in ("path", "sha256", "pages", "plan_year", "unit", "region")
    ]
    rows.append(["tool", f"renja-audit {report.tool_version}"])
    rows.append(["ruleset", f"{report.ruleset.id} {report.ruleset.version}"])
    rows.append([])
    rows.append(["severity", "count", t("report.severity", lang)])
    counts = report.summary
    rows.extend([s, counts[s], t(f"severity.{s}", lang)] for s in SEVERITIES)
    rows.append([])
    by_category = Counter(f.category for f in report.findings)
    rows.append(["category", "count", t("report.findings", lang)])
    rows.extend([c, by_category.get(c, 0), t(f"category.{c}", lang)] for c in CATEGORIES)
    rows.append([])
    rows.append(["groups", len(report.groups), t("report.group", lang)])
    rows.append(["not_evaluated", len(report.not_evaluated)])
    rows.append(["waived", len(report.waived)])
    for row in rows:
        append_text_row(summary, row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
