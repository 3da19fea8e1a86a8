"""Rough text fitting for table header cells.

LibreOffice lays out a repeated header (w:tblHeader) on follow pages with the row
heights of the rows themselves, ignoring a vertically merged cell that needs more
room than its rows: on page 2+ the end of a tall rowspan header ("... Sub Kegiatan")
is clipped. Giving header rows an explicit minimum height that fits every header
cell avoids that. The estimate uses Helvetica-Bold advance widths (Liberation Sans
is metric-compatible; Liberation Serif is narrower, so the estimate only errs high).
"""

from __future__ import annotations

import math
import re

# Helvetica-Bold AFM advance widths in 1/1000 em.
_WIDTHS: dict[str, int] = {
    **dict(
        zip(
            "abcdefghijklmnopqrstuvwxyz",
            [
                556,
                611,
                556,
                611,
                556,
                333,
                611,
                611,
                278,
                278,
                556,
                278,
                889,
                611,
                611,
                611,
                611,
                389,
                556,
                333,
                611,
                556,
                778,
                556,
                556,
                500,
            ],
        )
    ),
    **dict(
        zip(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            [
                722,
                722,
                722,
                722,
                667,
                611,
                778,
                722,
                278,
                556,
                722,
                611,
                833,
                722,
                778,
                667,
                778,
                722,
                667,
                611,
                722,
                667,
                944,
                667,
                667,
                611,
            ],
        )
    ),
    **{d: 556 for d in "0123456789"},
    " ": 278,
    ".": 278,
    ",": 278,
    ":": 333,
    ";": 333,
    "/": 278,
    "-": 333,
    "(": 333,
    ")": 333,
    "%": 889,
    "=": 584,
    "+": 584,
    "&": 722,
    "'": 238,
    '"': 474,
}
_DEFAULT_WIDTH = 722  # unknown characters: assume wide
# Line height of single spacing in LibreOffice for Liberation fonts (ascent + descent
# is ~1.15 em), rounded up.
LINE_HEIGHT_EM = 1.2
# Break opportunities LibreOffice uses in header text: after spaces, slashes, hyphens.
_SEGMENT = re.compile(r"[^ /-]*[ /-]?")


def text_width_pt(text: str, size_pt: float) -> float:
    return sum(_WIDTHS.get(ch, _DEFAULT_WIDTH) for ch in text) * size_pt / 1000


def count_lines(text: str, width_pt: float, size_pt: float) -> int:
    """Lines `text` needs when wrapped greedily into `width_pt` (explicit newlines kept)."""
    return sum(_count_paragraph_lines(part, width_pt, size_pt) for part in text.split("\n"))


def _count_paragraph_lines(text: str, width_pt: float, size_pt: float) -> int:
    lines, used = 1, 0.0
    for segment in (s for s in _SEGMENT.findall(text) if s):
        seg_width = text_width_pt(segment.rstrip(" "), size_pt)
        if used and used + seg_width > width_pt:
            lines, used = lines + 1, 0.0
        if seg_width > width_pt:  # a word longer than the cell breaks mid-word
            extra = math.ceil(seg_width / width_pt) - 1
            lines, used = lines + extra, seg_width - extra * width_pt
        else:
            used += text_width_pt(segment, size_pt)
    return lines


def text_height_pt(text: str, width_pt: float, size_pt: float) -> float:
    return count_lines(text, width_pt, size_pt) * size_pt * LINE_HEIGHT_EM
