"""The document model as plain data: JSON for tools, CSV (one cell a line) for spreadsheets."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict
from typing import Any

from auditor.model.document import BBox, Cell, Document, Row, Table, TextSpan

CSV_COLUMNS = (
    "table",
    "row",
    "sub_row",
    "level",
    "code",
    "column",
    "text",
    "value",
    "unit",
    "page",
    "x0",
    "top",
    "x1",
    "bottom",
)


def _box(b: BBox) -> list[float]:
    return b.as_list()


def _cell(c: Cell) -> dict[str, Any]:
    out: dict[str, Any] = {"text": c.text, "page": c.page, "bbox": _box(c.bbox)}
    if c.parts:
        out["parts"] = [{"page": p, "bbox": _box(b)} for p, b in c.parts]
    return out


def _span(s: TextSpan) -> dict[str, Any]:
    return {"text": s.text, "page": s.page, "bbox": _box(s.bbox)}


def _typed(row: Row, key: str) -> dict[str, Any] | None:
    if key in row.amounts:
        a = row.amounts[key]
        return {"amount": a.value, "parse_error": a.parse_error}
    if key.endswith("_unit"):
        return None
    q = row.quantity(key)
    if q is None or q.value is None:
        return None
    return {"value": q.value, "high": q.high, "unit": q.unit}


def _row(row: Row) -> dict[str, Any]:
    return {
        "index": row.index,
        "level": row.level.value,
        "code": row.code,
        "code_written": row.code_written,
        "code_valid": row.code_valid,
        "cells": {k: _cell(c) for k, c in row.cells.items()},
        "values": {k: v for k in row.cells if (v := _typed(row, k)) is not None},
        "sub_rows": [{k: _cell(c) for k, c in sub.items()} for sub in row.sub_rows],
    }


def _table(t: Table) -> dict[str, Any]:
    return {
        "kind": t.kind,
        "label": t.label,
        "caption": t.caption,
        "pages": t.pages,
        "columns": t.columns,
        "column_headers": t.column_headers,
        "money_units": t.money_units,
        "nihil": t.nihil,
        "confidence": t.confidence,
        "notes": t.notes,
        "rows": [_row(r) for r in t.rows],
    }


def document_fields(doc: Document) -> dict[str, Any]:
    """What the document is: shared by the model dump and the findings report."""
    return {
        "path": doc.path,
        "sha256": doc.sha256,
        "pages": doc.pages,
        "plan_year": doc.plan_year,
        "unit": doc.unit,
        "region": doc.region,
        "extractor": doc.extractor,
        "place": doc.place,
        "date": doc.date,
        "scanned_pages": doc.scanned_pages,
        "missing_tables": doc.missing_tables,
        # Added for archive copies: pages read by OCR, text set aside, where the identity came from.
        "ocr_pages": doc.ocr_pages,
        "artifacts": [_span(a) for a in doc.artifacts],
        "identity": _identity(doc),
        # Added for damaged files: pages that could not be read; the rest was audited.
        "unreadable_pages": [{"page": f.page, "reason": f.reason, "detail": f.detail} for f in doc.unreadable_pages],
    }


def _identity(doc: Document) -> dict[str, Any]:
    """Per plan year, unit and region: the value used and every place that states one."""
    out: dict[str, Any] = {}
    for key in ("plan_year", "unit", "region"):
        sources = [s for s in doc.identity if s.key == key]
        out[key] = {
            "value": getattr(doc, key),
            "sources": [
                {"where": s.where, "value": s.value, "text": s.span.text, "page": s.span.page or None} for s in sources
            ],
        }
    return out


def document_to_dict(doc: Document) -> dict[str, Any]:
    n = doc.narrative
    return {
        "document": document_fields(doc),
        "tables": [_table(t) for t in doc.tables],
        "other_tables": [_table(t) for t in doc.other_tables],
        "artifacts": [_span(a) for a in doc.artifacts],
        "narrative": {
            "headings": [{"level": h.level, "number": h.number, "title": h.title, **_span(h.span)} for h in n.headings],
            "captions": [{"number": c.number, "kind": c.kind, **_span(c.span)} for c in n.captions],
            "contents": [
                {"listing": e.listing, "entry": e.text, "page_label": e.page_label, **_span(e.span)} for e in n.contents
            ],
            "sentences": [{"id": s.id, "section": s.section, "kind": s.kind, **_span(s.span)} for s in n.sentences],
            "stated_amounts": [
                {"value": a.value, "label": a.label, "role": a.role, "sentence_id": a.sentence_id, **_span(a.span)}
                for a in n.stated_amounts
            ],
            "counts": [
                {
                    "value": c.value,
                    "words": c.words,
                    "words_value": c.words_value,
                    "noun": c.noun,
                    "sentence_id": c.sentence_id,
                    **_span(c.span),
                }
                for c in n.counts
            ],
            "years": [
                {k: v for k, v in asdict(y).items() if k != "span"} | {"page": y.span.page, "bbox": _box(y.span.bbox)}
                for y in n.years
            ],
            "lists": [
                {
                    "section": lst.section,
                    "items": [{"marker": i.marker, "depth": i.depth, **_span(i.span)} for i in lst.items],
                }
                for lst in n.lists
            ],
        },
    }


def cells_csv(doc: Document) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for t in doc.tables:
        for row in t.rows:
            for sub_i, cells in enumerate([row.cells, *row.sub_rows]):
                for key, cell in cells.items():
                    typed = _typed(row, key) if sub_i == 0 else None
                    value = "" if typed is None else typed.get("amount", typed.get("value"))
                    unit = "" if typed is None else typed.get("unit", "")
                    writer.writerow(
                        [
                            t.kind,
                            row.index,
                            sub_i,
                            row.level.value,
                            row.code or "",
                            key,
                            cell.text,
                            "" if value is None else value,
                            unit,
                            cell.page,
                            *_box(cell.bbox),
                        ]
                    )
    return buf.getvalue()
