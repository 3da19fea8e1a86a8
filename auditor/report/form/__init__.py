"""The verification sheet (``--format form``): the form's items filled in from one report,
written as XLSX and DOCX."""

from __future__ import annotations

from datetime import date

from auditor.report.content import Report
from auditor.report.form.items import Form, load_form
from auditor.report.form.sheet import build_sheet

__all__ = ["Form", "form_outputs", "load_form"]


def form_outputs(
    form: Form, report: Report, lang: str, verifier: str | None, day: date | None = None
) -> dict[str, bytes]:
    """``{"form": XLSX, "form_docx": DOCX}`` of the filled-in sheet."""
    from auditor.report.form.docx import form_docx
    from auditor.report.form.xlsx import form_xlsx

    sheet = build_sheet(form, report, lang, verifier, day or date.today())
    return {"form": form_xlsx(sheet), "form_docx": form_docx(sheet)}
