"""Words of the web page and of the API's refusals, in Bahasa Indonesia (default) and English.

Kept here rather than in :mod:`auditor.i18n`: only the web app uses them, and the page's
script receives the ``page.*`` keys of one language as data.
"""

from __future__ import annotations

from auditor.i18n import Catalog

TEXTS: dict[str, dict[str, str]] = {
    # the page
    "page.title": {"id": "Periksa Renja sebelum dikirim", "en": "Check a Renja before submitting it"},
    "page.intro": {
        "id": "Unggah draf Renja Perangkat Daerah (PDF atau Word .docx). Jumlah anggaran, kode, tahun, "
        "indikator, target dan narasinya dicocokkan dengan aturan pemeriksaan, lalu setiap temuan "
        "ditampilkan beserta letaknya agar dapat diperbaiki sebelum dokumen dikirim.",
        "en": "Upload a draft Renja Perangkat Daerah (PDF or Word .docx). Its budget totals, codes, years, "
        "indicators, targets and narrative are checked against the rule set, and every finding is "
        "shown with its place so it can be fixed before the document is submitted.",
    },
    "page.privacy": {
        "id": "Berkas dan laporannya hanya disimpan {minutes} menit di server ini, lalu dihapus; "
        "tidak ada pengguna lain yang dapat melihatnya.",
        "en": "The file and its report are kept on this server for {minutes} minutes only, then deleted; "
        "no other user can see them.",
    },
    "page.choose": {"id": "Pilih berkas", "en": "Choose a file"},
    "page.drop": {"id": "atau seret berkas PDF/DOCX ke kotak ini", "en": "or drag a PDF/DOCX file into this box"},
    "page.no_file": {"id": "Belum ada berkas yang dipilih.", "en": "No file chosen yet."},
    "page.limit": {
        "id": "PDF atau Word (.docx), paling besar {mb}\u00a0MB.",
        "en": "PDF or Word (.docx), at most {mb}\u00a0MB.",
    },
    "page.profile": {"id": "Aturan pemeriksaan", "en": "Rule set"},
    "page.reference": {
        "id": "Data rujukan RKPD/Renstra (opsional, XLSX/CSV)",
        "en": "RKPD/Renstra reference data (optional, XLSX/CSV)",
    },
    "page.baseline": {
        "id": "Laporan JSON versi sebelumnya (opsional): tandai temuan baru dan yang sudah diperbaiki",
        "en": "JSON report of the previous version (optional): mark new and fixed findings",
    },
    "page.submit": {"id": "Periksa", "en": "Check"},
    "page.uploading": {"id": "Mengunggah berkas…", "en": "Uploading the file…"},
    "page.queued": {"id": "Menunggu giliran", "en": "Waiting for its turn"},
    "page.ahead": {"id": "{n} berkas lain di depan", "en": "{n} other file(s) ahead"},
    "page.reading": {"id": "Sedang dibaca dan diperiksa", "en": "Being read and checked"},
    "page.elapsed": {"id": "{s} detik", "en": "{s} s"},
    "page.result": {"id": "Hasil pemeriksaan", "en": "Result"},
    "page.download": {"id": "Unduh:", "en": "Download:"},
    "page.dl_pdf": {"id": "PDF bertanda temuan", "en": "annotated PDF"},
    "page.dl_xlsx": {"id": "Excel (XLSX)", "en": "Excel (XLSX)"},
    "page.dl_json": {"id": "JSON", "en": "JSON"},
    "page.dl_html": {"id": "Laporan HTML", "en": "HTML report"},
    "page.open_tab": {
        "id": "Buka laporan di tab baru (untuk dicetak)",
        "en": "Open the report in a new tab (to print it)",
    },
    "page.kept_until": {"id": "Tersedia sampai pukul {time}.", "en": "Available until {time}."},
    "page.delete": {"id": "Hapus dari server sekarang", "en": "Delete from the server now"},
    "page.deleted": {
        "id": "Berkas dan laporannya sudah dihapus dari server.",
        "en": "The file and its report were deleted from the server.",
    },
    "page.again": {"id": "Periksa berkas lain", "en": "Check another file"},
    "page.report_frame": {"id": "Laporan pemeriksaan", "en": "Audit report"},
    "page.switch": {"id": "English", "en": "Bahasa Indonesia"},
    "page.api": {"id": "API untuk pengembang", "en": "API for developers"},
    "page.noscript": {
        "id": "Halaman ini memerlukan JavaScript. Aktifkan JavaScript di peramban, lalu muat ulang.",
        "en": "This page needs JavaScript. Turn JavaScript on in the browser, then reload.",
    },
    "page.network": {
        "id": "Sambungan ke server terputus. Periksa jaringan, lalu coba lagi.",
        "en": "The connection to the server was lost. Check the network, then try again.",
    },
    "page.logout": {"id": "Keluar", "en": "Sign out"},
    # the token page
    "login.title": {"id": "Masuk", "en": "Sign in"},
    "login.intro": {
        "id": "Server pemeriksaan ini dilindungi token akses. Masukkan token yang diberikan pengelola.",
        "en": "This audit server is protected by an access token. Enter the token the administrator gave you.",
    },
    "login.token": {"id": "Token akses", "en": "Access token"},
    "login.submit": {"id": "Masuk", "en": "Sign in"},
    "login.wrong": {"id": "Token salah. Coba lagi.", "en": "Wrong token. Please try again."},
    # refusals (API bodies and page messages)
    "err.unauthorized": {
        "id": "Perlu token akses: kirim header 'Authorization: Bearer <token>' atau masuk lewat halaman utama.",
        "en": "An access token is needed: send the header 'Authorization: Bearer <token>' or sign in on the main page.",
    },
    "err.too_big": {
        "id": "Berkas terlalu besar{size}: paling besar {limit} MB. Perkecil berkasnya (misalnya simpan ulang "
        "PDF tanpa gambar beresolusi tinggi), lalu unggah lagi.",
        "en": "The file is too large{size}: at most {limit} MB. Make it smaller (for example save the PDF again "
        "without high-resolution pictures), then upload it again.",
    },
    "err.size": {"id": " ({mb} MB)", "en": " ({mb} MB)"},
    "err.empty": {"id": "Berkas “{name}” kosong (0 byte).", "en": "The file “{name}” is empty (0 bytes)."},
    "err.not_pdf": {
        "id": "Berkas “{name}” bernama .pdf, tetapi isinya bukan PDF{what}. Simpan ulang dokumennya sebagai PDF "
        "dari aplikasi penyusunnya, lalu unggah lagi.",
        "en": "The file “{name}” is named .pdf, but it does not hold a PDF{what}. Save the document as PDF again "
        "from the program it was written in, then upload it again.",
    },
    "err.not_docx": {
        "id": "Berkas “{name}” bernama .docx, tetapi isinya bukan dokumen Word (.docx){what}. Simpan ulang "
        "dokumennya sebagai .docx atau PDF, lalu unggah lagi.",
        "en": "The file “{name}” is named .docx, but it does not hold a Word document (.docx){what}. Save the "
        "document again as .docx or PDF, then upload it again.",
    },
    "err.old_doc": {
        "id": "Berkas “{name}” berformat Word lama (.doc). Simpan sebagai .docx atau PDF, lalu unggah lagi.",
        "en": "The file “{name}” is in the old Word format (.doc). Save it as .docx or PDF, then upload it again.",
    },
    "err.unsupported": {
        "id": "Hanya PDF atau dokumen Word (.docx) yang dapat diperiksa; isi berkas “{name}” bukan keduanya{what}.",
        "en": "Only PDF or Word (.docx) documents can be checked; the file “{name}” holds neither{what}.",
    },
    "err.plain_text": {"id": " (isinya teks biasa)", "en": " (it holds plain text)"},
    "err.no_file": {
        "id": "Tidak ada berkas yang diunggah: kirim berkasnya pada bidang formulir 'file'.",
        "en": "No file was uploaded: send it in the form field 'file'.",
    },
    "err.bad_request": {"id": "Permintaan tidak sah: {detail}", "en": "Invalid request: {detail}"},
    "err.profile": {
        "id": "Aturan pemeriksaan '{profile}' tidak dikenal; pilihannya: {known}.",
        "en": "Unknown rule set '{profile}'; the choices are: {known}.",
    },
    "err.lang": {
        "id": "Bahasa '{given}' tidak dikenal; pilihannya: id, en.",
        "en": "Unknown language '{given}'; the choices are: id, en.",
    },
    "err.job_gone": {
        "id": "Pemeriksaan ini tidak ditemukan: alamatnya salah, atau berkasnya sudah dihapus (disimpan {minutes} menit). "
        "Unggah berkasnya lagi.",
        "en": "This audit was not found: the address is wrong, or its files were deleted (they are kept for {minutes} "
        "minutes). Upload the file again.",
    },
    "err.not_ready": {
        "id": "Laporan belum tersedia: pemeriksaan masih berjalan atau gagal.",
        "en": "The report is not available: the audit is still running or it failed.",
    },
    "err.busy": {
        "id": "Server sedang sibuk ({n} berkas menunggu giliran). Coba lagi beberapa menit lagi.",
        "en": "The server is busy ({n} files are waiting). Please try again in a few minutes.",
    },
    "err.not_found": {"id": "Alamat tidak ditemukan: {path}", "en": "No such address: {path}"},
    "err.method": {"id": "Metode {method} tidak diizinkan di sini.", "en": "Method {method} is not allowed here."},
    "err.http": {"id": "Permintaan ditolak (HTTP {status}).", "en": "Request refused (HTTP {status})."},
    # the serve command
    "serve.open": {
        "id": "renja-audit serve: buka {url} di peramban (Ctrl+C untuk berhenti).",
        "en": "renja-audit serve: open {url} in a browser (Ctrl+C to stop).",
    },
    "serve.token": {
        "id": "Token akses aktif: setiap pengguna harus memasukkannya.",
        "en": "Access token on: every user must enter it.",
    },
    "serve.exposed": {
        "id": "PERINGATAN: server terbuka di {host} tanpa token akses, jadi siapa pun di jaringan dapat memakainya. "
        "Pasang token dengan --token atau variabel lingkungan RENJA_AUDIT_TOKEN.",
        "en": "WARNING: the server listens on {host} without an access token, so anyone on the network can use it. "
        "Set one with --token or the RENJA_AUDIT_TOKEN environment variable.",
    },
}


_CATALOG = Catalog(TEXTS)
text, both = _CATALOG.t, _CATALOG.both


def page_texts(lang: str) -> dict[str, str]:
    """What the page's script shows, in one language (placeholders filled in by the script)."""
    return {k.removeprefix("page."): text(k, lang) for k in TEXTS if k.startswith("page.")}
