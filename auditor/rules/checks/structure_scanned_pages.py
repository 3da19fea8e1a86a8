"""structure_scanned_pages: pages that are pictures without a text layer need OCR.

Such a page cannot be read, so whatever it holds (a table, a signature) was not
checked; each one is reported so the verifier knows what was skipped.

PASS::  every page has text
FAIL::  page 12 is an image only
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.findings import Location
from auditor.model.document import Document
from auditor.rules.base import Result, Violation

ID = "structure_scanned_pages"
PARAMS: dict[str, Any] = {}
FIELDS = ("page", "pages")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    for page in doc.scanned_pages:
        yield Violation(
            location=Location(page=page, table=None, code=None, column=None),
            expected=None,
            actual=None,
            fields={"page": page, "pages": len(doc.scanned_pages)},
        )
