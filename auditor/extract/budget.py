"""Program/kegiatan/sub kegiatan/aktivitas tables (T-C.33, Tabel 4.1) into model rows.

Steps: name each grid column from its header wording, drop the header rows every
page repeats, glue a row broken by a page break back together, classify rows by
their code, read the money cells.
"""

from __future__ import annotations

import re

from auditor.extract.layout import GridRow, PageTable
from auditor.extract.tables import TableRun, column_headers, header_row_count, norm
from auditor.model.amounts import AmountError, is_null_token, parse_amount
from auditor.model.codes import parse_code
from auditor.model.document import Amount, BBox, Cell, Level, Row, Table

BUDGET_KINDS = ("T-C.33", "Tabel 4.1")
MONEY_COLUMNS = ("amount", "amount_next")
REQUIRED = ("code", "name", "amount")
# Columns that a sub-row of a multi-indicator row (merged cells) may fill.
INDICATOR_COLUMNS = {"indicator", "formula", "target", "target_next"}
_NUMERIC = re.compile(r"^[\d.,\s]+$")
_TOTAL_LABEL = re.compile(r"^\s*(jumlah|total)\b", re.IGNORECASE)


def column_key(header: str) -> str | None:
    """Map a column's header wording to a model column key.

    Spaces are ignored when matching, because a narrow header cell may wrap a word
    ("Sumber / Dana") or glue two ("SumberDana") depending on the font.
    """
    h = norm(header).replace(" ", "")
    if not h:
        return None
    forward = any(w in h for w in ("prakiraan", "perkiraan", "maju", "n+1"))
    rules = (
        ("kode", "code"),
        ("aktivitas", "aktivitas"),
        ("prioritas", "priority"),
        ("formula", "formula"),
        ("rumus", "formula"),
        ("indikator", "indicator"),
        ("lokasi", "lokasi"),
        ("sumberdana", "sumber_dana"),
    )
    for word, key in rules:
        if word in h:
            return key
    if "dana" in h or "pagu" in h or "anggaran" in h:
        return "amount_next" if forward else "amount"
    if "target" in h:
        return "target_next" if forward else "target"
    if "program" in h or "urusan" in h or "kegiatan" in h:
        return "name"
    return None


def _keys(part: PageTable, header_n: int) -> tuple[list[str | None], dict[str, str]]:
    headers = column_headers(part, header_n)
    keys: list[str | None] = []
    seen: dict[str, str] = {}
    for header in headers:
        key = column_key(header)
        if key in seen:
            key = None  # a second column with the same meaning is not ours to guess
        if key is not None:
            seen[key] = header
        keys.append(key)
    return keys, seen


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
            cells[key] = Cell(prev.text + " " + text, prev.page, prev.bbox.union(gc.bbox))
        else:
            cells[key] = Cell(text, page, gc.bbox)
    return cells


def _is_continuation(cells: dict[str, Cell], previous: dict[str, Cell] | None) -> bool:
    """First row on a page that only carries the rest of the previous row's text."""
    if previous is None or not cells:
        return False
    if "code" in cells and parse_code(cells["code"].text) is not None:
        return False  # a complete code starts a row of its own
    if any(k in cells for k in MONEY_COLUMNS):
        return False
    return set(cells) <= set(previous)


def _merge(previous: dict[str, Cell], cells: dict[str, Cell]) -> None:
    for key, cell in cells.items():
        prev = previous[key]
        glue = "" if key == "code" else " "
        parts = prev.parts or ((prev.page, prev.bbox),)
        previous[key] = Cell(prev.text + glue + cell.text, prev.page, prev.bbox, parts + ((cell.page, cell.bbox),))


def _amount(cell: Cell) -> Amount:
    try:
        return Amount(parse_amount(cell.text), cell)
    except AmountError:
        return Amount(None, cell, parse_error=True)


def build_budget_table(run: TableRun) -> Table:
    raw: list[dict[str, Cell]] = []
    headers: dict[str, str] = {}
    columns: list[str] = []
    notes: list[str] = []
    for part_i, part in enumerate(run.parts):
        header_n = header_row_count(part)
        keys, seen = _keys(part, header_n)
        if part_i == 0:
            headers = seen
            columns = [k for k in keys if k]
        for row_i, row in enumerate(part.rows[header_n:]):
            cells = _row_cells(row, keys, part.page)
            if not cells:
                continue
            if row_i == 0 and part_i > 0 and _is_continuation(cells, raw[-1] if raw else None):
                _merge(raw[-1], cells)
                continue
            raw.append(cells)

    rows: list[Row] = []
    last_coded: Row | None = None
    for cells in raw:
        written = cells["code"].text if "code" in cells else None
        code = parse_code(written) if written else None
        amounts = {k: _amount(cells[k]) for k in MONEY_COLUMNS if k in cells}
        has_money = any(a.value is not None for a in amounts.values())
        activity = cells.get("aktivitas")
        if code is not None:
            level, canonical = code.level, code.canonical
        elif written:
            level, canonical = Level.OTHER, None
            notes.append(f"unreadable code {written!r} on page {cells['code'].page}")
        elif (
            has_money
            and (activity is None or _NUMERIC.match(activity.text))
            and ("name" not in cells or _TOTAL_LABEL.match(cells["name"].text))
        ):
            level, canonical = Level.TOTAL, None
        elif activity is not None and not is_null_token(activity.text):
            level, canonical = Level.AKTIVITAS, None
        elif last_coded is not None and set(cells) <= INDICATOR_COLUMNS | {"lokasi"} and "indicator" in cells:
            # Sub-row of a row whose code/name cells are merged over several indicators.
            last_coded.extra_indicators.append(cells)
            continue
        else:
            level, canonical = Level.OTHER, None
        row = Row(
            index=len(rows), level=level, code=canonical, code_written=written, cells=cells, amounts=amounts
        )
        rows.append(row)
        if canonical is not None:
            last_coded = row

    found = sum(1 for k in REQUIRED if k in columns)
    money_cells = [a for r in rows for a in r.amounts.values()]
    bad_money = sum(1 for a in money_cells if a.parse_error)
    other = sum(1 for r in rows if r.level == Level.OTHER)
    confidence = (found / len(REQUIRED)) * (1 - bad_money / max(len(money_cells), 1)) * (1 - other / max(len(rows), 1))
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
    )


def table_bbox(table: Table) -> BBox | None:
    boxes = [c.bbox for r in table.rows for c in r.cells.values()]
    if not boxes:
        return None
    out = boxes[0]
    for b in boxes[1:]:
        out = out.union(b)
    return out
