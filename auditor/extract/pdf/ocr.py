"""Scanned pages: ruling lines from the page image, words from Tesseract.

A scanned page has pictures but no vector lines, and often no text. Its image is drawn
by pdfium (as displayed, so in the coordinates pdfplumber gives), straightened (the skew
that maximises the contrast of its row profile), and then:

* ruling lines are the long thin horizontal and vertical strokes (morphological opening,
  as camelot's lattice mode does); they become pdfplumber edges, so the cells are built
  by the same table finder and grid builder as on born-digital pages;
* with the lines wiped out and the paper evened out, Tesseract (Indonesian with English,
  TSV output) gives the page's words with their boxes and a confidence (0-100);
* each table cell is read again on its own (``cell_words``: the cells stacked into one
  image, one Tesseract run), and its words replace the page reading inside the tables.

The confidences travel with the words, so that a finding resting on a doubtful reading
can say so. A page whose text layer was left by another program (not an earlier OCR)
keeps its words and gets only the lines and the cell reading.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor.extract.page import Word
from auditor.extract.pdf.ocr_errors import OcrUnavailable
from auditor.extract.pdf.ocr_text import repair
from auditor.model.document import BBox

if TYPE_CHECKING:  # numpy is imported where a page is read by OCR: most audits never need it
    import numpy as np

OCR_MODES = ("auto", "always", "never")
DPI = 300  # drawing resolution for OCR: 7 pt table text is ~30 px high
LANG = "ind"
# Indonesian first, with English beside it: the Indonesian model alone reads "%" as "96".
LANGS = "ind+eng"
TIMEOUT = 120  # seconds Tesseract may take on one page
MAX_SKEW = 3.0  # degrees searched either way


@cache
def ocr_missing() -> str | None:
    """Why OCR cannot run here, or None when it can."""
    exe = shutil.which("tesseract")
    if exe is None:
        return "tesseract"
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return "tesseract"
    return None if LANG in langs.split() and "eng" in langs.split() else f"tesseract-ocr-{LANG}"


@dataclass
class ScannedPage:
    words: list[Word]  # empty when only the lines were wanted
    edges: list[dict[str, Any]]  # pdfplumber edges of the ruling lines, in points
    skew: float  # degrees the image was turned back


def _render_gray(doc: Any, index: int, dpi: int) -> np.ndarray:
    import numpy as np

    page = doc[index]
    try:
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        try:
            image = np.array(bitmap.to_numpy(), copy=True)
        finally:
            bitmap.close()
    finally:
        page.close()
    return image[:, :, 0] if image.ndim == 3 else image


def _skew(binary: np.ndarray) -> float:
    """The angle (degrees) that lines the page's rows up: the one whose row profile is sharpest."""
    import cv2
    import numpy as np

    small = cv2.resize(binary, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    h, w = small.shape
    centre = (w / 2, h / 2)

    def sharpness(angle: float) -> float:
        m = cv2.getRotationMatrix2D(centre, angle, 1.0)
        turned = cv2.warpAffine(small, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
        profile = turned.sum(axis=1, dtype=np.float64)
        return float(np.square(np.diff(profile)).sum())

    coarse = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5), key=sharpness)
    fine = max(np.arange(coarse - 0.5, coarse + 0.51, 0.05), key=sharpness)
    return round(float(fine), 2)


def _straighten(gray: np.ndarray, angle: float) -> np.ndarray:
    import cv2

    if abs(angle) < 0.05:
        return gray
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def _flatten(gray: np.ndarray) -> np.ndarray:
    """The page over an even white paper: grey fills, shading and a greyish scan background go,
    the letters keep their soft edges (which Tesseract reads better than a hard threshold)."""
    import cv2
    import numpy as np

    paper = cv2.dilate(gray, cv2.getStructuringElement(cv2.MORPH_RECT, (25, 25)))
    paper = cv2.GaussianBlur(paper, (0, 0), 5)
    even = cv2.divide(gray, paper, scale=255)
    return np.asarray(even, dtype=np.uint8)


def _binary(gray: np.ndarray) -> np.ndarray:
    """Ink as 255 on 0: adaptive, so a grey scan background and JPEG noise stay paper."""
    import cv2

    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)


def _line_masks(binary: np.ndarray, dpi: int) -> tuple[np.ndarray, np.ndarray]:
    """Long thin strokes: horizontal at least ~0.5 inch, vertical at least ~0.2 inch (a table
    row), longer than the tallest letters of body and table text."""
    import cv2

    horizontal = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (dpi // 2, 1)))
    vertical = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, dpi // 5)))
    # A scanned rule is ragged: close small gaps along it.
    horizontal = cv2.dilate(horizontal, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 3)))
    vertical = cv2.dilate(vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 9)))
    return horizontal, vertical


def _edges(horizontal: np.ndarray, vertical: np.ndarray, scale: float) -> list[dict[str, Any]]:
    import cv2

    edges: list[dict[str, Any]] = []
    for mask, orientation in ((horizontal, "h"), (vertical, "v")):
        count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        for x, y, w, h, _area in stats[1:count]:
            if orientation == "h" and w > 3 * h:
                top = bottom = (y + h / 2) / scale
                x0, x1 = x / scale, (x + w) / scale
            elif orientation == "v" and h > 3 * w:
                x0 = x1 = (x + w / 2) / scale
                top, bottom = y / scale, (y + h) / scale
            else:
                continue
            edges.append(
                {
                    "object_type": f"{orientation}_edge",
                    "orientation": orientation,
                    "x0": float(x0),
                    "x1": float(x1),
                    "top": float(top),
                    "bottom": float(bottom),
                    "width": float(x1 - x0),
                    "height": float(bottom - top),
                }
            )
    return edges


def _die_with_parent() -> None:
    """Linux: the Tesseract process is killed when the process that started it dies."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _tesseract(image: np.ndarray, dpi: int, psm: str = "3", extra: tuple[str, ...] = ()) -> str:
    import cv2

    ok, png = cv2.imencode(".png", image)
    if not ok:
        raise OcrUnavailable("png")
    # One thread per Tesseract: batch runs pages of several documents side by side.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    done = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", LANGS, "--psm", psm, "--dpi", str(dpi), *extra, "tsv"],
        input=png.tobytes(),
        capture_output=True,
        timeout=TIMEOUT,
        env=env,
        check=False,
        preexec_fn=_die_with_parent,  # a batch worker killed for time or memory takes Tesseract with it
    )
    if done.returncode != 0:
        raise OcrUnavailable(done.stderr.decode("utf-8", "replace")[-300:])
    return done.stdout.decode("utf-8", "replace")


def _words(tsv: str, scale: float, line_boxes: bool = True) -> list[Word]:
    """Tesseract's words; each takes its line's top and bottom, so that words with and
    without ascenders ("ini", "Kabupaten") stay on one line for the line grouping."""
    rows = list(csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE))
    lines = {
        (r["block_num"], r["par_num"], r["line_num"]): (int(r["top"]), int(r["height"]))
        for r in rows
        if r.get("level") == "4"
    }
    out: list[Word] = []
    keys: list[tuple[str, str, str]] = []
    for row in rows:
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        conf = float(row.get("conf") or -1)
        text, conf = repair(text, conf)
        if not text:
            continue
        own = (int(row["top"]), int(row["height"]))
        top_px, height_px = lines.get((row["block_num"], row["par_num"], row["line_num"]), own) if line_boxes else own
        left, width = int(row["left"]) / scale, int(row["width"]) / scale
        top, bottom = top_px / scale, (top_px + height_px) / scale
        step = width / len(text)
        chars = tuple((ch, left + i * step, left + (i + 1) * step) for i, ch in enumerate(text))
        out.append(Word(text, BBox(left, top, left + width, bottom), chars=chars, conf=max(conf, 0.0)))
        keys.append((row["block_num"], row["par_num"], row["line_num"]))
    _bold_headings(out, keys)
    return out


# A heading's line: "BAB II ...", "2.1 Title", "3.2.1. Title" (a scan carries no font to tell bold by).
_HEADING_LINE = re.compile(r"^(?:BAB\s+[IVX|l]+\b|\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+[A-Z])")
HEADING_WORDS = 14  # a heading line has at most this many words


def _bold_headings(words: list[Word], keys: list[tuple[str, str, str]]) -> None:
    """Mark bold the words of a short line that reads as a chapter or section heading: the
    stroke-width test (_mark_bold) misses many headings of a soft scan."""
    lines: dict[tuple[str, str, str], list[Word]] = {}
    for key, word in zip(keys, words):
        lines.setdefault(key, []).append(word)
    for line in lines.values():
        if len(line) >= 2 and line[0].text == "BAB" and line[1].text in ("|", "l", "!", "]"):
            line[1].text = "I"  # "BAB |": the roman one read as a bar, however sure OCR is
        text = " ".join(w.text for w in line)
        if len(line) <= HEADING_WORDS and _HEADING_LINE.match(text) and not _described(line):
            for w in line:
                w.bold = True


def _described(line: list[Word]) -> bool:
    """A chapter line that goes on in lower case ("BAB II EVALUASI ..., memuat evaluasi ...")
    is an item of the outline described in the text, not the chapter's heading."""
    return line[0].text == "BAB" and any(w.text.islower() and len(w.text) > 3 for w in line[2:])


BOLD = 1.3  # stroke width, relative to the height, this many times the page's usual is bold


def _stroke(ink: np.ndarray, word: Word, scale: float) -> float | None:
    """A word's stroke width over its line's height: the mean length of the ink runs across its
    rows (vertical strokes are most of them), about the same for any letters at one weight."""
    import numpy as np

    b = word.bbox
    x0, x1 = int(b.x0 * scale), int(b.x1 * scale)
    y0, y1 = int(b.top * scale), int(b.bottom * scale)
    crop = ink[max(y0, 0) : max(y1, 0), max(x0, 0) : max(x1, 0)] > 0
    if crop.size == 0 or y1 - y0 < 4:
        return None
    padded = np.pad(crop.astype(np.int8), ((0, 0), (1, 1)))
    edges = np.diff(padded, axis=1)
    starts, ends = np.nonzero(edges == 1), np.nonzero(edges == -1)
    runs = ends[1] - starts[1]
    if runs.size < 5:
        return None
    return float(np.mean(runs)) / (y1 - y0)


def _mark_bold(words: list[Word], ink: np.ndarray, scale: float) -> None:
    """Scans carry no font names: a word whose strokes are markedly thicker than the page's
    usual, for its height, is bold (headings are told by it)."""
    strokes = [(w, _stroke(ink, w, scale)) for w in words]
    values = sorted(v for w, v in strokes if v is not None and len(w.text) >= 2)
    if len(values) < 10:
        return
    usual = values[len(values) // 2]
    for w, v in strokes:
        if v is not None and v >= BOLD * usual:
            w.bold = True


_AMOUNT = re.compile(r"\d{1,3}(?:[.,]\d{3})+|\d{5,}")
_STACK_GAP = 40  # pixels of white between the stacked cells: Tesseract joins closer lines
# A figure is read again enlarged, its ink darkened to black: a faint two-digit number of
# a scan ("27", "57") loses a digit or becomes a letter ("2", "s7") at the page's own size.
# (Text cells are not: enlarged, Tesseract drops some whole lines of them.)
FIGURE_ZOOM = 1.5
DIGITS = "0123456789.,%"


def _centre_in(a: BBox, b: BBox) -> bool:
    x, y = (a.x0 + a.x1) / 2, (a.top + a.bottom) / 2
    return b.x0 <= x <= b.x1 and b.top <= y <= b.bottom


def _cell_box(box: BBox, scale: float, shape: tuple[int, ...]) -> tuple[int, int, int, int] | None:
    """The cell's inside in pixels, its borders left out."""
    inset = 6  # what is left of a wiped border stays out ("5.250.000 1")
    y0, y1 = int(box.top * scale) + inset, int(box.bottom * scale) - inset
    x0, x1 = int(box.x0 * scale) + inset, int(box.x1 * scale) - inset
    y0, x0 = max(y0, 0), max(x0, 0)
    y1, x1 = min(y1, shape[0]), min(x1, shape[1])
    return (y0, y1, x0, x1) if y1 - y0 > 6 and x1 - x0 > 6 else None


def _enhance(crop: np.ndarray, zoom: float) -> np.ndarray:
    """The crop enlarged by ``zoom`` with its darkest ink stretched to black and its paper to white."""
    import cv2
    import numpy as np

    dark, paper = float(np.percentile(crop, 1)), float(np.percentile(crop, 99))
    if paper - dark > 30:
        crop = np.clip((crop.astype(np.float32) - dark) * (255.0 / (paper - dark)), 0, 255).astype(np.uint8)
    return cv2.resize(crop, None, fx=zoom, fy=zoom, interpolation=cv2.INTER_CUBIC)


def _read_stacked(
    crops: list[tuple[np.ndarray, int, int]], dpi: int, zoom: float = 1.0, whitelist: str | None = None
) -> dict[int, list[Word]]:
    """Words of each crop (image, top and left on the page in pixels), read as one image of
    the crops stacked under one another (enhanced when ``zoom`` is not 1); each word is put
    back at its place on the page (in page pixels)."""
    import numpy as np

    sheets = [c if zoom == 1.0 else _enhance(c, zoom) for c, _, _ in crops]
    width = max(c.shape[1] for c in sheets) + 2 * _STACK_GAP
    height = sum(c.shape[0] + _STACK_GAP for c in sheets) + _STACK_GAP
    sheet = np.full((height, width), 255, dtype=np.uint8)
    placed = []  # (sheet top, sheet bottom)
    y = _STACK_GAP
    for crop in sheets:
        h, w = crop.shape
        sheet[y : y + h, _STACK_GAP : _STACK_GAP + w] = crop
        placed.append((y, y + h))
        y += h + _STACK_GAP
    extra = ("-c", f"tessedit_char_whitelist={whitelist}") if whitelist else ()
    tsv = _tesseract(sheet, round(dpi * zoom), psm="6", extra=extra)
    by_crop: dict[int, list[Word]] = {}
    # Each word goes to the cell its own box is in, and keeps its line's top and bottom
    # (so the cell's lines are grouped as printed).
    for own, word in zip(_words(tsv, 1.0, line_boxes=False), _words(tsv, 1.0)):
        centre = (own.bbox.top + own.bbox.bottom) / 2
        spot = next((i for i, (t, b) in enumerate(placed) if t - 4 <= centre < b + 4), None)
        if spot is None:
            continue
        sheet_top, _ = placed[spot]
        _, page_top, page_left = crops[spot]

        def x(v: float) -> float:
            return page_left + (v - _STACK_GAP) / zoom

        def y_(v: float) -> float:
            return page_top + (v - sheet_top) / zoom

        box = BBox(x(word.bbox.x0), y_(word.bbox.top), x(word.bbox.x1), y_(word.bbox.bottom))
        chars = tuple((ch, x(a), x(b)) for ch, a, b in word.chars)
        by_crop.setdefault(spot, []).append(Word(word.text, box, chars=chars, conf=word.conf))
    for i, found in by_crop.items():
        if any(_AMOUNT.fullmatch(w.text) for w in found):
            # An amount's cell holds nothing else of one character: a "1", "&" or "u" beside
            # it is what is left of a rule or a speck.
            by_crop[i] = [w for w in found if _AMOUNT.fullmatch(w.text) or len(w.text) > 1 or w.text == "%"]
    return by_crop


LINE_INK = 0.02  # share of a pixel row's width that is ink, for the row to be part of a line of text
LINE_HEIGHT = 12  # pixels: a band of ink lower than this is a speck or an underline, not a line


def _lost_lines(ink: np.ndarray, top: int, words: list[Word]) -> list[tuple[int, int]]:
    """Lines of text in the cell's ink (bands of rows with ink) that no word read covers, as
    (top, bottom) on the page. ``ink`` is the crop of the cell's ink, ``top`` its top on the
    page, the words in page pixels."""
    if ink.size == 0:
        return []
    inked = (ink > 0).sum(axis=1) >= max(2, LINE_INK * ink.shape[1])
    bands, start = [], None
    for y, on in enumerate([*inked, False]):
        if on and start is None:
            start = y
        elif not on and start is not None:
            if y - start >= LINE_HEIGHT:
                bands.append((top + start, top + y))
            start = None
    return [(a, b) for a, b in bands if not any(w.bbox.top < b and a < w.bbox.bottom for w in words)]


def _figure(words: list[Word]) -> bool:
    """The cell reads as a figure: each word has digits and at most one letter ("M2", "3s"),
    or is a lone mark ("+ 104"); "1 LS" and "12 laporan" are not."""
    return bool(words) and all(
        (any(ch.isdigit() for ch in w.text) and sum(ch.isalpha() for ch in w.text) <= 1)
        or (len(w.text) == 1 and not w.text.isalnum())
        for w in words
    )


def _digits_only(text: str) -> str:
    return "".join(ch for ch in text if ch in DIGITS)


def _vote(first: list[Word], digits: list[Word], third: list[Word] | None) -> list[Word]:
    """A figure's cell from its readings: as read first (any character, page size), enlarged
    with digits only, and (when those two disagree) enlarged with any character.

    * The first two give the same digits: the first reading, or the digits-only words when
      the first has specks or quote marks around the figure ("+ 104", "“ 39").
    * Otherwise the digits two of the three readings agree on win (a faint "27" read "2"
      at page size, "M2" for "142"), in the cleanest of the readings that agree, except
      that the enlarged readings do not overrule a first reading of as many digits; with
      no two agreeing, the first reading stays (the digits-only one for "M2").
    Every disagreement makes the cell doubtful (its confidence lowered): a finding on it
    says "check the scan".
    """
    text = _joined(first)
    if digits and _digits_only(text) == _digits_only(_joined(digits)) and not any(ch.isalpha() for ch in text):
        return digits if any(ch in _MARKS for ch in text) else first
    if third is not None:
        # A reading with a letter in it has no digits to vote with ("M2" is not "2").
        keys = [
            _digits_only(t) if not any(ch.isalpha() for ch in t) else "" for t in map(_joined, (first, digits, third))
        ]
        for i, j in ((1, 2), (0, 2), (0, 1)):
            if keys[i] and keys[i] == keys[j]:
                clean_third = not any(ch in _MARKS for ch in _joined(third))
                pick = digits if 1 in (i, j) else (third if clean_third else first)
                if (i, j) == (1, 2) and len(keys[0]) == len(keys[1]):
                    pick = first  # as many digits, some different ("385"/"335"): enlarged reads confuse 7, 1 and 3, 8
                return _unsure(pick)
    if len(digits) == 1 and len([w for w in first if w.text not in _MARKS]) == 1 and any(ch.isalpha() for ch in text):
        return _unsure(digits)  # "M2" where the digits are read "142"
    return _unsure(first)


def _joined(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def _unsure(words: list[Word]) -> list[Word]:
    return [Word(w.text, w.bbox, w.bold, w.chars, min(w.conf or 0.0, LOW_CONFIDENCE_MARK)) for w in words]


_MARKS = set("+“”\"'`*~_|!:;")  # specks and quote marks OCR reads beside a figure
LOW_CONFIDENCE_MARK = 50.0  # the confidence given to a cell whose two readings disagree


class PageScanner:
    """Reads the page images of one PDF; holds it open in pdfium."""

    def __init__(self, path: Path, dpi: int = DPI) -> None:
        import pypdfium2 as pdfium

        self.dpi = dpi
        self._doc = pdfium.PdfDocument(str(path))
        self.reads_words = ocr_missing() is None  # without Tesseract, lines only
        self._last: tuple[int, np.ndarray, np.ndarray] | None = None  # page, evened image, ink (for reread_cells)

    def scan(self, page_no: int, with_words: bool) -> ScannedPage:
        """Lines (and, ``with_words``, Tesseract's words) of page ``page_no`` (1-based)."""
        scale = self.dpi / 72
        gray = _render_gray(self._doc, page_no - 1, self.dpi)
        angle = _skew(_binary(gray))
        gray = _straighten(gray, angle)
        binary = _binary(gray)
        horizontal, vertical = _line_masks(binary, self.dpi)
        edges = _edges(horizontal, vertical, scale)
        words: list[Word] = []
        # Tesseract's own global threshold loses the text on shaded header cells: the page
        # is evened out first (divided by its paper, the text taken away by a max filter).
        # Rules are wiped (read as "|" and "_" otherwise).
        rules = (horizontal > 0) | (vertical > 0)
        even = _flatten(gray)
        even[rules] = 255
        ink = binary.copy()
        ink[rules] = 0
        self._last = (page_no, even, ink)  # for cell_words
        if with_words and self.reads_words:
            words = _words(_tesseract(even, self.dpi), scale)
            _mark_bold(words, ink, scale)
        return ScannedPage(words, edges, angle)

    def cell_words(self, page_no: int, cells: list[BBox]) -> tuple[list[Word], list[BBox]]:
        """Words of the table cells ``cells`` of the page last scanned, each cell read on its
        own: the cells are cut out, stacked into one image with white between them and read
        in one Tesseract run, line by line ("--psm 6"); the words are put back where they are
        on the page. Read with its neighbours, a lone "1" of a number row is dropped and
        words of two cells run together; read alone, neither happens. Also returns the cells
        that hold ink but gave no word: a value may be missing there."""
        import numpy as np

        if self._last is None or self._last[0] != page_no or not self.reads_words:
            return [], []
        _, even, ink = self._last
        scale = self.dpi / 72
        crops: list[tuple[np.ndarray, int, int]] = []
        boxes: list[BBox] = []
        for box in cells:
            inside = _cell_box(box, scale, ink.shape)
            if inside is None:
                continue
            y0, y1, x0, x1 = inside
            rows, cols = np.nonzero(ink[y0:y1, x0:x1])
            if rows.size < 12:
                continue  # an empty cell
            top, left = max(rows.min() - 6, 0), max(cols.min() - 6, 0)
            crop = even[y0 + top : y0 + rows.max() + 7, x0 + left : x0 + cols.max() + 7]
            crops.append((crop, y0 + top, x0 + left))
            boxes.append(box)
        if not crops:
            return [], []
        read = _read_stacked(crops, self.dpi)
        # Figures are read again, enlarged with digits only, and a third time where the
        # two readings disagree (see _vote).
        figures = [i for i, found in read.items() if _figure(found)]
        if figures:
            digits = _read_stacked([crops[i] for i in figures], self.dpi, FIGURE_ZOOM, whitelist=DIGITS)
            split = [
                n
                for n, i in enumerate(figures)
                if _digits_only(_joined(read[i])) != _digits_only(_joined(digits.get(n, [])))
                or any(ch.isalpha() for ch in _joined(read[i]))
            ]
            third = _read_stacked([crops[figures[n]] for n in split], self.dpi, FIGURE_ZOOM) if split else {}
            for n, i in enumerate(figures):
                read[i] = _vote(read[i], digits.get(n, []), third.get(split.index(n), []) if n in split else None)

        # Tesseract sometimes skips a line of a cell ("Pembangunan di Desa" for a name of
        # three lines): a line of ink no word was read on is read again on its own, and a
        # cell that still misses a line counts as unread.
        def lost() -> list[tuple[int, int, int]]:
            return [
                (i, a, b)
                for i, (crop, top, left) in enumerate(crops)
                for a, b in _lost_lines(
                    ink[top : top + crop.shape[0], left : left + crop.shape[1]], top, read.get(i, [])
                )
            ]

        for zoom in (1.0, FIGURE_ZOOM):  # alone at page size, then enlarged
            lines = lost()
            if not lines:
                break
            again = _read_stacked(
                [
                    (even[a - 4 : b + 4, crops[i][2] : crops[i][2] + crops[i][0].shape[1]], a - 4, crops[i][2])
                    for i, a, b in lines
                ],
                self.dpi,
                zoom,
            )
            for n, (i, _, _) in enumerate(lines):
                read.setdefault(i, []).extend(again.get(n, []))
        short = sorted({i for i, _, _ in lost()})
        words = [w for i in sorted(read) for w in read[i]]
        for w in words:
            w.bbox = BBox(w.bbox.x0 / scale, w.bbox.top / scale, w.bbox.x1 / scale, w.bbox.bottom / scale)
            w.chars = tuple((ch, a / scale, b / scale) for ch, a, b in w.chars)
        _mark_bold(words, ink, scale)
        unread = [box for box in boxes if not any(_centre_in(w.bbox, box) for w in words)]
        return words, unread + [boxes[i] for i in short]

    def close(self) -> None:
        self._doc.close()
