"""A page's characters grouped into words, exactly as pdfplumber's ``extract_words`` groups
them with the settings layout.py uses, in a fraction of its time.

pdfplumber's WordExtractor is general (any direction, ratios, punctuation splits) and pays
for it per character: a generator, a method call and a dict comparison each. This is the
same algorithm for our one setting (x and y tolerance 3, blanks not kept, no text flow,
words split where the font changes), written as flat loops:

* consecutive characters with the same uprightness and font form a group;
* an upright group is cut into lines by clustering the characters' tops (each value within
  the tolerance of the previous one joins its line), a rotated group by their x0, and
  each line is ordered along the text: by x0 (upright) or by top (rotated), stably;
* along a line, a space ends the word (and is dropped), and so does a character that
  starts before the last one or more than the tolerance past its end, or whose line
  position differs from the last one's by more than the tolerance.

tests/test_words.py checks that every page of every sample gives pdfplumber's very words.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from pdfplumber.utils.text import LIGATURES

TOLERANCE = 3.0  # pdfplumber's default x and y tolerance, which layout.py keeps

Char = dict[str, Any]


def extract_words(chars: list[Char]) -> list[dict[str, Any]]:
    """``pdfplumber.utils.extract_words(chars, extra_attrs=["fontname"], return_chars=True)``."""
    words: list[dict[str, Any]] = []
    start = 0
    n = len(chars)
    while start < n:
        first = chars[start]
        upright, font = first["upright"], first["fontname"]
        end = start + 1
        while end < n and chars[end]["upright"] == upright and chars[end]["fontname"] == font:
            end += 1
        group = chars[start:end]
        if upright:
            for line in _lines(group, "top"):
                line.sort(key=_x0)
                _words(line, "x0", "x1", "top", words)
        else:
            for line in _lines(group, "x0"):
                line.sort(key=_top_bottom)
                _words(line, "top", "bottom", "x0", words)
        start = end
    return words


_x0 = itemgetter("x0")
_top_bottom = itemgetter("top", "bottom")


def _lines(group: list[Char], key: str) -> list[list[Char]]:
    """pdfplumber's cluster_objects(group, key, TOLERANCE): lines in order of position, each
    holding its characters in their order in ``group``."""
    values = sorted({c[key] for c in group})
    cluster: dict[float, int] = {}
    i = 0
    last = values[0]
    for v in values:
        if v > last + TOLERANCE:
            i += 1
        cluster[v] = i
        last = v
    lines: list[list[Char]] = [[] for _ in range(i + 1)]
    for c in group:
        lines[cluster[c[key]]].append(c)
    return lines


def _words(line: list[Char], lo: str, hi: str, across: str, out: list[dict[str, Any]]) -> None:
    """Cut one ordered line into words: ``lo``/``hi`` are a character's start and end along
    the text, ``across`` its position across it."""
    word: list[Char] = []
    for c in line:
        text = c["text"]
        if text.isspace() or not text:
            if word:
                out.append(_merge(word))
                word = []
            if not text:  # pdfplumber: "" is "in" its (empty) punctuation list, a word of its own
                out.append(_merge([c]))
            continue
        if word:
            prev = word[-1]
            if c[lo] < prev[lo] or c[lo] > prev[hi] + TOLERANCE or abs(c[across] - prev[across]) > TOLERANCE:
                out.append(_merge(word))
                word = [c]
                continue
        word.append(c)
    if word:
        out.append(_merge(word))


def _merge(chars: list[Char]) -> dict[str, Any]:
    """pdfplumber's merge_chars, with the keys layout.py reads."""
    first = chars[0]
    if len(chars) == 1:
        x0, top, x1, bottom = first["x0"], first["top"], first["x1"], first["bottom"]
        text = first["text"]
        text = LIGATURES.get(text, text or "")
    else:
        x0, top, x1, bottom = first["x0"], first["top"], first["x1"], first["bottom"]
        for c in chars:
            if c["x0"] < x0:
                x0 = c["x0"]
            if c["top"] < top:
                top = c["top"]
            if c["x1"] > x1:
                x1 = c["x1"]
            if c["bottom"] > bottom:
                bottom = c["bottom"]
        text = "".join([LIGATURES.get(c["text"], c["text"] or "") for c in chars])
    return {
        "text": text,
        "x0": x0,
        "x1": x1,
        "top": top,
        "doctop": top + (first["doctop"] - first["top"]),
        "bottom": bottom,
        "upright": first["upright"],
        "height": bottom - top,
        "width": x1 - x0,
        "fontname": first["fontname"],
        "chars": chars,
    }
