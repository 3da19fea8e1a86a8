"""Batch benchmark: documents per minute with 1 and N jobs, the cached re-run, memory.

    .venv/bin/python bench/batch.py [--copies 3] [--jobs 2] [--format json,html] [--executor local]

Builds an archive of >= 20 PDFs from the samples (each sample in several variants: a
distinct title in the metadata, and every other copy without its last page, so no two
files share a hash or a result), then in one run prints, side by side:
  * documents/minute with --jobs 1 and with --jobs N (each into a fresh output folder),
  * the speed-up ratio,
  * the re-run of the --jobs N batch with everything cached, and how many times faster it is,
  * the peak RSS of the largest per-document process (each document runs in its own).
Figures vary with the machine's load; run it on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader, PdfWriter

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "samples" / "pdf").glob("*.pdf")) + sorted((ROOT / "samples" / "special").glob("*.pdf"))


def make_archive(folder: Path, copies: int) -> list[Path]:
    made = []
    for source in SOURCES:
        for k in range(copies):
            reader = PdfReader(source)
            writer = PdfWriter()
            pages = reader.pages[:-1] if k % 2 else reader.pages
            for page in pages:
                writer.add_page(page)
            writer.add_metadata({"/Title": f"{source.stem} salinan {k + 1}"})
            target = folder / f"{source.stem}-{k + 1}.pdf"
            with target.open("wb") as fh:
                writer.write(fh)
            made.append(target)
    return made


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(
    archive: Path, out: Path, jobs: int, fmt: str, executor: str, extractor: str = "pdfium"
) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds of the batch and all its document processes, last line."""
    cpu0 = _children_cpu()
    cmd = [
        sys.executable,
        "-m",
        "auditor",
        "batch",
        str(archive),
        "--out",
        str(out),
        "--jobs",
        str(jobs),
        "--format",
        fmt,
        "--fail-on",
        "never",
        "--executor",
        executor,
        "--extractor",
        extractor,
    ]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"batch failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return seconds, _children_cpu() - cpu0, proc.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=3, help="variants per sample (default 3: 21 PDFs)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--format", default="json,html")
    parser.add_argument("--executor", default="local", choices=("local", "dask"))
    parser.add_argument("--extractor", default="pdfium", help="page reader (pdfplumber: as before the pdfium reader)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="renja-bench-") as tmp:
        archive = Path(tmp) / "arsip"
        archive.mkdir()
        files = make_archive(archive, args.copies)
        n = len(files)
        print(
            f"archive: {n} PDFs, {sum(len(PdfReader(f).pages) for f in files)} pages; formats {args.format}; "
            f"executor {args.executor}; reader {args.extractor}"
        )
        load = os.getloadavg()[0]
        one, one_cpu, _ = run(archive, Path(tmp) / "out1", 1, args.format, args.executor, args.extractor)
        many, many_cpu, line = run(archive, Path(tmp) / "outN", args.jobs, args.format, args.executor, args.extractor)
        cached, cached_cpu, cached_line = run(
            archive, Path(tmp) / "outN", args.jobs, args.format, args.executor, args.extractor
        )
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    # CPU/wall shows how many cores the run really had: well below --jobs means other load.
    print(f"load average before the runs: {load:.2f} on {os.cpu_count()} cores")
    print(f"{'run':<30}{'seconds':>9}{'docs/min':>10}{'cpu s':>9}{'cpu/wall':>10}")
    for label, wall, cpu in (
        ("--jobs 1", one, one_cpu),
        (f"--jobs {args.jobs}", many, many_cpu),
        (f"--jobs {args.jobs} re-run (cached)", cached, cached_cpu),
    ):
        print(f"{label:<30}{wall:9.2f}{n / wall * 60:10.1f}{cpu:9.1f}{cpu / wall:10.2f}")
    # With --jobs 1 each document is read with every core (pages and rules shared among
    # forks), so more jobs add less than they did when a document used one core.
    print(
        f"speed-up jobs {args.jobs} : jobs 1 = {one / many:.2f}   (--jobs 1 already uses the free cores per document)"
    )
    print(f"cached re-run vs first = {many / cached:.0f}x faster   (goal >= 20x)")
    print(f"peak RSS of the largest per-document process: {peak_mb:.0f} MB")
    print(f"last summary: {line}")
    print(f"cached summary: {cached_line}")


if __name__ == "__main__":
    main()
