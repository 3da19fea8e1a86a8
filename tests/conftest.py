"""Shared paths and CLI runners. Tests run against the committed sample PDFs."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from markers import (  # noqa: F401  (hooks: pytest finds them here)
    pytest_collection_modifyitems,
    pytest_fixture_setup,
    pytest_runtest_protocol,
    pytest_runtest_teardown,
    used_sample,
)

from auditor.extract import DEFAULT_BACKEND
from auditor.model.document import Document
from auditor.rules.ruleset import RuleSet

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
REFERENCE_PDF = SAMPLES / "pdf" / "randuagung-2024.pdf"
REPAIRED_PDF = SAMPLES / "pdf" / "randuagung-2024-repaired.pdf"
REFERENCE_SPEC = SAMPLES / "specs" / "randuagung-2024.yaml"
REPAIRED_SPEC = SAMPLES / "specs" / "randuagung-2024-repaired.yaml"
SAMPLE_PAIRS = [(REFERENCE_PDF, REFERENCE_SPEC), (REPAIRED_PDF, REPAIRED_SPEC)]


# One extraction per sample per test run, shared by every test: the in-process reads below
# and the `check` children of run_cli keep the document model here, by content hash (the
# cache `check --cache` and `batch` use). A new run starts empty, so a changed reader is seen.
EXTRACTION_CACHE = Path(tempfile.mkdtemp(prefix="renja-test-extraction-"))


def pytest_sessionfinish() -> None:
    shutil.rmtree(EXTRACTION_CACHE, ignore_errors=True)


def extracted(pdf: Path, backend: str = DEFAULT_BACKEND) -> Document:
    """Each sample is read once per test session (reading is the slow part)."""
    used_sample()
    return _extracted(pdf, backend)


@cache
def _extracted(pdf: Path, backend: str) -> Document:
    from auditor.pipeline import read_cached

    return read_cached(pdf, backend, EXTRACTION_CACHE)


def _with_cache(args: tuple[str | Path, ...]) -> list[str]:
    words = [str(a) for a in args]
    if words[:1] == ["check"] and "--cache" not in words:
        words += ["--cache", str(EXTRACTION_CACHE)]
    return words


def run_cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``renja-audit ARGS`` run in this process (``cli.main``), its output and exit code
    captured; each document is still audited in its own child process, as always. ``check``
    shares the test run's extraction cache."""
    from auditor.cli import main

    words = _with_cache(args)
    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(words)
            except SystemExit as exc:  # argparse: usage errors, --help, --version
                code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    finally:
        os.chdir(here)
    return subprocess.CompletedProcess(["renja-audit", *words], code, out.getvalue(), err.getvalue())


def run_cli_process(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m auditor ARGS`` as a real process: for the smoke tests of the command itself
    (its exit code and streams as a shell sees them)."""
    return subprocess.run(
        [sys.executable, "-m", "auditor", *_with_cache(args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def load_spec(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="session")
def audit(tmp_path_factory: pytest.TempPathFactory):
    """Run ``renja-audit check`` once per (pdf, lang) and return (process, json report)."""
    cache: dict[tuple[Path, str], tuple[subprocess.CompletedProcess[str], dict[str, Any], Path]] = {}

    def _run(pdf: Path, lang: str = "id") -> tuple[subprocess.CompletedProcess[str], dict[str, Any], Path]:
        key = (pdf, lang)
        used_sample(process=True)
        if key not in cache:
            out = tmp_path_factory.mktemp(f"{pdf.stem}-{lang}")
            proc = run_cli("check", pdf, "--out", out, "--lang", lang)
            report = json.loads((out / f"{pdf.stem}.json").read_text(encoding="utf-8"))
            cache[key] = (proc, report, out)
        return cache[key]

    return _run


def default_rules(*categories: str) -> list[dict[str, Any]]:
    """The bundled rule set's rule entries of these categories, as written in the YAML."""
    from auditor.rules import default_ruleset_path

    data = yaml.safe_load(default_ruleset_path().read_text(encoding="utf-8"))
    return [r for r in data["rules"] if r["category"] in categories]


def ruleset_of(folder: Path, *categories: str) -> RuleSet:
    """The bundled rule set cut down to these categories (written to ``folder`` and loaded)."""
    from auditor.rules import default_ruleset_path, load_ruleset

    head = yaml.safe_load(default_ruleset_path().read_text(encoding="utf-8"))["ruleset"]
    path = folder / "combined.yaml"
    path.write_text(
        yaml.safe_dump({"ruleset": head, "rules": default_rules(*categories)}, allow_unicode=True), encoding="utf-8"
    )
    return load_ruleset(path)
