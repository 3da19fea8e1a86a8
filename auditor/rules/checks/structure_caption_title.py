"""structure_caption_title: a standard table's caption carries that table's title.

``titles`` gives, per table kind, a regular expression of its standard title
(case-insensitive, spaces flexible). With ``report: foreign`` a caption that names
one kind (T-C.31) but carries another kind's title (T-C.29's "Rekapitulasi Evaluasi
Hasil Pelaksanaan Renja ...") and not its own is reported; with ``report: missing``
a caption that carries no standard title at all (a misspelt "Pogram Utama").

PASS::  "Tabel 2.6 T-C.31 Review terhadap Rancangan Awal RKPD Tahun 2024"
FAIL::  "Tabel 2.6 T-C 31 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja ... s/d Tahun 2024"
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.findings import Evidence
from auditor.model.document import Document
from auditor.rules.base import Result, Skip, Violation
from auditor.rules.checks._structure_util import span_location
from auditor.rules.checks._year_util import check_entries
from auditor.rules.params import Param

ID = "structure_caption_title"
PARAMS = {
    "titles": Param(
        list,
        item=dict,
        default=[
            {"kind": "T-C.29", "pattern": r"rekapitulasi\s+evaluasi\s+hasil\s+pelaksanaan\s+renja"},
            {"kind": "T-C.30", "pattern": r"pencapaian\s+kinerja\s+pelayanan"},
            {"kind": "T-C.31", "pattern": r"review\s+terhadap\s+rancangan\s+awal\s+rkpd"},
            {"kind": "T-C.32", "pattern": r"usulan\s+program"},
            {"kind": "T-C.33", "pattern": r"rumusan\s+rencana\s+program\s+dan\s+kegiatan"},
        ],
        check=check_entries({"kind": str, "pattern": str}, {}),
        doc="per table kind, a regular expression of its standard title",
    ),
    "report": Param(
        str,
        default="foreign",
        choices=("foreign", "missing"),
        doc="foreign: another kind's title instead of its own; missing: no standard title at all",
    ),
}
FIELDS = ("caption", "kind", "other_kind", "expected_title", "page")


def _readable(pattern: str) -> str:
    """The title a pattern stands for, for people: "review\\s+terhadap" -> "review terhadap"."""
    return re.sub(r"\\s[+*]", " ", pattern)


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    titles = {t["kind"]: re.compile(t["pattern"], re.IGNORECASE) for t in params["titles"]}
    captions = [c for c in doc.narrative.captions if c.kind in titles]
    if not captions:
        yield Skip({"id": "Tidak ada keterangan tabel standar.", "en": "No standard table caption was read."})
        return
    for c in captions:
        text = re.sub(r"\s+", " ", c.text)
        if titles[c.kind].search(text):
            continue
        others = [k for k, p in titles.items() if k != c.kind and p.search(text)]
        if (params["report"] == "foreign") != bool(others):
            continue
        loc = span_location(c.span, row=f"Tabel {c.number}" if c.number else None, table=c.kind)
        yield Violation(
            location=loc,
            expected=_readable(titles[c.kind].pattern),
            actual=text,
            fields={
                "caption": text,
                "kind": c.kind,
                "other_kind": others[0] if others else "-",
                "expected_title": _readable(titles[c.kind].pattern),
                "page": c.span.page,
            },
            evidence=(Evidence("caption", text, None, loc),),
        )
