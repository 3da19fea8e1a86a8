"""The typed document model that extractors produce and rules read."""

from auditor.model.document import (
    Amount,
    BBox,
    Cell,
    Document,
    Level,
    Narrative,
    Row,
    StatedAmount,
    Table,
    TextSpan,
)

__all__ = [
    "Amount",
    "BBox",
    "Cell",
    "Document",
    "Level",
    "Narrative",
    "Row",
    "StatedAmount",
    "Table",
    "TextSpan",
]
