"""What every family sample builder needs: the official nomenclature, budget trees
that add up by construction, and spec files written the same way.

Names, indicators and units of program/kegiatan/sub kegiatan come from the package's
nomenclature data (built from the official spreadsheets by scripts/build_nomenclature.py),
never typed by hand: a builder names codes, this module fills in their official wording.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from auditor.data.nomenclature import Entry, Nomenclature, load_nomenclature

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "samples" / "specs"


# --------------------------------------------------------------------------- nomenclature


@dataclass(frozen=True)
class Official:
    """The official wording of one code, written with the unit's own urusan.bidang."""

    code: str  # canonical, two-digit sub kegiatan number: 7.01.01.2.01.01
    level: str  # program | kegiatan | sub_kegiatan
    name: str
    indikator: str | None  # sub kegiatan only
    satuan: str | None  # sub kegiatan only

    @property
    def code4(self) -> str:
        """The four-digit form later decrees print: 7.01.01.2.01.0001."""
        return four_digit(self.code)


def nomenclature(plan_year: int) -> Nomenclature:
    return load_nomenclature(plan_year)


def official(nom: Nomenclature, code: str, head: str) -> Official:
    """The entry of ``code`` (any written form; ``X.XX`` generic rows localised to ``head``,
    the unit's urusan.bidang such as "7.01" or "2.16"). Raises KeyError when not listed."""
    local = head + code[len("X.XX") :] if code.startswith("X.XX") else code
    entry: Entry | None = nom.lookup(local)
    if entry is None:
        raise KeyError(f"{code} is not in {nom.id}")
    canonical = nom.localize(entry.code, local) if entry.code.startswith("X.XX") else entry.code
    return Official(canonical, entry.level, entry.name, entry.indikator, entry.satuan)


def four_digit(code: str) -> str:
    parts = code.split(".")
    if len(parts) == 6:
        parts[5] = parts[5].zfill(4)
    return ".".join(parts)


def children(nom: Nomenclature, code: str, head: str) -> list[Official]:
    """Official children of ``code`` in code order, localised to ``head``."""
    local = head + code[len("X.XX") :] if code.startswith("X.XX") else code
    return [official(nom, e.code, head) for e in sorted(nom.children(local), key=lambda e: e.code)]


# --------------------------------------------------------------------------- budgets


@dataclass
class Line:
    """One row of a program tree with its money and targets."""

    official: Official
    amount: int = 0
    amount_next: int = 0
    extra: dict[str, Any] = field(default_factory=dict)  # builder's own columns (targets, lokasi, ...)


@dataclass
class Budget:
    """Sub kegiatan with their amounts; kegiatan and program rows are their sums.

    Built bottom-up, so every parent equals the sum of its children by construction.
    """

    nom: Nomenclature
    head: str
    subs: list[Line] = field(default_factory=list)

    def add(self, code: str, amount: int, amount_next: int = 0, **extra: Any) -> Line:
        entry = official(self.nom, code, self.head)
        if entry.level != "sub_kegiatan":
            raise ValueError(f"{code} is a {entry.level}, not a sub kegiatan")
        line = Line(entry, amount, amount_next, dict(extra))
        self.subs.append(line)
        return line

    def tree(self) -> Iterator[Line]:
        """Program, kegiatan and sub kegiatan lines in document order, parents summed."""
        programs: dict[str, list[Line]] = {}
        for line in sorted(self.subs, key=lambda ln: ln.official.code):
            programs.setdefault(".".join(line.official.code.split(".")[:3]), []).append(line)
        for program_code, subs in programs.items():
            yield self._sum(program_code, subs)
            kegiatan: dict[str, list[Line]] = {}
            for line in subs:
                kegiatan.setdefault(".".join(line.official.code.split(".")[:5]), []).append(line)
            for kegiatan_code, members in kegiatan.items():
                yield self._sum(kegiatan_code, members)
                yield from members

    def _sum(self, code: str, members: list[Line]) -> Line:
        return Line(
            official(self.nom, code, self.head),
            sum(m.amount for m in members),
            sum(m.amount_next for m in members),
        )

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.subs)

    @property
    def total_next(self) -> int:
        return sum(line.amount_next for line in self.subs)

    def lines_at(self, level: str) -> list[Line]:
        return [line for line in self.tree() if line.official.level == level]


def rupiah(value: int, thousands: str = ".") -> str:
    """1916486189 -> '1.916.486.189' (or with ',')."""
    return f"{value:,}".replace(",", thousands)


def round_to(value: float, step: int = 1000) -> int:
    return round(value / step) * step


# --------------------------------------------------------------------------- words and numbers

_ONES = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"]


def terbilang(n: int) -> str:
    """Indonesian number words: 187 -> 'seratus delapan puluh tujuh'."""
    if n < 12:
        return _ONES[n]
    if n < 20:
        return f"{_ONES[n - 10]} belas"
    if n < 100:
        return f"{_ONES[n // 10]} puluh {terbilang(n % 10)}".strip()
    if n < 200:
        return f"seratus {terbilang(n - 100)}".strip()
    if n < 1000:
        return f"{_ONES[n // 100]} ratus {terbilang(n % 100)}".strip()
    if n < 2000:
        return f"seribu {terbilang(n - 1000)}".strip()
    for size, word in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu")):
        if n >= size:
            return f"{terbilang(n // size)} {word} {terbilang(n % size)}".strip()
    raise AssertionError(n)


def count(n: int) -> str:
    """'4 (empat)'."""
    return f"{n} ({terbilang(n)})"


def num(value: float, decimals: int = 0) -> str:
    """Indonesian number: 1850 -> '1.850', 95.11 -> '95,11'."""
    if decimals == 0:
        return f"{round(value):,}".replace(",", ".")
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


# --------------------------------------------------------------------------- spec pieces


def para(text: str) -> dict[str, Any]:
    return {"type": "paragraph", "text": text}


def heading(level: int, text: str) -> dict[str, Any]:
    return {"type": "heading", "level": level, "text": text}


def lst(items: list[str]) -> dict[str, Any]:
    return {"type": "list", "items": items}


def caption(*lines: str) -> dict[str, Any]:
    return {"type": "caption", "lines": list(lines)}


def table(ref: str) -> dict[str, Any]:
    return {"type": "table", "ref": ref}


def section(orientation: str, **extra: Any) -> dict[str, Any]:
    return {"type": "section", "orientation": orientation, **extra}


def column(key: str, width: float, align: str | None = None) -> dict[str, Any]:
    """A spec table column (width in cm)."""
    out: dict[str, Any] = {"key": key, "width": width}
    if align:
        out["align"] = align
    return out


def header_cell(text: str, rowspan: int = 1, colspan: int = 1) -> dict[str, Any]:
    """A spec header cell; spans only when they are more than one."""
    out: dict[str, Any] = {"text": text}
    if rowspan > 1:
        out["rowspan"] = rowspan
    if colspan > 1:
        out["colspan"] = colspan
    return out


def title_case(text: str, small: Iterable[str]) -> str:
    """'PROGRAM PENUNJANG URUSAN ... KABUPATEN/KOTA' -> 'Program Penunjang Urusan ... Kabupaten/Kota'
    (the ``small`` words stay lower case after the first), as lists write program names."""
    keep = set(small)
    out = []
    for i, word in enumerate(text.lower().split()):
        out.append(word if i and word in keep else "/".join(p[:1].upper() + p[1:] for p in word.split("/")))
    return " ".join(out)


# --------------------------------------------------------------------------- spec editing


def rows_of(spec: Mapping[str, Any], table_id: str) -> list[dict[str, Any]]:
    return spec["tables"][table_id]["rows"]


def row_with(spec: Mapping[str, Any], table_id: str, code: str, level: str | None = None) -> dict[str, Any]:
    """The first row of ``table_id`` whose canonical code is ``code``."""
    for row in rows_of(spec, table_id):
        if row.get("code") == code and (level is None or row.get("level") == level):
            return row
    raise KeyError(f"{table_id}: no row with code {code}")


def variant(spec: Mapping[str, Any], new_id: str) -> dict[str, Any]:
    """A deep copy of ``spec`` under another id (the defect variant of a clean sample)."""
    out = copy.deepcopy(dict(spec))
    out["id"] = new_id
    return out


def replace_text(
    spec: dict[str, Any], old: str, new: str, *, count: int = 1, blocks: Iterable[str] = ("paragraph",)
) -> int:
    """Replace ``old`` in the first ``count`` body blocks of the given types; returns how many changed."""
    changed = 0
    for block in spec["body"]:
        if changed >= count or block["type"] not in blocks:
            continue
        for key in ("text",):
            if key in block and old in block[key]:
                block[key] = block[key].replace(old, new, 1)
                changed += 1
        for key in ("items", "lines"):
            if key in block:
                for i, item in enumerate(block[key]):
                    if changed < count and item and old in item:
                        block[key][i] = item.replace(old, new, 1)
                        changed += 1
    if changed == 0:
        raise KeyError(f"text {old!r} not found in {', '.join(blocks)} blocks")
    return changed


def find_block(spec: Mapping[str, Any], block_type: str, needle: str) -> dict[str, Any]:
    """The first body block of ``block_type`` whose text, items or lines hold ``needle``."""
    for block in spec["body"]:
        if block["type"] != block_type:
            continue
        text = block.get("text") or "\n".join(block.get("items", []) + block.get("lines", []))
        if needle in text:
            return block
    raise KeyError(f"no {block_type} block with {needle!r}")


# --------------------------------------------------------------------------- output


def dump(spec: Mapping[str, Any]) -> str:
    """Block style, key order kept, no line folding (like the hand-made specs)."""
    return str(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True, width=1_000_000, default_flow_style=False))


def write_spec(spec: Mapping[str, Any], comment: str, folder: Path = SPECS) -> Path:
    """Write ``spec`` as ``<folder>/<id>.yaml`` under a comment saying how it was made."""
    path = folder / f"{spec['id']}.yaml"
    header = "".join(f"# {line}\n" if line else "#\n" for line in comment.strip().splitlines())
    path.write_text(header + dump(spec), encoding="utf-8")
    return path
