"""Test markers that stay true: each test says what it touches, and a run checks it.

Markers (pyproject.toml declares them):

* ``unit``    — no sample document, no child process: the fast loop (``make test-fast``);
* ``samples`` — reads a bundled sample document (samples/), directly or through a fixture;
* ``cli``     — starts child processes: the command line (also ``cli.main`` in process:
  every command audits in a capped child), Tesseract, LibreOffice;
* ``browser`` — drives Chromium;
* ``slow``    — one test of over ~10 s on an idle machine (with ``samples`` or ``cli``).

Every test carries at least one of unit/samples/cli/browser, or collection fails. While a
test runs (its fixtures' set-up included, also when a fixture was made for an earlier test),
what it does is watched, and a ``unit`` test that opens a sample or starts a process fails:
the fast loop stays fast. ``samples``/``cli``/``slow`` were set from a measured run:
``RENJA_TEST_ACTIVITY=FILE`` writes what each test did to FILE (JSON lines) instead of
checking. A sample read through a module's own cache counts only for the test that filled
the cache, so run ``pytest -m unit`` alone after marking a new test ``unit``.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

KINDS = ("unit", "samples", "cli", "browser")
SAMPLES = (Path(__file__).resolve().parents[1] / "samples").as_posix() + "/"
_RECORD = os.environ.get("RENJA_TEST_ACTIVITY")


class _Watch:
    """What happened since the last reset: a sample opened, a process started."""

    def __init__(self) -> None:
        self.samples = False
        self.process = False

    def reset(self) -> tuple[bool, bool]:
        seen = (self.samples, self.process)
        self.samples = self.process = False
        return seen


WATCH = _Watch()
_BY_FIXTURE: dict[str, tuple[bool, bool]] = {}


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if event == "open" and args and isinstance(args[0], str | bytes | os.PathLike):
        path = os.path.abspath(os.fsdecode(args[0]))
        if path.startswith(SAMPLES) and path.endswith((".pdf", ".docx", ".yaml")):
            WATCH.samples = True
    elif event in ("subprocess.Popen", "os.posix_spawn", "os.exec"):
        WATCH.process = True
        # A sample handed to a child (renja-audit check samples/...) is read there.
        shown = [os.fsdecode(a) for a in _flat(args) if isinstance(a, str | bytes | os.PathLike)]
        if any(SAMPLES in a or a.startswith("samples/") for a in shown):
            WATCH.samples = True


def _flat(args: Any) -> Iterator[Any]:
    for a in args:
        if isinstance(a, list | tuple):
            yield from _flat(a)
        else:
            yield a


sys.addaudithook(_hook)


def used_sample(process: bool = False) -> None:
    """Called by cached readers (conftest.extracted, the audit fixture): a cache hit opens
    nothing and starts nothing, yet the test rests on a sample (and on a process)."""
    WATCH.samples = True
    WATCH.process = WATCH.process or process


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    unmarked = [item.nodeid for item in items if not any(item.get_closest_marker(k) for k in KINDS)]
    if unmarked and not _RECORD:
        shown = "\n  ".join(unmarked[:20])
        raise pytest.UsageError(f"tests without a marker of {KINDS} (see tests/markers.py):\n  {shown}")


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef: pytest.FixtureDef[Any], request: pytest.FixtureRequest) -> Iterator[None]:
    # A fixture made once (module/session scope) counts for every test that uses it.
    before = WATCH.reset()
    try:
        return (yield)
    finally:
        samples, process = WATCH.reset()
        if samples or process:
            old = _BY_FIXTURE.get(fixturedef.argname, (False, False))
            _BY_FIXTURE[fixturedef.argname] = (old[0] or samples, old[1] or process)
        WATCH.samples, WATCH.process = WATCH.samples or before[0] or samples, WATCH.process or before[1] or process


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    WATCH.reset()  # from here to the end of its teardown, what happens is this test's
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    result = yield
    samples, process = WATCH.samples, WATCH.process
    for name in getattr(item, "fixturenames", ()):
        by_fixture = _BY_FIXTURE.get(name, (False, False))
        samples, process = samples or by_fixture[0], process or by_fixture[1]
    marks = {k for k in (*KINDS, "slow") if item.get_closest_marker(k)}
    if _RECORD:
        with open(_RECORD, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"test": item.nodeid, "samples": samples, "process": process}) + "\n")
        return result
    wrong = []
    if "unit" in marks and (samples or process):
        wrong.append(
            "marked unit, yet it "
            + " and ".join(w for w, did in (("reads a sample document", samples), ("starts a process", process)) if did)
        )
    if wrong:
        pytest.fail(f"{item.nodeid}: " + "; ".join(wrong) + " (see tests/markers.py)", pytrace=False)
    return result
