"""Characters that are not content, set aside on each page before words are formed.

A watermark ("DRAFT", "SALINAN", "RAHASIA") is drawn over the page: diagonally, or
upright in letters several times the body size. Left in, its letters join the words and
numbers under them ("AJumlah", "A100%", "TAHUN A 2025"). Two signs tell it from content,
each certain on its own page:

* a character turned by an angle that is not a multiple of 90° (body text, rotated
  landscape pages and vertical header text all sit on multiples of 90°);
* a character at least ``HUGE`` times the page's usual size that lies over smaller text
  (a cover title is large too, but stands clear of the text around it).

The characters set aside are kept as text spans (page, box) for the document's artifacts.
"""

from __future__ import annotations

import math
from statistics import median
from typing import Any

from auditor.model.document import BBox, TextSpan

ANGLE_TOLERANCE = 2.0  # degrees off a multiple of 90 still counted as straight
HUGE = 3.0  # times the page's median character size
HUGE_MIN = 30.0  # points: never huge below this, whatever the page's body size
STAMP_FRAME = 10.0  # a stamp's frame lies within this many points around its words


def _angle(char: dict[str, Any]) -> float:
    a, b = char["matrix"][0], char["matrix"][1]
    return math.degrees(math.atan2(b, a)) % 90.0


def is_diagonal(char: dict[str, Any]) -> bool:
    matrix = char["matrix"]
    if matrix[1] == 0 and matrix[2] == 0:
        return False  # upright or upside down: no angle to measure (most characters)
    angle = _angle(char)
    return min(angle, 90.0 - angle) > ANGLE_TOLERANCE


def _box(char: dict[str, Any]) -> BBox:
    return BBox(char["x0"], char["top"], char["x1"], char["bottom"])


def _overlaps(a: BBox, b: BBox) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.top < b.bottom and b.top < a.bottom


def _watermark_chars(chars: list[dict[str, Any]]) -> set[int]:
    """Indexes (in ``chars``) of the characters drawn as a watermark."""
    aside = {i for i, c in enumerate(chars) if is_diagonal(c)}
    if all(c["size"] < HUGE_MIN for c in chars):
        return aside  # nothing is huge on this page, whatever its body size (most pages)
    body = [c for i, c in enumerate(chars) if i not in aside and c["text"].strip()]
    if not body:
        return aside
    limit = max(HUGE * median(c["size"] for c in body), HUGE_MIN)
    huge = [i for i, c in enumerate(chars) if i not in aside and c["size"] >= limit]
    if huge:
        small = [_box(c) for c in body if c["size"] < limit]
        if any(_overlaps(_box(chars[i]), s) for i in huge for s in small):
            aside.update(huge)
    return aside


def _spans(chars: list[dict[str, Any]], page_no: int) -> list[TextSpan]:
    """The set-aside characters as spans: one per run of same-size characters in drawing order."""
    spans: list[TextSpan] = []
    run: list[dict[str, Any]] = []
    for c in [*chars, None]:
        if c is not None and (not run or abs(run[-1]["size"] - c["size"]) < 0.5 * run[-1]["size"]):
            run.append(c)
            continue
        if run and (text := "".join(ch["text"] for ch in run).strip()):
            box = _box(run[0])
            for ch in run[1:]:
                box = box.union(_box(ch))
            spans.append(TextSpan(text, page_no, box))
        run = [c] if c is not None else []
    return spans


def _within(obj: dict[str, Any], box: BBox) -> bool:
    return box.x0 <= obj["x0"] and obj["x1"] <= box.x1 and box.top <= obj["top"] and obj["bottom"] <= box.bottom


def _centred_in(obj: dict[str, Any], box: BBox) -> bool:
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return box.x0 <= cx <= box.x1 and box.top <= cy <= box.bottom


def set_aside(page: Any, page_no: int, stamps: list[BBox] | None = None) -> tuple[Any, list[TextSpan]]:
    """The page without its watermark characters, and those characters as spans.

    ``stamps`` (word boxes found by artifacts.find_stamps) are set aside too: the
    characters in them, and the lines and rectangles of their frame (wholly within
    ``STAMP_FRAME`` points around the words)."""
    chars = page.chars
    aside = _watermark_chars(chars)
    boxes = stamps or []
    if boxes:
        # The stamp's own letters: in its word boxes and of its size (text under it stays).
        aside |= {
            i
            for i, c in enumerate(chars)
            if any(
                _centred_in(c, b) and abs(c["size"] - (b.bottom - b.top)) <= 0.25 * (b.bottom - b.top) for b in boxes
            )
        }
    if not aside:
        return page, []
    marked = {id(chars[i]) for i in aside}
    if boxes:
        frame = boxes[0]
        for b in boxes[1:]:
            frame = frame.union(b)
        frame = BBox(
            frame.x0 - STAMP_FRAME, frame.top - STAMP_FRAME, frame.x1 + STAMP_FRAME, frame.bottom + STAMP_FRAME
        )
        marked |= {id(o) for kind in ("rect", "line", "curve") for o in page.objects.get(kind, []) if _within(o, frame)}
    kept = page.filter(lambda obj: id(obj) not in marked)
    return kept, _spans([chars[i] for i in sorted(aside)], page_no)
