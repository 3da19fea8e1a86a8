"""Precision and recall of the audit on the sample families.

Every sample spec names its template ``family``; a defect variant declares the mistakes
put into it (``defects``, samples/specs/SCHEMA.md). Auditing a sample gives:

* on a clean sample: its error and warning findings — each one a false alarm;
* on a defect variant: which declared defects were found (a finding matches one of
  their ``expect`` entries), and the error/warning findings no defect explains.

``bench/quality.py`` prints the figures per family; ``tests/test_quality.py`` asserts them.
The reference sample (the real Randuagung document, mistakes documented in REPAIRS.md
rather than declared) is audited but counted apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from auditor.extract import extract_document
from auditor.model.document import Document
from auditor.rules import run_rules
from auditor.rules.ruleset import RuleSet, load_ruleset

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "samples" / "specs"
PDFS = ROOT / "samples" / "pdf"
REFERENCE = "randuagung-2024"  # the real document: its mistakes are in REPAIRS.md, not declared
SEVERE = ("error", "warning")


@dataclass
class DefectResult:
    id: str
    what: str
    found: bool
    by: list[str]  # rules of the findings that matched


@dataclass
class SampleResult:
    id: str
    family: str
    ruleset: str
    clean: bool
    findings: list[dict[str, Any]]  # every finding, as in the JSON report
    defects: list[DefectResult] = field(default_factory=list)
    unexplained: list[dict[str, Any]] = field(default_factory=list)  # error/warning findings no defect explains

    @property
    def severe(self) -> list[dict[str, Any]]:
        return [f for f in self.findings if f["severity"] in SEVERE]


def sample_specs() -> Iterator[tuple[Path, dict[str, Any]]]:
    """Every spec with a rendered PDF, in name order."""
    for path in sorted(SPECS.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        if (PDFS / f"{spec['id']}.pdf").exists():
            yield path, spec


def matches(finding: Mapping[str, Any], expect: Mapping[str, Any]) -> bool:
    """A finding is one an ``expect`` entry asks for: same rule, the location keys it names,
    and its ``text`` in the finding's actual value, place or message."""
    if finding["rule"] != expect["rule"]:
        return False
    location = finding["location"]
    for key in ("table", "code", "column", "page"):
        if key in expect and location.get(key) != expect[key]:
            return False
    if "text" in expect:
        haystack = " ".join(
            str(v)
            for v in (finding.get("actual"), finding.get("expected"), location.get("row"), finding.get("message"))
            if v
        ).lower()
        if str(expect["text"]).lower() not in haystack:
            return False
    return True


@cache
def _ruleset(name: str) -> RuleSet:
    return load_ruleset(Path(name))  # a bundled profile by name


def audit_sample(spec: Mapping[str, Any], read: Callable[[Path], Document] = extract_document) -> SampleResult:
    """Audit one sample's PDF (read by ``read``) with the rule set its spec names and score it."""
    ruleset = str(spec.get("ruleset") or "renja-permendagri86")
    doc = read(PDFS / f"{spec['id']}.pdf")
    result = run_rules(doc, _ruleset(ruleset))
    findings = [f.to_dict("id") for f in result.findings]
    declared = list(spec.get("defects") or [])
    out = SampleResult(
        id=str(spec["id"]),
        family=str(spec.get("family") or "lumajang-template"),
        ruleset=ruleset,
        clean=not declared and spec["id"] != REFERENCE,
        findings=findings,
    )
    explained: set[int] = set()
    for defect in declared:
        hits = [i for i, f in enumerate(findings) if any(matches(f, e) for e in defect["expect"])]
        explained.update(hits)
        out.defects.append(
            DefectResult(defect["id"], defect["what"], bool(hits), sorted({findings[i]["rule"] for i in hits}))
        )
    if declared:
        out.unexplained = [f for i, f in enumerate(findings) if i not in explained and f["severity"] in SEVERE]
    return out
