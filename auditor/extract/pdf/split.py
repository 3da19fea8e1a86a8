"""A document's pages read by several processes at once, for one audit's latency.

An author waiting for a self-check, or a verifier running ``check`` on one file, leaves the
machine's other cores idle: each further core reads its own stretch of the pages in a fork
of the auditing process, and the stretches are joined in page order. Each page is read on
its own (pdfplumber's page objects, pdfium's characters, OCR), so the layouts are the same
as when one process reads them all (tests/test_split.py). A batch already keeps every core
busy with its documents and reads each with one process.
"""

from __future__ import annotations

import os
import pickle
import signal
import tempfile
from collections.abc import Callable
from pathlib import Path

from auditor.children import die_with_parent
from auditor.extract.page import PageLayout

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
    with tempfile.TemporaryDirectory(prefix="renja-pages-") as tmp:
        children = [
            (_fork(part, read, Path(tmp) / f"{i}.pickle"), Path(tmp) / f"{i}.pickle")
            for i, part in enumerate(parts[1:], start=1)
        ]
        try:
            layouts, failed = read(parts[0])
        except BaseException:
            _stop(children)
            raise
        if failed is not None:
            _stop(children)
            return layouts, failed
        for n, (pid, result) in enumerate(children):
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) != 0 or not result.is_file():
                _stop(children[n + 1 :])
                # The stretch's process died (memory, a crash in a library): read it here,
                # where the failure is met and told as for any document.
                more, failed = read(parts[n + 1])
            else:
                more, failed = pickle.loads(result.read_bytes())
            layouts += more
            if failed is not None:
                _stop(children[n + 1 :])
                return layouts, failed
        return layouts, None


def _fork(part: range, read: Callable[[range], Outcome], result: Path) -> int:
    pid = os.fork()
    if pid:
        return pid
    code = 1  # the child: it never returns into the caller's code
    try:
        die_with_parent()
        outcome = read(part)
        partial = result.with_suffix(".partial")
        partial.write_bytes(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(result)
        code = 0
    except BaseException:  # the parent reads the stretch again and meets the failure itself
        pass
    finally:
        os._exit(code)


def _stop(children: list[tuple[int, Path]]) -> None:
    for pid, _ in children:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
