"""Expected and actual values as every output shows them to a reader."""

from __future__ import annotations

from auditor.findings import Finding
from auditor.i18n import t
from auditor.model.amounts import format_rupiah


def shown_value(value: str | None, kind: str | None, lang: str) -> str:
    """Rupiah amounts (``kind`` "money", plain digit strings) the Indonesian way
    ("Rp1.916.486.189"); no value "-"; an empty cell "(kosong)"; the rest as written."""
    if value is None:
        return "-"
    if not value.strip():
        return f"({t('empty', lang)})"
    if kind == "money" and value.lstrip("-").isdigit():
        return format_rupiah(int(value))
    return value


def reference_places(f: Finding, lang: str) -> list[str]:
    """Where a finding's reference values are: "RKPD: rkpd.xlsx, lembar RKPD, baris 4, kolom Lokasi"."""
    out = []
    for loc in (f.location, *(e.location for e in f.evidence)):
        ref = loc.reference
        if ref is not None:
            where = t(
                "report.reference_place", lang, file=ref.file, sheet=ref.sheet or "-", row=ref.row, column=ref.column
            )
            out.append(f"{loc.table}: {where}" if loc.table else where)
    return list(dict.fromkeys(out))


def numbers_text(numbers: tuple[int, ...]) -> str:
    """ "1–4, 7, 9–10": finding numbers with runs joined."""
    parts: list[str] = []
    start = prev = None
    for n in numbers:
        if prev is not None and n == prev + 1:
            prev = n
            continue
        if start is not None:
            parts.append(str(start) if start == prev else f"{start}–{prev}")
        start = prev = n
    if start is not None:
        parts.append(str(start) if start == prev else f"{start}–{prev}")
    return ", ".join(parts)
