"""Where uploads and reports live: one private folder, one sub-folder per job id."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import tempfile
from pathlib import Path

ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{32}$")  # what token_urlsafe(24) gives


def new_id() -> str:
    """192 random bits: an id nobody can guess or enumerate."""
    return secrets.token_urlsafe(24)


class Storage:
    """A folder only this user account can open (0700), removed as a whole on close."""

    def __init__(self, parent: Path | None = None) -> None:
        if parent is not None:
            parent.mkdir(parents=True, exist_ok=True)
        self.root = Path(tempfile.mkdtemp(prefix="renja-audit-web-", dir=parent))  # mkdtemp makes it 0700
        os.chmod(self.root, 0o700)

    def folder(self, job_id: str) -> Path:
        if not ID_PATTERN.match(job_id):  # never build a path from anything else
            raise ValueError(f"not a job id: {job_id!r}")
        return self.root / job_id

    def create(self, job_id: str) -> Path:
        folder = self.folder(job_id)
        folder.mkdir(mode=0o700)
        return folder

    def remove(self, job_id: str) -> None:
        shutil.rmtree(self.folder(job_id), ignore_errors=True)

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
