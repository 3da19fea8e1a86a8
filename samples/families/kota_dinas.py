"""Family "kota-dinas": the Renja 2026 of a city's Dinas (Dispendukcapil Kota Madiun).

    .venv/bin/python -m samples.families.kota_dinas      (run from the repository root)

Writes samples/specs/madiun-dukcapil-2026.yaml (clean) and
samples/specs/madiun-dukcapil-2026-defects.yaml (the same document with declared defects).

What the layout does that the other families do not:
- a city's Dinas (urusan.bidang 2.12, support program 2.12.01), kelurahan instead of desa,
  "Pemerintah Kota Madiun", "Wali Kota", the abbreviation "Dispendukcapil";
- front matter: cover, LEMBAR PENGESAHAN (Kepala Dinas, "Mengetahui, a.n. Wali Kota ...
  Sekretaris Daerah"), KATA PENGANTAR, DAFTAR ISI / DAFTAR TABEL / DAFTAR GAMBAR, roman
  page numbers; headings numbered "1.1." with a trailing dot, chapters "BAB I" over a
  second title line;
- T-C.29 and T-C.31 printed from the web application (Chromium, SIPD-like title block,
  four-digit sub kegiatan codes; T-C.29 with a "Nilai | Satuan" header row and its own
  formula row; T-C.31 with the urusan/bidang row SIPD prints and a "Catatan Penting"
  column); T-C.33 printed from a spreadsheet (four-digit codes, a Satuan column of its
  own for both years, a JUMLAH row at the bottom); the narrative from Writer;
- tujuan and sasaran in ONE table (Tujuan | Sasaran | Indikator | Satuan | 2025..2029 |
  Kondisi Awal; spec kind "Tabel 3.3", extra keys tujuan, target_unit, kondisi_awal),
  indicator definitions in a separate table;
- captions "Tabel 2.2" + title above the table, "Sumber: ..." notes below it, and a
  population table with subtotal rows cut by a manual page break inside a kecamatan and
  continued under "Lanjutan Tabel 2.3";
- BAB IV: a per-program recap captioned "Tabel 4.1" (spec kind other: programs only, with
  prakiraan maju and shares) before T-C.33, which the document numbers "Tabel 4.2";
- service statistics per quarter with a Jumlah row and column, staff by rank with a
  total, an organisation chart and a bar chart;
- narrative facts: counts of 2024's programs/kegiatan/sub kegiatan and of those that fell
  short (against T-C.29), last year's budget realisation, the 2026 total in figures and
  words split into belanja operasi (pegawai + barang dan jasa) and modal, BAB III and
  BAB IV lists, legal references with their years, and one long sentence naming
  T-C.29 ... T-C.33.
"""

from __future__ import annotations

import random
from typing import Any

from samples.families import common
from samples.families.common import (
    Budget,
    Line,
    caption,
    count,
    four_digit,
    heading,
    lst,
    num,
    official,
    para,
    replace_text,
    rupiah,
    section,
    table,
    terbilang,
    write_spec,
)

CLEAN_ID = "madiun-dukcapil-2026"
DEFECTS_ID = "madiun-dukcapil-2026-defects"
FAMILY = "kota-dinas"
HEAD = "2.12"
YEAR = 2026
SEED = 2612

UNIT = "Dinas Kependudukan dan Pencatatan Sipil"
UNIT_UP = UNIT.upper()
CITY = "Kota Madiun"
FULL = f"{UNIT} {CITY}"
HEADER = f"Renja {FULL} Tahun {YEAR}"
PLACE_DATE = "Madiun, 15 Juli 2025"
KADIS = ("Dra. ENDANG SRI RAHAYU, M.Si.", "Pembina Utama Muda", "NIP. 19690814 199403 2 006")
SEKDA = ("Ir. HARI PRASETYO, M.T.", "Pembina Utama Madya", "NIP. 19680321 199303 1 011")
LOKASI = "Kota Madiun"
GAJI = "2.12.01.2.02.01"
MODAL_KEGIATAN = "2.12.01.2.07"  # Pengadaan Barang Milik Daerah: the narrative's Belanja Modal

# --------------------------------------------------------------------------- words


def rp(n: int) -> str:
    return "Rp" + rupiah(n, ".") + ",00"


def pct(value: float) -> str:
    return num(value, 2)


def code4(code: str) -> str:
    return four_digit(code)


# --------------------------------------------------------------------------- the plan 2026

# sub kegiatan -> (target 2026, amount 2026, target 2027, amount 2027, sumber dana)
PLAN: dict[str, tuple[int, int, int, int, str]] = {
    "2.12.01.2.01.01": (3, 28_450_000, 3, 30_100_000, "DAU"),
    "2.12.01.2.01.02": (2, 12_300_000, 2, 13_000_000, "DAU"),
    "2.12.01.2.01.06": (4, 18_750_000, 4, 19_500_000, "DAU"),
    GAJI: (48, 4_962_180_000, 50, 5_110_000_000, "DAU"),
    "2.12.01.2.02.02": (12, 42_600_000, 12, 44_000_000, "DAU"),
    "2.12.01.2.02.05": (1, 9_800_000, 1, 10_200_000, "DAU"),
    "2.12.01.2.03.06": (2, 11_250_000, 2, 11_800_000, "DAU"),
    "2.12.01.2.06.04": (12, 96_400_000, 12, 99_000_000, "DAU"),
    "2.12.01.2.06.05": (12, 58_200_000, 12, 60_000_000, "DAU"),
    "2.12.01.2.06.09": (24, 136_500_000, 24, 140_000_000, "DAU"),
    "2.12.01.2.07.06": (8, 385_000_000, 6, 350_000_000, "DAU"),
    "2.12.01.2.08.02": (12, 186_000_000, 12, 192_000_000, "DAU"),
    "2.12.01.2.08.04": (12, 742_800_000, 12, 765_000_000, "DAU"),
    "2.12.01.2.09.02": (6, 64_350_000, 6, 66_000_000, "DAU"),
    "2.12.01.2.09.06": (85, 118_600_000, 90, 122_000_000, "DAU"),
    "2.12.01.2.09.09": (1, 95_000_000, 1, 100_000_000, "DAU"),
    "2.12.02.2.01.02": (44_000, 468_750_000, 45_000, 480_000_000, "DAK Non Fisik"),
    "2.12.02.2.01.04": (12, 212_400_000, 12, 220_000_000, "DAU"),
    "2.12.02.2.03.02": (1_600, 186_250_000, 1_700, 195_000_000, "DAU"),
    "2.12.02.2.03.05": (4, 48_600_000, 4, 50_000_000, "DAU"),
    "2.12.02.2.04.01": (12, 37_800_000, 12, 39_000_000, "DAU"),
    "2.12.03.2.01.01": (6_400, 326_400_000, 6_500, 335_000_000, "DAK Non Fisik"),
    "2.12.03.2.01.02": (4, 94_500_000, 4, 98_000_000, "DAU"),
    "2.12.03.2.02.01": (4, 22_800_000, 4, 24_000_000, "DAU"),
    "2.12.03.2.02.04": (12, 108_300_000, 12, 112_000_000, "DAU"),
    "2.12.04.2.01.01": (2, 74_250_000, 2, 77_000_000, "DAU"),
    "2.12.04.2.01.02": (17, 38_700_000, 19, 40_000_000, "DAU"),
    "2.12.04.2.03.04": (12, 156_900_000, 12, 162_000_000, "DAU"),
    "2.12.05.2.01.01": (2, 26_400_000, 2, 27_500_000, "DAU"),
    "2.12.05.2.01.02": (1, 44_850_000, 1, 46_000_000, "DAU"),
}

# Kebutuhan dana (T-C.31, hasil analisis kebutuhan) where it differs from the pagu, with the note.
KEBUTUHAN: dict[str, tuple[int, str]] = {
    "2.12.01.2.07.06": (452_000_000, "Penggantian 4 unit alat perekaman KTP-el; selisih diusulkan pada Perubahan APBD"),
    "2.12.02.2.03.02": (214_500_000, "Penambahan sasaran jemput bola lansia dan penyandang disabilitas"),
    "2.12.04.2.03.04": (171_600_000, "Penambahan kapasitas jaringan komunikasi data SIAK"),
}

# Program and kegiatan indicators (authors write them; not in the nomenclature):
# code -> (indicator, target 2026, target 2027) — all percentages.
PARENT_INDICATORS: dict[str, tuple[str, str, str]] = {
    "2.12.01": ("Persentase pemenuhan layanan penunjang urusan pemerintahan daerah", "100", "100"),
    "2.12.01.2.01": (
        "Persentase dokumen perencanaan, penganggaran dan evaluasi kinerja yang tersusun tepat waktu",
        "100",
        "100",
    ),
    "2.12.01.2.02": ("Persentase layanan administrasi keuangan perangkat daerah yang terpenuhi", "100", "100"),
    "2.12.01.2.03": ("Persentase barang milik daerah yang tertatausahakan", "100", "100"),
    "2.12.01.2.05": ("Persentase layanan administrasi kepegawaian yang terpenuhi", "100", "100"),
    "2.12.01.2.06": ("Persentase layanan administrasi umum perangkat daerah yang terpenuhi", "100", "100"),
    "2.12.01.2.07": ("Persentase pemenuhan kebutuhan sarana dan prasarana kerja", "100", "100"),
    "2.12.01.2.08": ("Persentase layanan jasa penunjang kantor yang terpenuhi", "100", "100"),
    "2.12.01.2.09": ("Persentase barang milik daerah dalam kondisi baik", "92", "93"),
    "2.12.02": ("Persentase penduduk wajib KTP-el yang memiliki KTP-el", "99,40", "99,50"),
    "2.12.02.2.01": ("Persentase dokumen pendaftaran penduduk yang diterbitkan sesuai SOP", "100", "100"),
    "2.12.02.2.03": ("Persentase penduduk rentan administrasi kependudukan yang terlayani", "100", "100"),
    "2.12.02.2.04": ("Persentase blangko dokumen kependudukan yang terkelola dan terlaporkan", "100", "100"),
    "2.12.03": ("Persentase penduduk usia 0-18 tahun yang memiliki akta kelahiran", "99,30", "99,40"),
    "2.12.03.2.01": ("Persentase dokumen pencatatan sipil yang diterbitkan sesuai SOP", "100", "100"),
    "2.12.03.2.02": ("Persentase peristiwa penting yang tercatat dan dilaporkan", "98", "98,50"),
    "2.12.04": ("Persentase penduduk yang mengaktivasi Identitas Kependudukan Digital (IKD)", "40", "45"),
    "2.12.04.2.01": (
        "Persentase lembaga pengguna yang memanfaatkan data kependudukan sesuai perjanjian kerja sama",
        "100",
        "100",
    ),
    "2.12.04.2.03": ("Persentase layanan pemanfaatan data kependudukan yang terpenuhi", "100", "100"),
    "2.12.05": ("Persentase ketersediaan data dan profil kependudukan yang mutakhir", "100", "100"),
    "2.12.05.2.01": ("Persentase dokumen data dan profil kependudukan yang tersusun tepat waktu", "100", "100"),
}

# --------------------------------------------------------------------------- evaluation 2024 (T-C.29)

# code -> (target Renstra 2029, realisasi s/d 2023, target 2024, realisasi 2024, target 2025);
# percentages for program/kegiatan rows, counts in the official unit for sub kegiatan.
EVAL: dict[str, tuple[float, float, float, float, float]] = {
    "2.12.01": (100, 100, 100, 100, 100),
    "2.12.01.2.01": (100, 100, 100, 100, 100),
    "2.12.01.2.01.01": (15, 3, 3, 3, 3),
    "2.12.01.2.01.02": (10, 2, 2, 2, 2),
    "2.12.01.2.01.06": (20, 4, 4, 4, 4),
    "2.12.01.2.02": (100, 100, 100, 100, 100),
    GAJI: (240, 45, 48, 48, 48),
    "2.12.01.2.02.02": (60, 12, 12, 12, 12),
    "2.12.01.2.02.05": (5, 1, 1, 1, 1),
    "2.12.01.2.03": (100, 100, 100, 100, 100),
    "2.12.01.2.03.06": (10, 2, 2, 2, 2),
    "2.12.01.2.05": (100, 100, 100, 100, 100),
    "2.12.01.2.05.02": (5, 1, 1, 1, 1),
    "2.12.01.2.06": (100, 100, 100, 100, 100),
    "2.12.01.2.06.04": (60, 12, 12, 12, 12),
    "2.12.01.2.06.05": (60, 12, 12, 12, 12),
    "2.12.01.2.06.09": (120, 24, 24, 24, 24),
    "2.12.01.2.07": (100, 100, 100, 100, 100),
    "2.12.01.2.07.06": (30, 5, 6, 6, 6),
    "2.12.01.2.08": (100, 100, 100, 100, 100),
    "2.12.01.2.08.02": (60, 12, 12, 12, 12),
    "2.12.01.2.08.04": (60, 12, 12, 12, 12),
    "2.12.01.2.09": (95, 90, 90, 91, 91),
    "2.12.01.2.09.02": (30, 6, 6, 6, 6),
    "2.12.01.2.09.06": (425, 80, 82, 82, 84),
    "2.12.01.2.09.09": (5, 1, 1, 1, 1),
    "2.12.02": (99.70, 99.10, 99.20, 99.21, 99.30),
    "2.12.02.2.01": (100, 100, 100, 100, 100),
    "2.12.02.2.01.01": (10, 2, 2, 2, 2),
    "2.12.02.2.01.02": (220_000, 41_530, 40_000, 0, 43_000),  # realisasi: the service table's sum
    "2.12.02.2.01.04": (60, 12, 12, 12, 12),
    "2.12.02.2.03": (100, 100, 100, 96.5, 100),
    "2.12.02.2.03.02": (8_000, 1_412, 1_500, 1_386, 1_550),
    "2.12.02.2.03.05": (20, 4, 4, 4, 4),
    "2.12.02.2.04": (100, 100, 100, 100, 100),
    "2.12.02.2.04.01": (60, 12, 12, 12, 12),
    "2.12.03": (99.60, 98.95, 99.10, 99.12, 99.20),
    "2.12.03.2.01": (100, 100, 100, 100, 100),
    "2.12.03.2.01.01": (32_000, 6_180, 6_100, 0, 6_300),  # realisasi: the service table's sum
    "2.12.03.2.01.02": (20, 4, 4, 4, 4),
    "2.12.03.2.02": (98.5, 96.8, 97, 97.4, 97.5),
    "2.12.03.2.02.01": (20, 4, 4, 4, 4),
    "2.12.03.2.02.04": (60, 12, 12, 10, 12),
    "2.12.04": (55, 12.40, 30, 31.52, 35),
    "2.12.04.2.01": (100, 100, 100, 86.67, 100),
    "2.12.04.2.01.01": (10, 2, 2, 2, 2),
    "2.12.04.2.01.02": (95, 11, 15, 13, 15),
    "2.12.05": (100, 100, 100, 100, 100),
    "2.12.05.2.01": (100, 100, 100, 100, 100),
    "2.12.05.2.01.01": (10, 2, 2, 2, 2),
    "2.12.05.2.01.02": (5, 1, 1, 1, 1),
}
# Budget 2024: pagu and realisation (BAB II narrative).
PAGU_2024 = 8_946_215_000
REALISASI_2024 = 8_583_702_114

# --------------------------------------------------------------------------- region data

KELURAHAN: dict[str, list[str]] = {
    "Kartoharjo": [
        "Kartoharjo",
        "Kelun",
        "Klegen",
        "Oro-oro Ombo",
        "Pilangbango",
        "Rejomulyo",
        "Sukosari",
        "Tawangrejo",
        "Kanigoro",
    ],
    "Manguharjo": [
        "Manguharjo",
        "Madiun Lor",
        "Nambangan Kidul",
        "Nambangan Lor",
        "Ngegong",
        "Pangongangan",
        "Patihan",
        "Sogaten",
        "Winongo",
    ],
    "Taman": ["Taman", "Banjarejo", "Demangan", "Josenan", "Kejuron", "Kuncen", "Manisrejo", "Mojorejo", "Pandean"],
}

SERVICES = [
    "Perekaman KTP-el",
    "Pencetakan KTP-el",
    "Kartu Keluarga (KK)",
    "Kartu Identitas Anak (KIA)",
    "Surat Keterangan Pindah (SKPWNI)",
    "Akta Kelahiran",
    "Akta Kematian",
    "Akta Perkawinan",
    "Akta Perceraian",
    "Aktivasi Identitas Kependudukan Digital (IKD)",
]
SERVICE_YEAR = [3_412, 16_840, 14_926, 7_315, 3_215, 3_946, 1_874, 286, 58, 12_480]
PENDAFTARAN_SERVICES = (
    "Pencetakan KTP-el",
    "Kartu Keluarga (KK)",
    "Kartu Identitas Anak (KIA)",
    "Surat Keterangan Pindah (SKPWNI)",
)
CAPIL_SERVICES = ("Akta Kelahiran", "Akta Kematian", "Akta Perkawinan", "Akta Perceraian")

POP_SPLIT = 4  # rows of the last kecamatan printed before the page break of Tabel 2.3

STAFF = [  # golongan, pangkat, laki-laki, perempuan
    ("IV/c", "Pembina Utama Muda", 0, 1),
    ("IV/b", "Pembina Tingkat I", 1, 1),
    ("IV/a", "Pembina", 2, 1),
    ("III/d", "Penata Tingkat I", 4, 3),
    ("III/c", "Penata", 3, 4),
    ("III/b", "Penata Muda Tingkat I", 4, 5),
    ("III/a", "Penata Muda", 3, 4),
    ("II/d", "Pengatur Tingkat I", 2, 1),
    ("II/c", "Pengatur", 1, 1),
    ("II/b", "Pengatur Muda Tingkat I", 1, 0),
    ("PPPK", "Pegawai Pemerintah dengan Perjanjian Kerja", 3, 3),
]

# Tujuan / sasaran (Renstra 2025-2029) with T-C.30 data:
# indicator, unit, targets 2025..2029, kondisi awal 2024 (= realisasi 2024), target 2024
# (previous Renstra), realisasi 2025 (semester I), SPM, IKK, catatan.
INDICATORS: list[dict[str, Any]] = [
    {
        "indicator": "Indeks Kepuasan Masyarakat terhadap pelayanan administrasi kependudukan",
        "unit": "Nilai",
        "targets": ["88,00", "88,50", "89,00", "89,50", "90,00"],
        "awal": "87,42",
        "t2024": "87,00",
        "r2025": "87,86",
        "spm": "-",
        "ikk": "-",
        "catatan": "Survei semesteran; keluhan terbanyak pada antrean layanan akta",
    },
    {
        "indicator": "Persentase penduduk wajib KTP-el yang memiliki KTP-el",
        "unit": "%",
        "targets": ["99,30", "99,40", "99,50", "99,60", "99,70"],
        "awal": "99,21",
        "t2024": "99,20",
        "r2025": "99,25",
        "spm": "-",
        "ikk": "Ya",
        "catatan": "Sisa perekaman didominasi penduduk lansia dan yang berdomisili di luar kota",
    },
    {
        "indicator": "Persentase anak usia 0-17 tahun yang memiliki KIA",
        "unit": "%",
        "targets": ["80,00", "82,50", "85,00", "87,50", "90,00"],
        "awal": "78,46",
        "t2024": "77,50",
        "r2025": "79,12",
        "spm": "-",
        "ikk": "Ya",
        "catatan": "Layanan KIA di sekolah dasar dan PAUD diperluas",
    },
    {
        "indicator": "Persentase penduduk usia 0-18 tahun yang memiliki akta kelahiran",
        "unit": "%",
        "targets": ["99,20", "99,30", "99,40", "99,50", "99,60"],
        "awal": "99,12",
        "t2024": "99,10",
        "r2025": "99,16",
        "spm": "-",
        "ikk": "Ya",
        "catatan": "Integrasi layanan akta dengan fasilitas kesehatan",
    },
    {
        "indicator": "Persentase penduduk yang mengaktivasi Identitas Kependudukan Digital (IKD)",
        "unit": "%",
        "targets": ["35,00", "40,00", "45,00", "50,00", "55,00"],
        "awal": "31,52",
        "t2024": "30,00",
        "r2025": "33,04",
        "spm": "-",
        "ikk": "-",
        "catatan": "Aktivasi terkendala kepemilikan telepon pintar pada penduduk lansia",
    },
    {
        "indicator": "Jumlah lembaga pengguna yang memanfaatkan data kependudukan",
        "unit": "Lembaga",
        "targets": ["15", "17", "19", "21", "23"],
        "awal": "13",
        "t2024": "15",
        "r2025": "14",
        "spm": "-",
        "ikk": "-",
        "catatan": "Dua perjanjian kerja sama dalam proses perpanjangan",
    },
]
TUJUAN = "Meningkatnya kualitas pelayanan administrasi kependudukan dan pencatatan sipil"
SASARAN = [
    ("Meningkatnya cakupan kepemilikan dokumen kependudukan", [1, 2, 3]),
    ("Meningkatnya pemanfaatan data kependudukan", [4, 5]),
]
DEFINITIONS = [
    (
        "Penilaian masyarakat atas kualitas pelayanan administrasi kependudukan yang diukur melalui survei kepuasan masyarakat sesuai Permenpan RB Nomor 14 Tahun 2017",
        "Rata-rata tertimbang nilai unsur pelayanan x 25",
        "Laporan Survei Kepuasan Masyarakat",
    ),
    (
        "Penduduk wajib KTP-el yang telah memiliki KTP-el dibandingkan seluruh penduduk wajib KTP-el",
        "(Jumlah penduduk wajib KTP-el yang memiliki KTP-el / jumlah penduduk wajib KTP-el) x 100%",
        "Data Konsolidasi Bersih (DKB) semester II",
    ),
    (
        "Anak usia 0-17 tahun (kurang 1 hari) yang telah memiliki Kartu Identitas Anak",
        "(Jumlah anak yang memiliki KIA / jumlah anak usia 0-17 tahun) x 100%",
        "Data Konsolidasi Bersih (DKB) semester II",
    ),
    (
        "Penduduk usia 0-18 tahun yang telah memiliki akta kelahiran",
        "(Jumlah penduduk usia 0-18 tahun yang memiliki akta kelahiran / jumlah penduduk usia 0-18 tahun) x 100%",
        "Data Konsolidasi Bersih (DKB) semester II",
    ),
    (
        "Penduduk wajib KTP-el yang telah mengaktivasi Identitas Kependudukan Digital",
        "(Jumlah penduduk yang mengaktivasi IKD / jumlah penduduk wajib KTP-el) x 100%",
        "Aplikasi IKD Ditjen Dukcapil",
    ),
    (
        "Perangkat daerah, instansi vertikal dan lembaga yang memanfaatkan data kependudukan berdasarkan perjanjian kerja sama",
        "Jumlah lembaga pengguna dengan perjanjian kerja sama yang berlaku",
        "Register perjanjian kerja sama",
    ),
]

USULAN = [  # name, lokasi, indicator, besaran, catatan
    (
        "Pelayanan perekaman KTP-el jemput bola bagi lansia dan penyandang disabilitas",
        "Kelurahan Manisrejo dan Kelurahan Pandean",
        "Jumlah penduduk rentan yang terlayani",
        "120 orang",
        "Diakomodir pada Sub Kegiatan Pelayanan Secara Aktif Pendaftaran Penduduk",
    ),
    (
        "Sosialisasi aktivasi IKD bagi pelajar SMA/SMK",
        "Kota Madiun",
        "Jumlah sekolah sasaran",
        "8 sekolah",
        "Diakomodir pada Sub Kegiatan Sosialisasi Pendaftaran Penduduk",
    ),
    (
        "Penempatan Anjungan Dukcapil Mandiri (ADM) di kantor kelurahan",
        "Kelurahan Kanigoro dan Kelurahan Nambangan Lor",
        "Jumlah ADM yang terpasang",
        "2 unit",
        "Belum dapat diakomodir; diusulkan pada tahun 2027",
    ),
    (
        "Integrasi layanan akta kelahiran di fasilitas kesehatan",
        "Rumah sakit dan puskesmas di Kota Madiun",
        "Jumlah fasilitas kesehatan yang terintegrasi",
        "6 fasyankes",
        "Diakomodir pada Sub Kegiatan Peningkatan dalam Pelayanan Pencatatan Sipil",
    ),
]


# --------------------------------------------------------------------------- helpers


def budget(nom: Any) -> Budget:
    b = Budget(nom, HEAD)
    for code, (target, amount, target_next, amount_next, sumber) in PLAN.items():
        b.add(code, amount, amount_next, target=target, target_next=target_next, sumber=sumber)
    return b


def sumber_of(line: Line, subs: list[Line]) -> str:
    if line.official.level == "sub_kegiatan":
        return str(line.extra["sumber"])
    own = [s.extra["sumber"] for s in subs if s.official.code.startswith(line.official.code + ".")]
    return ", ".join(dict.fromkeys(own))


def unit_of(line: Line) -> str:
    return line.official.satuan or "" if line.official.level == "sub_kegiatan" else "%"


def targets_of(line: Line) -> tuple[str, str, str]:
    """(indicator, target 2026, target 2027) of a row."""
    if line.official.level == "sub_kegiatan":
        return line.official.indikator or "", num(line.extra["target"]), num(line.extra["target_next"])
    return PARENT_INDICATORS[line.official.code]


col = common.column
h = common.header_cell


# --------------------------------------------------------------------------- tables


def tc33(b: Budget) -> dict[str, Any]:
    subs = b.subs
    rows: list[dict[str, Any]] = []
    for line in b.tree():
        code = line.official.code
        indicator, target, target_next = targets_of(line)
        name = line.official.name
        rows.append(
            {
                "level": line.official.level,
                "code": code,
                "cells": {
                    "code": code4(code),
                    "name": name,
                    "indicator": indicator,
                    "lokasi": LOKASI,
                    "target": target,
                    "target_unit": unit_of(line),
                    "amount": line.amount,
                    "sumber_dana": sumber_of(line, subs),
                    "target_next": target_next,
                    "target_next_unit": unit_of(line),
                    "amount_next": line.amount_next,
                },
            }
        )
    rows.append(
        {"level": "total", "code": None, "cells": {"name": "JUMLAH", "amount": b.total, "amount_next": b.total_next}}
    )
    return {
        "kind": "T-C.33",
        "render": "calc",
        "caption": [
            "Tabel 4.2",
            f"T-C.33 Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun {YEAR} dan Prakiraan Maju Tahun {YEAR + 1}",
            "Pemerintah Kota Madiun",
            f"Nama Perangkat Daerah: {UNIT}",
        ],
        "columns": [
            col("code", 2.7),
            col("name", 4.6),
            col("indicator", 4.8),
            col("lokasi", 1.7, "center"),
            col("target", 1.3, "center"),
            col("target_unit", 1.5, "center"),
            col("amount", 2.4, "right"),
            col("sumber_dana", 1.6, "center"),
            col("target_next", 1.3, "center"),
            col("target_next_unit", 1.5, "center"),
            col("amount_next", 2.4, "right"),
        ],
        "header": [
            [
                h("Kode", 3),
                h("Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan", 3),
                h("Indikator Kinerja Program/Kegiatan/Sub Kegiatan", 3),
                h(f"Rencana Tahun {YEAR}", 1, 5),
                h(f"Prakiraan Maju Rencana Tahun {YEAR + 1}", 1, 3),
            ],
            [
                h("Lokasi", 2),
                h("Target Capaian Kinerja", 1, 2),
                h("Kebutuhan Dana/ Pagu Indikatif (Rp)", 2),
                h("Sumber Dana", 2),
                h("Target Capaian Kinerja", 1, 2),
                h("Kebutuhan Dana/ Pagu Indikatif (Rp)", 2),
            ],
            [h("Volume"), h("Satuan"), h("Volume"), h("Satuan")],
        ],
        "number_row": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"],
        "rows": rows,
    }


def tc31(b: Budget) -> dict[str, Any]:
    subs = b.subs
    need: dict[str, int] = {}
    for line in subs:
        need[line.official.code] = KEBUTUHAN.get(line.official.code, (line.amount, ""))[0]
    rows: list[dict[str, Any]] = [
        {
            "level": "other",
            "code": None,
            "cells": {
                "code": HEAD,
                "name": "URUSAN PEMERINTAHAN BIDANG ADMINISTRASI KEPENDUDUKAN DAN PENCATATAN SIPIL",
                "pagu": b.total,
                "name_kebutuhan": "URUSAN PEMERINTAHAN BIDANG ADMINISTRASI KEPENDUDUKAN DAN PENCATATAN SIPIL",
                "kebutuhan_dana": sum(need.values()),
            },
        }
    ]
    for line in b.tree():
        code = line.official.code
        indicator, target, _ = targets_of(line)
        target_text = f"{target} {unit_of(line)}" if unit_of(line) != "%" else f"{target}%"
        kebutuhan = sum(v for c, v in need.items() if c == code or c.startswith(code + "."))
        note = KEBUTUHAN.get(code, (0, ""))[1] if line.official.level == "sub_kegiatan" else ""
        cells = {
            "code": code4(code),
            "name": line.official.name,
            "lokasi": LOKASI,
            "indicator": indicator,
            "target": target_text,
            "pagu": line.amount,
            "name_kebutuhan": line.official.name,
            "lokasi_kebutuhan": LOKASI,
            "indicator_kebutuhan": indicator,
            "target_kebutuhan": target_text,
            "kebutuhan_dana": kebutuhan,
            "catatan": note or ("Sesuai" if line.official.level == "sub_kegiatan" else ""),
        }
        rows.append({"level": line.official.level, "code": code, "cells": {k: v for k, v in cells.items() if v != ""}})
    return {
        "kind": "T-C.31",
        "render": "html",
        "caption": [
            "Tabel 2.6",
            f"T-C.31 REVIEW TERHADAP RANCANGAN AWAL RKPD TAHUN {YEAR}",
            "PEMERINTAH KOTA MADIUN",
            f"Perangkat Daerah : 2.12.0.00.0.00.01.0000 {UNIT}",
            "Sumber Data : Rancangan Awal RKPD (SIPD-RI)",
        ],
        "columns": [
            col("code", 2.3),
            col("name", 3.1),
            col("lokasi", 1.3, "center"),
            col("indicator", 3.3),
            col("target", 1.6, "center"),
            col("pagu", 2.0, "right"),
            col("name_kebutuhan", 3.1),
            col("lokasi_kebutuhan", 1.3, "center"),
            col("indicator_kebutuhan", 3.3),
            col("target_kebutuhan", 1.6, "center"),
            col("kebutuhan_dana", 2.0, "right"),
            col("catatan", 1.8),
        ],
        "header": [
            [
                h("Kode", 2),
                h(f"Rancangan Awal RKPD Tahun {YEAR}", 1, 5),
                h("Hasil Analisis Kebutuhan", 1, 5),
                h("Catatan Penting", 2),
            ],
            [
                h("Program/ Kegiatan/ Sub Kegiatan"),
                h("Lokasi"),
                h("Indikator Kinerja"),
                h("Target Capaian"),
                h("Pagu Indikatif (Rp)"),
                h("Program/ Kegiatan/ Sub Kegiatan"),
                h("Lokasi"),
                h("Indikator Kinerja"),
                h("Target Capaian"),
                h("Kebutuhan Dana (Rp)"),
            ],
        ],
        "number_row": [str(i) for i in range(1, 13)],
        "rows": rows,
    }


def service_totals() -> tuple[list[list[int]], int, int]:
    """Per service the four quarters (seeded split of the year); sums for the T-C.29 rows."""
    rng = random.Random(SEED)
    quarters: list[list[int]] = []
    for total in SERVICE_YEAR:
        weights = [rng.uniform(0.85, 1.15) for _ in range(4)]
        parts = [int(total * w / sum(weights)) for w in weights]
        parts[3] += total - sum(parts)
        quarters.append(parts)
    by_name = dict(zip(SERVICES, SERVICE_YEAR))
    return quarters, sum(by_name[s] for s in PENDAFTARAN_SERVICES), sum(by_name[s] for s in CAPIL_SERVICES)


def eval_values() -> dict[str, tuple[float, float, float, float, float]]:
    _, pendaftaran, capil = service_totals()
    out = dict(EVAL)
    for code, value in (("2.12.02.2.01.02", pendaftaran), ("2.12.03.2.01.01", capil)):
        r, n3, t2, _, t1 = out[code]
        out[code] = (r, n3, t2, value, t1)
    return out


def eval_lines(nom: Any) -> list[Any]:
    """The 2024 tree (T-C.29) in code order with official wording."""
    return [official(nom, code, HEAD) for code in sorted(EVAL, key=lambda c: [int(p) for p in c.split(".")])]


def tc29(nom: Any) -> dict[str, Any]:
    values = eval_values()
    rows = []
    for entry in eval_lines(nom):
        code = entry.code
        renstra, n3, t2, r2, t1 = values[code]
        percent = entry.level != "sub_kegiatan"
        unit = "%" if percent else (entry.satuan or "")
        indicator = PARENT_INDICATORS[code][0] if percent else entry.indikator or ""
        d = 2 if percent and any(v != int(v) for v in (renstra, n3, t2, r2, t1)) else 0
        capaian = t1 if percent else n3 + r2 + t1
        rows.append(
            {
                "level": entry.level,
                "code": code,
                "cells": {
                    "code": code4(code),
                    "name": entry.name,
                    "indicator": indicator,
                    "target_renstra": num(renstra, d),
                    "target_renstra_unit": unit,
                    "realisasi_n3": num(n3, d),
                    "realisasi_n3_unit": unit,
                    "target_n2": num(t2, d),
                    "target_n2_unit": unit,
                    "realisasi_n2": num(r2, d),
                    "realisasi_n2_unit": unit,
                    "tingkat_realisasi": pct(r2 / t2 * 100),
                    "target_n1": num(t1, d),
                    "target_n1_unit": unit,
                    "realisasi_capaian": num(capaian, d),
                    "tingkat_capaian": pct(capaian / renstra * 100),
                },
            }
        )
    return {
        "kind": "T-C.29",
        "render": "html",
        "caption": [
            "Tabel 2.1",
            "T-C.29 REKAPITULASI EVALUASI HASIL PELAKSANAAN RENJA PERANGKAT DAERAH DAN PENCAPAIAN RENSTRA PERANGKAT DAERAH S/D TAHUN 2024",
            "PEMERINTAH KOTA MADIUN",
            f"Perangkat Daerah : 2.12.0.00.0.00.01.0000 {UNIT}",
        ],
        "columns": [
            col("code", 2.4),
            col("name", 3.4),
            col("indicator", 3.7),
            col("target_renstra", 1.0, "center"),
            col("target_renstra_unit", 1.35, "center"),
            col("realisasi_n3", 1.0, "center"),
            col("realisasi_n3_unit", 1.35, "center"),
            col("target_n2", 1.0, "center"),
            col("target_n2_unit", 1.35, "center"),
            col("realisasi_n2", 1.0, "center"),
            col("realisasi_n2_unit", 1.35, "center"),
            col("tingkat_realisasi", 1.2, "center"),
            col("target_n1", 1.0, "center"),
            col("target_n1_unit", 1.35, "center"),
            col("realisasi_capaian", 1.2, "center"),
            col("tingkat_capaian", 1.3, "center"),
        ],
        "header": [
            [
                h("Kode", 3),
                h("Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan", 3),
                h("Indikator Kinerja Program (Outcome)/ Kegiatan (Output)/ Sub Kegiatan", 3),
                h("Target Kinerja Capaian Program (Renstra Perangkat Daerah) Tahun 2029", 2, 2),
                h(
                    "Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan s/d Renja Perangkat Daerah Tahun 2023",
                    2,
                    2,
                ),
                h("Target dan Realisasi Kinerja Program dan Kegiatan Renja Perangkat Daerah Tahun Lalu (2024)", 1, 5),
                h("Target Program dan Kegiatan Renja Perangkat Daerah Tahun Berjalan (2025)", 2, 2),
                h("Perkiraan Realisasi Capaian Target Renstra Perangkat Daerah s/d Tahun Berjalan (2025)", 1, 2),
            ],
            [
                h("Target Renja Perangkat Daerah Tahun 2024", 1, 2),
                h("Realisasi Renja Perangkat Daerah Tahun 2024", 1, 2),
                h("Tingkat Realisasi (%)", 2),
                h("Realisasi Capaian Program dan Kegiatan s/d Tahun Berjalan", 2),
                h("Tingkat Capaian Realisasi Target Renstra (%)", 2),
            ],
            [
                h("Nilai"),
                h("Satuan"),
                h("Nilai"),
                h("Satuan"),
                h("Nilai"),
                h("Satuan"),
                h("Nilai"),
                h("Satuan"),
                h("Nilai"),
                h("Satuan"),
            ],
        ],
        "number_row": [
            "(1)",
            "(2)",
            "(3)",
            "(4)",
            "",
            "(5)",
            "",
            "(6)",
            "",
            "(7)",
            "",
            "(8)=(7)/(6)x100%",
            "(9)",
            "",
            "(10)",
            "(11)=(10)/(4)x100%",
        ],
        "rows": rows,
    }


def tc30() -> dict[str, Any]:
    rows = []
    for i, ind in enumerate(INDICATORS, start=1):
        sign = "%" if ind["unit"] == "%" else ""
        t = ind["targets"]
        rows.append(
            {
                "level": "other",
                "code": None,
                "cells": {
                    "no": str(i),
                    "indicator": ind["indicator"],
                    "spm": ind["spm"],
                    "ikk": ind["ikk"],
                    "target_2024": ind["t2024"] + sign,
                    "target_2025": t[0] + sign,
                    "target_2026": t[1] + sign,
                    "target_2027": t[2] + sign,
                    "realisasi_2024": ind["awal"] + sign,
                    "realisasi_2025": ind["r2025"] + sign,
                    "proyeksi_2026": t[1] + sign,
                    "proyeksi_2027": t[2] + sign,
                    "catatan": ind["catatan"],
                },
            }
        )
    years = [("2024", "n-2"), ("2025", "n-1"), ("2026", "n"), ("2027", "n+1")]
    return {
        "kind": "T-C.30",
        "columns": [
            col("no", 0.8, "center"),
            col("indicator", 5.6),
            col("spm", 1.9, "center"),
            col("ikk", 1.3, "center"),
        ]
        + [col(f"target_{y}", 1.6, "center") for y, _ in years]
        + [col("realisasi_2024", 1.6, "center"), col("realisasi_2025", 1.6, "center")]
        + [col("proyeksi_2026", 1.6, "center"), col("proyeksi_2027", 1.6, "center"), col("catatan", 3.9)],
        "header": [
            [
                h("No", 2),
                h("Indikator Kinerja sesuai Tugas dan Fungsi Perangkat Daerah", 2),
                h("Target SPM/ Standar Nasional", 2),
                h("IKK", 2),
                h("Target Renstra Perangkat Daerah", 1, 4),
                h("Realisasi Capaian", 1, 2),
                h("Proyeksi", 1, 2),
                h("Catatan Analisis", 2),
            ],
            [h(f"{y} ({n})") for y, n in years] + [h("2024 (n-2)"), h("2025* (n-1)"), h("2026 (n)"), h("2027 (n+1)")],
        ],
        "number_row": [str(i) for i in range(1, 14)],
        "rows": rows,
    }


def tujuan_table() -> dict[str, Any]:
    split = []
    first_of = {ids[0]: name for name, ids in SASARAN}
    for i, ind in enumerate(INDICATORS):
        sub: dict[str, Any] = {"indicator": ind["indicator"], "target_unit": ind["unit"], "kondisi_awal": ind["awal"]}
        if i in first_of:
            sub = {"sasaran": first_of[i], **sub}
        for year, value in zip(range(2025, 2030), ind["targets"]):
            sub[f"target_{year}"] = value
        split.append(sub)
    return {
        "kind": "Tabel 3.3",  # tujuan and sasaran in one table; the tool reads it as the sasaran table
        "columns": [
            col("no", 0.7, "center"),
            col("tujuan", 3.8),
            col("sasaran", 3.8),
            col("indicator", 5.6),
            col("target_unit", 1.4, "center"),
        ]
        + [col(f"target_{y}", 1.5, "center") for y in range(2025, 2030)]
        + [col("kondisi_awal", 2.0, "center")],
        "header": [
            [
                h("No", 2),
                h("Tujuan", 2),
                h("Sasaran", 2),
                h("Indikator Tujuan/Sasaran", 2),
                h("Satuan", 2),
                h("Target Kinerja Tujuan/Sasaran pada Tahun", 1, 5),
                h("Kondisi Awal (2024)", 2),
            ],
            [h(str(y)) for y in range(2025, 2030)],
        ],
        "rows": [{"level": "other", "code": None, "cells": {"no": "1", "tujuan": TUJUAN}, "split": split}],
    }


def definitions_table() -> dict[str, Any]:
    rows = []
    for i, (ind, (definisi, formula, sumber)) in enumerate(zip(INDICATORS, DEFINITIONS), start=1):
        rows.append(
            {
                "level": "other",
                "code": None,
                "cells": {
                    "no": str(i),
                    "indicator": ind["indicator"],
                    "definisi": definisi,
                    "formula": formula,
                    "sumber_data": sumber,
                },
            }
        )
    return {
        "kind": "other",
        "columns": [
            col("no", 0.7, "center"),
            col("indicator", 5.4),
            col("definisi", 8.0),
            col("formula", 7.0),
            col("sumber_data", 3.6),
        ],
        "header": [[h("No"), h("Indikator"), h("Definisi Operasional"), h("Formulasi Perhitungan"), h("Sumber Data")]],
        "rows": rows,
    }


def tc32() -> dict[str, Any]:
    rows = []
    for i, (name, lokasi, indicator, besaran, catatan) in enumerate(USULAN, start=1):
        rows.append(
            {
                "level": "other",
                "code": None,
                "cells": {
                    "no": str(i),
                    "name": name,
                    "lokasi": lokasi,
                    "indicator": indicator,
                    "besaran": besaran,
                    "catatan": catatan,
                },
            }
        )
    return {
        "kind": "T-C.32",
        "columns": [
            col("no", 0.8, "center"),
            col("name", 4.3),
            col("lokasi", 2.7),
            col("indicator", 3.3),
            col("besaran", 1.8, "center"),
            col("catatan", 3.9),
        ],
        "header": [
            [
                h("No"),
                h("Program/Kegiatan/Sub Kegiatan"),
                h("Lokasi"),
                h("Indikator Kinerja"),
                h("Besaran/ Volume"),
                h("Catatan"),
            ]
        ],
        "number_row": ["1", "2", "3", "4", "5", "6"],
        "rows": rows,
    }


def population() -> tuple[dict[str, Any], dict[str, Any], dict[str, int]]:
    """Tabel 2.3 in two parts: cut by a manual page break inside Kecamatan Taman, the rest under
    "Lanjutan Tabel 2.3" with Taman's subtotal and the city total."""
    rng = random.Random(SEED + 1)
    columns = [
        col("no", 0.9, "center"),
        col("kecamatan", 3.0),
        col("kelurahan", 3.8),
        col("laki", 2.5, "right"),
        col("perempuan", 2.5, "right"),
        col("jumlah", 2.5, "right"),
    ]
    header = [
        [h("No"), h("Kecamatan"), h("Kelurahan"), h("Laki-laki (jiwa)"), h("Perempuan (jiwa)"), h("Jumlah (jiwa)")]
    ]
    parts: list[list[dict[str, Any]]] = [[], []]
    city = [0, 0]
    no = 0
    for k, (kecamatan, names) in enumerate(KELURAHAN.items()):
        sub = [0, 0]
        for j, kel in enumerate(names):
            # the page ends inside the last kecamatan: its first rows stay on the first page
            target = parts[0] if k < 2 or j < POP_SPLIT else parts[1]
            no += 1
            laki = rng.randint(2_300, 5_200)
            perempuan = laki + rng.randint(-150, 220)
            sub[0] += laki
            sub[1] += perempuan
            target.append(
                {
                    "level": "other",
                    "code": None,
                    "cells": {
                        "no": str(no),
                        **({"kecamatan": kecamatan} if j == 0 else {}),
                        "kelurahan": kel,
                        "laki": num(laki),
                        "perempuan": num(perempuan),
                        "jumlah": num(laki + perempuan),
                    },
                }
            )
        parts[0 if k < 2 else 1].append(
            {
                "level": "other",
                "code": None,
                "cells": {
                    "kelurahan": f"Jumlah Kecamatan {kecamatan}",
                    "laki": num(sub[0]),
                    "perempuan": num(sub[1]),
                    "jumlah": num(sum(sub)),
                },
            }
        )
        city[0] += sub[0]
        city[1] += sub[1]
    parts[1].append(
        {
            "level": "other",
            "code": None,
            "cells": {
                "kelurahan": "JUMLAH KOTA MADIUN",
                "laki": num(city[0]),
                "perempuan": num(city[1]),
                "jumlah": num(sum(city)),
            },
        }
    )
    first = {"kind": "other", "columns": columns, "header": header, "rows": parts[0]}
    second = {"kind": "other", "columns": columns, "header": header, "rows": parts[1]}
    return first, second, {"laki": city[0], "perempuan": city[1], "jumlah": sum(city)}


def services_table() -> dict[str, Any]:
    quarters, _, _ = service_totals()
    rows = []
    for i, (name, parts) in enumerate(zip(SERVICES, quarters), start=1):
        rows.append(
            {
                "level": "other",
                "code": None,
                "cells": {
                    "no": str(i),
                    "jenis": name,
                    **{f"tw{q + 1}": num(v) for q, v in enumerate(parts)},
                    "jumlah": num(sum(parts)),
                },
            }
        )
    sums = [sum(p[q] for p in quarters) for q in range(4)]
    rows.append(
        {
            "level": "total",
            "code": None,
            "cells": {
                "jenis": "Jumlah",
                **{f"tw{q + 1}": num(v) for q, v in enumerate(sums)},
                "jumlah": num(sum(sums)),
            },
        }
    )
    return {
        "kind": "other",
        "columns": [col("no", 0.8, "center"), col("jenis", 5.6)]
        + [col(f"tw{q}", 2.0, "right") for q in range(1, 5)]
        + [col("jumlah", 2.2, "right")],
        "header": [
            [h("No", 2), h("Jenis Dokumen/Layanan", 2), h("Triwulan", 1, 4), h("Jumlah", 2)],
            [h("I"), h("II"), h("III"), h("IV")],
        ],
        "rows": rows,
    }


def staff_table() -> tuple[dict[str, Any], int]:
    rows = []
    tl = tp = 0
    for i, (gol, pangkat, laki, perempuan) in enumerate(STAFF, start=1):
        tl += laki
        tp += perempuan
        rows.append(
            {
                "level": "other",
                "code": None,
                "cells": {
                    "no": str(i),
                    "golongan": gol,
                    "pangkat": pangkat,
                    "laki": str(laki) if laki else "-",
                    "perempuan": str(perempuan) if perempuan else "-",
                    "jumlah": str(laki + perempuan),
                },
            }
        )
    rows.append(
        {
            "level": "total",
            "code": None,
            "cells": {"pangkat": "Jumlah", "laki": str(tl), "perempuan": str(tp), "jumlah": str(tl + tp)},
        }
    )
    return {
        "kind": "other",
        "columns": [
            col("no", 0.8, "center"),
            col("golongan", 1.8, "center"),
            col("pangkat", 6.2),
            col("laki", 2.2, "center"),
            col("perempuan", 2.2, "center"),
            col("jumlah", 2.2, "center"),
        ],
        "header": [[h("No"), h("Golongan"), h("Pangkat/Status"), h("Laki-laki"), h("Perempuan"), h("Jumlah")]],
        "rows": rows,
    }, tl + tp


def recap_table(b: Budget) -> dict[str, Any]:
    rows = []
    programs = b.lines_at("program")
    for i, line in enumerate(programs, start=1):
        rows.append(
            {
                "level": "program",
                "code": line.official.code,
                "cells": {
                    "no": str(i),
                    "code": line.official.code,
                    "name": line.official.name,
                    "amount": line.amount,
                    "amount_next": line.amount_next,
                    "share": pct(line.amount / b.total * 100),
                },
            }
        )
    rows.append(
        {
            "level": "total",
            "code": None,
            "cells": {"name": "JUMLAH", "amount": b.total, "amount_next": b.total_next, "share": "100,00"},
        }
    )
    return {
        "kind": "other",
        "columns": [
            col("no", 0.8, "center"),
            col("code", 1.5, "center"),
            col("name", 6.4),
            col("amount", 2.9, "right"),
            col("amount_next", 2.9, "right"),
            col("share", 1.6, "center"),
        ],
        "header": [
            [
                h("No"),
                h("Kode"),
                h("Program"),
                h(f"Pagu Indikatif Tahun {YEAR} (Rp)"),
                h(f"Prakiraan Maju Tahun {YEAR + 1} (Rp)"),
                h("Proporsi (%)"),
            ]
        ],
        "rows": rows,
    }


# --------------------------------------------------------------------------- narrative


LEGAL = [
    "Undang-Undang Nomor 16 Tahun 1950 tentang Pembentukan Daerah-daerah Kota Besar dalam Lingkungan Propinsi Djawa Timur, Djawa Tengah, Djawa Barat dan Daerah Istimewa Jogjakarta;",
    "Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan sebagaimana telah diubah dengan Undang-Undang Nomor 24 Tahun 2013 tentang Perubahan atas Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan;",
    "Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional;",
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang;",
    "Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah;",
    "Peraturan Pemerintah Nomor 40 Tahun 2019 tentang Pelaksanaan Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan sebagaimana telah diubah dengan Undang-Undang Nomor 24 Tahun 2013;",
    "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah;",
    "Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil;",
    "Peraturan Presiden Nomor 62 Tahun 2019 tentang Strategi Nasional Percepatan Administrasi Kependudukan untuk Pengembangan Statistik Hayati;",
    "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah, Tata Cara Evaluasi Rancangan Peraturan Daerah tentang Rencana Pembangunan Jangka Panjang Daerah dan Rencana Pembangunan Jangka Menengah Daerah, serta Tata Cara Perubahan Rencana Pembangunan Jangka Panjang Daerah, Rencana Pembangunan Jangka Menengah Daerah, dan Rencana Kerja Pemerintah Daerah;",
    "Peraturan Menteri Dalam Negeri Nomor 108 Tahun 2019 tentang Peraturan Pelaksanaan Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil;",
    "Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019 tentang Klasifikasi, Kodefikasi, dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah;",
    "Peraturan Menteri Dalam Negeri Nomor 72 Tahun 2022 tentang Standar dan Spesifikasi Perangkat Keras, Perangkat Lunak, dan Blangko Kartu Tanda Penduduk Elektronik serta Penyelenggaraan Identitas Kependudukan Digital;",
    "Keputusan Menteri Dalam Negeri Nomor 900.1.15.5-1317 Tahun 2023 tentang Perubahan atas Keputusan Menteri Dalam Negeri Nomor 050-5889 Tahun 2021 tentang Hasil Verifikasi, Validasi dan Inventarisasi Pemutakhiran Klasifikasi, Kodefikasi dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah;",
    "Peraturan Daerah Kota Madiun Nomor 9 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah sebagaimana telah diubah dengan Peraturan Daerah Kota Madiun Nomor 5 Tahun 2021;",
    "Peraturan Daerah Kota Madiun Nomor 2 Tahun 2025 tentang Rencana Pembangunan Jangka Menengah Daerah Kota Madiun Tahun 2025-2029;",
    "Peraturan Wali Kota Madiun Nomor 61 Tahun 2021 tentang Kedudukan, Susunan Organisasi, Uraian Tugas dan Fungsi serta Tata Kerja Dinas Kependudukan dan Pencatatan Sipil;",
    "Peraturan Wali Kota Madiun Nomor 24 Tahun 2025 tentang Rencana Strategis Perangkat Daerah Kota Madiun Tahun 2025-2029.",
]


def title_program(name: str) -> str:
    """'PROGRAM PENDAFTARAN PENDUDUK' -> 'Program Pendaftaran Penduduk' (small words lower)."""
    return common.title_case(name, ("dan", "di", "pada", "atau", "yang", "dalam"))


def body(b: Budget, nom: Any, staff_total: int, people: dict[str, int]) -> list[dict[str, Any]]:
    programs = b.lines_at("program")
    kegiatan = b.lines_at("kegiatan")
    subs = b.lines_at("sub_kegiatan")
    pegawai = next(s.amount for s in subs if s.official.code == GAJI)
    modal = next(k.amount for k in kegiatan if k.official.code == MODAL_KEGIATAN)
    barjas = b.total - pegawai - modal
    operasi = pegawai + barjas
    values = eval_values()
    lines24 = eval_lines(nom)
    n_prog24 = sum(1 for e in lines24 if e.level == "program")
    n_keg24 = sum(1 for e in lines24 if e.level == "kegiatan")
    n_sub24 = sum(1 for e in lines24 if e.level == "sub_kegiatan")
    short_sub = [e for e in lines24 if e.level == "sub_kegiatan" and values[e.code][3] < values[e.code][2]]
    short_keg = [e for e in lines24 if e.level == "kegiatan" and values[e.code][3] < values[e.code][2]]
    _quarters, pendaftaran, capil = service_totals()
    rasio = REALISASI_2024 / PAGU_2024 * 100

    out: list[dict[str, Any]] = []
    add = out.append
    # ---- cover
    add(section("portrait", numbering="none"))
    add(
        {
            "type": "cover",
            "lines": [
                "PEMERINTAH KOTA MADIUN",
                "",
                "RENCANA KERJA PERANGKAT DAERAH",
                "(RENJA PD)",
                f"TAHUN {YEAR}",
                "",
                UNIT_UP,
                "KOTA MADIUN",
            ],
        }
    )
    # ---- front matter
    add(section("portrait", numbering="lower_roman", start=1, header=""))
    add(caption("LEMBAR PENGESAHAN"))
    add(caption("", f"RENCANA KERJA PERANGKAT DAERAH (RENJA PD) TAHUN {YEAR}", UNIT_UP, "KOTA MADIUN", ""))
    add(
        para(
            f"Rencana Kerja Perangkat Daerah {FULL} Tahun {YEAR} ini telah disusun berdasarkan hasil Forum Perangkat "
            f"Daerah dan Musyawarah Perencanaan Pembangunan Kota Madiun, serta diselaraskan dengan Rancangan Akhir Rencana "
            f"Kerja Pemerintah Daerah (RKPD) Kota Madiun Tahun {YEAR}, dan disahkan untuk dijadikan pedoman dalam "
            f"penyusunan Rencana Kerja dan Anggaran (RKA) {UNIT} Tahun Anggaran {YEAR}."
        )
    )
    add(
        {
            "type": "signature",
            "lines": [
                "Ditetapkan di Madiun",
                "pada tanggal 15 Juli 2025",
                f"KEPALA {UNIT_UP}",
                "KOTA MADIUN",
                "",
                "",
                "",
                KADIS[0],
                KADIS[1],
                KADIS[2],
            ],
        }
    )
    add(
        {
            "type": "signature",
            "lines": [
                "Mengetahui,",
                "a.n. WALI KOTA MADIUN",
                "SEKRETARIS DAERAH",
                "",
                "",
                "",
                SEKDA[0],
                SEKDA[1],
                SEKDA[2],
            ],
        }
    )
    add({"type": "page_break"})
    add(caption("KATA PENGANTAR"))
    add(
        para(
            "Puji syukur ke hadirat Tuhan Yang Maha Esa atas limpahan rahmat-Nya sehingga Rencana Kerja Perangkat Daerah "
            f"(Renja PD) {FULL} Tahun {YEAR} dapat diselesaikan. Renja ini merupakan dokumen perencanaan tahunan yang "
            f"memuat program, kegiatan dan sub kegiatan beserta indikator kinerja, target dan pagu indikatif yang akan "
            f"dilaksanakan oleh Dispendukcapil Kota Madiun pada tahun {YEAR}, sebagai penjabaran tahun kedua Rencana "
            "Strategis Perangkat Daerah Tahun 2025-2029."
        )
    )
    add(
        para(
            "Penyusunan Renja berpedoman pada Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 dan memperhatikan hasil "
            "evaluasi pelaksanaan Renja tahun 2024. Sebagian besar target kinerja tahun 2024 telah tercapai, namun masih "
            "terdapat beberapa sub kegiatan yang realisasinya belum sesuai target sebagaimana diuraikan pada Bab II, "
            "sehingga menjadi bahan perbaikan dalam perencanaan tahun ini."
        )
    )
    add(
        para(
            "Kami menyampaikan terima kasih kepada seluruh pihak yang telah berkontribusi dalam penyusunan dokumen ini, "
            "khususnya Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah Kota Madiun serta para pemangku "
            "kepentingan di tingkat kecamatan dan kelurahan. Semoga Renja ini bermanfaat bagi peningkatan kualitas "
            "pelayanan administrasi kependudukan di Kota Madiun."
        )
    )
    add(
        {
            "type": "signature",
            "lines": [PLACE_DATE, f"KEPALA {UNIT_UP}", "KOTA MADIUN", "", "", "", KADIS[0], KADIS[1], KADIS[2]],
        }
    )
    add({"type": "page_break"})
    add({"type": "toc", "of": "headings", "title": "DAFTAR ISI", "entries": []})  # filled by fill_toc
    add({"type": "page_break"})
    add({"type": "toc", "of": "tables", "title": "DAFTAR TABEL"})
    add({"type": "page_break"})
    add({"type": "toc", "of": "figures", "title": "DAFTAR GAMBAR"})

    # ---- BAB I
    add(section("portrait", numbering="arabic", start=1, header=HEADER))
    add(heading(1, "BAB I\nPENDAHULUAN"))
    add(heading(2, "1.1. Latar Belakang"))
    add(
        para(
            "Administrasi kependudukan merupakan rangkaian kegiatan penataan dan penertiban dalam penerbitan dokumen dan "
            "data kependudukan melalui pendaftaran penduduk, pencatatan sipil, pengelolaan informasi administrasi "
            "kependudukan serta pendayagunaan hasilnya untuk pelayanan publik dan pembangunan sektor lain. Setiap "
            "penduduk berhak memperoleh dokumen kependudukan, pelayanan yang sama dalam pendaftaran penduduk dan "
            "pencatatan sipil, serta perlindungan atas data pribadinya."
        )
    )
    add(
        para(
            f"{FULL} adalah perangkat daerah yang melaksanakan urusan pemerintahan wajib yang tidak berkaitan dengan "
            "pelayanan dasar bidang administrasi kependudukan dan pencatatan sipil. Dalam melaksanakan urusan tersebut, "
            f"Dispendukcapil melayani {num(people['jumlah'])} jiwa penduduk Kota Madiun yang tersebar di 3 (tiga) "
            "kecamatan dan 27 (dua puluh tujuh) kelurahan, dengan layanan yang diselenggarakan di kantor dinas, di mal "
            "pelayanan publik, di kantor kelurahan, maupun secara daring."
        )
    )
    add(
        para(
            "Rencana Kerja Perangkat Daerah (Renja PD) adalah dokumen perencanaan perangkat daerah untuk periode satu "
            "tahun. Renja PD disusun dengan berpedoman pada Rencana Strategis (Renstra) Perangkat Daerah dan mengacu pada "
            "rancangan awal RKPD, sehingga program dan kegiatan yang direncanakan selaras dengan prioritas pembangunan "
            "daerah. Tahapan penyusunan Renja PD meliputi persiapan, penyusunan rancangan awal, penyusunan rancangan, "
            "pelaksanaan Forum Perangkat Daerah, perumusan rancangan akhir, dan penetapan."
        )
    )
    add(
        para(
            f"Renja {UNIT} Tahun {YEAR} merupakan penjabaran tahun kedua Renstra Perangkat Daerah Tahun 2025-2029 dan "
            f"menjadi acuan penyusunan Rencana Kerja dan Anggaran (RKA) Tahun Anggaran {YEAR}. Dokumen ini juga menjadi "
            "alat pengendalian agar sumber daya yang terbatas diarahkan pada upaya peningkatan cakupan kepemilikan "
            "dokumen kependudukan dan pemanfaatan data kependudukan."
        )
    )
    add(heading(2, "1.2. Landasan Hukum"))
    add(para("Landasan hukum penyusunan Renja Perangkat Daerah ini adalah sebagai berikut:"))
    add(lst([f"{i}. {text}" for i, text in enumerate(LEGAL, start=1)]))
    add(heading(2, "1.3. Maksud dan Tujuan"))
    add(
        para(
            f"Maksud penyusunan Renja {FULL} Tahun {YEAR} adalah menyediakan dokumen perencanaan tahunan yang memuat "
            "program, kegiatan dan sub kegiatan prioritas beserta indikator kinerja, target dan pendanaannya."
        )
    )
    add(para("Adapun tujuan penyusunan Renja ini adalah:"))
    add(
        lst(
            [
                "a. menjabarkan Renstra Perangkat Daerah Tahun 2025-2029 ke dalam rencana tahunan;",
                "b. menyelaraskan program dan kegiatan perangkat daerah dengan prioritas pembangunan dalam RKPD Kota Madiun;",
                f"c. menjadi pedoman penyusunan RKA {UNIT} Tahun Anggaran {YEAR};",
                "d. menjadi tolok ukur dalam pengendalian dan evaluasi kinerja perangkat daerah.",
            ]
        )
    )
    add(heading(2, "1.4. Sistematika Penulisan"))
    add(para("Renja Perangkat Daerah ini disusun dengan sistematika sebagai berikut:"))
    add(
        lst(
            [
                "BAB I PENDAHULUAN, memuat latar belakang, landasan hukum, maksud dan tujuan, serta sistematika penulisan.",
                "BAB II HASIL EVALUASI RENJA PERANGKAT DAERAH TAHUN LALU, memuat evaluasi pelaksanaan Renja tahun lalu dan capaian Renstra, analisis kinerja pelayanan, isu-isu penting, reviu terhadap rancangan awal RKPD, dan penelaahan usulan program dan kegiatan masyarakat.",
                "BAB III TUJUAN DAN SASARAN PERANGKAT DAERAH, memuat telaahan terhadap kebijakan nasional, tujuan dan sasaran Renja, serta program dan kegiatan.",
                "BAB IV RENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH, memuat rencana program, kegiatan dan sub kegiatan beserta indikator kinerja, target dan pagu indikatif.",
                "BAB V PENUTUP.",
            ]
        )
    )

    # ---- BAB II
    add({"type": "page_break"})
    add(heading(1, "BAB II\nHASIL EVALUASI RENJA PERANGKAT DAERAH TAHUN LALU"))
    add(
        para(
            "Sesuai format Lampiran Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017, hasil evaluasi pelaksanaan Renja "
            "tahun lalu disajikan dalam Tabel T-C.29, pencapaian kinerja pelayanan perangkat daerah dalam Tabel T-C.30, "
            "hasil reviu terhadap rancangan awal RKPD dalam Tabel T-C.31, usulan program dan kegiatan dari para pemangku "
            "kepentingan dalam Tabel T-C.32, sedangkan rumusan rencana program dan kegiatan tahun 2026 beserta prakiraan "
            "maju tahun 2027 disajikan pada Bab IV dalam Tabel T-C.33."
        )
    )
    add(heading(2, "2.1. Evaluasi Pelaksanaan Renja Perangkat Daerah Tahun Lalu dan Capaian Renstra Perangkat Daerah"))
    add(
        para(
            f"Evaluasi dilakukan terhadap pelaksanaan Renja Tahun 2024 (tahun n-2) dan perkiraan capaian tahun 2025 yang "
            f"sedang berjalan. Pada tahun 2024 Dispendukcapil melaksanakan {count(n_prog24)} program, {count(n_keg24)} "
            f"kegiatan dan {count(n_sub24)} sub kegiatan. Rekapitulasi hasil evaluasi disajikan pada tabel berikut."
        )
    )
    add(section("landscape"))
    add(table("tc29"))
    add(section("portrait"))
    add(
        para(
            "Keterangan Tabel 2.1: kolom (10) untuk indikator sub kegiatan yang berupa jumlah keluaran merupakan akumulasi "
            "kolom (5), (7) dan (9); untuk indikator program dan kegiatan yang berupa persentase, kolom (10) diisi "
            "perkiraan capaian tahun berjalan. Sumber: e-Monev Kota Madiun, diolah."
        )
    )
    named = ", ".join(f"{e.name} ({pct(values[e.code][3] / values[e.code][2] * 100)}%)" for e in short_sub)
    named_keg = " dan ".join(e.name for e in short_keg)
    add(
        para(
            f"Dari {count(n_sub24)} sub kegiatan yang dilaksanakan pada tahun 2024, sebanyak {count(len(short_sub))} sub "
            f"kegiatan belum mencapai target, yaitu {named}. Pada tingkat kegiatan, {count(len(short_keg))} kegiatan "
            f"belum mencapai target, yaitu {named_keg}. Sub kegiatan lainnya mencapai target 100% atau lebih."
        )
    )
    add(
        para(
            "Faktor penyebab belum tercapainya target antara lain keterbatasan armada dan petugas untuk layanan jemput "
            "bola, bertepatan dengan masa pemutakhiran data pemilih menjelang Pemilihan Kepala Daerah Serentak Tahun "
            "2024, serta dua perjanjian kerja sama pemanfaatan data yang belum diperpanjang oleh lembaga pengguna."
        )
    )
    add(
        para(
            f"Dari sisi keuangan, pagu anggaran Dispendukcapil tahun 2024 sebesar {rp(PAGU_2024)} terealisasi sebesar "
            f"{rp(REALISASI_2024)} atau {pct(rasio)}%. Sisa anggaran terutama berasal dari efisiensi belanja pegawai dan "
            "sisa hasil pengadaan barang."
        )
    )

    add(heading(2, "2.2. Analisis Kinerja Pelayanan Perangkat Daerah"))
    add(heading(3, "2.2.1. Struktur Organisasi dan Sumber Daya Aparatur"))
    add(
        para(
            "Susunan organisasi Dispendukcapil Kota Madiun berdasarkan Peraturan Wali Kota Madiun Nomor 61 Tahun 2021 "
            "terdiri atas Kepala Dinas, Sekretariat, Bidang Pelayanan Pendaftaran Penduduk, Bidang Pelayanan Pencatatan "
            "Sipil, Bidang Pengelolaan Informasi Administrasi Kependudukan dan Pemanfaatan Data, serta Kelompok Jabatan "
            "Fungsional, sebagaimana gambar berikut."
        )
    )
    add(
        {
            "type": "figure",
            "kind": "org_chart",
            "height": 8.5,
            "labels": [
                "KEPALA DINAS",
                "SEKRETARIAT",
                "Bidang Pelayanan Pendaftaran Penduduk",
                "Bidang Pelayanan Pencatatan Sipil",
                "Bidang PIAK dan Pemanfaatan Data",
                "Kelompok Jabatan Fungsional",
            ],
            "caption": [f"Gambar 2.1 Struktur Organisasi {FULL}"],
        }
    )
    add(
        para(
            f"Pada akhir tahun 2024 Dispendukcapil didukung oleh {count(staff_total)} orang Aparatur Sipil Negara yang "
            "terdiri atas Pegawai Negeri Sipil dan Pegawai Pemerintah dengan Perjanjian Kerja (PPPK), dengan komposisi "
            "menurut golongan sebagai berikut."
        )
    )
    add(caption("Tabel 2.2", f"Jumlah Aparatur Sipil Negara {FULL} menurut Golongan dan Jenis Kelamin Tahun 2024"))
    add(table("pegawai"))
    add(para("Sumber: Subbagian Umum dan Kepegawaian, keadaan 31 Desember 2024."))
    add(heading(3, "2.2.2. Kondisi Kependudukan"))
    add(
        para(
            f"Berdasarkan Data Konsolidasi Bersih (DKB) semester II tahun 2024, jumlah penduduk Kota Madiun sebanyak "
            f"{num(people['jumlah'])} jiwa, terdiri atas {num(people['laki'])} jiwa laki-laki dan {num(people['perempuan'])} "
            "jiwa perempuan. Sebaran penduduk per kecamatan dan kelurahan disajikan pada Tabel 2.3."
        )
    )
    add(caption("Tabel 2.3", "Jumlah Penduduk Kota Madiun menurut Kecamatan, Kelurahan dan Jenis Kelamin Tahun 2024"))
    add(table("penduduk1"))
    add({"type": "page_break"})
    add(caption("Lanjutan Tabel 2.3"))
    add(table("penduduk2"))
    add(para("Sumber: DKB Semester II Tahun 2024, Dispendukcapil Kota Madiun."))
    add(heading(3, "2.2.3. Capaian Pelayanan Dokumen Kependudukan"))
    add(
        para(
            "Selama tahun 2024 Dispendukcapil menerbitkan dokumen kependudukan dan memberikan layanan sebagaimana "
            f"Tabel 2.4. Dokumen hasil pendaftaran penduduk (KTP-el, KK, KIA dan surat keterangan pindah) berjumlah "
            f"{num(pendaftaran)} dokumen, sedangkan dokumen pencatatan sipil (akta kelahiran, kematian, perkawinan dan "
            f"perceraian) berjumlah {num(capil)} dokumen."
        )
    )
    add(caption("Tabel 2.4", "Rekapitulasi Penerbitan Dokumen dan Layanan Kependudukan per Triwulan Tahun 2024"))
    add(table("layanan"))
    add(para("Sumber: SIAK Terpusat dan Aplikasi IKD, diolah."))
    add(
        para(
            "Capaian indikator kinerja pelayanan dibandingkan dengan target Renstra disajikan dalam Tabel 2.5 (T-C.30). "
            "Cakupan kepemilikan KTP-el dan akta kelahiran telah mendekati target akhir Renstra, sedangkan cakupan KIA "
            "dan aktivasi IKD masih memerlukan upaya percepatan."
        )
    )
    add(section("landscape"))
    add(caption("Tabel 2.5", f"T-C.30 Pencapaian Kinerja Pelayanan Perangkat Daerah {FULL}"))
    add(table("tc30"))
    add(
        para(
            "Keterangan: *) realisasi tahun 2025 merupakan capaian sampai dengan semester I. Sumber: DKB dan laporan kinerja Dispendukcapil."
        )
    )
    add(section("portrait"))
    add(
        {
            "type": "figure",
            "kind": "bar_chart",
            "height": 7.5,
            "labels": ["KTP-el", "KIA", "Akta Kelahiran 0-18", "IKD"],
            "values": [99.21, 78.46, 99.12, 31.52],
            "caption": ["Gambar 2.2 Cakupan Kepemilikan Dokumen Kependudukan Tahun 2024 (%)"],
        }
    )
    add(heading(2, "2.3. Isu-isu Penting Penyelenggaraan Tugas dan Fungsi Perangkat Daerah"))
    add(para("Berdasarkan evaluasi kinerja dan analisis pelayanan, isu-isu penting yang dihadapi adalah:"))
    add(
        lst(
            [
                "1. Masih terdapat penduduk wajib KTP-el yang belum melakukan perekaman, terutama penduduk lansia, penyandang disabilitas dan penduduk yang bekerja atau bersekolah di luar kota.",
                "2. Cakupan kepemilikan KIA dan aktivasi IKD masih di bawah target nasional; aktivasi IKD terkendala kepemilikan telepon pintar dan literasi digital.",
                "3. Mobilitas penduduk yang tinggi: sebagian penduduk non permanen yang bekerja dan bersekolah di Kota Madiun berasal dari Kabupaten Madiun, Kabupaten Magetan dan Kabupaten Ponorogo, sehingga pendataan penduduk non permanen perlu dilakukan secara berkala.",
                "4. Perangkat perekaman dan pencetakan KTP-el sebagian telah berusia lebih dari delapan tahun dan sering mengalami gangguan.",
                "5. Pemanfaatan data kependudukan oleh perangkat daerah dan lembaga pengguna belum optimal.",
            ]
        )
    )
    add(heading(2, "2.4. Review terhadap Rancangan Awal RKPD"))
    add(
        para(
            f"Rancangan awal RKPD Kota Madiun Tahun {YEAR} memuat pagu indikatif Dispendukcapil sebesar {rp(b.total)}. "
            "Hasil analisis kebutuhan menunjukkan kebutuhan dana yang lebih besar pada tiga sub kegiatan, yaitu pengadaan "
            "peralatan perekaman KTP-el, pelayanan jemput bola bagi penduduk rentan, dan penyelenggaraan pemanfaatan data "
            "kependudukan. Hasil reviu disajikan pada Tabel 2.6 (T-C.31) berikut."
        )
    )
    add(section("landscape"))
    add(table("tc31"))
    add(section("portrait"))
    add(heading(2, "2.5. Penelaahan Usulan Program dan Kegiatan Masyarakat"))
    add(
        para(
            "Usulan masyarakat dihimpun melalui Musrenbang Kelurahan, Musrenbang Kecamatan, Forum Perangkat Daerah dan "
            "aspirasi anggota DPRD Kota Madiun. Usulan yang berkaitan dengan tugas dan fungsi Dispendukcapil beserta "
            "tindak lanjutnya disajikan pada Tabel 2.7."
        )
    )
    add(
        caption(
            "Tabel 2.7", f"T-C.32 Usulan Program dan Kegiatan dari Para Pemangku Kepentingan Tahun {YEAR}", f"{FULL}"
        )
    )
    add(table("tc32"))
    add(para("Sumber: hasil Musrenbang dan Forum Perangkat Daerah Tahun 2025."))

    # ---- BAB III
    add({"type": "page_break"})
    add(heading(1, "BAB III\nTUJUAN DAN SASARAN PERANGKAT DAERAH"))
    add(heading(2, "3.1. Telaahan terhadap Kebijakan Nasional"))
    add(
        para(
            "Rencana Pembangunan Jangka Menengah Nasional (RPJMN) Tahun 2025-2029 menempatkan administrasi kependudukan "
            "sebagai fondasi transformasi digital pemerintahan. Nomor Induk Kependudukan (NIK) menjadi nomor tunggal "
            "dalam pelayanan publik, bantuan sosial dan perlindungan sosial, sehingga kualitas data kependudukan "
            "menentukan ketepatan sasaran berbagai program pembangunan."
        )
    )
    add(para("Kebijakan nasional bidang administrasi kependudukan yang perlu ditindaklanjuti di daerah antara lain:"))
    add(
        lst(
            [
                "a. percepatan kepemilikan dokumen kependudukan, khususnya akta kelahiran dan KIA, dalam kerangka Strategi Nasional Percepatan Administrasi Kependudukan untuk Pengembangan Statistik Hayati;",
                "b. penerapan Identitas Kependudukan Digital (IKD) secara bertahap;",
                "c. pelayanan administrasi kependudukan secara daring dan pelayanan terintegrasi dengan fasilitas kesehatan, sekolah dan kantor urusan agama;",
                "d. perluasan pemanfaatan data kependudukan oleh lembaga pengguna berdasarkan perjanjian kerja sama.",
            ]
        )
    )
    add(
        para(
            "Di tingkat daerah, RPJMD Kota Madiun Tahun 2025-2029 mengamanatkan peningkatan kualitas pelayanan publik "
            "berbasis digital. Dispendukcapil mendukung sasaran tersebut melalui peningkatan cakupan kepemilikan dokumen "
            "kependudukan dan pemanfaatan data kependudukan."
        )
    )
    add(heading(2, "3.2. Tujuan dan Sasaran Renja Perangkat Daerah"))
    add(
        para(
            f"Tujuan {UNIT} sebagaimana ditetapkan dalam Renstra Perangkat Daerah Tahun 2025-2029 adalah "
            f"{TUJUAN.lower()}, dengan 2 (dua) sasaran, yaitu "
            f"{SASARAN[0][0].lower()} dan {SASARAN[1][0].lower()}. Tujuan, sasaran, indikator dan target kinerjanya "
            "disajikan pada Tabel 3.1, sedangkan definisi operasional setiap indikator disajikan pada Tabel 3.2."
        )
    )
    add(section("landscape"))
    add(caption("Tabel 3.1", f"Tujuan, Sasaran, Indikator dan Target Kinerja {FULL} Tahun 2025-2029"))
    add(table("tujuan"))
    add(para("Sumber: Renstra Dispendukcapil Kota Madiun Tahun 2025-2029."))
    add(caption("Tabel 3.2", "Definisi Operasional dan Formulasi Indikator Tujuan dan Sasaran"))
    add(table("definisi"))
    add(section("portrait"))
    add(heading(2, "3.3. Program dan Kegiatan"))
    add(
        para(
            f"Untuk mencapai tujuan dan sasaran tersebut, pada tahun {YEAR} Dispendukcapil merencanakan "
            f"{count(len(programs))} program, {count(len(kegiatan))} kegiatan dan {count(len(subs))} sub kegiatan "
            "sebagai berikut:"
        )
    )
    add(lst(program_list_items(b)))

    # ---- BAB IV
    add({"type": "page_break"})
    add(heading(1, "BAB IV\nRENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH"))
    add(
        para(
            f"Rencana kerja dan pendanaan {FULL} Tahun {YEAR} disusun berdasarkan pagu indikatif dalam rancangan akhir "
            "RKPD dengan mempertimbangkan hasil evaluasi, isu-isu penting dan usulan para pemangku kepentingan."
        )
    )
    add(
        para(
            f"Jumlah pagu indikatif Dispendukcapil Tahun {YEAR} direncanakan sebesar {rp(b.total)} "
            f"({terbilang(b.total)} rupiah), terdiri atas Belanja Operasi sebesar {rp(operasi)} dan Belanja Modal sebesar "
            f"{rp(modal)}. Belanja Operasi meliputi Belanja Pegawai sebesar {rp(pegawai)} dan Belanja Barang dan Jasa "
            f"sebesar {rp(barjas)}. Prakiraan maju tahun {YEAR + 1} sebesar {rp(b.total_next)}."
        )
    )
    add(para(f"Program yang direncanakan pada tahun {YEAR} sebanyak {count(len(programs))} program, yaitu:"))
    add(
        lst(
            [
                f"{'abcde'[i]}. {title_program(p.official.name)} dengan pagu indikatif {rp(p.amount)};"
                for i, p in enumerate(programs)
            ]
        )
    )
    add(
        caption(
            "Tabel 4.1", f"Rekapitulasi Pagu Indikatif per Program Tahun {YEAR} dan Prakiraan Maju Tahun {YEAR + 1}"
        )
    )
    add(table("rekap"))
    add(para("Sumber: Rancangan Akhir RKPD Kota Madiun Tahun 2026, diolah."))
    add(
        para(
            "Rincian program, kegiatan dan sub kegiatan beserta indikator kinerja, target, lokasi, pagu indikatif dan "
            "sumber dana disajikan pada Tabel 4.2 (T-C.33) berikut."
        )
    )
    add(section("landscape"))
    add(table("tc33"))
    add(section("portrait"))

    # ---- BAB V
    add(heading(1, "BAB V\nPENUTUP"))
    add(
        para(
            f"Renja {FULL} Tahun {YEAR} merupakan pedoman dalam penyusunan RKA dan pelaksanaan program, kegiatan dan sub "
            "kegiatan selama satu tahun anggaran. Keberhasilan pelaksanaannya memerlukan komitmen seluruh aparatur "
            "Dispendukcapil serta dukungan perangkat daerah lain, kecamatan, kelurahan dan masyarakat."
        )
    )
    add(para("Kaidah pelaksanaan Renja ini adalah sebagai berikut:"))
    add(
        lst(
            [
                "a. seluruh unit kerja di lingkungan Dispendukcapil melaksanakan program dan kegiatan sesuai Renja ini;",
                "b. pengendalian dan evaluasi pelaksanaan Renja dilakukan setiap triwulan;",
                "c. apabila terjadi perubahan kebijakan dan pagu anggaran, Renja dapat disesuaikan melalui mekanisme perubahan.",
            ]
        )
    )
    add(
        para(
            "Semoga Renja ini memberikan manfaat bagi terwujudnya pelayanan administrasi kependudukan yang cepat, mudah "
            "dan akurat bagi seluruh penduduk Kota Madiun."
        )
    )
    add(
        {
            "type": "signature",
            "lines": [PLACE_DATE, f"KEPALA {UNIT_UP}", "KOTA MADIUN", "", "", "", KADIS[0], KADIS[1], KADIS[2]],
        }
    )
    return out


def program_list_items(b: Budget) -> list[str]:
    items: list[str] = []
    p = k = s = 0
    for line in b.tree():
        level = line.official.level
        name = line.official.name
        if level == "program":
            p += 1
            k = 0
            items.append(f"{p}. {title_program(name)}")
        elif level == "kegiatan":
            k += 1
            s = 0
            items.append(f"{'abcdefghij'[k - 1]}. Kegiatan {name}")
        else:
            s += 1
            items.append(f"{s}) Sub Kegiatan {name}")
    return items


def fill_toc(blocks: list[dict[str, Any]]) -> None:
    """DAFTAR ISI: the front matter titles, then every chapter and section heading as written."""
    front = ["LEMBAR PENGESAHAN", "KATA PENGANTAR", "DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GAMBAR"]
    entries: list[dict[str, Any]] = [{"text": t, "target": t, "level": 1} for t in front]
    for block in blocks:
        if block["type"] == "heading" and block["level"] <= 2:
            text = " ".join(block["text"].split())
            entries.append({"text": text, "target": text, "level": block["level"]})
    for block in blocks:
        if block["type"] == "toc" and block["of"] == "headings":
            block["entries"] = entries


# --------------------------------------------------------------------------- specs


def clean_spec() -> dict[str, Any]:
    nom = common.nomenclature(YEAR)
    b = budget(nom)
    pop1, pop2, people = population()
    staff, staff_total = staff_table()
    assert staff_total == PLAN[GAJI][0], "Gaji target = the ASN of the staff table"
    spec: dict[str, Any] = {
        "id": CLEAN_ID,
        "family": FAMILY,
        "meta": {"unit": UNIT, "region": CITY, "plan_year": YEAR, "place_date": PLACE_DATE},
        "style": {
            "font": "Liberation Serif",
            "body_pt": 12,
            "table_pt": 7.5,
            "thousands": ".",
            "code_style": "written",
        },
        "body": body(b, nom, staff_total, people),
        "tables": {
            "tc29": tc29(nom),
            "pegawai": staff,
            "penduduk1": pop1,
            "penduduk2": pop2,
            "layanan": services_table(),
            "tc30": tc30(),
            "tc31": tc31(b),
            "tc32": tc32(),
            "tujuan": tujuan_table(),
            "definisi": definitions_table(),
            "rekap": recap_table(b),
            "tc33": tc33(b),
        },
    }
    fill_toc(spec["body"])
    return spec


def defects_spec(clean: dict[str, Any]) -> dict[str, Any]:
    """The clean document with twelve declared mistakes of different classes."""
    spec = common.variant(clean, DEFECTS_ID)
    nom = common.nomenclature(YEAR)
    b = budget(nom)
    defects: list[dict[str, Any]] = []

    def declare(defect_id: str, what: str, *expect: dict[str, Any]) -> None:
        defects.append({"id": defect_id, "what": what, "expect": list(expect)})

    # 1. a sub kegiatan's pagu raised in T-C.33 only: its kegiatan no longer adds up, T-C.31 differs
    code = "2.12.02.2.01.04"
    row = common.row_with(spec, "tc33", code)
    old = row["cells"]["amount"]
    row["cells"]["amount"] = old + 2_500_000
    declare(
        "tc33-sub-sum",
        f"T-C.33: pagu of sub kegiatan {code} raised from {rupiah(old, '.')} to {rupiah(old + 2_500_000, '.')}; "
        "kegiatan 2.12.02.2.01 no longer equals the sum of its sub kegiatan, and T-C.31 keeps the old pagu",
        {"rule": "TOT-001", "table": "T-C.33", "code": "2.12.02.2.01", "column": "amount"},
        {"rule": "XT-002", "code": code},
    )

    # 2. the JUMLAH row's prakiraan maju mistyped (two digits swapped)
    total_row = spec["tables"]["tc33"]["rows"][-1]
    wrong_next = int(str(b.total_next).replace("038", "083", 1))
    assert wrong_next != b.total_next
    total_row["cells"]["amount_next"] = wrong_next
    declare(
        "tc33-total-next",
        f"T-C.33 JUMLAH row: prakiraan maju {rupiah(wrong_next, '.')} instead of {rupiah(b.total_next, '.')} (digits swapped)",
        {"rule": "TOT-004", "table": "T-C.33", "column": "amount_next"},
    )

    # 3. T-C.31 copies last year's target of one sub kegiatan
    code = "2.12.04.2.01.02"
    row = common.row_with(spec, "tc31", code)
    row["cells"]["target"] = row["cells"]["target_kebutuhan"] = "15 Dokumen"
    declare(
        "tc31-target-copy",
        f"T-C.31: target of sub kegiatan {code} is 15 Dokumen (the 2025 target) while T-C.33 plans 17 Dokumen",
        {"rule": "XT-002", "code": code},
    )

    # 4. a sub kegiatan name from the wrong program (nomenclature), in T-C.33 only
    code = "2.12.02.2.03.05"
    row = common.row_with(spec, "tc33", code)
    row["cells"]["name"] = "Sosialisasi Terkait Pencatatan Sipil"
    declare(
        "tc33-name",
        f'T-C.33: sub kegiatan {code} is named "Sosialisasi Terkait Pencatatan Sipil" (the name of 2.12.03.2.02.08); '
        "official: Sosialisasi Pendaftaran Penduduk",
        {"rule": "NOM-004", "code": code},
        {"rule": "XT-002", "code": code},
        {"rule": "NAR-008", "code": code},
        {"rule": "NAR-005", "code": code},
        {"rule": "NAR-006", "text": "Sosialisasi Pendaftaran Penduduk"},
    )

    # 5. T-C.33 header: prakiraan maju year not moved on from last year's file
    header = spec["tables"]["tc33"]["header"][0]
    header[4]["text"] = f"Prakiraan Maju Rencana Tahun {YEAR}"
    declare(
        "tc33-header-year",
        f'T-C.33 header: "Prakiraan Maju Rencana Tahun {YEAR}" (should be {YEAR + 1}), the same year as the plan year',
        {"rule": "YEAR-001", "table": "T-C.33"},
    )

    # 6. T-C.32 caption names the year of the Musrenbang instead of the plan year
    block = common.find_block(spec, "caption", "T-C.32 Usulan Program")
    block["lines"][1] = block["lines"][1].replace(f"Tahun {YEAR}", f"Tahun {YEAR - 1}")
    declare(
        "tc32-caption-year",
        f'Tabel 2.7 (T-C.32) caption says "... Pemangku Kepentingan Tahun {YEAR - 1}"; the proposals are for {YEAR}',
        {"rule": "YEAR-008", "table": "T-C.32", "text": str(YEAR - 1)},
    )

    # 7. BAB IV: the total in figures mistyped (words and table say otherwise)
    right = rp(b.total)
    wrong = "Rp" + rupiah(int(str(b.total).replace("815", "851", 1)), ".") + ",00"
    replace_text(spec, f"sebesar {right} (", f"sebesar {wrong} (")
    declare(
        "narrative-total",
        f"BAB IV: total budget written {wrong} while its words and T-C.33 say {right}",
        {"rule": "NAR-001", "text": wrong[2:-3]},
        {"rule": "NAR-003", "text": wrong[2:-3]},
        {"rule": "NAR-002", "text": wrong[2:-3]},
    )

    # 8. a paragraph copied from another city's Renja (unit and kelurahan of Kota Kediri)
    isu = common.find_block(spec, "list", "Pemanfaatan data kependudukan oleh perangkat daerah")
    at = spec["body"].index(isu) + 1
    spec["body"].insert(
        at,
        para(
            "Untuk menjawab isu tersebut, Dinas Kependudukan dan Pencatatan Sipil Kota Kediri akan memperluas layanan "
            "jemput bola di Kelurahan Bandar Lor dan Kelurahan Setonogedong, serta menambah loket pelayanan akta di "
            "Mal Pelayanan Publik Kota Kediri."
        ),
    )
    declare(
        "copied-paragraph",
        "BAB II 2.3: a paragraph copied from Dispendukcapil Kota Kediri's Renja names Kota Kediri and its kelurahan "
        "Bandar Lor and Setonogedong",
        {"rule": "NAR-014", "text": "Kediri"},
        {"rule": "NAR-014", "text": "Bandar Lor"},
        {"rule": "NAR-014", "text": "Setonogedong"},
        {"rule": "NAR-018", "text": "Bandar Lor"},
        {"rule": "NAR-018", "text": "Setonogedong"},
    )

    # 9. Tabel 2.4 (service statistics): Jumlah row of Triwulan III does not add up
    jumlah = spec["tables"]["layanan"]["rows"][-1]["cells"]
    right_tw3 = jumlah["tw3"]
    wrong_tw3 = num(int(right_tw3.replace(".", "")) + 100)
    jumlah["tw3"] = wrong_tw3
    declare(
        "service-total-row",
        f"Tabel 2.4: the Jumlah row says {wrong_tw3} for Triwulan III, but the services add up to {right_tw3}",
        {"rule": "TOT-013", "text": wrong_tw3},
    )

    # 10. KATA PENGANTAR claims every 2024 target was met; T-C.29 shows three sub kegiatan below 100 %
    replace_text(
        spec,
        "Sebagian besar target kinerja tahun 2024 telah tercapai, namun masih terdapat beberapa sub kegiatan yang "
        "realisasinya belum sesuai target sebagaimana diuraikan pada Bab II, sehingga menjadi bahan perbaikan dalam "
        "perencanaan tahun ini.",
        "Seluruh target kinerja tahun 2024 telah tercapai 100%, sehingga capaian tersebut menjadi landasan dalam "
        "perencanaan tahun ini.",
    )
    declare(
        "all-targets-claim",
        'KATA PENGANTAR: "Seluruh target kinerja tahun 2024 telah tercapai 100%", while T-C.29 shows three sub '
        "kegiatan and two kegiatan below 100 %",
        {"rule": "NAR-015"},
    )

    # 11. BAB II: the number of sub kegiatan that fell short is wrong (three are named, T-C.29 shows three)
    replace_text(spec, "sebanyak 3 (tiga) sub kegiatan belum", "sebanyak 2 (dua) sub kegiatan belum")
    declare(
        "shortfall-count",
        'BAB II 2.1: "sebanyak 2 (dua) sub kegiatan belum mencapai target", but T-C.29 shows 3 sub kegiatan below 100 %',
        {"rule": "NAR-016"},
    )

    # 12. BAB IV list of programs leaves out the last program but still announces five
    programs = common.find_block(spec, "list", "dengan pagu indikatif")
    dropped = programs["items"].pop()
    declare(
        "bab4-program-missing",
        f'BAB IV: the list of programs announced as 5 (lima) omits "{dropped[3 : dropped.index(" dengan")]}" (2.12.05)',
        {"rule": "NAR-009", "code": "2.12.05"},
        {"rule": "NAR-004", "text": "5"},
    )

    spec["defects"] = defects
    return spec


def build() -> list[dict[str, Any]]:
    clean = clean_spec()
    return [clean, defects_spec(clean)]


COMMENT = """Family kota-dinas: Renja {year} of Dinas Kependudukan dan Pencatatan Sipil Kota Madiun.
Written by samples/families/kota_dinas.py; do not edit by hand.
{what}"""


def main() -> None:
    clean, defects = build()
    print(write_spec(clean, COMMENT.format(year=YEAR, what="Clean document: no declared defects.")))
    print(
        write_spec(
            defects,
            COMMENT.format(year=YEAR, what="Defect variant: the clean document with the declared defects below."),
        )
    )


if __name__ == "__main__":
    main()
