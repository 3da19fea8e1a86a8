"""Waivers: findings a verifier has accepted, each with the reason why.

    - rule: TOT-001
      location: {table: T-C.33, code: 7.01.01.2.08.02, column: amount}
      reason: Rincian jasa internet dan listrik dianggarkan di DPA, bukan di Renja.

A waiver matches a finding of its rule whose location agrees on every field the
waiver names. Waived findings are reported apart; a waiver that matches nothing is
reported too, so stale waivers do not hide future mistakes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from auditor.errors import RuleSetError
from auditor.findings import Finding
from auditor.rules.ruleset import parse_yaml, read_limited

LOCATION_KEYS = ("page", "table", "code", "column")


@dataclass(frozen=True)
class Waiver:
    rule: str
    location: dict[str, Any]
    reason: str
    where: str  # file:line, for messages

    def matches(self, finding: Finding) -> bool:
        loc = finding.location.to_dict("id")
        return finding.rule == self.rule and all(loc.get(k) == v for k, v in self.location.items())

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "location": self.location, "reason": self.reason, "where": self.where}


def _fail(where: str, id_text: str, en_text: str) -> RuleSetError:
    return RuleSetError(
        "waivers", f"Berkas pengecualian tidak sah ({where}): {id_text}", f"Invalid waivers file ({where}): {en_text}"
    )


def load_waivers(path: Path) -> list[Waiver]:
    """The waivers of ``path``; the same bounds as a rule set (size, nesting, aliases)."""
    try:
        raw = read_limited(path, _fail, str(path))
    except OSError as exc:
        raise _fail(str(path), f"tidak dapat dibaca ({exc.strerror})", f"cannot be read ({exc.strerror})") from None
    data, root = parse_yaml(raw, path, _fail)
    if data is None:
        return []
    if not isinstance(data, list):
        raise _fail(path.name, "harus berupa daftar pengecualian", "must be a list of waivers")
    lines = [item.start_mark.line + 1 for item in root.value] if isinstance(root, yaml.SequenceNode) else []
    waivers: list[Waiver] = []
    for i, item in enumerate(data):
        where = f"{path.name}:{lines[i] if i < len(lines) else '?'}"
        if not isinstance(item, dict) or set(item) - {"rule", "location", "reason"}:
            raise _fail(where, "hanya boleh berisi rule, location, reason", "may only contain rule, location, reason")
        if not isinstance(item.get("rule"), str) or not item["rule"]:
            raise _fail(where, "'rule' wajib diisi", "'rule' is required")
        reason = item.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise _fail(
                where,
                "'reason' wajib diisi: tulis mengapa temuan ini diterima",
                "'reason' is required: say why the finding is accepted",
            )
        location = item.get("location") or {}
        if not isinstance(location, dict) or set(location) - set(LOCATION_KEYS):
            raise _fail(
                where,
                f"'location' hanya boleh berisi {list(LOCATION_KEYS)}",
                f"'location' may only contain {list(LOCATION_KEYS)}",
            )
        # A finding's location holds text and numbers; anything else (a list, a date) matches
        # nothing and cannot be written to the JSON report.
        # .nan/.inf are numbers to YAML but not to JSON, and match no finding.
        if not all(
            v is None or isinstance(v, (str, int)) or (isinstance(v, float) and math.isfinite(v))
            for v in location.values()
        ):
            raise _fail(
                where,
                "nilai 'location' harus berupa teks atau angka (tulis tanggal atau kode di antara tanda kutip)",
                "'location' values must be text or numbers (quote dates and codes)",
            )
        waivers.append(Waiver(item["rule"], dict(location), reason.strip(), where))
    return waivers


def apply_waivers(
    findings: list[Finding], waivers: list[Waiver]
) -> tuple[list[Finding], list[tuple[Finding, Waiver]], list[Waiver]]:
    """(kept findings, waived findings with their waiver, waivers that matched nothing)."""
    kept: list[Finding] = []
    waived: list[tuple[Finding, Waiver]] = []
    used: set[int] = set()
    for finding in findings:
        hit = next((i for i, w in enumerate(waivers) if w.matches(finding)), None)
        if hit is None:
            kept.append(finding)
        else:
            used.add(hit)
            waived.append((finding, waivers[hit]))
    return kept, waived, [w for i, w in enumerate(waivers) if i not in used]
