"""A wheel installed with plain pip (not editable) finds its rules and audits a sample."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REFERENCE_PDF, ROOT

pytestmark = [pytest.mark.samples, pytest.mark.cli]


def test_wheel_install_finds_default_rules(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("renja_audit-*.whl")
    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, install.stderr
    env = {**os.environ, "PYTHONPATH": str(target)}
    work = tmp_path / "elsewhere"
    work.mkdir()
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import auditor, auditor.rules as r; print(auditor.__file__); print(r.default_ruleset_path())",
        ],
        capture_output=True,
        text=True,
        cwd=work,
        env=env,
        check=False,
    )
    assert probe.returncode == 0, probe.stderr
    module_file, rules_file = probe.stdout.split()
    assert module_file.startswith(str(target)) and rules_file.startswith(str(target))
    out = tmp_path / "out"
    proc = subprocess.run(
        # The verification form too: its YAML and package must be in the wheel.
        [sys.executable, "-m", "auditor", "check", str(REFERENCE_PDF), "--out", str(out), "--format", "json,form"],
        capture_output=True,
        text=True,
        cwd=work,
        env=env,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    report = json.loads((out / f"{REFERENCE_PDF.stem}.json").read_text(encoding="utf-8"))
    assert any(f["rule"] == "TOT-001" for f in report["findings"])
    assert (out / f"{REFERENCE_PDF.stem}.form.xlsx").is_file() and (out / f"{REFERENCE_PDF.stem}.form.docx").is_file()
