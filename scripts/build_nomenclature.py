"""Build the package's nomenclature data from the published sub kegiatan spreadsheets.

    /tmp/venv0/bin/python scripts/build_nomenclature.py [--source DIR] [--out DIR]

Reads the official spreadsheets in ``../shared/nomenclature`` (``--source``; see its
README.md) with openpyxl and writes one gzipped JSON file per nomenclature version
into ``auditor/data/nomenclature/`` (``--out``):

* ``kepmendagri-900-2023.json.gz`` from ``subkegiatan-kepmendagri-900-2023.xlsx``:
  Kepmendagri 900.1.15.5-1317/2023, in force for budget years 2024-2026, kabupaten/kota
  only. Its codes are split over five columns and not zero-padded
  (``7 | 1 | 2 | 2.01 | 1``); they are rebuilt as ``7.01.02.2.01.01``.
* ``pemutakhiran-2027.json.gz`` from ``nomenklatur-subkegiatan-2027.xlsx``: the SIPD
  export of the update for budget year 2027 (provinsi and kabupaten/kota). Every row is
  one sub kegiatan, with bidang, program and kegiatan as "code name" text in their own
  columns; ``SUBKEGIATAN SEBELUMNYA`` names the code a renamed/renumbered row had before.

Nothing is typed by hand: every code, name, kinerja, indikator and satuan comes from
the spreadsheets. Text is only cleaned of PDF-conversion debris: runs of spaces and
line breaks become one space, a hyphen left dangling by a line break is closed up
("Perundang- Undangan" -> "Perundang-Undangan"), and UTF-8 read as Windows-1252
("MÂ³") is decoded again.

Output layout (``format`` 1)::

    {"format": 1, "id": ..., "title": {"id": ..., "en": ...}, "regulation": ...,
     "valid_from": 2024, "valid_to": 2026 | null,
     "source": {"file": ..., "sha256": ...},
     "scopes": {"kabkot": {CODE: ENTRY, ...}, "prov": {...}}}

CODE is the canonical code of ``auditor.model.codes`` (two-digit sub kegiatan number
when it fits: ``7.01.01.2.01.01``; the generic support program of every unit keeps its
``X.XX`` prefix). ENTRY has ``level`` (urusan, bidang, program, kegiatan, sub_kegiatan)
and ``name``; a sub kegiatan also has ``code4`` (the four-digit form), ``kinerja``,
``indikator`` and ``satuan``, and in the 2027 data ``previous`` (canonical code) and
``previous_name`` when the row replaces an earlier one. Files are written
deterministically (sorted keys, gzip mtime 0), so a rebuild from the same spreadsheets
gives the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: make auditor importable

from auditor.model.codes import parse_code  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "nomenclature"
DEFAULT_OUT = ROOT / "auditor" / "data" / "nomenclature"
FORMAT = 1

Entry = dict[str, Any]
Scopes = dict[str, dict[str, Entry]]


@dataclass(frozen=True)
class Version:
    id: str
    source: str
    title: dict[str, str]
    regulation: str
    valid_from: int
    valid_to: int | None


V900 = Version(
    id="kepmendagri-900-2023",
    source="subkegiatan-kepmendagri-900-2023.xlsx",
    title={
        "id": "Kepmendagri 900.1.15.5-1317/2023 (tahun anggaran 2024-2026)",
        "en": "Kepmendagri 900.1.15.5-1317/2023 (budget years 2024-2026)",
    },
    regulation="Kepmendagri 900.1.15.5-1317/2023",
    valid_from=2024,
    valid_to=2026,
)
V2027 = Version(
    id="pemutakhiran-2027",
    source="nomenklatur-subkegiatan-2027.xlsx",
    title={
        "id": "Nomenklatur sub kegiatan versi pemutakhiran 2027 (SIPD)",
        "en": "Sub kegiatan nomenclature, 2027 update (SIPD)",
    },
    regulation="Pemutakhiran nomenklatur 2027",
    valid_from=2027,
    valid_to=None,
)

_SPACE = re.compile(r"\s+")
_DANGLING_HYPHEN = re.compile(r"(?<=[A-Za-z])- (?=[A-Za-z0-9])")
_CODE_TEXT = re.compile(r"^\s*([0-9Xx][0-9Xx.]*)\s+(.*)$", re.DOTALL)


def clean(text: Any) -> str | None:
    """Cell text without PDF-conversion debris; None for an empty cell."""
    if text is None:
        return None
    out = str(text)
    if "Â" in out or "Ã" in out:
        try:
            out = out.encode("cp1252").decode("utf-8")
        except UnicodeError:
            pass  # not mojibake after all: keep the text as read
    out = _DANGLING_HYPHEN.sub("-", _SPACE.sub(" ", out).strip())
    return out or None


def canonical(written: str) -> str:
    code = parse_code(written)
    if code is None:
        raise ValueError(f"not a nomenclature code: {written!r}")
    return code.canonical


def code4(canonical_code: str) -> str:
    head, _, sub = canonical_code.rpartition(".")
    return f"{head}.{int(sub):04d}"


# --- Kepmendagri 900 (2024-2026) -------------------------------------------------


def _segment(value: Any, width: int) -> str:
    """One code component of the 900 sheet: 7 -> "7", 1 -> "01", "XX" stays."""
    text = str(value).strip()
    return text.zfill(width) if text.isdigit() else text


def read_900(path: Path) -> Scopes:
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    entries: dict[str, Entry] = {}
    rows = sheet.iter_rows(values_only=True)
    next(rows)  # header
    for urusan, bidang, program, kegiatan, sub, name, kinerja, indikator, satuan, *_ in rows:
        if urusan is None:
            continue
        parts = [_segment(urusan, 1)]
        for value, width in ((bidang, 2), (program, 2), (kegiatan, 0), (sub, 2)):
            if value is None:
                break
            parts.append(_segment(value, width))
        level = ("urusan", "bidang", "program", "kegiatan", "sub_kegiatan")[len(parts) - 1]
        code = ".".join(parts)
        entry: Entry = {"level": level, "name": clean(name)}
        if level == "sub_kegiatan":
            code = canonical(code)
            entry.update(code4=code4(code), kinerja=clean(kinerja), indikator=clean(indikator), satuan=clean(satuan))
        if code in entries:
            raise ValueError(f"{path.name}: code {code} appears twice")
        entries[code] = entry
    return {"kabkot": entries}


# --- SIPD 2027 update -------------------------------------------------------------


def split_code_text(text: Any) -> tuple[str, str]:
    m = _CODE_TEXT.match(str(text or ""))
    if not m:
        raise ValueError(f"no code at the start of {text!r}")
    return m.group(1).upper(), clean(m.group(2)) or ""


def _scope(jenis_pemda: Any) -> str:
    value = str(jenis_pemda).strip().upper()
    if value not in ("PROV", "KABKOT"):
        raise ValueError(f"unknown JENIS PEMDA {jenis_pemda!r}")
    return value.lower()


def _parent_entries(row: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    for column, level in (("BIDANG", "bidang"), ("PROGRAM", "program"), ("KEGIATAN", "kegiatan")):
        code, name = split_code_text(row[column])
        yield code, level, name


def read_2027(path: Path) -> Scopes:
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [str(h).strip() for h in next(rows)]
    scopes: Scopes = defaultdict(dict)
    # Bidang/program/kegiatan names repeat on every sub kegiatan row, sometimes with
    # different debris: keep the most frequent cleaned spelling.
    parent_names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    parent_levels: dict[tuple[str, str], str] = {}
    for values in rows:
        row = dict(zip(header, values))
        if not row.get("SUBKEGIATAN"):
            continue
        scope = _scope(row["JENIS PEMDA"])
        for code, level, name in _parent_entries(row):
            parent_names[(scope, code)][name] += 1
            parent_levels[(scope, code)] = level
        written, name = split_code_text(row["SUBKEGIATAN"])
        code = canonical(written)
        entry: Entry = {
            "level": "sub_kegiatan",
            "name": name,
            "code4": code4(code),
            "kinerja": clean(row.get("KINERJA")),
            "indikator": clean(row.get("INDIKATOR")),
            "satuan": clean(row.get("SATUAN")),
        }
        if row.get("SUBKEGIATAN SEBELUMNYA"):
            prev_written, prev_name = split_code_text(row["SUBKEGIATAN SEBELUMNYA"])
            entry.update(previous=canonical(prev_written), previous_name=prev_name)
        if code in scopes[scope] and scopes[scope][code] != entry:
            raise ValueError(f"{path.name}: {scope} {code} appears twice with different data")
        scopes[scope][code] = entry
    for (scope, code), names in parent_names.items():
        scopes[scope][code] = {"level": parent_levels[(scope, code)], "name": names.most_common(1)[0][0]}
    return dict(scopes)


# --- output -----------------------------------------------------------------------


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def document(version: Version, scopes: Scopes, source: Path) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "id": version.id,
        "title": version.title,
        "regulation": version.regulation,
        "valid_from": version.valid_from,
        "valid_to": version.valid_to,
        "source": {"file": source.name, "sha256": sha256(source)},
        "scopes": {scope: dict(sorted(entries.items())) for scope, entries in sorted(scopes.items())},
    }


def write(data: dict[str, Any], out: Path) -> None:
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as fh, gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0, compresslevel=9) as gz:
        gz.write(raw)


def summary(data: dict[str, Any]) -> str:
    parts = []
    for scope, entries in data["scopes"].items():
        levels = Counter(e["level"] for e in entries.values())
        moved = sum(1 for e in entries.values() if "previous" in e)
        counts = ", ".join(f"{n} {lvl}" for lvl, n in sorted(levels.items()))
        parts.append(f"{scope}: {counts}" + (f", {moved} with a previous code" if moved else ""))
    return f"{data['id']}: " + "; ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder of the spreadsheets")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder to write the data files into")
    args = parser.parse_args(argv)
    for version, reader in ((V900, read_900), (V2027, read_2027)):
        source = args.source / version.source
        data = document(version, reader(source), source)
        write(data, args.out / f"{version.id}.json.gz")
        print(summary(data))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
