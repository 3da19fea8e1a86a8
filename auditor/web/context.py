"""What every route of one app needs: its settings, rule profiles, sign-in value, storage and jobs."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from auditor.web.jobs import JobBoard
from auditor.web.rulesets import Profile
from auditor.web.settings import Settings
from auditor.web.storage import Storage


@dataclass(frozen=True)
class WebContext:
    settings: Settings
    profiles: dict[str, Profile]  # by id, the default first
    default_profile: str
    session: str | None  # the sign-in cookie's value, when a token is set

    @property
    def minutes(self) -> str:
        return f"{self.settings.keep_minutes:g}"


@dataclass(frozen=True)
class Running:
    """What exists only while the app runs (made and removed by its lifespan)."""

    storage: Storage
    board: JobBoard


def context(request: Request) -> WebContext:
    return request.app.state.context


def running(request: Request) -> Running:
    return request.app.state.running
