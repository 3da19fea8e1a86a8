"""Marks drawn into a page: cell outlines, evidence boxes, numbered badges placed clear of
the page's text, and leader lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2

from auditor.findings import Finding
from auditor.report.pdf.geometry import (
    Geometry,
    box_inside,
    clamp,
    map_box,
    overlaps,
    sorted_box,
)
from auditor.report.pdf.style import (
    BADGE_H,
    BADGE_SIZE,
    COLOURS,
    EVIDENCE_WIDTH,
    LEADER_FROM,
    OUTLINE_PAD,
    OUTLINE_WIDTH,
    RANK,
    TEXT_GAP_X,
    TEXT_GAP_Y,
    Box,
)
from auditor.report.pdf.text import number_label, pdf_string, text_width


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


def colour_of(severity: str, lighten: float = 0.0) -> tuple[float, float, float]:
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
        (x1 - w - g, y0 + g),
        (x1 - w - g, y1 - h - g),
        (x0 + g, y0 + g),  # inside corners
        (x1 + side, y1 + g - h),
        (x1 - w, y1 + g),
        (x1 - w, y0 - h - g),  # right, above, below
        (x0 - w - side, y1 + g - h),
        (x0, y1 + g),
        (x0, y0 - h - g),  # left, above left, below left
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
    on_page = [b for b in spots if box_inside(b, page)] or [clamp(spots[3], page)]
    free = [b for b in on_page if not any(overlaps(b, o, 0.5) for o in taken)]
    for box in free:
        if not any(overlaps(box, o, TEXT_GAP_X, TEXT_GAP_Y) for o in words):
            return box
    return free[0] if free else on_page[0]


def _leader(cell: Box, badge: Box) -> tuple[float, float, float, float] | None:
    """A line from a badge that had to go further away back to its cell."""
    if overlaps(cell, badge, LEADER_FROM):
        return None
    cx, cy = (badge[0] + badge[2]) / 2, (badge[1] + badge[3]) / 2
    return (cx, cy, min(max(cx, cell[0]), cell[2]), min(max(cy, cell[1]), cell[3]))


def page_marks(
    page_no: int, geometry: Geometry, indexes: list[int], findings: list[Finding], words: list[Box]
) -> tuple[list[Cell], list[tuple[Box, str]], list[Badge]]:
    """Outlined cells, evidence outlines and badges of one page, in view space."""
    cells: dict[tuple[float, ...], Cell] = {}
    corner = Cell(box=(0, 0, 0, 0))  # findings on this page without a box
    for i in indexes:
        f = findings[i]
        if f.location.bbox:
            vb = geometry.view_box(f.location.bbox.as_list())
            key = tuple(round(v, 1) for v in vb)
            cell = cells.setdefault(
                key, Cell((vb[0] - OUTLINE_PAD, vb[1] - OUTLINE_PAD, vb[2] + OUTLINE_PAD, vb[3] + OUTLINE_PAD))
            )
        else:
            cell = corner
        cell.numbers.append(i + 1)
        cell.severities.append(f.severity)
    evidence: dict[tuple[float, ...], tuple[Box, str]] = {}
    for i in indexes:
        f = findings[i]
        for e in f.evidence:
            if e.location.page != page_no or not e.location.bbox:
                continue
            vb = geometry.view_box(e.location.bbox.as_list())
            key = tuple(round(v, 1) for v in vb)
            if key not in cells:
                evidence.setdefault(key, (vb, f.severity))
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


def fmt_number(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".") or "0"


def rgb_ops(colour: tuple[float, float, float], op: str) -> str:
    return " ".join(fmt_number(c) for c in colour) + " " + op


def rect_ops(box: Box) -> str:
    return f"{fmt_number(box[0])} {fmt_number(box[1])} {fmt_number(box[2] - box[0])} {fmt_number(box[3] - box[1])} re"


def overlay_ops(
    geometry: Geometry, cells: list[Cell], evidence: list[tuple[Box, str]], badges: list[Badge], bold: str
) -> bytes:
    """Our marks, drawn after the original content (left as it was inside q/Q):
    evidence, then outlines (errors on top), leader lines, badges."""
    ops: list[str] = ["", "Q", "q", " ".join(fmt_number(v) for v in geometry.to_user) + " cm", "[] 0 d 0 J 0 j"]
    ops.append(f"{fmt_number(EVIDENCE_WIDTH)} w")
    ops += [f"{rgb_ops(colour_of(severity, 0.5), 'RG')} {rect_ops(box)} S" for box, severity in evidence]
    ops.append(f"{fmt_number(OUTLINE_WIDTH)} w")
    for cell in sorted(cells, key=lambda c: -RANK.get(c.severity, 2)):
        ops.append(f"{rgb_ops(colour_of(cell.severity), 'RG')} {rect_ops(cell.box)} S")
    ops.append("0.6 w")
    for b in badges:
        if b.leader:
            x0, y0, x1, y1 = (fmt_number(v) for v in b.leader)
            ops.append(f"{rgb_ops(colour_of(b.severity, 0.25), 'RG')} {x0} {y0} m {x1} {y1} l S")
    out = "\n".join(ops).encode("ascii")
    for b in badges:
        text_at = f"{fmt_number(b.box[0] + 1.5)} {fmt_number(b.box[1] + 1.5)}"
        out += f"\n{rgb_ops(colour_of(b.severity), 'rg')} {rect_ops(b.box)} f 1 g BT /{bold} {fmt_number(BADGE_SIZE)} Tf {text_at} Td ".encode(
            "ascii"
        )
        out += pdf_string(b.label) + b" Tj ET"
    return out + b"\nQ\n"


def text_boxes(pdf_path: Path, geometries: dict[int, Geometry]) -> dict[int, list[Box]]:
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
            out[page_no] = [
                map_box(geometry.from_user, sorted_box(text.get_rect(i))) for i in range(text.count_rects())
            ]
            text.close()
            page.close()
    finally:
        pdf.close()
    return out
