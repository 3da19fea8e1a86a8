"""What a batch has already done, so an interrupted or repeated run only does the rest.

A result is keyed by the PDF's sha256, the rule set's hash, the tool version and the
options that change the outputs (formats, language, extractor, waivers). It is written
after the document's output files, atomically, so a run killed half-way leaves either a
complete entry or none. Failures that come from the file itself (damaged, encrypted,
not a Renja) are kept too; timeouts and crashes are retried on the next run.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from auditor import __version__
from auditor.pipeline import JobOptions
from auditor.rules.ruleset import RuleSet

RETRIED_FAILURES = ("timeout", "crash", "memory", "internal", "io")


def options_digest(ruleset: RuleSet, options: JobOptions) -> str:
    """Everything besides the PDF's content that decides a result."""
    parts = {
        "tool": __version__,
        "ruleset": ruleset.sha256,
        "formats": sorted(options.formats),
        "lang": options.lang,
        "extractor": options.extractor,
        "waivers": [asdict(w) for w in options.waivers],
        "ocr": options.ocr,
        "identity": [options.plan_year, options.unit, options.region],
    }
    if options.reference is not None:  # a changed RKPD/Renstra file changes the answers
        parts["reference"] = options.reference.digest
    if "form" in options.formats:  # another form or verifier gives another sheet
        parts["form"] = [options.form.source if options.form else None, options.verifier]
    if options.baseline is not None:  # another earlier report gives other new/fixed sets
        parts["baseline"] = options.baseline.digest
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


class ResultCache:
    def __init__(self, folder: Path, digest: str) -> None:
        self.folder = folder / "results"
        self.digest = digest

    def _file(self, sha256: str) -> Path:
        return self.folder / f"{sha256}-{self.digest[:16]}.json"

    def get(self, sha256: str, out_dir: Path) -> dict[str, Any] | None:
        """The stored entry, if it is complete and its output files are still there."""
        target = self._file(sha256)
        try:
            stored = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if stored.get("digest") != self.digest:
            return None
        if not all((out_dir / name).is_file() for name in stored.get("outputs", [])):
            return None
        return stored

    def put(self, sha256: str, entry: dict[str, Any], outputs: list[str], report: str | None) -> None:
        if entry["status"] == "failed" and (entry.get("failure") or {}).get("kind") in RETRIED_FAILURES:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self._file(sha256)
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        data = {"digest": self.digest, "entry": entry, "outputs": outputs, "report": report}
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        partial.replace(target)
