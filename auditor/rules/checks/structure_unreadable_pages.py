"""structure_unreadable_pages: pages that could not be read (damaged, or content too large).

The rest of the document is audited without them, so whatever such a page holds (a part
of a table, a chapter) was not checked; each one is reported with the reason, so the
verifier knows what was skipped and can ask for a sound file.

PASS::  every page could be read
FAIL::  page 37's content stream is broken (damaged); page 12 inflates to gigabytes (too large)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.findings import Location
from auditor.model.document import Document
from auditor.rules.base import Result, Violation

ID = "structure_unreadable_pages"
PARAMS: dict[str, Any] = {}
FIELDS = ("page", "reason", "detail", "pages")

REASONS = {
    "too_large": {"id": "isinya terlalu besar", "en": "its content is too large"},
    "damaged": {"id": "rusak", "en": "it is damaged"},
}


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    for failure in doc.unreadable_pages:
        yield Violation(
            location=Location(page=failure.page, table=None, code=None, column=None),
            expected=None,
            actual=None,
            fields={
                "page": failure.page,
                "reason": REASONS.get(failure.reason, REASONS["damaged"]),
                "detail": failure.detail,
                "pages": len(doc.unreadable_pages),
            },
        )
