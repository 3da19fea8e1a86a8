"""ASGI guards in front of the app: the access token, the upload size, and safe headers.

Plain ASGI (not BaseHTTPMiddleware) so an oversized upload is refused from its
Content-Length before any byte of the body is read, and counted while it streams.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import quote

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import cookie_parser

from auditor.web.errors import WebError, error_body
from auditor.web.texts import both
from auditor.web.upload import too_big

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SESSION_COOKIE = "renja_audit_session"
OPEN_PATHS = ("/login", "/static/", "/favicon.ico")  # reachable without the token
FORM_SLACK = 64 * 1024  # multipart framing and the small form fields around the file


async def send_json(send: Send, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
    payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
    raw = [(b"content-type", b"application/json; charset=utf-8"), (b"content-length", str(len(payload)).encode())]
    raw += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": payload})


def session_value(token: str, key: bytes) -> str:
    """What the sign-in cookie holds: proof the token was entered, not the token itself."""
    return hmac.new(key, token.encode("utf-8"), hashlib.sha256).hexdigest()


class TokenGate:
    """With a token set, only requests carrying it (header or sign-in cookie) get through."""

    def __init__(self, app: ASGIApp, token: str | None, session: str | None) -> None:
        self.app = app
        self.token = token
        self.session = session

    def allowed(self, scope: Scope) -> bool:
        if self.token is None or scope["path"].startswith(OPEN_PATHS):
            return True
        headers = Headers(scope=scope)
        scheme, _, given = headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and secrets.compare_digest(given.strip().encode(), self.token.encode()):
            return True
        cookie = cookie_parser(headers.get("cookie", "")).get(SESSION_COOKIE, "")
        return (
            self.session is not None
            and bool(self.session)
            and secrets.compare_digest(cookie.encode(), self.session.encode())
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.allowed(scope):
            await self.app(scope, receive, send)
            return
        if scope["method"] == "GET" and scope["path"] == "/":
            # A person opening the page is sent to the sign-in form, keeping ?lang=.
            query = scope.get("query_string", b"").decode("latin-1")
            target = "/login" + (f"?{quote(query, safe='=&')}" if query else "")
            await send(
                {"type": "http.response.start", "status": 303, "headers": [(b"location", target.encode("latin-1"))]}
            )
            await send({"type": "http.response.body", "body": b""})
            return
        await send_json(send, 401, error_body("unauthorized", both("err.unauthorized")), {"WWW-Authenticate": "Bearer"})


class BodyLimit:
    """Refuse a request body over the upload limit: at once from Content-Length, else while it streams."""

    def __init__(self, app: ASGIApp, max_file_bytes: int) -> None:
        self.app = app
        self.file_limit = max_file_bytes
        self.limit = max_file_bytes + FORM_SLACK

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        length = Headers(scope=scope).get("content-length", "")
        if length.isdigit() and int(length) > self.limit:
            error = too_big(self.file_limit, int(length))
            await send_json(send, 413, error.body(), {"Connection": "close"})
            return
        seen = 0
        started = False

        async def counted() -> dict[str, Any]:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise too_big(self.file_limit, None)
            return message

        async def watched(message: dict[str, Any]) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except WebError as error:  # raised outside the routes' own error handling
            if started:
                raise
            await send_json(send, error.status_code, error.body(), {"Connection": "close"})


class SafeHeaders:
    """Headers every response gets: no type sniffing, no referrer (job ids are in URLs), no caching of jobs."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        private = scope["path"].startswith("/api/")

        async def add(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "no-referrer")
                headers.setdefault("X-Frame-Options", "SAMEORIGIN")
                if private:
                    headers.setdefault("Cache-Control", "no-store")
            await send(message)

        await self.app(scope, receive, add)
