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
