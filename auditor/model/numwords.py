"""Indonesian number words: "enam" -> 6, "dua belas" -> 12, "seratus dua puluh lima" -> 125,
"delapan miliar delapan ratus lima belas juta" -> 8 815 000 000."""

from __future__ import annotations

_UNITS = {
    "nol": 0,
    "satu": 1,
    "se": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}
# Group words, largest last read first: "dua miliar tiga ratus juta" = 2e9 + 300e6.
_SCALES = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "milyar": 10**9, "triliun": 10**12}


def words_to_number(text: str) -> int | None:
    """The value of Indonesian number words (up to the trillions), or None if ``text`` is not one."""
    words = text.lower().replace("-", " ").split()
    if not words:
        return None
    total = 0
    current = 0
    for word in words:
        if word in ("sepuluh", "sebelas", "seratus", "seribu"):
            value = {"sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000}[word]
            if value == 1000:
                total += 1000
            else:
                current += value
        elif word in _UNITS and word != "se":
            current += _UNITS[word]
        elif word == "belas":  # "dua belas": the unit just added plus ten
            current += 10
        elif word == "puluh":  # "dua puluh": the unit just added, times ten
            unit = current % 10
            current += unit * 9
        elif word == "ratus":
            unit = current % 10
            current += unit * 99
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
        elif word in ("sejuta", "semiliar", "semilyar"):
            total += 10**6 if word == "sejuta" else 10**9
        else:
            return None
    return total + current


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_value(text: str) -> int | None:
    """ "IV" -> 4; None when the text is not a Roman numeral."""
    if not text or any(ch not in _ROMAN for ch in text.upper()):
        return None
    total = 0
    values = [_ROMAN[ch] for ch in text.upper()]
    for i, v in enumerate(values):
        total += -v if i + 1 < len(values) and values[i + 1] > v else v
    return total


def roman(value: int) -> str:
    """4 -> "IV" (chapters: 1..39)."""
    out = ""
    for v, s in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= v:
            out, value = out + s, value - v
    return out
