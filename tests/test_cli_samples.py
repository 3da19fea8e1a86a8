"""The check command on the committed samples, asserting on its JSON report."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import REFERENCE_PDF, REPAIRED_PDF, ROOT, extracted, run_cli

CATEGORIES = {"totals", "cross_table", "narrative", "nomenclature", "year", "indicator_target", "structure"}


def _find(report: dict[str, Any], rule: str, code: str | None, column: str | None = None) -> dict[str, Any]:
    hits = [
        f
        for f in report["findings"]
        if f["rule"] == rule and f["location"]["code"] == code and (column is None or f["location"]["column"] == column)
    ]
    assert hits, f"no {rule} finding for {code}"
    return hits[0]


@pytest.mark.samples
@pytest.mark.cli
def test_reference_sample_reports_its_known_mistakes(audit) -> None:
    proc, report, _ = audit(REFERENCE_PDF)
    assert proc.returncode == 1, proc.stderr  # errors found, --fail-on error
    assert "Traceback" not in proc.stderr

    sub = _find(report, "TOT-001", "7.01.01.2.09.06", "amount")
    assert (sub["expected"], sub["actual"]) == ("20250000", "13200000")
    assert sub["location"]["table"] == "T-C.33"
    assert sub["category"] == "totals" and sub["severity"] == "error"

    forward = _find(report, "TOT-002", "7.01.01.2.06.01", "amount_next")
    assert (forward["expected"], forward["actual"]) == ("1057430", "2200000")

    narrative = _find(report, "NAR-001", None)
    assert (narrative["expected"], narrative["actual"]) == ("1916486189", "1916446189")
    assert narrative["category"] == "narrative"
    assert narrative["location"]["page"] >= 1 and narrative["location"]["bbox"]


@pytest.mark.samples
@pytest.mark.cli
def test_report_shape_is_the_public_contract(audit) -> None:
    _, report, _ = audit(REFERENCE_PDF)
    assert report["tool"]["name"] == "renja-audit" and report["tool"]["version"]
    doc = report["document"]
    assert set(doc) >= {"path", "sha256", "pages", "plan_year", "unit", "region"}
    assert (doc["plan_year"], doc["unit"], doc["region"]) == (2024, "Kecamatan Randuagung", "Kabupaten Lumajang")
    assert len(doc["sha256"]) == 64 and doc["pages"] > 20
    assert set(report["summary"]) == {"error", "warning", "info"}
    assert report["summary"]["error"] == sum(1 for f in report["findings"] if f["severity"] == "error")
    for f in report["findings"]:
        assert set(f) >= {"rule", "category", "severity", "message", "location", "expected", "actual"}
        assert f["category"] in CATEGORIES
        assert set(f["location"]) >= {"page", "table", "code", "column"}
        assert f["location"]["page"] >= 1
        code = f["location"]["code"]
        assert code is None or code.count(".") in (2, 4, 5)


@pytest.mark.samples
@pytest.mark.cli
def test_every_finding_points_at_a_value(audit) -> None:
    _, report, _ = audit(REFERENCE_PDF)
    for f in report["findings"]:
        assert f["location"]["page"] and f["location"]["bbox"], f
        assert f["evidence"], f
        for e in f["evidence"]:
            if e["role"] == "missing":  # an empty cell: only its row and column are known
                assert e["location"]["page"] and e["location"]["column"]
            elif e["role"] == "official":  # the nomenclature's wording, not a place in the PDF
                assert e["text"]
            else:
                assert e["location"]["page"] >= 1 and e["location"]["bbox"], (f["rule"], e)


@pytest.mark.samples
@pytest.mark.cli
def test_repaired_sample_is_clean(audit) -> None:
    proc, report, _ = audit(REPAIRED_PDF)
    bad = [f["message"] for f in report["findings"] if f["severity"] in ("error", "warning")]
    assert bad == []
    # Only the previous-code rule may be unevaluable (the 2024-2026 nomenclature lists no previous
    # codes), and the own-desa rule (this template has no table of the kecamatan's desa).
    assert {n["rule"] for n in report["not_evaluated"]} <= {"NOM-007", "NAR-018"}
    assert proc.returncode == 0, proc.stderr


@pytest.mark.samples
@pytest.mark.cli
def test_english_report(audit) -> None:
    _, report, out = audit(REFERENCE_PDF, "en")
    sub = _find(report, "TOT-001", "7.01.01.2.09.06", "amount")
    assert "children add up to Rp20.250.000" in sub["message"]
    html = (out / f"{REFERENCE_PDF.stem}.html").read_text(encoding="utf-8")
    assert "Renja Audit Report" in html and "Rp20.250.000" in html


@pytest.mark.samples
@pytest.mark.cli
def test_html_report_lists_findings(audit) -> None:
    _, report, out = audit(REFERENCE_PDF)
    html = (out / f"{REFERENCE_PDF.stem}.html").read_text(encoding="utf-8")
    assert "Laporan Pemeriksaan Renja" in html
    assert html.count('class="finding"') == len(report["findings"])
    assert "7.01.01.2.09.06" in html and "Rp13.200.000" in html


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.slow
def test_every_clean_sample_audits_clean(tmp_path: Path) -> None:
    """The clean samples of every family exit 0 from the command line, checked with the rule
    set their office uses (tests/test_quality.py holds the findings themselves)."""
    from conftest import SAMPLES

    from samples.quality import REFERENCE, sample_specs

    clean = [spec for _, spec in sample_specs() if not spec.get("defects") and spec["id"] != REFERENCE]
    assert len(clean) >= 9
    for spec in clean:
        pdf = SAMPLES / "pdf" / f"{spec['id']}.pdf"
        proc = run_cli(
            "check", pdf, "--out", tmp_path, "--format", "json", "--rules", spec.get("ruleset") or "renja-permendagri86"
        )
        report = json.loads((tmp_path / f"{pdf.stem}.json").read_text(encoding="utf-8"))
        bad = [(f["rule"], f["location"]["code"], f["message"]) for f in report["findings"] if f["severity"] != "info"]
        assert bad == [], pdf.name
        assert proc.returncode == 0, proc.stderr


@pytest.mark.samples
@pytest.mark.cli
def test_every_finding_has_a_picture_of_its_place(audit) -> None:
    from auditor.report.content import build_report
    from auditor.report.crops import finding_pictures
    from auditor.rules import load_ruleset, run_rules

    _, report, out = audit(REFERENCE_PDF)
    doc, rules = extracted(REFERENCE_PDF), load_ruleset()
    typed = build_report(doc, run_rules(doc, rules), rules)
    assert typed.to_dict("id")["findings"] == report["findings"]  # in process as by the command
    pictures = finding_pictures(REFERENCE_PDF, typed.findings)
    assert len(pictures) == len(report["findings"])
    for i, f in enumerate(report["findings"]):
        pic = pictures[i]
        x0, top, x1, bottom = f["location"]["bbox"]
        c0, ctop, c1, cbottom = pic.crop
        assert pic.page == f["location"]["page"]
        assert c0 <= x0 and ctop <= top and x1 <= c1 + 0.5 and bottom <= cbottom + 0.5, (f["rule"], pic.crop)
        assert pic.highlight == (x0, top, x1, bottom) and pic.src.startswith("data:image/jpeg;base64,")
    html = (out / f"{REFERENCE_PDF.stem}.html").read_text(encoding="utf-8")
    assert html.count("data:image/jpeg;base64,") == len(report["findings"])
    assert 'id="f-text"' in html and 'class="f-sev"' in html  # offline filters and search


@pytest.mark.samples
@pytest.mark.cli
def test_annotated_pdf_output(tmp_path: Path) -> None:
    """--format pdf writes <stem>.annotated.pdf: the pages plus numbered notes pages."""
    from pypdf import PdfReader

    proc = run_cli("check", REFERENCE_PDF, "--out", tmp_path, "--format", "pdf,csv", "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr
    annotated = PdfReader(tmp_path / f"{REFERENCE_PDF.stem}.annotated.pdf")
    assert len(annotated.pages) > len(PdfReader(REFERENCE_PDF).pages)
    with (tmp_path / f"{REFERENCE_PDF.stem}.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    notes = "".join(p.extract_text() for p in annotated.pages[len(PdfReader(REFERENCE_PDF).pages) :])
    # The numbers in the notes are the CSV's "number" column.
    assert [int(r["number"]) for r in rows] == list(range(1, len(rows) + 1))
    assert all(f"{r['rule']}" in notes for r in rows)


@pytest.mark.samples
@pytest.mark.cli
def test_check_cache_keeps_each_model_once_and_changes_no_answer(tmp_path: Path) -> None:
    from auditor.extract.pdf.opening import file_sha256
    from auditor.model.document import model_signature

    cache = tmp_path / "cache"
    runs = []
    for name, lang in (("a", "id"), ("b", "id"), ("c", "en")):
        proc = run_cli(
            "check", REFERENCE_PDF, "--out", tmp_path / name, "--format", "json", "--lang", lang, "--cache", cache
        )
        assert proc.returncode == 1, proc.stderr  # the reference sample has errors
        runs.append(json.loads((tmp_path / name / f"{REFERENCE_PDF.stem}.json").read_text(encoding="utf-8")))
        entries = [p.name for p in cache.iterdir()]
        assert len(entries) == 1 and entries[0].startswith(file_sha256(REFERENCE_PDF))
        assert model_signature()[:12] in entries[0]  # a changed model is read again, not unpickled
    assert runs[0] == runs[1]  # read from the PDF, then from the cache: the same report
    assert [f["messages"] for f in runs[2]["findings"]] == [f["messages"] for f in runs[0]["findings"]]
    want = json.loads((ROOT / "tests" / "expected" / f"{REFERENCE_PDF.name}.json").read_text(encoding="utf-8"))
    assert runs[0]["findings"] == want["findings"]  # as without a cache
