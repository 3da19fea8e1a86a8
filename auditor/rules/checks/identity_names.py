"""identity_names: the document names its own unit and region, not another's.

A paragraph copied from another office's Renja keeps that office's names. In the Renja
of a kecamatan, a sentence about another kecamatan ("Kecamatan Kledung memiliki potensi
agrowisata ...") is such a leftover; so is the document's own unit with another region
("Dinas Komunikasi dan Informatika Kabupaten Bondowoso" in Situbondo's Renja), the
region's government and plans named with another region ("Pemerintah Kabupaten
Bondowoso", "RKPD Kabupaten Bondowoso"), or any office of another region ("Badan
Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan Kabupaten Jember").

Sentences, list items, captions, headings, the signature ("Camat Kledung") and running
headers are read. The own unit and region are the ones the document states (cover,
titles). Neighbours
are named legitimately: a sentence with words of borders, comparisons or cooperation
(``skip_words``: "berbatasan", "sebelah utara", "studi tiru", "kerja sama" ...) or naming
several other kecamatan at once (a list) is not read. A name one or two letters off the
own name is a misspelling of it, not another office.

With ``aspect: village`` the desa and kelurahan are judged: when a table lists the
document's own desa/kelurahan (a column headed "Desa", "Kelurahan" or "Desa/Kelurahan",
at least ``min_villages`` names), a sentence naming "Desa X" or "Kelurahan X" where X is
none of them, not the unit's own name and not in any table cell, is a leftover of another
kecamatan's Renja. Programme names ("Desa Wisata", "Kelurahan Siaga": ``village_words``)
are not places.

PASS::  Renja Kecamatan Parakan; "Kecamatan Parakan berbatasan dengan Kecamatan Kledung di sebelah barat"
FAIL::  Renja Kecamatan Parakan; "Kecamatan Kledung memiliki potensi agrowisata di Desa Tlahab"
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from rapidfuzz import fuzz

from auditor.findings import Evidence, Location
from auditor.model.document import Document, Level, Table, TextSpan
from auditor.rules.base import Result, Skip, Violation
from auditor.rules.checks._year_util import narrative_texts
from auditor.rules.params import Param

ID = "identity_names"
PARAMS = {
    "skip_words": Param(
        str,
        default=r"\b(?:berbatasan|perbatasan|batas|sebelah|tetangga|antar\s*kecamatan|kecamatan\s+lain|se-?kabupaten|"
        r"dibandingkan|perbandingan|peringkat|studi|tiru|banding|kunjungan|kerja\s*sama|bekerja\s*sama|"
        r"replikasi|bersama\s+dengan)\b",
        doc="words of a sentence that names a neighbour on purpose (borders, comparisons, cooperation)",
    ),
    "similar": Param(float, default=85.0, minimum=0, doc="likeness (0-100) from which a name is the own name misspelt"),
    "aspect": Param(
        str,
        default="both",
        choices=("unit", "region", "both", "village"),
        doc="unit: another kecamatan; region: another region; both; village: a desa/kelurahan not the unit's",
    ),
    "min_villages": Param(int, default=3, minimum=1, doc="least own desa/kelurahan a table must list (aspect village)"),
    "village_words": Param(
        str,
        default=r"(?:wisata|siaga|tangguh|sehat|binaan|cantik|digital|mandiri|maju|berkembang|tertinggal|anti|bersinar|"
        r"layak|ramah|prima|percontohan|inovasi|inovatif|adat|bersih|hijau|cerdas|sadar|preneur|online|kreatif|"
        r"model|terpadu|bebas|proklim|stunting|inklusi)",
        doc="first words after Desa/Kelurahan that name a programme, not a place (regular expression)",
    ),
}
FIELDS = ("own", "other", "text", "page")

_STOP = r"(?:Tahun|Nomor|Kabupaten|Kota|Provinsi|Dan|Yang|Dalam|Di|Se|Pada|Untuk|Tingkat|Wilayah)\b"
_NAME = r"((?!" + _STOP + r")[A-Z][A-Za-z'’-]+(?:\s+(?!" + _STOP + r")[A-Z][a-z'’-]+)?)"
_KECAMATAN = re.compile(r"\b(?:Kecamatan|KECAMATAN|Kec\.|Camat|CAMAT)\s+" + _NAME)
# Where a region's own government, plans or head are named: "RKPD Kabupaten X", "Bupati X".
_REGION_OWNED = re.compile(
    r"\b(?:Pemerintah(?:\s+Daerah)?|Pemkab|Pemkot|RPJMD|RKPD|RPD|Renstra|Perda)\s+(?:Kabupaten|Kota)\s+" + _NAME
)
# An office of a region, by its name: "Badan Perencanaan Pembangunan Daerah, Penelitian dan
# Pengembangan Kabupaten Jember", "Dinas Pertanian Kota Batu".
_OFFICE = re.compile(
    r"\b(?:Badan|Dinas|Kantor|Sekretariat|Inspektorat|Satuan|Bappeda|Bappelitbang\w*|Bapperida|Kecamatan)\b"
    r"(?:,?\s+(?:dan|serta|[A-Z][\w/&'’-]*))*?\s+(?:Kabupaten|Kota)\s+" + _NAME
)
_UNIT_TYPES = (
    "kecamatan",
    "kelurahan",
    "dinas",
    "badan",
    "sekretariat",
    "inspektorat",
    "satuan",
    "rumah",
    "rsud",
    "kantor",
)


def _same(a: str, b: str, similar: float) -> bool:
    a, b = a.lower().replace(" ", ""), b.lower().replace(" ", "")
    return a.startswith(b) or b.startswith(a) or fuzz.ratio(a, b) >= similar


def _own(doc: Document) -> tuple[str | None, str | None, str | None]:
    """(unit type, unit name, region name) as the document states them."""
    unit_type = unit_name = region = None
    if doc.unit:
        words = doc.unit.split()
        if words and words[0].lower() in _UNIT_TYPES:
            unit_type, unit_name = words[0].lower(), " ".join(words[1:])
    if doc.region:
        words = doc.region.split()
        region = " ".join(words[1:]) if len(words) > 1 and words[0].lower() in ("kabupaten", "kota") else doc.region
    return unit_type, unit_name, region


def _violation(own: str, other: str, text: str, span: TextSpan) -> Violation:
    loc = Location(page=span.page, table=None, code=None, column="narasi", row=other, bbox=span.bbox)
    return Violation(
        location=loc,
        expected=own,
        actual=other,
        fields={"own": own, "other": other, "text": text, "page": span.page},
        evidence=(Evidence("text", text, other, loc),),
    )


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    unit_type, unit_name, region = _own(doc)
    if params["aspect"] == "village":
        yield from _villages(doc, params, unit_name or "")
        return
    units = params["aspect"] in ("unit", "both") and unit_type == "kecamatan" and bool(unit_name)
    regions = params["aspect"] in ("region", "both") and bool(region)
    if not units and not regions:
        yield Skip(
            {
                "id": "Nama perangkat daerah atau daerah dokumen tidak terbaca dari sampulnya.",
                "en": "The document's own unit or region name could not be read from its cover.",
            }
        )
        return
    skip = re.compile(params["skip_words"], re.IGNORECASE)
    seen: set[tuple[str, int]] = set()
    for _, text, span in narrative_texts(doc):
        if (text, span.page) in seen or skip.search(text):
            continue
        seen.add((text, span.page))
        if units:
            yield from _other_kecamatan(text, span, unit_name or "", params["similar"])
        if regions:
            yield from _other_region(text, span, doc.unit or "", region or "", params["similar"])


_VILLAGE = re.compile(r"\b(?:Desa|DESA|Kelurahan|KELURAHAN|Kel\.)\s+" + _NAME)
_VILLAGE_COLUMN = re.compile(r"^\s*(?:nama\s+)?(?:desa|kelurahan)(?:\s*/\s*(?:desa|kelurahan))?\s*$", re.IGNORECASE)


def _own_villages(doc: Document) -> tuple[list[str], Table | None]:
    """The desa/kelurahan a table of the document lists as its own, and that table."""
    for table in [*doc.tables, *doc.other_tables]:
        for key, header in table.column_headers.items():
            if not _VILLAGE_COLUMN.match(header.split(" | ")[-1]):
                continue
            names = [
                re.sub(r"^(?:desa|kelurahan|kel\.)\s+", "", r.text(key).strip(), flags=re.IGNORECASE)
                for r in table.rows
                if r.level != Level.TOTAL and r.text(key).strip()
            ]
            names = [n for n in names if re.match(r"[A-Za-z]", n)]
            if names:
                return names, table
    return [], None


def _villages(doc: Document, params: dict[str, Any], unit_name: str) -> Iterator[Result]:
    own, table = _own_villages(doc)
    if table is None or len(own) < params["min_villages"]:
        yield Skip(
            {
                "id": "Tidak ada tabel yang mendaftar desa/kelurahan perangkat daerah ini.",
                "en": "No table lists this unit's own desa/kelurahan.",
            }
        )
        return
    cells = " ".join(c.text for t in [*doc.tables, *doc.other_tables] for r in t.rows for c in r.cells.values()).lower()
    cells = re.sub(r"\s+", "", cells)
    known = [*own, unit_name] if unit_name else own
    skip = re.compile(params["skip_words"], re.IGNORECASE)
    programme = re.compile(params["village_words"] + r"\b", re.IGNORECASE)
    similar = params["similar"]
    listing = ", ".join(own)
    seen: set[tuple[str, int]] = set()
    for _, text, span in narrative_texts(doc):
        if (text, span.page) in seen or skip.search(text):
            continue
        seen.add((text, span.page))
        for name in dict.fromkeys(m.group(1) for m in _VILLAGE.finditer(text)):
            if programme.match(name) or any(_same(name, k, similar) for k in known):
                continue
            if re.sub(r"\s+", "", name).lower() in cells:
                continue  # named in a table (a lokasi cell): the document treats it as its own
            word = "Kelurahan" if re.search(r"\b(?:Kelurahan|KELURAHAN|Kel\.)\s+" + re.escape(name), text) else "Desa"
            yield _violation(f"{_caption(table)}: {listing}", f"{word} {name}", text, span)


def _caption(table: Table) -> str:
    """The table's name as its caption starts ("Tabel 2.2"), or its kind."""
    first = table.caption.split("\n")[0].strip().rstrip(".")
    return first or table.kind


def _other_kecamatan(text: str, span: TextSpan, own: str, similar: float) -> Iterator[Violation]:
    others = {m.group(1) for m in _KECAMATAN.finditer(text) if not _same(m.group(1), own, similar)}
    if len(others) == 1:  # several at once: a list of kecamatan, not a copied paragraph
        (other,) = others
        yield _violation(f"Kecamatan {own}", f"Kecamatan {other}", text, span)


def _other_region(text: str, span: TextSpan, unit: str, region: str, similar: float) -> Iterator[Violation]:
    found: set[str] = set()
    # The document's own unit followed by another region: "Dinas ... Informatika Kabupaten Bondowoso".
    if unit:
        own_unit = r"\s+".join(map(re.escape, unit.split()))
        for m in re.finditer(r"(?i:" + own_unit + r")\s+(?:Kabupaten|Kota)\s+" + _NAME, text):
            found.add(m.group(1))
    for pattern in (_REGION_OWNED, _OFFICE):
        for m in pattern.finditer(text):
            found.add(m.group(1))
    for other in sorted(n for n in found if n and not _same(n, region, similar)):
        yield _violation(region, other, text, span)
