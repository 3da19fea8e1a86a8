"""Dataclasses of the document model.

Every value keeps where it was read (page and bounding box), so a finding can point
at the exact cell. Coordinates are PDF points with the origin at the top-left of the
page (pdfplumber's convention): ``x0, top, x1, bottom``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import sys
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from auditor.model.quantities import Quantity, parse_quantity

if TYPE_CHECKING:  # places.py builds on BBox, defined here
    from auditor.model.places import PlaceIndex


@dataclass(frozen=True)
class BBox:
    x0: float
    top: float
    x1: float
    bottom: float

    def union(self, other: BBox) -> BBox:
        return BBox(
            min(self.x0, other.x0),
            min(self.top, other.top),
            max(self.x1, other.x1),
            max(self.bottom, other.bottom),
        )

    def contains(self, other: BBox, slack: float = 0.5) -> bool:
        return (
            self.x0 - slack <= other.x0
            and self.top - slack <= other.top
            and other.x1 <= self.x1 + slack
            and other.bottom <= self.bottom + slack
        )

    def as_list(self) -> list[float]:
        return [round(self.x0, 2), round(self.top, 2), round(self.x1, 2), round(self.bottom, 2)]


@dataclass(frozen=True)
class TextLine:
    """One printed line of a cell. ``broken``: the line ended before the cell's edge, so
    the line after it was started on purpose (a line break), not by wrapping; ``glued``:
    the line was cut inside a word or number, which the next line finishes."""

    text: str
    bbox: BBox
    broken: bool = False
    glued: bool = False  # the next line goes on with this line's last word ("10" + "0", "Randu" + "agung")


def model_signature() -> str:
    """A hash of the model's classes and their fields: it changes when the model does (the
    extraction caches key their pickles with it)."""
    module = sys.modules[__name__]
    shapes = sorted(
        f"{name}:{','.join(f.name for f in dataclasses.fields(cls))}"
        for name, cls in vars(module).items()
        if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == __name__
    )
    return hashlib.sha256("|".join(shapes).encode()).hexdigest()


# The draft stages a Renja's cover can name (extract/meta.py); a rule's severity may differ by stage.
STAGES = ("rancangan_awal", "rancangan", "rancangan_akhir")


@dataclass(frozen=True)
class SheetPlace:
    """A cell of a reference spreadsheet (RKPD, Renstra, pagu indikatif): the file, its
    sheet (None for a CSV), the 1-based row and the column's header as written."""

    file: str
    sheet: str | None
    row: int
    column: str

    def to_dict(self) -> dict[str, str | int | None]:
        return {"file": self.file, "sheet": self.sheet, "row": self.row, "column": self.column}


@dataclass(frozen=True)
class Cell:
    """Text of one table cell as read, with its place on the page.

    A cell that continues on the next page (a row broken by a page break) has one
    part per page; ``page``/``bbox`` are the first part's, ``parts`` lists all.
    ``lines`` are its printed lines (several values stacked in one cell are told apart
    from them).
    """

    text: str
    page: int
    bbox: BBox
    parts: tuple[tuple[int, BBox], ...] = ()
    lines: tuple[TextLine, ...] = field(default=(), compare=False)
    # A value of reference data (RKPD, Renstra), not of the document: where it is in its
    # spreadsheet (page and box are then 0 and empty).
    source: SheetPlace | None = None

    @property
    def empty(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class Amount:
    """A money cell: ``value`` in rupiah, None for an empty cell or a null token."""

    value: int | None
    cell: Cell
    parse_error: bool = False


class Level(StrEnum):
    PROGRAM = "program"
    KEGIATAN = "kegiatan"
    SUB_KEGIATAN = "sub_kegiatan"
    AKTIVITAS = "aktivitas"
    TOTAL = "total"
    OTHER = "other"


# Parent level of each level in the program hierarchy (a total has none).
PARENT_LEVEL: dict[Level, Level] = {
    Level.KEGIATAN: Level.PROGRAM,
    Level.SUB_KEGIATAN: Level.KEGIATAN,
    Level.AKTIVITAS: Level.SUB_KEGIATAN,
}


@dataclass
class Row:
    """One logical row of a program/kegiatan table (merged over page breaks)."""

    index: int
    level: Level
    code: str | None  # canonical code, None for aktivitas / total rows
    code_written: str | None  # the code as the document writes it
    cells: dict[str, Cell] = field(default_factory=dict)
    amounts: dict[str, Amount] = field(default_factory=dict)
    # Stacked sub-rows of a row whose other cells are merged over them, e.g. a
    # program with three indicators, each with its own target.
    sub_rows: list[dict[str, Cell]] = field(default_factory=list)
    code_valid: bool = True  # False: a code was written but is malformed ("7.01.01.202.0")
    # Where the row's empty cells are, so a finding about a missing value can point at it.
    blank: dict[str, tuple[int, BBox]] = field(default_factory=dict)

    def text(self, column: str) -> str:
        cell = self.cells.get(column)
        return cell.text if cell else ""

    def amount(self, column: str) -> int | None:
        a = self.amounts.get(column)
        return a.value if a else None

    def quantity(self, column: str) -> Quantity | None:
        """The column's value with its unit; a separate ``<column>_unit`` cell is joined."""
        return quantity_in(self.cells, column)

    @property
    def label(self) -> str:
        """Short human name of the row: its name, or its activity text."""
        return self.text("name") or self.text("aktivitas")

    @property
    def page(self) -> int:
        return min(c.page for c in self.cells.values()) if self.cells else 0


_YEAR_KEY = re.compile(r"^(?P<base>[a-z]+)_(?:19|20)\d\d$")


def quantity_in(cells: dict[str, Cell], column: str) -> Quantity | None:
    """A column's value with its unit: a separate ``<column>_unit`` cell is joined; for
    a year column ("target_2026") the table's one unit column ("target_unit"); else the
    row's one "Satuan" column, when the table has one for all its values."""
    cell = cells.get(column)
    unit = cells.get(column + "_unit")
    if unit is None and (m := _YEAR_KEY.match(column)):
        unit = cells.get(m.group("base") + "_unit")
    if unit is None and cell is not None and column != "satuan" and not column.startswith("tingkat_"):
        unit = cells.get("satuan")  # one "Satuan" column for all of a row's values (rates are percentages)
    if cell is None and unit is None:
        return None
    text = " ".join(c.text for c in (cell, unit) if c is not None and not (c is unit and c.text.strip() == "-"))
    return parse_quantity(text)


@dataclass
class Table:
    """A recognised standard table, stitched across its pages."""

    kind: str  # "T-C.33", "Tabel 4.1", ...
    caption: str
    pages: list[int]
    columns: list[str]  # column keys, left to right
    column_headers: dict[str, str]  # key -> header text as read
    rows: list[Row]
    confidence: float
    notes: list[str] = field(default_factory=list)
    # Multiplier stated by a money column's header: "(Rp.000)" -> 1000.
    money_units: dict[str, int] = field(default_factory=dict)
    nihil: bool = False  # the table says it has nothing to list ("NIHIL")
    header_boxes: dict[str, tuple[int, BBox]] = field(default_factory=dict)  # key -> (page, box) of its header
    number: str | None = None  # the document's own number for it ("3.1", "III.2"); None when unnumbered

    @property
    def label(self) -> str | None:
        """How the document itself names a table that is not a T-C table: "Tabel 3.1"."""
        if self.kind.startswith("T-C") or not self.number:
            return None
        return f"Tabel {self.number}"

    def rows_at(self, level: Level) -> list[Row]:
        return [r for r in self.rows if r.level == level]

    def total_rows(self) -> list[Row]:
        return self.rows_at(Level.TOTAL)

    def children(self, row: Row) -> list[Row]:
        """Direct children of ``row`` in document order.

        Program/kegiatan children are found by code prefix; aktivitas have no code
        and belong to the sub kegiatan above them.
        """
        if row.level == Level.SUB_KEGIATAN:
            out: list[Row] = []
            for r in self.rows[row.index + 1 :]:
                if r.level != Level.AKTIVITAS:
                    break
                out.append(r)
            return out
        child_level = {Level.PROGRAM: Level.KEGIATAN, Level.KEGIATAN: Level.SUB_KEGIATAN}.get(row.level)
        if child_level is None or row.code is None:
            return []
        prefix = row.code + "."
        return [r for r in self.rows if r.level == child_level and r.code and r.code.startswith(prefix)]


@dataclass(frozen=True)
class TextSpan:
    """A piece of narrative text and where it is."""

    text: str
    page: int
    bbox: BBox
    bold: bool = False


@dataclass(frozen=True)
class StatedAmount:
    """A Rupiah amount stated in the narrative (``Rp. 1.916.446.189``)."""

    value: int
    span: TextSpan  # the amount as written
    label: str  # words naming it, e.g. "Jumlah Anggaran", "Belanja Pegawai"
    role: str  # "total" | "component" | "other"
    sentence: str
    sentence_id: int
    # The year (or "2021-2026" range) the sentence names last before the amount: the
    # budget year it speaks of ("pagu tahun 2024 sebesar ..."), None when none is named.
    years: tuple[int, int] | None = None


@dataclass(frozen=True)
class Heading:
    """A chapter ("BAB III") or numbered section ("3.2.1") heading."""

    level: int  # 1 = BAB, 2 = x.y, 3 = x.y.z ...
    number: str  # "III", "3.2", "3.2.1"; a lettered section as its place: "B." in BAB II is "2.2"
    title: str
    span: TextSpan
    label: str | None = None  # the number as written when it differs: "B. (BAB II)"


@dataclass(frozen=True)
class Sentence:
    id: int
    text: str
    section: str | None  # number of the heading it sits under
    kind: str  # "paragraph" | "list_item" | "caption" | "heading" | "other"
    span: TextSpan


@dataclass(frozen=True)
class Count:
    """A count written with its words: ``6 (enam) program``."""

    value: int
    words: str
    words_value: int | None  # what the words say, None if not a number word
    noun: str
    span: TextSpan
    sentence_id: int


@dataclass(frozen=True)
class YearMention:
    year: int
    context: (
        str  # "heading" | "caption" | "sentence" | "list_item" | "table_header" | "table_cell" | "cover" | "signature"
    )
    text: str  # the sentence, heading, caption or cell the year is in
    span: TextSpan
    legal: bool = False  # part of a legal reference: "Nomor 86 Tahun 2017"
    period: tuple[int, int] | None = None  # "2024-2026"
    table: str | None = None
    column: str | None = None
    code: str | None = None


@dataclass(frozen=True)
class ListItem:
    marker: str  # "A.", "I.", "1.", "a)", "-"
    text: str
    depth: int  # 1 = outermost marker style of its list
    span: TextSpan


@dataclass
class NarrativeList:
    section: str | None
    items: list[ListItem]


@dataclass(frozen=True)
class PageFailure:
    """A page that could not be read; the rest of the document is audited without it."""

    page: int
    reason: str  # "too_large" | "damaged"
    detail: str  # what the reader said ("content over 8 MB", "PDFSyntaxError")


@dataclass(frozen=True)
class IdentitySource:
    """A place that states the plan year, unit or region (see extract/meta.py)."""

    key: str  # "plan_year" | "unit" | "region"
    value: str | int
    where: str  # "cover" | "running_header" | "caption" | "table_header" | "narrative" | "override"
    span: TextSpan


@dataclass(frozen=True)
class Caption:
    """A table or figure caption line: ``TABEL 3.4 T-C.33 ...``."""

    number: str | None  # "3.4"
    kind: str | None  # standard table named in it, e.g. "T-C.33"
    text: str
    span: TextSpan


@dataclass(frozen=True)
class ContentsEntry:
    """One entry of a table of contents, list of tables or list of figures at the front:
    ``BAB II HASIL EVALUASI ... 7`` (wrapped lines joined, dot leaders dropped)."""

    listing: str  # "isi" | "tabel" | "gambar" | ... : the word after "DAFTAR"
    text: str  # the entry without its page number
    page_label: str | None  # the page number it gives, as printed ("7", "iii")
    span: TextSpan


@dataclass
class Narrative:
    lines: list[TextSpan]
    stated_amounts: list[StatedAmount]
    headings: list[Heading] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    years: list[YearMention] = field(default_factory=list)
    lists: list[NarrativeList] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    # Tables of contents, lists of tables and of figures: never headings, captions or sentences.
    contents: list[ContentsEntry] = field(default_factory=list)


@dataclass
class Document:
    path: str
    sha256: str
    pages: int
    plan_year: int | None
    unit: str | None
    region: str | None
    tables: list[Table]
    narrative: Narrative
    meta_sources: dict[str, TextSpan] = field(default_factory=dict)
    # Every place that states the plan year, unit or region, the voted ones among them.
    identity: list[IdentitySource] = field(default_factory=list)
    extractor: str = "pdfplumber"
    scanned_pages: list[int] = field(default_factory=list)  # image-only pages: need OCR
    missing_tables: list[str] = field(default_factory=list)  # standard tables not found
    place: str | None = None  # where it was signed: "Lumajang"
    date: str | None = None  # as written: "Juni 2023"
    # Tables that are none of the standard ones (PATEN counts, problem lists ...), kind "other".
    other_tables: list[Table] = field(default_factory=list)
    # Running headers, footers and page numbers, set aside before anything was read.
    artifacts: list[TextSpan] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)  # pages whose words were read by OCR
    # Per page, the boxes of words OCR read with low confidence: a finding resting on one may be a misreading.
    doubtful: dict[int, list[BBox]] = field(default_factory=dict)
    unreadable_pages: list[PageFailure] = field(default_factory=list)  # read around, named in the report
    # A Word document's cells and headings by their made-up page and box, so reports can name
    # the Word place without reading the file again; None for a PDF.
    word_places: PlaceIndex | None = None
    # Reference data given with --reference, as tables of this document's unit ("RKPD",
    # "Renstra", "Pagu indikatif"; reference/attach.py): never part of ``tables``.
    reference_tables: list[Table] = field(default_factory=list)
    reference_unit: str | None = None  # the unit the reference data was matched to
    # The draft stage the cover names: "rancangan_awal", "rancangan", "rancangan_akhir"; None
    # when it names none (a final Renja, or not said). Rules may set severities by it.
    stage: str | None = None
    # None: no reference data given; "matched", or why not: "no_unit", "ambiguous".
    reference_status: str | None = None
    reference_candidates: list[str] = field(default_factory=list)  # the nearest units, when not matched

    def tables_of(self, kind: str) -> list[Table]:
        """The document's tables of ``kind``, and the reference data's ("RKPD", "Renstra")."""
        return [t for t in (*self.tables, *self.reference_tables) if t.kind == kind]
