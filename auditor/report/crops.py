"""Pictures of the place: a crop of the rendered page around each finding's value,
with the value's cell outlined, embedded in the HTML as image data (works offline)."""

from __future__ import annotations

import base64
import io
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2
from PIL import ImageDraw

from auditor.findings import Finding

SCALE = 1.6  # pixels per PDF point: readable 7-8 pt table text
MARGIN_Y = 28.0  # points shown above and below the value
HIGHLIGHT = (214, 40, 40)
EVIDENCE = (240, 150, 0)


@dataclass(frozen=True)
class Picture:
    src: str  # data: URI of the JPEG
    page: int
    crop: tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points
    highlight: tuple[float, float, float, float]


def _data_uri(image: Any) -> str:
    buf = io.BytesIO()
    image.convert("RGB").save(buf, "JPEG", quality=70, optimize=True)
    return "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def finding_pictures(pdf_path: Path, findings: list[Finding]) -> dict[int, Picture]:
    """Picture per finding index, for findings located on a page with a box."""
    by_page: dict[int, list[int]] = defaultdict(list)
    for i, f in enumerate(findings):
        if f.location.page and f.location.bbox:
            by_page[f.location.page].append(i)
    out: dict[int, Picture] = {}
    if not by_page:
        return out
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    try:
        for page_no, indexes in sorted(by_page.items()):
            if page_no > len(pdf):
                continue
            page = pdf[page_no - 1]
            image = page.render(scale=SCALE).to_pil()
            page.close()
            # The rendered picture's size, not the page box's: an inverted or odd MediaBox
            # gives negative sizes, while pdfium still draws the page.
            width, height = image.width / SCALE, image.height / SCALE
            for i in indexes:
                picture = _picture(image, findings[i], page_no, width, height)
                if picture is not None:
                    out[i] = picture
    finally:
        pdf.close()
    return out


def _picture(image: Any, finding: Finding, page_no: int, width: float, height: float) -> Picture | None:
    assert finding.location.bbox is not None  # finding_pictures picks those with a box
    x0, top, x1, bottom = finding.location.bbox.as_list()  # as the JSON holds it
    crop = (0.0, max(0.0, top - MARGIN_Y), width, min(height, bottom + MARGIN_Y))
    if round(crop[3] * SCALE) <= round(crop[1] * SCALE):
        return None  # the box is not on the drawn page (a damaged page box): no picture
    part = image.crop(tuple(round(v * SCALE) for v in crop)).copy()
    draw = ImageDraw.Draw(part)

    def box(b: list[float], colour: tuple[int, int, int], line: int) -> None:
        draw.rectangle(
            [
                (b[0] - crop[0]) * SCALE - 2,
                (b[1] - crop[1]) * SCALE - 2,
                (b[2] - crop[0]) * SCALE + 2,
                (b[3] - crop[1]) * SCALE + 2,
            ],
            outline=colour,
            width=line,
        )

    for e in finding.evidence:
        eb = e.location.bbox.as_list() if e.location.bbox else None
        if eb and e.location.page == page_no and eb[1] >= crop[1] and eb[3] <= crop[3]:
            box(eb, EVIDENCE, 2)
    box([x0, top, x1, bottom], HIGHLIGHT, 3)
    return Picture(_data_uri(part), page_no, crop, (x0, top, x1, bottom))
