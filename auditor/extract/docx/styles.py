"""Word formatting as printed: the properties a paragraph or run ends up with after its
styles, and the list markers Word numbers paragraphs with.

Only what the reader needs is resolved: alignment, indents, spacing and page breaks
of paragraphs; bold, size, hidden and capitals of runs; numbering. Properties are
overridden along the chain document defaults -> style (base first) -> direct
formatting, which is how Word shows them in all but exotic toggle cases.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from docx.oxml.ns import qn

TWIP = 1 / 20  # points per twip
DEFAULT_SIZE = 11.0  # Word's size when nothing says otherwise (points)
Element = Any  # an lxml element of WordprocessingML

_ON = {"1", "true", "on"}


def on_off(el: Element | None) -> bool | None:
    """A toggle property: present without value means on; absent means unset (None)."""
    if el is None:
        return None
    val = el.get(qn("w:val"))
    return val is None or val.lower() in _ON


def _twips(el: Element | None, attr: str) -> float | None:
    if el is None:
        return None
    val = el.get(qn(f"w:{attr}"))
    try:
        return float(val) * TWIP if val is not None else None
    except ValueError:
        return None


@dataclass(frozen=True)
class ParaProps:
    align: str = "left"  # left | center | right | both
    left: float = 0.0  # indents in points
    right: float = 0.0
    first_line: float = 0.0  # negative: a hanging indent
    before: float = 0.0  # spacing in points
    after: float = 0.0
    line: float = 1.0  # a multiple of single spacing, or points when line_exact
    line_exact: bool = False
    page_break_before: bool = False
    contextual: bool = False  # no spacing between paragraphs of the same style
    num_id: str | None = None
    num_level: int = 0
    outline: int | None = None  # heading level in Word's outline (0 = top); None for body text


@dataclass(frozen=True)
class RunProps:
    bold: bool = False
    size: float = DEFAULT_SIZE
    hidden: bool = False
    caps: bool = False  # printed in capitals
    font: str = ""  # the font family name ("" when only a theme font is named)


def _apply_ppr(props: ParaProps, ppr: Element | None) -> ParaProps:
    if ppr is None:
        return props
    changes: dict[str, Any] = {}
    jc = ppr.find(qn("w:jc"))
    if jc is not None:
        val = jc.get(qn("w:val"), "left")
        changes["align"] = {"start": "left", "end": "right", "distribute": "both", "justify": "both"}.get(val, val)
    ind = ppr.find(qn("w:ind"))
    if ind is not None:
        for attr, key in (("left", "left"), ("start", "left"), ("right", "right"), ("end", "right")):
            v = _twips(ind, attr)
            if v is not None:
                changes[key] = v
        first, hanging = _twips(ind, "firstLine"), _twips(ind, "hanging")
        if hanging is not None:
            changes["first_line"] = -hanging
        elif first is not None:
            changes["first_line"] = first
    spacing = ppr.find(qn("w:spacing"))
    if spacing is not None:
        for attr in ("before", "after"):
            v = _twips(spacing, attr)
            if v is not None:
                changes[attr] = v
        line = spacing.get(qn("w:line"))
        if line is not None:
            try:
                rule = spacing.get(qn("w:lineRule"), "auto")
                exact = rule in ("exact", "atLeast")
                changes["line"] = float(line) * TWIP if exact else float(line) / 240
                changes["line_exact"] = exact
            except ValueError:
                pass
    pbb = on_off(ppr.find(qn("w:pageBreakBefore")))
    if pbb is not None:
        changes["page_break_before"] = pbb
    ctx = on_off(ppr.find(qn("w:contextualSpacing")))
    if ctx is not None:
        changes["contextual"] = ctx
    outline = ppr.find(qn("w:outlineLvl"))
    if outline is not None:
        try:
            level = int(outline.get(qn("w:val"), "9"))
            changes["outline"] = level if level < 9 else None  # 9 is "body text"
        except ValueError:
            pass
    num = ppr.find(qn("w:numPr"))
    if num is not None:
        num_id = num.find(qn("w:numId"))
        ilvl = num.find(qn("w:ilvl"))
        if num_id is not None:
            val = num_id.get(qn("w:val"))
            changes["num_id"] = None if val == "0" else val  # numId 0 switches numbering off
        if ilvl is not None:
            changes["num_level"] = int(ilvl.get(qn("w:val"), "0") or 0)
    return replace(props, **changes) if changes else props


def _apply_rpr(props: RunProps, rpr: Element | None) -> RunProps:
    if rpr is None:
        return props
    changes: dict[str, Any] = {}
    for tag, key in (("w:b", "bold"), ("w:vanish", "hidden"), ("w:caps", "caps"), ("w:smallCaps", "caps")):
        v = on_off(rpr.find(qn(tag)))
        if v is not None:
            changes[key] = v
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        name = fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi"))
        if name:
            changes["font"] = name
    sz = rpr.find(qn("w:sz"))
    if sz is not None:
        try:
            changes["size"] = float(sz.get(qn("w:val"), "")) / 2
        except ValueError:
            pass
    return replace(props, **changes) if changes else props


@dataclass
class _Style:
    kind: str
    based_on: str | None
    ppr: Element | None
    rpr: Element | None


@dataclass
class StyleSheet:
    """The document's styles, with each resolved chain computed once."""

    styles: dict[str, _Style] = field(default_factory=dict)
    default_para: str | None = None
    default_ppr: Element | None = None
    default_rpr: Element | None = None
    _para: dict[str | None, tuple[ParaProps, RunProps]] = field(default_factory=dict)
    _char: dict[str, list[Element]] = field(default_factory=dict)

    @classmethod
    def read(cls, root: Element | None) -> StyleSheet:
        sheet = cls()
        if root is None:
            return sheet
        defaults = root.find(qn("w:docDefaults"))
        if defaults is not None:
            sheet.default_ppr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
            sheet.default_rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        for st in root.findall(qn("w:style")):
            style_id = st.get(qn("w:styleId"))
            if not style_id:
                continue
            based = st.find(qn("w:basedOn"))
            kind = st.get(qn("w:type"), "paragraph")
            sheet.styles[style_id] = _Style(
                kind, based.get(qn("w:val")) if based is not None else None, st.find(qn("w:pPr")), st.find(qn("w:rPr"))
            )
            if kind == "paragraph" and (st.get(qn("w:default")) or "").lower() in _ON:
                sheet.default_para = style_id
        return sheet

    def _chain(self, style_id: str | None) -> list[_Style]:
        """The style and its bases, base first (a loop in basedOn is cut)."""
        chain: list[_Style] = []
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            chain.append(self.styles[style_id])
            style_id = self.styles[style_id].based_on
        return chain[::-1]

    def paragraph_style(self, style_id: str | None) -> tuple[ParaProps, RunProps]:
        """Paragraph and run properties a paragraph style gives (with the document defaults)."""
        key = style_id if style_id in self.styles else self.default_para
        if key not in self._para:
            pp = _apply_ppr(ParaProps(), self.default_ppr)
            rp = _apply_rpr(RunProps(), self.default_rpr)
            for st in self._chain(key):
                pp = _apply_ppr(pp, st.ppr)
                rp = _apply_rpr(rp, st.rpr)
            self._para[key] = (pp, rp)
        return self._para[key]

    def run_props(self, base: RunProps, char_style: str | None, rpr: Element | None) -> RunProps:
        props = base
        if char_style:
            if char_style not in self._char:
                self._char[char_style] = [st.rpr for st in self._chain(char_style) if st.rpr is not None]
            for el in self._char[char_style]:
                props = _apply_rpr(props, el)
        return _apply_rpr(props, rpr)

    def apply_paragraph(self, props: ParaProps, ppr: Element | None) -> ParaProps:
        return _apply_ppr(props, ppr)


# --------------------------------------------------------------------------- numbering

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
# Symbol/Wingdings bullets are private-use characters; print them as a plain bullet.
_BULLET = "•"


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    # Word repeats the letter after z: a..z, aa..zz, aaa...
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter",):
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "none":
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)  # decimal and the formats this reader does not spell out


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str  # "%1.", "%1.%2", a bullet character
    ppr: Element | None
    restart: int | None  # restart after this (1-based) level; None: after any higher level


class Numbering:
    """List markers of numbered paragraphs, counted in document order."""

    def __init__(self, root: Element | None) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractNumId, start overrides)
        self._counters: dict[str, dict[int, int]] = {}  # abstractNumId -> level -> last number
        self._seen: dict[str, set[str]] = {}
        if root is None:
            return
        for ab in root.findall(qn("w:abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in ab.findall(qn("w:lvl")):
                ilvl = int(lvl.get(qn("w:ilvl"), "0") or 0)
                levels[ilvl] = _Level(
                    start=int(_val(lvl.find(qn("w:start")), "1") or 1),
                    fmt=_val(lvl.find(qn("w:numFmt")), "decimal") or "decimal",
                    text=_val(lvl.find(qn("w:lvlText")), "") or "",
                    ppr=lvl.find(qn("w:pPr")),
                    restart=int(r) if (r := _val(lvl.find(qn("w:lvlRestart")), None)) not in (None, "") else None,
                )
            self._abstract[ab.get(qn("w:abstractNumId"), "")] = levels
        for num in root.findall(qn("w:num")):
            ab_id = _val(num.find(qn("w:abstractNumId")), "") or ""
            overrides: dict[int, int] = {}
            for ov in num.findall(qn("w:lvlOverride")):
                start = ov.find(qn("w:startOverride"))
                if start is not None:
                    overrides[int(ov.get(qn("w:ilvl"), "0") or 0)] = int(_val(start, "1") or 1)
            self._nums[num.get(qn("w:numId"), "")] = (ab_id, overrides)

    def level_ppr(self, num_id: str | None, level: int) -> Element | None:
        lvl = self._level(num_id, level)
        return lvl.ppr if lvl else None

    def _level(self, num_id: str | None, level: int) -> _Level | None:
        if num_id is None or num_id not in self._nums:
            return None
        return self._abstract.get(self._nums[num_id][0], {}).get(level)

    def marker(self, num_id: str | None, level: int) -> str:
        """The marker of the next paragraph of list ``num_id`` at ``level`` ("" if none)."""
        lvl = self._level(num_id, level)
        if lvl is None or num_id is None:
            return ""
        ab_id, overrides = self._nums[num_id]
        counters = self._counters.setdefault(ab_id, {})
        seen = self._seen.setdefault(ab_id, set())
        levels = self._abstract[ab_id]
        if num_id not in seen:
            # A num that overrides its start begins its own count of the shared list.
            seen.add(num_id)
            for ilvl, start in overrides.items():
                counters[ilvl] = start - 1
        start = overrides.get(level, lvl.start)
        counters[level] = counters.get(level, start - 1) + 1
        for deeper, deeper_lvl in levels.items():
            if deeper > level and (deeper_lvl.restart is None or deeper_lvl.restart > level):
                counters.pop(deeper, None)
        if lvl.fmt == "bullet":
            text = lvl.text.strip()
            return _BULLET if not text or any(0xE000 <= ord(ch) <= 0xF8FF for ch in text) else text
        out = lvl.text
        for ilvl in range(level, -1, -1):
            ref = levels.get(ilvl)
            number = counters.get(ilvl, (ref.start if ref else 1))
            out = out.replace(f"%{ilvl + 1}", format_number(number, ref.fmt if ref else "decimal"))
        return out.strip()


def _val(el: Element | None, default: str | None) -> str | None:
    return el.get(qn("w:val"), default) if el is not None else default
