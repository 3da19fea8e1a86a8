"""`renja-audit serve` in a real browser: upload, progress, inline report, downloads, refusals.

Drives the system's Chromium through Playwright against a uvicorn server running in a
background thread (never a downloaded browser; without Chromium the module is skipped,
except under CI, where that is a failure). Screenshots go to ``reports/`` for review.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REFERENCE_PDF, REPAIRED_PDF, ROOT, SAMPLES
from system_tools import Watched, browser, chromium, watch  # noqa: F401  (browser, chromium: fixtures)
from web_server import cli_json, live_server

from auditor.web.settings import Settings
from auditor.web.texts import text
from auditor.web.upload import megabytes

pytestmark = pytest.mark.browser

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

REFERENCE_DOCX = SAMPLES / "pdf" / "randuagung-2024.docx"
SHOTS = ROOT / "reports"
AUDIT_MS = 300_000  # generous for a busy machine; a stuck job fails, it never passes
SEVERITIES = ("error", "warning", "info")
TOKEN = "rahasia-kantor-123"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with live_server(Settings(jobs=2, storage_parent=tmp_path_factory.mktemp("store"))) as (url, _):
        yield url


@pytest.fixture(scope="module")
def small_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server that takes uploads of 1 MB at most."""
    with live_server(Settings(max_upload_mb=1, storage_parent=tmp_path_factory.mktemp("small"))) as (url, _):
        yield url


@pytest.fixture(scope="module")
def token_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server that wants the access token TOKEN."""
    with live_server(Settings(token=TOKEN, storage_parent=tmp_path_factory.mktemp("token"))) as (url, _):
        yield url


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The CLI's JSON report of a sample, computed once per sample."""
    cache: dict[Path, dict[str, Any]] = {}

    def get(source: Path) -> dict[str, Any]:
        if source not in cache:
            cache[source] = json.loads(cli_json(source, tmp_path_factory.mktemp(source.stem.replace(".", "-"))))
        return cache[source]

    return get


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    contexts: list[Any] = []

    def _open(base: str, path: str = "/", width: int = 1280, height: int = 900) -> Watched:
        context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
        contexts.append(context)

        def local(url: str) -> bool:
            return url.startswith((base + "/", "data:", "about:", "blob:"))

        w = watch(context.new_page(), local)
        w.page.goto(base + path)
        return w

    yield _open
    for context in contexts:
        context.close()


def _submit(page: Any, source: Path) -> None:
    page.set_input_files("#file", str(source))
    assert source.name in page.locator("#chosen").inner_text()
    page.locator("#submit").click()


def _wait_result(page: Any) -> None:
    """Until the result shows and its report (several MB with the page pictures) has loaded."""
    page.locator("#result").wait_for(state="visible", timeout=AUDIT_MS)
    page.wait_for_function("document.getElementById('report').getAttribute('src')")
    page.locator("#report").element_handle().content_frame().wait_for_load_state("load", timeout=AUDIT_MS)


def _chips(page: Any) -> dict[str, int]:
    return {
        s: int(page.locator(f'#result-counts [data-severity="{s}"]').get_attribute("data-count")) for s in SEVERITIES
    }


def _inline_counts(page: Any) -> dict[str, int]:
    frame = page.frame_locator("#report")
    return {s: int(frame.locator(f'.counts span[data-severity="{s}"]').get_attribute("data-count")) for s in SEVERITIES}


def _check_report(page: Any, report: dict[str, Any]) -> None:
    """The page's counts and the inline report's equal the CLI's JSON."""
    assert _chips(page) == report["summary"]
    assert _inline_counts(page) == report["summary"]
    assert page.frame_locator("#report").locator("tr.finding").count() == len(report["findings"])


@pytest.mark.samples
@pytest.mark.slow
def test_pdf_upload_shows_progress_report_and_downloads(
    server: str, open_page: Any, expected: Any, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    report = expected(REFERENCE_PDF)
    w = open_page(server)
    page = w.page
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.locator("h1").inner_text() == text("page.title", "id")
    assert page.locator("#rules option:checked").get_attribute("value") == "renja-permendagri86"
    _submit(page, REFERENCE_PDF)

    # While it is read: the file's name, a status from the server and the seconds so far.
    page.locator("#progress").wait_for(state="visible")
    page.wait_for_function("document.getElementById('progress-name').textContent.length > 0")
    statuses = {text(f"page.{s}", "id") for s in ("uploading", "queued", "reading")}
    status = page.locator("#progress-status").inner_text()
    assert any(status.startswith(s) for s in statuses), status
    assert re.fullmatch(r"\d+ detik", page.locator("#progress-elapsed").inner_text())

    _wait_result(page)
    assert page.locator("#result-name").inner_text() == REFERENCE_PDF.name
    _check_report(page, report)
    assert page.locator("#report").get_attribute("sandbox") == "allow-scripts allow-popups"
    assert re.search(r"#job=[\w-]{32}$", page.url)

    with page.expect_download() as info:
        page.locator("#dl-xlsx").click()
    download = info.value
    assert download.suggested_filename == "randuagung-2024.xlsx"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    findings = load_workbook(target)["findings"]
    assert findings.max_row - 1 == len(report["findings"])

    with page.expect_download() as info:
        page.locator("#dl-json").click()
    info.value.save_as(tmp_path / "report.json")
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8")) == report
    assert page.locator("#dl-pdf").is_visible()
    assert page.locator("#dl-pdf").get_attribute("href").endswith("/report.pdf")

    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "web-report.png"))

    # A reload, and the switch to English, come back to the same finished job.
    page.reload()
    _wait_result(page)
    assert _chips(page) == report["summary"]
    page.locator("#lang-switch").click()
    page.wait_for_load_state()
    _wait_result(page)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#dl-pdf").inner_text() == text("page.dl_pdf", "en")
    assert page.locator('#result-counts [data-severity="error"]').inner_text() == f"{report['summary']['error']} errors"

    # Deleting it now: the page goes back to the form, the job is gone from the server.
    job_id = page.url.rsplit("#job=", 1)[1]
    page.locator("#delete").click()
    page.locator("#deleted").wait_for(state="visible")
    assert page.locator("#upload").is_visible()
    gone = page.request.get(f"{server}/api/jobs/{job_id}")
    assert gone.status == 404
    w.assert_clean()


@pytest.mark.samples
@pytest.mark.slow
def test_docx_upload_shows_the_report(server: str, open_page: Any, expected: Any) -> None:
    report = expected(REFERENCE_DOCX)
    w = open_page(server)
    _submit(w.page, REFERENCE_DOCX)
    _wait_result(w.page)
    assert w.page.locator("#result-name").inner_text() == REFERENCE_DOCX.name
    _check_report(w.page, report)
    w.assert_clean()


@pytest.mark.samples
@pytest.mark.slow
def test_reference_files_go_with_the_upload(server: str, open_page: Any, tmp_path: Path) -> None:
    """RKPD/Renstra/pagu files chosen beside the document: the report compares with them,
    like `check --reference`, and shows the Renja | RKPD | Renstra table."""
    ref = SAMPLES / "reference"
    files = (
        ref / "lumajang-2024-rkpd-defects.xlsx",
        ref / "lumajang-2024-renstra-defects.xlsx",
        ref / "lumajang-2024-pagu.csv",
    )
    report = json.loads(cli_json(REPAIRED_PDF, tmp_path / "cli", references=files))
    ref_rules = sorted({f["rule"] for f in report["findings"] if f["rule"].startswith("REF-")})
    assert "REF-003" in ref_rules  # the injected pagu above the RKPD ceiling
    w = open_page(server)
    page = w.page
    page.set_input_files("#reference", [str(f) for f in files])
    _submit(page, REPAIRED_PDF)
    _wait_result(page)
    _check_report(page, report)
    frame = page.frame_locator("#report")
    for rule in ref_rules:
        assert frame.locator("tr.finding", has_text=rule).count() >= 1, rule
    assert frame.locator("table.comparison td.diff").count() >= 1
    SHOTS.mkdir(exist_ok=True)
    frame.locator("#comparison").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "web-reference.png"))
    w.assert_clean()


@pytest.mark.samples
def test_the_previous_versions_report_goes_with_the_upload(server: str, open_page: Any) -> None:
    """The JSON report of the previous draft chosen beside the document: the report opens with
    what was fixed, what is new and what is still open."""
    revised = SAMPLES / "pdf" / "parakan-2026-revised.pdf"
    earlier = Path(__file__).resolve().parent / "expected" / "parakan-2026-defects.pdf.json"
    w = open_page(server)
    page = w.page
    page.set_input_files("#baseline", str(earlier))
    _submit(page, revised)
    _wait_result(page)
    banner = page.frame_locator("#report").locator("p.verdict.revision")
    assert banner.inner_text().startswith("sejak versi sebelumnya: 11 diperbaiki, 3 baru, 10 masih ada")
    assert "parakan-2026-defects.pdf.json" in banner.inner_text()
    w.assert_clean()


def test_two_uploads_at_once_both_finish(server: str, open_page: Any, expected: Any) -> None:
    report = expected(REFERENCE_PDF)
    pages = [open_page(server), open_page(server)]
    for w in pages:
        _submit(w.page, REFERENCE_PDF)
    for w in pages:
        _wait_result(w.page)
        _check_report(w.page, report)
        w.assert_clean()
    ids = {w.page.url.rsplit("#job=", 1)[1] for w in pages}
    assert len(ids) == 2  # two jobs, neither sees the other's


def test_refusals_are_shown_in_the_chosen_language(small_server: str, open_page: Any, tmp_path: Path) -> None:
    w = open_page(small_server, "/?lang=en")
    page = w.page
    page.goto(small_server + "/")  # English is remembered
    assert page.locator("html").get_attribute("lang") == "en"

    fake = tmp_path / "renja-2025.pdf"
    fake.write_text("Ini catatan rapat, bukan PDF.\n" * 20, encoding="utf-8")
    _submit(page, fake)
    message = page.locator("#message")
    message.wait_for(state="visible")
    expected_en = text("err.not_pdf", "en", name=fake.name, what=text("err.plain_text", "en"))
    assert message.inner_text() == expected_en
    assert page.locator("#upload").is_visible()  # the form is back for another try

    big = tmp_path / "besar.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024))
    page.set_input_files("#file", str(big))
    too_big_en = text(
        "err.too_big", "en", size=text("err.size", "en", mb=megabytes(big.stat().st_size, "en")), limit="1"
    )
    assert message.inner_text() == too_big_en  # said before anything is sent
    assert page.locator("#submit").is_disabled()
    # Sent anyway (as an old page would), the server refuses it with the same words.
    page.evaluate("document.getElementById('submit').disabled = false")
    with page.expect_response("**/api/jobs") as answer:
        page.locator("#submit").click()
    assert answer.value.status == 413
    page.wait_for_function("document.getElementById('message').textContent.startsWith('The file is too large (3')")

    page.goto(small_server + "/?lang=id")
    _submit(page, fake)
    page.locator("#message").wait_for(state="visible")
    expected_id = text("err.not_pdf", "id", name=fake.name, what=text("err.plain_text", "id"))
    assert page.locator("#message").inner_text() == expected_id
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "web-refusal.png"))
    w.assert_clean(refused=(413, 415))


def test_sign_in_then_drop_a_file(token_server: str, open_page: Any) -> None:
    """With a token: the sign-in form first; then the page works (its requests carry the cookie),
    and a file dropped on the box is taken like a chosen one."""
    w = open_page(token_server)
    page = w.page
    assert page.url.endswith("/login")
    assert page.locator("h1").inner_text() == text("login.title", "id")
    page.fill("#token", "salah")
    page.locator("button[type=submit]").click()
    assert page.locator("#login-error").inner_text() == text("login.wrong", "id")
    page.fill("#token", TOKEN)
    page.locator("button[type=submit]").click()
    page.locator("#upload").wait_for(state="visible")
    page.wait_for_load_state("load")  # the page's script has run and listens for the drop

    # Drag and drop: a note saved with a .pdf name, dropped on the box.
    page.evaluate(
        """() => {
            const data = new DataTransfer();
            data.items.add(new File(["Ini catatan rapat, bukan PDF.\\n"], "catatan.pdf", {type: "application/pdf"}));
            document.getElementById("drop").dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true}));
        }"""
    )
    assert page.locator("#chosen").inner_text() == "catatan.pdf (1 KB)"
    page.locator("#submit").click()
    page.locator("#message").wait_for(state="visible")
    assert page.locator("#message").inner_text() == text(
        "err.not_pdf", "id", name="catatan.pdf", what=text("err.plain_text", "id")
    )
    page.locator("#lang-switch").click()  # still signed in in the other language
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator("form[action='/logout'] button").click()
    page.wait_for_url("**/login")
    assert page.request.get(f"{token_server}/api/profiles").status == 401
    w.assert_clean(refused=(401, 415))
