"""Grouped findings and revisions (--baseline): one line per cause, and what a new draft fixed.

The revised draft parakan-2026-revised is the defect sample parakan-2026-defects with six of
its eleven declared defects repaired, two new ones and a page more in BAB II; which findings
are fixed, new or still open follows from the declared defects, not from the tool.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import REFERENCE_PDF, SAMPLES, load_spec, run_cli
from openpyxl import load_workbook
from pypdf import PdfReader

from auditor.findings import Evidence, Finding, Location
from auditor.grouping import group_findings
from auditor.revision import Baseline, Baselines, compare, read_baselines
from samples.families.other_region import ADDED, REPAIRED
from samples.quality import matches

HERE = Path(__file__).resolve().parent
DEFECTS_PDF = SAMPLES / "pdf" / "parakan-2026-defects.pdf"
REVISED_PDF = SAMPLES / "pdf" / "parakan-2026-revised.pdf"
BASELINE = HERE / "expected" / "parakan-2026-defects.pdf.json"  # the earlier draft's report


def _finding(
    rule: str, code: str | None, column: str | None, expected: str | None, actual: str | None, **kw: Any
) -> Finding:
    location = Location(kw.get("page", 1), kw.get("table", "T-C.33"), code, column, kw.get("row"))
    return Finding(rule, "cross_table", kw.get("severity", "warning"), {}, {}, location, expected, actual)


@pytest.mark.unit
def test_groups_join_one_slip_across_tables_and_one_wrong_word_down_a_column() -> None:
    findings = [
        # one name slip, same code, four tables
        *(
            _finding("NOM-004", "7.01.01.2.09.06", "name", "Lainnya", "Lainya", table=t)
            for t in ("T-C.29", "T-C.31", "T-C.33", "Tabel 4.1")
        ),
        # the same wrong satuan on two rows of one column, numbers aside
        _finding("IT-006", "7.01.01.2.06.01", "target", "paket", "12 jenis"),
        _finding("IT-006", "7.01.01.2.06.05", "target", "paket", "3 jenis"),
        # the same difference in numbers on two rows is two mistakes
        _finding("TOT-001", "7.01.01.2.06", "amount", "100", "90"),
        _finding("TOT-001", "7.01.01.2.07", "amount", "100", "90"),
        # same code and rule, other values: another mistake
        _finding("NOM-004", "7.01.01.2.09.06", "name", "Lainnya", "Lain"),
    ]
    groups = group_findings(findings)
    assert [g.members for g in groups] == [(0, 1, 2, 3), (4, 5), (6,), (7,), (8,)]
    assert sorted(i for g in groups for i in g.members) == list(range(len(findings)))
    assert [g.id for g in groups] == ["G1", "G2", "G3", "G4", "G5"]


@pytest.mark.unit
def test_a_group_takes_its_most_severe_finding() -> None:
    findings = [
        _finding("IT-007", "7.01.01.2.06.01", "target", "laporan", "Iaporan", severity="info"),
        _finding("IT-007", "7.01.01.2.06.02", "target", "laporan", "Iaporan", severity="warning"),
    ]
    (group,) = group_findings(findings)
    assert group.severity == "warning" and group.count == 2


@pytest.fixture(scope="module")
def reference_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    out = tmp_path_factory.mktemp("grouped")
    proc = run_cli("check", REFERENCE_PDF, "--out", out, "--format", "json,html,xlsx,csv,pdf")
    assert proc.returncode == 1, proc.stderr
    report = json.loads((out / "randuagung-2024.json").read_text(encoding="utf-8"))
    # The terminal line counts findings and groups.
    assert f"({len(report['findings'])} temuan dalam {len(report['groups'])} kelompok)" in proc.stdout
    return report, out


@pytest.mark.samples
@pytest.mark.cli
def test_every_finding_of_the_reference_sample_is_in_exactly_one_group(
    reference_report: tuple[dict[str, Any], Path],
) -> None:
    report, _ = reference_report
    numbers = sorted(n for g in report["groups"] for n in g["findings"])
    assert numbers == list(range(1, len(report["findings"]) + 1))
    for g in report["groups"]:
        assert g["count"] == len(g["findings"]) == len(g["places"])
        for n in g["findings"]:
            f = report["findings"][n - 1]
            assert f["group"] == g["id"] and f["rule"] == g["rule"]
    assert len(report["groups"]) < len(report["findings"])
    # The name slip of 7.01.01.2.09.09, copied into four tables, is one group.
    slip = next(g for g in report["groups"] if g["rule"] == "NOM-004" and g["places"][0]["code"] == "7.01.01.2.09.09")
    assert sorted(p["table"] for p in slip["places"]) == ["T-C.29", "T-C.31", "T-C.33", "Tabel 4.1"]


@pytest.mark.samples
@pytest.mark.cli
def test_html_xlsx_and_csv_count_the_groups_as_the_json(reference_report: tuple[dict[str, Any], Path]) -> None:
    report, out = reference_report
    repeated = [g for g in report["groups"] if g["count"] > 1]
    html = (out / "randuagung-2024.html").read_text(encoding="utf-8")
    assert f'data-findings="{len(report["findings"])}" data-groups="{len(report["groups"])}"' in html
    assert html.count('<tr class="group"') == len(repeated)
    for g in repeated:
        assert f'id="{g["id"]}" data-rule="{g["rule"]}" data-count="{g["count"]}"' in html
    book = load_workbook(out / "randuagung-2024.xlsx", read_only=True)
    rows = list(book["groups"].iter_rows(values_only=True))
    assert [(r[0], r[3]) for r in rows[1:]] == [(g["id"], g["count"]) for g in report["groups"]]
    findings = list(book["findings"].iter_rows(values_only=True))
    column = findings[0].index("group")
    assert [r[column] for r in findings[1:]] == [f["group"] for f in report["findings"]]
    csv_text = (out / "randuagung-2024.csv").read_text(encoding="utf-8")
    assert csv_text.splitlines()[0].endswith(",group,group_count")
    # The annotated PDF's notes: the same counts, and one line per group of two or more.
    reader = PdfReader(out / "randuagung-2024.annotated.pdf")
    notes = "\n".join(page.extract_text() for page in reader.pages[report["document"]["pages"] :])
    assert f"{len(report['findings'])} temuan dalam {len(report['groups'])} kelompok" in notes
    assert f"Temuan yang berulang ({len(repeated)})" in notes
    for g in repeated:
        assert f"{g['id']} ×{g['count']} · {g['rule']} ·" in notes


def _declared(spec_name: str) -> list[dict[str, Any]]:
    return list(load_spec(SAMPLES / "specs" / f"{spec_name}.yaml").get("defects") or [])


def _caused_by(finding: dict[str, Any], defects: list[dict[str, Any]]) -> set[str]:
    return {d["id"] for d in defects if any(matches(finding, e) for e in d["expect"])}


@pytest.fixture(scope="module")
def revised(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, dict[str, Any]]:
    out = tmp_path_factory.mktemp("revised")
    proc = run_cli("check", REVISED_PDF, "--baseline", BASELINE, "--out", out, "--format", "json,html")
    report = json.loads((out / "parakan-2026-revised.json").read_text(encoding="utf-8"))
    return proc, report | {"_out": str(out)}


@pytest.mark.samples
@pytest.mark.cli
def test_revised_draft_against_the_earlier_report_gives_fixed_new_and_open(revised: tuple[Any, dict[str, Any]]) -> None:
    proc, report = revised
    before = json.loads(BASELINE.read_text(encoding="utf-8"))["findings"]
    defects = _declared("parakan-2026-defects")
    added = [d for d in _declared("parakan-2026-revised") if d["id"] in ADDED]
    assert len(added) == 2 and len(REPAIRED) == 6
    # Every finding of either report is explained by a declared defect (else the sets below prove nothing).
    for f in before:
        assert _caused_by(f, defects), f["message"]
    expected_fixed = [f for f in before if _caused_by(f, defects) <= set(REPAIRED)]
    for f in report["findings"]:
        new = bool(_caused_by(f, added))
        assert f["status"] == ("new" if new else "open"), (f["rule"], f["location"], f["status"])
        assert new or _caused_by(f, defects) - set(REPAIRED), f["message"]
    assert report["fixed"] == expected_fixed
    counts = report["revision"]
    assert (counts["fixed"], counts["new"], counts["open"]) == (
        len(expected_fixed),
        sum(f["status"] == "new" for f in report["findings"]),
        len(before) - len(expected_fixed),
    )
    assert counts["new"] >= 3 and counts["status"] == "compared"
    # The pages moved (a page more in BAB II), the findings still matched.
    moved = {
        (f["rule"], f["location"]["code"]): f["location"]["page"] for f in report["findings"] if f["status"] == "open"
    }
    assert any(moved.get((f["rule"], f["location"]["code"])) not in (None, f["location"]["page"]) for f in before)
    assert "sejak versi sebelumnya: 11 diperbaiki, 3 baru, 10 masih ada" in proc.stdout


@pytest.mark.samples
@pytest.mark.cli
def test_revision_banner_statuses_and_fixed_list_in_the_html(revised: tuple[Any, dict[str, Any]]) -> None:
    _, report = revised
    html = (Path(report["_out"]) / "parakan-2026-revised.html").read_text(encoding="utf-8")
    counts = report["revision"]
    assert f'data-fixed="{counts["fixed"]}" data-new="{counts["new"]}" data-open="{counts["open"]}"' in html
    assert html.count('data-status="new"') == counts["new"]
    assert html.count('class="fixed-finding"') == counts["fixed"]


def _stated(page: int, actual: str, text: str) -> Finding:
    where = Location(page, None, None, "narasi")
    return Finding(
        "NAR-001", "narrative", "error", {}, {}, where, "100", actual, (Evidence("stated", text, None, where),)
    )


def _earlier(page: int, actual: str, text: str) -> dict[str, Any]:
    where = {"page": page, "table": None, "code": None, "column": "narasi"}
    return {"rule": "NAR-001", "location": where, "expected": "100", "actual": actual, "evidence": [{"text": text}]}


@pytest.mark.unit
def test_the_same_finding_stated_twice_pairs_by_its_place() -> None:
    """The earlier draft stated wrong totals in two paragraphs; the first was corrected to the
    second's (still wrong) value: the paragraph that did not change stays open, the other is new,
    though the first paragraph now comes first with the key the second one had."""
    first, second = "Jumlah pagu indikatif dalam Rancangan Awal RKPD sebesar", "Pagu Kecamatan seluruhnya sebesar"
    before = (_earlier(18, "80", f"{first} Rp80"), _earlier(31, "90", f"{second} Rp90"))
    baseline = Baseline("lama.json", "0" * 64, "renja.pdf", None, None, None, before)
    now = [_stated(19, "90", f"{first} Rp90"), _stated(32, "90", f"{second} Rp90")]
    revision = compare(now, Baselines("lama.json", (baseline,), folder=False), "renja.pdf", None, None)
    assert revision.status == ("new", "open")
    assert revision.fixed == (before[0],)
    assert revision.counts() == {"fixed": 1, "new": 1, "open": 1}


@pytest.mark.samples
@pytest.mark.cli
def test_a_clean_draft_fixes_everything_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    clean = SAMPLES / "pdf" / "parakan-2026.pdf"
    proc = run_cli("check", clean, "--baseline", BASELINE, "--out", out, "--format", "json")
    report = json.loads((out / "parakan-2026.json").read_text(encoding="utf-8"))
    before = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert report["revision"]["fixed"] == len(before["findings"]) and not report["findings"], proc.stdout
    proc = run_cli("check", DEFECTS_PDF, "--baseline", BASELINE, "--out", out, "--format", "json")
    report = json.loads((out / "parakan-2026-defects.json").read_text(encoding="utf-8"))
    assert report["fixed"] == [] and {f["status"] for f in report["findings"]} == {"open"}


@pytest.mark.samples
@pytest.mark.cli
def test_batch_baseline_folder_matches_each_document_to_its_own_report(tmp_path: Path) -> None:
    earlier, now = tmp_path / "earlier", tmp_path / "now"
    earlier.mkdir()
    now.mkdir()
    # The earlier batch's reports, one named after the document, and its summary beside them.
    shutil.copy(BASELINE, earlier / "parakan-2026-defects.json")
    (earlier / "summary.json").write_text('{"not": "a report"}', encoding="utf-8")
    # The new round: the same file name, revised; and a document the earlier batch did not have.
    shutil.copy(REVISED_PDF, now / "parakan-2026-defects.pdf")
    shutil.copy(SAMPLES / "pdf" / "sukodono-2024.pdf", now)
    proc = run_cli("batch", now, "--out", tmp_path / "out", "--baseline", earlier, "--format", "json", "--jobs", "1")
    assert proc.returncode in (0, 1), proc.stderr
    revised_report = json.loads((tmp_path / "out" / "parakan-2026-defects.json").read_text(encoding="utf-8"))
    assert revised_report["revision"]["status"] == "compared"
    assert revised_report["revision"]["fixed"] == 11
    other = json.loads((tmp_path / "out" / "sukodono-2024.json").read_text(encoding="utf-8"))
    assert other["revision"] == {"baseline": None, "given": str(earlier), "status": "no_match"}
    assert "status" not in (other["findings"] or [{}])[0]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"not json", "bukan berkas JSON"),
        (b'{"findings": "x"}', "bukan laporan JSON renja-audit"),
        (b"[1, 2]", "bukan laporan JSON renja-audit"),
    ],
)
def test_a_baseline_that_is_not_a_report_is_refused_with_its_name(tmp_path: Path, content: bytes, words: str) -> None:
    from auditor.errors import InputError

    path = tmp_path / "lama.json"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_baselines(path)
    assert words in caught.value.texts["id"] and str(path) in caught.value.texts["en"]


@pytest.mark.cli
def test_check_with_a_bad_baseline_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "lama.json"
    bad.write_text("{}", encoding="utf-8")
    proc = run_cli("check", REFERENCE_PDF, "--baseline", bad, "--out", tmp_path / "out")
    assert proc.returncode == 2
    assert "Laporan sebelumnya (--baseline) tidak dapat dipakai" in proc.stderr
    assert "The previous report (--baseline) cannot be used" in proc.stderr
    assert not (tmp_path / "out").exists()
