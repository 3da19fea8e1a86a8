"""PDFs made of Writer parts and spliced-in table parts, for specs with `render: calc`
or `render: html` tables.

The document is cut at every such table: the body before it is rendered by Writer,
the table by Calc (calc_render) or by Chromium from a web page (html_render, as
SIPD-RI prints), the rest by Writer again, each part numbering its pages on from the
previous parts. The parts' PDFs are then concatenated with pypdf, which gives the
mixed-producer PDFs offices make when a table comes from a spreadsheet or from a
browser. (The .docx written next to the PDF keeps such tables as Word tables.)

A Chromium part prints its own footer ("Halaman X dari Y" of the printed table), not
the document's page numbers; the Writer part after it still counts its pages.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Literal

from pypdf import PdfReader, PdfWriter

from .calc_render import render_xlsx
from .docx_render import render_docx
from .html_render import render_html_pdf
from .pdf_export import export_pdf, normalize_pdf
from .spec import Block, Spec
from .toc import next_page_number

# Blocks that produce no content of their own; a part made only of these is skipped.
_LAYOUT_ONLY = frozenset({"section", "page_break"})
# Table renderers whose output is spliced into the PDF as a part of its own.
SPLICED = frozenset({"calc", "html"})
# Paper of the Chromium-printed parts (html_render.PAPERS): "A4", or "F4" (215 x 330 mm).
HTML_PAPER = "A4"


@dataclass(frozen=True)
class Part:
    """A run of body blocks rendered by Writer, or one table rendered by Calc or Chromium."""

    kind: Literal["writer", "calc", "html"]
    blocks: tuple[Block, ...] = ()
    table_id: str | None = None
    orientation: str = "portrait"
    header: str | None = None  # running header in force where a spliced table stands (calc prints it)


def has_spliced_tables(spec: Spec) -> bool:
    """Does any placed table come from Calc or Chromium (so the PDF is made in parts)?"""
    return any(b.type == "table" and spec.tables[b.ref or ""].render in SPLICED for b in spec.body)


def has_calc_tables(spec: Spec) -> bool:
    """Kept for callers of the first version: true for html tables too (see has_spliced_tables)."""
    return has_spliced_tables(spec)


def split_parts(spec: Spec) -> list[Part]:
    """Cut the body at each calc or html table.

    A Writer part before such a table drops its trailing section/page breaks (they
    would leave an empty page); the part after it starts in the orientation the table
    was in, until a section block of its own says otherwise. The table prints in the
    orientation of the section it stands in.
    """
    parts: list[Part] = []
    current: list[Block] = []
    orientation = "portrait"
    numbering: str | None = None  # page number style and running header in force (None: never set)
    header: str | None = None
    page_format: str | None = None  # footer text around the number in force (None: never set)
    for block in spec.body:
        if block.type == "section":
            orientation = block.orientation or "portrait"
            numbering = block.numbering if block.numbering is not None else numbering
            header = block.header if block.header is not None else header
            page_format = block.page_format if block.page_format is not None else page_format
        render = spec.tables[block.ref or ""].render if block.type == "table" else None
        if render in SPLICED:
            parts.append(Part("writer", _strip_trailing_breaks(current)))
            parts.append(
                Part("html" if render == "html" else "calc", table_id=block.ref, orientation=orientation, header=header)
            )
            current = [
                Block("section", orientation=orientation, numbering=numbering, header=header, page_format=page_format)
            ]
            continue
        current.append(block)
    parts.append(Part("writer", tuple(current)))
    return [p for p in parts if p.kind != "writer" or any(b.type not in _LAYOUT_ONLY for b in p.blocks)]


def _strip_trailing_breaks(blocks: list[Block]) -> tuple[Block, ...]:
    end = len(blocks)
    while end and blocks[end - 1].type in _LAYOUT_ONLY:
        end -= 1
    return tuple(blocks[:end])


def export_composite_pdf(
    spec: Spec,
    out_dir: str | Path,
    *,
    timeout: float,
    soffice: str | None,
    profile_uri: str | None,
    creation_date: datetime,
) -> Path:
    """Render `spec` part by part, concatenate the parts into `<out_dir>/<id>.pdf`."""
    out_dir = Path(out_dir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{spec.id}.pdf"
    with tempfile.TemporaryDirectory(prefix="renja-parts-", dir="/tmp") as scratch_dir:
        scratch = Path(scratch_dir)
        next_page = 1
        pdfs: list[Path] = []
        for i, part in enumerate(split_parts(spec)):
            stem = f"{spec.id}-part{i + 1}"
            if part.kind == "writer":
                # Page 1 needs no restart; leaving it out keeps part 1 like a plain render.
                start = next_page if next_page > 1 else None
                source = render_docx(replace(spec, body=part.blocks), scratch / f"{stem}.docx", first_page_number=start)
            elif part.kind == "html":
                # Printed from the browser: no LibreOffice, its own footer and page count.
                pdf = render_html_pdf(
                    spec.tables[part.table_id or ""],
                    spec.style,
                    scratch / f"{stem}.pdf",
                    orientation=part.orientation,
                    creation_date=creation_date,
                    paper=HTML_PAPER,
                    timeout=timeout,
                )
                next_page += len(PdfReader(pdf).pages)
                pdfs.append(pdf)
                continue
            else:
                table = spec.tables[part.table_id or ""]
                source = render_xlsx(
                    table,
                    spec.style,
                    scratch / f"{stem}.xlsx",
                    orientation=part.orientation,
                    first_page_number=next_page,
                    header=part.header,
                )
            pdf = export_pdf(
                source, scratch, timeout=timeout, soffice=soffice, profile_uri=profile_uri, creation_date=creation_date
            )
            counted = next_page + len(PdfReader(pdf).pages)
            # A Writer part may restart its numbering (roman front matter, body from 1):
            # the next part goes on from the number its last page prints.
            next_page = next_page_number(pdf, counted) if part.kind == "writer" else counted
            pdfs.append(pdf)
        concatenate(pdfs, target, creation_date)
    return target


def concatenate(pdfs: list[Path], target: Path, creation_date: datetime) -> None:
    """Join `pdfs` in order into `target`, keeping the first part's document info.

    The result is normalised like a single export (normalize_pdf), so equal parts
    give equal bytes.
    """
    writer = PdfWriter()
    for pdf in pdfs:
        writer.append(str(pdf))
    info = PdfReader(pdfs[0]).metadata
    if info is not None:
        writer.add_metadata(info)
    with target.open("wb") as handle:
        writer.write(handle)
    normalize_pdf(target, creation_date)
