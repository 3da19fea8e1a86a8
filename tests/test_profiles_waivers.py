"""Rule-set profiles (extends/overrides), waivers, and the rules command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REFERENCE_PDF, run_cli

from auditor.errors import RuleSetError
from auditor.rules import load_ruleset

PROFILE = """\
ruleset:
  id: lumajang
  version: "1"
  title: {id: Profil Kabupaten Lumajang, en: Lumajang profile}
extends: renja-permendagri86
overrides:
  TOT-002: {enabled: false}
  NAR-001: {severity: warning, params: {tolerance: 50000}}
rules:
  - id: LMJ-001
    check: sum_children
    category: totals
    severity: info
    title: {id: Aktivitas T-C.33 dengan toleransi, en: T-C.33 aktivitas with tolerance}
    message: {id: "{code} {stated} {computed}", en: "{code} {stated} {computed}"}
    params: {tables: [T-C.33], levels: [sub_kegiatan], tolerance: 1000}
"""


@pytest.mark.unit
def test_profile_extends_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "lumajang.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    rs = load_ruleset(path)
    ids = [r.id for r in rs.rules]
    assert "TOT-002" not in ids and "TOT-001" in ids and ids[-1] == "LMJ-001"
    nar = next(r for r in rs.rules if r.id == "NAR-001")
    assert nar.severity == "warning" and nar.params["tolerance"] == 50000
    assert nar.params["tables"] == ["T-C.33", "Tabel 4.1"]  # untouched params stay
    assert rs.id == "lumajang" and len(rs.sha256) == 64


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "needle", "line"),
    [
        (PROFILE.replace("  TOT-002: {enabled: false}", "  TOT-999: {enabled: false}"), "not in the base", 7),
        (PROFILE.replace("{enabled: false}", "{colour: red}"), "may only change", 7),
        (PROFILE.replace("tolerance: 1000}", "tolerance: 1000, speed: 3}"), "unknown parameter", 16),
        (PROFILE.replace("extends: renja-permendagri86", "extends: renja-permendagri86\nfoo: 1"), "may contain", None),
    ],
)
def test_profile_errors_name_file_and_line(tmp_path: Path, text: str, needle: str, line: int | None) -> None:
    path = tmp_path / "profil.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleSetError) as exc:
        load_ruleset(path)
    assert needle in exc.value.texts["en"]
    if line is not None:
        assert f"profil.yaml:{line}" in exc.value.texts["en"]


@pytest.mark.samples
@pytest.mark.cli
def test_waivers_move_findings_apart_and_report_unused(tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "- rule: TOT-001\n"
        "  location: {table: T-C.33, code: 7.01.01.2.09.06, column: amount}\n"
        "  reason: Selisih sudah dijelaskan dalam berita acara verifikasi.\n"
        "- rule: NAR-001\n"
        "  location: {page: 1}\n"
        "  reason: Tidak berlaku.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    proc = run_cli("check", REFERENCE_PDF, "--out", out, "--waivers", waivers, "--format", "json")
    assert proc.returncode == 1
    assert "matches no finding" in proc.stderr and "NAR-001" in proc.stderr
    report = json.loads((out / f"{REFERENCE_PDF.stem}.json").read_text(encoding="utf-8"))
    waived = report["waived"]
    assert len(waived) == 1 and waived[0]["location"]["code"] == "7.01.01.2.09.06"
    assert waived[0]["waiver"]["reason"].startswith("Selisih")
    assert not any(
        f["rule"] == "TOT-001" and f["location"]["code"] == "7.01.01.2.09.06" and f["location"]["table"] == "T-C.33"
        for f in report["findings"]
    )
    assert [w["rule"] for w in report["unused_waivers"]] == ["NAR-001"]


@pytest.mark.samples
@pytest.mark.cli
def test_waiver_without_reason_is_refused(tmp_path: Path) -> None:
    waivers = tmp_path / "w.yaml"
    waivers.write_text("- rule: TOT-001\n  location: {code: 7.01.01}\n", encoding="utf-8")
    proc = run_cli("check", REFERENCE_PDF, "--out", tmp_path, "--waivers", waivers)
    assert proc.returncode == 2
    assert "'reason' is required" in proc.stderr and "w.yaml:1" in proc.stderr


@pytest.mark.cli
def test_rules_command_lists_and_explains() -> None:
    listing = run_cli("rules")
    assert listing.returncode == 0 and "TOT-001" in listing.stdout and "totals" in listing.stdout
    explain = run_cli("rules", "explain", "TOT-001", "--lang", "en")
    assert explain.returncode == 0
    assert "PASS" in explain.stdout and "FAIL" in explain.stdout and "tolerance: 0" in explain.stdout
    missing = run_cli("rules", "explain", "NOPE-1")
    assert missing.returncode == 2 and "No such rule" in missing.stderr
