"""The HTML report: one self-contained, autoescaped page per document."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from auditor.findings import CATEGORIES, SEVERITIES
from auditor.i18n import column_name, t, table_shown
from auditor.model.amounts import format_rupiah
from auditor.report.crops import Picture

ENV = Environment(
    loader=PackageLoader("auditor.report", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _money(value: str | None, kind: str | None = None) -> str:
    """Rupiah amounts (plain digit strings) shown the Indonesian way; other values as they are."""
    if value is None:
        return "-"
    if kind == "money" and value.lstrip("-").isdigit():
        return format_rupiah(int(value))
    return value


def render_html(report: dict[str, Any], lang: str, pictures: dict[int, Picture] | None = None) -> str:
    """The report page; ``pictures`` maps a finding's index to a crop of its page."""
    template = ENV.get_template("report.html.j2")
    summary = report["summary"]
    verdict = (
        t("report.verdict_ok", lang)
        if summary["error"] + summary["warning"] == 0
        else t("report.verdict_bad", lang, error=summary["error"], warning=summary["warning"])
    )
    by_category: dict[str, list[dict[str, Any]]] = {c: [] for c in CATEGORIES}
    for i, f in enumerate(report["findings"]):
        picture = (pictures or {}).get(i)
        by_category[f["category"]].append({**f, "picture": picture.src if picture else None, "index": i})
    return template.render(
        r=report,
        lang=lang,
        tr=lambda key, **kw: t(key, lang, **kw),
        col=lambda key: column_name(key, lang),
        tbl=lambda location: table_shown(location, lang),
        money=_money,
        verdict=verdict,
        severities=SEVERITIES,
        categories=[c for c in CATEGORIES if by_category[c]],
        by_category={c: fs for c, fs in by_category.items() if fs},
        generated=datetime.now(timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M %Z"),
    )
