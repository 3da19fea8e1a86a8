"""Audit jobs of the web app: queued, run one per child process, kept a while, then deleted.

At most ``Settings.jobs`` audits run at once (each in :func:`run_isolated`, with its
timeout and memory cap); the others wait in a queue. A job is only found by
its id; nothing lists them.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.isolate import Job, run_isolated
from auditor.pipeline import DocResult, JobOptions, workers_per_document
from auditor.reference.data import ReferenceData
from auditor.revision import Baselines
from auditor.web.errors import WebError
from auditor.web.rulesets import Profile
from auditor.web.settings import Settings
from auditor.web.storage import Storage

log = logging.getLogger("renja_audit.web")

# Output format -> (file in the job folder, media type, suffix of the downloaded file)
OUTPUTS: dict[str, tuple[str, str, str]] = {
    "json": ("report.json", "application/json", ".json"),
    "html": ("report.html", "text/html; charset=utf-8", ".html"),
    "xlsx": ("report.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    "pdf": ("report.pdf", "application/pdf", ".annotated.pdf"),
}
PAGE_FORMATS = ("json", "html", "xlsx", "pdf")


@dataclass
class WebJob:
    id: str
    folder: Path  # the job's private folder: the reports, and the upload in a sub-folder
    upload: Path  # the saved document; its file name is what the reports call it
    profile: Profile
    lang: str
    formats: tuple[str, ...]
    created: float = field(default_factory=time.time)
    status: str = "queued"  # queued -> reading -> done | failed
    started: float | None = None
    finished: float | None = None
    summary: dict[str, int] | None = None
    document: dict[str, Any] | None = None
    failure: dict[str, str] | None = None
    outputs: tuple[str, ...] = ()  # the formats written (a .docx has no annotated PDF, say)
    reference: ReferenceData | None = None  # RKPD/Renstra data uploaded with the document
    baseline: Baselines | None = None  # the previous version's JSON report, uploaded with it
    done: Future[None] = field(default_factory=Future)  # resolved when the worker is through with it

    @property
    def name(self) -> str:
        return self.upload.name

    def output(self, fmt: str) -> Path:
        return self.folder / OUTPUTS[fmt][0]

    def elapsed(self, now: float) -> float:
        return (self.finished or now) - self.created

    def view(self, now: float, ahead: int, keep_seconds: float) -> dict[str, Any]:
        """The status the page polls and the API returns."""
        out: dict[str, Any] = {
            "id": self.id,
            "status": self.status,
            "name": self.name,
            "profile": self.profile.id,
            "lang": self.lang,
            "elapsed": round(self.elapsed(now), 1),
        }
        if self.status == "queued":
            out["ahead"] = ahead
        if self.finished is not None:
            out["expires_in"] = max(0, round(self.finished + keep_seconds - now))
        if self.status == "done":
            out["summary"] = self.summary
            out["document"] = self.document
            out["reports"] = {fmt: f"/api/jobs/{self.id}/report.{fmt}" for fmt in self.outputs}
        if self.status == "failed":
            out["failure"] = self.failure
        return out


class JobBoard:
    """The jobs in memory, their folders on disk, and the pool that runs them."""

    def __init__(self, settings: Settings, storage: Storage) -> None:
        self.settings = settings
        self.storage = storage
        self._jobs: dict[str, WebJob] = {}
        self._lock = threading.Lock()
        self._queue: queue.SimpleQueue[WebJob | None] = queue.SimpleQueue()
        # Daemon threads, not a ThreadPoolExecutor (which Python joins at exit): Ctrl+C ends the
        # server at once, and each running child dies with its thread (PR_SET_PDEATHSIG in isolate).
        for n in range(settings.jobs):
            threading.Thread(target=self._work, name=f"renja-audit-web-{n}", daemon=True).start()

    def get(self, job_id: str) -> WebJob | None:
        with self._lock:
            return self._jobs.get(job_id)

    def ahead_of(self, job: WebJob) -> int:
        """The audits a queued job waits for: those running and those queued before it."""
        with self._lock:
            return sum(
                1
                for j in self._jobs.values()
                if j.status == "reading" or (j.status == "queued" and j.created < job.created)
            )

    def submit(self, job: WebJob) -> None:
        """Queue the job, or refuse it (503) when too many are already waiting."""
        with self._lock:
            waiting = sum(1 for j in self._jobs.values() if j.status == "queued")
            if waiting >= self.settings.max_queued:
                raise WebError.of(503, "busy", headers={"Retry-After": "60"}, n=waiting)
            self._jobs[job.id] = job
        self._queue.put(job)

    def delete(self, job_id: str) -> bool:
        """Forget a job and remove its files; a running audit's results are dropped when it ends."""
        with self._lock:
            job = self._jobs.pop(job_id, None)
        if job is None:
            return False
        self.storage.remove(job_id)
        return True

    def expire(self, now: float | None = None) -> list[str]:
        """Delete every job whose audit ended more than the keep time ago."""
        now = time.time() if now is None else now
        keep = self.settings.keep_seconds
        with self._lock:
            old = [j.id for j in self._jobs.values() if j.finished is not None and j.finished + keep <= now]
        for job_id in old:
            self.delete(job_id)
        return old

    def close(self) -> None:
        """Let the workers end after their current audit; queued jobs are dropped."""
        for _ in range(self.settings.jobs):
            self._queue.put(None)

    def _work(self) -> None:
        while (job := self._queue.get()) is not None:
            try:
                self._run(job)
            except Exception:  # a bug here must not stop this worker for the jobs after it
                log.exception("job %s ended abnormally", job.id)
            finally:
                job.done.set_result(None)

    def _run(self, job: WebJob) -> None:
        with self._lock:
            if job.id not in self._jobs:  # deleted while it waited
                return
            job.status, job.started = "reading", time.time()
        try:
            # The child runs in the upload's folder and is given the bare file name, so the
            # reports name the document as uploaded, never by the server's folders.
            spec = Job(
                path=job.name,
                cwd=str(job.upload.parent),
                ruleset=job.profile.ruleset,
                options=JobOptions(
                    formats=job.formats,
                    lang=job.lang,
                    reference=job.reference,
                    baseline=job.baseline,
                    workers=workers_per_document(self.settings.jobs),
                ),
                timeout=self.settings.timeout,
                memory_mb=self.settings.memory_mb,
            )
            result = run_isolated(spec)
        except Exception as exc:  # the isolation itself failed (no process could start): still an answer
            log.exception("audit of job %s could not run", job.id)
            result = _failed(
                job,
                "internal",
                f"Pemeriksaan tidak dapat dijalankan ({type(exc).__name__}); mohon laporkan.",
                f"The audit could not be started ({type(exc).__name__}); please report it.",
            )
        self._finish(job, result)

    def _finish(self, job: WebJob, result: DocResult) -> None:
        job.upload.unlink(missing_ok=True)  # the document is not needed once read
        written: list[str] = []
        try:
            for fmt, content in result.outputs.items():
                if fmt in OUTPUTS:
                    job.output(fmt).write_bytes(content)
                    written.append(fmt)
        except OSError as exc:  # a full disk, or the job was deleted meanwhile
            result = _failed(
                job,
                "io",
                f"Laporan tidak dapat disimpan di server ({exc.strerror}).",
                f"The reports could not be stored on the server ({exc.strerror}).",
            )
        with self._lock:
            deleted = job.id not in self._jobs
            job.finished = time.time()
            if result.failure:
                job.status, job.failure = "failed", result.failure
            else:
                entry = result.entry()
                job.status, job.summary, job.outputs = "done", entry["summary"], tuple(written)
                job.document = {k: entry[k] for k in ("unit", "region", "plan_year", "pages")}
        if deleted:
            self.storage.remove(job.id)


def _failed(job: WebJob, kind: str, id_text: str, en_text: str) -> DocResult:
    return DocResult(path=job.name, status="failed", seconds=0.0, failure={"kind": kind, "id": id_text, "en": en_text})
