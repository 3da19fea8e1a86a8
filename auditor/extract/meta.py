"""Plan year, unit and region voted from every place the document states them.

The cover states them first, but a cover may be a scan without text, or carry last year's
title. So each place that names them is a source with a weight: the cover (3), a running
header or footer (2, once per wording), the caption of a standard table (1 each), the year
columns of the plan tables ("Rencana Tahun 2026", "Prakiraan Maju Tahun 2027" → 2026; 1
per table) and the foreword/BAB I sentences naming "Renja ... Tahun 2026" (1, at most 2).
The value with the most weight wins; a tie goes to the cover. A legal reference
("Permendagri Nomor 86 Tahun 2017") is never a plan-year source. Every source is kept, so
the report can say where each value came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from auditor.extract.page import PageLayout
from auditor.model.document import BBox, Caption, Document, IdentitySource, Sentence, Table, TextSpan

WEIGHTS = {"override": 100, "cover": 3, "running_header": 2, "caption": 1, "table_header": 1, "narrative": 1}
NARRATIVE_CAP = 2  # sentences may repeat a year many times; they count at most this much

# "Rencana Kerja ... Tahun 2026", "Renja Kecamatan Parakan Tahun 2026", "... Tahun Anggaran 2026".
_PLAN = re.compile(r"\b(?:rencana\s+kerja|renja)\b", re.IGNORECASE)
_YEAR = re.compile(r"\btahun\s+(?:anggaran\s+)?(20\d\d)\b", re.IGNORECASE)
_FORWARD = re.compile(r"prakiraan\s+maju(?:\s+rencana)?\s*$", re.IGNORECASE)
_LEGAL = re.compile(r"(?:nomor|no\.?)\s*[\d/.]+\s*$", re.IGNORECASE)
_EARLIER = re.compile(r"\b(?:evaluasi|realisasi|capaian|lalu|perubahan)\b", re.IGNORECASE)
_UNIT = re.compile(
    r"\b(kecamatan|kelurahan|dinas|badan|sekretariat|inspektorat|satuan polisi pamong praja|rumah sakit|rsud)\b"
    r"((?:,?\s+[a-z][a-z.'-]*)+)",
    re.IGNORECASE,
)
_REGION = re.compile(r"\b(kabupaten|kota)\s+([a-z][a-z'-]+(?:\s+[a-z][a-z'-]+)?)", re.IGNORECASE)
_NAME_STOP = {
    "kabupaten",
    "kota",
    "provinsi",
    "tahun",
    "kecamatan",
    "dan",
    "jl",
    "jl.",
    "jalan",
    "telp",
    "telp.",
    "kode",
    "di",
    "pada",
    "untuk",
    "yang",
    "sebagai",
    "dalam",
}
# Plan tables whose year columns and captions name the plan year n (or n+1 for a forward column).
PLAN_TABLES = ("T-C.33", "Tabel 4.1", "T-C.31", "T-C.32")
_YEAR_KEYS = {"amount": 0, "target": 0, "pagu": 0, "amount_next": 1, "target_next": 1}


def plan_years_in(text: str, needs_plan_word: bool) -> list[int]:
    """Plan years ``text`` names: after "Tahun", not a legal reference's year; a forward
    estimate's year ("Prakiraan Maju Tahun 2027") stands for the year before it."""
    if needs_plan_word and not _PLAN.search(text):
        return []
    out = []
    for m in _YEAR.finditer(text):
        before = text[: m.start()]
        if _LEGAL.search(before):
            continue
        year = int(m.group(1))
        out.append(year - 1 if _FORWARD.search(before) else year)
    return out


def _title(text: str) -> str:
    return " ".join(w.capitalize() for w in text.split())


def unit_in(text: str) -> str | None:
    m = _UNIT.search(text)
    if not m:
        return None
    words: list[str] = []
    for w in m.group(2).replace(",", " , ").split():
        if w.lower() in _NAME_STOP or w == ",":
            if w.lower() == "dan" and words:
                words.append(w)
                continue
            break
        words.append(w)
    while words and words[-1].lower() == "dan":
        words.pop()
    return _title(f"{m.group(1)} {' '.join(words)}") if words else None


def region_in(text: str) -> str | None:
    m = _REGION.search(text)
    if not m:
        return None
    words = [w for w in m.group(2).split() if w.lower() not in _NAME_STOP and not _UNIT.match(w)]
    return _title(f"{m.group(1)} {words[0] if words else m.group(2)}")


def sources(
    cover: Sequence[tuple[str, str | int, TextSpan]],
    running: Iterable[TextSpan],
    captions: Iterable[Caption],
    tables: Iterable[Table],
    sentences: Iterable[Sentence],
) -> list[IdentitySource]:
    """Every place that states the plan year, unit or region."""
    out = [IdentitySource(key, value, "cover", span) for key, value, span in cover]
    seen: set[str] = set()
    for span in running:
        text = re.sub(r"\s+", " ", span.text).strip()
        if text.lower() in seen:
            continue
        seen.add(text.lower())
        out += [IdentitySource("plan_year", y, "running_header", span) for y in plan_years_in(text, True)[:1]]
        if unit := unit_in(text):
            out.append(IdentitySource("unit", unit, "running_header", span))
        if region := region_in(text):
            out.append(IdentitySource("region", region, "running_header", span))
    for c in captions:
        if c.kind not in PLAN_TABLES:
            continue
        text = re.sub(r"\s+", " ", c.text)
        out += [IdentitySource("plan_year", y, "caption", c.span) for y in plan_years_in(text, False)[:1]]
        if unit := unit_in(text):
            out.append(IdentitySource("unit", unit, "caption", c.span))
        if region := region_in(text):
            out.append(IdentitySource("region", region, "caption", c.span))
    for t in tables:
        if t.kind not in PLAN_TABLES or not t.pages:
            continue
        # A forward column's year stands for n+1: said by its words ("Prakiraan Maju ..."),
        # which plan_years_in already counts back, or by its place only.
        votes = [
            y - (0 if re.search(r"prakiraan\s+maju", h, re.IGNORECASE) else _YEAR_KEYS[k])
            for k, h in t.column_headers.items()
            if k in _YEAR_KEYS
            for y in plan_years_in(h, False)[:1]
        ]
        if votes:
            year = max(set(votes), key=votes.count)
            # header_boxes holds (page, box); the span takes the box (it was given the pair).
            box = next(iter(t.header_boxes.values()))[1] if t.header_boxes else BBox(0, 0, 0, 0)
            out.append(IdentitySource("plan_year", year, "table_header", TextSpan(f"{t.kind}", t.pages[0], box)))
    narrative = 0
    for s in sentences:
        if narrative >= NARRATIVE_CAP or not (s.section or "").startswith(("1", "I")):
            continue
        if _EARLIER.search(s.text):
            continue
        if years := plan_years_in(s.text, True)[:1]:
            out.append(IdentitySource("plan_year", years[0], "narrative", s.span))
            narrative += 1
    return out


def _compatible(a: str | int, b: str | int) -> bool:
    """The same value: equal years; names equal or one the start of the other ("Badan
    Perencanaan Pembangunan" on a caption, the full name with ", Riset dan Inovasi Daerah"
    on the cover)."""
    if isinstance(a, int) or isinstance(b, int):
        return a == b
    x, y = re.sub(r"\W+", "", a.lower()), re.sub(r"\W+", "", b.lower())
    return bool(x and y) and (x.startswith(y) or y.startswith(x))


def vote(found: list[IdentitySource], key: str) -> IdentitySource | None:
    """The source of the winning value of ``key``: the group of agreeing sources with the
    most weight (ties to the strongest source); its strongest, fullest source stands for it."""
    groups: list[list[IdentitySource]] = []
    for s in found:
        if s.key != key:
            continue
        group = next((g for g in groups if _compatible(g[0].value, s.value)), None)
        if group is None:
            groups.append([s])
        else:
            group.append(s)
    if not groups:
        return None

    def lead(g: list[IdentitySource]) -> IdentitySource:
        return max(g, key=lambda s: (WEIGHTS[s.where], len(str(s.value))))

    best = max(groups, key=lambda g: (sum(WEIGHTS[s.where] for s in g), WEIGHTS[lead(g).where]))
    return lead(best)


def disagreeing(found: list[IdentitySource], winner: IdentitySource) -> list[IdentitySource]:
    """The sources of ``winner.key`` that state another value."""
    return [s for s in found if s.key == winner.key and not _compatible(s.value, winner.value)]


def override_identity(doc: Document, plan_year: int | None, unit: str | None, region: str | None) -> Document:
    """``doc`` with the plan year, unit or region the user stated (``--plan-year`` ...)."""
    given = {k: v for k, v in (("plan_year", plan_year), ("unit", unit), ("region", region)) if v is not None}
    if not given:
        return doc
    flag = {"plan_year": "--plan-year", "unit": "--unit", "region": "--region"}
    added = [IdentitySource(k, v, "override", TextSpan(flag[k], 0, BBox(0, 0, 0, 0))) for k, v in given.items()]
    return replace(
        doc,
        identity=[*doc.identity, *added],
        meta_sources={**doc.meta_sources, **{s.key: s.span for s in added}},
        plan_year=doc.plan_year if plan_year is None else plan_year,
        unit=doc.unit if unit is None else unit,
        region=doc.region if region is None else region,
    )


# --- the cover and title pages, read as printed (upper case) --------------------------------

_COVER_PLAN_YEAR = re.compile(r"RENCANA\s+KERJA.{0,80}?TAHUN\s+(20\d\d)", re.IGNORECASE | re.DOTALL)
# "RANCANGAN AWAL RENCANA KERJA ...", "RANCANGAN AKHIR RENJA ...": the stage the cover names.
_COVER_STAGE = re.compile(r"\bRANCANGAN(?:\s+(AWAL|AKHIR))?\s+(?:RENCANA\s+KERJA|RENJA)\b", re.IGNORECASE)
_HEADER_YEAR = re.compile(r"Rencana\s+Tahun\s+(20\d\d)\s*\(\s*Tahun\s+Rencana", re.IGNORECASE)
_COVER_UNIT = re.compile(
    r"\b(KECAMATAN|KELURAHAN|DINAS|BADAN|SEKRETARIAT|INSPEKTORAT|SATUAN POLISI PAMONG PRAJA|RUMAH SAKIT|RSUD)"
    r"((?:,?\s+[A-Z][A-Z.'-]*)+)"  # "BADAN PERENCANAAN PEMBANGUNAN, RISET DAN INOVASI DAERAH"
)
_COVER_REGION = re.compile(r"\b(KABUPATEN|KOTA|PROVINSI)\s+([A-Z][A-Z'-]+(?:\s+[A-Z][A-Z'-]+)?)")
# Words after a unit name on a cover line that are not part of the name.
_COVER_NAME_STOP = {
    "JL",
    "JL.",
    "JALAN",
    "TELP",
    "TELP.",
    "KODE",
    "KABUPATEN",
    "KOTA",
    "PROVINSI",
    "TAHUN",
    "KECAMATAN",
}
_COVER_PLACE_DATE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'-]+),\s+(?P<date>(?:\d{1,2}\s+)?(?:Januari|Februari|Maret|April|Mei|Juni|Juli|"
    r"Agustus|September|Oktober|Nopember|November|Desember)\s+\d{4})"
)


def read_cover(layouts: list[PageLayout]) -> dict[str, tuple[str | int, TextSpan]]:
    """Plan year, unit and region from the cover and title pages; place and date of signing."""
    meta: dict[str, tuple[str | int, TextSpan]] = {}
    # The first two pages with text: a scanned cover has none, the title page after it does.
    front = [ln for layout in [lay for lay in layouts if lay.lines][:2] for ln in layout.lines]
    joined = "\n".join(ln.text for ln in front)
    stage = _COVER_STAGE.search(joined)
    if stage:
        which = (stage.group(1) or "").lower()
        line = next((ln for ln in front if "rancangan" in ln.text.lower()), front[0])
        meta["stage"] = (f"rancangan_{which}" if which else "rancangan", line)
    m = _COVER_PLAN_YEAR.search(joined)
    if m:
        meta["plan_year"] = (int(m.group(1)), next((ln for ln in front if m.group(1) in ln.text), front[0]))
    for i, ln in enumerate(front):
        if "unit" not in meta and (u := _COVER_UNIT.search(ln.text)):
            name_words: list[str] = []
            for w in u.group(2).split():
                if w.upper() in _COVER_NAME_STOP:
                    break
                name_words.append(w)
            # "BADAN PERENCANAAN PEMBANGUNAN, RISET DAN" / "INOVASI DAERAH": a name that
            # ends in "dan" or a comma goes on on the next line.
            if name_words and name_words[-1].upper() in ("DAN", "SERTA") and i + 1 < len(front):
                for w in front[i + 1].text.split():
                    if w.upper() in _COVER_NAME_STOP or not re.fullmatch(r"[A-Z][A-Z.'-]*,?", w):
                        break
                    name_words.append(w)
            if name_words:
                meta["unit"] = (_title(f"{u.group(1)} {' '.join(name_words)}"), ln)
        if "region" not in meta and (r := _COVER_REGION.search(ln.text)):
            words = [w for w in r.group(2).split() if w.upper() not in _COVER_NAME_STOP and not _COVER_UNIT.match(w)]
            meta["region"] = (_title(f"{r.group(1)} {words[0] if words else r.group(2)}"), ln)
    for layout in layouts:
        for ln in layout.lines:
            pd = _COVER_PLACE_DATE.match(ln.text.strip())
            if pd and "place" not in meta:
                meta["place"] = (pd.group("place").strip(), ln)
                meta["date"] = (pd.group("date"), ln)
    return meta


def plan_year_from_headers(headers: list[str]) -> int | None:
    for h in headers:
        m = _HEADER_YEAR.search(h)
        if m:
            return int(m.group(1))
    return None
