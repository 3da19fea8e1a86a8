"""The report of a Word document, ready for each output.

Locations read from a DOCX are positions on made-up pages (extract/docx/layout.py). Two views
are made from the report:

* ``report`` (JSON, CSV, XLSX): page and box cleared; each location keeps the ``place``
  the rule engine gave it (the Word table, row and column, or the heading above the text).
  It depends only on the file, never on the tools installed.
* ``view`` (HTML, annotated PDF): the same, plus the page and box of the place in a
  PDF printed by LibreOffice, when it is installed and the printing works; those
  outputs then show and mark that PDF. Without it the view has no pages, so the
  HTML has no pictures and there is no annotated PDF.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Self

from auditor.errors import AuditError
from auditor.extract import extract_document
from auditor.extract.docx.printed import convert_to_pdf, match_documents
from auditor.findings import Location
from auditor.model.document import BBox, Document
from auditor.report.content import Report


@dataclass
class DocxViews:
    report: Report
    view: Report
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


def _unplaced(location: Location) -> Location:
    """Page and box of a made-up page mean nothing to a reader: the place names it."""
    return replace(location, page=None, bbox=None)


def docx_views(path: Path, report: Report, pictures: bool, word_doc: Document | None = None) -> DocxViews:
    """The two views of ``report`` (a DOCX's, its locations placed in Word by the rule
    engine); ``pictures``: try LibreOffice for page pictures. ``word_doc``: the document
    the report was made from (read again from ``path`` without it)."""
    word_report = report.relocated(_unplaced)
    if not pictures:
        return DocxViews(word_report, word_report, None)
    workdir = tempfile.TemporaryDirectory(prefix="renja-docx-")
    views = DocxViews(word_report, word_report, None, workdir)
    pdf_path = convert_to_pdf(path, Path(workdir.name))
    if pdf_path is None:
        return views
    try:
        pdf_doc = extract_document(pdf_path)
        if word_doc is None:
            word_doc = extract_document(path)
    except AuditError:
        return views  # LibreOffice printed something the PDF reader cannot use: no pictures
    places = match_documents(word_doc, pdf_doc)

    def printed(location: Location) -> Location:
        """The location on the printed PDF's page, where it can be found there."""
        bbox = location.bbox.as_list() if location.bbox else None
        found = places.find(location.page, bbox, location.table)
        if found is None:
            return replace(location, page=None, bbox=None)
        page, box = found
        return replace(location, page=page, bbox=BBox(*box) if box is not None else None)

    views.view = report.relocated(printed, pages=pdf_doc.pages)
    views.pdf = pdf_path
    return views
