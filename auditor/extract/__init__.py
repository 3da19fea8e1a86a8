"""Extraction: a PDF or Word (.docx) file in, a typed Document out. pdf/ and docx/ read
the files into pages (page.py); tables.py, rows.py, narrative.py and meta.py read those."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Generator, Iterator
from contextlib import closing
from functools import partial
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium

from auditor.errors import InputError
from auditor.extract.artifacts import find_stamps, strip_artifacts
from auditor.extract.docx.container import input_error, sniff
from auditor.extract.meta import plan_year_from_headers, read_cover, sources, vote
from auditor.extract.narrative import read_narrative
from auditor.extract.page import PageLayout
from auditor.extract.pdf.layout import read_page
from auditor.extract.pdf.ocr import OCR_MODES, PageScanner, ocr_missing
from auditor.extract.pdf.opening import READ_ERRORS, file_sha256, open_pdf
from auditor.extract.pdf.page_guard import read_guarded
from auditor.extract.pdf.pdfium_objects import PDFIUM_READ_ERRORS, PdfiumPages
from auditor.extract.pdf.split import Outcome, read_split, stretches
from auditor.extract.rows import build_other_table, build_table
from auditor.extract.table_shapes import PROFILES, kind_by_header
from auditor.extract.tables import TableRun, find_runs
from auditor.model.document import BBox, Document

MIN_TEXT_CHARS = 200  # fewer characters than this in the whole file: a scan without text
# How pages are read: pdfium reads characters and lines (C++, fast) for pdfplumber's word
# and table finders; pdfplumber reads them itself with pdfminer (the reference, slow);
# camelot finds table cells in the rendered page, words from pdfplumber.
BACKENDS = ("pdfium", "pdfplumber", "camelot")
DEFAULT_BACKEND = "pdfium"
ReadErrors = tuple[type[BaseException], ...]
Stamps = dict[int, list[BBox]]  # page -> boxes of a stamp to set aside
Layouts = Generator[PageLayout, None, None]


def _pdfplumber_layouts(
    path: Path,
    pdf: pdfplumber.PDF,
    ocr: str,
    stamps: Stamps | None = None,
    objects: PdfiumPages | None = None,
    only: range | None = None,
) -> Layouts:
    """Each page read by pdfplumber, its objects parsed by pdfminer, or by pdfium (``objects``);
    with ``only``, the pages numbered in it."""
    scanner = None if ocr == "never" else PageScanner(path)
    errors = READ_ERRORS if objects is None else PDFIUM_READ_ERRORS
    try:
        for page_no, page in enumerate(pdf.pages, start=1):
            if stamps is not None and page_no not in stamps:
                continue
            if only is not None and page_no not in only:
                continue

            def read(page: Any = page, page_no: int = page_no) -> PageLayout:
                if objects is not None:
                    objects.attach(page, page_no)
                return read_page(page, page_no, scanner, ocr, (stamps or {}).get(page_no))

            layout = read_guarded(page, page_no, read, errors)
            page.close()  # drop the page's parsed objects: memory stays flat on long documents
            yield layout
    finally:
        if scanner is not None:
            scanner.close()
        if objects is not None:
            objects.close()


def iter_layouts(
    path: Path,
    pdf: pdfplumber.PDF,
    backend: str,
    ocr: str = "auto",
    stamps: Stamps | None = None,
    only: range | None = None,
) -> tuple[Layouts, ReadErrors]:
    """The backend's page layouts, one page at a time, and the errors a broken page raises in it.
    With ``stamps``, only the pages that have one, read without it; with ``only`` (not for
    camelot), only the pages numbered in it."""
    if ocr not in OCR_MODES:
        raise ValueError(f"unknown OCR mode {ocr!r}; expected one of {', '.join(OCR_MODES)}")
    if backend == "camelot":
        # Imported here: camelot loads pandas and OpenCV (0.3 s) that pdfplumber runs never need.
        from auditor.extract.pdf.camelot_backend import (
            CAMELOT_READ_ERRORS,
            iter_layouts_camelot,
        )

        return iter_layouts_camelot(path, pdf, ocr, stamps), CAMELOT_READ_ERRORS
    if backend == "pdfplumber":
        return _pdfplumber_layouts(path, pdf, ocr, stamps, only=only), READ_ERRORS
    if backend == "pdfium":
        return _pdfplumber_layouts(path, pdf, ocr, stamps, PdfiumPages(path), only), PDFIUM_READ_ERRORS
    raise ValueError(f"unknown extraction backend {backend!r}; expected one of {', '.join(BACKENDS)}")


def read_layouts(path: Path, backend: str = DEFAULT_BACKEND, ocr: str = "auto", workers: int = 1) -> list[PageLayout]:
    """Every page's layout. With ``workers`` > 1, a long document's pages are read by that many
    processes at once (extract/pdf/split.py), to the same layouts."""
    pdf = open_pdf(path)
    try:
        parts = stretches(len(pdf.pages), workers) if workers > 1 and backend != "camelot" else []
        if len(parts) > 1 and hasattr(os, "fork"):
            layouts, failed = read_split(parts, partial(_read_stretch, path, backend, ocr))
            if failed is not None:
                raise damaged(path, *failed)
        else:
            pages, errors = iter_layouts(path, pdf, backend, ocr)
            with closing(pages):  # a failed run releases the backend's resources too
                layouts = _collect(pages, errors, path)
        if stamps := find_stamps(layouts):
            # A stamp on most pages ("SALINAN"), found once every page was read: the pages
            # it is on are read again without it (it may sit in a table's header cells).
            again, errors = iter_layouts(path, pdf, backend, ocr, stamps)
            with closing(again):
                for layout in _collect(again, errors, path):
                    layouts[layout.page - 1] = layout
        return layouts
    finally:
        pdf.close()


def _read_stretch(path: Path, backend: str, ocr: str, part: range) -> Outcome:
    """The layouts of the pages in ``part``, and the page that failed with its error's name."""
    pdf = open_pdf(path)  # its own: processes sharing one open file would share its offset
    try:
        pages, errors = iter_layouts(path, pdf, backend, ocr, only=part)
        layouts: list[PageLayout] = []
        with closing(pages):
            try:
                for layout in pages:
                    layouts.append(layout)
            except errors as exc:
                return layouts, (part.start + len(layouts), type(exc).__name__)
        return layouts, None
    finally:
        pdf.close()


def _collect(pages: Iterator[PageLayout], errors: ReadErrors, path: Path) -> list[PageLayout]:
    layouts: list[PageLayout] = []
    try:
        for layout in pages:
            layouts.append(layout)
    except errors as exc:
        # Pages come in order, one layout each: the failing page is the next one.
        raise damaged(path, len(layouts) + 1, type(exc).__name__) from None
    return layouts


def damaged(path: Path, page_no: int, error: str) -> InputError:
    """The file opened but a page's content is broken (truncated stream, bad object)."""
    return InputError(
        "corrupt",
        f"PDF rusak: halaman {page_no} tidak dapat dibaca ({error}): {path}",
        f"The PDF is damaged: page {page_no} cannot be read ({error}): {path}",
    )


def extract_document(path: Path, backend: str = DEFAULT_BACKEND, ocr: str = "auto", workers: int = 1) -> Document:
    """Read ``path`` into the document model, or raise InputError saying why not.

    A PDF or a Word document, told apart by content, not by name. For a PDF,
    ``backend`` names the table finder (one of BACKENDS) and is recorded as the
    extractor; a Word document is read from its own cells and paragraphs ("docx").
    ``workers``: processes that read a long PDF's pages at once (see read_layouts).
    """
    kind = sniff(path)
    if kind == "docx":
        # Imported here: python-docx and lxml load only when a Word document comes.
        from auditor.extract.docx.read import read_docx

        read = read_docx(path)
        return dataclasses.replace(document_from_layouts(path, read.layouts, "docx"), word_places=read.places)
    if kind is not None and (error := input_error(kind, path)) is not None:
        raise error
    # A PDF, or something the PDF reader explains (missing, empty, not a PDF...).
    backend = usable_backend(path, backend)
    return document_from_layouts(path, read_layouts(path, backend, ocr, workers), backend)


def usable_backend(path: Path, backend: str) -> str:
    """``backend``, or pdfplumber for a file pdfium cannot open (pdfminer is more lenient with
    some broken files; the document model records the reader that read it)."""
    if backend != "pdfium":
        return backend
    try:
        PdfiumPages(path).close()
    except (pdfium.PdfiumError, OSError):
        return "pdfplumber"  # also a missing or unreadable file: pdfplumber's opening explains it
    return backend


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
        raise _no_text(path, [lay.page for lay in layouts if lay.image_only], [lay.page for lay in layouts if lay.ocr])
    artifacts = strip_artifacts(layouts)  # before anything reads text: headers are never captions
    runs = _one_of_each_program_table(find_runs(layouts, kind_by_header))
    tables = [build_table(run, PROFILES[run.kind]) for run in runs if run.kind in PROFILES]
    others = [build_other_table(run) for run in runs if run.kind not in PROFILES]
    if not tables:
        raise InputError(
            "not_renja",
            f"Tidak ditemukan satu pun tabel Renja ({', '.join(PROFILES)}) dalam berkas ini; "
            f"apakah ini dokumen Renja? {path}",
            f"None of the Renja tables ({', '.join(PROFILES)}) was found in this file; is it a Renja document? {path}",
        )
    cover_meta = read_cover(layouts)
    narrative = read_narrative(layouts, tables)
    cover = [(k, cover_meta[k][0], cover_meta[k][1]) for k in ("plan_year", "unit", "region") if k in cover_meta]
    found = sources(cover, artifacts, narrative.captions, tables, narrative.sentences)
    voted = {k: s for k in ("plan_year", "unit", "region") if (s := vote(found, k)) is not None}
    plan_year = voted["plan_year"].value if "plan_year" in voted else None
    if plan_year is None:
        plan_year = plan_year_from_headers([h for t in tables for h in t.column_headers.values()])
    spans = {k: v[1] for k, v in cover_meta.items() if k in ("place", "date")} | {k: s.span for k, s in voted.items()}
    return Document(
        path=str(path),
        sha256=file_sha256(path),
        pages=len(layouts),
        plan_year=int(plan_year) if plan_year is not None else None,
        unit=str(voted["unit"].value) if "unit" in voted else None,
        region=str(voted["region"].value) if "region" in voted else None,
        tables=tables,
        narrative=narrative,
        meta_sources=spans,
        identity=found,
        extractor=extractor,
        scanned_pages=[lay.page for lay in layouts if lay.image_only],
        # Only Permendagri's own tables are standard; tujuan, sasaran and BAB IV tables are a profile's choice.
        missing_tables=[k for k in PROFILES if k.startswith("T-C") and not any(t.kind == k for t in tables)],
        place=str(cover_meta["place"][0]) if "place" in cover_meta else None,
        date=str(cover_meta["date"][0]) if "date" in cover_meta else None,
        stage=str(cover_meta["stage"][0]) if "stage" in cover_meta else None,
        other_tables=others,
        artifacts=artifacts,
        ocr_pages=[lay.page for lay in layouts if lay.ocr],
        doubtful={lay.page: lay.doubtful for lay in layouts if lay.doubtful},
        unreadable_pages=[lay.unreadable for lay in layouts if lay.unreadable is not None],
    )


def _no_text(path: Path, scanned: list[int], ocred: list[int]) -> InputError:
    """A file without readable text: why, and what would make it readable."""
    if ocred and not scanned:
        read = _page_list(ocred)
        return InputError(
            "no_text",
            f"PDF ini hasil pindai; OCR pada halaman {read} hanya membaca sedikit teks (pindaian terlalu buram "
            f"atau bukan dokumen Renja): {path}",
            f"The PDF is a scan; OCR of pages {read} read almost no text (the scan is too poor, or it is not a "
            f"Renja): {path}",
        )
    pages = _page_list(scanned)
    if scanned and (missing := ocr_missing()) is not None:
        return InputError(
            "no_text",
            f"PDF ini hasil pindai tanpa lapisan teks (halaman {pages}); OCR memerlukan Tesseract dengan bahasa "
            f"Indonesia, yang belum terpasang (paket {missing}; `make install` memasangnya): {path}",
            f"The PDF is a scan without a text layer (pages {pages}); OCR needs Tesseract with the Indonesian "
            f"model, which is not installed (package {missing}; `make install` sets it up): {path}",
        )
    if scanned:
        return InputError(
            "no_text",
            f"PDF ini hasil pindai tanpa lapisan teks (halaman {pages}) dan OCR tidak dijalankan "
            f"(--ocr never) atau tidak berhasil membacanya: {path}",
            f"The PDF is a scan without a text layer (pages {pages}) and OCR was not run (--ocr never) "
            f"or could not read it: {path}",
        )
    return InputError(
        "no_text",
        f"PDF tidak berisi teks (hasil pindai/gambar): perlu OCR lebih dulu agar dapat diperiksa: {path}",
        f"The PDF has no text layer (a scan): it needs OCR before it can be audited: {path}",
    )


def _page_list(pages: list[int]) -> str:
    shown = ", ".join(map(str, pages[:12]))
    return shown + (f" … ({len(pages)})" if len(pages) > 12 else "")


def _one_of_each_program_table(runs: list[TableRun]) -> list[TableRun]:
    """A program table told T-C.33 by its header alone, in a document whose caption names
    its T-C.33 elsewhere, is the BAB IV funding table repeating T-C.33's columns."""
    captioned = any(r.kind == "T-C.33" and not r.by_header for r in runs)
    for run in runs:
        if captioned and run.kind == "T-C.33" and run.by_header:
            run.kind = "Tabel 4.1"
    return runs
