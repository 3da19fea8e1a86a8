"""What a check type yields, and helpers shared by check types."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from auditor.findings import Evidence, Location
from auditor.i18n import both, has
from auditor.model.amounts import format_rupiah
from auditor.model.document import Amount, Cell, Document, Row, Table
from auditor.rules.params import Param

# Parameters shared by the money check types.
TABLES_PARAM = Param(list, item=str, default=["T-C.33", "Tabel 4.1"], doc="table kinds to check")
COLUMN_PARAM = Param(
    str,
    default="amount",
    choices=("amount", "amount_next", "pagu", "kebutuhan_dana"),
    doc="money column: T-C.33/Tabel 4.1 amount, amount_next; T-C.31 pagu, kebutuhan_dana",
)
TOLERANCE_PARAM = Param(int, default=0, minimum=0, doc="allowed difference in rupiah")


@dataclass(frozen=True)
class Violation:
    """A check's raw result; the engine adds the rule's id, severity and message."""

    location: Location
    expected: str | None
    actual: str | None
    # Message template fields. A dict {"id": ..., "en": ...} is picked per language.
    fields: dict[str, Any] = field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()
    value_kind: str | None = None  # "money": expected/actual are whole rupiah


@dataclass(frozen=True)
class Skip:
    """The check could not be evaluated on this document."""

    reasons: dict[str, str]


Result = Violation | Skip


class CheckType(Protocol):
    ID: str
    PARAMS: dict[str, Any]
    FIELDS: tuple[str, ...]

    def check(self, doc: Document, params: dict[str, Any]) -> Iterator[Result]: ...


def table_name(table: Table) -> str | dict[str, str]:
    """A table as the reader knows it: its T-C name, the document's own number ("Tabel 3.1"),
    or, for an unnumbered one, what it holds ("tabel sasaran")."""
    if table.kind.startswith("T-C"):
        return table.kind
    if table.label:
        return table.label
    if table.kind == "other" and table.pages:
        return {"id": f"tabel pada hal. {table.pages[0]}", "en": f"the table on page {table.pages[0]}"}
    return kind_name(table.kind)


def kind_name(kind: str) -> str | dict[str, str]:
    """A table kind for people: T-C names as they are, the others by what they hold."""
    key = f"table.{kind}"
    return both(key) if not kind.startswith("T-C") and has(key) else kind


def first_table(doc: Document, kind: str) -> Table | Skip:
    """The document's first table of ``kind``, or the Skip that says it is missing."""
    tables = doc.tables_of(kind)
    return tables[0] if tables else table_not_found([kind])


def table_not_found(kinds: list[str]) -> Skip:
    names = ", ".join(kinds)
    return Skip(
        {
            "id": f"Tabel {names} tidak ditemukan dalam dokumen.",
            "en": f"Table {names} not found in the document.",
        }
    )


def columns_not_read(table: Table, columns: list[str]) -> Skip:
    names = ", ".join(columns)
    return Skip(
        {"id": f"{table.kind}: kolom {names} tidak terbaca.", "en": f"{table.kind}: column(s) {names} not read."}
    )


def money_tables(doc: Document, params: dict[str, Any]) -> list[Table]:
    """The document's tables of the kinds in ``params['tables']`` that have ``params['column']``."""
    return [t for kind in params["tables"] for t in doc.tables_of(kind) if params["column"] in t.columns]


def no_total(table: Table) -> Skip:
    return Skip({"id": f"{table.kind} tidak memiliki jumlah.", "en": f"{table.kind} has no total."})


def reference_location(table: Table, row: Row, column: str, cell: Cell | None) -> Location | None:
    """A value of reference data (RKPD, Renstra) is located in its spreadsheet, not on a page;
    None for a cell of the document."""
    if cell is None or cell.source is None:
        return None
    return Location(None, table.kind, row.code, column, row=row.label or None, reference=cell.source)


def cell_location(table: Table, row: Row, column: str, cell: Cell | None) -> Location:
    """Where a row's value is; an empty cell is located by the box it left blank."""
    if (in_reference := reference_location(table, row, column, cell)) is not None:
        return in_reference
    page, bbox = (cell.page, cell.bbox) if cell else row.blank.get(column, (row.page, None))
    return Location(
        page=page,
        table=table.kind,
        code=row.code,
        column=column,
        row=row.label or None,
        bbox=bbox,
        table_label=table.label,
    )


def column_location(table: Table, column: str) -> Location:
    """A whole column, located by its header cell."""
    page, bbox = table.header_boxes.get(column, (table.pages[0] if table.pages else None, None))
    return Location(page=page, table=table.kind, code=None, column=column, bbox=bbox, table_label=table.label)


def amount_evidence(role: str, table: Table, row: Row, column: str) -> Evidence | None:
    amount: Amount | None = row.amounts.get(column)
    cell = amount.cell if amount else row.cells.get(column)
    if cell is None:
        return None
    return Evidence(
        role=role,
        text=cell.text,
        value=None if amount is None or amount.value is None else str(amount.value),
        location=cell_location(table, row, column, cell),
    )


def rupiah(value: int | None) -> dict[str, str] | str:
    """Amount for a message: Indonesian formatting, or the word for 'empty'."""
    return both("empty") if value is None else format_rupiah(value)


def plain(value: int | None) -> str | None:
    return None if value is None else str(value)


def table_total(table: Table, column: str) -> tuple[int | None, Row | None]:
    """The table's own total: its last total row with a value, else Σ programs."""
    for row in reversed(table.total_rows()):
        if row.amount(column) is not None:
            return row.amount(column), row
    programs = [r for r in table.rows if r.level.value == "program"]
    if not programs:
        return None, None
    return sum(p.amount(column) or 0 for p in programs), None


def rupiah_total(table: Table, column: str) -> tuple[int | None, Row | None]:
    """``table_total`` in rupiah: times the unit the header or caption states ("(Rp.000)")."""
    value, row = table_total(table, column)
    return (None if value is None else value * table.money_units.get(column, 1)), row


def total_location(table: Table, row: Row | None, column: str) -> Location:
    if row is not None:
        amount = row.amounts.get(column)
        return cell_location(table, row, column, amount.cell if amount else None)
    return Location(page=table.pages[0] if table.pages else None, table=table.kind, code=None, column=column)


@dataclass(frozen=True)
class BatchViolation:
    """A batch check's raw result: about document ``document`` (its index in the batch), at
    ``location`` there; ``other`` is the other document it was compared with, if one."""

    document: int
    location: Location
    expected: str | None
    actual: str | None
    fields: dict[str, Any] = field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()
    other: int | None = None
