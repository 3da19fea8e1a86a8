"""Widths of the standard PDF fonts (the AFM metrics pdfminer ships), for laying out text
without a renderer: Word pages made up for reading (extract/docx) and the notes pages of
the annotated PDF (report/pdf)."""

from __future__ import annotations

from pdfminer.fontmetrics import FONT_METRICS

MISSING_WIDTH = 556  # a character the font does not list: Helvetica's digit width


def glyph_widths(font: str) -> dict[str, int]:
    """Width of each character in thousandths of the font size ("Helvetica-Bold", "Times-Roman")."""
    return FONT_METRICS[font][1]


def text_width(text: str, size: float, font: str) -> float:
    """Width in points of ``text`` set in ``font`` at ``size`` points, without kerning."""
    widths = glyph_widths(font)
    return sum(widths.get(ch, MISSING_WIDTH) for ch in text) * (size / 1000.0)
