"""Extraction of T-C.33 and Tabel 4.1 matches the sample specs cell for cell."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from auditor.extract import extract_document
from auditor.model.document import Document, Level
from conftest import REFERENCE_PDF, SAMPLE_PAIRS, load_spec

TABLES = {"tc33": "T-C.33", "t41": "Tabel 4.1"}


@lru_cache(maxsize=None)
def extracted(pdf: Path) -> Document:
    return extract_document(pdf)


def _money(value: Any) -> int | None:
    return value if isinstance(value, int) else None


def _expected_rows(spec: dict[str, Any], key: str) -> list[tuple[Any, ...]]:
    rows = []
    for r in spec["tables"][key]["rows"]:
        cells = r.get("cells", {})
        written = re.sub(r"\s", "", str(cells["code"])) if "code" in cells else None
        rows.append(
            (r["level"], r.get("code"), written, _money(cells.get("amount")), _money(cells.get("amount_next")))
        )
    return rows


@pytest.mark.parametrize(("pdf", "spec_path"), SAMPLE_PAIRS, ids=lambda p: p.stem)
@pytest.mark.parametrize("key", sorted(TABLES))
def test_budget_table_matches_spec(pdf: Path, spec_path: Path, key: str) -> None:
    spec = load_spec(spec_path)
    doc = extracted(pdf)
    tables = doc.tables_of(TABLES[key])
    assert len(tables) == 1, f"{TABLES[key]} found {len(tables)} times"
    got = [
        (
            r.level.value,
            r.code,
            re.sub(r"\s", "", r.code_written) if r.code_written else None,
            r.amount("amount"),
            r.amount("amount_next"),
        )
        for r in tables[0].rows
    ]
    expected = _expected_rows(spec, key)
    assert len(got) == len(expected)
    for i, (g, e) in enumerate(zip(got, expected)):
        assert g == e, f"row {i}: extracted {g} != spec {e}"


@pytest.mark.parametrize(("pdf", "spec_path"), SAMPLE_PAIRS, ids=lambda p: p.stem)
def test_every_value_has_provenance(pdf: Path, spec_path: Path) -> None:
    doc = extracted(pdf)
    for table in doc.tables:
        assert table.confidence > 0.9
        for row in table.rows:
            for key, cell in row.cells.items():
                assert cell.page in table.pages, (row.code, key)
                assert 0 <= cell.bbox.x0 < cell.bbox.x1 and 0 <= cell.bbox.top < cell.bbox.bottom
            for amount in row.amounts.values():
                assert not amount.parse_error, (row.code, amount.cell.text)


def test_header_rows_never_become_data() -> None:
    doc = extracted(REFERENCE_PDF)
    for table in doc.tables:
        for row in table.rows:
            text = " ".join(c.text for c in row.cells.values()).lower()
            assert "kebutuhan dana" not in text and "indikator kinerja" not in text
            if "code" in table.columns:
                assert row.level != Level.OTHER, f"unclassified row {row.index} on page {row.page}: {text[:80]}"


@pytest.mark.parametrize(("pdf", "spec_path"), SAMPLE_PAIRS, ids=lambda p: p.stem)
def test_document_meta(pdf: Path, spec_path: Path) -> None:
    spec = load_spec(spec_path)
    doc = extracted(pdf)
    assert doc.plan_year == spec["meta"]["plan_year"] == 2024
    assert doc.unit == spec["meta"]["unit"] == "Kecamatan Randuagung"
    assert doc.region == spec["meta"]["region"] == "Kabupaten Lumajang"


def test_stated_amounts_in_the_narrative() -> None:
    doc = extracted(REFERENCE_PDF)
    stated = {(s.role, s.value) for s in doc.narrative.stated_amounts}
    assert ("total", 1916446189) in stated
    assert ("component", 1267300839) in stated
    assert ("component", 649145350) in stated
    total = next(s for s in doc.narrative.stated_amounts if s.value == 1916446189)
    assert "Jumlah Anggaran" in total.sentence
    assert total.span.text.replace(" ", "") == "Rp.1.916.446.189"
    labels = {s.value: s.label for s in doc.narrative.stated_amounts}
    assert labels[1267300839].endswith("Belanja Pegawai")
    assert labels[649145350].endswith("Belanja Barang dan Jasa")
