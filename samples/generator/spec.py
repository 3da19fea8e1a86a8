"""Load and validate a Renja sample spec (format: samples/specs/SCHEMA.md).

Validation is strict about *structure* (unknown block types, unknown keys, wrong value
types, header cells that do not tile the column grid): a typo in a spec would otherwise
silently drop content from the ground truth. Rules about *content* (level vs. code
pattern, codes on aktivitas rows, ...) only produce warnings, because the documents
being transcribed contain mistakes on purpose and a half-written spec should still render.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# A table cell value: int = money (formatted with style.thousands), str = verbatim.
CellValue = int | str

BLOCK_KEYS: dict[str, frozenset[str]] = {
    "cover": frozenset({"lines"}),
    "heading": frozenset({"level", "text"}),
    "paragraph": frozenset({"text"}),
    "list": frozenset({"items"}),
    "caption": frozenset({"lines"}),
    "table": frozenset({"ref"}),
    "signature": frozenset({"lines"}),
    "page_break": frozenset(),
    "section": frozenset({"orientation"}),
    "toc": frozenset({"of"}),
    "figure": frozenset({"kind", "caption", "labels"}),
}
# Keys a block may have besides its required BLOCK_KEYS.
BLOCK_OPTIONAL_KEYS: dict[str, frozenset[str]] = {
    "section": frozenset({"numbering", "start", "header", "page_format"}),
    "toc": frozenset({"title", "levels", "entries"}),
    "figure": frozenset({"height", "values"}),
}
# Page number styles of a section; none prints no number (a cover) but the page still counts.
NUMBERINGS = frozenset({"arabic", "lower_roman", "none"})
TOC_OF = frozenset({"headings", "tables", "figures"})
TOC_TITLES = {"headings": "DAFTAR ISI", "tables": "DAFTAR TABEL", "figures": "DAFTAR GAMBAR"}
TOC_ENTRY_KEYS = frozenset({"text", "target", "level"})
FIGURE_KINDS = frozenset({"org_chart", "bar_chart", "flow"})
DEFAULT_FIGURE_HEIGHT_CM = 8.0
TOP_KEYS = frozenset({"id", "family", "ruleset", "meta", "style", "body", "tables", "defects"})
META_KEYS = frozenset({"unit", "region", "plan_year", "place_date"})
STYLE_KEYS = frozenset({"font", "body_pt", "table_pt", "thousands", "code_style"})
TABLE_KEYS = frozenset({"kind", "caption", "columns", "header", "number_row", "rows", "render"})
COLUMN_KEYS = frozenset({"key", "width", "align"})
HEADER_CELL_KEYS = frozenset({"text", "rowspan", "colspan"})
ROW_KEYS = frozenset({"level", "code", "cells", "split"})
DEFECT_KEYS = frozenset({"id", "what", "expect"})
# What an injected defect must make the auditor report: a finding of `rule` whose location
# has the given table / code / column / page, and whose actual value or place mentions `text`.
EXPECT_KEYS = frozenset({"rule", "table", "code", "column", "page", "text"})

TABLE_KINDS = frozenset(
    {"T-C.29", "T-C.30", "T-C.31", "T-C.32", "T-C.33", "Tabel 4.1", "Tabel 3.2", "Tabel 3.3", "other"}
)
ROW_LEVELS = frozenset({"total", "program", "kegiatan", "sub_kegiatan", "aktivitas", "other"})
ALIGNS = frozenset({"left", "center", "right"})
# written: the code cell prints cells.code; canonical: it prints the row's canonical code.
CODE_STYLES = frozenset({"written", "canonical"})
# writer: a Word table in the document; calc: a spreadsheet page range spliced into the PDF;
# html: printed from a web page by Chromium (as SIPD-RI prints), spliced likewise.
RENDERERS = frozenset({"writer", "calc", "html"})
ORIENTATIONS = frozenset({"portrait", "landscape"})

# Canonical code shapes (Kepmendagri 050-5889) per row level, used for warnings only.
CODE_PATTERNS: dict[str, re.Pattern[str]] = {
    "program": re.compile(r"^\d\.\d{2}\.\d{2}$"),
    "kegiatan": re.compile(r"^\d\.\d{2}\.\d{2}\.\d\.\d{2}$"),
    "sub_kegiatan": re.compile(r"^\d\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{2}$"),
}
PROGRAM_KINDS = frozenset({"T-C.33", "Tabel 4.1"})


class SpecError(ValueError):
    """The spec breaks SCHEMA.md; the message says where (file and YAML path)."""


@dataclass(frozen=True)
class Meta:
    unit: str | None = None
    region: str | None = None
    plan_year: int | None = None
    place_date: str | None = None


@dataclass(frozen=True)
class Style:
    font: str = "Liberation Sans"
    body_pt: float = 11.0
    table_pt: float = 7.5
    thousands: str = ","
    code_style: str = "written"


@dataclass(frozen=True)
class TocEntry:
    """One line of a table of contents: `text`, dot leader, the printed page of `target`.

    `target` is the heading / caption text whose page is printed; `page` is None until
    the generator has found it in a rendered PDF (samples/generator/toc.py).
    """

    text: str
    target: str
    level: int | None = None  # indent step (1 = flush left); None: the target heading's level, else 1
    page: str | None = None


@dataclass(frozen=True)
class Block:
    """One body block; only the fields its `type` uses are set."""

    type: str
    text: str | None = None
    level: int | None = None
    lines: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    ref: str | None = None
    orientation: str | None = None
    # section: page number style (None = as the previous section), restart number, running
    # header (None = as the previous section, "" = none)
    numbering: str | None = None
    start: int | None = None
    header: str | None = None
    # section: how the footer prints the page number, "{}" standing for it ("- {} -");
    # None = as the previous section (default "{}", the bare number)
    page_format: str | None = None
    # toc: what it lists, its title (text), heading depth (level), written entries; resolved
    # once the entries carry their page numbers
    of: str | None = None
    entries: tuple[TocEntry, ...] = ()
    resolved: bool = False
    # figure: caption (lines), kind, labels, bar values, picture height in cm
    kind: str | None = None
    labels: tuple[str, ...] = ()
    values: tuple[float, ...] = ()
    height: float | None = None


@dataclass(frozen=True)
class Column:
    key: str
    width: float  # cm
    align: str | None = None


@dataclass(frozen=True)
class HeaderCell:
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class PlacedHeaderCell:
    """A header cell with its position in the header grid (0-based)."""

    row: int
    col: int
    cell: HeaderCell


@dataclass(frozen=True)
class Row:
    level: str
    code: str | None
    cells: Mapping[str, CellValue]
    split: tuple[Mapping[str, CellValue], ...] = ()

    def split_keys(self, columns: Sequence[Column]) -> list[str]:
        """Keys that get one cell per sub-row, in column order."""
        named = {key for sub in self.split for key in sub}
        return [col.key for col in columns if col.key in named]


@dataclass(frozen=True)
class Table:
    id: str
    kind: str | None
    caption: tuple[str, ...]
    columns: tuple[Column, ...]
    header: tuple[tuple[HeaderCell, ...], ...]
    number_row: tuple[str, ...] | None
    rows: tuple[Row, ...]
    render: str = "writer"

    @property
    def width_cm(self) -> float:
        return sum(col.width for col in self.columns)

    def placed_header(self) -> list[PlacedHeaderCell]:
        return place_header_cells(self.header, len(self.columns))


@dataclass(frozen=True)
class Defect:
    """A mistake put into a sample on purpose, and the findings that show it was found.

    The defect counts as found when any finding matches any of `expect`; every finding
    matching one is explained by it (see bench/quality.py).
    """

    id: str
    what: str
    expect: tuple[Mapping[str, Any], ...]


@dataclass(frozen=True)
class Spec:
    id: str
    meta: Meta
    style: Style
    body: tuple[Block, ...]
    tables: Mapping[str, Table]
    source: Path | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)
    family: str | None = None  # template family the sample belongs to (bench/quality.py groups by it)
    ruleset: str | None = None  # the bundled rule set the document is checked with (default renja-permendagri86)
    defects: tuple[Defect, ...] = ()  # empty: a clean document


# --------------------------------------------------------------------------- helpers


def _fail(where: str, message: str) -> SpecError:
    return SpecError(f"{where}: {message}")


def _mapping(value: Any, where: str, allowed: frozenset[str], required: Sequence[str] = ()) -> dict[str, Any]:
    """Check that `value` is a mapping with only `allowed` keys and all `required` ones."""
    if not isinstance(value, Mapping):
        raise _fail(where, f"expected a mapping, got {type(value).__name__}")
    unknown = sorted(str(k) for k in value if k not in allowed)
    if unknown:
        allowed_txt = ", ".join(sorted(allowed)) or "(none)"
        raise _fail(where, f"unknown key(s) {', '.join(unknown)}; allowed: {allowed_txt}")
    missing = [k for k in required if k not in value]
    if missing:
        raise _fail(where, f"missing required key(s) {', '.join(missing)}")
    return dict(value)


def _str(value: Any, where: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        hint = " (quote it so YAML keeps it as text)" if isinstance(value, (int, float, bool)) else ""
        raise _fail(where, f"expected a string, got {type(value).__name__} {value!r}{hint}")
    return value


def _int(value: Any, where: str, *, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise _fail(where, f"expected an integer >= {minimum}, got {value!r}")
    return value


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise _fail(where, f"expected a positive number, got {value!r}")
    return float(value)


def _choice(value: Any, where: str, choices: frozenset[str]) -> str:
    if value not in choices:
        raise _fail(where, f"{value!r} is not one of {', '.join(sorted(choices))}")
    return value


def _lines(value: Any, where: str) -> tuple[str, ...]:
    """A list of text lines; a YAML null item is an empty (spacer) line."""
    if not isinstance(value, list):
        raise _fail(where, f"expected a list of strings, got {type(value).__name__}")
    return tuple("" if item is None else _str(item, f"{where}[{i}]") for i, item in enumerate(value))


def _cell_value(value: Any, where: str) -> CellValue | None:
    """int = money, str = verbatim text, null = empty cell."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _fail(
        where,
        f"cell values must be an int (money) or a string, got {type(value).__name__} {value!r}"
        " (quote it to print it verbatim)",
    )


# --------------------------------------------------------------------------- header grid


def place_header_cells(header: Sequence[Sequence[HeaderCell]], ncols: int) -> list[PlacedHeaderCell]:
    """Place header cells on the column grid like HTML does with rowspan/colspan.

    Each cell goes to the first column of its row not already taken by a rowspan from
    above. Raises ValueError if cells overflow, overlap, leave holes, or a rowspan runs
    past the last header row, since any of those means the header was mistranscribed.
    """
    taken: set[tuple[int, int]] = set()
    placed: list[PlacedHeaderCell] = []
    nrows = len(header)
    for r, cells in enumerate(header):
        col = 0
        for i, cell in enumerate(cells):
            while (r, col) in taken:
                col += 1
            if col + cell.colspan > ncols:
                raise ValueError(f"row {r} cell {i} ({cell.text!r}) runs past the last of {ncols} columns")
            if r + cell.rowspan > nrows:
                raise ValueError(f"row {r} cell {i} ({cell.text!r}) has rowspan {cell.rowspan} past the header end")
            for rr in range(r, r + cell.rowspan):
                for cc in range(col, col + cell.colspan):
                    if (rr, cc) in taken:
                        raise ValueError(f"row {r} cell {i} ({cell.text!r}) overlaps another cell")
                    taken.add((rr, cc))
            placed.append(PlacedHeaderCell(r, col, cell))
            col += cell.colspan
    holes = [(r, c) for r in range(nrows) for c in range(ncols) if (r, c) not in taken]
    if holes:
        r, c = holes[0]
        raise ValueError(f"header row {r} leaves column {c} (and {len(holes) - 1} more) without a cell")
    return placed


# --------------------------------------------------------------------------- parsing


def _parse_meta(value: Any) -> Meta:
    if value is None:
        return Meta()
    data = _mapping(value, "meta", META_KEYS)
    year = data.get("plan_year")
    return Meta(
        unit=_str(data.get("unit"), "meta.unit", optional=True),
        region=_str(data.get("region"), "meta.region", optional=True),
        plan_year=None if year is None else _int(year, "meta.plan_year"),
        place_date=_str(data.get("place_date"), "meta.place_date", optional=True),
    )


def _parse_style(value: Any) -> Style:
    if value is None:
        return Style()
    data = _mapping(value, "style", STYLE_KEYS)
    default = Style()
    return Style(
        font=_str(data.get("font", default.font), "style.font") or default.font,
        body_pt=_number(data.get("body_pt", default.body_pt), "style.body_pt"),
        table_pt=_number(data.get("table_pt", default.table_pt), "style.table_pt"),
        thousands=_choice(data.get("thousands", default.thousands), "style.thousands", frozenset({",", "."})),
        code_style=_choice(data.get("code_style", default.code_style), "style.code_style", CODE_STYLES),
    )


def _parse_block(value: Any, where: str) -> Block:
    if not isinstance(value, Mapping) or "type" not in value:
        raise _fail(where, "expected a mapping with a 'type' key")
    btype = value["type"]
    if btype not in BLOCK_KEYS:
        raise _fail(where, f"unknown block type {btype!r}; known: {', '.join(BLOCK_KEYS)}")
    allowed = BLOCK_KEYS[btype] | BLOCK_OPTIONAL_KEYS.get(btype, frozenset()) | {"type"}
    data = _mapping(value, f"{where} ({btype})", allowed, required=sorted(BLOCK_KEYS[btype]))
    w = f"{where} ({btype})"
    match btype:
        case "heading":
            level = _int(data["level"], f"{w}.level")
            if level > 3:
                raise _fail(f"{w}.level", f"level must be 1, 2 or 3, got {level}")
            return Block(btype, text=_str(data["text"], f"{w}.text"), level=level)
        case "paragraph":
            return Block(btype, text=_str(data["text"], f"{w}.text"))
        case "list":
            return Block(btype, items=_lines(data["items"], f"{w}.items"))
        case "cover" | "caption" | "signature":
            return Block(btype, lines=_lines(data["lines"], f"{w}.lines"))
        case "table":
            return Block(btype, ref=_str(data["ref"], f"{w}.ref"))
        case "section":
            return _parse_section(data, w)
        case "toc":
            return _parse_toc(data, w)
        case "figure":
            return _parse_figure(data, w)
        case _:  # page_break
            return Block(btype)


def _parse_section(data: dict[str, Any], w: str) -> Block:
    numbering = data.get("numbering")
    start = data.get("start")
    page_format = _str(data.get("page_format"), f"{w}.page_format", optional=True)
    if page_format is not None and (page_format.count("{}") != 1 or "\n" in page_format):
        raise _fail(
            f"{w}.page_format", f"expected one line with exactly one {{}} (the page number), got {page_format!r}"
        )
    return Block(
        "section",
        orientation=_choice(data["orientation"], f"{w}.orientation", ORIENTATIONS),
        numbering=None if numbering is None else _choice(numbering, f"{w}.numbering", NUMBERINGS),
        start=None if start is None else _int(start, f"{w}.start"),
        header=_str(data.get("header"), f"{w}.header", optional=True),
        page_format=page_format,
    )


def _parse_toc(data: dict[str, Any], w: str) -> Block:
    of = _choice(data["of"], f"{w}.of", TOC_OF)
    title = _str(data.get("title", TOC_TITLES[of]), f"{w}.title")
    levels = data.get("levels", 2)
    levels = _int(levels, f"{w}.levels")
    if levels > 3:
        raise _fail(f"{w}.levels", f"levels must be 1, 2 or 3, got {levels}")
    entries: tuple[TocEntry, ...] = ()
    raw = data.get("entries")
    if raw is not None:
        if not isinstance(raw, list) or not raw:
            raise _fail(f"{w}.entries", "expected a non-empty list of {text, target} mappings")
        parsed = []
        for i, item in enumerate(raw):
            where = f"{w}.entries[{i}]"
            entry = _mapping(item, where, TOC_ENTRY_KEYS, required=("text", "target"))
            level = entry.get("level")
            if level is not None and _int(level, f"{where}.level") > 3:
                raise _fail(f"{where}.level", f"level must be 1, 2 or 3, got {level}")
            parsed.append(
                TocEntry(
                    _str(entry["text"], f"{where}.text") or "", _str(entry["target"], f"{where}.target") or "", level
                )
            )
        entries = tuple(parsed)
    return Block("toc", text=title, of=of, level=levels, entries=entries)


def _parse_figure(data: dict[str, Any], w: str) -> Block:
    kind = _choice(data["kind"], f"{w}.kind", FIGURE_KINDS)
    labels = _lines(data["labels"], f"{w}.labels")
    if not labels:
        raise _fail(f"{w}.labels", "expected at least one label")
    values: tuple[float, ...] = ()
    raw = data.get("values")
    if raw is not None:
        if not isinstance(raw, list) or any(isinstance(v, bool) or not isinstance(v, (int, float)) for v in raw):
            raise _fail(f"{w}.values", "expected a list of numbers")
        values = tuple(float(v) for v in raw)
    if kind == "bar_chart" and len(values) != len(labels):
        raise _fail(f"{w}.values", f"a bar_chart needs one value per label ({len(labels)}), got {len(values)}")
    height = data.get("height")
    return Block(
        "figure",
        lines=_lines(data["caption"], f"{w}.caption"),
        kind=kind,
        labels=labels,
        values=values,
        height=DEFAULT_FIGURE_HEIGHT_CM if height is None else _number(height, f"{w}.height"),
    )


def _parse_column(value: Any, where: str) -> Column:
    data = _mapping(value, where, COLUMN_KEYS, required=("key", "width"))
    align = data.get("align")
    return Column(
        key=_str(data["key"], f"{where}.key"),
        width=_number(data["width"], f"{where}.width"),
        align=None if align is None else _choice(align, f"{where}.align", ALIGNS),
    )


def _parse_header_cell(value: Any, where: str) -> HeaderCell:
    data = _mapping(value, where, HEADER_CELL_KEYS, required=("text",))
    return HeaderCell(
        text=_str(data["text"], f"{where}.text"),
        rowspan=_int(data.get("rowspan", 1), f"{where}.rowspan"),
        colspan=_int(data.get("colspan", 1), f"{where}.colspan"),
    )


def _parse_cells(value: Any, where: str, column_keys: frozenset[str]) -> dict[str, CellValue]:
    if value is None:
        return {}
    data = _mapping(value, where, column_keys)
    cells = {key: _cell_value(v, f"{where}.{key}") for key, v in data.items()}
    return {key: v for key, v in cells.items() if v is not None}


def _parse_row(value: Any, where: str, column_keys: frozenset[str]) -> Row:
    data = _mapping(value, where, ROW_KEYS)
    split_raw = data.get("split") or []
    if not isinstance(split_raw, list):
        raise _fail(f"{where}.split", "expected a list of mappings (one per sub-row)")
    split = tuple(_parse_cells(sub, f"{where}.split[{i}]", column_keys) for i, sub in enumerate(split_raw))
    cells = _parse_cells(data.get("cells"), f"{where}.cells", column_keys)
    both = sorted({key for sub in split for key in sub} & cells.keys())
    if both:
        raise _fail(where, f"column(s) {', '.join(both)} appear both in cells and in split")
    return Row(
        level=_choice(data.get("level", "other"), f"{where}.level", ROW_LEVELS),
        code=_str(data.get("code"), f"{where}.code", optional=True),
        cells=cells,
        split=split,
    )


def _parse_table(table_id: str, value: Any) -> Table:
    where = f"tables.{table_id}"
    data = _mapping(value, where, TABLE_KEYS, required=("columns", "rows"))
    kind = data.get("kind")
    columns_raw = data["columns"]
    if not isinstance(columns_raw, list) or not columns_raw:
        raise _fail(f"{where}.columns", "expected a non-empty list")
    columns = tuple(_parse_column(c, f"{where}.columns[{i}]") for i, c in enumerate(columns_raw))
    keys = [c.key for c in columns]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise _fail(f"{where}.columns", f"duplicate column key(s) {', '.join(duplicates)}")
    header = _parse_header(data.get("header"), f"{where}.header", len(columns))
    number_row = _parse_number_row(data.get("number_row"), f"{where}.number_row", len(columns))
    rows_raw = data["rows"]
    if not isinstance(rows_raw, list):
        raise _fail(f"{where}.rows", "expected a list")
    column_keys = frozenset(keys)
    rows = tuple(_parse_row(r, f"{where}.rows[{i}]", column_keys) for i, r in enumerate(rows_raw))
    caption = data.get("caption")
    return Table(
        id=table_id,
        kind=None if kind is None else _choice(kind, f"{where}.kind", TABLE_KINDS),
        caption=() if caption is None else _lines(caption, f"{where}.caption"),
        columns=columns,
        header=header,
        number_row=number_row,
        rows=rows,
        render=_choice(data.get("render", "writer"), f"{where}.render", RENDERERS),
    )


def _parse_header(value: Any, where: str, ncols: int) -> tuple[tuple[HeaderCell, ...], ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(row, list) for row in value):
        raise _fail(where, "expected a list of rows, each a list of cells")
    header = tuple(
        tuple(_parse_header_cell(cell, f"{where}[{r}][{c}]") for c, cell in enumerate(row))
        for r, row in enumerate(value)
    )
    try:
        place_header_cells(header, ncols)
    except ValueError as exc:
        raise _fail(where, str(exc)) from None
    return header


def _parse_number_row(value: Any, where: str, ncols: int) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = _lines(value, where)
    if len(items) != ncols:
        raise _fail(where, f"has {len(items)} entries but the table has {ncols} columns")
    return items


def _parse_defects(value: Any) -> tuple[Defect, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise _fail("defects", "expected a list of defects")
    out: list[Defect] = []
    seen: set[str] = set()
    for i, raw in enumerate(value):
        where = f"defects[{i}]"
        data = _mapping(raw, where, DEFECT_KEYS, required=("id", "what", "expect"))
        defect_id = _str(data["id"], f"{where}.id") or ""
        if defect_id in seen:
            raise _fail(f"{where}.id", f"duplicate defect id {defect_id!r}")
        seen.add(defect_id)
        expect_raw = data["expect"]
        if not isinstance(expect_raw, list) or not expect_raw:
            raise _fail(f"{where}.expect", "expected a non-empty list of findings")
        expect = []
        for j, item in enumerate(expect_raw):
            entry = _mapping(item, f"{where}.expect[{j}]", EXPECT_KEYS, required=("rule",))
            for key, v in entry.items():
                if key == "page":
                    _int(v, f"{where}.expect[{j}].page")
                else:
                    _str(v, f"{where}.expect[{j}].{key}")
            expect.append(entry)
        out.append(Defect(defect_id, _str(data["what"], f"{where}.what") or "", tuple(expect)))
    return tuple(out)


# --------------------------------------------------------------------------- content checks


def _row_warnings(table: Table) -> list[str]:
    """SCHEMA.md rules for T-C.33 / Tabel 4.1 rows that a generator can still render."""
    if table.kind not in PROGRAM_KINDS:
        return []
    out: list[str] = []
    for i, row in enumerate(table.rows):
        where = f"tables.{table.id}.rows[{i}] ({row.level})"
        pattern = CODE_PATTERNS.get(row.level)
        if pattern is not None and (row.code is None or not pattern.match(row.code)):
            out.append(f"{where}: canonical code {row.code!r} does not have the {row.level} shape")
        if row.level in ("aktivitas", "total", "other") and row.code is not None:
            out.append(f"{where}: code should be null, got {row.code!r}")
        if row.level == "aktivitas":
            keys = set(row.cells) | {key for sub in row.split for key in sub}
            if i == 0:
                out.append(f"{where}: aktivitas row has no sub kegiatan row above it")
            if "aktivitas" not in keys:
                out.append(f"{where}: aktivitas row has no 'aktivitas' cell")
            if "code" in keys:
                out.append(f"{where}: aktivitas row prints a code {row.cells.get('code')!r}")
    return out


def _code_style_warnings(table: Table, code_style: str) -> list[str]:
    """With code_style canonical the code cell prints `code`; cells.code must say the same."""
    if code_style != "canonical" or all(col.key != "code" for col in table.columns):
        return []
    return [
        f"tables.{table.id}.rows[{i}]: code_style canonical prints {row.code!r} but cells.code is {row.cells['code']!r}"
        for i, row in enumerate(table.rows)
        if row.code is not None and "code" in row.cells and row.cells["code"] != row.code
    ]


def _spec_warnings(body: Sequence[Block], tables: Mapping[str, Table], style: Style) -> list[str]:
    refs = {b.ref for b in body if b.type == "table"}
    out = [f"tables.{tid}: defined but not placed by any table block" for tid in tables if tid not in refs]
    for table in tables.values():
        out.extend(_row_warnings(table))
        out.extend(_code_style_warnings(table, style.code_style))
    return out


# --------------------------------------------------------------------------- entry points


def parse_spec(data: Any, source: Path | None = None) -> Spec:
    """Validate an already-loaded YAML document and build a Spec."""
    try:
        return _parse_spec(data, source)
    except SpecError as exc:
        if source is None:
            raise
        raise SpecError(f"{source}: {exc}") from None


def _parse_spec(data: Any, source: Path | None) -> Spec:
    top = _mapping(data, "spec", TOP_KEYS, required=("id", "body"))
    spec_id = _str(top["id"], "id")
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", spec_id):
        raise _fail("id", f"{spec_id!r} must be usable as a file name (letters, digits, . _ -)")
    body_raw = top["body"]
    if not isinstance(body_raw, list):
        raise _fail("body", "expected a list of blocks")
    body = tuple(_parse_block(b, f"body[{i}]") for i, b in enumerate(body_raw))
    tables_raw = top.get("tables") or {}
    if not isinstance(tables_raw, Mapping):
        raise _fail("tables", "expected a mapping of table id -> table")
    tables = {str(tid): _parse_table(str(tid), t) for tid, t in tables_raw.items()}
    for i, block in enumerate(body):
        if block.type == "table" and block.ref not in tables:
            raise _fail(f"body[{i}] (table)", f"ref {block.ref!r} is not in tables ({', '.join(tables) or 'none'})")
    style = _parse_style(top.get("style"))
    return Spec(
        id=spec_id,
        meta=_parse_meta(top.get("meta")),
        style=style,
        body=body,
        tables=tables,
        source=source,
        warnings=tuple(_spec_warnings(body, tables, style)),
        family=_str(top.get("family"), "family", optional=True),
        ruleset=_str(top.get("ruleset"), "ruleset", optional=True),
        defects=_parse_defects(top.get("defects")),
    )


def load_spec(path: str | Path) -> Spec:
    """Read a spec file with yaml.safe_load and validate it."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpecError(f"{path}: cannot read spec: {exc}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise SpecError(f"{path}: invalid YAML: {exc}") from None
    return parse_spec(data, source=path)
