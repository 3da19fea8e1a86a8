"""The JSON report of every sample equals the one committed in tests/expected/.

The report is a public interface (batch, web and other tools read it), and refactoring must
not change a byte of it. A change meant to change findings regenerates the files with
``make expected``; the diff of tests/expected/ then shows, finding by finding, what changed.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from conftest import ROOT
from expected.update import documents, expected_path, report_bytes

pytestmark = [pytest.mark.samples, pytest.mark.cli]


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("extraction-cache")


@pytest.mark.parametrize("document", documents(), ids=str)
def test_report_is_unchanged(document: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the report shows the document's path as given: relative to the checkout
    got = report_bytes(document, cache)
    want = expected_path(document).read_bytes()
    if got != want:
        diff = difflib.unified_diff(
            want.decode().splitlines(), got.decode().splitlines(), "expected", "now", n=2, lineterm=""
        )
        shown = "\n".join(list(diff)[:60])
        pytest.fail(f"{document}: the JSON report changed (make expected, if meant):\n{shown}")
