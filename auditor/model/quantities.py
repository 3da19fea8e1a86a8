"""Targets and other measured values: ``12 laporan``, ``100%``, ``11 Orang/12 bulan``,
``69,1-69,5``, ``6 lembaga kemasyarakatan``, or a null token."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.model.amounts import is_null_token

_NUMBER = r"\d+(?:[.,]\d+)*"
_QUANTITY = re.compile(
    rf"^(?P<low>{_NUMBER})\s*(?:(?:-|–|s/d|s\.d\.?)\s*(?P<high>{_NUMBER}))?\s*(?P<unit>.*)$", re.IGNORECASE
)


@dataclass(frozen=True)
class Quantity:
    """A value with its unit. ``value`` is None for a null token or non-numeric text."""

    raw: str
    value: float | None
    high: float | None = None  # upper end of a range "69,1-69,5"
    unit: str = ""

    @property
    def is_null(self) -> bool:
        return is_null_token(self.raw)

    @property
    def is_percent(self) -> bool:
        return self.unit in ("%", "persen")


def _number(text: str) -> float | None:
    """Indonesian or English marks: a separator before exactly three digits groups
    thousands (1.250 / 1,250 / 12.500.000); otherwise it is the decimal mark (69,1 / 88.89)."""
    t = text.replace(" ", "")
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", t) and len(set(re.findall(r"[.,]", t))) == 1:
        return float(re.sub(r"[.,]", "", t))
    if re.fullmatch(r"\d+[.,]\d+", t):
        return float(t.replace(",", "."))
    if t.isdigit():
        return float(t)
    return None


def parse_quantity(text: str) -> Quantity:
    raw = " ".join(text.split())
    if is_null_token(raw):
        return Quantity(raw, None)
    # "10 0 %": digits split by wrapping inside a narrow cell.
    joined = re.sub(r"(?<=\d) (?=\d)", "", raw)
    m = _QUANTITY.match(joined)
    if not m:
        return Quantity(raw, None, unit=raw)
    unit = m.group("unit").strip()
    return Quantity(
        raw=raw,
        value=_number(m.group("low")),
        high=_number(m.group("high")) if m.group("high") else None,
        unit=unit.lower() if unit == "%" or unit.lower() == "persen" else unit,
    )
