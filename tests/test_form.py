"""The verification sheet (--format form): its items filled in from the findings, as XLSX and
DOCX that LibreOffice opens (each is printed to PDF and read back)."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from conftest import REFERENCE_PDF, REPAIRED_PDF, SAMPLES, run_cli
from system_tools import missing

from auditor.errors import InputError
from auditor.extract.docx.printed import soffice
from auditor.report.form.items import load_form
from auditor.report.form.sheet import long_date
from auditor.report.values import numbers_text
from auditor.rules import load_ruleset

VERIFIER = "Dra. Siti Aminah, M.Si."
RESULT_WORDS = {
    "sesuai": "Sesuai",
    "tidak_sesuai": "Tidak sesuai",
    "tidak_dapat_diperiksa": "Tidak dapat diperiksa",
    "pertimbangan": "Perlu pertimbangan verifikator",
}


@pytest.mark.unit
def test_every_rule_of_each_bundled_rule_set_belongs_to_exactly_one_item() -> None:
    form = load_form()
    for name in ("renja-permendagri86", "renja-2027"):
        for rule in load_ruleset(Path(name)).rules:
            if rule.across_batch:
                continue  # compares a batch's documents: never in one document's report
            items = [i.id for i in form.items if i.takes(rule.id, rule.category)]
            assert len(items) == 1, (name, rule.id, items)
    assert [i.id for i in form.items if i.judgement] == ["isu-penting", "prioritas"]


@pytest.mark.unit
def test_finding_numbers_are_written_as_runs() -> None:
    assert numbers_text((1, 2, 3, 4, 7, 9, 10)) == "1–4, 7, 9–10"
    assert numbers_text(()) == ""


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("items: [1]", "perlu 'form' dan daftar 'items'"),
        ("form: {id: x}\nitems: []", "form.title"),
        (
            "form: {title: {id: a, en: b}, basis: {id: a, en: b}, signature: {id: a, en: b}}\n"
            "items: [{id: a, text: {id: a, en: b}}]",
            "perlu rules, categories, tables atau judgement",
        ),
        ("form: [", "bukan YAML yang sah"),
    ],
)
def test_a_bad_form_is_refused_with_its_place(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "formulir.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_form(path)
    assert words in caught.value.texts["id"] and str(path) in caught.value.texts["en"]


def _flat(text: str | None) -> str:
    # A line broken after a dash in a narrow cell reads back as "T- C.31".
    return " ".join((text or "").split()).replace("– ", "–").replace("- ", "-")


def _printed(source: Path, workdir: Path) -> tuple[str, list[list[str]]]:
    """``source`` (XLSX or DOCX) printed to PDF by LibreOffice: its text, and the checklist's rows
    read back as tables (a row broken over two pages joined again)."""
    program = soffice()
    if program is None:
        missing("LibreOffice (soffice) is not installed (sh scripts/ensure_test_tools.sh installs it)")
    profile = (workdir / "profile").resolve().as_uri()
    command = [program, "--headless", "--norestore", f"-env:UserInstallation={profile}"]
    command += ["--convert-to", "pdf", "--outdir", str(workdir), str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=240)
    printed = workdir / (source.name.rsplit(".", 1)[0] + ".pdf")
    rows: list[list[str]] = []
    with pdfplumber.open(printed) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        for page in pdf.pages:
            for table in page.extract_tables():
                for raw in table:
                    cells = [_flat(c) for c in raw]
                    if len(cells) != 6 or cells[0] == "No.":
                        continue
                    if cells[0].isdigit():
                        rows.append(cells)
                    elif rows:  # the rest of the row above, on the next page
                        rows[-1] = [_flat(f"{a} {b}") for a, b in zip(rows[-1], cells, strict=True)]
    return text, rows


def _items(report: dict[str, Any]) -> list[tuple[str, str, list[int]]]:
    """Each item's expected result and finding numbers, from the JSON report alone."""
    form = load_form()
    categories = {r.id: r.category for r in load_ruleset().rules}
    out = []
    for item in form.items:
        if item.judgement:
            out.append((item.id, "pertimbangan", []))
            continue
        numbers = [n for n, f in enumerate(report["findings"], 1) if item.takes(f["rule"], categories[f["rule"]])]
        severe = [n for n in numbers if report["findings"][n - 1]["severity"] != "info"]
        if severe:
            out.append((item.id, "tidak_sesuai", severe))
        elif item.requires_reference and "reference" not in report:
            out.append((item.id, "tidak_dapat_diperiksa", []))
        else:
            out.append((item.id, "sesuai", []))
    return out


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("form")
    made = {}
    for pdf in (REFERENCE_PDF, REPAIRED_PDF):
        proc = run_cli("check", pdf, "--out", out, "--format", "json,form", "--verifier", VERIFIER)
        assert proc.returncode in (0, 1), proc.stderr
        report = json.loads((out / f"{pdf.stem}.json").read_text(encoding="utf-8"))
        made[pdf.stem] = {
            "report": report,
            "xlsx": out / f"{pdf.stem}.form.xlsx",
            "docx": out / f"{pdf.stem}.form.docx",
            "stdout": proc.stdout,
        }
    return made


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.slow
@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_the_form_opens_in_libreoffice_and_its_items_match_the_findings(
    forms: dict[str, Any], kind: str, tmp_path: Path
) -> None:
    made = forms["randuagung-2024"]
    assert str(made[kind]) in made["stdout"]
    text, rows = _printed(made[kind], tmp_path)
    flat = " ".join(text.split())
    assert "Lembar Verifikasi Rancangan Rencana Kerja Perangkat Daerah" in flat
    assert "Kecamatan Randuagung" in flat and "Kabupaten Lumajang" in flat
    assert VERIFIER in flat and long_date(date.today(), "id") in flat
    assert "Catatan" in flat and "Tindak lanjut" in flat
    expected = _items(made["report"])
    assert len(rows) == len(expected)
    taken: list[int] = []
    for row, (item_id, result, numbers) in zip(rows, expected, strict=True):
        item = next(i for i in load_form().items if i.id == item_id)
        assert row[1] == _flat(item.text["id"]), item_id
        assert row[2] == RESULT_WORDS[result] or row[2].startswith(RESULT_WORDS[result] + " "), (item_id, row[2])
        if numbers:
            assert row[3].startswith(f"{len(numbers)} temuan: {numbers_text(tuple(numbers))}"), (item_id, row[3])
        assert row[4] == row[5] == ""  # notes and follow-up are the verifier's
        taken += numbers
    severe = [n for n, f in enumerate(made["report"]["findings"], 1) if f["severity"] != "info"]
    assert sorted(taken) == severe  # every error and warning is behind exactly one item


@pytest.mark.samples
@pytest.mark.cli
def test_a_clean_document_is_sesuai_except_what_needs_reference_data_or_judgement(forms: dict[str, Any]) -> None:
    from openpyxl import load_workbook

    made = forms["randuagung-2024-repaired"]
    sheet = load_workbook(made["xlsx"], read_only=True)["verifikasi"]
    rows = {str(r[1]): (str(r[2]), r[3]) for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)}
    form = load_form()
    assert len(rows) == len(form.items)
    for item in form.items:
        result, findings = rows[item.text["id"]]
        if item.judgement:
            assert result == "Perlu pertimbangan verifikator"
        elif item.requires_reference:
            assert result == "Tidak dapat diperiksa" and "--reference" in findings
        else:
            assert result == "Sesuai", (item.id, findings)


@pytest.mark.samples
@pytest.mark.cli
def test_with_reference_data_the_rkpd_item_is_checked_and_english_works(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    rkpd = SAMPLES / "reference" / "lumajang-2024-rkpd-defects.xlsx"
    proc = run_cli(
        "check", REPAIRED_PDF, "--reference", rkpd, "--out", tmp_path, "--format", "json,form", "--lang", "en"
    )
    assert proc.returncode == 1, proc.stderr
    report = json.loads((tmp_path / f"{REPAIRED_PDF.stem}.json").read_text(encoding="utf-8"))
    refs = [n for n, f in enumerate(report["findings"], 1) if f["rule"].startswith("REF-") and f["severity"] != "info"]
    assert refs
    sheet = load_workbook(tmp_path / f"{REPAIRED_PDF.stem}.form.xlsx", read_only=True)["verifikasi"]
    rows = {str(r[1]): (r[2], r[3]) for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)}
    item = next(i for i in load_form().items if i.requires_reference)
    result, findings = rows[item.text["en"]]
    assert result == "Not consistent" and findings.startswith(f"{len(refs)} findings: {numbers_text(tuple(refs))}")


@pytest.mark.cli
def test_a_bad_form_file_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "formulir.yaml"
    bad.write_text("items: []\n", encoding="utf-8")
    proc = run_cli("check", REFERENCE_PDF, "--format", "form", "--form", bad, "--out", tmp_path / "out")
    assert proc.returncode == 2
    assert "Formulir verifikasi tidak valid" in proc.stderr and "Invalid verification form" in proc.stderr
