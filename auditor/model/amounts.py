"""Reading money and null tokens the way Renja documents write them."""

from __future__ import annotations

import re

NULL_TOKENS = frozenset({"", "-", "\u2013", "\u2014", "n/a", "na", "nihil"})
_RP = re.compile(r"^rp\.?", re.IGNORECASE)
_GROUPED = re.compile(r"^\d{1,3}([.,]\d{3})+$")
_DECIMAL = re.compile(r"^(\d+|\d{1,3}(?:[.,]\d{3})+)[.,](\d{1,2})$")


class AmountError(ValueError):
    """Text that looks like a number but cannot be read as rupiah."""


def is_null_token(text: str) -> bool:
    return text.strip().lower() in NULL_TOKENS


def parse_amount(text: str) -> int | None:
    """Parse ``1,916,486,189`` / ``1.916.486.189`` / ``Rp. 1.165.317.200`` /
    ``2500000.00`` / ``Rp 1.250.000,-`` / ``10 0`` (digits split by wrapping) into whole rupiah.

    Returns None for a null token; raises AmountError for anything else that is
    not an amount.
    """
    if is_null_token(text):
        return None
    t = _RP.sub("", text.strip()).strip()
    t = re.sub(r"\s+", "", t)
    t = re.sub(r"(?<=\d),-$", "", t)  # "Rp 1.250.000,-": no cents
    if not t:
        return None
    negative = (t.startswith("(") and t.endswith(")")) or t.startswith("-")
    t = t.strip("()-")
    if t.isdigit():
        value = int(t)
    elif _GROUPED.match(t) and len(set(re.findall(r"[.,]", t))) == 1:
        value = int(re.sub(r"[.,]", "", t))
    else:
        m = _DECIMAL.match(t)
        if not m:
            raise AmountError(text)
        whole, frac = m.group(1), m.group(2)
        whole_sep = set(re.findall(r"[.,]", whole))
        if whole_sep and t[len(whole)] in whole_sep:
            raise AmountError(text)  # "1,234,567" style mixed with its own decimal mark
        value = int(re.sub(r"[.,]", "", whole))
        if int(frac) >= 50 if len(frac) == 2 else int(frac) >= 5:
            value += 1
    return -value if negative else value


def format_rupiah(value: int | None) -> str:
    """Indonesian formatting: ``Rp1.916.486.189``."""
    if value is None:
        return "-"
    sign = "-" if value < 0 else ""
    return f"{sign}Rp{abs(value):,}".replace(",", ".")
