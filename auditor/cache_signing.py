"""Signed cache files: only what this user's own runs wrote is ever unpickled.

The extraction cache lives beside the reports (``OUT/.cache``), a folder other people may
be able to write (a shared archive, a copied result folder), and unpickling runs code. So
every entry starts with an HMAC-SHA256 made with a key kept in the user's own cache folder,
outside the output folder, and an entry whose MAC does not verify is never unpickled.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
import tempfile
from functools import lru_cache
from pathlib import Path

KEY_BYTES = 32
MAC_BYTES = hashlib.sha256().digest_size
KEY_FILE_ENV = "RENJA_AUDIT_CACHE_KEY_FILE"


def key_file() -> Path | None:
    """``$XDG_CACHE_HOME/renja-audit/cache.key`` (default ``~/.cache/...``), or the override."""
    override = os.environ.get(KEY_FILE_ENV)
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG spec: a relative path is to be ignored
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home directory to be found
            return None
    return Path(base) / "renja-audit" / "cache.key"


def cache_key() -> bytes | None:
    """This user's signing key, created on first use; None if it can be neither read nor made."""
    path = key_file()
    return None if path is None else _key_at(path)


@lru_cache(maxsize=8)
def _key_at(path: Path) -> bytes | None:
    try:
        return _read_key(path)
    except FileNotFoundError:
        pass
    except (OSError, ValueError):
        return None
    try:
        _create_key(path)
        return _read_key(path)
    except (OSError, ValueError):
        return None


def _read_key(path: Path) -> bytes:
    with open(path, "rb") as fh:
        key = fh.read(KEY_BYTES + 1)
    if len(key) != KEY_BYTES:
        raise ValueError(f"{path} is not a {KEY_BYTES}-byte key")
    return key


def _create_key(path: Path) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Written in full under a private name (mkstemp: O_CREAT|O_EXCL, mode 0600), then linked
    # into place: the key appears complete or not at all, and of racing creators the first
    # link wins (FileExistsError) and everyone reads that one.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".cache.key.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(secrets.token_bytes(KEY_BYTES))
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
    finally:
        os.unlink(tmp)


def _mac(key: bytes, context: str, payload: bytes | memoryview) -> bytes:
    # The entry's name is signed too: a genuine entry copied under another document's name
    # does not verify.
    mac = hmac.new(key, context.encode("utf-8") + b"\0", hashlib.sha256)
    mac.update(payload)
    return mac.digest()


def read_signed(path: Path, key: bytes | None, context: str) -> bytes | None:
    """The payload of ``path`` if ``key`` signed it for ``context``, else None (missing,
    damaged or forged: the caller treats it as a miss and never unpickles it)."""
    if key is None:
        return None
    try:
        # O_NONBLOCK and the regular-file check: a FIFO planted under the name cannot hang the run.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            blob = fh.read()
        except OSError:
            return None
    view = memoryview(blob)
    signature, payload = view[:MAC_BYTES], view[MAC_BYTES:]
    if len(signature) == MAC_BYTES and hmac.compare_digest(signature, _mac(key, context, payload)):
        return payload.tobytes()
    return None


def write_signed(path: Path, key: bytes, context: str, payload: bytes) -> None:
    """Store ``signature + payload`` at ``path`` atomically. The temporary file has an
    unpredictable name, so nobody can plant a link there to redirect the write."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(_mac(key, context, payload))
            fh.write(payload)
        os.replace(tmp, path)  # a parallel or killed writer never leaves half a file
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
