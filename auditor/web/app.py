"""The web app: the page for people and the JSON API for tools, over one job board."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import AsyncIterator

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from auditor import __version__
from auditor.web import api, pages
from auditor.web.context import Running, WebContext
from auditor.web.errors import WebError, error_body
from auditor.web.jobs import JobBoard
from auditor.web.rulesets import Profile, bundled_profiles, default_profile_id
from auditor.web.security import BodyLimit, SafeHeaders, TokenGate, session_value
from auditor.web.settings import Settings
from auditor.web.storage import Storage
from auditor.web.texts import both

log = logging.getLogger("renja_audit.web")

DESCRIPTION = """
Checks one Renja Perangkat Daerah (PDF or Word .docx) against a bundled rule set.

* `POST /api/audit` uploads a file and answers with its JSON report (the same JSON as
  `renja-audit check FILE --format json`), waiting for the audit.
* `POST /api/jobs` queues a file and answers at once with a job id; poll
  `GET /api/jobs/{id}` until `status` is `done` or `failed`, then fetch
  `GET /api/jobs/{id}/report.{json,html,xlsx,pdf}`.

Refusals answer with `{"error": {"kind", "id", "en"}}`: a stable kind and the message in
Bahasa Indonesia and English. When the server runs with an access token, send it as
`Authorization: Bearer <token>`. Files and reports are deleted after the keep time.
"""


def create_app(settings: Settings, profiles: dict[str, Profile] | None = None) -> FastAPI:
    """The app for ``settings`` (and ``profiles``, default: the bundled rule sets).
    Its storage folder and audit workers exist while it runs, between startup and shutdown."""
    profiles = profiles if profiles is not None else bundled_profiles()
    default = default_profile_id() if default_profile_id() in profiles else next(iter(profiles))
    session = session_value(settings.token, secrets.token_bytes(32)) if settings.token else None

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        storage = Storage(settings.storage_parent)
        board = JobBoard(settings, storage)
        app.state.running = Running(storage, board)
        sweeper = asyncio.create_task(_sweep(board, settings.cleanup_seconds))
        try:
            yield
        finally:
            sweeper.cancel()
            board.close()
            storage.close()

    app = FastAPI(
        title="renja-audit",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        redoc_url=None,
        openapi_tags=[{"name": "audit", "description": "Upload a document and get its reports"}],
    )
    app.state.context = WebContext(settings, profiles, default, session)
    app.mount("/static", StaticFiles(packages=[("auditor.web", "static")]), name="static")
    app.include_router(pages.router)
    app.include_router(api.router)
    app.add_exception_handler(WebError, _web_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _bad_request)
    # Added last is outermost: the token is checked before a byte of the body is read.
    app.add_middleware(BodyLimit, max_file_bytes=settings.max_upload_bytes)
    app.add_middleware(TokenGate, token=settings.token, session=session)
    app.add_middleware(SafeHeaders)
    return app


# ---- refusals: always {"error": {kind, id, en}} ------------------------------------------------


async def _web_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, WebError)
    return JSONResponse(exc.body(), status_code=exc.status_code, headers=exc.headers)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    """Starlette's own refusals (no such route, wrong method), worded like ours."""
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        kind, texts = "not_found", both("err.not_found", path=request.url.path)
    elif exc.status_code == 405:
        kind, texts = "method", both("err.method", method=request.method)
    else:
        kind, texts = "http", both("err.http", status=exc.status_code)
    return JSONResponse(error_body(kind, texts), status_code=exc.status_code, headers=exc.headers)


async def _bad_request(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    if any(tuple(e.get("loc", ()))[-1:] == ("file",) for e in errors):
        return JSONResponse(error_body("no_file", both("err.no_file")), status_code=422)
    detail = "; ".join(f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg', '')}" for e in errors)
    return JSONResponse(error_body("bad_request", both("err.bad_request", detail=detail)), status_code=422)


async def _sweep(board: JobBoard, every: float) -> None:
    """Delete expired jobs now and then, for as long as the app runs."""
    while True:
        await asyncio.sleep(every)
        try:
            await asyncio.to_thread(board.expire)
        except Exception:  # a failed sweep is retried next time, never ends the loop
            log.exception("cleanup of expired jobs failed")
