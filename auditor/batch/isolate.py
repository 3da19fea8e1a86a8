"""One document in its own process: a crash, a hang or a memory blow-up costs that document only.

The parent (a local pool thread or a Dask task) starts ``python -m auditor.batch.isolate``,
sends the pickled :class:`Job` on stdin and reads the pickled result from a file. The
child caps its own address space and the parent kills it after the timeout. Both the
local pool and Dask call :func:`run_isolated`, which runs :func:`auditor.pipeline.audit_document`.
"""

from __future__ import annotations

import os
import pickle
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from auditor.pipeline import DocResult, JobOptions, audit_document
from auditor.rules.ruleset import RuleSet


@dataclass(frozen=True)
class Job:
    path: str
    ruleset: RuleSet
    options: JobOptions
    extraction_cache: str | None = None
    timeout: float = 600.0  # seconds for one document
    memory_mb: int = 3072  # address-space cap of the child process
    cwd: str | None = None  # the child's working folder: a relative ``path`` is read, and reported, from there


def run_job(job: Job) -> DocResult:
    """The pure per-document function: path + rule set -> result (no isolation)."""
    cache = Path(job.extraction_cache) if job.extraction_cache else None
    return audit_document(Path(job.path), job.ruleset, job.options, cache)


def _failure(job: Job, start: float, kind: str, id_text: str, en_text: str) -> DocResult:
    return DocResult(
        path=job.path, status="failed", seconds=time.perf_counter() - start,
        failure={"kind": kind, "id": id_text, "en": en_text},
    )


def run_isolated(job: Job) -> DocResult:
    """Run :func:`run_job` in a child process; every way it can die becomes a failure result."""
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="renja-audit-") as tmp:
        result_file = Path(tmp) / "result.pickle"
        cmd = [sys.executable, "-m", "auditor.batch.isolate", str(result_file), str(job.memory_mb)]
        try:
            proc = subprocess.run(
                cmd, input=pickle.dumps(job), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                timeout=job.timeout, check=False,
            )
        except subprocess.TimeoutExpired:
            return _failure(
                job, start, "timeout",
                f"Pemeriksaan {job.path} dihentikan: melebihi batas waktu {job.timeout:g} detik.",
                f"Audit of {job.path} stopped: it took longer than {job.timeout:g} seconds.",
            )
        if proc.returncode == 0 and result_file.is_file():
            return pickle.loads(result_file.read_bytes())
        if proc.returncode < 0 and -proc.returncode in (signal.SIGKILL, signal.SIGSEGV, signal.SIGABRT):
            how = signal.Signals(-proc.returncode).name
        else:
            how = f"exit {proc.returncode}"
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        return _failure(
            job, start, "crash",
            f"Proses pemeriksaan {job.path} berhenti tiba-tiba ({how}; kemungkinan memori melebihi "
            f"{job.memory_mb} MB atau PDF merusak pustaka pembaca). {tail[0]}".strip(),
            f"The process auditing {job.path} died ({how}; memory over {job.memory_mb} MB or a PDF "
            f"that breaks the reader library). {tail[0]}".strip(),
        )


def _die_with_parent() -> None:
    """Linux: if the batch is killed, its children stop too instead of running on unseen."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _child(result_file: str, memory_mb: int) -> int:
    _die_with_parent()
    limit = memory_mb * 1024 * 1024
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        pass  # a hard limit below ours already applies
    job: Job = pickle.loads(sys.stdin.buffer.read())
    if job.cwd:
        os.chdir(job.cwd)  # after the imports: nothing is imported from the job's folder
    result = run_job(job)
    partial = f"{result_file}.{os.getpid()}"
    with open(partial, "wb") as fh:
        pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, result_file)
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1], int(sys.argv[2])))
