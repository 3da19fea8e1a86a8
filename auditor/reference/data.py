"""Reference rows as read, grouped by unit, with the place of every value."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from auditor.model.document import Level, SheetPlace


@dataclass(frozen=True)
class RefRow:
    """One row of a reference file: a program, kegiatan or sub kegiatan (or, in a pagu
    file, a unit's ceiling) with its values as written and where each one is."""

    kind: str  # rkpd | renstra | pagu
    unit: str | None
    code: str | None  # canonical; None in a pagu file
    level: Level
    texts: dict[str, str]  # field -> text (name, indicator, target with its satuan, lokasi, sumber_dana, ...)
    amounts: dict[str, int | None]  # pagu, pagu_next in rupiah
    places: dict[str, SheetPlace]  # field -> where its value is
    year: int | None = None  # the year a Renstra or pagu row is for
    # A row's further indicators (lines of one cell, or the code's next rows in a file
    # that writes one row per indicator): their texts and places, in order.
    stacked: list[tuple[dict[str, str], dict[str, SheetPlace]]] = field(default_factory=list)


@dataclass
class UnitData:
    name: str | None  # as the file writes it; None: a file with no unit column (one unit's)
    rows: list[RefRow] = field(default_factory=list)
    # What is wrong with this unit's rows (duplicate codes, amounts that are not numbers):
    # a document of this unit cannot be compared, the others can.
    errors: list[dict[str, str]] = field(default_factory=list)
    # (kind, code, year) -> its row, to find a code written twice
    seen: dict[tuple[str, str | None, int | None], RefRow] = field(default_factory=dict, repr=False)


@dataclass
class ReferenceData:
    """Every reference file given, by unit (normalised name; "" for rows of no unit)."""

    files: list[str] = field(default_factory=list)
    units: dict[str, UnitData] = field(default_factory=dict)
    digest: str = ""  # content hash of the files (and mappings): part of a batch result's key

    def add(self, key: str, name: str | None) -> UnitData:
        return self.units.setdefault(key, UnitData(name))

    def seal(self, contents: list[bytes]) -> None:
        h = hashlib.sha256()
        for data in contents:
            h.update(hashlib.sha256(data).digest())
        self.digest = h.hexdigest()
