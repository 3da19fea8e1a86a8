"""What changed since the last draft: this audit's findings against an earlier JSON report.

A finding is the same as an earlier one when its rule, table, code, column and values
(expected and actual) are the same; the page is not compared, since pages move between
drafts. Findings are matched as multisets: two equal findings before and one now is one
still open and one fixed.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.errors import InputError
from auditor.findings import Finding
from auditor.i18n import t

_SPACE = re.compile(r"\s+")
# A previous report is a JSON file we wrote; one larger than this is not one.
MAX_BASELINE_BYTES = 64 * 1024 * 1024

Key = tuple[str | None, ...]


def _value(value: Any) -> str | None:
    return None if value is None else _SPACE.sub(" ", str(value)).strip()


def _key(rule: Any, location: Mapping[str, Any], expected: Any, actual: Any) -> Key:
    return (
        str(rule),
        location.get("table"),
        location.get("code"),
        location.get("column"),
        _value(expected),
        _value(actual),
    )


def finding_key(f: Finding) -> Key:
    loc = f.location
    return _key(f.rule, {"table": loc.table, "code": loc.code, "column": loc.column}, f.expected, f.actual)


def _old_key(f: Mapping[str, Any]) -> Key:
    return _key(f.get("rule"), f.get("location") or {}, f.get("expected"), f.get("actual"))


@dataclass(frozen=True)
class Baseline:
    """One earlier report: its file and what it found."""

    path: str
    sha256: str  # of the JSON file
    document_path: str | None
    document_sha256: str | None
    unit: str | None
    plan_year: int | None
    findings: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Baselines:
    """``--baseline``: one report (check) or a folder of them (batch)."""

    given: str  # the path as given
    reports: tuple[Baseline, ...]
    folder: bool

    @property
    def digest(self) -> str:
        return hashlib.sha256("".join(sorted(b.sha256 for b in self.reports)).encode()).hexdigest()

    def for_document(self, path: str, unit: str | None, plan_year: int | None) -> Baseline | None:
        """The earlier report of this document: the one file given, or in a folder the report
        of a document with the same file name, else the only one of the same unit and year."""
        if not self.folder:
            return self.reports[0]
        name = Path(path).name
        same_name = [b for b in self.reports if b.document_path and Path(b.document_path).name == name]
        if len(same_name) == 1:
            return same_name[0]
        if unit and plan_year:
            same_unit = [
                b for b in self.reports if (b.unit or "").casefold() == unit.casefold() and b.plan_year == plan_year
            ]
            if len(same_unit) == 1:
                return same_unit[0]
        return None


@dataclass(frozen=True)
class Revision:
    """This report against its baseline (``baseline`` None: no earlier report of this document)."""

    given: str
    baseline: Baseline | None
    status: tuple[str, ...]  # per finding: "new" or "open"
    fixed: tuple[dict[str, Any], ...]  # the earlier report's findings that no longer occur

    def counts(self) -> dict[str, int]:
        counts = Counter(self.status)
        return {"fixed": len(self.fixed), "new": counts["new"], "open": counts["open"]}

    def to_dict(self) -> dict[str, Any]:
        if self.baseline is None:
            return {"baseline": None, "given": self.given, "status": "no_match"}
        return {
            "baseline": self.baseline.path,
            "given": self.given,
            "status": "compared",
            "document_path": self.baseline.document_path,
            "document_sha256": self.baseline.document_sha256,
        } | self.counts()


def compare(
    findings: Iterable[Finding], baselines: Baselines, path: str, unit: str | None, year: int | None
) -> Revision:
    found = list(findings)
    baseline = baselines.for_document(path, unit, year)
    if baseline is None:
        return Revision(baselines.given, None, (), ())
    earlier: dict[Key, list[int]] = defaultdict(list)
    for i, old in enumerate(baseline.findings):
        earlier[_old_key(old)].append(i)
    now: dict[Key, list[int]] = defaultdict(list)
    for i, f in enumerate(found):
        now[finding_key(f)].append(i)
    status = ["new"] * len(found)
    matched: set[int] = set()
    for key, indices in now.items():
        for new_index, old_index in _pairs(indices, earlier.get(key, []), found, baseline.findings):
            status[new_index] = "open"
            matched.add(old_index)
    fixed = tuple(f for i, f in enumerate(baseline.findings) if i not in matched)
    return Revision(baselines.given, baseline, tuple(status), fixed)


def _context(location: Mapping[str, Any], texts: Iterable[Any]) -> str:
    return " ".join(str(x) for x in (location.get("row"), *texts) if x)


def _pairs(
    new: list[int], old: list[int], found: list[Finding], before: tuple[dict[str, Any], ...]
) -> list[tuple[int, int]]:
    """Equal findings paired one to one. When a key occurs several times (the same wrong
    total stated in two paragraphs), each is paired with the earlier finding whose place
    reads most alike (its row and the text of its evidence), not by order: a repair
    elsewhere may have added or removed one of them."""
    if not old:
        return []
    if len(new) == 1 and len(old) == 1:
        return [(new[0], old[0])]
    from rapidfuzz import fuzz

    def now_text(i: int) -> str:
        f = found[i]
        return _context({"row": f.location.row}, (e.text for e in f.evidence))

    def old_text(i: int) -> str:
        f = before[i]
        listed = f.get("evidence")
        evidence = listed if isinstance(listed, list) else []
        return _context(f.get("location") or {}, (e.get("text") for e in evidence if isinstance(e, dict)))

    scored = sorted(
        (
            (fuzz.ratio(now_text(n), old_text(o)), -abs(k - m), n, o)
            for k, n in enumerate(new)
            for m, o in enumerate(old)
        ),
        reverse=True,
    )
    pairs: list[tuple[int, int]] = []
    used_new: set[int] = set()
    used_old: set[int] = set()
    for _score, _order, n, o in scored:
        if n not in used_new and o not in used_old:
            pairs.append((n, o))
            used_new.add(n)
            used_old.add(o)
    return pairs


def _bad(path: Path, why_id: str, why_en: str) -> InputError:
    return InputError(
        "baseline",
        f"Laporan sebelumnya (--baseline) tidak dapat dipakai: {path}: {why_id}",
        f"The previous report (--baseline) cannot be used: {path}: {why_en}",
    )


def read_baseline(path: Path) -> Baseline:
    """An earlier ``renja-audit check --format json`` report, or a clear InputError."""
    try:
        if path.stat().st_size > MAX_BASELINE_BYTES:
            raise _bad(path, "berkas terlalu besar untuk laporan JSON", "the file is too large for a JSON report")
        raw = path.read_bytes()
    except OSError as exc:
        raise _bad(path, f"tidak dapat dibaca ({exc.strerror})", f"cannot be read ({exc.strerror})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise _bad(path, "bukan berkas JSON", "not a JSON file") from None
    findings = data.get("findings") if isinstance(data, dict) else None
    document = data.get("document") if isinstance(data, dict) else None
    if (
        not isinstance(findings, list)
        or not isinstance(document, dict)
        or not all(isinstance(f, dict) and isinstance(f.get("location", {}), dict) for f in findings)
    ):
        raise _bad(
            path,
            "bukan laporan JSON renja-audit (tidak ada daftar findings dan document)",
            "not a renja-audit JSON report (no findings and document)",
        )
    year = document.get("plan_year")
    return Baseline(
        path=str(path),
        sha256=hashlib.sha256(raw).hexdigest(),
        document_path=document.get("path") if isinstance(document.get("path"), str) else None,
        document_sha256=document.get("sha256") if isinstance(document.get("sha256"), str) else None,
        unit=document.get("unit") if isinstance(document.get("unit"), str) else None,
        plan_year=year if isinstance(year, int) else None,
        findings=tuple(findings),
    )


def read_baselines(path: Path) -> Baselines:
    """``--baseline FILE`` (one earlier report) or ``--baseline DIR`` (the JSON reports of an
    earlier batch; files there that are not reports, such as a summary, are passed over)."""
    if path.is_dir():
        reports = []
        for candidate in sorted(path.glob("*.json")):
            try:
                reports.append(read_baseline(candidate))
            except InputError:
                continue
        if not reports:
            raise _bad(
                path, "folder ini tidak berisi laporan JSON renja-audit", "this folder holds no renja-audit JSON report"
            )
        return Baselines(str(path), tuple(reports), folder=True)
    return Baselines(str(path), (read_baseline(path),), folder=False)


def revision_line(block: Mapping[str, Any], lang: str) -> str:
    """ "sejak versi sebelumnya: 3 diperbaiki, 2 baru, 5 masih ada" from a "revision" block."""
    if block.get("status") != "compared":
        return t("revision.no_match", lang, given=block.get("given"))
    return t("revision.compared", lang, fixed=block["fixed"], new=block["new"], open=block["open"])
