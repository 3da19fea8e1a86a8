"""Scanned Renja through OCR: reading accuracy, time and memory, in one run.

    .venv/bin/python bench/ocr.py [--jobs 2] [--details]

For every scanned archive sample (samples/archive/*-scanned*.pdf, built by
``python -m samples.archive``) whose source spec is known, it prints:

  * pages, and the share of amount cells of the standard tables read exactly (as rupiah,
    aligned with the spec's values; samples/accuracy.money_score);
  * the audit's error/warning findings (the source document is clean, so each is a
    misreading the tool did not catch) and how many findings were marked "check the scan";
  * then ``renja-audit batch --jobs N`` over the scans: pages per minute and the peak
    memory of a worker, beside the same batch over their born-digital sources.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.extract import extract_document  # noqa: E402
from auditor.extract.table_shapes import PROFILES  # noqa: E402
from auditor.rules import run_rules  # noqa: E402
from auditor.rules.ruleset import load_ruleset  # noqa: E402
from samples.accuracy import money_score  # noqa: E402

ARCHIVE = ROOT / "samples" / "archive"
SPECS = ROOT / "samples" / "specs"
SUFFIXES = ("-scanned-ocr", "-scanned")


def _source(path: Path) -> str | None:
    for suffix in SUFFIXES:
        if path.stem.endswith(suffix):
            return path.stem[: -len(suffix)]
    return None


def _pages(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


def _batch(files: list[Path], jobs: int) -> tuple[float, float]:
    """Seconds for ``renja-audit batch`` over ``files`` and the peak RSS (MB) of its largest
    process (the batch and its workers; measured in a fresh wrapper process, since a
    process's children's peak can only grow)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for f in files:
            (folder / f.name).symlink_to(f)
        command = [
            sys.executable,
            "-m",
            "auditor",
            "batch",
            str(folder),
            "--out",
            str(Path(tmp) / "out"),
            "--jobs",
            str(jobs),
            "--format",
            "json",
            "--timeout",
            "1800",
        ]
        wrapper = (
            "import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
        )
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", wrapper, *command], capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
    return seconds, int(done.stdout.strip() or 0) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--details", action="store_true", help="list misread amounts and the severe findings")
    args = parser.parse_args()
    scans = [
        p for p in sorted(ARCHIVE.glob("*-scanned*.pdf")) if _source(p) and (SPECS / f"{_source(p)}.yaml").is_file()
    ]
    if not scans:
        print("no scanned samples: run `python -m samples.archive` first")
        return 1
    print(f"{'sample':34s} {'pages':>5s} {'read s':>7s} {'amounts exact':>15s} {'e/w':>4s} {'check scan':>10s}")
    for path in scans:
        spec = yaml.safe_load((SPECS / f"{_source(path)}.yaml").read_text(encoding="utf-8"))
        start = time.perf_counter()
        doc = extract_document(path)
        seconds = time.perf_counter() - start
        ok = total = 0
        wrong: list[tuple[str, str, str]] = []
        for table in spec["tables"].values():
            profile = PROFILES.get(table["kind"])
            found = doc.tables_of(table["kind"])
            if profile is None or not found:
                continue
            m, t, w = money_score(found[0], table, set(profile.money))
            ok, total, wrong = ok + m, total + t, wrong + [(table["kind"], *x) for x in w]
        result = run_rules(doc, load_ruleset(Path(spec.get("ruleset", "renja-permendagri86"))))
        severe = [f for f in result.findings if f.severity in ("error", "warning")]
        scan_notes = sum(1 for f in result.findings if f.low_confidence)
        share = f"{ok}/{total} {100 * ok / max(total, 1):5.1f}%"
        print(f"{path.name:34s} {doc.pages:5d} {seconds:7.1f} {share:>15s} {len(severe):4d} {scan_notes:10d}")
        if args.details:
            for w in wrong:
                print("   misread", w)
            for f in severe:
                print(
                    f"   {f.rule} {f.severity} p{f.location.page} {f.location.table} {f.location.code}: {f.messages['id'][:120]}"
                )
    sources = [ROOT / "samples" / "pdf" / f"{_source(p)}.pdf" for p in scans]
    scan_s, scan_mb = _batch(scans, args.jobs)
    born_s, born_mb = _batch(sorted(set(sources)), args.jobs)
    scan_pages = sum(_pages(p) for p in scans)
    born_pages = sum(_pages(p) for p in sorted(set(sources)))
    print()
    print(
        f"batch --jobs {args.jobs}: scans {scan_pages} pages in {scan_s:.0f} s = {60 * scan_pages / scan_s:.1f} pages/min, "
        f"peak worker {scan_mb:.0f} MB"
    )
    print(
        f"batch --jobs {args.jobs}: born-digital sources {born_pages} pages in {born_s:.0f} s = "
        f"{60 * born_pages / born_s:.1f} pages/min, peak worker {born_mb:.0f} MB"
    )
    print(f"OCR costs {scan_s / max(scan_pages, 1) / (born_s / max(born_pages, 1)):.1f}x the time per page")
    print(
        json.dumps(
            {
                "scan_pages_per_min": round(60 * scan_pages / scan_s, 1),
                "born_pages_per_min": round(60 * born_pages / born_s, 1),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
