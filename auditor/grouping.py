"""Findings that share one cause, as groups: one line for the reader instead of many.

Two findings of the same rule share a cause when

* they name the same row (its code) with the same expected and actual values (one name
  slip copied into T-C.29, T-C.31, T-C.33 and Tabel 4.1; one wrong satuan across a row), or
* they are in the same column (or both in the narrative) and their expected and actual
  values differ in the same words, numbers aside (the same wrong satuan down a column,
  "Iaporan" for "laporan" on every row, the same leftover phrase on several pages).

Groups are the connected sets of that relation, so every finding is in exactly one group
(most in a group of their own). Numbers alone never join findings of different rows: two
sub kegiatan whose totals both miss by the same amount are two mistakes.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from auditor.findings import SEVERITIES, Finding

_SPACE = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^a-z]+")


@dataclass(frozen=True)
class Group:
    id: str  # "G1", "G2", … in the order of each group's first finding
    rule: str
    severity: str  # the most severe of its findings
    members: tuple[int, ...]  # indices into the report's findings, in their order

    @property
    def count(self) -> int:
        return len(self.members)


def _text(value: str | None) -> str:
    return _SPACE.sub(" ", (value or "").strip()).casefold()


def _words(value: str | None) -> str:
    """The letters of a value, numbers and punctuation aside: "12 Orang" -> "orang"."""
    return _NOT_WORD.sub(" ", (value or "").casefold()).strip()


def _keys(f: Finding) -> list[Hashable]:
    keys: list[Hashable] = []
    expected, actual = _text(f.expected), _text(f.actual)
    loc = f.location
    # The row's code, or for a row without one (an indicator line of T-C.29) its table and text.
    row = loc.code or ((loc.table, _text(loc.row)) if loc.table and loc.row else None)
    if row:
        keys.append(("row", f.rule, row, expected, actual))
    words_expected, words_actual = _words(f.expected), _words(f.actual)
    if words_expected != words_actual and f.value_kind != "money":
        keys.append(("words", f.rule, loc.column or "", words_expected, words_actual))
    return keys


def group_findings(findings: Sequence[Finding]) -> list[Group]:
    """The groups of ``findings``; each finding's index is in exactly one of them."""
    parent = list(range(len(findings)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[Hashable, int] = {}
    for i, f in enumerate(findings):
        for key in _keys(f):
            if key in first:
                a, b = root(first[key]), root(i)
                if a != b:
                    parent[max(a, b)] = min(a, b)  # the earlier finding stays the root
            else:
                first[key] = i
    members: dict[int, list[int]] = {}
    for i in range(len(findings)):
        members.setdefault(root(i), []).append(i)
    groups = []
    for n, (head, indices) in enumerate(sorted(members.items()), start=1):
        severity = min((findings[i].severity for i in indices), key=SEVERITIES.index)
        groups.append(Group(f"G{n}", findings[head].rule, severity, tuple(indices)))
    return groups


def group_of(groups: Sequence[Group], count: int) -> list[Group]:
    """Each finding's group, by the finding's index."""
    of = {i: g for g in groups for i in g.members}
    return [of[i] for i in range(count)]
