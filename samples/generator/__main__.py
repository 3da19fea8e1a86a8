"""Command line: python -m samples.generator SPEC.yaml [SPEC2.yaml ...] --out-dir samples/pdf"""

from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
import time
from contextlib import nullcontext
from pathlib import Path

from . import toc
from .composite import export_composite_pdf, has_calc_tables
from .docx_render import created_date, render_docx
from .pdf_export import DEFAULT_TIMEOUT_S, PdfExportError, export_pdf, find_soffice, private_profile
from .spec import Spec, SpecError, load_spec

log = logging.getLogger("samples.generator")
# Renders of a document with a table of contents: placeholder numbers, the numbers found,
# and once more if those moved the pagination.
MAX_PASSES = 3


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m samples.generator",
        description="Render Renja sample specs to <id>.docx and <id>.pdf.",
    )
    parser.add_argument("specs", nargs="+", type=Path, metavar="SPEC.yaml")
    parser.add_argument("--out-dir", type=Path, default=Path("samples/pdf"), help="default: samples/pdf")
    parser.add_argument("--no-pdf", action="store_true", help="write only the .docx (no LibreOffice needed)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S, help="seconds per PDF export")
    parser.add_argument("--soffice", help="LibreOffice binary (default: $SOFFICE or soffice on PATH)")
    return parser.parse_args(argv)


def page_count(pdf: Path) -> int | None:
    """Pages according to poppler's pdfinfo, if installed (only for the summary line)."""
    if shutil.which("pdfinfo") is None:
        return None
    result = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=False)
    for line in result.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return None


def render_pdf(spec: Spec, docx: Path, args: argparse.Namespace, profile_uri: str) -> Path:
    """The PDF of `spec` (whose .docx is `docx`), in parts when tables come from Calc."""
    created = created_date(spec)
    if has_calc_tables(spec):  # some tables come from Calc: render in parts and splice
        return export_composite_pdf(
            spec,
            args.out_dir,
            timeout=args.timeout,
            soffice=args.soffice,
            profile_uri=profile_uri,
            creation_date=created,
        )
    return export_pdf(
        docx,
        args.out_dir,
        timeout=args.timeout,
        soffice=args.soffice,
        profile_uri=profile_uri,
        creation_date=created,
    )


def render_with_contents(spec: Spec, args: argparse.Namespace, profile_uri: str) -> tuple[Path, Path, int]:
    """Render until the contents print the pages their targets land on (toc.py).

    Pass 1 prints placeholder numbers; each later pass prints the numbers read from
    the previous PDF, until a PDF confirms them (at most MAX_PASSES renders). Returns
    the .docx, the PDF and the number of renders.
    """
    docx_path = args.out_dir / f"{spec.id}.docx"
    current = toc.resolve(spec)
    wanted = toc.targets(current)
    printed: dict[str, str] | None = None
    for attempt in range(1, MAX_PASSES + 1):
        docx = render_docx(current, docx_path)
        pdf = render_pdf(current, docx, args, profile_uri)
        found = toc.locate(pdf, wanted)
        if found == printed:
            return docx, pdf, attempt
        if attempt == MAX_PASSES:
            moved = sorted(t for t in wanted if found.get(t) != (printed or {}).get(t))
            log.warning("%s: contents page numbers still moving after %d renders: %s", spec.id, attempt, moved)
            return docx, pdf, attempt
        printed = found
        current = toc.resolve(spec, found)
    raise AssertionError("unreachable")


def generate_one(spec_path: Path, args: argparse.Namespace, profile_uri: str | None) -> None:
    started = time.monotonic()
    spec = load_spec(spec_path)
    for warning in spec.warnings:
        log.warning("%s: %s", spec_path, warning)
    if profile_uri is None:
        if toc.has_contents(spec):
            log.warning("%s: without the PDF step the contents print placeholder page numbers", spec.id)
        docx = render_docx(spec, args.out_dir / f"{spec.id}.docx")
        print(f"{spec.id}: {docx} in {time.monotonic() - started:.1f} s")
        return
    renders = 1
    if toc.has_contents(spec):
        docx, pdf, renders = render_with_contents(spec, args, profile_uri)
    else:
        docx = render_docx(spec, args.out_dir / f"{spec.id}.docx")
        pdf = render_pdf(spec, docx, args, profile_uri)
    pages = page_count(pdf)
    summary = f"{spec.id}: {docx}, {pdf}" + (f" ({pages} pages)" if pages is not None else "")
    if renders > 1:
        summary += f", {renders} renders for the contents' page numbers"
    print(f"{summary} in {time.monotonic() - started:.1f} s")


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="warning: %(message)s", stream=sys.stderr)
    args = parse_args(argv)
    failures = 0
    try:
        if not args.no_pdf:
            find_soffice(args.soffice)  # fail before rendering anything
    except PdfExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    # One private profile for the whole run: separate runs never share one, and
    # sequential conversions within a run skip the profile set-up cost.
    with nullcontext(None) if args.no_pdf else private_profile() as profile_uri:
        for spec_path in args.specs:
            try:
                generate_one(spec_path, args, profile_uri)
            except (SpecError, PdfExportError, OSError) as exc:
                failures += 1
                print(f"error: {exc}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
