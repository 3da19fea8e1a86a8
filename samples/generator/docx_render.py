"""Render a validated Spec into a Word document that looks like a kecamatan's Renja."""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Cm, Pt
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from . import docx_table, figures, toc
from .spec import Block, Spec, Style

log = logging.getLogger(__name__)

A4_SHORT_CM, A4_LONG_CM = 21.0, 29.7
MARGIN_CM = {"portrait": 2.0, "landscape": 1.5}
FOOTER_DISTANCE_CM = {"portrait": 1.0, "landscape": 0.8}
EMU_PER_CM = 360000
FALLBACK_CREATED = datetime(2023, 1, 2, 8, 0, 0)
MONTHS_ID = {
    name: i
    for i, name in enumerate(
        [
            "januari",
            "februari",
            "maret",
            "april",
            "mei",
            "juni",
            "juli",
            "agustus",
            "september",
            "oktober",
            "november",
            "desember",
        ],
        start=1,
    )
}
# Fixed zip member timestamp so the .docx bytes only change when the content does.
ZIP_DATE = (2000, 1, 1, 0, 0, 0)

# Custom paragraph style names (python-docx derives the style id by dropping spaces).
BODY_TEXT = "Renja Body Text"
COVER = "Renja Cover"
CAPTION = "Renja Caption"
LIST = "Renja List"
SIGNATURE = "Renja Signature"
SPACER = "Renja Spacer"
TABLE_TEXT = "Renja Table Text"
TABLE_HEADER = "Renja Table Header"
TOC_TITLE = "Renja Contents Title"
TOC_ENTRY = "Renja Contents Entry"
FIGURE = "Renja Figure"
RUNNING_HEADER = "Renja Running Header"
TOC_INDENT_CM = 0.75  # one indent step per heading level in a table of contents
TOC_RIGHT_INDENT_CM = 1.0  # wrapped entry text stays clear of the page numbers
# w:pgNumType w:fmt per spec numbering.
PAGE_NUMBER_FORMATS = {"arabic": "decimal", "lower_roman": "lowerRoman"}


# --------------------------------------------------------------------------- styles


def _set_fonts(rpr: BaseOxmlElement, font: str) -> None:
    """Point every script slot at `font`, dropping theme-font references.

    The python-docx template's styles use theme fonts (Calibri/Cambria), which win
    over plain font names, so they have to be removed, not just overridden.
    """
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in list(rfonts.attrib):
        if attr.endswith("Theme") or attr.endswith("theme"):
            del rfonts.attrib[attr]
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        rfonts.set(qn(f"w:{slot}"), font)


def _setup_doc_defaults(doc: DocxDocument, style: Style) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr, style.font)
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), "id-ID")


def _paragraph_style(doc: DocxDocument, name: str, base: str = "Normal") -> ParagraphStyle:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles[base]
    style.quick_style = True
    return style


def _format(
    style: ParagraphStyle,
    *,
    size: float | None = None,
    bold: bool | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    before: float | None = None,
    after: float | None = None,
    line: float | None = None,
    keep_next: bool | None = None,
) -> None:
    if size is not None:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    pf = style.paragraph_format
    if align is not None:
        pf.alignment = align
    if before is not None:
        pf.space_before = Pt(before)
    if after is not None:
        pf.space_after = Pt(after)
    if line is not None:
        pf.line_spacing = line
    if keep_next is not None:
        pf.keep_with_next = keep_next


def _setup_headings(doc: DocxDocument, style: Style) -> None:
    """Reuse Word's Heading 1-3 (so the PDF keeps an outline) but in body font, black."""
    for level, size, align, before in (
        (1, style.body_pt + 1, WD_ALIGN_PARAGRAPH.CENTER, 0),
        (2, style.body_pt, WD_ALIGN_PARAGRAPH.LEFT, 12),
        (3, style.body_pt, WD_ALIGN_PARAGRAPH.LEFT, 6),
    ):
        heading = doc.styles[f"Heading {level}"]
        _set_fonts(heading.element.get_or_add_rPr(), style.font)
        heading.font.color.rgb = None
        _format(
            heading,
            size=size,
            bold=True,
            align=align,
            before=before,
            after=12 if level == 1 else 6,
            line=1.15,
            keep_next=True,
        )


def setup_styles(doc: DocxDocument, style: Style) -> None:
    _setup_doc_defaults(doc, style)
    normal = doc.styles["Normal"]
    _format(normal, size=style.body_pt, align=WD_ALIGN_PARAGRAPH.JUSTIFY, before=0, after=6, line=1.15)
    _setup_headings(doc, style)

    body = _paragraph_style(doc, BODY_TEXT)
    body.paragraph_format.first_line_indent = Cm(1.0)
    _format(_paragraph_style(doc, COVER), size=16, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
    _format(
        _paragraph_style(doc, CAPTION), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0, line=1.0, keep_next=True
    )
    lst = _paragraph_style(doc, LIST)
    lst.paragraph_format.left_indent = Cm(1.0)
    lst.paragraph_format.first_line_indent = Cm(-0.6)  # hanging: wrapped lines clear the marker
    _format(lst, after=3)
    _format(_paragraph_style(doc, SIGNATURE), align=WD_ALIGN_PARAGRAPH.CENTER, after=0, line=1.0, keep_next=True)
    _format(_paragraph_style(doc, SPACER), size=1, after=0, line=1.0)
    _format(_paragraph_style(doc, TABLE_TEXT), size=style.table_pt, align=WD_ALIGN_PARAGRAPH.LEFT, after=0, line=1.0)
    _format(_paragraph_style(doc, TABLE_HEADER, base=TABLE_TEXT), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    assert doc.styles[TABLE_TEXT].style_id == docx_table.TABLE_TEXT_STYLE
    assert doc.styles[TABLE_HEADER].style_id == docx_table.TABLE_HEADER_STYLE


def ensure_style(doc: DocxDocument, name: str, style: Style) -> None:
    """Create the contents / figure / running-header style `name` on first use."""
    if name in {s.name for s in doc.styles}:
        return
    if name == TOC_TITLE:
        _format(
            _paragraph_style(doc, TOC_TITLE),
            size=style.body_pt + 1,
            bold=True,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            before=0,
            after=18,
            line=1.15,
            keep_next=True,
        )
    elif name == TOC_ENTRY:
        entry = _paragraph_style(doc, TOC_ENTRY)
        _format(entry, align=WD_ALIGN_PARAGRAPH.LEFT, before=0, after=4, line=1.15)
        entry.paragraph_format.right_indent = Cm(TOC_RIGHT_INDENT_CM)
    elif name == FIGURE:
        _format(
            _paragraph_style(doc, FIGURE), align=WD_ALIGN_PARAGRAPH.CENTER, before=6, after=4, line=1.0, keep_next=True
        )
    elif name == RUNNING_HEADER:
        header = _paragraph_style(doc, RUNNING_HEADER)
        _format(header, size=max(style.body_pt - 2, 7), align=WD_ALIGN_PARAGRAPH.RIGHT, before=0, after=0, line=1.0)
        header.font.italic = True


# --------------------------------------------------------------------------- sections


def _add_page_number(paragraph: Paragraph, page_format: str = "{}") -> None:
    """Append a PAGE field (begin / instr / separate / cached result / end), with the text
    `page_format` puts around it ("- {} -" prints "- 5 -")."""
    before, after = page_format.split("{}")
    if before:
        paragraph.add_run(before)
    run = paragraph.add_run()
    parts: list[tuple[str, str]] = [("fldChar", "begin"), ("instrText", " PAGE "), ("fldChar", "separate")]
    for tag, value in parts:
        el = OxmlElement(f"w:{tag}")
        if tag == "fldChar":
            el.set(qn("w:fldCharType"), value)
        else:
            el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            el.text = value
        run._r.append(el)
    paragraph.add_run("1")  # cached value; LibreOffice recomputes it on export
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)
    if after:
        paragraph.add_run(after)


def setup_section(section: Section, orientation: str, *, page_number: bool = True, page_format: str = "{}") -> None:
    """A4 page in `orientation` with its own centred page-number footer.

    Every section gets an explicit footer rather than inheriting the previous one,
    so page numbers do not depend on how a consumer resolves linked footers. Without
    `page_number` the footer stays empty (a cover), the page still counts. `page_format`
    is the footer text with "{}" for the number.
    """
    landscape = orientation == "landscape"
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = Cm(A4_LONG_CM if landscape else A4_SHORT_CM)
    section.page_height = Cm(A4_SHORT_CM if landscape else A4_LONG_CM)
    margin = Cm(MARGIN_CM[orientation])
    section.top_margin = section.bottom_margin = margin
    section.left_margin = section.right_margin = margin
    section.header_distance = section.footer_distance = Cm(FOOTER_DISTANCE_CM[orientation])
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if page_number:
        _add_page_number(paragraph, page_format)


def set_running_header(section: Section, text: str, style_name: str) -> None:
    """The section's own header: `text` right-aligned over a thin rule, or nothing ("")."""
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    if not text:
        return
    paragraph.style = style_name
    docx_table.append_text_runs(paragraph._p, text)
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for attr, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{attr}"), value)
    borders.append(bottom)
    # CT_PPrBase order: pBdr comes before shd, tabs, spacing, ind and jc.
    anchor = next(
        (c for c in p_pr if c.tag in {qn("w:shd"), qn("w:tabs"), qn("w:spacing"), qn("w:ind"), qn("w:jc")}), None
    )
    if anchor is None:
        p_pr.append(borders)
    else:
        anchor.addprevious(borders)


# Children of w:sectPr that the schema puts after w:pgNumType.
_AFTER_PG_NUM_TYPE = (
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
)


def set_first_page_number(section: Section, number: int) -> None:
    """Start the section's page numbering at `number` (w:pgNumType w:start).

    Used when a document is rendered in parts and this part continues after others,
    and for a section block's `start`.
    """
    _page_number_type(section).set(qn("w:start"), str(number))


def set_page_number_format(section: Section, numbering: str) -> None:
    """Print the section's page numbers as `numbering` (arabic / lower_roman)."""
    fmt = PAGE_NUMBER_FORMATS.get(numbering)
    if fmt is not None:
        _page_number_type(section).set(qn("w:fmt"), fmt)


def _page_number_type(section: Section) -> BaseOxmlElement:
    """The section's w:pgNumType, created in its schema position when missing."""
    sect_pr = section._sectPr
    pg_num = sect_pr.find(qn("w:pgNumType"))
    if pg_num is None:
        pg_num = OxmlElement("w:pgNumType")
        following = {qn(f"w:{tag}") for tag in _AFTER_PG_NUM_TYPE}
        anchor = next((child for child in sect_pr if child.tag in following), None)
        if anchor is None:
            sect_pr.append(pg_num)
        else:
            anchor.addprevious(pg_num)
    return pg_num


def text_width_cm(section: Section) -> float:
    return (section.page_width - section.left_margin - section.right_margin) / EMU_PER_CM


# --------------------------------------------------------------------------- metadata / saving


def created_date(spec: Spec) -> datetime:
    """Creation date from meta.place_date ('Lumajang, Juni 2023'), else a fixed date."""
    place_date = (spec.meta.place_date or "").lower()
    year = re.search(r"\b(19|20)\d{2}\b", place_date)
    if year is None:
        return FALLBACK_CREATED
    month = next((num for name, num in MONTHS_ID.items() if name in place_date), 1)
    return datetime(int(year.group(0)), month, 2, 8, 0, 0)


def set_core_properties(doc: DocxDocument, spec: Spec) -> None:
    props = doc.core_properties
    stamp = created_date(spec)
    title_parts = ["Rencana Kerja", spec.meta.unit, str(spec.meta.plan_year) if spec.meta.plan_year else None]
    props.title = " ".join(p for p in title_parts if p)
    props.author = props.last_modified_by = "Kecamatan"
    props.created = props.modified = stamp
    props.revision = 1
    props.comments = props.subject = props.keywords = props.category = ""


def save_deterministic(doc: DocxDocument, path: Path) -> None:
    """Save with fixed zip timestamps, so equal content gives equal bytes."""
    buffer = io.BytesIO()
    doc.save(buffer)
    buffer.seek(0)
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    tmp.replace(path)


# --------------------------------------------------------------------------- body


class _Builder:
    """Walks the body blocks in order, appending them to one Document."""

    def __init__(self, spec: Spec, first_page_number: int | None = None) -> None:
        # Contents blocks print entries with page numbers; unresolved ones (no PDF yet)
        # get their entries here and a placeholder number.
        self.spec = toc.resolve(spec)
        self.first_page_number = first_page_number
        self.doc = Document()
        self.section = self.doc.sections[0]
        self.started = False  # has anything been placed in the body yet?
        # Page numbering and running header in force (section blocks change them); they
        # are only written into the DOCX once a section block has set them, so documents
        # that never do keep their exact bytes.
        self.numbering = "arabic"
        self.numbering_set = False
        self.header = ""
        self.header_set = False
        self.page_format = "{}"  # footer text around the number (section blocks may change it)
        # A page break is applied to whatever comes next (page_break_before), never as
        # a trailing break run, which would leave an empty paragraph on the new page.
        self.pending_break = False
        self.handlers: dict[str, Callable[[Block], None]] = {
            "cover": self.cover,
            "heading": self.heading,
            "paragraph": self.paragraph,
            "list": self.bullet_list,
            "caption": self.caption,
            "table": self.table,
            "signature": self.signature,
            "page_break": self.page_break,
            "section": self.new_section,
            "toc": self.contents,
            "figure": self.figure,
        }

    def build(self) -> DocxDocument:
        setup_styles(self.doc, self.spec.style)
        setup_section(self.section, "portrait")
        set_core_properties(self.doc, self.spec)
        for block in self.spec.body:
            self.handlers[block.type](block)
        if self.first_page_number is not None:
            set_first_page_number(self.doc.sections[0], self.first_page_number)
        return self.doc

    def _add_paragraph(self, style: str, text: str = "") -> Paragraph:
        previous = self._last_body_element()
        paragraph = self.doc.add_paragraph(style=style)
        if previous is not None and previous.tag == qn("w:tbl") and style != SPACER:
            # Word puts text flush against a table's bottom border; a little air
            # keeps following text from being read as part of the table.
            own = self.doc.styles[style].paragraph_format.space_before or 0
            paragraph.paragraph_format.space_before = max(own, Pt(6))
        docx_table.append_text_runs(paragraph._p, text.rstrip("\n"))
        if self.pending_break:
            paragraph.paragraph_format.page_break_before = True
            self.pending_break = False
        self.started = True
        return paragraph

    def cover(self, block: Block) -> None:
        for i, line in enumerate(block.lines):
            paragraph = self._add_paragraph(COVER, line)
            if i == 0:
                paragraph.paragraph_format.space_before = Cm(5)  # push the title block down the page
        self.pending_break = True  # the cover is a page of its own

    def heading(self, block: Block) -> None:
        self._add_paragraph(f"Heading {block.level}", block.text or "")

    def paragraph(self, block: Block) -> None:
        self._add_paragraph(BODY_TEXT, block.text or "")

    def bullet_list(self, block: Block) -> None:
        for item in block.items:
            self._add_paragraph(LIST, item)

    def caption(self, block: Block) -> None:
        for line in block.lines:
            self._add_paragraph(CAPTION, line)

    def signature(self, block: Block) -> None:
        # Real signature blocks sit in the right half of the page, centred within it.
        indent = Cm(text_width_cm(self.section) * 0.5)
        paragraphs = [self._add_paragraph(SIGNATURE, line) for line in block.lines]
        for paragraph in paragraphs:
            paragraph.paragraph_format.left_indent = indent
        if paragraphs:
            paragraphs[0].paragraph_format.space_before = Pt(18)
            paragraphs[-1].paragraph_format.keep_with_next = False

    def page_break(self, block: Block) -> None:
        self.pending_break = self.started  # a break before any content is meaningless

    def table(self, block: Block) -> None:
        table = self.spec.tables[block.ref or ""]
        for line in table.caption:
            self._add_paragraph(CAPTION, line)
        self._space_after_caption()
        if self.pending_break:
            # Tables cannot carry page_break_before; a 1 pt spacer paragraph does.
            self._add_paragraph(SPACER)
        available = text_width_cm(self.section)
        if table.width_cm > available + 0.05:
            log.warning(
                "%s: table %s is %.1f cm wide but the %s text area is %.1f cm",
                self.spec.id,
                table.id,
                table.width_cm,
                self.section.orientation.name.lower(),
                available,
            )
        style = self.spec.style
        tbl = docx_table.build_table(table, style.thousands, style.table_pt, style.code_style)
        # The body's final sectPr must stay last, so the table goes right before it.
        self.doc.element.body.get_or_add_sectPr().addprevious(tbl)
        self.started = True

    def _last_body_element(self) -> BaseOxmlElement | None:
        """The last paragraph or table (the body's final sectPr always stays last)."""
        return self.doc.element.body.get_or_add_sectPr().getprevious()

    def _space_after_caption(self) -> None:
        """Leave a few points between a caption directly above a table and its top border."""
        previous = self._last_body_element()
        if previous is None or previous.tag != qn("w:p"):
            return
        paragraph = Paragraph(previous, self.doc._body)
        if paragraph.style is not None and paragraph.style.name == CAPTION:
            paragraph.paragraph_format.space_after = Pt(4)

    def new_section(self, block: Block) -> None:
        orientation = block.orientation or "portrait"
        if self.started:
            self.section = self.doc.add_section(WD_SECTION.NEW_PAGE)
            # add_section puts the previous section's sectPr into a new empty paragraph;
            # shrink it to 1 pt so it cannot spill onto a page of its own.
            sect_paragraph = Paragraph(self._last_body_element(), self.doc._body)
            sect_paragraph.style = self.doc.styles[SPACER]
            # The new sectPr is a clone of the previous one: a restart there is not ours.
            pg_num = self.section._sectPr.find(qn("w:pgNumType"))
            if pg_num is not None and pg_num.get(qn("w:start")) is not None:
                del pg_num.attrib[qn("w:start")]
        if block.numbering is not None:
            self.numbering, self.numbering_set = block.numbering, True
        if block.header is not None:
            self.header, self.header_set = block.header, True
        if block.page_format is not None:
            self.page_format = block.page_format
        setup_section(self.section, orientation, page_number=self.numbering != "none", page_format=self.page_format)
        # Word does not carry a page number format over to the next section: every
        # section after the first explicit one states its own.
        if self.numbering_set:
            set_page_number_format(self.section, self.numbering)
        if block.start is not None:
            set_first_page_number(self.section, block.start)
        if self.header_set:
            ensure_style(self.doc, RUNNING_HEADER, self.spec.style)
            set_running_header(self.section, self.header, RUNNING_HEADER)
        self.pending_break = False  # the section break already starts a new page

    def contents(self, block: Block) -> None:
        """Title, then one line per entry: text, dot leader to the right margin, page."""
        ensure_style(self.doc, TOC_TITLE, self.spec.style)
        ensure_style(self.doc, TOC_ENTRY, self.spec.style)
        self._add_paragraph(TOC_TITLE, block.text or "")
        tab_at = Cm(text_width_cm(self.section))
        for entry in block.entries:
            paragraph = self._add_paragraph(TOC_ENTRY, entry.text.replace("\n", " "))
            pf = paragraph.paragraph_format
            pf.left_indent = Cm(TOC_INDENT_CM * ((entry.level or 1) - 1))
            pf.tab_stops.add_tab_stop(tab_at, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            paragraph.add_run().add_tab()
            paragraph.add_run(entry.page if entry.page is not None else toc.PLACEHOLDER)

    def figure(self, block: Block) -> None:
        """The picture (inline, centred), its caption lines centred below it."""
        ensure_style(self.doc, FIGURE, self.spec.style)
        width_cm = min(text_width_cm(self.section), figures.MAX_WIDTH_CM)
        png = figures.draw(block, width_cm, self.spec.style.font)
        paragraph = self._add_paragraph(FIGURE)
        paragraph.add_run().add_picture(io.BytesIO(png), width=Cm(width_cm), height=Cm(block.height or 8.0))
        captions = [self._add_paragraph(CAPTION, line) for line in block.lines]
        for caption in captions:
            caption.paragraph_format.space_before = Pt(2) if caption is captions[0] else None
        if captions:
            captions[-1].paragraph_format.keep_with_next = False
            captions[-1].paragraph_format.space_after = Pt(10)


def build_document(spec: Spec, first_page_number: int | None = None) -> DocxDocument:
    """The Word document of `spec`; `first_page_number` restarts its page numbering."""
    return _Builder(spec, first_page_number).build()


def render_docx(spec: Spec, out_path: str | Path, first_page_number: int | None = None) -> Path:
    """Render `spec` to `out_path` (.docx) and return the path."""
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    save_deterministic(build_document(spec, first_page_number), out_path)
    return out_path
