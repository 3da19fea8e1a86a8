"""Standard tables into model rows (kept as the entry point used by extract_document)."""

from __future__ import annotations

from auditor.extract.profiles import PROFILES
from auditor.extract.rows import build_table
from auditor.extract.tables import TableRun
from auditor.model.document import Table

BUDGET_KINDS = tuple(PROFILES)


def build_budget_table(run: TableRun) -> Table:
    return build_table(run, PROFILES[run.kind])
