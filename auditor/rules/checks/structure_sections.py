"""structure_sections: the chapters and sections the Renja outline requires are present.

``required`` is the outline as a profile — a list of {number, title} — by default
Permendagri 86/2017's Renja outline: BAB I (1.1–1.4), BAB II (2.1–2.5), BAB III
(3.1–3.3), BAB IV, BAB V. Chapters are matched by number (BAB "III" = 3), sections
by their number ("2.4"); the title only names the missing part in the message.

PASS::  headings BAB I, 1.1, 1.2, 1.3, 1.4, BAB II, 2.1 … 2.5, BAB III, 3.1 … 3.3, BAB IV, BAB V
FAIL::  the same without 2.4 (Review terhadap Rancangan Awal RKPD)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.findings import Location
from auditor.model.document import Document
from auditor.rules.base import Result, Skip, Violation
from auditor.rules.checks._structure_util import canonical_number
from auditor.rules.checks._year_util import check_entries
from auditor.rules.params import Param

ID = "structure_sections"
_OUTLINE = [
    ("I", "Pendahuluan"),
    ("1.1", "Latar Belakang"),
    ("1.2", "Landasan Hukum"),
    ("1.3", "Maksud dan Tujuan"),
    ("1.4", "Sistematika Penulisan"),
    ("II", "Hasil Evaluasi Renja Perangkat Daerah Tahun Lalu"),
    ("2.1", "Evaluasi Pelaksanaan Renja Perangkat Daerah Tahun Lalu dan Capaian Renstra Perangkat Daerah"),
    ("2.2", "Analisis Kinerja Pelayanan Perangkat Daerah"),
    ("2.3", "Isu-isu Penting Penyelenggaraan Tugas dan Fungsi Perangkat Daerah"),
    ("2.4", "Review terhadap Rancangan Awal RKPD"),
    ("2.5", "Penelaahan Usulan Program dan Kegiatan Masyarakat"),
    ("III", "Tujuan dan Sasaran Perangkat Daerah"),
    ("3.1", "Telaahan terhadap Kebijakan Nasional"),
    ("3.2", "Tujuan dan Sasaran Renja Perangkat Daerah"),
    ("3.3", "Program dan Kegiatan"),
    ("IV", "Rencana Kerja dan Pendanaan Perangkat Daerah"),
    ("V", "Penutup"),
]
PARAMS = {
    "required": Param(
        list,
        item=dict,
        default=[{"number": n, "title": t} for n, t in _OUTLINE],
        check=check_entries({"number": str, "title": str}, {}),
        doc="required chapters (Roman numbers) and sections (x.y), each with its title for the message",
    ),
}
FIELDS = ("number", "title")


def check(doc: Document, params: dict[str, Any]) -> Iterator[Result]:
    headings = doc.narrative.headings
    if not headings:
        yield Skip({"id": "Tidak ada judul BAB/subbab yang terbaca.", "en": "No chapter or section heading was read."})
        return
    present = {canonical_number(h.number) for h in headings}
    for entry in params["required"]:
        number = entry["number"]
        if canonical_number(number) in present:
            continue
        label = f"BAB {number}" if "." not in number else number
        yield Violation(
            location=Location(page=None, table=None, code=None, column="narasi", row=label),
            expected=f"{label} {entry['title']}",
            actual=None,
            fields={"number": label, "title": entry["title"]},
        )
