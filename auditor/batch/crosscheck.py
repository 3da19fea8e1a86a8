"""Checks across the documents of a batch: the rules whose check type compares documents
(``SCOPE = "batch"``: a sentence copied from another unit, a program nearly every other unit
plans). They run once every document is audited, over the facts each one left in its result
(model/batch_facts.py), and name both places: this document's and the other's."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from auditor.findings import Finding, sort_key
from auditor.i18n import LANGS
from auditor.report.index_report import IndexLine
from auditor.rules.checks import registry
from auditor.rules.engine import render
from auditor.rules.ruleset import RuleSet

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BatchFinding:
    document: str  # the document the finding is about, as given
    report: str | None  # its report, relative to the batch's output folder
    finding: Finding
    other_document: str | None = None  # the document it was compared with
    other_report: str | None = None

    def to_dict(self, lang: str) -> dict[str, Any]:
        return self.finding.to_dict(lang) | {
            "document": self.document,
            "report": self.report,
            "other_document": self.other_document,
            "other_report": self.other_report,
        }


def cross_check(lines: list[IndexLine], ruleset: RuleSet) -> list[BatchFinding]:
    """The batch rules of ``ruleset`` over the audited documents of ``lines``."""
    audited = [line for line in lines if line.entry.get("facts")]
    docs = [dict(line.entry["facts"], path=line.entry["path"]) for line in audited]
    rules = [r for r in ruleset.rules if r.across_batch]
    if len(docs) < 2 or not rules:
        return []
    checks = registry()
    found: list[BatchFinding] = []
    for rule in rules:
        module = checks[rule.check]
        try:
            results = list(module.check_batch(docs, rule.params))
        except Exception:  # a check bug must not lose the batch's summary
            log.exception("batch check %s failed", rule.id)
            continue
        for v in results:
            finding = Finding(
                rule=rule.id,
                category=rule.category,
                severity=rule.severity,
                titles=dict(rule.title),
                messages={lang: render(rule, v, lang) for lang in LANGS},
                location=v.location,
                expected=v.expected,
                actual=v.actual,
                evidence=v.evidence,
            )
            other = audited[v.other] if v.other is not None else None
            found.append(
                BatchFinding(
                    document=audited[v.document].entry["path"],
                    report=audited[v.document].report,
                    finding=finding,
                    other_document=other.entry["path"] if other else None,
                    other_report=other.report if other else None,
                )
            )
    found.sort(key=lambda b: (b.document, sort_key(b.finding)))
    return found
