"""The typed document model that extractors produce and rules read: tables, rows, cells,
narrative, identity, each value with its page and bounding box; codes and amounts parsed."""

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
