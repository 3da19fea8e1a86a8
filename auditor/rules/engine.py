"""Runs a rule set over a document. Knows nothing about any one check type."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from auditor.findings import Evidence, Finding, Location, NotEvaluated, sort_key
from auditor.forked import forked_map
from auditor.i18n import LANGS
from auditor.model.document import BBox, Document
from auditor.model.word_place import Placer
from auditor.rules.base import BatchViolation, Skip, Violation
from auditor.rules.checks import registry
from auditor.rules.ruleset import Rule, RuleSet
from auditor.rules.waivers import Waiver, apply_waivers

log = logging.getLogger(__name__)
LOW_NOTE = {
    "id": " (Catatan: tabel ini terbaca dengan keyakinan rendah; periksa nilainya pada dokumen.)",
    "en": " (Note: this table was read with low confidence; check the values in the document.)",
}


SCAN_NOTE = {
    "id": " (Catatan: nilai ini dibaca dengan OCR dari hasil pindai dan mungkin salah baca; periksa pada pindaian.)",
    "en": " (Note: this value was read by OCR from a scan and may be misread; check it on the scan.)",
}
GAP_NOTE = {
    "id": " (Catatan: satu halaman tabel ini tidak dapat dibaca; temuan ini mungkin akibat halaman itu.)",
    "en": " (Note: a page of this table could not be read; this finding may come from that page.)",
}
LOW_CONFIDENCE = 0.95  # below this, a finding says the table it rests on was hard to read


@dataclass
class AuditResult:
    findings: list[Finding]
    not_evaluated: list[NotEvaluated]
    waived: list[tuple[Finding, Waiver]] = field(default_factory=list)
    unused_waivers: list[Waiver] = field(default_factory=list)


def _pick(value: Any, lang: str) -> Any:
    return value[lang] if isinstance(value, dict) and set(value) == set(LANGS) else value


def render(rule: Rule, violation: Violation | BatchViolation, lang: str) -> str:
    fields = {k: _pick(v, lang) for k, v in violation.fields.items()}
    return rule.message[lang].format_map(fields)


def _labelled(doc: Document, location: Location) -> Location:
    """The location with the document's own number of its table, when it has one."""
    if location.table is None or location.table_label is not None:
        return location
    table = next(iter(doc.tables_of(location.table)), None)
    label = table.label if table is not None else None
    return replace(location, table_label=label) if label else location


def _applies(rule: Rule, doc: Document) -> bool:
    """A rule that compares with reference data runs only when there is some (ruleset.REQUIRES)."""
    if rule.requires == "reference":
        return doc.reference_status == "matched"
    if rule.requires == "reference_given":
        return doc.reference_status is not None
    return True


def _in_word(placer: Placer | None, location: Location) -> Location:
    """In a Word document, the location with its Word place (table, row, column or heading)."""
    if placer is None or location.place is not None:
        return location
    return replace(location, place=placer.place(location.page, location.bbox, location.table))


def _low_confidence(doc: Document, table: str | None) -> bool:
    return any(t.confidence < LOW_CONFIDENCE for t in doc.tables_of(table)) if table else False


def _misread(doc: Document, result: Violation) -> bool:
    """The finding rests on a value OCR read with low confidence (a digit of a scan may be misread)."""
    if not doc.doubtful:
        return False
    places = [result.location, *(e.location for e in result.evidence)]
    return any(
        loc.bbox is not None and any(_overlap(loc.bbox, box) for box in doc.doubtful.get(loc.page or 0, ()))
        for loc in places
    )


# Roles of a sum's evidence: the value stated first, then the values it should add up to.
_SUM_PARTS = {"stated": "part", "parent": "child", "total": "program"}


def _digits(text: str | None) -> str:
    digits = "".join(ch for ch in text or "" if ch.isdigit())
    return str(int(digits)) if digits else ""


def _one_slip(doc: Document, result: Violation) -> bool:
    """A sum on a scan that one misread digit explains: the stated value, or one of the values
    added, is one digit away (one digit dropped, added or changed) from the value that would
    make the sum right ("2" for "27"). OCR may read such a digit with full confidence."""
    evidence = list(result.evidence)
    if not doc.ocr_pages or len(evidence) < 2 or evidence[0].role not in _SUM_PARTS:
        return False
    if not any(e.location.page in doc.ocr_pages for e in evidence):
        return False
    stated, computed = _digits(result.actual), _digits(result.expected)
    if not stated or not computed or stated == computed:
        return False
    if Levenshtein.distance(stated, computed) == 1:
        return True
    gap = int(stated) - int(computed)
    part_role = _SUM_PARTS[evidence[0].role]
    for e in evidence[1:]:
        part = _digits(e.text)
        if (
            e.role == part_role
            and part
            and int(part) + gap >= 0
            and Levenshtein.distance(part, str(int(part) + gap)) == 1
        ):
            return True
    return False


NEAR_TEXT = 90  # rapidfuzz ratio: a text this close to the one expected differs by an OCR slip


def _near_text(doc: Document, result: Violation) -> bool:
    """A text read by OCR that differs from the one expected by a letter or two ("Jumiah"
    for "Jumlah", "Gaj" for "Gaji"): more likely a misreading of the scan than the author's."""
    loc = result.location
    if loc.page not in doc.ocr_pages or not result.expected or not result.actual:
        return False
    if any(ch.isdigit() for ch in result.expected + result.actual):
        return False  # figures are judged by _one_slip
    return fuzz.ratio(result.expected.lower(), result.actual.lower()) >= NEAR_TEXT


def _beside_gap(doc: Document, result: Violation) -> bool:
    """The finding is about a table that runs up to a page that could not be read: a row or
    a total on that page is missing, so the finding may be the gap's, not the author's."""
    if not doc.unreadable_pages:
        return False
    gaps = {f.page for f in doc.unreadable_pages}
    kinds = {loc.table for loc in (result.location, *(e.location for e in result.evidence)) if loc.table}
    return any(
        gaps & set(range(min(t.pages) - 1, max(t.pages) + 2)) for kind in kinds for t in doc.tables_of(kind) if t.pages
    )


def _overlap(a: BBox, b: BBox) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.top < b.bottom and b.top < a.bottom


def run_rules(doc: Document, ruleset: RuleSet, waivers: list[Waiver] | None = None, workers: int = 1) -> AuditResult:
    """Every rule of ``ruleset`` over ``doc``. Findings hold their texts in every language:
    the report's language is chosen by whoever renders it. With ``workers`` > 1 the rules
    are shared among that many processes (auditor/forked.py); the result is the same."""
    rules = [rule for rule in ruleset.rules if not rule.across_batch and _applies(rule, doc)]
    shares = [rules[i::workers] for i in range(workers)] if workers > 1 and len(rules) > 1 else [rules]
    evaluated: list[list[tuple[list[Finding], NotEvaluated | None]]] = forked_map(partial(_evaluate_all, doc), shares)
    # Back in the rule set's order: the i-th rule is the (i // n)-th of share i % n.
    per_rule = [evaluated[i % len(shares)][i // len(shares)] for i in range(len(rules))]
    findings = [f for found, _ in per_rule for f in found]
    skipped = [not_evaluated for _, not_evaluated in per_rule if not_evaluated is not None]
    findings.sort(key=sort_key)
    kept, waived, unused = apply_waivers(findings, waivers or [])
    return AuditResult(findings=kept, not_evaluated=skipped, waived=waived, unused_waivers=unused)


def _evaluate_all(doc: Document, rules: list[Rule]) -> list[tuple[list[Finding], NotEvaluated | None]]:
    checks = registry()
    placer = Placer(doc, doc.word_places) if doc.word_places is not None else None
    return [_evaluate(doc, rule, checks[rule.check], placer) for rule in rules]


def _evaluate(
    doc: Document, rule: Rule, module: Any, placer: Placer | None
) -> tuple[list[Finding], NotEvaluated | None]:
    """One rule's findings on ``doc``, and why it was not evaluated (where it was not)."""
    findings: list[Finding] = []
    reasons: list[dict[str, str]] = []
    try:
        results = list(module.check(doc, rule.params))
    except Exception as exc:  # a check bug must not lose the document: report it as not evaluated
        log.exception("check %s failed on %s", rule.id, doc.path)
        results = [Skip({"id": f"Kesalahan internal pemeriksaan: {exc!r}", "en": f"Internal check error: {exc!r}"})]
    for result in results:
        if isinstance(result, Skip):
            reasons.append(result.reasons)
            continue
        messages = {lg: render(rule, result, lg) for lg in LANGS}
        low = _low_confidence(doc, result.location.table)
        if low:
            messages = {lg: m + LOW_NOTE[lg] for lg, m in messages.items()}
        # On a scan, a value OCR was unsure of may be a misreading, not the author's
        # mistake: the finding is information until a person checks the scan.
        misread = _misread(doc, result) or _one_slip(doc, result) or _near_text(doc, result)
        if misread:
            messages = {lg: m + SCAN_NOTE[lg] for lg, m in messages.items()}
        gap = _beside_gap(doc, result)
        if gap:
            messages = {lg: m + GAP_NOTE[lg] for lg, m in messages.items()}
        misread = misread or gap
        # Every finding shows at least the value it is about.
        evidence = result.evidence or (Evidence("value", result.actual or "", result.actual, result.location),)
        findings.append(
            Finding(
                rule=rule.id,
                category=rule.category,
                severity="info" if misread else rule.severity_by_stage.get(doc.stage or "", rule.severity),
                titles=dict(rule.title),
                messages=messages,
                location=_in_word(placer, _labelled(doc, result.location)),
                expected=result.expected,
                actual=result.actual,
                evidence=tuple(replace(e, location=_in_word(placer, e.location)) for e in evidence),
                low_confidence=low or misread,
                value_kind=result.value_kind,
            )
        )
    if not reasons:
        return findings, None
    reasons_all = {lg: " ".join(r[lg] for r in reasons) for lg in LANGS}
    return findings, NotEvaluated(rule=rule.id, titles=dict(rule.title), reasons=reasons_all)
