"""Command line: ``renja-audit check FILE.pdf [...]``.

Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,
2 bad usage or an input that cannot be audited.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn, Sequence

from auditor import __version__
from auditor.errors import AuditError
from auditor.extract import extract_document
from auditor.i18n import LANGS, t
from auditor.report.html_report import render_html
from auditor.report.json_report import build_report, to_json
from auditor.rules import load_ruleset, run_rules
from auditor.rules.ruleset import RuleSet

FORMATS = ("json", "html")
FAIL_ON = {"error": ("error",), "warning": ("error", "warning"), "never": ()}
EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        sys.stderr.write(f"renja-audit: perintah tidak sah: {message}\nrenja-audit: invalid usage: {message}\n")
        raise SystemExit(EXIT_INPUT)


def _formats(value: str) -> list[str]:
    items = [v.strip().lower() for v in value.split(",") if v.strip()]
    bad = [v for v in items if v not in FORMATS]
    if bad or not items:
        raise argparse.ArgumentTypeError(f"format harus dari / format must be one of {', '.join(FORMATS)}: {value}")
    return items


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="renja-audit", description="Audit Renja Perangkat Daerah (Permendagri 86/2017).")
    parser.add_argument("--version", action="version", version=f"renja-audit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = sub.add_parser("check", help="audit PDF files and write reports")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE.pdf")
    check.add_argument("--format", type=_formats, default=["json", "html"], help="json,html (default: both)")
    check.add_argument("--out", type=Path, default=Path("reports"), help="output folder (default: reports)")
    check.add_argument("--lang", choices=LANGS, default="id", help="report language (default: id)")
    check.add_argument("--fail-on", choices=tuple(FAIL_ON), default="error", help="exit 1 at this severity")
    check.add_argument("--rules", type=Path, default=None, help="rule set YAML (default: bundled)")
    return parser


def _output_stem(path: Path, used: set[str], sha: str) -> str:
    stem = path.stem
    if stem in used:
        stem = f"{stem}-{sha[:8]}"
    used.add(stem)
    return stem


def _check_one(path: Path, ruleset: RuleSet, args: argparse.Namespace, used: set[str]) -> int:
    doc = extract_document(path)
    result = run_rules(doc, ruleset, lang=args.lang)
    report = build_report(doc, result, ruleset, args.lang)
    stem = _output_stem(path, used, doc.sha256)
    args.out.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    if "json" in args.format:
        target = args.out / f"{stem}.json"
        target.write_text(to_json(report), encoding="utf-8")
        written.append(str(target))
    if "html" in args.format:
        target = args.out / f"{stem}.html"
        target.write_text(render_html(report, args.lang), encoding="utf-8")
        written.append(str(target))
    summary = report["summary"]
    print(t("cli.done", args.lang, path=path, outputs=", ".join(written), **summary))
    failing = FAIL_ON[args.fail_on]
    return EXIT_FINDINGS if any(summary[s] for s in failing) else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        ruleset = load_ruleset(args.rules)
    except AuditError as exc:
        sys.stderr.write(exc.bilingual() + "\n")
        return EXIT_INPUT
    status = EXIT_OK
    used: set[str] = set()
    for path in args.files:
        try:
            code = _check_one(path, ruleset, args, used)
        except AuditError as exc:
            sys.stderr.write(exc.bilingual() + "\n")
            code = EXIT_INPUT
        except OSError as exc:
            sys.stderr.write(
                f"Tidak dapat menulis/membaca berkas: {exc.filename or ''} ({exc.strerror})\n"
                f"Cannot read/write file: {exc.filename or ''} ({exc.strerror})\n"
            )
            code = EXIT_INPUT
        except Exception as exc:  # a bug must cost one file, not the whole run
            sys.stderr.write(
                f"Kesalahan internal saat memeriksa {path} ({type(exc).__name__}: {exc}); mohon laporkan.\n"
                f"Internal error while auditing {path} ({type(exc).__name__}: {exc}); please report it.\n"
            )
            code = EXIT_INPUT
        status = max(status, code)
    return status
