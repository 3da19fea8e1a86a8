"""Page geometry: user space, rotation and boxes of a PDF page, and box arithmetic."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pypdf import PageObject

from auditor.report.pdf.style import Box, Matrix


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


def map_box(m: Matrix, box: Box) -> Box:
    pts = [_apply(m, x, y) for x in (box[0], box[2]) for y in (box[1], box[3])]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def sorted_box(raw: Any) -> Box:
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
        x0, y0, x1, y1 = sorted_box(page.mediabox)
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
        crop = sorted_box(page.cropbox) if "/CropBox" in page else (x0, y0, x1, y1)
        visible = map_box(from_user, crop)
        media = map_box(from_user, (x0, y0, x1, y1))
        visible = (
            max(visible[0], media[0]),
            max(visible[1], media[1]),
            min(visible[2], media[2]),
            min(visible[3], media[3]),
        )
        return cls(from_user, height, visible)

    def view_box(self, bbox: list[float]) -> Box:
        """pdfplumber ``[x0, top, x1, bottom]`` -> view box."""
        x0, top, x1, bottom = (float(v) for v in bbox)
        return (min(x0, x1), self.height - max(top, bottom), max(x0, x1), self.height - min(top, bottom))


def overlaps(a: Box, b: Box, gap: float = 0.0, gap_y: float | None = None) -> bool:
    gy = gap if gap_y is None else gap_y
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gy and b[1] < a[3] + gy


def box_inside(a: Box, outer: Box) -> bool:
    return a[0] >= outer[0] and a[1] >= outer[1] and a[2] <= outer[2] and a[3] <= outer[3]


def clamp(box: Box, outer: Box) -> Box:
    w, h = box[2] - box[0], box[3] - box[1]
    x = min(max(box[0], outer[0]), outer[2] - w)
    y = min(max(box[1], outer[1]), outer[3] - h)
    return (x, y, x + w, y + h)
