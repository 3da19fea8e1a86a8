"""A page's characters, ruling lines, rectangles and pictures read by pdfium, as the
object dicts pdfplumber makes from pdfminer's layout.

pdfminer parses content streams in pure Python, which is nearly all the time an audit
takes. pdfium (C++) reads the same page some 50 times faster. The dicts made here carry
the keys and coordinates pdfplumber's would (top-left origin, the page's /Rotate
applied as pdfminer applies it), so that pdfplumber's word grouping and table finder,
and everything after them, run unchanged on them (extract/pdf/layout.py).

What pdfium gives differently, and how it is met:
* it keeps coordinates in 32-bit floats: points are rounded to 4 decimals (which gives back
  the values PDF writers put in the file), a character's place along its text run is the
  running sum of advances as pdfminer adds them, and a path's transformation is the one
  written in the content stream (``content_ctms``), so the doubles are pdfminer's own;
* it names fonts without their subset tag and measures a CID font from its program: names,
  descents and widths come from pdfminer's reading of the page's font resources (``Fonts``);
* it splits a ligature glyph ("fi") into one character per letter on the same spot:
  they are one character again, as pdfminer reads it;
* it adds characters of its own (line breaks, spaces between text runs, a space for a wide
  TJ kerning gap): they are dropped; a drawn space it marks "generated" is kept;
* it leaves out a text object that holds only a space glyph: it is put back (``_blank``);
* it marks a hyphen ending a line (0x02): it is "-" again;
* it reorders some text runs in its text page: characters are put back in drawing order,
  which decides how pdfplumber groups them into words;
* it does not say a path's stroke or fill colour per segment, nor its dash pattern in
  pdfminer's form: the table finder uses neither.
One difference stays: after a string drawn with character spacing (Tc), pdfminer does not
advance by Tc past its last glyph and pdfium does (as the PDF reference says).
"""

from __future__ import annotations

import ctypes
import re
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.pdffont import PDFCIDFont, PDFFont
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
from pdfminer.psparser import LIT
from pypdfium2_raw.bindings import _libs

from auditor.extract.pdf.opening import READ_ERRORS

Matrix = tuple[float, float, float, float, float, float]
# What a broken page raises when pdfium reads it, on top of pdfminer's (which still reads
# the page tree, the fonts and the page guard's content streams).
PDFIUM_READ_ERRORS: tuple[type[BaseException], ...] = (*READ_ERRORS, pdfium.PdfiumError)
DECIMALS = 4


def _mult(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF row-vector convention, as pdfminer's mult_matrix)."""
    a1, b1, c1, d1, e1, f1 = m
    a0, b0, c0, d0, e0, f0 = n
    return (
        a0 * a1 + c0 * b1,
        b0 * a1 + d0 * b1,
        a0 * c1 + c0 * d1,
        b0 * c1 + d0 * d1,
        a0 * e1 + c0 * f1 + e0,
        b0 * e1 + d0 * f1 + f0,
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


_SCALE = 10.0**DECIMALS


def _r(v: float) -> float:
    """``v`` to DECIMALS decimals (the nearest double of the rounded decimal, as parsing it
    gives; round(v, n) gives the same, three times slower, and can give -0.0)."""
    return round(v * _SCALE) / _SCALE


class PageFrame:
    """pdfminer's device space for a page (its /Rotate and MediaBox) and pdfplumber's
    flip to a top-left origin."""

    def __init__(
        self, mediabox: tuple[float, float, float, float], rotate: int, bbox: tuple[float, ...], doctop: float = 0.0
    ) -> None:
        x0, y0, x1, y1 = mediabox
        if rotate == 90:
            self.ctm: Matrix = (0, -1, 1, 0, -y0, x1)
        elif rotate == 180:
            self.ctm = (-1, 0, 0, -1, x1, y1)
        elif rotate == 270:
            self.ctm = (0, 1, -1, 0, y1, -x0)
        else:
            self.ctm = (1, 0, 0, 1, -x0, -y0)
        self.mb_x0, self.mb_top = bbox[0], bbox[1]
        self.height = bbox[3] - bbox[1]
        self.doctop = doctop
        # The page's transformations as written (content_ctms), by their rounded scale and turn.
        self.ctms: dict[tuple[float, ...], list[Matrix]] = {}

    def written(self, ctms: list[Matrix]) -> None:
        """Keep ``ctms`` (content_ctms) for ``exact``."""
        for c in ctms:
            self.ctms.setdefault(tuple(round(v, 4) for v in c[:4]), []).append(c)

    def exact(self, m: Matrix) -> Matrix:
        """``m`` (pdfium's, in 32-bit floats) as written in the content stream: the page's
        transformation it rounds from. A scale of 0.74999996875 is 0.7499999403953552 in 32
        bits, and points placed with it land 10^-5 pt off pdfminer's, enough for a box edge
        to round the other way."""
        if not self.ctms:
            return m  # no cm on the page (most pages): nothing to look up for each path
        for c in self.ctms.get(tuple(round(v, 4) for v in m[:4]), ()):
            if all(abs(a - b) <= _FLOAT32 * max(1.0, abs(b)) for a, b in zip(m, c, strict=True)):
                return c
        return m

    def box(self, pts: list[tuple[float, float]]) -> dict[str, Any]:
        """pdfplumber's box keys for the device-space points ``pts`` (y upwards)."""
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        return self.rect(min(xs), min(ys), max(xs), max(ys))

    def rect(self, x0: float, y0: float, x1: float, y1: float) -> dict[str, Any]:
        """pdfplumber's box keys for a device-space rectangle (y upwards)."""
        top = self.height - y1 + self.mb_top
        return {
            "x0": x0 + self.mb_x0,
            "y0": y0,
            "x1": x1 + self.mb_x0,
            "y1": y1,
            "width": x1 - x0,
            "height": y1 - y0,
            "top": top,
            "bottom": self.height - y0 + self.mb_top,
            "doctop": self.doctop + top,
        }


@dataclass
class MinerFont:
    """A font of the page's resources as pdfminer reads it."""

    name: str  # the descriptor's FontName, subset tag included
    descent: float  # per unit of font size
    program: Any  # the embedded font program (a stream), to tell two subsets apart
    font: PDFFont

    def widths(self) -> dict[int, float]:
        """Advance per unit of font size by Unicode character, as pdfminer measures each
        character code; a character two codes draw with different widths is left out."""
        font = self.font
        codes = font.widths.keys() if isinstance(font, PDFCIDFont) else range(256)
        out: dict[int, float] = {}
        clashes: set[int] = set()
        for cid in list(codes)[:MAX_FONT_CODES]:
            if not isinstance(cid, int):
                continue
            try:
                text = font.to_unichr(cid)
            except Exception:  # no Unicode for this code (pdfminer would print "(cid:n)")
                continue
            if len(text) != 1:
                continue
            width = font.char_width(cid)
            if out.setdefault(ord(text), width) != width:
                clashes.add(ord(text))
        for code in clashes:
            del out[code]
        return out


MAX_FONT_CODES = 70_000  # character codes looked at per font (a CID font has up to 65,536)


_CM = re.compile(rb"\bcm\b")
_Q = re.compile(rb"(?<![\w.])[qQ](?![\w.])")
_NUMBERS = re.compile(rb"[-+]?(?:\d+\.?\d*|\.\d+)")
MAX_CTMS = 1000  # transformations kept per page (each is compared with every path's)


def content_ctms(page_obj: Any) -> list[Matrix]:
    """The transformations a page's content stream sets (``cm`` within ``q``/``Q``), each
    composed with the ones around it as pdfminer composes them. Read with patterns, not an
    interpreter: a stray "q" in a string can only cost a match (see PageFrame.exact)."""
    contents = resolve1(page_obj.contents) if page_obj.contents is not None else []
    data = b""
    for ref in contents if isinstance(contents, list) else [contents]:
        stream = resolve1(ref)
        if isinstance(stream, PDFStream):
            try:
                data += stream.get_data() + b"\n"
            except Exception:  # a stream pdfminer cannot decode: no exact transformations from it
                continue
    cms = [m.start() for m in _CM.finditer(data)]
    if not cms:
        return []
    events = sorted([(pos, b"cm") for pos in cms] + [(m.start(), m.group()) for m in _Q.finditer(data)])
    identity: Matrix = (1, 0, 0, 1, 0, 0)
    stack: list[Matrix] = []
    ctm = identity
    found: dict[Matrix, None] = {}
    for pos, op in events:
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop() if stack else identity
        else:
            operands = _NUMBERS.findall(data[max(0, pos - 120) : pos])[-6:]
            if len(operands) < 6:
                continue
            a, b, c, d, e, f = (float(v) for v in operands)
            ctm = _mult((a, b, c, d, e, f), ctm)
            if ctm != identity and len(found) < MAX_CTMS:
                found[ctm] = None
    return list(found)


class Fonts:
    """Each font's name, descent and widths as pdfminer has them, asked once per font of
    a document.

    pdfium names a font without its subset tag ("LiberationSans" for
    "CAAAAA+LiberationSans"). Two subsets of one font are two fonts to pdfminer, and a
    word stops where the font changes, so the font is matched to the page's font
    resources read by pdfminer (``names``, see ``resource_fonts``): the one whose name
    ends the same, and when two do, the one whose embedded program is as long as pdfium's.
    Widths come from the same pdfminer font: pdfium measures a CID font's glyphs from
    the font program rather than its /W array.
    """

    def __init__(self) -> None:
        self._seen: dict[int, tuple[str, float]] = {}
        self._miner_widths: dict[int, dict[int, float]] = {}
        self._widths: dict[int, dict[int, tuple[float, float]]] = {}
        self._handles: dict[int, Any] = {}

    def handle(self, font_key: int) -> Any:
        """pypdfium2's handle of the font at ``font_key``, made once per font."""
        if font_key not in self._handles:
            self._handles[font_key] = ctypes.cast(ctypes.c_void_p(font_key), pdfium_c.FPDF_FONT)
        return self._handles[font_key]

    def widths_of(self, font_key: int) -> dict[int, tuple[float, float]]:
        """The widths known so far of the font at ``font_key`` (Fonts.width adds to it)."""
        return self._widths.setdefault(font_key, {})

    def width(self, font: Any, font_key: int, code: int) -> tuple[float, float]:
        """The advance of the character ``code`` (Unicode) per unit of font size, as
        pdfminer measures it and as pdfium placed the next character by.
        ``font_key``: the font's address, which keys the caches."""
        known = self.widths_of(font_key)
        if code not in known:
            width = ctypes.c_float()
            ok = pdfium_c.FPDFFont_GetGlyphWidth(font, code, ctypes.c_float(1000.0), ctypes.byref(width))
            own = (round(width.value, 3) if ok else 0.0) * 0.001
            known[code] = (self._miner_widths.get(font_key, {}).get(code, own), own)
        return known[code]

    def get(self, font: Any, names: list[MinerFont], key: int | None = None) -> tuple[str, float]:
        """The font's name and descent; ``key``: its address, when the caller has it."""
        if key is None:
            key = ctypes.cast(font, ctypes.c_void_p).value or 0
        if key not in self._seen:
            size = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
            buf = ctypes.create_string_buffer(size)
            pdfium_c.FPDFFont_GetBaseFontName(font, buf, size)
            name = buf.value.decode("utf-8", "replace")
            miner = _pdfminer_font(font, name, names)
            if miner is None:
                self._seen[key] = (name, _descent(font))
            else:
                self._seen[key] = (miner.name, miner.descent)
                self._miner_widths[key] = miner.widths()
        return self._seen[key]


def _descent(font: Any) -> float:
    """pdfminer's font descent: the descriptor's /Descent per unit of font size."""
    descent = ctypes.c_float()
    ok = pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), ctypes.byref(descent))
    return (round(descent.value, 3) if ok else 0.0) * 0.001


def _pdfminer_font(font: Any, name: str, names: list[MinerFont]) -> MinerFont | None:
    same = [n for n in names if n.name == name or n.name.partition("+")[2] == name]
    if len({n.name for n in same}) > 1:
        length = ctypes.c_size_t()
        pdfium_c.FPDFFont_GetFontData(font, None, 0, ctypes.byref(length))
        same = [n for n in same if _length(n.program) == length.value] or same
    return same[0] if same else None


def _length(program: Any) -> int | None:
    try:
        return len(program.get_data()) if isinstance(program, PDFStream) else None
    except Exception:  # a broken font program matches nothing; the first name stands
        return None


MAX_FORM_DEPTH = 8  # form XObjects inside form XObjects, as deep as fonts are looked for


def resource_fonts(page_obj: Any, manager: PDFResourceManager) -> list[MinerFont]:
    """The fonts a pdfminer page can draw with, as pdfminer reads them (``manager`` keeps
    each font read once per document): name, descent per unit of font size, and the
    embedded program (a stream, read only to tell two subsets of one font apart)."""
    out: list[MinerFont] = []
    _fonts_of(resolve1(page_obj.resources), manager, out, 0)
    return out


def _fonts_of(resources: Any, manager: PDFResourceManager, out: list[MinerFont], depth: int) -> None:
    if not isinstance(resources, dict) or depth > MAX_FORM_DEPTH:
        return
    fonts = resolve1(resources.get("Font"))
    for ref in fonts.values() if isinstance(fonts, dict) else ():
        spec = resolve1(ref)
        if not isinstance(spec, dict):
            continue
        # A font pdfminer cannot read makes the page damaged, as with the pdfplumber reader.
        font = manager.get_font(ref.objid if isinstance(ref, PDFObjRef) else None, spec)
        out.append(MinerFont(str(font.fontname), font.get_descent(), _program(spec), font))
    xobjects = resolve1(resources.get("XObject"))
    for xobj in (resolve1(v) for v in xobjects.values()) if isinstance(xobjects, dict) else ():
        if isinstance(xobj, PDFStream) and xobj.attrs.get("Subtype") == LIT("Form"):
            _fonts_of(resolve1(xobj.attrs.get("Resources")), manager, out, depth + 1)


def _program(spec: dict[str, Any]) -> Any:
    if spec.get("Subtype") == LIT("Type0"):
        descendants = resolve1(spec.get("DescendantFonts"))
        if isinstance(descendants, list) and descendants and isinstance(first := resolve1(descendants[0]), dict):
            spec = first
    descriptor = resolve1(spec.get("FontDescriptor"))
    if not isinstance(descriptor, dict):
        return None
    return next((resolve1(descriptor[k]) for k in ("FontFile", "FontFile2", "FontFile3") if k in descriptor), None)


def _fresh(name: str, restype: Any, argtypes: list[Any]) -> Any:
    """Our own binding of a pdfium function: one returning a pointer as a plain int, so
    that the characters of one text object are told by a number, not by a ctypes cast."""
    func = _libs["pdfium"][name]  # a new function object: pypdfium2's own stays as it is
    func.restype, func.argtypes = restype, argtypes
    return func


_TEXT_OBJECT = _fresh("FPDFText_GetTextObject", ctypes.c_void_p, [ctypes.c_void_p, ctypes.c_int])
# Called for every character with plain addresses (pypdfium2's binding converts byref()
# arguments on each call, a third of the time of a page's characters).
_ORIGIN = _fresh(
    "FPDFText_GetCharOrigin", ctypes.c_int, [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p]
)
_IS_GENERATED = _fresh("FPDFText_IsGenerated", ctypes.c_int, [ctypes.c_void_p, ctypes.c_int])
_TEXT_FONT = _fresh("FPDFTextObj_GetFont", ctypes.c_void_p, [ctypes.c_void_p])
_CHAR_MATRIX = _fresh("FPDFText_GetMatrix", ctypes.c_int, [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p])
_FONT_SIZE = _fresh("FPDFText_GetFontSize", ctypes.c_double, [ctypes.c_void_p, ctypes.c_int])
_MATRIX = pdfium_c.FS_MATRIX()  # filled by _CHAR_MATRIX and _OBJECT_MATRIX, read at once
_MATRIX_ADDRESS = ctypes.addressof(_MATRIX)
_SURROGATES = range(0xD800, 0xE000)
_FLOAT32 = 3e-7  # relative: a few units in the last place of a 32-bit float
_SAME = 5e-4  # points: a 32-bit step this close to the advance is the advance (no kerning, no spacing)
_TEXT_HYPHEN = 0xFFFE  # what FPDFText_GetText puts for a hyphen ending a line


@dataclass
class _Run:
    """What the characters of one text object share."""

    handle: Any  # the text object
    fontname: str
    font: Any
    font_key: int
    widths: dict[int, tuple[float, float]]  # the font's, as Fonts.width fills them
    fontsize: float  # the font size set in the content (Tf), before the text matrix
    descent: float  # per unit of font size
    direction: tuple[float, float, float, float]  # the text matrix's a, b, c, d (with the CTM)
    plain: bool  # upright, unscaled text on an unrotated page: the box is computed directly


def _run(tp: int, i: int, key: int, frame: PageFrame, fonts: Fonts, names: list[MinerFont]) -> _Run:
    """What text object ``key`` (the one of character ``i``) gives all its characters; a page
    may have tens of thousands of objects of a few characters each, so pdfium is asked by
    plain addresses where it can be."""
    _CHAR_MATRIX(tp, i, _MATRIX_ADDRESS)
    m = _MATRIX
    font_key = _TEXT_FONT(key) or 0
    font = fonts.handle(font_key)
    name, descent = fonts.get(font, names, font_key)
    a, b, c, d = m.a, m.b, m.c, m.d
    plain = a == 1 and d == 1 and b == 0 and c == 0 and frame.ctm[:4] == (1, 0, 0, 1)
    fontsize = _r(_FONT_SIZE(tp, i))
    return _Run(key, name, font, font_key, fonts.widths_of(font_key), fontsize, descent, (a, b, c, d), plain)


def _chars(
    tp: Any, frame: PageFrame, page_number: int, fonts: Fonts, names: list[MinerFont]
) -> tuple[list[dict[str, Any]], list[int]]:
    """The text page's characters as pdfminer makes them, and the text object of each.

    This loop runs for every character of a document, so it keeps its state in locals and
    calls pdfium through plain-address bindings; the text object's shared values are looked
    up once per text object."""
    count = pdfium_c.FPDFText_CountChars(tp)
    units = _units(tp, count)
    ox, oy = ctypes.c_double(), ctypes.c_double()
    x_ref, y_ref = ctypes.addressof(ox), ctypes.addressof(oy)
    text_page = ctypes.cast(tp, ctypes.c_void_p).value or 0
    text_object, origin_of = _TEXT_OBJECT, _ORIGIN
    chars: list[dict[str, Any]] = []
    keys: list[int] = []
    runs: dict[int, _Run] = {}
    run: _Run | None = None
    # The last character, until the next shows it is whole; where it starts; and where
    # pdfium put it when it made it up itself (a space: see _kerning_gap).
    pending: dict[str, Any] | None = None
    pending_origin = (0.0, 0.0)
    made: tuple[float, float] | None = None
    last_x = last_y = 0.0
    y_seen, y_round = float("nan"), 0.0
    # Where pdfium measured a glyph otherwise than pdfminer (a CID font's program against its
    # /W array), it placed the characters after it in the same text object that much off.
    key_now, dx, dy = -1, 0.0, 0.0
    # The run's first origin, the advances since, the last character's x and pdfium's advance of it.
    start_x, advanced, seen, own_step = 0.0, 0.0, 0.0, 0.0
    for i in range(count):
        key = text_object(text_page, i)
        if not key:
            continue  # a line break or space pdfium made up between text runs
        code = units[i]
        if code < 0x20 or code >= 0xD800:
            if code in _SURROGATES or code in (0, _TEXT_HYPHEN):
                code = pdfium_c.FPDFText_GetUnicode(tp, i)
            if code == _PDFIUM_HYPHEN:
                code = 0x2D  # a hyphen ending a line, which pdfium marks as such
        origin_of(text_page, i, x_ref, y_ref)
        x, y = ox.value, oy.value
        same_run = key == key_now
        if pending is not None and same_run and x == last_x and y == last_y and _same_box(tp, i):
            # The next letter of a ligature glyph ("fi"): one character, as wide as the
            # glyph's box (its advance is not known: pdfium measured its first letter).
            box = pdfium_c.FS_RECTF()
            pdfium_c.FPDFText_GetLooseCharBox(tp, i, ctypes.byref(box))
            text = pending["text"] + chr(code)
            adv = _r(box.right) - _r(box.left)
            pending = _char(runs[key], text, adv, pending_origin, frame, page_number)
            continue
        if pending is not None and not (made is not None and _kerning_gap(pending, made, same_run, x, y)):
            chars.append(pending)
            keys.append(key_now)
        if not same_run:
            run = runs.get(key)
            if run is None:
                run = runs[key] = _run(text_page, i, key, frame, fonts, names)
            key_now, dx, dy = key, 0.0, 0.0
            start_x, advanced, seen = round(x * _SCALE) / _SCALE, 0.0, x
        assert run is not None
        widths = run.widths
        width, own = widths[code] if code in widths else fonts.width(run.font, run.font_key, code)
        fontsize = run.fontsize
        if y != y_seen:  # a line's characters share their y: rounded once
            y_seen, y_round = y, round(y * _SCALE) / _SCALE
        if run.plain and same_run and pending is not None:
            # Along a text run pdfminer adds each advance to a running sum from the run's start;
            # doing the same gives its very doubles (a box edge at 314.805 rounds alike).
            step = pending["adv"]
            rest = (x - seen) - own_step  # kerning or spacing between the two, as pdfium placed them
            advanced = advanced + step if abs(rest) < _SAME else (advanced + step) + round(rest * _SCALE) / _SCALE
            pending_origin = (advanced + start_x, y_round)
        elif dx == dy == 0.0:
            pending_origin = (round(x * _SCALE) / _SCALE, y_round)
        else:
            pending_origin = (_r(x + dx), _r(y + dy))
        seen, own_step = x, own * fontsize
        pending = _char(run, chr(code), width * fontsize, pending_origin, frame, page_number)
        made = (x, y) if code == 0x20 and _IS_GENERATED(text_page, i) else None
        if width != own:
            a, b = run.direction[0], run.direction[1]
            dx, dy = dx + (width - own) * fontsize * a, dy + (width - own) * fontsize * b
        last_x, last_y = x, y
    if pending is not None:
        chars.append(pending)
        keys.append(key_now)
    return chars, keys


def _kerning_gap(char: dict[str, Any], made: tuple[float, float], same_run: bool, x: float, y: float) -> bool:
    """``char``, a space pdfium made up at ``made``, stands for a gap inside a text run (a
    TJ kerning) that holds no space glyph: the run's next character, at (x, y), starts
    before a space's advance. (pdfium marks some drawn spaces "generated" too; those are a
    space's advance wide.)"""
    if not same_run:
        return False
    gap = ((x - made[0]) ** 2 + (y - made[1]) ** 2) ** 0.5
    return bool(gap < 0.9 * char["adv"])


def _units(tp: Any, count: int) -> array[int]:
    """The text page's characters as UTF-16 code units, one per character index."""
    buf = (ctypes.c_ushort * (count + 1))()
    pdfium_c.FPDFText_GetText(tp, 0, count, buf)
    return array("H", bytes(buf))


def _same_box(tp: Any, i: int) -> bool:
    """Character ``i`` has the loose box of the character before it (two letters of one glyph)."""
    a, b = pdfium_c.FS_RECTF(), pdfium_c.FS_RECTF()
    pdfium_c.FPDFText_GetLooseCharBox(tp, i - 1, ctypes.byref(a))
    pdfium_c.FPDFText_GetLooseCharBox(tp, i, ctypes.byref(b))
    return (a.left, a.right, a.top, a.bottom) == (b.left, b.right, b.top, b.bottom)


def _char(
    run: _Run, text: str, adv: float, origin: tuple[float, float], frame: PageFrame, page_number: int
) -> dict[str, Any]:
    """A character's dict, its box computed as pdfminer computes it: the advance along the
    baseline, from the font's descent to one font size above it."""
    fontsize = run.fontsize
    lo = run.descent * fontsize
    if run.plain:  # upright, unscaled: the box straight from the origin (most characters)
        e, f = origin[0] + frame.ctm[4], origin[1] + frame.ctm[5]
        out = frame.rect(e, lo + f, adv + e, (lo + fontsize) + f)
        out["text"] = text
        out["fontname"] = run.fontname
        out["size"] = out["height"]  # pdfminer: a horizontal font's size is its box's height
        out["adv"] = adv
        out["upright"] = True
        out["matrix"] = (1, 0, 0, 1, e, f)
        out["object_type"] = "char"
        out["page_number"] = page_number
        return out
    m = (*run.direction, *origin)
    out = _boxed(m, adv, lo, lo + fontsize, frame)
    matrix = _mult(m, frame.ctm)
    out["text"] = text
    out["fontname"] = run.fontname
    out["size"] = out["height"]  # pdfminer: a horizontal font's size is its box's height
    out["adv"] = adv
    out["upright"] = matrix[0] * matrix[3] > 0 and matrix[1] * matrix[2] <= 0
    out["matrix"] = matrix
    out["object_type"] = "char"
    out["page_number"] = page_number
    return out


def _boxed(m: Matrix, adv: float, lo: float, hi: float, frame: PageFrame) -> dict[str, Any]:
    """The box of a glyph drawn by ``m``: its corners (0, lo), (adv, lo), (0, hi), (adv, hi)
    _apply'd by ``m``, then by the page's, written out (a page drawn through a scaling
    ``cm`` sends every character here)."""
    a, b, c, d, e, f = m
    pa, pb, pc, pd, pe, pf = frame.ctm
    x1, y1 = a * 0.0 + c * lo + e, b * 0.0 + d * lo + f
    x2, y2 = a * adv + c * lo + e, b * adv + d * lo + f
    x3, y3 = a * 0.0 + c * hi + e, b * 0.0 + d * hi + f
    x4, y4 = a * adv + c * hi + e, b * adv + d * hi + f
    px1, py1 = pa * x1 + pc * y1 + pe, pb * x1 + pd * y1 + pf
    px2, py2 = pa * x2 + pc * y2 + pe, pb * x2 + pd * y2 + pf
    px3, py3 = pa * x3 + pc * y3 + pe, pb * x3 + pd * y3 + pf
    px4, py4 = pa * x4 + pc * y4 + pe, pb * x4 + pd * y4 + pf
    return frame.rect(
        min(px1, px2, px3, px4), min(py1, py2, py3, py4), max(px1, px2, px3, px4), max(py1, py2, py3, py4)
    )


_PDFIUM_HYPHEN = 0x02
_SEGMENT_MOVE = pdfium_c.FPDF_SEGMENT_MOVETO
_SEGMENT_BEZIER = pdfium_c.FPDF_SEGMENT_BEZIERTO


def read_objects(
    page: pdfium.PdfPage, frame: PageFrame, page_number: int, fonts: Fonts, names: list[MinerFont]
) -> dict[str, list[dict[str, Any]]]:
    """pdfplumber's ``page.objects`` for ``page``: its characters in drawing order (pdfium's
    text page moves some text runs; they are put back in the order they are drawn), its
    paths as pdfminer sorts them (line, rect or curve) and its pictures. ``names``: the
    page's fonts as pdfminer reads them (``resource_fonts``)."""
    out: dict[str, list[dict[str, Any]]] = {"char": [], "line": [], "rect": [], "curve": [], "image": []}
    texts: dict[int, Matrix] = {}  # text objects in drawing order, with the forms' transformation
    raw = ctypes.cast(page.raw, ctypes.c_void_p).value or 0
    _walk(raw, _PAGE_COUNT, _PAGE_OBJECT, (1, 0, 0, 1, 0, 0), frame, page_number, out, texts)
    textpage = page.get_textpage()
    try:
        chars, keys = _chars(textpage.raw, frame, page_number, fonts, names)
    finally:
        textpage.close()
    drawn = set(keys)
    for key, outer in texts.items():
        if key not in drawn and (space := _blank(key, outer, frame, page_number, fonts, names)) is not None:
            chars.append(space)
            keys.append(key)
    out["char"] = _in_drawing_order(chars, keys, texts)
    return out


def _in_drawing_order(chars: list[dict[str, Any]], keys: list[int], texts: dict[int, Any]) -> list[dict[str, Any]]:
    """``chars`` stably sorted by the drawing order of their text objects (``keys``). Each
    stretch of one object's characters moves as a block, which is the same stable sort."""
    order = {key: i for i, key in enumerate(texts)}
    blocks: list[tuple[int, int, int]] = []  # (order, first, end) of each stretch
    first = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[first]:
            blocks.append((order.get(keys[first], -1), first, i))
            first = i
    blocks.sort(key=lambda block: block[0])
    return [c for _, lo, hi in blocks for c in chars[lo:hi]]


def _blank(
    key: int, outer: Matrix, frame: PageFrame, page_number: int, fonts: Fonts, names: list[MinerFont]
) -> dict[str, Any] | None:
    """A text object pdfium's text page left out that draws no ink: a space glyph drawn on
    its own. pdfminer keeps it (in place of it pdfium may make up a space of its own, not
    where the glyph is, or none), and where spaces are narrower than pdfplumber's
    tolerance, it is what keeps two words apart. ``outer``: the transformation of the
    forms it is drawn in."""
    obj = ctypes.cast(ctypes.c_void_p(key), pdfium_c.FPDF_PAGEOBJECT)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (left, bottom, right, top))):
        return None
    if right.value != left.value:
        return None  # it draws something: not a blank, and not ours to guess
    size = ctypes.c_float()
    font = pdfium_c.FPDFTextObj_GetFont(obj)
    if not font or not pdfium_c.FPDFTextObj_GetFontSize(obj, ctypes.byref(size)):
        return None
    name, descent = fonts.get(font, names)
    font_key = ctypes.cast(font, ctypes.c_void_p).value or 0
    m = _mult(_matrix(key), outer)
    plain = m[:4] == (1, 0, 0, 1) and frame.ctm[:4] == (1, 0, 0, 1)
    run = _Run(key, name, font, font_key, fonts.widths_of(font_key), _r(size.value), descent, m[:4], plain)
    width = fonts.width(font, font_key, 0x20)[0]
    out = _char(run, " ", width * run.fontsize, (_r(m[4]), _r(m[5])), frame, page_number)
    return out


def _matrix(obj: int) -> Matrix:
    _OBJECT_MATRIX(obj, _MATRIX_ADDRESS)
    m = _MATRIX
    return (m.a, m.b, m.c, m.d, m.e, m.f)


# The page's objects walked by plain addresses: a page may draw tens of thousands of them.
_PAGE_COUNT = _fresh("FPDFPage_CountObjects", ctypes.c_int, [ctypes.c_void_p])
_PAGE_OBJECT = _fresh("FPDFPage_GetObject", ctypes.c_void_p, [ctypes.c_void_p, ctypes.c_int])
_FORM_COUNT = _fresh("FPDFFormObj_CountObjects", ctypes.c_int, [ctypes.c_void_p])
_FORM_OBJECT = _fresh("FPDFFormObj_GetObject", ctypes.c_void_p, [ctypes.c_void_p, ctypes.c_ulong])
_OBJECT_TYPE = _fresh("FPDFPageObj_GetType", ctypes.c_int, [ctypes.c_void_p])
_OBJECT_MATRIX = _fresh("FPDFPageObj_GetMatrix", ctypes.c_int, [ctypes.c_void_p, ctypes.c_void_p])


def _walk(
    parent: int,
    count: Any,
    get: Any,
    outer: Matrix,
    frame: PageFrame,
    page_number: int,
    out: dict[str, list[dict[str, Any]]],
    texts: dict[int, Matrix],
) -> None:
    """The objects of a page or form (``parent``, an address): paths and pictures into
    ``out``; text objects by address into ``texts``, in drawing order, with ``outer``."""
    for i in range(count(parent)):
        obj = get(parent, i) or 0
        kind = _OBJECT_TYPE(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            texts[obj] = outer
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            _path(obj, frame.exact(_mult(_matrix(obj), outer)), frame, page_number, out)
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            m = _mult(_matrix(obj), outer)
            pts = [_apply(frame.ctm, *_apply(m, px, py)) for px, py in ((0, 0), (1, 0), (0, 1), (1, 1))]
            out["image"].append({**frame.box(pts), "object_type": "image", "page_number": page_number})
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            _walk(obj, _FORM_COUNT, _FORM_OBJECT, _mult(_matrix(obj), outer), frame, page_number, out, texts)


_SEGMENTS = _fresh("FPDFPath_CountSegments", ctypes.c_int, [ctypes.c_void_p])
_SEGMENT = _fresh("FPDFPath_GetPathSegment", ctypes.c_void_p, [ctypes.c_void_p, ctypes.c_int])
_SEGMENT_POINT = _fresh("FPDFPathSegment_GetPoint", ctypes.c_int, [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p])
_SEGMENT_TYPE = _fresh("FPDFPathSegment_GetType", ctypes.c_int, [ctypes.c_void_p])
_SEGMENT_CLOSE = _fresh("FPDFPathSegment_GetClose", ctypes.c_int, [ctypes.c_void_p])
_DRAW_MODE = _fresh("FPDFPath_GetDrawMode", ctypes.c_int, [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p])


def _path(obj: int, m: Matrix, frame: PageFrame, page_number: int, out: dict[str, list[dict[str, Any]]]) -> None:
    """A path's subpaths, each sorted as pdfminer's paint_path sorts it."""
    fill = ctypes.c_int()
    stroke = ctypes.c_int()
    _DRAW_MODE(obj, ctypes.addressof(fill), ctypes.addressof(stroke))
    x, y = ctypes.c_float(), ctypes.c_float()
    x_ref, y_ref = ctypes.addressof(x), ctypes.addressof(y)
    subpaths: list[list[tuple[str, float, float]]] = []  # in the path's own space
    for i in range(_SEGMENTS(obj)):
        seg = _SEGMENT(obj, i)
        _SEGMENT_POINT(seg, x_ref, y_ref)
        kind = _SEGMENT_TYPE(seg)
        point = (_r(x.value), _r(y.value))
        if kind == _SEGMENT_MOVE or not subpaths:
            subpaths.append([("m", *point)])
        else:
            subpaths[-1].append(("c" if kind == _SEGMENT_BEZIER else "l", *point))
        if _SEGMENT_CLOSE(seg):
            subpaths[-1].append(("h", subpaths[-1][0][1], subpaths[-1][0][2]))
    a, b, c, d, e, f = m
    pa, pb, pc, pd, pe, pf = frame.ctm
    for sub in subpaths:
        placed = []
        for op, px, py in _as_drawn(sub):  # _apply by m, then by the page's, written out
            dx, dy = a * px + c * py + e, b * px + d * py + f
            placed.append((op, pa * dx + pc * dy + pe, pb * dx + pd * dy + pf))
        _classify(placed, bool(stroke.value), fill.value != 0, frame, page_number, out)


def _as_drawn(sub: list[tuple[str, float, float]]) -> list[tuple[str, float, float]]:
    """A rectangle pdfium made of an ``re`` operator, with its corners computed as pdfminer
    computes them from it (x + width, y + height): pdfium keeps only the 32-bit corners,
    and a corner at 190.875 may be 190.87499999999997 to pdfminer. Other subpaths as they are."""
    ops = "".join(op for op, _, _ in sub)
    if ops != "mllllh":
        return sub
    (_, x0, y0), (_, x1, y1), (_, x2, y2), (_, x3, y3), (_, x4, y4), _ = sub
    if not (y1 == y0 and x2 == x1 and y3 == y2 and x3 == x0 and (x4, y4) == (x0, y0)):
        return sub
    w, h = round(x1 - x0, DECIMALS), round(y2 - y0, DECIMALS)
    return [("m", x0, y0), ("l", x0 + w, y0), ("l", x0 + w, y0 + h), ("l", x0, y0 + h), ("h", x0, y0)]


def _classify(
    sub: list[tuple[str, float, float]],
    stroke: bool,
    fill: bool,
    frame: PageFrame,
    page_number: int,
    out: dict[str, list[dict[str, Any]]],
) -> None:
    # pdfium gives a Bézier segment as its three points; pdfminer keeps only the end point.
    pts: list[tuple[float, float]] = []
    shape = ""
    bezier = 0
    for op, px, py in sub:
        if op == "c":
            bezier += 1
            if bezier % 3:
                continue
        shape += op
        pts.append((px, py))
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    common = {"stroke": stroke, "fill": fill, "page_number": page_number}
    if shape in ("mlh", "ml"):
        out["line"].append({**frame.box(pts[:2]), **common, "object_type": "line", "pts": _flip(pts[:2], frame)})
        return
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == pts[4] and square:
            out["rect"].append({**frame.box([pts[0], pts[2]]), **common, "object_type": "rect"})
            return
    out["curve"].append({**frame.box(pts), **common, "object_type": "curve", "pts": _flip(pts, frame)})


def _flip(pts: list[tuple[float, float]], frame: PageFrame) -> list[tuple[float, float]]:
    return [(px + frame.mb_x0, frame.height - py + frame.mb_top) for px, py in pts]


class PdfiumPages:
    """Gives pdfplumber pages of one file their objects as pdfium reads them, so that
    pdfplumber never parses a content stream (the document is opened once)."""

    def __init__(self, path: Path) -> None:
        self.doc = pdfium.PdfDocument(str(path))
        self.fonts = Fonts()
        self.manager = PDFResourceManager(caching=True)

    def attach(self, page: Any, page_no: int) -> None:
        """Set ``page.objects`` (a pdfplumber page) to what pdfium reads on it."""
        pdfium_page = self.doc[page_no - 1]
        try:
            page_obj = page.page_obj  # pdfminer's: its MediaBox and /Rotate, as pdfminer applies them
            frame = PageFrame(tuple(page_obj.mediabox), page_obj.rotate, page.bbox, page.initial_doctop)
            frame.written(content_ctms(page_obj))
            names = resource_fonts(page_obj, self.manager)
            page._objects = read_objects(pdfium_page, frame, page_no, self.fonts, names)
        finally:
            pdfium_page.close()

    def close(self) -> None:
        self.doc.close()
