"""Narrative text: document meta (plan year, unit, region) and stated Rupiah amounts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.extract.layout import PageLayout, Word
from auditor.model.amounts import AmountError, parse_amount
from auditor.model.document import BBox, Narrative, StatedAmount, TextSpan

_AMOUNT = re.compile(r"Rp\.?\s*(\d{1,3}(?:[.,]\s?\d{3})+(?:,\d{1,2})?|\d+)", re.IGNORECASE)
_SPLIT_MARK = re.compile(r"\b(terdiri\s+(?:dari|atas)|meliputi|yaitu|antara\s+lain|dengan\s+rincian)\b", re.IGNORECASE)
_TOTAL_WORDS = re.compile(r"\b(jumlah|total|pagu|dialokasikan|anggaran)\b", re.IGNORECASE)
_LABEL_STOP = re.compile(r"\b(sebesar|senilai|adalah|yaitu|terdiri\s+(?:dari|atas)|dan|serta|,)\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
_UNIT = re.compile(
    r"\b(KECAMATAN|KELURAHAN|DINAS|BADAN|SEKRETARIAT|INSPEKTORAT|SATUAN POLISI PAMONG PRAJA|RUMAH SAKIT|RSUD)"
    r"((?:\s+[A-Z][A-Z.'-]*)+)"
)
_REGION = re.compile(r"\b(KABUPATEN|KOTA|PROVINSI)\s+([A-Z][A-Z'-]+(?:\s+[A-Z][A-Z'-]+)?)")
_PLAN_YEAR = re.compile(r"RENCANA\s+KERJA.{0,80}?TAHUN\s+(20\d\d)", re.IGNORECASE | re.DOTALL)
_HEADER_YEAR = re.compile(r"Rencana\s+Tahun\s+(20\d\d)\s*\(\s*Tahun\s+Rencana", re.IGNORECASE)
# Words after a unit name on a cover line that are not part of the name.
_NAME_STOP = {"JL", "JL.", "JALAN", "TELP", "TELP.", "KODE", "KABUPATEN", "KOTA", "PROVINSI", "TAHUN"}


@dataclass
class _Flow:
    """All narrative words in reading order, as one string with offsets back to words."""

    text: str
    spans: list[tuple[int, int, Word, int]]  # start, end, word, page

    def locate(self, start: int, end: int) -> TextSpan:
        hits = [(w, p) for s, e, w, p in self.spans if s < end and e > start]
        page = hits[0][1]
        box: BBox = hits[0][0].bbox
        for w, p in hits[1:]:
            if p == page:
                box = box.union(w.bbox)
        return TextSpan(self.text[start:end], page, box)


def _flow(layouts: list[PageLayout]) -> _Flow:
    parts: list[str] = []
    spans: list[tuple[int, int, Word, int]] = []
    pos = 0
    for layout in layouts:
        last_line = -1
        for word, line_i in layout.words:
            sep = "" if pos == 0 else (" " if line_i == last_line else "\n")
            parts.append(sep)
            pos += len(sep)
            spans.append((pos, pos + len(word.text), word, layout.page))
            parts.append(word.text)
            pos += len(word.text)
            last_line = line_i
        parts.append("\n")
        pos += 1
    return _Flow("".join(parts), spans)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: split at sentence ends and at blank-ish paragraph breaks."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _label(before: str) -> str:
    """Words naming an amount: the tail of the text before it, minus linking words."""
    tail = before
    for _ in range(3):
        tail = _LABEL_STOP.sub("", tail.rstrip()).rstrip()
    words = re.split(r"\s+", tail.strip())
    # Stop at the previous amount or clause mark.
    picked: list[str] = []
    for w in reversed(words[-8:]):
        if re.search(r"\d", w) or w.lower() in {"dari", "atas", "terdiri", "yaitu", "meliputi"}:
            break
        picked.append(w)
    label = list(reversed(picked))
    while label and label[0].lower() in {"dan", "serta", "untuk", "yang"}:
        label.pop(0)
    return " ".join(label)


def stated_amounts(flow: _Flow) -> list[StatedAmount]:
    found: list[StatedAmount] = []
    for sid, (s0, s1) in enumerate(_sentences(flow.text)):
        sentence = flow.text[s0:s1]
        matches = list(_AMOUNT.finditer(sentence))
        if not matches:
            continue
        split = _SPLIT_MARK.search(sentence)
        clean_sentence = re.sub(r"\s+", " ", sentence).strip()
        prev_end = 0
        for i, m in enumerate(matches):
            try:
                value = parse_amount(m.group(0))
            except AmountError:
                continue
            if value is None:
                continue
            before = sentence[prev_end : m.start()]
            total_word = _TOTAL_WORDS.search(before)
            label = _label(before)
            if split and m.start() > split.end() and i > 0:
                role = "component"
            elif total_word:
                role = "total"
                # Name a total by its subject ("Jumlah Anggaran yang ..."), not the verb before it.
                label = " ".join(re.split(r"\s+", before[total_word.start():].strip())[:4])
                label = re.split(r"\s+(?:yang|untuk|sebesar|direncanakan)\b", label)[0]
            else:
                role = "other"
            span = flow.locate(s0 + m.start(), s0 + m.end())
            found.append(
                StatedAmount(
                    value=value,
                    span=TextSpan(re.sub(r"\s+", " ", span.text), span.page, span.bbox),
                    label=label,
                    role=role,
                    sentence=clean_sentence,
                    sentence_id=sid,
                )
            )
            prev_end = m.end()
    return found


def _title(text: str) -> str:
    return " ".join(w.capitalize() for w in text.split())


def document_meta(layouts: list[PageLayout]) -> dict[str, tuple[str | int, TextSpan]]:
    """Plan year, unit and region from the cover and title pages."""
    meta: dict[str, tuple[str | int, TextSpan]] = {}
    front = [ln for layout in layouts[:2] for ln in layout.lines]
    joined = "\n".join(ln.text for ln in front)
    m = _PLAN_YEAR.search(joined)
    if m:
        meta["plan_year"] = (int(m.group(1)), _line_of(front, m.group(1)))
    for ln in front:
        if "unit" not in meta and (u := _UNIT.search(ln.text)):
            name_words: list[str] = []
            for w in u.group(2).split():
                if w.upper() in _NAME_STOP:
                    break
                name_words.append(w)
            if name_words:
                meta["unit"] = (_title(f"{u.group(1)} {' '.join(name_words)}"), ln)
        if "region" not in meta and (r := _REGION.search(ln.text)):
            meta["region"] = (_title(f"{r.group(1)} {r.group(2).split()[0]}"), ln)
    return meta


def plan_year_from_headers(headers: list[str]) -> int | None:
    for h in headers:
        m = _HEADER_YEAR.search(h)
        if m:
            return int(m.group(1))
    return None


def _line_of(lines: list[TextSpan], needle: str) -> TextSpan:
    for ln in lines:
        if needle in ln.text:
            return ln
    return lines[0]


def read_narrative(layouts: list[PageLayout]) -> Narrative:
    flow = _flow(layouts)
    lines = [ln for layout in layouts for ln in layout.lines]
    return Narrative(lines=lines, stated_amounts=stated_amounts(flow))
