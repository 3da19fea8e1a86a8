"""The per-document job: one PDF and a rule set in, one result (report + rendered outputs) out.

``check``, ``batch`` and the distributed executor all call :func:`audit_document`, so
every way of running the tool produces the same reports. The job writes nothing: the
caller decides where the outputs go (a local folder, a shared one, a web response).
"""

from __future__ import annotations

import dataclasses
import errno
import os
import pickle
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor import __version__
from auditor.errors import AuditError, internal_texts, io_texts
from auditor.extract import DEFAULT_BACKEND, extract_document
from auditor.extract.meta import override_identity
from auditor.extract.pdf.opening import file_sha256
from auditor.model.batch_facts import document_facts
from auditor.model.document import Document, model_signature
from auditor.reference.attach import attach_reference
from auditor.reference.data import ReferenceData
from auditor.report.content import Report, build_report
from auditor.report.form.items import Form
from auditor.report.json_report import report_json, to_json
from auditor.revision import Baselines, compare
from auditor.rules import run_rules
from auditor.rules.ruleset import RuleSet
from auditor.rules.waivers import Waiver

FORMATS = ("json", "html", "csv", "xlsx", "pdf", "form")
# File name of each output beside the document's stem ("form" is the verification sheet, written
# as XLSX and, under "form_docx", as DOCX).
SUFFIXES = {
    "json": ".json",
    "html": ".html",
    "csv": ".csv",
    "xlsx": ".xlsx",
    "pdf": ".annotated.pdf",
    "form": ".form.xlsx",
    "form_docx": ".form.docx",
}
STATUSES = ("errors", "warnings", "clean", "failed")


@dataclass(frozen=True)
class JobOptions:
    formats: tuple[str, ...] = ("json", "html")
    lang: str = "id"
    extractor: str = DEFAULT_BACKEND
    waivers: tuple[Waiver, ...] = ()
    ocr: str = "auto"  # auto | always | never: OCR for pages without a text layer
    # What the user states about the document, above anything read from it.
    plan_year: int | None = None
    unit: str | None = None
    region: str | None = None
    reference: ReferenceData | None = None  # RKPD/Renstra/pagu data given with --reference
    baseline: Baselines | None = None  # earlier reports given with --baseline
    form: Form | None = None  # the verification form (--form), else the bundled one
    verifier: str | None = None  # the name under the verification sheet (--verifier)
    facts: bool = False  # keep what the checks across a batch compare (batch sets it)
    # Processes one document's audit may use (its pages read, its rules run, at once): the
    # cores a run leaves free for each document (workers_per_document()). The findings are the same.
    workers: int = 1


@dataclass
class DocResult:
    """What one document's audit gave, enough for an index line and for writing its files."""

    path: str
    status: str  # one of STATUSES
    seconds: float
    sha256: str | None = None
    unit: str | None = None
    region: str | None = None
    plan_year: int | None = None
    pages: int | None = None
    summary: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    rule_counts: dict[str, int] = field(default_factory=dict)
    groups: int = 0  # how many groups of findings with one cause (auditor/grouping.py)
    revision: dict[str, Any] | None = None  # with --baseline: the report's "revision" block
    # Findings per category and severity: the batch index's units x categories overview.
    categories: dict[str, dict[str, int]] = field(default_factory=dict)
    # What the checks across a batch compare (model/batch_facts.py).
    facts: dict[str, Any] | None = None
    failure: dict[str, str] | None = None  # {"kind", "id", "en"} when status == "failed"
    unused_waivers: list[dict[str, Any]] = field(default_factory=list)
    outputs: dict[str, bytes] = field(default_factory=dict)  # format -> file content

    def entry(self) -> dict[str, Any]:
        """The index line (no file contents): what batch summaries and caches keep."""
        return {
            "path": self.path,
            "status": self.status,
            "seconds": round(self.seconds, 3),
            "sha256": self.sha256,
            "unit": self.unit,
            "region": self.region,
            "plan_year": self.plan_year,
            "pages": self.pages,
            "summary": dict(self.summary),
            "rule_counts": dict(self.rule_counts),
            "failure": self.failure,
            "groups": self.groups,
            "revision": self.revision,
            "categories": {c: dict(n) for c, n in self.categories.items()},
            "facts": self.facts,
        }


def status_of(summary: dict[str, int]) -> str:
    if summary["error"]:
        return "errors"
    return "warnings" if summary["warning"] else "clean"


def render_outputs(
    path: Path,
    report: Report,
    formats: tuple[str, ...],
    lang: str,
    doc: Document | None = None,
    form: Form | None = None,
    verifier: str | None = None,
) -> dict[str, bytes]:
    """Every output asked for, in ``lang``; ``doc``, the model the report was made from,
    spares a Word document a second reading; ``form`` and ``verifier`` make the verification sheet."""
    # Imported here: each output pulls its own libraries (Jinja2, pypdfium2, openpyxl, pypdf).
    # The HTML and annotated PDF show ``view`` on the pages of ``source``; for a PDF, the report itself.
    view, docx = report, None
    source: Path | None = path
    if report.document.is_word:
        # A Word document has no pages: outputs name Word places instead, and the pictures
        # come from a LibreOffice print of it when one can be made (else there are none).
        from auditor.report.word_views import docx_views

        docx = docx_views(path, report, pictures="html" in formats or "pdf" in formats, word_doc=doc)
        report, view, source = docx.report, docx.view, docx.pdf
    try:
        out: dict[str, bytes] = {}
        if "json" in formats:
            out["json"] = report_json(report, lang).encode("utf-8")
        if "html" in formats:
            from auditor.report.crops import finding_pictures
            from auditor.report.html_report import render_html

            pictures = finding_pictures(source, view.findings) if source is not None else {}
            out["html"] = render_html(view, lang, pictures).encode("utf-8")
        if "csv" in formats:
            from auditor.report.tabular import to_csv

            out["csv"] = to_csv(report, lang).encode("utf-8")
        if "xlsx" in formats:
            from auditor.report.tabular import to_xlsx

            out["xlsx"] = to_xlsx(report, lang)
        if "form" in formats:
            from auditor.report.form import form_outputs, load_form

            out.update(form_outputs(form or load_form(), report, lang, verifier))
        if "pdf" in formats and source is not None:
            from auditor.report.pdf.annotate import annotate_pdf

            out["pdf"] = annotate_pdf(source, view, lang)
        elif "pdf" in formats:
            # A Word document LibreOffice could not print: the other formats are still made and
            # the user is told why there is no annotated PDF; with no other format, nothing is.
            import json

            from auditor.errors import InputError
            from auditor.extract.docx.printed import WARNINGS_KEY, print_failure

            why_id, why_en = print_failure(path)
            text_id = f"PDF beranotasi untuk {path} tidak dapat dibuat: {why_id}."
            text_en = f"The annotated PDF of {path} could not be made: {why_en}."
            if not out:
                raise InputError(
                    "io",  # retried by a batch re-run, e.g. once LibreOffice is installed
                    f"{text_id} Tidak ada bentuk laporan lain yang diminta (--format), jadi tidak ada yang ditulis.",
                    f"{text_en} No other report format was asked for (--format), so nothing was written.",
                )
            out[WARNINGS_KEY] = json.dumps([{"id": text_id, "en": text_en}], ensure_ascii=False).encode("utf-8")
        return out
    finally:
        if docx is not None:
            docx.close()


def audit_document(
    path: Path, ruleset: RuleSet, options: JobOptions, extraction_cache: Path | None = None
) -> DocResult:
    """Audit one file. Never raises for a bad input or a bug: the failure is the result.

    With ``extraction_cache`` (a folder), the document model read from a PDF is kept
    there by content hash, so auditing it again with other rules skips the reading.
    """
    start = time.perf_counter()

    def work() -> DocResult:
        doc = read_cached(path, options.extractor, extraction_cache, options.ocr, options.workers)
        doc = override_identity(doc, options.plan_year, options.unit, options.region)
        if options.reference is not None:
            doc = attach_reference(doc, options.reference)
        result = run_rules(doc, ruleset, waivers=list(options.waivers), workers=options.workers)
        report = build_report(doc, result, ruleset)
        if options.baseline is not None:
            revision = compare(report.findings, options.baseline, str(path), doc.unit, doc.plan_year)
            report = dataclasses.replace(report, revision=revision)
        outputs = render_outputs(path, report, options.formats, options.lang, doc, options.form, options.verifier)
        meta = report.document
        summary = report.summary
        return DocResult(
            path=str(path),
            status=status_of(summary),
            seconds=time.perf_counter() - start,
            sha256=meta.sha256,
            unit=meta.unit,
            region=meta.region,
            plan_year=meta.plan_year,
            pages=meta.pages,
            summary=summary,
            rule_counts=dict(sorted(Counter(f.rule for f in report.findings).items())),
            groups=len(report.groups),
            revision=report.revision.to_dict() if report.revision is not None else None,
            categories=_by_category(report),
            facts=document_facts(doc) if options.facts else None,
            unused_waivers=[w.to_dict() for w in report.unused_waivers],
            outputs=outputs,
        )

    return guarded(path, start, work)


def _by_category(report: Report) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for f in report.findings:
        per = counts.setdefault(f.category, {})
        per[f.severity] = per.get(f.severity, 0) + 1
    return counts


def extract_model(path: Path, extractor: str, ocr: str, fmt: str) -> DocResult:
    """The document model of one file (``renja-audit extract``) as ``outputs[fmt]``, or the failure."""
    start = time.perf_counter()

    def work() -> DocResult:
        from auditor.model.export import cells_csv, document_to_dict

        doc = extract_document(path, extractor, ocr=ocr)
        text = to_json(document_to_dict(doc)) if fmt == "json" else cells_csv(doc)
        return DocResult(
            path=str(path),
            status="clean",
            seconds=time.perf_counter() - start,
            sha256=doc.sha256,
            pages=doc.pages,
            outputs={fmt: text.encode("utf-8")},
        )

    return guarded(path, start, work)


def debug_page(path: Path, page_no: int, extractor: str, ocr: str) -> DocResult:
    """``renja-audit debug-page``: the page with what was detected drawn on it, as ``outputs["png"]``."""
    start = time.perf_counter()

    def work() -> DocResult:
        from auditor.debug import debug_png  # Pillow: only for this command

        png = debug_png(path, page_no, extractor, ocr)
        return DocResult(path=str(path), status="clean", seconds=time.perf_counter() - start, outputs={"png": png})

    return guarded(path, start, work)


def guarded(path: Path, start: float, work: Callable[[], DocResult]) -> DocResult:
    """``work()``, or the reason it failed as a result: every command's per-file job runs here."""
    try:
        return work()
    except AuditError as exc:
        return _failed(path, start, exc.kind, exc.texts["id"], exc.texts["en"])
    except OSError as exc:
        if exc.errno == errno.ENOMEM or "failed to map segment" in str(exc):
            # Out of memory under the cap (a shared library that cannot be mapped says it so).
            return _failed(path, start, "memory", *memory_texts(path))
        return _failed(path, start, "io", *io_texts(exc, path))
    except MemoryError:
        return _failed(path, start, "memory", *memory_texts(path))
    except RecursionError:
        return _failed(
            path,
            start,
            "corrupt",
            f"Struktur berkas terlalu dalam bertingkat (berkas rusak atau sengaja dibuat demikian): {path}",
            f"The file's structure is nested too deeply (damaged or crafted): {path}",
        )
    except Exception as exc:  # a bug must cost one file, not the whole run
        return _failed(path, start, "internal", *internal_texts(exc, path))


def memory_texts(path: Path | str, limit_mb: int | None = None) -> tuple[str, str]:
    """The bilingual "too large for memory" message."""
    cap_id = f" (batas {limit_mb} MB; lihat --max-memory)" if limit_mb else ""
    cap_en = f" (limit {limit_mb} MB; see --max-memory)" if limit_mb else ""
    return (
        f"Berkas terlalu besar untuk diperiksa: memori yang diperlukan melebihi batas{cap_id}: {path}",
        f"File too large to audit: it needs more memory than allowed{cap_en}: {path}",
    )


def extraction_key(sha256: str, extractor: str, ocr: str) -> str:
    """The extraction cache's file name for a document's content read this way. The model's
    shape is in it: a model pickled before a field was added would load without it (and fail
    later), so a changed model reads the document again."""
    return f"{sha256}-{extractor}-ocr_{ocr}-{__version__}-{model_signature()[:12]}.pickle"


def workers_per_document(documents_at_once: int) -> int:
    """The cores each of ``documents_at_once`` audits can use."""
    return max(1, (os.cpu_count() or 1) // max(1, documents_at_once))


def read_cached(path: Path, extractor: str, cache: Path | None, ocr: str = "auto", workers: int = 1) -> Document:
    """The document model of ``path``; with ``cache`` (a folder), kept there by content hash
    and read back, signed, the next time."""
    from auditor.cache_signing import cache_key, read_signed, write_signed

    # The cache folder may be writable by others and unpickling runs code: entries are signed
    # with this user's key, and without a key there is no cache at all.
    secret = cache_key() if cache is not None else None
    if cache is None or secret is None:
        return extract_document(path, extractor, ocr=ocr, workers=workers)
    # OCR results are kept with the rest of the extraction: a scanned archive is read once.
    try:
        digest = file_sha256(path)
    except OSError:  # missing, a folder, unreadable: the reader says which, in both languages
        return extract_document(path, extractor, ocr=ocr, workers=workers)
    key = extraction_key(digest, extractor, ocr)
    target = cache / key
    payload = read_signed(target, secret, key)  # None when missing, damaged or not signed by us
    if payload is not None:
        try:
            # Our own cache, written below by this tool version for this exact file content.
            doc = pickle.loads(payload)
            return dataclasses.replace(doc, path=str(path))
        except Exception:  # a damaged cache entry is read again from the PDF (and overwritten)
            pass
    doc = extract_document(path, extractor, ocr=ocr, workers=workers)
    try:
        write_signed(target, secret, key, pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a cache that cannot be written only costs speed
    return doc


def _failed(path: Path, start: float, kind: str, id_text: str, en_text: str) -> DocResult:
    return DocResult(
        path=str(path),
        status="failed",
        seconds=time.perf_counter() - start,
        failure={"kind": kind, "id": id_text, "en": en_text},
    )


def write_outputs(result: DocResult, out_dir: Path, stem: str) -> list[Path]:
    """Write one document's rendered outputs under ``out_dir`` (``stem`` may hold folders)."""
    written = []
    for fmt in SUFFIXES:
        if fmt in result.outputs:
            target = out_dir / f"{stem}{SUFFIXES[fmt]}"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(result.outputs[fmt])
            written.append(target)
    return written


def report_link(result: DocResult, stem: str) -> str | None:
    """The file an index line links to: the HTML report, else whatever was written."""
    for fmt in ("html", "pdf", "json", "xlsx", "csv"):
        if fmt in result.outputs:
            return f"{stem}{SUFFIXES[fmt]}"
    return None
