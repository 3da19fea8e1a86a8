"""structure_tables: every required standard table is present.

Tables are recognised by their T-C name, their Permendagri title or their header words,
never by the number a document gives them: a sasaran table is found whether it is
"Tabel 3.3", "Tabel III.2" or unnumbered.

A required kind (``required``) that the document does not contain is reported. A
table that says it has nothing to list ("NIHIL") counts as present only for the
kinds in ``may_be_nihil`` (T-C.32: no proposals from stakeholders is a valid answer);
for any other kind an empty "NIHIL" table is reported too.

PASS::  T-C.29, T-C.30, T-C.31, T-C.32 ("NIHIL"), T-C.33
FAIL::  the same without T-C.31; or T-C.33 written as "NIHIL"
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.findings import Location
from auditor.model.document import Document
from auditor.rules.base import Result, Violation, kind_name, table_name
from auditor.rules.params import Param

ID = "structure_tables"
PARAMS = {
    "required": Param(
        list,
        item=str,
        default=["T-C.29", "T-C.30", "T-C.31", "T-C.32", "T-C.33"],
        doc="tables the document must contain: Permendagri 86/2017's T-C.29 … T-C.33; a profile may add the "
        "tujuan (Tabel 3.2), sasaran (Tabel 3.3) or BAB IV funding (Tabel 4.1) table",
    ),
    "may_be_nihil": Param(list, item=str, default=["T-C.32"], doc='kinds that may say "NIHIL" instead of rows'),
}
FIELDS = ("table", "problem")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    found = {t.kind for t in doc.tables}
    for kind in params["required"]:
        if kind not in found:
            yield Violation(
                location=Location(page=None, table=kind, code=None, column=None),
                expected=kind,
                actual=None,
                fields={"table": kind_name(kind), "problem": {"id": "tidak ditemukan", "en": "not found"}},
            )
    for table in doc.tables:
        if table.kind in params["required"] and table.nihil and table.kind not in params["may_be_nihil"]:
            yield Violation(
                location=Location(
                    page=table.pages[0] if table.pages else None, table=table.kind, code=None, column=None
                ),
                expected=table.kind,
                actual="NIHIL",
                fields={
                    "table": table_name(table),
                    "problem": {"id": 'hanya berisi "NIHIL"', "en": 'only says "NIHIL"'},
                },
            )
