"""Audit benchmark: the whole audit with each page reader against plain pdfplumber.

    .venv/bin/python bench/audit.py [--runs 3] [--samples randuagung-2024,parakan-2026] [--readers pdfium,pdfplumber]

For every sample PDF (default: all of samples/pdf) it prints, measured in one run, each
figure the median of ``--runs`` whole processes (start-up and imports included):
  * audit/<reader> - ``renja-audit check FILE --format json --extractor <reader>``
  * plain          - a Python process that opens the file with pdfplumber and runs
                     ``page.extract_tables()`` on every page
  * text           - a Python process that reads every page's text with pypdfium2
then the ratios audit/plain for each reader and text/plain, the same ratio of CPU seconds
(an audit of one document uses the cores the machine leaves free: wall time falls, CPU time
does not), and the peak RSS (the largest of any one process) of each audit. The issue's
goal: audit with the default reader <= 0.25 x plain on the reference sample and on the
median sample.
Figures vary with the machine's load; run it on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable

PLAIN = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_tables()
        page.close()
"""
TEXT = """
import sys, pypdfium2 as pdfium
doc = pdfium.PdfDocument(sys.argv[1])
for i in range(len(doc)):
    page = doc[i]
    textpage = page.get_textpage()
    textpage.get_text_range()
    textpage.close()
    page.close()
"""


def _timed(cmd: list[str], runs: int) -> tuple[float, int, float]:
    """Median wall seconds of ``runs`` runs of ``cmd``, its largest max RSS (KiB) of any one
    process (``check`` audits each file in a child process of its own, which may fork
    readers of its pages), and the median CPU seconds of them all together."""
    times = []
    cpu = []
    rss = 0
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        _, _, usage = os.wait4(proc.pid, 0)
        proc.returncode = 0  # reaped by wait4
        times.append(time.perf_counter() - started)
        cpu.append(usage.ru_utime + usage.ru_stime)
        rss = max(rss, usage.ru_maxrss)
    return statistics.median(times), rss, statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--samples", default="", help="comma-separated sample names (default: all of samples/pdf)")
    parser.add_argument("--readers", default="pdfium,pdfplumber")
    args = parser.parse_args()
    # Bytecode for the package, as a pip install writes it (an editable checkout run with
    # PYTHONDONTWRITEBYTECODE would compile every module at every start; pdfplumber's are compiled).
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "auditor")], check=True)
    readers = [r for r in args.readers.split(",") if r]
    names = [n for n in args.samples.split(",") if n]
    pdfs = [ROOT / "samples" / "pdf" / f"{n}.pdf" for n in names] or sorted((ROOT / "samples" / "pdf").glob("*.pdf"))
    head = f"{'sample':32} {'pages':>5}" + "".join(f" {'audit/' + r:>16}" for r in readers)
    head += f" {'plain':>8} {'text':>7}" + "".join(f" {r + '/plain':>15}" for r in readers) + f" {'text/plain':>10}"
    head += "".join(f" {'cpu ' + r + '/plain':>19}" for r in readers)
    print(head)
    ratios: dict[str, list[float]] = {r: [] for r in readers}
    cpu_ratios: dict[str, list[float]] = {r: [] for r in readers}
    peak: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as out:
        env_out = str(Path(out))
        for pdf in pdfs:
            pages = int(
                subprocess.run(
                    [PYTHON, "-c", "import sys,pypdfium2 as p; print(len(p.PdfDocument(sys.argv[1])))", str(pdf)],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )
            audits = {}
            cpus = {}
            for reader in readers:
                cmd = [PYTHON, "-m", "auditor", "check", str(pdf), "--format", "json", "--out", env_out]
                seconds, rss, cpu = _timed([*cmd, "--extractor", reader, "--fail-on", "never"], args.runs)
                audits[reader], cpus[reader] = seconds, cpu
                peak[reader] = max(peak.get(reader, 0), rss)
            plain, _, plain_cpu = _timed([PYTHON, "-c", PLAIN, str(pdf)], args.runs)
            text, _, _ = _timed([PYTHON, "-c", TEXT, str(pdf)], args.runs)
            row = f"{pdf.stem:32} {pages:5d}" + "".join(f" {audits[r]:15.2f}s" for r in readers)
            row += f" {plain:7.2f}s {text:6.2f}s" + "".join(f" {audits[r] / plain:15.2f}" for r in readers)
            row += f" {text / plain:10.2f}" + "".join(f" {cpus[r] / plain_cpu:19.2f}" for r in readers)
            print(row, flush=True)
            for r in readers:
                ratios[r].append(audits[r] / plain)
                cpu_ratios[r].append(cpus[r] / plain_cpu)
    for r in readers:
        print(
            f"median audit/{r} / plain: {statistics.median(ratios[r]):.2f} (CPU time: {statistics.median(cpu_ratios[r]):.2f})"
        )
    for r in readers:
        print(f"peak RSS, audit/{r}: {peak[r] / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
