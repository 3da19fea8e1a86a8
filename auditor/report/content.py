"""The report of one document as typed data: what every output (JSON, HTML, CSV, XLSX,
annotated PDF) renders. It holds texts in every language; a renderer picks one.

``Report.to_dict(lang)`` is the JSON report, a public contract: fields may be added,
never renamed or dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from auditor import __version__
from auditor.findings import Finding, Location, NotEvaluated, summarize
from auditor.grouping import Group, group_findings, group_of
from auditor.model.document import Document
from auditor.model.export import document_fields
from auditor.report.comparison import ComparisonRow, reference_comparison
from auditor.revision import Revision
from auditor.rules.engine import AuditResult
from auditor.rules.ruleset import RuleSet
from auditor.rules.waivers import Waiver

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class DocumentInfo:
    """What the document is (model/export.document_fields), in the JSON's order."""

    path: str
    sha256: str
    pages: int
    plan_year: int | None
    unit: str | None
    region: str | None
    extractor: str
    place: str | None
    date: str | None
    scanned_pages: list[int]
    missing_tables: list[str]
    ocr_pages: list[int]
    artifacts: list[dict[str, Any]]
    identity: dict[str, Any]  # per key: {"value", "sources": [{"where", "value", "text", "page"}]}
    unreadable_pages: list[dict[str, Any]]

    @property
    def is_word(self) -> bool:
        return self.extractor == "docx"

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True)
class RulesetInfo:
    id: str
    version: str
    sha256: str


@dataclass(frozen=True)
class TableInfo:
    kind: str
    caption: str
    pages: list[int]
    rows: int
    columns: list[str]
    confidence: float
    notes: list[str]
    money_units: dict[str, int]
    label: str | None  # the document's own number for a non-T-C table ("Tabel III.2")

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True)
class RuleText:
    """What a rule that fired checks, for "explain" in the views."""

    titles: dict[str, str]
    explanations: dict[str, str]


@dataclass(frozen=True)
class Waived:
    finding: Finding
    waiver: Waiver


@dataclass(frozen=True)
class Report:
    document: DocumentInfo
    ruleset: RulesetInfo
    tables: list[TableInfo]
    findings: list[Finding]
    rules: dict[str, RuleText]
    not_evaluated: list[NotEvaluated]
    waived: list[Waived] = field(default_factory=list)
    unused_waivers: list[Waiver] = field(default_factory=list)
    # Reference data given (--reference): its files and the unit it was matched to.
    reference: dict[str, Any] | None = None
    # Renja | RKPD | Renstra per code, for the HTML (not part of the JSON).
    comparison: list[ComparisonRow] = field(default_factory=list)
    # Findings that share one cause (auditor/grouping.py): every finding is in one group.
    groups: list[Group] = field(default_factory=list)
    # With --baseline: each finding new or still open, and the earlier findings now fixed.
    revision: Revision | None = None
    # The rule set's rules that ran, and every rule's category (the verification form's items).
    checked: tuple[str, ...] = ()
    categories: dict[str, str] = field(default_factory=dict)
    tool_version: str = __version__
    schema_version: int = SCHEMA_VERSION

    @property
    def summary(self) -> dict[str, int]:
        return summarize(self.findings)

    def relocated(self, move: Callable[[Location], Location], pages: int | None = None) -> Report:
        """The report with every location of its findings (and their evidence, and the
        waived ones) replaced by ``move(location)``; ``pages``: the page count shown."""

        def finding(f: Finding) -> Finding:
            evidence = tuple(replace(e, location=move(e.location)) for e in f.evidence)
            return replace(f, location=move(f.location), evidence=evidence)

        document = self.document if pages is None else replace(self.document, pages=pages)
        return replace(
            self,
            document=document,
            findings=[finding(f) for f in self.findings],
            waived=[Waived(finding(w.finding), w.waiver) for w in self.waived],
        )

    def finding_groups(self) -> list[Group]:
        """Each finding's group, by the finding's index."""
        return group_of(self.groups, len(self.findings))

    def group_dict(self, group: Group, lang: str) -> dict[str, Any]:
        head = self.findings[group.members[0]]
        return {
            "id": group.id,
            "rule": group.rule,
            "category": head.category,
            "severity": group.severity,
            "title": head.titles[lang],
            "count": group.count,
            "expected": head.expected,
            "actual": head.actual,
            # The findings' numbers as the HTML, the XLSX and the annotated PDF show them (from 1).
            "findings": [i + 1 for i in group.members],
            "places": [self.findings[i].location.to_dict(lang) for i in group.members],
        }

    def to_dict(self, lang: str) -> dict[str, Any]:
        """The JSON report, texts in ``lang``."""
        groups = self.finding_groups()
        statuses = self.revision.status if self.revision is not None and self.revision.baseline else None

        def finding(i: int, f: Finding) -> dict[str, Any]:
            out = f.to_dict(lang) | {"group": groups[i].id}
            return out | {"status": statuses[i]} if statuses else out

        return (
            {
                "schema_version": self.schema_version,
                "tool": {"name": "renja-audit", "version": self.tool_version},
                "ruleset": {"id": self.ruleset.id, "version": self.ruleset.version, "sha256": self.ruleset.sha256},
                "lang": lang,
                "document": self.document.to_dict(),
                "tables": [t.to_dict() for t in self.tables],
                "findings": [finding(i, f) for i, f in enumerate(self.findings)],
                "rules": {
                    rule: {"title": text.titles[lang], "explanation": text.explanations.get(lang, "")}
                    for rule, text in self.rules.items()
                },
                "not_evaluated": [n.to_dict(lang) for n in self.not_evaluated],
                "waived": [w.finding.to_dict(lang) | {"waiver": w.waiver.to_dict()} for w in self.waived],
                "unused_waivers": [w.to_dict() for w in self.unused_waivers],
                "summary": self.summary,
                "groups": [self.group_dict(g, lang) for g in self.groups],
            }
            | ({"reference": self.reference} if self.reference is not None else {})
            | self._revision_dict()
        )

    def _revision_dict(self) -> dict[str, Any]:
        if self.revision is None:
            return {}
        return {"revision": self.revision.to_dict(), "fixed": list(self.revision.fixed)}


def build_report(doc: Document, result: AuditResult, ruleset: RuleSet) -> Report:
    fired = {f.rule for f in result.findings}
    not_run = {n.rule for n in result.not_evaluated}
    return Report(
        document=DocumentInfo(**document_fields(doc)),
        ruleset=RulesetInfo(ruleset.id, ruleset.version, ruleset.sha256),
        tables=[
            TableInfo(
                kind=t.kind,
                caption=t.caption,
                pages=t.pages,
                rows=len(t.rows),
                columns=t.columns,
                confidence=t.confidence,
                notes=t.notes,
                money_units=t.money_units,
                label=t.label,
            )
            for t in doc.tables
        ],
        findings=list(result.findings),
        groups=group_findings(result.findings),
        checked=tuple(r.id for r in ruleset.rules if r.id not in not_run and not r.across_batch),
        categories={r.id: r.category for r in ruleset.rules},
        rules={r.id: RuleText(dict(r.title), dict(r.explanation)) for r in ruleset.rules if r.id in fired},
        not_evaluated=list(result.not_evaluated),
        waived=[Waived(f, w) for f, w in result.waived],
        unused_waivers=list(result.unused_waivers),
        reference=_reference(doc),
        comparison=reference_comparison(doc, list(result.findings)),
    )


def _reference(doc: Document) -> dict[str, Any] | None:
    if doc.reference_status is None:
        return None
    return {
        "status": doc.reference_status,
        "unit": doc.reference_unit,
        "stage": doc.stage,  # the draft stage the cover names, which sets some REF severities
        "nearest": list(doc.reference_candidates),
        "tables": [
            {
                "kind": t.kind,
                "rows": len(t.rows),
                "files": sorted({c.source.file for r in t.rows for c in r.cells.values() if c.source}),
            }
            for t in doc.reference_tables
        ],
    }
