"""Page layout with pdfplumber: ruled tables as cell grids, and text lines outside them.

This is the only module that touches pdfplumber's page objects; it hands on the page
structures of extract/page.py.
"""

from __future__ import annotations

from typing import Any

from auditor.extract.page import (
    PageLayout,
    PageTable,
    Word,
    build_page_table,
    page_layout,
    word_inside,
)
from auditor.extract.pdf.aside import set_aside
from auditor.extract.pdf.cells import CellFinder
from auditor.extract.pdf.ocr_errors import OCR_ERRORS
from auditor.extract.pdf.ocr_text import repair
from auditor.extract.pdf.words import extract_words
from auditor.model.document import BBox

# Bordered Word/Excel exports: cells come from the ruling lines.
TABLE_SETTINGS: dict[str, Any] = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
}


def page_words(page: Any) -> list[Word]:
    raw = extract_words(page.chars)
    bold: dict[str, bool] = {}  # by font name: a page has a few fonts and thousands of words
    out = []
    for w in _rejoin(raw):
        font = str(w.get("fontname", ""))
        if font not in bold:
            bold[font] = "bold" in font.lower()
        chars = tuple([(c["text"], c["x0"], c["x1"]) for c in w["chars"]])
        out.append(Word(w["text"], BBox(w["x0"], w["top"], w["x1"], w["bottom"]), bold=bold[font], chars=chars))
    return out


def _rejoin(words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Join word pieces pdfplumber cut apart.

    It groups characters into lines by chaining their tops within a tolerance, so where
    neighbouring cells centre their lines half a point apart (web-printed tables) several
    lines become one and are read across by x: "K e lu a r a n". Pieces on exactly the
    same baseline, in the same font, touching end to start, are one word again.
    """
    out: list[dict[str, Any]] = []
    open_ends: dict[tuple[float, float, str, float], int] = {}  # (top, bottom, font, end x) -> index in out
    for w in words:
        key = (round(w["top"], 2), round(w["bottom"], 2), str(w.get("fontname", "")))
        x0 = round(w["x0"], 1)
        found = [k for k in ((*key, round(x0 + d, 1)) for d in (0.0, -0.1, 0.1)) if k in open_ends]
        i = open_ends.pop(found[0]) if found and abs(out[open_ends[found[0]]]["x1"] - w["x0"]) < 0.05 else None
        if i is None:
            out.append(w)  # extract_words made it: nobody else holds it
            i = len(out) - 1
        else:
            prev = out[i]
            prev["text"] += w["text"]
            prev["x1"] = w["x1"]
            prev["chars"] = list(prev["chars"]) + list(w["chars"])
        open_ends[(*key, round(out[i]["x1"], 1))] = i
    return out


def open_bottoms(edges: list[dict[str, Any]], tolerance: float = 1.5) -> list[float]:
    """Where a table row cut by a page break stops without a bottom border.

    Browsers print the part of a row above a page break with its side borders only:
    several vertical rules that start on a horizontal rule and all end at the same
    height, with no horizontal rule there and no rule of the table going on below it
    (that would be a merged cell). A line at that height closes the cells.
    """
    verticals = [e for e in edges if e["orientation"] == "v" and e["bottom"] - e["top"] > 2]
    horizontals = [e for e in edges if e["orientation"] == "h" and e["x1"] - e["x0"] > 2]

    def coverage(y: float, x0: float, x1: float) -> float:
        covered = [h for h in horizontals if abs(h["top"] - y) <= tolerance]
        return sum(min(h["x1"], x1) - max(h["x0"], x0) for h in covered if h["x1"] > x0 and h["x0"] < x1) / (x1 - x0)

    def ruled(y: float, x0: float, x1: float) -> bool:
        return coverage(y, x0, x1) >= 0.9

    by_bottom: dict[float, list[dict[str, Any]]] = {}
    for v in verticals:
        by_bottom.setdefault(round(v["bottom"]), []).append(v)
    out: list[float] = []
    for group in by_bottom.values():
        xs = sorted({round(v["x0"]) for v in group})
        if len(xs) < 3:
            continue
        x0, x1 = min(v["x0"] for v in group), max(v["x1"] for v in group)
        bottom = max(v["bottom"] for v in group)
        tops = {round(v["top"]) for v in group}
        # Rules going on below it (in one piece or drawn row by row): merged cells of
        # sub-rows, not the foot of a page's table.
        crossed = any(
            v["top"] <= bottom + tolerance
            and v["bottom"] > bottom + tolerance
            and x0 - tolerance <= v["x0"] <= x1 + tolerance
            for v in verticals
        )
        # No rule at all at that height: the whole row was cut (a merged cell cut by a
        # spreadsheet's page break leaves the other columns' rules there; it is read as it is).
        if not crossed and coverage(bottom, x0, x1) < 0.1 and any(ruled(t, x0, x1) for t in tops):
            out.append(bottom)
    return out


def read_page(
    page: Any, page_no: int, scanner: Any = None, ocr: str = "auto", stamps: list[BBox] | None = None
) -> PageLayout:
    """Read one pdfplumber page: tables from its ruling lines.

    With a ``scanner`` (extract/pdf/ocr.py), a picture-only page is read by OCR, and so is a
    scan whose text layer an earlier OCR wrote (in its glyphless font), or, with
    ``ocr="always"``, every page that carries a page-size picture. Another text under a
    picture, with no ruling lines, keeps its words and takes its lines from the image.
    ``stamps`` are boxes of a stamp found on most pages: its characters and frame are set aside.
    """
    page, aside = set_aside(page, page_no, stamps)
    words = page_words(page)
    edges = page.edges
    pictured = _pictured(page)
    image_only = not words and bool(page.images)
    ocred = image_lines = False
    try:
        earlier_ocr = ocr == "auto" and pictured and bool(words) and not edges and _ocr_layer(page)
        if scanner is not None and scanner.reads_words and pictured and (image_only or ocr == "always" or earlier_ocr):
            scanned = scanner.scan(page_no, with_words=True)
            words, edges, ocred, image_lines = scanned.words, scanned.edges, True, True
        elif scanner is not None and pictured and words and not edges:
            edges, image_lines = scanner.scan(page_no, with_words=False).edges, True
            words = _layer_words(words)
    except OCR_ERRORS:
        pass  # OCR failed on this page (timeout, Tesseract error): it stays a picture, listed as scanned
    tables: list[PageTable] = []
    settings = TABLE_SETTINGS
    if image_lines:
        settings = {
            **TABLE_SETTINGS,
            "vertical_strategy": "explicit",
            "horizontal_strategy": "explicit",
            "explicit_vertical_lines": [e for e in edges if e["orientation"] == "v"],
            "explicit_horizontal_lines": [e for e in edges if e["orientation"] == "h"],
        }
    elif bottoms := open_bottoms(edges):
        settings = {**TABLE_SETTINGS, "explicit_horizontal_lines": bottoms}
    found_tables = []
    if not image_lines or (
        len(settings["explicit_vertical_lines"]) >= 2 and len(settings["explicit_horizontal_lines"]) >= 2
    ):
        found_tables = CellFinder(page, settings).tables  # page.find_tables(settings), faster
    grids = [
        (BBox(*found.bbox), [[BBox(*c) for c in prow.cells if c is not None] for prow in found.rows])
        for found in found_tables
    ]
    unread: list[BBox] = []
    if image_lines and grids and (ocred or ocr == "auto"):
        # On a scan, each table cell is read again on its own (see PageScanner.cell_words),
        # also under a text layer an earlier OCR left: read across the cells, its words run
        # from one column into the next.
        try:
            in_cells, unread = scanner.cell_words(page_no, [b for _, rows in grids for row in rows for b in row])
            if in_cells:
                words = [w for w in words if not any(word_inside(w, box) for box, _ in grids)] + in_cells
                ocred = True
        except OCR_ERRORS:
            pass  # the page's own reading stands
    for box, rows in grids:
        pt = build_page_table(page_no, box, rows, words)
        if pt is not None:
            tables.append(pt)
    doubtful = [w.bbox for w in words if w.conf is not None and w.conf < LOW_CONFIDENCE] + unread
    layout = page_layout(page_no, float(page.width), float(page.height), tables, words, image_only and not ocred, aside)
    layout.ocr, layout.image_lines = ocred, image_lines
    layout.doubtful = doubtful
    return layout


# A word Tesseract is less sure of than this (0-100) may be misread: it reports 80-90 for
# some wrong digits, so the line is drawn high.
LOW_CONFIDENCE = 90.0


def _layer_words(words: list[Word]) -> list[Word]:
    """Words of a text layer left by an earlier OCR, with its misreadings of numbers undone
    (extract/pdf/ocr_text.py); a word that was changed is marked doubtful."""
    out = []
    for w in words:
        text, conf = repair(w.text, 100.0)
        if not text:
            continue
        if text == w.text:
            out.append(w)
            continue
        # The characters kept are the ones the repaired text still has at its ends.
        start = w.text.find(text[:1]) if text[:1] else 0
        chars = w.chars[start : start + len(text)] if len(w.chars) == len(w.text) else w.chars
        box = BBox(chars[0][1], w.bbox.top, chars[-1][2], w.bbox.bottom) if chars else w.bbox
        out.append(Word(text, box, w.bold, tuple(chars), conf))
    return out


# Fonts OCR programs write their invisible text layer in (Tesseract's, OCRmyPDF's).
_OCR_FONTS = ("glyphless", "occulta")


def _ocr_layer(page: Any) -> bool:
    """The page's text is an earlier OCR's invisible layer over its picture: its words are
    read again, with the cells one by one (a layer reads across the cells of a table)."""
    return any(f in str(c.get("fontname", "")).lower() for c in page.chars[:50] for f in _OCR_FONTS)


def needs_image(page: Any, ocr: str) -> bool:
    """The page is a scan whose words or lines must come from its image."""
    if not _pictured(page):
        return False
    return ocr == "always" or not page.chars or not page.edges


def _pictured(page: Any) -> bool:
    """A picture covers most of the page: a scan (a logo or a chart does not)."""
    area = float(page.width) * float(page.height)
    return any(
        (min(i["x1"], page.width) - max(i["x0"], 0)) * (min(i["bottom"], page.height) - max(i["top"], 0)) > 0.6 * area
        for i in page.images
    )
