"""Property-based fuzzing of what ``renja-audit`` reads, with Hypothesis (issue 13).

Generated inputs go to the installed ``renja-audit`` command, each run in a child process
with an address-space cap and a time limit:

* a small sample PDF and a sample Word document, their bytes mutated (bits flipped, ranges
  overwritten, inserted, deleted or repeated, the file cut short or spliced onto another
  sample) and their structure mutated so that the damage gets past the first parser (a
  page's inflated content stream, a member of the .docx zip, a cell's text, a row);
* rule sets: random YAML trees, and rules of the bundled rule set with fields replaced,
  removed or added, message templates with braces, unknown ``check`` types and random
  ``params``, given to ``renja-audit rules`` (it loads and validates the rule set without
  auditing anything) and, for a few, to ``check`` together with random waivers files.

The outcome must be one the README promises: exit 0/1 with a complete JSON report, or
exit 2 with a message in Indonesian and in English and no report; never a traceback.

The runs are seeded (``derandomize``), so CI tries the same examples every time. Each test
tries RENJA_FUZZ_EXAMPLES examples when that is set (``make fuzz`` sets a large number),
else the small number in its settings.
"""

from __future__ import annotations

import copy
import io
import json
import math
import os
import re
import resource
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
import yaml
from conftest import ROOT, SAMPLES
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, StreamObject

from auditor.findings import CATEGORIES, SEVERITIES
from auditor.rules.checks import registry
from auditor.rules.params import Param
from auditor.rules.ruleset import OVERRIDE_KEYS, RULE_KEYS
from auditor.rules.waivers import LOCATION_KEYS

COMMAND = Path(sys.executable).with_name("renja-audit")  # the installed command, as users run it
PDF = SAMPLES / "pdf" / "banyuwangi-bappeda-2025.pdf"  # the smallest sample PDF (35 pages)
PDF_OTHER = SAMPLES / "pdf" / "banyuwangi-bappeda-2025-defects.pdf"  # spliced onto PDF
DOCX = SAMPLES / "pdf" / "situbondo-diskominfo-2025.docx"  # the smallest sample .docx
# Spliced onto DOCX, and the document of the rule-set checks: its findings fill the messages.
DOCX_DEFECTS = SAMPLES / "pdf" / "situbondo-diskominfo-2025-defects.docx"
BUNDLED_RULES = ROOT / "rules" / "renja-permendagri86.yaml"

MEMORY_LIMIT = 3584 << 20  # bytes of address space for renja-audit (its own child caps itself at 3 GB)
AUDIT_TIMEOUT = 120  # --timeout: a document that takes longer is refused (exit 2), as it should be
RUN_TIMEOUT = 300.0  # past this the command hangs beyond its own limit, and the test fails


def _examples(default: int) -> int:
    value = os.environ.get("RENJA_FUZZ_EXAMPLES", "").strip()
    return int(value) if value else default


def _fuzz(default_examples: int) -> settings:
    return settings(
        max_examples=_examples(default_examples),
        deadline=None,  # one example is a child process of 1-10 s
        derandomize=True,  # the same examples on every run: CI is reproducible
        database=None,
        # Not Phase.explain: after a failure it runs the command ~100 more times.
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# --- running the command and judging its outcome -------------------------------------------


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(COMMAND), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        cwd=cwd,
        timeout=RUN_TIMEOUT,
        preexec_fn=_limit_memory,
        check=False,
    )


def check(document: Path, out: Path, *options: str | Path) -> subprocess.CompletedProcess[str]:
    return run(
        "check", document, "--out", out, "--format", "json", "--timeout", str(AUDIT_TIMEOUT), *options, cwd=out.parent
    )


def outcome(proc: subprocess.CompletedProcess[str], *paths: Path) -> str:
    """The exit code and the English line of a refusal, without names and numbers: Hypothesis
    counts these events (``--hypothesis-show-statistics`` shows how deep the inputs got)."""
    text = proc.stderr
    for path in paths:
        text = text.replace(str(path), "FILE").replace(str(path.parent), "DIR").replace(path.name, "FILE")
    lines = [line for line in text.splitlines() if line.strip()]
    reason = re.sub(r"\d+", "N", lines[1] if len(lines) > 1 else "")[:70]
    return f"exit {proc.returncode}" + (f": {reason}" if proc.returncode == 2 else "")


def _shown(proc: subprocess.CompletedProcess[str]) -> str:
    return f"exit {proc.returncode}\n--- stdout:\n{proc.stdout[-3000:]}\n--- stderr:\n{proc.stderr[-3000:]}"


# Words of the messages in each language (a line names a file too; paths are taken out first).
INDONESIAN = re.compile(
    r"\b(berkas|tidak|bukan|rusak|halaman|dokumen|pemeriksaan|aturan|pengecualian|kesalahan|terlalu|"
    r"perintah|pindai|memori|harus|tabel|ditemukan|isian|mohon)\b",
    re.IGNORECASE,
)
ENGLISH = re.compile(
    r"\b(the|file|not|cannot|invalid|damaged|page|audit|auditing|rule|waivers|error|too|usage|must|"
    r"found|table|please|broken)\b",
    re.IGNORECASE,
)


def assert_bilingual(stderr: str, shown: str, *paths: Path) -> None:
    """An Indonesian line, then an English one (the CLI writes each message in that order)."""
    text = stderr
    for path in paths:  # a file's name must not pass for a word of the message
        text = text.replace(str(path), "FILE").replace(path.name, "FILE")
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines, f"exit 2 without a message\n{shown}"
    first_id = next((i for i, line in enumerate(lines) if INDONESIAN.search(line)), None)
    assert first_id is not None, f"no Indonesian line\n{shown}"
    english = [line for line in lines[first_id + 1 :] if ENGLISH.search(line)]
    assert english, f"no English line after the Indonesian one\n{shown}"


def assert_no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    shown = _shown(proc)
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout, shown
    # What the tool prints for a bug it caught: still a bug.
    assert "Internal error" not in proc.stderr and "please report it" not in proc.stderr, shown


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON (RFC 8259)")


def assert_audited_or_refused(proc: subprocess.CompletedProcess[str], document: Path, out: Path, *inputs: Path) -> None:
    """``check DOCUMENT --out OUT --format json`` did one of the two things it may do."""
    shown = _shown(proc)
    assert_no_traceback(proc)
    report = out / f"{document.stem}.json"
    if proc.returncode == 2:
        assert_bilingual(proc.stderr, shown, document, out, *inputs)
        assert not report.exists(), f"refused, yet a report was written\n{shown}"
        assert str(report) not in proc.stdout, f"refused, yet a report is claimed\n{shown}"
        return
    assert proc.returncode in (0, 1), shown
    assert report.is_file(), f"exit {proc.returncode} without {report}\n{shown}"
    assert str(report) in proc.stdout, shown
    text = report.read_text(encoding="utf-8")
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except ValueError as exc:
        raise AssertionError(f"the report is not valid JSON: {exc}\n{shown}") from None
    assert isinstance(data, dict), shown
    assert isinstance(data.get("document"), dict), shown
    findings = data.get("findings")
    assert isinstance(findings, list) and all(isinstance(f, dict) for f in findings), shown
    summary = data.get("summary")
    counted = {s: sum(f.get("severity") == s for f in findings) for s in SEVERITIES}
    assert summary == counted, (summary, counted, shown)
    assert proc.returncode == (1 if summary["error"] else 0), shown  # --fail-on error, the default


def assert_listed_or_refused(proc: subprocess.CompletedProcess[str], *inputs: Path) -> None:
    """``rules --rules FILE``: the rules listed (exit 0) or the file refused (exit 2)."""
    shown = _shown(proc)
    assert_no_traceback(proc)
    assert proc.returncode in (0, 2), shown
    if proc.returncode == 2:
        assert_bilingual(proc.stderr, shown, *inputs)
        assert not proc.stdout, shown
    else:
        assert not proc.stderr, shown


# --- bugs found so far ---------------------------------------------------------------------
# The four bugs earlier fuzz runs found are fixed; each has a regression test at the end of
# this file. A new one gets a reproduction there first (an xfail(strict=True) test until it
# is fixed), so that CI keeps trying the remaining examples meanwhile.


# --- byte mutations ------------------------------------------------------------------------

Op = tuple[Any, ...]

OFFSETS = st.integers(min_value=0, max_value=2**31)  # taken modulo the current length
SPECIAL_BYTES = [
    b"\x00",
    b"\xff",
    b"\x00" * 16,
    b"0",
    b"-1",
    b"99999999999999999999",
    b"1e308",
    b"-0.0",
    b"(",
    b")",
    b"<<",
    b">>",
    b"[",
    b"]",
    b"/",
    b"%",
    b"\\",
    b"R",
    b" obj ",
    b"endobj",
    b"stream\n",
    b"endstream",
    b"%%EOF",
    b"PK\x03\x04",
    b"<",
    b">",
    b"&",
    b'"',
    b"<w:t>",
    b"</w:tc>",
    b"\xef\xbb\xbf",
    b"\xc3\x28",
]
CHUNKS = st.one_of(st.binary(min_size=1, max_size=48), st.sampled_from(SPECIAL_BYTES))
BYTE_OPS = st.one_of(
    st.tuples(st.just("flip"), OFFSETS, st.integers(1, 255)),
    st.tuples(st.just("overwrite"), OFFSETS, CHUNKS),
    st.tuples(st.just("insert"), OFFSETS, CHUNKS),
    st.tuples(st.just("delete"), OFFSETS, st.integers(1, 4096)),
    st.tuples(st.just("repeat"), OFFSETS, st.integers(1, 512), st.integers(2, 40)),
    st.tuples(st.just("truncate"), OFFSETS),
)
PDF_TOKENS = [
    b"xref",
    b"startxref",
    b"trailer",
    b"/Length",
    b" obj",
    b"endobj",
    b"stream",
    b"/Root",
    b"/Pages",
    b"/Kids",
    b"/Count",
    b"/MediaBox",
    b"/Font",
    b"/Encoding",
    b"/ToUnicode",
    b"/Widths",
    b"/FirstChar",
    b"/Contents",
    b"/Filter",
    b"/Resources",
]
ZIP_TOKENS = [b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"]  # local header, central directory, its end


def at_token_ops(tokens: list[bytes]) -> st.SearchStrategy[Op]:
    """Overwrite the bytes right after the n-th occurrence of a structural token."""
    return st.tuples(st.just("at_token"), st.sampled_from(tokens), st.integers(0, 2000), CHUNKS)


def splice_ops(others: int) -> st.SearchStrategy[Op]:
    """This file up to one offset, then another file from another offset."""
    return st.tuples(st.just("splice"), OFFSETS, st.integers(0, others - 1), OFFSETS)


def apply_byte_ops(data: bytes, ops: Sequence[Op], others: Sequence[bytes] = ()) -> bytes:
    buf = bytearray(data)
    for op in ops:
        kind = op[0]
        at = op[1] % (len(buf) + 1) if isinstance(op[1], int) else 0  # the offset, for the ops that have one
        if kind == "flip" and buf:
            buf[op[1] % len(buf)] ^= op[2]
        elif kind == "overwrite":
            buf[at : at + len(op[2])] = op[2]
        elif kind == "insert":
            buf[at:at] = op[2]
        elif kind == "delete":
            del buf[at : at + op[2]]
        elif kind == "repeat":
            buf[at:at] = bytes(buf[at : at + op[2]]) * (op[3] - 1)
        elif kind == "truncate":
            del buf[at:]
        elif kind == "splice":
            other = others[op[2]]
            buf[at:] = other[op[3] % (len(other) + 1) :]
        elif kind == "at_token":
            starts = [m.start() for m in re.finditer(re.escape(op[1]), buf)]
            if starts:
                start = starts[op[2] % len(starts)] + len(op[1])
                buf[start : start + len(op[3])] = op[3]
        elif kind == "nth":  # ("nth", pattern, n, replacement): the n-th match of a regex replaced
            matches = list(re.finditer(op[1], buf))
            if matches:
                m = matches[op[2] % len(matches)]
                buf[m.start() : m.end()] = op[3]
        elif kind in ("drop", "double"):  # ("drop"/"double", element, n): the n-th <element>…</element>
            name = op[1]
            starts = [m.start() for m in re.finditer(rb"<" + name + rb"[ >]", buf)]
            if starts:
                start = starts[op[2] % len(starts)]
                end = buf.find(b"</" + name + b">", start)
                if end >= 0:
                    end += len(name) + 3
                    buf[start:end] = b"" if kind == "drop" else bytes(buf[start:end]) * 2
    return bytes(buf)


# A PDF page's content stream (inflated): numbers are positions, sizes and colours; <hex> is text.
NUMBERS = st.one_of(
    st.integers(-(10**6), 10**12).map(lambda n: str(n).encode()),
    st.floats(allow_nan=False, width=32).map(lambda x: repr(x).encode()),
    st.sampled_from([b"0", b"-0", b"1e308", b"nan", b"99999999999999999999999", b"-.5", b"1.2.3", b""]),
)
CONTENT_OPS = st.one_of(
    BYTE_OPS,
    st.tuples(st.just("nth"), st.just(rb"-?\d+(?:\.\d+)?"), st.integers(0, 5000), NUMBERS),
    st.tuples(
        st.just("nth"),
        st.just(rb"<[0-9A-Fa-f]+>"),
        st.integers(0, 5000),
        st.binary(min_size=0, max_size=8).map(lambda b: b"<" + b.hex().encode() + b">"),
    ),
    st.tuples(
        st.just("nth"),
        st.sampled_from(
            [
                rb"\bTJ\b",
                rb"\bTd\b",
                rb"\bTf\b",
                rb"\bre\b",
                rb"\bq\b",
                rb"\bQ\b",
                rb"\bBT\b",
                rb"\bET\b",
                rb"\bW\*? n\b",
            ]
        ),
        st.integers(0, 5000),
        st.sampled_from([b"", b"Tj", b"TJ", b"BT", b"ET", b"q", b"Q", b"Do", b"cm"]),
    ),
)


@dataclass(frozen=True)
class PdfMutation:
    contents: tuple[tuple[int, tuple[Op, ...]], ...]  # (page index, ops on its inflated content)
    raw: tuple[Op, ...]  # then on the file's bytes

    def apply(self, data: bytes, others: Sequence[bytes]) -> bytes:
        if self.contents:
            writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
            for index, ops in self.contents:
                page = writer.pages[index % len(writer.pages)]
                content = page.get_contents()
                stream = StreamObject()
                stream._data = zlib.compress(apply_byte_ops(content.get_data() if content else b"", ops))
                stream[NameObject("/Filter")] = NameObject("/FlateDecode")
                page[NameObject("/Contents")] = writer._add_object(stream)
            buffer = io.BytesIO()
            writer.write(buffer)
            data = buffer.getvalue()
        return apply_byte_ops(data, self.raw, others)


PDF_MUTATIONS = st.builds(
    PdfMutation,
    contents=st.lists(
        st.tuples(st.integers(0, 40), st.lists(CONTENT_OPS, min_size=1, max_size=5).map(tuple)), max_size=2
    ).map(tuple),
    raw=st.one_of(
        st.just(()),
        st.lists(st.one_of(BYTE_OPS, at_token_ops(PDF_TOKENS), splice_ops(2)), min_size=1, max_size=4).map(tuple),
    ),
)

# A Word document's XML: cell text, rows, cells, merges and spans.
# Text that XML can hold (byte changes make the rest): control characters are refused by the parser.
XML_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"), max_size=24
)
XML_VALUES = st.one_of(
    XML_TEXT,
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "99999999999",
            "1.000.000,00",
            "Rp",
            "NIHIL",
            "%",
            "T-C.33",
            "1.02.01.2.01",
            "\u202e",
            "]]>",
            "&amp;",
            "\t",
        ]
    ),
)
CELL_TEXT_EDITS = st.tuples(
    st.just("nth"),
    st.just(rb"(?<=<w:t>)[^<]*|(?<=<w:t xml:space=\"preserve\">)[^<]*"),
    st.integers(0, 20000),
    XML_VALUES.map(lambda s: escape(s).encode()),
)
ATTRIBUTE_EDITS = st.tuples(
    st.just("nth"),
    st.just(rb'(?<=w:val=")[^"]*'),
    st.integers(0, 20000),
    st.sampled_from([b"", b"0", b"-1", b"2", b"99999", b"restart", b"continue", b"x"]),
)
ELEMENT_EDITS = st.tuples(
    st.sampled_from(["drop", "double"]),
    st.sampled_from([b"w:tr", b"w:tc", b"w:p", b"w:tbl", b"w:tcPr", b"w:gridCol", b"w:tblGrid", b"w:r"]),
    st.integers(0, 5000),
)
# Byte changes mostly make the XML unreadable, and the file is refused at once: one op in six.
XML_OPS = st.one_of(CELL_TEXT_EDITS, CELL_TEXT_EDITS, ATTRIBUTE_EDITS, ELEMENT_EDITS, ELEMENT_EDITS, BYTE_OPS)


def _zip_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


DOCX_MEMBERS = sorted(_zip_members(DOCX))


@dataclass(frozen=True)
class DocxMutation:
    members: tuple[tuple[str, tuple[Op, ...]], ...]  # (zip member, ops on its bytes), then re-zipped
    raw: tuple[Op, ...]  # then on the file's bytes

    def apply(self, data: bytes, others: Sequence[bytes]) -> bytes:
        if self.members:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                members = {info.filename: archive.read(info) for info in archive.infolist()}
            for name, ops in self.members:
                members[name] = apply_byte_ops(members[name], ops)
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for name, content in members.items():
                    archive.writestr(
                        zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0)),
                        content,
                        compress_type=zipfile.ZIP_DEFLATED,
                    )
            data = buffer.getvalue()
        return apply_byte_ops(data, self.raw, others)


DOCX_MUTATIONS = st.builds(
    DocxMutation,
    members=st.lists(
        st.tuples(
            st.one_of(st.just("word/document.xml"), st.sampled_from(DOCX_MEMBERS)),
            st.lists(XML_OPS, min_size=1, max_size=4).map(tuple),
        ),
        max_size=2,
    ).map(tuple),
    # Most byte changes break a zip member's checksum, and the file is refused as damaged: a quarter only.
    raw=st.one_of(
        st.just(()),
        st.just(()),
        st.just(()),
        st.lists(st.one_of(BYTE_OPS, at_token_ops(ZIP_TOKENS), splice_ops(2)), min_size=1, max_size=3).map(tuple),
    ),
)


def _audit_mutated(source: Path, others: Sequence[Path], mutation: PdfMutation | DocxMutation) -> None:
    data = mutation.apply(source.read_bytes(), [p.read_bytes() for p in others])
    with tempfile.TemporaryDirectory(prefix="renja-fuzz-") as tmp:
        document = Path(tmp) / f"input{source.suffix}"
        document.write_bytes(data)
        out = Path(tmp) / "out"
        proc = check(document, out)
        event(outcome(proc, document, out))
        assert_audited_or_refused(proc, document, out)


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.slow
@_fuzz(8)
@given(mutation=PDF_MUTATIONS)
def test_mutated_pdf_is_audited_or_refused(mutation: PdfMutation) -> None:
    _audit_mutated(PDF, [PDF_OTHER, DOCX], mutation)


@pytest.mark.samples
@pytest.mark.cli
@_fuzz(6)
@given(mutation=DOCX_MUTATIONS)
def test_mutated_docx_is_audited_or_refused(mutation: DocxMutation) -> None:
    _audit_mutated(DOCX, [DOCX_DEFECTS, PDF], mutation)


# --- rule sets and waivers -----------------------------------------------------------------

BUNDLED: dict[str, Any] = yaml.safe_load(BUNDLED_RULES.read_text(encoding="utf-8"))
BASE_RULES: list[dict[str, Any]] = BUNDLED["rules"]
RULE_IDS = [str(rule["id"]) for rule in BASE_RULES]
CHECKS = registry()
CHECK_NAMES = sorted(CHECKS)
HEAD = {"id": "fuzz", "version": "1", "title": {"id": "judul", "en": "title"}}
WORDS = [
    *CHECK_NAMES[:6],
    *CATEGORIES,
    *SEVERITIES,
    "T-C.33",
    "Tabel 4.1",
    "amount",
    "program",
    "kegiatan",
    "id",
    "en",
    "renja-permendagri86",
    "renja-2027",
    "",
    " ",
    "~",
    "null",
    "yes",
    "0x1F",
    "1e400",
    ".nan",
    "2024-13-45",
    "{table}",
    "{",
    "}",
    ".",
    "..",
    "rules.yaml",
    "*",
    "&",
    "(a+)+$",
    "[",
    "\\",
    "\t",
]
LONG_TEXT = st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=3), st.integers(40, 300))
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=16),
    LONG_TEXT,
    st.sampled_from(WORDS),
)
KEYS = st.one_of(
    st.text(max_size=10),
    st.integers(-2, 2),
    st.sampled_from(sorted(RULE_KEYS | OVERRIDE_KEYS | {"ruleset", "rules"})),
)
TREES = st.recursive(
    SCALARS,
    lambda kids: st.one_of(st.lists(kids, max_size=4), st.dictionaries(KEYS, kids, max_size=4)),
    max_leaves=10,
)
TEMPLATE_BITS = [
    "{",
    "}",
    "{}",
    "{0}",
    "{{",
    "}}",
    "{x}",
    "{table!r}",
    "{code:>9}",
    "{a.b}",
    "{a[0]}",
    "{ table }",
    "{\u00e9}",
    "{__class__}",
    "{table}{table}",
]


def templates(fields: Sequence[str], wild: bool = True) -> st.SearchStrategy[str]:
    """Message templates of the check's fields and text; ``wild``: with stray braces and formats too."""
    pieces = [
        st.text(alphabet="ab xyz.:!-0", max_size=6),
        st.sampled_from(list(fields) or ["x"]).map(lambda f: "{" + f + "}"),
    ]
    if wild:
        pieces.append(st.sampled_from(TEMPLATE_BITS))
    return st.lists(st.one_of(pieces), max_size=6).map("".join)


def _items(param: Param, wild: bool) -> st.SearchStrategy[Any]:
    """Items of a list parameter."""
    if param.choices is not None:
        return st.one_of(st.sampled_from(param.choices), SCALARS) if wild else st.sampled_from(param.choices)
    if param.item is int:
        return st.integers(-3000, 3000)
    if param.item is dict:
        return st.dictionaries(
            st.one_of(st.sampled_from(["id", "en", "name", "pattern", "words", "noun"]), KEYS), TREES, max_size=4
        )
    if param.item is list:
        return st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=4)
    return st.one_of(st.sampled_from(WORDS), st.text(max_size=12))


def param_values(param: Param, wild: bool = True) -> st.SearchStrategy[Any]:
    """Values of the declared type (the checks' own validators judge the rest); ``wild``: any
    YAML value a quarter of the time."""
    if param.choices is not None and param.kind is not list:
        typed: st.SearchStrategy[Any] = st.sampled_from(param.choices)
    elif param.kind is bool:
        typed = st.booleans()
    elif param.kind is int:
        low = int(param.minimum) if param.minimum is not None else None
        typed = st.one_of(
            st.integers(min_value=low, max_value=None if low is None else low + 10), st.integers(min_value=low)
        )
    elif param.kind is float:
        typed = st.one_of(st.floats(min_value=param.minimum), st.sampled_from([math.inf, math.nan]))
    elif param.kind is list:
        typed = st.lists(_items(param, wild), max_size=4)
    elif param.kind is dict:
        typed = st.dictionaries(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), TREES, max_size=4)
    else:
        typed = st.one_of(st.sampled_from(WORDS), st.text(max_size=20), LONG_TEXT)
    return st.one_of(typed, typed, typed, TREES) if wild else typed


def params_for(check_name: str, wild: bool = True) -> st.SearchStrategy[dict[Any, Any]]:
    """Some of the check's parameters; unless ``wild``, every required one."""
    schema: dict[str, Param] = CHECKS[check_name].PARAMS
    required = {} if wild else {name: param_values(p, wild) for name, p in schema.items() if p.required}
    optional = {name: param_values(p, wild) for name, p in schema.items() if name not in required}
    return st.fixed_dictionaries(required, optional=optional)


def localized() -> st.SearchStrategy[Any]:
    return st.one_of(st.fixed_dictionaries({"id": st.text(max_size=20), "en": st.text(max_size=20)}), TREES)


def field_value(key: str, check_name: str) -> st.SearchStrategy[Any]:
    fields = list(CHECKS[check_name].FIELDS) if check_name in CHECKS else []
    if key == "check":
        return st.one_of(st.sampled_from(CHECK_NAMES), SCALARS, TREES)
    if key == "category":
        return st.one_of(st.sampled_from(CATEGORIES), TREES)
    if key == "severity":
        return st.one_of(st.sampled_from(SEVERITIES), TREES)
    if key in ("title", "explanation"):
        return localized()
    if key == "message":
        return st.one_of(st.fixed_dictionaries({"id": templates(fields), "en": templates(fields)}), TREES)
    if key == "params":
        checks = [check_name] if check_name in CHECKS else CHECK_NAMES
        with_extra = st.tuples(params_for(checks[0]), st.dictionaries(KEYS, TREES, min_size=1, max_size=3)).map(
            lambda t: {**t[0], **t[1]}
        )
        return st.one_of(st.sampled_from(checks).flatmap(params_for), with_extra, TREES)
    if key == "id":
        return st.one_of(st.sampled_from(RULE_IDS), SCALARS)
    return TREES


@st.composite
def rule_entries(draw: st.DrawFn) -> Any:
    """A rule of the bundled set with up to four fields removed, replaced or added."""
    rule = copy.deepcopy(draw(st.sampled_from(BASE_RULES)))
    for _ in range(draw(st.integers(0, 4))):
        key = draw(st.sampled_from([*sorted(RULE_KEYS), "params", "params", "params", "message", "notes"]))
        if draw(st.integers(0, 3)) == 0:
            rule.pop(key, None)
        else:
            rule[key] = draw(field_value(key, str(rule.get("check"))))
    return rule


@st.composite
def overrides(draw: st.DrawFn) -> Any:
    ids = draw(st.lists(st.one_of(st.sampled_from(RULE_IDS), SCALARS), max_size=3))
    changes: dict[Any, Any] = {}
    for rule_id in ids:
        base = next((r for r in BASE_RULES if r["id"] == rule_id), None)
        check_name = str(base["check"]) if base else draw(st.sampled_from(CHECK_NAMES))
        keys = draw(st.lists(st.sampled_from([*sorted(OVERRIDE_KEYS), "check", "id"]), max_size=3))
        changes[rule_id] = {key: draw(field_value(key, check_name)) for key in keys}
    return draw(st.one_of(st.just(changes), st.just(changes), TREES))


YAML_SNIPPETS = [
    "&a ",
    "*a",
    "*zz",
    "!!python/object/apply:os.system ['true']",
    "!!binary x",
    "\t",
    "- ",
    ": ",
    "{",
    "}",
    "[",
    "]",
    "'",
    '"',
    "\n  ",
    "\n",
    "? ",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "<<: *a\n",
    "#",
    "|\n",
    ">-\n",
    "\x00",
    "\ufeff",
    "\udcff",
]
TEXT_OPS = st.one_of(
    st.tuples(st.just("insert"), OFFSETS, st.one_of(st.sampled_from(YAML_SNIPPETS), st.text(max_size=8))),
    st.tuples(st.just("delete"), OFFSETS, st.integers(1, 40)),
)


def apply_text_ops(text: str, ops: Sequence[Op]) -> str:
    for kind, offset, arg in ops:
        at = offset % (len(text) + 1)
        text = text[:at] + arg + text[at:] if kind == "insert" else text[:at] + text[at + arg :]
    return text


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)


@st.composite
def rule_set_texts(draw: st.DrawFn) -> str:
    """A rule set: mostly the shape of a real one with parts changed; sometimes any YAML."""
    shape = draw(st.sampled_from(["rules", "rules", "profile", "profile", "tree"]))
    if shape == "tree":
        headed = st.dictionaries(KEYS, TREES, max_size=4).map(lambda d: {"ruleset": HEAD, **d})
        data: Any = draw(st.one_of(TREES, headed))
    else:
        # A broken head or 'extends' is refused before any rule is looked at: one in eight, one in six.
        data = {"ruleset": draw(st.one_of(*[st.just(HEAD)] * 7, TREES))}
        if shape == "profile":
            data["extends"] = draw(st.one_of(*[st.sampled_from(["renja-permendagri86", "renja-2027"])] * 5, SCALARS))
            data["overrides"] = draw(overrides())
        entries = st.lists(rule_entries(), max_size=3)
        data["rules"] = draw(st.one_of(entries, entries, TREES))
    text = dump(data)
    # Text edits mostly make broken YAML, refused before anything else is looked at: a third only.
    ops = draw(st.one_of(st.just([]), st.just([]), st.lists(TEXT_OPS, min_size=1, max_size=2)))
    return apply_text_ops(text, ops)


def write_text(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8", "surrogateescape" if "\udcff" in text else "strict"))
    return path


@pytest.mark.cli
@pytest.mark.slow
@_fuzz(40)
@given(text=rule_set_texts())
def test_random_rule_set_is_listed_or_refused(text: str) -> None:
    with tempfile.TemporaryDirectory(prefix="renja-fuzz-") as tmp:
        rules = write_text(Path(tmp) / "rules.yaml", text)
        proc = run("rules", "--rules", rules, cwd=Path(tmp))
        event(outcome(proc, rules))
        assert_listed_or_refused(proc, rules)


# For `check`: rule sets that mostly load, so the odd values reach the checks themselves.
@st.composite
def loadable_rule_set_texts(draw: st.DrawFn) -> str:
    changes: dict[str, Any] = {}
    for rule_id in draw(st.lists(st.sampled_from(RULE_IDS), max_size=4, unique=True)):
        base = next(r for r in BASE_RULES if r["id"] == rule_id)
        fields = list(CHECKS[base["check"]].FIELDS)
        changes[rule_id] = draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "params": params_for(base["check"], wild=False),
                    "severity": st.sampled_from(SEVERITIES),
                    "enabled": st.booleans(),
                    "message": st.fixed_dictionaries(
                        {"id": templates(fields, wild=False), "en": templates(fields, wild=False)}
                    ),
                },
            )
        )
    rules = []
    for i, check_name in enumerate(draw(st.lists(st.sampled_from(CHECK_NAMES), max_size=3))):
        fields = list(CHECKS[check_name].FIELDS)
        rules.append(
            {
                "id": f"FUZZ-{i}",
                "check": check_name,
                "category": draw(st.sampled_from(CATEGORIES)),
                "severity": draw(st.sampled_from(SEVERITIES)),
                "title": {"id": "judul", "en": "title"},
                "message": {"id": draw(templates(fields, wild=False)), "en": draw(templates(fields, wild=False))},
                "params": draw(params_for(check_name, wild=False)),
            }
        )
    return dump({"ruleset": HEAD, "extends": "renja-permendagri86", "overrides": changes, "rules": rules})


RULE_NAMES = st.sampled_from(RULE_IDS)
REASONS = st.text(min_size=1, max_size=30)
WAIVERS = st.fixed_dictionaries(
    {
        "rule": st.one_of(RULE_NAMES, RULE_NAMES, RULE_NAMES, SCALARS),
        "reason": st.one_of(REASONS, REASONS, REASONS, SCALARS),
    },
    optional={
        "location": st.one_of(
            st.dictionaries(st.one_of(st.sampled_from(LOCATION_KEYS), KEYS), SCALARS, max_size=4), TREES
        ),
    },
)
WAIVERS_TEXTS = st.builds(
    lambda data, ops: apply_text_ops(dump(data), ops),
    st.one_of(
        st.lists(WAIVERS, max_size=4),
        st.lists(WAIVERS, max_size=4),
        st.lists(st.one_of(WAIVERS, TREES), max_size=4),
        TREES,
    ),
    st.one_of(st.just([]), st.just([]), st.lists(TEXT_OPS, min_size=1, max_size=1)),
)


@pytest.mark.samples
@pytest.mark.cli
@_fuzz(6)
@given(
    rules=st.one_of(st.none(), loadable_rule_set_texts(), rule_set_texts()),
    waivers=st.one_of(st.none(), WAIVERS_TEXTS),
)
def test_random_rules_and_waivers_in_a_check(rules: str | None, waivers: str | None) -> None:
    with tempfile.TemporaryDirectory(prefix="renja-fuzz-") as tmp:
        options: list[str | Path] = []
        inputs: list[Path] = []
        if rules is not None:
            inputs.append(write_text(Path(tmp) / "rules.yaml", rules))
            options += ["--rules", inputs[-1]]
        if waivers is not None:
            inputs.append(write_text(Path(tmp) / "waivers.yaml", waivers))
            options += ["--waivers", inputs[-1]]
        out = Path(tmp) / "out"
        proc = check(DOCX_DEFECTS, out, *options)
        event(outcome(proc, DOCX_DEFECTS, out, *inputs))
        assert_audited_or_refused(proc, DOCX_DEFECTS, out, *inputs)


# --- bugs earlier fuzz runs found (fixed), as regression tests -----------------------------

HEAD_YAML = 'ruleset: {id: t, version: "1", title: {id: a, en: b}}\n'
RULE_YAML = (
    "rules:\n"
    "  - id: X-1\n"
    "    check: sum_children\n"
    "    category: totals\n"
    "    severity: error\n"
    "    title: {id: judul, en: title}\n"
    "    message: {id: '{code}', en: '{code}'}\n"
)


def refused(proc: subprocess.CompletedProcess[str], said: str) -> None:
    """Exit 2, and the English half of the message names the cause."""
    assert proc.returncode == 2, _shown(proc)
    assert said in proc.stderr, _shown(proc)


@pytest.mark.cli
def test_params_with_a_number_and_a_name_as_keys(tmp_path: Path) -> None:
    rules = write_text(tmp_path / "rules.yaml", HEAD_YAML + RULE_YAML + "    params: {1: a, b: 2}\n")
    proc = run("rules", "--rules", rules, cwd=tmp_path)
    assert_listed_or_refused(proc, rules)
    refused(proc, "unknown parameter(s) ['1', 'b']")


@pytest.mark.cli
def test_extends_a_name_too_long_for_a_file(tmp_path: Path) -> None:
    rules = write_text(tmp_path / "rules.yaml", HEAD_YAML + "extends: " + "x" * 300 + "\n")
    proc = run("rules", "--rules", rules, cwd=tmp_path)
    assert_listed_or_refused(proc, rules)
    refused(proc, "File name too long")


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.parametrize("option", ["--rules", "--waivers"])
def test_control_character_in_yaml(tmp_path: Path, option: str) -> None:
    text = "\x1f" + (HEAD_YAML + "rules: []\n" if option == "--rules" else "- {rule: TOT-001, reason: x}\n")
    given_file = write_text(tmp_path / "given.yaml", text)
    out = tmp_path / "out"
    proc = check(DOCX, out, option, given_file)
    assert_audited_or_refused(proc, DOCX, out, given_file)
    refused(proc, "broken YAML: unacceptable character #x001f")


@pytest.mark.samples
@pytest.mark.cli
def test_waiver_location_not_a_number(tmp_path: Path) -> None:
    waivers = write_text(tmp_path / "waivers.yaml", "- rule: TOT-001\n  location: {page: .nan}\n  reason: x\n")
    out = tmp_path / "out"
    proc = check(DOCX, out, "--waivers", waivers)
    assert_audited_or_refused(proc, DOCX, out, waivers)
    refused(proc, "'location' values must be text or numbers")
