"""Precision and recall of the audit per sample family, in one run.

    .venv/bin/python bench/quality.py [--details] [--extractor camelot]

For every sample with a rendered PDF (samples/specs/*.yaml -> samples/pdf/*.pdf), audited
with the rule set its spec names, it prints per template family and overall:

  * clean samples and their error/warning findings (every one a false alarm),
  * injected defects found / injected on the defect variants,
  * error/warning findings on the defect variants that no declared defect explains,
  * precision on the defect variants: explained / all error-warning findings,

and the reference document's finding counts apart (its mistakes are listed in
samples/specs/REPAIRS.md, not declared). ``--details`` lists every false alarm, every
missed defect and every unexplained finding.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.extract import BACKENDS, extract_document  # noqa: E402
from samples.quality import REFERENCE, SampleResult, audit_sample, sample_specs  # noqa: E402


def _line(f: dict) -> str:
    loc = f["location"]
    where = " ".join(str(x) for x in (loc.get("table"), loc.get("code"), loc.get("column")) if x)
    return f"{f['rule']} {f['severity']} p{loc.get('page')} {where}: {f['message'][:150]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--details", action="store_true", help="list false alarms, missed defects, unexplained findings"
    )
    parser.add_argument(
        "--extractor", choices=sorted(BACKENDS), default="pdfplumber", help="table reader (camelot: slower)"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    read = partial(extract_document, backend=args.extractor)
    results: list[SampleResult] = [audit_sample(spec, read=read) for _, spec in sample_specs()]
    families: dict[str, list[SampleResult]] = defaultdict(list)
    for r in results:
        families[r.family].append(r)

    header = f"{'family':22s} {'clean':>5s} {'false e/w':>9s} {'defects found':>13s} {'unexplained e/w':>15s} {'precision':>9s}"
    print(header)
    print("-" * len(header))
    total = {"clean": 0, "false": 0, "found": 0, "injected": 0, "unexplained": 0, "severe": 0}
    for family in sorted(families):
        rs = [r for r in families[family] if r.id != REFERENCE]
        clean = [r for r in rs if r.clean]
        variants = [r for r in rs if not r.clean]
        false = sum(len(r.severe) for r in clean)
        found = sum(d.found for r in variants for d in r.defects)
        injected = sum(len(r.defects) for r in variants)
        unexplained = sum(len(r.unexplained) for r in variants)
        severe = sum(len(r.severe) for r in variants)
        precision = f"{(severe - unexplained) / severe:.1%}" if severe else "-"
        print(f"{family:22s} {len(clean):5d} {false:9d} {f'{found}/{injected}':>13s} {unexplained:15d} {precision:>9s}")
        for key, value in (
            ("clean", len(clean)),
            ("false", false),
            ("found", found),
            ("injected", injected),
            ("unexplained", unexplained),
            ("severe", severe),
        ):
            total[key] += value
    print("-" * len(header))
    precision = f"{(total['severe'] - total['unexplained']) / total['severe']:.1%}" if total["severe"] else "-"
    recall = f"{total['found']}/{total['injected']}"
    print(
        f"{'overall':22s} {total['clean']:5d} {total['false']:9d} {recall:>13s} {total['unexplained']:15d} {precision:>9s}"
    )
    for r in results:
        if r.id == REFERENCE:
            counts = {s: sum(f["severity"] == s for f in r.findings) for s in ("error", "warning", "info")}
            print(
                f"\nreference {r.id}: {counts['error']} errors, {counts['warning']} warnings, {counts['info']} infos "
                "(real mistakes, listed in samples/specs/REPAIRS.md)"
            )
    print(f"{len(results)} samples audited in {time.perf_counter() - started:.1f} s")

    if args.details:
        for r in results:
            lines = []
            if r.clean:
                lines += [f"  false alarm  {_line(f)}" for f in r.severe]
            lines += [f"  MISSED       {d.id}: {d.what}" for d in r.defects if not d.found]
            lines += [f"  unexplained  {_line(f)}" for f in r.unexplained]
            if lines:
                print(f"\n{r.id} ({r.family}, {r.ruleset}):")
                print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
