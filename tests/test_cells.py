"""The cell search of extract/pdf/cells.py against pdfplumber's own, page by page."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from auditor.extract.pdf.cells import CellFinder, find_cells
from auditor.extract.pdf.layout import TABLE_SETTINGS, open_bottoms
from auditor.extract.pdf.pdfium_objects import PdfiumPages

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
PDFS = sorted((SAMPLES / "pdf").glob("*.pdf")) + sorted((SAMPLES / "archive").glob("*watermark.pdf"))


def _tables(tables: list) -> list:
    return [(t.bbox, [[c for c in row.cells] for row in t.rows]) for t in tables]


@pytest.mark.samples
@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_every_page_gives_pdfplumbers_tables(pdf: Path) -> None:
    reader = PdfiumPages(pdf)
    found = 0
    with pdfplumber.open(pdf) as doc:
        for page_no, page in enumerate(doc.pages, start=1):
            reader.attach(page, page_no)
            settings = dict(TABLE_SETTINGS)
            if bottoms := open_bottoms(page.edges):
                settings["explicit_horizontal_lines"] = bottoms
            ours, theirs = CellFinder(page, settings), page.debug_tablefinder(settings)
            assert ours.cells == theirs.cells, page_no
            assert _tables(ours.tables) == _tables(theirs.tables), page_no
            found += len(ours.cells)
            page.close()
    reader.close()
    assert found > 100


@pytest.mark.unit
def test_a_hand_made_grid_with_a_merged_cell_and_a_gap() -> None:
    # A 3 x 2 grid whose first row's two cells are merged, and a loose rule that touches nothing.
    def edge(o: str, x0: float, top: float, x1: float, bottom: float) -> dict:
        return {"orientation": o, "x0": x0, "top": top, "x1": x1, "bottom": bottom}

    hs = [edge("h", 0, y, 20, y) for y in (0, 10, 20)]
    vs = [edge("v", 0, 0, 0, 20), edge("v", 20, 0, 20, 20), edge("v", 10, 10, 10, 20), edge("v", 30, 40, 30, 50)]
    points: dict = {}
    for v in vs:
        for h in hs:
            if v["top"] <= h["top"] <= v["bottom"] and h["x0"] <= v["x0"] <= h["x1"]:
                sides = points.setdefault((v["x0"], h["top"]), {"v": [], "h": []})
                sides["v"].append(v)
                sides["h"].append(h)
    assert find_cells(points) == pdfplumber.table.intersections_to_cells(points)
    assert find_cells(points) == [(0, 0, 20, 10), (0, 10, 10, 20), (10, 10, 20, 20)]
