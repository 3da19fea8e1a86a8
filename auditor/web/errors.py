"""Refusals: an HTTP status plus the same sentence in both languages, as a JSON body."""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException

from auditor.web.texts import both


class WebError(HTTPException):
    """A refusal the user can act on; ``kind`` is a stable machine-readable id.

    An HTTPException so FastAPI passes it through unchanged even when it is raised
    while the upload is being parsed.
    """

    def __init__(self, status: int, kind: str, texts: dict[str, str], headers: dict[str, str] | None = None) -> None:
        super().__init__(status_code=status, detail=texts["en"], headers=headers)
        self.kind = kind
        self.texts = texts

    @classmethod
    def of(cls, status: int, key: str, headers: dict[str, str] | None = None, **fields: object) -> WebError:
        """The refusal worded by the text ``err.<key>``."""
        return cls(status, key, both(f"err.{key}", **fields), headers)

    def body(self) -> dict[str, Any]:
        return error_body(self.kind, self.texts)


def error_body(kind: str, texts: dict[str, str]) -> dict[str, Any]:
    return {"error": {"kind": kind, "id": texts["id"], "en": texts["en"]}}
