"""Reading reference spreadsheets (XLSX or CSV) into :class:`ReferenceData`.

A file is read without a mapping when its header row names the columns the way SIPD-RI
exports and Bappeda spreadsheets do (fields.py). Any other layout is read through a small
YAML mapping passed in the file's place (``--reference rkpd-export.yaml``)::

    file: rkpd-export.xlsx     # the spreadsheet, relative to this mapping
    kind: rkpd                 # rkpd | renstra | pagu (default: told from the columns)
    sheet: Ranwal RKPD         # default: every sheet with a header row
    header_row: 4              # 1-based (default: found)
    unit: Kecamatan Randuagung # the whole file is one unit's (when it has no unit column)
    money_unit: 1000           # amounts written in thousands (default: 1, or the header's "(Rp.000)")
    columns:                   # field: the header as the file writes it
      code: Kode Rekening
      name: Uraian

A problem with the whole file (not a spreadsheet, no code column, too many rows) raises
:class:`InputError`; a problem with one unit's rows (a code twice, an amount that is not a
number) is kept with that unit, so only its documents fail.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any

import yaml

from auditor.errors import InputError
from auditor.model.amounts import AmountError, parse_amount
from auditor.model.codes import parse_code
from auditor.model.document import Level, SheetPlace
from auditor.reference.data import ReferenceData, RefRow, UnitData
from auditor.reference.fields import FIELDS, KINDS, MONEY, money_unit, normalise, recognise

MAX_ROWS = 50_000  # rows of one file: a kabupaten's RKPD has a few thousand
MAX_BYTES = 50 * 1024 * 1024
HEADER_SEARCH = 30  # rows searched for the header row
# Fields a cell may hold several of, one per line (a program with several indicators).
_STACKING = ("indicator", "target", "target_next", "target_akhir", "satuan")
_CODE_LIKE = re.compile(r"^\s*\d+(?:\s*\.\s*[\dA-Za-z]+){2,}\s*$")  # a program code or longer


def unit_key(name: str | None) -> str:
    """A unit's name compared: "Kec. Randuagung" and "KECAMATAN RANDUAGUNG" are one unit."""
    if not name:
        return ""
    text = name.lower()
    text = re.sub(r"\bkec\b\.?", "kecamatan ", text)
    text = re.sub(r"\bkab\b\.?", "kabupaten ", text)
    text = re.sub(r"\bkel\b\.?", "kelurahan ", text)
    return re.sub(r"\s+", " ", re.sub(r"[^0-9a-z]+", " ", text)).strip()


@dataclass(frozen=True)
class Mapping:
    kind: str | None = None
    sheet: str | None = None
    header_row: int | None = None
    unit: str | None = None
    money_unit: int | None = None
    columns: dict[str, str] = field(default_factory=dict)  # field -> header as written


def _fail(path: Path, id_text: str, en_text: str) -> InputError:
    return InputError(
        "reference",
        f"Data rujukan {path} tidak dapat dipakai: {id_text}",
        f"Reference data {path} cannot be used: {en_text}",
    )


def read_references(paths: list[Path]) -> ReferenceData:
    """Every file of ``--reference`` (spreadsheets, or mappings naming one), by unit."""
    data = ReferenceData()
    contents: list[bytes] = []
    for given in paths:
        source, mapping, raw, mapping_raw = _resolve(given)
        contents += [mapping_raw, raw] if mapping_raw is not None else [raw]
        data.files.append(str(given))
        _read_file(source, raw, mapping, data)
    data.seal(contents)
    return data


def _read_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise _fail(path, f"berkas lebih dari {MAX_BYTES // 2**20} MB", f"the file is over {MAX_BYTES // 2**20} MB")
        return path.read_bytes()
    except FileNotFoundError:
        raise _fail(path, "berkas tidak ditemukan", "file not found") from None
    except IsADirectoryError:
        raise _fail(path, "ini sebuah folder, bukan berkas", "it is a folder, not a file") from None
    except OSError as exc:
        raise _fail(path, f"tidak dapat dibaca ({exc.strerror})", f"cannot be read ({exc.strerror})") from None


def _resolve(path: Path) -> tuple[Path, Mapping | None, bytes, bytes | None]:
    """The spreadsheet to read, its mapping (when ``path`` is a YAML mapping), the
    spreadsheet's bytes and the mapping's (each file is read once)."""
    if path.suffix.lower() not in (".yaml", ".yml"):
        return path, None, _read_bytes(path), None
    raw = _read_bytes(path)
    try:
        spec = yaml.safe_load(raw.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise _fail(path, f"pemetaan YAML tidak sah ({exc})", f"invalid YAML mapping ({exc})") from None
    if not isinstance(spec, dict) or not isinstance(spec.get("file"), str):
        raise _fail(path, "pemetaan harus memuat 'file: NAMA.xlsx'", "a mapping must say 'file: NAME.xlsx'")
    known = {"file", "kind", "sheet", "header_row", "unit", "money_unit", "columns"}
    unknown = sorted(set(spec) - known)
    if unknown:
        raise _fail(path, f"kunci tidak dikenal: {', '.join(unknown)}", f"unknown keys: {', '.join(unknown)}")
    columns = spec.get("columns") or {}
    if not isinstance(columns, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in columns.items()):
        raise _fail(path, "'columns' harus berupa field: judul kolom", "'columns' must map field: column header")
    bad = sorted(set(columns) - FIELDS)
    if bad:
        raise _fail(
            path,
            f"field tidak dikenal: {', '.join(bad)} (yang dikenal: {', '.join(sorted(FIELDS))})",
            f"unknown fields: {', '.join(bad)} (known: {', '.join(sorted(FIELDS))})",
        )
    kind = spec.get("kind")
    if kind is not None and kind not in KINDS:
        raise _fail(path, f"kind harus salah satu dari {', '.join(KINDS)}", f"kind must be one of {', '.join(KINDS)}")
    header_row, unit_mult = spec.get("header_row"), spec.get("money_unit")
    for name, value in (("header_row", header_row), ("money_unit", unit_mult)):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
            raise _fail(path, f"'{name}' harus bilangan bulat positif", f"'{name}' must be a positive whole number")
    mapping = Mapping(
        kind=kind,
        sheet=str(spec["sheet"]) if spec.get("sheet") is not None else None,
        header_row=header_row,
        unit=str(spec["unit"]) if spec.get("unit") is not None else None,
        money_unit=unit_mult,
        columns=dict(columns),
    )
    source = (path.parent / spec["file"]).resolve()
    return source, mapping, _read_bytes(source), raw


Grid = list[list[Any]]  # one sheet's cells as values (percent cells already as "83%")


def _sheets(path: Path, raw: bytes) -> Iterator[tuple[str | None, Iterator[list[Any]]]]:
    if raw[:4] == b"PK\x03\x04":
        yield from _xlsx_sheets(path, raw)
        return
    if raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise _fail(
            path, "format Excel lama (.xls); simpan ulang sebagai .xlsx", "old Excel format (.xls); save it as .xlsx"
        )
    if b"\x00" in raw[:4096] or raw[:5] == b"%PDF-":
        raise _fail(path, "bukan lembar kerja (XLSX atau CSV)", "not a spreadsheet (XLSX or CSV)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    yield None, iter(csv.reader(io.StringIO(text), delimiter=_delimiter(text)))


def _delimiter(text: str) -> str:
    """The separator most lines have the same number of: ";" and tab before ",", which
    amounts ("5,000,000") and names also hold."""
    lines = [line for line in text.splitlines()[:40] if line.strip()]
    best, best_score = ",", 0
    for candidate in (";", "\t", ","):
        counts = Counter(line.count(candidate) for line in lines if candidate in line)
        score = counts.most_common(1)[0][1] if counts else 0
        if score > best_score:
            best, best_score = candidate, score
    return best


def _xlsx_sheets(path: Path, raw: bytes) -> Iterator[tuple[str | None, Iterator[list[Any]]]]:
    from openpyxl import load_workbook  # only reference data needs it here

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise _fail(
            path, f"berkas XLSX rusak ({type(exc).__name__})", f"damaged XLSX file ({type(exc).__name__})"
        ) from None
    try:
        for sheet in book.worksheets:
            yield sheet.title, (_values(row) for row in sheet.iter_rows())
    finally:
        book.close()


def _values(cells: Any) -> list[Any]:
    """A row's values; a percentage cell (0.83 shown as 83%) as the text it shows."""
    out = []
    for cell in cells:
        value = getattr(cell, "value", None)
        fmt = getattr(cell, "number_format", "") or ""
        if isinstance(value, int | float) and not isinstance(value, bool) and "%" in fmt:
            value = f"{_number_text(value * 100)}%"
        out.append(value)
    return out


def _number_text(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.4f}".rstrip("0").rstrip(".").replace(".", ",")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return _number_text(value)
    return " ".join(str(value).split())


@dataclass
class _Columns:
    by_index: dict[int, tuple[str, int | None]]  # column index -> (field, year)
    headers: dict[int, str]  # column index -> header as written
    units: dict[int, int]  # money column index -> multiplier its header states


def _header(row: list[Any], mapping: Mapping | None) -> _Columns:
    by_index: dict[int, tuple[str, int | None]] = {}
    headers: dict[int, str] = {}
    units: dict[int, int] = {}
    wanted = {normalise(h): f for f, h in (mapping.columns.items() if mapping else ())}
    for i, value in enumerate(row):
        header = _text(value)
        if not header:
            continue
        found: tuple[str, int | None] | None = (
            (wanted[normalise(header)], None) if normalise(header) in wanted else None
        )
        if found is None:
            found = recognise(header)
        if found is None or any(f == found for f in by_index.values()):
            continue  # a second column of one field: the first is the one read
        by_index[i], headers[i] = found, header
        units[i] = money_unit(header)
    return _Columns(by_index, headers, units)


def _score(columns: _Columns) -> int:
    fields = {f for f, _ in columns.by_index.values()}
    if "code" not in fields and not {"unit", "pagu"} <= fields and not _goal_sheet(columns):
        return 0
    return len(fields)


def _goal_sheet(columns: _Columns) -> bool:
    """A Renstra sheet of tujuan/sasaran indicators only: no code, targets by year."""
    fields = {f for f, _ in columns.by_index.values()}
    yearly_target = any(f == "target" and year is not None for f, year in columns.by_index.values())
    return "indicator" in fields and (yearly_target or {"year", "target"} <= fields)


def _kind(columns: _Columns, mapping: Mapping | None) -> str | None:
    if mapping and mapping.kind:
        return mapping.kind
    fields = {f for f, _ in columns.by_index.values()}
    yearly = any(year is not None for _, year in columns.by_index.values())
    if ("code" in fields and (yearly or "year" in fields)) or ("code" not in fields and _goal_sheet(columns)):
        return "renstra"
    if "code" in fields:
        return "rkpd"
    if {"unit", "pagu"} <= fields:
        return "pagu"
    return None


def _read_file(path: Path, raw: bytes, mapping: Mapping | None, data: ReferenceData) -> None:
    read_any = False
    total = 0
    for sheet, sheet_rows in _sheets(path, raw):
        if mapping and mapping.sheet is not None and sheet != mapping.sheet:
            continue
        rows = iter(sheet_rows)
        wanted = mapping.header_row if mapping and mapping.header_row else 0
        head = list(islice(rows, max(HEADER_SEARCH, wanted)))
        if wanted:
            columns, at = (_header(head[wanted - 1], mapping), wanted) if wanted <= len(head) else (None, 0)
        else:
            columns, at = _best_header(head, mapping)
        if columns is None or _kind(columns, mapping) is None:
            continue
        read_any = True
        for number, row in enumerate(chain(head[at:], rows), start=at + 1):
            total = _row(path, sheet, number, row, columns, mapping, data, total)
    if not read_any and mapping and mapping.sheet is not None:
        raise _fail(
            path,
            f"lembar '{mapping.sheet}' tidak ada atau tanpa judul kolom",
            f"no sheet '{mapping.sheet}' with column headers",
        )
    if not read_any:
        raise _fail(
            path,
            "tidak ada baris judul dengan kolom kode (Kode, Kode Sub Kegiatan ...) atau perangkat daerah dan pagu; "
            "tulis berkas pemetaan (lihat README)",
            "no header row with a code column (Kode, Kode Sub Kegiatan ...) or unit and pagu columns; "
            "write a mapping file (see the README)",
        )


def _best_header(head: list[list[Any]], mapping: Mapping | None) -> tuple[_Columns | None, int]:
    best: tuple[int, int, _Columns | None] = (0, 0, None)
    for number, row in enumerate(head[:HEADER_SEARCH], start=1):
        columns = _header(row, mapping)
        score = _score(columns)
        if score >= 2 and score > best[0]:
            best = (score, number, columns)
    return best[2], best[1]


def _row(
    path: Path,
    sheet: str | None,
    number: int,
    row: list[Any],
    columns: _Columns,
    mapping: Mapping | None,
    data: ReferenceData,
    total: int,
) -> int:
    kind = _kind(columns, mapping)
    if kind is None or not any(_text(v) for v in row):
        return total
    total += 1
    if total > MAX_ROWS:
        raise _fail(
            path,
            f"lebih dari {MAX_ROWS:,} baris (lembar {sheet or '-'}, baris {number}); pisahkan per perangkat daerah".replace(
                ",", "."
            ),
            f"more than {MAX_ROWS:,} rows (sheet {sheet or '-'}, row {number}); split it by unit",
        )
    values: dict[tuple[str, int | None], tuple[Any, int]] = {}
    for i, key in columns.by_index.items():
        values[key] = (row[i] if i < len(row) else None, i)

    def place(i: int) -> SheetPlace:
        return SheetPlace(path.name, sheet, number, columns.headers[i])

    unit_value = _text(values[("unit", None)][0]) if ("unit", None) in values else ""
    unit = unit_value or (mapping.unit if mapping else None)
    unit_data = data.add(unit_key(unit), unit)
    code = level = None
    goal = False
    if kind != "pagu":
        written = _text(values.get(("code", None), (None, 0))[0])
        parsed = parse_code(written) if written else None
        # A Renstra row with no code but an indicator: a tujuan's or sasaran's indicator
        # (BAB III and T-C.30 are compared with it by the indicator's wording).
        goal = kind == "renstra" and not written and bool(_text(values.get(("indicator", None), (None, 0))[0]))
        if parsed is None and not goal:
            if written and _CODE_LIKE.match(written) and written.count(".") >= 2:
                unit_data.errors.append(
                    {
                        "id": f"{path.name} {sheet or ''} baris {number}: kode '{written}' tidak sah".replace(
                            "  ", " "
                        ),
                        "en": f"{path.name} {sheet or ''} row {number}: invalid code '{written}'".replace("  ", " "),
                    }
                )
            return total  # an urusan/bidang heading ("7.01") or a note: not a program row
        if parsed is not None:
            code, level = parsed.canonical, parsed.level
    texts: dict[str, str] = {}
    amounts: dict[str, int | None] = {}
    places: dict[str, SheetPlace] = {}
    yearly: dict[int, dict[str, tuple[Any, int]]] = {}
    for (name, year), (value, i) in values.items():
        if year is not None:
            yearly.setdefault(year, {})[name] = (value, i)
            continue
        if name in ("unit", "code", "year"):
            if name != "unit":
                places[name] = place(i)
            continue
        places[name] = place(i)
        if name in MONEY:
            amounts[name] = _amount(
                path, sheet, number, columns.headers[i], value, _mult(columns, i, mapping), unit_data
            )
        else:
            texts[name] = _lines(value) if name in _STACKING else _text(value)
    year_text = _text(values[("year", None)][0]) if ("year", None) in values else ""
    row_year = int(year_text) if year_text.isdigit() else None
    base = RefRow(kind, unit, code, level or (Level.OTHER if goal else Level.TOTAL), texts, amounts, places, row_year)
    if yearly:  # Renstra's yearly columns: one row per year
        for year, cells in sorted(yearly.items()):
            y_texts, y_amounts, y_places = dict(texts), dict(amounts), dict(places)
            if "target" in cells:
                value, i = cells["target"]
                y_texts["target"] = _lines(value)
                y_places["target"] = place(i)
            if "pagu" in cells:
                value, i = cells["pagu"]
                y_amounts["pagu"] = _amount(
                    path, sheet, number, columns.headers[i], value, _mult(columns, i, mapping), unit_data
                )
                y_places["pagu"] = place(i)
            _add(
                unit_data, RefRow(kind, unit, code, base.level, y_texts, y_amounts, y_places, year), path, sheet, number
            )
    else:
        _add(unit_data, base, path, sheet, number)
    return total


def _mult(columns: _Columns, i: int, mapping: Mapping | None) -> int:
    return mapping.money_unit if mapping and mapping.money_unit else columns.units.get(i, 1)


def _amount(
    path: Path, sheet: str | None, number: int, header: str, value: Any, mult: int, unit_data: UnitData
) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return round(value * mult)
    try:
        amount = parse_amount(str(value))
    except AmountError:
        where = f"{path.name}{f' / {sheet}' if sheet else ''}"
        unit_data.errors.append(
            {
                "id": f"{where}, baris {number}, kolom '{header}': '{value}' bukan angka",
                "en": f"{where}, row {number}, column '{header}': '{value}' is not a number",
            }
        )
        return None
    return None if amount is None else amount * mult


def _lines(value: Any) -> str:
    """A cell's text keeping its lines (stacked indicators and their targets)."""
    return (
        "\n".join(t for line in str(value).splitlines() if (t := _text(line)))
        if isinstance(value, str)
        else _text(value)
    )


def _unstack(row: RefRow) -> RefRow:
    """Several indicators written as lines of one cell, each target on its own line, become
    the row's stacked indicators; the "Satuan" (one, or a line each) joins every target.
    Lines that do not line up stay one text."""
    texts = dict(row.texts)
    satuan = texts.pop("satuan", "")
    lines = {f: texts[f].split("\n") for f in _STACKING if f != "satuan" and f in texts}
    units = satuan.split("\n") if satuan else []
    count = len(lines.get("indicator", []))
    if count < 2 or any(len(v) not in (1, count) for v in lines.values()) or len(units) not in (0, 1, count):
        count = 1
        lines = {f: [" ".join(v)] for f, v in lines.items()}
        units = [" ".join(units)] if units else []

    def with_unit(field: str, text: str, i: int) -> str:
        unit = units[i] if len(units) == count else (units[0] if units else "")
        if field.startswith("target") and unit and text and unit.lower() not in text.lower():
            return f"{text} {unit}"
        return text

    parts = [{f: with_unit(f, v[i], i) for f, v in lines.items() if len(v) == count or i == 0} for i in range(count)]
    texts.update(parts[0])
    stacked = [(p, {f: row.places[f] for f in p if f in row.places}) for p in parts[1:]]
    return dataclasses.replace(row, texts=texts, stacked=stacked)


def _add(unit_data: UnitData, row: RefRow, path: Path, sheet: str | None, number: int) -> None:
    row = _unstack(row)
    if row.code is None and row.kind == "renstra":
        # A tujuan/sasaran indicator may be written for both; two that disagree are
        # not compared (the match is ambiguous), so neither is an error here.
        unit_data.rows.append(row)
        return
    # Looked up, not searched: a file of one unit may hold tens of thousands of rows.
    key = (row.kind, row.code, row.year)
    other = unit_data.seen.get(key)
    if other is None:
        unit_data.seen[key] = row
        unit_data.rows.append(row)
        return
    indicator = row.texts.get("indicator", "")
    known = [other.texts.get("indicator", "")] + [t.get("indicator", "") for t, _ in other.stacked]
    if indicator and indicator not in known and not row.stacked:
        # One row per indicator (as SIPD-RI exports a program with several): the next one.
        fields = {f: t for f, t in row.texts.items() if f in ("indicator", "target", "target_next", "target_akhir")}
        other.stacked.append((fields, {f: row.places[f] for f in fields if f in row.places}))
        return
    first = next(iter(other.places.values())).row if other.places else "?"
    where = f"{path.name}{f' / {sheet}' if sheet else ''}"
    what = row.code or "pagu"
    unit_data.errors.append(
        {
            "id": f"{where}: {what} tertulis dua kali untuk {unit_data.name or 'berkas ini'} (baris {first} dan {number})",
            "en": f"{where}: {what} is written twice for {unit_data.name or 'this file'} (rows {first} and {number})",
        }
    )
