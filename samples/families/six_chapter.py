"""Family six-chapter-2027: Renja 2027 of Kecamatan Tegalampel, Kabupaten Bondowoso (Jawa Timur),
laid out as the six-chapter drafts of 2027 are (a clean sample and its defect variant).

What sets the family apart from the Lumajang reference template:
- six chapters: BAB II adds 2.6 Penelaahan Pokok-pokok Pikiran DPRD and 2.7 Inovasi Daerah,
  BAB III adds 3.4 Arah Kebijakan, BAB V is "Kinerja Penyelenggaraan Bidang Urusan", BAB VI the closing;
  chapter headings put "BAB I" and its title on two lines;
- front matter numbered i, ii, iii (cover unnumbered), a real DAFTAR ISI with dot leaders and page
  numbers, DAFTAR TABEL and DAFTAR GAMBAR; the body numbered from 1 under a running header;
- three pictures (organisation chart, IKM bar chart, flow of the village-service innovation);
- sub kegiatan codes in the four-digit form of 2027 (7.01.01.2.01.0001), nomenclature of 2027;
- Liberation Serif 12 pt text, '.' thousands, tables numbered per chapter ("Tabel 2.1" on its own
  line, the T-C name and title below), the tujuan table captioned "Tabel 3.1" and the sasaran table
  "Tabel 3.2", T-C.33 "Tabel 3.3";
- T-C.29 with one Satuan column (values without units) and its own column numbering
  (9 = 8/7 x 100, 11 = 6 + 8 + 10, 12 = 11/5 x 100); T-C.31 and T-C.33 with a "Catatan Penting"
  column; T-C.33 with a bidang row and the JUMLAH row at the bottom, program indicators stacked
  in one cell; BAB IV table with aktivitas rows and a Kelompok Sasaran column;
- lists numbered "1)", "a)", "-" and "i." instead of "A.", "I.", "1.".
"""

from __future__ import annotations

import copy
from typing import Any

from samples.families.common import (
    Budget,
    Line,
    Official,
    four_digit,
    nomenclature,
    official,
    round_to,
    row_with,
    rupiah,
    write_spec,
)
from samples.families.common import column as col
from samples.families.common import header_cell as h

FAMILY = "six-chapter-2027"
CLEAN_ID = "tegalampel-2027"
DEFECT_ID = "tegalampel-2027-defects"
YEAR = 2027
HEAD = "7.01"
UNIT = "Kecamatan Tegalampel"
REGION = "Kabupaten Bondowoso"
PROVINCE = "Provinsi Jawa Timur"
LOKASI = "Kecamatan Tegalampel"
DESA = ["Karanganyar", "Klabang", "Mandiro", "Purnama", "Sekarputih", "Taal", "Tanggulangin", "Tegalampel"]
LOKASI_DESA = f"{len(DESA)} Desa se-Kecamatan Tegalampel"
RENSTRA = "2025-2029"
RUNNING_HEADER = "Rencana Kerja Kecamatan Tegalampel Tahun 2027"
CAMAT = [
    "CAMAT TEGALAMPEL",
    "",
    "",
    "",
    "Drs. MOH. ARIFIN HIDAYAT, M.Si.",
    "Pembina Tingkat I",
    "NIP. 19720314 199303 1 006",
]
PLACE_DATE = "Bondowoso, Mei 2026"


# --------------------------------------------------------------------------- words and numbers

_ONES = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"]


def terbilang(n: int) -> str:
    """Indonesian number words: 34 -> 'tiga puluh empat', 1500 -> 'seribu lima ratus'."""
    if n < 12:
        return _ONES[n] if n else "nol"
    if n < 20:
        return f"{_ONES[n - 10]} belas"
    if n < 100:
        return f"{_ONES[n // 10]} puluh" + (f" {_ONES[n % 10]}" if n % 10 else "")
    if n < 200:
        return "seratus" + (f" {terbilang(n - 100)}" if n > 100 else "")
    if n < 1000:
        return f"{_ONES[n // 100]} ratus" + (f" {terbilang(n % 100)}" if n % 100 else "")
    if n < 2000:
        return "seribu" + (f" {terbilang(n - 1000)}" if n > 1000 else "")
    for size, word in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu")):
        if n >= size:
            rest = n % size
            return f"{terbilang(n // size)} {word}" + (f" {terbilang(rest)}" if rest else "")
    raise AssertionError(n)


def counted(n: int, noun: str) -> str:
    """'6 (enam) program'."""
    return f"{n} ({terbilang(n)}) {noun}"


def rp(value: int) -> str:
    return f"Rp {rupiah(value, '.')},00"


def dec(value: float, places: int = 2) -> str:
    """Decimal comma, trailing zeros of whole numbers dropped: 83.333 -> '83,33', 100.0 -> '100'."""
    rounded = round(value, places)
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.{places}f}".replace(".", ",")


def code_written(code: str) -> str:
    """How the 2027 drafts print a code: sub kegiatan in four-digit form."""
    return four_digit(code)


# --------------------------------------------------------------------------- the plan 2027

# Sub kegiatan of 2027: code -> (pagu 2027, factor n+1, target 2027, target 2028, sumber dana, kelompok sasaran)
# Targets count the official unit (satuan) of each sub kegiatan.
SUBS_2027: list[tuple[str, int, float, int, int, str, str]] = [
    ("X.XX.01.2.01.01", 9_750_000, 1.05, 3, 3, "DAU", "Aparatur Kecamatan"),
    ("X.XX.01.2.01.06", 6_200_000, 1.05, 4, 4, "DAU", "Aparatur Kecamatan"),
    ("X.XX.01.2.01.07", 4_850_000, 1.05, 4, 4, "DAU", "Aparatur Kecamatan"),
    ("X.XX.01.2.02.01", 2_184_560_000, 1.06, 34, 34, "DAU", "ASN Kecamatan"),
    ("X.XX.01.2.02.02", 48_600_000, 1.04, 12, 12, "DAU", "ASN Kecamatan"),
    ("X.XX.01.2.02.05", 3_250_000, 1.05, 1, 1, "DAU", "Aparatur Kecamatan"),
    ("X.XX.01.2.02.07", 4_100_000, 1.05, 12, 12, "DAU", "Aparatur Kecamatan"),
    ("X.XX.01.2.03.06", 3_600_000, 1.05, 2, 2, "DAU", "Aparatur Kecamatan"),
    ("X.XX.01.2.05.02", 12_400_000, 1.1, 1, 1, "PAD", "ASN Kecamatan"),
    ("X.XX.01.2.06.01", 5_400_000, 1.05, 1, 1, "PAD", "Aparatur Kecamatan"),
    ("X.XX.01.2.06.04", 27_850_000, 1.05, 1, 1, "PAD", "Aparatur Kecamatan"),
    ("X.XX.01.2.06.05", 14_200_000, 1.05, 1, 1, "PAD", "Aparatur Kecamatan"),
    ("X.XX.01.2.06.09", 36_000_000, 1.05, 24, 24, "DAU", "Aparatur Kecamatan"),
    ("X.XX.01.2.07.05", 18_750_000, 1.2, 6, 6, "PAD", "Aparatur Kecamatan"),
    ("X.XX.01.2.07.06", 42_500_000, 1.1, 4, 4, "PAD", "Aparatur Kecamatan"),
    ("X.XX.01.2.08.02", 46_800_000, 1.05, 12, 12, "DAU", "Aparatur Kecamatan"),
    ("X.XX.01.2.08.04", 96_000_000, 1.05, 12, 12, "DAU", "Aparatur Kecamatan"),
    ("X.XX.01.2.09.02", 31_500_000, 1.05, 5, 5, "DAU", "Aparatur Kecamatan"),
    ("X.XX.01.2.09.06", 8_400_000, 1.05, 10, 10, "DAU", "Aparatur Kecamatan"),
    ("X.XX.01.2.09.09", 65_000_000, 1.15, 1, 1, "PAD", "Aparatur Kecamatan"),
    ("7.01.02.2.01.02", 18_500_000, 1.05, 2, 2, "DAU", "Masyarakat"),
    ("7.01.02.2.02.01", 7_200_000, 1.05, 1, 1, "DAU", "Masyarakat"),
    ("7.01.02.2.02.03", 24_300_000, 1.05, 4, 4, "DAU", "Masyarakat"),
    ("7.01.02.2.04.01", 9_600_000, 1.05, 120, 130, "DAU", "Masyarakat dan Pelaku Usaha"),
    ("7.01.03.2.01.01", 15_750_000, 1.05, 8, 8, "DAU", "Lembaga Kemasyarakatan Desa"),
    ("7.01.03.2.01.03", 12_600_000, 1.05, 4, 4, "DAU", "Masyarakat Desa"),
    ("7.01.04.2.01.01", 21_000_000, 1.05, 12, 12, "DAU", "Masyarakat"),
    ("7.01.04.2.01.02", 9_450_000, 1.05, 4, 4, "DAU", "Tokoh Agama dan Tokoh Masyarakat"),
    ("7.01.05.2.01.01", 16_800_000, 1.05, 120, 120, "DAU", "Pelajar, Pemuda dan Tokoh Masyarakat"),
    ("7.01.05.2.01.08", 27_300_000, 1.05, 12, 12, "DAU", "Forkopimcam"),
    ("7.01.06.2.01.02", 19_200_000, 1.05, 8, 8, "DAU", "Pemerintah Desa"),
    ("7.01.06.2.01.03", 22_400_000, 1.05, 16, 16, "DAU", "Pemerintah Desa"),
    ("7.01.06.2.01.09", 10_500_000, 1.05, 8, 8, "DAU", "Pemerintah Desa"),
    ("7.01.06.2.01.17", 8_750_000, 1.05, 4, 4, "DAU", "Pemerintah Desa"),
]
# Hasil analisis kebutuhan (T-C.31) where it is more than the pagu: code -> kebutuhan dana.
KEBUTUHAN = {
    "X.XX.01.2.07.06": 57_500_000,
    "X.XX.01.2.09.09": 85_000_000,
    "7.01.04.2.01.01": 24_000_000,
    "7.01.06.2.01.03": 25_600_000,
}
BELANJA_MODAL = ("X.XX.01.2.07.05", "X.XX.01.2.07.06")
GAJI = "X.XX.01.2.02.01"

# Outcome / output indicators of programs and kegiatan (not in the nomenclature): code -> [(indicator, target 2027, target 2028)]
INDICATORS: dict[str, list[tuple[str, str, str]]] = {
    "7.01.01": [("Persentase pemenuhan layanan administrasi dan operasional perkantoran Kecamatan", "100%", "100%")],
    "7.01.01.2.01": [
        ("Persentase dokumen perencanaan, penganggaran dan evaluasi kinerja yang tersusun tepat waktu", "100%", "100%")
    ],
    "7.01.01.2.02": [("Persentase pemenuhan administrasi keuangan perangkat daerah", "100%", "100%")],
    "7.01.01.2.03": [("Persentase barang milik daerah yang tertib administrasi", "100%", "100%")],
    "7.01.01.2.05": [("Persentase pemenuhan administrasi kepegawaian", "100%", "100%")],
    "7.01.01.2.06": [("Persentase pemenuhan administrasi umum perkantoran", "100%", "100%")],
    "7.01.01.2.07": [("Persentase pemenuhan kebutuhan sarana dan prasarana kantor", "100%", "100%")],
    "7.01.01.2.08": [("Persentase pemenuhan jasa penunjang urusan pemerintahan daerah", "100%", "100%")],
    "7.01.01.2.09": [("Persentase barang milik daerah dalam kondisi baik", "90%", "92%")],
    "7.01.02": [
        ("Persentase layanan PATEN yang diselesaikan sesuai standar pelayanan", "95%", "96%"),
        ("Indeks Kepuasan Masyarakat (IKM) terhadap layanan Kecamatan", "84,50", "85,25"),
    ],
    "7.01.02.2.01": [("Persentase hasil koordinasi penyelenggaraan pemerintahan yang ditindaklanjuti", "90%", "92%")],
    "7.01.02.2.02": [("Persentase pelayanan kepada masyarakat yang terselenggara sesuai rencana", "100%", "100%")],
    "7.01.02.2.04": [("Persentase urusan pemerintahan yang dilimpahkan kepada Camat yang terlaksana", "100%", "100%")],
    "7.01.03": [("Persentase lembaga kemasyarakatan desa yang aktif", "87,50%", "100%")],
    "7.01.03.2.01": [
        ("Persentase desa yang melaksanakan musyawarah perencanaan pembangunan desa tepat waktu", "100%", "100%")
    ],
    "7.01.04": [("Persentase gangguan ketenteraman dan ketertiban umum yang tertangani", "100%", "100%")],
    "7.01.04.2.01": [("Persentase forum koordinasi ketenteraman dan ketertiban umum yang terlaksana", "100%", "100%")],
    "7.01.05": [("Persentase kegiatan pembinaan ideologi dan wawasan kebangsaan yang terlaksana", "100%", "100%")],
    "7.01.05.2.01": [
        ("Persentase urusan pemerintahan umum yang terlaksana sesuai penugasan Kepala Daerah", "100%", "100%")
    ],
    "7.01.06": [("Persentase desa yang menetapkan APBDes tepat waktu", "100%", "100%")],
    "7.01.06.2.01": [
        ("Persentase desa yang difasilitasi dalam pembinaan dan pengawasan pemerintahan desa", "100%", "100%")
    ],
}

# Aktivitas of some sub kegiatan in the BAB IV table: code -> [(aktivitas, lokasi, pagu)] (pagu adds up to the sub kegiatan).
AKTIVITAS: dict[str, list[tuple[str, str, int]]] = {
    "X.XX.01.2.01.01": [
        ("Penyusunan Renja Kecamatan Tahun 2028", LOKASI, 4_250_000),
        ("Penyelenggaraan Musrenbang Kecamatan Tahun 2028", LOKASI, 5_500_000),
    ],
    "X.XX.01.2.01.06": [
        ("Penyusunan Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2026", LOKASI, 3_700_000),
        ("Penyusunan Laporan Capaian Kinerja Triwulanan", LOKASI, 2_500_000),
    ],
    "X.XX.01.2.06.09": [
        ("Rapat Koordinasi Camat dengan Kepala Desa se-Kecamatan", LOKASI, 21_600_000),
        ("Perjalanan Dinas Konsultasi ke Kabupaten dan Provinsi", "Bondowoso dan Surabaya", 14_400_000),
    ],
    "X.XX.01.2.08.04": [
        ("Honorarium Tenaga Kebersihan Kantor", LOKASI, 57_600_000),
        ("Honorarium Petugas Keamanan Kantor", LOKASI, 38_400_000),
    ],
    "7.01.06.2.01.03": [
        ("Evaluasi Rancangan Peraturan Desa tentang APBDes Tahun Anggaran 2028", LOKASI_DESA, 12_800_000),
        ("Monitoring Penggunaan Dana Desa dan Alokasi Dana Desa", LOKASI_DESA, 9_600_000),
    ],
}


def plan() -> Budget:
    nom = nomenclature(YEAR)
    budget = Budget(nom, HEAD)
    for code, amount, factor, target, target_next, dana, sasaran in SUBS_2027:
        entry = official(nom, code, HEAD)
        budget.add(
            code,
            amount,
            round_to(amount * factor, 1000),
            target=target,
            target_next=target_next,
            sumber_dana=dana,
            kelompok_sasaran=sasaran,
            lokasi=LOKASI_DESA if entry.code.startswith("7.01.06") or entry.code.startswith("7.01.03") else LOKASI,
        )
    return budget


def kebutuhan_of(line: Line) -> int:
    return KEBUTUHAN.get(generic(line.official.code), line.amount)


def generic(code: str) -> str:
    """7.01.01.2.01.01 -> X.XX.01.2.01.01 (how SUBS_2027 names the support program)."""
    return "X.XX" + code[4:] if code.startswith("7.01.01") else code


def unit_of(entry: Official) -> str:
    return entry.satuan or ""


def target_text(value: int, entry: Official) -> str:
    return f"{value} {unit_of(entry)}"


def sub_extra(budget: Budget) -> dict[str, Line]:
    return {line.official.code: line for line in budget.subs}


def indicator_rows(code: str) -> list[tuple[str, str, str]]:
    return INDICATORS[code]


def stacked(code: str, index: int) -> str:
    """The indicators (index 0), targets 2027 (1) or 2028 (2) of a program/kegiatan, one per line."""
    return "\n".join(item[index] for item in indicator_rows(code))


# --------------------------------------------------------------------------- evaluation of 2025 (T-C.29)

# Sub kegiatan carried out in 2025 (n-2) that the 2027 plan no longer has, and 2027 ones that are new.
ONLY_2025 = {"X.XX.01.2.06.02": (1, 1), "7.01.06.2.01.07": (8, 8)}  # code -> (target 2025, target 2026)
NEW_IN_2027 = {"X.XX.01.2.07.05", "7.01.06.2.01.17"}
# Sub kegiatan below target in 2025: code -> realisation (the target is the 2027 target, as every year).
SHORTFALL_2025 = {"7.01.03.2.01.03": 3, "7.01.06.2.01.03": 14}
NOT_CUMULATIVE = {"orang/bulan", "%"}
# Program/kegiatan outcome values in T-C.29: code -> (unit, renstra 2029, target 2025, realisasi 2025, target 2026)
OUTCOMES_2025: dict[str, list[tuple[str, str, str, str, str]]] = {
    "7.01.02": [("%", "97", "93", "94,20", "94"), ("indeks", "86", "83", "83,42", "83,75")],
    "7.01.01.2.09": [("%", "95", "88", "88", "89")],
    "7.01.02.2.01": [("%", "95", "86", "86", "88")],
    "7.01.03": [("%", "100", "75", "75", "75")],
    "7.01.06": [("%", "100", "100", "87,50", "100")],
}


def _pct(value: str) -> float:
    return float(value.replace(",", "."))


def tc29_values(unit: str, renstra: str, target: str, realisasi: str, target_next: str) -> dict[str, str]:
    """One T-C.29 row's numbers, computed as its header says: 9 = 8/7 x 100, 11 = 6 + 8 + 10, 12 = 11/5 x 100."""
    cumulative = unit.lower() not in NOT_CUMULATIVE and unit.lower() != "indeks"
    capaian = _pct(realisasi) + _pct(target_next) if cumulative else _pct(target_next)
    return {
        "satuan": unit,
        "target_renstra": renstra,
        "realisasi_n3": "-",
        "target_n2": target,
        "realisasi_n2": realisasi,
        "tingkat_realisasi": dec(_pct(realisasi) / _pct(target) * 100),
        "target_n1": target_next,
        "realisasi_capaian": dec(capaian),
        "tingkat_capaian": dec(capaian / _pct(renstra) * 100),
    }


def evaluation_2025() -> Budget:
    """The 2025 sub kegiatan (T-C.29 rows), with their targets and realisation in `extra`."""
    nom = nomenclature(YEAR)
    budget = Budget(nom, HEAD)
    for code, _amount, _f, target, _tn, _d, _s in SUBS_2027:
        if code in NEW_IN_2027:
            continue
        budget.add(code, 0, target_2025=target, target_2026=target, realisasi=SHORTFALL_2025.get(code, target))
    for code, (t25, t26) in ONLY_2025.items():
        budget.add(code, 0, target_2025=t25, target_2026=t26, realisasi=t25)
    return budget


def tc29_sub_values(line: Line) -> dict[str, str]:
    unit = unit_of(line.official)
    t25, t26, real = line.extra["target_2025"], line.extra["target_2026"], line.extra["realisasi"]
    renstra = t25 if unit.lower() in NOT_CUMULATIVE else t25 * 5
    return tc29_values(unit, str(renstra), str(t25), str(real), str(t26))


def tc29_outcome_values(code: str) -> list[dict[str, str]]:
    rows = OUTCOMES_2025.get(code)
    if rows is None:
        rows = [("%", "100", "100", "100", "100")] * len(INDICATORS.get(code, [("", "", "")]))
    return [tc29_values(*row) for row in rows]


# --------------------------------------------------------------------------- goals (T-C.30, tujuan, sasaran, BAB V)

IKM = "Indeks Kepuasan Masyarakat (IKM) Kecamatan Tegalampel"
PATEN = "Persentase layanan PATEN yang diselesaikan sesuai standar pelayanan"
APBDES = "Persentase desa yang menetapkan APBDes tepat waktu"
TRANTIB = "Persentase gangguan ketenteraman dan ketertiban umum yang tertangani"
LEMBAGA = "Persentase lembaga kemasyarakatan desa yang aktif"
# indicator -> targets 2025..2028, realisasi 2025, 2026, proyeksi 2027, 2028
GOALS: dict[str, dict[str, str]] = {
    IKM: {
        "target_2025": "83,00",
        "target_2026": "83,75",
        "target_2027": "84,50",
        "target_2028": "85,25",
        "realisasi_2025": "83,42",
        "realisasi_2026": "83,80",
        "proyeksi_2027": "84,50",
        "proyeksi_2028": "85,25",
    },
    PATEN: {
        "target_2025": "93%",
        "target_2026": "94%",
        "target_2027": "95%",
        "target_2028": "96%",
        "realisasi_2025": "94,20%",
        "realisasi_2026": "94,50%",
        "proyeksi_2027": "95%",
        "proyeksi_2028": "96%",
    },
    APBDES: {
        "target_2025": "100%",
        "target_2026": "100%",
        "target_2027": "100%",
        "target_2028": "100%",
        "realisasi_2025": "87,50%",
        "realisasi_2026": "100%",
        "proyeksi_2027": "100%",
        "proyeksi_2028": "100%",
    },
    TRANTIB: {
        "target_2025": "100%",
        "target_2026": "100%",
        "target_2027": "100%",
        "target_2028": "100%",
        "realisasi_2025": "100%",
        "realisasi_2026": "100%",
        "proyeksi_2027": "100%",
        "proyeksi_2028": "100%",
    },
    LEMBAGA: {
        "target_2025": "75%",
        "target_2026": "75%",
        "target_2027": "87,50%",
        "target_2028": "100%",
        "realisasi_2025": "75%",
        "realisasi_2026": "75%",
        "proyeksi_2027": "87,50%",
        "proyeksi_2028": "100%",
    },
}
TUJUAN = [
    (
        "Meningkatnya kualitas pelayanan publik dan tata kelola pemerintahan di wilayah Kecamatan Tegalampel",
        IKM,
        "Rata-rata tertimbang nilai unsur pelayanan hasil Survei Kepuasan Masyarakat, dikonversi ke skala 100",
    )
]
SASARAN = [
    (
        "Meningkatnya kualitas layanan administrasi terpadu kecamatan",
        PATEN,
        "Jumlah layanan PATEN yang selesai sesuai standar pelayanan dibagi jumlah permohonan layanan PATEN dikali 100%",
    ),
    (
        "Meningkatnya tertib penyelenggaraan pemerintahan desa",
        APBDES,
        "Jumlah desa yang menetapkan APBDes paling lambat 31 Desember dibagi jumlah desa dikali 100%",
    ),
    (
        "Terwujudnya ketenteraman dan ketertiban umum di wilayah kecamatan",
        TRANTIB,
        "Jumlah gangguan trantibum yang tertangani dibagi jumlah gangguan trantibum yang dilaporkan dikali 100%",
    ),
    (
        "Meningkatnya keberdayaan lembaga kemasyarakatan desa",
        LEMBAGA,
        "Jumlah lembaga kemasyarakatan desa yang aktif dibagi jumlah lembaga kemasyarakatan desa dikali 100%",
    ),
]


# --------------------------------------------------------------------------- table helpers


def row(
    level: str, code: str | None, cells: dict[str, Any], split: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    out: dict[str, Any] = {"level": level, "code": code, "cells": cells}
    if split:
        out["split"] = split
    return out


def name_of(line: Line) -> str:
    return line.official.name


def indicator_of(line: Line) -> str:
    """Sub kegiatan: the official indicator; program/kegiatan: their own (stacked when several)."""
    if line.official.level == "sub_kegiatan":
        return line.official.indikator or ""
    return stacked(line.official.code, 0)


def target_of(line: Line, budget: Budget, year: int = YEAR) -> str:
    if line.official.level == "sub_kegiatan":
        value = line.extra["target"] if year == YEAR else line.extra["target_next"]
        return target_text(value, line.official)
    return stacked(line.official.code, 1 if year == YEAR else 2)


def lokasi_of(line: Line, budget: Budget) -> str:
    if line.official.level == "sub_kegiatan":
        return line.extra["lokasi"]
    members = [s for s in budget.subs if s.official.code.startswith(line.official.code + ".")]
    places = {s.extra["lokasi"] for s in members}
    return places.pop() if len(places) == 1 else LOKASI


def dana_of(line: Line, budget: Budget) -> str:
    if line.official.level == "sub_kegiatan":
        return line.extra["sumber_dana"]
    members = [s for s in budget.subs if s.official.code.startswith(line.official.code + ".")]
    funds = sorted({s.extra["sumber_dana"] for s in members})
    return ", ".join(funds)


def sasaran_of(line: Line, budget: Budget) -> str:
    if line.official.level == "sub_kegiatan":
        return line.extra["kelompok_sasaran"]
    members = [s for s in budget.subs if s.official.code.startswith(line.official.code + ".")]
    groups = {s.extra["kelompok_sasaran"] for s in members}
    return groups.pop() if len(groups) == 1 else "Aparatur Kecamatan dan Masyarakat"


# --------------------------------------------------------------------------- standard tables


def table_tc29() -> dict[str, Any]:
    budget = evaluation_2025()
    rows = []
    for line in budget.tree():
        code = line.official.code
        cells = {"code": code_written(code), "name": name_of(line)}
        if line.official.level == "sub_kegiatan":
            rows.append(
                row(
                    "sub_kegiatan", code, {**cells, "indicator": line.official.indikator or "", **tc29_sub_values(line)}
                )
            )
            continue
        values = tc29_outcome_values(code)
        indicators = [item[0] for item in INDICATORS[code]]
        if len(values) == 1:
            rows.append(row(line.official.level, code, {**cells, "indicator": indicators[0], **values[0]}))
        else:  # several outcome indicators: one sub-row each, code and name merged over them
            rows.append(
                row(line.official.level, code, cells, [{"indicator": i, **v} for i, v in zip(indicators, values)])
            )
    return {
        "kind": "T-C.29",
        "caption": [
            "Tabel 2.1",
            "T-C.29 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah dan Pencapaian Renstra Perangkat "
            "Daerah s/d Tahun 2025",
            f"{UNIT} {REGION}",
        ],
        "columns": [
            col("code", 2.5),
            col("name", 4.4),
            col("indicator", 4.8),
            col("satuan", 1.5, "center"),
            col("target_renstra", 1.45, "center"),
            col("realisasi_n3", 1.45, "center"),
            col("target_n2", 1.3, "center"),
            col("realisasi_n2", 1.3, "center"),
            col("tingkat_realisasi", 1.4, "center"),
            col("target_n1", 1.5, "center"),
            col("realisasi_capaian", 1.6, "center"),
            col("tingkat_capaian", 1.6, "center"),
        ],
        "header": [
            [
                h("Kode", 2),
                h("Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan", 2),
                h("Indikator Kinerja Program (Outcome)/Kegiatan (Output)/Sub Kegiatan", 2),
                h("Satuan", 2),
                h(f"Target Kinerja Capaian Renstra PD Tahun {RENSTRA[-4:]}", 2),
                h("Realisasi Target Kinerja s/d Tahun 2024 (n-3)", 2),
                h("Target dan Realisasi Kinerja Tahun 2025 (n-2)", 1, 3),
                h("Target Kinerja Renja PD Tahun 2026 (n-1)", 2),
                h("Perkiraan Realisasi Capaian Target Renstra PD s/d Tahun 2026", 1, 2),
            ],
            [
                h("Target Renja PD"),
                h("Realisasi Renja PD"),
                h("Tingkat Realisasi (%)"),
                h("Realisasi Capaian"),
                h("Tingkat Capaian (%)"),
            ],
        ],
        "number_row": [
            "1",
            "2",
            "3",
            "4",
            "5",
            "6",
            "7",
            "8",
            "9 = (8/7) x 100",
            "10",
            "11 = 6+8+10",
            "12 = (11/5) x 100",
        ],
        "rows": rows,
    }


def table_tc30() -> dict[str, Any]:
    notes = {
        IKM: "Nilai IKM naik bertahap; unsur waktu pelayanan masih terendah",
        PATEN: "Didukung aplikasi antrean dan layanan SIPANDU TEGAL",
        APBDES: "Tahun 2025 satu desa terlambat menetapkan APBDes",
        TRANTIB: "Seluruh laporan gangguan tertangani bersama Forkopimcam",
        LEMBAGA: "Pembinaan difokuskan pada LPMD dan Karang Taruna yang belum aktif",
    }
    rows = []
    for i, (indicator, values) in enumerate(GOALS.items(), start=1):
        rows.append(
            row(
                "other",
                None,
                {"no": str(i), "indicator": indicator, "spm": "-", "ikk": "-", **values, "catatan": notes[indicator]},
            )
        )
    years = [2025, 2026, 2027, 2028]
    return {
        "kind": "T-C.30",
        "caption": ["Tabel 2.3", f"T-C.30 Pencapaian Kinerja Pelayanan Perangkat Daerah {UNIT} {REGION}"],
        "columns": [
            col("no", 0.8, "center"),
            col("indicator", 5.4),
            col("spm", 1.7, "center"),
            col("ikk", 1.3, "center"),
            *[col(f"target_{y}", 1.45, "center") for y in years],
            col("realisasi_2025", 1.45, "center"),
            col("realisasi_2026", 1.45, "center"),
            col("proyeksi_2027", 1.45, "center"),
            col("proyeksi_2028", 1.45, "center"),
            col("catatan", 4.3),
        ],
        "header": [
            [
                h("No", 2),
                h("Indikator Kinerja sesuai Tugas dan Fungsi Perangkat Daerah", 2),
                h("Target SPM", 2),
                h("Target IKK", 2),
                h("Target Renstra Perangkat Daerah", 1, 4),
                h("Realisasi Capaian", 1, 2),
                h("Proyeksi", 1, 2),
                h("Catatan Analisis", 2),
            ],
            [*[h(f"Tahun {y}") for y in years], h("Tahun 2025"), h("Tahun 2026"), h("Tahun 2027"), h("Tahun 2028")],
        ],
        "number_row": [str(i) for i in range(1, 14)],
        "rows": rows,
    }


def table_tc31(budget: Budget) -> dict[str, Any]:
    kebutuhan: dict[str, int] = {}
    for line in budget.subs:
        kebutuhan[line.official.code] = kebutuhan_of(line)
    rows = []
    for line in budget.tree():
        code = line.official.code
        need = sum(v for c, v in kebutuhan.items() if c == code or c.startswith(code + "."))
        note = "Sesuai pagu indikatif" if need == line.amount else "Kebutuhan riil melebihi pagu indikatif"
        same = {
            "name": name_of(line),
            "lokasi": lokasi_of(line, budget),
            "indicator": indicator_of(line),
            "target": target_of(line, budget),
        }
        rows.append(
            row(
                line.official.level,
                code,
                {
                    "code": code_written(code),
                    **same,
                    "pagu": line.amount,
                    "name_kebutuhan": same["name"],
                    "lokasi_kebutuhan": same["lokasi"],
                    "indicator_kebutuhan": same["indicator"],
                    "target_kebutuhan": same["target"],
                    "kebutuhan_dana": need,
                    "catatan": note,
                },
            )
        )
    total_need = sum(kebutuhan.values())
    rows.append(
        row(
            "total",
            None,
            {"name": "JUMLAH", "pagu": budget.total, "name_kebutuhan": "JUMLAH", "kebutuhan_dana": total_need},
        )
    )
    return {
        "kind": "T-C.31",
        "caption": [
            "Tabel 2.4",
            f"T-C.31 Review terhadap Rancangan Awal RKPD Tahun {YEAR} {REGION}",
            f"Perangkat Daerah: {UNIT}",
        ],
        "columns": [
            col("code", 2.2),
            col("name", 3.1),
            col("lokasi", 1.5),
            col("indicator", 3.2),
            col("target", 1.5, "center"),
            col("pagu", 2.05, "right"),
            col("name_kebutuhan", 3.1),
            col("lokasi_kebutuhan", 1.5),
            col("indicator_kebutuhan", 3.2),
            col("target_kebutuhan", 1.5, "center"),
            col("kebutuhan_dana", 2.05, "right"),
            col("catatan", 1.75),
        ],
        "header": [
            [
                h("Kode", 2),
                h("Rancangan Awal RKPD", 1, 5),
                h("Hasil Analisis Kebutuhan", 1, 5),
                h("Catatan Penting", 2),
            ],
            [
                h("Program/Kegiatan/Sub Kegiatan"),
                h("Lokasi"),
                h("Indikator Kinerja"),
                h("Target Capaian"),
                h("Pagu Indikatif (Rp)"),
                h("Program/Kegiatan/Sub Kegiatan"),
                h("Lokasi"),
                h("Indikator Kinerja"),
                h("Target Capaian"),
                h("Kebutuhan Dana (Rp)"),
            ],
        ],
        "number_row": [str(i) for i in range(1, 13)],
        "rows": rows,
    }


def table_tc32() -> dict[str, Any]:
    usulan = [
        (
            "Peningkatan kapasitas perangkat desa dalam penatausahaan keuangan desa",
            LOKASI_DESA,
            "Jumlah perangkat desa yang mengikuti peningkatan kapasitas",
            "40 orang",
            "Diakomodir pada sub kegiatan Fasilitasi Pengelolaan Keuangan Desa dan Pendayagunaan Aset Desa",
        ),
        (
            "Penambahan sarana antrean dan ruang tunggu layanan PATEN",
            "Kantor Kecamatan Tegalampel",
            "Jumlah sarana pelayanan yang tersedia",
            "1 paket",
            "Diakomodir sebagian melalui sub kegiatan Pengadaan Mebel",
        ),
        (
            "Patroli bersama pengamanan lingkungan pada malam hari",
            "Desa Tanggulangin dan Desa Purnama",
            "Jumlah pelaksanaan patroli bersama",
            "12 kali",
            "Diakomodir pada sub kegiatan Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara Nasional "
            "Indonesia dan Instansi Vertikal di Wilayah Kecamatan",
        ),
    ]
    return {
        "kind": "T-C.32",
        "caption": [
            "Tabel 2.5",
            f"T-C.32 Usulan Program dan Kegiatan dari Para Pemangku Kepentingan Tahun {YEAR}",
            f"{UNIT} {REGION}",
        ],
        "columns": [
            col("no", 0.8, "center"),
            col("name", 4.2),
            col("lokasi", 2.6),
            col("indicator", 3.4),
            col("besaran", 1.8, "center"),
            col("catatan", 4.2),
        ],
        "header": [
            [
                h("No"),
                h("Program/Kegiatan/Sub Kegiatan"),
                h("Lokasi"),
                h("Indikator Kinerja"),
                h("Besaran/Volume"),
                h("Catatan"),
            ]
        ],
        "number_row": ["1", "2", "3", "4", "5", "6"],
        "rows": [
            row("other", None, {"no": str(i), "name": n, "lokasi": loc, "indicator": ind, "besaran": b, "catatan": c})
            for i, (n, loc, ind, b, c) in enumerate(usulan, start=1)
        ],
    }


def table_tc33(budget: Budget) -> dict[str, Any]:
    rows = [row("other", None, {"code": HEAD, "name": "KECAMATAN"})]
    for line in budget.tree():
        code = line.official.code
        rows.append(
            row(
                line.official.level,
                code,
                {
                    "code": code_written(code),
                    "name": name_of(line),
                    "indicator": indicator_of(line),
                    "lokasi": lokasi_of(line, budget),
                    "target": target_of(line, budget),
                    "amount": line.amount,
                    "sumber_dana": dana_of(line, budget),
                    "catatan": "-",
                    "target_next": target_of(line, budget, YEAR + 1),
                    "amount_next": line.amount_next,
                },
            )
        )
    rows.append(row("total", None, {"name": "JUMLAH", "amount": budget.total, "amount_next": budget.total_next}))
    return {
        "kind": "T-C.33",
        "caption": [
            "Tabel 3.3",
            f"T-C.33 Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun {YEAR} dan Prakiraan Maju "
            f"Tahun {YEAR + 1}",
            f"{UNIT} {REGION}",
        ],
        "columns": [
            col("code", 2.5),
            col("name", 4.5),
            col("indicator", 4.7),
            col("lokasi", 2.3),
            col("target", 1.9, "center"),
            col("amount", 2.4, "right"),
            col("sumber_dana", 1.3, "center"),
            col("catatan", 1.5, "center"),
            col("target_next", 1.9, "center"),
            col("amount_next", 2.4, "right"),
        ],
        "header": [
            [
                h("Kode", 2),
                h("Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan", 2),
                h("Indikator Kinerja Program/Kegiatan/Sub Kegiatan", 2),
                h(f"Rencana Tahun {YEAR}", 1, 4),
                h("Catatan Penting", 2),
                h(f"Prakiraan Maju Rencana Tahun {YEAR + 1}", 1, 2),
            ],
            [
                h("Lokasi"),
                h("Target Capaian Kinerja"),
                h("Kebutuhan Dana/Pagu Indikatif (Rp)"),
                h("Sumber Dana"),
                h("Target Capaian Kinerja"),
                h("Kebutuhan Dana/Pagu Indikatif (Rp)"),
            ],
        ],
        "number_row": [str(i) for i in range(1, 11)],
        "rows": rows,
    }


def table_41(budget: Budget) -> dict[str, Any]:
    rows = []
    for line in budget.tree():
        code = line.official.code
        rows.append(
            row(
                line.official.level,
                code,
                {
                    "code": code_written(code),
                    "name": name_of(line),
                    "indicator": indicator_of(line),
                    "lokasi": lokasi_of(line, budget),
                    "target": target_of(line, budget),
                    "amount": line.amount,
                    "kelompok_sasaran": sasaran_of(line, budget),
                },
            )
        )
        for activity, place, amount in AKTIVITAS.get(generic(code), []):
            rows.append(row("aktivitas", None, {"aktivitas": activity, "lokasi": place, "amount": amount}))
    rows.append(row("total", None, {"name": "JUMLAH", "amount": budget.total}))
    return {
        "kind": "Tabel 4.1",
        "caption": [f"Tabel 4.1 Rencana Kerja dan Pendanaan Perangkat Daerah {UNIT} Tahun {YEAR}"],
        "columns": [
            col("code", 2.5),
            col("name", 4.3),
            col("indicator", 4.5),
            col("aktivitas", 3.9),
            col("lokasi", 2.3),
            col("target", 1.9, "center"),
            col("amount", 2.4, "right"),
            col("kelompok_sasaran", 2.8),
        ],
        "header": [
            [
                h("Kode"),
                h("Program/Kegiatan/Sub Kegiatan"),
                h("Indikator Kinerja"),
                h("Aktivitas"),
                h("Lokasi"),
                h("Target Kinerja"),
                h(f"Pagu Indikatif Tahun {YEAR} (Rp)"),
                h("Kelompok Sasaran"),
            ]
        ],
        "number_row": [str(i) for i in range(1, 9)],
        "rows": rows,
    }


def table_tujuan() -> dict[str, Any]:
    return {
        "kind": "Tabel 3.2",
        "caption": ["Tabel 3.1", f"Tujuan dan Indikator Tujuan {UNIT} Tahun {YEAR}"],
        "columns": [
            col("no", 0.8, "center"),
            col("tujuan", 4.2),
            col("indicator", 3.9),
            col("formula", 4.6),
            col(f"target_{YEAR}", 1.75, "center"),
            col(f"target_{YEAR + 1}", 1.75, "center"),
        ],
        "header": [
            [
                h("No", 2),
                h("Tujuan", 2),
                h("Indikator Tujuan", 2),
                h("Formula Perhitungan", 2),
                h("Target Kinerja Tujuan", 1, 2),
            ],
            [h(f"Tahun {YEAR}"), h(f"Tahun {YEAR + 1}")],
        ],
        "rows": [
            row(
                "other",
                None,
                {
                    "no": str(i),
                    "tujuan": t,
                    "indicator": ind,
                    "formula": f,
                    f"target_{YEAR}": GOALS[ind][f"target_{YEAR}"],
                    f"target_{YEAR + 1}": GOALS[ind][f"target_{YEAR + 1}"],
                },
            )
            for i, (t, ind, f) in enumerate(TUJUAN, start=1)
        ],
    }


def table_sasaran() -> dict[str, Any]:
    return {
        "kind": "Tabel 3.3",
        "caption": ["Tabel 3.2", f"Sasaran dan Indikator Sasaran {UNIT} Tahun {YEAR}"],
        "columns": [
            col("no", 0.8, "center"),
            col("sasaran", 4.2),
            col("indicator", 3.9),
            col("formula", 4.6),
            col(f"target_{YEAR}", 1.75, "center"),
            col(f"target_{YEAR + 1}", 1.75, "center"),
        ],
        "header": [
            [
                h("No", 2),
                h("Sasaran", 2),
                h("Indikator Sasaran", 2),
                h("Formula Perhitungan", 2),
                h("Target Kinerja Sasaran", 1, 2),
            ],
            [h(f"Tahun {YEAR}"), h(f"Tahun {YEAR + 1}")],
        ],
        "rows": [
            row(
                "other",
                None,
                {
                    "no": str(i),
                    "sasaran": t,
                    "indicator": ind,
                    "formula": f,
                    f"target_{YEAR}": GOALS[ind][f"target_{YEAR}"],
                    f"target_{YEAR + 1}": GOALS[ind][f"target_{YEAR + 1}"],
                },
            )
            for i, (t, ind, f) in enumerate(SASARAN, start=1)
        ],
    }


# --------------------------------------------------------------------------- other tables

PATEN_2025 = [
    ("Rekomendasi izin keramaian", (34, 41, 38, 52)),
    ("Rekomendasi Nomor Induk Berusaha (NIB) usaha mikro melalui OSS", (12, 15, 11, 18)),
    ("Legalisasi dokumen kependudukan", (186, 174, 201, 193)),
    ("Surat pengantar perekaman KTP-el dan perubahan KK", (412, 388, 430, 405)),
    ("Surat keterangan ahli waris", (21, 18, 25, 19)),
    ("Rekomendasi dispensasi nikah", (6, 4, 7, 5)),
    ("Registrasi surat pernyataan penguasaan fisik bidang tanah", (28, 31, 26, 33)),
    ("Legalisasi surat keterangan tidak mampu", (95, 88, 102, 97)),
]


def paten_total() -> int:
    return sum(sum(counts) for _, counts in PATEN_2025)


def table_paten() -> dict[str, Any]:
    quarters = ["tw1", "tw2", "tw3", "tw4"]
    rows = []
    for i, (service, counts) in enumerate(PATEN_2025, start=1):
        cells = {
            "no": str(i),
            "jenis": service,
            **{q: str(c) for q, c in zip(quarters, counts)},
            "jumlah": str(sum(counts)),
        }
        rows.append(row("other", None, cells))
    totals = [sum(counts[k] for _, counts in PATEN_2025) for k in range(4)]
    rows.append(
        row(
            "other",
            None,
            {"jenis": "JUMLAH", **{q: str(t) for q, t in zip(quarters, totals)}, "jumlah": str(sum(totals))},
        )
    )
    return {
        "kind": "other",
        "caption": ["Tabel 2.2", "Rekapitulasi Layanan Administrasi Terpadu Kecamatan (PATEN) Tahun 2025"],
        "columns": [
            col("no", 0.9, "center"),
            col("jenis", 7.1),
            col("tw1", 1.6, "center"),
            col("tw2", 1.6, "center"),
            col("tw3", 1.6, "center"),
            col("tw4", 1.6, "center"),
            col("jumlah", 1.9, "center"),
        ],
        "header": [
            [h("No", 2), h("Jenis Layanan", 2), h("Jumlah Layanan per Triwulan", 1, 4), h("Jumlah", 2)],
            [h("I"), h("II"), h("III"), h("IV")],
        ],
        "rows": rows,
    }


def table_pokir() -> dict[str, Any]:
    pokir = [
        (
            "Pembangunan rabat beton jalan lingkungan Dusun Krajan",
            "Anggota DPRD Daerah Pemilihan 3",
            "Desa Sekarputih",
            "250 meter",
            "Bukan kewenangan Kecamatan; diteruskan kepada Dinas Pekerjaan Umum dan Penataan Ruang",
        ),
        (
            "Pelatihan keterampilan menjahit bagi kader PKK",
            "Anggota DPRD Daerah Pemilihan 3",
            "Desa Klabang",
            "30 orang",
            "Diakomodir melalui sub kegiatan Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat",
        ),
        (
            "Pengadaan sarana pos keamanan lingkungan",
            "Anggota DPRD Daerah Pemilihan 3",
            "Desa Taal dan Desa Mandiro",
            "4 unit",
            "Diarahkan pendanaannya melalui Dana Desa",
        ),
    ]
    return {
        "kind": "other",
        "caption": ["Tabel 2.6", "Hasil Penelaahan Pokok-pokok Pikiran DPRD untuk Kecamatan Tegalampel"],
        "columns": [
            col("no", 0.8, "center"),
            col("usulan", 4.0),
            col("pengusul", 2.6),
            col("lokasi", 2.5),
            col("volume", 1.6, "center"),
            col("tindak_lanjut", 5.5),
        ],
        "header": [
            [h("No"), h("Usulan Pokok Pikiran"), h("Pengusul"), h("Lokasi"), h("Volume"), h("Hasil Penelaahan")]
        ],
        "rows": [
            row(
                "other",
                None,
                {"no": str(i), "usulan": u, "pengusul": p, "lokasi": loc, "volume": v, "tindak_lanjut": t},
            )
            for i, (u, p, loc, v, t) in enumerate(pokir, start=1)
        ],
    }


def table_bab5() -> dict[str, Any]:
    aspects = [
        (
            "Penyelenggaraan pemerintahan desa",
            [APBDES, "Persentase desa yang menyampaikan LPPDes tepat waktu"],
            ["100%", "100%"],
            ["100%", "100%"],
            "Seksi Pemerintahan",
        ),
        (
            "Pelayanan publik",
            [PATEN, IKM],
            [GOALS[PATEN]["target_2027"], GOALS[IKM]["target_2027"]],
            [GOALS[PATEN]["target_2028"], GOALS[IKM]["target_2028"]],
            "Seksi Pelayanan Umum",
        ),
        (
            "Ketenteraman dan ketertiban umum",
            [TRANTIB],
            [GOALS[TRANTIB]["target_2027"]],
            [GOALS[TRANTIB]["target_2028"]],
            "Seksi Ketenteraman dan Ketertiban Umum",
        ),
        (
            "Pemberdayaan masyarakat desa",
            [LEMBAGA],
            [GOALS[LEMBAGA]["target_2027"]],
            [GOALS[LEMBAGA]["target_2028"]],
            "Seksi Pemberdayaan Masyarakat Desa",
        ),
    ]
    return {
        "kind": "other",
        "caption": ["Tabel 5.1", f"Indikator Kinerja Penyelenggaraan Bidang Urusan Kecamatan Tahun {YEAR}-{YEAR + 1}"],
        "columns": [
            col("no", 0.8, "center"),
            col("aspek", 3.3),
            col("indikator", 6.3),
            col(f"target_{YEAR}", 1.8, "center"),
            col(f"target_{YEAR + 1}", 1.8, "center"),
            col("penanggung_jawab", 2.9),
        ],
        "header": [
            [
                h("No", 2),
                h("Aspek Penyelenggaraan", 2),
                h("Indikator Kinerja", 2),
                h("Target", 1, 2),
                h("Penanggung Jawab", 2),
            ],
            [h(f"{YEAR}"), h(f"{YEAR + 1}")],
        ],
        "rows": [
            row(
                "other",
                None,
                {
                    "no": str(i),
                    "aspek": a,
                    "indikator": "\n".join(ind),
                    f"target_{YEAR}": "\n".join(t1),
                    f"target_{YEAR + 1}": "\n".join(t2),
                    "penanggung_jawab": pj,
                },
            )
            for i, (a, ind, t1, t2, pj) in enumerate(aspects, start=1)
        ],
    }


# --------------------------------------------------------------------------- body blocks


def P(text: str) -> dict[str, Any]:
    return {"type": "paragraph", "text": text}


def L(*items: str) -> dict[str, Any]:
    return {"type": "list", "items": list(items)}


def H(level: int, text: str) -> dict[str, Any]:
    return {"type": "heading", "level": level, "text": text}


def T(ref: str) -> dict[str, Any]:
    return {"type": "table", "ref": ref}


def SEC(orientation: str, **keys: Any) -> dict[str, Any]:
    return {"type": "section", "orientation": orientation, **keys}


BREAK: dict[str, Any] = {"type": "page_break"}


def landscape(ref: str) -> list[dict[str, Any]]:
    return [SEC("landscape"), T(ref), SEC("portrait")]


def front_matter() -> list[dict[str, Any]]:
    return [
        SEC("portrait", numbering="none", header=""),
        {
            "type": "cover",
            "lines": [
                # A draft: the stage is on the cover (reference checks soften at rancangan awal).
                "RANCANGAN AWAL",
                "RENCANA KERJA PERANGKAT DAERAH",
                "(RENJA PD)",
                "KECAMATAN TEGALAMPEL",
                f"TAHUN {YEAR}",
                "",
                "",
                "PEMERINTAH KABUPATEN BONDOWOSO",
                "KECAMATAN TEGALAMPEL",
                "Jalan Raya Tegalampel Nomor 1 Bondowoso 68291",
            ],
        },
        SEC("portrait", numbering="lower_roman", start=1),
        {"type": "caption", "lines": ["KATA PENGANTAR"]},
        P(
            "Alhamdulillah, segala puji bagi Allah SWT atas rahmat dan karunia-Nya sehingga Rencana Kerja Perangkat "
            f"Daerah (Renja PD) {UNIT} Tahun {YEAR} dapat kami selesaikan. Renja ini merupakan dokumen perencanaan "
            "tahunan yang menjabarkan Rencana Strategis (Renstra) Kecamatan Tegalampel Tahun 2025-2029 ke dalam "
            f"program, kegiatan dan sub kegiatan yang akan dilaksanakan pada tahun anggaran {YEAR}, dengan mengacu pada "
            f"Rancangan Awal Rencana Kerja Pemerintah Daerah (RKPD) {REGION} Tahun {YEAR}."
        ),
        P(
            "Penyusunan Renja ini berpedoman pada Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 serta "
            "memperhatikan hasil evaluasi pelaksanaan Renja tahun sebelumnya, usulan masyarakat melalui Musyawarah "
            "Perencanaan Pembangunan (Musrenbang) Kecamatan dan pokok-pokok pikiran Dewan Perwakilan Rakyat Daerah."
        ),
        P(
            "Kami menyadari dokumen ini masih memerlukan penyempurnaan. Saran dan masukan dari semua pihak sangat kami "
            "harapkan. Semoga Renja ini dapat menjadi pedoman yang bermanfaat bagi seluruh aparatur Kecamatan "
            "Tegalampel dalam melaksanakan tugas pelayanan kepada masyarakat."
        ),
        {"type": "signature", "lines": [PLACE_DATE, *CAMAT]},
        BREAK,
        {"type": "toc", "of": "headings", "entries": []},  # filled in by contents_entries()
        BREAK,
        {"type": "toc", "of": "tables"},
        BREAK,
        {"type": "toc", "of": "figures"},
    ]


def bab1(budget: Budget) -> list[dict[str, Any]]:
    return [
        SEC("portrait", numbering="arabic", start=1, header=RUNNING_HEADER),
        H(1, "BAB I\nPENDAHULUAN"),
        H(2, "1.1 Latar Belakang"),
        P(
            "Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional mewajibkan setiap "
            "perangkat daerah menyusun rencana kerja tahunan sebagai penjabaran rencana strategisnya. Rencana Kerja "
            "Perangkat Daerah (Renja PD) memuat kebijakan, program, kegiatan dan sub kegiatan pembangunan yang "
            "dilaksanakan langsung oleh perangkat daerah maupun yang ditempuh dengan mendorong partisipasi masyarakat."
        ),
        P(
            f"Kecamatan Tegalampel merupakan salah satu dari 23 kecamatan di {REGION} dengan wilayah kerja "
            f"{counted(len(DESA), 'desa')}, yaitu Desa {', Desa '.join(DESA[:-1])} dan Desa {DESA[-1]}. Sebagai perangkat "
            "daerah yang dipimpin oleh Camat, kecamatan menyelenggarakan urusan pemerintahan umum, mengoordinasikan "
            "kegiatan pemerintahan, pemberdayaan masyarakat, ketenteraman dan ketertiban umum, serta membina dan "
            "mengawasi penyelenggaraan pemerintahan desa."
        ),
        P(
            f"Renja {UNIT} Tahun {YEAR} disusun melalui tahapan yang diatur dalam Peraturan Menteri Dalam Negeri "
            "Nomor 86 Tahun 2017, yaitu:"
        ),
        L(
            "a) persiapan penyusunan, meliputi pembentukan tim penyusun dan pengumpulan data;",
            "b) penyusunan rancangan awal Renja dengan berpedoman pada Renstra dan rancangan awal RKPD;",
            "c) penyusunan rancangan Renja dengan memperhatikan hasil Musrenbang Kecamatan;",
            "d) pelaksanaan forum perangkat daerah untuk menyelaraskan usulan program dan kegiatan;",
            "e) perumusan rancangan akhir Renja; dan",
            "f) penetapan Renja oleh Kepala Perangkat Daerah setelah RKPD ditetapkan.",
        ),
        P(
            "Renja juga menjadi acuan penyusunan Rencana Kerja dan Anggaran (RKA) Kecamatan, sehingga keterkaitan "
            "antara perencanaan dan penganggaran dapat terjaga. Alur keterkaitan tersebut dapat digambarkan sebagai "
            "berikut: Renstra Perangkat Daerah dijabarkan ke dalam Renja setiap tahun, Renja diselaraskan dengan RKPD, "
            "dan RKPD menjadi dasar penyusunan Kebijakan Umum APBD serta Prioritas dan Plafon Anggaran Sementara."
        ),
        H(2, "1.2 Landasan Hukum"),
        P(f"Penyusunan Renja {UNIT} Tahun {YEAR} berlandaskan pada peraturan perundang-undangan berikut:"),
        L(
            "1) Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara;",
            "2) Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional;",
            "3) Undang-Undang Nomor 6 Tahun 2014 tentang Desa sebagaimana telah diubah terakhir dengan Undang-Undang "
            "Nomor 3 Tahun 2024;",
            "4) Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah diubah beberapa kali, "
            "terakhir dengan Undang-Undang Nomor 6 Tahun 2023;",
            "5) Undang-Undang Nomor 59 Tahun 2024 tentang Rencana Pembangunan Jangka Panjang Nasional Tahun 2025-2045;",
            "6) Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan;",
            "7) Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah;",
            "8) Peraturan Presiden Nomor 12 Tahun 2025 tentang Rencana Pembangunan Jangka Menengah Nasional Tahun "
            "2025-2029;",
            "9) Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan, Pengendalian dan "
            "Evaluasi Pembangunan Daerah;",
            "10) Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019 tentang Klasifikasi, Kodefikasi dan Nomenklatur "
            "Perencanaan Pembangunan dan Keuangan Daerah beserta pemutakhirannya;",
            "11) Peraturan Daerah Provinsi Jawa Timur Nomor 9 Tahun 2025 tentang Rencana Pembangunan Jangka Menengah "
            "Daerah Provinsi Jawa Timur Tahun 2025-2029;",
            "12) Peraturan Daerah Kabupaten Bondowoso Nomor 5 Tahun 2025 tentang Rencana Pembangunan Jangka Menengah "
            "Daerah Kabupaten Bondowoso Tahun 2025-2029;",
            "13) Peraturan Bupati Bondowoso Nomor 61 Tahun 2025 tentang Rencana Strategis Perangkat Daerah Tahun "
            "2025-2029;",
            "14) Peraturan Bupati Bondowoso Nomor 48 Tahun 2021 tentang Kedudukan, Susunan Organisasi, Tugas dan "
            "Fungsi serta Tata Kerja Kecamatan.",
        ),
        H(2, "1.3 Maksud dan Tujuan"),
        P(
            f"Renja {UNIT} Tahun {YEAR} dimaksudkan sebagai pedoman bagi seluruh unsur kecamatan dalam melaksanakan "
            "program, kegiatan dan sub kegiatan selama satu tahun anggaran, sekaligus sebagai alat ukur keberhasilan "
            "kinerja kecamatan. Adapun tujuan penyusunannya adalah:"
        ),
        L(
            "a) menjabarkan tujuan dan sasaran Renstra Kecamatan Tegalampel ke dalam rencana tahunan;",
            "b) menyelaraskan program dan kegiatan kecamatan dengan prioritas pembangunan daerah dalam RKPD;",
            "c) menjadi dasar penyusunan Rencana Kerja dan Anggaran Kecamatan; dan",
            "d) menyediakan tolok ukur kinerja untuk pengendalian dan evaluasi pelaksanaan pembangunan.",
        ),
        H(2, "1.4 Sistematika Penulisan"),
        P(f"Renja {UNIT} Tahun {YEAR} disusun dalam {counted(6, 'bab')} dengan sistematika sebagai berikut:"),
        L(
            "- Bab I Pendahuluan, menguraikan latar belakang, landasan hukum, maksud dan tujuan serta sistematika "
            "penulisan;",
            "- Bab II Hasil Evaluasi Renja Perangkat Daerah Tahun Lalu, memuat evaluasi pelaksanaan Renja, analisis "
            "kinerja pelayanan, isu penting, review rancangan awal RKPD, penelaahan usulan masyarakat, pokok-pokok "
            "pikiran DPRD dan inovasi daerah;",
            "- Bab III Tujuan dan Sasaran Perangkat Daerah, memuat telaahan kebijakan nasional dan provinsi, tujuan dan "
            "sasaran, program dan kegiatan serta arah kebijakan;",
            "- Bab IV Rencana Kerja dan Pendanaan Perangkat Daerah, memuat rencana program, kegiatan dan sub kegiatan "
            "beserta pagu indikatifnya;",
            "- Bab V Kinerja Penyelenggaraan Bidang Urusan, memuat indikator kinerja yang akan dicapai; dan",
            "- Bab VI Penutup, memuat kaidah pelaksanaan dan harapan atas pelaksanaan Renja.",
        ),
    ]


def shortfalls() -> list[tuple[Line, dict[str, str]]]:
    return [
        (line, tc29_sub_values(line))
        for line in evaluation_2025().subs
        if line.official.code in {official(nomenclature(YEAR), c, HEAD).code for c in SHORTFALL_2025}
    ]


def bab2(budget: Budget) -> list[dict[str, Any]]:
    evaluated = evaluation_2025()
    n_subs = len(evaluated.subs)
    below = shortfalls()
    met = n_subs - len(below)
    below_items = [
        f"- {line.official.name} ({code_written(line.official.code)}): target {v['target_n2']} {v['satuan'].lower()}, "
        f"terealisasi {v['realisasi_n2']} {v['satuan'].lower()} atau {v['tingkat_realisasi']}%;"
        for line, v in below
    ]
    below_items[-1] = below_items[-1].rstrip(";") + "."
    return [
        BREAK,
        H(1, "BAB II\nHASIL EVALUASI RENJA PERANGKAT DAERAH TAHUN LALU"),
        H(2, "2.1 Evaluasi Pelaksanaan Renja Perangkat Daerah Tahun Lalu dan Capaian Renstra Perangkat Daerah"),
        P(
            "Evaluasi pelaksanaan Renja dilakukan terhadap realisasi tahun 2025 (n-2) dan target tahun 2026 (n-1), "
            f"dibandingkan dengan target akhir periode Renstra Kecamatan Tegalampel Tahun {RENSTRA}. Karena periode "
            "Renstra baru dimulai pada tahun 2025, kolom realisasi sampai dengan tahun 2024 tidak diisi."
        ),
        P(
            f"Pada tahun 2025 Kecamatan Tegalampel melaksanakan {counted(n_subs, 'sub kegiatan')}. Sebanyak "
            f"{counted(met, 'sub kegiatan')} mencapai target yang ditetapkan, sedangkan {counted(len(below), 'sub kegiatan')} "
            "belum mencapai target, yaitu:"
        ),
        L(*below_items),
        P(
            "Belum tercapainya kedua sub kegiatan tersebut terutama disebabkan oleh keterlambatan penyampaian dokumen "
            "dari desa dan perubahan jadwal kegiatan pemberdayaan. Rekapitulasi hasil evaluasi selengkapnya disajikan "
            "pada tabel berikut."
        ),
        *landscape("tc29"),
        P(
            "Dari tabel tersebut terlihat bahwa tingkat capaian terhadap target akhir Renstra untuk indikator yang "
            "bersifat kumulatif masih berada pada kisaran 40%, sejalan dengan tahun kedua pelaksanaan Renstra. "
            "Indikator yang bersifat persentase dan indeks diukur pada capaian tahun berjalan."
        ),
        H(2, "2.2 Analisis Kinerja Pelayanan Perangkat Daerah"),
        P(
            "Kinerja pelayanan Kecamatan Tegalampel ditopang oleh struktur organisasi yang dipimpin Camat dan dibantu "
            "Sekretaris Kecamatan, empat seksi dan kelompok jabatan fungsional, sebagaimana gambar berikut."
        ),
        {
            "type": "figure",
            "kind": "org_chart",
            "height": 8.5,
            "caption": ["Gambar 2.1 Struktur Organisasi Kecamatan Tegalampel"],
            "labels": [
                "CAMAT",
                "SEKRETARIS KECAMATAN",
                "Seksi Pemerintahan",
                "Seksi Pelayanan Umum",
                "Seksi Ketenteraman dan Ketertiban Umum",
                "Seksi Pemberdayaan Masyarakat Desa",
                "Kelompok Jabatan Fungsional",
            ],
        },
        P(
            "Layanan Administrasi Terpadu Kecamatan (PATEN) menjadi tolok ukur utama kinerja pelayanan. Sepanjang tahun "
            f"2025 loket PATEN Kecamatan Tegalampel melayani {paten_total():,}".replace(",", ".")
            + f" ({terbilang(paten_total())}) permohonan dengan rincian per triwulan sebagai berikut."
        ),
        T("paten"),
        P(
            "Hasil Survei Kepuasan Masyarakat menunjukkan kecenderungan yang terus membaik dalam lima tahun terakhir, "
            "walaupun unsur waktu penyelesaian layanan masih memperoleh nilai terendah."
        ),
        {
            "type": "figure",
            "kind": "bar_chart",
            "height": 6.5,
            "caption": ["Gambar 2.2 Nilai Indeks Kepuasan Masyarakat Kecamatan Tegalampel Tahun 2021-2025"],
            "labels": ["2021", "2022", "2023", "2024", "2025"],
            "values": [78.6, 80.15, 81.9, 82.74, 83.42],
        },
        P(
            "Capaian indikator kinerja pelayanan terhadap target Renstra disajikan pada Tabel 2.3. Realisasi tahun 2026 "
            "merupakan perkiraan sampai akhir tahun berdasarkan capaian semester pertama."
        ),
        *landscape("tc30"),
        H(2, "2.3 Isu-isu Penting Penyelenggaraan Tugas dan Fungsi Perangkat Daerah"),
        P(
            "Berdasarkan hasil evaluasi dan analisis kinerja pelayanan, isu penting yang perlu mendapat perhatian dalam "
            f"penyelenggaraan tugas dan fungsi {UNIT} adalah:"
        ),
        L(
            "a) waktu penyelesaian layanan PATEN yang belum seluruhnya sesuai standar pelayanan, terutama pada "
            "layanan yang memerlukan verifikasi lapangan;",
            "b) ketepatan waktu penyusunan dan penetapan dokumen perencanaan dan keuangan desa yang belum merata di "
            "seluruh desa;",
            "c) keterbatasan sarana dan prasarana kantor, termasuk ruang tunggu pelayanan dan kendaraan operasional;",
            "d) belum aktifnya sebagian lembaga kemasyarakatan desa dalam mendukung perencanaan pembangunan; dan",
            "e) tuntutan penguatan koordinasi ketenteraman dan ketertiban umum menjelang kegiatan keagamaan dan "
            "kemasyarakatan berskala besar.",
        ),
        H(2, "2.4 Review terhadap Rancangan Awal RKPD"),
        P(
            f"Rancangan Awal RKPD {REGION} Tahun {YEAR} mengalokasikan pagu indikatif untuk Kecamatan Tegalampel "
            f"sebesar {rp(budget.total)}. Hasil analisis kebutuhan menunjukkan beberapa sub kegiatan memerlukan dana "
            "lebih besar dari pagu indikatif, terutama untuk pemeliharaan gedung kantor dan pengadaan peralatan. "
            "Perbandingan selengkapnya disajikan pada tabel berikut."
        ),
        *landscape("tc31"),
        H(2, "2.5 Penelaahan Usulan Program dan Kegiatan Masyarakat"),
        P(
            "Usulan masyarakat dihimpun melalui Musrenbang Desa dan Musrenbang Kecamatan Tegalampel yang "
            "dilaksanakan pada bulan Februari 2026. Usulan yang sesuai dengan kewenangan kecamatan dan dapat "
            "diakomodir dalam pagu indikatif disajikan pada tabel berikut."
        ),
        T("tc32"),
        H(2, "2.6 Penelaahan Pokok-pokok Pikiran DPRD"),
        P(
            f"Pokok-pokok pikiran DPRD {REGION} yang disampaikan melalui aplikasi SIPD untuk wilayah Kecamatan "
            "Tegalampel berjumlah 3 (tiga) usulan. Hasil penelaahan terhadap usulan tersebut adalah sebagai berikut."
        ),
        T("pokir"),
        H(2, "2.7 Inovasi Daerah"),
        P(
            "Untuk mempercepat layanan administrasi bagi warga desa, Kecamatan Tegalampel mengembangkan inovasi "
            "SIPANDU TEGAL (Sistem Pelayanan Terpadu Desa dan Kecamatan Tegalampel). Melalui inovasi ini, berkas "
            "permohonan diterima di kantor desa, diverifikasi secara daring oleh petugas PATEN, dan dokumen yang telah "
            "selesai dikirim kembali ke desa tanpa warga harus datang ke kantor kecamatan."
        ),
        H(3, "2.7.1 Alur Layanan"),
        P("Alur layanan SIPANDU TEGAL terdiri atas enam tahap sebagaimana gambar berikut."),
        {
            "type": "figure",
            "kind": "flow",
            "height": 6,
            "caption": ["Gambar 2.3 Alur Layanan Inovasi SIPANDU TEGAL"],
            "labels": [
                "Warga mengajukan berkas di kantor desa",
                "Operator desa mengunggah berkas",
                "Verifikasi petugas PATEN",
                "Penandatanganan oleh Camat",
                "Dokumen dikirim ke desa",
                "Warga menerima dokumen",
            ],
        },
        H(3, "2.7.2 Capaian dan Kendala"),
        P(
            "Sejak diterapkan pada pertengahan tahun 2024, SIPANDU TEGAL telah melayani 1.184 (seribu seratus delapan "
            "puluh empat) permohonan. Kendala yang masih dihadapi adalah kualitas jaringan internet di sebagian desa "
            "dan keterbatasan operator desa yang menguasai aplikasi."
        ),
    ]


_SMALL = {"dan", "di", "ke", "dari", "yang", "atau", "dalam", "serta", "untuk", "pada", "oleh"}


def title_case(name: str) -> str:
    """'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA' -> 'Program Penunjang ... Kabupaten/Kota'."""
    words = []
    for i, word in enumerate(name.lower().split()):
        if i and word in _SMALL:
            words.append(word)
        else:
            words.append("/".join(part[:1].upper() + part[1:] for part in word.split("/")))
    return " ".join(words)


def _roman(n: int) -> str:
    return ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"][n - 1]


def program_list_bab3(budget: Budget) -> list[str]:
    items: list[str] = []
    program_no = 0
    kegiatan_no = 0
    for line in budget.tree():
        level = line.official.level
        if level == "program":
            program_no += 1
            kegiatan_no = 0
            items.append(f"{program_no}) {title_case(line.official.name)}")
        elif level == "kegiatan":
            kegiatan_no += 1
            items.append(f"{'abcdefghijklmnop'[kegiatan_no - 1]}) Kegiatan {line.official.name}")
        else:
            items.append(f"- Sub Kegiatan {line.official.name}")
    return items


def program_list_bab4(budget: Budget) -> list[str]:
    programs = budget.lines_at("program")
    items = [
        f"{_roman(i)}. {title_case(line.official.name)} dengan pagu indikatif {rp(line.amount)};"
        for i, line in enumerate(programs, start=1)
    ]
    items[-2] = items[-2].rstrip(";") + "; dan"
    items[-1] = items[-1].rstrip(";") + "."
    return items


def components(budget: Budget) -> tuple[int, int, int]:
    """Belanja pegawai (gaji), barang dan jasa, modal (pengadaan) of the plan."""
    subs = sub_extra(budget)
    nom = nomenclature(YEAR)
    pegawai = subs[official(nom, GAJI, HEAD).code].amount
    modal = sum(subs[official(nom, c, HEAD).code].amount for c in BELANJA_MODAL)
    return pegawai, budget.total - pegawai - modal, modal


def bab3(budget: Budget) -> list[dict[str, Any]]:
    n_prog, n_keg, n_sub = (len(budget.lines_at(level)) for level in ("program", "kegiatan", "sub_kegiatan"))
    return [
        BREAK,
        H(1, "BAB III\nTUJUAN DAN SASARAN PERANGKAT DAERAH"),
        H(2, "3.1 Telaahan terhadap Kebijakan Nasional dan Provinsi"),
        P(
            "Rencana Pembangunan Jangka Menengah Nasional Tahun 2025-2029 menjabarkan delapan misi pembangunan "
            "nasional (Asta Cita). Misi yang berkaitan langsung dengan tugas dan fungsi kecamatan adalah:"
        ),
        L(
            "i. memperkokoh ideologi Pancasila, demokrasi dan hak asasi manusia;",
            "ii. membangun dari desa dan dari bawah untuk pemerataan ekonomi dan pemberantasan kemiskinan;",
            "iii. memperkuat reformasi politik, hukum dan birokrasi serta pencegahan dan pemberantasan korupsi; dan",
            "iv. memperkuat keselarasan kehidupan yang harmonis dengan lingkungan, alam dan budaya serta toleransi "
            "antarumat beragama.",
        ),
        P(
            f"Pada tingkat provinsi, RPJMD {PROVINCE} Tahun 2025-2029 menempatkan peningkatan kualitas pelayanan "
            "publik, penguatan ekonomi desa dan ketenteraman masyarakat sebagai prioritas. Kebijakan tersebut "
            f"dijabarkan lebih lanjut dalam RPJMD {REGION} Tahun 2025-2029 melalui misi mewujudkan tata kelola "
            "pemerintahan yang bersih, efektif dan melayani."
        ),
        H(2, "3.2 Tujuan dan Sasaran Renja"),
        P(
            f"Tujuan {UNIT} sebagaimana ditetapkan dalam Renstra Tahun {RENSTRA} beserta indikator dan targetnya "
            f"pada tahun {YEAR} dan {YEAR + 1} disajikan pada Tabel 3.1."
        ),
        T("tujuan"),
        P("Untuk mencapai tujuan tersebut ditetapkan empat sasaran dengan indikator dan target sebagai berikut."),
        T("sasaran"),
        H(2, "3.3 Program dan Kegiatan"),
        P(
            f"Untuk mewujudkan tujuan dan sasaran tersebut, pada tahun {YEAR} Kecamatan Tegalampel merencanakan "
            f"{counted(n_prog, 'program')}, {counted(n_keg, 'kegiatan')} dan {counted(n_sub, 'sub kegiatan')} dengan "
            f"pagu indikatif sebesar {rp(budget.total)}. Program, kegiatan dan sub kegiatan tersebut adalah:"
        ),
        L(*program_list_bab3(budget)),
        P(
            "Rumusan rencana program dan kegiatan beserta indikator, target dan pagu indikatifnya disajikan pada "
            "Tabel 3.3."
        ),
        *landscape("tc33"),
        H(2, "3.4 Arah Kebijakan"),
        P(f"Arah kebijakan {UNIT} pada tahun {YEAR} adalah sebagai berikut:"),
        L(
            "a) mempercepat waktu penyelesaian layanan PATEN melalui perluasan layanan SIPANDU TEGAL ke seluruh desa;",
            "b) memperkuat pembinaan penyusunan dokumen perencanaan dan keuangan desa agar ditetapkan tepat waktu;",
            "c) mengaktifkan kembali lembaga kemasyarakatan desa melalui pendampingan dan forum musyawarah;",
            "d) meningkatkan koordinasi Forkopimcam dalam menjaga ketenteraman dan ketertiban umum; dan",
            "e) memelihara sarana dan prasarana kantor untuk mendukung kenyamanan pelayanan.",
        ),
    ]


def bab4(budget: Budget) -> list[dict[str, Any]]:
    pegawai, barang, modal = components(budget)
    return [
        BREAK,
        H(1, "BAB IV\nRENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH"),
        P(
            f"Rencana kerja dan pendanaan {UNIT} Tahun {YEAR} disusun berdasarkan pagu indikatif Rancangan Awal RKPD "
            f"dan hasil forum perangkat daerah. Total pagu indikatif Kecamatan Tegalampel tahun {YEAR} sebesar "
            f"{rp(budget.total)} ({terbilang(budget.total)} rupiah), terdiri atas Belanja Pegawai sebesar {rp(pegawai)}, "
            f"Belanja Barang dan Jasa sebesar {rp(barang)} dan Belanja Modal sebesar {rp(modal)}. Prakiraan maju "
            f"kebutuhan dana tahun {YEAR + 1} sebesar {rp(budget.total_next)}."
        ),
        P(f"Program yang akan dilaksanakan pada tahun {YEAR} adalah:"),
        L(*program_list_bab4(budget)),
        P("Rincian rencana kerja dan pendanaan sampai dengan aktivitas disajikan pada tabel berikut."),
        *landscape("t41"),
    ]


def bab5() -> list[dict[str, Any]]:
    return [
        H(1, "BAB V\nKINERJA PENYELENGGARAAN BIDANG URUSAN"),
        P(
            "Kinerja penyelenggaraan bidang urusan Kecamatan Tegalampel diukur melalui indikator yang selaras dengan "
            "tujuan dan sasaran Renstra. Target indikator tersebut pada tahun rencana dan tahun berikutnya adalah "
            "sebagai berikut."
        ),
        T("bab5"),
        P(
            "Pencapaian target tersebut dipantau setiap triwulan melalui rapat evaluasi kinerja kecamatan dan "
            "dilaporkan dalam Laporan Kinerja Instansi Pemerintah."
        ),
    ]


def bab6() -> list[dict[str, Any]]:
    return [
        BREAK,
        H(1, "BAB VI\nPENUTUP"),
        P(
            f"Renja {UNIT} Tahun {YEAR} merupakan pedoman pelaksanaan program, kegiatan dan sub kegiatan kecamatan "
            "selama satu tahun anggaran. Agar pelaksanaannya berjalan efektif, ditetapkan kaidah pelaksanaan sebagai "
            "berikut:"
        ),
        L(
            "1) seluruh unsur kecamatan melaksanakan program dan kegiatan sesuai Renja dan berpedoman pada standar "
            "pelayanan yang telah ditetapkan;",
            "2) Sekretaris Kecamatan mengoordinasikan pemantauan dan evaluasi pelaksanaan Renja setiap triwulan;",
            "3) perubahan program dan kegiatan hanya dilakukan melalui mekanisme perubahan Renja sesuai ketentuan; dan",
            "4) hasil evaluasi pelaksanaan Renja menjadi bahan penyusunan Renja tahun berikutnya.",
        ),
        P(
            "Dengan tersusunnya Renja ini diharapkan kinerja pelayanan Kecamatan Tegalampel kepada masyarakat terus "
            "meningkat dan memberikan kontribusi nyata bagi pencapaian tujuan pembangunan Kabupaten Bondowoso."
        ),
        {"type": "signature", "lines": [PLACE_DATE, *CAMAT]},
    ]


# --------------------------------------------------------------------------- the specs


def contents_entries(body: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """DAFTAR ISI as the author's updated Word contents prints it: the front-matter titles, then every
    chapter and section heading (level 1-2) as written."""
    entries = [{"text": t, "target": t} for t in ("KATA PENGANTAR", "DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GAMBAR")]
    for block in body:
        if block["type"] == "heading" and block["level"] <= 2:
            text = " ".join(block["text"].split())
            entries.append({"text": text, "target": text})
    return entries


def set_contents(spec: dict[str, Any]) -> None:
    toc = next(b for b in spec["body"] if b["type"] == "toc" and b["of"] == "headings")
    toc["entries"] = contents_entries(spec["body"])


def build_clean() -> dict[str, Any]:
    budget = plan()
    body = [*front_matter(), *bab1(budget), *bab2(budget), *bab3(budget), *bab4(budget), *bab5(), *bab6()]
    spec: dict[str, Any] = {
        "id": CLEAN_ID,
        "family": FAMILY,
        "ruleset": "renja-2027",  # the six-chapter outline is this profile's
        "meta": {"unit": UNIT, "region": REGION, "plan_year": YEAR, "place_date": PLACE_DATE},
        "style": {"font": "Liberation Serif", "body_pt": 12, "table_pt": 7.5, "thousands": "."},
        "body": body,
        "tables": {
            "tc29": table_tc29(),
            "paten": table_paten(),
            "tc30": table_tc30(),
            "tc31": table_tc31(budget),
            "tc32": table_tc32(),
            "pokir": table_pokir(),
            "tujuan": table_tujuan(),
            "sasaran": table_sasaran(),
            "tc33": table_tc33(budget),
            "t41": table_41(budget),
            "bab5": table_bab5(),
        },
    }
    set_contents(spec)
    return spec


def build() -> list[dict[str, Any]]:
    clean = build_clean()
    return [clean, build_defects(clean)]


def main() -> None:
    doc = (__doc__ or "").split("\n\n")[0]
    for spec in build():
        note = (
            "SYNTHETIC clean sample" if "defects" not in spec else "SYNTHETIC defect variant (see defects: at the end)"
        )
        path = write_spec(spec, f"{doc}\n{note}. Written by samples/families/six_chapter.py; do not edit by hand.")
        print(path)


# --------------------------------------------------------------------------- the defect variant


def _index(spec: dict[str, Any], block_type: str, starts: str) -> int:
    """Index of the first body block of `block_type` whose text (or first item/line) starts with `starts`."""
    for i, block in enumerate(spec["body"]):
        if block["type"] != block_type:
            continue
        text = block.get("text") or next(iter(block.get("items") or block.get("lines") or []), "")
        if text.startswith(starts):
            return i
    raise KeyError(f"no {block_type} block starting with {starts!r}")


def build_defects(clean: dict[str, Any]) -> dict[str, Any]:
    """The clean spec with twelve mistakes of different classes, each declared in `defects`."""
    out = copy.deepcopy(clean)
    out["id"] = DEFECT_ID
    body, tables = out["body"], out["tables"]
    found: list[dict[str, Any]] = []

    def declare(defect_id: str, what: str, *expect: dict[str, Any]) -> None:
        found.append({"id": defect_id, "what": what, "expect": list(expect)})

    # 1. A required section deleted (1.4 Sistematika Penulisan with its text); the contents were updated.
    at = _index(out, "heading", "1.4 Sistematika Penulisan")
    del body[at : at + 3]
    declare(
        "missing-section",
        "BAB I: section 1.4 Sistematika Penulisan (heading, paragraph and list) is missing",
        {"rule": "STR-001", "text": "1.4"},
        {"rule": "STR-001", "text": "Sistematika Penulisan"},
    )

    # 2. A section numbered out of sequence: 3.4 printed as 3.5 (the contents follow the heading).
    at = _index(out, "heading", "3.4 Arah Kebijakan")
    body[at]["text"] = "3.5 Arah Kebijakan"
    declare(
        "heading-skip",
        "BAB III: the last section is numbered 3.5 (Arah Kebijakan) after 3.3",
        {"rule": "STR-002", "text": "3.5"},
        # The six-chapter outline requires a 3.4, which the renumbered heading no longer is.
        {"rule": "STR-001", "text": "3.4"},
    )

    # 3. Two tables with the same number: the DPRD pokir table is captioned Tabel 2.5 like T-C.32.
    tables["pokir"]["caption"][0] = "Tabel 2.5"
    declare(
        "table-number-twice",
        "BAB II 2.6: the pokok-pokok pikiran DPRD table is captioned 'Tabel 2.5', the number of T-C.32 above it",
        {"rule": "STR-004", "text": "2.5"},
    )

    # 4. The BAB IV table title names the previous plan year.
    caption = tables["t41"]["caption"]
    caption[0] = caption[0].replace(f"Tahun {YEAR}", f"Tahun {YEAR - 1}")
    declare(
        "caption-year",
        f"Tabel 4.1 caption: 'Rencana Kerja dan Pendanaan ... Tahun {YEAR - 1}' instead of {YEAR}",
        {"rule": "YEAR-007", "text": str(YEAR - 1)},
        {"rule": "YEAR-003", "text": str(YEAR - 1)},
        {"rule": "YEAR-001", "table": "Tabel 4.1"},
    )

    # 5. An aktivitas copied from an older Renja keeps its year.
    nom = nomenclature(YEAR)
    perencanaan = official(nom, "X.XX.01.2.01.01", HEAD).code
    rows = tables["t41"]["rows"]
    at = next(i for i, r in enumerate(rows) if r.get("code") == perencanaan)
    musrenbang = rows[at + 2]["cells"]
    assert musrenbang["aktivitas"].startswith("Penyelenggaraan Musrenbang")
    musrenbang["aktivitas"] = musrenbang["aktivitas"].replace(f"Tahun {YEAR + 1}", f"Tahun {YEAR - 1}")
    declare(
        "aktivitas-year",
        f"Tabel 4.1, sub kegiatan {perencanaan}: aktivitas 'Penyelenggaraan Musrenbang Kecamatan Tahun "
        f"{YEAR - 1}' (copied from an older Renja; the {YEAR} Musrenbang prepares {YEAR + 1})",
        {"rule": "YEAR-002", "table": "Tabel 4.1", "text": str(YEAR - 1)},
    )

    # 6. BAB IV forgets one program in its list.
    trantib = official(nom, "7.01.04", HEAD)
    at = _index(out, "list", "i. Program Penunjang")
    items = body[at]["items"]
    items[:] = [item for item in items if title_case(trantib.name) not in item]
    items[:] = [f"{_roman(i)}.{item.split('.', 1)[1]}" for i, item in enumerate(items, start=1)]
    declare(
        "bab4-program-missing",
        f"BAB IV: the list of programs leaves out {trantib.code} {title_case(trantib.name)}",
        {"rule": "NAR-009", "code": trantib.code},
    )

    # 7. T-C.31: one sub kegiatan's pagu mistyped; its kegiatan no longer adds up and T-C.33 differs.
    wawasan = official(nom, "7.01.05.2.01.01", HEAD).code
    r31 = row_with(out, "tc31", wawasan)
    right = r31["cells"]["pagu"]
    r31["cells"]["pagu"] = right + 1_800_000
    declare(
        "tc31-pagu",
        f"T-C.31 sub kegiatan {wawasan}: pagu indikatif {rupiah(right + 1_800_000, '.')} instead of "
        f"{rupiah(right, '.')} (T-C.33); kegiatan {wawasan[:-3]} no longer adds up",
        {"rule": "TOT-005", "table": "T-C.31", "code": wawasan[:-3], "column": "pagu"},
        {"rule": "XT-002", "table": "T-C.31", "code": wawasan, "column": "pagu"},
    )

    # 8. A template placeholder left in the text.
    at = _index(out, "paragraph", "Pokok-pokok pikiran DPRD")
    body[at]["text"] += (
        " Dari usulan tersebut, sebanyak [isi jumlah usulan yang diakomodir] usulan diakomodir dalam Renja ini."
    )
    declare(
        "placeholder",
        "BAB II 2.6: '[isi jumlah usulan yang diakomodir]' left in the text",
        {"rule": "STR-008", "text": "[isi"},
    )

    # 9. A count whose words differ from its digits.
    at = _index(out, "paragraph", "Untuk mewujudkan tujuan dan sasaran tersebut")
    n_sub = len(plan().lines_at("sub_kegiatan"))
    wrong_words = terbilang(n_sub - 1)
    body[at]["text"] = body[at]["text"].replace(
        f"{n_sub} ({terbilang(n_sub)}) sub kegiatan", f"{n_sub} ({wrong_words}) sub kegiatan"
    )
    declare(
        "count-words",
        f"BAB III 3.3: '{n_sub} ({wrong_words}) sub kegiatan'",
        {"rule": "NAR-003", "text": str(n_sub - 1)},
        {"rule": "NAR-003", "text": wrong_words},
    )

    # 10. The PATEN JUMLAH row: one quarter does not add up.
    total_row = tables["paten"]["rows"][-1]["cells"]
    right_tw3 = total_row["tw3"]
    total_row["tw3"] = str(int(right_tw3) + 20)
    declare(
        "paten-total",
        f"Tabel 2.2 (PATEN): JUMLAH row, triwulan III, says {total_row['tw3']}; the services add up to {right_tw3}",
        {"rule": "TOT-013", "text": total_row["tw3"]},
    )

    # 11. A paragraph copied from another kecamatan's Renja.
    at = _index(out, "list", "a) waktu penyelesaian layanan PATEN")
    body.insert(
        at + 1,
        P(
            "Selain itu, di Kecamatan Tenggarang masih terdapat ruas jalan poros desa di Desa Koncer Kidul dan Desa "
            "Tangsil Kulon yang rawan genangan pada musim hujan sehingga memerlukan koordinasi penanganan dengan dinas "
            "teknis terkait."
        ),
    )
    declare(
        "copied-paragraph",
        "BAB II 2.3: a paragraph copied from Kecamatan Tenggarang's Renja names Kecamatan Tenggarang and its "
        "desa Koncer Kidul and Tangsil Kulon",
        {"rule": "NAR-014", "text": "Tenggarang"},
        {"rule": "NAR-014", "text": "Koncer Kidul"},
    )

    # The contents are updated from the headings (as Word updates them) ...
    set_contents(out)
    # 12. ... but one line was retyped by hand and no longer says what its heading says.
    toc = next(b for b in body if b["type"] == "toc" and b["of"] == "headings")
    entry = next(e for e in toc["entries"] if e["text"].startswith("2.3 "))
    entry["text"] = "2.3 Permasalahan dan Isu Strategis Perangkat Daerah"
    declare(
        "toc-differs",
        "DAFTAR ISI: '2.3 Permasalahan dan Isu Strategis Perangkat Daerah', the heading is "
        "'2.3 Isu-isu Penting Penyelenggaraan Tugas dan Fungsi Perangkat Daerah'",
        {"rule": "STR-007", "text": "Permasalahan"},
    )

    out["defects"] = found
    return out


if __name__ == "__main__":
    main()
