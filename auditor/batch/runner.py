"""A batch: find the PDFs, skip what is done, audit the rest in parallel, write the summary."""

from __future__ import annotations

import dataclasses
import errno
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from auditor.batch.cache import ResultCache, options_digest
from auditor.batch.crosscheck import BatchFinding, cross_check
from auditor.batch.discover import output_stems
from auditor.batch.executors import run_dask, run_local
from auditor.batch.progress import Progress
from auditor.extract.docx.printed import WARNINGS_KEY
from auditor.extract.pdf.opening import file_sha256
from auditor.isolate import Job
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
    summary_lost: bool = False  # index.html/summary.* could not be written (said on stderr)
    findings: list[BatchFinding] = field(default_factory=list)  # the checks across the documents

    def failed(self) -> list[IndexLine]:
        return [line for line in self.lines if line.entry["status"] == "failed"]


def _unreadable(path: Path, exc: OSError) -> DocResult:
    why_id, why_en = io_reason(exc, path, writing=False)
    return DocResult(
        path=str(path),
        status="failed",
        seconds=0.0,
        failure={"kind": "io", "id": f"Berkas tidak dapat dibaca: {why_id}", "en": f"Cannot read the file: {why_en}"},
    )


def io_reason(exc: OSError, fallback: Path, writing: bool = True) -> tuple[str, str]:
    """What went wrong with a file or folder, in words (Indonesian, English), naming it:
    never a bare "[Errno 17] File exists"."""
    path = Path(exc.filename) if exc.filename else fallback
    code = exc.errno
    if code in (errno.EEXIST, errno.ENOTDIR):
        # A folder had to be made where a file is (mkdir), or a path goes through a file.
        blocker = next((p for p in (path, *path.parents) if _is_file(p)), path)
        return (
            f"{blocker} adalah berkas, padahal di situ harus ada folder",
            f"{blocker} is a file where a folder must be",
        )
    if code == errno.EISDIR:
        return (
            f"{path} adalah folder, padahal di situ harus ditulis berkas",
            f"{path} is a folder where a file must be written",
        )
    if code in (errno.EACCES, errno.EPERM):
        return (
            f"tidak ada izin {'menulis' if writing else 'membaca'} {path}",
            f"no permission to {'write' if writing else 'read'} {path}",
        )
    if code == errno.ENOSPC:
        return f"disk penuh (saat menulis {path})", f"the disk is full (writing {path})"
    if code == errno.EROFS:
        return f"{path} berada di disk yang hanya dapat dibaca", f"{path} is on a read-only disk"
    if code == errno.ENAMETOOLONG:
        return f"nama {path} terlalu panjang", f"the name {path} is too long"
    if code == errno.ENOENT:
        return f"{path} tidak ditemukan", f"{path} was not found"
    return f"{path} ({exc.strerror or type(exc).__name__})", f"{path} ({exc.strerror or type(exc).__name__})"


def _is_file(path: Path) -> bool:
    """Something other than a folder is there (False when it cannot be looked at)."""
    try:
        return path.exists() and not path.is_dir()
    except OSError:
        return False


def _no_output_folder(files: list[Path], out: Path, exc: OSError) -> BatchResult:
    """Nothing can be written: every document is a failure, none is audited for nothing."""
    why_id, why_en = io_reason(exc, out)
    sys.stderr.write(
        f"Folder hasil --out {out} tidak dapat dibuat atau dipakai: {why_id}; tidak ada dokumen yang diperiksa.\n"
        f"The output folder --out {out} cannot be created or used: {why_en}; no document was audited.\n"
    )
    failure = {
        "kind": "io",
        "id": f"Tidak diperiksa: folder hasil --out {out} tidak dapat dipakai ({why_id})",
        "en": f"Not audited: the output folder --out {out} cannot be used ({why_en})",
    }
    results = [DocResult(path=str(p), status="failed", seconds=0.0, failure=failure) for p in files]
    return BatchResult(lines=[IndexLine(r.entry(), None) for r in results])


def run_batch(files: list[Path], ruleset: RuleSet, options: JobOptions, batch: BatchOptions) -> BatchResult:
    try:
        batch.out.mkdir(parents=True, exist_ok=True)  # before any audit: --out may be a file
    except OSError as exc:
        return _no_output_folder(files, batch.out, exc)
    options = dataclasses.replace(options, facts=True)  # the documents are compared at the end
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
        except OSError as exc:
            why_id, why_en = io_reason(exc, batch.out)
            unwritten = DocResult(
                path=job.path,
                status="failed",
                seconds=result.seconds,
                failure={
                    "kind": "io",
                    "id": f"Laporan {job.path} tidak dapat ditulis: {why_id}",
                    "en": f"Cannot write the report of {job.path}: {why_en}",
                },
            )
            line = IndexLine(unwritten.entry(), None)
        else:
            link = report_link(result, stem)
            line = IndexLine(result.entry(), link)
            try:
                results.put(shas[job.path], line.entry, [str(p.relative_to(batch.out)) for p in written], link)
            except OSError:
                pass  # a result cache that cannot be written only costs speed on the next run
            for warning in json.loads(result.outputs.get(WARNINGS_KEY, b"[]")):
                # A format that could not be made (a .docx's annotated PDF without LibreOffice).
                clear = "\r\033[K" if progress.live else ""  # off the redrawn progress line
                sys.stderr.write(f"{clear}{warning['id']}\n{warning['en']}\n")
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
        done.findings = cross_check(done.lines, ruleset)
        try:
            done.summary_files = write_index(
                done.lines, batch.out, options.lang, titles, SUMMARY_NAME, batch_findings=done.findings
            )
        except OSError as exc:
            why_id, why_en = io_reason(exc, batch.out)
            done.summary_lost = True
            sys.stderr.write(
                f"Ringkasan (index.html, {SUMMARY_NAME}.csv, {SUMMARY_NAME}.xlsx) tidak dapat ditulis: {why_id}\n"
                f"The summary (index.html, {SUMMARY_NAME}.csv, {SUMMARY_NAME}.xlsx) cannot be written: {why_en}\n"
            )
    return done
