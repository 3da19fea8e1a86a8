"""A recognised table's page grids into model rows, guided by its profile.

Steps: name each grid column from its header wording, drop the header and number
rows every page repeats, glue a row broken by a page break back together, attach
stacked sub-rows (merged cells) to their row, classify rows by code, read money.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz import fuzz

from auditor.extract.page import GridRow, PageTable
from auditor.extract.stacked import INDICATOR_HEAD, unstack
from auditor.extract.table_shapes import Profile
from auditor.extract.tables import TableRun, column_headers, header_row_count, is_number_row, norm
from auditor.model.amounts import AmountError, is_null_token, parse_amount
from auditor.model.codes import code_shape_level, parse_code
from auditor.model.document import Amount, BBox, Cell, Level, Row, Table

_NUMERIC = re.compile(r"^[\d.,\s]+$")
_NUMBER_START = re.compile(r"^\s*\d")
_TOTAL_LABEL = re.compile(r"^\s*(jumlah|total)\b", re.IGNORECASE)
_THOUSANDS = re.compile(r"rp\.?\s*0{3}\b|\(\s*0{3}\s*\)|ribuan|ribu\b", re.IGNORECASE)
_MILLIONS = re.compile(r"juta", re.IGNORECASE)
# A caption can state the unit of every money column at once: "(dalam ribuan rupiah)",
# "(Rp. 000)". Only explicit rupiah phrases count; "ribu" alone may be prose in a title.
_CAPTION_UNITS = (
    (re.compile(r"\b(?:ribuan|ribu)\s+rupiah\b|\(\s*rp\.?\s*0{3}\s*\)", re.IGNORECASE), 1000),
    (re.compile(r"\b(?:jutaan|juta)\s+rupiah\b|\(\s*rp\.?\s*0{3}\.?0{3}\s*\)", re.IGNORECASE), 1_000_000),
)
# A header naming the rupiah itself ("(Rp)", "Rupiah") overrides a caption's unit.
_RUPIAH_STATED = re.compile(r"\(\s*rp\.?\s*\)|\brupiah\b", re.IGNORECASE)


# A column repeating a plan-year key under a later year's header is the forward year's:
# "Pagu Indikatif Tahun 2025" then "Pagu Indikatif Tahun 2026".
_FORWARD_KEYS = {"amount": "amount_next", "target": "target_next", "target_unit": "target_next_unit"}
_YEAR = re.compile(r"(?:19|20)\d\d")


def _later_year(header: str, earlier: str) -> bool:
    now, before = _YEAR.findall(header), _YEAR.findall(earlier)
    return bool(now and before) and max(map(int, now)) > max(map(int, before))


def column_keys(part: PageTable, header_n: int, profile: Profile) -> tuple[list[str | None], dict[str, str]]:
    """One key per grid column (None: not ours), and the header text of each key."""
    keys: list[str | None] = []
    headers: dict[str, str] = {}
    for header in column_headers(part, header_n):
        key = profile.key_for(header)
        if key in _FORWARD_KEYS and key in headers and _later_year(header, headers[key]):
            key = _FORWARD_KEYS[key]
        if key == "code" and keys and keys[-1] == "code" and header != headers["code"]:
            pass  # "Kode" over Urusan | Bidang | Program | Kegiatan | Sub columns: one code in pieces
        elif key is not None and key in headers:
            # A header spanning two grid columns: the second holds the unit (T-C.29),
            # elsewhere a duplicate meaning is not ours to guess.
            key = key + "_unit" if profile.paired_units and keys and keys[-1] == key else None
        if key is not None and key not in headers:
            headers[key] = header
        keys.append(key)
    _keys_by_year(column_headers(part, header_n), keys, headers, profile)
    return keys, headers


def _keys_by_year(texts: list[str], keys: list[str | None], headers: dict[str, str], profile: Profile) -> None:
    """Columns whose wording names none of the profile's columns, told by their year:
    "Target Program dan Kegiatan (Renja PD tahun 2024)" after the n-2 columns of 2023 is n-1."""
    for key, word, anchor, offset in profile.year_rules:
        if key in headers or anchor not in headers or not _YEAR.findall(headers[anchor]):
            continue
        wanted = max(map(int, _YEAR.findall(headers[anchor]))) + offset
        for i, text in enumerate(texts):
            years = _YEAR.findall(text)
            if keys[i] is None and years and max(map(int, years)) == wanted and word in norm(text).replace(" ", ""):
                keys[i], headers[key] = key, text
                if profile.paired_units and i + 1 < len(texts) and keys[i + 1] is None and _pair_of(texts[i + 1], text):
                    keys[i + 1], headers[key + "_unit"] = key + "_unit", text
                break


def _pair_of(unit_text: str, value_text: str) -> bool:
    """The unit column beside a value column: the same header, or the same header over
    "Nilai | Satuan" sub-columns."""
    if unit_text == value_text:
        return True
    *parent, last = unit_text.rsplit(" | ", 1)
    return bool(parent) and norm(last) == "satuan" and value_text.rsplit(" | ", 1)[0] == parent[0]


def _blank_cells(row: GridRow, keys: list[str | None], page: int) -> dict[str, tuple[int, BBox]]:
    out: dict[str, tuple[int, BBox]] = {}
    for gc in row.cells:
        key = next((keys[c] for c in range(gc.col0, min(gc.col1, len(keys))) if keys[c]), None)
        if key is not None and not gc.text.strip():
            out.setdefault(key, (page, gc.bbox))
    return out


def _header_boxes(part: PageTable, header_n: int, keys: list[str | None]) -> dict[str, tuple[int, BBox]]:
    """The lowest header cell over each column: what a finding about a column points at."""
    out: dict[str, tuple[int, BBox]] = {}
    for row in part.rows[:header_n]:
        for gc in row.cells:
            for c in range(gc.col0, min(gc.col1, len(keys))):
                key = keys[c]
                if key is not None and gc.text.strip() and not is_number_row(row):
                    out[key] = (part.page, gc.bbox)
    return out


def _row_cells(row: GridRow, keys: list[str | None], page: int) -> dict[str, Cell]:
    cells: dict[str, Cell] = {}
    for gc in row.cells:
        key = next((keys[c] for c in range(gc.col0, min(gc.col1, len(keys))) if keys[c]), None)
        if key is None or not gc.text.strip():
            continue
        # A code never contains spaces: its lines are pieces of one wrapped code.
        text = "".join(gc.lines) if key == "code" else gc.text
        if key in cells:  # two grid cells under one header: keep both texts
            prev = cells[key]
            glue = "." if key == "code" else " "  # code segments in columns of their own: "5" "01" "02"
            cells[key] = Cell(
                prev.text + glue + text, prev.page, prev.bbox.union(gc.bbox), lines=prev.lines + tuple(gc.text_lines)
            )
        else:
            cells[key] = Cell(text, page, gc.bbox, lines=tuple(gc.text_lines))
    return cells


def _starts_row(cells: dict[str, Cell], profile: Profile) -> bool:
    key_cell = cells.get(profile.row_key)
    if key_cell is None:
        return False
    if profile.row_key == "code":
        return code_shape_level(key_cell.text) is not None
    return bool(key_cell.text.strip())


def _is_continuation(cells: dict[str, Cell], previous: dict[str, Cell] | None, profile: Profile) -> bool:
    """First row on a page that only carries the rest of the previous row's text."""
    if previous is None or not cells or _starts_row(cells, profile):
        return False
    if any(k in cells for k in profile.money):
        return False
    # The next indicator of the same row, on its own sub-row: a new indicator beside values
    # of its own, and no piece of a code (a cut row carries the rest of its code: "7.01.01.20" + "7").
    indicator = cells.get("indicator")
    if (
        "code" not in cells
        and indicator is not None
        and "indicator" in previous
        and INDICATOR_HEAD.match(indicator.text)
        and any(profile.is_quantity(k) and _NUMBER_START.match(c.text) for k, c in cells.items())
    ):
        return False
    return set(cells) <= set(previous)


def _carry_over(cells: dict[str, Cell], raw: list[dict[str, Cell]], profile: Profile) -> dict[str, Cell]:
    """At the top of a page, text of the cut row's merged cells (name, priorities, target
    group ...) goes back to the row that holds them, even when the page broke between two
    of its indicator sub-rows; what is left is the page's own first (sub-)row."""
    if _starts_row(cells, profile) or any(k in cells for k in profile.money):
        return cells  # a row of its own (an aktivitas with its amount), not the rest of one
    if profile.row_key in raw[-1]:
        return cells  # the page broke inside a row of its own (even one with a cut code): plain continuation
    keyed = next((r for r in reversed(raw) if _starts_row(r, profile)), None)
    if keyed is None:
        return cells
    # A code or number never goes back: it starts the page's own row.
    moved = {k: c for k, c in cells.items() if k in profile.row_level and k in keyed and k not in ("code", "no")}
    if moved:
        _merge(keyed, moved)
    return {k: c for k, c in cells.items() if k not in moved}


def _merge(previous: dict[str, Cell], cells: dict[str, Cell]) -> None:
    for key, cell in cells.items():
        prev = previous[key]
        glue = "" if key == "code" else " "
        parts = prev.parts or ((prev.page, prev.bbox),)
        lines = prev.lines
        if lines and cell.lines and lines[-1].text[-1:].isdigit() and cell.lines[0].text[:1].isdigit():
            lines = (*lines[:-1], replace(lines[-1], glued=True))  # a number cut by the page break: "10" + "0"
        previous[key] = Cell(
            prev.text + glue + cell.text,
            prev.page,
            prev.bbox,
            parts + ((cell.page, cell.bbox),),
            lines=lines + cell.lines,
        )


def _amount(cell: Cell) -> Amount:
    try:
        return Amount(parse_amount(cell.text), cell)
    except AmountError:
        return Amount(None, cell, parse_error=True)


def _money_unit(header: str, caption: str = "") -> int:
    """The multiplier that turns the column's values into rupiah: the header's unit, else
    the caption's, else 1."""
    if _MILLIONS.search(header):
        return 1_000_000
    if _THOUSANDS.search(header):
        return 1000
    if not _RUPIAH_STATED.search(header):
        for pattern, unit in _CAPTION_UNITS:
            if pattern.search(caption):
                return unit
    return 1


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _spilled(
    part: PageTable,
    header_n: int,
    reference: PageTable,
    ref_n: int,
    keys: list[str | None],
    profile_money: tuple[str, ...],
) -> dict[str, Cell]:
    """Text printed over a repeated header that is not header text.

    Spreadsheets print a merged cell broken by a page break in the middle of its
    whole area, so its text can land on the next page, on top of the repeated
    header ("7.01.06 Kode", "43,026,000 Kebutuhan Dana"). What the first page's
    header does not have belongs to the row the page break cut.
    """
    if header_n != ref_n:
        return {}
    spilled: dict[str, Cell] = {}
    for row, ref_row in zip(part.rows[:header_n], reference.rows[:ref_n]):
        for cell in row.cells:
            ref = next((c for c in ref_row.cells if (c.col0, c.col1) == (cell.col0, cell.col1)), None)
            if ref is None or _squash(cell.text) == _squash(ref.text):
                continue  # the same header, wrapped or spaced differently
            extra = _not_header(cell.text.split(), ref.text.split(), is_number_row(ref_row))
            key = next((keys[c] for c in range(cell.col0, min(cell.col1, len(keys))) if keys[c]), None)
            if extra and key is not None:
                text = " ".join(extra)
                prev = spilled.get(key)
                spilled[key] = Cell(f"{prev.text} {text}" if prev else text, part.page, cell.bbox)
    # Headers can differ by a word between pages (a clipped or re-wrapped cell); only a
    # code or an amount over the header proves that a row's cells spilled there.
    proof = [
        k
        for k, c in spilled.items()
        if (k == "code" and code_shape_level(c.text)) or (k in profile_money and _SPILLED_AMOUNT.search(c.text))
    ]
    return spilled if proof else {}


_SPILLED_AMOUNT = re.compile(r"\d[\d.,]{3,}")
HEADER_LIKE = 80  # a token this close (rapidfuzz ratio) to a header word of the first page is that word


def _not_header(tokens: list[str], header: list[str], number_row: bool) -> list[str]:
    """The tokens of a repeated header cell that its first-page header does not have. A
    scanned header is read a little differently on every page ("Kode”", "Indikatit", a
    column number "11" as "1"): a token like a header word, or a short token over the
    number row, is the header read again."""
    remaining = list(header)
    unmatched = []
    for token in tokens:
        if token in remaining:
            remaining.remove(token)
        else:
            unmatched.append(token)
    extra = []
    for token in unmatched:  # then the ones read a little differently, in the same case
        near = next((h for h in remaining if len(token) >= 3 and fuzz.ratio(token, h) >= HEADER_LIKE), None)
        if near is not None:
            remaining.remove(near)
        elif not (number_row and len(token) <= 3):
            extra.append(token)
    return extra


def _raw_rows(
    run: TableRun, profile: Profile
) -> tuple[
    list[dict[str, Cell]],
    list[str],
    dict[str, str],
    list[str],
    list[dict[str, tuple[int, BBox]]],
    dict[str, tuple[int, BBox]],
]:
    raw: list[dict[str, Cell]] = []
    blanks: list[dict[str, tuple[int, BBox]]] = []
    header_boxes: dict[str, tuple[int, BBox]] = {}
    columns: list[str] = []
    headers: dict[str, str] = {}
    notes: list[str] = []
    ref_n = header_row_count(run.parts[0])
    first_keys: list[str | None] = []
    for part_i, part in enumerate(run.parts):
        header_n = header_row_count(part)
        keys, seen = column_keys(part, header_n, profile)
        spill: dict[str, Cell] = {}
        # After a page that could not be read, this page's first row does not finish the
        # last row read: the rows between are missing.
        follows = part_i > 0 and part.page == run.parts[part_i - 1].page + 1
        if part_i > 0 and header_n and any(keys) and len(keys) == len(first_keys):
            # A repeated header cell the page does not name (a scan read "Target Capaian"
            # as "hai Tag") keeps the column its first page named.
            keys = [k or (f if f not in keys else None) for k, f in zip(keys, first_keys)]
        if part_i == 0:
            first_keys = keys
            headers = seen
            columns = [k for k in keys if k]
            header_boxes = _header_boxes(part, header_n, keys)
        elif raw and follows and (spill := _spilled(part, header_n, run.parts[0], ref_n, keys, profile.money)):
            for key, cell in spill.items():
                # Spilled text of a merged cell: it starts the cut row's cell or ends it.
                if key in raw[-1]:
                    _merge(raw[-1], {key: cell})
                else:
                    raw[-1][key] = cell
            notes.append(f"text of a merged cell printed over the repeated header on page {part.page}")
        for row_i, row in enumerate(part.rows[header_n:]):
            cells = _row_cells(row, keys, part.page)
            if not cells:
                continue
            # After a spilled merged cell the page broke between its sub-rows, not inside one.
            if row_i == 0 and follows and not spill and raw:
                cells = _carry_over(cells, raw, profile)
                if not cells:
                    continue
                if _is_continuation(cells, raw[-1], profile):
                    _merge(raw[-1], cells)
                    continue
            raw.append(cells)
            blanks.append(_blank_cells(row, keys, part.page))
    return raw, columns, headers, notes, blanks, header_boxes


def _classify(cells: dict[str, Cell], profile: Profile, amounts: dict[str, Amount]) -> tuple[Level, str | None, bool]:
    """Level, canonical code and whether the written code is valid."""
    written = cells["code"].text if "code" in cells else None
    if written:
        code = parse_code(written)
        if code is not None:
            return code.level, code.canonical, True
        return code_shape_level(written) or Level.OTHER, None, False
    has_money = any(a.value is not None for a in amounts.values())
    activity = cells.get("aktivitas")
    name = cells.get("name")
    if (
        has_money
        and (activity is None or _NUMERIC.match(activity.text))
        and (name is None or _TOTAL_LABEL.match(name.text))
    ):
        return Level.TOTAL, None, True
    if activity is not None and not is_null_token(activity.text):
        return Level.AKTIVITAS, None, True
    return Level.OTHER, None, True


def build_table(run: TableRun, profile: Profile) -> Table:
    raw, columns, headers, notes, blanks, header_boxes = _raw_rows(run, profile)
    rows: list[Row] = []
    last_keyed: Row | None = None
    for cells, blank in zip(raw, blanks):
        amounts = {k: _amount(cells[k]) for k in profile.money if k in cells}
        starts = _starts_row(cells, profile)
        if (
            not starts
            and last_keyed is not None
            and profile.sub_rows
            and not set(cells) & (profile.not_in_sub_rows | set(profile.money))
        ):
            # Sub-row of a row whose code/name cells are merged over several lines.
            last_keyed.sub_rows.append(cells)
            continue
        level, canonical, valid = (
            _classify(cells, profile, amounts) if profile.row_key == "code" else (Level.OTHER, None, True)
        )
        if not valid:
            notes.append(f"malformed code {cells['code'].text!r} on page {cells['code'].page}")
        row = Row(
            index=len(rows),
            level=level,
            code=canonical,
            code_written=cells["code"].text if "code" in cells else None,
            cells=cells,
            amounts=amounts,
            code_valid=valid,
            blank={k: v for k, v in blank.items() if k not in cells},
        )
        rows.append(row)
        if starts:
            last_keyed = row

    for row in rows:
        unstack(row, profile)  # "Persentase ...\nIndeks ..." beside "100%\n82,5 poin": one sub-row each
    found = sum(1 for k in profile.required if k in columns)
    money_cells = [a for r in rows for a in r.amounts.values()]
    bad_money = sum(1 for a in money_cells if a.parse_error)
    unclassified = sum(1 for r in rows if r.level == Level.OTHER) if profile.row_key == "code" else 0
    confidence = (
        (found / len(profile.required))
        * (1 - bad_money / max(len(money_cells), 1))
        * (1 - unclassified / max(len(rows), 1))
    )
    missing = [k for k in profile.required if k not in columns]
    if missing:
        notes.append(f"columns not found: {', '.join(missing)}")
    if bad_money:
        notes.append(f"{bad_money} money cells could not be read")
    return Table(
        kind=run.kind,
        caption=run.caption,
        pages=sorted({p.page for p in run.parts}),
        columns=columns,
        column_headers=headers,
        rows=rows,
        confidence=round(confidence, 3),
        notes=notes,
        money_units={k: _money_unit(headers[k], run.caption) for k in profile.money if k in headers},
        nihil=any(norm(c.text) == "nihil" for r in rows for c in r.cells.values()),
        header_boxes=header_boxes,
        number=run.number,
    )


def _slug(header: str, index: int, taken: set[str]) -> str:
    words = re.findall(r"[a-z0-9]+", header.split(" | ")[-1].lower()) if header else []
    base = "_".join(words)[:30].strip("_") or f"col{index + 1}"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    taken.add(key)
    return key


def build_other_table(run: TableRun) -> Table:
    """A table that is none of the standard ones (PATEN service counts, problem lists ...):
    columns named by their header text, one row per grid row, "Jumlah"/"Total" rows marked."""
    first = run.parts[0]
    header_n = header_row_count(first)
    headers = column_headers(first, header_n)
    taken: set[str] = set()
    keys: list[str | None] = [_slug(h, i, taken) for i, h in enumerate(headers)]
    rows: list[Row] = []
    for part in run.parts:
        for grid_row in part.rows[header_row_count(part) :]:
            cells = _row_cells(grid_row, keys, part.page)
            if not cells:
                continue
            # The label of a total row stands in one of the first columns ("No" or "Uraian").
            label = " ".join(cells[k].text for k in keys[:2] if k in cells)
            level = Level.TOTAL if _TOTAL_LABEL.match(label) else Level.OTHER
            rows.append(
                Row(
                    index=len(rows),
                    level=level,
                    code=None,
                    code_written=None,
                    cells=cells,
                    blank={k: v for k, v in _blank_cells(grid_row, keys, part.page).items() if k not in cells},
                )
            )
    return Table(
        kind="other",
        caption=run.caption,
        pages=sorted({p.page for p in run.parts}),
        columns=[k for k in keys if k],
        column_headers={k: h for k, h in zip(keys, headers) if k},
        rows=rows,
        confidence=1.0,
        header_boxes=_header_boxes(first, header_n, keys),
        number=run.number,
    )
