"""The report of a Word document, ready for each output.

Locations read from a DOCX are positions on made-up pages (extract/docx/layout.py). Two views
are made from the report:

* ``report`` (JSON, CSV, XLSX): page and box cleared, and each location gets a
  ``place`` naming the Word table, row and column, or the heading above the text.
  It depends only on the file, never on the tools installed.
* ``view`` (HTML, annotated PDF): the same, plus the page and box of the place in a
  PDF printed by LibreOffice, when it is installed and the printing works; those
  outputs then show and mark that PDF. Without it the view has no pages, so the
  HTML has no pictures and there is no annotated PDF.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

from auditor.errors import AuditError
from auditor.extract import extract_document
from auditor.extract.docx.printed import PdfPlaces, convert_to_pdf, match_documents
from auditor.model.document import Document
from auditor.report.word_places import Placer, locate_in_word


@dataclass
class DocxViews:
    report: dict[str, Any]
    view: dict[str, Any]
    pdf: Path | None  # the LibreOffice PDF the view's pages refer to
    _workdir: tempfile.TemporaryDirectory[str] | None = field(default=None, repr=False)

    def close(self) -> None:
        if self._workdir is not None:
            self._workdir.cleanup()
            self._workdir = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def docx_views(
    path: Path, report: dict[str, Any], lang: str, pictures: bool, word_doc: Document | None = None
) -> DocxViews:
    """The two views of ``report`` (a DOCX's); ``pictures``: try LibreOffice for page pictures.
    ``word_doc``: the document the report was made from (read again from ``path`` without it)."""
    if word_doc is None or word_doc.word_places is None:
        word_doc = extract_document(path)
    assert word_doc.word_places is not None  # a Word document's model always has them
    word_report = locate_in_word(report, Placer(word_doc, word_doc.word_places, lang))
    if not pictures:
        return DocxViews(word_report, word_report, None)
    workdir = tempfile.TemporaryDirectory(prefix="renja-docx-")
    views = DocxViews(word_report, word_report, None, workdir)
    pdf_path = convert_to_pdf(path, Path(workdir.name))
    if pdf_path is None:
        return views
    try:
        pdf_doc = extract_document(pdf_path)
    except AuditError:
        return views  # LibreOffice printed something the PDF reader cannot use: no pictures
    views.view = _on_pdf(report, word_report, match_documents(word_doc, pdf_doc), pdf_doc.pages)
    views.pdf = pdf_path
    return views


def _on_pdf(report: dict[str, Any], word_report: dict[str, Any], places: PdfPlaces, pages: int) -> dict[str, Any]:
    """``word_report`` with the PDF page and box of each location of ``report`` (same order)."""

    def loc(original: dict[str, Any], located: dict[str, Any]) -> dict[str, Any]:
        found = places.find(original.get("page"), original.get("bbox"), original.get("table"))
        page, bbox = found if found is not None else (None, None)
        return {**located, "page": page, "bbox": bbox}

    def finding(original: dict[str, Any], located: dict[str, Any]) -> dict[str, Any]:
        evidence = [
            {**e, "location": loc(o["location"], e["location"])}
            for o, e in zip(original.get("evidence", []), located.get("evidence", []))
        ]
        return {**located, "location": loc(original["location"], located["location"]), "evidence": evidence}

    view = dict(word_report)
    view["document"] = {**word_report["document"], "pages": pages}
    view["findings"] = [finding(o, f) for o, f in zip(report["findings"], word_report["findings"])]
    view["waived"] = [finding(o, f) for o, f in zip(report.get("waived", []), word_report.get("waived", []))]
    return view
