"""Words as OCR reads them from a scanned table, with its usual misreadings undone.

Used for Tesseract's words (extract/pdf/ocr.py) and for the words of a text layer an earlier
OCR left in a scanned PDF (extract/pdf/layout.py).
"""

from __future__ import annotations

import re

# Stray marks OCR reads beside a number: remnants of a cell's rule, a speck before it.
_EDGE_MARKS = "|!][{}"
_GROUPED = re.compile(r"^(\d+)((?:[.,]\d{3})+)$")
NOISE_CONFIDENCE = 15.0  # a word of one or two marks read below this is a speck
_CODE_MARKED = re.compile(r"\d+(?:\.\d+){2,}[,;:'`]")
_SPECKS = {".", ",", "'", "`", "‘", "’", "~", "_", "..."}  # a dot of dust read as a word of its own


def repair(text: str, conf: float) -> tuple[str, float]:
    """A word as OCR read it, with the misreadings of scanned numbers undone, and its
    confidence (lowered where the text was changed, so findings on it say "check the scan").

    * specks: one or two characters read with almost no confidence, and a lone dot or
      comma, are dropped;
    * a bar on its own is the roman one of "BAB I"; a lone unsure mark (":", "&") goes,
      and so does a mark glued before a number ("-14650000");
    * rule remnants around a number ("11480.000|") and a mark after a code are cut off;
    * a thousands mark lost in the first group ("191400.000", "2818.570.000": every later
      group has three digits, the first more than three), or read as the other mark
      ("2.684,352.000"), is a number without marks.
      Codes (groups of one, two or four digits) and decimals ("88,89") are left alone.
    """
    if (conf < NOISE_CONFIDENCE and len(text) <= 2) or text in _SPECKS:
        return "", conf
    if text in ("|", "l") and conf < 90:  # a capital I on its own ("BAB |") is read as a bar
        return "I", min(conf, 50.0)
    if len(text) == 1 and not text.isalnum() and text not in "-%()" and conf < 60:
        return "", conf  # a lone mark beside a value (":", "&", "*") is a speck
    if re.fullmatch(r"[-:;'`*]+\d[\d.,]*", text):
        text, conf = text.lstrip("-:;'`*"), min(conf, 50.0)  # "-14650000", ":27.300.000"
    if any(ch.isdigit() for ch in text):
        stripped = text.strip(_EDGE_MARKS).lstrip(".,")
        if _CODE_MARKED.fullmatch(stripped):
            stripped = stripped[:-1]  # a speck after a code ("7.01.06.2.01.0001,")
        if stripped != text:
            text, conf = stripped, min(conf, 50.0)
        m = _GROUPED.match(text)
        if m and (len(m.group(1)) > 3 or ("." in m.group(2) and "," in m.group(2))):
            # "191400.000", "2.684,352.000": thousands marks lost or misread
            text, conf = re.sub(r"[.,]", "", text), min(conf, 50.0)
    return text, conf
