"""The pdfium page reader (extract/pdf/pdfium_objects.py) hands pdfplumber's word and
table finders the characters, lines and pictures pdfminer would: on every sample PDF the
audit finds the same things with either reader, and on hand-made pages with the
drawing that trips readers up (rotation, a scaled CTM, text rise, dashes, diagonal
text, fills) the objects agree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pytest
from conftest import ROOT
from expected.update import documents
from pdfmaker import pdf_bytes
from pdfminer.pdfinterp import PDFResourceManager

from auditor.extract import BACKENDS, DEFAULT_BACKEND
from auditor.extract.pdf.pdfium_objects import Fonts, PageFrame, read_objects, resource_fonts
from auditor.pipeline import JobOptions, audit_document, read_cached
from auditor.rules.ruleset import load_ruleset


def _pdf(pages: list[tuple[str, str]]) -> bytes:
    """A PDF of ``pages`` (page dictionary extras, content stream) in Helvetica."""
    kids = [f"{4 + 2 * i} 0 R" for i in range(len(pages))]
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, (extra, content) in enumerate(pages):
        stream = content.encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] {extra} /Contents {5 + 2 * i} 0 R "
            "/Resources << /Font << /F1 3 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    return pdf_bytes(objects)


TABLE = "0.5 w 50 700 m 300 700 l S 50 650 m 300 650 l S 50 650 m 50 700 l S 300 650 m 300 700 l S"
PAGES = {
    "plain": ("", f"BT /F1 11 Tf 60 680 Td (Jumlah 1.916.486.189) Tj ET {TABLE} 60 600 100 20 re f"),
    "rotated": ("/Rotate 90", f"BT /F1 9 Tf 60 680 Td (Pagu Indikatif) Tj ET {TABLE}"),
    "scaled": (
        "",
        f"q 0.74999996875 0 0 0.74999996875 10.5 20.25 cm BT /F1 11 Tf 80 680 Td (Target 2025) Tj ET {TABLE} Q",
    ),
    "rise": ("", "BT /F1 11 Tf 60 680 Td (m) Tj 5 Ts (2) Tj 0 Ts ( luas) Tj ET"),
    "dashed": ("", "[3 2] 0 d 0.5 w 50 500 m 400 500 l S [] 0 d 1 1 1 rg 50 400 200 50 re f 0 g 50 300 200 50 re S"),
    "diagonal": (
        "",
        "BT /F1 60 Tf 0.707 0.707 -0.707 0.707 150 300 Tm (DRAFT) Tj ET BT /F1 10 Tf 60 700 Td (Isi) Tj ET",
    ),
    # Character spacing (Tc) is left out: pdfminer does not advance by it after a string's last glyph
    # (pdfium does, as the PDF reference says), so the next string starts one Tc apart (README).
    "spacing": ("", "BT /F1 10 Tf 60 700 Td (Kec.) Tj 5 Tw (Randu agung) Tj 0 Tw [(Ka) -250 (ryawan)] TJ ET"),
    "curve": ("", "50 100 m 100 150 150 150 200 100 c S 300 100 m 350 100 l 350 150 l h S"),
}

CHAR_KEYS = ("text", "fontname", "upright")
BOX_KEYS = ("x0", "x1", "top", "bottom", "size")


def _both(pdf: Path, page_no: int) -> tuple[dict[str, Any], dict[str, Any], Any]:
    with pdfplumber.open(pdf) as plumber:
        page = plumber.pages[page_no - 1]
        theirs = {k: list(v) for k, v in page.objects.items()}
        edges = page.edges
        doc = pdfium.PdfDocument(str(pdf))
        try:
            frame = PageFrame(tuple(page.page_obj.mediabox), page.page_obj.rotate, page.bbox, page.initial_doctop)
            names = resource_fonts(page.page_obj, PDFResourceManager(caching=True))
            ours = read_objects(doc[page_no - 1], frame, page_no, Fonts(), names)
        finally:
            doc.close()
        page._objects = ours
        for attr in ("_edges", "_rect_edges", "_curve_edges"):
            page.__dict__.pop(attr, None)
        return theirs, ours, (edges, page.edges)


@pytest.mark.unit
@pytest.mark.parametrize("name", list(PAGES))
def test_hand_made_pages_read_alike(name: str, tmp_path: Path) -> None:
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(_pdf([PAGES[name]]))
    theirs, ours, (edges_theirs, edges_ours) = _both(pdf, 1)
    assert [tuple(c[k] for k in CHAR_KEYS) for c in ours.get("char", [])] == [
        tuple(c[k] for k in CHAR_KEYS) for c in theirs.get("char", [])
    ]
    for a, b in zip(ours.get("char", []), theirs.get("char", []), strict=True):
        assert all(abs(a[k] - b[k]) < 0.01 for k in BOX_KEYS), (a["text"], {k: (a[k], b[k]) for k in BOX_KEYS})

    def edge(e: dict[str, Any]) -> tuple[Any, ...]:
        return (str(e["orientation"]), *(round(e[k], 3) for k in ("x0", "x1", "top", "bottom")))

    assert sorted(map(edge, edges_ours)) == sorted(map(edge, edges_theirs))
    for kind in ("rect", "line", "curve"):
        assert len(ours.get(kind, [])) == len(theirs.get(kind, [])), kind


@pytest.mark.samples
def test_first_pages_read_the_same_characters() -> None:
    """Covers, title pages and their fonts read character for character alike. (A ligature
    glyph, which pdfium splits into letters on one spot, is joined again; no sample has one,
    so this does not exercise it.)"""
    for pdf in sorted((ROOT / "samples" / "pdf").glob("*.pdf"))[:3]:
        theirs, ours, _ = _both(pdf, 1)
        assert [c["text"] for c in ours["char"]] == [c["text"] for c in theirs["char"]]


PDF_SAMPLES = [d for d in documents() if d.suffix == ".pdf"]


def _findings(path: Path, extractor: str, cache: Path) -> tuple[list[dict[str, Any]], list[list[str]]]:
    # The model is read once: the audit takes it from the cache the first reading fills.
    doc = read_cached(ROOT / path, extractor, cache)
    options = JobOptions(formats=("json",), extractor=extractor)
    result = audit_document(ROOT / path, load_ruleset(), options, extraction_cache=cache)
    assert result.status != "failed", result.failure
    report = json.loads(result.outputs["json"])
    cells = [[c.text for r in t.rows for c in r.cells.values()] for t in doc.tables]
    return report["findings"], cells


@pytest.mark.samples
@pytest.mark.parametrize("path", PDF_SAMPLES, ids=str)
def test_readers_find_the_same(path: Path, tmp_path: Path) -> None:
    """Byte for byte: every finding, with every bbox to its second decimal, and every cell."""
    fast, fast_cells = _findings(path, "pdfium", tmp_path)
    slow, slow_cells = _findings(path, "pdfplumber", tmp_path)
    assert fast_cells == slow_cells
    assert json.dumps(fast, ensure_ascii=False) == json.dumps(slow, ensure_ascii=False)


@pytest.mark.unit
def test_pdfium_is_the_default_and_pdfplumber_stays() -> None:
    assert DEFAULT_BACKEND == "pdfium"
    assert "pdfplumber" in BACKENDS
