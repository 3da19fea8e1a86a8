"""Colours, sizes and fonts of the marks and notes of the annotated PDF."""

from __future__ import annotations

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
ASCII_FALLBACK = {
    "\u2260": "!=",
    "\u2192": "->",
    "\u2190": "<-",
    "\u2194": "<->",
    "\u21d2": "=>",
    "\u2265": ">=",
    "\u2264": "<=",
    "\u2212": "-",
    "\u2248": "~",
    "\u2026": "...",
    "\u2713": "v",
    "\u2717": "x",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u200b": "",
    "\u2010": "-",
    "\u2011": "-",
    "\u2032": "'",
    "\u2033": '"',
    "\u221e": "inf",
}
