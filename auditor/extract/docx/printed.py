"""Pictures for a Word document: LibreOffice prints it to PDF, the PDF is read with the
normal PDF extractor, and each place of the Word model is matched to the same table
cell or text in that PDF, giving it a page and box there.

Tables are matched by kind, then row by row (code, level, name) and column by key;
narrative text by kind (heading, sentence, list item, amount...) and wording. What
cannot be matched keeps no page: its finding simply has no picture.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import signal
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from auditor.model.document import BBox, Cell, Document, Row, Table, TextSpan
from auditor.model.places import Key, key_of

SOFFICE_ENV = "RENJA_AUDIT_SOFFICE"  # path of soffice; empty: never convert
TIMEOUT_ENV = "RENJA_AUDIT_SOFFICE_TIMEOUT"
TIMEOUT = 180.0  # seconds; a long Renja converts in a few seconds, a hung LibreOffice never ends
Place = tuple[int, list[float]]  # page and box in the PDF
Texts = tuple[str, str]  # Indonesian, English
# Key of DocResult.outputs holding warnings (JSON list of {"id", "en"}) beside the formats:
# an output that was asked for and could not be made, the others were.
WARNINGS_KEY = "warnings"
# Why the last print of each DOCX failed (this process), for the warning that no annotated PDF was made.
_failures: dict[str, Texts] = {}


def soffice() -> str | None:
    """The LibreOffice program to convert with, or None when there is none (or it is switched off)."""
    configured = os.environ.get(SOFFICE_ENV)
    if configured is not None:
        return shutil.which(configured) if configured.strip() else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(docx: Path, workdir: Path) -> Path | None:
    """``docx`` printed to PDF by LibreOffice in ``workdir``; None if LibreOffice is missing,
    fails or takes longer than the timeout (:func:`print_failure` then says which)."""
    _failures.pop(str(docx), None)
    program = soffice()
    if program is None:
        _failures[str(docx)] = _missing()
        return None
    try:
        timeout = float(os.environ.get(TIMEOUT_ENV, TIMEOUT))
    except ValueError:
        timeout = TIMEOUT
    # A copy under a plain name: LibreOffice picks its import filter partly by the name,
    # and the file may be named .pdf or carry characters a command line mangles.
    source = workdir / "document.docx"
    shutil.copyfile(docx, source)
    command = [
        program,
        "--headless",
        "--norestore",
        "--nologo",
        "--nolockcheck",
        "--nodefault",
        # Its own profile: a LibreOffice already running for the user would take the job over.
        f"-env:UserInstallation={(workdir / 'profile').resolve().as_uri()}",
        "--convert-to",
        "pdf",
        "--outdir",
        str(workdir),
        str(source),
    ]
    try:
        proc = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError as exc:
        _failures[str(docx)] = (
            f"LibreOffice ({program}) tidak dapat dijalankan ({exc.strerror})",
            f"LibreOffice ({program}) could not be started ({exc.strerror})",
        )
        return None
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _end(proc)
        _failures[str(docx)] = (
            f"LibreOffice tidak selesai mencetaknya ke PDF dalam {timeout:g} detik ({TIMEOUT_ENV})",
            f"LibreOffice did not finish printing it to PDF within {timeout:g} seconds ({TIMEOUT_ENV})",
        )
        return None
    _end(proc)  # soffice may leave a helper process behind in its session
    target = workdir / "document.pdf"
    if proc.returncode == 0 and target.is_file() and target.stat().st_size > 0:
        return target
    _failures[str(docx)] = (
        (
            f"LibreOffice ({program}) gagal mencetaknya ke PDF (kode keluar {proc.returncode})",
            f"LibreOffice ({program}) failed to print it to PDF (exit code {proc.returncode})",
        )
        if proc.returncode != 0
        else (
            f"LibreOffice ({program}) tidak menghasilkan PDF",
            f"LibreOffice ({program}) produced no PDF",
        )
    )
    return None


def _missing() -> Texts:
    configured = os.environ.get(SOFFICE_ENV)
    if configured is not None and not configured.strip():
        return (
            f"LibreOffice dimatikan ({SOFFICE_ENV} kosong)",
            f"LibreOffice is switched off ({SOFFICE_ENV} is empty)",
        )
    if configured is not None:
        return (
            f"program LibreOffice {configured!r} ({SOFFICE_ENV}) tidak ditemukan",
            f"the LibreOffice program {configured!r} ({SOFFICE_ENV}) was not found",
        )
    return (
        "LibreOffice (soffice) tidak terpasang; pasang LibreOffice Writer (Debian/Ubuntu: paket "
        "libreoffice-writer-nogui)",
        "LibreOffice (soffice) is not installed; install LibreOffice Writer (Debian/Ubuntu: package "
        "libreoffice-writer-nogui)",
    )


def print_failure(docx: Path) -> Texts:
    """Why no usable PDF print of ``docx`` was made (Indonesian, English)."""
    if (why := _failures.get(str(docx))) is not None:
        return why
    if soffice() is None:
        return _missing()
    # convert_to_pdf succeeded (or was not asked): the printed PDF was unusable.
    return (
        "PDF hasil cetak LibreOffice tidak dapat dibaca",
        "the PDF printed by LibreOffice could not be read",
    )


def _end(proc: subprocess.Popen[bytes]) -> None:
    """Stop what is left of the LibreOffice process group this module started."""
    if hasattr(os, "killpg"):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    else:
        proc.kill()
    proc.wait()


# --------------------------------------------------------------------------- matching


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass
class PdfPlaces:
    """Where the Word model's places are in the LibreOffice PDF."""

    places: dict[Key, Place] = field(default_factory=dict)
    table_pages: dict[str, int] = field(default_factory=dict)  # table kind -> its first page

    def add(self, page: int, bbox: BBox, to_page: int, to_bbox: BBox) -> None:
        key = key_of(page, bbox)
        if key is not None:
            self.places.setdefault(key, (to_page, to_bbox.as_list()))

    def find(self, page: int | None, bbox: list[float] | None, table: str | None) -> Place | tuple[int, None] | None:
        key = key_of(page, bbox)
        if key is not None and key in self.places:
            return self.places[key]
        if bbox is None and table in self.table_pages:
            return self.table_pages[table], None
        return None


def match_documents(word: Document, pdf: Document) -> PdfPlaces:
    out = PdfPlaces()
    for kind in dict.fromkeys(t.kind for t in word.tables):
        for w_table, p_table in zip(word.tables_of(kind), pdf.tables_of(kind)):
            _match_table(w_table, p_table, out)
        if pdf.tables_of(kind) and pdf.tables_of(kind)[0].pages:
            out.table_pages[kind] = pdf.tables_of(kind)[0].pages[0]
    # Other tables (PATEN counts ...) pair up in the order they come.
    for w_table, p_table in zip(word.other_tables, pdf.other_tables):
        _match_table(w_table, p_table, out)
    _match_narrative(word, pdf, out)
    return out


def _row_key(row: Row) -> str:
    # A code names its row; rows without one (aktivitas, totals) go by their words.
    return f"{row.level.value}|{row.code}" if row.code else f"{row.level.value}||{_norm(row.label)[:40]}"


def _pairs(word: list[str], pdf: list[str]) -> Iterator[tuple[int, int]]:
    """Indexes of equal items in order; unequal runs of the same length pair up by position
    (the same rows, read a little differently on paper)."""
    matcher = difflib.SequenceMatcher(None, word, pdf, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and a1 - a0 == b1 - b0):
            yield from zip(range(a0, a1), range(b0, b1))


def _match_table(word: Table, pdf: Table, out: PdfPlaces) -> None:
    for key, (page, bbox) in word.header_boxes.items():
        if key in pdf.header_boxes:
            out.add(page, bbox, *pdf.header_boxes[key])
    for a, b in _pairs([_row_key(r) for r in word.rows], [_row_key(r) for r in pdf.rows]):
        w_row, p_row = word.rows[a], pdf.rows[b]
        _match_cells(w_row.cells, p_row.cells, out)
        for w_sub, p_sub in zip(w_row.sub_rows, p_row.sub_rows):
            _match_cells(w_sub, p_sub, out)
        for key, (page, bbox) in w_row.blank.items():
            if key in p_row.blank:
                out.add(page, bbox, *p_row.blank[key])


def _match_cells(word: dict[str, Cell], pdf: dict[str, Cell], out: PdfPlaces) -> None:
    for key, cell in word.items():
        if key in pdf:
            out.add(cell.page, cell.bbox, pdf[key].page, pdf[key].bbox)


def _spans(doc: Document) -> Iterator[tuple[str, str, TextSpan]]:
    """Every located piece of narrative: (kind, matching text, span)."""
    n = doc.narrative
    for h in n.headings:
        yield "heading", h.span.text, h.span
    for c in n.captions:
        yield "caption", c.text, c.span
    for e in n.contents:
        yield "contents", e.text, e.span
    for s in n.sentences:
        yield "sentence", s.text, s.span
    for lst in n.lists:
        for item in lst.items:
            yield "item", item.text, item.span
    for a in n.stated_amounts:
        yield "amount", f"{a.value} {a.sentence}", a.span
    for count in n.counts:
        yield "count", f"{count.value} {count.words} {count.noun}", count.span
    for y in n.years:
        if y.table is None:
            yield "year", f"{y.year} {y.context} {y.text}", y.span
    for key, span in doc.meta_sources.items():
        yield f"meta-{key}", span.text, span


class _Lines:
    """The PDF's narrative lines as one text, to find a wording whose pieces did not pair."""

    def __init__(self, lines: list[TextSpan]) -> None:
        self.lines = [ln for ln in lines if ln.text.strip()]
        self.starts: list[int] = []
        parts: list[str] = []
        pos = 0
        for ln in self.lines:
            self.starts.append(pos)
            text = _norm(ln.text)
            parts.append(text)
            pos += len(text) + 1
        self.text = " ".join(parts)

    def find(self, wording: str) -> tuple[int, BBox] | None:
        needle = _norm(wording)
        at = self.text.find(needle) if needle else -1
        if at < 0:
            return None
        first = max(i for i, s in enumerate(self.starts) if s <= at)
        last = max(i for i, s in enumerate(self.starts) if s < at + len(needle))
        page, box = self.lines[first].page, self.lines[first].bbox
        for ln in self.lines[first + 1 : last + 1]:
            if ln.page == page:
                box = box.union(ln.bbox)
        return page, box


def _match_narrative(word: Document, pdf: Document, out: PdfPlaces) -> None:
    by_kind: dict[str, tuple[list[tuple[str, TextSpan]], list[tuple[str, TextSpan]]]] = {}
    for side, doc in ((0, word), (1, pdf)):
        for kind, text, span in _spans(doc):
            by_kind.setdefault(kind, ([], []))[side].append((_norm(text), span))
    lines = _Lines(pdf.narrative.lines)
    for w_items, p_items in by_kind.values():
        paired: set[int] = set()
        for a, b in _pairs([t for t, _ in w_items], [t for t, _ in p_items]):
            w_span, p_span = w_items[a][1], p_items[b][1]
            out.add(w_span.page, w_span.bbox, p_span.page, p_span.bbox)
            paired.add(a)
        for i, (_, span) in enumerate(w_items):
            if i not in paired and (found := lines.find(span.text)) is not None:
                out.add(span.page, span.bbox, *found)
