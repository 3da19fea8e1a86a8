"""User-facing words that are not part of a rule: CLI messages and report labels.

Bahasa Indonesia is the default language; English with ``--lang en``.
"""

from __future__ import annotations

LANGS = ("id", "en")

_TEXT: dict[str, dict[str, str]] = {
    # column labels
    "col.amount": {"id": "Kebutuhan Dana (tahun rencana)", "en": "funding need (plan year)"},
    "col.amount_next": {"id": "Kebutuhan Dana (prakiraan maju)", "en": "funding need (forward estimate)"},
    "col.pagu": {"id": "Pagu Indikatif", "en": "indicative ceiling (pagu)"},
    "col.kebutuhan_dana": {"id": "Kebutuhan Dana (hasil analisis)", "en": "funding need (needs analysis)"},
    "col.code": {"id": "Kode", "en": "Code"},
    "col.name": {"id": "Program/Kegiatan/Sub Kegiatan", "en": "Program/activity/sub-activity"},
    "col.narrative": {"id": "narasi", "en": "narrative"},
    # levels
    "level.program": {"id": "program", "en": "program"},
    "level.kegiatan": {"id": "kegiatan", "en": "kegiatan"},
    "level.sub_kegiatan": {"id": "sub kegiatan", "en": "sub kegiatan"},
    "level.aktivitas": {"id": "aktivitas", "en": "aktivitas"},
    "level.total": {"id": "jumlah", "en": "total"},
    "empty": {"id": "kosong", "en": "empty"},
    "empty_children": {"id": "; {n} rincian tanpa nilai", "en": "; {n} of them without a value"},
    # report labels
    "report.title": {"id": "Laporan Pemeriksaan Renja", "en": "Renja Audit Report"},
    "report.document": {"id": "Dokumen", "en": "Document"},
    "report.unit": {"id": "Perangkat Daerah", "en": "Unit"},
    "report.region": {"id": "Daerah", "en": "Region"},
    "report.plan_year": {"id": "Tahun Rencana", "en": "Plan year"},
    "report.pages": {"id": "Halaman", "en": "Pages"},
    "report.sha256": {"id": "SHA-256 berkas", "en": "File SHA-256"},
    "report.tool": {"id": "Alat", "en": "Tool"},
    "report.ruleset": {"id": "Aturan", "en": "Rule set"},
    "report.generated": {"id": "Dibuat", "en": "Generated"},
    "report.counts": {"id": "Jumlah temuan", "en": "Findings"},
    "report.findings": {"id": "Temuan", "en": "Findings"},
    "report.no_findings": {"id": "Tidak ada temuan.", "en": "No findings."},
    "report.tables": {"id": "Tabel yang terbaca", "en": "Tables read"},
    "report.confidence": {"id": "keyakinan", "en": "confidence"},
    "report.not_evaluated": {"id": "Aturan yang tidak dapat diperiksa", "en": "Rules not evaluated"},
    "report.rule": {"id": "Aturan", "en": "Rule"},
    "report.scanned": {
        "id": "Halaman {pages} hanya berisi gambar (hasil pindai) dan tidak terbaca: perlu OCR.",
        "en": "Page(s) {pages} hold only images (scans) and could not be read: they need OCR.",
    },
    "report.missing_tables": {"id": "Tabel standar yang tidak ditemukan", "en": "Standard tables not found"},
    "report.severity": {"id": "Tingkat", "en": "Severity"},
    "report.message": {"id": "Uraian", "en": "Message"},
    "report.page": {"id": "Hal.", "en": "Page"},
    "report.table": {"id": "Tabel", "en": "Table"},
    "report.code": {"id": "Kode", "en": "Code"},
    "report.column": {"id": "Kolom", "en": "Column"},
    "report.expected": {"id": "Seharusnya", "en": "Expected"},
    "report.actual": {"id": "Tertulis", "en": "Actual"},
    "report.rows": {"id": "baris", "en": "rows"},
    "report.verdict_ok": {
        "id": "Tidak ditemukan kesalahan maupun peringatan.",
        "en": "No errors or warnings found.",
    },
    "report.verdict_bad": {
        "id": "Ditemukan {error} kesalahan dan {warning} peringatan yang perlu diperbaiki.",
        "en": "Found {error} errors and {warning} warnings to fix.",
    },
    "severity.error": {"id": "kesalahan", "en": "error"},
    "severity.warning": {"id": "peringatan", "en": "warning"},
    "severity.info": {"id": "informasi", "en": "info"},
    "category.totals": {"id": "Jumlah anggaran", "en": "Totals"},
    "category.cross_table": {"id": "Antar tabel", "en": "Across tables"},
    "category.narrative": {"id": "Narasi", "en": "Narrative"},
    "category.nomenclature": {"id": "Nomenklatur", "en": "Nomenclature"},
    "category.year": {"id": "Tahun", "en": "Years"},
    "category.indicator_target": {"id": "Indikator dan target", "en": "Indicators and targets"},
    "category.structure": {"id": "Struktur dokumen", "en": "Document structure"},
    # CLI
    "rules.category": {"id": "Kategori", "en": "Category"},
    "rules.severity": {"id": "Tingkat", "en": "Severity"},
    "rules.check": {"id": "Jenis pemeriksaan", "en": "Check type"},
    "rules.params": {"id": "Parameter", "en": "Parameters"},
    "rules.examples": {"id": "Cara kerja dan contoh (lolos / gagal)", "en": "How it works, with passing and failing examples"},
    "report.waived": {"id": "Temuan yang dikecualikan", "en": "Waived findings"},
    "report.unused_waivers": {"id": "Pengecualian yang tidak cocok dengan temuan mana pun", "en": "Waivers that match no finding"},
    "report.reason": {"id": "Alasan", "en": "Reason"},
    "report.search": {"id": "Cari", "en": "Search"},
    "report.search_hint": {"id": "kode, tabel, kata ...", "en": "code, table, words ..."},
    "report.show_place": {"id": "Tampilkan letak pada halaman dan penjelasan", "en": "Show the place on the page and the explanation"},
    "report.low_confidence": {"id": "keyakinan rendah", "en": "low confidence"},
    "cli.done": {
        "id": "{path}: {error} kesalahan, {warning} peringatan, {info} informasi -> {outputs}",
        "en": "{path}: {error} errors, {warning} warnings, {info} infos -> {outputs}",
    },
}


def t(key: str, lang: str, **fields: object) -> str:
    text = _TEXT[key][lang]
    return text.format(**fields) if fields else text


def both(key: str, **fields: object) -> dict[str, str]:
    return {lang: t(key, lang, **fields) for lang in LANGS}
