"""A batch: find the PDFs, skip what is done, audit the rest in parallel, write the summary."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from auditor.batch.cache import ResultCache, options_digest
from auditor.batch.discover import output_stems
from auditor.batch.executors import run_dask, run_local
from auditor.batch.isolate import Job
from auditor.batch.progress import Progress
from auditor.extract.pdf import file_sha256
from auditor.pipeline import DocResult, JobOptions, report_link, write_outputs
from auditor.report.index_report import IndexLine, write_index
from auditor.rules.ruleset import RuleSet

SUMMARY_NAME = "summary"


@dataclass(frozen=True)
class BatchOptions:
    out: Path
    jobs: int = 1
    executor: str = "local"  # "local" | "dask"
    scheduler: str | None = None
    force: bool = False
    timeout: float = 600.0
    memory_mb: int = 3072
    cache: Path | None = None  # default: <out>/.cache


@dataclass
class BatchResult:
    lines: list[IndexLine] = field(default_factory=list)
    cached: int = 0
    audited: int = 0
    summary_files: list[Path] = field(default_factory=list)

    def failed(self) -> list[IndexLine]:
        return [line for line in self.lines if line.entry["status"] == "failed"]


def _unreadable(path: Path, exc: OSError) -> DocResult:
    return DocResult(
        path=str(path), status="failed", seconds=0.0,
        failure={
            "kind": "io",
            "id": f"Berkas tidak dapat dibaca: {path} ({exc.strerror})",
            "en": f"Cannot read the file: {path} ({exc.strerror})",
        },
    )


def run_batch(files: list[Path], ruleset: RuleSet, options: JobOptions, batch: BatchOptions) -> BatchResult:
    cache_dir = batch.cache or batch.out / ".cache"
    results = ResultCache(cache_dir, options_digest(ruleset, options))
    stems = output_stems(files)
    progress = Progress(len(files), options.lang)
    done = BatchResult()
    by_path: dict[str, IndexLine] = {}
    shas: dict[str, str] = {}
    jobs: list[Job] = []
    for path in files:
        try:
            sha = file_sha256(path)
        except OSError as exc:
            by_path[str(path)] = IndexLine(_unreadable(path, exc).entry(), None)
            progress.update(str(path), "failed")
            continue
        shas[str(path)] = sha
        stored = None if batch.force else results.get(sha, batch.out)
        if stored is not None:
            entry = {**stored["entry"], "path": str(path)}
            by_path[str(path)] = IndexLine(entry, stored["report"])
            done.cached += 1
            progress.update(str(path), entry["status"], cached=True)
            continue
        jobs.append(Job(str(path), ruleset, options, str(cache_dir / "extract"), batch.timeout, batch.memory_mb))

    def on_done(job: Job, result: DocResult) -> None:
        stem = stems[Path(job.path)]
        try:
            written = write_outputs(result, batch.out, stem)
            link = report_link(result, stem)
            line = IndexLine(result.entry(), link)
            results.put(shas[job.path], line.entry, [str(p.relative_to(batch.out)) for p in written], link)
        except OSError as exc:
            unwritten = DocResult(path=job.path, status="failed", seconds=result.seconds, failure={
                "kind": "io",
                "id": f"Laporan {job.path} tidak dapat ditulis ke {batch.out} ({exc.strerror})",
                "en": f"Cannot write the report of {job.path} to {batch.out} ({exc.strerror})",
            })
            line = IndexLine(unwritten.entry(), None)
        by_path[job.path] = line
        done.audited += 1
        progress.update(job.path, line.entry["status"])

    try:
        if not jobs:
            pass  # all done before: no pool or cluster to start
        elif batch.executor == "dask":
            run_dask(jobs, batch.jobs, batch.scheduler, on_done)
        else:
            run_local(jobs, batch.jobs, on_done)
    finally:
        # Also after Ctrl-C: the summary lists what is finished (the rest re-runs next time).
        done.lines = [by_path[str(p)] for p in files if str(p) in by_path]
        titles = {r.id: dict(r.title) for r in ruleset.rules}
        try:
            done.summary_files = write_index(done.lines, batch.out, options.lang, titles, SUMMARY_NAME)
        except OSError as exc:
            sys.stderr.write(f"{exc}\n")
    return done
