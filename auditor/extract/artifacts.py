"""Text that is not content: running headers and footers, and page numbers.

A line in the top or bottom margin band of a page that is a page number ("7", "iii",
"- 7 -", "Halaman 7 dari 40"), or whose wording (digits aside) comes back in the same
band on many pages ("Renja Kecamatan Parakan Tahun 2026"), is set aside before tables
and narrative are read: its words must not become a caption, a sentence or a heading.
The document keeps them as artifacts, with page and box.
"""

from __future__ import annotations

import re
from collections import Counter

from auditor.extract.page import PageLayout, Word
from auditor.model.document import BBox, TextSpan

BAND = 0.09  # share of the page height, top and bottom, where running text lives
MIN_PAGES = 3  # a running header repeats on at least this many pages ...
MIN_SHARE = 0.25  # ... and on at least this share of the document's pages
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:(?:halaman|hal\.?|page)\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})"
    r"(?:\s*(?:dari|of|/)\s*\d{1,4})?(?:\s*[-–—])?$",
    re.IGNORECASE,
)


def _band(span: TextSpan, layout: PageLayout) -> str | None:
    if span.bbox.bottom <= layout.height * BAND:
        return "top"
    if span.bbox.top >= layout.height * (1 - BAND):
        return "bottom"
    return None


_PAGE_WORDS = re.compile(r"\b(?:halaman|hal|page|dari|of)\b", re.IGNORECASE)


def _key(text: str) -> str:
    """The wording that repeats: exact, except that a line about pages ("Halaman 3 dari 40",
    "Dicetak ... Halaman 4 dari 14") repeats whatever its numbers. Captions that differ only
    by their number ("Tabel 2.1", "Tabel 2.2" atop table pages) do not repeat."""
    flat = re.sub(r"\s+", " ", text.strip().lower())
    return re.sub(r"\d+", "#", flat) if _PAGE_WORDS.search(flat) else flat


def strip_artifacts(layouts: list[PageLayout]) -> list[TextSpan]:
    """Remove running headers, footers and page numbers from the layouts' text lines
    (in place); return them."""
    seen: Counter[tuple[str, str]] = Counter()
    for layout in layouts:
        keys = {(band, _key(ln.text)) for ln in layout.lines if (band := _band(ln, layout))}
        seen.update(keys)
    floor = max(MIN_PAGES, MIN_SHARE * len(layouts))
    repeated = {k for k, n in seen.items() if n >= floor}
    removed: list[TextSpan] = [span for layout in layouts for span in layout.aside]
    for layout in layouts:
        drop = {
            i
            for i, ln in enumerate(layout.lines)
            if (band := _band(ln, layout))
            and (_PAGE_NUMBER.match(ln.text.strip()) or (band, _key(ln.text)) in repeated)
        }
        if drop:
            removed += [layout.lines[i] for i in sorted(drop)]
            _drop_lines(layout, drop)
    return removed


STAMP_SHARE = 0.5  # a stamp is on at least half the pages (and on MIN_PAGES) ...
STAMP_GRID = 6.0  # ... at the same place, within this many points, from a corner of the page


def _corners(box: BBox, width: float, height: float) -> list[tuple[str, int, int]]:
    """Where a word is, measured from each corner of its page: a stamp keeps its place
    from one corner on portrait and landscape pages alike."""
    return [
        (corner, round(dx / STAMP_GRID), round(dy / STAMP_GRID))
        for corner, dx, dy in (
            ("tl", box.x0, box.top),
            ("tr", width - box.x1, box.top),
            ("bl", box.x0, height - box.bottom),
            ("br", width - box.x1, height - box.bottom),
        )
    ]


def find_stamps(layouts: list[PageLayout]) -> dict[int, list[BBox]]:
    """Per page, the word boxes of a stamp ("SALINAN" in a frame at the top right): words printed
    at the same place of most pages, wherever on the page, tables included. Running headers
    and footers, whose line repeats in the margin band, are left to ``strip_artifacts``."""
    floor = max(MIN_PAGES, STAMP_SHARE * len(layouts))
    # Only a word on at least ``floor`` pages can be one: the others' places are not counted.
    pages_with: Counter[str] = Counter()
    for layout in layouts:
        pages_with.update({text.lower() for text, _ in layout.all_words if len(text) >= 3})
    common = {text for text, n in pages_with.items() if n >= floor}
    seen: Counter[tuple[str, str, int, int]] = Counter()
    for layout in layouts:
        seen.update(
            {
                (low, *k)
                for text, box in layout.all_words
                if (low := text.lower()) in common
                for k in _corners(box, layout.width, layout.height)
            }
        )
    stamps = {k for k, n in seen.items() if n >= floor}
    out: dict[int, list[BBox]] = {}
    if not stamps:
        return out
    for layout in layouts:
        hits = [
            box
            for text, box in layout.all_words
            if any((text.lower(), *k) in stamps for k in _corners(box, layout.width, layout.height))
        ]
        hits = [b for b in hits if not _in_running_line(b, layout)]
        if hits:
            out[layout.page] = hits
    return out


STAMP_WORDS = 3  # a margin line of at most this many words repeated on most pages may be a stamp


def _in_running_line(box: BBox, layout: PageLayout) -> bool:
    """The word belongs to a running header or footer line ("Rencana Kerja Kecamatan Parakan
    Tahun 2026"), which strip_artifacts sets aside; a stamp ("SALINAN") is a word or three."""
    if _band(TextSpan("", layout.page, box), layout) is None:
        return False
    cx, cy = (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2
    line = next(
        (ln for ln in layout.lines if ln.bbox.x0 <= cx <= ln.bbox.x1 and ln.bbox.top <= cy <= ln.bbox.bottom), None
    )
    return line is not None and len(line.text.split()) > STAMP_WORDS


def _drop_lines(layout: PageLayout, drop: set[int]) -> None:
    kept = [i for i in range(len(layout.lines)) if i not in drop]
    new_index = {old: new for new, old in enumerate(kept)}
    layout.lines = [layout.lines[i] for i in kept]
    words: list[tuple[Word, int]] = [(w, new_index[i]) for w, i in layout.words if i in new_index]
    layout.words = words
