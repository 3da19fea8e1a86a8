"""The HTML report: one self-contained, autoescaped page per document."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from auditor.findings import CATEGORIES, SEVERITIES, Finding, place_text
from auditor.grouping import Group
from auditor.i18n import column_name, t, table_shown
from auditor.report.content import DocumentInfo, Report
from auditor.report.crops import Picture
from auditor.report.values import reference_places, shown_value
from auditor.revision import revision_line

ENV = Environment(
    loader=PackageLoader("auditor.report", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def identity_sources(document: DocumentInfo, key: str, lang: str) -> str:
    """Where the unit, region or plan year shown came from: "sampul hal. 1; keterangan tabel hal. 19, 25"."""
    entry = document.identity.get(key) or {}
    value = entry.get("value")
    pages: dict[str, list[int]] = {}
    for s in entry.get("sources", []):
        if str(s.get("value")).lower() == str(value).lower() or s.get("where") == "override":
            pages.setdefault(s["where"], [])
            if s.get("page") and s["page"] not in pages[s["where"]]:
                pages[s["where"]].append(s["page"])
    parts = []
    for where, found in pages.items():
        label = t(f"source.{where}", lang)
        shown = sorted(found)[:6]
        parts.append(f"{label} {t('source.page', lang)} {', '.join(map(str, shown))}" if shown else label)
    return "; ".join(parts)


def _artifacts(document: DocumentInfo) -> dict[str, Any]:
    texts = [a["text"] for a in document.artifacts]
    distinct = list(dict.fromkeys(x.strip() for x in texts if x.strip()))
    return {"n": len(texts), "examples": ", ".join(f'"{x[:40]}"' for x in distinct[:5])}


def _unreadable(document: DocumentInfo, lang: str) -> str:
    """ "37 (terlalu besar), 41 (rusak: PDFSyntaxError)" """
    return ", ".join(
        f"{f['page']} ({t('page_failure.' + f['reason'], lang)}: {f['detail']})" for f in document.unreadable_pages
    )


@dataclass(frozen=True)
class _Shown:
    """A finding as the page lists it: its number (0-based) and the picture of its place."""

    f: Finding
    index: int
    picture: str | None
    group: Group | None  # its group, when the group has other findings
    status: str | None  # with a baseline: "new" or "open"


def render_html(report: Report, lang: str, pictures: dict[int, Picture] | None = None) -> str:
    """The report page in ``lang``; ``pictures`` maps a finding's index to a crop of its page."""
    template = ENV.get_template("report.html.j2")
    summary = report.summary
    verdict = (
        t("report.verdict_ok", lang)
        if summary["error"] + summary["warning"] == 0
        else t("report.verdict_bad", lang, error=summary["error"], warning=summary["warning"])
    )
    repeated = [g for g in report.groups if g.count > 1]
    groups = report.finding_groups()
    revision = report.revision.to_dict() if report.revision is not None else None
    statuses = report.revision.status if report.revision is not None else ()
    by_category: dict[str, list[_Shown]] = {c: [] for c in CATEGORIES}
    for i, f in enumerate(report.findings):
        picture = (pictures or {}).get(i)
        status = statuses[i] if statuses else None
        by_category[f.category].append(
            _Shown(f, i, picture.src if picture else None, groups[i] if groups[i].count > 1 else None, status)
        )
    return template.render(
        r=report,
        summary=summary,
        sources={k: identity_sources(report.document, k, lang) for k in ("unit", "region", "plan_year")},
        artifacts=_artifacts(report.document),
        unreadable=_unreadable(report.document, lang),
        lang=lang,
        tr=lambda key, **kw: t(key, lang, **kw),
        col=lambda key: column_name(key, lang),
        tbl=lambda kind, label=None: table_shown(kind, label, lang),
        place=lambda location: place_text(location.place, lang) if location.place else None,
        value=lambda v, kind: shown_value(v, kind, lang),
        rupiah=lambda v: shown_value(None if v is None else str(v), "money", lang),
        refs=lambda f: reference_places(f, lang),
        verdict=verdict,
        repeated=repeated,
        revision=revision,
        revision_text=revision_line(revision, lang) if revision else None,
        severities=SEVERITIES,
        categories=[c for c in CATEGORIES if by_category[c]],
        by_category={c: fs for c, fs in by_category.items() if fs},
        generated=datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M %Z"),
    )
