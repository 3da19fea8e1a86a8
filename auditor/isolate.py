"""One document in its own process: a crash, a hang or a memory blow-up costs that document only.

The parent (a local pool thread or a Dask task) forks itself, or, where a fork would not
leave the document its room under the memory cap, starts ``python -m auditor.isolate`` and
hands it the pickled :class:`Job` in a file; it reads the pickled result from a file. The
child caps its own address space and the parent kills it after the timeout. Both the
local pool and Dask call :func:`run_isolated`, which runs :func:`auditor.pipeline.audit_document`.
"""

from __future__ import annotations

import gc
import os
import pickle
import re
import resource
import select
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from auditor.children import die_with_parent
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
        err_path = Path(tmp) / "stderr"
        err = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            if forkable(job.memory_mb):
                pid = _fork(job, result_file, err)
            else:
                pid = _start(job, result_file, err, Path(tmp) / "job.pickle")
        finally:
            os.close(err)
        ended = _wait(pid, job.timeout)
        if ended is None:
            return _failure(
                job,
                start,
                "timeout",
                f"Pemeriksaan {job.path} dihentikan: melebihi batas waktu {job.timeout:g} detik.",
                f"Audit of {job.path} stopped: it took longer than {job.timeout:g} seconds.",
            )
        returncode, peak_kb = ended
        if returncode == 0 and result_file.is_file():
            result: DocResult = pickle.loads(result_file.read_bytes())
            if result.failure and result.failure["kind"] == "memory":  # say which cap it ran into
                result.failure = _failure(job, start, "memory", *memory_texts(job.path, job.memory_mb)).failure
            return result
        if returncode < 0 and -returncode in (signal.SIGKILL, signal.SIGSEGV, signal.SIGABRT):
            how = signal.Signals(-returncode).name
        else:
            how = f"exit {returncode}"
        stderr = err_path.read_bytes()[-64 * 1024 :].decode("utf-8", "replace")
        # pdfium aborts when an allocation fails, saying nothing, and an interpreter short of
        # memory while importing may fail with a SystemError: a death with most of the cap in
        # use is the cap.
        near_cap = peak_kb >= NEAR_CAP * job.memory_mb * 1024
        if _MEMORY_SIGNS.search(stderr) or near_cap:
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


GC_THRESHOLDS = (50_000, 20, 20)  # allocations between young collections, and the older ones' rhythm
NEAR_CAP = 0.6  # peak resident memory, as a share of the address-space cap, that counts as reaching it


def _start(job: Job, result_file: Path, err: int, job_file: Path) -> int:
    """The child as a new interpreter (``python -m auditor.isolate``), the job pickled in a file."""
    job_file.write_bytes(pickle.dumps(job))
    # -P: the current folder (maybe the archive being audited) is not put on the child's
    # import path, so a "signal.py" there is never imported; the package's own folder is.
    cmd = [sys.executable, "-P", "-m", "auditor.isolate", str(job_file), str(result_file), str(job.memory_mb)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [_PACKAGE_ROOT, os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err, env=env)
    proc.returncode = 0  # reaped by _wait, not by Popen
    return proc.pid


# Forking needs this much address space left under the cap beyond what this process already
# maps (a fork starts at its parent's size, a new interpreter at ~30 MB).
FORK_HEADROOM_MB = 1024


def forkable(memory_mb: int) -> bool:
    """Whether the child can be a fork of this process: it then needs no interpreter start and
    no imports (0.7 s a document). Only where fork exists, and where this process is small
    enough that the document keeps its room under the address-space cap; a large parent
    (a Dask worker, say) or a small cap starts a new interpreter instead."""
    if not hasattr(os, "fork") or os.environ.get("RENJA_AUDIT_NO_FORK"):
        return False
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return False
    size = re.search(r"^VmSize:\s*(\d+) kB", status, re.MULTILINE)
    return size is not None and int(size.group(1)) // 1024 + FORK_HEADROOM_MB <= memory_mb


def _fork(job: Job, result_file: Path, err: int) -> int:
    """The child as a fork of this process, which has imported everything already."""
    pid = os.fork()
    if pid:
        return pid
    code = 70  # the child: it never returns into the caller's code
    try:
        os.dup2(err, 2)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        code = _child_work(job, str(result_file), job.memory_mb)
    except BaseException as exc:  # a bug in the child: its last line is the crash's reason
        os.write(2, f"{type(exc).__name__}: {exc}\n".encode("utf-8", "replace"))
    finally:
        os._exit(code)


def _wait(pid: int, timeout: float) -> tuple[int, int] | None:
    """The child's exit code (-N: killed by signal N) and peak resident memory (KiB), or None
    once it was killed after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    try:
        ready: int | None = os.pidfd_open(pid)
    except (AttributeError, OSError):
        ready = None
    try:
        while True:
            done, status, usage = os.wait4(pid, os.WNOHANG)
            if done:
                return os.waitstatus_to_exitcode(status), usage.ru_maxrss
            left = deadline - time.monotonic()
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                os.wait4(pid, 0)
                return None
            if ready is not None:
                select.select([ready], [], [], left)
            else:
                time.sleep(min(left, 0.01))
    finally:
        if ready is not None:
            os.close(ready)


_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])
# What a process that ran out of its address space leaves on stderr (C++ and C libraries, Python).
_MEMORY_SIGNS = re.compile(r"bad_alloc|MemoryError|Cannot allocate memory|out of memory", re.IGNORECASE)


def _child(job_file: str, result_file: str, memory_mb: int) -> int:
    """A new interpreter's work: the job comes pickled in ``job_file``."""
    # pdfium's library is mapped before the cap: the cap is for the document, and a library
    # that cannot be mapped under it would look like a broken file.
    import pypdfium2  # noqa: F401

    job: Job = pickle.loads(Path(job_file).read_bytes())
    return _child_work(job, result_file, memory_mb)


def _child_work(job: Job, result_file: str, memory_mb: int) -> int:
    die_with_parent()
    limit = memory_mb * 1024 * 1024
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        pass  # a hard limit below ours already applies
    quiet_readers()
    # Reading a document makes millions of short-lived dicts and tuples, and Python's cycle
    # collector would walk every live object again and again (12 % of the reading): what was
    # alive before the audit is frozen out of its walks, and it runs 70 times less often.
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    if job.cwd:
        # The job's folder is never searched for modules (a fork keeps its parent's path,
        # where "" would now mean that folder).
        sys.path[:] = [p for p in sys.path if p not in ("", ".")]
        os.chdir(job.cwd)
    result = run_job(job)
    partial = f"{result_file}.{os.getpid()}"
    with open(partial, "wb") as fh:
        pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, result_file)
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1], sys.argv[2], int(sys.argv[3])))
