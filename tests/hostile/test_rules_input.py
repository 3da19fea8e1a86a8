"""Hostile rule-set and waivers files (issue 13).

Each file is made on the fly and given to ``renja-audit check`` in a child process with
an address-space limit: it must be refused with exit 2 and a bilingual message that names
the problem and the file (and line), quickly, without a traceback and without being
killed for memory.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

PDF = SAMPLES / "pdf" / "parakan-2026.pdf"
MEMORY_LIMIT = 1536 << 20  # bytes of address space for the child
TIMEOUT = 120.0  # a hang is killed here and fails the test
FAST = 30.0  # seconds allowed: start-up only, the PDF must never be read

HEAD = 'ruleset: {id: t, version: "1", title: {id: a, en: b}}\n'


def _rule(
    check: str = "structure_tables",
    message: str = '{id: "Tabel {table}", en: "Table {table}"}',
    params: str = "{required: [ZZZ]}",
) -> str:
    """One rule after HEAD: ``check`` is on line 4, ``message`` on 8, ``params`` on 9.
    As given, it fires on every document (no table "ZZZ")."""
    return (
        "rules:\n"
        "  - id: X-1\n"
        f"    check: {check}\n"
        "    category: structure\n"
        "    severity: error\n"
        "    title: {id: judul, en: title}\n"
        f"    message: {message}\n"
        f"    params: {params}\n"
    )


def _bomb(levels: int = 9) -> str:
    """A flow list of nested aliases, a few hundred bytes that stand for 10**levels items."""
    items = ["&a0 [" + ", ".join(["x"] * 10) + "]"]
    items += [f"&a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, levels + 1)]
    return "[" + ", ".join(items) + "]"


def _balanced_sum(n: int) -> str:
    """``((a+a)+(a+a))…``: n terms only log2(n) deep."""
    return "a" if n == 1 else f"({_balanced_sum(n // 2)}+{_balanced_sum(n - n // 2)})"


def _write(path: Path, text: str | bytes) -> Path:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _rules_args(tmp: Path, text: str | bytes) -> list[str]:
    return ["--rules", str(_write(tmp / "rules.yaml", text))]


def _waivers_args(tmp: Path, text: str | bytes) -> list[str]:
    return ["--waivers", str(_write(tmp / "waivers.yaml", text))]


def _profile_on(tmp: Path, base: str) -> list[str]:
    _write(tmp / "base.yaml", base)
    return _rules_args(tmp, HEAD + "extends: base.yaml\n")


def _fifo(tmp: Path) -> list[str]:
    os.mkfifo(tmp / "base.yaml")  # opening it for reading would wait for a writer forever
    return _rules_args(tmp, HEAD + "extends: base.yaml\n")


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], list[str]]  # CLI options that point at the hostile file(s)
    needles: tuple[str, ...]  # in the English message: the problem and file:line
    needles_id: tuple[str, ...]  # in the Indonesian message


GOOD_WAIVER = "- rule: STR-003\n  reason: diterima\n"
RULES_ID = "Berkas aturan tidak sah"
WAIVERS_ID = "Berkas pengecualian tidak sah"


def _formula_case(name: str, formula: str, problem: str) -> Case:
    """A column_formula rule whose formula is ``formula``: refused at its params' line."""
    params = '{column: tingkat_realisasi, formula: "' + formula + '"}'
    return Case(
        name,
        lambda t: _rules_args(t, HEAD + _rule("column_formula", params=params)),
        ("rules.yaml:9", "formula", problem),
        (RULES_ID, "rules.yaml:9"),
    )


CASES = [
    Case(
        "format-spec-width",
        lambda t: _rules_args(t, HEAD + _rule(message='{id: "{table:>1500000000}", en: "{table}"}')),
        ("rules.yaml:8", "only plain {name} fields", "{table:>1500000000}"),
        (RULES_ID, "rules.yaml:8", "hanya boleh isian polos"),
    ),
    Case(
        "format-conversion",
        lambda t: _rules_args(t, HEAD + _rule(message='{id: "{table}", en: "{table!r}"}')),
        ("rules.yaml:8", "only plain {name} fields", "{table!r}"),
        (RULES_ID, "rules.yaml:8"),
    ),
    Case(
        "format-index",
        lambda t: _rules_args(t, HEAD + _rule(message='{id: "{table[0]}", en: "{table}"}')),
        ("rules.yaml:8", "bad message field", "{table[0]}"),
        (RULES_ID, "rules.yaml:8"),
    ),
    Case(
        "format-unmatched-brace",
        lambda t: _rules_args(t, HEAD + _rule(message='{id: "{table", en: "{table}"}')),
        ("rules.yaml:8", "bad message text"),
        (RULES_ID, "rules.yaml:8", "teks pesan tidak sah"),
    ),
    Case(
        "alias-bomb-rules",
        lambda t: _rules_args(
            t, 'ruleset:\n  id: t\n  version: "1"\n  title: {id: a, en: b}\n  notes: ' + _bomb() + "\nrules: []\n"
        ),
        ("rules.yaml:5", "aliases", "expanded"),
        (RULES_ID, "alias"),
    ),
    Case(
        "alias-bomb-in-rule-params",
        lambda t: _rules_args(t, HEAD + _rule(params="{required: " + _bomb() + "}")),
        ("rules.yaml:9", "aliases", "expanded"),
        (RULES_ID, "alias"),
    ),
    Case(
        "alias-bomb-waivers",
        lambda t: _waivers_args(t, GOOD_WAIVER + "  location: {table: " + _bomb() + "}\n"),
        ("waivers.yaml:3", "aliases", "expanded"),
        (WAIVERS_ID, "alias"),
    ),
    Case(
        "alias-recursive",
        lambda t: _rules_args(t, 'ruleset: &r {id: t, version: "1", title: {id: a, en: b}, self: *r}\n'),
        ("rules.yaml:1", "refers to itself"),
        (RULES_ID, "rules.yaml:1", "merujuk dirinya sendiri"),
    ),
    Case(
        "extends-dev-zero",
        lambda t: _rules_args(t, HEAD + "extends: /dev/zero\n"),
        ("/dev/zero", "rules.yaml:2", "not a regular file"),
        (RULES_ID, "/dev/zero", "bukan berkas biasa"),
    ),
    Case(
        "extends-fifo",
        _fifo,
        ("base.yaml", "rules.yaml:2", "not a regular file"),
        (RULES_ID, "bukan berkas biasa"),
    ),
    Case(
        "extends-nul-byte",
        lambda t: _rules_args(t, HEAD + 'extends: "a\\0b.yaml"\n'),
        ("rules.yaml:2", "'extends' must name"),
        (RULES_ID, "rules.yaml:2"),
    ),
    Case(
        "waivers-dev-zero",
        lambda t: ["--waivers", "/dev/zero"],
        ("/dev/zero", "not a regular file"),
        (WAIVERS_ID, "/dev/zero", "bukan berkas biasa"),
    ),
    Case(
        "rules-too-large",
        lambda t: _rules_args(t, HEAD + "rules: []\n" + ("#" * 99 + "\n") * 30_000),
        ("rules.yaml", "too large"),
        (RULES_ID, "terlalu besar"),
    ),
    Case(
        "waivers-too-large",
        lambda t: _waivers_args(t, GOOD_WAIVER + ("#" * 99 + "\n") * 30_000),
        ("waivers.yaml", "too large"),
        (WAIVERS_ID, "terlalu besar"),
    ),
    Case(
        "check-is-a-list",
        lambda t: _rules_args(t, HEAD + _rule(check="[sum_children, grand_total]")),
        ("rules.yaml:4", "'check' must be the name of a check type"),
        (RULES_ID, "rules.yaml:4", "'check' harus berupa nama jenis pemeriksaan"),
    ),
    Case(
        "check-name-huge",
        lambda t: _rules_args(t, HEAD + _rule(check="x" * 1_500_000)),
        ("rules.yaml:4", "unknown check type 'xxxxx"),
        (RULES_ID, "rules.yaml:4"),
    ),
    _formula_case("formula-100000-unary-minus", "- " * 100_000 + "realisasi_n2", "too long"),
    _formula_case("formula-20000-terms", " + ".join(["realisasi_n2"] * 20_000), "too long"),
    _formula_case("formula-deep-but-short", "-" * 300 + "realisasi_n2", "nested too deeply"),
    _formula_case("formula-many-terms-but-short", _balanced_sum(64), "too many terms"),
    _formula_case("formula-number-too-big-for-float", "realisasi_n2 * 1" + "0" * 400, "number"),
    Case(
        "regex-nested-5000-deep",
        lambda t: _rules_args(
            t, HEAD + _rule("structure_leftover", params="{patterns: ['" + "(" * 5000 + ")" * 5000 + "']}")
        ),
        ("rules.yaml:9", "'patterns' is not valid"),
        (RULES_ID, "rules.yaml:9"),
    ),
    Case(
        "rules-nested-50000-deep",
        lambda t: _rules_args(t, HEAD + "rules: " + "[" * 50_000 + "]" * 50_000 + "\n"),
        ("rules.yaml:2", "nested too deeply"),
        (RULES_ID, "rules.yaml:2", "bersarang terlalu dalam"),
    ),
    Case(
        "waivers-nested-50000-deep",
        lambda t: _waivers_args(t, "- " * 50_000 + "x\n"),
        ("waivers.yaml:1", "nested too deeply"),
        (WAIVERS_ID, "waivers.yaml:1", "bersarang terlalu dalam"),
    ),
    Case(
        "base-rule-not-a-mapping",
        lambda t: _profile_on(t, HEAD + "rules: [5]\n"),
        ("base.yaml:2", "a rule must be a mapping"),
        (RULES_ID, "base.yaml:2", "aturan harus berupa mapping"),
    ),
    Case(
        "override-params-list",
        lambda t: _rules_args(t, HEAD + "extends: renja-permendagri86\noverrides:\n  NAR-001: {params: [1, 2]}\n"),
        ("rules.yaml:4", "'params' must be a mapping"),
        (RULES_ID, "rules.yaml:4", "'params' harus berupa mapping"),
    ),
    Case(
        "override-params-int",
        lambda t: _rules_args(t, HEAD + "extends: renja-permendagri86\noverrides:\n  NAR-001:\n    params: 7\n"),
        ("rules.yaml:5", "'params' must be a mapping"),
        (RULES_ID, "rules.yaml:5"),
    ),
    Case(
        "rule-params-list-of-lists",
        lambda t: _rules_args(t, HEAD + _rule(params="[[1]]")),
        ("rules.yaml:9", "'params' must be a mapping"),
        (RULES_ID, "rules.yaml:9"),
    ),
    Case(
        "rules-impossible-date",
        lambda t: _rules_args(t, "ruleset: {id: t, version: 2024-13-45, title: {id: a, en: b}}\nrules: []\n"),
        ("broken YAML", "line 1", "rules.yaml"),
        (RULES_ID, "YAML rusak"),
    ),
    Case(
        "rules-5000-digit-int",
        lambda t: _rules_args(t, HEAD + _rule("sum_children", params="{tolerance: " + "9" * 5000 + "}")),
        ("broken YAML", "line 9", "rules.yaml"),
        (RULES_ID, "YAML rusak"),
    ),
    Case(
        "waivers-not-utf8",
        lambda t: _waivers_args(t, b"- rule: STR-003\n  reason: caf\xe9\n"),
        ("waivers.yaml:2", "not UTF-8"),
        (WAIVERS_ID, "waivers.yaml:2", "bukan teks UTF-8"),
    ),
    Case(
        "waiver-location-date",
        lambda t: _waivers_args(t, GOOD_WAIVER + "  location: {table: ZZZ, code: 2024-01-01}\n"),
        ("waivers.yaml:1", "'location' values must be text or numbers"),
        (WAIVERS_ID, "waivers.yaml:1"),
    ),
]


def run_limited(*args: str | Path) -> tuple[subprocess.CompletedProcess[str], float]:
    """``renja-audit`` in a child that may not grow past MEMORY_LIMIT; (process, seconds)."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "auditor", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=TIMEOUT,
        preexec_fn=limit,
    )
    return proc, time.perf_counter() - start


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_rules_and_waivers_are_refused(tmp_path: Path, case: Case) -> None:
    proc, seconds = run_limited("check", PDF, "--out", tmp_path / "out", "--format", "json", *case.build(tmp_path))
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 2, (proc.returncode, proc.stderr[-3000:])
    assert seconds < FAST, seconds
    assert len(proc.stderr) < 20_000  # what the file holds is quoted, never copied whole
    id_text, _, en_text = proc.stderr.partition("\n")  # Indonesian first, then English
    for needle in case.needles:
        assert needle in en_text, (needle, proc.stderr[-3000:])
    for needle in case.needles_id:
        assert needle in id_text, (needle, proc.stderr[-3000:])
    assert not (tmp_path / "out").exists()  # refused before any document was read


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.parametrize("name", ["format-spec-width", "alias-bomb-waivers", "waivers-not-utf8"])
def test_english_run_states_the_problem_too(tmp_path: Path, name: str) -> None:
    case = next(c for c in CASES if c.name == name)
    proc, _ = run_limited("check", PDF, "--out", tmp_path / "out", "--lang", "en", *case.build(tmp_path))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert all(needle in proc.stderr for needle in case.needles)


@pytest.mark.cli
def test_rules_command_refuses_too(tmp_path: Path) -> None:
    proc, seconds = run_limited("rules", *_rules_args(tmp_path, HEAD + "rules: " + "[" * 50_000 + "]" * 50_000))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and seconds < FAST
    assert "nested too deeply" in proc.stderr


@pytest.mark.cli
def test_ordinary_aliases_and_profiles_still_load(tmp_path: Path) -> None:
    """The bundled rules share lists with anchors (``nouns: *nouns``); sane sharing stays allowed."""
    second = _rule(params="*p").replace("rules:\n", "").replace("X-1", "X-2")
    text = HEAD + "extends: renja-permendagri86\n" + _rule(params="&p {required: [ZZZ]}") + second
    proc, _ = run_limited("rules", "--rules", _write(tmp_path / "rules.yaml", text))
    assert proc.returncode == 0, proc.stderr
    assert "X-1" in proc.stdout and "X-2" in proc.stdout and "TOT-001" in proc.stdout
