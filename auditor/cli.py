"""Command line: ``renja-audit check FILE.pdf [...]``.

Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,
2 bad usage or an input that cannot be audited.
"""

from __future__ import annotations

import argparse
import inspect
import sys
from pathlib import Path
from typing import NoReturn, Sequence

from auditor import __version__
from auditor.errors import AuditError
from auditor.extract import BACKENDS, extract_document
from auditor.model.export import cells_csv, document_to_dict
from auditor.i18n import LANGS, t
from auditor.report.crops import finding_pictures
from auditor.report.html_report import render_html
from auditor.report.json_report import build_report, to_json
from auditor.report.tabular import to_csv, to_xlsx
from auditor.rules import load_ruleset, run_rules
from auditor.rules.checks import registry
from auditor.rules.ruleset import RuleSet
from auditor.rules.waivers import Waiver, load_waivers

FORMATS = ("json", "html", "csv", "xlsx")
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
    check.add_argument("--format", type=_formats, default=["json", "html"], help="json,html,csv,xlsx (default: json,html)")
    check.add_argument("--out", type=Path, default=Path("reports"), help="output folder (default: reports)")
    check.add_argument("--lang", choices=LANGS, default="id", help="report language (default: id)")
    check.add_argument("--fail-on", choices=tuple(FAIL_ON), default="error", help="exit 1 at this severity")
    check.add_argument("--rules", type=Path, default=None, help="rule set YAML (default: bundled)")
    check.add_argument("--extractor", choices=BACKENDS, default="pdfplumber", help="table finder (default: pdfplumber)")
    check.add_argument("--waivers", type=Path, default=None, help="YAML list of accepted findings (rule, location, reason)")

    rules = sub.add_parser("rules", help="list the rules, or explain one: rules explain ID")
    rules.add_argument("action", nargs="?", choices=("list", "explain"), default="list")
    rules.add_argument("rule_id", nargs="?", metavar="ID")
    rules.add_argument("--rules", type=Path, default=None, help="rule set YAML (default: bundled)")
    rules.add_argument("--lang", choices=LANGS, default="id")

    extract = sub.add_parser("extract", help="dump the document model read from a PDF")
    extract.add_argument("file", type=Path, metavar="FILE.pdf")
    extract.add_argument("--format", choices=("json", "csv"), default="json")
    extract.add_argument("--out", type=Path, default=None, help="output file (default: standard output)")
    extract.add_argument("--extractor", choices=BACKENDS, default="pdfplumber")

    debug = sub.add_parser("debug-page", help="draw the detected tables, cells and row codes on a page")
    debug.add_argument("file", type=Path, metavar="FILE.pdf")
    debug.add_argument("--page", type=int, required=True, help="1-based page number")
    debug.add_argument("--out", type=Path, required=True, help="PNG file to write")
    debug.add_argument("--extractor", choices=BACKENDS, default="pdfplumber")
    return parser


def _output_stem(path: Path, used: set[str], sha: str) -> str:
    stem = path.stem
    if stem in used:
        stem = f"{stem}-{sha[:8]}"
    used.add(stem)
    return stem


def _check_one(path: Path, ruleset: RuleSet, args: argparse.Namespace, used: set[str], waivers: list[Waiver]) -> int:
    doc = extract_document(path, args.extractor)
    result = run_rules(doc, ruleset, lang=args.lang, waivers=waivers)
    for w in result.unused_waivers:
        sys.stderr.write(
            f"{path}: pengecualian {w.where} ({w.rule}) tidak cocok dengan temuan mana pun\n"
            f"{path}: waiver {w.where} ({w.rule}) matches no finding\n"
        )
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
        pictures = finding_pictures(path, report["findings"])
        target.write_text(render_html(report, args.lang, pictures), encoding="utf-8")
        written.append(str(target))
    if "csv" in args.format:
        target = args.out / f"{stem}.csv"
        target.write_text(to_csv(report), encoding="utf-8")
        written.append(str(target))
    if "xlsx" in args.format:
        target = args.out / f"{stem}.xlsx"
        target.write_bytes(to_xlsx(report, args.lang))
        written.append(str(target))
    summary = report["summary"]
    print(t("cli.done", args.lang, path=path, outputs=", ".join(written), **summary))
    failing = FAIL_ON[args.fail_on]
    return EXIT_FINDINGS if any(summary[s] for s in failing) else EXIT_OK


def _extract(args: argparse.Namespace) -> int:
    doc = extract_document(args.file, args.extractor)
    text = to_json(document_to_dict(doc)) if args.format == "json" else cells_csv(doc)
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    return EXIT_OK


def _debug_page(args: argparse.Namespace) -> int:
    # Imported here: drawing needs Pillow, which the audit itself never loads.
    from auditor.debug import render_debug_page

    out = render_debug_page(args.file, args.page, args.out, args.extractor)
    print(out)
    return EXIT_OK


def _guarded(action, args: argparse.Namespace, label: Path) -> int:
    """Run one file's work; every failure becomes a bilingual message and exit 2."""
    try:
        return int(action(args))
    except AuditError as exc:
        sys.stderr.write(exc.bilingual() + "\n")
    except OSError as exc:
        sys.stderr.write(
            f"Tidak dapat menulis/membaca berkas: {exc.filename or ''} ({exc.strerror})\n"
            f"Cannot read/write file: {exc.filename or ''} ({exc.strerror})\n"
        )
    except Exception as exc:  # a bug must cost one file, not the whole run
        sys.stderr.write(
            f"Kesalahan internal saat memeriksa {label} ({type(exc).__name__}: {exc}); mohon laporkan.\n"
            f"Internal error while auditing {label} ({type(exc).__name__}: {exc}); please report it.\n"
        )
    return EXIT_INPUT


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "extract":
        return _guarded(_extract, args, args.file)
    if args.command == "debug-page":
        return _guarded(_debug_page, args, args.file)
    try:
        ruleset = load_ruleset(args.rules)
        waivers = load_waivers(args.waivers) if getattr(args, "waivers", None) else []
    except AuditError as exc:
        sys.stderr.write(exc.bilingual() + "\n")
        return EXIT_INPUT
    if args.command == "rules":
        return _rules(args, ruleset)
    status = EXIT_OK
    used: set[str] = set()
    for path in args.files:
        status = max(status, _guarded(lambda a, p=path: _check_one(p, ruleset, a, used, waivers), args, path))
    return status


def _rules(args: argparse.Namespace, ruleset: RuleSet) -> int:
    lang = args.lang
    if args.action == "list":
        for rule in ruleset.rules:
            print(f"{rule.id:10s} {rule.category:17s} {rule.severity:8s} {rule.title[lang]}")
        return EXIT_OK
    rule = next((r for r in ruleset.rules if r.id == args.rule_id), None)
    if rule is None:
        sys.stderr.write(
            f"Aturan tidak ditemukan: {args.rule_id}\nNo such rule: {args.rule_id}\n"
        )
        return EXIT_INPUT
    module = registry()[rule.check]
    print(f"{rule.id} — {rule.title[lang]}")
    print(f"{t('rules.category', lang)}: {rule.category}   {t('rules.severity', lang)}: {rule.severity}   {t('rules.check', lang)}: {rule.check}")
    if rule.explanation:
        print("\n" + rule.explanation[lang])
    print(f"\n{t('rules.params', lang)}:")
    for name, value in rule.params.items():
        print(f"  {name}: {value}")
    print(f"\n{t('rules.examples', lang)}:\n{inspect.cleandoc(module.__doc__ or '')}")
    return EXIT_OK
