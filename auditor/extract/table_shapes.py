"""What each standard table looks like: the header wording of its columns.

A column's *header path* is the text of every header cell above it, top to bottom,
lower-cased with spaces removed (narrow cells wrap or glue words unpredictably).
The first rule whose word groups all occur in the path names the column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.extract.tables import norm

FORWARD = ("prakiraan", "perkiraan", "maju")
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class ColumnRule:
    key: str  # may contain "{year}": the last year named in the header path
    all_of: tuple[tuple[str, ...], ...]  # every group needs one of its words
    none_of: tuple[str, ...] = ()
    exact: bool = False  # the whole path must equal the (single) word

    def matches(self, path: str) -> bool:
        if self.exact:
            return path in self.all_of[0]
        if any(w in path for w in self.none_of):
            return False
        return all(any(w in path for w in group) for group in self.all_of)


def rule(key: str, *groups: str | tuple[str, ...], none_of: tuple[str, ...] = (), exact: bool = False) -> ColumnRule:
    return ColumnRule(key, tuple((g,) if isinstance(g, str) else g for g in groups), none_of, exact)


@dataclass(frozen=True)
class Profile:
    kind: str
    rules: tuple[ColumnRule, ...]
    required: tuple[str, ...]  # without these the table cannot be read
    row_key: str  # column whose value starts a new row ("code" or "no")
    money: tuple[str, ...] = ()  # rupiah columns
    quantities: tuple[str, ...] = ()  # value-with-unit columns (prefixes for "{year}" keys)
    paired_units: bool = False  # a second grid column under one header holds the unit
    # Rows may stack sub-rows under merged code/name cells (several indicators of one
    # program, each with its own targets). A sub-row never holds these columns:
    sub_rows: bool = False
    not_in_sub_rows: frozenset[str] = frozenset({"code", "name", "aktivitas", "priority", "no"})
    # Cells of the row itself, merged over its indicator sub-rows when it has several.
    # (key, word, anchor key, offset): a column no rule names, with ``word`` and the year of
    # the ``anchor`` column's header plus ``offset``, is ``key``.
    year_rules: tuple[tuple[str, str, str, int], ...] = ()
    row_level: frozenset[str] = frozenset(
        {
            "code",
            "name",
            "prioritas_nasional",
            "prioritas_daerah",
            "kelompok_sasaran",
            "catatan",
            "sumber_dana",
            "no",
            "tujuan",
            "sasaran",
        }
    )

    def key_for(self, header_path: str) -> str | None:
        path = norm(header_path).replace(" ", "")
        if not path:
            return None
        for r in self.rules:
            if r.matches(path):
                if "{year}" not in r.key:
                    return r.key
                years = _YEAR.findall(path)
                return r.key.format(year=years[-1]) if years else None
        return None

    def is_quantity(self, key: str) -> bool:
        return any(key == q or key.startswith(q + "_") for q in self.quantities)


_DANA = ("dana", "pagu", "anggaran")
_BUDGET_RULES = (
    rule("code", "kode"),
    rule("aktivitas", "aktivitas"),
    # SIPD-RI's matrix: national and regional priorities, target group, notes, and the
    # unit of each target in a column of its own ("Satuan").
    rule("prioritas_nasional", "prioritas", "nasional"),
    rule("prioritas_daerah", "prioritas", ("daerah", "provinsi", "kabupaten", "kota")),
    rule("priority", "prioritas"),
    rule("catatan", "catatan"),
    rule("target_next_unit", "satuan", FORWARD),
    rule("target_unit", "satuan"),
    rule("formula", ("formula", "rumus")),
    rule("indicator", "indikator"),
    rule("lokasi", "lokasi"),
    rule("sumber_dana", "sumberdana"),
    rule("amount_next", _DANA, FORWARD),
    rule("amount", _DANA),
    rule("target_next", "target", FORWARD),
    rule("target", "target"),
    rule("name", ("program", "urusan", "kegiatan")),
    rule("kelompok_sasaran", "sasaran"),
)

TC33 = Profile(
    kind="T-C.33",
    rules=_BUDGET_RULES,
    required=("code", "name", "amount"),
    row_key="code",
    money=("amount", "amount_next"),
    quantities=("target", "target_next"),
    sub_rows=True,
)
TABEL41 = Profile(
    kind="Tabel 4.1",
    rules=_BUDGET_RULES,
    required=("code", "name", "amount"),
    row_key="code",
    money=("amount",),
    quantities=("target",),
    sub_rows=True,
)
TC29 = Profile(
    kind="T-C.29",
    rules=(
        rule("code", "kode"),
        rule("satuan", "satuan", exact=True),
        rule("tingkat_capaian", "tingkatcapaian"),
        rule("tingkat_realisasi", "tingkatrealisasi"),
        rule("realisasi_capaian", "realisasicapaian"),
        rule("target_n2", "targetrenja"),
        rule("realisasi_n2", "realisasirenja"),
        rule("target_n1", ("(n-1)", "n-1"), "target"),
        rule("realisasi_n3", ("(n-3)", "n-3")),
        rule("target_renstra", "renstra", ("akhirperiode", "target")),
        rule("indicator", "indikator"),
        rule("name", ("program", "urusan")),
    ),
    required=("code", "name", "indicator"),
    row_key="code",
    quantities=("target_renstra", "realisasi_n3", "target_n2", "realisasi_n2", "target_n1"),
    paired_units=True,
    # Columns that name their year instead of "(n-1)" / "(n-3)": the year beside n-2's.
    year_rules=(("target_n1", "target", "target_n2", 1), ("realisasi_n3", "realisasi", "target_n2", -1)),
    sub_rows=True,
)
TC30 = Profile(
    kind="T-C.30",
    rules=(
        rule("no", ("no", "no."), exact=True),
        rule("indicator", "indikator"),
        rule("spm", "spm"),
        rule("ikk", "ikk"),
        rule("catatan", "catatan"),
        rule("satuan", "satuan"),
        rule("proyeksi_{year}", "proyeksi"),
        rule("realisasi_{year}", "realisasi"),
        rule("target_{year}", "target"),
    ),
    required=("indicator",),
    row_key="no",
    quantities=("target", "realisasi", "proyeksi"),
    sub_rows=True,
)
TC31 = Profile(
    kind="T-C.31",
    rules=(
        rule("code", "kode"),
        rule("catatan", "catatan"),
        rule("kebutuhan_dana", "kebutuhandana"),
        rule("name_kebutuhan", ("hasilanalisis", "analisiskebutuhan"), ("program", "kegiatan")),
        rule("lokasi_kebutuhan", ("hasilanalisis", "analisiskebutuhan"), "lokasi"),
        rule("indicator_kebutuhan", ("hasilanalisis", "analisiskebutuhan"), "indikator"),
        rule("target_kebutuhan", ("hasilanalisis", "analisiskebutuhan"), "target"),
        rule("pagu", ("pagu", "dana")),
        rule("lokasi", "lokasi"),
        rule("indicator", "indikator"),
        rule("target", "target"),
        rule("name", ("program", "kegiatan")),
    ),
    required=("code", "name", "pagu"),
    row_key="code",
    money=("pagu", "kebutuhan_dana"),
    quantities=("target", "target_kebutuhan"),
    sub_rows=True,
)
TC32 = Profile(
    kind="T-C.32",
    rules=(
        rule("no", ("no", "no."), exact=True),
        rule("indicator", "indikator"),
        rule("lokasi", "lokasi"),
        rule("besaran", ("besaran", "volume")),
        rule("catatan", "catatan"),
        rule("name", ("program", "kegiatan")),
    ),
    required=("name",),
    row_key="no",
)
TABEL32 = Profile(
    kind="Tabel 3.2",
    rules=(
        rule("no", ("no", "no."), exact=True),
        rule("indicator", "indikator"),
        rule("formula", ("rumus", "formula", "formulasi")),
        rule("target_unit", "satuan"),
        rule("kondisi_awal", ("kondisiawal", "capaianawal", "baseline")),
        rule("target_{year}", "target"),
        rule("tujuan", "tujuan"),
    ),
    required=("tujuan", "indicator"),
    row_key="no",
    quantities=("target",),
    sub_rows=True,
)
TABEL33 = Profile(
    kind="Tabel 3.3",
    rules=(
        rule("no", ("no", "no."), exact=True),
        rule("indicator", "indikator"),
        rule("formula", ("rumus", "formula", "formulasi")),
        rule("target_unit", "satuan"),
        rule("kondisi_awal", ("kondisiawal", "capaianawal", "baseline")),
        rule("target_{year}", "target"),
        rule("sasaran", "sasaran"),
        rule("tujuan", "tujuan"),  # a table of both, tujuan beside sasaran
    ),
    required=("sasaran", "indicator"),
    row_key="no",
    quantities=("target",),
    sub_rows=True,
)

PROFILES: dict[str, Profile] = {p.kind: p for p in (TC29, TC30, TC31, TC32, TC33, TABEL41, TABEL32, TABEL33)}


def _keys(profile: Profile, headers: list[str]) -> set[str]:
    return {k for h in headers if (k := profile.key_for(h)) is not None}


def kind_by_header(headers: list[str]) -> str | None:
    """Which known table a header is, by its words alone (for captions that name none).

    A program table with money is T-C.31 when it reviews the rancangan awal RKPD, T-C.33
    when it has forward-year columns, else the BAB IV funding table; the evaluation,
    service-performance, proposals, tujuan and sasaran tables each by their own columns.
    """
    joined = " ".join(norm(h).replace(" ", "") for h in headers)
    budget = _keys(TC33, headers)
    if {"code", "name"} <= budget and budget & {"amount", "amount_next"}:
        if "rancanganawal" in joined or "analisiskebutuhan" in joined:
            return "T-C.31"
        return "T-C.33" if budget & {"amount_next", "target_next"} else "Tabel 4.1"
    evaluation = _keys(TC29, headers)
    if {"code", "name", "indicator"} <= evaluation and evaluation & {"target_n2", "realisasi_n2", "tingkat_realisasi"}:
        return "T-C.29"
    service = _keys(TC30, headers)
    if (
        "indicator" in service
        and service & {"spm", "ikk"}
        and any(k.startswith(("target_", "realisasi_")) for k in service)
    ):
        return "T-C.30"
    if "usulan" in joined and ("pemangku" in joined or "musrenbang" in joined or "pokir" in joined):
        return "T-C.32"
    sasaran = _keys(TABEL33, headers)
    if {"sasaran", "indicator"} <= sasaran and "target" in joined:
        return "Tabel 3.3"
    tujuan = _keys(TABEL32, headers)
    if {"tujuan", "indicator"} <= tujuan and "target" in joined:
        return "Tabel 3.2"
    return None
