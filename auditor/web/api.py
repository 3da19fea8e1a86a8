"""The JSON API: upload and wait, or upload, poll and fetch the reports."""

from __future__ import annotations

import asyncio
import os
import re
import time
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import FileResponse, JSONResponse, Response

from auditor.errors import InputError
from auditor.i18n import LANGS
from auditor.reference.data import ReferenceData
from auditor.reference.read import read_references
from auditor.revision import Baselines, read_baselines
from auditor.web.context import context, running
from auditor.web.errors import WebError
from auditor.web.jobs import OUTPUTS, PAGE_FORMATS, WebJob
from auditor.web.storage import new_id
from auditor.web.upload import display_name, document_kind, safe_name, save_upload

UPLOAD_DIR = "upload"  # inside a job folder: the document, apart from the reports beside it
# The report page runs its own inline filter script; sandboxed, it can reach nothing of the app.
REPORT_CSP = (
    "sandbox allow-scripts allow-popups; default-src 'none'; img-src data:; "
    "style-src 'unsafe-inline'; script-src 'unsafe-inline'"
)
# Status of a failed synchronous audit, by failure kind; anything else is the document's fault (422).
FAILURE_STATUS = {"timeout": 504, "crash": 500, "internal": 500, "memory": 500, "io": 500}

REFUSALS: dict[int | str, dict[str, Any]] = {
    401: {"description": "Missing or wrong access token"},
    413: {"description": "The upload is larger than the limit"},
    415: {"description": "The upload is neither a PDF nor a Word .docx (judged by its content)"},
    422: {"description": "Bad form fields, or a document that cannot be audited (damaged, scanned, not a Renja)"},
    503: {"description": "Too many audits are waiting; retry later"},
}
FileField = Annotated[UploadFile, File(description="The Renja document: a PDF or a Word .docx file.")]
RulesField = Annotated[
    str | None, Form(description="Rule profile id from `GET /api/profiles` (default: the bundled renja-permendagri86).")
]
LangField = Annotated[str, Form(description="Report language: `id` (Bahasa Indonesia) or `en`.")]
ReferenceField = Annotated[
    list[UploadFile] | None,
    File(
        description="Optional reference data to compare with: RKPD, Renstra PD or pagu indikatif spreadsheets "
        "(XLSX or CSV, the layouts `renja-audit reference-template` writes or SIPD-style headers); several allowed."
    ),
]
REFERENCE_DIR = "reference"
BaselineField = Annotated[
    UploadFile | None,
    File(
        description="Optional: the JSON report of the document's previous version; each finding is then marked "
        "`status` new or open and the report lists the `fixed` ones."
    ),
]
BASELINE_DIR = "baseline"

router = APIRouter(prefix="/api", tags=["audit"])


@router.get("/profiles", summary="The rule profiles one may choose")
async def list_profiles(request: Request) -> list[dict[str, Any]]:
    """The bundled rule sets: `id` (for the `rules` field), title in both languages, number of rules."""
    ctx = context(request)
    return [
        {"id": p.id, "title": p.title, "rules": len(p.ruleset.rules), "default": p.id == ctx.default_profile}
        for p in ctx.profiles.values()
    ]


@router.post(
    "/audit",
    summary="Audit a document and wait for its JSON report",
    responses={
        200: {"content": {"application/json": {}}, "description": "The JSON report"},
        **REFUSALS,
        504: {"description": "The audit took longer than the server's timeout"},
    },
)
async def audit(
    request: Request,
    file: FileField,
    rules: RulesField = None,
    lang: LangField = "id",
    reference: ReferenceField = None,
    baseline: BaselineField = None,
) -> Response:
    """Upload a PDF or .docx; the answer is its JSON report once the audit is done, byte for byte
    what `renja-audit check NAME --format json` writes for the same file (`document.path` is the
    uploaded file's name). Nothing is kept on the server."""
    job = await _accept(request, file, rules, lang, ("json",), reference, baseline)
    board = running(request).board
    try:
        await asyncio.wrap_future(job.done)
        if job.failure:
            return JSONResponse({"error": dict(job.failure)}, status_code=FAILURE_STATUS.get(job.failure["kind"], 422))
        content = await asyncio.to_thread(job.output("json").read_bytes)
    finally:
        board.delete(job.id)
    return Response(content, media_type="application/json")


@router.post("/jobs", status_code=202, summary="Queue a document's audit", responses=REFUSALS)
async def create_job(
    request: Request,
    file: FileField,
    rules: RulesField = None,
    lang: LangField = "id",
    reference: ReferenceField = None,
    baseline: BaselineField = None,
) -> JSONResponse:
    """Upload a PDF or .docx and get its job at once (`status` `queued`). Poll `GET /api/jobs/{id}`.
    The id is the only way to the job and its reports: keep it private."""
    job = await _accept(request, file, rules, lang, PAGE_FORMATS, reference, baseline)
    return JSONResponse(_status(request, job), status_code=202, headers={"Location": f"/api/jobs/{job.id}"})


@router.get("/jobs/{job_id}", summary="A job's status", responses={404: {"description": "No such job (or deleted)"}})
async def get_job(request: Request, job_id: str) -> dict[str, Any]:
    """`status`: `queued` (with `ahead`, the audits it waits for), `reading`, `done` (with `summary`,
    `document` and `reports` links) or `failed` (with `failure`: kind and message in id/en).
    `elapsed` counts seconds since the upload; `expires_in` the seconds left before deletion."""
    return _status(request, _found(request, job_id))


@router.delete("/jobs/{job_id}", status_code=204, summary="Delete a job and its files now")
async def delete_job(request: Request, job_id: str) -> Response:
    """Removes the upload and the reports at once instead of after the keep time."""
    _found(request, job_id)
    await asyncio.to_thread(running(request).board.delete, job_id)
    return Response(status_code=204)


@router.get(
    "/jobs/{job_id}/report.{fmt}",
    summary="A finished job's report",
    response_class=FileResponse,
    responses={404: {"description": "No such job or format"}, 409: {"description": "Not finished, or failed"}},
)
async def get_report(request: Request, job_id: str, fmt: str, download: bool = False) -> FileResponse:
    """`fmt`: `json`, `html` (shown in the page; `?download=true` to save it), `xlsx` or `pdf`
    (the document with its findings marked)."""
    job = _found(request, job_id)
    if fmt not in OUTPUTS:
        raise WebError.of(404, "not_found", path=request.url.path)
    if job.status != "done" or fmt not in job.outputs:
        raise WebError.of(409, "not_ready")
    _, media, suffix = OUTPUTS[fmt]
    return FileResponse(
        job.output(fmt),
        media_type=media,
        filename=f"{Path(job.name).stem}{suffix}",
        headers={"Content-Security-Policy": REPORT_CSP} if fmt == "html" else None,
        content_disposition_type="inline" if fmt == "html" and not download else "attachment",
    )


async def _accept(
    request: Request,
    file: UploadFile,
    rules: str | None,
    lang: str,
    formats: tuple[str, ...],
    reference: list[UploadFile] | None = None,
    baseline: UploadFile | None = None,
) -> WebJob:
    """Check the fields, store the upload (and any reference data) under a new id and queue its audit."""
    ctx, run = context(request), running(request)
    if lang not in LANGS:
        raise WebError.of(422, "lang", given=lang)
    profile = ctx.profiles.get(rules or ctx.default_profile)
    if profile is None:
        raise WebError.of(422, "profile", profile=rules, known=", ".join(ctx.profiles))
    job_id = new_id()
    folder = run.storage.create(job_id)
    try:
        inbox = folder / UPLOAD_DIR
        inbox.mkdir(mode=0o700)
        partial = inbox / ".partial"  # never a name safe_name gives
        await save_upload(file, partial, ctx.settings.max_upload_bytes)
        kind = await asyncio.to_thread(document_kind, partial, file.filename)
        upload = partial.rename(inbox / safe_name(file.filename, kind))
        data = await _reference(folder, [r for r in reference or [] if r.filename], ctx.settings.max_upload_bytes)
        previous = await _baseline(folder, baseline, ctx.settings.max_upload_bytes)
        job = WebJob(job_id, folder, upload, profile, lang, formats, reference=data, baseline=previous)
        run.board.submit(job)
    except BaseException:
        run.storage.remove(job_id)
        raise
    return job


async def _reference(folder: Path, files: list[UploadFile], limit: int) -> ReferenceData | None:
    """The reference spreadsheets uploaded with a document, read as ``check --reference``
    reads them; a file no audit could use refuses the whole upload (422, saying why)."""
    if not files:
        return None
    inbox = folder / REFERENCE_DIR
    inbox.mkdir(mode=0o700)
    saved = []
    for n, upload in enumerate(files, start=1):
        name = display_name(upload.filename)
        suffix = ".csv" if name.lower().endswith(".csv") else ".xlsx"
        stem = re.sub(r"[^\w.-]+", "_", name[: -len(suffix)] if name.lower().endswith(suffix) else name).strip("._")
        target = inbox / f"{n}-{stem or 'rujukan'}{suffix}"[:120]
        await save_upload(upload, target, limit)
        saved.append(target)
    try:
        return await asyncio.to_thread(read_references, saved)
    except InputError as exc:  # the server's folders are nobody's business: name the file only
        texts = {lang: text.replace(f"{inbox}{os.sep}", "") for lang, text in exc.texts.items()}
        raise WebError(422, "reference", texts) from None


async def _baseline(folder: Path, upload: UploadFile | None, limit: int) -> Baselines | None:
    """The previous version's JSON report, read as ``check --baseline`` reads it; one that is
    not a renja-audit report refuses the upload (422, naming the file as uploaded)."""
    if upload is None or not upload.filename:
        return None
    inbox = folder / BASELINE_DIR
    inbox.mkdir(mode=0o700)
    target = inbox / "previous.json"
    await save_upload(upload, target, limit)
    try:
        found = await asyncio.to_thread(read_baselines, target)
    except InputError as exc:
        shown = display_name(upload.filename)
        texts = {lang: text.replace(str(target), shown) for lang, text in exc.texts.items()}
        raise WebError(422, "baseline", texts) from None
    name = display_name(upload.filename)  # the reports name the file as uploaded, not the server's folder
    return replace(found, given=name, reports=tuple(replace(b, path=name) for b in found.reports))


def _found(request: Request, job_id: str) -> WebJob:
    job = running(request).board.get(job_id)
    if job is None:
        raise WebError.of(404, "job_gone", minutes=context(request).minutes)
    return job


def _status(request: Request, job: WebJob) -> dict[str, Any]:
    board = running(request).board
    return job.view(time.time(), board.ahead_of(job), context(request).settings.keep_seconds)
