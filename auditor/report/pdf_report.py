"""The annotated PDF: the author's own pages with every finding marked on them.

Each finding is numbered by its 1-based position in ``report["findings"]``; the
HTML, CSV and XLSX reports list findings in that same order, so "12" means the
same finding everywhere. On its page a finding's cell is outlined in the
severity's colour and a numbered badge is drawn into the page content (so every
viewer and printer shows it); a sticky note on the badge holds the full text.
Notes pages appended at the end list every finding, also those with no place
on a page.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2
from pdfminer.fontmetrics import FONT_METRICS
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    TextStringObject,
)

from auditor.i18n import has, t, table_shown
from auditor.model.amounts import format_rupiah

Matrix = tuple[float, float, float, float, float, float]  # PDF order: a b c d e f
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 with y upwards

COLOURS = {"error": (0.80, 0.07, 0.07), "warning": (0.88, 0.47, 0.0), "info": (0.10, 0.36, 0.78)}
RANK = {"error": 0, "warning": 1, "info": 2}
OUTLINE_PAD = 0.7  # outline just outside the cell, over its own border line
OUTLINE_WIDTH = 1.4
EVIDENCE_WIDTH = 0.7
BADGE_SIZE = 6.5  # font size of the badge numbers
BADGE_H = 7.4
# Room kept between a badge and page text: sideways so text extraction never glues
# the badge number onto a word, a little vertically so it never touches a line.
TEXT_GAP_X, TEXT_GAP_Y = 2.5, 0.8
LEADER_FROM = 3.0  # a badge further than this from its cell gets a line to it
NOTE_FLAGS = 4  # Print
FONT_REGULAR, FONT_BOLD = "Helvetica", "Helvetica-Bold"
NOTES_SIZE = (595.28, 841.89)  # A4 portrait
NOTES_MARGIN = (48.0, 56.0, 48.0, 48.0)  # left, top, right, bottom

# Characters Helvetica/WinAnsi cannot show, written the way a reader expects.
_ASCII = {
    "\u2260": "!=", "\u2192": "->", "\u2190": "<-", "\u2194": "<->", "\u21d2": "=>",
    "\u2265": ">=", "\u2264": "<=", "\u2212": "-", "\u2248": "~", "\u2026": "...",
    "\u2713": "v", "\u2717": "x", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": "",
    "\u2010": "-", "\u2011": "-", "\u2032": "'", "\u2033": '"', "\u221e": "inf",
}


# --------------------------------------------------------------------------- text


def winansi(text: str) -> str:
    """``text`` reduced to characters Helvetica can show with WinAnsiEncoding."""
    out: list[str] = []
    for ch in text:
        if ch in "\n\r\t":
            out.append(" ")
            continue
        try:
            ch.encode("cp1252")
            out.append(ch)
        except UnicodeEncodeError:
            plain = _ASCII.get(ch)
            if plain is None:
                plain = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii") or "?"
            out.append(plain)
    return "".join(out)


def _pdf_string(text: str) -> bytes:
    """A PDF literal string for a WinAnsi font; ``text`` must have passed :func:`winansi`."""
    out = bytearray(b"(")
    for byte in text.encode("cp1252"):
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif byte < 32 or byte > 126:
            out += b"\\%03o" % byte
        else:
            out.append(byte)
    return bytes(out + b")")


def text_width(text: str, size: float, bold: bool = False) -> float:
    widths = FONT_METRICS[FONT_BOLD if bold else FONT_REGULAR][1]
    return sum(widths.get(ch, 556) for ch in text) * size / 1000


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """Greedy word wrap to ``width`` points; a word longer than a line is cut."""
    lines: list[str] = []
    line = ""
    for word in winansi(text).split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, bold) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while text_width(word, size, bold) > width:
            cut = 1
            while text_width(word[: cut + 1], size, bold) <= width:
                cut += 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line or not lines:
        lines.append(line)
    return lines


def number_label(numbers: list[int]) -> str:
    """``[12, 13, 14, 20]`` -> ``"12-14,20"``: several findings on one cell share a badge."""
    parts: list[str] = []
    run = [numbers[0]]
    for n in numbers[1:] + [0]:
        if n == run[-1] + 1:
            run.append(n)
            continue
        parts.append(f"{run[0]}-{run[-1]}" if len(run) > 2 else ",".join(map(str, run)))
        run = [n]
    return ",".join(parts)


def shown_value(value: Any, finding: dict[str, Any], lang: str) -> str:
    """Expected/actual as a reader should see it: rupiah amounts (``value_kind``
    "money") the Indonesian way, a year or a count as written. Reports from
    before ``value_kind`` existed: an amount is money when its message says so."""
    text = str(value)
    if not text.strip():
        return f"({t('empty', lang)})"
    if text.lstrip("-").isdigit():
        money = format_rupiah(int(text))
        if "value_kind" in finding:
            is_money = finding["value_kind"] == "money"
        else:
            is_money = re.search(re.escape(money) + r"(?![.,]?\d)", finding.get("message") or "") is not None
        if is_money:
            return money
    return text


# --------------------------------------------------------------------- geometry


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """Apply ``m`` first, then ``n``."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _inverse(m: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    det = a * d - b * c
    ia, ib, ic, id_ = d / det, -b / det, -c / det, a / det
    return (ia, ib, ic, id_, -(e * ia + f * ic), -(e * ib + f * id_))


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return (a * x + c * y + e, b * x + d * y + f)


def _map_box(m: Matrix, box: Box) -> Box:
    pts = [_apply(m, x, y) for x in (box[0], box[2]) for y in (box[1], box[3])]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def _sorted_box(raw: Any) -> Box:
    x0, y0, x1, y1 = (float(v) for v in raw)
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


@dataclass(frozen=True)
class Geometry:
    """How a page's pdfplumber coordinates relate to its PDF user space.

    "View" space is the page as displayed (after /Rotate), y upwards, placed so
    that pdfplumber's ``top`` is ``height - y``. Drawing in view space under the
    ``to_user`` matrix keeps outlines on their cells and badge text upright.
    """

    from_user: Matrix
    height: float  # pdfplumber's page height
    visible: Box  # the crop box in view space

    @property
    def to_user(self) -> Matrix:
        return _inverse(self.from_user)

    @classmethod
    def of(cls, page: PageObject) -> Geometry:
        x0, y0, x1, y1 = _sorted_box(page.mediabox)
        rotation = int(page.get("/Rotate", 0) or 0) % 360
        # pdfminer's device matrix for the rotation, then pdfplumber's shift
        # (see pdfminer PDFPageInterpreter.process_page and pdfplumber Page).
        device: Matrix = {
            90: (0, -1, 1, 0, -y0, x1),
            180: (-1, 0, 0, -1, x1, y1),
            270: (0, 1, -1, 0, y1, -x0),
        }.get(rotation, (1, 0, 0, 1, -x0, -y0))
        if rotation in (90, 270):
            shift_x, shift_top, height = y0, -x0, x1 - x0
        else:
            shift_x, shift_top, height = x0, -y0, y1 - y0
        from_user = _mul(device, (1, 0, 0, 1, shift_x, -shift_top))
        crop = _sorted_box(page.cropbox) if "/CropBox" in page else (x0, y0, x1, y1)
        visible = _map_box(from_user, crop)
        media = _map_box(from_user, (x0, y0, x1, y1))
        visible = (max(visible[0], media[0]), max(visible[1], media[1]), min(visible[2], media[2]), min(visible[3], media[3]))
        return cls(from_user, height, visible)

    def view_box(self, bbox: list[float]) -> Box:
        """pdfplumber ``[x0, top, x1, bottom]`` -> view box."""
        x0, top, x1, bottom = (float(v) for v in bbox)
        return (min(x0, x1), self.height - max(top, bottom), max(x0, x1), self.height - min(top, bottom))


def _overlaps(a: Box, b: Box, gap: float = 0.0, gap_y: float | None = None) -> bool:
    gy = gap if gap_y is None else gap_y
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gy and b[1] < a[3] + gy


def _inside(a: Box, outer: Box) -> bool:
    return a[0] >= outer[0] and a[1] >= outer[1] and a[2] <= outer[2] and a[3] <= outer[3]


def _clamp(box: Box, outer: Box) -> Box:
    w, h = box[2] - box[0], box[3] - box[1]
    x = min(max(box[0], outer[0]), outer[2] - w)
    y = min(max(box[1], outer[1]), outer[3] - h)
    return (x, y, x + w, y + h)


# ----------------------------------------------------------------- page marks


@dataclass
class Cell:
    box: Box  # view space, padded
    numbers: list[int] = field(default_factory=list)
    severities: list[str] = field(default_factory=list)

    @property
    def severity(self) -> str:
        """The most serious finding on the cell sets its colour."""
        return min(self.severities, key=lambda s: RANK.get(s, 2))


@dataclass(frozen=True)
class Badge:
    box: Box
    label: str
    severity: str
    numbers: tuple[int, ...]
    leader: tuple[float, float, float, float] | None = None  # badge centre -> cell edge


def _colour(severity: str, lighten: float = 0.0) -> tuple[float, float, float]:
    r, g, b = COLOURS.get(severity, COLOURS["info"])
    return (r + (1 - r) * lighten, g + (1 - g) * lighten, b + (1 - b) * lighten)


def _badge_box(x: float, y: float, label: str) -> Box:
    return (x, y, x + text_width(label, BADGE_SIZE, bold=True) + 3.0, y + BADGE_H)


def _distance(a: Box, b: Box) -> float:
    dx = max(a[0] - b[2], b[0] - a[2], 0.0)
    dy = max(a[1] - b[3], b[1] - a[3], 0.0)
    return (dx * dx + dy * dy) ** 0.5


def _spots(cell: Box, label: str) -> list[Box]:
    """Badge boxes to try, best first: the cell's own empty corners, then against
    its outline outside, then ever further above, below and beside it."""
    w = _badge_box(0, 0, label)[2]
    x0, y0, x1, y1 = cell
    g = OUTLINE_WIDTH / 2  # half the stroke: a badge sits flush against its outline
    side = TEXT_GAP_X + 0.1  # beside a cell, clear of the text that may fill it
    h = BADGE_H
    near = [
        (x1 - w - g, y0 + g), (x1 - w - g, y1 - h - g), (x0 + g, y0 + g),  # inside corners
        (x1 + side, y1 + g - h), (x1 - w, y1 + g), (x1 - w, y0 - h - g),  # right, above, below
        (x0 - w - side, y1 + g - h), (x0, y1 + g), (x0, y0 - h - g),  # left, above left, below left
    ]
    far: list[tuple[float, float]] = []
    for k in range(1, 25):
        dy, dx = k * 2.5, k * 4.0
        for x in (x1 - w, x0, x1 + side, x0 - w - side):
            far += [(x, y1 + g + dy), (x, y0 - h - g - dy)]
        far += [(x1 + side + dx, y1 + g - h), (x0 - w - side - dx, y1 + g - h)]
    boxes = [_badge_box(x, y, label) for x, y in far]
    return [_badge_box(x, y, label) for x, y in near] + sorted(boxes, key=lambda b: _distance(b, cell))


def _place_badge(cell: Box, label: str, visible: Box, words: list[Box], taken: list[Box]) -> Box:
    """The first spot near the cell that stays on the page and covers neither
    page text nor another badge; in a crowd, at least no other badge."""
    page = (visible[0] + 1, visible[1] + 1, visible[2] - 1, visible[3] - 1)
    spots = _spots(cell, label)
    reach = _distance(spots[-1], cell) + 20
    words = [o for o in words if _distance(o, cell) < reach]  # few to test against each spot
    on_page = [b for b in spots if _inside(b, page)] or [_clamp(spots[3], page)]
    free = [b for b in on_page if not any(_overlaps(b, o, 0.5) for o in taken)]
    for box in free:
        if not any(_overlaps(box, o, TEXT_GAP_X, TEXT_GAP_Y) for o in words):
            return box
    return free[0] if free else on_page[0]


def _leader(cell: Box, badge: Box) -> tuple[float, float, float, float] | None:
    """A line from a badge that had to go further away back to its cell."""
    if _overlaps(cell, badge, LEADER_FROM):
        return None
    cx, cy = (badge[0] + badge[2]) / 2, (badge[1] + badge[3]) / 2
    return (cx, cy, min(max(cx, cell[0]), cell[2]), min(max(cy, cell[1]), cell[3]))


def _page_marks(
    page_no: int, geometry: Geometry, indexes: list[int], findings: list[dict[str, Any]], words: list[Box]
) -> tuple[list[Cell], list[tuple[Box, str]], list[Badge]]:
    """Outlined cells, evidence outlines and badges of one page, in view space."""
    cells: dict[tuple[float, ...], Cell] = {}
    corner = Cell(box=(0, 0, 0, 0))  # findings on this page without a box
    for i in indexes:
        f = findings[i]
        bbox = f["location"].get("bbox")
        if bbox:
            vb = geometry.view_box(bbox)
            key = tuple(round(v, 1) for v in vb)
            cell = cells.setdefault(key, Cell((vb[0] - OUTLINE_PAD, vb[1] - OUTLINE_PAD, vb[2] + OUTLINE_PAD, vb[3] + OUTLINE_PAD)))
        else:
            cell = corner
        cell.numbers.append(i + 1)
        cell.severities.append(f.get("severity", "info"))
    evidence: dict[tuple[float, ...], tuple[Box, str]] = {}
    for i in indexes:
        f = findings[i]
        for e in f.get("evidence", []):
            loc = e.get("location") or {}
            if loc.get("page") != page_no or not loc.get("bbox"):
                continue
            vb = geometry.view_box(loc["bbox"])
            key = tuple(round(v, 1) for v in vb)
            if key not in cells:
                evidence.setdefault(key, (vb, f["severity"]))
    badges: list[Badge] = []
    taken: list[Box] = []
    for cell in sorted(cells.values(), key=lambda c: (-c.box[3], c.box[0])):
        label = number_label(cell.numbers)
        box = _place_badge(cell.box, label, geometry.visible, words, taken)
        taken.append(box)
        badges.append(Badge(box, label, cell.severity, tuple(cell.numbers), _leader(cell.box, box)))
    if corner.numbers:  # badge only, in the top right corner of the page
        vis = geometry.visible
        label = number_label(corner.numbers)
        box = _place_badge((vis[2] - 24, vis[3] - 24, vis[2] - 8, vis[3] - 8), label, vis, words, taken)
        badges.append(Badge(box, label, corner.severity, tuple(corner.numbers)))
    return list(cells.values()), list(evidence.values()), badges


def _fmt(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".") or "0"


def _rgb(colour: tuple[float, float, float], op: str) -> str:
    return " ".join(_fmt(c) for c in colour) + " " + op


def _rect(box: Box) -> str:
    return f"{_fmt(box[0])} {_fmt(box[1])} {_fmt(box[2] - box[0])} {_fmt(box[3] - box[1])} re"


def _overlay_ops(geometry: Geometry, cells: list[Cell], evidence: list[tuple[Box, str]], badges: list[Badge], bold: str) -> bytes:
    """Our marks, drawn after the original content (left as it was inside q/Q):
    evidence, then outlines (errors on top), leader lines, badges."""
    ops: list[str] = ["", "Q", "q", " ".join(_fmt(v) for v in geometry.to_user) + " cm", "[] 0 d 0 J 0 j"]
    ops.append(f"{_fmt(EVIDENCE_WIDTH)} w")
    ops += [f"{_rgb(_colour(severity, 0.5), 'RG')} {_rect(box)} S" for box, severity in evidence]
    ops.append(f"{_fmt(OUTLINE_WIDTH)} w")
    for cell in sorted(cells, key=lambda c: -RANK.get(c.severity, 2)):
        ops.append(f"{_rgb(_colour(cell.severity), 'RG')} {_rect(cell.box)} S")
    ops.append("0.6 w")
    for b in badges:
        if b.leader:
            x0, y0, x1, y1 = (_fmt(v) for v in b.leader)
            ops.append(f"{_rgb(_colour(b.severity, 0.25), 'RG')} {x0} {y0} m {x1} {y1} l S")
    out = "\n".join(ops).encode("ascii")
    for b in badges:
        text_at = f"{_fmt(b.box[0] + 1.5)} {_fmt(b.box[1] + 1.5)}"
        out += f"\n{_rgb(_colour(b.severity), 'rg')} {_rect(b.box)} f 1 g BT /{bold} {_fmt(BADGE_SIZE)} Tf {text_at} Td ".encode("ascii")
        out += _pdf_string(b.label) + b" Tj ET"
    return out + b"\nQ\n"


def _text_boxes(pdf_path: Path, geometries: dict[int, Geometry]) -> dict[int, list[Box]]:
    """Where each page already has text, in view space (pdfium is fast at this).
    A page pdfium cannot read just gets its badges without that care."""
    out: dict[int, list[Box]] = {}
    try:
        pdf = pypdfium2.PdfDocument(str(pdf_path))
    except pypdfium2.PdfiumError:
        return out
    try:
        for page_no, geometry in geometries.items():
            try:
                page = pdf[page_no - 1]
                text = page.get_textpage()
            except pypdfium2.PdfiumError:
                continue
            # pdfium reports text in PDF user space, whatever the rotation
            out[page_no] = [_map_box(geometry.from_user, _sorted_box(text.get_rect(i))) for i in range(text.count_rects())]
            text.close()
            page.close()
    finally:
        pdf.close()
    return out


# ------------------------------------------------------------------ pdf plumbing


def _stream(writer: PdfWriter, data: bytes, entries: dict[str, Any] | None = None) -> IndirectObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    for key, value in (entries or {}).items():
        stream[NameObject(key)] = value
    obj = stream.flate_encode() if len(data) > 200 else stream
    return writer._add_object(obj)


def _font(writer: PdfWriter, base: str) -> IndirectObject:
    return writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/" + base),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    }))


def _add_fonts(page: PageObject, fonts: dict[str, IndirectObject]) -> dict[str, str]:
    """Put our fonts into the page's resources under names it does not use yet."""
    if page.get("/Resources") is None:
        page[NameObject("/Resources")] = DictionaryObject()
    resources = page["/Resources"].get_object()  # may be shared by several pages: adding is harmless
    font_dict = resources.get("/Font")
    if font_dict is None:
        font_dict = DictionaryObject()
        resources[NameObject("/Font")] = font_dict
    font_dict = font_dict.get_object()
    names: dict[str, str] = {}
    for role, ref in fonts.items():
        name, n = f"RenjaAudit{role}", 0
        while f"/{name}" in font_dict and font_dict[f"/{name}"] != ref:
            n += 1
            name = f"RenjaAudit{role}{n}"
        font_dict[NameObject(f"/{name}")] = ref
        names[role] = name
    return names


def _append_content(page: PageObject, prefix: IndirectObject, overlay: IndirectObject) -> None:
    """Original content wrapped in q/Q (so its leftover state cannot skew ours), then ours."""
    contents = page.get("/Contents")
    parts: list[Any] = []
    if contents is not None:
        resolved = contents.get_object()
        parts = list(resolved) if isinstance(resolved, ArrayObject) else [contents]
    page[NameObject("/Contents")] = ArrayObject([prefix, *parts, overlay])


def _add_annotation(writer: PdfWriter, page: PageObject, annotation: DictionaryObject) -> None:
    """Attach an annotation as written (pypdf's add_annotation rewrites /Dest
    differently from one version to the next)."""
    annotation[NameObject("/P")] = page.indirect_reference
    annots = page.get("/Annots")
    if annots is None:
        annots = ArrayObject()
        page[NameObject("/Annots")] = annots
    annots.get_object().append(writer._add_object(annotation))


def _rect_array(box: Box) -> ArrayObject:
    return ArrayObject([FloatObject(round(v, 2)) for v in box])


def _note_text(n: int, f: dict[str, Any], lang: str) -> str:
    message = (f.get("messages") or {}).get(lang) or f.get("message") or ""
    lines = [f"{n} · {t('severity.' + f['severity'], lang)} · {f['rule']} {f.get('title') or ''}".rstrip(), message]
    for key, value in (("report.expected", f.get("expected")), ("report.actual", f.get("actual"))):
        if value is not None:
            lines.append(f"{t(key, lang)}: {shown_value(value, f, lang)}")
    return "\n".join(lines)


def _annotate(writer: PdfWriter, page: PageObject, geometry: Geometry, badge: Badge, findings: list[dict[str, Any]], lang: str, blank: IndirectObject) -> None:
    """One sticky note per finding on its badge; several findings split the badge
    into slices so each note can be clicked. The appearance is empty because the
    badge itself is drawn in the page."""
    x0, y0, x1, y1 = badge.box
    step = (x1 - x0) / len(badge.numbers)
    for k, n in enumerate(badge.numbers):
        f = findings[n - 1]
        user = _map_box(geometry.to_user, (x0 + k * step, y0, x0 + (k + 1) * step, y1))
        _add_annotation(writer, page, DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Text"),
            NameObject("/Rect"): _rect_array(user),
            NameObject("/Contents"): TextStringObject(_note_text(n, f, lang)),
            NameObject("/T"): TextStringObject("renja-audit"),
            NameObject("/Subj"): TextStringObject(f"{n} {f['rule']}"),
            NameObject("/NM"): TextStringObject(f"renja-audit-{n}"),
            NameObject("/Name"): NameObject("/Comment"),
            NameObject("/C"): ArrayObject([FloatObject(c) for c in _colour(f["severity"])]),
            NameObject("/F"): NumberObject(NOTE_FLAGS),
            NameObject("/Open"): BooleanObject(False),
            NameObject("/AP"): DictionaryObject({NameObject("/N"): blank}),
        }))


# ------------------------------------------------------------------ notes pages


@dataclass(frozen=True)
class _Line:
    text: str
    size: float
    bold: bool = False
    colour: tuple[float, float, float] = (0.0, 0.0, 0.0)


class _NotesWriter:
    """Lays out the notes pages as text lines in Helvetica, page by page."""

    def __init__(self, writer: PdfWriter, fonts: dict[str, IndirectObject], footer: Callable[[int, int], str]) -> None:
        self.writer, self.fonts, self.footer = writer, fonts, footer
        self.width, self.height = NOTES_SIZE
        self.left, self.top, self.right, self.bottom = NOTES_MARGIN
        self.pages: list[tuple[PageObject, list[bytes], list[tuple[Box, int]]]] = []
        self.y = 0.0

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right

    def new_page(self) -> None:
        page = self.writer.add_blank_page(self.width, self.height)
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/Font"): DictionaryObject({NameObject(f"/{k}"): v for k, v in self.fonts.items()}),
        })
        self.pages.append((page, [], []))
        self.y = self.height - self.top

    def room(self, height: float) -> None:
        if not self.pages or self.y - height < self.bottom:
            self.new_page()

    def line(self, line: _Line, x: float | None = None) -> None:
        lead = line.size * 1.28
        self.room(lead)
        self.y -= lead
        self.text(self.left if x is None else x, self.y + line.size * 0.25, line)

    def text(self, x: float, y: float, line: _Line) -> None:
        font = "Bold" if line.bold else "Regular"
        op = f"{_rgb(line.colour, 'rg')} BT /{font} {_fmt(line.size)} Tf {_fmt(x)} {_fmt(y)} Td ".encode("ascii")
        self.pages[-1][1].append(op + _pdf_string(winansi(line.text)) + b" Tj ET")

    def badge(self, x: float, y: float, label: str, severity: str) -> None:
        w = text_width(label, 7.5, bold=True) + 4
        self.pages[-1][1].append(f"{_rgb(_colour(severity), 'rg')} {_rect((x, y - 2, x + w, y + 8))} f".encode("ascii"))
        self.text(x + 2, y + 0.3, _Line(label, 7.5, True, (1, 1, 1)))

    def link(self, box: Box, target: int) -> None:
        self.pages[-1][2].append((box, target))

    def finish(self, link_target: Callable[[int], ArrayObject | None]) -> None:
        total = len(self.pages)
        for k, (page, ops, links) in enumerate(self.pages, start=1):
            ops.append(
                f"0.45 0.45 0.45 rg BT /Regular 7 Tf {_fmt(self.left)} {_fmt(self.bottom - 20)} Td ".encode("ascii")
                + _pdf_string(winansi(self.footer(k, total))) + b" Tj ET"
            )
            page[NameObject("/Contents")] = _stream(self.writer, b"\n".join(ops) + b"\n")
            for box, target in links:
                dest = link_target(target)
                if dest is not None:
                    _add_annotation(self.writer, page, DictionaryObject({
                        NameObject("/Type"): NameObject("/Annot"),
                        NameObject("/Subtype"): NameObject("/Link"),
                        NameObject("/Rect"): _rect_array(box),
                        NameObject("/Border"): ArrayObject([NumberObject(0)] * 3),
                        NameObject("/Dest"): dest,
                    }))


def _location_text(f: dict[str, Any], lang: str) -> str:
    loc = f.get("location") or {}
    parts = []
    for key, label in (("page", "report.page"), ("table", "report.table"), ("code", "report.code"), ("column", "report.column")):
        value = table_shown(loc, lang) if key == "table" else loc.get(key)
        if value not in (None, ""):
            if key == "column" and has(f"col.{value}"):
                value = t(f"col.{value}", lang)  # the column's name as the form prints it
            parts.append(f"{t(label, lang)} {value}")
    if not loc.get("page"):
        parts.insert(0, t("pdf.no_place", lang))
    if f.get("low_confidence"):
        parts.append(t("report.low_confidence", lang))
    return " · ".join(parts)


def _write_notes(writer: PdfWriter, report: dict[str, Any], lang: str, fonts: dict[str, IndirectObject], page_count: int) -> int:
    """Append the notes pages; returns the index of the first one."""
    doc = report.get("document") or {}
    summary = report.get("summary") or {}
    name = Path(str(doc.get("path") or "")).name
    notes = _NotesWriter(writer, fonts, lambda n, total: t("pdf.footer", lang, name=name, n=n, total=total))
    notes.new_page()
    first = len(writer.pages) - 1
    notes.line(_Line(t("pdf.notes_title", lang), 14, True))
    notes.y -= 3
    notes.line(_Line(t(
        "pdf.notes_summary", lang,
        unit=doc.get("unit") or "-", year=doc.get("plan_year") or "-",
        error=summary.get("error", 0), warning=summary.get("warning", 0), info=summary.get("info", 0),
    ), 9.5, True))
    for text in wrap(t("pdf.notes_intro", lang, name=name), 8.5, notes.text_width):
        notes.line(_Line(text, 8.5, colour=(0.3, 0.3, 0.3)))
    notes.y -= 8
    findings = report.get("findings") or []
    if not findings:
        notes.line(_Line(t("report.no_findings", lang), 9.5))
    indent = 34.0
    width = notes.text_width - indent
    for n, f in enumerate(findings, start=1):
        message = (f.get("messages") or {}).get(lang) or f.get("message") or ""
        severity = f.get("severity", "info")
        head = f"{t('severity.' + severity, lang).upper()} · {f.get('rule', '')} · {f.get('title') or ''}"
        body: list[_Line] = [_Line(s, 8.5, True) for s in wrap(head, 8.5, width, bold=True)]
        body += [_Line(s, 7.5, colour=(0.35, 0.35, 0.35)) for s in wrap(_location_text(f, lang), 7.5, width)]
        body += [_Line(s, 8.5) for s in wrap(message, 8.5, width)]
        for key, value in (("report.expected", f.get("expected")), ("report.actual", f.get("actual"))):
            if value is not None:
                body += [_Line(s, 8.5) for s in wrap(f"{t(key, lang)}: {shown_value(value, f, lang)}", 8.5, width)]
        height = sum(b.size * 1.28 for b in body) + 6
        if height < notes.height - notes.top - notes.bottom:
            notes.room(height)
        top = notes.y
        for k, b in enumerate(body):
            notes.line(b, notes.left + indent)
            if k == 0:
                notes.badge(notes.left, notes.y + 2.2, str(n), severity)
                notes.link((notes.left, notes.y - 2, notes.width - notes.right, top), n)
        notes.y -= 6

    def target(n: int) -> ArrayObject | None:
        page_no = (findings[n - 1].get("location") or {}).get("page")
        if not isinstance(page_no, int) or not 1 <= page_no <= page_count:
            return None
        page = writer.pages[page_no - 1]
        dest = ArrayObject([page.indirect_reference, NameObject("/XYZ"), NullObject(), NullObject(), NullObject()])
        bbox = (findings[n - 1].get("location") or {}).get("bbox")
        geometry = Geometry.of(page)
        if bbox and int(page.get("/Rotate", 0) or 0) % 360 == 0:
            box = _map_box(geometry.to_user, geometry.view_box(bbox))
            dest[3] = FloatObject(round(min(box[3] + 40, geometry.visible[3]), 1))
        return dest

    notes.finish(target)
    return first


# ------------------------------------------------------------------------- entry


def annotate_pdf(pdf_path: Path, report: dict[str, Any], lang: str) -> bytes:
    """The PDF at ``pdf_path`` with ``report``'s findings marked on its pages and
    listed on notes pages appended at the end, as PDF bytes.

    Finding numbers are 1-based positions in ``report["findings"]`` (the order of
    the JSON, HTML, CSV and XLSX reports). Page content is left as it was; the
    marks are drawn on top of it and the notes are PDF Text annotations.
    """
    reader = PdfReader(pdf_path)
    writer = PdfWriter(clone_from=reader)
    page_count = len(reader.pages)
    findings: list[dict[str, Any]] = report.get("findings") or []
    by_page: dict[int, list[int]] = defaultdict(list)
    for i, f in enumerate(findings):
        page_no = (f.get("location") or {}).get("page")
        if isinstance(page_no, int) and 1 <= page_no <= page_count:
            by_page[page_no].append(i)

    fonts = {"Regular": _font(writer, FONT_REGULAR), "Bold": _font(writer, FONT_BOLD)}
    prefix = _stream(writer, b"q\n")
    blank = _stream(writer, b"", {
        "/Type": NameObject("/XObject"), "/Subtype": NameObject("/Form"),
        "/BBox": ArrayObject([NumberObject(0), NumberObject(0), NumberObject(1), NumberObject(1)]),
    })
    geometries = {p: Geometry.of(writer.pages[p - 1]) for p in sorted(by_page)}
    words = _text_boxes(pdf_path, geometries)
    for page_no, indexes in sorted(by_page.items()):
        page = writer.pages[page_no - 1]
        geometry = geometries[page_no]
        cells, evidence, badges = _page_marks(page_no, geometry, indexes, findings, words.get(page_no, []))
        names = _add_fonts(page, {"Bold": fonts["Bold"]})
        _append_content(page, prefix, _stream(writer, _overlay_ops(geometry, cells, evidence, badges, names["Bold"])))
        for badge in badges:
            _annotate(writer, page, geometry, badge, findings, lang, blank)

    first_notes = _write_notes(writer, report, lang, fonts, page_count)
    writer.add_outline_item(title=t("pdf.notes_title", lang), page_number=first_notes)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
