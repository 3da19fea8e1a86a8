"""The official program/kegiatan/sub kegiatan nomenclature, by budget year.

The data files in ``nomenclature/`` are built from the published spreadsheets by
``scripts/build_nomenclature.py`` (one file per version, each with the budget years it
is in force). ``load_nomenclature(plan_year)`` returns the version in force for a
plan year; for a year before the oldest version it returns the oldest one and says so
in ``note``.

Lookups take any written form of a code (``7.01.01.2.01.01``, ``7.01.01.2.01.0001``,
``7.01.01.201.1``). The generic support program of every perangkat daerah is listed
once as ``X.XX.01...``: a document writes it with its own urusan and bidang
(``7.01.01.2.01.01`` in a Kecamatan), so a code ``U.BB.01...`` that is not listed
under its own prefix is looked up as ``X.XX.01...``.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from auditor.model.codes import parse_code

GENERIC_PREFIX = "X.XX"
SUPPORT_PROGRAM = "01"  # program number of the generic support program
SCOPES = ("kabkot", "prov")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_PACKAGE = "auditor.data"
_FOLDER = "nomenclature"


@dataclass(frozen=True)
class Entry:
    """One official nomenclature row."""

    code: str  # canonical code as listed (generic rows keep their X.XX prefix)
    level: str  # urusan | bidang | program | kegiatan | sub_kegiatan
    name: str
    code4: str | None = None  # four-digit sub kegiatan form
    kinerja: str | None = None
    indikator: str | None = None
    satuan: str | None = None
    previous: str | None = None  # canonical code this row had in the previous version
    previous_name: str | None = None


@dataclass(frozen=True)
class Version:
    """What a data file says about itself (without its entries)."""

    id: str
    title: dict[str, str]
    regulation: str
    valid_from: int
    valid_to: int | None
    file: str

    def in_force(self, year: int) -> bool:
        return self.valid_from <= year and (self.valid_to is None or year <= self.valid_to)


@dataclass
class Nomenclature:
    version: Version
    scope: str
    entries: dict[str, Entry]
    note: dict[str, str] | None = None  # why this version was chosen, when not obvious
    _successors: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    _by_name: dict[tuple[str, str], list[str]] = field(default_factory=dict, repr=False)
    _children: dict[str, list[Entry]] = field(default_factory=dict, repr=False)  # by listed code, as asked

    def __post_init__(self) -> None:
        for code, entry in self.entries.items():
            if entry.previous:
                self._successors.setdefault(entry.previous, []).append(entry)
            self._by_name.setdefault((entry.level, name_key(entry.name)), []).append(code)

    @property
    def id(self) -> str:
        return self.version.id

    def lookup(self, code: str) -> Entry | None:
        """The entry of a written or canonical code, with the X.XX fallback."""
        key = canonical(code) or code.strip()  # urusan/bidang codes are not parse_code's
        found = self.entries.get(key)
        if found is None:
            generic = generic_code(key)
            found = self.entries.get(generic) if generic else None
        return found

    def listed_code(self, code: str) -> str | None:
        """The code under which ``code`` is listed (its X.XX form for the support program)."""
        entry = self.lookup(code)
        return entry.code if entry else None

    def children(self, code: str) -> list[Entry]:
        """Entries one level below ``code`` (under its listed form)."""
        listed = self.listed_code(code)
        if listed is None:
            return []
        if listed not in self._children:
            level = _CHILD_LEVEL.get(self.entries[listed].level)
            prefix = listed + "."
            self._children[listed] = [e for k, e in self.entries.items() if k.startswith(prefix) and e.level == level]
        return list(self._children[listed])

    def codes_named(self, level: str, name: str) -> list[str]:
        """Listed codes of ``level`` whose official name has the wording of ``name``."""
        return list(self._by_name.get((level, name_key(name)), []))

    def successors(self, code: str) -> list[Entry]:
        """Current entries whose previous code was ``code`` (directly or as X.XX)."""
        key = canonical(code)
        if key is None:
            return []
        found = self._successors.get(key, [])
        generic = generic_code(key)
        if not found and generic:
            found = self._successors.get(generic, [])
        return list(found)

    def localize(self, entry_code: str, like: str) -> str:
        """``entry_code`` written with the urusan.bidang of ``like`` when it is generic."""
        if not entry_code.startswith(GENERIC_PREFIX + "."):
            return entry_code
        key = canonical(like) or like
        head = ".".join(key.split(".")[:2])
        return head + entry_code[len(GENERIC_PREFIX) :]


@lru_cache(maxsize=1 << 16)  # asked for every row's name by several rules
def name_key(text: str) -> str:
    """Letters and digits only, lower case: two names with the same key have the same
    wording; case, punctuation and spacing (often extraction debris) do not count."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).lower())


def canonical(code: str) -> str | None:
    parsed = parse_code(code)
    return parsed.canonical if parsed else None


def generic_code(code: str) -> str | None:
    """``7.01.01.2.01.01`` -> ``X.XX.01.2.01.01``; None when not the support program."""
    parts = code.split(".")
    if len(parts) < 3 or parts[2] != SUPPORT_PROGRAM or parts[0] == "X":
        return None
    return ".".join([GENERIC_PREFIX, *parts[2:]])


# A kegiatan ("7.01.02.2.01") is two dots below its program ("7.01.02"): levels, not dots, say who is a child.
_CHILD_LEVEL = {"urusan": "bidang", "bidang": "program", "program": "kegiatan", "kegiatan": "sub_kegiatan"}


def _read(file: str) -> dict[str, Any]:
    path = resources.files(_PACKAGE).joinpath(_FOLDER, file)
    with path.open("rb") as fh, gzip.open(fh, "rt", encoding="utf-8") as gz:
        return json.load(gz)


@lru_cache(maxsize=1)
def versions() -> tuple[Version, ...]:
    """Every shipped version, oldest first."""
    found: list[Version] = []
    for item in resources.files(_PACKAGE).joinpath(_FOLDER).iterdir():
        if not item.name.endswith(".json.gz"):
            continue
        data = _read(item.name)
        found.append(
            Version(
                id=data["id"],
                title=data["title"],
                regulation=data["regulation"],
                valid_from=data["valid_from"],
                valid_to=data["valid_to"],
                file=item.name,
            )
        )
    return tuple(sorted(found, key=lambda v: v.valid_from))


def version_for(plan_year: int) -> tuple[Version, dict[str, str] | None]:
    """The version in force for ``plan_year``, and a note when it had to be guessed."""
    shipped = versions()
    if not shipped:
        raise LookupError("no nomenclature data shipped with the package")
    for version in reversed(shipped):
        if version.in_force(plan_year):
            return version, None
    oldest = shipped[0]
    if plan_year < oldest.valid_from:
        return oldest, {
            "id": (
                f"Tidak ada data nomenklatur untuk tahun {plan_year}; dipakai versi tertua "
                f"yang tersedia, {oldest.regulation} (berlaku mulai {oldest.valid_from})."
            ),
            "en": (
                f"No nomenclature data for {plan_year}; using the oldest version available, "
                f"{oldest.regulation} (in force from {oldest.valid_from})."
            ),
        }
    newest = shipped[-1]
    return newest, {
        "id": f"Tidak ada data nomenklatur untuk tahun {plan_year}; dipakai {newest.regulation}.",
        "en": f"No nomenclature data for {plan_year}; using {newest.regulation}.",
    }


@lru_cache(maxsize=8)
def _load(file: str, scope: str) -> dict[str, Entry]:
    data = _read(file)
    entries = data["scopes"].get(scope)
    if entries is None:
        raise LookupError(f"{data['id']} has no '{scope}' nomenclature (has: {sorted(data['scopes'])})")
    return {code: Entry(code=code, **fields) for code, fields in entries.items()}


@lru_cache(maxsize=16)  # its indexes take a while to build; rules ask for it again and again
def load_nomenclature(plan_year: int, scope: str = "kabkot") -> Nomenclature:
    """The nomenclature in force for ``plan_year`` for a kabupaten/kota or a provinsi.

    Raises LookupError when the chosen version has no list for ``scope``.
    """
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {SCOPES}, got {scope!r}")
    version, note = version_for(plan_year)
    return Nomenclature(version=version, scope=scope, entries=_load(version.file, scope), note=note)
