"""Several files checked at once: an index (HTML, CSV, XLSX) with one line per document."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REFERENCE_PDF, SAMPLES, run_cli
from openpyxl import load_workbook

from auditor.report.index_report import COLUMNS

SUKODONO_PDF = SAMPLES / "pdf" / "sukodono-2024.pdf"


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("index")
    bad = tmp / "rusak.pdf"
    bad.write_bytes(b"%PDF-1.7\n1 0 obj\n<<")  # truncated: header and nothing else
    out = tmp / "out"
    proc = run_cli("check", REFERENCE_PDF, SUKODONO_PDF, bad, "--out", out, "--format", "json,html,xlsx")
    return proc, out, bad


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.rows = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append(dict(attrs)["href"] or "")
        if tag == "tr" and "data-status" in dict(attrs):
            self.rows += 1


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.slow
def test_index_lists_every_document_with_its_counts(checked) -> None:
    proc, out, bad = checked
    assert proc.returncode == 2  # one input could not be audited
    assert "Traceback" not in proc.stderr
    with (out / "index.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == COLUMNS
    assert [r["document"] for r in rows] == [str(REFERENCE_PDF), str(SUKODONO_PDF), str(bad)]
    for row, pdf in zip(rows[:2], (REFERENCE_PDF, SUKODONO_PDF)):
        report = json.loads((out / f"{pdf.stem}.json").read_text(encoding="utf-8"))
        assert (int(row["errors"]), int(row["warnings"]), int(row["infos"])) == tuple(
            report["summary"][s] for s in ("error", "warning", "info")
        )
        assert row["unit"] == report["document"]["unit"] and int(row["plan_year"]) == report["document"]["plan_year"]
        assert row["sha256"] == report["document"]["sha256"] and row["report"] == f"{pdf.stem}.html"
    assert [r["status"] for r in rows] == ["errors", "clean", "failed"]
    assert "PDF" in rows[2]["reason"] and rows[2]["report"] == ""


@pytest.mark.samples
@pytest.mark.cli
def test_index_html_links_to_each_report(checked) -> None:
    _, out, _ = checked
    parser = _Links()
    parser.feed((out / "index.html").read_text(encoding="utf-8"))
    assert parser.rows == 3
    assert parser.links == ["randuagung-2024.html", "sukodono-2024.html"]
    assert all((out / link).is_file() for link in parser.links)


@pytest.mark.samples
@pytest.mark.cli
def test_index_xlsx_has_documents_and_rule_counts(checked) -> None:
    _, out, _ = checked
    book = load_workbook(out / "index.xlsx")
    assert book.sheetnames == ["documents", "rules"]
    docs = list(book["documents"].values)
    assert docs[0] == COLUMNS and len(docs) == 4
    report = json.loads((out / "randuagung-2024.json").read_text(encoding="utf-8"))
    per_rule: dict[str, int] = {}
    for f in report["findings"]:
        per_rule[f["rule"]] = per_rule.get(f["rule"], 0) + 1
    rules = {r[0]: r for r in list(book["rules"].values)[1:]}
    # Sukodono is clean, so the counts over both documents are the reference's.
    assert {k: v[2] for k, v in rules.items()} == per_rule
    assert all(v[3] == 1 and v[1] for v in rules.values())


@pytest.mark.samples
@pytest.mark.cli
def test_a_single_file_writes_no_index(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_cli("check", SUKODONO_PDF, "--out", out, "--format", "csv")
    assert sorted(p.name for p in out.iterdir()) == ["sukodono-2024.csv"]
    rows = list(csv.DictReader(io.StringIO((out / "sukodono-2024.csv").read_text(encoding="utf-8"))))
    assert rows == []
