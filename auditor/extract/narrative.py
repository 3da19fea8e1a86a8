"""Narrative text: meta, headings, sentences, lists, captions, and what they state
(Rupiah amounts, counts written with words, years).

Text outside tables is cut into blocks — heading, caption, list item, paragraph —
from line patterns and bold type; sentences are found inside blocks, and every
value found keeps the page and bounding box of its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from auditor.extract.page import PageLayout, Word
from auditor.extract.tables import kind_from_caption
from auditor.model.amounts import AmountError, parse_amount
from auditor.model.document import (
    BBox,
    Caption,
    ContentsEntry,
    Count,
    Heading,
    ListItem,
    Narrative,
    NarrativeList,
    Sentence,
    StatedAmount,
    Table,
    TextSpan,
    YearMention,
)
from auditor.model.numwords import roman, roman_value, words_to_number

_AMOUNT = re.compile(r"Rp\.?\s*(\d{1,3}(?:[.,]\s?\d{3})+(?:,\d{1,2}|,-)?|\d+)", re.IGNORECASE)
_AMOUNT_WORDS = re.compile(
    r"Rp\.?\s*(\d{1,3}(?:[.,]\s?\d{3})+)(?:,\d{1,2}|,-)?\s*\(\s*([A-Za-z][A-Za-z\s-]*?)\s*rupiah\s*\)", re.IGNORECASE
)
_SPLIT_MARK = re.compile(r"\b(terdiri\s+(?:dari|atas)|meliputi|yaitu|antara\s+lain|dengan\s+rincian)\b", re.IGNORECASE)
_TOTAL_WORDS = re.compile(r"\b(jumlah|total|pagu|dialokasikan|anggaran)\b", re.IGNORECASE)
_LABEL_STOP = re.compile(r"\b(sebesar|senilai|adalah|yaitu|terdiri\s+(?:dari|atas)|dan|serta|,)\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+(?=[A-Z(])")
_COUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d{1,4})\s*\(\s*([A-Za-z][A-Za-z ]*?)\s*\)\s*([A-Za-z][\w/-]*)?")
_YEAR = re.compile(r"(?<![\d.,/])((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?(?![\d.,]\d)")
_LEGAL = re.compile(r"\b(?:Nomor|No\.?)\s*:?\s*[\w./-]+\s+(?:Tahun|tahun)\s*$")
_HEADING_BAB = re.compile(r"^BAB\s+([IVX]+)\b\.?\s*:?\s*(.*)$", re.IGNORECASE)
_HEADING_NUM = re.compile(r"^(\d+(?:\.\d+)+)\.?\s+(\S.*)$")
# "A. Latar Belakang": sections lettered under their BAB, as many Renja write them. A
# program or kegiatan list item ("A. Program Penunjang ...") is not a section.
_HEADING_LETTER = re.compile(
    r"^([A-Z])\.\s+(?!(?:program|kegiatan|sub\s*kegiatan)\s+(?!dan\b)\w)(\S.*)$", re.IGNORECASE
)
_CAPTION = re.compile(r"^(?:TABEL|Tabel|GAMBAR|Gambar|T\s*[-.]?\s*C\b)\s*((?:\d+|[IVX]+)(?:\s*[.-]\s*\d+)+|\d+)?")
_MARKER = re.compile(r"^(?P<m>(?:[A-Za-z]|[IVXivx]{1,4}|\d{1,2})[.)]|[a-z]\)|[-•–])\s+(?P<t>\S.*)$")
_LAW_YEAR = re.compile(r"\d+\s+Tahun\s*$", re.IGNORECASE)
_LINE_GAP = 1.6  # a vertical gap over this many line heights ends a paragraph
_BARE_CAPTION = re.compile(r"^\s*(?:TABEL|GAMBAR)\s+[\dIVX]+(?:\s*[.-]\s*\d+)*\.?\s*$", re.IGNORECASE)


@dataclass
class _Block:
    kind: str  # heading | caption | list_item | paragraph | footer
    words: list[tuple[Word, int]] = field(default_factory=list)  # word, page
    marker: str = ""
    section: str | None = None
    label: str | None = None  # a lettered section's number as written: "B. (BAB II)"
    indent: float = 0.0  # x where a list item's text starts; its wrapped lines align there
    mark_x: float = 0.0  # x of a list item's marker

    @property
    def text(self) -> str:
        return " ".join(w.text for w, _ in self.words)


class _Flow:
    """A block's words as one string, with offsets back to words for locating matches.

    A word ending in a hyphen at the end of a line ("T-" then "C.32", "Perundang-" then
    "undangan") is joined to the next line's first word without a space: justified text
    breaks lines after hyphens."""

    def __init__(self, words: list[tuple[Word, int]]) -> None:
        parts: list[str] = []
        self.spans: list[tuple[int, int, Word, int]] = []
        pos = 0
        for i, (word, page) in enumerate(words):
            if i and not _hyphen_break(words[i - 1], (word, page)):
                parts.append(" ")
                pos += 1
            self.spans.append((pos, pos + len(word.text), word, page))
            parts.append(word.text)
            pos += len(word.text)
        self.text = "".join(parts)

    def locate(self, start: int, end: int) -> TextSpan:
        hits = [(w, p) for s, e, w, p in self.spans if s < end and e > start] or [
            (self.spans[-1][2], self.spans[-1][3])
        ]
        page = hits[0][1]
        box: BBox = hits[0][0].bbox
        for w, p in hits[1:]:
            if p == page:
                box = box.union(w.bbox)
        return TextSpan(re.sub(r"\s+", " ", self.text[start:end]), page, box)


def _hyphen_break(before: tuple[Word, int], after: tuple[Word, int]) -> bool:
    """``before`` ends a line with a word-hyphen and ``after`` starts the next line."""
    word, page = before
    nxt, next_page = after
    if len(word.text) < 2 or not word.text.endswith("-") or not word.text[-2].isalnum():
        return False
    return next_page != page or nxt.bbox.top > word.bbox.bottom - 1


def _lines(layouts: list[PageLayout]) -> list[tuple[list[Word], int, TextSpan]]:
    """Every narrative line in reading order: its words, page and span."""
    out: list[tuple[list[Word], int, TextSpan]] = []
    for layout in layouts:
        by_line: dict[int, list[Word]] = {}
        for word, line_i in layout.words:
            by_line.setdefault(line_i, []).append(word)
        for line_i, span in enumerate(layout.lines):
            words = by_line.get(line_i, [])
            if words:
                out.append((words, layout.page, span))
    return out


_CONTENTS_TITLE = re.compile(r"^DAFTAR\s+(ISI|TABEL|GAMBAR|GRAFIK|BAGAN|LAMPIRAN|SINGKATAN)\b\s*:?$", re.IGNORECASE)
# An entry's end: dot leaders (or just space) and a page number, arabic or roman.
_ENTRY_PAGE = re.compile(r"\s*(?:[.…·_]{2,}\s*)?\b(\d{1,3}|[ivxlc]{1,6})\s*$", re.IGNORECASE)
_ENTRY_START = re.compile(
    r"^(?:BAB\s+[IVX]+\b|\d{1,2}(?:\.\d{1,2})+\.?\s|\d{1,2}\.\s|TABEL\b|GAMBAR\b|GRAFIK\b|BAGAN\b|LAMPIRAN\b|DAFTAR\b|"
    r"KATA\s+PENGANTAR\b|[A-Z]\.\s)",
    re.IGNORECASE,
)
Line = tuple[list[Word], int, TextSpan]


def _entry_like(text: str) -> bool:
    m = _ENTRY_PAGE.search(text)
    return bool(m and text[: m.start()].strip())


def _contents(lines: list[Line]) -> tuple[set[int], list[ContentsEntry]]:
    """Lines of the front matter's tables of contents / lists of tables and figures.

    A region opens at a "DAFTAR ISI/TABEL/GAMBAR" title. Each following line that starts
    an entry ("BAB II ...", "2.1 ...", "Tabel 3.1 ...") or ends in a page number opens an
    entry; a line that does neither finishes the entry above it when that one has no page
    number yet (a wrapped title), else the body has begun. The region goes on over the
    next page when that page is mostly entries with page numbers.
    """
    skip: set[int] = set()
    entries: list[ContentsEntry] = []
    i = 0
    while i < len(lines):
        title = _CONTENTS_TITLE.match(lines[i][2].text.strip())
        if not title:
            i += 1
            continue
        listing = title.group(1).lower()
        skip.add(i)
        i += 1
        groups: list[list[int]] = []
        page = lines[i - 1][1]
        while i < len(lines) and not _CONTENTS_TITLE.match(lines[i][2].text.strip()):
            text = lines[i][2].text.strip()
            if lines[i][1] != page and not _page_of_entries(lines, i):
                break
            page = lines[i][1]
            open_entry = bool(groups) and not _entry_like(lines[groups[-1][-1]][2].text.strip())
            if open_entry and not _ENTRY_START.match(text) and len(groups[-1]) < 4:
                groups[-1].append(i)  # the entry's title wraps onto this line
            elif _ENTRY_START.match(text) or _entry_like(text):
                groups.append([i])
            else:
                break  # neither an entry nor the rest of one: the body
            skip.add(i)
            i += 1
        entries += [_entry(listing, lines, group) for group in groups]
    return skip, entries


def _page_of_entries(lines: list[Line], start: int) -> bool:
    """The page starting at ``start`` continues a table of contents: most lines are entries."""
    page = lines[start][1]
    texts = [ln[2].text.strip() for ln in lines[start:] if ln[1] == page]
    return bool(texts) and sum(_entry_like(t) for t in texts) * 2 >= len(texts)


def _entry(listing: str, lines: list[Line], parts: list[int]) -> ContentsEntry:
    text = " ".join(lines[j][2].text.strip() for j in parts)
    m = _ENTRY_PAGE.search(text)
    page_label = m.group(1) if m and text[: m.start()].strip() else None
    body = text[: m.start()] if m and page_label else text
    body = re.sub(r"[.…·_]{2,}", " ", body)
    span = lines[parts[0]][2]
    for j in parts[1:]:
        if lines[j][1] == span.page:
            span = TextSpan(span.text, span.page, span.bbox.union(lines[j][2].bbox), span.bold)
    return ContentsEntry(
        listing, re.sub(r"\s+", " ", body).strip(), page_label, TextSpan(text, span.page, span.bbox, span.bold)
    )


def _is_footer(span: TextSpan, layouts: list[PageLayout]) -> bool:
    layout = layouts[span.page - 1]
    return span.bbox.top > layout.height * 0.9 and bool(re.fullmatch(r"[\divxlIVXL-]+", span.text.strip()))


def _right_edges(layouts: list[PageLayout]) -> dict[int, float]:
    """Each page's text column right edge (the furthest narrative line end)."""
    return {lay.page: max((ln.bbox.x1 for ln in lay.lines), default=0.0) for lay in layouts}


def _blocks(layouts: list[PageLayout], lines: list[Line], skip: set[int]) -> list[_Block]:
    blocks: list[_Block] = []
    section: str | None = None
    chapter: int | None = None  # the BAB the text is in, for lettered sections
    prev_span: TextSpan | None = None
    right = _right_edges(layouts)
    for line_i, (words, page, span) in enumerate(lines):
        text = span.text.strip()
        if line_i in skip or _is_footer(span, layouts):
            continue
        pairs = [(w, page) for w in words]
        near = prev_span is not None and (
            prev_span.page != page
            or span.bbox.top - prev_span.bbox.bottom < _LINE_GAP * (span.bbox.bottom - span.bbox.top)
        )
        # A wrapped line runs to the right edge; a short line ends its paragraph or item.
        prev_full = prev_span is not None and prev_span.bbox.x1 >= right[prev_span.page] - 0.12 * (
            right[prev_span.page] - 40.0
        )
        last = blocks[-1] if blocks else None
        heading = _HEADING_BAB.match(text) or (span.bold and _HEADING_NUM.match(text))
        lettered = span.bold and chapter is not None and not heading and _HEADING_LETTER.match(text)
        marker = _MARKER.match(text)
        if (
            span.bold
            and last is not None
            and last.kind == "caption"
            and near
            and prev_span is not None
            and prev_span.bold
            and _BARE_CAPTION.match(last.text)
        ):
            last.words.extend(pairs)  # "Tabel 2.1" alone on its line, the title on the next
        elif span.bold and heading:
            section = _section_number(text)
            bab = _HEADING_BAB.match(text)
            chapter = roman_value(bab.group(1).upper()) if bab else chapter
            blocks.append(_Block("heading", pairs, section=section))
        elif lettered and chapter is not None:
            letter = lettered.group(1).upper()
            section = f"{chapter}.{ord(letter) - ord('A') + 1}"
            blocks.append(_Block("heading", pairs, section=section, label=f"{letter}. (BAB {roman(chapter)})"))
        elif (
            _CAPTION.match(text)
            and (span.bold or kind_from_caption(text))
            and not _runs_on(last, span, prev_span, near, prev_full)
        ):
            blocks.append(_Block("caption", pairs, section=section))
        elif (
            span.bold
            and last is not None
            and last.kind in ("heading", "caption")
            and near
            and prev_span
            and prev_span.bold
            and not marker
        ):
            last.words.extend(pairs)  # a heading or caption wrapped onto a second line (not "1. Sub-section")
        elif marker:
            indent = words[1].bbox.x0 if len(words) > 1 else words[0].bbox.x1
            blocks.append(
                _Block(
                    "list_item",
                    pairs,
                    marker=marker.group("m"),
                    section=section,
                    indent=indent,
                    mark_x=words[0].bbox.x0,
                )
            )
        elif (
            last is not None
            and last.kind in ("paragraph", "list_item")
            and near
            and prev_full
            and not span.bold
            and (last.kind == "paragraph" or words[0].bbox.x0 >= last.indent - 2.0)
        ):
            last.words.extend(pairs)  # the paragraph or item wraps onto this line
        elif (
            last is not None
            and last.kind == "list_item"
            and not last.marker
            and near
            and prev_full
            and not span.bold
            and words[0].bbox.x0 < last.indent - 2.0
        ):
            # An indented first line wrapping back to the margin: a paragraph after the list.
            last.kind = "paragraph"
            last.words.extend(pairs)
        elif last is not None and last.kind == "list_item" and near and words[0].bbox.x0 >= last.mark_x - 2.0:
            # An item whose marker the author left out, inside a list.
            x = words[0].bbox.x0
            blocks.append(_Block("list_item", pairs, marker="", section=section, indent=x, mark_x=x))
        else:
            blocks.append(_Block("paragraph", pairs, section=section))
        prev_span = span
    return blocks


def _runs_on(last: _Block | None, span: TextSpan, prev: TextSpan | None, near: bool, prev_full: bool) -> bool:
    """A plain line that carries on the sentence above ("... disajikan pada" / "Tabel 2.5
    (T-C.30). Cakupan ...") is running text that happens to start with a table name."""
    return (
        last is not None
        and last.kind in ("paragraph", "list_item")
        and prev is not None
        and near
        and prev_full
        and not span.bold
        and not prev.bold
        and not re.search(r"[.:;]\s*$", prev.text)
    )


def _section_number(text: str) -> str | None:
    m = _HEADING_BAB.match(text)
    if m:
        return m.group(1).upper()
    m = _HEADING_NUM.match(text)
    return m.group(1) if m else None


def _label(before: str) -> str:
    """Words naming an amount: the tail of the text before it, minus linking words."""
    tail = before
    for _ in range(3):
        tail = _LABEL_STOP.sub("", tail.rstrip()).rstrip()
    picked: list[str] = []
    for w in reversed(re.split(r"\s+", tail.strip())[-8:]):
        if re.search(r"\d", w) or w.lower() in {"dari", "atas", "terdiri", "yaitu", "meliputi"}:
            break
        picked.append(w)
    label = list(reversed(picked))
    while label and label[0].lower() in {"dan", "serta", "untuk", "yang"}:
        label.pop(0)
    return " ".join(label)


def _last_year(text: str) -> tuple[int, int] | None:
    """The last year or year range named in ``text``, not counting the years of legal
    references ("Nomor 86 Tahun 2017")."""
    found = [m for m in _YEAR.finditer(text) if not _LAW_YEAR.search(text[: m.start()])]
    if not found:
        return None
    first, last = found[-1].group(1), found[-1].group(2) or found[-1].group(1)
    return int(first), int(last)


def _amounts(flow: _Flow, s0: int, sentence: str, sid: int) -> list[StatedAmount]:
    found: list[StatedAmount] = []
    split = _SPLIT_MARK.search(sentence)
    clean = re.sub(r"\s+", " ", sentence).strip()
    prev_end = 0
    for i, m in enumerate(_AMOUNT.finditer(sentence)):
        try:
            value = parse_amount(m.group(0))
        except AmountError:
            continue
        if value is None:
            continue
        before = sentence[prev_end : m.start()]
        total_word = _TOTAL_WORDS.search(before)
        label = _label(before)
        # After "terdiri dari / meliputi" an amount is a part when a name stands before it
        # ("meliputi Belanja Pegawai sebesar Rp ..."), not when the mark only introduces the
        # total itself ("yaitu sebesar Rp ...").
        if split and m.start() > split.end() and (i > 0 or _label(sentence[split.end() : m.start()])):
            role = "component"
        elif total_word:
            role = "total"
            # Name a total by its subject ("Jumlah Anggaran yang ..."), not the verb before it.
            label = " ".join(re.split(r"\s+", before[total_word.start() :].strip())[:4])
            label = re.split(r"\s+(?:yang|untuk|sebesar|direncanakan)\b", label)[0]
        else:
            role = "other"
        found.append(
            StatedAmount(
                value,
                flow.locate(s0 + m.start(), s0 + m.end()),
                label,
                role,
                clean,
                sid,
                _last_year(sentence[: m.start()]),
            )
        )
        prev_end = m.end()
    return found


def _counts(flow: _Flow, s0: int, sentence: str, sid: int) -> list[Count]:
    out: list[Count] = []
    for m in _COUNT.finditer(sentence):
        words = m.group(2).strip()
        words_value = words_to_number(words)
        if words_value is None and not re.search(
            r"\b(satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|puluh|belas|ratus)\b",
            words,
            re.IGNORECASE,
        ):
            continue  # "(Rp.000)", "(LKjIP)": not a number in words
        value = int(m.group(1).replace(".", ""))
        out.append(Count(value, words, words_value, m.group(3) or "", flow.locate(s0 + m.start(), s0 + m.end()), sid))
    # An amount spelled out after its figure: "Rp8.815.080.000,00 (delapan miliar ... rupiah)".
    for m in _AMOUNT_WORDS.finditer(sentence):
        words = re.sub(r"\s+", " ", m.group(2)).strip()
        words_value = words_to_number(words)
        if words_value is not None:
            value = int(re.sub(r"\D", "", m.group(1)))
            out.append(Count(value, words, words_value, "rupiah", flow.locate(s0 + m.start(), s0 + m.end()), sid))
    return out


def _years_in(text: str, locate, context: str, **where: str | None) -> list[YearMention]:
    out: list[YearMention] = []
    for m in _YEAR.finditer(text):
        start_year = int(m.group(1))
        end_year = int(m.group(2)) if m.group(2) else None
        legal = bool(_LEGAL.search(text[: m.start()]))
        out.append(
            YearMention(
                year=start_year,
                context=context,
                text=re.sub(r"\s+", " ", text).strip(),
                span=locate(m.start(), m.end()),
                legal=legal,
                period=(start_year, end_year) if end_year else None,
                **where,
            )
        )
    return out


def _table_years(tables: list[Table]) -> list[YearMention]:
    """Years in table captions, headers and cells (activity names, titles)."""
    out: list[YearMention] = []
    for table in tables:
        first_cell = next((c for r in table.rows for c in r.cells.values()), None)
        for key, header in table.column_headers.items():
            if first_cell is not None:
                span = TextSpan(header, table.pages[0], first_cell.bbox)
                out += _years_in(header, lambda a, b, s=span: s, "table_header", table=table.kind, column=key)
        for row in table.rows:
            for key, cell in [*row.cells.items(), *[kv for sub in row.sub_rows for kv in sub.items()]]:
                if key in ("code", "amount", "amount_next", "pagu", "kebutuhan_dana") or not _YEAR.search(cell.text):
                    continue
                span = TextSpan(cell.text, cell.page, cell.bbox)
                out += _years_in(
                    cell.text, lambda a, b, s=span: s, "table_cell", table=table.kind, column=key, code=row.code
                )
    return out


def _lists(blocks: list[_Block]) -> list[NarrativeList]:
    """Runs of list items; depth follows the order in which marker styles appear."""
    lists: list[NarrativeList] = []
    current: NarrativeList | None = None
    styles: list[str] = []
    for block in blocks:
        if block.kind != "list_item":
            if block.kind != "paragraph" or len(block.text) > 200:
                current = None
            continue
        if current is None or current.section != block.section:
            current = NarrativeList(block.section, [])
            lists.append(current)
            styles = []
        flow = _Flow(block.words)
        text = block.text[len(block.marker) :].strip()
        if block.marker:
            style = _marker_style(block.marker)
            if style not in styles:
                styles.append(style)
            depth = styles.index(style) + 1
        else:
            # No marker: one level below the item above, within the depths in use.
            above = current.items[-1].depth if current.items else 1
            depth = min(above + 1, max(len(styles), 1))
        current.items.append(ListItem(block.marker, text, depth, flow.locate(0, len(flow.text))))
    return lists


def _marker_style(marker: str) -> str:
    core, end = marker.rstrip(".)"), marker[-1]
    if re.fullmatch(r"[IVX]+", core):
        return "roman-upper"
    if re.fullmatch(r"[ivx]{2,}", core):
        return "roman-lower"
    if core.isdigit():
        return "digit" + end
    if core.isalpha() and core.isupper():
        return "alpha-upper"
    if core.isalpha():
        return "alpha-lower" + end
    return "bullet"


def read_narrative(layouts: list[PageLayout], tables: list[Table]) -> Narrative:
    lines = _lines(layouts)
    skip, contents = _contents(lines)
    blocks = _blocks(layouts, lines, skip)
    headings: list[Heading] = []
    sentences: list[Sentence] = []
    amounts: list[StatedAmount] = []
    counts: list[Count] = []
    years: list[YearMention] = []
    captions: list[Caption] = []
    for block in blocks:
        flow = _Flow(block.words)
        whole = flow.locate(0, len(flow.text))
        if block.kind == "heading":
            text = flow.text
            m = _HEADING_BAB.match(text) or _HEADING_NUM.match(text) or (block.label and _HEADING_LETTER.match(text))
            level = 1 if _HEADING_BAB.match(text) else (block.section or "").count(".") + 1
            title = m.group(2) if m else text
            headings.append(Heading(level, block.section or "", title.strip(), whole, block.label))
            years += _years_in(text, flow.locate, "heading")
            continue
        if block.kind == "caption":
            m = _CAPTION.match(flow.text)
            kind = kind_from_caption(flow.text) or _table_of(flow.text, whole.page, tables)
            captions.append(Caption(m.group(1) if m else None, kind, flow.text, whole))
            years += _years_in(flow.text, flow.locate, "caption")
            continue
        # A list item's marker ("2.") is not a sentence of its own.
        marker = len(block.marker) if block.kind == "list_item" else 0
        for m_start, m_end in _sentence_spans(flow.text, marker):
            sentence = flow.text[m_start:m_end]
            if not sentence.strip():
                continue
            sid = len(sentences)
            span = flow.locate(m_start, m_end)
            sentences.append(Sentence(sid, re.sub(r"\s+", " ", sentence).strip(), block.section, block.kind, span))
            amounts += _amounts(flow, m_start, sentence, sid)
            counts += _counts(flow, m_start, sentence, sid)
            context = "list_item" if block.kind == "list_item" else "sentence"
            years += _years_in(sentence, lambda a, b, o=m_start: flow.locate(o + a, o + b), context)
    return Narrative(
        lines=[ln for layout in layouts for ln in layout.lines],
        stated_amounts=amounts,
        headings=headings,
        sentences=sentences,
        counts=counts,
        years=years + _table_years(tables),
        lists=_lists(blocks),
        captions=captions,
        contents=contents,
    )


def _table_of(caption: str, page: int, tables: list[Table]) -> str | None:
    """The kind of the table this caption belongs to (told by its header words): the table
    it stands over, or the one it is printed under (on that table's last page)."""
    words = re.sub(r"\s+", " ", caption).strip()
    for table in tables:
        near = table.pages and (table.pages[0] in (page, page + 1) or page in table.pages)
        if near and words and words in re.sub(r"\s+", " ", table.caption):
            return table.kind
    return None


def _sentence_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    while start < len(text) and text[start] == " ":
        start += 1
    for m in _SENTENCE_END.finditer(text, start):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out
