"""Several indicators stacked in one cell, each with its own targets.

Offices write a program's two or three indicators either one per row (merged code and
name cells over them: the reader makes sub-rows of those) or stacked in one cell with
line breaks: "Persentase ...\\nIndeks ..." beside "100%\\n82,5 poin". This module turns the
second form into the first, so every check compares indicator by indicator whatever
form a table uses, and "100% 82,5 poin" is never read as one value with a strange unit.

A value cell holds several values when its printed lines start afresh with a number
("100%" / "82,5 poin"; not "11 Orang/" / "12 bulan", "2" / "dokumen", or a number cut
by a narrow column, "10" / "0"). An indicator
cell (and a lokasi, unit or SPM cell likewise) is cut into as many items at the lines
that were ended on purpose (the next line's first word would have fit), or else at the
lines that start like an item of that column (an indicator's first word "Persentase",
"Jumlah" ...; a place "13 Desa", "Kec. ..."); when that does not give one item per
value, the indicator is kept whole and the values still become sub-rows, each without
an indicator of its own.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from auditor.extract.table_shapes import Profile
from auditor.model.amounts import is_null_token
from auditor.model.document import BBox, Cell, Row, TextLine

_STARTS_VALUE = re.compile(r"^\s*[<>≤≥]?\s*\d")
_BARE_NUMBER = re.compile(r"^\s*\d+\s*$")
_OPEN_END = re.compile(r"(?:[-–/,.]|s/d|s\.d\.?)\s*$", re.IGNORECASE)
INDICATOR_HEAD = re.compile(
    r"^\s*(?:[-•–]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+)?(?:Persentase|Prosentase|Presentase|Jumlah|Indeks|Nilai|Rata-rata|"
    r"Rerata|Tingkat|Cakupan|Rasio|Angka|Capaian|Tingkatan|Banyaknya|Luas|Panjang|Proporsi|Skor|Predikat|Opini|"
    r"Kualitas|Terwujudnya|Meningkatnya|Tersedianya|Terlaksananya|Tersusunnya)\b"
)
_LOKASI_HEAD = re.compile(
    r"^\s*(?:\d|(?:Kec|Kel|Kab|Ds)\.|(?:Kecamatan|Kelurahan|Kabupaten|Kota|Desa|Dusun|Seluruh|Wilayah|RW|RT)\b)"
)
# How an item of a stacked text column starts, beside a line ended on purpose.
_HEADS = {"indicator": INDICATOR_HEAD, "formula": None, "lokasi": _LOKASI_HEAD}
# Columns that belong to each indicator, beside the value columns of the profile.
_TEXT_COLUMNS = ("indicator", "indicator_kebutuhan", "formula")
_RATE_COLUMNS = ("tingkat_realisasi", "realisasi_capaian", "tingkat_capaian")


def unstack(row: Row, profile: Profile) -> None:
    """Turn a row whose cells stack several indicators' values into sub-rows (in place)."""
    if row.sub_rows:
        return  # one indicator per row already
    value_columns = [k for k in row.cells if _is_value_column(k, profile)]
    values = {k: _values(row.cells[k]) for k in value_columns}
    counts = Counter(len(v) for v in values.values() if len(v) > 1)
    if not counts:
        return
    n = counts.most_common(1)[0][0]
    if any(len(v) not in (1, n) for v in values.values()):
        return  # the columns disagree on how many values there are: not ours to guess
    parts: list[dict[str, Cell]] = [{} for _ in range(n)]
    for key, cell in row.cells.items():
        if key in values:
            pieces: list[list[TextLine]] | None = values[key]
        elif key in profile.row_level or key in profile.money:
            continue
        else:
            pieces = _items([ln for ln in cell.lines if ln.text.strip()], n, _HEADS.get(key.removesuffix("_kebutuhan")))
        if pieces is None or len(pieces) != n:
            continue
        for i, piece in enumerate(pieces):
            parts[i][key] = _cell_of(cell, piece)
    if not any(parts[1:]):
        return
    stacked_keys = set(parts[0])
    for key in stacked_keys:
        row.cells[key] = parts[0][key]
    # An indicator that could not be cut stays whole on the row; the other values get an
    # empty indicator of their own, so no check pairs them with the first one's words.
    for text_key in _TEXT_COLUMNS:
        if text_key in row.cells and text_key not in stacked_keys:
            for part in parts[1:]:
                part[text_key] = Cell("", row.cells[text_key].page, row.cells[text_key].bbox)
    row.sub_rows.extend(parts[1:])


def _is_value_column(key: str, profile: Profile) -> bool:
    return (profile.is_quantity(key) and not key.endswith("_unit")) or key in _RATE_COLUMNS


def _values(cell: Cell) -> list[list[TextLine]]:
    """A value cell's lines grouped into values: a line starting with a number after a
    complete value starts the next one; a null token after a value is a value of its own."""
    groups: list[list[TextLine]] = []
    for line in cell.lines:
        text = line.text.strip()
        if not text:
            continue
        last = " ".join(ln.text for ln in groups[-1]) if groups else ""
        starts = _STARTS_VALUE.match(text) or (is_null_token(text) and last)
        if not groups or (starts and last and not _OPEN_END.search(last) and not groups[-1][-1].glued):
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups if len(groups) > 1 else [list(cell.lines)]


def _items(lines: list[TextLine], n: int, head: re.Pattern[str] | None) -> list[list[TextLine]] | None:
    """A text cell cut into ``n`` items, or None when its lines do not say where: at the
    lines ended on purpose; else at the lines that start like an item of that column
    ("Persentase ...", "13 Desa", "Kec. ...")."""
    if len(lines) < n:
        return None
    tries = [[i for i in range(1, len(lines)) if lines[i - 1].broken]]
    if head is not None:
        # A line that is only a number ("5" / "Kelurahan") is never an item by itself.
        starts = [
            i for i in range(1, len(lines)) if head.match(lines[i].text) and not _BARE_NUMBER.match(lines[i - 1].text)
        ]
        tries += [starts, [i for i in starts if lines[i - 1].broken]]
    for starts in tries:
        if len(starts) == n - 1:
            bounds = [0, *starts, len(lines)]
            return [lines[a:b] for a, b in itertools.pairwise(bounds)]
    return None


def _cell_of(cell: Cell, lines: list[TextLine]) -> Cell:
    text = " ".join(ln.text.strip() for ln in lines)
    box: BBox = lines[0].bbox
    for ln in lines[1:]:
        box = box.union(ln.bbox)
    return Cell(text, cell.page, box, lines=tuple(lines))
