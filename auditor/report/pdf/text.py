"""Text for the annotated PDF's standard fonts: WinAnsi strings, widths, wrapping, and a
finding's numbers as shown."""

from __future__ import annotations

import unicodedata

from auditor import fonts
from auditor.report.pdf.style import ASCII_FALLBACK, FONT_BOLD, FONT_REGULAR


def winansi(text: str) -> str:
    """``text`` reduced to characters Helvetica can show with WinAnsiEncoding."""
    out: list[str] = []
    for ch in text:
        if ch in "\n\r\t":
            out.append(" ")
            continue
        try:
            ch.encode("cp1252")
            out.append(ch)
        except UnicodeEncodeError:
            plain = ASCII_FALLBACK.get(ch)
            if plain is None:
                plain = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii") or "?"
            out.append(plain)
    return "".join(out)


def pdf_string(text: str) -> bytes:
    """A PDF literal string for a WinAnsi font; ``text`` must have passed :func:`winansi`."""
    out = bytearray(b"(")
    for byte in text.encode("cp1252"):
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif byte < 32 or byte > 126:
            out += b"\\%03o" % byte
        else:
            out.append(byte)
    return bytes(out + b")")


def text_width(text: str, size: float, bold: bool = False) -> float:
    return fonts.text_width(text, size, FONT_BOLD if bold else FONT_REGULAR)


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """Greedy word wrap to ``width`` points; a word longer than a line is cut."""
    lines: list[str] = []
    line = ""
    for word in winansi(text).split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, bold) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while text_width(word, size, bold) > width:
            cut = 1
            while text_width(word[: cut + 1], size, bold) <= width:
                cut += 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line or not lines:
        lines.append(line)
    return lines


def number_label(numbers: list[int]) -> str:
    """``[12, 13, 14, 20]`` -> ``"12-14,20"``: several findings on one cell share a badge."""
    parts: list[str] = []
    run = [numbers[0]]
    for n in numbers[1:] + [0]:
        if n == run[-1] + 1:
            run.append(n)
            continue
        parts.append(f"{run[0]}-{run[-1]}" if len(run) > 2 else ",".join(map(str, run)))
        run = [n]
    return ",".join(parts)
