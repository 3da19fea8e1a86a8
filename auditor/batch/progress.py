"""Progress of a batch on stderr: documents done/total, failures, ETA.

On a terminal one line is redrawn; in a log (CI, nohup, a pipe) one line per document,
so the log stays readable.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from auditor.i18n import t


class Progress:
    def __init__(self, total: int, lang: str, stream: TextIO | None = None) -> None:
        self.total = total
        self.lang = lang
        self.stream = stream or sys.stderr
        self.done = 0
        self.failed = 0
        self.cached = 0
        self.start = time.monotonic()
        self.live = self.stream.isatty()

    def _eta(self) -> str:
        worked = self.done - self.cached
        if worked <= 0 or self.done >= self.total:
            return "-"
        per_doc = (time.monotonic() - self.start) / worked
        seconds = int(per_doc * (self.total - self.done))
        return f"{seconds // 3600:d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"

    def update(self, path: str, status: str, cached: bool = False) -> None:
        self.done += 1
        self.failed += status == "failed"
        self.cached += cached
        width = 24
        filled = width * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (width - filled)
        line = t(
            "batch.progress",
            self.lang,
            bar=bar,
            done=self.done,
            total=self.total,
            failed=self.failed,
            cached=self.cached,
            eta=self._eta(),
        )
        if self.live:
            self.stream.write("\r" + line + "\033[K")
            if self.done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(f"{line}  {path}\n")
        self.stream.flush()
