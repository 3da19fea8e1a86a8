"""Command line: ``renja-audit check FILE.pdf|FILE.docx [...]``.

Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,
2 bad usage or an input that cannot be audited.
"""

from __future__ import annotations

import argparse
import inspect
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from auditor import __version__
from auditor.errors import AuditError, InputError, internal_texts, io_texts
from auditor.extract import BACKENDS, DEFAULT_BACKEND
from auditor.extract.pdf.ocr import OCR_MODES
from auditor.extract.pdf.opening import quiet_readers
from auditor.i18n import LANGS, t
from auditor.isolate import MEMORY_MB, TIMEOUT, Job, run_isolated
from auditor.pipeline import FORMATS, DocResult, JobOptions, report_link, workers_per_document, write_outputs
from auditor.reference.fields import KINDS
from auditor.report.form.items import load_form
from auditor.report.index_report import IndexLine, write_index
from auditor.revision import read_baselines, revision_line
from auditor.rules import load_ruleset
from auditor.rules.checks import registry
from auditor.rules.ruleset import RuleSet
from auditor.rules.waivers import Waiver, load_waivers
from auditor.web.serve import add_serve_parser, serve_main

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


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"harus bilangan bulat >= 1 / must be a whole number >= 1: {value}")
    return number


def _year(value: str) -> int:
    if not value.isdigit() or not 2000 <= int(value) <= 2100:
        raise argparse.ArgumentTypeError(f"tahun 2000-2100 / a year 2000-2100: {value}")
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="renja-audit", description="Audit Renja Perangkat Daerah (Permendagri 86/2017).")
    parser.add_argument("--version", action="version", version=f"renja-audit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = sub.add_parser("check", help="audit PDF or Word (.docx) files and write reports")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE.pdf|FILE.docx")
    check.add_argument(
        "--format",
        type=_formats,
        default=["json", "html"],
        help="json,html,csv,xlsx,pdf (default: json,html); pdf = the PDF with findings marked",
    )
    check.add_argument("--out", type=Path, default=Path("reports"), help="output folder (default: reports)")
    check.add_argument("--lang", choices=LANGS, default="id", help="report language (default: id)")
    check.add_argument("--fail-on", choices=tuple(FAIL_ON), default="error", help="exit 1 at this severity")
    check.add_argument(
        "--rules",
        type=Path,
        default=None,
        help="rule set YAML, or the name of a bundled profile such as renja-2027 (default: renja-permendagri86)",
    )
    check.add_argument(
        "--extractor",
        choices=BACKENDS,
        default=DEFAULT_BACKEND,
        help="page reader (default: pdfium; pdfplumber is the slower reference, camelot finds cells in the page image)",
    )
    check.add_argument(
        "--waivers", type=Path, default=None, help="YAML list of accepted findings (rule, location, reason)"
    )
    check.add_argument(
        "--ocr", choices=OCR_MODES, default="auto", help="OCR pages without text: auto (default), always, never"
    )
    check.add_argument("--plan-year", type=_year, default=None, help="the plan year n, above what the document states")
    check.add_argument("--unit", default=None, help="the unit (perangkat daerah), above what the document states")
    check.add_argument("--region", default=None, help="the region (Kabupaten/Kota ...), above what the document states")
    check.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="keep each file's document model here (by content hash): checking it again skips the reading",
    )
    _reference_args(check)
    _form_args(check)
    check.add_argument(
        "--baseline",
        type=Path,
        default=None,
        metavar="OLD.json",
        help="the JSON report of the previous draft: mark findings new or still open, list the fixed ones",
    )
    _budget(check)

    batch = sub.add_parser("batch", help="audit every PDF/.docx in folders, in parallel, resumable")
    batch.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="PDF/.docx files or folders")
    batch.add_argument("--recursive", "-r", action="store_true", help="also look in sub-folders")
    batch.add_argument("--out", type=Path, required=True, help="output folder (reports, index.html, summary.csv/xlsx)")
    batch.add_argument(
        "--jobs", "-j", type=_positive_int, default=os.cpu_count() or 1, help="documents at once (default: cores)"
    )
    batch.add_argument(
        "--format", type=_formats, default=["json", "html"], help="per document, as in check (default: json,html)"
    )
    batch.add_argument("--lang", choices=LANGS, default="id")
    batch.add_argument("--fail-on", choices=tuple(FAIL_ON), default="error")
    batch.add_argument(
        "--rules",
        type=Path,
        default=None,
        help="rule set YAML, or the name of a bundled profile such as renja-2027 (default: renja-permendagri86)",
    )
    batch.add_argument("--extractor", choices=BACKENDS, default=DEFAULT_BACKEND)
    batch.add_argument("--waivers", type=Path, default=None)
    batch.add_argument(
        "--ocr", choices=OCR_MODES, default="auto", help="OCR pages without text: auto (default), always, never"
    )
    batch.add_argument("--plan-year", type=_year, default=None, help="the plan year n, above what the document states")
    batch.add_argument("--unit", default=None, help="the unit (perangkat daerah), above what the document states")
    batch.add_argument("--region", default=None, help="the region (Kabupaten/Kota ...), above what the document states")
    batch.add_argument("--force", action="store_true", help="audit everything again, ignoring earlier results")
    _reference_args(batch)
    _form_args(batch)
    batch.add_argument(
        "--baseline",
        type=Path,
        default=None,
        metavar="DIR",
        help="folder of the previous batch's JSON reports: each document is compared with its own",
    )
    _budget(batch)
    batch.add_argument("--cache", type=Path, default=None, help="cache folder (default: OUT/.cache)")
    batch.add_argument(
        "--executor", choices=("local", "dask"), default="local", help="local processes or a Dask cluster"
    )
    batch.add_argument(
        "--scheduler",
        default=None,
        help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: start a local cluster)",
    )

    rules = sub.add_parser("rules", help="list the rules, or explain one: rules explain ID")
    rules.add_argument("action", nargs="?", choices=("list", "explain"), default="list")
    rules.add_argument("rule_id", nargs="?", metavar="ID")
    rules.add_argument(
        "--rules",
        type=Path,
        default=None,
        help="rule set YAML, or the name of a bundled profile such as renja-2027 (default: renja-permendagri86)",
    )
    rules.add_argument("--lang", choices=LANGS, default="id")

    extract = sub.add_parser("extract", help="dump the document model read from a PDF or .docx")
    extract.add_argument("file", type=Path, metavar="FILE.pdf|FILE.docx")
    extract.add_argument("--format", choices=("json", "csv"), default="json")
    extract.add_argument("--out", type=Path, default=None, help="output file (default: standard output)")
    extract.add_argument("--extractor", choices=BACKENDS, default=DEFAULT_BACKEND)
    extract.add_argument(
        "--ocr", choices=OCR_MODES, default="auto", help="OCR pages without text: auto (default), always, never"
    )
    _budget(extract)

    debug = sub.add_parser("debug-page", help="draw the detected tables, cells and row codes on a page")
    debug.add_argument("file", type=Path, metavar="FILE.pdf")
    debug.add_argument("--page", type=int, required=True, help="1-based page number")
    debug.add_argument("--out", type=Path, required=True, help="PNG file to write")
    debug.add_argument("--extractor", choices=BACKENDS, default=DEFAULT_BACKEND)
    debug.add_argument(
        "--ocr", choices=OCR_MODES, default="auto", help="OCR pages without text: auto (default), always, never"
    )
    _budget(debug)

    template = sub.add_parser(
        "reference-template", help="write an empty reference spreadsheet (RKPD, Renstra or pagu indikatif)"
    )
    template.add_argument("kind", choices=KINDS, help="rkpd, renstra or pagu")
    template.add_argument("--out", type=Path, required=True, help="file to write (.xlsx, or .csv)")

    add_serve_parser(sub)
    return parser


def _form_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--verifier",
        default=None,
        metavar="NAME",
        help="the verifier's name under the verification sheet (--format form)",
    )
    parser.add_argument(
        "--form",
        type=Path,
        default=None,
        metavar="FORM.yaml",
        help="the verification sheet's items and wording (default: the bundled verifikasi-renja form)",
    )


def _reference_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--reference",
        type=Path,
        action="append",
        default=None,
        metavar="FILE",
        help="RKPD, Renstra or pagu indikatif data (XLSX/CSV, or a YAML mapping naming one); repeatable",
    )


def _budget(parser: argparse.ArgumentParser) -> None:
    """Every command reads each file in a child process with these bounds (isolate.py)."""
    parser.add_argument(
        "--timeout", type=_positive_float, default=TIMEOUT, help=f"seconds allowed per document (default: {TIMEOUT:g})"
    )
    parser.add_argument(
        "--max-memory", type=_positive_int, default=MEMORY_MB, help=f"MB of memory per document (default: {MEMORY_MB})"
    )


def _positive_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not 0 < number < float("inf"):
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {value!r}")
    return number


def _output_stem(path: Path, used: set[str], sha: str | None) -> str:
    stem = path.stem
    if stem in used:
        stem = f"{stem}-{(sha or str(len(used)))[:8]}"
    used.add(stem)
    return stem


def _job_options(args: argparse.Namespace, waivers: list[Waiver]) -> JobOptions:
    """What ``check`` and ``batch`` ask of each document's audit."""
    return JobOptions(
        formats=tuple(args.format),
        lang=args.lang,
        extractor=args.extractor,
        waivers=tuple(waivers),
        ocr=args.ocr,
        plan_year=args.plan_year,
        unit=args.unit,
        region=args.region,
        reference=getattr(args, "reference_data", None),
        baseline=getattr(args, "baseline_data", None),
        form=getattr(args, "form_data", None),
        verifier=getattr(args, "verifier", None),
        # check audits its files one after another; batch runs --jobs of them at once.
        workers=workers_per_document(getattr(args, "jobs", 1)),
    )


def _check(args: argparse.Namespace, ruleset: RuleSet, waivers: list[Waiver]) -> int:
    import json

    from auditor.batch.runner import io_reason
    from auditor.extract.docx.printed import WARNINGS_KEY

    options = _job_options(args, waivers)
    if args.out.exists() and not args.out.is_dir():
        sys.stderr.write(
            f"--out harus sebuah folder, tetapi {args.out} adalah berkas.\n--out must be a folder, but {args.out} is a file.\n"
        )
        return EXIT_INPUT
    failing = FAIL_ON[args.fail_on]
    status = EXIT_OK
    used: set[str] = set()
    lines: list[IndexLine] = []
    for path in args.files:
        cache = str(args.cache) if args.cache is not None else None
        result = run_isolated(Job(str(path), ruleset, options, cache, timeout=args.timeout, memory_mb=args.max_memory))
        if result.failure:
            sys.stderr.write(f"{result.failure['id']}\n{result.failure['en']}\n")
            status = EXIT_INPUT
            lines.append(IndexLine(result.entry(), None))
            continue
        for w in result.unused_waivers:
            sys.stderr.write(
                f"{path}: pengecualian {w['where']} ({w['rule']}) tidak cocok dengan temuan mana pun\n"
                f"{path}: waiver {w['where']} ({w['rule']}) matches no finding\n"
            )
        stem = _output_stem(path, used, result.sha256)
        try:
            written = write_outputs(result, args.out, stem)
        except OSError as exc:
            why_id, why_en = io_reason(exc, args.out)
            sys.stderr.write(
                f"Laporan {path} tidak dapat ditulis: {why_id}\nCannot write the report of {path}: {why_en}\n"
            )
            return EXIT_INPUT
        lines.append(IndexLine(result.entry(), report_link(result, stem)))
        print(
            t(
                "cli.done",
                args.lang,
                path=path,
                outputs=", ".join(map(str, written)),
                findings=sum(result.summary.values()),
                groups=result.groups,
                **result.summary,
            )
        )
        if result.revision is not None:
            print(f"{path}: {revision_line(result.revision, args.lang)}")
        # A format that could not be made (a .docx's annotated PDF without LibreOffice): the
        # others were written, so the exit status stays that of the findings.
        for warning in json.loads(result.outputs.get(WARNINGS_KEY, b"[]")):
            sys.stderr.write(f"{warning['id']}\n{warning['en']}\n")
        if any(result.summary[s] for s in failing):
            status = max(status, EXIT_FINDINGS)
    if len(args.files) > 1:
        try:
            written = write_index(lines, args.out, args.lang, {r.id: dict(r.title) for r in ruleset.rules})
        except OSError as exc:
            why_id, why_en = io_reason(exc, args.out)
            sys.stderr.write(
                f"Ringkasan (index) tidak dapat ditulis: {why_id}\nThe summary (index) cannot be written: {why_en}\n"
            )
            return EXIT_INPUT
        print(t("cli.index", args.lang, n=len(lines), outputs=", ".join(map(str, written))))
    return status


def _batch(args: argparse.Namespace, ruleset: RuleSet, waivers: list[Waiver]) -> int:
    from auditor.batch import BatchOptions, find_documents, run_batch

    lang = args.lang
    files, missing = find_documents(args.paths, args.recursive)
    for path in missing:
        sys.stderr.write(f"{t('batch.missing', 'id', path=path)}\n{t('batch.missing', 'en', path=path)}\n")
    if not files:
        paths = ", ".join(map(str, args.paths))
        sys.stderr.write(f"{t('batch.no_files', 'id', paths=paths)}\n{t('batch.no_files', 'en', paths=paths)}\n")
        return EXIT_INPUT
    options = _job_options(args, waivers)
    batch = BatchOptions(
        out=args.out,
        jobs=args.jobs,
        executor=args.executor,
        scheduler=args.scheduler,
        force=args.force,
        timeout=args.timeout,
        memory_mb=args.max_memory,
        cache=args.cache,
    )
    try:
        result = run_batch(files, ruleset, options, batch)
    except KeyboardInterrupt:
        sys.stderr.write(f"\n{t('batch.interrupted', 'id')}\n{t('batch.interrupted', 'en')}\n")
        return 130
    statuses = [line.entry["status"] for line in result.lines]
    print(
        t(
            "batch.summary",
            lang,
            total=len(result.lines),
            audited=result.audited,
            cached=result.cached,
            errors=statuses.count("errors"),
            warnings=statuses.count("warnings"),
            clean=statuses.count("clean"),
            failed=statuses.count("failed"),
            outputs=", ".join(map(str, result.summary_files)),
        )
    )
    if result.failed():
        sys.stderr.write(f"{t('batch.failed', 'id')} / {t('batch.failed', 'en')}\n")
        for line in result.failed():
            failure = line.entry["failure"]
            sys.stderr.write(f"  {line.entry['path']}\n    {failure['id']}\n    {failure['en']}\n")
    if missing or result.failed() or result.summary_lost:
        return EXIT_INPUT  # a batch without its summary is not done, though its reports are
    failing = FAIL_ON[args.fail_on]
    return EXIT_FINDINGS if any(line.entry["summary"][s] for line in result.lines for s in failing) else EXIT_OK


def _isolated(args: argparse.Namespace, task: str, **fields: Any) -> DocResult:
    options = JobOptions(extractor=args.extractor, ocr=args.ocr)
    return run_isolated(
        Job(str(args.file), None, options, timeout=args.timeout, memory_mb=args.max_memory, task=task, **fields)
    )


def _extract(args: argparse.Namespace) -> int:
    if args.out is not None and args.out.is_dir():
        raise _is_folder(args.out)
    result = _isolated(args, "extract", format=args.format)
    if result.failure:
        raise InputError(result.failure["kind"], result.failure["id"], result.failure["en"])
    text = result.outputs[args.format].decode("utf-8")
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    return EXIT_OK


def _debug_page(args: argparse.Namespace) -> int:
    if args.out.is_dir():
        raise _is_folder(args.out)  # before the page is drawn, not after
    result = _isolated(args, "debug-page", page=args.page)
    if result.failure:
        raise InputError(result.failure["kind"], result.failure["id"], result.failure["en"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(result.outputs["png"])
    print(args.out)
    return EXIT_OK


def _is_folder(path: Path) -> InputError:
    return InputError(
        "io",
        f"--out menunjuk sebuah folder, bukan berkas: {path}",
        f"--out names a folder, not a file: {path}",
    )


def _guarded(action, args: argparse.Namespace, label: Path) -> int:
    """Run one file's work; every failure becomes a bilingual message and exit 2."""
    try:
        return int(action(args))
    except AuditError as exc:
        sys.stderr.write(exc.bilingual() + "\n")
    except OSError as exc:
        sys.stderr.write("\n".join(io_texts(exc)) + "\n")
    except Exception as exc:  # a bug must cost one file, not the whole run
        sys.stderr.write("\n".join(internal_texts(exc, label)) + "\n")
    return EXIT_INPUT


def main(argv: Sequence[str] | None = None) -> int:
    quiet_readers()
    args = build_parser().parse_args(argv)
    if args.command == "extract":
        return _guarded(_extract, args, args.file)
    if args.command == "debug-page":
        return _guarded(_debug_page, args, args.file)
    if args.command == "serve":
        return serve_main(args)
    if args.command == "reference-template":
        return _reference_template(args)
    try:
        ruleset = load_ruleset(args.rules)
        waivers = load_waivers(args.waivers) if getattr(args, "waivers", None) else []
        # Read once here, before any document: a file no document can use stops the run.
        if getattr(args, "reference", None):
            from auditor.reference.read import read_references  # only with --reference

            args.reference_data = read_references(args.reference)
        else:
            args.reference_data = None
        args.baseline_data = read_baselines(args.baseline) if getattr(args, "baseline", None) else None
        args.form_data = load_form(args.form) if getattr(args, "form", None) else None
    except AuditError as exc:
        sys.stderr.write(exc.bilingual() + "\n")
        return EXIT_INPUT
    if args.command == "rules":
        return _rules(args, ruleset)
    if args.command == "batch":
        return _batch(args, ruleset, waivers)
    return _check(args, ruleset, waivers)


def _reference_template(args: argparse.Namespace) -> int:
    from auditor.reference.template import template_bytes

    try:
        args.out.write_bytes(template_bytes(args.kind, csv_format=args.out.suffix.lower() == ".csv"))
    except OSError as exc:
        sys.stderr.write("\n".join(io_texts(exc, args.out)) + "\n")
        return EXIT_INPUT
    print(args.out)
    return EXIT_OK


def _rules(args: argparse.Namespace, ruleset: RuleSet) -> int:
    lang = args.lang
    if args.action == "list":
        for listed in ruleset.rules:
            print(f"{listed.id:10s} {listed.category:17s} {listed.severity:8s} {listed.title[lang]}")
        return EXIT_OK
    rule = next((r for r in ruleset.rules if r.id == args.rule_id), None)
    if rule is None:
        sys.stderr.write(f"Aturan tidak ditemukan: {args.rule_id}\nNo such rule: {args.rule_id}\n")
        return EXIT_INPUT
    module = registry()[rule.check]
    print(f"{rule.id} — {rule.title[lang]}")
    print(
        f"{t('rules.category', lang)}: {rule.category}   {t('rules.severity', lang)}: {rule.severity}   {t('rules.check', lang)}: {rule.check}"
    )
    if rule.explanation:
        print("\n" + rule.explanation[lang])
    print(f"\n{t('rules.params', lang)}:")
    for name, value in rule.params.items():
        print(f"  {name}: {value}")
    print(f"\n{t('rules.examples', lang)}:\n{inspect.cleandoc(module.__doc__ or '')}")
    return EXIT_OK
