"""`renja-audit extract` dumps the model; `debug-page` draws what was detected."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import REFERENCE_PDF, run_cli
from PIL import Image

pytestmark = [pytest.mark.samples, pytest.mark.cli]


def test_extract_json_dumps_tables_and_narrative(tmp_path: Path) -> None:
    out = tmp_path / "model.json"
    proc = run_cli("extract", REFERENCE_PDF, "--format", "json", "--out", out)
    assert proc.returncode == 0, proc.stderr
    model = json.loads(out.read_text(encoding="utf-8"))
    assert model["document"]["plan_year"] == 2024
    kinds = [t["kind"] for t in model["tables"]]
    assert kinds == ["T-C.29", "T-C.30", "T-C.31", "T-C.32", "Tabel 3.2", "Tabel 3.3", "T-C.33", "Tabel 4.1"]
    tc33 = model["tables"][kinds.index("T-C.33")]
    row = next(r for r in tc33["rows"] if r["code"] == "7.01.01.2.09.06")
    assert row["values"]["amount"] == {"amount": 13200000, "parse_error": False}
    assert row["cells"]["amount"]["page"] >= 1 and len(row["cells"]["amount"]["bbox"]) == 4
    assert any(a["value"] == 1916446189 for a in model["narrative"]["stated_amounts"])


def test_extract_csv_one_cell_a_line() -> None:
    proc = run_cli("extract", REFERENCE_PDF, "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    hit = [r for r in rows if r["table"] == "T-C.33" and r["code"] == "7.01.01.2.09.06" and r["column"] == "amount"]
    assert hit and hit[0]["value"] == "13200000" and hit[0]["text"] == "13,200,000"


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_debug_page_draws_a_png(tmp_path: Path, reader: str) -> None:
    out = tmp_path / "p44.png"
    proc = run_cli("debug-page", REFERENCE_PDF, "--page", "44", "--out", out, "--extractor", reader)
    assert proc.returncode == 0, proc.stderr
    with Image.open(out) as image:
        assert image.width > 1000 and image.height > 700
        # the table outline is drawn in blue somewhere on the page
        assert (0, 70, 220) in {image.getpixel((x, y))[:3] for x in range(0, image.width, 3) for y in range(60, 400, 3)}


def test_debug_page_out_of_range(tmp_path: Path) -> None:
    proc = run_cli("debug-page", REFERENCE_PDF, "--page", "999", "--out", tmp_path / "x.png")
    assert proc.returncode == 2
    assert "tidak ada" in proc.stderr and "no page 999" in proc.stderr
