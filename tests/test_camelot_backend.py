"""The camelot lattice backend reads the sample PDFs like the pdfplumber one.

camelot finds the ruling lines on the rendered page instead of in the PDF's
drawing; the cell grids, the text in them and the budget rows must come out the
same. A camelot pass takes about 16 s per sample, so each file is read once.
"""

from __future__ import annotations

import copy
import re
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from unittest.mock import patch

import pdfplumber
import pytest
from conftest import REFERENCE_PDF, REPAIRED_PDF, SAMPLE_PAIRS, SAMPLES, load_spec
from playa.exceptions import PDFSyntaxError
from test_extraction import TABLES, _expected_rows, budget_rows

from auditor.errors import InputError
from auditor.extract import BACKENDS, extract_document, read_layouts
from auditor.extract.page import PageLayout, PageTable
from auditor.extract.pdf.camelot_backend import CamelotReader, merged_spans
from auditor.extract.pdf.layout import TABLE_SETTINGS, read_page
from auditor.model.document import Document

CAMELOT = "camelot"
PAIRED = [pdf for pdf, _ in SAMPLE_PAIRS]
# pdfplumber snaps edges closer than snap_tolerance to their mean, page-wide: on page
# 34 of the samples the column lines of two tables, 2.8 pt apart, both land 1.4 pt
# off. camelot's borders sit on the drawn strokes (test below).
BOX_TOLERANCE = TABLE_SETTINGS["snap_tolerance"]
STROKE_TOLERANCE = 0.1  # points between a camelot border and the centre of the drawn line


@cache
def layouts(pdf: Path, backend: str) -> tuple[PageLayout, ...]:
    return tuple(read_layouts(pdf, backend))


@cache
def camelot_document(pdf: Path) -> Document:
    """``extract_document(pdf, backend="camelot")``, reusing the camelot pass of the grid tests."""
    cached = layouts(pdf, CAMELOT)

    def reuse(path: Path, backend: str = "pdfplumber", ocr: str = "auto", workers: int = 1) -> list[PageLayout]:
        assert (path, backend) == (pdf, CAMELOT)
        return copy.deepcopy(list(cached))  # the document must not change what the grid tests compare

    with patch("auditor.extract.read_layouts", reuse):
        return extract_document(pdf, backend=CAMELOT)


def _structure(table: PageTable) -> list[list[tuple[int, int]]]:
    """Each row's cells as the grid columns they span."""
    return [[(c.col0, c.col1) for c in row.cells] for row in table.rows]


def _squeezed(table: PageTable) -> list[list[str]]:
    return [[re.sub(r"\s", "", c.text) for c in row.cells] for row in table.rows]


@pytest.mark.samples
@pytest.mark.slow
@pytest.mark.parametrize(("pdf", "spec_path"), SAMPLE_PAIRS, ids=lambda p: p.stem)
@pytest.mark.parametrize("key", sorted(TABLES))
def test_budget_table_matches_spec(pdf: Path, spec_path: Path, key: str) -> None:
    doc = camelot_document(pdf)
    assert doc.extractor == CAMELOT
    tables = doc.tables_of(TABLES[key])
    assert len(tables) == 1, f"{TABLES[key]} found {len(tables)} times"
    got = budget_rows(tables[0])
    expected = _expected_rows(load_spec(spec_path), key)
    assert len(got) == len(expected)
    for i, (g, e) in enumerate(zip(got, expected, strict=True)):
        assert g == e, f"row {i}: extracted {g} != spec {e}"


@pytest.mark.samples
@pytest.mark.parametrize("pdf", PAIRED, ids=lambda p: p.stem)
def test_every_page_has_the_same_cell_grids(pdf: Path) -> None:
    plumber, cam = layouts(pdf, "pdfplumber"), layouts(pdf, CAMELOT)
    assert len(plumber) == len(cam)
    for a, b in zip(plumber, cam, strict=True):
        assert len(a.tables) == len(b.tables), f"page {a.page}"
        for ta, tb in zip(a.tables, b.tables, strict=True):
            assert ta.ncols == tb.ncols, f"page {a.page}"
            assert _structure(ta) == _structure(tb), f"page {a.page}"
            for ra, rb in zip(ta.rows, tb.rows, strict=True):
                for ca, cb in zip(ra.cells, rb.cells, strict=True):
                    for edge in ("x0", "top", "x1", "bottom"):
                        assert getattr(ca.bbox, edge) == pytest.approx(getattr(cb.bbox, edge), abs=BOX_TOLERANCE)


@pytest.mark.samples
def test_camelot_borders_sit_on_the_drawn_lines() -> None:
    """Coordinates converted right (origin top-left) and measured to the stroke's centre."""
    cam = layouts(REFERENCE_PDF, CAMELOT)
    with pdfplumber.open(REFERENCE_PDF) as pdf:
        for page_no in (10, 26, 31, 34, 47):  # budget tables, merged cells, two tables on a page
            page = pdf.pages[page_no - 1]
            xs = [ln["x0"] for ln in page.lines if ln["x0"] == ln["x1"]]
            ys = [ln["top"] for ln in page.lines if ln["top"] == ln["bottom"]]
            page.close()
            for table in cam[page_no - 1].tables:
                for cell in (c for row in table.rows for c in row.cells):
                    for x in (cell.bbox.x0, cell.bbox.x1):
                        assert min(abs(x - v) for v in xs) < STROKE_TOLERANCE, (page_no, cell.text)
                    for y in (cell.bbox.top, cell.bbox.bottom):
                        assert min(abs(y - v) for v in ys) < STROKE_TOLERANCE, (page_no, cell.text)


@pytest.mark.samples
@pytest.mark.parametrize("pdf", PAIRED, ids=lambda p: p.stem)
@pytest.mark.slow
def test_every_page_reads_the_same_text(pdf: Path) -> None:
    """Same characters in the same cells and lines outside the tables.

    Spaces are ignored in cells: whether a line that fills its cell was a word
    broken by force is decided against the border to a tenth of a point, and the
    two backends put a border up to 0.3 pt apart (page 26: "Sem esteran").
    """
    for a, b in zip(layouts(pdf, "pdfplumber"), layouts(pdf, CAMELOT), strict=True):
        assert [ln.text for ln in a.lines] == [ln.text for ln in b.lines], f"page {a.page}"
        for ta, tb in zip(a.tables, b.tables, strict=True):
            assert _squeezed(ta) == _squeezed(tb), f"page {a.page}"


@pytest.mark.samples
@pytest.mark.parametrize("pdf", PAIRED, ids=lambda p: p.stem)
def test_camelot_tables_carry_a_confidence(pdf: Path) -> None:
    tables = [t for lay in layouts(pdf, CAMELOT) for t in lay.tables]
    assert tables
    assert all(t.confidence is not None and 0.5 < t.confidence <= 1 for t in tables)
    assert all(t.confidence is None for lay in layouts(pdf, "pdfplumber") for t in lay.tables)


@pytest.mark.samples
@pytest.mark.parametrize(
    ("name", "page_no"),
    [("tempeh-2025", 46), ("pasirian-2024", 12), ("situbondo-diskominfo-2025", 31)],
    ids=["row-cut-at-page-break", "sub-row-without-side-rules", "browser-cut-row-kept"],
)
def test_no_cell_where_the_outline_is_not_drawn(name: str, page_no: int) -> None:
    """camelot closes the grid's outline everywhere; only drawn sides make a cell.

    Tempeh p46: the last row runs on to p47 with no rule under most of its cells.
    Pasirian p12: a sub-row drawn only around its indicator cell.
    Situbondo p31: the browser cut the last row at the page break; its side rules stop
    where it ends, so both readers close it there and keep it.
    """
    pdf_path = SAMPLES / "pdf" / f"{name}.pdf"
    with pdfplumber.open(pdf_path) as pdf, CamelotReader(pdf_path) as reader:
        page = pdf.pages[page_no - 1]
        plumber, cam = read_page(page, page_no), reader.read_page(page, page_no)
    assert [_structure(t) for t in cam.tables] == [_structure(t) for t in plumber.tables]


def _cell(left: bool, right: bool, top: bool, bottom: bool) -> SimpleNamespace:
    return SimpleNamespace(left=left, right=right, top=top, bottom=bottom)


@pytest.mark.unit
def test_spanned_grid_cells_become_one_cell_each() -> None:
    """A 3x3 grid: a header over columns 1-2, a code cell down rows 1-2."""
    T, F = True, False
    cells = [
        [_cell(T, T, T, T), _cell(T, F, T, T), _cell(F, T, T, T)],
        [_cell(T, T, T, F), _cell(T, T, T, T), _cell(T, T, T, T)],
        [_cell(T, T, F, T), _cell(T, T, T, T), _cell(T, T, T, T)],
    ]
    got = [(s.r0, s.c0, s.r1, s.c1) for s in merged_spans(cells)]
    assert got == [(0, 0, 0, 0), (0, 1, 0, 2), (1, 0, 2, 0), (1, 1, 1, 1), (1, 2, 1, 2), (2, 1, 2, 1), (2, 2, 2, 2)]


@pytest.mark.unit
def test_a_region_that_is_not_a_rectangle_is_split() -> None:
    """An L-shaped hole left by a half-detected line never becomes one overlapping box."""
    T, F = True, False
    cells = [
        [_cell(T, F, T, F), _cell(F, T, T, T)],
        [_cell(T, T, F, T), _cell(T, T, T, T)],
    ]
    got = [(s.r0, s.c0, s.r1, s.c1) for s in merged_spans(cells)]
    assert got == [(0, 0, 0, 1), (1, 0, 1, 0), (1, 1, 1, 1)]


@pytest.mark.unit
def test_a_page_camelot_turned_is_refused() -> None:
    from auditor.extract.pdf.camelot_backend import _check_frame

    _check_frame(SimpleNamespace(pdf_size=(842.2, 595.0), rotation=""), 842.0, 595.0, 7, REPAIRED_PDF)  # same frame
    with pytest.raises(InputError) as err:
        _check_frame(SimpleNamespace(pdf_size=(595.0, 842.0), rotation="clockwise"), 842.0, 595.0, 7, REPAIRED_PDF)
    assert err.value.kind == "unsupported_page"
    assert "Halaman 7" in err.value.texts["id"] and "Page 7" in err.value.texts["en"]


@pytest.mark.samples
def test_a_broken_page_in_camelot_is_set_aside() -> None:
    """A page camelot cannot read is recorded as unreadable; the other pages are read."""

    def broken_on_page_3(self: CamelotReader, page_no: int) -> list[object]:
        if page_no == 3:
            raise PDFSyntaxError("bad object")
        return []

    with patch.object(CamelotReader, "camelot_tables", broken_on_page_3):
        layouts = read_layouts(REPAIRED_PDF, CAMELOT)
    broken = [lay for lay in layouts if lay.unreadable is not None]
    assert [(lay.page, lay.unreadable.reason, lay.unreadable.detail) for lay in broken] == [
        (3, "damaged", "PDFSyntaxError")
    ]
    assert len(layouts) > 40 and any(lay.lines for lay in layouts if lay.page != 3)


@pytest.mark.samples
def test_unknown_backend_is_refused() -> None:
    assert BACKENDS == ("pdfium", "pdfplumber", "camelot")
    with pytest.raises(ValueError, match="tabula"):
        read_layouts(REPAIRED_PDF, "tabula")
