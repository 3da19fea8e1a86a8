"""Checks across a batch (BAT-001..003) and the index's units x categories overview."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLES, run_cli

from auditor.rules.checks import batch_common_codes, batch_copied_text
from auditor.rules.params import resolve

LEGAL = "Renja ini disusun berpedoman pada Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang tata cara perencanaan."
TEMPLATE = "Rencana Kerja merupakan proses penjabaran lebih lanjut dari sasaran dan program yang telah ditetapkan dalam renstra."


def _doc(
    path: str, unit: str, region: str, *texts: str, programs: tuple[str, ...] = (), kegiatan: tuple[str, ...] = ()
) -> dict[str, Any]:
    name = unit.split(maxsplit=1)[1] if unit.startswith("Kecamatan ") else None
    return {
        "path": path,
        "unit": unit,
        "region": region,
        "names": [n for n in (name, region.split(maxsplit=1)[1]) if n],
        "sentences": [{"text": t, "page": 3 + i, "bbox": [10.0, 20.0, 300.0, 40.0]} for i, t in enumerate(texts)],
        "codes": {"program": list(programs), "kegiatan": list(kegiatan), "table": ["T-C.33"]},
    }


def _copied(docs: list[dict[str, Any]], mode: str) -> list[tuple[str, str | None, str]]:
    params = resolve(batch_copied_text.PARAMS, {"mode": mode})
    return [
        (docs[v.document]["path"], docs[v.other]["path"] if v.other is not None else None, v.fields["name"])
        for v in batch_copied_text.check_batch(docs, params)
    ]


@pytest.mark.unit
def test_a_sentence_naming_the_other_unit_is_a_copy_in_the_document_that_is_not_that_unit() -> None:
    own = "Rencana Kerja Kecamatan Kencong menggambarkan kinerja tahunan yang akan diwujudkan beserta targetnya."
    docs = [
        _doc("kencong.pdf", "Kecamatan Kencong", "Kabupaten Jember", own, LEGAL, TEMPLATE),
        _doc("sukodono.pdf", "Kecamatan Sukodono", "Kabupaten Lumajang", own, LEGAL, TEMPLATE),
        _doc("tempeh.pdf", "Kecamatan Tempeh", "Kabupaten Lumajang", LEGAL, TEMPLATE),
    ]
    assert _copied(docs, "name") == [("sukodono.pdf", "kencong.pdf", "Kencong")]
    assert _copied(docs, "figures") == []  # the shared sentences carry no figures of their own


@pytest.mark.unit
def test_a_shared_rupiah_amount_counts_only_between_two_units() -> None:
    """Counts and percentages (the template's statistics) are never judged: only money."""
    figures = (
        "Pagu indikatif tahun rencana sebesar Rp1.234.500.000,00 dialokasikan untuk tiga program prioritas kecamatan."
    )
    counts = "Jumlah penduduk wilayah ini sebanyak 48.215 jiwa yang tersebar di 12 desa dengan kepadatan yang tinggi."
    docs = [
        _doc("a.pdf", "Kecamatan Alpha", "Kabupaten Lumajang", figures, LEGAL, counts),
        _doc("b.pdf", "Kecamatan Beta", "Kabupaten Lumajang", figures, LEGAL, counts),
        _doc("c.pdf", "Kecamatan Gamma", "Kabupaten Lumajang", LEGAL),
        # A draft and its revision of one unit are one unit: never compared with each other.
        _doc(
            "c-revisi.pdf",
            "Kecamatan Gamma",
            "Kabupaten Lumajang",
            LEGAL,
            "Realisasi anggaran tahun lalu sebesar Rp2.345.600.000,00 atau 97,5 persen dari pagu yang ditetapkan.",
        ),
        _doc(
            "c-draf.pdf",
            "Kecamatan Gamma",
            "Kabupaten Lumajang",
            LEGAL,
            "Realisasi anggaran tahun lalu sebesar Rp2.345.600.000,00 atau 97,5 persen dari pagu yang ditetapkan.",
        ),
    ]
    assert sorted(_copied(docs, "figures")) == [("a.pdf", "b.pdf", ""), ("b.pdf", "a.pdf", "")]
    # With a third unit sharing it, the sentence is the template's.
    docs.append(_doc("d.pdf", "Kecamatan Delta", "Kabupaten Lumajang", figures))
    assert _copied(docs, "figures") == []
    # Two units alone are too few to tell a unit's figures from the template's.
    assert _copied(docs[:2], "figures") == []


@pytest.mark.unit
def test_a_code_nearly_every_unit_of_its_kind_plans_is_missing_from_the_one_without_it() -> None:
    common = ("7.01.01", "7.01.02")
    docs = [
        _doc(f"k{n}.pdf", f"Kecamatan K{n}", "Kabupaten Lumajang", programs=common, kegiatan=("7.01.02.2.01",))
        for n in range(9)
    ]
    docs.append(_doc("k9.pdf", "Kecamatan K9", "Kabupaten Lumajang", programs=common, kegiatan=("7.01.02.2.02",)))
    # A Dinas is another kind: its programs are never expected of a kecamatan.
    docs.append(_doc("dinas.pdf", "Dinas Kominfo", "Kabupaten Lumajang", programs=("2.16.01", "2.16.02")))
    params = resolve(batch_common_codes.PARAMS, {})
    found = [
        (docs[v.document]["path"], v.fields["level"], v.fields["code"], v.fields["units"], v.fields["of"])
        for v in batch_common_codes.check_batch(docs, params)
    ]
    assert found == [("k9.pdf", "kegiatan", "7.01.02.2.01", 9, 10)]
    assert list(batch_common_codes.check_batch(docs[:4], params)) == []  # too few units to say


@pytest.fixture(scope="module")
def across(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    """The samples a verifier would batch together, one of which copies a paragraph of another."""
    root = tmp_path_factory.mktemp("across")
    archive = root / "arsip"
    archive.mkdir()
    for name in ("kencong-2024", "sukodono-2024-salinan", "pasirian-2024", "parakan-2026-defects"):
        shutil.copy(SAMPLES / "pdf" / f"{name}.pdf", archive)
    proc = run_cli("batch", archive, "--out", root / "hasil", "--format", "json,html", "--jobs", "2")
    return root / "hasil", proc


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.slow
def test_batch_reports_the_copied_paragraph_with_both_places(across: tuple[Path, Any]) -> None:
    out, proc = across
    assert proc.returncode in (0, 1), proc.stderr
    data = json.loads((out / "batch-findings.json").read_text(encoding="utf-8"))
    found = data["findings"]
    assert [(f["rule"], Path(f["document"]).name, Path(f["other_document"]).name) for f in found] == [
        ("BAT-001", "sukodono-2024-salinan.pdf", "kencong-2024.pdf")
    ]
    (copy,) = found
    here, there = copy["evidence"]
    assert here["location"]["page"] == copy["location"]["page"] and here["location"]["bbox"]
    assert there["role"] == "other_unit" and there["location"]["page"] and there["location"]["bbox"]
    assert "Kecamatan Kencong menggambarkan" in here["text"] and here["text"] == there["text"]
    assert copy["report"] == "sukodono-2024-salinan.html" and copy["other_report"] == "kencong-2024.html"
    # Both places are in the index, each linked to its document's report.
    html = (out / "index.html").read_text(encoding="utf-8")
    row = re.search(r'<tr class="across-finding".*?</tr>', html, re.DOTALL)
    assert row and 'href="sukodono-2024-salinan.html"' in row.group(0) and 'href="kencong-2024.html"' in row.group(0)
    # The Kencong paragraph is found alone too, as a name of another kecamatan (NAR-014).
    salinan = json.loads((out / "sukodono-2024-salinan.json").read_text(encoding="utf-8"))
    assert any(f["rule"] == "NAR-014" and "Kencong" in f["message"] for f in salinan["findings"])


@pytest.mark.samples
@pytest.mark.cli
def test_index_overview_counts_each_units_findings_per_category(across: tuple[Path, Any]) -> None:
    out, _ = across
    html = (out / "index.html").read_text(encoding="utf-8")
    for name in ("kencong-2024", "sukodono-2024-salinan", "pasirian-2024", "parakan-2026-defects"):
        report = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        row = re.search(rf'<tr data-document="[^"]*{name}\.pdf">(.*?)</tr>', html, re.DOTALL)
        assert row, name
        for category in ("totals", "cross_table", "narrative", "nomenclature", "year", "indicator_target", "structure"):
            mine = [f for f in report["findings"] if f["category"] == category]
            cell = re.search(rf'class="num cell (\w+)" data-category="{category}" data-count="(\d+)"', row.group(1))
            assert cell and int(cell.group(2)) == len(mine), (name, category)
            worst = next((s for s in ("error", "warning", "info") if any(f["severity"] == s for f in mine)), "none")
            assert cell.group(1) == worst, (name, category)


@pytest.mark.samples
@pytest.mark.cli
def test_a_rerun_from_the_cache_still_compares_the_documents(across: tuple[Path, Any]) -> None:
    out, _ = across
    archive = out.parent / "arsip"
    proc = run_cli("batch", archive, "--out", out, "--format", "json,html", "--jobs", "1")
    assert "4 dari cache" in proc.stdout or "4 dari cache" in proc.stderr, (proc.stdout, proc.stderr)
    data = json.loads((out / "batch-findings.json").read_text(encoding="utf-8"))
    assert [f["rule"] for f in data["findings"]] == ["BAT-001"]
