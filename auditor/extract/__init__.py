"""Extraction: a PDF or Word (.docx) file in, a typed Document out."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from contextlib import closing
from pathlib import Path

import pdfplumber

from auditor.errors import InputError
from auditor.extract.artifacts import strip_artifacts
from auditor.extract.docx import input_error, sniff
from auditor.extract.profiles import PROFILES, kind_by_header
from auditor.extract.rows import build_other_table, build_table
from auditor.extract.layout import PageLayout, read_page
from auditor.extract.narrative import document_meta, plan_year_from_headers, read_narrative
from auditor.extract.pdf import READ_ERRORS, file_sha256, open_pdf
from auditor.extract.tables import TableRun, find_runs
from auditor.model.document import Document

MIN_TEXT_CHARS = 200  # fewer characters than this in the whole file: a scan without text
BACKENDS = ("pdfplumber", "camelot")  # how page tables are found; words always come from pdfplumber
ReadErrors = tuple[type[BaseException], ...]
Layouts = Generator[PageLayout, None, None]


def _pdfplumber_layouts(pdf: pdfplumber.PDF) -> Layouts:
    for page_no, page in enumerate(pdf.pages, start=1):
        layout = read_page(page, page_no)
        page.close()  # drop the page's parsed objects: memory stays flat on long documents
        yield layout


def iter_layouts(path: Path, pdf: pdfplumber.PDF, backend: str) -> tuple[Layouts, ReadErrors]:
    """The backend's page layouts, one page at a time, and the errors a broken page raises in it."""
    if backend == "camelot":
        # Imported here: camelot loads pandas and OpenCV (0.3 s) that pdfplumber runs never need.
        from auditor.extract.camelot_backend import CAMELOT_READ_ERRORS, iter_layouts_camelot

        return iter_layouts_camelot(path, pdf), CAMELOT_READ_ERRORS
    if backend == "pdfplumber":
        return _pdfplumber_layouts(pdf), READ_ERRORS
    raise ValueError(f"unknown extraction backend {backend!r}; expected one of {', '.join(BACKENDS)}")


def read_layouts(path: Path, backend: str = "pdfplumber") -> list[PageLayout]:
    pdf = open_pdf(path)
    try:
        pages, errors = iter_layouts(path, pdf, backend)
        with closing(pages):  # a failed run releases the backend's resources too
            return _collect(pages, errors, path)
    finally:
        pdf.close()


def _collect(pages: Iterator[PageLayout], errors: ReadErrors, path: Path) -> list[PageLayout]:
    layouts: list[PageLayout] = []
    try:
        for layout in pages:
            layouts.append(layout)
    except errors as exc:
        # The file opened but a page's content is broken (truncated stream, bad object).
        # Pages come in order, one layout each: the failing page is the next one.
        page_no = len(layouts) + 1
        raise InputError(
            "corrupt",
            f"PDF rusak: halaman {page_no} tidak dapat dibaca ({type(exc).__name__}): {path}",
            f"The PDF is damaged: page {page_no} cannot be read ({type(exc).__name__}): {path}",
        ) from None
    return layouts


def extract_document(path: Path, backend: str = "pdfplumber") -> Document:
    """Read ``path`` into the document model, or raise InputError saying why not.

    A PDF or a Word document, told apart by content, not by name. For a PDF,
    ``backend`` names the table finder (one of BACKENDS) and is recorded as the
    extractor; a Word document is read from its own cells and paragraphs ("docx").
    """
    kind = sniff(path)
    if kind == "docx":
        # Imported here: python-docx and lxml load only when a Word document comes.
        from auditor.extract.docx_read import read_docx

        return document_from_layouts(path, read_docx(path).layouts, "docx")
    if kind is not None and (error := input_error(kind, path)) is not None:
        raise error
    # A PDF, or something the PDF reader explains (missing, empty, not a PDF...).
    return document_from_layouts(path, read_layouts(path, backend), backend)


def document_from_layouts(path: Path, layouts: list[PageLayout], extractor: str) -> Document:
    """The document model of a file's page layouts (read by ``extractor``)."""
    chars = sum(len(ln.text) for lay in layouts for ln in lay.lines) + sum(
        len(c.text) for lay in layouts for t in lay.tables for r in t.rows for c in r.cells
    )
    if chars < MIN_TEXT_CHARS and extractor == "docx":
        raise InputError(
            "no_text",
            f"Dokumen Word ini (hampir) tidak berisi teks; isinya mungkin gambar hasil pindai: {path}",
            f"The Word document holds (almost) no text; its pages may be scanned pictures: {path}",
        )
    if chars < MIN_TEXT_CHARS:
        raise InputError(
            "no_text",
            f"PDF tidak berisi teks (hasil pindai/gambar): perlu OCR lebih dulu agar dapat diperiksa: {path}",
            f"The PDF has no text layer (a scan): it needs OCR before it can be audited: {path}",
        )
    artifacts = strip_artifacts(layouts)  # before anything reads text: headers are never captions
    runs = _one_of_each_program_table(find_runs(layouts, kind_by_header))
    tables = [build_table(run, PROFILES[run.kind]) for run in runs if run.kind in PROFILES]
    others = [build_other_table(run) for run in runs if run.kind not in PROFILES]
    if not tables:
        raise InputError(
            "not_renja",
            f"Tidak ditemukan satu pun tabel Renja ({', '.join(PROFILES)}) dalam berkas ini; "
            f"apakah ini dokumen Renja? {path}",
            f"None of the Renja tables ({', '.join(PROFILES)}) was found in this file; "
            f"is it a Renja document? {path}",
        )
    meta = document_meta(layouts)
    plan_year = meta["plan_year"][0] if "plan_year" in meta else None
    if plan_year is None:
        plan_year = plan_year_from_headers([h for t in tables for h in t.column_headers.values()])
    return Document(
        path=str(path),
        sha256=file_sha256(path),
        pages=len(layouts),
        plan_year=int(plan_year) if plan_year is not None else None,
        unit=str(meta["unit"][0]) if "unit" in meta else None,
        region=str(meta["region"][0]) if "region" in meta else None,
        tables=tables,
        narrative=read_narrative(layouts, tables),
        meta_sources={k: v[1] for k, v in meta.items()},
        extractor=extractor,
        scanned_pages=[lay.page for lay in layouts if lay.image_only],
        # Only Permendagri's own tables are standard; tujuan, sasaran and BAB IV tables are a profile's choice.
        missing_tables=[k for k in PROFILES if k.startswith("T-C") and not any(t.kind == k for t in tables)],
        place=str(meta["place"][0]) if "place" in meta else None,
        date=str(meta["date"][0]) if "date" in meta else None,
        other_tables=others,
        artifacts=artifacts,
    )


def _one_of_each_program_table(runs: list[TableRun]) -> list[TableRun]:
    """A program table told T-C.33 by its header alone, in a document whose caption names
    its T-C.33 elsewhere, is the BAB IV funding table repeating T-C.33's columns."""
    captioned = any(r.kind == "T-C.33" and not r.by_header for r in runs)
    for run in runs:
        if captioned and run.kind == "T-C.33" and run.by_header:
            run.kind = "Tabel 4.1"
    return runs
