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

from .composite import export_composite_pdf, has_calc_tables
from .docx_render import created_date, render_docx
from .pdf_export import DEFAULT_TIMEOUT_S, PdfExportError, export_pdf, find_soffice, private_profile
from .spec import SpecError, load_spec

log = logging.getLogger("samples.generator")


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


def generate_one(spec_path: Path, args: argparse.Namespace, profile_uri: str | None) -> None:
    started = time.monotonic()
    spec = load_spec(spec_path)
    for warning in spec.warnings:
        log.warning("%s: %s", spec_path, warning)
    docx = render_docx(spec, args.out_dir / f"{spec.id}.docx")
    summary = f"{spec.id}: {docx}"
    if profile_uri is not None:
        created = created_date(spec)
        if has_calc_tables(spec):  # some tables come from Calc: render in parts and splice
            pdf = export_composite_pdf(
                spec, args.out_dir, timeout=args.timeout, soffice=args.soffice, profile_uri=profile_uri,
                creation_date=created,
            )
        else:
            pdf = export_pdf(
                docx, args.out_dir, timeout=args.timeout, soffice=args.soffice, profile_uri=profile_uri,
                creation_date=created,
            )
        pages = page_count(pdf)
        summary += f", {pdf}" + (f" ({pages} pages)" if pages is not None else "")
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
