"""Canonical nomenclature codes.

Documents write the same sub kegiatan as ``7.01.01.2.01.01``, ``7.01.01.201.1``,
``7.01.01.20 1.1`` (wrapped in a narrow cell), ``'7.01.01.2 06.1`` (an Excel text
marker) or ``7.01.01.202.0 5``. The canonical form is Kepmendagri 050-5889's:
urusan (1) . bidang (2) . program (2) . kegiatan (1 + 2) . sub kegiatan (2), e.g.
``7.01.01.2.01.01``. Four-digit sub kegiatan numbers (``0001``) of later
nomenclature versions are reduced to two digits when they fit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.model.document import Level

# Widths of the components before the sub kegiatan number.
_WIDTHS = (1, 2, 2, 1, 2)
_JUNK = re.compile(r"[\s'`\u2018\u2019\"]")
_SHAPE = re.compile(r"^[0-9Xx]+(\.[0-9Xx]*)*\.?$")


@dataclass(frozen=True)
class Code:
    canonical: str
    level: Level


def parse_code(written: str) -> Code | None:
    """Return the canonical code of ``written``, or None if it is not a valid code."""
    return _parse(written, strict=True)


def code_shape_level(written: str) -> Level | None:
    """The level a written code claims by its shape, even when it is malformed
    ("7.01.01.202.0" is a sub kegiatan whose number was cut off)."""
    code = _parse(written, strict=False)
    return code.level if code else None


def _parse(written: str, strict: bool) -> Code | None:
    text = _JUNK.sub("", written).strip(".")
    if not text or not _SHAPE.match(text) or "." not in text:
        return None
    segments = [s for s in text.split(".") if s]
    parts: list[str] = []
    width_i = 0
    current = ""
    for seg_i, seg in enumerate(segments):
        is_last = seg_i == len(segments) - 1
        if width_i >= len(_WIDTHS):
            # Everything after the kegiatan is the sub kegiatan number.
            if parts and len(parts) == len(_WIDTHS) + 1:
                return None
            parts.append(seg)
            continue
        for ch in seg:
            if width_i >= len(_WIDTHS):
                current += ch
                continue
            current += ch
            if len(current) == _WIDTHS[width_i]:
                parts.append(current)
                current = ""
                width_i += 1
        if width_i >= len(_WIDTHS) and current:
            parts.append(current)
            current = ""
        elif current and not is_last and width_i < len(_WIDTHS):
            # A short segment (unpadded "7.1.1"): pad it and move on.
            parts.append(current.zfill(_WIDTHS[width_i]))
            current = ""
            width_i += 1
    if current:
        return None  # ends in the middle of a component ("7.01.01.20")
    return _canonical(parts, strict)


def _canonical(parts: list[str], strict: bool = True) -> Code | None:
    n = len(parts)
    if n == 3:
        return Code(".".join(parts), Level.PROGRAM)
    if n == 5:
        return Code(".".join(parts), Level.KEGIATAN)
    if n == 6:
        sub = parts[5]
        if not sub.isdigit() or len(sub) > 4 or int(sub) == 0:
            return Code("", Level.SUB_KEGIATAN) if not strict else None
        number = int(sub)
        sub_text = f"{number:02d}" if number <= 99 else f"{number:04d}"
        return Code(".".join(parts[:5] + [sub_text]), Level.SUB_KEGIATAN)
    return None


def parent_code(code: str) -> str | None:
    parts = code.split(".")
    if len(parts) == 6:
        return ".".join(parts[:5])
    if len(parts) == 5:
        return ".".join(parts[:3])
    return None
