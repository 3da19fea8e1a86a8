"""The HTML reports in a real browser: counts, filters, search, crops, sorting, print, offline.

Drives the system's Chromium through Playwright (never a downloaded browser). Without
Chromium the module is skipped, except under CI, where that is a failure: ``make test``
installs Debian's package first. Screenshots and the print PDF go to ``reports/`` for review.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REFERENCE_PDF, ROOT, SAMPLES, run_cli
from system_tools import Watched, browser, chromium, watch  # noqa: F401  (browser, chromium: fixtures)

from auditor.i18n import t

pytestmark = pytest.mark.browser

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

CLEAN_PDF = SAMPLES / "pdf" / "sukodono-2024.pdf"
SEVERITIES = ("error", "warning", "info")
SHOTS = ROOT / "reports"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both samples audited in one run, as a user would: two reports plus the index."""
    folder = tmp_path_factory.mktemp("browser")
    proc = run_cli("check", REFERENCE_PDF, CLEAN_PDF, "--out", folder, "--format", "json,html")
    assert proc.returncode == 1, proc.stderr  # the reference has errors
    written = ["index.html"] + [f"{pdf.stem}.{ext}" for pdf in (REFERENCE_PDF, CLEAN_PDF) for ext in ("html", "json")]
    for name in written:
        assert (folder / name).is_file(), (name, proc.stdout, proc.stderr)
    return folder


def _json(folder: Path, stem: str) -> dict[str, Any]:
    return json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))


def _local(url: str) -> bool:
    return url.startswith(("file:", "data:"))


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    contexts: list[Any] = []

    def _open(path: Path, width: int = 1280, height: int = 900) -> Watched:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        w = watch(context.new_page(), _local)
        w.page.goto(path.as_uri())
        return w

    yield _open
    for context in contexts:
        context.close()


def _visible_rows(page: Any) -> int:
    return page.locator("tr.finding:visible").count()


def _shown(page: Any) -> tuple[int, str]:
    el = page.locator("#f-shown")
    return int(el.get_attribute("data-count")), el.inner_text().strip()


def _leading_int(text: str) -> int:
    match = re.match(r"\s*(\d+)", text)
    assert match, text
    return int(match.group(1))


def _row_text(f: dict[str, Any], lang: str) -> str:
    """A finding's row text as report.html.j2 shows it, near enough for the needles searched
    here (money left unformatted; the row number and column label left out)."""
    loc = f["location"]
    parts = [
        t(f"severity.{f['severity']}", lang),
        f["rule"],
        f.get("title") or "",
        f["message"],
        loc.get("row") or "",
        str(loc.get("page") or "-"),
        loc.get("table") or t("col.narrative", lang),
        loc.get("code") or "-",
        f.get("expected") or "",
        f.get("actual") or "",
    ]
    return "\n".join(parts).lower()


@pytest.mark.samples
@pytest.mark.slow
def test_report_counts_match_the_json(out: Path, open_page: Any) -> None:
    report = _json(out, "randuagung-2024")
    w = open_page(out / "randuagung-2024.html")
    page = w.page
    total = len(report["findings"])
    assert total > 0

    for sev in SEVERITIES:
        span = page.locator(f'.counts span[data-severity="{sev}"]')
        assert int(span.get_attribute("data-count")) == report["summary"][sev]
        assert _leading_int(span.inner_text()) == report["summary"][sev]

    assert page.locator("tr.finding").count() == total
    assert _visible_rows(page) == total
    assert _shown(page) == (total, f"{total} / {total}")

    per_category: dict[str, int] = {}
    for f in report["findings"]:
        per_category[f["category"]] = per_category.get(f["category"], 0) + 1
    headings = [h.strip() for h in page.locator("h3").all_inner_texts()]
    assert sorted(headings) == sorted(f"{t('category.' + c, 'id')} ({n})" for c, n in per_category.items())
    # Each category's table holds exactly its own findings.
    for c, n in per_category.items():
        assert page.locator(f'tr.finding[data-category="{c}"]').count() == n

    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "screenshot-report.png"), full_page=True)
    w.assert_clean()


@pytest.mark.samples
def test_severity_and_category_filters(out: Path, open_page: Any) -> None:
    report = _json(out, "randuagung-2024")
    w = open_page(out / "randuagung-2024.html")
    page = w.page
    total = len(report["findings"])

    for sev in ("warning", "info"):
        page.locator(f'input.f-sev[value="{sev}"]').uncheck()
    errors = report["summary"]["error"]
    assert _visible_rows(page) == errors
    assert _shown(page) == (errors, f"{errors} / {total}")
    assert page.locator('tr.finding:visible:not([data-severity="error"])').count() == 0
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "screenshot-report-filtered.png"))

    for sev in ("warning", "info"):
        page.locator(f'input.f-sev[value="{sev}"]').check()
    assert _visible_rows(page) == total and _shown(page)[0] == total

    category = "nomenclature"
    n = sum(1 for f in report["findings"] if f["category"] == category)
    assert 0 < n < total
    page.locator(f'input.f-cat[value="{category}"]').uncheck()
    assert _visible_rows(page) == total - n
    assert _shown(page)[0] == total - n
    assert page.locator(f'tr.finding[data-category="{category}"]:visible').count() == 0
    # Severity and category combine.
    page.locator('input.f-sev[value="error"]').uncheck()
    both = sum(1 for f in report["findings"] if f["category"] != category and f["severity"] != "error")
    assert _visible_rows(page) == both == _shown(page)[0]
    page.locator('input.f-sev[value="error"]').check()
    page.locator(f'input.f-cat[value="{category}"]').check()
    assert _visible_rows(page) == total
    w.assert_clean()


@pytest.mark.samples
def test_search_box(out: Path, open_page: Any) -> None:
    report = _json(out, "randuagung-2024")
    w = open_page(out / "randuagung-2024.html")
    page = w.page
    total = len(report["findings"])

    code = "7.01.01.2.09.06"
    assert any(f["location"]["code"] == code for f in report["findings"])
    expected = sum(1 for f in report["findings"] if code in _row_text(f, "id"))
    page.locator("#f-text").fill(code)
    visible = page.locator("tr.finding:visible")
    assert visible.count() == expected == _shown(page)[0]
    assert all(code in text for text in visible.all_inner_texts())

    # Case-insensitive, over the words of the message too.
    word = "PENDAHULUAN"
    expected = sum(1 for f in report["findings"] if word.lower() in _row_text(f, "id"))
    assert expected > 0
    page.locator("#f-text").fill(word.swapcase())
    assert _visible_rows(page) == expected

    page.locator("#f-text").fill("")
    assert _visible_rows(page) == total and _shown(page)[0] == total
    w.assert_clean()


@pytest.mark.samples
def test_finding_detail_shows_its_crop(out: Path, open_page: Any) -> None:
    w = open_page(out / "randuagung-2024.html")
    page = w.page
    detail = page.locator("tr.detail:has(img)").first
    img = detail.locator("img")
    assert not img.is_visible()  # closed until asked for
    detail.locator("summary").click()
    img.wait_for(state="visible")
    natural = img.evaluate("i => [i.complete, i.naturalWidth, i.naturalHeight]")
    assert natural[0] and natural[1] > 0 and natural[2] > 0
    box = img.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0
    detail.scroll_into_view_if_needed()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "screenshot-report-detail.png"))
    w.assert_clean()


@pytest.mark.samples
def test_report_fits_the_window_width(out: Path, open_page: Any) -> None:
    """No sideways scrolling on a laptop screen, even with every crop open."""
    w = open_page(out / "randuagung-2024.html", width=1280)
    page = w.page
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    too_wide = page.evaluate(
        """() => Array.from(document.querySelectorAll('table.findings'))
             .filter(t => t.getBoundingClientRect().right > document.documentElement.clientWidth)
             .map(t => t.previousElementSibling.textContent.trim())"""
    )
    assert too_wide == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    w.assert_clean()


@pytest.mark.samples
def test_report_prints_to_pdf(out: Path, open_page: Any, tmp_path: Path) -> None:
    from pypdf import PdfReader

    w = open_page(out / "randuagung-2024.html")
    page = w.page
    # What is opened on screen is printed: one crop opened -> one picture on paper.
    page.locator("tr.detail:has(img) summary").first.click()
    target = tmp_path / "report.pdf"
    page.pdf(path=str(target), format="A4", prefer_css_page_size=True, print_background=True)
    pdf = PdfReader(target)
    assert len(pdf.pages) > 1
    assert t("report.title", "id") in pdf.pages[0].extract_text()
    text = "".join(p.extract_text() for p in pdf.pages)
    assert text.count(t("report.show_place", "id")) == 0  # the toggles are screen-only
    assert sum(len(p.images) for p in pdf.pages) == 1
    SHOTS.mkdir(exist_ok=True)
    shutil.copyfile(target, SHOTS / "print-report.pdf")
    w.assert_clean()


@pytest.mark.samples
def test_index_sorts_and_links(out: Path, open_page: Any) -> None:
    reports = {stem: _json(out, stem) for stem in ("randuagung-2024", "sukodono-2024")}
    w = open_page(out / "index.html")
    page = w.page
    rows = page.locator("#documents tbody tr")
    assert rows.count() == 2

    heads = [h.strip() for h in page.locator("#documents thead th").all_inner_texts()]
    columns = {sev: heads.index(t(f"severity.{sev}", "id").capitalize()) for sev in SEVERITIES}

    def order() -> list[str]:
        links = page.locator("#documents tbody tr td:first-child a")
        return [Path(href).stem for href in links.evaluate_all("links => links.map(a => a.getAttribute('href'))")]

    for i in range(rows.count()):
        row = rows.nth(i)
        stem = Path(row.locator("a").get_attribute("href")).stem
        cells = row.locator("td")
        for sev, col in columns.items():
            assert int(cells.nth(col).inner_text()) == reports[stem]["summary"][sev], (stem, sev)

    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "screenshot-index.png"), full_page=True)

    button = page.locator("#documents thead th").nth(columns["error"]).locator("button")
    seen: list[list[str]] = []
    for _ in range(2):
        button.click()
        direction = page.locator("#documents thead th").nth(columns["error"]).get_attribute("aria-sort")
        now = order()
        errors = [reports[stem]["summary"]["error"] for stem in now]
        assert errors == sorted(errors, reverse=direction == "descending"), (direction, now)
        seen.append(now)
    assert seen[1] == seen[0][::-1]  # the second click reverses
    assert {seen[0][0], seen[1][0]} == {"randuagung-2024", "sukodono-2024"}

    page.locator('a[href="randuagung-2024.html"]').click()
    page.wait_for_url("**/randuagung-2024.html")
    assert page.locator("h1").inner_text().strip() == t("report.title", "id")
    assert reports["randuagung-2024"]["document"]["unit"] in page.title()
    assert page.locator("tr.finding").count() == len(reports["randuagung-2024"]["findings"])
    w.assert_clean()


@pytest.mark.samples
def test_english_report(audit: Any, open_page: Any) -> None:
    _, report, folder = audit(REFERENCE_PDF, "en")
    w = open_page(folder / f"{REFERENCE_PDF.stem}.html")
    page = w.page
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().strip() == "Renja Audit Report"
    for sev in SEVERITIES:
        text = page.locator(f'.counts span[data-severity="{sev}"]').inner_text()
        assert _leading_int(text) == report["summary"][sev]
        assert sev in text and t(f"severity.{sev}", "id") not in text
    labels = [s.strip() for s in page.locator("#filters label").all_inner_texts()]
    assert {"error", "warning", "info", "Nomenclature", "Narrative"} <= set(labels)
    assert page.locator("#f-text").get_attribute("placeholder") == t("report.search_hint", "en")

    page.locator('input.f-sev[value="error"]').uncheck()
    rest = report["summary"]["warning"] + report["summary"]["info"]
    assert _visible_rows(page) == rest == _shown(page)[0]
    phrase = "achievement rate"  # TOT-012, a warning, worded in English
    page.locator("#f-text").fill(phrase)
    expected = sum(1 for f in report["findings"] if f["severity"] != "error" and phrase in _row_text(f, "en"))
    assert expected > 0
    assert _visible_rows(page) == expected
    w.assert_clean()


def test_offline_guard_catches_external_requests(open_page: Any, tmp_path: Path) -> None:
    """The guard the other tests rely on does notice a page that reaches out."""
    page_file = tmp_path / "leaky.html"
    page_file.write_text('<!DOCTYPE html><img src="https://example.invalid/x.png">', encoding="utf-8")
    w = open_page(page_file)
    w.page.wait_for_load_state("load")
    assert any(url.startswith("https://example.invalid/") for url in w.external)
    with pytest.raises(AssertionError):
        w.assert_clean()


@pytest.mark.samples
@pytest.mark.cli
def test_grouped_findings_and_the_revision_banner(out: Path, tmp_path: Path, open_page: Any) -> None:
    revised = SAMPLES / "pdf" / "parakan-2026-revised.pdf"
    earlier = ROOT / "tests" / "expected" / "parakan-2026-defects.pdf.json"
    proc = run_cli("check", revised, "--baseline", earlier, "--out", tmp_path, "--format", "json,html")
    assert proc.returncode == 1, proc.stderr
    report = _json(tmp_path, revised.stem)
    w = open_page(tmp_path / f"{revised.stem}.html")
    page = w.page
    banner = page.locator("p.verdict.revision")
    assert banner.is_visible()
    counts = report["revision"]
    assert banner.inner_text().startswith(
        f"sejak versi sebelumnya: {counts['fixed']} diperbaiki, {counts['new']} baru, {counts['open']} masih ada"
    )
    assert page.locator("span.status.new:visible").count() == counts["new"]
    assert page.locator("tr.fixed-finding:visible").count() == counts["fixed"]
    grouped = page.locator("p.grouped")
    assert grouped.inner_text() == f"{len(report['findings'])} temuan dalam {len(report['groups'])} kelompok"
    page.screenshot(path=str(SHOTS / "revision.png"), full_page=False)
    w.assert_clean()

    groups = _json(out, "randuagung-2024")["groups"]
    w = open_page(out / "randuagung-2024.html")
    page = w.page
    repeated = [g for g in groups if g["count"] > 1]
    assert page.locator("tr.group").count() == len(repeated)
    biggest = max(repeated, key=lambda g: g["count"])
    row = page.locator(f"tr.group#{biggest['id']}")
    places = row.locator("ol.places li")
    assert places.count() == biggest["count"] and not places.first.is_visible()
    row.locator("summary").click()
    assert places.first.is_visible()
    places.first.locator("a").click()  # to the finding itself
    assert page.url.endswith(f"#f{biggest['findings'][0] - 1}")
    row.screenshot(path=str(SHOTS / "groups.png"))
    w.assert_clean()
