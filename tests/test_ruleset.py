"""The rule set is data: validated strictly, never executed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from auditor.errors import RuleSetError
from auditor.findings import CATEGORIES
from auditor.rules import default_ruleset_path, load_ruleset
from auditor.rules.checks import registry

pytestmark = [pytest.mark.unit]

HEAD = {"id": "t", "version": "1", "title": {"id": "a", "en": "b"}}
GOOD = {
    "id": "X-1",
    "check": "sum_children",
    "category": "totals",
    "severity": "error",
    "title": {"id": "judul", "en": "title"},
    "message": {"id": "{code} {stated}", "en": "{code} {stated}"},
    "params": {"tolerance": 5},
}


def _write(tmp_path: Path, *rules: dict) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump({"ruleset": HEAD, "rules": list(rules)}), encoding="utf-8")
    return path


def test_default_ruleset_is_complete() -> None:
    rs = load_ruleset()
    assert rs.id == "renja-permendagri86"
    checks = registry()
    for rule in rs.rules:
        assert rule.category in CATEGORIES
        assert rule.check in checks
        assert rule.title["id"] and rule.title["en"] and rule.message["id"] and rule.message["en"]
        if rule.check in ("sum_children", "grand_total", "tables_agree", "narrative_total", "narrative_split"):
            assert rule.params["tolerance"] == 0  # rupiah must add up exactly by default
    assert {r.id for r in rs.rules} >= {"TOT-001", "TOT-002", "TOT-003", "TOT-004", "XT-001", "NAR-001", "NAR-002"}
    assert len(rs.rules) >= 30
    assert {r.category for r in rs.rules} == set(CATEGORIES)
    assert default_ruleset_path().name == "renja-permendagri86.yaml"


def test_every_check_type_documents_itself() -> None:
    for check_id, module in registry().items():
        doc = module.__doc__ or ""
        assert "PASS" in doc and "FAIL" in doc, check_id
        assert isinstance(module.PARAMS, dict) and isinstance(module.FIELDS, tuple)


def test_valid_rule_loads_with_defaults(tmp_path: Path) -> None:
    rs = load_ruleset(_write(tmp_path, GOOD))
    (rule,) = rs.rules
    assert rule.params == {
        "tables": ["T-C.33", "Tabel 4.1"],
        "column": "amount",
        "levels": ["program", "kegiatan", "sub_kegiatan"],
        "tolerance": 5,
    }


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        ({"check": "nope"}, "unknown check type"),
        ({"category": "money"}, "category must be one of"),
        ({"severity": "fatal"}, "severity must be one of"),
        ({"params": {"tolerence": 1}}, "unknown parameter"),
        ({"params": {"tolerance": -1}}, ">= 0"),
        ({"params": {"column": "amount_later"}}, "must be one of"),
        ({"params": {"tolerance": "0"}}, "must be int"),
        ({"message": {"id": "x"}}, "'message' must have 'id' and 'en'"),
        ({"message": {"id": "{code.__class__}", "en": "x"}}, "bad message field"),
        ({"message": {"id": "{secret}", "en": "x"}}, "unknown fields"),
        ({"colour": "red"}, "unknown keys"),
    ],
)
def test_invalid_rules_are_refused(tmp_path: Path, change: dict, needle: str) -> None:
    with pytest.raises(RuleSetError) as exc:
        load_ruleset(_write(tmp_path, {**GOOD, **change}))
    assert needle in exc.value.texts["en"]
    assert exc.value.texts["id"].startswith("Berkas aturan tidak sah")


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    with pytest.raises(RuleSetError, match="duplicate rule id"):
        load_ruleset(_write(tmp_path, GOOD, GOOD))


def test_yaml_tags_are_not_executed(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text("ruleset: !!python/object/apply:os.system ['echo pwned']\nrules: []\n", encoding="utf-8")
    with pytest.raises(RuleSetError, match="broken YAML"):
        load_ruleset(path)


def test_disabled_rule_is_skipped(tmp_path: Path) -> None:
    rs = load_ruleset(_write(tmp_path, {**GOOD, "enabled": False}))
    assert rs.rules == ()
