"""Take docs/web.png, the README's picture of `renja-audit serve` with a finished report.

Starts the web app on a free port, uploads the reference sample in the system's Chromium
(never a downloaded browser) and photographs the page once the inline report has loaded:

    python scripts/web_screenshot.py [--lang id|en] [--out docs/web.png]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the test suite's live-server helper

from web_server import live_server  # noqa: E402

from auditor.web.settings import Settings  # noqa: E402

SAMPLE = ROOT / "samples" / "pdf" / "randuagung-2024.pdf"
WAIT_MS = 300_000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "web.png")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.stderr.write("no chromium on PATH: sh scripts/ensure_test_tools.sh\n")
        return 2
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    with (
        tempfile.TemporaryDirectory() as store,
        live_server(Settings(storage_parent=Path(store))) as (url, _),
        sync_playwright() as p,
    ):
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 1120})
        page.goto(f"{url}/?lang={args.lang}")
        page.set_input_files("#file", str(SAMPLE))
        page.locator("#submit").click()
        page.locator("#result").wait_for(state="visible", timeout=WAIT_MS)
        page.locator("#report").element_handle().content_frame().wait_for_load_state("load", timeout=WAIT_MS)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.out))
        browser.close()
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
