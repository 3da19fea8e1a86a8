"""The index over several audited documents: HTML (sortable, links to each report), CSV, XLSX.

One line per document, in the order given (``check``) or by path (``batch``). Column
names of the CSV/XLSX are stable English snake_case whatever the language; the status
word and the failure reason follow ``--lang``.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor import __version__
from auditor.findings import CATEGORIES
from auditor.i18n import t
from auditor.report.tabular import append_text_row, csv_safe

if TYPE_CHECKING:  # the batch's cross-check imports IndexLine from here
    from auditor.batch.crosscheck import BatchFinding

BATCH_FINDINGS = "batch-findings.json"  # the checks across a batch's documents

COLUMNS = (
    "document",
    "unit",
    "region",
    "plan_year",
    "pages",
    "status",
    "errors",
    "warnings",
    "infos",
    "seconds",
    "reason",
    "sha256",
    "report",
)


@dataclass(frozen=True)
class IndexLine:
    entry: dict[str, Any]  # DocResult.entry()
    report: str | None  # relative link to the document's own report, if one was written


def _row(line: IndexLine, lang: str) -> list[Any]:
    e = line.entry
    s = e["summary"]
    reason = e["failure"][lang] if e.get("failure") else None
    return [
        e["path"],
        e.get("unit"),
        e.get("region"),
        e.get("plan_year"),
        e.get("pages"),
        e["status"],
        s["error"],
        s["warning"],
        s["info"],
        e["seconds"],
        reason,
        e.get("sha256"),
        line.report,
    ]


def totals(lines: list[IndexLine]) -> dict[str, int]:
    statuses = Counter(line.entry["status"] for line in lines)
    out = {"documents": len(lines), **{f"status_{k}": v for k, v in statuses.items()}}
    for sev in ("error", "warning", "info"):
        out[sev] = sum(line.entry["summary"][sev] for line in lines)
    return out


def index_csv(lines: list[IndexLine], lang: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows([csv_safe(v) for v in _row(line, lang)] for line in lines)
    return buf.getvalue()


def index_xlsx(lines: list[IndexLine], lang: str, rule_titles: dict[str, dict[str, str]] | None = None) -> bytes:
    """Sheet ``documents`` (one row each) and ``rules`` (findings per rule over all documents)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "documents"
    append_text_row(sheet, list(COLUMNS))
    for line in lines:
        append_text_row(sheet, _row(line, lang))
    rules = book.create_sheet("rules")
    append_text_row(rules, ["rule", "title", "findings", "documents"])
    findings: Counter[str] = Counter()
    documents: Counter[str] = Counter()
    for line in lines:
        for rule, n in line.entry.get("rule_counts", {}).items():
            findings[rule] += n
            documents[rule] += 1
    for rule in sorted(findings):
        title = (rule_titles or {}).get(rule, {}).get(lang)
        append_text_row(rules, [rule, title, findings[rule], documents[rule]])  # ids and titles from a user's YAML
    for ws in (sheet, rules):
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def index_html(
    lines: list[IndexLine], lang: str, title: str | None = None, batch_findings: list[BatchFinding] | None = None
) -> str:
    from auditor.report.html_report import ENV  # Jinja2 and the report's pictures: only for an index

    template = ENV.get_template("index.html.j2")
    return template.render(
        lines=[{"e": line.entry, "report": line.report} for line in lines],
        categories=CATEGORIES,
        batch_findings=batch_findings or [],
        totals=totals(lines),
        lang=lang,
        tr=lambda key, **kw: t(key, lang, **kw),
        title=title or t("index.title", lang),
        version=__version__,
        generated=datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M %Z"),
    )


def write_index(
    lines: list[IndexLine],
    out_dir: Path,
    lang: str,
    rule_titles: dict[str, dict[str, str]],
    name: str = "index",
    batch_findings: list[BatchFinding] | None = None,
) -> list[Path]:
    """``index.html`` plus ``<name>.csv`` and ``<name>.xlsx`` under ``out_dir``; with
    ``batch_findings`` (a batch's checks across its documents) also ``batch-findings.json``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    targets = [out_dir / "index.html", out_dir / f"{name}.csv", out_dir / f"{name}.xlsx"]
    targets[0].write_text(index_html(lines, lang, batch_findings=batch_findings), encoding="utf-8")
    targets[1].write_text(index_csv(lines, lang), encoding="utf-8")
    targets[2].write_bytes(index_xlsx(lines, lang, rule_titles))
    if batch_findings is not None:
        across = out_dir / BATCH_FINDINGS
        data = {"findings": [b.to_dict(lang) for b in batch_findings]}
        across.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        targets.append(across)
    return targets
