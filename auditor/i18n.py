"""User-facing words that are not part of a rule: CLI messages and report labels.

Bahasa Indonesia is the default language; English with ``--lang en``.
"""

from __future__ import annotations

import re

LANGS = ("id", "en")

_TEXT: dict[str, dict[str, str]] = {
    # column labels
    "col.amount": {"id": "Kebutuhan Dana (tahun rencana)", "en": "funding need (plan year)"},
    "col.amount_next": {"id": "Kebutuhan Dana (prakiraan maju)", "en": "funding need (forward estimate)"},
    "col.pagu": {"id": "Pagu Indikatif", "en": "indicative ceiling (pagu)"},
    "col.kebutuhan_dana": {"id": "Kebutuhan Dana (hasil analisis)", "en": "funding need (needs analysis)"},
    "col.code": {"id": "Kode", "en": "Code"},
    "col.name": {"id": "Program/Kegiatan/Sub Kegiatan", "en": "Program/activity/sub-activity"},
    "col.indicator": {"id": "Indikator", "en": "indicator"},
    "col.indicator_kebutuhan": {"id": "Indikator (hasil analisis)", "en": "indicator (needs analysis)"},
    "col.target": {"id": "Target (tahun rencana)", "en": "target (plan year)"},
    "col.target_next": {"id": "Target (prakiraan maju)", "en": "target (forward year)"},
    "col.target_kebutuhan": {"id": "Target (hasil analisis)", "en": "target (needs analysis)"},
    "col.target_renstra": {"id": "Target Renstra", "en": "Renstra target"},
    "col.realisasi_n3": {"id": "Realisasi s/d n-3", "en": "realisation to n-3"},
    "col.target_n2": {"id": "Target n-2", "en": "target n-2"},
    "col.realisasi_n2": {"id": "Realisasi n-2", "en": "realisation n-2"},
    "col.target_n1": {"id": "Target n-1", "en": "target n-1"},
    "col.lokasi": {"id": "Lokasi", "en": "location"},
    "col.sumber_dana": {"id": "Sumber Dana", "en": "funding source"},
    "col.priority": {"id": "Prioritas", "en": "priority"},
    "col.aktivitas": {"id": "Aktivitas", "en": "aktivitas"},
    "col.tingkat_realisasi": {"id": "Tingkat Realisasi (%)", "en": "realisation rate (%)"},
    "col.realisasi_capaian": {"id": "Realisasi Capaian s/d n-1", "en": "achievement to n-1"},
    "col.tingkat_capaian": {"id": "Tingkat Capaian (%)", "en": "achievement rate (%)"},
    "col.narrative": {"id": "narasi", "en": "narrative"},
    # tables other than the T-C ones, named by what they hold when the document gives them no number
    "table.Tabel 3.2": {"id": "tabel tujuan", "en": "goals (tujuan) table"},
    "table.Tabel 3.3": {"id": "tabel sasaran", "en": "targets (sasaran) table"},
    "table.Tabel 4.1": {"id": "tabel program dan pendanaan BAB IV", "en": "BAB IV programme funding table"},
    "table.other": {"id": "tabel", "en": "table"},
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
    "report.reference_place": {
        "id": "{file}, lembar {sheet}, baris {row}, kolom {column}",
        "en": "{file}, sheet {sheet}, row {row}, column {column}",
    },
    "report.comparison": {"id": "Perbandingan dengan RKPD dan Renstra", "en": "Compared with the RKPD and the Renstra"},
    "report.comparison_intro": {
        "id": "Data rujukan perangkat daerah {unit}. Sel yang ditandai adalah yang dipersoalkan temuan (nomornya di kolom terakhir).",
        "en": "Reference data of {unit}. Marked cells are those a finding is about (its number in the last column).",
    },
    "report.renja_amount": {"id": "Renja: pagu", "en": "Renja: amount"},
    "report.renja_target": {"id": "Renja: target", "en": "Renja: target"},
    "report.rkpd_pagu": {"id": "RKPD: pagu indikatif", "en": "RKPD: ceiling"},
    "report.rkpd_target": {"id": "RKPD: target", "en": "RKPD: target"},
    "report.renstra_target": {"id": "Renstra: target", "en": "Renstra: target"},
    "report.not_in": {"id": "tidak ada", "en": "absent"},
    "report.confidence": {"id": "keyakinan", "en": "confidence"},
    "report.not_evaluated": {"id": "Aturan yang tidak dapat diperiksa", "en": "Rules not evaluated"},
    "report.rule": {"id": "Aturan", "en": "Rule"},
    "report.scanned": {
        "id": "Halaman {pages} hanya berisi gambar (hasil pindai) dan tidak terbaca: perlu OCR.",
        "en": "Page(s) {pages} hold only images (scans) and could not be read: they need OCR.",
    },
    "report.missing_tables": {"id": "Tabel standar yang tidak ditemukan", "en": "Standard tables not found"},
    "report.ocr": {
        "id": "Halaman {pages} dibaca dengan OCR dari hasil pindai; temuan yang bersandar pada bacaan yang meragukan "
        'ditandai "periksa pada pindaian" dan diturunkan menjadi informasi.',
        "en": 'Page(s) {pages} were read by OCR from scans; findings resting on a doubtful reading say "check it '
        'on the scan" and are lowered to information.',
    },
    "page_failure.too_large": {"id": "terlalu besar", "en": "too large"},
    "page_failure.damaged": {"id": "rusak", "en": "damaged"},
    "report.unreadable": {
        "id": "Halaman yang tidak dapat dibaca dan tidak ikut diperiksa: {pages}.",
        "en": "Pages that could not be read and were left out of the audit: {pages}.",
    },
    "report.artifacts": {
        "id": "Teks yang bukan isi dan disisihkan sebelum pemeriksaan ({n}): {examples}",
        "en": "Text that is not content, set aside before the audit ({n}): {examples}",
    },
    "report.source": {"id": "sumber", "en": "from"},
    "source.cover": {"id": "sampul", "en": "cover"},
    "source.running_header": {"id": "kepala/kaki halaman", "en": "running header"},
    "source.caption": {"id": "keterangan tabel", "en": "table caption"},
    "source.table_header": {"id": "kolom tahun tabel", "en": "table year column"},
    "source.narrative": {"id": "narasi", "en": "narrative"},
    "source.override": {"id": "ditetapkan pengguna", "en": "given by the user"},
    "source.page": {"id": "hal.", "en": "p."},
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
    "rules.examples": {
        "id": "Cara kerja dan contoh (lolos / gagal)",
        "en": "How it works, with passing and failing examples",
    },
    "report.number": {"id": "No.", "en": "No."},
    "report.checked_by": {
        "id": "Diperiksa oleh (nama, NIP, tanda tangan)",
        "en": "Checked by (name, staff number, signature)",
    },
    "report.date_sign": {"id": "Tempat, tanggal", "en": "Place, date"},
    "report.by_category": {"id": "Menurut kategori", "en": "By category"},
    "report.grouped": {
        "id": "{findings} temuan dalam {groups} kelompok",
        "en": "{findings} findings in {groups} groups",
    },
    "report.groups": {"id": "Temuan yang berulang", "en": "Repeated findings"},
    "report.groups_intro": {
        "id": "Temuan dengan satu sebab: aturan yang sama pada kode yang sama dengan nilai yang sama di"
        " beberapa tabel, atau kekeliruan kata yang sama di sepanjang satu kolom atau di beberapa halaman."
        " Cukup diperbaiki sekali di setiap tempat yang disebut.",
        "en": "Findings with one cause: the same rule on the same code with the same values in several"
        " tables, or the same wrong words down a column or on several pages. One fix, made in each place"
        " listed.",
    },
    "report.group": {"id": "Kelompok", "en": "Group"},
    "revision.compared": {
        "id": "sejak versi sebelumnya: {fixed} diperbaiki, {new} baru, {open} masih ada",
        "en": "since the previous version: {fixed} fixed, {new} new, {open} still open",
    },
    "revision.no_match": {
        "id": "tidak ada laporan versi sebelumnya untuk dokumen ini di {given}",
        "en": "no report of a previous version of this document in {given}",
    },
    "revision.against": {"id": "dibandingkan dengan {path}", "en": "compared with {path}"},
    "revision.new": {"id": "baru", "en": "new"},
    "revision.open": {"id": "masih ada", "en": "still open"},
    "revision.fixed": {"id": "Sudah diperbaiki sejak versi sebelumnya", "en": "Fixed since the previous version"},
    "revision.fixed_intro": {
        "id": "Temuan laporan sebelumnya yang tidak muncul lagi (halaman menurut versi sebelumnya).",
        "en": "Findings of the previous report that no longer occur (pages as in the previous version).",
    },
    "report.status": {"id": "Status", "en": "Status"},
    "pdf.group_numbers": {"id": "temuan {numbers}", "en": "findings {numbers}"},
    "index.overview": {"id": "Ikhtisar temuan per kategori", "en": "Findings by category"},
    "index.across": {"id": "Temuan antardokumen ({n})", "en": "Findings across documents ({n})"},
    "index.across_intro": {
        "id": "Pemeriksaan yang membandingkan dokumen-dokumen dalam satu pemeriksaan massal: kalimat yang"
        " tersalin dari Renja perangkat daerah lain, dan program/kegiatan yang direncanakan hampir semua"
        " perangkat daerah sejenis tetapi tidak di dokumen ini.",
        "en": "Checks that compare the documents of one batch: sentences copied from another unit's Renja,"
        " and programs/kegiatan nearly every unit of the same kind plans but this document does not.",
    },
    "index.other_document": {"id": "Dokumen pembanding", "en": "Compared with"},
    "form.findings": {"id": "{n} temuan: {numbers}", "en": "{n} findings: {numbers}"},
    "form.infos": {"id": "{n} catatan gaya: {numbers}", "en": "{n} style notes: {numbers}"},
    "form.checked_on": {"id": "Tanggal pemeriksaan", "en": "Checked on"},
    "form.totals": {"id": "Temuan renja-audit", "en": "renja-audit findings"},
    "form.reference": {"id": "Data rujukan (unit)", "en": "Reference data (unit)"},
    "form.other": {"id": "Temuan lain", "en": "Other findings"},
    "form.note.missing": {"id": "tidak terbaca atau kosong: {tables}", "en": "not read or empty: {tables}"},
    "form.note.no_reference": {"id": "tanpa data rujukan (--reference)", "en": "no reference data given (--reference)"},
    "form.note.not_run": {"id": "aturan tidak dijalankan", "en": "no rule ran"},
    "form.nip": {"id": "NIP. ....................................", "en": "Staff no. ..............................."},
    "form.col.number": {"id": "No.", "en": "No."},
    "form.col.item": {"id": "Aspek yang diverifikasi", "en": "What is verified"},
    "form.col.result": {"id": "Hasil", "en": "Result"},
    "form.col.findings": {"id": "Temuan (nomor pada laporan)", "en": "Findings (numbers in the report)"},
    "form.col.note": {"id": "Catatan", "en": "Notes"},
    "form.col.follow_up": {"id": "Tindak lanjut", "en": "Follow-up"},
    "form.result.sesuai": {"id": "Sesuai", "en": "Consistent"},
    "form.result.tidak_sesuai": {"id": "Tidak sesuai", "en": "Not consistent"},
    "form.result.tidak_dapat_diperiksa": {"id": "Tidak dapat diperiksa", "en": "Cannot be checked"},
    "form.result.pertimbangan": {"id": "Perlu pertimbangan verifikator", "en": "Verifier's judgement"},
    "form.legend": {
        "id": "Hasil diisi renja-audit dari temuan laporannya (nomor temuan sama dengan laporan HTML, XLSX dan"
        ' PDF beranotasi); butir "perlu pertimbangan verifikator" serta kolom catatan dan tindak lanjut diisi'
        " verifikator.",
        "en": "Results filled in by renja-audit from its report's findings (numbers as in the HTML, XLSX and"
        " annotated PDF reports); items for the verifier's judgement and the notes and follow-up columns are"
        " filled in by the verifier.",
    },
    "report.places": {"id": "Tempat", "en": "Places"},
    "report.show_places": {"id": "tampilkan {n} tempat", "en": "show {n} places"},
    "report.number_hint": {
        "id": "Nomor temuan; sama dengan nomor pada PDF beranotasi dan kolom number di CSV/XLSX",
        "en": "Finding number; the same as in the annotated PDF and the number column of the CSV/XLSX",
    },
    "count.error": {"id": "kesalahan", "en": "errors"},
    "count.warning": {"id": "peringatan", "en": "warnings"},
    "count.info": {"id": "informasi", "en": "infos"},
    "report.waived": {"id": "Temuan yang dikecualikan", "en": "Waived findings"},
    "report.unused_waivers": {
        "id": "Pengecualian yang tidak cocok dengan temuan mana pun",
        "en": "Waivers that match no finding",
    },
    "report.reason": {"id": "Alasan", "en": "Reason"},
    "report.search": {"id": "Cari", "en": "Search"},
    "report.search_hint": {"id": "kode, tabel, kata ...", "en": "code, table, words ..."},
    "report.show_place": {
        "id": "Tampilkan letak pada halaman dan penjelasan",
        "en": "Show the place on the page and the explanation",
    },
    "report.low_confidence": {"id": "keyakinan rendah", "en": "low confidence"},
    "index.title": {"id": "Ringkasan Pemeriksaan Renja", "en": "Renja Audit Summary"},
    "index.documents": {"id": "{n} dokumen", "en": "{n} documents"},
    "index.year": {"id": "Tahun", "en": "Year"},
    "index.status": {"id": "Status", "en": "Status"},
    "index.seconds": {"id": "Detik", "en": "Seconds"},
    "index.status.errors": {"id": "ada kesalahan", "en": "with errors"},
    "index.status.warnings": {"id": "ada peringatan", "en": "with warnings"},
    "index.status.clean": {"id": "lolos", "en": "passed"},
    "index.status.failed": {"id": "gagal dibaca", "en": "could not be read"},
    "cli.index": {"id": "Ringkasan {n} dokumen -> {outputs}", "en": "Summary of {n} documents -> {outputs}"},
    # annotated PDF (auditor/report/pdf/)
    "pdf.notes_title": {"id": "Catatan pemeriksaan renja-audit", "en": "renja-audit findings"},
    "pdf.notes_summary": {
        "id": "{unit} · Tahun Rencana {year} · {error} kesalahan, {warning} peringatan, {info} informasi",
        "en": "{unit} · plan year {year} · {error} errors, {warning} warnings, {info} infos",
    },
    "pdf.notes_intro": {
        "id": "Berkas {name}. Nomor temuan sama dengan urutan pada laporan JSON/HTML/CSV. Kotak bernomor pada "
        "halaman menandai letaknya (merah: kesalahan, oranye: peringatan, biru: informasi); klik nomornya "
        "untuk membuka catatan, atau klik temuan di bawah untuk menuju halamannya.",
        "en": "File {name}. Finding numbers follow the order of the JSON/HTML/CSV reports. Numbered boxes on the "
        "pages mark each place (red: error, orange: warning, blue: info); click a number to open its note, "
        "or click a finding below to go to its page.",
    },
    "pdf.no_place": {
        "id": "tanpa letak di halaman (temuan tingkat dokumen)",
        "en": "no place on a page (document-level finding)",
    },
    "pdf.footer": {
        "id": "renja-audit · {name} · catatan {n}/{total}",
        "en": "renja-audit · {name} · notes {n}/{total}",
    },
    "batch.progress": {
        "id": "[{bar}] {done}/{total} dokumen, {failed} gagal, {cached} dari cache, sisa waktu {eta}",
        "en": "[{bar}] {done}/{total} documents, {failed} failed, {cached} cached, ETA {eta}",
    },
    "batch.summary": {
        "id": "Selesai: {total} dokumen ({audited} diperiksa, {cached} dari cache): {errors} dengan kesalahan, "
        "{warnings} dengan peringatan, {clean} lolos, {failed} gagal dibaca. Ringkasan: {outputs}",
        "en": "Done: {total} documents ({audited} audited, {cached} cached): {errors} with errors, "
        "{warnings} with warnings, {clean} passed, {failed} could not be read. Summary: {outputs}",
    },
    "batch.failed": {"id": "Berkas yang gagal diperiksa:", "en": "Files that could not be audited:"},
    "batch.no_files": {
        "id": "Tidak ada berkas PDF/DOCX ditemukan di: {paths}",
        "en": "No PDF/DOCX files found in: {paths}",
    },
    "batch.missing": {"id": "Tidak ditemukan: {path}", "en": "Not found: {path}"},
    "batch.interrupted": {
        "id": "Dihentikan. Yang sudah selesai tersimpan; jalankan perintah yang sama untuk melanjutkan.",
        "en": "Interrupted. Finished documents are kept; run the same command again to continue.",
    },
    "docx.place_cell": {
        "id": "tabel Word ke-{table}, baris {row}, kolom {column}",
        "en": "Word table {table}, row {row}, column {column}",
    },
    "docx.place_table": {"id": "tabel Word ke-{table}", "en": "Word table {table}"},
    "docx.place_heading": {"id": 'di bawah judul "{heading}"', "en": 'under the heading "{heading}"'},
    "cli.done": {
        "id": "{path}: {error} kesalahan, {warning} peringatan, {info} informasi"
        " ({findings} temuan dalam {groups} kelompok) -> {outputs}",
        "en": "{path}: {error} errors, {warning} warnings, {info} infos"
        " ({findings} findings in {groups} groups) -> {outputs}",
    },
}


class Catalog:
    """A table of texts by key and language; an unknown language falls back to Indonesian."""

    def __init__(self, texts: dict[str, dict[str, str]]) -> None:
        self.texts = texts

    def has(self, key: str) -> bool:
        return key in self.texts

    def t(self, key: str, lang: str, **fields: object) -> str:
        text = self.texts[key][lang if lang in LANGS else "id"]
        return text.format(**fields) if fields else text

    def both(self, key: str, **fields: object) -> dict[str, str]:
        return {lang: self.t(key, lang, **fields) for lang in LANGS}


_CATALOG = Catalog(_TEXT)
has, t, both = _CATALOG.has, _CATALOG.t, _CATALOG.both


def table_shown(kind: str | None, label: str | None, lang: str) -> str | None:
    """A table as the reader knows it: the document's own number ("Tabel III.2") when it has
    one, a T-C name, or what an unnumbered table holds ("tabel sasaran")."""
    if not kind:
        return None
    if label:
        return str(label)
    return t(f"table.{kind}", lang) if not str(kind).startswith("T-C") and has(f"table.{kind}") else str(kind)


def column_name(key: str, lang: str) -> str:
    """A column key as the reader knows the column: its label, a year column's word and year
    ("target_2026" -> "Target 2026"), else the key in words ("jumlah_layanan" -> "Jumlah layanan")."""
    if has(f"col.{key}"):
        return t(f"col.{key}", lang)
    m = re.fullmatch(r"([a-z]+)_((?:19|20)\d\d)", key)
    if m and has(f"col.{m.group(1)}"):
        return f"{t(f'col.{m.group(1)}', lang).split(' (')[0]} {m.group(2)}"
    return key.replace("_", " ").capitalize()
