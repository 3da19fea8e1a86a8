"""What comparing with a kabupaten-wide reference costs, measured side by side in one run.

    .venv/bin/python bench/reference.py [--units 55] [--runs 5]

Builds an RKPD workbook for a whole kabupaten (the Lumajang rows of Kecamatan Randuagung
copied for ``--units`` units, about 55 rows each: ~3,000 rows with the default), a Renstra
and a pagu file like it, then prints the median of ``--runs`` for: reading the three files,
matching one document to its unit and making its tables, the rules without and with the
reference (in process, on one document read once), and a whole ``check --format json``
without and with ``--reference`` (child process included), with their ratios.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook, load_workbook  # noqa: E402

from auditor.extract import extract_document  # noqa: E402
from auditor.reference.attach import attach_reference  # noqa: E402
from auditor.reference.read import read_references  # noqa: E402
from auditor.rules import load_ruleset, run_rules  # noqa: E402

PDF = ROOT / "samples" / "pdf" / "randuagung-2024-repaired.pdf"
REF = ROOT / "samples" / "reference"


def _median(runs: int, work) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _kabupaten(source: Path, target: Path, units: int) -> int:
    """``source``'s Randuagung rows copied for ``units`` units (the document's own unit kept)."""
    sheet = load_workbook(source).active
    rows = list(sheet.iter_rows(values_only=True))
    header, own = rows[0], [r for r in rows[1:] if r[0] == "Kecamatan Randuagung"]
    book = Workbook()
    out = book.active
    out.append(list(header))
    count = 0
    for u in range(units):
        name = "Kecamatan Randuagung" if u == 0 else f"Kecamatan Contoh {u:03d}"
        for r in own:
            out.append([name, *r[1:]])
            count += 1
    buf = io.BytesIO()
    book.save(buf)
    target.write_bytes(buf.getvalue())
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=55)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rkpd, renstra = folder / "rkpd.xlsx", folder / "renstra.xlsx"
        rows = _kabupaten(REF / "lumajang-2024-rkpd.xlsx", rkpd, args.units)
        rows += _kabupaten(REF / "lumajang-2024-renstra.xlsx", renstra, args.units)
        files = [rkpd, renstra, REF / "lumajang-2024-pagu.csv"]
        doc = extract_document(PDF)
        rules = load_ruleset()
        data = read_references(files)
        read_s = _median(args.runs, lambda: read_references(files))
        attach_s = _median(args.runs, lambda: attach_reference(doc, data))
        attached = attach_reference(doc, data)
        plain_s = _median(args.runs, lambda: run_rules(doc, rules))
        with_s = _median(args.runs, lambda: run_rules(attached, rules))

        def check(*extra: str) -> None:
            subprocess.run(
                [sys.executable, "-m", "auditor", "check", str(PDF), "--out", tmp, "--format", "json", *extra],
                check=False,
                capture_output=True,
            )

        refs = [a for f in files for a in ("--reference", str(f))]
        check_s = _median(args.runs, check)
        check_ref_s = _median(args.runs, lambda: check(*refs))
    print(f"reference rows: {rows} ({args.units} units), document: {PDF.name}, median of {args.runs}")
    print(f"  read the 3 reference files          {read_s:7.3f} s")
    print(f"  match the unit, make its tables     {attach_s * 1000:7.1f} ms")
    print(f"  rules without / with reference      {plain_s:7.3f} s / {with_s:.3f} s  (x{with_s / plain_s:.2f})")
    print(
        f"  check --format json without / with  {check_s:7.3f} s / {check_ref_s:.3f} s  (x{check_ref_s / check_s:.2f})"
    )
    print(f"  added per document in a batch (the files are read once): {(attach_s + with_s - plain_s):.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
