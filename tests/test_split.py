"""Reading a document's pages with several processes (extract/pdf/split.py) gives what one
process reads, and a stretch that fails or dies is told as when one process reads it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import extracted

from auditor.extract import read_layouts
from auditor.extract.page import PageLayout
from auditor.extract.pdf.split import Outcome, read_split, stretches
from auditor.pipeline import JobOptions, audit_document
from auditor.rules.ruleset import load_ruleset

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = ROOT / "tests" / "expected"


@pytest.mark.unit
def test_stretches_cover_every_page_once_in_order() -> None:
    assert stretches(35, 2) == [range(1, 19), range(19, 36)]
    assert stretches(60, 3) == [range(1, 21), range(21, 41), range(41, 61)]
    assert stretches(10, 2) == [range(1, 11)]  # too short to be worth a fork
    assert stretches(13, 4) == [range(1, 8), range(8, 14)]
    for pages in range(1, 80):
        for workers in range(1, 6):
            parts = stretches(pages, workers)
            assert [p for part in parts for p in part] == list(range(1, pages + 1))


def _layout(page: int) -> PageLayout:
    return PageLayout(page=page, width=595.0, height=842.0, tables=[], lines=[], words=[])


def _reader(fail_on: int | None = None, die_in: int | None = None, parent: int = os.getpid()):
    def read(part: range) -> Outcome:
        if die_in in part and os.getpid() != parent:
            os._exit(3)  # a stretch's process dies (a library crash, memory)
        layouts = []
        for page in part:
            if page == fail_on:
                return layouts, (page, "PDFSyntaxError")
            layouts.append(_layout(page))
        return layouts, None

    return read


@pytest.mark.unit
def test_stretches_are_joined_in_page_order_up_to_the_first_failure() -> None:
    parts = stretches(30, 3)
    layouts, failed = read_split(parts, _reader())
    assert [lay.page for lay in layouts] == list(range(1, 31)) and failed is None
    layouts, failed = read_split(parts, _reader(fail_on=17))
    assert [lay.page for lay in layouts] == list(range(1, 17)) and failed == (17, "PDFSyntaxError")
    # A stretch whose process died is read again by the parent, which meets what happens there.
    layouts, failed = read_split(parts, _reader(die_in=25))
    assert [lay.page for lay in layouts] == list(range(1, 31)) and failed is None


@pytest.mark.samples
@pytest.mark.parametrize("name", ["pdf/randuagung-2024", "archive/parakan-2026-watermark"])
def test_pages_read_by_two_processes_are_the_same(name: str) -> None:
    # The watermarked archive copy carries a "SALINAN" stamp on most pages: those pages are read again.
    pdf = ROOT / "samples" / f"{name}.pdf"
    assert read_layouts(pdf, workers=2) == read_layouts(pdf, workers=1)


@pytest.mark.samples
def test_the_report_of_a_split_reading_is_the_expected_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    document = Path("samples/pdf/parakan-2026-defects.pdf")
    result = audit_document(document, load_ruleset(), JobOptions(formats=("json",), workers=2))
    assert result.outputs["json"] == (EXPECTED / f"{document.name}.json").read_bytes()


@pytest.mark.samples
def test_rules_shared_among_processes_find_the_same() -> None:
    from auditor.rules.engine import run_rules

    doc = extracted(ROOT / "samples" / "pdf" / "randuagung-2024.pdf")
    ruleset = load_ruleset()
    alone, shared = run_rules(doc, ruleset), run_rules(doc, ruleset, workers=2)
    assert shared == alone and len(alone.findings) > 100
    assert run_rules(doc, ruleset, workers=3) == alone
