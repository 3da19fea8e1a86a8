"""``renja-audit serve``: its options and the uvicorn run."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from auditor.errors import AuditError
from auditor.web.settings import TOKEN_ENV, Settings, is_loopback, token_from_env
from auditor.web.texts import text

Number = TypeVar("Number", int, float)


def _positive(kind: Callable[[str], Number]) -> Callable[[str], Number]:
    """An argparse type: a number above zero, refused in both languages otherwise."""

    def parse(value: str) -> Number:
        try:
            number = kind(value)
        except ValueError:
            number = kind("0")
        if number <= 0:
            raise argparse.ArgumentTypeError(f"harus lebih dari 0 / must be more than 0: {value}")
        return number

    return parse


def add_serve_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """The ``serve`` sub-command on the CLI's sub-parsers."""
    defaults = Settings()
    serve = sub.add_parser("serve", help="web page and JSON API for checking one document at a time")
    serve.add_argument(
        "--host", default=defaults.host, help="address to listen on (default: 127.0.0.1, this machine only)"
    )
    serve.add_argument("--port", type=int, default=defaults.port, help=f"port (default: {defaults.port})")
    serve.add_argument("--token", default=None, help=f"access token every user must enter (default: ${TOKEN_ENV})")
    serve.add_argument(
        "--max-upload-mb",
        type=_positive(float),
        default=defaults.max_upload_mb,
        help="largest upload in MB (default: 50)",
    )
    serve.add_argument(
        "--timeout", type=_positive(float), default=defaults.timeout, help="seconds allowed per document (default: 600)"
    )
    serve.add_argument(
        "--max-memory", type=_positive(int), default=defaults.memory_mb, help="MB of memory per audit (default: 3072)"
    )
    serve.add_argument(
        "--jobs", "-j", type=_positive(int), default=defaults.jobs, help="audits at once; others wait (default: cores)"
    )
    serve.add_argument(
        "--keep-minutes",
        type=_positive(float),
        default=defaults.keep_minutes,
        help="minutes uploads and reports are kept (default: 60)",
    )
    serve.add_argument(
        "--storage", type=Path, default=None, help="folder for the private job folder (default: system temp)"
    )
    return serve


def settings_from(args: argparse.Namespace) -> Settings:
    return Settings(
        host=args.host,
        port=args.port,
        token=token_from_env(args.token),
        max_upload_mb=args.max_upload_mb,
        timeout=args.timeout,
        memory_mb=args.max_memory,
        jobs=args.jobs,
        keep_minutes=args.keep_minutes,
        cleanup_seconds=min(60.0, args.keep_minutes * 30.0),
        storage_parent=args.storage,
    )


def startup_lines(settings: Settings) -> list[str]:
    """What the operator reads when the server starts (both languages, warnings first)."""
    lines = []
    if settings.token is None and not is_loopback(settings.host):
        lines += [text("serve.exposed", "id", host=settings.host), text("serve.exposed", "en", host=settings.host)]
    if settings.token is not None:
        lines += [text("serve.token", "id"), text("serve.token", "en")]
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '[::]') else host}:{settings.port}/"
    return lines + [text("serve.open", "id", url=url), text("serve.open", "en", url=url)]


def serve_main(args: argparse.Namespace) -> int:
    """Run the server until Ctrl+C; returns the exit status."""
    # Imported here: the other commands never need the web stack, an optional extra.
    try:
        import uvicorn

        from auditor.web.app import create_app
    except ImportError as exc:
        sys.stderr.write(
            f"Perintah serve memerlukan paket tambahan ({exc.name}): pip install 'renja-audit[web]'\n"
            f"The serve command needs extra packages ({exc.name}): pip install 'renja-audit[web]'\n"
        )
        return 2

    settings = settings_from(args)
    try:
        app = create_app(settings)
    except AuditError as exc:  # the bundled rule set does not load
        sys.stderr.write(exc.bilingual() + "\n")
        return 2
    for line in startup_lines(settings):
        sys.stderr.write(line + "\n")
    uvicorn.run(app, host=settings.host, port=settings.port, server_header=False, log_level="info")
    return 0
