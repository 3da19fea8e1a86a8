"""Page layout with camelot's lattice parser: table cells from the rendered page image.

A second way to find ruled tables, for documents whose vector drawing defeats
pdfplumber's ruling-line finder (borders drawn as many tiny pieces, lines hidden
under fills, ...). camelot renders the page and finds the ruling lines that are
actually visible. Only the cell boxes come from camelot: words and text lines come
from pdfplumber exactly as in layout.py, so both backends read the same characters.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Generator, Sequence
from contextlib import closing, nullcontext
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from types import TracebackType
from typing import Any

import camelot
import cv2
import numpy as np
import pdfplumber
import pypdfium2 as pdfium
from playa.exceptions import PDFException

from auditor.errors import InputError
from auditor.extract.page import PageLayout, PageTable, Word, build_page_table, page_layout
from auditor.extract.pdf.aside import ANGLE_TOLERANCE, STAMP_FRAME, set_aside
from auditor.extract.pdf.layout import needs_image, open_bottoms, page_words, read_page
from auditor.extract.pdf.ocr import PageScanner
from auditor.extract.pdf.opening import READ_ERRORS
from auditor.extract.pdf.page_guard import read_guarded
from auditor.model.document import BBox

RESOLUTION = 300  # dpi of the page image; camelot's own default, thin Word borders survive it
LATTICE_SETTINGS: dict[str, Any] = {
    # Lines found in the image only. camelot's default "combined" engine also stamps
    # the PDF's vector lines into the image, which would bring back exactly the
    # drawing that may have confused pdfplumber.
    "engine": "raster",
    # Shortest line kept = page side / line_scale: 21 pt across, 15 pt down an A4
    # landscape page. camelot's default 15 (56 pt / 40 pt) loses the rules between
    # the sub-rows of a multi-indicator row and under single-cell rows (randuagung
    # pages 30, 31, 47); 40 is the value camelot's docs give for short lines.
    # Much larger values start to read glyph strokes and underlines as rules.
    "line_scale": 40,
    # Word/Excel exports draw borders in the foreground, dark on white.
    "process_background": False,
    # camelot's own thresholding (its defaults), repeated when checking that a cell side is drawn.
    "threshold_blocksize": 15,
    "threshold_constant": -2,
    # Copy a merged cell's text into the grid cells it covers, so camelot's
    # whitespace figure (part of the confidence) counts only truly empty cells.
    "copy_text": ["h", "v"],
    # Text crossing a detected line stays whole and counts as an error, which is
    # what the accuracy figure should show.
    "split_text": False,
    # A failed render must raise, not fall through to other converters.
    "use_fallback": False,
}
# What camelot's stack raises on a broken page, on top of pdfminer's READ_ERRORS.
CAMELOT_READ_ERRORS: tuple[type[BaseException], ...] = (*READ_ERRORS, PDFException, pdfium.PdfiumError, cv2.error)
# camelot warns on pages without text or without tables; the pdfplumber side
# already decides about scans (MIN_TEXT_CHARS), and a page without tables is normal.
_QUIET = (r"No tables found on page-\d+", r"page-\d+ is image-based")
FRAME_TOLERANCE = 0.5  # points: camelot's page size must match pdfplumber's
OPEN_BOTTOM_SLACK = 2.0  # points between camelot's outline and where a cut row's side rules stop
REFINE_RADIUS = 1.0  # points either side of camelot's line position searched for the drawn line
MIN_LINE_DARKNESS = 64  # mean darkness (0..255) below which no line is measured there
LATTICE_BLOCKSIZE: int = LATTICE_SETTINGS["threshold_blocksize"]
LATTICE_CONSTANT: int = LATTICE_SETTINGS["threshold_constant"]
SIDE_COVERAGE = 0.8  # share of a cell side that must show a line for the side to count as drawn


def _erase_watermarks(page: Any, stamps: list[BBox]) -> None:
    """Remove from ``page`` (pdfium, in memory) the text drawn at an angle that is not a
    multiple of 90°, and the text and frame of a stamp (``stamps``: pdfplumber boxes)."""
    import pypdfium2.raw as pdfium_c

    left, _bottom, _right, top = page.get_mediabox()
    areas = (
        [
            (
                b.x0 + left - STAMP_FRAME,
                top - b.bottom - STAMP_FRAME,
                b.x1 + left + STAMP_FRAME,
                top - b.top + STAMP_FRAME,
            )
            for b in stamps
        ]
        if page.get_rotation() == 0
        else []
    )
    doomed = []
    for obj in page.get_objects(max_depth=1):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
            m = obj.get_matrix()
            angle = math.degrees(math.atan2(m.b, m.a)) % 90.0
            if min(angle, 90.0 - angle) > ANGLE_TOLERANCE:
                doomed.append(obj)
                continue
        if areas and obj.type in (pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH):
            x0, b, r, t = obj.get_bounds()
            if any(a[0] <= x0 and r <= a[2] and a[1] <= b and t <= a[3] for a in areas):
                doomed.append(obj)
    for obj in doomed:
        page.remove_obj(obj)


class PageRenderer:
    """Renders pages of one PDF for camelot, keeping the document open across pages.

    camelot's own pdfium converter opens the file again for every page and goes
    through a PIL image; this one opens it once and hands over the BGR pixels
    pdfium drew. camelot finds it through ``to_array`` and requires ``convert``.
    """

    def __init__(self, path: Path, resolution: int = RESOLUTION) -> None:
        self.path = path
        self.scale = resolution / 72
        self._doc = pdfium.PdfDocument(str(path))
        self._last: tuple[int, np.ndarray] | None = None
        self.stamps: dict[int, list[BBox]] = {}  # page -> stamp word boxes to leave out of its image

    def to_array(self, pdf_path: str, page: int = 1) -> np.ndarray:
        """Page ``page`` (1-based) as a BGR image, the layout camelot's thresholding expects.
        A watermark and a stamp are left out of it, as the words are (extract/pdf/aside.py):
        their strokes would read as ruling lines."""
        self._check_path(pdf_path)
        pdf_page = self._doc[page - 1]
        try:
            _erase_watermarks(pdf_page, self.stamps.get(page, []))
            bitmap = pdf_page.render(scale=self.scale)  # pdfium draws BGR by default
            try:
                # Copy out of pdfium's buffer, which is freed with the bitmap.
                image = np.array(bitmap.to_numpy(), copy=True)
            finally:
                bitmap.close()
        finally:
            pdf_page.close()
        self._last = (page, image)  # kept for take_gray: the lines are measured on the same pixels
        return image

    def take_gray(self, page: int) -> np.ndarray | None:
        """The image camelot just used for ``page``, in grey, and forget it (one page in memory)."""
        last, self._last = self._last, None
        if last is None or last[0] != page:
            return None
        return cv2.cvtColor(last[1], cv2.COLOR_BGR2GRAY)

    def convert(self, pdf_path: str, png_path: str, page: int = 1) -> None:
        """Write page ``page`` as PNG; camelot's interface requires it, plotting uses it."""
        if not cv2.imwrite(png_path, self.to_array(pdf_path, page)):
            raise OSError(f"could not write {png_path}")

    def _check_path(self, pdf_path: str) -> None:
        if Path(pdf_path).resolve() != self.path.resolve():
            raise ValueError(f"renderer for {self.path} asked to render {pdf_path}")

    def close(self) -> None:
        self._last = None
        self._doc.close()

    def __enter__(self) -> PageRenderer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


@dataclass(frozen=True)
class _Span:
    """One real cell as a block of camelot grid cells: rows r0..r1, columns c0..c1 (inclusive)."""

    r0: int
    c0: int
    r1: int
    c1: int


def _find(parent: dict[tuple[int, int], tuple[int, int]], x: tuple[int, int]) -> tuple[int, int]:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _regions(cells: list[list[Any]]) -> list[set[tuple[int, int]]]:
    """Group grid cells that no detected line separates: each group is one visible cell."""
    nr, nc = len(cells), len(cells[0])
    parent = {(r, c): (r, c) for r in range(nr) for c in range(nc)}
    for r in range(nr):
        for c in range(nc):
            # A line seen from either side separates the two cells.
            if c + 1 < nc and not (cells[r][c].right or cells[r][c + 1].left):
                parent[_find(parent, (r, c + 1))] = _find(parent, (r, c))
            if r + 1 < nr and not (cells[r][c].bottom or cells[r + 1][c].top):
                parent[_find(parent, (r + 1, c))] = _find(parent, (r, c))
    groups: dict[tuple[int, int], set[tuple[int, int]]] = {}
    for key in parent:
        groups.setdefault(_find(parent, key), set()).add(key)
    return list(groups.values())


def _rectangles(region: set[tuple[int, int]]) -> list[_Span]:
    """Cover a group with rectangles: itself if it is one, else greedy row-major blocks.

    A group that is not a rectangle comes from a partly detected line (an L-shaped
    hole); splitting it keeps boxes from overlapping their neighbours.
    """
    todo = set(region)
    out: list[_Span] = []
    for r, c in sorted(region):
        if (r, c) not in todo:
            continue
        c1 = c
        while (r, c1 + 1) in todo:
            c1 += 1
        r1 = r
        while all((r1 + 1, k) in todo for k in range(c, c1 + 1)):
            r1 += 1
        for rr in range(r, r1 + 1):
            for k in range(c, c1 + 1):
                todo.discard((rr, k))
        out.append(_Span(r, c, r1, c1))
    return out


def merged_spans(cells: list[list[Any]]) -> list[_Span]:
    """camelot's grid cells merged into one span per visible cell, top-left first."""
    spans = [s for region in _regions(cells) for s in _rectangles(region)]
    return sorted(spans, key=lambda s: (s.r0, s.c0))


@dataclass
class Grid:
    """Where camelot's grid lines are, in our coordinates (points, origin top-left)."""

    xs: list[float]  # column boundaries, left to right: len = columns + 1
    tops: list[float]  # row boundaries, top to bottom: len = rows + 1


def camelot_grid(table: Any, page_height: float) -> Grid:
    """camelot's ``cols`` are (left, right) and ``rows`` (top, bottom) in PDF points, origin bottom-left."""
    xs = [float(table.cols[0][0])] + [float(c[1]) for c in table.cols]
    tops = [page_height - float(table.rows[0][0])] + [page_height - float(r[1]) for r in table.rows]
    return Grid(xs, tops)


def _line_centre(profile: np.ndarray) -> float | None:
    """Sub-pixel centre of the dark band around the darkest pixel column/row, or None if faint."""
    peak_i = int(np.argmax(profile))
    peak = float(profile[peak_i])
    if peak < MIN_LINE_DARKNESS:
        return None
    lo, hi = peak_i, peak_i
    while lo > 0 and profile[lo - 1] >= peak / 2:
        lo -= 1
    while hi < len(profile) - 1 and profile[hi + 1] >= peak / 2:
        hi += 1
    band = profile[lo : hi + 1]
    # +0.5: pixel j covers [j, j + 1), its centre is j + 0.5.
    return float((np.arange(lo, hi + 1) * band).sum() / band.sum()) + 0.5


def _measure(
    gray: np.ndarray, at: float, spans: list[tuple[float, float]], across: float, along: float, vertical: bool
) -> float | None:
    """Centre (points) of the line near ``at`` (points), measured along ``spans`` of its length.

    ``across`` and ``along`` are pixels per point across and along the line. Each
    span stops short of its ends, so the crossing lines there do not darken the
    whole window.
    """
    radius = max(2, int(np.ceil(REFINE_RADIUS * across)))
    c = round(at * across)
    lo = max(0, c - radius)
    hi = min(gray.shape[1] if vertical else gray.shape[0], c + radius + 1)
    total = np.zeros(max(hi - lo, 0))
    count = 0
    margin = max(2, int(np.ceil(REFINE_RADIUS * along)))
    for a, b in spans:
        a_px, b_px = int(a * along) + margin, int(b * along) - margin
        if b_px <= a_px:
            continue
        strip = gray[a_px:b_px, lo:hi] if vertical else gray[lo:hi, a_px:b_px].T
        total += (255 - strip.astype(np.int32)).sum(axis=0)  # darkness, so a line is a peak
        count += strip.shape[0]
    if count == 0 or hi <= lo:
        return None
    centre = _line_centre(total / count)
    return None if centre is None else (lo + centre) / across


def _vertical_spans(table: Any, grid: Grid, k: int) -> list[tuple[float, float]]:
    """Stretches (tops) where camelot saw the vertical line at column boundary ``k``."""
    nc = len(table.cols)
    out = []
    for r, row in enumerate(table.cells):
        if k in (0, nc) or row[k - 1].right or row[k].left:
            out.append((grid.tops[r], grid.tops[r + 1]))
    return out


def _horizontal_spans(table: Any, grid: Grid, k: int) -> list[tuple[float, float]]:
    """Stretches (x) where camelot saw the horizontal line at row boundary ``k``."""
    nr = len(table.rows)
    out = []
    for c in range(len(table.cols)):
        if k in (0, nr) or table.cells[k - 1][c].bottom or table.cells[k][c].top:
            out.append((grid.xs[c], grid.xs[c + 1]))
    return out


def refine_grid(table: Any, grid: Grid, gray: np.ndarray, page_width: float, page_height: float) -> Grid:
    """Move each grid line to the centre of the drawn line, measured on the page image.

    camelot truncates line positions to whole pixels (up to 0.35 pt off at 300 dpi).
    Cell text joining in layout.py compares a word's end with the cell border to a
    tenth of a point, so unrefined boxes read wrapped words differently from
    pdfplumber, whose edges come from the vector drawing. Refined, the lines of the
    sample PDFs land within 0.08 pt of the strokes' centres. A line too faint to
    measure keeps camelot's position.
    """
    sx, sy = gray.shape[1] / page_width, gray.shape[0] / page_height
    xs = [_measure(gray, x, _vertical_spans(table, grid, k), sx, sy, True) for k, x in enumerate(grid.xs)]
    tops = [_measure(gray, y, _horizontal_spans(table, grid, k), sy, sx, False) for k, y in enumerate(grid.tops)]
    new = Grid(
        [x if m is None else m for x, m in zip(grid.xs, xs, strict=True)],
        [y if m is None else m for y, m in zip(grid.tops, tops, strict=True)],
    )
    ordered = all(a < b for a, b in pairwise(new.xs)) and all(a < b for a, b in pairwise(new.tops))
    return new if ordered else grid


def _side_seen(gray: np.ndarray, at: float, a: float, b: float, across: float, along: float, vertical: bool) -> bool:
    """Whether a line shows at ``at`` over most of ``a``..``b`` (points), as camelot would see it.

    Thresholded like camelot's lattice (adaptive, on the inverted image), so a line
    counts exactly when camelot's detector could have found it, faint or not; flat
    cell shading does not count.
    """
    radius = max(2, int(np.ceil(REFINE_RADIUS * across)))
    pad = LATTICE_BLOCKSIZE // 2 + 1  # room for the threshold's neighbourhood around the window
    c = round(at * across)
    lo, hi = max(0, c - radius - pad), min(gray.shape[1] if vertical else gray.shape[0], c + radius + pad + 1)
    margin = max(2, int(np.ceil(REFINE_RADIUS * along)))
    a_px, b_px = int(a * along) + margin, int(b * along) - margin
    if b_px <= a_px or hi - lo <= 2 * pad:
        return True  # too short to tell: keep camelot's answer
    strip = gray[a_px:b_px, lo:hi] if vertical else gray[lo:hi, a_px:b_px].T
    ink = cv2.adaptiveThreshold(
        np.ascontiguousarray(255 - strip),
        255,
        cv2.ADAPTIVE_THRESH_GAUSSIAN_C,
        cv2.THRESH_BINARY,
        LATTICE_BLOCKSIZE,
        LATTICE_CONSTANT,
    )
    window = ink[:, c - radius - lo : c + radius + 1 - lo]
    return float((window.max(axis=1) > 0).mean()) >= SIDE_COVERAGE


def _outline_sides(s: _Span, grid: Grid, nr: int, nc: int) -> list[tuple[float, float, float, bool]]:
    """The sides of a merged cell that lie on the table's outline: (at, from, to, vertical)."""
    x0, x1, top, bottom = grid.xs[s.c0], grid.xs[s.c1 + 1], grid.tops[s.r0], grid.tops[s.r1 + 1]
    sides = [(top, x0, x1, False)] if s.r0 == 0 else []
    if s.r1 == nr - 1:
        sides.append((bottom, x0, x1, False))
    if s.c0 == 0:
        sides.append((x0, top, bottom, True))
    if s.c1 == nc - 1:
        sides.append((x1, top, bottom, True))
    return sides


def visible_spans(
    table: Any, grid: Grid, gray: np.ndarray, page_width: float, page_height: float, open_bottom: Sequence[float] = ()
) -> list[_Span]:
    """The merged cells whose sides on the table's outline are drawn.

    camelot closes every cell on the outline of the grid it found (``set_border``),
    also where no line is drawn: the empty ends of a sub-row drawn only around its own
    cell. pdfplumber makes no cell there and the table readers expect none, so such a
    cell is dropped. The one undrawn side that does close a cell is the bottom of a row
    cut open by a page break (``open_bottom``, where the side rules stop), which the
    pdfplumber reader closes too. Inner sides are camelot's own line findings and are
    kept as they are.
    """
    sx, sy = gray.shape[1] / page_width, gray.shape[0] / page_height
    nr, nc = len(table.rows), len(table.cols)

    def seen(at: float, a: float, b: float, vertical: bool) -> bool:
        if vertical:
            return _side_seen(gray, at, a, b, sx, sy, True)
        return any(abs(at - y) <= OPEN_BOTTOM_SLACK for y in open_bottom) or _side_seen(gray, at, a, b, sy, sx, False)

    return [s for s in merged_spans(table.cells) if all(seen(*side) for side in _outline_sides(s, grid, nr, nc))]


def table_rows(spans: list[_Span], grid: Grid) -> list[list[BBox]]:
    """One box per visible cell, grouped in rows of cells sharing a top edge, top to bottom."""
    rows: dict[int, list[BBox]] = {}
    for s in spans:
        rows.setdefault(s.r0, []).append(BBox(grid.xs[s.c0], grid.tops[s.r0], grid.xs[s.c1 + 1], grid.tops[s.r1 + 1]))
    return [rows[r] for r in sorted(rows)]


def _check_frame(table: Any, width: float, height: float, page_no: int, path: Path) -> None:
    """Refuse a page camelot read in another frame than pdfplumber: boxes would not line up.

    camelot turns a page whose text runs mostly vertically, and its coordinates with it.
    """
    read_width, read_height = table.pdf_size
    same_size = abs(read_width - width) <= FRAME_TOLERANCE and abs(read_height - height) <= FRAME_TOLERANCE
    if table.rotation or not same_size:
        raise InputError(
            "unsupported_page",
            f"Halaman {page_no} tidak dapat dibaca dengan camelot (teks diputar atau kotak halaman berbeda); "
            f"coba extractor pdfplumber: {path}",
            f"Page {page_no} cannot be read with camelot (rotated text or a different page box); "
            f"try the pdfplumber extractor: {path}",
        )


def page_table(
    table: Any,
    page_no: int,
    width: float,
    height: float,
    gray: np.ndarray | None,
    words: list[Word],
    open_bottom: Sequence[float] = (),
) -> PageTable | None:
    """A camelot table as a PageTable: merged cells, refined lines, text from ``words``.
    ``open_bottom``: where rows cut by a page break end without a bottom rule (from the
    page's edges); they are kept, as the pdfplumber reader keeps them."""
    if not table.cells or not table.cells[0]:
        return None  # no grid to read (camelot needs two lines each way for one cell)
    grid = camelot_grid(table, height)
    spans = merged_spans(table.cells)
    if gray is not None:
        grid = refine_grid(table, grid, gray, width, height)
        spans = visible_spans(table, grid, gray, width, height, open_bottom)
    box = BBox(grid.xs[0], grid.tops[0], grid.xs[-1], grid.tops[-1])
    pt = build_page_table(page_no, box, table_rows(spans, grid), words)
    if pt is not None:
        # accuracy (text that fits its cell) x share of filled cells, 0..1
        pt.confidence = round(float(table.confidence), 4)
    return pt


class CamelotReader:
    """Reads the pages of one PDF with camelot lattice; holds the open page renderer."""

    def __init__(self, path: Path, settings: dict[str, Any] | None = None, resolution: int = RESOLUTION) -> None:
        self.path = path
        self.settings = dict(LATTICE_SETTINGS if settings is None else settings)
        self.renderer = PageRenderer(path, resolution)

    def camelot_tables(self, page_no: int) -> list[Any]:
        """camelot's tables on one page; it renders the page once, through our renderer."""
        with warnings.catch_warnings():
            for message in _QUIET:
                warnings.filterwarnings("ignore", message=message, category=UserWarning)
            found = camelot.read_pdf(
                str(self.path), pages=str(page_no), flavor="lattice", backend=self.renderer, **self.settings
            )
        return list(found)

    def read_page(
        self,
        page: pdfplumber.page.Page,
        page_no: int,
        scanner: Any = None,
        ocr: str = "auto",
        stamps: list[BBox] | None = None,
    ) -> PageLayout:
        """One page: tables from camelot's cell grid, words and lines from pdfplumber.

        camelot reads no picture-only page; a scan (and a scan with an earlier OCR text
        layer but no ruling lines) is read as the pdfplumber backend reads it, its lines
        found in the image."""
        if scanner is not None and needs_image(page, ocr):
            return read_page(page, page_no, scanner, ocr, stamps)
        page, aside = set_aside(page, page_no, stamps)
        if stamps:
            self.renderer.stamps[page_no] = stamps
        words = page_words(page)
        width, height = float(page.width), float(page.height)
        found = self.camelot_tables(page_no)
        gray = self.renderer.take_gray(page_no)
        tables: list[PageTable] = []
        bottoms = open_bottoms(page.edges)
        for table in found:
            _check_frame(table, width, height, page_no, self.path)
            pt = page_table(table, page_no, width, height, gray, words, bottoms)
            if pt is not None:
                tables.append(pt)
        image_only = not words and bool(page.images)
        return page_layout(page_no, width, height, tables, words, image_only, aside)

    def close(self) -> None:
        self.renderer.close()

    def __enter__(self) -> CamelotReader:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def iter_layouts_camelot(
    path: Path, pdf: pdfplumber.PDF, ocr: str = "auto", stamps: dict[int, list[BBox]] | None = None
) -> Generator[PageLayout, None, None]:
    """Page layouts of ``pdf`` (opened from ``path``) one at a time, tables found by camelot.

    Each page is rendered once and its pdfplumber objects are released before the
    layout is handed out, so a caller that does not keep the layouts runs in flat memory.
    """
    scanner = None if ocr == "never" else PageScanner(path)
    with CamelotReader(path) as reader, closing(scanner) if scanner is not None else nullcontext():
        for page_no, page in enumerate(pdf.pages, start=1):
            if stamps is not None and page_no not in stamps:
                continue
            layout = read_guarded(
                page,
                page_no,
                lambda: reader.read_page(page, page_no, scanner, ocr, (stamps or {}).get(page_no)),
                CAMELOT_READ_ERRORS,
            )
            page.close()  # drop the page's parsed objects: memory stays flat on long documents
            yield layout
