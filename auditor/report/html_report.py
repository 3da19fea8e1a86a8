"""The HTML report: one self-contained, autoescaped page per document."""

from __future__ import annotations

from datetime import UTC, datetime
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


def identity_sources(document: dict[str, Any], key: str, lang: str) -> str:
    """Where the unit, region or plan year shown came from: "sampul hal. 1; keterangan tabel hal. 19, 25"."""
    entry = (document.get("identity") or {}).get(key) or {}
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


def _artifacts(document: dict[str, Any]) -> dict[str, Any]:
    texts = [a["text"] for a in document.get("artifacts") or []]
    distinct = list(dict.fromkeys(x.strip() for x in texts if x.strip()))
    return {"n": len(texts), "examples": ", ".join(f'"{x[:40]}"' for x in distinct[:5])}


def _unreadable(document: dict[str, Any], lang: str) -> str:
    """ "37 (terlalu besar), 41 (rusak: PDFSyntaxError)" """
    return ", ".join(
        f"{f['page']} ({t('page_failure.' + f['reason'], lang)}: {f['detail']})"
        for f in document.get("unreadable_pages") or []
    )


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
        sources={k: identity_sources(report["document"], k, lang) for k in ("unit", "region", "plan_year")},
        artifacts=_artifacts(report["document"]),
        unreadable=_unreadable(report["document"], lang),
        lang=lang,
        tr=lambda key, **kw: t(key, lang, **kw),
        col=lambda key: column_name(key, lang),
        tbl=lambda location: table_shown(location, lang),
        money=_money,
        verdict=verdict,
        severities=SEVERITIES,
        categories=[c for c in CATEGORIES if by_category[c]],
        by_category={c: fs for c, fs in by_category.items() if fs},
        generated=datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M %Z"),
    )
