"""pypdf plumbing: content streams, fonts, and the sticky notes on the badges."""

from __future__ import annotations

from typing import Any

from pypdf import PageObject, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from auditor.findings import Finding
from auditor.i18n import t
from auditor.report.pdf.geometry import Geometry, map_box
from auditor.report.pdf.marks import Badge, colour_of
from auditor.report.pdf.style import NOTE_FLAGS, Box
from auditor.report.values import reference_places, shown_value


def stream_object(writer: PdfWriter, data: bytes, entries: dict[str, Any] | None = None) -> IndirectObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    for key, value in (entries or {}).items():
        stream[NameObject(key)] = value
    obj = stream.flate_encode() if len(data) > 200 else stream
    return writer._add_object(obj)


def font_object(writer: PdfWriter, base: str) -> IndirectObject:
    return writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/" + base),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
    )


def add_fonts(page: PageObject, fonts: dict[str, IndirectObject]) -> dict[str, str]:
    """Put our fonts into the page's resources under names it does not use yet."""
    if page.get("/Resources") is None:
        page[NameObject("/Resources")] = DictionaryObject()
    resources: Any = page["/Resources"].get_object()  # may be shared by several pages: adding is harmless
    font_dict = resources.get("/Font")
    if font_dict is None:
        font_dict = DictionaryObject()
        resources[NameObject("/Font")] = font_dict
    font_dict = font_dict.get_object()
    names: dict[str, str] = {}
    for role, ref in fonts.items():
        name, n = f"RenjaAudit{role}", 0
        while f"/{name}" in font_dict and font_dict[f"/{name}"] != ref:
            n += 1
            name = f"RenjaAudit{role}{n}"
        font_dict[NameObject(f"/{name}")] = ref
        names[role] = name
    return names


def append_content(page: PageObject, prefix: IndirectObject, overlay: IndirectObject) -> None:
    """Original content wrapped in q/Q (so its leftover state cannot skew ours), then ours."""
    contents = page.get("/Contents")
    parts: list[Any] = []
    if contents is not None:
        resolved = contents.get_object()
        parts = list(resolved) if isinstance(resolved, ArrayObject) else [contents]
    page[NameObject("/Contents")] = ArrayObject([prefix, *parts, overlay])


def add_annotation(writer: PdfWriter, page: PageObject, annotation: DictionaryObject) -> None:
    """Attach an annotation as written (pypdf's add_annotation rewrites /Dest
    differently from one version to the next)."""
    annotation[NameObject("/P")] = page.indirect_reference
    annots: Any = page.get("/Annots")
    if annots is None:
        annots = ArrayObject()
        page[NameObject("/Annots")] = annots
    annots.get_object().append(writer._add_object(annotation))


def rect_array(box: Box) -> ArrayObject:
    return ArrayObject([FloatObject(round(v, 2)) for v in box])


def _note_text(n: int, f: Finding, lang: str) -> str:
    lines = [f"{n} · {t('severity.' + f.severity, lang)} · {f.rule} {f.titles[lang]}".rstrip(), f.messages[lang]]
    lines += reference_places(f, lang)
    for key, value in (("report.expected", f.expected), ("report.actual", f.actual)):
        if value is not None:
            lines.append(f"{t(key, lang)}: {shown_value(value, f.value_kind, lang)}")
    return "\n".join(lines)


def annotate_badge(
    writer: PdfWriter,
    page: PageObject,
    geometry: Geometry,
    badge: Badge,
    findings: list[Finding],
    lang: str,
    blank: IndirectObject,
) -> None:
    """One sticky note per finding on its badge; several findings split the badge
    into slices so each note can be clicked. The appearance is empty because the
    badge itself is drawn in the page."""
    x0, y0, x1, y1 = badge.box
    step = (x1 - x0) / len(badge.numbers)
    for k, n in enumerate(badge.numbers):
        f = findings[n - 1]
        user = map_box(geometry.to_user, (x0 + k * step, y0, x0 + (k + 1) * step, y1))
        add_annotation(
            writer,
            page,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Annot"),
                    NameObject("/Subtype"): NameObject("/Text"),
                    NameObject("/Rect"): rect_array(user),
                    NameObject("/Contents"): TextStringObject(_note_text(n, f, lang)),
                    NameObject("/T"): TextStringObject("renja-audit"),
                    NameObject("/Subj"): TextStringObject(f"{n} {f.rule}"),
                    NameObject("/NM"): TextStringObject(f"renja-audit-{n}"),
                    NameObject("/Name"): NameObject("/Comment"),
                    NameObject("/C"): ArrayObject([FloatObject(c) for c in colour_of(f.severity)]),
                    NameObject("/F"): NumberObject(NOTE_FLAGS),
                    NameObject("/Open"): BooleanObject(False),
                    NameObject("/AP"): DictionaryObject({NameObject("/N"): blank}),
                }
            ),
        )
