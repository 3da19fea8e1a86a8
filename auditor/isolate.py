"""One document in its own process: a crash, a hang or a memory blow-up costs that document only.

The parent (a local pool thread or a Dask task) starts ``python -m auditor.isolate``,
sends the pickled :class:`Job` on stdin and reads the pickled result from a file. The
child caps its own address space and the parent kills it after the timeout. Both the
local pool and Dask call :func:`run_isolated`, which runs :func:`auditor.pipeline.audit_document`.
"""

from __future__ import annotations

import os
import pickle
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from auditor.extract.pdf.opening import quiet_readers
from auditor.pipeline import DocResult, JobOptions, audit_document, debug_page, extract_model, memory_texts
from auditor.rules.ruleset import RuleSet

TIMEOUT = 600.0  # seconds for one document, by default, in every command
MEMORY_MB = 3072  # address-space cap of the child process, by default, in every command


@dataclass(frozen=True)
class Job:
    path: str
    ruleset: RuleSet | None
    options: JobOptions
    extraction_cache: str | None = None
    timeout: float = TIMEOUT
    memory_mb: int = MEMORY_MB
    cwd: str | None = None  # the child's working folder: a relative ``path`` is read, and reported, from there
    # What the child does with the file: "audit" (check, batch, serve), "extract" (the
    # model as ``format``: json/csv) or "debug-page" (``page`` drawn as PNG).
    task: str = "audit"
    format: str = "json"
    page: int = 1


def run_job(job: Job) -> DocResult:
    """The pure per-document function: path + rule set -> result (no isolation)."""
    path = Path(job.path)
    if job.task == "extract":
        return extract_model(path, job.options.extractor, job.options.ocr, job.format)
    if job.task == "debug-page":
        return debug_page(path, job.page, job.options.extractor, job.options.ocr)
    if job.ruleset is None:
        raise ValueError("an audit job needs a rule set")
    cache = Path(job.extraction_cache) if job.extraction_cache else None
    return audit_document(path, job.ruleset, job.options, cache)


def _failure(job: Job, start: float, kind: str, id_text: str, en_text: str) -> DocResult:
    return DocResult(
        path=job.path,
        status="failed",
        seconds=time.perf_counter() - start,
        failure={"kind": kind, "id": id_text, "en": en_text},
    )


def run_isolated(job: Job) -> DocResult:
    """Run :func:`run_job` in a child process; every way it can die becomes a failure result."""
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="renja-audit-") as tmp:
        result_file = Path(tmp) / "result.pickle"
        # -P: the current folder (maybe the archive being audited) is not put on the child's
        # import path, so a "signal.py" there is never imported; the package's own folder is.
        cmd = [sys.executable, "-P", "-m", "auditor.isolate", str(result_file), str(job.memory_mb)]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [_PACKAGE_ROOT, os.environ.get("PYTHONPATH")]))}
        try:
            proc = subprocess.run(
                cmd,
                input=pickle.dumps(job),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                timeout=job.timeout,
                check=False,
                env=env,
            )
        except subprocess.TimeoutExpired:
            return _failure(
                job,
                start,
                "timeout",
                f"Pemeriksaan {job.path} dihentikan: melebihi batas waktu {job.timeout:g} detik.",
                f"Audit of {job.path} stopped: it took longer than {job.timeout:g} seconds.",
            )
        if proc.returncode == 0 and result_file.is_file():
            result: DocResult = pickle.loads(result_file.read_bytes())
            if result.failure and result.failure["kind"] == "memory":  # say which cap it ran into
                result.failure = _failure(job, start, "memory", *memory_texts(job.path, job.memory_mb)).failure
            return result
        if proc.returncode < 0 and -proc.returncode in (signal.SIGKILL, signal.SIGSEGV, signal.SIGABRT):
            how = signal.Signals(-proc.returncode).name
        else:
            how = f"exit {proc.returncode}"
        stderr = proc.stderr.decode("utf-8", "replace")
        if _MEMORY_SIGNS.search(stderr):
            return _failure(job, start, "memory", *memory_texts(job.path, job.memory_mb))
        tail = stderr.strip().splitlines()[-1:] or [""]
        return _failure(
            job,
            start,
            "crash",
            f"Proses pemeriksaan {job.path} berhenti tiba-tiba ({how}; kemungkinan memori melebihi "
            f"{job.memory_mb} MB atau PDF merusak pustaka pembaca). {tail[0]}".strip(),
            f"The process auditing {job.path} died ({how}; memory over {job.memory_mb} MB or a PDF "
            f"that breaks the reader library). {tail[0]}".strip(),
        )


_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])
# What a process that ran out of its address space leaves on stderr (C++ and C libraries, Python).
_MEMORY_SIGNS = re.compile(r"bad_alloc|MemoryError|Cannot allocate memory|out of memory", re.IGNORECASE)


def _die_with_parent() -> None:
    """Linux: if the batch is killed, its children stop too instead of running on unseen."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _child(result_file: str, memory_mb: int) -> int:
    _die_with_parent()
    # pdfium's library is mapped before the cap: the cap is for the document, and a library
    # that cannot be mapped under it would look like a broken file.
    import pypdfium2  # noqa: F401

    limit = memory_mb * 1024 * 1024
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        pass  # a hard limit below ours already applies
    quiet_readers()
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
