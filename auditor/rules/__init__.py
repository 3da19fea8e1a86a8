"""Rule engine: YAML rule sets (and waivers) are loaded and validated here; checks/ holds
the check types that implement them, engine.py runs them into findings."""

from auditor.rules.engine import AuditResult, run_rules
from auditor.rules.ruleset import Rule, RuleSet, default_ruleset_path, load_ruleset

__all__ = ["AuditResult", "Rule", "RuleSet", "default_ruleset_path", "load_ruleset", "run_rules"]
