"""Rule engine: YAML rule sets declare checks; check types implement them."""

from auditor.rules.engine import AuditResult, run_rules
from auditor.rules.ruleset import Rule, RuleSet, default_ruleset_path, load_ruleset

__all__ = ["AuditResult", "Rule", "RuleSet", "default_ruleset_path", "load_ruleset", "run_rules"]
