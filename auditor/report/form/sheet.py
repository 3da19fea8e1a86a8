"""The filled-in verification sheet as plain rows and lines, in one language: what the XLSX
and the DOCX writers both lay out, so the two always say the same."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from auditor.i18n import t
from auditor.report.content import Report
from auditor.report.form.items import Form, FormLine, fill
from auditor.report.values import numbers_text

_MONTHS = {
    "id": (
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip


def long_date(day: date, lang: str) -> str:
    """ "3 Desember 2026" """
    return f"{day.day} {_MONTHS[lang][day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Sheet:
    title: str
    basis: str
    identity: list[tuple[str, str]]
    header: list[str]
    rows: list[list[str]]  # No, item, result, findings, note (Catatan), follow-up (Tindak lanjut)
    results: list[str]  # each row's result key (RESULTS), for colouring
    legend: str
    signature: list[str]  # the lines of the signature block, top to bottom
    lines: list[FormLine]


def _findings_text(line: FormLine, lang: str) -> str:
    parts = []
    if line.findings:
        parts.append(t("form.findings", lang, n=len(line.findings), numbers=numbers_text(line.findings)))
    if line.infos:
        parts.append(t("form.infos", lang, n=len(line.infos), numbers=numbers_text(line.infos)))
    if line.note:
        parts.append(f"({line.note[lang]})")
    return "; ".join(parts) or "-"


def build_sheet(form: Form, report: Report, lang: str, verifier: str | None, day: date) -> Sheet:
    doc = report.document
    lines = fill(form, report)
    identity = [
        (t("report.unit", lang), doc.unit or "-"),
        (t("report.region", lang), doc.region or "-"),
        (t("report.plan_year", lang), str(doc.plan_year or "-")),
        (t("report.document", lang), doc.path),
        (t("report.sha256", lang), doc.sha256),
        (t("report.pages", lang), str(doc.pages)),
        (t("form.checked_on", lang), long_date(day, lang)),
        (t("report.tool", lang), f"renja-audit {report.tool_version}; {report.ruleset.id} {report.ruleset.version}"),
        (t("form.totals", lang), t("report.grouped", lang, findings=len(report.findings), groups=len(report.groups))),
    ]
    if report.reference is not None:
        identity.append((t("form.reference", lang), str(report.reference.get("unit") or "-")))
    header = [t(f"form.col.{c}", lang) for c in ("number", "item", "result", "findings", "note", "follow_up")]
    rows = []
    for line in lines:
        text = line.item.text[lang] if line.item else t("form.other", lang)
        rows.append([str(line.number), text, t(f"form.result.{line.result}", lang), _findings_text(line, lang), "", ""])
    signature = [
        long_date(day, lang),
        form.signature[lang],
        "",
        "",
        verifier or "(" + "." * 40 + ")",
        t("form.nip", lang),
    ]
    return Sheet(
        title=form.title[lang],
        basis=form.basis[lang],
        identity=identity,
        header=header,
        rows=rows,
        results=[line.result for line in lines],
        legend=t("form.legend", lang),
        signature=signature,
        lines=lines,
    )
