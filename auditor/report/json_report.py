"""The JSON report: the public contract other tools read (extend, never rename)."""

from __future__ import annotations

import json
from typing import Any

from auditor.report.content import Report


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def report_json(report: Report, lang: str) -> str:
    """The JSON report of ``report``, texts in ``lang``."""
    return to_json(report.to_dict(lang))
