"""What every child process the auditor forks or starts does first."""

from __future__ import annotations

import signal


def die_with_parent() -> None:
    """Linux: if the process that started this one is killed (a batch stopped, an audit past
    its timeout), this one stops too instead of running on unseen."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
