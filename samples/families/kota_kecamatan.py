"""Family "kecamatan-kota": the Renja 2026 of a city's kecamatan (Kecamatan Lowokwaru, Kota Malang),
built apart from the tool's tuning as a third held-out check of precision.

    .venv/bin/python -m samples.families.kota_kecamatan      (run from the repository root)

Writes samples/specs/lowokwaru-2026.yaml (clean) and
samples/specs/lowokwaru-2026-defects.yaml (the same document with declared defects).

What the layout does that the other families do not:
- a kecamatan in a CITY: kelurahan only (no desa, so no program 7.01.06), Lurah, Wali Kota, dana
  kelurahan spent through 7.01.03.2.02.02 with one aktivitas per kelurahan;
- an Excel-heavy office: T-C.29, T-C.31, T-C.33 and the BAB IV table are all printed from Calc
  (render: calc, captions inside the sheet), the narrative and the small tables from Writer;
- money in THOUSANDS in two tables: T-C.31 headed "Pagu Indikatif (Rp.000)" / "Kebutuhan Dana
  (Rp.000)" and the BAB IV table whose caption says "(dalam ribuan rupiah)" under a header
  without unit, while T-C.33 is in full rupiah;
- T-C.33 as in the seed: its JUMLAH row at the TOP, directly under the number row; aktivitas
  rows under every sub kegiatan (one column "Aktivitas"); four-digit sub kegiatan codes in a
  code column so narrow that Calc wraps them inside the cell; T-C.33 in BAB III (3.3) as the
  seed places it, the BAB IV table after it;
- T-C.29 with canonical two-digit codes (last year's evaluation sheet), T-C.31 / T-C.33 /
  BAB IV table with SIPD's four-digit codes; captions without the T-C name on T-C.29, T-C.31
  and the BAB IV table, "(T-C.33)" after the number on T-C.33, "Tabel 2.4 T-C.30" on T-C.30;
- T-C.30 grouped by a heading row per kind of service ("A. Pelayanan Administrasi", ...);
- chapters "BAB I. PENDAHULUAN" on one line with a dot, sections "2.1." and sub-sections
  "2.1.1." with trailing dots; Liberation Serif 12 pt body, 7 pt tables; body pages
  numbered "Hal. 5" (front matter i, ii), Calc pages with Calc's bare number;
- narrative lists with "•" bullets and "a)" / "b)" markers, percentages written "95,5 persen",
  counts in words ("12 (dua belas) kelurahan"), the borders with neighbouring kecamatan, 2024
  (n-2) evaluation statements (shortfalls named with their rates, budget realisation), the
  total pagu in figures and words split into belanja operasi/modal, a BAB IV list of
  programs with their amounts, legal references with their years;
- a population table per kelurahan with a "Total" row AND a "Total" column (RW, RT, L, P),
  and a table of service standards without any total.

Column keys invented for this family (spec only): population no/kelurahan/rw/rt/laki/perempuan/
total; service standards no/jenis/persyaratan/waktu/biaya; T-C.31 catatan.
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
    round_to,
    rupiah,
    section,
    table,
    terbilang,
    write_spec,
)

CLEAN_ID = "lowokwaru-2026"
DEFECTS_ID = "lowokwaru-2026-defects"
FAMILY = "kecamatan-kota"
HEAD = "7.01"
YEAR = 2026
SEED = 2650

UNIT = "Kecamatan Lowokwaru"
UNIT_UP = UNIT.upper()
CITY = "Kota Malang"
FULL = f"{UNIT} {CITY}"
PLACE_DATE = "Malang, Juni 2025"
CAMAT = ("Drs. HENDRA WIJAYANTO, M.AP.", "Pembina Tingkat I", "NIP. 19730512 199303 1 004")
LOKASI = "Kec. Lowokwaru"
RENSTRA = "2025-2029"
BODY_PAGES = "Hal. {}"
GAJI = "7.01.01.2.02.01"
# Belanja modal (BAB IV narrative): equipment, the dana kelurahan works and the office rehabilitation.
MODAL_SUBS = ("7.01.01.2.07.06", "7.01.03.2.02.02", "7.01.01.2.09.09")

KELURAHAN = [
    "Tunggulwulung",
    "Merjosari",
    "Tlogomas",
    "Dinoyo",
    "Sumbersari",
    "Ketawanggede",
    "Jatimulyo",
    "Lowokwaru",
    "Tulusrejo",
    "Mojolangu",
    "Tunjungsekar",
    "Tasikmadu",
]

# --------------------------------------------------------------------------- words


def rp(n: int) -> str:
    """'Rp 6.458.120.000' as this office writes amounts in its text."""
    return f"Rp {rupiah(n, '.')}"


def persen(value: float) -> str:
    """'95,5 persen' (one decimal, none when whole)."""
    rounded = round(value, 2)
    if rounded == int(rounded):
        return f"{int(rounded)} persen"
    text = num(rounded, 2).rstrip("0")
    return f"{text} persen"


def ribu(amount: int) -> int:
    """Full rupiah -> thousands (every amount of this document is a multiple of 1000)."""
    assert amount % 1000 == 0, amount
    return amount // 1000


# --------------------------------------------------------------------------- the plan 2026

# sub kegiatan -> (target 2026, target 2027, sumber dana, [(aktivitas, lokasi, pagu 2026)])
PLAN: dict[str, tuple[int, int, str, list[tuple[str, str, int]]]] = {
    "7.01.01.2.01.01": (
        3,
        3,
        "PAD",
        [
            (f"Penyusunan Renja Kecamatan Lowokwaru Tahun {YEAR + 1}", LOKASI, 6_250_000),
            (f"Penyusunan Renja Perubahan Tahun {YEAR}", LOKASI, 3_800_000),
            (f"Penyusunan Perjanjian Kinerja Tahun {YEAR}", LOKASI, 2_150_000),
        ],
    ),
    "7.01.01.2.01.02": (2, 2, "PAD", [("Penyusunan Dokumen RKA Kecamatan", LOKASI, 4_500_000)]),
    "7.01.01.2.01.06": (
        5,
        5,
        "PAD",
        [
            (f"Penyusunan LKjIP Kecamatan Lowokwaru Tahun {YEAR - 1}", LOKASI, 3_750_000),
            ("Penyusunan Laporan Kinerja Triwulanan", LOKASI, 2_400_000),
        ],
    ),
    "7.01.01.2.01.07": (4, 4, "PAD", [("Evaluasi Pelaksanaan Renja Triwulan I s/d IV", LOKASI, 2_850_000)]),
    GAJI: (
        38,
        38,
        "DAU",
        [
            ("Pembayaran Gaji dan Tunjangan PNS", LOKASI, 3_816_420_000),
            ("Pembayaran Gaji dan Tunjangan PPPK", LOKASI, 412_860_000),
        ],
    ),
    "7.01.01.2.02.02": (12, 12, "PAD", [("Honorarium Pengelola Keuangan", LOKASI, 28_800_000)]),
    "7.01.01.2.02.05": (1, 1, "PAD", [("Penyusunan Laporan Keuangan Akhir Tahun", LOKASI, 3_600_000)]),
    "7.01.01.2.02.07": (
        12,
        12,
        "PAD",
        [("Penyusunan Laporan Keuangan Bulanan, Triwulanan dan Semesteran", LOKASI, 4_200_000)],
    ),
    "7.01.01.2.03.06": (2, 2, "PAD", [("Inventarisasi dan Penatausahaan Barang Milik Daerah", LOKASI, 3_150_000)]),
    "7.01.01.2.05.02": (
        1,
        1,
        "PAD",
        [
            ("Pengadaan Pakaian Dinas Harian", LOKASI, 14_250_000),
            ("Pengadaan Pakaian Batik Khas Malangan", LOKASI, 9_500_000),
        ],
    ),
    "7.01.01.2.06.01": (1, 1, "PAD", [("Pengadaan Lampu dan Komponen Instalasi Listrik", LOKASI, 4_850_000)]),
    "7.01.01.2.06.04": (
        1,
        1,
        "PAD",
        [("Pengadaan Alat Tulis Kantor", LOKASI, 38_650_000), ("Pengadaan Bahan Pembersih", LOKASI, 9_870_000)],
    ),
    "7.01.01.2.06.05": (
        1,
        1,
        "PAD",
        [("Pencetakan Blanko dan Formulir Pelayanan", LOKASI, 18_400_000), ("Penggandaan Dokumen", LOKASI, 6_750_000)],
    ),
    "7.01.01.2.06.09": (
        12,
        12,
        "PAD",
        [
            ("Rapat Koordinasi Camat dengan Lurah se-Kecamatan Lowokwaru", LOKASI, 24_600_000),
            ("Perjalanan Dinas Dalam Daerah", LOKASI, 18_360_000),
            ("Konsultasi ke Luar Daerah", LOKASI, 12_500_000),
        ],
    ),
    "7.01.01.2.07.06": (
        6,
        4,
        "PAD",
        [
            ("Pengadaan Komputer PC untuk Ruang Pelayanan", LOKASI, 72_000_000),
            ("Pengadaan Printer", LOKASI, 13_500_000),
            ("Pengadaan Air Conditioner Ruang Pelayanan", LOKASI, 24_000_000),
        ],
    ),
    "7.01.01.2.08.02": (
        12,
        12,
        "PAD",
        [
            ("Pembayaran Jasa Listrik", LOKASI, 96_000_000),
            ("Pembayaran Jasa Air", LOKASI, 7_200_000),
            ("Pembayaran Jasa Internet", LOKASI, 21_600_000),
        ],
    ),
    "7.01.01.2.08.04": (
        12,
        12,
        "PAD",
        [
            ("Honorarium Tenaga Kebersihan", LOKASI, 86_400_000),
            ("Honorarium Tenaga Keamanan", LOKASI, 64_800_000),
            ("Honorarium Tenaga Administrasi Pelayanan", LOKASI, 129_600_000),
        ],
    ),
    "7.01.01.2.09.02": (
        7,
        7,
        "PAD",
        [
            ("Pemeliharaan Kendaraan Dinas Roda 4", LOKASI, 28_600_000),
            ("Pemeliharaan Kendaraan Dinas Roda 2", LOKASI, 9_450_000),
            ("Pembayaran Pajak Kendaraan Dinas", LOKASI, 6_820_000),
        ],
    ),
    "7.01.01.2.09.09": (1, 1, "PAD", [("Rehabilitasi Ruang Pelayanan PATEN", LOKASI, 185_000_000)]),
    "7.01.02.2.01.02": (
        12,
        12,
        "PAD",
        [
            ("Monitoring Penyelenggaraan Pemerintahan Kelurahan", LOKASI, 14_400_000),
            ("Pembinaan Administrasi Kelurahan", LOKASI, 9_600_000),
        ],
    ),
    "7.01.02.2.02.03": (
        12,
        12,
        "PAD",
        [("Survei Kepuasan Masyarakat", LOKASI, 12_500_000), ("Pelayanan PATEN Keliling", LOKASI, 18_750_000)],
    ),
    "7.01.02.2.04.03": (4, 4, "PAD", [("Fasilitasi Pelayanan Perizinan yang Dilimpahkan", LOKASI, 7_800_000)]),
    "7.01.03.2.02.01": (
        12,
        12,
        "PAD",
        [
            ("Fasilitasi Musrenbang Kelurahan se-Kecamatan Lowokwaru", LOKASI, 18_000_000),
            ("Penyelenggaraan Musrenbang Kecamatan", LOKASI, 15_600_000),
        ],
    ),
    "7.01.03.2.02.02": (
        6,
        6,
        "DAU",
        [
            ("Paving Jalan Lingkungan RW 03", "Kel. Tlogomas", 148_500_000),
            ("Perbaikan Saluran Drainase RW 07", "Kel. Merjosari", 196_200_000),
            ("Pembangunan Tembok Penahan Tanah RW 02", "Kel. Tunggulwulung", 172_800_000),
            ("Perbaikan Jalan Lingkungan RW 05", "Kel. Jatimulyo", 126_400_000),
            ("Pembangunan Saluran Air Hujan RW 04", "Kel. Tunjungsekar", 158_300_000),
            ("Rehabilitasi Balai RW 06", "Kel. Mojolangu", 94_600_000),
        ],
    ),
    "7.01.03.2.02.03": (
        24,
        24,
        "PAD",
        [
            ("Pembinaan Kader Posyandu", LOKASI, 21_600_000),
            ("Pelatihan Keterampilan UMKM Kelurahan", LOKASI, 32_400_000),
        ],
    ),
    "7.01.03.2.03.02": (36, 36, "PAD", [("Peningkatan Kapasitas Pengurus RT, RW dan LPMK", LOKASI, 27_000_000)]),
    "7.01.03.2.06.03": (120, 120, "PAD", [("Pembinaan Kelompok Pekarangan Pangan Lestari", LOKASI, 16_800_000)]),
    "7.01.04.2.01.01": (12, 12, "PAD", [("Rapat Koordinasi Tiga Pilar Kecamatan", LOKASI, 14_400_000)]),
    "7.01.04.2.01.02": (4, 4, "PAD", [("Silaturahmi dengan Tokoh Agama dan Tokoh Masyarakat", LOKASI, 9_600_000)]),
    "7.01.04.2.02.01": (12, 12, "PAD", [("Operasi Gabungan Penertiban PKL dan Reklame", LOKASI, 22_800_000)]),
    "7.01.05.2.01.03": (
        150,
        150,
        "PAD",
        [("Pembinaan Wawasan Kebangsaan bagi Pemuda dan Mahasiswa", LOKASI, 12_600_000)],
    ),
    "7.01.05.2.01.08": (
        12,
        12,
        "PAD",
        [("Rapat Forkopimcam", LOKASI, 16_200_000), ("Monitoring Wilayah Forkopimcam", LOKASI, 8_400_000)],
    ),
}

# Kebutuhan dana (T-C.31, hasil analisis kebutuhan) above the pagu, with the note.
KEBUTUHAN: dict[str, tuple[int, str]] = {
    "7.01.01.2.07.06": (146_000_000, "Penambahan 2 unit komputer loket"),
    "7.01.03.2.02.02": (1_124_500_000, "Usulan Musrenbang Kelurahan melebihi pagu dana kelurahan"),
    "7.01.04.2.02.01": (30_600_000, "Penambahan frekuensi operasi gabungan"),
}

# Program and kegiatan indicators (the office's own; not in the nomenclature):
# code -> (indicator, target 2026, target 2027), all percentages.
PARENT_INDICATORS: dict[str, tuple[str, str, str]] = {
    "7.01.01": ("Persentase pemenuhan layanan penunjang urusan pemerintahan Kecamatan", "100", "100"),
    "7.01.01.2.01": (
        "Persentase dokumen perencanaan, penganggaran dan evaluasi kinerja yang tersusun tepat waktu",
        "100",
        "100",
    ),
    "7.01.01.2.02": ("Persentase layanan administrasi keuangan yang terpenuhi", "100", "100"),
    "7.01.01.2.03": ("Persentase barang milik daerah yang tertatausahakan", "100", "100"),
    "7.01.01.2.05": ("Persentase pemenuhan kebutuhan administrasi kepegawaian", "100", "100"),
    "7.01.01.2.06": ("Persentase layanan administrasi umum yang terpenuhi", "100", "100"),
    "7.01.01.2.07": ("Persentase pemenuhan sarana dan prasarana kerja", "100", "100"),
    "7.01.01.2.08": ("Persentase layanan jasa penunjang kantor yang terpenuhi", "100", "100"),
    "7.01.01.2.09": ("Persentase barang milik daerah dalam kondisi baik", "92", "93"),
    "7.01.02": (
        "Persentase layanan administrasi kecamatan yang diselesaikan sesuai standar pelayanan",
        "97,50",
        "98,00",
    ),
    "7.01.02.2.01": ("Persentase kelurahan yang tertib administrasi pemerintahan", "100", "100"),
    "7.01.02.2.02": ("Persentase layanan kepada masyarakat yang terselenggara sesuai SOP", "100", "100"),
    "7.01.02.2.04": ("Persentase kewenangan yang dilimpahkan yang terlaksana", "100", "100"),
    "7.01.03": ("Persentase lembaga kemasyarakatan kelurahan yang aktif", "90,00", "91,00"),
    "7.01.03.2.02": ("Persentase kelurahan yang melaksanakan pemberdayaan masyarakat", "100", "100"),
    "7.01.03.2.03": ("Persentase lembaga kemasyarakatan yang ditingkatkan kapasitasnya", "75", "80"),
    "7.01.03.2.06": ("Persentase kelurahan dengan kelompok PKK yang aktif", "100", "100"),
    "7.01.04": ("Persentase gangguan ketenteraman dan ketertiban umum yang tertangani", "96,00", "96,50"),
    "7.01.04.2.01": ("Persentase forum koordinasi ketenteraman yang terlaksana", "100", "100"),
    "7.01.04.2.02": ("Persentase operasi penegakan peraturan daerah yang terlaksana", "100", "100"),
    "7.01.05": ("Persentase kegiatan pembinaan kebangsaan yang terlaksana", "100", "100"),
    "7.01.05.2.01": ("Persentase rapat Forkopimcam dan pembinaan kebangsaan yang terlaksana", "100", "100"),
}

# --------------------------------------------------------------------------- evaluation 2024 (T-C.29)

# code -> (target Renstra 2029, realisasi s/d 2023, target 2024, realisasi 2024, target 2025);
# percentages for program/kegiatan rows, counts in the official unit for sub kegiatan.
EVAL: dict[str, tuple[float, float, float, float, float]] = {
    "7.01.01": (100, 100, 100, 100, 100),
    "7.01.01.2.01": (100, 100, 100, 100, 100),
    "7.01.01.2.01.01": (15, 3, 3, 3, 3),
    "7.01.01.2.01.02": (10, 2, 2, 2, 2),
    "7.01.01.2.01.06": (25, 5, 5, 5, 5),
    "7.01.01.2.02": (100, 100, 100, 100, 100),
    GAJI: (190, 36, 36, 36, 37),
    "7.01.01.2.02.02": (60, 12, 12, 12, 12),
    "7.01.01.2.02.05": (5, 1, 1, 1, 1),
    "7.01.01.2.02.07": (60, 12, 12, 12, 12),
    "7.01.01.2.03": (100, 100, 100, 100, 100),
    "7.01.01.2.03.06": (10, 2, 2, 2, 2),
    "7.01.01.2.06": (100, 100, 100, 100, 100),
    "7.01.01.2.06.04": (5, 1, 1, 1, 1),
    "7.01.01.2.06.05": (5, 1, 1, 1, 1),
    "7.01.01.2.06.09": (60, 12, 12, 12, 12),
    "7.01.01.2.08": (100, 100, 100, 100, 100),
    "7.01.01.2.08.02": (60, 12, 12, 12, 12),
    "7.01.01.2.08.04": (60, 12, 12, 12, 12),
    "7.01.01.2.09": (93, 88, 90, 90, 91),
    "7.01.01.2.09.02": (35, 7, 7, 7, 7),
    "7.01.02": (99, 95, 96, 97.8, 97),
    "7.01.02.2.01": (100, 100, 100, 100, 100),
    "7.01.02.2.01.02": (60, 12, 12, 12, 12),
    "7.01.02.2.02": (100, 100, 100, 95, 100),
    "7.01.02.2.02.03": (60, 12, 12, 10, 12),
    "7.01.02.2.04": (100, 100, 100, 100, 100),
    "7.01.02.2.04.03": (20, 4, 4, 4, 4),
    "7.01.03": (94, 84, 86, 87.5, 88),
    "7.01.03.2.02": (100, 100, 100, 90, 100),
    "7.01.03.2.02.01": (60, 12, 12, 12, 12),
    "7.01.03.2.02.02": (30, 6, 8, 7, 6),
    "7.01.03.2.02.03": (120, 24, 24, 24, 24),
    "7.01.03.2.06": (100, 100, 100, 100, 100),
    "7.01.03.2.06.03": (600, 120, 120, 120, 120),
    "7.01.04": (97.5, 93, 94, 95.2, 95),
    "7.01.04.2.01": (100, 100, 100, 100, 100),
    "7.01.04.2.01.01": (60, 12, 12, 12, 12),
    "7.01.04.2.01.02": (20, 4, 4, 4, 4),
    "7.01.05": (100, 100, 100, 100, 100),
    "7.01.05.2.01": (100, 100, 100, 100, 100),
    "7.01.05.2.01.08": (60, 12, 12, 12, 12),
}
# Budget 2024: pagu and realisation (BAB II narrative: 95,5 persen).
PAGU_2024 = 5_412_650_000
REALISASI_2024 = 5_169_080_750

# --------------------------------------------------------------------------- service indicators

# T-C.30 and the BAB III tujuan/sasaran tables: group, indicator, unit, targets 2024..2029,
# realisasi 2024, realisasi 2025 (semester I), SPM, IKK, catatan.
GROUPS = [
    ("A.", "Pelayanan Administrasi"),
    ("B.", "Pemberdayaan Masyarakat"),
    ("C.", "Ketenteraman dan Ketertiban Umum"),
]
INDICATORS: list[dict[str, Any]] = [
    {
        "group": 0,
        "indicator": "Indeks Kepuasan Masyarakat (IKM) terhadap pelayanan Kecamatan Lowokwaru",
        "unit": "poin",
        "targets": ["85,00", "86,00", "86,50", "87,00", "87,50", "88,00"],
        "r2024": "86,42",
        "r2025": "86,90",
        "spm": "-",
        "ikk": "-",
        "formula": "Rata-rata tertimbang nilai unsur pelayanan x 25",
        "catatan": "Nilai terendah pada unsur sarana dan prasarana ruang tunggu",
    },
    {
        "group": 0,
        "indicator": "Persentase layanan PATEN yang diselesaikan sesuai standar pelayanan",
        "unit": "%",
        "targets": ["96,00", "97,00", "97,50", "98,00", "98,50", "99,00"],
        "r2024": "97,80",
        "r2025": "97,20",
        "spm": "-",
        "ikk": "Ya",
        "formula": "(Jumlah layanan selesai sesuai standar / jumlah layanan) x 100%",
        "catatan": "Keterlambatan pada layanan yang memerlukan verifikasi lapangan",
    },
    {
        "group": 1,
        "indicator": "Persentase lembaga kemasyarakatan kelurahan yang aktif",
        "unit": "%",
        "targets": ["86,00", "88,00", "90,00", "91,00", "92,50", "94,00"],
        "r2024": "87,50",
        "r2025": "88,40",
        "spm": "-",
        "ikk": "-",
        "formula": "(Jumlah lembaga kemasyarakatan yang aktif / jumlah lembaga kemasyarakatan) x 100%",
        "catatan": "Sebagian pengurus RT/RW baru terbentuk setelah pemilihan",
    },
    {
        "group": 1,
        "indicator": "Persentase usulan Musrenbang Kelurahan yang diakomodasi dalam RKPD",
        "unit": "%",
        "targets": ["55,00", "57,50", "60,00", "62,50", "65,00", "67,50"],
        "r2024": "56,30",
        "r2025": "58,10",
        "spm": "-",
        "ikk": "-",
        "formula": "(Jumlah usulan yang diakomodasi / jumlah usulan terverifikasi) x 100%",
        "catatan": "Usulan drainase dan jalan lingkungan melebihi pagu dana kelurahan",
    },
    {
        "group": 2,
        "indicator": "Persentase gangguan ketenteraman dan ketertiban umum yang tertangani",
        "unit": "%",
        "targets": ["94,00", "95,00", "96,00", "96,50", "97,00", "97,50"],
        "r2024": "95,20",
        "r2025": "95,60",
        "spm": "Ya",
        "ikk": "Ya",
        "formula": "(Jumlah gangguan yang tertangani / jumlah gangguan yang dilaporkan) x 100%",
        "catatan": "Gangguan didominasi parkir liar dan PKL di sekitar kampus",
    },
]
TUJUAN = "Meningkatnya kualitas pelayanan publik dan penyelenggaraan pemerintahan di wilayah Kecamatan Lowokwaru"
SASARAN = [
    ("Meningkatnya kualitas pelayanan administrasi kecamatan", 1),
    ("Meningkatnya partisipasi lembaga kemasyarakatan kelurahan", 2),
    ("Meningkatnya ketenteraman dan ketertiban umum", 4),
]

USULAN = [  # name, lokasi, indicator, besaran, catatan
    (
        "Pembangunan saluran drainase lingkungan",
        "Kel. Merjosari RW 07",
        "Panjang saluran yang dibangun",
        "250 m",
        "Diakomodasi pada Sub Kegiatan Pembangunan Sarana dan Prasarana Kelurahan",
    ),
    (
        "Paving jalan lingkungan",
        "Kel. Tlogomas RW 03",
        "Luas jalan yang dipaving",
        "600 m2",
        "Diakomodasi pada Sub Kegiatan Pembangunan Sarana dan Prasarana Kelurahan",
    ),
    (
        "Pelatihan keterampilan bagi pelaku UMKM",
        "Kel. Dinoyo",
        "Jumlah peserta",
        "40 orang",
        "Diakomodasi pada Sub Kegiatan Pemberdayaan Masyarakat di Kelurahan",
    ),
    (
        "Penambahan lampu penerangan jalan umum",
        "Kel. Tasikmadu",
        "Jumlah titik lampu",
        "25 titik",
        "Kewenangan perangkat daerah teknis; diteruskan melalui Musrenbang Kota",
    ),
    (
        "Penertiban parkir liar di sekitar kampus",
        "Kel. Sumbersari dan Kel. Ketawanggede",
        "Jumlah kegiatan penertiban",
        "12 kali",
        "Diakomodasi pada Sub Kegiatan Koordinasi/Sinergi Penegakan Peraturan Perundang-Undangan",
    ),
]

STANDAR = [  # jenis, persyaratan, waktu, biaya
    (
        "Surat Keterangan Ahli Waris",
        "Surat pengantar kelurahan; fotokopi KTP dan KK para ahli waris; surat keterangan kematian",
        "3 hari kerja",
        "Tidak dipungut biaya",
    ),
    (
        "Legalisasi Dokumen Kependudukan",
        "Dokumen asli dan fotokopinya; KTP pemohon",
        "1 hari kerja",
        "Tidak dipungut biaya",
    ),
    (
        "Rekomendasi Izin Keramaian",
        "Surat permohonan; surat pengantar kelurahan; denah lokasi kegiatan",
        "2 hari kerja",
        "Tidak dipungut biaya",
    ),
    (
        "Surat Keterangan Tidak Mampu",
        "Surat pengantar RT/RW dan kelurahan; fotokopi KTP dan KK",
        "1 hari kerja",
        "Tidak dipungut biaya",
    ),
    (
        "Dispensasi Nikah Kurang dari 10 Hari Kerja",
        "Surat permohonan; surat pengantar kelurahan; formulir N1-N4",
        "1 hari kerja",
        "Tidak dipungut biaya",
    ),
]


# --------------------------------------------------------------------------- helpers


def budget(nom: Any) -> Budget:
    """Sub kegiatan amounts are the sums of their aktivitas; prakiraan maju per aktivitas, seeded."""
    rng = random.Random(SEED)
    b = Budget(nom, HEAD)
    for code, (target, target_next, sumber, activities) in PLAN.items():
        acts = []
        for name, lokasi, amount in activities:
            acts.append((name, lokasi, amount, round_to(amount * rng.uniform(1.02, 1.08), 1000)))
        b.add(
            code,
            sum(a[2] for a in acts),
            sum(a[3] for a in acts),
            target=target,
            target_next=target_next,
            sumber=sumber,
            aktivitas=acts,
        )
    return b


def unit_of(line: Line) -> str:
    return (line.official.satuan or "") if line.official.level == "sub_kegiatan" else "%"


def with_unit(value: str, unit: str) -> str:
    return f"{value}%" if unit == "%" else f"{value} {unit}"


def targets_of(line: Line) -> tuple[str, str, str]:
    """(indicator, target 2026 with unit, target 2027 with unit) of a row."""
    unit = unit_of(line)
    if line.official.level == "sub_kegiatan":
        return (
            line.official.indikator or "",
            with_unit(num(line.extra["target"]), unit),
            with_unit(num(line.extra["target_next"]), unit),
        )
    indicator, t, t_next = PARENT_INDICATORS[line.official.code]
    return indicator, with_unit(t, unit), with_unit(t_next, unit)


def sumber_of(line: Line, subs: list[Line]) -> str:
    if line.official.level == "sub_kegiatan":
        return str(line.extra["sumber"])
    own = sorted({str(s.extra["sumber"]) for s in subs if s.official.code.startswith(line.official.code + ".")})
    return ", ".join(own)


def needs(b: Budget) -> dict[str, int]:
    return {line.official.code: KEBUTUHAN.get(line.official.code, (line.amount, ""))[0] for line in b.subs}


def title_program(name: str) -> str:
    """'PROGRAM PENUNJANG URUSAN ...' -> 'Program Penunjang Urusan ...' (small words lower)."""
    return common.title_case(name, ("dan", "di", "pada", "atau", "yang", "dalam"))


col = common.column
h = common.header_cell


# --------------------------------------------------------------------------- tables


def tc33(b: Budget) -> dict[str, Any]:
    """T-C.33 from Calc: JUMLAH row at the top, aktivitas rows, four-digit codes in a narrow column."""
    subs = b.subs
    rows: list[dict[str, Any]] = [
        {"level": "total", "code": None, "cells": {"name": "JUMLAH", "amount": b.total, "amount_next": b.total_next}}
    ]
    for line in b.tree():
        code = line.official.code
        indicator, target, target_next = targets_of(line)
        rows.append(
            {
                "level": line.official.level,
                "code": code,
                "cells": {
                    "code": four_digit(code),
                    "name": line.official.name,
                    "indicator": indicator,
                    "lokasi": LOKASI,
                    "target": target,
                    "amount": line.amount,
                    "sumber_dana": sumber_of(line, subs),
                    "target_next": target_next,
                    "amount_next": line.amount_next,
                },
            }
        )
        if line.official.level == "sub_kegiatan":
            for name, lokasi, amount, amount_next in line.extra["aktivitas"]:
                rows.append(
                    {
                        "level": "aktivitas",
                        "code": None,
                        "cells": {
                            "aktivitas": name,
                            "lokasi": lokasi,
                            "amount": amount,
                            "sumber_dana": str(line.extra["sumber"]),
                            "amount_next": amount_next,
                        },
                    }
                )
    return {
        "kind": "T-C.33",
        "render": "calc",
        "caption": [
            "Tabel 3.3 (T-C.33)",
            f"Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun {YEAR} dan Prakiraan Maju Tahun {YEAR + 1}",
            f"{UNIT} {CITY}",
        ],
        "columns": [
            col("code", 1.7),
            col("name", 3.4),
            col("indicator", 3.6),
            col("aktivitas", 3.3),
            col("lokasi", 1.9, "center"),
            col("target", 1.7, "center"),
            col("amount", 2.3, "right"),
            col("sumber_dana", 1.2, "center"),
            col("target_next", 1.7, "center"),
            col("amount_next", 2.3, "right"),
        ],
        "header": [
            [
                h("Kode", 2),
                h("Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan", 2),
                h("Indikator Kinerja Program/Kegiatan/Sub Kegiatan", 2),
                h("Aktivitas", 2),
                h(f"Rencana Tahun {YEAR}", 1, 4),
                h(f"Prakiraan Maju Rencana Tahun {YEAR + 1}", 1, 2),
            ],
            [
                h("Lokasi"),
                h("Target Capaian Kinerja"),
                h("Kebutuhan Dana/ Pagu Indikatif (Rp)"),
                h("Sumber Dana"),
                h("Target Capaian Kinerja"),
                h("Kebutuhan Dana/ Pagu Indikatif (Rp)"),
            ],
        ],
        "number_row": [str(i) for i in range(1, 11)],
        "rows": rows,
    }


def tc31(b: Budget) -> dict[str, Any]:
    """T-C.31 from Calc, money in thousands ("(Rp.000)"), JUMLAH at the bottom, a Catatan column."""
    need = needs(b)
    rows: list[dict[str, Any]] = []
    for line in b.tree():
        code = line.official.code
        indicator, target, _ = targets_of(line)
        kebutuhan = sum(v for c, v in need.items() if c == code or c.startswith(code + "."))
        note = KEBUTUHAN.get(code, (0, ""))[1] if line.official.level == "sub_kegiatan" else ""
        cells = {
            "code": four_digit(code),
            "name": line.official.name,
            "lokasi": LOKASI,
            "indicator": indicator,
            "target": target,
            "pagu": ribu(line.amount),
            "name_kebutuhan": line.official.name,
            "lokasi_kebutuhan": LOKASI,
            "indicator_kebutuhan": indicator,
            "target_kebutuhan": target,
            "kebutuhan_dana": ribu(kebutuhan),
            "catatan": note,
        }
        rows.append({"level": line.official.level, "code": code, "cells": {k: v for k, v in cells.items() if v != ""}})
    rows.append(
        {
            "level": "total",
            "code": None,
            "cells": {"name": "JUMLAH", "pagu": ribu(b.total), "kebutuhan_dana": ribu(sum(need.values()))},
        }
    )
    return {
        "kind": "T-C.31",
        "render": "calc",
        "caption": [
            "TABEL 2.5",
            f"REVIEW TERHADAP RANCANGAN AWAL RKPD TAHUN {YEAR}",
            f"{UNIT_UP} {CITY.upper()}",
        ],
        "columns": [
            col("code", 2.5),
            col("name", 3.0),
            col("lokasi", 1.5, "center"),
            col("indicator", 3.0),
            col("target", 1.5, "center"),
            col("pagu", 1.7, "right"),
            col("name_kebutuhan", 3.0),
            col("lokasi_kebutuhan", 1.5, "center"),
            col("indicator_kebutuhan", 3.0),
            col("target_kebutuhan", 1.5, "center"),
            col("kebutuhan_dana", 1.7, "right"),
            col("catatan", 2.0),
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
                h("Pagu Indikatif (Rp.000)"),
                h("Program/ Kegiatan/ Sub Kegiatan"),
                h("Lokasi"),
                h("Indikator Kinerja"),
                h("Target Capaian"),
                h("Kebutuhan Dana (Rp.000)"),
            ],
        ],
        "number_row": [str(i) for i in range(1, 13)],
        "rows": rows,
    }


def tabel41(b: Budget) -> dict[str, Any]:
    """BAB IV table from Calc, portrait; the caption says the money is in thousands, the header does not."""
    rows: list[dict[str, Any]] = []
    for line in b.tree():
        indicator, target, _ = targets_of(line)
        rows.append(
            {
                "level": line.official.level,
                "code": line.official.code,
                "cells": {
                    "code": four_digit(line.official.code),
                    "name": line.official.name,
                    "indicator": indicator,
                    "lokasi": LOKASI,
                    "target": target,
                    "amount": ribu(line.amount),
                },
            }
        )
    rows.append({"level": "total", "code": None, "cells": {"name": "JUMLAH", "amount": ribu(b.total)}})
    return {
        "kind": "Tabel 4.1",
        "render": "calc",
        "caption": [
            "Tabel 4.1",
            f"Rencana Program, Kegiatan dan Sub Kegiatan {UNIT} Tahun {YEAR}",
            "(dalam ribuan rupiah)",
        ],
        "columns": [
            col("code", 2.3),
            col("name", 4.2),
            col("indicator", 4.6),
            col("lokasi", 1.9, "center"),
            col("target", 1.6, "center"),
            col("amount", 2.0, "right"),
        ],
        "header": [
            [
                h("Kode"),
                h("Program/Kegiatan/Sub Kegiatan"),
                h("Indikator Kinerja"),
                h("Lokasi"),
                h("Target Kinerja"),
                h(f"Pagu Indikatif Tahun {YEAR}"),
            ]
        ],
        "number_row": ["1", "2", "3", "4", "5", "6"],
        "rows": rows,
    }


def eval_lines(nom: Any) -> list[Any]:
    """The 2024 tree (T-C.29) in code order with official wording."""
    return [official(nom, code, HEAD) for code in sorted(EVAL, key=lambda c: [int(p) for p in c.split(".")])]


def tingkat(value: float) -> str:
    """A rate as T-C.29 prints it: '100%', '83,33%'."""
    rounded = round(value, 2)
    return f"{int(rounded)}%" if rounded == int(rounded) else f"{num(rounded, 2)}%"


def tc29(nom: Any) -> dict[str, Any]:
    """T-C.29 from Calc with canonical two-digit codes and a Nilai | Satuan pair per value."""
    rows = []
    for entry in eval_lines(nom):
        code = entry.code
        renstra, n3, t2, r2, t1 = EVAL[code]
        percent = entry.level != "sub_kegiatan"
        unit = "%" if percent else (entry.satuan or "")
        indicator = PARENT_INDICATORS[code][0] if percent else entry.indikator or ""
        d = 2 if any(v != int(v) for v in (renstra, n3, t2, r2, t1)) else 0
        capaian = t1 if percent else n3 + r2 + t1
        rows.append(
            {
                "level": entry.level,
                "code": code,
                "cells": {
                    "code": code,
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
                    "tingkat_realisasi": tingkat(r2 / t2 * 100),
                    "target_n1": num(t1, d),
                    "target_n1_unit": unit,
                    "realisasi_capaian": num(capaian, d),
                    "tingkat_capaian": tingkat(capaian / renstra * 100),
                },
            }
        )
    return {
        "kind": "T-C.29",
        "render": "calc",
        "caption": [
            "Tabel 2.1",
            "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah dan Pencapaian Renstra Perangkat Daerah "
            "s/d Tahun 2024",
            f"{UNIT} {CITY}",
        ],
        "columns": [
            col("code", 2.2),
            col("name", 3.6),
            col("indicator", 3.8),
            col("target_renstra", 1.0, "center"),
            col("target_renstra_unit", 1.3, "center"),
            col("realisasi_n3", 1.0, "center"),
            col("realisasi_n3_unit", 1.3, "center"),
            col("target_n2", 1.0, "center"),
            col("target_n2_unit", 1.3, "center"),
            col("realisasi_n2", 1.0, "center"),
            col("realisasi_n2_unit", 1.3, "center"),
            col("tingkat_realisasi", 1.2, "center"),
            col("target_n1", 1.0, "center"),
            col("target_n1_unit", 1.3, "center"),
            col("realisasi_capaian", 1.2, "center"),
            col("tingkat_capaian", 1.3, "center"),
        ],
        "header": [
            [
                h("Kode", 2),
                h("Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan", 2),
                h("Indikator Kinerja Program (Outcome)/ Kegiatan (Output)/ Sub Kegiatan", 2),
                h("Target Kinerja Capaian Program (Renstra PD) Tahun 2029", 2, 2),
                h("Realisasi Target Kinerja Program dan Kegiatan s/d Tahun 2023 (n-3)", 2, 2),
                h("Target dan Realisasi Kinerja Program dan Kegiatan Tahun Lalu (n-2) 2024", 1, 5),
                h("Target Program dan Kegiatan Renja PD Tahun Berjalan (n-1) 2025", 2, 2),
                h("Perkiraan Realisasi Capaian Target Renstra PD s/d Tahun 2025", 1, 2),
            ],
            [
                h("Target Renja PD Tahun 2024", 1, 2),
                h("Realisasi Renja PD Tahun 2024", 1, 2),
                h("Tingkat Realisasi (%)"),
                h("Realisasi Capaian Program dan Kegiatan s/d Tahun Berjalan"),
                h("Tingkat Capaian Realisasi Target Renstra (%)"),
            ],
        ],
        "number_row": [
            "1",
            "2",
            "3",
            "4",
            "",
            "5",
            "",
            "6",
            "",
            "7",
            "",
            "8=(7/6)",
            "9",
            "",
            "10=(5+7+9)",
            "11=(10/4)",
        ],
        "rows": rows,
    }


def tc30() -> dict[str, Any]:
    """T-C.30 in Writer, a heading row per kind of service ("A. Pelayanan Administrasi")."""
    years = [2024, 2025, 2026, 2027]
    rows: list[dict[str, Any]] = []
    number = 0
    for g, (letter, title) in enumerate(GROUPS):
        rows.append({"level": "other", "code": None, "cells": {"no": letter, "indicator": title}})
        for ind in INDICATORS:
            if ind["group"] != g:
                continue
            number += 1
            sign = "%" if ind["unit"] == "%" else ""
            t = dict(zip(range(2024, 2030), ind["targets"]))
            rows.append(
                {
                    "level": "other",
                    "code": None,
                    "cells": {
                        "no": str(number),
                        "indicator": ind["indicator"],
                        "spm": ind["spm"],
                        "ikk": ind["ikk"],
                        **{f"target_{y}": t[y] + sign for y in years},
                        "realisasi_2024": ind["r2024"] + sign,
                        "realisasi_2025": ind["r2025"] + sign,
                        "proyeksi_2026": t[2026] + sign,
                        "proyeksi_2027": t[2027] + sign,
                        "catatan": ind["catatan"],
                    },
                }
            )
    return {
        "kind": "T-C.30",
        "columns": [
            col("no", 0.8, "center"),
            col("indicator", 5.0),
            col("spm", 1.5, "center"),
            col("ikk", 1.2, "center"),
        ]
        + [col(f"target_{y}", 1.4, "center") for y in years]
        + [col("realisasi_2024", 1.4, "center"), col("realisasi_2025", 1.4, "center")]
        + [col("proyeksi_2026", 1.4, "center"), col("proyeksi_2027", 1.4, "center"), col("catatan", 4.5)],
        "header": [
            [
                h("No", 2),
                h("Indikator Kinerja sesuai Tugas dan Fungsi Perangkat Daerah", 2),
                h("Target SPM/ Standar Nasional", 2),
                h("Target IKK", 2),
                h("Target Renstra Perangkat Daerah Tahun", 1, 4),
                h("Realisasi Capaian Tahun", 1, 2),
                h("Proyeksi Tahun", 1, 2),
                h("Catatan Analisis", 2),
            ],
            [h("2024"), h("2025"), h("2026"), h("2027"), h("2024"), h("2025*"), h("2026"), h("2027")],
        ],
        "number_row": [str(i) for i in range(1, 14)],
        "rows": rows,
    }


def tc32() -> dict[str, Any]:
    rows = [
        {
            "level": "other",
            "code": None,
            "cells": {"no": str(i), "name": n, "lokasi": lok, "indicator": ind, "besaran": bes, "catatan": cat},
        }
        for i, (n, lok, ind, bes, cat) in enumerate(USULAN, start=1)
    ]
    return {
        "kind": "T-C.32",
        "columns": [
            col("no", 0.8, "center"),
            col("name", 4.0),
            col("lokasi", 2.6),
            col("indicator", 3.2),
            col("besaran", 1.8, "center"),
            col("catatan", 3.6),
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


def tujuan_table() -> dict[str, Any]:
    ind = INDICATORS[0]
    years = range(2025, 2030)
    t = dict(zip(range(2024, 2030), ind["targets"]))
    return {
        "kind": "Tabel 3.2",
        "columns": [col("no", 0.7, "center"), col("tujuan", 3.2), col("indicator", 3.4), col("formula", 3.6)]
        + [col(f"target_{y}", 1.1, "center") for y in years],
        "header": [
            [
                h("No", 2),
                h("Tujuan", 2),
                h("Indikator Tujuan", 2),
                h("Formulasi", 2),
                h("Target Kinerja Tujuan pada Tahun", 1, 5),
            ],
            [h(str(y)) for y in years],
        ],
        "rows": [
            {
                "level": "other",
                "code": None,
                "cells": {
                    "no": "1",
                    "tujuan": TUJUAN,
                    "indicator": ind["indicator"],
                    "formula": ind["formula"],
                    **{f"target_{y}": t[y] for y in years},
                },
            }
        ],
    }


def sasaran_table() -> dict[str, Any]:
    years = range(2025, 2030)
    rows = []
    for i, (sasaran, j) in enumerate(SASARAN, start=1):
        ind = INDICATORS[j]
        t = dict(zip(range(2024, 2030), ind["targets"]))
        rows.append(
            {
                "level": "other",
                "code": None,
                "cells": {
                    "no": str(i),
                    "sasaran": sasaran,
                    "indicator": ind["indicator"],
                    "formula": ind["formula"],
                    **{f"target_{y}": t[y] for y in years},
                },
            }
        )
    return {
        "kind": "Tabel 3.3",
        "columns": [col("no", 0.7, "center"), col("sasaran", 3.2), col("indicator", 3.4), col("formula", 3.6)]
        + [col(f"target_{y}", 1.1, "center") for y in years],
        "header": [
            [
                h("No", 2),
                h("Sasaran", 2),
                h("Indikator Sasaran", 2),
                h("Formulasi", 2),
                h("Target Kinerja Sasaran pada Tahun", 1, 5),
            ],
            [h(str(y)) for y in years],
        ],
        "rows": rows,
    }


def population() -> tuple[dict[str, Any], dict[str, int]]:
    """Penduduk per kelurahan: RW, RT, laki-laki, perempuan and a Total column; a Total row."""
    rng = random.Random(SEED + 1)
    rows = []
    sums = {"rw": 0, "rt": 0, "laki": 0, "perempuan": 0}
    for i, kel in enumerate(KELURAHAN, start=1):
        rw = rng.randint(5, 16)
        rt = rw * rng.randint(5, 9) + rng.randint(0, 4)
        laki = rng.randint(4_200, 11_800)
        perempuan = laki + rng.randint(-260, 340)
        for key, value in (("rw", rw), ("rt", rt), ("laki", laki), ("perempuan", perempuan)):
            sums[key] += value
        rows.append(
            {
                "level": "other",
                "code": None,
                "cells": {
                    "no": str(i),
                    "kelurahan": kel,
                    "rw": str(rw),
                    "rt": str(rt),
                    "laki": num(laki),
                    "perempuan": num(perempuan),
                    "total": num(laki + perempuan),
                },
            }
        )
    people = sums["laki"] + sums["perempuan"]
    rows.append(
        {
            "level": "total",
            "code": None,
            "cells": {
                "kelurahan": "Total",
                "rw": str(sums["rw"]),
                "rt": str(sums["rt"]),
                "laki": num(sums["laki"]),
                "perempuan": num(sums["perempuan"]),
                "total": num(people),
            },
        }
    )
    return {
        "kind": "other",
        "columns": [
            col("no", 0.9, "center"),
            col("kelurahan", 3.5),
            col("rw", 1.6, "center"),
            col("rt", 1.6, "center"),
            col("laki", 2.4, "right"),
            col("perempuan", 2.4, "right"),
            col("total", 2.4, "right"),
        ],
        "header": [
            [h("No", 2), h("Kelurahan", 2), h("Jumlah", 1, 2), h("Penduduk (jiwa)", 1, 3)],
            [h("RW"), h("RT"), h("Laki-laki"), h("Perempuan"), h("Total")],
        ],
        "rows": rows,
    }, {**sums, "jiwa": people}


def standards_table() -> dict[str, Any]:
    rows = [
        {
            "level": "other",
            "code": None,
            "cells": {"no": str(i), "jenis": jenis, "persyaratan": syarat, "waktu": waktu, "biaya": biaya},
        }
        for i, (jenis, syarat, waktu, biaya) in enumerate(STANDAR, start=1)
    ]
    return {
        "kind": "other",
        "columns": [
            col("no", 0.8, "center"),
            col("jenis", 3.6),
            col("persyaratan", 6.0),
            col("waktu", 2.4, "center"),
            col("biaya", 2.4, "center"),
        ],
        "header": [[h("No"), h("Jenis Pelayanan"), h("Persyaratan"), h("Waktu Penyelesaian"), h("Biaya/Tarif")]],
        "rows": rows,
    }


# --------------------------------------------------------------------------- narrative


LEGAL = [
    "Undang-Undang Nomor 16 Tahun 1950 tentang Pembentukan Daerah-daerah Kota Besar dalam Lingkungan Propinsi Djawa Timur, Djawa Tengah, Djawa Barat dan Daerah Istimewa Jogjakarta;",
    "Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional;",
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang;",
    "Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah;",
    "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan;",
    "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah;",
    "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah, Tata Cara Evaluasi Rancangan Peraturan Daerah tentang Rencana Pembangunan Jangka Panjang Daerah dan Rencana Pembangunan Jangka Menengah Daerah, serta Tata Cara Perubahan Rencana Pembangunan Jangka Panjang Daerah, Rencana Pembangunan Jangka Menengah Daerah, dan Rencana Kerja Pemerintah Daerah;",
    "Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019 tentang Klasifikasi, Kodefikasi, dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah;",
    "Keputusan Menteri Dalam Negeri Nomor 900.1.15.5-1317 Tahun 2023 tentang Perubahan atas Keputusan Menteri Dalam Negeri Nomor 050-5889 Tahun 2021 tentang Hasil Verifikasi, Validasi dan Inventarisasi Pemutakhiran Klasifikasi, Kodefikasi dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah;",
    "Peraturan Daerah Kota Malang Nomor 7 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah sebagaimana telah diubah dengan Peraturan Daerah Kota Malang Nomor 6 Tahun 2022;",
    "Peraturan Daerah Kota Malang Nomor 1 Tahun 2025 tentang Rencana Pembangunan Jangka Menengah Daerah Kota Malang Tahun 2025-2029;",
    "Peraturan Wali Kota Malang Nomor 50 Tahun 2021 tentang Kedudukan, Susunan Organisasi, Uraian Tugas dan Fungsi, serta Tata Kerja Kecamatan dan Kelurahan;",
    "Peraturan Wali Kota Malang Nomor 18 Tahun 2025 tentang Rencana Strategis Perangkat Daerah Kota Malang Tahun 2025-2029.",
]


def program_list_items(b: Budget) -> list[str]:
    """BAB III list: programs '1.', kegiatan 'a)', sub kegiatan '•' (names as the nomenclature)."""
    items: list[str] = []
    p = k = 0
    for line in b.tree():
        level = line.official.level
        name = line.official.name
        if level == "program":
            p += 1
            k = 0
            items.append(f"{p}. {title_program(name)}")
        elif level == "kegiatan":
            k += 1
            items.append(f"{'abcdefghijklmnopqrstuvwxyz'[k - 1]}) Kegiatan {name}")
        else:
            items.append(f"• Sub Kegiatan {name}")
    return items


def body(b: Budget, nom: Any, people: dict[str, int]) -> list[dict[str, Any]]:
    programs = b.lines_at("program")
    kegiatan = b.lines_at("kegiatan")
    subs = b.lines_at("sub_kegiatan")
    by_code = {line.official.code: line for line in b.tree()}
    pegawai = by_code[GAJI].amount
    modal = sum(by_code[c].amount for c in MODAL_SUBS)
    operasi = b.total - modal
    barjas = operasi - pegawai
    need_total = sum(needs(b).values())
    lines24 = eval_lines(nom)
    n_prog24 = sum(1 for e in lines24 if e.level == "program")
    n_keg24 = sum(1 for e in lines24 if e.level == "kegiatan")
    n_sub24 = sum(1 for e in lines24 if e.level == "sub_kegiatan")
    short = {
        lv: [e for e in lines24 if e.level == lv and EVAL[e.code][3] < EVAL[e.code][2]]
        for lv in ("kegiatan", "sub_kegiatan")
    }
    rasio = REALISASI_2024 / PAGU_2024 * 100
    ikm, paten, _lembaga, _musren, _trantib = INDICATORS
    dana_kel = by_code["7.01.03.2.02.02"]

    out: list[dict[str, Any]] = []
    add = out.append
    # ---- cover
    add(section("portrait", numbering="none"))
    add(
        {
            "type": "cover",
            "lines": [
                "RENCANA KERJA PERANGKAT DAERAH",
                "(RENJA PD)",
                f"TAHUN {YEAR}",
                "",
                UNIT_UP,
                "",
                "PEMERINTAH KOTA MALANG",
                "Jl. Cengger Ayam No. 12 Malang",
            ],
        }
    )
    # ---- front matter
    add(section("portrait", numbering="lower_roman", start=1))
    add(caption("KATA PENGANTAR"))
    add(
        para(
            "Puji syukur kami panjatkan ke hadirat Allah SWT atas rahmat dan karunia-Nya sehingga Rencana Kerja Perangkat "
            f"Daerah (Renja PD) {FULL} Tahun {YEAR} dapat diselesaikan. Renja ini merupakan penjabaran tahun kedua Rencana "
            f"Strategis Perangkat Daerah Tahun {RENSTRA} dan memuat program, kegiatan dan sub kegiatan beserta indikator "
            "kinerja, target dan pagu indikatif yang akan dilaksanakan pada tahun anggaran berkenaan."
        )
    )
    add(
        para(
            "Penyusunan Renja berpedoman pada Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 serta memperhatikan hasil "
            "evaluasi pelaksanaan Renja tahun 2024. Sebagian besar target kinerja tahun 2024 telah tercapai, namun masih "
            "terdapat kegiatan dan sub kegiatan yang realisasinya belum sesuai target sebagaimana diuraikan pada Bab II."
        )
    )
    add(
        para(
            "Kami menyampaikan terima kasih kepada para Lurah, lembaga kemasyarakatan dan seluruh pemangku kepentingan di "
            "wilayah Kecamatan Lowokwaru yang telah berpartisipasi dalam penyusunan dokumen ini."
        )
    )
    add({"type": "signature", "lines": [PLACE_DATE, "Plt. CAMAT LOWOKWARU", "", "", "", CAMAT[0], CAMAT[1], CAMAT[2]]})
    add({"type": "page_break"})
    add({"type": "toc", "of": "headings", "title": "DAFTAR ISI", "levels": 2})

    # ---- BAB I
    add(section("portrait", numbering="arabic", start=1, page_format=BODY_PAGES))
    add(heading(1, "BAB I. PENDAHULUAN"))
    add(heading(2, "1.1. Latar Belakang"))
    add(
        para(
            "Kecamatan merupakan perangkat daerah yang dibentuk dalam rangka meningkatkan koordinasi penyelenggaraan "
            "pemerintahan, pelayanan publik dan pemberdayaan masyarakat kelurahan. Sesuai Peraturan Pemerintah Nomor 17 "
            "Tahun 2018 tentang Kecamatan, Camat menyelenggarakan urusan pemerintahan umum, mengoordinasikan kegiatan "
            "pemberdayaan masyarakat, ketenteraman dan ketertiban umum, serta membina dan mengawasi penyelenggaraan "
            "kegiatan kelurahan."
        )
    )
    add(heading(3, "1.1.1. Gambaran Umum Wilayah"))
    add(
        para(
            f"{UNIT} memiliki luas wilayah 22,60 km² yang terbagi dalam 12 (dua belas) kelurahan dengan {count(people['rw'])} "
            f"Rukun Warga (RW) dan {num(people['rt'])} Rukun Tetangga (RT). Wilayah ini merupakan kawasan pendidikan tinggi "
            "Kota Malang: sebagian besar perguruan tinggi negeri dan swasta berada di Kelurahan Ketawanggede, Sumbersari, "
            "Dinoyo dan Tlogomas, sehingga jumlah penduduk non permanen sangat tinggi pada masa perkuliahan."
        )
    )
    add(para("Batas wilayah Kecamatan Lowokwaru adalah sebagai berikut:"))
    add(
        lst(
            [
                "• sebelah utara berbatasan dengan Kecamatan Karangploso Kabupaten Malang;",
                "• sebelah timur berbatasan dengan Kecamatan Blimbing;",
                "• sebelah selatan berbatasan dengan Kecamatan Klojen dan Kecamatan Sukun;",
                "• sebelah barat berbatasan dengan Kecamatan Dau Kabupaten Malang.",
            ]
        )
    )
    add(heading(3, "1.1.2. Proses Penyusunan Renja"))
    add(
        para(
            "Renja Perangkat Daerah disusun melalui tahapan persiapan, penyusunan rancangan awal, penyusunan rancangan, "
            "pelaksanaan Forum Perangkat Daerah, perumusan rancangan akhir dan penetapan. Penyusunannya mengacu pada "
            f"rancangan awal RKPD Kota Malang Tahun {YEAR} dan hasil Musrenbang Kelurahan serta Musrenbang Kecamatan "
            "yang dilaksanakan pada awal tahun 2025."
        )
    )
    add(heading(2, "1.2. Landasan Hukum"))
    add(para("Landasan hukum penyusunan Renja Kecamatan Lowokwaru adalah sebagai berikut:"))
    add(lst([f"{i}. {text}" for i, text in enumerate(LEGAL, start=1)]))
    add(heading(2, "1.3. Maksud dan Tujuan"))
    add(
        para(
            f"Maksud penyusunan Renja {UNIT} Tahun {YEAR} adalah menyediakan dokumen perencanaan tahunan yang menjadi "
            f"pedoman penyusunan Rencana Kerja dan Anggaran (RKA) Tahun Anggaran {YEAR}. Adapun tujuannya adalah:"
        )
    )
    add(
        lst(
            [
                f"a) menjabarkan Renstra Perangkat Daerah Tahun {RENSTRA} ke dalam rencana tahunan;",
                "b) menyelaraskan program dan kegiatan kecamatan dengan prioritas pembangunan Kota Malang;",
                "c) menampung usulan masyarakat hasil Musrenbang Kelurahan dan Musrenbang Kecamatan;",
                "d) menjadi tolok ukur pengendalian dan evaluasi kinerja kecamatan.",
            ]
        )
    )
    add(heading(2, "1.4. Sistematika Penulisan"))
    add(para("Renja Kecamatan Lowokwaru disusun dengan sistematika sebagai berikut:"))
    add(
        lst(
            [
                "• BAB I PENDAHULUAN, memuat latar belakang, landasan hukum, maksud dan tujuan, serta sistematika penulisan;",
                "• BAB II HASIL EVALUASI RENJA PERANGKAT DAERAH TAHUN LALU, memuat evaluasi pelaksanaan Renja tahun lalu, analisis kinerja pelayanan, isu-isu penting, review terhadap rancangan awal RKPD dan penelaahan usulan masyarakat;",
                "• BAB III TUJUAN DAN SASARAN PERANGKAT DAERAH, memuat telaahan terhadap kebijakan nasional, tujuan dan sasaran, serta program dan kegiatan;",
                "• BAB IV RENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH, memuat rencana program, kegiatan dan sub kegiatan beserta pagu indikatifnya;",
                "• BAB V PENUTUP.",
            ]
        )
    )

    # ---- BAB II
    add({"type": "page_break"})
    add(heading(1, "BAB II. HASIL EVALUASI RENJA PERANGKAT DAERAH TAHUN LALU"))
    add(heading(2, "2.1. Evaluasi Pelaksanaan Renja Perangkat Daerah Tahun Lalu dan Capaian Renstra Perangkat Daerah"))
    add(heading(3, "2.1.1. Capaian Kinerja Program dan Kegiatan Tahun 2024"))
    add(
        para(
            "Evaluasi dilakukan terhadap pelaksanaan Renja Tahun 2024 (tahun n-2) dan perkiraan capaian tahun 2025 yang "
            f"sedang berjalan. Pada tahun 2024 Kecamatan Lowokwaru melaksanakan {count(n_prog24)} program, "
            f"{count(n_keg24)} kegiatan dan {count(n_sub24)} sub kegiatan, dengan rekapitulasi sebagaimana Tabel 2.1."
        )
    )
    add(section("landscape"))
    add(table("tc29"))
    add(section("portrait"))
    named_sub = " dan ".join(
        f"{e.name} ({persen(EVAL[e.code][3] / EVAL[e.code][2] * 100)})" for e in short["sub_kegiatan"]
    )
    named_keg = " dan ".join(e.name for e in short["kegiatan"])
    add(
        para(
            f"Dari {count(n_sub24)} sub kegiatan yang dilaksanakan pada tahun 2024, sebanyak "
            f"{count(len(short['sub_kegiatan']))} sub kegiatan belum mencapai target, yaitu {named_sub}. Pada tingkat "
            f"kegiatan, {count(len(short['kegiatan']))} kegiatan belum mencapai target, yaitu {named_keg}. Program dan sub "
            "kegiatan lainnya mencapai target 100 persen."
        )
    )
    add(para("Faktor penyebab belum tercapainya target antara lain:"))
    add(
        lst(
            [
                "a) pelayanan PATEN keliling hanya terlaksana 10 kali karena kendaraan operasional dipakai untuk pengamanan Pemilihan Umum 2024;",
                "b) satu paket pembangunan sarana dan prasarana kelurahan tidak dapat dilaksanakan karena lokasi berada di atas lahan yang masih bersengketa.",
            ]
        )
    )
    add(heading(3, "2.1.2. Realisasi Anggaran Tahun 2024"))
    add(
        para(
            f"Pagu anggaran Kecamatan Lowokwaru tahun 2024 sebesar {rp(PAGU_2024)} terealisasi sebesar {rp(REALISASI_2024)} "
            f"atau {persen(rasio)}. Sisa anggaran berasal dari efisiensi belanja pegawai dan sisa hasil pengadaan barang "
            "dan jasa."
        )
    )

    add(heading(2, "2.2. Analisis Kinerja Pelayanan Perangkat Daerah"))
    add(heading(3, "2.2.1. Kependudukan"))
    add(
        para(
            f"Berdasarkan data kependudukan semester II tahun 2024, jumlah penduduk Kecamatan Lowokwaru sebanyak "
            f"{num(people['jiwa'])} jiwa, terdiri atas {num(people['laki'])} jiwa laki-laki dan {num(people['perempuan'])} "
            "jiwa perempuan, yang tersebar di 12 (dua belas) kelurahan sebagaimana Tabel 2.2."
        )
    )
    add(caption("Tabel 2.2", f"Jumlah RW, RT dan Penduduk menurut Kelurahan di {UNIT} Tahun 2024"))
    add(table("penduduk"))
    add(heading(3, "2.2.2. Pelayanan Administrasi Terpadu Kecamatan"))
    add(
        para(
            "Kecamatan Lowokwaru menyelenggarakan Pelayanan Administrasi Terpadu Kecamatan (PATEN) dengan standar "
            "pelayanan yang diumumkan di ruang pelayanan, antara lain sebagaimana Tabel 2.3."
        )
    )
    add(caption("Tabel 2.3", "Standar Pelayanan PATEN Kecamatan Lowokwaru"))
    add(table("standar"))
    add(heading(3, "2.2.3. Capaian Kinerja Pelayanan"))
    add(
        para(
            f"Pada tahun 2024 Indeks Kepuasan Masyarakat terhadap pelayanan kecamatan mencapai {ikm['r2024']} poin dari "
            f"target {ikm['targets'][0]} poin, sedangkan layanan PATEN yang diselesaikan sesuai standar pelayanan mencapai "
            f"{persen(float(paten['r2024'].replace(',', '.')))} dari target {persen(float(paten['targets'][0].replace(',', '.')))}. "
            "Capaian kinerja pelayanan selengkapnya disajikan pada Tabel 2.4."
        )
    )
    add(section("landscape"))
    add(caption("Tabel 2.4 T-C.30", f"Pencapaian Kinerja Pelayanan Perangkat Daerah {FULL}"))
    add(table("tc30"))
    add(para("Keterangan: *) realisasi tahun 2025 sampai dengan semester I."))
    add(section("portrait"))
    add(heading(2, "2.3. Isu-isu Penting Penyelenggaraan Tugas dan Fungsi Perangkat Daerah"))
    add(para("Berdasarkan evaluasi kinerja dan analisis pelayanan, isu-isu penting yang dihadapi adalah:"))
    add(
        lst(
            [
                "a) tingginya jumlah penduduk non permanen (mahasiswa dan pekerja) yang belum tercatat dalam administrasi kependudukan;",
                "b) genangan air pada musim hujan di kawasan permukiman padat akibat saluran drainase lingkungan yang tidak memadai;",
                "c) kepadatan lalu lintas, parkir liar dan pedagang kaki lima di sekitar kampus;",
                "d) keterbatasan ruang tunggu dan sarana pelayanan PATEN;",
                "e) usulan Musrenbang Kelurahan yang melebihi pagu dana kelurahan.",
            ]
        )
    )
    add(
        para(
            "Untuk menjawab isu tersebut, kecamatan memprioritaskan perbaikan saluran drainase melalui dana kelurahan, "
            "penertiban bersama Satuan Polisi Pamong Praja dan perbaikan ruang pelayanan PATEN."
        )
    )
    add(heading(2, "2.4. Review terhadap Rancangan Awal RKPD"))
    add(
        para(
            f"Rancangan awal RKPD Kota Malang Tahun {YEAR} memuat pagu indikatif Kecamatan Lowokwaru sebesar {rp(b.total)}, "
            f"sedangkan hasil analisis kebutuhan sebesar {rp(need_total)}. Selisih kebutuhan terdapat pada pengadaan "
            "peralatan, pembangunan sarana dan prasarana kelurahan, dan operasi penegakan peraturan daerah. Hasil review "
            "disajikan pada Tabel 2.5 dalam ribuan rupiah."
        )
    )
    add(section("landscape"))
    add(table("tc31"))
    add(section("portrait"))
    add(heading(2, "2.5. Penelaahan Usulan Program dan Kegiatan Masyarakat"))
    add(
        para(
            "Usulan masyarakat dihimpun melalui Musrenbang Kelurahan di 12 (dua belas) kelurahan dan Musrenbang Kecamatan "
            "yang dilaksanakan pada bulan Januari dan Februari 2025. Usulan yang berkaitan dengan tugas dan fungsi "
            "kecamatan beserta tindak lanjutnya disajikan pada Tabel 2.6."
        )
    )
    add(caption("Tabel 2.6", f"Usulan Program dan Kegiatan dari Para Pemangku Kepentingan Tahun {YEAR}", FULL))
    add(table("tc32"))

    # ---- BAB III
    add({"type": "page_break"})
    add(heading(1, "BAB III. TUJUAN DAN SASARAN PERANGKAT DAERAH"))
    add(heading(2, "3.1. Telaahan terhadap Kebijakan Nasional"))
    add(
        para(
            "Rencana Pembangunan Jangka Menengah Nasional Tahun 2025-2029 menekankan penguatan tata kelola pemerintahan "
            "dan pelayanan publik yang cepat, mudah dan terjangkau. Di tingkat kecamatan, kebijakan tersebut diwujudkan "
            "melalui penguatan PATEN, pemberdayaan masyarakat kelurahan dan penguatan ketenteraman dan ketertiban umum."
        )
    )
    add(heading(2, "3.2. Tujuan dan Sasaran Renja Perangkat Daerah"))
    add(
        para(
            f"Tujuan Kecamatan Lowokwaru sebagaimana ditetapkan dalam Renstra Perangkat Daerah Tahun {RENSTRA} adalah "
            f"{TUJUAN[0].lower() + TUJUAN[1:]}, "
            f"yang dicapai melalui {count(len(SASARAN))} sasaran sebagaimana Tabel 3.1 dan Tabel 3.2."
        )
    )
    add(caption("Tabel 3.1", "Tujuan, Indikator dan Target Kinerja Tujuan Kecamatan Lowokwaru"))
    add(table("tujuan"))
    add(caption("Tabel 3.2", "Sasaran, Indikator dan Target Kinerja Sasaran Kecamatan Lowokwaru"))
    add(table("sasaran"))
    add(heading(2, "3.3. Program dan Kegiatan"))
    add(
        para(
            f"Untuk mencapai tujuan dan sasaran tersebut, pada tahun {YEAR} Kecamatan Lowokwaru merencanakan "
            f"{count(len(programs))} program, {count(len(kegiatan))} kegiatan dan {count(len(subs))} sub kegiatan "
            "sebagai berikut:"
        )
    )
    add(lst(program_list_items(b)))
    add(
        para(
            f"Rumusan rencana program dan kegiatan Tahun {YEAR} beserta prakiraan maju Tahun {YEAR + 1}, sampai dengan "
            "aktivitasnya, disajikan pada Tabel 3.3."
        )
    )
    add(section("landscape"))
    add(table("tc33"))
    add(section("portrait"))

    # ---- BAB IV
    add(heading(1, "BAB IV. RENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH"))
    add(
        para(
            f"Rencana kerja dan pendanaan Kecamatan Lowokwaru Tahun {YEAR} disusun berdasarkan pagu indikatif dengan "
            "mempertimbangkan hasil evaluasi, isu-isu penting dan usulan para pemangku kepentingan."
        )
    )
    add(
        para(
            f"Jumlah pagu indikatif Kecamatan Lowokwaru Tahun {YEAR} sebesar {rp(b.total)} ({terbilang(b.total)} rupiah), "
            f"terdiri atas Belanja Operasi sebesar {rp(operasi)} dan Belanja Modal sebesar {rp(modal)}. Belanja Operasi "
            f"meliputi Belanja Pegawai sebesar {rp(pegawai)} dan Belanja Barang dan Jasa sebesar {rp(barjas)}. Dana "
            f"kelurahan untuk pembangunan sarana dan prasarana di 6 (enam) kelurahan dialokasikan sebesar {rp(dana_kel.amount)}."
        )
    )
    add(para(f"Program yang direncanakan pada tahun {YEAR} sebanyak {count(len(programs))} program, yaitu:"))
    add(lst([f"• {title_program(p.official.name)} sebesar {rp(p.amount)};" for p in programs]))
    add(
        para(
            "Rencana program, kegiatan dan sub kegiatan beserta indikator kinerja, lokasi, target dan pagu indikatif "
            "disajikan pada Tabel 4.1 dalam ribuan rupiah."
        )
    )
    add(table("tabel41"))

    # ---- BAB V
    add(heading(1, "BAB V. PENUTUP"))
    add(
        para(
            f"Renja {UNIT} Tahun {YEAR} merupakan pedoman penyusunan RKA dan pelaksanaan program, kegiatan dan sub kegiatan "
            "selama satu tahun anggaran. Keberhasilan pelaksanaannya memerlukan komitmen seluruh aparatur kecamatan dan "
            "kelurahan serta dukungan masyarakat."
        )
    )
    add(para("Kaidah pelaksanaan Renja ini adalah sebagai berikut:"))
    add(
        lst(
            [
                "a) seluruh unit kerja di lingkungan kecamatan dan kelurahan melaksanakan program dan kegiatan sesuai Renja ini;",
                "b) pengendalian dan evaluasi pelaksanaan Renja dilakukan setiap triwulan;",
                "c) perubahan kebijakan dan pagu anggaran ditampung melalui mekanisme perubahan Renja.",
            ]
        )
    )
    add({"type": "signature", "lines": [PLACE_DATE, "Plt. CAMAT LOWOKWARU", "", "", "", CAMAT[0], CAMAT[1], CAMAT[2]]})
    return out


# --------------------------------------------------------------------------- specs


def check(spec: dict[str, Any], b: Budget) -> None:
    """Invariants of the clean document: parents are sums, thousands tables agree with T-C.33."""
    rows = {r["code"]: r for r in spec["tables"]["tc33"]["rows"] if r.get("code")}
    current = None
    acts: dict[str, int] = {}
    for r in spec["tables"]["tc33"]["rows"]:
        if r["level"] == "sub_kegiatan":
            current = r["code"]
            acts[current] = 0
        elif r["level"] == "aktivitas":
            acts[current] += r["cells"]["amount"]
    for code, total in acts.items():
        assert rows[code]["cells"]["amount"] == total, code
    top = spec["tables"]["tc33"]["rows"][0]["cells"]["amount"]
    assert top == sum(r["cells"]["amount"] for r in rows.values() if r["level"] == "program") == b.total
    for r in spec["tables"]["tc31"]["rows"]:
        if r.get("code"):
            assert r["cells"]["pagu"] * 1000 == rows[r["code"]]["cells"]["amount"], r["code"]
    for r in spec["tables"]["tabel41"]["rows"]:
        if r.get("code"):
            assert r["cells"]["amount"] * 1000 == rows[r["code"]]["cells"]["amount"], r["code"]
    for code in PLAN:
        assert official(b.nom, code, HEAD).level == "sub_kegiatan", code
    assert len(KELURAHAN) == 12


def clean_spec() -> dict[str, Any]:
    nom = common.nomenclature(YEAR)
    b = budget(nom)
    penduduk, people = population()
    spec: dict[str, Any] = {
        "id": CLEAN_ID,
        "family": FAMILY,
        "meta": {"unit": UNIT, "region": CITY, "plan_year": YEAR, "place_date": PLACE_DATE},
        "style": {"font": "Liberation Serif", "body_pt": 12, "table_pt": 7, "thousands": ".", "code_style": "written"},
        "body": body(b, nom, people),
        "tables": {
            "tc29": tc29(nom),
            "penduduk": penduduk,
            "standar": standards_table(),
            "tc30": tc30(),
            "tc31": tc31(b),
            "tc32": tc32(),
            "tujuan": tujuan_table(),
            "sasaran": sasaran_table(),
            "tc33": tc33(b),
            "tabel41": tabel41(b),
        },
    }
    check(spec, b)
    return spec


def defects_spec(clean: dict[str, Any]) -> dict[str, Any]:
    """The clean document with twelve declared mistakes of every category."""
    spec = common.variant(clean, DEFECTS_ID)
    nom = common.nomenclature(YEAR)
    b = budget(nom)
    defects: list[dict[str, Any]] = []

    def declare(defect_id: str, what: str, *expect: dict[str, Any]) -> None:
        defects.append({"id": defect_id, "what": what, "expect": list(expect)})

    # 1. totals / cross-table: one T-C.31 pagu typed in full rupiah in the (Rp.000) column
    code = "7.01.01.2.06.04"
    row = common.row_with(spec, "tc31", code)
    full = row["cells"]["pagu"] * 1000
    row["cells"]["pagu"] = full
    declare(
        "tc31-thousands-mix",
        f'T-C.31: pagu of {code} written {rupiah(full, ".")} (full rupiah) in the "Pagu Indikatif (Rp.000)" '
        f"column whose other values are thousands ({rupiah(full // 1000, '.')}); kegiatan 7.01.01.2.06 no longer adds up",
        {"rule": "XT-006", "table": "T-C.31"},
        {"rule": "TOT-005", "table": "T-C.31", "code": "7.01.01.2.06"},
        {"rule": "XT-002", "code": code},
    )

    # 2. totals: the JUMLAH row at the top of T-C.33 does not equal its programs (a digit mistyped)
    total_row = spec["tables"]["tc33"]["rows"][0]
    assert total_row["level"] == "total"
    wrong_total = b.total + 90_000_000
    total_row["cells"]["amount"] = wrong_total
    declare(
        "tc33-jumlah-top",
        f"T-C.33: the JUMLAH row at the top says {rupiah(wrong_total, '.')}, the programs add up to "
        f"{rupiah(b.total, '.')}",
        {"rule": "TOT-003", "table": "T-C.33", "column": "amount"},
        {"rule": "XT-001", "text": str(wrong_total)},
        {"rule": "NAR-001", "text": str(wrong_total)},
    )

    # 3. totals: an aktivitas amount does not add up into its sub kegiatan
    code = "7.01.01.2.07.06"
    rows = spec["tables"]["tc33"]["rows"]
    at = rows.index(common.row_with(spec, "tc33", code))
    printer = next(
        r for r in rows[at + 1 :] if r["level"] == "aktivitas" and r["cells"]["aktivitas"] == "Pengadaan Printer"
    )
    printer["cells"]["amount"] = 15_300_000
    declare(
        "tc33-aktivitas-sum",
        f'T-C.33: aktivitas "Pengadaan Printer" of {code} written 15.300.000 instead of 13.500.000; the sub '
        "kegiatan's pagu no longer equals the sum of its aktivitas",
        {"rule": "TOT-001", "table": "T-C.33", "code": code},
    )

    # 4. cross-table: a T-C.31 target left from last year's figure
    code = "7.01.03.2.03.02"
    row = common.row_with(spec, "tc31", code)
    row["cells"]["target"] = row["cells"]["target_kebutuhan"] = "32 Lembaga Kemasyarakatan"
    declare(
        "tc31-target",
        f"T-C.31: target of {code} is 32 Lembaga Kemasyarakatan while T-C.33 and Tabel 4.1 plan 36",
        {"rule": "XT-002", "code": code},
    )

    # 5. year: the T-C.33 caption left on last year's Renja
    caption_lines = spec["tables"]["tc33"]["caption"]
    caption_lines[1] = caption_lines[1].replace(
        f"Tahun {YEAR} dan Prakiraan Maju Tahun {YEAR + 1}", f"Tahun {YEAR - 1} dan Prakiraan Maju Tahun {YEAR}"
    )
    declare(
        "tc33-caption-year",
        f'T-C.33 caption "... Perangkat Daerah Tahun {YEAR - 1} dan Prakiraan Maju Tahun {YEAR}" (last year\'s); '
        f"the table plans {YEAR} and {YEAR + 1}",
        {"rule": "YEAR-003", "text": f"Tahun {YEAR - 1}"},
        {"rule": "YEAR-003", "text": f"Prakiraan Maju Tahun {YEAR}"},
        {"rule": "YEAR-007", "table": "T-C.33"},
    )

    # 6. narrative: a paragraph copied from the Renja of Kecamatan Blimbing names its kelurahan
    isu = common.find_block(spec, "paragraph", "Untuk menjawab isu tersebut")
    isu["text"] = (
        "Untuk menjawab isu tersebut, kecamatan memprioritaskan perbaikan saluran drainase di Kelurahan Polowijen dan "
        "Kelurahan Arjosari, penertiban bersama Satuan Polisi Pamong Praja dan perbaikan ruang pelayanan PATEN."
    )
    declare(
        "copied-kelurahan",
        "BAB II 2.3: a paragraph copied from Kecamatan Blimbing's Renja names Kelurahan Polowijen and Arjosari, "
        "which are not in Lowokwaru",
        {"rule": "NAR-018", "text": "Polowijen"},
        {"rule": "NAR-018", "text": "Arjosari"},
    )

    # 7. narrative: a count in figures and words that disagree
    replace_text(spec, "terbagi dalam 12 (dua belas) kelurahan", "terbagi dalam 12 (tiga belas) kelurahan")
    declare(
        "count-words",
        'BAB I 1.1.1: "12 (tiga belas) kelurahan"',
        {"rule": "NAR-003", "text": "tiga belas"},
        {"rule": "NAR-003", "text": "12"},
    )

    # 8. indicator/target: a unit that does not fit "Jumlah Laporan ..." (months, as offices often write)
    code = "7.01.01.2.08.02"
    row = common.row_with(spec, "tc33", code)
    row["cells"]["target"] = row["cells"]["target_next"] = "12 Bulan"
    declare(
        "tc33-unit-bulan",
        f'T-C.33: target of {code} (indicator "Jumlah Laporan Penyediaan Jasa Komunikasi ...") written '
        '"12 Bulan"; T-C.31 and Tabel 4.1 say 12 Laporan',
        {"rule": "IT-004", "code": code},
        {"rule": "XT-002", "code": code},
        {"rule": "XT-003", "code": code},
    )

    # 9. nomenclature: a kelurahan sub kegiatan named with the desa wording in T-C.31
    code = "7.01.03.2.02.01"
    row = common.row_with(spec, "tc31", code)
    desa = official(nom, "7.01.03.2.01.01", HEAD).name
    row["cells"]["name"] = row["cells"]["name_kebutuhan"] = desa
    declare(
        "tc31-name-desa",
        f'T-C.31: sub kegiatan {code} named "{desa}" (the desa sub kegiatan 7.01.03.2.01.01) instead of '
        '"... di Kelurahan"',
        {"rule": "NOM-004", "code": code},
        {"rule": "XT-002", "code": code},
    )

    # 10. indicator/target: a percentage target typed 1000%
    code = "7.01.02.2.01"
    row = common.row_with(spec, "tc33", code)
    row["cells"]["target"] = "1000%"
    declare(
        "tc33-target-1000",
        f"T-C.33: target of kegiatan {code} written 1000% (100%)",
        {"rule": "IT-008", "code": code},
        {"rule": "XT-002", "code": code},
        {"rule": "XT-003", "code": code},
    )

    # 11. structure: section 2.5 numbered 2.4 again
    block = common.find_block(spec, "heading", "2.5. Penelaahan Usulan")
    block["text"] = block["text"].replace("2.5.", "2.4.", 1)
    declare(
        "heading-repeat",
        'BAB II: "2.4. Penelaahan Usulan Program dan Kegiatan Masyarakat" follows 2.4 Review ... (should be 2.5)',
        {"rule": "STR-002", "text": "2.4"},
        {"rule": "STR-001", "text": "2.5"},
    )

    # 12. narrative: a program's amount in the BAB IV list mistyped (digits swapped)
    program = b.lines_at("program")[2]
    right = rp(program.amount)
    digits = str(program.amount)
    swapped = int(digits[0] + digits[2] + digits[1] + digits[3:])
    assert swapped != program.amount
    replace_text(
        spec,
        f"{title_program(program.official.name)} sebesar {right};",
        f"{title_program(program.official.name)} sebesar {rp(swapped)};",
        blocks=("list",),
    )
    declare(
        "bab4-program-amount",
        f"BAB IV: {title_program(program.official.name)} listed with {rp(swapped)}, the tables say {right}",
        {"rule": "NAR-017", "text": rupiah(swapped, ".")},
        {"rule": "NAR-001", "text": str(swapped)},
    )

    spec["defects"] = defects
    return spec


def build() -> list[dict[str, Any]]:
    clean = clean_spec()
    return [clean, defects_spec(clean)]


COMMENT = """Family kecamatan-kota: Renja {year} of Kecamatan Lowokwaru, Kota Malang (held out: built apart from the tuning).
Written by samples/families/kota_kecamatan.py; do not edit by hand.
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
