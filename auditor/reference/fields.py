"""The fields of each kind of reference file and the column headers that name them.

Headers are compared once lower-cased and stripped of punctuation, so "Kode Sub Kegiatan",
"KODE SUB-KEGIATAN" and "kode_sub_kegiatan" are one header. A header naming a year
("Target 2025", "Pagu Indikatif Tahun 2026") is that field for that year (Renstra's
yearly columns).
"""

from __future__ import annotations

import re

KINDS = ("rkpd", "renstra", "pagu")

# The tidy layout of each kind, in template order: (field, header written in the template).
LAYOUTS: dict[str, tuple[tuple[str, str], ...]] = {
    "rkpd": (
        ("unit", "Perangkat Daerah"),
        ("code", "Kode"),
        ("name", "Program/Kegiatan/Sub Kegiatan"),
        ("indicator", "Indikator Kinerja"),
        ("target", "Target"),
        ("satuan", "Satuan"),
        ("lokasi", "Lokasi"),
        ("pagu", "Pagu Indikatif"),
        ("sumber_dana", "Sumber Dana"),
        ("target_next", "Target n+1"),
        ("pagu_next", "Pagu Indikatif n+1"),
    ),
    "renstra": (
        ("unit", "Perangkat Daerah"),
        ("code", "Kode"),
        ("name", "Program/Kegiatan/Sub Kegiatan"),
        ("indicator", "Indikator Kinerja"),
        ("satuan", "Satuan"),
        ("year", "Tahun"),
        ("target", "Target"),
        ("pagu", "Pagu Indikatif"),
        ("target_akhir", "Target Akhir Periode"),
    ),
    "pagu": (
        ("unit", "Perangkat Daerah"),
        ("year", "Tahun"),
        ("pagu", "Pagu Indikatif"),
    ),
}

FIELDS = frozenset(f for layout in LAYOUTS.values() for f, _ in layout)
MONEY = frozenset({"pagu", "pagu_next"})

# Headers as SIPD-RI exports and Bappeda spreadsheets write them (normalised), per field.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "unit": (
        "perangkat daerah",
        "nama perangkat daerah",
        "unit",
        "unit kerja",
        "opd",
        "nama opd",
        "skpd",
        "nama skpd",
        "pd",
        "sub unit",
        "nama sub unit",
    ),
    "code": (
        "kode",
        "kode sub kegiatan",
        "kode kegiatan",
        "kode program",
        "kode program kegiatan sub kegiatan",
        "kode urusan program kegiatan sub kegiatan",
        "kode rekening",
        "kode nomenklatur",
    ),
    "name": (
        "nama",
        "nama sub kegiatan",
        "sub kegiatan",
        "nama program kegiatan sub kegiatan",
        "program kegiatan sub kegiatan",
        "urusan program kegiatan sub kegiatan",
        "uraian",
        "nomenklatur",
        "program kegiatan",
        # A Renstra's tujuan/sasaran rows name the goal where a program row names the program.
        "tujuan",
        "sasaran",
        "tujuan sasaran",
    ),
    "indicator": (
        "indikator",
        "indikator kinerja",
        "indikator keluaran",
        "indikator kinerja sub kegiatan",
        "indikator sub kegiatan",
        "indikator kinerja program kegiatan sub kegiatan",
        "indikator program kegiatan sub kegiatan",
        "tolok ukur",
    ),
    "target": ("target", "target capaian", "target kinerja", "target capaian kinerja", "target kinerja capaian"),
    "satuan": ("satuan", "satuan target"),
    # The Renstra's "Kondisi Kinerja pada Akhir Periode Renstra PD" (what T-C.29 column 4 copies).
    "target_akhir": (
        "target akhir periode",
        "target akhir",
        "target akhir renstra",
        "target kinerja akhir periode",
        "target pada akhir periode renstra",
        "kondisi kinerja akhir periode",
        "kondisi kinerja pada akhir periode",
        "kondisi kinerja pada akhir periode renstra",
        "kondisi kinerja pada akhir periode renstra pd",
        "kondisi kinerja pada akhir periode renstra perangkat daerah",
    ),
    "lokasi": ("lokasi", "lokasi kegiatan"),
    "pagu": ("pagu indikatif", "pagu", "anggaran", "pagu anggaran", "total pagu", "pagu indikatif rp", "jumlah pagu"),
    "sumber_dana": ("sumber dana", "sumber pendanaan"),
    "target_next": (
        "target n 1",
        "target capaian n 1",
        "target tahun n 1",
        "target kinerja n 1",
        "prakiraan maju target",
    ),
    "pagu_next": (
        "pagu n 1",
        "pagu indikatif n 1",
        "prakiraan maju",
        "prakiraan maju pagu",
        "kebutuhan dana n 1",
        "pagu indikatif tahun n 1",
    ),
    "year": ("tahun", "tahun rencana", "tahun anggaran"),
}
_BY_HEADER = {h: f for f, headers in SYNONYMS.items() for h in headers}
_UNIT_WORDS = re.compile(r"\b(?:rp|rupiah|ribuan|ribu|juta|jutaan|000)\b")
_YEARLY = re.compile(r"^(?P<field>target|pagu indikatif|pagu|anggaran)(?: tahun)? (?P<year>(?:19|20)\d\d)$")


def normalise(header: str) -> str:
    text = re.sub(r"[^0-9a-z]+", " ", header.lower())
    return re.sub(r"\s+", " ", text).strip()


def money_unit(header: str) -> int:
    """The multiplier a money header states: "(Rp.000)" or "(ribuan)" 1000, "(juta)" 1000000."""
    text = header.lower()
    if re.search(r"juta", text):
        return 1_000_000
    if re.search(r"ribu|rp\.?\s*0{3}\b|\(000\)|\.000\)", text):
        return 1000
    return 1


def recognise(header: str) -> tuple[str, int | None] | None:
    """The field a header names, with the year it is for ("Target 2025" -> ("target", 2025))."""
    text = normalise(header)
    if not text:
        return None
    if text in _BY_HEADER:
        return _BY_HEADER[text], None
    m = _YEARLY.match(_UNIT_WORDS.sub("", text).strip())
    if m:
        return ("target" if m.group("field") == "target" else "pagu"), int(m.group("year"))
    bare = re.sub(r"\s+", " ", _UNIT_WORDS.sub("", text)).strip()  # "pagu indikatif (rp.000)"
    if bare in _BY_HEADER:
        return _BY_HEADER[bare], None
    return None
