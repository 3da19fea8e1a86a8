"""Documents built in code for the check tests: one way to make a document, a table, a row
and a text span, so a test states only what it is about (the rest is a plain Kecamatan X).

Rows lay their cells out as a printed table would: column after column on one line, one
line per row, so findings come in reading order.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from auditor.model.amounts import parse_amount
from auditor.model.document import Amount, BBox, Cell, Document, Level, Narrative, Row, Table, TextSpan

BOX = BBox(10, 10, 50, 20)
MONEY = frozenset({"amount", "amount_next", "pagu", "kebutuhan_dana"})


def span(text: str, page: int = 1, box: BBox = BOX) -> TextSpan:
    return TextSpan(text, page, box)


def cell_box(row: int, column: int) -> BBox:
    """The box of a cell: ``column`` across, ``row`` down."""
    return BBox(10 * column, 10 + 20 * row, 10 * column + 9, 29 + 20 * row)


def row(
    i: int,
    level: Level,
    code: str | None,
    cells: dict[str, str],
    page: int = 1,
    money: Collection[str] = MONEY,
    written: str | None = None,
    **fields: Any,
) -> Row:
    """Row ``i`` of a table: its cells' texts by column key; the ``money`` columns also read
    as amounts ("1.916.486.189" or "1,916,486,189"; empty or "-" is no amount)."""
    built = {k: Cell(v, page, cell_box(i, n)) for n, (k, v) in enumerate(cells.items())}
    amounts = {k: Amount(parse_amount(c.text), c) for k, c in built.items() if k in money}
    return Row(
        index=i,
        level=level,
        code=code,
        code_written=code if written is None else written,
        cells=built,
        amounts=amounts,
        **fields,
    )


def table(
    kind: str,
    rows: Iterable[Row],
    columns: list[str] | None = None,
    page: int = 1,
    headers: dict[str, str] | None = None,
    **fields: Any,
) -> Table:
    """A table of ``kind``; its columns are the rows' cell keys unless given; ``headers``:
    the header text of columns."""
    built = list(rows)
    keys = columns if columns is not None else list(dict.fromkeys(k for r in built for k in r.cells))
    return Table(kind, kind, [page], keys, headers or {}, built, 1.0, **fields)


def document(
    *tables: Table,
    narrative: Narrative | None = None,
    year: int | None = 2024,
    unit: str | None = "Kecamatan X",
    region: str | None = "Kabupaten Y",
    pages: int = 60,
    path: str = "x.pdf",
    **fields: Any,
) -> Document:
    """A document holding ``tables`` and ``narrative`` (none: an empty one)."""
    return Document(path, "0" * 64, pages, year, unit, region, list(tables), narrative or Narrative([], []), **fields)
