"""Extraction benchmark: our extractor (both backends) vs plain pdfplumber, side by side.

    .venv/bin/python bench/extract.py [--samples samples] [--backends pdfplumber,camelot] [--big-pages 120]

For every sample PDF with a spec it prints seconds per page and cell accuracy of
  * ours/pdfplumber  - extract_document(..., "pdfplumber")
  * ours/camelot     - extract_document(..., "camelot")
  * plain pdfplumber - page.extract_tables() on the same pages, columns taken by position
then the ratio ours/plain for time, and the peak memory (max RSS of a child process)
of reading a long document made by concatenating the samples (default >= 120 pages).
Accuracy follows samples/accuracy.py: matching cells / max(spec cells, extracted cells).
"""

from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402
import yaml  # noqa: E402

from auditor.extract import extract_document  # noqa: E402
from auditor.extract.table_shapes import PROFILES  # noqa: E402
from samples.accuracy import money_text, score_table, spec_columns  # noqa: E402


def _samples(folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    out = []
    for spec_path in sorted((folder / "specs").glob("*.yaml")):
        spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
        pdf = folder / "pdf" / f"{spec['id']}.pdf"
        if pdf.exists():
            out.append((pdf, spec))
    return out


def _ours(pdf: Path, spec: dict[str, Any], backend: str) -> tuple[float, int, int]:
    started = time.perf_counter()
    doc = extract_document(pdf, backend)
    seconds = time.perf_counter() - started
    matched = total = 0
    for st in spec["tables"].values():
        if st["kind"] not in PROFILES:
            continue
        found = doc.tables_of(st["kind"])
        if not found:
            total += sum(len(v) for v in spec_columns(st).values())
            continue
        s = score_table(found[0], st, set(PROFILES[st["kind"]].money))
        matched += s.matched
        total += max(s.spec_cells, s.extracted_cells)
    return seconds, matched, total


def _plain(pdf: Path, spec: dict[str, Any]) -> tuple[float, int, int]:
    """page.extract_tables() over every page; a standard table's pages are those our
    reader assigned to it (plain pdfplumber has no notion of which table is which)."""
    doc = extract_document(pdf)
    pages_of = {t.kind: t.pages for t in doc.tables}
    started = time.perf_counter()
    per_page: dict[int, list[list[list[str | None]]]] = {}
    with pdfplumber.open(pdf) as handle:
        for i, page in enumerate(handle.pages, start=1):
            per_page[i] = page.extract_tables()
            page.close()
    seconds = time.perf_counter() - started
    matched = total = 0
    for st in spec["tables"].values():
        kind = st["kind"]
        if kind not in PROFILES:
            continue
        keys = [c["key"] for c in st["columns"]]
        money = set(PROFILES[kind].money)
        want_cols = spec_columns(st)
        got_cols: dict[str, list[str]] = {k: [] for k in keys}
        for page_no in pages_of.get(kind, []):
            for table in per_page.get(page_no, []):
                for row in table:
                    for i, key in enumerate(keys):
                        if i < len(row) and row[i] and row[i].strip():
                            text = re.sub(r"\s+", " ", row[i].replace("\n", " ")).strip()
                            got_cols[key].append(money_text(text) if key in money else text)
        for key in keys:
            want = [re.sub(r"\s+", "", v) for v in want_cols.get(key, [])]
            got = [re.sub(r"\s+", "", v) for v in got_cols[key]]
            sm = difflib.SequenceMatcher(a=want, b=got, autojunk=False)
            matched += sum(b.size for b in sm.get_matching_blocks())
            total += max(len(want), len(got))
    return seconds, matched, total


def _long_document(samples: list[tuple[Path, dict[str, Any]]], min_pages: int, folder: Path) -> tuple[Path, int]:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    pages = 0
    while pages < min_pages:
        for pdf, _ in samples:
            reader = PdfReader(pdf)
            writer.append(reader)
            pages += len(reader.pages)
            if pages >= min_pages:
                break
    target = folder / "long.pdf"
    with target.open("wb") as fh:
        writer.write(fh)
    return target, pages


def _peak_rss_mb(pdf: Path, backend: str) -> tuple[float, float]:
    """Peak resident memory of a fresh process that only reads ``pdf``, measured inside it."""
    code = (
        "import resource, time; from pathlib import Path; from auditor.extract import extract_document;"
        f"t=time.perf_counter(); extract_document(Path({str(pdf)!r}), {backend!r});"
        "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    seconds, max_rss_kb = proc.stdout.split()
    return float(max_rss_kb) / 1024, float(seconds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--samples", type=Path, default=ROOT / "samples")
    parser.add_argument("--backends", default="pdfplumber,camelot")
    parser.add_argument("--big-pages", type=int, default=120)
    args = parser.parse_args()
    backends = [b for b in args.backends.split(",") if b]
    samples = _samples(args.samples)
    header = f"{'sample':34s} {'pages':>5s}  " + "  ".join(
        f"{name:>22s}" for name in [*(f"ours/{b}" for b in backends), "plain extract_tables"]
    )
    print(header)
    print(f"{'':34s} {'':>5s}  " + "  ".join(f"{'s/page   accuracy':>22s}" for _ in range(len(backends) + 1)))
    totals: dict[str, list[float]] = {}
    for pdf, spec in samples:
        with pdfplumber.open(pdf) as handle:
            n_pages = len(handle.pages)
        cols = []
        for name, fn in [*((f"ours/{b}", lambda p, s, b=b: _ours(p, s, b)) for b in backends), ("plain", _plain)]:
            seconds, matched, total = fn(pdf, spec)
            acc = matched / max(total, 1)
            t = totals.setdefault(name, [0.0, 0, 0, 0])
            t[0] += seconds
            t[1] += n_pages
            t[2] += matched
            t[3] += total
            cols.append(f"{seconds / n_pages:8.3f}  {acc:10.2%}")
        print(f"{pdf.stem:34s} {n_pages:5d}  " + "  ".join(f"{c:>22s}" for c in cols))
    print("-" * len(header))
    summary = []
    for sec, pages, matched, total in totals.values():
        summary.append(f"{sec / max(pages, 1):8.3f}  {matched / max(total, 1):10.2%}")
    print(f"{'all samples':34s} {int(totals['plain'][1]):5d}  " + "  ".join(f"{c:>22s}" for c in summary))
    plain_spp = totals["plain"][0] / max(totals["plain"][1], 1)
    for b in backends:
        ours_spp = totals[f"ours/{b}"][0] / max(totals[f"ours/{b}"][1], 1)
        print(f"time ratio ours/{b} : plain = {ours_spp / plain_spp:.2f}  (goal: <= 1.0 means no slower)")
    with tempfile.TemporaryDirectory() as tmp:
        long_pdf, pages = _long_document(samples, args.big_pages, Path(tmp))
        for b in backends:
            rss, seconds = _peak_rss_mb(long_pdf, b)
            print(f"long document, {pages} pages, ours/{b}: peak RSS {rss:.0f} MB (goal < 400 MB), {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
