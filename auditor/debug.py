"""A picture of what extraction saw on one page: tables, cells, header rows, row codes."""

from __future__ import annotations

import copy
import io
from pathlib import Path

from PIL import Image, ImageDraw

from auditor.errors import InputError
from auditor.extract import DEFAULT_BACKEND, document_from_layouts, read_layouts, usable_backend
from auditor.extract.pdf.opening import open_pdf
from auditor.extract.tables import header_row_count
from auditor.model.document import BBox, Level

RESOLUTION = 110
LEVEL_COLOURS = {
    Level.PROGRAM: (200, 30, 30),
    Level.KEGIATAN: (220, 120, 0),
    Level.SUB_KEGIATAN: (20, 120, 40),
    Level.AKTIVITAS: (30, 80, 200),
    Level.TOTAL: (120, 0, 160),
    Level.OTHER: (90, 90, 90),
}


def render_debug_page(path: Path, page_no: int, out: Path, backend: str = DEFAULT_BACKEND, ocr: str = "auto") -> Path:
    """Write :func:`debug_png` of the page to ``out``."""
    png = debug_png(path, page_no, backend, ocr)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(png)
    return out


MAX_PIXELS = 60_000_000  # a drawn page larger than this is refused (a 1e9-point MediaBox)


def debug_png(path: Path, page_no: int, backend: str = DEFAULT_BACKEND, ocr: str = "auto") -> bytes:
    """The page as PNG with the detected tables (blue), header rows (shaded), cells (grey),
    the narrative lines (light green) and each row's level and canonical code drawn on it."""
    pdf = open_pdf(path)
    try:
        if not 1 <= page_no <= len(pdf.pages):
            raise InputError(
                "page",
                f"Halaman {page_no} tidak ada; dokumen ini {len(pdf.pages)} halaman.",
                f"There is no page {page_no}; this document has {len(pdf.pages)} pages.",
            )
        page = pdf.pages[page_no - 1]
        pixels = abs(float(page.width) * float(page.height)) * (RESOLUTION / 72.0) ** 2
        if not 0 < pixels <= MAX_PIXELS:
            raise InputError(
                "too_large",
                f"Halaman {page_no} berukuran tidak wajar ({float(page.width):g} × {float(page.height):g} pt) "
                f"dan tidak dapat digambar: {path}",
                f"Page {page_no} has an implausible size ({float(page.width):g} × {float(page.height):g} pt) "
                f"and cannot be drawn: {path}",
            )
        image: Image.Image = page.to_image(resolution=RESOLUTION).original.convert("RGB")
    finally:
        pdf.close()
    # The PDF is read once: the page's layout as read (before running headers are taken out
    # of it) for the drawing, all pages for the document model whose rows are labelled.
    backend = usable_backend(path, backend)
    layouts = read_layouts(path, backend, ocr)
    layout = copy.deepcopy(layouts[page_no - 1])
    doc = document_from_layouts(path, layouts, backend)
    scale = RESOLUTION / 72.0
    draw = ImageDraw.Draw(image, "RGBA")

    def rect(b: BBox, outline: tuple[int, ...], fill: tuple[int, ...] | None = None, width: int = 1) -> None:
        draw.rectangle(
            [b.x0 * scale, b.top * scale, b.x1 * scale, b.bottom * scale], outline=outline, fill=fill, width=width
        )

    for line in layout.lines:
        rect(line.bbox, (60, 170, 60, 160), (60, 170, 60, 25))
    for table in layout.tables:
        for row in table.rows[: header_row_count(table)]:
            for cell in row.cells:
                rect(cell.bbox, (0, 0, 0, 0), (0, 90, 220, 45))
        for row in table.rows:
            for cell in row.cells:
                rect(cell.bbox, (120, 120, 120, 200))
        rect(table.bbox, (0, 70, 220, 255), width=3)
    for model_table in doc.tables:
        if page_no not in model_table.pages:
            continue
        for model_row in model_table.rows:
            first = min(
                (c for c in model_row.cells.values() if c.page == page_no), key=lambda c: c.bbox.x0, default=None
            )
            if first is None:
                continue
            colour = LEVEL_COLOURS[model_row.level]
            label = f"{model_table.kind} #{model_row.index} {model_row.level.value}" + (
                f" {model_row.code}" if model_row.code else ""
            )
            x, y = first.bbox.x0 * scale + 2, first.bbox.top * scale + 1
            draw.rectangle([x - 1, y - 1, x + 7 * len(label), y + 12], fill=(255, 255, 255, 210))
            draw.text((x, y), label, fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
