"""Loading and validating a YAML rule set (Vale-style: rules are data)."""

from __future__ import annotations

import hashlib
import string
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from auditor.errors import RuleSetError
from auditor.findings import CATEGORIES, SEVERITIES
from auditor.i18n import LANGS
from auditor.rules.checks import registry
from auditor.rules.params import resolve

RULE_KEYS = {"id", "check", "category", "severity", "title", "message", "explanation", "params", "enabled"}
DEFAULT_RULESET = "renja-permendagri86.yaml"


@dataclass(frozen=True)
class Rule:
    id: str
    check: str
    category: str
    severity: str
    title: dict[str, str]
    message: dict[str, str]
    explanation: dict[str, str]
    params: dict[str, Any]


@dataclass(frozen=True)
class RuleSet:
    id: str
    version: str
    title: dict[str, str]
    rules: tuple[Rule, ...]
    source: str
    sha256: str


def default_ruleset_path() -> Path:
    """The bundled rule set.

    In a checkout (and an editable install) it is the top-level ``rules/`` folder;
    a wheel carries the same folder as the ``auditor.rulesets`` package.
    """
    checkout = Path(__file__).resolve().parents[2] / "rules" / DEFAULT_RULESET
    if checkout.is_file():
        return checkout
    return Path(str(resources.files("auditor.rulesets").joinpath(DEFAULT_RULESET)))


def _fail(where: str, problem_id: str, problem_en: str) -> RuleSetError:
    return RuleSetError(
        "ruleset", f"Berkas aturan tidak sah ({where}): {problem_id}", f"Invalid rule set ({where}): {problem_en}"
    )


def _localized(value: Any, where: str, name: str) -> dict[str, str]:
    if not isinstance(value, dict) or set(value) != set(LANGS) or not all(isinstance(v, str) for v in value.values()):
        raise _fail(where, f"'{name}' harus berisi teks 'id' dan 'en'", f"'{name}' must have 'id' and 'en' texts")
    return dict(value)


def _template_fields(template: str, where: str) -> set[str]:
    names: set[str] = set()
    for _, field_name, _, _ in string.Formatter().parse(template):
        if field_name is None:
            continue
        # Plain names only: no attribute or index access from rule text.
        if not field_name.isidentifier():
            raise _fail(where, f"isian pesan tidak sah: {{{field_name}}}", f"bad message field: {{{field_name}}}")
        names.add(field_name)
    return names


def load_ruleset(path: Path | None = None) -> RuleSet:
    path = path or default_ruleset_path()
    try:
        raw_bytes = path.read_bytes()
    except OSError as exc:
        raise RuleSetError(
            "ruleset", f"Berkas aturan tidak dapat dibaca: {path} ({exc.strerror})",
            f"Cannot read rule set: {path} ({exc.strerror})",
        ) from None
    try:
        data = yaml.safe_load(raw_bytes)
    except yaml.YAMLError as exc:
        raise _fail(str(path), f"YAML rusak: {exc}", f"broken YAML: {exc}") from None
    if not isinstance(data, dict) or set(data) != {"ruleset", "rules"}:
        raise _fail(str(path), "harus berisi 'ruleset' dan 'rules'", "must contain 'ruleset' and 'rules'")
    head = data["ruleset"]
    if not isinstance(head, dict) or not {"id", "version", "title"} <= set(head):
        raise _fail(str(path), "'ruleset' perlu id, version, title", "'ruleset' needs id, version, title")
    checks = registry()
    rules: list[Rule] = []
    seen: set[str] = set()
    if not isinstance(data["rules"], list):
        raise _fail(str(path), "'rules' harus berupa daftar", "'rules' must be a list")
    for i, entry in enumerate(data["rules"]):
        where = f"{path.name} rules[{i}]"
        if not isinstance(entry, dict):
            raise _fail(where, "aturan harus berupa mapping", "a rule must be a mapping")
        unknown = set(entry) - RULE_KEYS
        if unknown:
            raise _fail(where, f"kunci tidak dikenal {sorted(unknown)}", f"unknown keys {sorted(unknown)}")
        missing = {"id", "check", "category", "severity", "title", "message"} - set(entry)
        if missing:
            raise _fail(where, f"kunci wajib tidak ada {sorted(missing)}", f"missing keys {sorted(missing)}")
        rule_id = str(entry["id"])
        where = f"{path.name} {rule_id}"
        if rule_id in seen:
            raise _fail(where, "id aturan ganda", "duplicate rule id")
        seen.add(rule_id)
        if entry["check"] not in checks:
            raise _fail(
                where, f"jenis pemeriksaan tidak dikenal '{entry['check']}'",
                f"unknown check type '{entry['check']}' (known: {sorted(checks)})",
            )
        if entry["category"] not in CATEGORIES:
            raise _fail(where, f"kategori harus salah satu dari {list(CATEGORIES)}", f"category must be one of {list(CATEGORIES)}")
        if entry["severity"] not in SEVERITIES:
            raise _fail(where, f"tingkat harus salah satu dari {list(SEVERITIES)}", f"severity must be one of {list(SEVERITIES)}")
        module = checks[entry["check"]]
        try:
            params = resolve(module.PARAMS, entry.get("params") or {})
        except ValueError as exc:
            raise _fail(where, f"parameter: {exc}", f"params: {exc}") from None
        message = _localized(entry["message"], where, "message")
        for lang, template in message.items():
            unknown_fields = _template_fields(template, where) - set(module.FIELDS)
            if unknown_fields:
                raise _fail(
                    where, f"pesan ({lang}) memakai isian yang tidak ada {sorted(unknown_fields)}",
                    f"message ({lang}) uses unknown fields {sorted(unknown_fields)}; available: {list(module.FIELDS)}",
                )
        if entry.get("enabled", True) is False:
            continue
        rules.append(
            Rule(
                id=rule_id,
                check=entry["check"],
                category=entry["category"],
                severity=entry["severity"],
                title=_localized(entry["title"], where, "title"),
                message=message,
                explanation=_localized(entry["explanation"], where, "explanation") if "explanation" in entry else {},
                params=params,
            )
        )
    return RuleSet(
        id=str(head["id"]),
        version=str(head["version"]),
        title=_localized(head["title"], path.name, "ruleset.title"),
        rules=tuple(rules),
        source=str(path),
        sha256=hashlib.sha256(raw_bytes).hexdigest(),
    )
