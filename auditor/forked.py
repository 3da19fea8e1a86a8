"""One piece of work shared among forks of this process, for one audit's latency.

An author waiting for a self-check, or a verifier running ``check`` on one file, leaves the
machine's other cores idle. ``forked_map`` computes the first chunk here and each other one
in a fork of this process (which has the document and everything imported already), and
hands the results back in order. A fork that dies (memory, a crash in a library) or whose
result cannot be pickled costs nothing but time: its chunk is computed here again, where
whatever went wrong is met and reported as for any document.
"""

from __future__ import annotations

import os
import pickle
import signal
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from auditor.children import die_with_parent

T = TypeVar("T")
R = TypeVar("R")


def forked_map(fn: Callable[[T], R], chunks: list[T]) -> list[R]:
    """``[fn(chunk) for chunk in chunks]``, the chunks after the first computed in forks."""
    if len(chunks) < 2 or not hasattr(os, "fork"):
        return [fn(chunk) for chunk in chunks]
    with tempfile.TemporaryDirectory(prefix="renja-forked-") as tmp:
        children = [
            (_fork(fn, chunk, Path(tmp) / f"{i}.pickle"), Path(tmp) / f"{i}.pickle")
            for i, chunk in enumerate(chunks[1:], start=1)
        ]
        waiting = list(children)
        try:
            results = [fn(chunks[0])]
            for (pid, path), chunk in zip(children, chunks[1:], strict=True):
                _, status = os.waitpid(pid, 0)
                waiting.pop(0)
                if os.waitstatus_to_exitcode(status) == 0 and path.is_file():
                    results.append(pickle.loads(path.read_bytes()))
                else:
                    results.append(fn(chunk))
            return results
        finally:
            _stop(waiting)  # after a failure here: no fork runs on unseen


def _fork(fn: Callable[[T], R], chunk: T, result: Path) -> int:
    pid = os.fork()
    if pid:
        return pid
    code = 1  # the child: it never returns into the caller's code
    try:
        die_with_parent()
        partial = result.with_suffix(".partial")
        partial.write_bytes(pickle.dumps(fn(chunk), protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(result)
        code = 0
    except BaseException:  # the parent computes the chunk again and meets the failure itself
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
