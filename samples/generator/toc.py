"""Tables of contents (`toc` blocks): their entries, and the page numbers found in a PDF.

A contents line is its text, a dot leader and the page number *as printed* on the page
where its target (a heading or caption) stands: roman in the front matter, arabic in the
body. Word would compute that with PAGEREF fields; a document rendered in parts (Writer,
Calc, Chromium) cannot, so the generator renders twice (see __main__): first with a
placeholder number, then with the numbers read from that PDF, and again if the pagination
moved.

Finding a target in a PDF: headings and captions are the document's bold text, body text
and contents entries are not, so a target is looked up in the bold text of each page
(letters and digits only, case-folded), pages searched in the order the targets stand in
the body. The printed number of a page is the number in its footer, the lowest line of
the page; a page without one (a spliced part with its own footer) continues the arabic
count of the page before.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from .spec import Block, Spec, TocEntry

log = logging.getLogger(__name__)

# Printed where a page number is not known yet; two digits, as wide as most real numbers.
PLACEHOLDER = "00"
# Printed when a target was not found in the PDF (a warning says which).
UNKNOWN = "?"
PT_PER_CM = 72 / 2.54
FOOTER_ZONE_CM = 2.2  # the footer line lies this close to the bottom edge (page margins are 1.5-2 cm)
# A caption's first line that only numbers the table ("Tabel 2.1", "TABEL 3.4 T-C.33"): its
# contents entry takes the title line below it too.
_NUMBER_ONLY = re.compile(r"^\s*tabel\s+[0-9A-Za-z.\-]+(?:\s+T\s*-?\s*C\s*\.?\s*\d+)?\s*[.:]?\s*$", re.IGNORECASE)
_LEADER = re.compile(r"\.{4,}|…")
_PAGE_NUMBER = re.compile(r"^(\d+|[ivxlcdm]+)$", re.IGNORECASE)
# Dashes some offices print around the number ("- 5 -", section page_format).
_NUMBER_DASHES = " -\u2013\u2014"
# A word some offices print before the number ("Hal. 5", "Halaman 5", section page_format).
_NUMBER_PREFIX = re.compile(r"^(?:hal(?:aman)?|hlm)\.?\s*", re.IGNORECASE)
_NOT_WORD = re.compile(r"\s+")


def key(text: str) -> str:
    """What text is matched on: case-folded, without any whitespace (PDF text spacing varies)."""
    return _NOT_WORD.sub("", text).casefold()


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- entries


def caption_entry(lines: Sequence[str]) -> str | None:
    """The contents text of a table caption, or None when it is not a "Tabel ..." caption.

    The first line, plus the title line below it when the first line only numbers the table.
    """
    written = [line for line in lines if line.strip()]
    if not written or not written[0].strip().lower().startswith("tabel"):
        return None
    if _NUMBER_ONLY.match(written[0]) and len(written) > 1:
        return _one_line(f"{written[0]} {written[1]}")
    return _one_line(written[0])


def table_captions(spec: Spec) -> list[list[str]]:
    """Caption lines of every placed table, in body order: a caption block directly above
    the table block and the table's own caption."""
    out: list[list[str]] = []
    previous: Block | None = None
    for block in spec.body:
        if block.type == "table":
            lines = list(previous.lines) if previous is not None and previous.type == "caption" else []
            lines += spec.tables[block.ref or ""].caption
            out.append(lines)
        previous = block
    return out


def derive_entries(spec: Spec, block: Block) -> tuple[TocEntry, ...]:
    """The entries a toc block lists when the spec does not write them."""
    if block.of == "headings":
        return tuple(
            TocEntry(_one_line(b.text or ""), _one_line(b.text or ""), b.level)
            for b in spec.body
            if b.type == "heading" and (b.level or 1) <= (block.level or 2)
        )
    if block.of == "tables":
        texts = [caption_entry(lines) for lines in table_captions(spec)]
        return tuple(TocEntry(t, t, 1) for t in texts if t)
    texts = [_one_line(" ".join(line for line in b.lines if line)) for b in spec.body if b.type == "figure"]
    return tuple(TocEntry(t, t, 1) for t in texts if t)


def _heading_levels(spec: Spec) -> dict[str, int]:
    levels: dict[str, int] = {}
    for b in spec.body:
        if b.type == "heading":
            levels.setdefault(key(b.text or ""), b.level or 1)
    return levels


def resolve(spec: Spec, numbers: Mapping[str, str] | None = None) -> Spec:
    """`spec` with every toc block resolved: its entries listed and numbered.

    `numbers` maps a target text to its printed page; without it unresolved blocks get
    the placeholder and resolved ones are kept (a part of a composite document must not
    re-derive its entries from its own part of the body).
    """
    if not any(b.type == "toc" for b in spec.body):
        return spec
    if numbers is None and all(b.resolved for b in spec.body if b.type == "toc"):
        return spec
    levels = _heading_levels(spec)
    body = []
    for block in spec.body:
        if block.type == "toc" and (numbers is not None or not block.resolved):
            entries = block.entries or derive_entries(spec, block)
            block = replace(
                block,
                resolved=True,
                entries=tuple(
                    replace(
                        e,
                        level=e.level if e.level is not None else levels.get(key(e.target), 1),
                        page=(e.page or PLACEHOLDER) if numbers is None else numbers.get(e.target, UNKNOWN),
                    )
                    for e in entries
                ),
            )
        body.append(block)
    return replace(spec, body=tuple(body))


def has_contents(spec: Spec) -> bool:
    return any(b.type == "toc" for b in spec.body)


def _anchors(spec: Spec) -> list[str]:
    """Keys of the body's printed titles in reading order (where targets can stand)."""
    out: list[str] = []
    captions = iter(table_captions(spec))
    for block in spec.body:
        if block.type in ("heading", "toc"):
            out.append(key(block.text or ""))
        elif block.type in ("caption", "cover", "signature", "figure"):
            out.append(key(" ".join(block.lines)))
        elif block.type == "table":
            out.append(key(" ".join(next(captions))))
    return out


def targets(spec: Spec) -> list[str]:
    """Every toc target of a resolved spec, in the order they stand in the body."""
    anchors = _anchors(spec)
    found: dict[str, float] = {}
    for block in spec.body:
        if block.type != "toc":
            continue
        for entry in block.entries:
            k = key(entry.target)
            position = next((i for i, a in enumerate(anchors) if k and k in a), float("inf"))
            found.setdefault(entry.target, position)
    return sorted(found, key=lambda t: found[t])


# --------------------------------------------------------------------------- the PDF


def read_pages(pdf: str | Path) -> tuple[list[str], list[str | None]]:
    """Per page: the key of its bold text (contents lines left out) and its printed number."""
    import pdfplumber  # only needed when a document has a table of contents

    bold_keys: list[str] = []
    footers: list[str | None] = []
    with pdfplumber.open(str(pdf)) as doc:
        for page in doc.pages:
            bold = page.filter(
                lambda obj: obj.get("object_type") == "char" and "bold" in str(obj.get("fontname", "")).lower()
            )
            lines = [line["text"] for line in bold.extract_text_lines() if not _LEADER.search(line["text"])]
            bold_keys.append(key(" ".join(lines)))
            footers.append(_footer_number(page))
    return bold_keys, printed_numbers(footers)


def _footer_number(page) -> str | None:  # type: ignore[no-untyped-def]
    """The page number printed centred in the footer: the lowest line, if it is a number."""
    words = page.extract_words()
    if not words:
        return None
    lowest = max(w["bottom"] for w in words)
    if lowest < page.height - FOOTER_ZONE_CM * PT_PER_CM:
        return None
    line = [w for w in words if w["bottom"] > lowest - 2]
    text = " ".join(w["text"] for w in sorted(line, key=lambda w: w["x0"])).strip(_NUMBER_DASHES)
    text = _NUMBER_PREFIX.sub("", text)
    centre = (min(w["x0"] for w in line) + max(w["x1"] for w in line)) / 2
    if _PAGE_NUMBER.match(text) and abs(centre - page.width / 2) < 2 * PT_PER_CM:
        return text
    return None


def printed_numbers(footers: Sequence[str | None]) -> list[str | None]:
    """Footer numbers, gaps after an arabic number filled by counting on."""
    out: list[str | None] = []
    for number in footers:
        if number is None and out and out[-1] is not None and out[-1].isdigit():
            number = str(int(out[-1]) + 1)
        out.append(number)
    return out


def next_page_number(pdf: str | Path, fallback: int) -> int:
    """The arabic number the page after `pdf`'s last one gets (for a part that follows);
    `fallback` when the last page prints no arabic number."""
    _, numbers = read_pages(pdf)
    last = numbers[-1] if numbers else None
    return int(last) + 1 if last is not None and last.isdigit() else fallback


def locate(pdf: str | Path, wanted: Iterable[str]) -> dict[str, str]:
    """Printed page number of each target text (in body order) found in `pdf`."""
    bold_keys, numbers = read_pages(pdf)
    out: dict[str, str] = {}
    cursor = 0
    for target in wanted:
        k = key(target)
        pages = range(len(bold_keys))
        page = next((p for p in pages[cursor:] if k and k in bold_keys[p]), None)
        if page is None:
            page = next((p for p in pages if k and k in bold_keys[p]), None)
        if page is None:
            log.warning("%s: contents target %r not found in the PDF", Path(pdf).name, target)
            continue
        cursor = page
        number = numbers[page]
        if number is None:
            log.warning("%s: page %d (of %r) prints no page number", Path(pdf).name, page + 1, target)
            continue
        out[target] = number
    return out
