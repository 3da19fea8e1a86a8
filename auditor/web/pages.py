"""The pages people see: the upload page and, with a token, the sign-in form."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from auditor import __version__
from auditor.findings import SEVERITIES
from auditor.i18n import LANGS
from auditor.i18n import t as report_text
from auditor.web.context import context
from auditor.web.security import SESSION_COOKIE
from auditor.web.texts import page_texts, text
from auditor.web.upload import megabytes

LANG_COOKIE = "renja_audit_lang"
TEMPLATES = Environment(
    loader=PackageLoader("auditor.web", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
# Scripts and styles from this server only; the report frame from this server; no plugins.
PAGE_CSP = (
    "default-src 'self'; img-src 'self' data:; frame-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

router = APIRouter(include_in_schema=False)


@router.get("/")
async def upload_page(request: Request) -> HTMLResponse:
    ctx = context(request)
    lang, chosen = page_lang(request)
    limit = megabytes(ctx.settings.max_upload_bytes, lang)
    html = _render(
        "index.html.j2",
        lang,
        profiles=[(p.id, p.title[lang]) for p in ctx.profiles.values()],
        default_profile=ctx.default_profile,
        limit_mb=limit,
        minutes=ctx.minutes,
        signed_in=ctx.session is not None,
        config={  # what the page's script needs, in the page's language
            "lang": lang,
            "limit": ctx.settings.max_upload_bytes,
            "texts": page_texts(lang),
            "tooBig": text("err.too_big", lang, size="{size}", limit=limit),
            "gone": text("err.job_gone", lang, minutes=ctx.minutes),
            "severities": {s: report_text(f"count.{s}", lang) for s in SEVERITIES},
        },
    )
    response = HTMLResponse(html, headers={"Content-Security-Policy": PAGE_CSP})
    if chosen:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax")
    return response


@router.get("/login")
async def login_page(request: Request) -> Response:
    if context(request).session is None:
        return RedirectResponse("/", status_code=303)
    return _login(page_lang(request)[0], wrong=False)


@router.post("/login")
async def login(request: Request, token: Annotated[str, Form()] = "", lang: Annotated[str, Form()] = "id") -> Response:
    ctx = context(request)
    lang = lang if lang in LANGS else "id"
    if ctx.session is None or ctx.settings.token is None:
        return RedirectResponse("/", status_code=303)
    if not _same(token.strip(), ctx.settings.token):
        return _login(lang, wrong=True)
    response = RedirectResponse(f"/?lang={lang}", status_code=303)
    # No expiry: a browser-session cookie, so closing the browser on a shared PC signs out.
    response.set_cookie(SESSION_COOKIE, ctx.session, httponly=True, samesite="strict")
    return response


@router.post("/logout")
async def logout() -> Response:
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


def page_lang(request: Request) -> tuple[str, bool]:
    """(language, whether it was just chosen): ?lang= wins and is remembered in a cookie;
    else the cookie; else Bahasa Indonesia."""
    asked = request.query_params.get("lang")
    if asked in LANGS:
        return asked, True
    remembered = request.cookies.get(LANG_COOKIE)
    return (remembered if remembered in LANGS else "id"), False


def _same(given: str, token: str) -> bool:
    return secrets.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


def _render(template: str, lang: str, **values: object) -> str:
    return TEMPLATES.get_template(template).render(
        lang=lang,
        other="en" if lang == "id" else "id",
        t=lambda key, **kw: text(key, lang, **kw),
        version=__version__,
        **values,
    )


def _login(lang: str, wrong: bool) -> HTMLResponse:
    html = _render("login.html.j2", lang, wrong=wrong)
    return HTMLResponse(html, status_code=401 if wrong else 200, headers={"Content-Security-Policy": PAGE_CSP})
