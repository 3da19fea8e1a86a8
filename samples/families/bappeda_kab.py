"""Family "badan-perencanaan": the Renja 2025 of a kabupaten's planning, research and innovation
agency (Bapperida Kabupaten Banyuwangi), built apart from the tool's tuning as a second held-out
check of precision.

    .venv/bin/python -m samples.families.bappeda_kab      (run from the repository root)

Writes samples/specs/banyuwangi-bappeda-2025.yaml (clean) and
samples/specs/banyuwangi-bappeda-2025-defects.yaml (the same document with declared defects).

What the layout does that the other families do not:
- a Badan serving two bidang of the "unsur penunjang" urusan: 5.01 PERENCANAAN (support program
  5.01.01 and programs 5.01.02, 5.01.03) and 5.05 PENELITIAN DAN PENGEMBANGAN (5.05.02); T-C.31
  and T-C.33 carry a row for each bidang with its subtotal, and a JUMLAH row at the bottom;
- chapters "BAB I PENDAHULUAN" on ONE line with the Permendagri titles, sections LETTERED
  ("A. Latar Belakang", "B. Landasan Hukum", ...), sub-sections "1." / "2." under BAB II B,
  BAB II "F." for innovation and research, BAB V lettered A-C;
- page numbers printed "- 5 -" (front matter "- i -"), a running header
  "Renja Bapperida Kabupaten Banyuwangi Tahun 2025"; Liberation Sans 11 pt text, 7 pt tables;
- T-C tables captioned ABOVE ("Tabel 2.1" / "T-C.29 ..."), the office's own tables captioned
  BELOW the table (staff, innovation recap, tujuan, sasaran and the BAB IV table, "Tabel 4.1 ...");
- T-C.33 ("Tabel 4.2") with the code in FIVE columns under one "Kode" header
  (Urusan | Bidang Urusan | Program | Kegiatan | Sub Kegiatan, one segment per cell:
  "5" "01" "02" "2.01" "0001"), a "Catatan Penting" column and targets written with their unit;
  T-C.31 with the two-digit canonical code in one column, as the seed's form (11 columns, no
  catatan); Tabel 4.1 with lokasi, indicator, target, pagu and sumber dana;
- narrative amounts written "Rp 1.234.567.890,-"; the BAB IV total in figures and words split
  into belanja operasi and modal, a list of the four programs with their pagu, the 2023
  (n-2) realisation of budget and targets, counts in words, an innovation recap whose total is
  stated in words, the duties of research and innovation (BRIN, Indeks Inovasi Daerah).

Column keys invented for this family (spec only; the tool has no such keys):
T-C.33 code_u, code_b, code_p, code_k, code_s (the code segments), catatan; Tabel 4.1 sumber_dana;
other tables: pendidikan/pns/pppk/jumlah (staff), kelompok/inisiatif/uji_coba/penerapan/jumlah
(innovations).
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

CLEAN_ID = "banyuwangi-bappeda-2025"
DEFECTS_ID = "banyuwangi-bappeda-2025-defects"
FAMILY = "badan-perencanaan"
HEAD = "5.01"  # the support program 5.01.01 is written with the Badan's first bidang
YEAR = 2025
SEED = 2507

UNIT = "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah"
UNIT_UP = UNIT.upper()
ABBR = "Bapperida"
REGION = "Kabupaten Banyuwangi"
FULL = f"{UNIT} {REGION}"
HEADER = f"Renja {ABBR} {REGION} Tahun {YEAR}"
PLACE_DATE = "Banyuwangi, 15 Juli 2024"
KEPALA = ("Dr. Ir. DANANG HARTANTO, M.T.", "Pembina Utama Muda", "NIP. 19720415 199803 1 007")
LOKASI = "Kabupaten Banyuwangi"
GAJI = "5.01.01.2.02.01"
MODAL_KEGIATAN = "5.01.01.2.07"
RENSTRA = "2021-2026"
PAGE_FORMAT = "- {} -"

# --------------------------------------------------------------------------- words


def rp(n: int) -> str:
    """'Rp 1.234.567.890,-' as this office writes amounts in its text."""
    return f"Rp {rupiah(n, '.')},-"


def pct(value: float) -> str:
    return num(value, 2)


# --------------------------------------------------------------------------- the plan 2025

# sub kegiatan -> (target 2025, amount 2025, target 2026, sumber dana); amount 2026 is seeded.
PLAN: dict[str, tuple[int, int, int, str]] = {
    "5.01.01.2.01.01": (5, 86_450_000, 5, "DAU"),
    "5.01.01.2.01.02": (2, 24_300_000, 2, "DAU"),
    "5.01.01.2.01.06": (5, 31_750_000, 5, "DAU"),
    "5.01.01.2.01.07": (4, 28_900_000, 4, "DAU"),
    GAJI: (52, 5_482_316_000, 54, "DAU"),
    "5.01.01.2.02.02": (12, 96_800_000, 12, "DAU"),
    "5.01.01.2.02.05": (1, 18_650_000, 1, "DAU"),
    "5.01.01.2.02.07": (12, 22_400_000, 12, "DAU"),
    "5.01.01.2.03.06": (2, 14_200_000, 2, "DAU"),
    "5.01.01.2.05.09": (15, 87_500_000, 15, "DAU"),
    "5.01.01.2.06.01": (1, 12_600_000, 1, "DAU"),
    "5.01.01.2.06.04": (12, 148_350_000, 12, "DAU"),
    "5.01.01.2.06.05": (12, 96_240_000, 12, "DAU"),
    "5.01.01.2.06.09": (12, 412_600_000, 12, "DAU"),
    "5.01.01.2.07.06": (8, 246_000_000, 6, "DAU"),
    "5.01.01.2.08.02": (12, 318_500_000, 12, "DAU"),
    "5.01.01.2.08.04": (12, 864_720_000, 12, "DAU"),
    "5.01.01.2.09.02": (9, 176_400_000, 9, "DAU"),
    "5.01.01.2.09.09": (1, 185_000_000, 1, "DAU"),
    "5.01.02.2.01.01": (1, 212_500_000, 1, "PAD"),
    "5.01.02.2.01.02": (2, 68_400_000, 2, "PAD"),
    "5.01.02.2.01.03": (1, 94_750_000, 1, "PAD"),
    "5.01.02.2.01.04": (1, 156_300_000, 1, "PAD"),
    "5.01.02.2.01.05": (1, 386_200_000, 1, "PAD"),
    "5.01.02.2.01.06": (1_850, 124_600_000, 1_900, "PAD"),
    "5.01.02.2.01.07": (2, 178_900_000, 2, "PAD"),
    "5.01.02.2.02.01": (2, 146_250_000, 2, "PAD"),
    "5.01.02.2.02.03": (1, 72_800_000, 1, "PAD"),
    "5.01.02.2.03.01": (4, 118_400_000, 4, "PAD"),
    "5.01.02.2.03.03": (4, 164_350_000, 4, "PAD"),
    "5.01.02.2.04.02": (12, 238_600_000, 12, "PAD"),
    "5.01.03.2.01.01": (3, 96_500_000, 3, "DAU"),
    "5.01.03.2.01.02": (4, 58_750_000, 4, "DAU"),
    "5.01.03.2.01.08": (2, 42_300_000, 2, "DAU"),
    "5.01.03.2.02.01": (3, 88_600_000, 3, "DAU"),
    "5.01.03.2.02.02": (4, 54_200_000, 4, "DAU"),
    "5.01.03.2.02.04": (2, 39_850_000, 2, "DAU"),
    "5.01.03.2.03.01": (3, 92_400_000, 3, "DAU"),
    "5.01.03.2.03.02": (4, 61_300_000, 4, "DAU"),
    "5.01.03.2.03.04": (2, 44_650_000, 2, "DAU"),
    "5.05.02.2.01.12": (2, 48_600_000, 2, "PAD"),
    "5.05.02.2.01.13": (4, 86_250_000, 4, "PAD"),
    "5.05.02.2.02.06": (1, 126_400_000, 1, "PAD"),
    "5.05.02.2.03.05": (1, 118_750_000, 1, "PAD"),
    "5.05.02.2.04.01": (2, 245_800_000, 3, "PAD"),
    "5.05.02.2.04.02": (2, 164_300_000, 2, "PAD"),
    "5.05.02.2.04.03": (2, 198_450_000, 2, "PAD"),
    "5.05.02.2.04.05": (1, 56_200_000, 1, "PAD"),
}

# Kebutuhan dana (T-C.31, hasil analisis kebutuhan) where it is above the pagu.
KEBUTUHAN: dict[str, int] = {
    "5.01.01.2.07.06": 318_000_000,
    "5.01.02.2.04.02": 276_400_000,
    "5.05.02.2.04.01": 312_500_000,
}

# Program and kegiatan indicators (the authors' own; not in the nomenclature):
# code -> (indicator, target 2025, target 2026, unit)
PARENT_INDICATORS: dict[str, tuple[str, str, str, str]] = {
    "5.01.01": ("Persentase pemenuhan layanan penunjang urusan pemerintahan Bapperida", "100", "100", "%"),
    "5.01.01.2.01": (
        "Persentase dokumen perencanaan dan pelaporan kinerja perangkat daerah yang tersusun tepat waktu",
        "100",
        "100",
        "%",
    ),
    "5.01.01.2.02": ("Persentase layanan administrasi keuangan yang terpenuhi", "100", "100", "%"),
    "5.01.01.2.03": ("Persentase barang milik daerah yang tertatausahakan", "100", "100", "%"),
    "5.01.01.2.05": ("Persentase pegawai yang mengikuti pengembangan kompetensi", "30", "30", "%"),
    "5.01.01.2.06": ("Persentase layanan administrasi umum yang terpenuhi", "100", "100", "%"),
    "5.01.01.2.07": ("Persentase pemenuhan kebutuhan sarana dan prasarana kerja", "100", "100", "%"),
    "5.01.01.2.08": ("Persentase layanan jasa penunjang kantor yang terpenuhi", "100", "100", "%"),
    "5.01.01.2.09": ("Persentase barang milik daerah dalam kondisi baik", "90", "92", "%"),
    "5.01.02": ("Persentase dokumen perencanaan pembangunan daerah yang ditetapkan tepat waktu", "100", "100", "%"),
    "5.01.02.2.01": ("Persentase dokumen perencanaan dan pendanaan yang tersusun sesuai tahapan", "100", "100", "%"),
    "5.01.02.2.02": ("Persentase data perencanaan pembangunan daerah yang mutakhir", "95", "96", "%"),
    "5.01.02.2.03": ("Persentase rekomendasi hasil pengendalian dan evaluasi yang ditindaklanjuti", "85", "87", "%"),
    "5.01.02.2.04": ("Persentase perangkat daerah yang menginput perencanaan pada SIPD tepat waktu", "100", "100", "%"),
    "5.01.03": ("Persentase keselarasan Renja Perangkat Daerah dengan RKPD", "98", "99", "%"),
    "5.01.03.2.01": (
        "Persentase Renja perangkat daerah bidang pemerintahan dan pembangunan manusia yang selaras dengan RKPD",
        "98",
        "99",
        "%",
    ),
    "5.01.03.2.02": (
        "Persentase Renja perangkat daerah bidang perekonomian dan SDA yang selaras dengan RKPD",
        "98",
        "99",
        "%",
    ),
    "5.01.03.2.03": (
        "Persentase Renja perangkat daerah bidang infrastruktur dan kewilayahan yang selaras dengan RKPD",
        "98",
        "99",
        "%",
    ),
    "5.05.02": ("Persentase rekomendasi hasil riset yang dimanfaatkan perangkat daerah", "50", "55", "%"),
    "5.05.02.2.01": ("Persentase rekomendasi kebijakan yang disampaikan kepada pimpinan daerah", "100", "100", "%"),
    "5.05.02.2.02": ("Persentase kajian bidang sosial dan kependudukan yang selesai tepat waktu", "100", "100", "%"),
    "5.05.02.2.03": ("Persentase kajian bidang ekonomi dan pembangunan yang selesai tepat waktu", "100", "100", "%"),
    "5.05.02.2.04": ("Jumlah inovasi daerah yang dilaporkan dalam Indeks Inovasi Daerah", "195", "200", "Inovasi"),
}

# --------------------------------------------------------------------------- evaluation 2023 (T-C.29)

# code -> (target Renstra 2026, realisasi s/d 2022, target 2023, realisasi 2023, target 2024)
EVAL: dict[str, tuple[float, float, float, float, float]] = {
    "5.01.01": (100, 100, 100, 100, 100),
    "5.01.01.2.01": (100, 100, 100, 100, 100),
    "5.01.01.2.01.01": (25, 10, 5, 5, 5),
    "5.01.01.2.01.02": (10, 4, 2, 2, 2),
    "5.01.01.2.01.06": (25, 10, 5, 5, 5),
    "5.01.01.2.02": (100, 100, 100, 100, 100),
    GAJI: (260, 98, 50, 50, 51),
    "5.01.01.2.02.02": (60, 24, 12, 12, 12),
    "5.01.01.2.02.05": (5, 2, 1, 1, 1),
    "5.01.01.2.06": (100, 100, 100, 100, 100),
    "5.01.01.2.06.04": (60, 24, 12, 12, 12),
    "5.01.01.2.06.09": (60, 24, 12, 12, 12),
    "5.01.01.2.08": (100, 100, 100, 100, 100),
    "5.01.01.2.08.02": (60, 24, 12, 12, 12),
    "5.01.01.2.08.04": (60, 24, 12, 12, 12),
    "5.01.01.2.09": (90, 86, 88, 88, 89),
    "5.01.01.2.09.02": (45, 18, 9, 9, 9),
    "5.01.02": (100, 100, 100, 100, 100),
    "5.01.02.2.01": (100, 100, 100, 98, 100),
    "5.01.02.2.01.04": (5, 2, 1, 1, 1),
    "5.01.02.2.01.05": (5, 2, 1, 1, 1),
    "5.01.02.2.01.06": (9_000, 3_410, 1_800, 1_712, 1_800),
    "5.01.02.2.01.07": (10, 4, 2, 2, 2),
    "5.01.02.2.03": (85, 78, 80, 81, 83),
    "5.01.02.2.03.01": (20, 8, 4, 4, 4),
    "5.01.02.2.03.03": (20, 8, 4, 4, 4),
    "5.01.03": (98, 94, 95, 96, 97),
    "5.01.03.2.01": (98, 94, 95, 96, 97),
    "5.01.03.2.01.01": (15, 6, 3, 3, 3),
    "5.01.03.2.02": (98, 94, 95, 96, 97),
    "5.01.03.2.02.01": (15, 6, 3, 3, 3),
    "5.01.03.2.03": (98, 94, 95, 96, 97),
    "5.01.03.2.03.01": (15, 6, 3, 3, 3),
    "5.05.02": (55, 35, 40, 38, 45),
    "5.05.02.2.01": (100, 100, 100, 100, 100),
    "5.05.02.2.01.13": (20, 7, 4, 4, 4),
    "5.05.02.2.04": (200, 162, 180, 187, 190),
    "5.05.02.2.04.01": (12, 4, 3, 2, 2),
    "5.05.02.2.04.03": (10, 4, 2, 2, 2),
}
EVAL_UNITS = {"5.05.02.2.04": "Inovasi"}  # the rest of the parents are percentages
# Budget 2023: pagu and realisation (BAB II narrative).
PAGU_2023 = 14_286_450_000
REALISASI_2023 = 13_598_212_734

# --------------------------------------------------------------------------- service indicators

# T-C.30 and the BAB III tujuan/sasaran tables: indicator, unit, target 2023..2026,
# realisasi 2023, perkiraan realisasi 2024, SPM, IKK, catatan.
INDICATORS: list[dict[str, Any]] = [
    {
        "indicator": "Persentase capaian indikator kinerja utama (IKU) RPJMD",
        "unit": "%",
        "targets": ["85,00", "87,50", "90,00", "92,50"],
        "r2023": "86,42",
        "r2024": "87,50",
        "spm": "-",
        "ikk": "-",
        "formula": "(Jumlah IKU yang mencapai target / jumlah IKU RPJMD) x 100%",
        "catatan": "Dua IKU bidang infrastruktur belum mencapai target karena pergeseran anggaran",
    },
    {
        "indicator": "Persentase konsistensi program RKPD dengan RPJMD",
        "unit": "%",
        "targets": ["96,00", "97,00", "98,00", "99,00"],
        "r2023": "97,35",
        "r2024": "97,00",
        "spm": "-",
        "ikk": "Ya",
        "formula": "(Jumlah program RKPD yang sesuai RPJMD / jumlah program RPJMD) x 100%",
        "catatan": "Selaras dengan hasil evaluasi RKPD oleh Bappeda Provinsi Jawa Timur",
    },
    {
        "indicator": "Persentase usulan Musrenbang yang diakomodasi dalam RKPD",
        "unit": "%",
        "targets": ["60,00", "62,50", "65,00", "67,50"],
        "r2023": "58,40",
        "r2024": "62,50",
        "spm": "-",
        "ikk": "-",
        "formula": "(Jumlah usulan Musrenbang yang diakomodasi / jumlah usulan terverifikasi) x 100%",
        "catatan": "Sebagian usulan infrastruktur jalan desa melebihi kemampuan pagu indikatif",
    },
    {
        "indicator": "Indeks Inovasi Daerah",
        "unit": "poin",
        "targets": ["62,50", "65,00", "67,50", "70,00"],
        "r2023": "64,18",
        "r2024": "65,00",
        "spm": "-",
        "ikk": "-",
        "formula": "Nilai Indeks Inovasi Daerah hasil pengukuran Kementerian Dalam Negeri",
        "catatan": "Predikat Sangat Inovatif dipertahankan sejak 2021",
    },
    {
        "indicator": "Persentase rekomendasi hasil riset yang dimanfaatkan perangkat daerah",
        "unit": "%",
        "targets": ["40,00", "45,00", "50,00", "55,00"],
        "r2023": "42,86",
        "r2024": "45,00",
        "spm": "-",
        "ikk": "-",
        "formula": "(Jumlah rekomendasi yang dimanfaatkan / jumlah rekomendasi hasil riset) x 100%",
        "catatan": "Pemanfaatan terutama oleh Dinas Kesehatan dan Dinas Perikanan",
    },
]
TUJUAN = "Meningkatnya kualitas perencanaan pembangunan daerah yang berbasis data, riset dan inovasi"
SASARAN = [
    ("Meningkatnya konsistensi dan partisipasi dalam perencanaan pembangunan daerah", [1, 2]),
    ("Meningkatnya inovasi daerah dan pemanfaatan hasil riset", [3, 4]),
]

USULAN = [  # name, lokasi, indicator, besaran, catatan
    (
        "Pendampingan penyusunan RKPDes berbasis data Satu Data Desa",
        "Kecamatan Glenmore dan Kecamatan Kalibaru",
        "Jumlah desa yang didampingi",
        "14 desa",
        "Diakomodasi pada Sub Kegiatan Penyiapan Bahan Koordinasi Musrenbang Kecamatan",
    ),
    (
        "Kajian pengembangan sentra perikanan tangkap",
        "Kecamatan Muncar",
        "Jumlah dokumen kajian",
        "1 dokumen",
        "Diakomodasi pada Sub Kegiatan Penelitian dan Pengembangan Kelautan dan Perikanan",
    ),
    (
        "Lomba inovasi desa dan kelurahan",
        "Kabupaten Banyuwangi",
        "Jumlah inovasi desa yang dinilai",
        "60 inovasi",
        "Diakomodasi pada Sub Kegiatan Diseminasi Jenis, Prosedur dan Metode Penyelenggaraan Pemerintahan Daerah yang Bersifat Inovatif",
    ),
    (
        "Pembangunan gedung pusat data dan riset daerah",
        "Kecamatan Banyuwangi",
        "Jumlah gedung",
        "1 unit",
        "Belum dapat diakomodasi; diusulkan pada tahun 2026",
    ),
]

STAFF = [  # pendidikan, PNS, PPPK
    ("S3", 2, 0),
    ("S2", 14, 0),
    ("S1/D4", 24, 3),
    ("D3", 3, 1),
    ("SMA/SMK", 4, 1),
]

INOVASI = [  # kelompok, inisiatif, uji coba, penerapan
    ("Perangkat Daerah (Dinas/Badan/Sekretariat)", 9, 14, 72),
    ("Kecamatan", 4, 6, 31),
    ("Rumah Sakit Daerah dan Puskesmas", 3, 5, 24),
    ("Masyarakat dan Desa", 6, 4, 9),
]


# --------------------------------------------------------------------------- helpers


def budget(nom: Any) -> Budget:
    rng = random.Random(SEED)
    b = Budget(nom, HEAD)
    for code, (target, amount, target_next, sumber) in PLAN.items():
        grow = rng.uniform(1.02, 1.07) if code != "5.01.01.2.07.06" else 0.85
        b.add(code, amount, round_to(amount * grow, 50_000), target=target, target_next=target_next, sumber=sumber)
    return b


def bidang_of(code: str) -> str:
    return ".".join(code.split(".")[:2])


def segments(code: str) -> dict[str, str]:
    """'5.01.02.2.01.03' -> code_u 5, code_b 01, code_p 02, code_k 2.01, code_s 0003."""
    parts = code.split(".")
    out = {"code_u": parts[0]}
    if len(parts) >= 2:
        out["code_b"] = parts[1]
    if len(parts) >= 3:
        out["code_p"] = parts[2]
    if len(parts) >= 5:
        out["code_k"] = f"{parts[3]}.{parts[4]}"
    if len(parts) >= 6:
        out["code_s"] = parts[5].zfill(4)
    return out


def unit_of(line: Line) -> str:
    if line.official.level == "sub_kegiatan":
        return line.official.satuan or ""
    return PARENT_INDICATORS[line.official.code][3]


def with_unit(value: str, unit: str) -> str:
    return f"{value}%" if unit == "%" else f"{value} {unit}"


def targets_of(line: Line) -> tuple[str, str, str]:
    """(indicator, target 2025 with unit, target 2026 with unit)."""
    unit = unit_of(line)
    if line.official.level == "sub_kegiatan":
        return (
            line.official.indikator or "",
            with_unit(num(line.extra["target"]), unit),
            with_unit(num(line.extra["target_next"]), unit),
        )
    indicator, t, t_next, _ = PARENT_INDICATORS[line.official.code]
    return indicator, with_unit(t, unit), with_unit(t_next, unit)


def sumber_of(line: Line, subs: list[Line]) -> str:
    if line.official.level == "sub_kegiatan":
        return str(line.extra["sumber"])
    own = [s.extra["sumber"] for s in subs if s.official.code.startswith(line.official.code + ".")]
    return ", ".join(dict.fromkeys(own))


def bidang_total(b: Budget, bidang: str) -> tuple[int, int]:
    subs = [s for s in b.subs if bidang_of(s.official.code) == bidang]
    return sum(s.amount for s in subs), sum(s.amount_next for s in subs)


def bidang_name(nom: Any, bidang: str) -> str:
    entry = nom.lookup(bidang)
    assert entry is not None, bidang
    return str(entry.name)


col = common.column
h = common.header_cell


def title_program(name: str) -> str:
    """'PROGRAM PENELITIAN DAN PENGEMBANGAN DAERAH' -> 'Program Penelitian dan Pengembangan Daerah'."""
    return common.title_case(name, ("dan", "di", "pada", "atau", "yang", "dalam"))


# --------------------------------------------------------------------------- tables


def tc33(b: Budget, nom: Any) -> dict[str, Any]:
    subs = b.subs
    rows: list[dict[str, Any]] = []
    current = None
    for line in b.tree():
        code = line.official.code
        bidang = bidang_of(code)
        if bidang != current:
            current = bidang
            amount, amount_next = bidang_total(b, bidang)
            rows.append(
                {
                    "level": "other",
                    "code": None,
                    "cells": {
                        **segments(bidang),
                        "name": bidang_name(nom, bidang),
                        "amount": amount,
                        "amount_next": amount_next,
                    },
                }
            )
        indicator, target, target_next = targets_of(line)
        note = "Prioritas daerah" if code in ("5.01.02.2.01.05", "5.05.02.2.04.03") else ""
        cells: dict[str, Any] = {
            **segments(code),
            "name": line.official.name,
            "indicator": indicator,
            "lokasi": LOKASI,
            "target": target,
            "amount": line.amount,
            "sumber_dana": sumber_of(line, subs),
            "catatan": note,
            "target_next": target_next,
            "amount_next": line.amount_next,
        }
        rows.append({"level": line.official.level, "code": code, "cells": {k: v for k, v in cells.items() if v != ""}})
    rows.append(
        {"level": "total", "code": None, "cells": {"name": "JUMLAH", "amount": b.total, "amount_next": b.total_next}}
    )
    return {
        "kind": "T-C.33",
        "columns": [
            col("code_u", 0.6, "center"),
            col("code_b", 0.7, "center"),
            col("code_p", 0.7, "center"),
            col("code_k", 0.8, "center"),
            col("code_s", 0.9, "center"),
            col("name", 4.4),
            col("indicator", 4.4),
            col("lokasi", 1.7, "center"),
            col("target", 1.8, "center"),
            col("amount", 2.4, "right"),
            col("sumber_dana", 1.3, "center"),
            col("catatan", 1.9),
            col("target_next", 1.8, "center"),
            col("amount_next", 2.4, "right"),
        ],
        "header": [
            [
                h("Kode", 1, 5),
                h("Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan", 2),
                h("Indikator Kinerja Program/Kegiatan/Sub Kegiatan", 2),
                h(f"Rencana Tahun {YEAR}", 1, 5),
                h(f"Prakiraan Maju Rencana Tahun {YEAR + 1}", 1, 2),
            ],
            [
                h("Urusan"),
                h("Bidang Urusan"),
                h("Program"),
                h("Kegiatan"),
                h("Sub Kegiatan"),
                h("Lokasi"),
                h("Target Capaian Kinerja"),
                h("Kebutuhan Dana/ Pagu Indikatif (Rp)"),
                h("Sumber Dana"),
                h("Catatan Penting"),
                h("Target Capaian Kinerja"),
                h("Kebutuhan Dana/ Pagu Indikatif (Rp)"),
            ],
        ],
        "number_row": [str(i) for i in range(1, 15)],
        "rows": rows,
    }


def tabel41(b: Budget) -> dict[str, Any]:
    subs = b.subs
    rows: list[dict[str, Any]] = []
    for line in b.tree():
        indicator, target, _ = targets_of(line)
        rows.append(
            {
                "level": line.official.level,
                "code": line.official.code,
                "cells": {
                    "code": line.official.code,
                    "name": line.official.name,
                    "indicator": indicator,
                    "lokasi": LOKASI,
                    "target": target,
                    "amount": line.amount,
                    "sumber_dana": sumber_of(line, subs),
                },
            }
        )
    rows.append({"level": "total", "code": None, "cells": {"name": "JUMLAH", "amount": b.total}})
    return {
        "kind": "Tabel 4.1",
        "columns": [
            col("code", 2.5),
            col("name", 5.4),
            col("indicator", 5.8),
            col("lokasi", 2.2, "center"),
            col("target", 2.0, "center"),
            col("amount", 2.7, "right"),
            col("sumber_dana", 1.6, "center"),
        ],
        "header": [
            [
                h("Kode"),
                h("Program/Kegiatan/Sub Kegiatan"),
                h("Indikator Kinerja"),
                h("Lokasi"),
                h("Target Kinerja"),
                h(f"Pagu Indikatif Tahun {YEAR} (Rp)"),
                h("Sumber Dana"),
            ]
        ],
        "rows": rows,
    }


def tc31(b: Budget, nom: Any) -> dict[str, Any]:
    need = {line.official.code: KEBUTUHAN.get(line.official.code, line.amount) for line in b.subs}
    rows: list[dict[str, Any]] = []
    current = None
    for line in b.tree():
        code = line.official.code
        bidang = bidang_of(code)
        if bidang != current:
            current = bidang
            name = bidang_name(nom, bidang)
            rows.append(
                {
                    "level": "other",
                    "code": None,
                    "cells": {
                        "code": bidang,
                        "name": name,
                        "pagu": bidang_total(b, bidang)[0],
                        "name_kebutuhan": name,
                        "kebutuhan_dana": sum(v for c, v in need.items() if bidang_of(c) == bidang),
                    },
                }
            )
        indicator, target, _ = targets_of(line)
        kebutuhan = sum(v for c, v in need.items() if c == code or c.startswith(code + "."))
        rows.append(
            {
                "level": line.official.level,
                "code": code,
                "cells": {
                    "code": code,
                    "name": line.official.name,
                    "lokasi": LOKASI,
                    "indicator": indicator,
                    "target": target,
                    "pagu": line.amount,
                    "name_kebutuhan": line.official.name,
                    "lokasi_kebutuhan": LOKASI,
                    "indicator_kebutuhan": indicator,
                    "target_kebutuhan": target,
                    "kebutuhan_dana": kebutuhan,
                },
            }
        )
    rows.append(
        {
            "level": "total",
            "code": None,
            "cells": {"name": "JUMLAH", "pagu": b.total, "kebutuhan_dana": sum(need.values())},
        }
    )
    return {
        "kind": "T-C.31",
        "columns": [
            col("code", 2.2),
            col("name", 3.2),
            col("lokasi", 1.7, "center"),
            col("indicator", 3.4),
            col("target", 1.6, "center"),
            col("pagu", 2.1, "right"),
            col("name_kebutuhan", 3.2),
            col("lokasi_kebutuhan", 1.7, "center"),
            col("indicator_kebutuhan", 3.4),
            col("target_kebutuhan", 1.6, "center"),
            col("kebutuhan_dana", 2.1, "right"),
        ],
        "header": [
            [h("Kode", 2), h(f"Rancangan Awal RKPD Tahun {YEAR}", 1, 5), h("Hasil Analisis Kebutuhan", 1, 5)],
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
        "number_row": [str(i) for i in range(1, 12)],
        "rows": rows,
    }


def eval_lines(nom: Any) -> list[Any]:
    """The 2023 tree (T-C.29) in code order with official wording."""
    return [official(nom, code, HEAD) for code in sorted(EVAL, key=lambda c: [int(p) for p in c.split(".")])]


def eval_unit(entry: Any) -> str:
    if entry.level == "sub_kegiatan":
        return entry.satuan or ""
    return EVAL_UNITS.get(entry.code, "%")


def tc29(nom: Any) -> dict[str, Any]:
    rows = []
    for entry in eval_lines(nom):
        code = entry.code
        renstra, n3, t2, r2, t1 = EVAL[code]
        unit = eval_unit(entry)
        cumulative = unit != "%"
        indicator = PARENT_INDICATORS[code][0] if entry.level != "sub_kegiatan" else entry.indikator or ""
        if code == "5.05.02.2.04":
            indicator = "Jumlah inovasi daerah yang dilaporkan dalam Indeks Inovasi Daerah"
        capaian = t1 if not cumulative or entry.level != "sub_kegiatan" else n3 + r2 + t1
        rows.append(
            {
                "level": entry.level,
                "code": code,
                "cells": {
                    "code": code,
                    "name": entry.name,
                    "indicator": indicator,
                    "target_renstra": num(renstra),
                    "target_renstra_unit": unit,
                    "realisasi_n3": num(n3),
                    "realisasi_n3_unit": unit,
                    "target_n2": num(t2),
                    "target_n2_unit": unit,
                    "realisasi_n2": num(r2),
                    "realisasi_n2_unit": unit,
                    "tingkat_realisasi": pct(r2 / t2 * 100),
                    "target_n1": num(t1),
                    "target_n1_unit": unit,
                    "realisasi_capaian": num(capaian),
                    "tingkat_capaian": pct(capaian / renstra * 100),
                },
            }
        )
    return {
        "kind": "T-C.29",
        "columns": [
            col("code", 2.3),
            col("name", 3.4),
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
            col("realisasi_capaian", 1.3, "center"),
            col("tingkat_capaian", 1.3, "center"),
        ],
        "header": [
            [
                h("Kode", 2),
                h("Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan", 2),
                h("Indikator Kinerja Program (Outcome)/ Kegiatan (Output)", 2),
                h("Target Kinerja Capaian Program (Renstra Perangkat Daerah) Tahun 2026", 1, 2),
                h("Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan s/d Tahun 2022 (n-3)", 1, 2),
                h("Target Renja Perangkat Daerah Tahun 2023 (n-2)", 1, 2),
                h("Realisasi Renja Perangkat Daerah Tahun 2023 (n-2)", 1, 2),
                h("Tingkat Realisasi (%)", 2),
                h("Target Program dan Kegiatan Renja Perangkat Daerah Tahun 2024 (n-1)", 1, 2),
                h("Realisasi Capaian Program dan Kegiatan s/d Tahun 2024", 2),
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
            "8 = 7/6",
            "9",
            "",
            "10 = 5+7+9",
            "11 = 10/4",
        ],
        "rows": rows,
    }


def tc30() -> dict[str, Any]:
    rows = []
    years = [2023, 2024, 2025, 2026]
    for i, ind in enumerate(INDICATORS, start=1):
        t = dict(zip(years, ind["targets"]))
        sign = "%" if ind["unit"] == "%" else ""
        rows.append(
            {
                "level": "other",
                "code": None,
                "cells": {
                    "no": str(i),
                    "indicator": ind["indicator"],
                    "spm": ind["spm"],
                    "ikk": ind["ikk"],
                    **{f"target_{y}": t[y] + sign for y in years},
                    "realisasi_2023": ind["r2023"] + sign,
                    "realisasi_2024": ind["r2024"] + sign,
                    "proyeksi_2025": t[2025] + sign,
                    "proyeksi_2026": t[2026] + sign,
                    "catatan": ind["catatan"],
                },
            }
        )
    return {
        "kind": "T-C.30",
        "columns": [
            col("no", 0.7, "center"),
            col("indicator", 5.0),
            col("spm", 1.7, "center"),
            col("ikk", 1.1, "center"),
        ]
        + [col(f"target_{y}", 1.45, "center") for y in years]
        + [col("realisasi_2023", 1.45, "center"), col("realisasi_2024", 1.45, "center")]
        + [col("proyeksi_2025", 1.45, "center"), col("proyeksi_2026", 1.45, "center"), col("catatan", 5.0)],
        "header": [
            [
                h("No", 2),
                h("Indikator", 2),
                h("SPM/ Standar Nasional", 2),
                h("IKK", 2),
                h("Target Renstra Perangkat Daerah Tahun", 1, 4),
                h("Realisasi Capaian Tahun", 1, 2),
                h("Proyeksi Tahun", 1, 2),
                h("Catatan Analisis", 2),
            ],
            [h(str(y)) for y in years] + [h("2023"), h("2024*")] + [h("2025"), h("2026")],
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
            col("no", 0.7, "center"),
            col("name", 4.2),
            col("lokasi", 2.8),
            col("indicator", 3.2),
            col("besaran", 1.7, "center"),
            col("catatan", 4.3),
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
    return {
        "kind": "Tabel 3.2",
        "columns": [
            col("no", 0.7, "center"),
            col("tujuan", 4.0),
            col("indicator", 4.2),
            col("formula", 4.4),
            col("target_2025", 1.8, "center"),
            col("target_2026", 1.8, "center"),
        ],
        "header": [
            [
                h("No", 2),
                h("Tujuan", 2),
                h("Indikator Tujuan", 2),
                h("Formula", 2),
                h("Target Kinerja Tujuan pada Tahun", 1, 2),
            ],
            [h("2025"), h("2026")],
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
                    "target_2025": ind["targets"][2],
                    "target_2026": ind["targets"][3],
                },
            }
        ],
    }


def sasaran_table() -> dict[str, Any]:
    rows = []
    for i, (sasaran, ids) in enumerate(SASARAN, start=1):
        split = []
        for j in ids:
            ind = INDICATORS[j]
            split.append(
                {
                    "indicator": ind["indicator"],
                    "formula": ind["formula"],
                    "target_2025": ind["targets"][2],
                    "target_2026": ind["targets"][3],
                }
            )
        rows.append({"level": "other", "code": None, "cells": {"no": str(i), "sasaran": sasaran}, "split": split})
    return {
        "kind": "Tabel 3.3",
        "columns": [
            col("no", 0.7, "center"),
            col("sasaran", 4.0),
            col("indicator", 4.2),
            col("formula", 4.4),
            col("target_2025", 1.8, "center"),
            col("target_2026", 1.8, "center"),
        ],
        "header": [
            [
                h("No", 2),
                h("Sasaran", 2),
                h("Indikator Sasaran", 2),
                h("Formula", 2),
                h("Target Kinerja Sasaran pada Tahun", 1, 2),
            ],
            [h("2025"), h("2026")],
        ],
        "rows": rows,
    }


def staff_table() -> tuple[dict[str, Any], int]:
    rows = []
    pns = pppk = 0
    for i, (pendidikan, a, b) in enumerate(STAFF, start=1):
        pns += a
        pppk += b
        rows.append(
            {
                "level": "other",
                "code": None,
                "cells": {
                    "no": str(i),
                    "pendidikan": pendidikan,
                    "pns": str(a),
                    "pppk": str(b) if b else "-",
                    "jumlah": str(a + b),
                },
            }
        )
    rows.append(
        {
            "level": "total",
            "code": None,
            "cells": {"pendidikan": "Jumlah", "pns": str(pns), "pppk": str(pppk), "jumlah": str(pns + pppk)},
        }
    )
    return {
        "kind": "other",
        "columns": [
            col("no", 0.9, "center"),
            col("pendidikan", 5.0),
            col("pns", 2.4, "center"),
            col("pppk", 2.4, "center"),
            col("jumlah", 2.4, "center"),
        ],
        "header": [[h("No"), h("Tingkat Pendidikan"), h("PNS"), h("PPPK"), h("Jumlah")]],
        "rows": rows,
    }, pns + pppk


def inovasi_table() -> tuple[dict[str, Any], int]:
    rows = []
    sums = [0, 0, 0]
    for i, (kelompok, *values) in enumerate(INOVASI, start=1):
        sums = [s + v for s, v in zip(sums, values)]
        rows.append(
            {
                "level": "other",
                "code": None,
                "cells": {
                    "no": str(i),
                    "kelompok": kelompok,
                    "inisiatif": str(values[0]),
                    "uji_coba": str(values[1]),
                    "penerapan": str(values[2]),
                    "jumlah": str(sum(values)),
                },
            }
        )
    total = sum(sums)
    rows.append(
        {
            "level": "total",
            "code": None,
            "cells": {
                "kelompok": "Jumlah",
                "inisiatif": str(sums[0]),
                "uji_coba": str(sums[1]),
                "penerapan": str(sums[2]),
                "jumlah": str(total),
            },
        }
    )
    return {
        "kind": "other",
        "columns": [
            col("no", 0.9, "center"),
            col("kelompok", 6.0),
            col("inisiatif", 2.2, "center"),
            col("uji_coba", 2.2, "center"),
            col("penerapan", 2.2, "center"),
            col("jumlah", 2.2, "center"),
        ],
        "header": [
            [h("No", 2), h("Pengusul Inovasi", 2), h("Tahapan Inovasi", 1, 3), h("Jumlah", 2)],
            [h("Inisiatif"), h("Uji Coba"), h("Penerapan")],
        ],
        "rows": rows,
    }, total


# --------------------------------------------------------------------------- narrative


LEGAL = [
    "Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional;",
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang;",
    "Undang-Undang Nomor 11 Tahun 2019 tentang Sistem Nasional Ilmu Pengetahuan dan Teknologi;",
    "Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah;",
    "Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah;",
    "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah;",
    "Peraturan Presiden Nomor 78 Tahun 2021 tentang Badan Riset dan Inovasi Nasional;",
    "Peraturan Menteri Dalam Negeri Nomor 17 Tahun 2016 tentang Pedoman Penelitian dan Pengembangan di Lingkungan Kementerian Dalam Negeri dan Pemerintahan Daerah;",
    "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah, Tata Cara Evaluasi Rancangan Peraturan Daerah tentang Rencana Pembangunan Jangka Panjang Daerah dan Rencana Pembangunan Jangka Menengah Daerah, serta Tata Cara Perubahan Rencana Pembangunan Jangka Panjang Daerah, Rencana Pembangunan Jangka Menengah Daerah, dan Rencana Kerja Pemerintah Daerah;",
    "Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019 tentang Klasifikasi, Kodefikasi, dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah;",
    "Keputusan Menteri Dalam Negeri Nomor 900.1.15.5-1317 Tahun 2023 tentang Perubahan atas Keputusan Menteri Dalam Negeri Nomor 050-5889 Tahun 2021 tentang Hasil Verifikasi, Validasi dan Inventarisasi Pemutakhiran Klasifikasi, Kodefikasi dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah;",
    "Peraturan Daerah Kabupaten Banyuwangi Nomor 8 Tahun 2021 tentang Rencana Pembangunan Jangka Menengah Daerah Kabupaten Banyuwangi Tahun 2021-2026;",
    "Peraturan Bupati Banyuwangi Nomor 52 Tahun 2021 tentang Rencana Strategis Perangkat Daerah Kabupaten Banyuwangi Tahun 2021-2026;",
    "Peraturan Bupati Banyuwangi Nomor 47 Tahun 2023 tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah;",
    f"Peraturan Bupati Banyuwangi Nomor 31 Tahun 2024 tentang Rencana Kerja Pemerintah Daerah Kabupaten Banyuwangi Tahun {YEAR}.",
]


def program_list_items(b: Budget) -> list[str]:
    """BAB III list: programs I., kegiatan 1., sub kegiatan a. (names as the nomenclature)."""
    items: list[str] = []
    roman = ["I", "II", "III", "IV", "V", "VI"]
    p = k = s = 0
    for line in b.tree():
        level = line.official.level
        name = line.official.name
        if level == "program":
            items.append(f"{roman[p]}. {title_program(name)}")
            p += 1
            k = 0
        elif level == "kegiatan":
            k += 1
            s = 0
            items.append(f"{k}. Kegiatan {name}")
        else:
            s += 1
            items.append(f"{'abcdefghijklmnopqrstuvwxyz'[s - 1]}. Sub Kegiatan {name}")
    return items


def body(b: Budget, nom: Any, staff_total: int, inovasi_total: int) -> list[dict[str, Any]]:
    programs = b.lines_at("program")
    kegiatan = b.lines_at("kegiatan")
    subs = b.lines_at("sub_kegiatan")
    modal = next(k.amount for k in kegiatan if k.official.code == MODAL_KEGIATAN)
    operasi = b.total - modal
    lines23 = eval_lines(nom)
    n_prog23 = sum(1 for e in lines23 if e.level == "program")
    n_keg23 = sum(1 for e in lines23 if e.level == "kegiatan")
    n_sub23 = sum(1 for e in lines23 if e.level == "sub_kegiatan")
    short = {
        lv: [e for e in lines23 if e.level == lv and EVAL[e.code][3] < EVAL[e.code][2]]
        for lv in ("program", "kegiatan", "sub_kegiatan")
    }
    rasio = REALISASI_2023 / PAGU_2023 * 100
    bidang_501 = bidang_total(b, "5.01")[0]
    bidang_505 = bidang_total(b, "5.05")[0]

    out: list[dict[str, Any]] = []
    add = out.append
    # ---- cover
    add(section("portrait", numbering="none", header=""))
    add(
        {
            "type": "cover",
            "lines": [
                "RENCANA KERJA",
                "PERANGKAT DAERAH",
                f"TAHUN {YEAR}",
                "",
                UNIT_UP,
                "(BAPPERIDA)",
                "",
                "PEMERINTAH KABUPATEN BANYUWANGI",
            ],
        }
    )
    # ---- front matter
    add(section("portrait", numbering="lower_roman", start=1, page_format=PAGE_FORMAT))
    add(caption("KATA PENGANTAR"))
    add(
        para(
            "Puji syukur kami panjatkan ke hadirat Allah SWT atas limpahan rahmat dan karunia-Nya sehingga Rencana Kerja "
            f"Perangkat Daerah (Renja PD) {FULL} Tahun {YEAR} dapat diselesaikan. Renja ini merupakan penjabaran tahun "
            f"terakhir pelaksanaan Rencana Strategis Perangkat Daerah Tahun {RENSTRA} sebelum disusunnya Renstra periode "
            "berikutnya, dan memuat program, kegiatan dan sub kegiatan beserta indikator kinerja, target dan pagu "
            "indikatifnya."
        )
    )
    add(
        para(
            "Penyusunan Renja berpedoman pada Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 serta memperhatikan hasil "
            "evaluasi pelaksanaan Renja tahun 2023. Sebagian besar target kinerja tahun 2023 telah tercapai, namun masih "
            "terdapat program, kegiatan dan sub kegiatan yang realisasinya belum sesuai target sebagaimana diuraikan pada "
            "Bab II, sehingga menjadi bahan perbaikan dalam perencanaan tahun ini."
        )
    )
    add(
        para(
            "Kami menyampaikan terima kasih kepada seluruh pihak yang telah berkontribusi dalam penyusunan dokumen ini. "
            "Semoga Renja ini bermanfaat bagi peningkatan kualitas perencanaan pembangunan, riset dan inovasi di "
            "Kabupaten Banyuwangi."
        )
    )
    add(
        {
            "type": "signature",
            "lines": [
                PLACE_DATE,
                "KEPALA BADAN PERENCANAAN PEMBANGUNAN,",
                "RISET DAN INOVASI DAERAH",
                "KABUPATEN BANYUWANGI",
                "",
                "",
                "",
                KEPALA[0],
                KEPALA[1],
                KEPALA[2],
            ],
        }
    )
    add({"type": "page_break"})
    add({"type": "toc", "of": "headings", "title": "DAFTAR ISI", "levels": 2})

    # ---- BAB I
    add(section("portrait", numbering="arabic", start=1, header=HEADER))
    add(heading(1, "BAB I PENDAHULUAN"))
    add(heading(2, "A. Latar Belakang"))
    add(
        para(
            "Perencanaan pembangunan daerah merupakan satu kesatuan dalam sistem perencanaan pembangunan nasional yang "
            "dilaksanakan secara sistematis, terarah, terpadu, menyeluruh dan tanggap terhadap perubahan. Setiap perangkat "
            "daerah wajib menyusun Rencana Kerja Perangkat Daerah (Renja PD) sebagai dokumen perencanaan tahunan yang "
            "memuat program, kegiatan dan sub kegiatan beserta indikator kinerja, target dan pagu indikatifnya."
        )
    )
    add(
        para(
            f"{FULL} ({ABBR}) dibentuk berdasarkan Peraturan Bupati Banyuwangi Nomor 47 Tahun 2023 dengan tugas membantu "
            "Bupati melaksanakan fungsi penunjang urusan pemerintahan bidang perencanaan serta bidang penelitian dan "
            "pengembangan. Selain merumuskan dokumen perencanaan pembangunan daerah, Bapperida melaksanakan riset dan "
            "inovasi daerah yang terintegrasi dengan Badan Riset dan Inovasi Nasional (BRIN) sesuai Peraturan Presiden "
            "Nomor 78 Tahun 2021, mengelola Indeks Inovasi Daerah, serta memfasilitasi hak kekayaan intelektual atas "
            "inovasi yang dihasilkan perangkat daerah dan masyarakat."
        )
    )
    add(
        para(
            "Renja PD disusun melalui tahapan persiapan, penyusunan rancangan awal, penyusunan rancangan, pelaksanaan "
            "Forum Perangkat Daerah, perumusan rancangan akhir dan penetapan. Penyusunannya mengacu pada rancangan awal "
            f"RKPD Tahun {YEAR} dan Renstra Perangkat Daerah Tahun {RENSTRA}, sehingga program dan kegiatan yang "
            "direncanakan selaras dengan prioritas pembangunan daerah."
        )
    )
    add(heading(2, "B. Landasan Hukum"))
    add(para("Landasan hukum penyusunan Renja Bapperida adalah sebagai berikut:"))
    add(lst([f"{i}. {text}" for i, text in enumerate(LEGAL, start=1)]))
    add(heading(2, "C. Maksud dan Tujuan"))
    add(
        para(
            f"Maksud penyusunan Renja {ABBR} Tahun {YEAR} adalah menyediakan dokumen perencanaan tahunan yang menjadi "
            f"pedoman penyusunan Rencana Kerja dan Anggaran (RKA) Bapperida Tahun Anggaran {YEAR}."
        )
    )
    add(para("Adapun tujuan penyusunan Renja ini adalah:"))
    add(
        lst(
            [
                f"1. menjabarkan Renstra Perangkat Daerah Tahun {RENSTRA} ke dalam rencana tahunan;",
                "2. menyelaraskan program dan kegiatan Bapperida dengan prioritas pembangunan dalam RKPD;",
                "3. menjadi tolok ukur pengendalian dan evaluasi kinerja Bapperida;",
                "4. mewujudkan efisiensi alokasi sumber daya dalam pelaksanaan riset dan inovasi daerah.",
            ]
        )
    )
    add(heading(2, "D. Sistematika Penulisan"))
    add(para("Renja Bapperida disusun dengan sistematika sebagai berikut:"))
    add(
        lst(
            [
                "BAB I PENDAHULUAN, memuat latar belakang, landasan hukum, maksud dan tujuan, serta sistematika penulisan.",
                "BAB II HASIL EVALUASI RENJA PERANGKAT DAERAH TAHUN LALU, memuat evaluasi pelaksanaan Renja dan capaian Renstra, analisis kinerja pelayanan, isu-isu penting, review terhadap rancangan awal RKPD, penelaahan usulan masyarakat serta analisis inovasi dan riset daerah.",
                "BAB III TUJUAN DAN SASARAN PERANGKAT DAERAH, memuat telaahan terhadap kebijakan nasional, tujuan dan sasaran, serta program dan kegiatan.",
                "BAB IV RENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH, memuat rencana program, kegiatan dan sub kegiatan beserta indikator, target, lokasi, pagu indikatif dan sumber dana.",
                "BAB V PENUTUP, memuat catatan penting, kaidah pelaksanaan dan rencana tindak lanjut.",
            ]
        )
    )

    # ---- BAB II
    add({"type": "page_break"})
    add(heading(1, "BAB II HASIL EVALUASI RENJA PERANGKAT DAERAH TAHUN LALU"))
    add(heading(2, "A. Evaluasi Pelaksanaan Renja Perangkat Daerah Tahun Lalu dan Capaian Renstra Perangkat Daerah"))
    add(
        para(
            "Evaluasi dilakukan terhadap pelaksanaan Renja Tahun 2023 (tahun n-2) dan perkiraan capaian tahun 2024 yang "
            f"sedang berjalan. Pada tahun 2023 Bapperida melaksanakan {count(n_prog23)} program, {count(n_keg23)} kegiatan "
            f"dan {count(n_sub23)} sub kegiatan yang dievaluasi sebagaimana tabel berikut."
        )
    )
    add(section("landscape"))
    add(
        caption(
            "Tabel 2.1",
            "T-C.29 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah dan Pencapaian Renstra Perangkat Daerah s/d Tahun 2023",
            f"{FULL}",
        )
    )
    add(table("tc29"))
    add(section("portrait"))
    named_sub = ", ".join(f"{e.name} ({pct(EVAL[e.code][3] / EVAL[e.code][2] * 100)}%)" for e in short["sub_kegiatan"])
    named_keg = ", ".join(e.name for e in short["kegiatan"])
    named_prog = ", ".join(title_program(e.name) for e in short["program"])
    add(
        para(
            f"Dari {count(n_sub23)} sub kegiatan yang dilaksanakan pada tahun 2023, sebanyak "
            f"{count(len(short['sub_kegiatan']))} sub kegiatan belum mencapai target, yaitu {named_sub}. Pada tingkat "
            f"kegiatan, {count(len(short['kegiatan']))} kegiatan belum mencapai target, yaitu {named_keg}, dan pada "
            f"tingkat program {count(len(short['program']))} program, yaitu {named_prog}. Program, kegiatan dan sub "
            "kegiatan lainnya mencapai target 100% atau lebih."
        )
    )
    add(
        para(
            "Belum tercapainya target disebabkan oleh keterbatasan kapasitas verifikasi usulan Musrenbang Kecamatan yang "
            "melonjak menjelang tahun politik, serta satu kajian teknologi tepat guna yang belum selesai karena "
            "ketersediaan data lapangan."
        )
    )
    add(
        para(
            f"Dari sisi keuangan, pagu anggaran Bapperida tahun 2023 sebesar {rp(PAGU_2023)} terealisasi sebesar "
            f"{rp(REALISASI_2023)} atau {pct(rasio)}%. Sisa anggaran terutama berasal dari efisiensi belanja pegawai dan "
            "sisa hasil pengadaan barang dan jasa."
        )
    )

    add(heading(2, "B. Analisis Kinerja Pelayanan Perangkat Daerah"))
    add(heading(3, "1. Sumber Daya Aparatur"))
    add(
        para(
            "Susunan organisasi Bapperida terdiri atas Kepala Badan, Sekretariat, Bidang Perencanaan, Pengendalian dan "
            "Evaluasi Pembangunan Daerah, Bidang Pemerintahan dan Pembangunan Manusia, Bidang Perekonomian, Infrastruktur "
            "dan Kewilayahan, Bidang Riset dan Inovasi Daerah, serta Kelompok Jabatan Fungsional."
        )
    )
    add(
        {
            "type": "figure",
            "kind": "org_chart",
            "height": 6.5,
            "labels": [
                "KEPALA BADAN",
                "SEKRETARIAT",
                "Bidang Perencanaan, Pengendalian dan Evaluasi",
                "Bidang Pemerintahan dan Pembangunan Manusia",
                "Bidang Perekonomian, Infrastruktur dan Kewilayahan",
                "Bidang Riset dan Inovasi Daerah",
                "Kelompok Jabatan Fungsional",
            ],
            "caption": [f"Gambar 2.1 Struktur Organisasi {ABBR} {REGION}"],
        }
    )
    add(
        para(
            f"Pada pertengahan tahun 2024 Bapperida didukung oleh {count(staff_total)} orang Aparatur Sipil Negara, terdiri "
            "atas Pegawai Negeri Sipil dan Pegawai Pemerintah dengan Perjanjian Kerja (PPPK), dengan komposisi menurut "
            "tingkat pendidikan sebagai berikut."
        )
    )
    add(table("pegawai"))
    add(caption(f"Tabel 2.2 Jumlah Aparatur Sipil Negara {ABBR} menurut Tingkat Pendidikan Tahun 2024"))
    add(heading(3, "2. Capaian Kinerja Pelayanan"))
    add(
        para(
            "Capaian indikator kinerja pelayanan Bapperida dibandingkan dengan target Renstra disajikan pada Tabel 2.3 "
            "(T-C.30). Konsistensi program RKPD dengan RPJMD dan Indeks Inovasi Daerah telah melampaui target, sedangkan "
            "persentase usulan Musrenbang yang diakomodasi masih di bawah target."
        )
    )
    add(section("landscape"))
    add(caption("Tabel 2.3", f"T-C.30 Pencapaian Kinerja Pelayanan Perangkat Daerah {FULL}"))
    add(table("tc30"))
    add(para("Keterangan: *) perkiraan realisasi tahun berjalan."))
    add(section("portrait"))
    add(heading(2, "C. Isu-isu Penting Penyelenggaraan Tugas dan Fungsi Perangkat Daerah"))
    add(para("Isu-isu penting yang dihadapi Bapperida dalam penyelenggaraan tugas dan fungsinya adalah:"))
    add(
        lst(
            [
                "1. Kualitas dan kemutakhiran data perencanaan pembangunan belum merata antar perangkat daerah, sehingga integrasi Satu Data Banyuwangi perlu dipercepat.",
                "2. Jumlah usulan Musrenbang yang terus meningkat belum diimbangi kemampuan pagu indikatif, sehingga diperlukan skala prioritas yang lebih tajam.",
                "3. Pemanfaatan hasil riset sebagai dasar kebijakan belum optimal dan jabatan fungsional peneliti masih terbatas.",
                "4. Keberlanjutan inovasi daerah setelah tahap uji coba belum terjamin dalam penganggaran perangkat daerah.",
                "5. Penyusunan RPJMD dan Renstra periode berikutnya menuntut kesiapan data dan analisis sejak tahun 2025.",
            ]
        )
    )
    add(heading(2, "D. Review terhadap Rancangan Awal RKPD"))
    add(
        para(
            f"Rancangan awal RKPD Tahun {YEAR} memuat pagu indikatif Bapperida sebesar {rp(b.total)}, yang terdiri atas "
            f"bidang perencanaan sebesar {rp(bidang_501)} dan bidang penelitian dan pengembangan sebesar {rp(bidang_505)}. "
            "Hasil analisis kebutuhan menunjukkan kebutuhan dana yang lebih besar pada tiga sub kegiatan, yaitu pengadaan "
            "peralatan dan mesin, penerapan sistem informasi pembangunan daerah, serta penelitian teknologi dan inovasi. "
            "Hasil review disajikan pada Tabel 2.5 (T-C.31) berikut."
        )
    )
    add(section("landscape"))
    add(caption("Tabel 2.5", f"T-C.31 Review terhadap Rancangan Awal RKPD Tahun {YEAR}", f"{FULL}"))
    add(table("tc31"))
    add(section("portrait"))
    add(heading(2, "E. Penelaahan Usulan Program dan Kegiatan Masyarakat"))
    add(
        para(
            "Usulan masyarakat dihimpun melalui Musrenbang Desa, Musrenbang Kecamatan, Forum Perangkat Daerah dan "
            "pokok-pokok pikiran DPRD Kabupaten Banyuwangi. Usulan yang berkaitan dengan tugas dan fungsi Bapperida beserta "
            "tindak lanjutnya disajikan pada Tabel 2.6."
        )
    )
    add(
        caption(
            "Tabel 2.6", f"T-C.32 Usulan Program dan Kegiatan dari Para Pemangku Kepentingan Tahun {YEAR}", f"{FULL}"
        )
    )
    add(table("tc32"))
    add(heading(2, "F. Analisis Pelaksanaan Inovasi dan Riset Daerah"))
    add(
        para(
            f"Pada pengukuran Indeks Inovasi Daerah tahun 2023, Kabupaten Banyuwangi melaporkan {count(inovasi_total)} "
            "inovasi daerah dan kembali memperoleh predikat Sangat Inovatif. Rekapitulasi inovasi menurut pengusul dan "
            "tahapannya disajikan pada tabel berikut."
        )
    )
    add(table("inovasi"))
    add(caption("Tabel 2.7 Rekapitulasi Inovasi Daerah Kabupaten Banyuwangi menurut Pengusul dan Tahapan Tahun 2023"))
    add(
        para(
            "Bapperida mengoordinasikan riset dan kajian bersama perguruan tinggi di Kabupaten Banyuwangi dan jejaring "
            "riset BRIN. Hasil kajian tahun 2023 meliputi kajian pengembangan kawasan agropolitan, kajian penurunan "
            "stunting dan kajian pariwisata berbasis desa, yang rekomendasinya telah dimanfaatkan dalam penyusunan RKPD."
        )
    )

    # ---- BAB III
    add({"type": "page_break"})
    add(heading(1, "BAB III TUJUAN DAN SASARAN PERANGKAT DAERAH"))
    add(heading(2, "A. Telaahan terhadap Kebijakan Nasional"))
    add(
        para(
            "Arah kebijakan nasional menempatkan perencanaan berbasis data dan riset sebagai landasan transformasi "
            "tata kelola pemerintahan. Undang-Undang Nomor 11 Tahun 2019 mengamanatkan pemerintah daerah membentuk "
            "badan riset dan inovasi daerah yang terintegrasi dengan BRIN, sedangkan Peraturan Pemerintah Nomor 38 Tahun "
            "2017 mendorong inovasi dalam penyelenggaraan pemerintahan daerah."
        )
    )
    add(
        para(
            "Sejalan dengan RPJMD Provinsi Jawa Timur, Bapperida juga menyelaraskan prioritas pembangunan daerah dengan "
            "sasaran pembangunan provinsi dan nasional, khususnya penurunan kemiskinan ekstrem, penurunan stunting dan "
            "peningkatan investasi."
        )
    )
    add(heading(2, "B. Tujuan dan Sasaran Renja Perangkat Daerah"))
    add(
        para(
            f"Tujuan Bapperida sebagaimana ditetapkan dalam Renstra Perangkat Daerah Tahun {RENSTRA} adalah "
            f"{TUJUAN.lower()}, dengan indikator dan target sebagaimana tabel berikut."
        )
    )
    add(table("tujuan"))
    add(caption("Tabel 3.1 Tujuan, Indikator dan Target Kinerja Tujuan Bapperida"))
    add(
        para(
            f"Tujuan tersebut dicapai melalui {count(len(SASARAN))} sasaran, yaitu {SASARAN[0][0].lower()} dan "
            f"{SASARAN[1][0].lower()}."
        )
    )
    add(table("sasaran"))
    add(caption("Tabel 3.2 Sasaran, Indikator dan Target Kinerja Sasaran Bapperida"))
    add(heading(2, "C. Program dan Kegiatan"))
    add(
        para(
            f"Untuk mencapai tujuan dan sasaran tersebut, pada tahun {YEAR} Bapperida merencanakan "
            f"{count(len(programs))} program, {count(len(kegiatan))} kegiatan dan {count(len(subs))} sub kegiatan "
            "sebagai berikut:"
        )
    )
    add(lst(program_list_items(b)))

    # ---- BAB IV
    add({"type": "page_break"})
    add(heading(1, "BAB IV RENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH"))
    add(
        para(
            f"Rencana kerja dan pendanaan Bapperida Tahun {YEAR} disusun berdasarkan pagu indikatif dalam rancangan akhir "
            "RKPD dengan mempertimbangkan hasil evaluasi, isu-isu penting dan usulan para pemangku kepentingan."
        )
    )
    add(
        para(
            f"Jumlah pagu indikatif Bapperida Tahun {YEAR} direncanakan sebesar {rp(b.total)} ({terbilang(b.total)} "
            f"rupiah), terdiri atas Belanja Operasi sebesar {rp(operasi)} dan Belanja Modal sebesar {rp(modal)}. "
            f"Prakiraan maju tahun {YEAR + 1} sebesar {rp(b.total_next)}."
        )
    )
    add(para(f"Program yang direncanakan pada tahun {YEAR} sebanyak {count(len(programs))} program, yaitu:"))
    add(
        lst([f"{i}. {title_program(p.official.name)} sebesar {rp(p.amount)};" for i, p in enumerate(programs, start=1)])
    )
    add(
        para(
            "Rencana program, kegiatan dan sub kegiatan beserta indikator kinerja, lokasi, target, pagu indikatif dan "
            "sumber dana disajikan pada Tabel 4.1, sedangkan rumusan rencana program dan kegiatan beserta prakiraan "
            "majunya disajikan pada Tabel 4.2 (T-C.33)."
        )
    )
    add(section("landscape"))
    add(table("tabel41"))
    add(caption(f"Tabel 4.1 Rencana Program, Kegiatan dan Sub Kegiatan {ABBR} Tahun {YEAR}"))
    add({"type": "page_break"})
    add(
        caption(
            "Tabel 4.2",
            f"T-C.33 Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun {YEAR} dan Prakiraan Maju Tahun {YEAR + 1}",
            f"{FULL}",
        )
    )
    add(table("tc33"))
    add(section("portrait"))

    # ---- BAB V
    add(heading(1, "BAB V PENUTUP"))
    add(heading(2, "A. Catatan Penting"))
    add(
        para(
            f"Renja {ABBR} Tahun {YEAR} merupakan tahun terakhir pelaksanaan Renstra Perangkat Daerah Tahun {RENSTRA}. "
            "Capaian akhir Renstra menjadi dasar penyusunan Renstra periode berikutnya bersamaan dengan penyusunan RPJMD."
        )
    )
    add(heading(2, "B. Kaidah Pelaksanaan"))
    add(
        lst(
            [
                "1. seluruh unit kerja di lingkungan Bapperida melaksanakan program dan kegiatan sesuai Renja ini;",
                "2. pengendalian dan evaluasi pelaksanaan Renja dilakukan setiap triwulan;",
                "3. perubahan kebijakan dan pagu anggaran ditampung melalui mekanisme perubahan Renja.",
            ]
        )
    )
    add(heading(2, "C. Rencana Tindak Lanjut"))
    add(
        para(
            f"Renja ini ditindaklanjuti dengan penyusunan RKA {ABBR} Tahun Anggaran {YEAR}. Semoga Renja ini memberikan "
            "manfaat bagi peningkatan kualitas perencanaan pembangunan, riset dan inovasi daerah di Kabupaten Banyuwangi."
        )
    )
    add(
        {
            "type": "signature",
            "lines": [
                PLACE_DATE,
                "KEPALA BADAN PERENCANAAN PEMBANGUNAN,",
                "RISET DAN INOVASI DAERAH",
                "KABUPATEN BANYUWANGI",
                "",
                "",
                "",
                KEPALA[0],
                KEPALA[1],
                KEPALA[2],
            ],
        }
    )
    return out


# --------------------------------------------------------------------------- specs


def clean_spec() -> dict[str, Any]:
    nom = common.nomenclature(YEAR)
    b = budget(nom)
    staff, staff_total = staff_table()
    assert staff_total == PLAN[GAJI][0], "Gaji target = the ASN of the staff table"
    inovasi, inovasi_total = inovasi_table()
    assert inovasi_total == EVAL["5.05.02.2.04"][3], "innovations reported = T-C.29 realisation of 5.05.02.2.04"
    for code in PLAN:  # every sub kegiatan planned is an official one
        assert official(nom, code, HEAD).level == "sub_kegiatan", code
    spec: dict[str, Any] = {
        "id": CLEAN_ID,
        "family": FAMILY,
        "meta": {"unit": UNIT, "region": REGION, "plan_year": YEAR, "place_date": PLACE_DATE},
        "style": {"font": "Liberation Sans", "body_pt": 11, "table_pt": 7, "thousands": ".", "code_style": "written"},
        "body": body(b, nom, staff_total, inovasi_total),
        "tables": {
            "tc29": tc29(nom),
            "pegawai": staff,
            "tc30": tc30(),
            "tc31": tc31(b, nom),
            "tc32": tc32(),
            "inovasi": inovasi,
            "tujuan": tujuan_table(),
            "sasaran": sasaran_table(),
            "tabel41": tabel41(b),
            "tc33": tc33(b, nom),
        },
    }
    return spec


def defects_spec(clean: dict[str, Any]) -> dict[str, Any]:
    """The clean document with thirteen declared mistakes of every category."""
    spec = common.variant(clean, DEFECTS_ID)
    nom = common.nomenclature(YEAR)
    b = budget(nom)
    defects: list[dict[str, Any]] = []

    def declare(defect_id: str, what: str, *expect: dict[str, Any]) -> None:
        defects.append({"id": defect_id, "what": what, "expect": list(expect)})

    # 1. totals: a sub kegiatan's pagu raised in T-C.33 only (the split-code table)
    code = "5.01.02.2.01.05"
    row = common.row_with(spec, "tc33", code)
    old = row["cells"]["amount"]
    row["cells"]["amount"] = old + 5_000_000
    declare(
        "tc33-sub-sum",
        f"T-C.33: pagu of sub kegiatan {code} (Musrenbang) raised from {rupiah(old, '.')} to "
        f"{rupiah(old + 5_000_000, '.')}; kegiatan 5.01.02.2.01 no longer equals the sum of its sub kegiatan, "
        "and T-C.31 / Tabel 4.1 keep the old pagu",
        {"rule": "TOT-001", "table": "T-C.33", "code": "5.01.02.2.01", "column": "amount"},
        {"rule": "XT-002", "code": code},
        {"rule": "XT-003", "code": code},
    )

    # 2. totals: T-C.29 tingkat realisasi miscomputed for one row
    code = "5.01.02.2.01.06"
    row = common.row_with(spec, "tc29", code)
    right = row["cells"]["tingkat_realisasi"]
    row["cells"]["tingkat_realisasi"] = "105,11"
    declare(
        "tc29-tingkat-realisasi",
        f"T-C.29: tingkat realisasi of {code} written 105,11 (realisasi 1.712 / target 1.800 = {right})",
        {"rule": "TOT-010", "table": "T-C.29", "code": code},
        # read by its printed rate the row no longer falls short, so the BAB II count of
        # sub kegiatan below target (2) disagrees with the table as printed
        {"rule": "NAR-016", "text": "sub kegiatan"},
    )

    # 3. cross-table: T-C.31 target differs from T-C.33 (digits swapped)
    code = "5.01.02.2.01.06"
    row = common.row_with(spec, "tc31", code)
    row["cells"]["target"] = row["cells"]["target_kebutuhan"] = "1.580 Usulan"
    declare(
        "tc31-target",
        f"T-C.31: target of sub kegiatan {code} is 1.580 Usulan while T-C.33 and Tabel 4.1 plan 1.850 Usulan",
        {"rule": "XT-002", "code": code},
    )

    # 4. indicator/target: a T-C.31 target in the wrong unit
    code = "5.01.01.2.01.01"
    row = common.row_with(spec, "tc31", code)
    row["cells"]["target"] = row["cells"]["target_kebutuhan"] = "5 Laporan"
    declare(
        "tc31-unit",
        f'T-C.31: target of {code} "5 Laporan" for the indicator "Jumlah Dokumen Perencanaan Perangkat Daerah" '
        "(unit Dokumen)",
        {"rule": "IT-005", "code": code},
        {"rule": "XT-002", "code": code},
    )

    # 5. year: T-C.31 header left on the previous year's RKPD
    header = spec["tables"]["tc31"]["header"][0]
    header[1]["text"] = f"Rancangan Awal RKPD Tahun {YEAR - 1}"
    declare(
        "tc31-header-year",
        f'T-C.31 header "Rancangan Awal RKPD Tahun {YEAR - 1}" (the plan year is {YEAR})',
        {"rule": "YEAR-001", "table": "T-C.31"},
        {"rule": "YEAR-003", "table": "T-C.31"},
    )

    # 6. year: the narrative refers to the previous year's RKPD
    replace_text(
        spec,
        f"Penyusunannya mengacu pada rancangan awal RKPD Tahun {YEAR}",
        f"Penyusunannya mengacu pada rancangan awal RKPD Tahun {YEAR - 1}",
    )
    declare(
        "narrative-rkpd-year",
        f'BAB I A: "mengacu pada rancangan awal RKPD Tahun {YEAR - 1}" (left from last year\'s Renja)',
        {"rule": "YEAR-003", "column": "narasi", "text": f"RKPD Tahun {YEAR - 1}"},
    )

    # 7. nomenclature: a name misspelled in Tabel 4.1
    code = "5.01.02.2.01.03"
    row = common.row_with(spec, "tabel41", code)
    row["cells"]["name"] = "Pelaksanaan Konsultansi Publik"
    declare(
        "tabel41-name",
        f'Tabel 4.1: sub kegiatan {code} named "Pelaksanaan Konsultansi Publik" (official: Pelaksanaan Konsultasi Publik)',
        {"rule": "NOM-004", "code": code},
        {"rule": "XT-003", "code": code},
    )

    # 8. nomenclature: a code that does not exist (typo) in Tabel 4.1
    code = "5.01.03.2.02.04"
    wrong = "5.01.03.2.02.14"
    row = common.row_with(spec, "tabel41", code)
    row["cells"]["code"] = wrong
    declare(
        "tabel41-code",
        f"Tabel 4.1: sub kegiatan {code} written {wrong}, a code that is not in the nomenclature",
        {"rule": "NOM-003", "code": wrong},
        {"rule": "NOM-003", "text": wrong},
        {"rule": "XT-004", "code": wrong},
        {"rule": "XT-004", "code": code},
    )

    # 9. narrative: the BAB IV total in figures mistyped (words and tables say otherwise)
    right = rp(b.total)
    digits = str(b.total)
    wrong_total = int(digits[:2] + digits[3] + digits[2] + digits[4:])
    assert wrong_total != b.total
    wrong = rp(wrong_total)
    replace_text(spec, f"sebesar {right} (", f"sebesar {wrong} (")
    declare(
        "narrative-total",
        f"BAB IV: total pagu written {wrong} while its words and the tables say {right}",
        {"rule": "NAR-001", "text": rupiah(wrong_total, ".")},
        {"rule": "NAR-003", "text": rupiah(wrong_total, ".")},
        {"rule": "NAR-002", "text": rupiah(wrong_total, ".")},
    )

    # 10. narrative: the number of kegiatan in BAB III is wrong
    n_keg = len(b.lines_at("kegiatan"))
    replace_text(spec, f"{count(n_keg)} kegiatan dan", f"{count(n_keg - 2)} kegiatan dan")
    declare(
        "narrative-count",
        f'BAB III C: "{count(n_keg - 2)} kegiatan" planned, but T-C.33 has {n_keg} kegiatan',
        {"rule": "NAR-004", "text": str(n_keg - 2)},
    )

    # 11. narrative: a paragraph copied from another Badan of another kabupaten
    at = spec["body"].index(common.find_block(spec, "list", "Satu Data Banyuwangi")) + 1
    spec["body"].insert(
        at,
        para(
            "Untuk menjawab isu tersebut, Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan Kabupaten Jember "
            "akan memperkuat pendampingan perencanaan di Kecamatan Ambulu dan Kecamatan Puger serta mengembangkan "
            "aplikasi Jember Satu Data."
        ),
    )
    declare(
        "copied-paragraph",
        "BAB II C: a paragraph copied from the Renja of Bappelitbang Kabupaten Jember names Kabupaten Jember and "
        "its kecamatan Ambulu and Puger",
        {"rule": "NAR-014", "text": "Jember"},
        {"rule": "NAR-014", "text": "Ambulu"},
        {"rule": "NAR-014", "text": "Puger"},
    )

    # 12. narrative: the foreword claims every 2023 target was met; T-C.29 shows shortfalls
    replace_text(
        spec,
        "Sebagian besar target kinerja tahun 2023 telah tercapai, namun masih terdapat program, kegiatan dan sub "
        "kegiatan yang realisasinya belum sesuai target sebagaimana diuraikan pada Bab II, sehingga menjadi bahan "
        "perbaikan dalam perencanaan tahun ini.",
        "Seluruh target kinerja tahun 2023 telah tercapai 100%, sehingga capaian tersebut menjadi landasan dalam "
        "perencanaan tahun ini.",
    )
    declare(
        "all-targets-claim",
        'KATA PENGANTAR: "Seluruh target kinerja tahun 2023 telah tercapai 100%", while T-C.29 shows one program, '
        "one kegiatan and two sub kegiatan below 100 %",
        {"rule": "NAR-015", "text": "Seluruh target"},
    )

    # 13. structure: T-C.32 numbered like T-C.31 (two tables "Tabel 2.5")
    block = common.find_block(spec, "caption", "T-C.32 Usulan Program")
    block["lines"][0] = "Tabel 2.5"
    replace_text(spec, "tindak lanjutnya disajikan pada Tabel 2.6.", "tindak lanjutnya disajikan pada Tabel 2.5.")
    declare(
        "duplicate-table-number",
        'T-C.32 captioned "Tabel 2.5", the number of T-C.31 (two tables numbered 2.5, none 2.6)',
        {"rule": "STR-004", "text": "2.5"},
    )

    spec["defects"] = defects
    return spec


def build() -> list[dict[str, Any]]:
    clean = clean_spec()
    return [clean, defects_spec(clean)]


COMMENT = """Family badan-perencanaan: Renja {year} of Bapperida Kabupaten Banyuwangi (held out: built apart from the tuning).
Written by samples/families/bappeda_kab.py; do not edit by hand.
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
