"""A document's pages read by several processes at once (auditor/forked.py).

Each further core reads its own stretch of the pages, and the stretches are joined in page
order. Each page is read on its own (pdfplumber's page objects, pdfium's characters, OCR),
so the layouts are the same as when one process reads them all (tests/test_split.py). A
batch already keeps every core busy with its documents and reads each with one process.
"""

from __future__ import annotations

from collections.abc import Callable

from auditor.extract.page import PageLayout
from auditor.forked import forked_map

MIN_PAGES_PER_WORKER = 6  # below this a fork and the pickled layouts cost more than they save
# What a stretch's reading ends with: its layouts, and the page it failed on with the
# error's name (see extract.damaged), if one did.
Outcome = tuple[list[PageLayout], tuple[int, str] | None]


def stretches(pages: int, workers: int) -> list[range]:
    """Pages 1..``pages`` cut into up to ``workers`` consecutive stretches of near-equal size."""
    workers = max(1, min(workers, pages // MIN_PAGES_PER_WORKER))
    size, extra = divmod(pages, workers)
    out: list[range] = []
    first = 1
    for i in range(workers):
        end = first + size + (1 if i < extra else 0)
        out.append(range(first, end))
        first = end
    return out


def read_split(parts: list[range], read: Callable[[range], Outcome]) -> Outcome:
    """``read`` each stretch, the first here and the others in forks of this process; the
    layouts in page order up to the first page that failed, and that failure."""
    layouts: list[PageLayout] = []
    for more, failed in forked_map(read, parts):
        layouts += more
        if failed is not None:
            return layouts, failed
    return layouts, None
