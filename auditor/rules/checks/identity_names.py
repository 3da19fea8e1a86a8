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

PASS::  Renja Kecamatan Parakan; "Kecamatan Parakan berbatasan dengan Kecamatan Kledung di sebelah barat"
FAIL::  Renja Kecamatan Parakan; "Kecamatan Kledung memiliki potensi agrowisata di Desa Tlahab"
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from rapidfuzz import fuzz

from auditor.findings import Evidence, Location
from auditor.model.document import Document, TextSpan
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
    "aspect": Param(str, default="both", choices=("unit", "region", "both"),
                    doc="unit: another kecamatan; region: another region; both"),
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
_UNIT_TYPES = ("kecamatan", "kelurahan", "dinas", "badan", "sekretariat", "inspektorat", "satuan", "rumah", "rsud", "kantor")


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
        location=loc, expected=own, actual=other,
        fields={"own": own, "other": other, "text": text, "page": span.page},
        evidence=(Evidence("text", text, other, loc),),
    )


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    unit_type, unit_name, region = _own(doc)
    units = params["aspect"] in ("unit", "both") and unit_type == "kecamatan" and bool(unit_name)
    regions = params["aspect"] in ("region", "both") and bool(region)
    if not units and not regions:
        yield Skip({
            "id": "Nama perangkat daerah atau daerah dokumen tidak terbaca dari sampulnya.",
            "en": "The document's own unit or region name could not be read from its cover.",
        })
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
