"""The rule profiles a user may pick: every bundled rule set that loads cleanly."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from auditor.errors import RuleSetError
from auditor.rules import default_ruleset_path, load_ruleset
from auditor.rules.ruleset import RuleSet

log = logging.getLogger("renja_audit.web")


@dataclass(frozen=True)
class Profile:
    id: str  # the file's stem, which is what ``extends:`` names too
    ruleset: RuleSet

    @property
    def title(self) -> dict[str, str]:
        return self.ruleset.title


def default_profile_id() -> str:
    return default_ruleset_path().stem


def bundled_profiles() -> dict[str, Profile]:
    """Profiles by id, the default first. A broken default stops the server (RuleSetError);
    another broken profile is only left out of the choice, with a warning in the log."""
    default = default_ruleset_path()
    found = {default.stem: Profile(default.stem, load_ruleset(default))}
    for path in sorted(default.parent.glob("*.yaml")):
        if path.stem in found:
            continue
        try:
            found[path.stem] = Profile(path.stem, load_ruleset(path))
        except RuleSetError as exc:
            log.warning("rule profile %s left out: %s", path.name, exc.texts["en"])
    return found
