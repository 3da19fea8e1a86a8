"""What the web tests share: a real uvicorn server on a free port, and the CLI's JSON to compare with."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from auditor.web.app import create_app
from auditor.web.settings import Settings

START_SECONDS = 30.0


@contextmanager
def live_server(settings: Settings) -> Iterator[tuple[str, Any]]:
    """Yield (base URL, app) while the server runs; stop it and wait for the thread afterwards."""
    import uvicorn

    app = create_app(settings)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))  # bound here: no race for a port between choosing and listening
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test web server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", app
    finally:
        server.should_exit = True
        thread.join(timeout=START_SECONDS)
        sock.close()


def cli_json(source: Path, folder: Path, lang: str = "id", references: tuple[Path, ...] = ()) -> bytes:
    """What `renja-audit check NAME --format json` writes, run beside a copy of the file (and
    of each reference file) so that paths are bare names, as the web job reports them."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, folder / source.name)
    for ref in references:
        shutil.copy(ref, folder / ref.name)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "auditor",
            "check",
            source.name,
            "--format",
            "json",
            "--out",
            "out",
            "--lang",
            lang,
            "--fail-on",
            "never",
            *(a for ref in references for a in ("--reference", ref.name)),
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise AssertionError(f"renja-audit check {source.name} failed:\n{proc.stderr}")
    return (folder / "out" / f"{source.stem}.json").read_bytes()
