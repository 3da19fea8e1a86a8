"""Write the expected JSON report of every sample (tests/test_expected_json.py compares).

Run it deliberately, after a change that is meant to change findings or the report
(``make expected``), and read the diff before committing it: every changed line is a
changed answer for a verifier.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from auditor.pipeline import JobOptions, audit_document  # noqa: E402
from auditor.rules.ruleset import load_ruleset  # noqa: E402

HERE = Path(__file__).resolve().parent
# Every sample a verifier could hand in, except the two whole-page scans: what Tesseract reads
# from them depends on its version, and they take minutes each (tests/test_ocr*.py cover them).
FOLDERS = ("samples/pdf", "samples/special", "samples/archive")
LEFT_OUT = {"parakan-2026-scanned.pdf", "parakan-2026-scanned-ocr.pdf"}


def documents() -> list[Path]:
    """The samples, as paths relative to the checkout (the report shows the path as given)."""
    found = [
        path.relative_to(ROOT)
        for folder in FOLDERS
        for path in sorted((ROOT / folder).iterdir())
        if path.suffix in (".pdf", ".docx") and path.name not in LEFT_OUT
    ]
    return found


def expected_path(document: Path) -> Path:
    return HERE / f"{document.name}.json"


def report_bytes(document: Path, cache: Path | None = None) -> bytes:
    """The JSON report ``renja-audit check DOCUMENT --format json`` writes, run from the checkout."""
    result = audit_document(document, load_ruleset(), JobOptions(formats=("json",)), extraction_cache=cache)
    if "json" not in result.outputs:
        raise SystemExit(f"{document}: {result.failure}")
    return result.outputs["json"]


def main() -> None:
    import os

    os.chdir(ROOT)
    for document in documents():
        expected_path(document).write_bytes(report_bytes(document))
        print(expected_path(document).relative_to(ROOT))


if __name__ == "__main__":
    main()
