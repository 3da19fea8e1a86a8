"""Loading and validating a YAML rule set (Vale-style: rules are data)."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from auditor.errors import RuleSetError
from auditor.findings import CATEGORIES, SEVERITIES
from auditor.i18n import LANGS
from auditor.model.document import STAGES
from auditor.rules.checks import registry
from auditor.rules.params import resolve

RULE_KEYS = {
    "id",
    "check",
    "category",
    "severity",
    "title",
    "message",
    "explanation",
    "params",
    "enabled",
    "requires",
    "severity_by_stage",
}

# What a rule may need beyond the document: "reference" runs it only when reference data
# (--reference) was given and matched to the document's unit; "reference_given" whenever
# reference data was given. Without it a rule that needs it is not run, and not listed.
REQUIRES = ("reference", "reference_given")
DEFAULT_RULESET = "renja-permendagri86.yaml"


@dataclass(frozen=True)
class Rule:
    id: str
    check: str
    category: str
    severity: str
    title: dict[str, str]
    message: dict[str, str]
    explanation: dict[str, str]
    params: dict[str, Any]
    requires: str | None = None  # one of REQUIRES
    # Severity at a draft stage named on the cover, where it differs from ``severity``.
    severity_by_stage: dict[str, str] = field(default_factory=dict)
    # "batch": its check type compares the documents of a batch (batch/crosscheck.py runs it),
    # never one document alone.
    scope: str = "document"

    @property
    def across_batch(self) -> bool:
        return self.scope == "batch"


@dataclass(frozen=True)
class RuleSet:
    id: str
    version: str
    title: dict[str, str]
    rules: tuple[Rule, ...]
    source: str
    sha256: str


def default_ruleset_path() -> Path:
    """The bundled rule set.

    In a checkout (and an editable install) it is the top-level ``rules/`` folder;
    a wheel carries the same folder as the ``auditor.rulesets`` package.
    """
    checkout = Path(__file__).resolve().parents[2] / "rules" / DEFAULT_RULESET
    if checkout.is_file():
        return checkout
    return Path(str(resources.files("auditor.rulesets").joinpath(DEFAULT_RULESET)))


def _fail(where: str, problem_id: str, problem_en: str) -> RuleSetError:
    return RuleSetError(
        "ruleset", f"Berkas aturan tidak sah ({where}): {problem_id}", f"Invalid rule set ({where}): {problem_en}"
    )


def _localized(value: Any, where: str, name: str) -> dict[str, str]:
    if not isinstance(value, dict) or set(value) != set(LANGS) or not all(isinstance(v, str) for v in value.values()):
        raise _fail(where, f"'{name}' harus berisi teks 'id' dan 'en'", f"'{name}' must have 'id' and 'en' texts")
    return dict(value)


def _show(value: Any, limit: int = 60) -> str:
    """A value from the file, cut short: messages quote the file, they never copy it."""
    text = str(value)
    return text if len(text) <= limit else f"{text[:limit]}…"


def _template_fields(template: str, where: str) -> set[str]:
    """The ``{name}`` fields of a message. Plain names only: a format spec
    (``{code:>1500000000}``) or conversion can make one message gigabytes long, and
    attribute or index access reaches into objects from rule text."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:  # "{code" or a lone "}"
        raise _fail(where, f"teks pesan tidak sah: {exc}", f"bad message text: {exc}") from None
    names: set[str] = set()
    for _, field_name, spec, conversion in parsed:
        if field_name is None:
            continue
        if not field_name.isidentifier() or spec or conversion is not None:
            shown = _show(
                "{" + field_name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            )
            raise _fail(
                where,
                f"isian pesan tidak sah {shown}: hanya boleh isian polos {{nama}}, tanpa format, konversi, atribut atau indeks",
                f"bad message field {shown}: only plain {{name}} fields are allowed, "
                "without format spec, conversion, attribute or index",
            )
        names.add(field_name)
    return names


TOP_KEYS = {"ruleset", "rules", "extends", "overrides"}
OVERRIDE_KEYS = {"severity", "enabled", "params", "title", "message", "explanation"}
MAX_EXTENDS = 5


# Bounds on a rule or waivers file, far above any real one (the bundled rule set is
# ~85 kB, ~3,600 nodes, 8 levels deep): past them a file is an attack or a mistake.
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32  # nested collections; PyYAML composes recursively
MAX_NODES = 100_000  # nodes with every alias expanded, as anything walking the data sees them

Fail = Callable[[str, str, str], RuleSetError]  # (where, Indonesian, English) -> the error to raise


def read_limited(path: Path, fail: Fail, where: str) -> bytes:
    """The bytes of ``path``, a regular file of at most MAX_FILE_BYTES.

    Devices (/dev/zero), FIFOs and directories are refused before reading; opening is
    non-blocking so a FIFO cannot stall the run, and at most MAX_FILE_BYTES + 1 bytes are
    read whatever the file claims (/proc files report size 0). Raises OSError when the
    file cannot be opened or read.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise fail(
                where,
                "bukan berkas biasa (perangkat, FIFO atau folder)",
                "not a regular file (a device, FIFO or folder)",
            )
        with open(fd, "rb", closefd=False) as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    finally:
        os.close(fd)
    if len(raw) > MAX_FILE_BYTES:
        limit = f"{MAX_FILE_BYTES // (1024 * 1024)} MB"
        raise fail(where, f"berkas terlalu besar (lebih dari {limit})", f"file too large (over {limit})")
    return raw


class _Refused(Exception):
    def __init__(self, mark: Any, id_text: str, en_text: str) -> None:
        super().__init__(en_text)
        self.line = mark.line + 1 if mark is not None else 1
        self.texts = (id_text, en_text)


class _Bounds:
    """``yaml.safe_load``'s loading, bounded while it composes, before anything is built.

    An alias bomb is a few hundred bytes whose nested aliases stand for billions of nodes:
    PyYAML shares them, but every walk of the data (line numbers, a JSON report) expands
    them. So each alias counts the nodes it stands for, and a file past MAX_NODES or
    MAX_DEPTH is refused; an alias inside the node it names would make a cycle.
    """

    anchors: dict[Any, yaml.Node]
    peek_event: Callable[[], Any]

    def _bound(self) -> None:
        self._depth = 0
        self._expanded = 0
        self._aliased = False  # says "once aliases are expanded" only when there were some
        self._sizes: dict[int, int] = {}  # id(node) -> nodes it stands for, once complete

    def _count(self, n: int, mark: Any) -> None:
        self._expanded += n
        if self._expanded > MAX_NODES:
            raise _Refused(
                mark,
                f"terlalu banyak unsur{' setelah alias (*nama) diuraikan' if self._aliased else ''}: lebih dari {MAX_NODES}",
                f"too many nodes{' once aliases (*name) are expanded' if self._aliased else ''}: more than {MAX_NODES}",
            )

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            target = self.anchors.get(event.anchor)
            if target is not None:  # an unknown alias is PyYAML's own error
                size = self._sizes.get(id(target))
                if size is None:
                    raise _Refused(
                        event.start_mark,
                        f"alias *{_show(event.anchor)} merujuk dirinya sendiri",
                        f"alias *{_show(event.anchor)} refers to itself (the node it is in)",
                    )
                self._aliased = True
                self._count(size, event.start_mark)
            return super().compose_node(parent, index)  # type: ignore[misc]
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(
                event.start_mark,
                f"bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat)",
                f"nested too deeply (more than {MAX_DEPTH} levels)",
            )
        before = self._expanded
        self._count(1, event.start_mark)
        node: yaml.Node | None = super().compose_node(parent, index)  # type: ignore[misc]
        self._depth -= 1
        self._sizes[id(node)] = self._expanded - before
        return node

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)  # type: ignore[misc]
        except (ValueError, OverflowError) as exc:  # "2024-13-45", a 5,000-digit integer
            raise yaml.constructor.ConstructorError(
                None, None, f"unreadable value ({_show(exc, 120)})", node.start_mark
            ) from None


class _BoundedLoader(_Bounds, yaml.SafeLoader):
    """The bounded loader on PyYAML's own parser: its messages name the file and line."""

    def __init__(self, text: str, name: str) -> None:
        yaml.SafeLoader.__init__(self, text)
        self.name = name  # marks in messages say "rules.yaml", not "<unicode string>"
        self._bound()


try:  # libyaml scans ten times faster than PyYAML's scanner (0.05 s for the bundled rules, not 0.4)
    from yaml._yaml import CParser

    LIBYAML = True
except ImportError:  # PyYAML built without libyaml
    LIBYAML = False


if LIBYAML:

    class _FastLoader(
        _Bounds, yaml.composer.Composer, CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver
    ):
        """The same bounded loading on libyaml's events (composed here, so the bounds apply).
        A file it refuses is read again by _BoundedLoader, whose messages the user sees."""

        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            self._bound()


def parse_yaml(raw: bytes, path: Path, fail: Fail) -> tuple[Any, yaml.Node | None]:
    """The data and node tree of a UTF-8 YAML document, with safe_load's types only."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise fail(
            f"{path.name}:{line}",
            f"bukan teks UTF-8 (bita {exc.start}); simpan sebagai UTF-8",
            f"not UTF-8 text (byte {exc.start}); save it as UTF-8",
        ) from None
    if LIBYAML:
        fast = _FastLoader(text)
        try:
            root = fast.get_single_node()
            return (fast.construct_document(root) if root is not None else None), root
        except (_Refused, yaml.YAMLError):
            pass  # refused: PyYAML's parser says why, with the file's name and line
        finally:
            fast.dispose()
    loader: _BoundedLoader | None = None
    try:
        loader = _BoundedLoader(text, path.name)  # its Reader already refuses control characters
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except _Refused as exc:
        raise fail(f"{path.name}:{exc.line}", *exc.texts) from None
    except yaml.YAMLError as exc:
        raise fail(str(path), f"YAML rusak: {_show(exc, 2000)}", f"broken YAML: {_show(exc, 2000)}") from None
    finally:
        if loader is not None:
            loader.dispose()
    return data, root


def _node_lines(root: yaml.Node | None) -> dict[tuple[Any, ...], int]:
    """1-based line of every mapping key and list item, by its path, for error messages.
    The tree is bounded by MAX_NODES and MAX_DEPTH (see _BoundedLoader)."""
    lines: dict[tuple[Any, ...], int] = {}

    def walk(node: yaml.Node, path: tuple[Any, ...]) -> None:
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, (*path, key.value))
                lines[(*path, key.value)] = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, (*path, i))

    if root is not None:
        walk(root, ())
    return lines


@dataclass
class _Source:
    path: Path
    data: dict[str, Any]
    lines: dict[tuple[Any, ...], int]
    raw: bytes

    def where(self, *path: Any) -> str:
        for i in range(len(path), -1, -1):
            if path[:i] in self.lines:
                return f"{self.path.name}:{self.lines[path[:i]]}"
        return self.path.name


def _read(path: Path, via: str | None = None) -> _Source:
    """``via``: where the file was named ("profil.yaml:2" for its ``extends``)."""
    where = f"{path} (extends: {via})" if via else str(path)
    try:
        raw = read_limited(path, _fail, where)
    except OSError as exc:
        raise RuleSetError(
            "ruleset",
            f"Berkas aturan tidak dapat dibaca: {where} ({exc.strerror})",
            f"Cannot read rule set: {where} ({exc.strerror})",
        ) from None
    data, root = parse_yaml(raw, path, _fail)
    lines = _node_lines(root)
    if not isinstance(data, dict) or "ruleset" not in data or set(data) - TOP_KEYS:
        found = _show(sorted(map(str, data)) if isinstance(data, dict) else type(data).__name__, 200)
        raise _fail(
            path.name,
            f"harus berisi 'ruleset' dan boleh 'rules', 'extends', 'overrides'; ditemukan {found}",
            f"must contain 'ruleset' and may contain 'rules', 'extends', 'overrides'; found {found}",
        )
    return _Source(path, data, lines, raw)


def _resolve_base(name: str, child: Path) -> Path:
    """``extends: renja-permendagri86`` names a bundled rule set; anything else is a path
    relative to the extending file."""
    path = child.parent / name
    try:
        return bundled_ruleset(name) or path.resolve()
    except RuntimeError:  # a symlink loop: opening it says so
        return path


Locator = Callable[..., str]  # sub-path inside a rule -> "file:line"


def _params_of(value: Any, where: str) -> dict[str, Any]:
    """A rule's or override's ``params``: a mapping, or nothing."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _fail(
            where,
            f"'params' harus berupa mapping nama: nilai, bukan {type(value).__name__}",
            f"'params' must be a mapping of name: value, not {type(value).__name__}",
        )
    return value


def _collect(
    path: Path, depth: int = 0, via: str | None = None
) -> tuple[_Source, list[tuple[dict[str, Any], Locator]], list[bytes]]:
    """The rule entries of ``path`` after its base's, with overrides applied."""
    src = _read(path, via)
    entries: list[tuple[dict[str, Any], Locator]] = []
    raws = [src.raw]
    if "extends" in src.data:
        where = src.where("extends")
        if depth >= MAX_EXTENDS:
            raise _fail(where, "rantai 'extends' terlalu panjang", "'extends' chain too long (a loop?)")
        name = src.data["extends"]
        if isinstance(name, (dict, list, bool)) or name is None or not str(name).strip() or "\0" in str(name):
            raise _fail(
                where,
                "'extends' harus berupa nama aturan bawaan atau path berkas",
                "'extends' must name a bundled rule set or a file path",
            )
        base_path = _resolve_base(str(name), path)
        _, entries, base_raws = _collect(base_path, depth + 1, where)
        raws = base_raws + raws
    by_id = {str(e.get("id")): (e, locate) for e, locate in entries}
    overrides = src.data.get("overrides") or {}
    if not isinstance(overrides, dict):
        raise _fail(
            src.where("overrides"),
            "'overrides' harus berupa mapping id -> perubahan",
            "'overrides' must map rule ids to changes",
        )
    for rule_id, change in overrides.items():
        where = src.where("overrides", rule_id)
        if str(rule_id) not in by_id:
            raise _fail(
                where,
                f"aturan '{_show(rule_id)}' tidak ada di aturan dasar",
                f"rule '{_show(rule_id)}' is not in the base rule set",
            )
        if not isinstance(change, dict) or set(change) - OVERRIDE_KEYS:
            raise _fail(
                where, f"hanya boleh mengubah {sorted(OVERRIDE_KEYS)}", f"may only change {sorted(OVERRIDE_KEYS)}"
            )
        entry, locate = by_id[str(rule_id)]
        for key, value in change.items():
            if key == "params":
                base = _params_of(entry.get("params") or None, f"{locate('params')} {_show(rule_id)}")
                entry["params"] = {**base, **_params_of(value or None, src.where("overrides", rule_id, "params"))}
            else:
                entry[key] = value
    rules = src.data.get("rules") or []
    if not isinstance(rules, list):
        raise _fail(src.where("rules"), "'rules' harus berupa daftar", "'rules' must be a list")
    for i, entry in enumerate(rules):
        # Checked here, not only when rules are built: overrides look rules up by id.
        if not isinstance(entry, dict):
            raise _fail(src.where("rules", i), "aturan harus berupa mapping", "a rule must be a mapping")
        entries.append((entry, partial(src.where, "rules", i)))
    return src, entries, raws


def _build_rule(entry: Any, locate: Locator, checks: dict[str, Any]) -> Rule:
    where = locate()
    if not isinstance(entry, dict):
        raise _fail(where, "aturan harus berupa mapping", "a rule must be a mapping")
    unknown = set(entry) - RULE_KEYS
    if unknown:
        shown = _show(sorted(map(str, unknown)), 200)
        raise _fail(where, f"kunci tidak dikenal {shown}", f"unknown keys {shown}")
    missing = {"id", "check", "category", "severity", "title", "message"} - set(entry)
    if missing:
        raise _fail(where, f"kunci wajib tidak ada {sorted(missing)}", f"missing keys {sorted(missing)}")
    rid = _show(entry["id"])
    where = f"{where} {rid}"
    check = entry["check"]
    if not isinstance(check, str):
        raise _fail(
            f"{locate('check')} {rid}",
            "'check' harus berupa nama jenis pemeriksaan",
            f"'check' must be the name of a check type, not {type(check).__name__}",
        )
    if check not in checks:
        raise _fail(
            f"{locate('check')} {rid}",
            f"jenis pemeriksaan tidak dikenal '{_show(check)}'",
            f"unknown check type '{_show(check)}' (known: {sorted(checks)})",
        )
    if entry["category"] not in CATEGORIES:
        raise _fail(
            where, f"kategori harus salah satu dari {list(CATEGORIES)}", f"category must be one of {list(CATEGORIES)}"
        )
    if entry["severity"] not in SEVERITIES:
        raise _fail(
            where, f"tingkat harus salah satu dari {list(SEVERITIES)}", f"severity must be one of {list(SEVERITIES)}"
        )
    module = checks[check]
    at = f"{locate('params')} {rid}"
    try:
        params = resolve(module.PARAMS, _params_of(entry.get("params") or None, at))
    except ValueError as exc:
        raise _fail(at, f"parameter: {_show(exc, 500)}", f"params: {_show(exc, 500)}") from None
    requires = entry.get("requires")
    if requires is not None and requires not in REQUIRES:
        at = f"{locate('requires')} {rid}"
        raise _fail(
            at, f"'requires' harus salah satu dari {list(REQUIRES)}", f"'requires' must be one of {list(REQUIRES)}"
        )
    by_stage = entry.get("severity_by_stage") or {}
    if not isinstance(by_stage, dict) or not all(k in STAGES and v in SEVERITIES for k, v in by_stage.items()):
        at = f"{locate('severity_by_stage')} {rid}"
        raise _fail(
            at,
            f"'severity_by_stage' memetakan tahap {list(STAGES)} ke tingkat {list(SEVERITIES)}",
            f"'severity_by_stage' maps stages {list(STAGES)} to severities {list(SEVERITIES)}",
        )
    message = _localized(entry["message"], where, "message")
    for lang, template in message.items():
        at = f"{locate('message', lang)} {rid}"
        unknown_fields = _template_fields(template, at) - set(module.FIELDS)
        if unknown_fields:
            shown = _show(sorted(unknown_fields), 200)
            raise _fail(
                at,
                f"pesan ({lang}) memakai isian yang tidak ada {shown}",
                f"message ({lang}) uses unknown fields {shown}; available: {list(module.FIELDS)}",
            )
    return Rule(
        id=str(entry["id"]),
        check=check,
        category=entry["category"],
        severity=entry["severity"],
        title=_localized(entry["title"], where, "title"),
        message=message,
        explanation=_localized(entry["explanation"], where, "explanation") if "explanation" in entry else {},
        params=params,
        requires=requires,
        severity_by_stage=by_stage,
        scope=getattr(module, "SCOPE", "document"),
    )


def bundled_ruleset(name: str) -> Path | None:
    """The bundled rule set named ``name`` ("renja-2027"), if there is one."""
    # Bundled names are short words; anything else (a path, 300 characters) is not one of
    # them, and asking the file system about it could fail (ENAMETOOLONG).
    if not re.fullmatch(r"[A-Za-z0-9][\w.-]{0,99}", name) or name.endswith(".yaml"):
        return None
    path = default_ruleset_path().parent / f"{name}.yaml"
    return path if path.is_file() else None


def load_ruleset(path: Path | None = None) -> RuleSet:
    """Load and validate a rule set; ``extends`` + ``overrides`` layer a profile on a base.
    A bare name that is no file ("renja-2027") is the bundled profile of that name."""
    path = path or default_ruleset_path()
    if (bundled := bundled_ruleset(str(path))) is not None and not path.exists():
        path = bundled
    src, entries, raws = _collect(path)
    head = src.data["ruleset"]
    if not isinstance(head, dict) or not {"id", "version", "title"} <= set(head):
        raise _fail(src.where("ruleset"), "'ruleset' perlu id, version, title", "'ruleset' needs id, version, title")
    checks = registry()
    rules: list[Rule] = []
    seen: set[str] = set()
    for entry, locate in entries:
        rule = _build_rule(entry, locate, checks)
        if rule.id in seen:
            raise _fail(f"{locate()} {_show(rule.id)}", "id aturan ganda", "duplicate rule id")
        seen.add(rule.id)
        if entry.get("enabled", True) is not False:
            rules.append(rule)
    digest = hashlib.sha256()
    for raw in raws:
        digest.update(raw)
    return RuleSet(
        id=str(head["id"]),
        version=str(head["version"]),
        title=_localized(head["title"], src.where("ruleset"), "ruleset.title"),
        rules=tuple(rules),
        source=str(path),
        sha256=digest.hexdigest(),
    )
