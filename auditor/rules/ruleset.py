"""Loading and validating a YAML rule set (Vale-style: rules are data)."""

from __future__ import annotations

import hashlib
import string
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
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


TOP_KEYS = {"ruleset", "rules", "extends", "overrides"}
OVERRIDE_KEYS = {"severity", "enabled", "params", "title", "message", "explanation"}
MAX_EXTENDS = 5


def _node_lines(text: str) -> dict[tuple[Any, ...], int]:
    """1-based line of every mapping key and list item, by its path, for error messages."""
    lines: dict[tuple[Any, ...], int] = {}

    def walk(node: yaml.Node, path: tuple[Any, ...]) -> None:
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, (*path, key.value))
                lines[(*path, key.value)] = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, (*path, i))

    root = yaml.compose(text)  # nodes only: nothing is constructed or executed
    if root is not None:
        walk(root, ())
    return lines


@dataclass
class _Source:
    path: Path
    data: dict[str, Any]
    lines: dict[tuple[Any, ...], int]
    raw: bytes

    def where(self, *path: Any) -> str:
        for i in range(len(path), -1, -1):
            if path[:i] in self.lines:
                return f"{self.path.name}:{self.lines[path[:i]]}"
        return self.path.name


def _read(path: Path) -> _Source:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RuleSetError(
            "ruleset", f"Berkas aturan tidak dapat dibaca: {path} ({exc.strerror})",
            f"Cannot read rule set: {path} ({exc.strerror})",
        ) from None
    try:
        text = raw.decode("utf-8")
        data = yaml.safe_load(text)
        lines = _node_lines(text)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise _fail(str(path), f"YAML rusak: {exc}", f"broken YAML: {exc}") from None
    if not isinstance(data, dict) or "ruleset" not in data or set(data) - TOP_KEYS:
        raise _fail(
            path.name,
            f"harus berisi 'ruleset' dan boleh 'rules', 'extends', 'overrides'; ditemukan {sorted(data) if isinstance(data, dict) else type(data).__name__}",
            f"must contain 'ruleset' and may contain 'rules', 'extends', 'overrides'; found {sorted(data) if isinstance(data, dict) else type(data).__name__}",
        )
    return _Source(path, data, lines, raw)


def _resolve_base(name: str, child: Path) -> Path:
    """``extends: renja-permendagri86`` names a bundled rule set; anything else is a path
    relative to the extending file."""
    return bundled_ruleset(name) or (child.parent / name).resolve()


Locator = Callable[..., str]  # sub-path inside a rule -> "file:line"


def _collect(path: Path, depth: int = 0) -> tuple[_Source, list[tuple[dict[str, Any], Locator]], list[bytes]]:
    """The rule entries of ``path`` after its base's, with overrides applied."""
    src = _read(path)
    entries: list[tuple[dict[str, Any], Locator]] = []
    raws = [src.raw]
    if "extends" in src.data:
        if depth >= MAX_EXTENDS:
            raise _fail(src.where("extends"), "rantai 'extends' terlalu panjang", "'extends' chain too long (a loop?)")
        base_path = _resolve_base(str(src.data["extends"]), path)
        _, entries, base_raws = _collect(base_path, depth + 1)
        raws = base_raws + raws
    by_id = {str(e.get("id")): e for e, _ in entries}
    overrides = src.data.get("overrides") or {}
    if not isinstance(overrides, dict):
        raise _fail(src.where("overrides"), "'overrides' harus berupa mapping id -> perubahan", "'overrides' must map rule ids to changes")
    for rule_id, change in overrides.items():
        where = src.where("overrides", rule_id)
        if str(rule_id) not in by_id:
            raise _fail(where, f"aturan '{rule_id}' tidak ada di aturan dasar", f"rule '{rule_id}' is not in the base rule set")
        if not isinstance(change, dict) or set(change) - OVERRIDE_KEYS:
            raise _fail(
                where, f"hanya boleh mengubah {sorted(OVERRIDE_KEYS)}", f"may only change {sorted(OVERRIDE_KEYS)}"
            )
        entry = by_id[str(rule_id)]
        for key, value in change.items():
            if key == "params":
                entry["params"] = {**(entry.get("params") or {}), **(value or {})}
            else:
                entry[key] = value
    rules = src.data.get("rules") or []
    if not isinstance(rules, list):
        raise _fail(src.where("rules"), "'rules' harus berupa daftar", "'rules' must be a list")
    entries += [(entry, partial(src.where, "rules", i)) for i, entry in enumerate(rules)]
    return src, entries, raws


def _build_rule(entry: Any, locate: Locator, checks: dict[str, Any]) -> Rule:
    where = locate()
    if not isinstance(entry, dict):
        raise _fail(where, "aturan harus berupa mapping", "a rule must be a mapping")
    unknown = set(entry) - RULE_KEYS
    if unknown:
        raise _fail(where, f"kunci tidak dikenal {sorted(unknown)}", f"unknown keys {sorted(unknown)}")
    missing = {"id", "check", "category", "severity", "title", "message"} - set(entry)
    if missing:
        raise _fail(where, f"kunci wajib tidak ada {sorted(missing)}", f"missing keys {sorted(missing)}")
    where = f"{where} {entry['id']}"
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
        at = f"{locate('params')} {entry['id']}"
        raise _fail(at, f"parameter: {exc}", f"params: {exc}") from None
    message = _localized(entry["message"], where, "message")
    for lang, template in message.items():
        unknown_fields = _template_fields(template, where) - set(module.FIELDS)
        if unknown_fields:
            raise _fail(
                where, f"pesan ({lang}) memakai isian yang tidak ada {sorted(unknown_fields)}",
                f"message ({lang}) uses unknown fields {sorted(unknown_fields)}; available: {list(module.FIELDS)}",
            )
    return Rule(
        id=str(entry["id"]),
        check=entry["check"],
        category=entry["category"],
        severity=entry["severity"],
        title=_localized(entry["title"], where, "title"),
        message=message,
        explanation=_localized(entry["explanation"], where, "explanation") if "explanation" in entry else {},
        params=params,
    )


def bundled_ruleset(name: str) -> Path | None:
    """The bundled rule set named ``name`` ("renja-2027"), if there is one."""
    path = default_ruleset_path().parent / f"{name}.yaml"
    return path if "/" not in name and not name.endswith(".yaml") and path.is_file() else None


def load_ruleset(path: Path | None = None) -> RuleSet:
    """Load and validate a rule set; ``extends`` + ``overrides`` layer a profile on a base.
    A bare name that is no file ("renja-2027") is the bundled profile of that name."""
    path = path or default_ruleset_path()
    if not path.exists() and (bundled := bundled_ruleset(str(path))) is not None:
        path = bundled
    src, entries, raws = _collect(path)
    head = src.data["ruleset"]
    if not isinstance(head, dict) or not {"id", "version", "title"} <= set(head):
        raise _fail(src.where("ruleset"), "'ruleset' perlu id, version, title", "'ruleset' needs id, version, title")
    checks = registry()
    rules: list[Rule] = []
    seen: set[str] = set()
    for entry, locate in entries:
        rule = _build_rule(entry, locate, checks)
        if rule.id in seen:
            raise _fail(f"{locate()} {rule.id}", "id aturan ganda", "duplicate rule id")
        seen.add(rule.id)
        if entry.get("enabled", True) is not False:
            rules.append(rule)
    digest = hashlib.sha256()
    for raw in raws:
        digest.update(raw)
    return RuleSet(
        id=str(head["id"]),
        version=str(head["version"]),
        title=_localized(head["title"], src.where("ruleset"), "ruleset.title"),
        rules=tuple(rules),
        source=str(path),
        sha256=digest.hexdigest(),
    )
