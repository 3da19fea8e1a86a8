"""Cell accuracy of an extracted table against its sample spec.

Each column is compared as the sequence of its non-empty cells down the table
(sub-rows of merged cells in order), aligned with difflib so one missed row costs
one cell, not the rest of the table. Code tables also compare the sequence of
(level, canonical code). Accuracy = matching cells / max(spec cells, extracted cells).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from auditor.model.amounts import AmountError, parse_amount
from auditor.model.codes import code_shape_level, parse_code
from auditor.model.document import Table


@dataclass
class Score:
    kind: str
    matched: int
    spec_cells: int
    extracted_cells: int
    exact: int  # matches that are also equal including spaces
    mismatches: list[tuple[str, str, str]]  # column, spec, extracted (first few)
    spacing: list[tuple[str, str, str]]  # equal but for spaces (first few)

    @property
    def accuracy(self) -> float:
        return self.matched / max(self.spec_cells, self.extracted_cells, 1)


def _norm(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value)).strip()


def _loose(text: str) -> str:
    return re.sub(r"\s+", "", text)


def money_text(text: str) -> str:
    try:
        value = parse_amount(text)
    except AmountError:
        return text
    return str(value) if value is not None else text


def spec_columns(spec_table: dict[str, Any]) -> dict[str, list[str]]:
    """Each column's non-empty values down the table. A cell stacking several values with
    line breaks ("100%\n82,5 poin") is one value per line, as the reader makes sub-rows
    of them."""
    keys = [c["key"] for c in spec_table["columns"]]
    # A code printed in columns of its own segments (code_u, code_b, code_p ... under one
    # "Kode" header) is read as one code: "5" "01" "02" -> "5.01.02".
    segments = [k for k in keys if k.startswith("code_")]
    cols: dict[str, list[str]] = {k: [] for k in keys if k not in segments}
    if segments:
        cols.setdefault("code", [])
    for row in spec_table["rows"]:
        cells = row.get("cells", {})
        if segments and (code := ".".join(_norm(cells[k]) for k in segments if _norm(cells.get(k) or ""))):
            cols["code"].append(_loose(code))
        for line in [cells, *row.get("split", [])]:
            for key, value in line.items():
                if key not in cols or not _norm(value):
                    continue
                if isinstance(value, int):
                    cols[key].append(str(value))
                else:
                    cols[key] += [_norm(v) for v in str(value).split("\n") if _norm(v)]
    return cols


def _extracted_columns(table: Table, money: set[str]) -> dict[str, list[str]]:
    cols: dict[str, list[str]] = {}
    for row in table.rows:
        for line in [row.cells, *row.sub_rows]:
            for key, cell in line.items():
                text = _norm(cell.text)
                if key == "code":
                    text = _loose(text)
                cols.setdefault(key, []).append(money_text(text) if key in money else text)
    return cols


def _printed_code(row: dict[str, Any]) -> tuple[str, str | None]:
    """(level, canonical code) that the printed code cell supports.

    Where the document printed a broken code ("7.01.01.202.0", or a sub kegiatan cut
    to its kegiatan "7.01.01.201"), the spec's canonical code is the transcriber's
    inference; a reader of the page can only get what the cell says.
    """
    written = row.get("cells", {}).get("code")
    if written is None:
        return row["level"], row.get("code")
    code = parse_code(str(written))
    if code is not None:
        return code.level.value, code.canonical
    level = code_shape_level(str(written))
    return (level.value if level else "other"), None


def score_table(table: Table, spec_table: dict[str, Any], money: set[str]) -> Score:
    spec_cols = spec_columns(spec_table)
    got_cols = _extracted_columns(table, money)
    matched = exact = spec_n = got_n = 0
    mismatches: list[tuple[str, str, str]] = []
    spacing: list[tuple[str, str, str]] = []
    for key in sorted(set(spec_cols) | set(got_cols)):
        want = [_loose(v) if key == "code" else v for v in spec_cols.get(key, [])]
        got = got_cols.get(key, [])
        spec_n += len(want)
        got_n += len(got)
        sm = difflib.SequenceMatcher(a=[_loose(v) for v in want], b=[_loose(v) for v in got], autojunk=False)
        for tag, i0, i1, j0, j1 in sm.get_opcodes():
            if tag == "equal":
                matched += i1 - i0
                for i, j in zip(range(i0, i1), range(j0, j1)):
                    if want[i] == got[j]:
                        exact += 1
                    elif len(spacing) < 40:
                        spacing.append((key, want[i], got[j]))
            elif len(mismatches) < 12:
                mismatches.append((key, " | ".join(want[i0:i1])[:120], " | ".join(got[j0:j1])[:120]))
    if any("code" in r.get("cells", {}) or r.get("code") for r in spec_table["rows"]):
        want_codes = [_printed_code(r) for r in spec_table["rows"]]
        got_codes = [(r.level.value, r.code) for r in table.rows]
        sm = difflib.SequenceMatcher(a=want_codes, b=got_codes, autojunk=False)
        same = sum(b.size for b in sm.get_matching_blocks())
        matched += same
        exact += same
        spec_n += len(want_codes)
        got_n += len(got_codes)
        if same < len(want_codes) and len(mismatches) < 12:
            for tag, i0, i1, j0, j1 in sm.get_opcodes():
                if tag != "equal":
                    mismatches.append(("level/code", str(want_codes[i0:i1])[:120], str(got_codes[j0:j1])[:120]))
    return Score(table.kind, matched, spec_n, got_n, exact, mismatches, spacing)


def money_score(
    table: Table, spec_table: dict[str, Any], money: set[str]
) -> tuple[int, int, list[tuple[str, str, str]]]:
    """Amount cells read exactly: (matching, in the spec, first misreadings). Each money
    column's values down the table are aligned with the spec's, compared as rupiah, so a
    lost thousands mark ("4275000") is no misreading but a wrong digit is."""
    spec_cols = spec_columns(spec_table)
    got_cols = _extracted_columns(table, money)
    matched = total = 0
    wrong: list[tuple[str, str, str]] = []
    for key in sorted(money & set(spec_cols)):
        want = [money_text(v) for v in spec_cols[key]]
        got = got_cols.get(key, [])
        total += len(want)
        sm = difflib.SequenceMatcher(a=want, b=got, autojunk=False)
        for tag, i0, i1, j0, j1 in sm.get_opcodes():
            if tag == "equal":
                matched += i1 - i0
            elif len(wrong) < 20:
                wrong.append((key, " | ".join(want[i0:i1])[:80], " | ".join(got[j0:j1])[:80]))
    return matched, total, wrong
