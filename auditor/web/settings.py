"""What an operator can set for ``renja-audit serve``: one frozen value shared by the app parts."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

TOKEN_ENV = "RENJA_AUDIT_TOKEN"
MB = 1024 * 1024


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8765
    token: str | None = None  # when set, every request but the login page and static files needs it
    max_upload_mb: float = 50.0
    timeout: float = 600.0  # seconds for one document's audit
    memory_mb: int = 3072  # address-space cap of each audit's child process
    jobs: int = os.cpu_count() or 1  # audits at once; more wait in the queue
    max_queued: int = 20  # waiting audits beyond this are refused (503) rather than piling up
    keep_minutes: float = 60.0  # uploads and reports are deleted this long after the audit ends
    cleanup_seconds: float = 60.0  # how often expired jobs are looked for
    storage_parent: Path | None = None  # where the private folder is made (default: system temp)

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * MB)

    @property
    def keep_seconds(self) -> float:
        return self.keep_minutes * 60.0


def is_loopback(host: str) -> bool:
    """Whether listening on ``host`` keeps the server reachable from this machine only."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve to anything


def token_from_env(explicit: str | None) -> str | None:
    """``--token`` wins over the environment; an empty value means no token."""
    value = explicit if explicit is not None else os.environ.get(TOKEN_ENV)
    if value is None:
        return None
    return value.strip() or None
