"""Pictures for `figure` blocks: simple, deterministic drawings made with Pillow.

Real Renja carry an organisation chart, a chart of last years' results and a diagram of
the planning flow as pictures (images in the PDF, no text layer). These are drawn in
the same spirit: boxes, lines and bars with their labels, in Office's default colours.
Same block -> same PNG bytes (no timestamps, fixed fonts).

- org_chart: labels[0] heads the chart, labels[1] hangs beside the trunk (the secretary),
  labels[2:] are the units in a row (two rows when there are more than five).
- bar_chart: one bar per label, its value printed above it (decimal comma).
- flow: boxes left to right joined by arrows, four to a row, rows joined by a bent arrow.
"""

from __future__ import annotations

import io
import math
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .spec import Block

DPI = 150
MAX_WIDTH_CM = 15.0
FONT_DIRS = (Path("/usr/share/fonts/truetype/liberation"), Path("/usr/share/fonts/truetype/liberation2"))
LINE = (0, 0, 0)
BOX_FILL = (220, 230, 241)  # Office "Blue, Accent 1, Lighter 80%"
HEAD_FILL = (184, 204, 228)
BAR_FILL = (79, 129, 189)  # Office "Accent 1"
GRID = (200, 200, 200)
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


def px(cm: float) -> int:
    return round(cm / 2.54 * DPI)


@lru_cache(maxsize=16)
def font(family: str, size_px: int, bold: bool = False) -> Font:
    """The Liberation TrueType font of `family` (Pillow's own font when not installed)."""
    stem = "LiberationSerif" if "serif" in family.lower() and "sans" not in family.lower() else "LiberationSans"
    name = f"{stem}-{'Bold' if bold else 'Regular'}.ttf"
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return ImageFont.truetype(str(folder / name), size_px)
    return ImageFont.load_default(size=size_px)


def wrap(draw: ImageDraw.ImageDraw, text: str, fnt: Font, width: float) -> list[str]:
    """Greedy word wrap of `text` into lines no wider than `width` pixels ("\\n" kept)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            trial = f"{current} {word}".strip()
            if current and draw.textlength(trial, font=fnt) > width:
                lines.append(current)
                current = word
            else:
                current = trial
        lines.append(current)
    return lines


def _centred_text(
    draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], text: str, family: str, size: int, bold: bool = False
) -> None:
    """`text` wrapped and centred in `box`, the font shrunk until it fits."""
    x0, y0, x1, y1 = box
    while True:
        fnt = font(family, size, bold)
        lines = wrap(draw, text, fnt, x1 - x0 - 8)
        line_h = round(size * 1.15)
        if (
            len(lines) * line_h <= y1 - y0 - 4 and all(draw.textlength(t, font=fnt) <= x1 - x0 - 4 for t in lines)
        ) or size <= 8:
            break
        size -= 1
    top = (y0 + y1) / 2 - len(lines) * line_h / 2
    for i, line in enumerate(lines):
        width = draw.textlength(line, font=fnt)
        draw.text(((x0 + x1) / 2 - width / 2, top + i * line_h), line, fill=LINE, font=fnt)


def _box(
    draw: ImageDraw.ImageDraw,
    box: tuple[int, int, int, int],
    text: str,
    family: str,
    size: int,
    fill: tuple[int, int, int] = BOX_FILL,
    bold: bool = False,
) -> None:
    draw.rectangle(box, fill=fill, outline=LINE, width=2)
    _centred_text(draw, box, text, family, size, bold)


# --------------------------------------------------------------------------- kinds


def _org_chart(draw: ImageDraw.ImageDraw, w: int, h: int, labels: tuple[str, ...], family: str) -> None:
    size = 17
    head_w, box_h = round(w * 0.34), round(h * 0.14)
    units = list(labels[2:])
    rows = [units] if len(units) <= 5 else [units[: (len(units) + 1) // 2], units[(len(units) + 1) // 2 :]]
    top = 12
    head = (w // 2 - head_w // 2, top, w // 2 + head_w // 2, top + box_h)
    _box(draw, head, labels[0], family, size + 1, HEAD_FILL, bold=True)
    trunk_x = w // 2
    bus_ys = [round(h * (0.58 if len(rows) == 1 else 0.46)), round(h * 0.74)]
    unit_h = round(h * (0.22 if len(rows) == 1 else 0.17))
    bottom_of_trunk = bus_ys[len(rows) - 1] if rows and rows[0] else top + box_h + round(h * 0.3)
    draw.line([(trunk_x, head[3]), (trunk_x, bottom_of_trunk)], fill=LINE, width=2)
    if len(labels) > 1:  # the secretary hangs beside the trunk
        sec_y = head[3] + round(h * 0.09)
        sec = (trunk_x + round(w * 0.08), sec_y, trunk_x + round(w * 0.08) + head_w, sec_y + box_h)
        draw.line([(trunk_x, (sec[1] + sec[3]) // 2), (sec[0], (sec[1] + sec[3]) // 2)], fill=LINE, width=2)
        _box(draw, sec, labels[1], family, size)
    for row, bus_y in zip(rows, bus_ys):
        if not row:
            continue
        gap = round(w * 0.02)
        unit_w = min(round(w * 0.3), (w - 24 - gap * (len(row) - 1)) // len(row))
        total = unit_w * len(row) + gap * (len(row) - 1)
        left = (w - total) // 2
        centres = [left + i * (unit_w + gap) + unit_w // 2 for i in range(len(row))]
        draw.line([(min(centres + [trunk_x]), bus_y), (max(centres + [trunk_x]), bus_y)], fill=LINE, width=2)
        for i, centre in enumerate(centres):
            y0 = bus_y + round(h * 0.04)
            draw.line([(centre, bus_y), (centre, y0)], fill=LINE, width=2)
            _box(draw, (centre - unit_w // 2, y0, centre + unit_w // 2, y0 + unit_h), row[i], family, size - 2)


def _number(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def axis_max(high: float) -> float:
    """A round axis maximum just above the highest bar (100 for percentages up to 98)."""
    if high <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(high))
    return next(m * power for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10, 12) if m * power >= high * 1.02)


def _bar_chart(
    draw: ImageDraw.ImageDraw, w: int, h: int, labels: tuple[str, ...], values: tuple[float, ...], family: str
) -> None:
    size = 16
    fnt = font(family, size)
    left, right, top = 70, w - 20, 30
    label_h = round(h * 0.2)
    bottom = h - label_h
    scale_top = axis_max(max(values + (0.0,)))
    for i in range(5):
        y = bottom - (bottom - top) * i / 4
        draw.line([(left, y), (right, y)], fill=GRID, width=1)
        tick = _number(scale_top * i / 4)
        draw.text((left - 8 - draw.textlength(tick, font=fnt), y - size / 2), tick, fill=LINE, font=fnt)
    draw.line([(left, top), (left, bottom), (right, bottom)], fill=LINE, width=2)
    slot = (right - left) / len(values)
    for i, (label, value) in enumerate(zip(labels, values)):
        x0 = left + slot * i + slot * 0.2
        x1 = left + slot * (i + 1) - slot * 0.2
        y = bottom - (bottom - top) * (value / scale_top if scale_top else 0)
        draw.rectangle((round(x0), round(y), round(x1), bottom), fill=BAR_FILL, outline=LINE)
        text = _number(value)
        draw.text(((x0 + x1) / 2 - draw.textlength(text, font=fnt) / 2, y - size - 4), text, fill=LINE, font=fnt)
        lines = wrap(draw, label, fnt, slot - 6)
        for j, line in enumerate(lines[:4]):
            draw.text(
                (left + slot * (i + 0.5) - draw.textlength(line, font=fnt) / 2, bottom + 6 + j * (size + 2)),
                line,
                fill=LINE,
                font=fnt,
            )


def _arrow_head(draw: ImageDraw.ImageDraw, tip: tuple[float, float], direction: str) -> None:
    x, y = tip
    d = 9
    points = {
        "right": [(x, y), (x - d, y - d / 1.6), (x - d, y + d / 1.6)],
        "down": [(x, y), (x - d / 1.6, y - d), (x + d / 1.6, y - d)],
    }[direction]
    draw.polygon(points, fill=LINE)


def _flow(draw: ImageDraw.ImageDraw, w: int, h: int, labels: tuple[str, ...], family: str) -> None:
    per_row = 4 if len(labels) > 4 else len(labels)
    rows = [labels[i : i + per_row] for i in range(0, len(labels), per_row)]
    gap_x = round(w * 0.05)
    box_w = (w - 24 - gap_x * (per_row - 1)) // per_row
    gap_y = round(h * 0.12)
    box_h = min(round(h * 0.3), (h - 24 - gap_y * (len(rows) - 1)) // len(rows))
    top0 = (h - (box_h * len(rows) + gap_y * (len(rows) - 1))) // 2
    left0 = (w - (box_w * per_row + gap_x * (per_row - 1))) // 2
    boxes = []
    for r, row in enumerate(rows):
        for c, label in enumerate(row):
            x0 = left0 + c * (box_w + gap_x)
            y0 = top0 + r * (box_h + gap_y)
            boxes.append((x0, y0, x0 + box_w, y0 + box_h))
            _box(draw, boxes[-1], label, family, 16)
    for i in range(len(boxes) - 1):
        a, b = boxes[i], boxes[i + 1]
        if b[1] == a[1]:  # same row
            y = (a[1] + a[3]) // 2
            draw.line([(a[2], y), (b[0] - 2, y)], fill=LINE, width=2)
            _arrow_head(draw, (b[0], y), "right")
        else:  # down to the first box of the next row
            mid_y = (a[3] + b[1]) // 2
            ax, bx = (a[0] + a[2]) // 2, (b[0] + b[2]) // 2
            draw.line([(ax, a[3]), (ax, mid_y), (bx, mid_y), (bx, b[1] - 2)], fill=LINE, width=2)
            _arrow_head(draw, (bx, b[1]), "down")


def draw(block: Block, width_cm: float, family: str) -> bytes:
    """The PNG of a figure block, `width_cm` x block.height cm at DPI."""
    w, h = px(width_cm), px(block.height or 8.0)
    image = Image.new("RGB", (w, h), (255, 255, 255))
    canvas = ImageDraw.Draw(image)
    if block.kind == "org_chart":
        _org_chart(canvas, w, h, block.labels, family)
    elif block.kind == "bar_chart":
        _bar_chart(canvas, w, h, block.labels, block.values, family)
    else:
        _flow(canvas, w, h, block.labels, family)
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(DPI, DPI))
    return out.getvalue()
