"""Tools the suite drives besides Python (the system Chromium through Playwright), and the
rule that such a tool may be missing on a developer's machine (skip) but never under CI (fail)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, NoReturn

import pytest

IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing(why: str) -> NoReturn:
    """Skip, or fail under CI where ``scripts/ensure_test_tools.sh`` must have installed it."""
    if IN_CI:
        pytest.fail(f"under CI this test must run: {why}", pytrace=False)
    pytest.skip(why)


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing("the playwright package is missing (pip install -e '.[dev]')")
    if not path:
        missing("no chromium or chromium-browser on PATH (sh scripts/ensure_test_tools.sh installs Debian's)")
    return path


@pytest.fixture(scope="module", autouse=True)
def chromium() -> str:
    """First of all in a browser module, so a missing browser skips (or fails) before slow setup."""
    return chromium_path()


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        yield b
        b.close()


@dataclass
class Watched:
    """A page that may load only what ``local`` allows and must log no errors."""

    page: Any
    external: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def assert_clean(self, refused: tuple[int, ...] = ()) -> None:
        """``refused``: HTTP statuses the test provoked, whose load failures Chromium logs as errors."""
        assert self.external == [], "the page must not reach beyond what it is allowed"
        provoked = tuple(f"status of {status} " for status in refused)
        assert [e for e in self.errors if not (provoked and any(p in e for p in provoked))] == [], "console errors"


def watch(page: Any, local: Callable[[str], bool]) -> Watched:
    """Block and record every request ``local`` refuses; record console and page errors."""
    w = Watched(page)

    def route(r: Any) -> None:
        if local(r.request.url):
            r.continue_()
        else:
            w.external.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    # Routing may not see every scheme; the request log does.
    page.on("request", lambda req: None if local(req.url) else w.external.append(req.url))
    page.on("console", lambda msg: w.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: w.errors.append(str(exc)))
    return w
