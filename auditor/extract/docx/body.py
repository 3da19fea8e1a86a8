"""The body of a Word document as printed content, in reading order.

Paragraphs become lines of text (split where the author broke the line) with bold
per character and their paragraph formatting; tables become grids of cells whose
merges (gridSpan, vMerge, hMerge) are kept as spans; hard page and section breaks
are kept as breaks. What is not printed is left out: deleted revisions, hidden
text, field instructions, the fallback copy of drawings. Text boxes are read as
paragraphs after the paragraph that anchors them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from docx.oxml.ns import qn

from auditor.extract.docx.styles import (
    TWIP,
    Element,
    Numbering,
    ParaProps,
    RunProps,
    StyleSheet,
)

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Run content that may hold text boxes: drawings, old VML pictures, embedded objects.
_SHAPES = {qn("w:drawing"), qn("w:pict"), qn("w:object"), f"{_MC}AlternateContent"}
# Containers whose runs print as part of the paragraph (links, revisions, content controls...).
_INLINE = {
    qn("w:hyperlink"),
    qn("w:ins"),
    qn("w:moveTo"),
    qn("w:smartTag"),
    qn("w:sdt"),
    qn("w:sdtContent"),
    qn("w:fldSimple"),
    qn("w:customXml"),
    qn("w:dir"),
    qn("w:bdo"),
}
A4 = (595.3, 841.9)
T = TypeVar("T")


@dataclass
class Line:
    """One printed line of a paragraph: its text and which characters are bold."""

    text: str
    bold: list[bool]


@dataclass
class Para:
    lines: list[Line]
    props: ParaProps
    size: float  # font size of its text (points)
    font: str  # font family of its text
    style: str | None
    geometry: Geometry


@dataclass
class WordCell:
    lines: list[str]  # the cell's paragraphs, split at line breaks
    col0: int
    col1: int  # exclusive, in the table's grid columns
    row: int
    rowspan: int = 1


@dataclass
class WordTable:
    rows: list[list[WordCell]]  # per Word row, the cells that start in it
    widths: list[float]  # grid column widths (points)
    indent: float
    size: float
    geometry: Geometry


@dataclass
class Break:
    """A hard page break: a page or section break (a continuous section break is none)."""


@dataclass(frozen=True)
class Geometry:
    """A section's page: size and text area (points)."""

    width: float = A4[0]
    height: float = A4[1]
    left: float = 72.0
    right: float = 72.0
    top: float = 72.0

    @property
    def text_right(self) -> float:
        return self.width - self.right


Block = Para | WordTable | Break


def _geometry(sect: Element | None) -> tuple[Geometry, bool]:
    """A section's page, and whether it starts on a new page."""
    if sect is None:
        return Geometry(), True
    size, margins = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))

    def pt(el: Element | None, attr: str, default: float) -> float:
        try:
            return float(el.get(qn(f"w:{attr}"))) * TWIP if el is not None and el.get(qn(f"w:{attr}")) else default
        except ValueError:
            return default

    kind = sect.find(qn("w:type"))
    new_page = kind is None or kind.get(qn("w:val"), "nextPage") != "continuous"
    geo = Geometry(
        width=pt(size, "w", A4[0]),
        height=pt(size, "h", A4[1]),
        left=pt(margins, "left", 72.0),
        right=pt(margins, "right", 72.0),
        top=pt(margins, "top", 72.0),
    )
    return geo, new_page


@dataclass
class BodyReader:
    styles: StyleSheet
    numbering: Numbering
    blocks: list[Block] = field(default_factory=list)
    _sections: list[tuple[Geometry, bool]] = field(default_factory=list)
    _section_i: int = 0

    def read(self, body: Element) -> list[Block]:
        sects = [p for p in body.iter(qn("w:sectPr")) if p.getparent().tag == qn("w:pPr")]
        final = body.find(qn("w:sectPr"))
        self._sections = [_geometry(s) for s in [*sects, final]]
        for el in _block_children(body):
            self._block(el)
        return self.blocks

    @property
    def geometry(self) -> Geometry:
        return self._sections[min(self._section_i, len(self._sections) - 1)][0]

    def _block(self, el: Element) -> None:
        if el.tag == qn("w:p"):
            self._paragraph(el)
        elif el.tag == qn("w:tbl"):
            self._table(el)

    # ------------------------------------------------------------------ paragraphs

    def _props(self, p: Element) -> tuple[ParaProps, RunProps, str | None, Element | None]:
        ppr = p.find(qn("w:pPr"))
        style_el = ppr.find(qn("w:pStyle")) if ppr is not None else None
        style = style_el.get(qn("w:val")) if style_el is not None else None
        base_pp, base_rp = self.styles.paragraph_style(style)
        props = self.styles.apply_paragraph(base_pp, ppr)
        if props.num_id is not None:
            # The list level's indents sit between the style's and the paragraph's own.
            level_ppr = self.numbering.level_ppr(props.num_id, props.num_level)
            props = self.styles.apply_paragraph(self.styles.apply_paragraph(base_pp, level_ppr), ppr)
        mark = ppr.find(qn("w:rPr")) if ppr is not None else None
        return props, base_rp, style, mark

    def _paragraph(self, p: Element) -> None:
        props, base_rp, style, mark = self._props(p)
        if props.page_break_before and self.blocks:
            self._break()
        pieces: list[list[tuple[str, bool]]] = [[]]
        fonts: list[str] = []
        # Word numbers the paragraph with the paragraph mark's formatting.
        marker = self.numbering.marker(props.num_id, props.num_level) if props.num_id else ""
        if marker:
            mark_rp = self.styles.run_props(base_rp, None, mark)
            pieces[0] = [(ch, mark_rp.bold) for ch in marker + " "]
        boxes: list[Element] = []
        sizes: list[float] = []
        for kind, value, rp in self._runs(p, base_rp, boxes):
            if kind == "text":
                pieces[-1].extend((ch.upper() if rp.caps else ch, rp.bold) for ch in value)
                if value.strip():
                    sizes.append(rp.size)
                    fonts.append(rp.font)
            elif kind == "line":
                pieces.append([])
            elif kind == "page":
                self._emit(pieces, props, base_rp, style, sizes, fonts)
                self._break()
                pieces = [[]]
        self._emit(pieces, props, base_rp, style, sizes, fonts)
        for box in boxes:
            for inner in _block_children(box):
                self._block(inner)
        sect = p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        if sect is not None:
            self._section_i += 1
            if self._section_i < len(self._sections) and self._sections[self._section_i][1]:
                self._break()

    def _emit(
        self,
        pieces: list[list[tuple[str, bool]]],
        props: ParaProps,
        base_rp: RunProps,
        style: str | None,
        sizes: list[float],
        fonts: list[str],
    ) -> None:
        lines = [Line("".join(ch for ch, _ in piece), [b for _, b in piece]) for piece in pieces]
        size = _most_common(sizes, base_rp.size)
        font = _most_common(fonts, base_rp.font)
        self.blocks.append(Para(lines, props, size, font, style, self.geometry))

    def _break(self) -> None:
        if self.blocks and not isinstance(self.blocks[-1], Break):
            self.blocks.append(Break())

    def _runs(self, p: Element, base_rp: RunProps, boxes: list[Element]) -> Iterator[tuple[str, str, RunProps]]:
        """("text", characters, props), ("line", ...) at a line break, ("page", ...) at a page break."""
        field_depth: list[bool] = []  # per open complex field: still in its instruction part?
        for r in _runs_of(p):
            rpr = r.find(qn("w:rPr"))
            style_el = rpr.find(qn("w:rStyle")) if rpr is not None else None
            rp = self.styles.run_props(base_rp, style_el.get(qn("w:val")) if style_el is not None else None, rpr)
            for child in r:
                tag = child.tag
                if tag == qn("w:fldChar"):
                    kind = child.get(qn("w:fldCharType"))
                    if kind == "begin":
                        field_depth.append(True)
                    elif kind == "separate" and field_depth:
                        field_depth[-1] = False
                    elif kind == "end" and field_depth:
                        field_depth.pop()
                    continue
                if any(field_depth) or rp.hidden:
                    continue
                if tag == qn("w:t"):
                    yield "text", child.text or "", rp
                elif tag in (qn("w:tab"), qn("w:ptab")):
                    yield "text", " ", rp
                elif tag == qn("w:noBreakHyphen"):
                    yield "text", "-", rp
                elif tag == qn("w:sym"):
                    yield "text", " ", rp
                elif tag == qn("w:cr"):
                    yield "line", "", rp
                elif tag == qn("w:br"):
                    yield ("page" if child.get(qn("w:type")) == "page" else "line"), "", rp
                elif tag in _SHAPES:
                    boxes.extend(_text_boxes(child))  # read after the paragraph

    # ------------------------------------------------------------------ tables

    def _table(self, tbl: Element) -> None:
        widths = [float(g.get(qn("w:w"), "0") or 0) * TWIP for g in tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
        tbl_pr = tbl.find(qn("w:tblPr"))
        ind = tbl_pr.find(qn("w:tblInd")) if tbl_pr is not None else None
        indent = (
            float(ind.get(qn("w:w"), "0") or 0) * TWIP
            if ind is not None and ind.get(qn("w:type"), "dxa") == "dxa"
            else 0.0
        )
        rows: list[list[WordCell]] = []
        open_cells: dict[int, WordCell] = {}  # grid column -> the vertically merged cell covering it
        sizes: list[float] = []
        for r_i, tr in enumerate(_row_children(tbl)):
            tr_pr = tr.find(qn("w:trPr"))
            col = _int_val(tr_pr.find(qn("w:gridBefore")) if tr_pr is not None else None)
            row: list[WordCell] = []
            for tc in _cell_children(tr):
                tc_pr = tc.find(qn("w:tcPr"))
                span = max(1, _int_val(tc_pr.find(qn("w:gridSpan")) if tc_pr is not None else None, 1))
                vmerge = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
                hmerge = tc_pr.find(qn("w:hMerge")) if tc_pr is not None else None
                if hmerge is not None and hmerge.get(qn("w:val"), "continue") == "continue" and row:
                    row[-1].col1 += span  # legacy horizontal merge: widen the cell on the left
                    col += span
                    continue
                if vmerge is not None and vmerge.get(qn("w:val"), "continue") == "continue" and col in open_cells:
                    above = open_cells[col]
                    above.rowspan = r_i - above.row + 1
                    col += span
                    continue
                cell = WordCell(self._cell_lines(tc, sizes), col, col + span, r_i)
                for c in range(col, col + span):
                    if vmerge is not None:
                        open_cells[c] = cell
                    else:
                        open_cells.pop(c, None)
                row.append(cell)
                col += span
            rows.append(row)
        if not widths:
            widths = [72.0] * max((c.col1 for row in rows for c in row), default=1)
        size = _most_common(sizes, 10.0)
        self.blocks.append(WordTable(rows, widths, indent, size, self.geometry))

    def _cell_lines(self, tc: Element, sizes: list[float]) -> list[str]:
        """A cell's printed lines; a table nested in the cell adds its cells' lines in reading order."""
        nested = BodyReader(self.styles, self.numbering)
        nested._sections = [(self.geometry, False)]
        for el in _block_children(tc):
            nested._block(el)
        out: list[str] = []
        for block in nested.blocks:
            if isinstance(block, Para):
                sizes.append(block.size)
                out.extend(line.text for line in block.lines)
            elif isinstance(block, WordTable):
                out.extend(line for row in block.rows for cell in row for line in cell.lines)
        return [" ".join(line.split()) for line in out if line.split()]


def _most_common(values: list[T], default: T) -> T:
    return max(set(values), key=values.count) if values else default


def _int_val(el: Element | None, default: int = 0) -> int:
    try:
        return int(el.get(qn("w:val"))) if el is not None else default
    except (TypeError, ValueError):
        return default


def _block_children(parent: Element) -> Iterator[Element]:
    """Paragraphs and tables of a body, cell or text box, through content controls."""
    for el in parent:
        if el.tag in (qn("w:p"), qn("w:tbl")):
            yield el
        elif el.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
            yield from _block_children(el)


def _row_children(tbl: Element) -> Iterator[Element]:
    for el in tbl:
        if el.tag == qn("w:tr"):
            yield el
        elif el.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
            yield from _row_children(el)


def _cell_children(tr: Element) -> Iterator[Element]:
    for el in tr:
        if el.tag == qn("w:tc"):
            yield el
        elif el.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
            yield from _cell_children(el)


def _runs_of(parent: Element) -> Iterator[Element]:
    for el in parent:
        if el.tag == qn("w:r"):
            yield el
        elif el.tag in _INLINE:
            yield from _runs_of(el)


def _text_boxes(el: Element) -> list[Element]:
    """Text box contents inside a drawing, skipping the duplicate fallback copy."""
    out: list[Element] = []
    for child in el:
        if child.tag == f"{_MC}Fallback":
            continue
        if child.tag == qn("w:txbxContent"):
            out.append(child)
        else:
            out.extend(_text_boxes(child))
    return out
