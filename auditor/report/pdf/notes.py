"""The notes pages appended to the annotated PDF: every finding listed, also those with no
place on a page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pypdf import PageObject, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
)

from auditor.findings import Finding
from auditor.i18n import has, t, table_shown
from auditor.report.content import Report
from auditor.report.pdf.geometry import Geometry, map_box
from auditor.report.pdf.marks import colour_of, fmt_number, rect_ops, rgb_ops
from auditor.report.pdf.plumbing import add_annotation, rect_array, stream_object
from auditor.report.pdf.style import NOTES_MARGIN, NOTES_SIZE, Box
from auditor.report.pdf.text import pdf_string, text_width, winansi, wrap
from auditor.report.values import numbers_text, reference_places, shown_value


@dataclass(frozen=True)
class _Line:
    text: str
    size: float
    bold: bool = False
    colour: tuple[float, float, float] = (0.0, 0.0, 0.0)


class _NotesWriter:
    """Lays out the notes pages as text lines in Helvetica, page by page."""

    def __init__(self, writer: PdfWriter, fonts: dict[str, IndirectObject], footer: Callable[[int, int], str]) -> None:
        self.writer, self.fonts, self.footer = writer, fonts, footer
        self.width, self.height = NOTES_SIZE
        self.left, self.top, self.right, self.bottom = NOTES_MARGIN
        self.pages: list[tuple[PageObject, list[bytes], list[tuple[Box, int]]]] = []
        self.y = 0.0

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right

    def new_page(self) -> None:
        page = self.writer.add_blank_page(self.width, self.height)
        page[NameObject("/Resources")] = DictionaryObject(
            {
                NameObject("/Font"): DictionaryObject({NameObject(f"/{k}"): v for k, v in self.fonts.items()}),
            }
        )
        self.pages.append((page, [], []))
        self.y = self.height - self.top

    def room(self, height: float) -> None:
        if not self.pages or self.y - height < self.bottom:
            self.new_page()

    def line(self, line: _Line, x: float | None = None) -> None:
        lead = line.size * 1.28
        self.room(lead)
        self.y -= lead
        self.text(self.left if x is None else x, self.y + line.size * 0.25, line)

    def text(self, x: float, y: float, line: _Line) -> None:
        font = "Bold" if line.bold else "Regular"
        op = f"{rgb_ops(line.colour, 'rg')} BT /{font} {fmt_number(line.size)} Tf {fmt_number(x)} {fmt_number(y)} Td ".encode(
            "ascii"
        )
        self.pages[-1][1].append(op + pdf_string(winansi(line.text)) + b" Tj ET")

    def badge(self, x: float, y: float, label: str, severity: str) -> None:
        w = text_width(label, 7.5, bold=True) + 4
        self.pages[-1][1].append(
            f"{rgb_ops(colour_of(severity), 'rg')} {rect_ops((x, y - 2, x + w, y + 8))} f".encode("ascii")
        )
        self.text(x + 2, y + 0.3, _Line(label, 7.5, True, (1, 1, 1)))

    def link(self, box: Box, target: int) -> None:
        self.pages[-1][2].append((box, target))

    def finish(self, link_target: Callable[[int], ArrayObject | None]) -> None:
        total = len(self.pages)
        for k, (page, ops, links) in enumerate(self.pages, start=1):
            ops.append(
                f"0.45 0.45 0.45 rg BT /Regular 7 Tf {fmt_number(self.left)} {fmt_number(self.bottom - 20)} Td ".encode(
                    "ascii"
                )
                + pdf_string(winansi(self.footer(k, total)))
                + b" Tj ET"
            )
            page[NameObject("/Contents")] = stream_object(self.writer, b"\n".join(ops) + b"\n")
            for box, target in links:
                dest = link_target(target)
                if dest is not None:
                    add_annotation(
                        self.writer,
                        page,
                        DictionaryObject(
                            {
                                NameObject("/Type"): NameObject("/Annot"),
                                NameObject("/Subtype"): NameObject("/Link"),
                                NameObject("/Rect"): rect_array(box),
                                NameObject("/Border"): ArrayObject([NumberObject(0)] * 3),
                                NameObject("/Dest"): dest,
                            }
                        ),
                    )


def _location_text(f: Finding, lang: str) -> str:
    loc = f.location
    parts = []
    for value, label in (
        (loc.page, "report.page"),
        (table_shown(loc.table, loc.table_label, lang), "report.table"),
        (loc.code, "report.code"),
        (loc.column, "report.column"),
    ):
        if value not in (None, ""):
            if label == "report.column" and has(f"col.{value}"):
                value = t(f"col.{value}", lang)  # the column's name as the form prints it
            parts.append(f"{t(label, lang)} {value}")
    if not loc.page:
        parts.insert(0, t("pdf.no_place", lang))
    if f.low_confidence:
        parts.append(t("report.low_confidence", lang))
    return " · ".join(parts)


def write_notes(writer: PdfWriter, report: Report, lang: str, fonts: dict[str, IndirectObject], page_count: int) -> int:
    """Append the notes pages; returns the index of the first one."""
    doc = report.document
    summary = report.summary
    name = Path(doc.path).name
    notes = _NotesWriter(writer, fonts, lambda n, total: t("pdf.footer", lang, name=name, n=n, total=total))
    notes.new_page()
    first = len(writer.pages) - 1
    notes.line(_Line(t("pdf.notes_title", lang), 14, True))
    notes.y -= 3
    notes.line(
        _Line(
            t(
                "pdf.notes_summary",
                lang,
                unit=doc.unit or "-",
                year=doc.plan_year or "-",
                error=summary["error"],
                warning=summary["warning"],
                info=summary["info"],
            ),
            9.5,
            True,
        )
    )
    if report.findings:
        grouped = t("report.grouped", lang, findings=len(report.findings), groups=len(report.groups))
        notes.line(_Line(grouped, 8.5, colour=(0.3, 0.3, 0.3)))
    for text in wrap(t("pdf.notes_intro", lang, name=name), 8.5, notes.text_width):
        notes.line(_Line(text, 8.5, colour=(0.3, 0.3, 0.3)))
    repeated = [g for g in report.groups if g.count > 1]
    if repeated:  # one line per group of findings with one cause, before the findings
        notes.y -= 4
        notes.line(_Line(f"{t('report.groups', lang)} ({len(repeated)})", 9, True))
        for g in repeated:
            earliest = report.findings[g.members[0]]
            numbers = numbers_text(tuple(i + 1 for i in g.members))
            said = f"{g.id} ×{g.count} · {g.rule} · {earliest.titles[lang]} — {t('pdf.group_numbers', lang, numbers=numbers)}"
            for text in wrap(said, 8, notes.text_width):
                notes.room(8 * 1.28)
                notes.line(_Line(text, 8))
    notes.y -= 8
    findings = report.findings
    if not findings:
        notes.line(_Line(t("report.no_findings", lang), 9.5))
    indent = 34.0
    width = notes.text_width - indent
    groups = report.finding_groups()
    for n, f in enumerate(findings, start=1):
        message = f.messages[lang]
        severity = f.severity
        head = f"{t('severity.' + severity, lang).upper()} · {f.rule} · {f.titles[lang]}"
        group = groups[n - 1]
        if group.count > 1:  # one cause, several places: say which group
            head += f" · {t('report.group', lang)} {group.id} ×{group.count}"
        body: list[_Line] = [_Line(s, 8.5, True) for s in wrap(head, 8.5, width, bold=True)]
        body += [_Line(s, 7.5, colour=(0.35, 0.35, 0.35)) for s in wrap(_location_text(f, lang), 7.5, width)]
        for where in reference_places(f, lang):  # the reference data's place (RKPD, Renstra)
            body += [_Line(s, 7.5, colour=(0.35, 0.35, 0.35)) for s in wrap(where, 7.5, width)]
        body += [_Line(s, 8.5) for s in wrap(message, 8.5, width)]
        for key, value in (("report.expected", f.expected), ("report.actual", f.actual)):
            if value is not None:
                shown = shown_value(value, f.value_kind, lang)
                body += [_Line(s, 8.5) for s in wrap(f"{t(key, lang)}: {shown}", 8.5, width)]
        height = sum(b.size * 1.28 for b in body) + 6
        if height < notes.height - notes.top - notes.bottom:
            notes.room(height)
        top = notes.y
        for k, b in enumerate(body):
            notes.line(b, notes.left + indent)
            if k == 0:
                notes.badge(notes.left, notes.y + 2.2, str(n), severity)
                notes.link((notes.left, notes.y - 2, notes.width - notes.right, top), n)
        notes.y -= 6

    def target(n: int) -> ArrayObject | None:
        location = findings[n - 1].location
        page_no = location.page
        if not isinstance(page_no, int) or not 1 <= page_no <= page_count:
            return None
        page = writer.pages[page_no - 1]
        dest = ArrayObject([page.indirect_reference, NameObject("/XYZ"), NullObject(), NullObject(), NullObject()])
        geometry = Geometry.of(page)
        if location.bbox and int(page.get("/Rotate", 0) or 0) % 360 == 0:
            box = map_box(geometry.to_user, geometry.view_box(location.bbox.as_list()))
            dest[3] = FloatObject(round(min(box[3] + 40, geometry.visible[3]), 1))
        return dest

    notes.finish(target)
    return first
