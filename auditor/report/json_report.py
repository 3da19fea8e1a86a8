"""The JSON report: the public contract other tools read (extend, never rename)."""

from __future__ import annotations

import json
from typing import Any

from auditor import __version__
from auditor.findings import summarize
from auditor.model.document import Document
from auditor.model.export import document_fields
from auditor.rules.engine import AuditResult
from auditor.rules.ruleset import RuleSet

SCHEMA_VERSION = 1


def build_report(doc: Document, result: AuditResult, ruleset: RuleSet, lang: str) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "renja-audit", "version": __version__},
        "ruleset": {"id": ruleset.id, "version": ruleset.version, "sha256": ruleset.sha256},
        "lang": lang,
        "document": document_fields(doc),
        "tables": [
            {
                "kind": t.kind,
                "caption": t.caption,
                "pages": t.pages,
                "rows": len(t.rows),
                "columns": t.columns,
                "confidence": t.confidence,
                "notes": t.notes,
                "money_units": t.money_units,
                "label": t.label,  # the document's own number for a non-T-C table ("Tabel III.2")
            }
            for t in doc.tables
        ],
        "findings": [f.to_dict() for f in result.findings],
        # What each rule that fired checks, for "explain" in the views.
        "rules": {
            r.id: {"title": r.title[lang], "explanation": r.explanation.get(lang, "")}
            for r in ruleset.rules
            if any(f.rule == r.id for f in result.findings)
        },
        "not_evaluated": [n.to_dict() for n in result.not_evaluated],
        "waived": [f.to_dict() | {"waiver": w.to_dict()} for f, w in result.waived],
        "unused_waivers": [w.to_dict() for w in result.unused_waivers],
        "summary": summarize(result.findings),
    }


def to_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
