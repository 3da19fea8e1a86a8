"""Errors that reach the user: always bilingual, never a traceback."""

from __future__ import annotations


class AuditError(Exception):
    """A problem the user can act on. ``kind`` is a stable machine-readable id."""

    def __init__(self, kind: str, id_text: str, en_text: str) -> None:
        super().__init__(en_text)
        self.kind = kind
        self.texts = {"id": id_text, "en": en_text}

    def bilingual(self) -> str:
        return f"{self.texts['id']}\n{self.texts['en']}"


class InputError(AuditError):
    """The input file cannot be audited (not a PDF, encrypted, no text, not a Renja...)."""


class RuleSetError(AuditError):
    """The rule set YAML is invalid."""


def io_texts(exc: OSError, path: object = "") -> tuple[str, str]:
    """The bilingual message for a file that could not be read or written."""
    name = exc.filename or path
    return (
        f"Tidak dapat menulis/membaca berkas: {name} ({exc.strerror})",
        f"Cannot read/write file: {name} ({exc.strerror})",
    )


def internal_texts(exc: BaseException, path: object) -> tuple[str, str]:
    """The bilingual message for a bug met while working on ``path``: it is reported, not hidden."""
    what = f"{type(exc).__name__}: {exc}"
    return (
        f"Kesalahan internal saat memeriksa {path} ({what}); mohon laporkan.",
        f"Internal error while auditing {path} ({what}); please report it.",
    )
