"""The verification sheet's items (a YAML form beside the rule set) and their results on one report.

An item is "tidak sesuai" when an error or warning of its rules or categories was found, "tidak
dapat diperiksa" when none of its rules could run (or it needs reference data that was not given,
or a table it names was not read), "perlu pertimbangan" when it is left to the verifier, else
"sesuai". Info findings are listed with their item but do not make it "tidak sesuai".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from auditor.errors import InputError
from auditor.i18n import LANGS, both, t
from auditor.report.content import Report
from auditor.rules.ruleset import default_ruleset_path

RESULTS = ("sesuai", "tidak_sesuai", "tidak_dapat_diperiksa", "pertimbangan")
DEFAULT_FORM = "verifikasi-renja.yaml"
MAX_FORM_BYTES = 512 * 1024


@dataclass(frozen=True)
class FormItem:
    id: str
    text: dict[str, str]
    rules: tuple[str, ...] = ()  # ids, or "XT-*": every id starting "XT-"
    categories: tuple[str, ...] = ()
    tables: tuple[str, ...] = ()  # tables that must have been read with rows
    requires_reference: bool = False
    judgement: bool = False

    def takes(self, rule: str, category: str) -> bool:
        if category in self.categories:
            return True
        return any(rule == p or (p.endswith("*") and rule.startswith(p[:-1])) for p in self.rules)


@dataclass(frozen=True)
class Form:
    id: str
    version: str
    title: dict[str, str]
    basis: dict[str, str]
    signature: dict[str, str]
    items: tuple[FormItem, ...]
    source: str


@dataclass(frozen=True)
class FormLine:
    """One line of the filled-in sheet."""

    number: int
    item: FormItem | None  # None: the findings no item takes
    result: str  # one of RESULTS
    findings: tuple[int, ...]  # numbers (from 1) of its errors and warnings
    infos: tuple[int, ...]  # numbers of its info findings
    note: dict[str, str] | None = None  # why it could not be checked


def default_form_path() -> Path:
    """The bundled form, beside the bundled rule set (rules/forms/ in a checkout)."""
    return default_ruleset_path().parent / "forms" / DEFAULT_FORM


def _bad(path: Path, where: str, why_id: str, why_en: str) -> InputError:
    return InputError(
        "form",
        f"Formulir verifikasi tidak valid: {path}: {where}: {why_id}",
        f"Invalid verification form: {path}: {where}: {why_en}",
    )


def _texts(value: Any, path: Path, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(value.get(lang), str) and value[lang] for lang in LANGS):
        raise _bad(path, where, "perlu teks 'id' dan 'en'", "needs 'id' and 'en' texts")
    return {lang: value[lang] for lang in LANGS}


def _names(value: Any, path: Path, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _bad(path, where, "perlu daftar teks", "needs a list of names")
    return tuple(value)


def load_form(path: Path | None = None) -> Form:
    """The bundled form, or a kabupaten's own (``--form FILE``), validated."""
    path = path or default_form_path()
    try:
        if path.stat().st_size > MAX_FORM_BYTES:
            raise _bad(path, "berkas", "terlalu besar", "too large")
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise _bad(path, "berkas", f"tidak dapat dibaca ({exc.strerror})", f"cannot be read ({exc.strerror})") from None
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError):
        raise _bad(path, "berkas", "bukan YAML yang sah", "not valid YAML") from None
    if not isinstance(data, dict) or not isinstance(data.get("form"), dict) or not isinstance(data.get("items"), list):
        raise _bad(path, "berkas", "perlu 'form' dan daftar 'items'", "needs 'form' and a list of 'items'")
    head = data["form"]
    items = []
    seen = set()
    for n, raw in enumerate(data["items"], start=1):
        where = f"items[{n}]"
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            raise _bad(path, where, "perlu 'id'", "needs an 'id'")
        if raw["id"] in seen:
            raise _bad(path, where, f"id ganda {raw['id']!r}", f"duplicate id {raw['id']!r}")
        seen.add(raw["id"])
        item = FormItem(
            id=raw["id"],
            text=_texts(raw.get("text"), path, f"{where}.text"),
            rules=_names(raw.get("rules"), path, f"{where}.rules"),
            categories=_names(raw.get("categories"), path, f"{where}.categories"),
            tables=_names(raw.get("tables"), path, f"{where}.tables"),
            requires_reference=raw.get("requires") == "reference",
            judgement=raw.get("judgement") is True,
        )
        if not item.judgement and not (item.rules or item.categories or item.tables):
            raise _bad(
                path,
                where,
                "perlu rules, categories, tables atau judgement",
                "needs rules, categories, tables or judgement",
            )
        items.append(item)
    return Form(
        id=str(head.get("id") or path.stem),
        version=str(head.get("version") or ""),
        title=_texts(head.get("title"), path, "form.title"),
        basis=_texts(head.get("basis"), path, "form.basis"),
        signature=_texts(head.get("signature"), path, "form.signature"),
        items=tuple(items),
        source=str(path),
    )


def fill(form: Form, report: Report) -> list[FormLine]:
    """Each item's result on ``report``, in the form's order, and a last line for the findings no
    item takes (when there are any)."""
    taken: set[int] = set()
    lines = []
    not_run = {n.rule: n for n in report.not_evaluated}
    for number, item in enumerate(form.items, start=1):
        if item.judgement:
            lines.append(FormLine(number, item, "pertimbangan", (), ()))
            continue
        mine = [i for i, f in enumerate(report.findings) if item.takes(f.rule, f.category)]
        taken.update(mine)
        severe, infos = _numbers(report, mine)
        missing = [k for k in item.tables if not any(t.kind == k and t.rows for t in report.tables)]
        ran = [r for r in report.checked if item.takes(r, report.categories.get(r, ""))]
        if severe or missing:
            note = both("form.note.missing", tables=", ".join(missing)) if missing else None
            lines.append(FormLine(number, item, "tidak_sesuai", severe, infos, note))
        elif item.requires_reference and report.reference is None:
            note = both("form.note.no_reference")
            lines.append(FormLine(number, item, "tidak_dapat_diperiksa", (), infos, note))
        elif not ran and not item.tables:
            skipped = [n for r, n in not_run.items() if item.takes(r, report.categories.get(r, ""))]
            note = {
                lang: "; ".join(n.reasons[lang] for n in skipped[:2]) or t("form.note.not_run", lang) for lang in LANGS
            }
            lines.append(FormLine(number, item, "tidak_dapat_diperiksa", (), infos, note))
        else:
            lines.append(FormLine(number, item, "sesuai", (), infos))
    left = [i for i in range(len(report.findings)) if i not in taken]
    if left:
        severe, infos = _numbers(report, left)
        lines.append(FormLine(len(form.items) + 1, None, "tidak_sesuai" if severe else "sesuai", severe, infos))
    return lines


def _numbers(report: Report, indices: list[int]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The findings' numbers (from 1): errors and warnings, and apart the infos."""
    severe = tuple(i + 1 for i in indices if report.findings[i].severity != "info")
    return severe, tuple(i + 1 for i in indices if report.findings[i].severity == "info")
