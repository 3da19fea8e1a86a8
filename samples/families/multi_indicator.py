"""Family "multi-indicator": a Renja whose programs and kegiatan carry two or three
performance indicators each, as real kecamatan Renja do ("Persentase ..." next to
"Indeks ..."), printed in the two ways offices print them:

(a) one indicator per row: code, name and amounts written once in cells merged over the
    indicator rows (spec ``split``), each indicator with its own targets (year n and
    n+1), lokasi and, in T-C.29, its own target/realisation values and units -- used in
    T-C.33, T-C.29 and the tujuan/sasaran tables;
(b) the indicators and their targets stacked in ONE cell, separated by line breaks
    ("Persentase ...\\nIndeks ..." / "100%\\n83,00 poin") -- used in T-C.31, T-C.30 and the
    BAB IV table.

Sample: Kecamatan Kraksaan, Kabupaten Probolinggo (Jawa Timur), Renja 2025, a kecamatan
with 13 desa and 5 kelurahan (so the kelurahan kegiatan and Dana Kelurahan appear).
Layout choices nobody else on the team made: Liberation Serif 12/7.5 pt, "." thousands,
four-digit sub kegiatan codes (7.01.01.2.01.0001), a "Catatan Penting" column in T-C.33
and T-C.31, totals at the foot of the tables, tables numbered per chapter (Tabel 2.1 ...
Tabel 4.1), a PATEN table by quarter printed from a spreadsheet, a Tabel 4.1 on portrait
pages with a "Kelompok Sasaran" column, BAB III list A. / 1. / a.

Run: ``.venv/bin/python -m samples.families.multi_indicator`` (writes both specs), then
render them with ``python -m samples.generator``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from samples.families.common import (
    Budget,
    Line,
    nomenclature,
    official,
    row_with,
    rupiah,
    title_case,
    variant,
    write_spec,
)

ID = "kraksaan-2025"
DEFECTS_ID = "kraksaan-2025-defects"
FAMILY = "multi-indicator"
YEAR = 2025
HEAD = "7.01"
UNIT = "Kecamatan Kraksaan"
REGION = "Kabupaten Probolinggo"
KEC = "Kec. Kraksaan"
DESA13 = "13 Desa"
KEL5 = "5 Kelurahan"
PLACE_DATE = "Kraksaan, Juli 2024"
CAMAT = "AHMAD FAUZAN HIDAYAT, S.STP., M.Si."
CAMAT_NIP = "NIP. 19800614 200212 1 002"

# --------------------------------------------------------------------------- numbers


def num(text: str) -> float:
    """'83,00' -> 83.0 ; '1.250' -> 1250.0 (Indonesian writing)."""
    return float(text.replace(".", "").replace(",", "."))


def dec(value: float, places: int = 2) -> str:
    """83.0 -> '83,00' (fixed places, comma decimals)."""
    return f"{value:.{places}f}".replace(".", ",")


def plain(value: float) -> str:
    """An integer-valued float without decimals, else two decimals: 8.0 -> '8', 66.666 -> '66,67'."""
    if abs(value - round(value)) < 1e-9:
        return str(round(value))
    return dec(value)


def pct(value: float) -> str:
    return plain(value) + "%"


def is_rate(unit: str) -> bool:
    """'Orang/bulan' is a rate (column 10 takes the latest value); 'Pokmas / Ormas' lists alternatives."""
    return re.search(r"\w/\w", unit) is not None


def quantity(value: str, unit: str) -> str:
    """A target as written: '100%' / '83,00 poin' / '0,7250' / '12 Laporan'."""
    if unit == "%":
        return f"{value}%"
    return f"{value} {unit}".strip()


# --------------------------------------------------------------------------- indicators


@dataclass
class Ind:
    """One program/kegiatan indicator: targets n and n+1, and its T-C.29 history."""

    name: str
    unit: str  # "%", "poin", "" (an index), "desa", "kali", ...
    n: str  # target 2025 (number as written)
    n1: str  # target 2026
    hist: tuple[str, str, str, str, str]  # renstra 2026, realisasi s/d 2022, target 2023, realisasi 2023, target 2024
    lokasi: str = KEC
    cumulative: bool | None = None  # column 10 = 5+7+9 (counts) or the latest level (rates, indices)
    unit29: str | None = None  # unit column of T-C.29 when it differs ("indeks" for an index)

    @property
    def target(self) -> str:
        return quantity(self.n, self.unit)

    @property
    def target_next(self) -> str:
        return quantity(self.n1, self.unit)

    @property
    def sums(self) -> bool:
        if self.cumulative is not None:
            return self.cumulative
        return self.unit not in ("%", "poin", "") and not is_rate(self.unit)


@dataclass
class Sub:
    """A sub kegiatan: code, money, yearly target and its T-C.29 history."""

    code: str
    amount: int
    amount_next: int
    n: str  # target 2025 (number)
    n1: str  # target 2026
    hist: tuple[str, str, str, str, str]  # as Ind.hist
    lokasi: str = KEC
    sumber: str = "PAD"
    kelompok: str = "Aparatur Kecamatan"
    kebutuhan: int | None = None  # T-C.31 kebutuhan dana when it differs from the pagu
    catatan: str | None = None  # T-C.33 "Catatan Penting"
    catatan31: str | None = None  # T-C.31 "Catatan Penting"


def h(renstra: str, s22: str, t23: str, r23: str, t24: str) -> tuple[str, str, str, str, str]:
    return (renstra, s22, t23, r23, t24)


def yearly(
    n: str,
    *,
    t23: str | None = None,
    r23: str | None = None,
    t24: str | None = None,
    s22: str | None = None,
    renstra: str | None = None,
) -> tuple[str, str, str, str, str]:
    """History of a count target repeated every year of the Renstra 2021-2026."""
    base = num(n)
    t23 = t23 or n
    t24 = t24 or n
    r23 = r23 or t23
    s22 = s22 or plain(2 * base)
    renstra = renstra or plain(6 * base)
    return (renstra, s22, t23, r23, t24)


# Program and kegiatan indicators (written by the office, not in the nomenclature).
PCT = "%"
INDICATORS: dict[str, list[Ind]] = {
    "7.01.01": [
        Ind(
            "Persentase pemenuhan kebutuhan administrasi perkantoran dan pelayanan internal",
            PCT,
            "100",
            "100",
            h("100", "98,50", "100", "100", "100"),
        ),
        Ind(
            "Nilai hasil evaluasi Akuntabilitas Kinerja Instansi Pemerintah (AKIP) Kecamatan",
            "poin",
            "70,50",
            "72,00",
            h("72,00", "66,20", "68,00", "68,45", "69,00"),
        ),
    ],
    "7.01.01.2.01": [
        Ind(
            "Persentase dokumen perencanaan dan penganggaran yang tersusun tepat waktu",
            PCT,
            "100",
            "100",
            h("100", "100", "100", "100", "100"),
        ),
        Ind(
            "Persentase laporan kinerja yang disampaikan tepat waktu",
            PCT,
            "100",
            "100",
            h("100", "90", "100", "100", "100"),
        ),
    ],
    "7.01.01.2.02": [
        Ind(
            "Persentase ASN yang menerima gaji dan tunjangan tepat waktu",
            PCT,
            "100",
            "100",
            h("100", "100", "100", "100", "100"),
        ),
        Ind(
            "Persentase laporan keuangan yang disusun tepat waktu",
            PCT,
            "100",
            "100",
            h("100", "95", "100", "100", "100"),
        ),
    ],
    "7.01.01.2.05": [
        Ind(
            "Persentase ASN yang menerima pakaian dinas sesuai ketentuan",
            PCT,
            "100",
            "100",
            h("100", "100", "100", "100", "100"),
        ),
        Ind(
            "Jumlah ASN penerima pakaian dinas beserta atribut",
            "orang",
            "41",
            "41",
            h("41", "40", "40", "40", "41"),
            cumulative=False,
        ),
    ],
    "7.01.01.2.06": [
        Ind(
            "Persentase pemenuhan kebutuhan administrasi umum perkantoran",
            PCT,
            "100",
            "100",
            h("100", "100", "100", "100", "100"),
        ),
        Ind(
            "Jumlah rapat koordinasi dan konsultasi yang difasilitasi",
            "kali",
            "24",
            "24",
            h("144", "46", "24", "26", "24"),
        ),
    ],
    "7.01.01.2.07": [
        Ind(
            "Persentase pemenuhan kebutuhan sarana dan prasarana kantor",
            PCT,
            "85",
            "90",
            h("90", "72", "78", "80", "82"),
        ),
        Ind("Jumlah unit peralatan kantor yang diadakan", "unit", "6", "5", h("30", "9", "5", "5", "5")),
    ],
    "7.01.01.2.08": [
        Ind(
            "Persentase pemenuhan jasa penunjang operasional kantor",
            PCT,
            "100",
            "100",
            h("100", "100", "100", "100", "100"),
        ),
        Ind(
            "Jumlah bulan layanan jasa penunjang kantor yang terpenuhi",
            "bulan",
            "12",
            "12",
            h("72", "24", "12", "12", "12"),
        ),
    ],
    "7.01.01.2.09": [
        Ind("Persentase barang milik daerah dalam kondisi baik", PCT, "88", "90", h("90", "80", "84", "85,20", "86")),
        Ind(
            "Persentase kendaraan dinas operasional yang laik jalan",
            PCT,
            "93",
            "100",
            h("100", "85", "86", "92,86", "93"),
        ),
    ],
    "7.01.02": [
        Ind(
            "Persentase layanan administrasi terpadu kecamatan (PATEN) yang diselesaikan sesuai standar pelayanan",
            PCT,
            "99,5",
            "100",
            h("100", "96,50", "98", "98,40", "99"),
        ),
        Ind(
            "Indeks Kepuasan Masyarakat (IKM) terhadap layanan Kecamatan",
            "poin",
            "83,00",
            "83,50",
            h("83,50", "80,12", "81,50", "82,06", "82,50"),
        ),
        Ind(
            "Persentase pengaduan masyarakat yang ditindaklanjuti",
            PCT,
            "100",
            "100",
            h("100", "90", "95", "95", "97,5"),
        ),
    ],
    "7.01.02.2.01": [
        Ind(
            "Persentase hasil koordinasi penyelenggaraan pemerintahan yang ditindaklanjuti",
            PCT,
            "90",
            "92",
            h("92", "82,40", "85", "86,20", "88"),
        ),
        Ind(
            "Jumlah forum koordinasi pemerintahan tingkat kecamatan yang dilaksanakan",
            "kali",
            "12",
            "12",
            h("72", "22", "12", "12", "12"),
        ),
    ],
    "7.01.02.2.02": [
        Ind(
            "Persentase jenis layanan kecamatan yang memiliki standar pelayanan dan SOP",
            PCT,
            "100",
            "100",
            h("100", "85", "95", "95", "100"),
        ),
        Ind("Jumlah inovasi pelayanan publik yang diterapkan", "inovasi", "2", "3", h("10", "2", "2", "2", "2")),
    ],
    "7.01.02.2.04": [
        Ind(
            "Persentase kewenangan yang dilimpahkan kepada Camat yang terlaksana",
            PCT,
            "100",
            "100",
            h("100", "100", "100", "100", "100"),
        ),
        Ind(
            "Persentase layanan kewenangan yang dilimpahkan yang selesai tepat waktu",
            PCT,
            "95",
            "97",
            h("97", "88", "90", "91,50", "93"),
        ),
    ],
    "7.01.03": [
        Ind(
            "Persentase desa yang melaksanakan Musrenbangdes sesuai jadwal",
            PCT,
            "100",
            "100",
            h("100", "92,31", "100", "100", "100"),
            lokasi=DESA13,
        ),
        Ind(
            "Persentase kelurahan yang memanfaatkan Dana Kelurahan tepat sasaran",
            PCT,
            "100",
            "100",
            h("100", "80", "100", "100", "100"),
            lokasi=KEL5,
        ),
        Ind(
            "Persentase Tim Penggerak PKK desa/kelurahan yang aktif",
            PCT,
            "94,44",
            "100",
            h("100", "83,33", "88,89", "88,89", "94,44"),
        ),
    ],
    "7.01.03.2.01": [
        Ind(
            "Persentase desa yang difasilitasi dalam kegiatan pemberdayaan masyarakat",
            PCT,
            "100",
            "100",
            h("100", "100", "100", "100", "100"),
            lokasi=DESA13,
        ),
        Ind(
            "Jumlah kegiatan pembinaan lembaga kemasyarakatan desa",
            "kegiatan",
            "8",
            "8",
            h("48", "14", "8", "8", "8"),
            lokasi=DESA13,
        ),
    ],
    "7.01.03.2.02": [
        Ind(
            "Persentase sarana dan prasarana kelurahan yang terbangun sesuai rencana",
            PCT,
            "100",
            "100",
            h("100", "90", "100", "100", "100"),
            lokasi=KEL5,
        ),
        Ind(
            "Jumlah kelompok masyarakat kelurahan yang diberdayakan",
            "pokmas",
            "15",
            "15",
            h("84", "26", "14", "14", "15"),
            lokasi=KEL5,
        ),
    ],
    "7.01.03.2.06": [
        Ind(
            "Persentase TP PKK desa/kelurahan yang melaksanakan 10 program pokok PKK",
            PCT,
            "94,44",
            "100",
            h("100", "83,33", "88,89", "88,89", "94,44"),
        ),
        Ind(
            "Jumlah keluarga yang mengikuti pembinaan ketahanan pangan keluarga",
            "keluarga",
            "180",
            "200",
            h("1.000", "300", "150", "150", "160"),
        ),
    ],
    "7.01.04": [
        Ind(
            "Persentase gangguan ketenteraman dan ketertiban umum yang tertangani",
            PCT,
            "100",
            "100",
            h("100", "95", "100", "100", "100"),
        ),
        Ind(
            "Persentase desa/kelurahan yang bebas dari konflik sosial",
            PCT,
            "88,89",
            "94,44",
            h("94,44", "77,78", "83,33", "83,33", "88,89"),
        ),
    ],
    "7.01.04.2.01": [
        Ind(
            "Persentase rapat koordinasi ketenteraman dan ketertiban umum yang terlaksana",
            PCT,
            "100",
            "100",
            h("100", "100", "100", "100", "100"),
        ),
        Ind(
            "Jumlah patroli gabungan tiga pilar (Camat, Kapolsek, Danramil)",
            "kali",
            "24",
            "24",
            h("144", "40", "24", "24", "24"),
        ),
    ],
    "7.01.05": [
        Ind(
            "Persentase fasilitasi penyelenggaraan urusan pemerintahan umum yang terlaksana",
            PCT,
            "100",
            "100",
            h("100", "100", "100", "100", "100"),
        ),
        Ind(
            "Persentase potensi konflik sosial yang diselesaikan melalui musyawarah",
            PCT,
            "100",
            "100",
            h("100", "100", "100", "100", "100"),
        ),
    ],
    "7.01.05.2.01": [
        Ind(
            "Jumlah peserta pembinaan wawasan kebangsaan dan kerukunan",
            "orang",
            "150",
            "150",
            h("900", "250", "150", "150", "150"),
        ),
        Ind("Jumlah rapat Forum Koordinasi Pimpinan Kecamatan", "kali", "12", "12", h("72", "24", "12", "12", "12")),
    ],
    "7.01.06": [
        Ind(
            "Persentase desa yang menetapkan APBDes tepat waktu",
            PCT,
            "100",
            "100",
            h("100", "92,31", "100", "100", "100"),
            lokasi=DESA13,
        ),
        Ind(
            "Persentase desa yang menyampaikan laporan pertanggungjawaban realisasi APBDes tepat waktu",
            PCT,
            "100",
            "100",
            h("100", "84,62", "100", "92,31", "100"),
            lokasi=DESA13,
        ),
        Ind(
            "Rata-rata nilai Indeks Desa Membangun (IDM) desa se-Kecamatan Kraksaan",
            "",
            "0,7250",
            "0,7350",
            h("0,7350", "0,6918", "0,7050", "0,7062", "0,7150"),
            lokasi=DESA13,
            unit29="indeks",
        ),
    ],
    "7.01.06.2.01": [
        Ind(
            "Jumlah desa yang difasilitasi dalam penyusunan APBDes",
            "desa",
            "13",
            "13",
            h("78", "26", "13", "13", "13"),
            lokasi=DESA13,
        ),
        Ind(
            "Jumlah desa yang difasilitasi dalam penyusunan laporan keuangan desa",
            "desa",
            "13",
            "13",
            h("78", "26", "13", "12", "13"),
            lokasi=DESA13,
        ),
        Ind(
            "Persentase desa dengan administrasi pemerintahan desa yang tertib",
            PCT,
            "96",
            "100",
            h("100", "84,62", "90", "92,31", "92"),
            lokasi=DESA13,
        ),
    ],
}

# Sub kegiatan of the plan (the Renja 2025), in code order within their program.
SUBS: list[Sub] = [
    # 7.01.01 Penunjang
    Sub("X.XX.01.2.01.01", 9_850_000, 10_350_000, "2", "2", yearly("2")),
    Sub("X.XX.01.2.01.02", 4_275_000, 4_490_000, "2", "2", yearly("2")),
    Sub("X.XX.01.2.01.06", 5_360_000, 5_630_000, "5", "5", yearly("5", t23="4", t24="5", s22="8", renstra="28")),
    Sub("X.XX.01.2.01.07", 3_640_000, 3_820_000, "4", "4", yearly("4")),
    Sub(
        "X.XX.01.2.02.01",
        3_184_526_000,
        3_343_752_000,
        "41",
        "41",
        h("41", "40", "40", "40", "41"),
        sumber="DAU",
        catatan="Belanja wajib (gaji dan tunjangan)",
    ),
    Sub("X.XX.01.2.02.02", 38_640_000, 40_572_000, "12", "12", yearly("12")),
    Sub("X.XX.01.2.02.05", 2_785_000, 2_925_000, "1", "1", yearly("1")),
    Sub("X.XX.01.2.05.02", 24_600_000, 25_830_000, "4", "4", yearly("4", t23="3", r23="3", s22="6", renstra="22")),
    Sub("X.XX.01.2.06.01", 6_250_000, 6_560_000, "1", "1", yearly("1")),
    Sub("X.XX.01.2.06.04", 27_560_000, 28_940_000, "12", "12", yearly("12")),
    Sub("X.XX.01.2.06.05", 18_920_000, 19_870_000, "12", "12", yearly("12")),
    Sub("X.XX.01.2.06.09", 46_200_000, 48_510_000, "12", "12", yearly("12")),
    Sub(
        "X.XX.01.2.07.06",
        58_750_000,
        49_500_000,
        "6",
        "5",
        yearly("6", t23="5", t24="5", s22="9", renstra="30"),
        kebutuhan=72_400_000,
        catatan31="Tambahan 2 unit komputer layanan PATEN belum terakomodir pagu",
    ),
    Sub("X.XX.01.2.08.02", 96_480_000, 101_300_000, "12", "12", yearly("12")),
    Sub(
        "X.XX.01.2.08.04",
        312_000_000,
        327_600_000,
        "12",
        "12",
        yearly("12"),
        catatan="Honorarium 12 tenaga kebersihan dan keamanan",
    ),
    Sub(
        "X.XX.01.2.09.02", 78_540_000, 82_470_000, "14", "14", yearly("14", t23="13", t24="14", s22="26", renstra="82")
    ),
    Sub(
        "X.XX.01.2.09.09",
        85_000_000,
        92_500_000,
        "2",
        "2",
        yearly("2", t23="1", t24="1", s22="2", renstra="8"),
        kebutuhan=127_500_000,
        catatan="Rehabilitasi atap pendopo dan ruang PATEN",
        catatan31="Kebutuhan rehabilitasi atap pendopo belum terpenuhi seluruhnya",
    ),
    # 7.01.02 Penyelenggaraan Pemerintahan dan Pelayanan Publik
    Sub("7.01.02.2.01.01", 14_400_000, 15_120_000, "12", "12", yearly("12")),
    Sub("7.01.02.2.02.01", 8_750_000, 9_190_000, "1", "1", yearly("1")),
    Sub("7.01.02.2.02.03", 42_300_000, 44_415_000, "12", "12", yearly("12"), catatan="Layanan PATEN"),
    Sub("7.01.02.2.04.03", 11_250_000, 11_810_000, "12", "12", yearly("12")),
    # 7.01.03 Pemberdayaan Masyarakat Desa dan Kelurahan
    Sub(
        "7.01.03.2.01.01",
        16_900_000,
        17_745_000,
        "13",
        "13",
        yearly("13", r23="11"),
        lokasi=DESA13,
        kelompok="Lembaga kemasyarakatan desa",
    ),
    Sub("7.01.03.2.01.03", 21_600_000, 22_680_000, "4", "4", yearly("4"), lokasi=DESA13, kelompok="Masyarakat desa"),
    Sub(
        "7.01.03.2.02.02",
        1_062_000_000,
        1_115_000_000,
        "10",
        "10",
        yearly("10", t23="9", s22="16", renstra="56"),
        lokasi=KEL5,
        sumber="DAU",
        kelompok="Masyarakat kelurahan",
        kebutuhan=1_245_000_000,
        catatan="Dana Kelurahan",
        catatan31="Usulan Musrenbang kelurahan melebihi pagu Dana Kelurahan",
    ),
    Sub(
        "7.01.03.2.02.03",
        698_500_000,
        733_400_000,
        "15",
        "15",
        yearly("15", t23="14", t24="15", s22="26", renstra="84"),
        lokasi=KEL5,
        sumber="DAU",
        kelompok="Pokmas / Ormas kelurahan",
        catatan="Dana Kelurahan",
    ),
    Sub("7.01.03.2.02.04", 7_500_000, 7_875_000, "5", "5", yearly("5"), lokasi=KEL5, kelompok="Pemerintah kelurahan"),
    Sub(
        "7.01.03.2.06.03",
        12_600_000,
        13_230_000,
        "180",
        "200",
        h("1.000", "300", "150", "150", "160"),
        kelompok="Keluarga / TP PKK",
    ),
    # 7.01.04 Ketenteraman dan Ketertiban Umum
    Sub("7.01.04.2.01.01", 24_000_000, 25_200_000, "12", "12", yearly("12"), kelompok="Unsur tiga pilar"),
    Sub("7.01.04.2.01.02", 9_600_000, 10_080_000, "4", "4", yearly("4"), kelompok="Tokoh agama dan tokoh masyarakat"),
    # 7.01.05 Urusan Pemerintahan Umum
    Sub(
        "7.01.05.2.01.01",
        15_750_000,
        16_540_000,
        "150",
        "150",
        yearly("150", s22="250", renstra="900"),
        kelompok="Pelajar, pemuda dan tokoh masyarakat",
    ),
    Sub("7.01.05.2.01.08", 18_000_000, 18_900_000, "12", "12", yearly("12"), kelompok="Forkopimcam"),
    # 7.01.06 Pembinaan dan Pengawasan Pemerintahan Desa
    Sub("7.01.06.2.01.02", 19_500_000, 20_475_000, "13", "13", yearly("13"), lokasi=DESA13, kelompok="Pemerintah desa"),
    Sub(
        "7.01.06.2.01.03",
        23_400_000,
        24_570_000,
        "13",
        "13",
        yearly("13", r23="12"),
        lokasi=DESA13,
        kelompok="Pemerintah desa",
    ),
    Sub(
        "7.01.06.2.01.13",
        14_950_000,
        15_700_000,
        "13",
        "13",
        yearly("13"),
        lokasi=DESA13,
        kelompok="Pemerintah desa dan BPD",
    ),
]

# Sub kegiatan whose 2023 realisation fell short (T-C.29 and the BAB II narrative).
SHORTFALL_NOTES = {
    "7.01.03.2.01.01": (
        "dari 13 lembaga kemasyarakatan desa yang ditargetkan, 11 lembaga yang hadir dan aktif dalam forum "
        "Musrenbangdes karena jadwal musyawarah di Desa Kalibuntu dan Desa Sumberlele bersamaan dengan musim "
        "melaut dan panen"
    ),
    "7.01.06.2.01.03": (
        "dari 13 dokumen yang ditargetkan, 12 dokumen yang selesai difasilitasi karena satu desa terlambat "
        "menyampaikan laporan pertanggungjawaban realisasi APBDes akibat pergantian bendahara desa"
    ),
}


# --------------------------------------------------------------------------- the plan


def budget() -> Budget:
    nom = nomenclature(YEAR)
    plan = Budget(nom, HEAD)
    for sub in SUBS:
        plan.add(sub.code, sub.amount, sub.amount_next, sub=sub)
    return plan


def sub_of(line: Line) -> Sub:
    return line.extra["sub"]


def written_code(line: Line) -> str:
    """Codes as the office prints them: four-digit sub kegiatan numbers (Kepmendagri 900/2023 form)."""
    return line.official.code4 if line.official.level == "sub_kegiatan" else line.official.code


def sub_target(line: Line, next_year: bool = False) -> str:
    sub = sub_of(line)
    return quantity(sub.n1 if next_year else sub.n, line.official.satuan or "")


def children_lines(tree: list[Line], parent: Line) -> list[Line]:
    prefix = parent.official.code + "."
    return [ln for ln in tree if ln.official.code.startswith(prefix) and ln.official.level == "sub_kegiatan"]


def sumber_of(tree: list[Line], line: Line) -> str:
    if line.official.level == "sub_kegiatan":
        return sub_of(line).sumber
    found = sorted({sub_of(s).sumber for s in children_lines(tree, line)})
    return ", ".join(found)


def kebutuhan_of(tree: list[Line], line: Line) -> int:
    subs = [line] if line.official.level == "sub_kegiatan" else children_lines(tree, line)
    return sum(sub_of(s).kebutuhan or s.amount for s in subs)


def stacked(values: list[str]) -> str:
    return "\n".join(values)


def lokasi_stacked(inds: list[Ind]) -> str:
    places = list(dict.fromkeys(i.lokasi for i in inds))
    return places[0] if len(places) == 1 else stacked([i.lokasi for i in inds])


# --------------------------------------------------------------------------- T-C.33 (split rows)


def table_tc33(tree: list[Line], plan: Budget) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    for line in tree:
        o = line.official
        if o.level == "sub_kegiatan":
            sub = sub_of(line)
            cells = {
                "code": written_code(line),
                "name": o.name,
                "indicator": o.indikator,
                "lokasi": sub.lokasi,
                "target": sub_target(line),
                "amount": line.amount,
                "sumber_dana": sub.sumber,
                "catatan": sub.catatan,
                "target_next": sub_target(line, True),
                "amount_next": line.amount_next,
            }
            rows.append({"level": o.level, "code": o.code, "cells": {k: v for k, v in cells.items() if v is not None}})
            continue
        inds = INDICATORS[o.code]
        rows.append(
            {
                "level": o.level,
                "code": o.code,
                "cells": {
                    "code": written_code(line),
                    "name": o.name,
                    "amount": line.amount,
                    "sumber_dana": sumber_of(tree, line),
                    "amount_next": line.amount_next,
                },
                "split": [
                    {"indicator": i.name, "lokasi": i.lokasi, "target": i.target, "target_next": i.target_next}
                    for i in inds
                ],
            }
        )
    rows.append(
        {
            "level": "total",
            "code": None,
            "cells": {"name": "JUMLAH", "amount": plan.total, "amount_next": plan.total_next},
        }
    )
    return {
        "kind": "T-C.33",
        "columns": [
            {"key": "code", "width": 2.3},
            {"key": "name", "width": 4.1},
            {"key": "indicator", "width": 4.5},
            {"key": "lokasi", "width": 1.9},
            {"key": "target", "width": 1.8},
            {"key": "amount", "width": 2.3, "align": "right"},
            {"key": "sumber_dana", "width": 1.3, "align": "center"},
            {"key": "catatan", "width": 2.7},
            {"key": "target_next", "width": 1.8},
            {"key": "amount_next", "width": 2.3, "align": "right"},
        ],
        "header": [
            [
                {"text": "Kode", "rowspan": 2},
                {
                    "text": "Urusan / Bidang Urusan Pemerintahan Daerah dan Program / Kegiatan / Sub Kegiatan",
                    "rowspan": 2,
                },
                {"text": "Indikator Kinerja Program / Kegiatan / Sub Kegiatan", "rowspan": 2},
                {"text": f"Rencana Tahun {YEAR} (Tahun Rencana)", "colspan": 4},
                {"text": "Catatan Penting", "rowspan": 2},
                {"text": f"Prakiraan Maju Rencana Tahun {YEAR + 1}", "colspan": 2},
            ],
            [
                {"text": "Lokasi"},
                {"text": "Target Capaian Kinerja"},
                {"text": "Kebutuhan Dana / Pagu Indikatif (Rp)"},
                {"text": "Sumber Dana"},
                {"text": "Target Capaian Kinerja"},
                {"text": "Kebutuhan Dana / Pagu Indikatif (Rp)"},
            ],
        ],
        "number_row": [str(i) for i in range(1, 11)],
        "rows": rows,
    }


# --------------------------------------------------------------------------- T-C.31 (stacked cells)


def table_tc31(tree: list[Line], plan: Budget) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    for line in tree:
        o = line.official
        kebutuhan = kebutuhan_of(tree, line)
        if o.level == "sub_kegiatan":
            sub = sub_of(line)
            lokasi, indicator, target = sub.lokasi, o.indikator, sub_target(line)
            note = sub.catatan31
        else:
            inds = INDICATORS[o.code]
            lokasi = lokasi_stacked(inds)
            indicator = stacked([i.name for i in inds])
            target = stacked([i.target for i in inds])
            note = None
        cells = {
            "code": written_code(line),
            "name": o.name,
            "lokasi": lokasi,
            "indicator": indicator,
            "target": target,
            "pagu": line.amount,
            "name_kebutuhan": o.name,
            "lokasi_kebutuhan": lokasi,
            "indicator_kebutuhan": indicator,
            "target_kebutuhan": target,
            "kebutuhan_dana": kebutuhan,
            "catatan": note,
        }
        rows.append({"level": o.level, "code": o.code, "cells": {k: v for k, v in cells.items() if v is not None}})
    total_need = sum(kebutuhan_of(tree, ln) for ln in tree if ln.official.level == "program")
    rows.append(
        {"level": "total", "code": None, "cells": {"name": "JUMLAH", "pagu": plan.total, "kebutuhan_dana": total_need}}
    )
    return {
        "kind": "T-C.31",
        "columns": [
            {"key": "code", "width": 1.9},
            {"key": "name", "width": 3.0},
            {"key": "lokasi", "width": 1.6},
            {"key": "indicator", "width": 3.4},
            {"key": "target", "width": 1.5},
            {"key": "pagu", "width": 2.0, "align": "right"},
            {"key": "name_kebutuhan", "width": 3.0},
            {"key": "lokasi_kebutuhan", "width": 1.6},
            {"key": "indicator_kebutuhan", "width": 3.4},
            {"key": "target_kebutuhan", "width": 1.5},
            {"key": "kebutuhan_dana", "width": 2.0, "align": "right"},
            {"key": "catatan", "width": 1.7},
        ],
        "header": [
            [
                {"text": "Kode", "rowspan": 2},
                {"text": f"Rancangan Awal RKPD Tahun {YEAR}", "colspan": 5},
                {"text": "Hasil Analisis Kebutuhan", "colspan": 5},
                {"text": "Catatan Penting", "rowspan": 2},
            ],
            [
                {"text": "Program / Kegiatan / Sub Kegiatan"},
                {"text": "Lokasi"},
                {"text": "Indikator Kinerja"},
                {"text": "Target Capaian"},
                {"text": "Pagu Indikatif (Rp)"},
                {"text": "Program / Kegiatan / Sub Kegiatan"},
                {"text": "Lokasi"},
                {"text": "Indikator Kinerja"},
                {"text": "Target Capaian"},
                {"text": "Kebutuhan Dana (Rp)"},
            ],
        ],
        "number_row": [str(i) for i in range(1, 13)],
        "rows": rows,
    }


# --------------------------------------------------------------------------- Tabel 4.1 (stacked cells)


def table_41(tree: list[Line], plan: Budget) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    groups = {
        "7.01.01": "Aparatur Kecamatan",
        "7.01.02": "Masyarakat pengguna layanan",
        "7.01.03": "Masyarakat desa dan kelurahan",
        "7.01.04": "Masyarakat",
        "7.01.05": "Masyarakat",
        "7.01.06": "Pemerintah desa",
    }
    for line in tree:
        o = line.official
        if o.level == "sub_kegiatan":
            sub = sub_of(line)
            cells = {
                "code": written_code(line),
                "name": o.name,
                "indicator": o.indikator,
                "kelompok_sasaran": sub.kelompok,
                "lokasi": sub.lokasi,
                "target": sub_target(line),
                "amount": line.amount,
                "sumber_dana": sub.sumber,
            }
        else:
            inds = INDICATORS[o.code]
            cells = {
                "code": written_code(line),
                "name": o.name,
                "indicator": stacked([i.name for i in inds]),
                "kelompok_sasaran": groups[o.code[:7]],
                "lokasi": lokasi_stacked(inds),
                "target": stacked([i.target for i in inds]),
                "amount": line.amount,
                "sumber_dana": sumber_of(tree, line),
            }
        rows.append({"level": o.level, "code": o.code, "cells": cells})
    rows.append({"level": "total", "code": None, "cells": {"name": "JUMLAH", "amount": plan.total}})
    return {
        "kind": "Tabel 4.1",
        "columns": [
            {"key": "code", "width": 2.15},
            {"key": "name", "width": 3.1},
            {"key": "indicator", "width": 3.65},
            {"key": "kelompok_sasaran", "width": 1.75},
            {"key": "lokasi", "width": 1.5},
            {"key": "target", "width": 1.6},
            {"key": "amount", "width": 2.15, "align": "right"},
            {"key": "sumber_dana", "width": 1.1, "align": "center"},
        ],
        "header": [
            [
                {"text": "Kode", "rowspan": 2},
                {"text": "Program / Kegiatan / Sub Kegiatan", "rowspan": 2},
                {"text": "Indikator Kinerja", "rowspan": 2},
                {"text": "Kelompok Sasaran", "rowspan": 2},
                {"text": f"Rencana Tahun {YEAR}", "colspan": 4},
            ],
            [
                {"text": "Lokasi"},
                {"text": "Target Kinerja"},
                {"text": "Pagu Indikatif (Rp)"},
                {"text": "Sumber Dana"},
            ],
        ],
        "number_row": [str(i) for i in range(1, 9)],
        "rows": rows,
    }


# --------------------------------------------------------------------------- T-C.29 (split rows, units)


def tc29_values(hist: tuple[str, str, str, str, str], unit: str, sums: bool) -> dict[str, str]:
    renstra, s22, t23, r23, t24 = hist
    tingkat = num(r23) / num(t23) * 100
    if sums:
        capaian_value = num(s22) + num(r23) + num(t24)
        capaian = plain(capaian_value)
    else:
        capaian_value, capaian = num(t24), t24
    tingkat_capaian = capaian_value / num(renstra) * 100
    return {
        "target_renstra": renstra,
        "target_renstra_unit": unit,
        "realisasi_n3": s22,
        "realisasi_n3_unit": unit,
        "target_n2": t23,
        "target_n2_unit": unit,
        "realisasi_n2": r23,
        "realisasi_n2_unit": unit,
        "tingkat_realisasi": pct(tingkat),
        "target_n1": t24,
        "target_n1_unit": unit,
        "realisasi_capaian": capaian,
        "tingkat_capaian": pct(tingkat_capaian),
    }


def table_tc29(tree: list[Line]) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    for line in tree:
        o = line.official
        if o.level == "sub_kegiatan":
            sub = sub_of(line)
            unit = o.satuan or ""
            sums = not is_rate(unit)
            cells = {"code": written_code(line), "name": o.name, "indicator": o.indikator}
            cells.update(tc29_values(sub.hist, unit, sums))
            rows.append({"level": o.level, "code": o.code, "cells": cells})
            continue
        split = []
        for ind in INDICATORS[o.code]:
            part = {"indicator": ind.name}
            part.update(tc29_values(ind.hist, ind.unit29 or ind.unit, ind.sums))
            split.append(part)
        rows.append(
            {"level": o.level, "code": o.code, "cells": {"code": written_code(line), "name": o.name}, "split": split}
        )
    columns = [
        {"key": "code", "width": 1.95},
        {"key": "name", "width": 3.3},
        {"key": "indicator", "width": 3.9},
    ]
    for key in ("target_renstra", "realisasi_n3", "target_n2", "realisasi_n2"):
        columns += [{"key": key, "width": 1.05, "align": "center"}, {"key": key + "_unit", "width": 1.25}]
    columns.append({"key": "tingkat_realisasi", "width": 1.35, "align": "center"})
    columns += [{"key": "target_n1", "width": 1.05, "align": "center"}, {"key": "target_n1_unit", "width": 1.25}]
    columns += [
        {"key": "realisasi_capaian", "width": 1.5, "align": "center"},
        {"key": "tingkat_capaian", "width": 1.5, "align": "center"},
    ]
    return {
        "kind": "T-C.29",
        "columns": columns,
        "header": [
            [
                {"text": "Kode", "rowspan": 2},
                {"text": "Program / Kegiatan / Sub Kegiatan", "rowspan": 2},
                {"text": "Indikator Kinerja Program / Kegiatan / Sub Kegiatan", "rowspan": 2},
                {"text": f"Target Akhir Periode Renstra PD (Tahun {YEAR + 1})", "rowspan": 2, "colspan": 2},
                {"text": f"Realisasi Kinerja s/d Tahun {YEAR - 3} (n-3)", "rowspan": 2, "colspan": 2},
                {"text": f"Target dan Realisasi Kinerja Tahun {YEAR - 2} (n-2)", "colspan": 5},
                {"text": f"Target Kinerja Tahun {YEAR - 1} (n-1)", "rowspan": 2, "colspan": 2},
                {"text": f"Perkiraan Capaian Renstra PD s/d Tahun {YEAR - 1}", "colspan": 2},
            ],
            [
                {"text": "Target Renja PD", "colspan": 2},
                {"text": "Realisasi Renja PD", "colspan": 2},
                {"text": "Tingkat Realisasi (%)"},
                {"text": "Realisasi Capaian"},
                {"text": "Tingkat Capaian (%)"},
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
            "8 = (7/6) x 100%",
            "9",
            "",
            "10 = 5 + 7 + 9",
            "11 = (10/4) x 100%",
        ],
        "rows": rows,
    }


# --------------------------------------------------------------------------- tujuan / sasaran / T-C.30


@dataclass
class Goal:
    """An indicator of the tujuan or a sasaran, as the Renstra states it (years 2023-2026)."""

    name: str
    formula: str
    unit: str  # "%", "poin", "" (an index)
    targets: tuple[str, str, str, str]  # 2023, 2024, 2025, 2026
    realisasi: tuple[str, str]  # 2023, 2024 (2024: estimate)
    ikk: str = "-"

    def value(self, text: str) -> str:
        return f"{text}%" if self.unit == "%" else text


TUJUAN = (
    "Meningkatnya kualitas pelayanan publik dan akuntabilitas kinerja Kecamatan Kraksaan",
    [
        Goal(
            "Indeks Kepuasan Masyarakat (IKM) terhadap layanan Kecamatan",
            "Jumlah nilai persepsi per unsur pelayanan dibagi jumlah unsur, dikali nilai penimbang 25 (Permenpan RB 14/2017)",
            "poin",
            ("81,50", "82,50", "83,00", "83,50"),
            ("82,06", "82,50"),
        ),
        Goal(
            "Nilai hasil evaluasi AKIP Kecamatan",
            "Nilai hasil evaluasi SAKIP perangkat daerah oleh Inspektorat Kabupaten Probolinggo",
            "poin",
            ("68,00", "69,00", "70,50", "72,00"),
            ("68,45", "69,00"),
        ),
    ],
)
SASARAN = [
    (
        "Meningkatnya kualitas pelayanan publik dan penyelenggaraan pemerintahan di kecamatan",
        [
            Goal(
                "Persentase layanan PATEN yang diselesaikan sesuai standar pelayanan",
                "Jumlah layanan PATEN yang selesai sesuai standar pelayanan dibagi jumlah seluruh layanan PATEN, dikali 100%",
                "%",
                ("98", "99", "99,5", "100"),
                ("98,40", "99"),
            ),
            Goal(
                "Persentase hasil koordinasi penyelenggaraan pemerintahan yang ditindaklanjuti",
                "Jumlah hasil koordinasi yang ditindaklanjuti dibagi jumlah hasil koordinasi, dikali 100%",
                "%",
                ("85", "88", "90", "92"),
                ("86,20", "88"),
            ),
        ],
    ),
    (
        "Meningkatnya kualitas tata kelola pemerintahan desa dan keberdayaan masyarakat",
        [
            Goal(
                "Persentase desa yang menetapkan APBDes tepat waktu",
                "Jumlah desa yang menetapkan APBDes paling lambat 31 Desember dibagi 13 desa, dikali 100%",
                "%",
                ("100", "100", "100", "100"),
                ("100", "100"),
                ikk="√",
            ),
            Goal(
                "Rata-rata nilai Indeks Desa Membangun (IDM) desa se-Kecamatan Kraksaan",
                "Jumlah nilai IDM seluruh desa dibagi 13 desa",
                "",
                ("0,7050", "0,7150", "0,7250", "0,7350"),
                ("0,7062", "0,7150"),
            ),
        ],
    ),
]
GOAL_NOTES = [
    "Kedua indikator tercapai; survei IKM dilaksanakan setiap semester",
    "Kedua indikator tercapai; SOP seluruh jenis layanan PATEN telah ditetapkan",
    "APBDes 13 desa ditetapkan tepat waktu; status IDM 9 desa Berkembang dan 4 desa Maju",
]


def _goal_table(kind: str, label: str, rows_src: list[tuple[str, list[Goal]]]) -> dict[str, Any]:
    rows = []
    for no, (text, goals) in enumerate(rows_src, start=1):
        rows.append(
            {
                "level": "other",
                "code": None,
                "cells": {"no": str(no), label.lower(): text},
                "split": [
                    {
                        "indicator": g.name,
                        "formula": g.formula,
                        "target_unit": g.unit or "indeks",
                        f"target_{YEAR}": g.targets[2],
                    }
                    for g in goals
                ],
            }
        )
    return {
        "kind": kind,
        "columns": [
            {"key": "no", "width": 0.8, "align": "center"},
            {"key": label.lower(), "width": 3.4},
            {"key": "indicator", "width": 4.3},
            {"key": "formula", "width": 5.0},
            {"key": "target_unit", "width": 1.4, "align": "center"},
            {"key": f"target_{YEAR}", "width": 1.9, "align": "center"},
        ],
        "header": [
            [
                {"text": "No"},
                {"text": label},
                {"text": f"Indikator {label}"},
                {"text": "Formula Perhitungan"},
                {"text": "Satuan"},
                {"text": f"Target Tahun {YEAR}"},
            ]
        ],
        "rows": rows,
    }


def table_tujuan() -> dict[str, Any]:
    return _goal_table("Tabel 3.2", "Tujuan", [TUJUAN])


def table_sasaran() -> dict[str, Any]:
    return _goal_table("Tabel 3.3", "Sasaran", SASARAN)


def table_tc30() -> dict[str, Any]:
    rows = []
    blocks = [TUJUAN, *SASARAN]
    for no, ((_, goals), note) in enumerate(zip(blocks, GOAL_NOTES), start=1):
        cells: dict[str, Any] = {
            "no": str(no),
            "indicator": stacked([g.name for g in goals]),
            "spm": stacked(["-" for _ in goals]),
            "ikk": stacked([g.ikk for g in goals]),
        }
        for i, year in enumerate(range(YEAR - 2, YEAR + 2)):
            cells[f"target_{year}"] = stacked([g.value(g.targets[i]) for g in goals])
        for i, year in enumerate((YEAR - 2, YEAR - 1)):
            cells[f"realisasi_{year}"] = stacked([g.value(g.realisasi[i]) for g in goals])
        for i, year in enumerate((YEAR, YEAR + 1)):
            cells[f"proyeksi_{year}"] = stacked([g.value(g.targets[2 + i]) for g in goals])
        cells["catatan"] = note
        rows.append({"level": "other", "code": None, "cells": cells})
    years_t = [f"target_{y}" for y in range(YEAR - 2, YEAR + 2)]
    years_r = [f"realisasi_{y}" for y in (YEAR - 2, YEAR - 1)]
    years_p = [f"proyeksi_{y}" for y in (YEAR, YEAR + 1)]
    return {
        "kind": "T-C.30",
        "columns": [
            {"key": "no", "width": 0.8, "align": "center"},
            {"key": "indicator", "width": 5.6},
            {"key": "spm", "width": 1.5, "align": "center"},
            {"key": "ikk", "width": 1.3, "align": "center"},
            *[{"key": k, "width": 1.45, "align": "center"} for k in years_t + years_r + years_p],
            {"key": "catatan", "width": 4.4},
        ],
        "header": [
            [
                {"text": "No", "rowspan": 2},
                {"text": "Indikator Kinerja sesuai Tugas dan Fungsi Perangkat Daerah", "rowspan": 2},
                {"text": "Target SPM / Standar Nasional", "rowspan": 2},
                {"text": "Target IKK", "rowspan": 2},
                {"text": "Target Renstra Perangkat Daerah", "colspan": 4},
                {"text": "Realisasi Capaian", "colspan": 2},
                {"text": "Proyeksi", "colspan": 2},
                {"text": "Catatan Analisis", "rowspan": 2},
            ],
            [{"text": f"Tahun {y}"} for y in (*range(YEAR - 2, YEAR + 2), YEAR - 2, YEAR - 1, YEAR, YEAR + 1)],
        ],
        "number_row": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"],
        "rows": rows,
    }


# --------------------------------------------------------------------------- other tables

PATEN = [
    ("Pengantar dan rekomendasi administrasi kependudukan (KK, KTP-el, pindah datang)", (612, 587, 640, 598)),
    ("Surat Keterangan Tidak Mampu (SKTM)", (214, 188, 203, 231)),
    ("Legalisasi dokumen dan surat keterangan", (356, 342, 371, 365)),
    ("Surat keterangan ahli waris", (48, 52, 45, 57)),
    ("Rekomendasi izin keramaian", (36, 29, 41, 63)),
    ("Surat keterangan domisili lembaga / yayasan", (22, 18, 25, 20)),
    ("Pengesahan dokumen pertanahan (sporadik, surat pernyataan penguasaan fisik)", (95, 88, 102, 97)),
    ("Rekomendasi penelitian dan praktik kerja lapangan", (14, 19, 23, 11)),
]


def count(value: int) -> str:
    return rupiah(value, ".")


def table_paten() -> dict[str, Any]:
    rows = []
    for no, (name, quarters) in enumerate(PATEN, start=1):
        cells = {"no": f"{no}.", "jenis": name}
        cells.update({f"tw{i}": count(v) for i, v in enumerate(quarters, start=1)})
        cells["jumlah"] = count(sum(quarters))
        rows.append({"level": "other", "code": None, "cells": cells})
    totals = [sum(q[i] for _, q in PATEN) for i in range(4)]
    total_cells = {"jenis": "JUMLAH"}
    total_cells.update({f"tw{i}": count(v) for i, v in enumerate(totals, start=1)})
    total_cells["jumlah"] = count(sum(totals))
    rows.append({"level": "other", "code": None, "cells": total_cells})
    return {
        "kind": "other",
        "render": "calc",
        "caption": [
            "Tabel 2.3",
            f"Rekapitulasi Layanan Administrasi Terpadu Kecamatan (PATEN) Kecamatan Kraksaan Tahun {YEAR - 2}",
        ],
        "columns": [
            {"key": "no", "width": 0.9, "align": "center"},
            {"key": "jenis", "width": 7.2},
            {"key": "tw1", "width": 1.7, "align": "right"},
            {"key": "tw2", "width": 1.7, "align": "right"},
            {"key": "tw3", "width": 1.7, "align": "right"},
            {"key": "tw4", "width": 1.7, "align": "right"},
            {"key": "jumlah", "width": 2.0, "align": "right"},
        ],
        "header": [
            [
                {"text": "No", "rowspan": 2},
                {"text": "Jenis Layanan", "rowspan": 2},
                {"text": "Jumlah Layanan per Triwulan", "colspan": 4},
                {"text": "Jumlah", "rowspan": 2},
            ],
            [{"text": "Triwulan I"}, {"text": "Triwulan II"}, {"text": "Triwulan III"}, {"text": "Triwulan IV"}],
        ],
        "rows": rows,
    }


def paten_total() -> int:
    return sum(sum(q) for _, q in PATEN)


TC32_ROWS = [
    (
        "Pembangunan saluran drainase lingkungan",
        "Kel. Patokan",
        "Panjang saluran drainase yang terbangun",
        "250 m",
        "Diakomodir melalui Sub Kegiatan Pembangunan Sarana dan Prasarana Kelurahan (Dana Kelurahan)",
    ),
    (
        "Pelatihan pengolahan hasil perikanan bagi kelompok perempuan pesisir",
        "Desa Kalibuntu",
        "Jumlah peserta pelatihan",
        "30 orang",
        "Diteruskan kepada Dinas Perikanan Kabupaten Probolinggo",
    ),
    (
        "Penambahan perangkat komputer dan antrean daring layanan PATEN",
        "Kantor Kecamatan Kraksaan",
        "Jumlah unit perangkat yang tersedia",
        "2 unit",
        "Belum terakomodir dalam pagu; dicatat sebagai kebutuhan pada T-C.31",
    ),
    (
        "Pembinaan kader posyandu dan kader TP PKK",
        "18 desa/kelurahan",
        "Jumlah kader yang dibina",
        "90 orang",
        "Diteruskan kepada Dinas Kesehatan dan TP PKK Kabupaten",
    ),
]


def table_tc32() -> dict[str, Any]:
    rows = [
        {
            "level": "other",
            "code": None,
            "cells": {"no": str(no), "name": a, "lokasi": b, "indicator": c, "besaran": d, "catatan": e},
        }
        for no, (a, b, c, d, e) in enumerate(TC32_ROWS, start=1)
    ]
    return {
        "kind": "T-C.32",
        "columns": [
            {"key": "no", "width": 0.8, "align": "center"},
            {"key": "name", "width": 4.0},
            {"key": "lokasi", "width": 2.4},
            {"key": "indicator", "width": 3.4},
            {"key": "besaran", "width": 1.8, "align": "center"},
            {"key": "catatan", "width": 4.6},
        ],
        "header": [
            [
                {"text": "No"},
                {"text": "Program / Kegiatan / Sub Kegiatan"},
                {"text": "Lokasi"},
                {"text": "Indikator Kinerja"},
                {"text": "Besaran / Volume"},
                {"text": "Catatan"},
            ]
        ],
        "number_row": ["1", "2", "3", "4", "5", "6"],
        "rows": rows,
    }


KEBIJAKAN = [
    (
        "Memperkokoh ideologi Pancasila, demokrasi dan hak asasi manusia",
        "Penguatan tata kelola pemerintahan yang bersih dan partisipatif",
        "Peningkatan kualitas tata kelola pemerintahan dan pelayanan publik",
        "Program Penyelenggaraan Urusan Pemerintahan Umum; Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
    ),
    (
        "Membangun dari desa dan dari bawah untuk pertumbuhan ekonomi, pemerataan ekonomi dan pemberantasan kemiskinan",
        "Pemulihan ekonomi dan pengentasan kemiskinan berbasis desa",
        "Percepatan pembangunan desa dan kelurahan",
        "Program Pemberdayaan Masyarakat Desa dan Kelurahan; Program Pembinaan dan Pengawasan Pemerintahan Desa",
    ),
    (
        "Memperkuat reformasi politik, hukum dan birokrasi",
        "Reformasi birokrasi dan peningkatan kualitas pelayanan publik",
        "Reformasi birokrasi berbasis kinerja",
        "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
    ),
    (
        "Memperkuat penyelarasan kehidupan yang harmonis dengan lingkungan, alam dan budaya serta toleransi antarumat beragama",
        "Penguatan ketenteraman, ketertiban umum dan harmoni sosial",
        "Terwujudnya kondusivitas wilayah",
        "Program Koordinasi Ketentraman dan Ketertiban Umum",
    ),
]


def table_kebijakan() -> dict[str, Any]:
    rows = [
        {
            "level": "other",
            "code": None,
            "cells": {
                "no": str(no),
                "prioritas_nasional": a,
                "prioritas_provinsi": b,
                "prioritas_daerah": c,
                "dukungan": d,
            },
        }
        for no, (a, b, c, d) in enumerate(KEBIJAKAN, start=1)
    ]
    return {
        "kind": "other",
        "columns": [
            {"key": "no", "width": 0.8, "align": "center"},
            {"key": "prioritas_nasional", "width": 4.3},
            {"key": "prioritas_provinsi", "width": 3.7},
            {"key": "prioritas_daerah", "width": 3.6},
            {"key": "dukungan", "width": 4.5},
        ],
        "header": [
            [
                {"text": "No"},
                {"text": "Prioritas Nasional"},
                {"text": "Prioritas Provinsi Jawa Timur"},
                {"text": "Prioritas Kabupaten Probolinggo"},
                {"text": "Dukungan Program Kecamatan Kraksaan"},
            ]
        ],
        "rows": rows,
    }


# --------------------------------------------------------------------------- narrative helpers

_SMALL = {"dan", "di", "ke", "dari", "yang", "pada", "dalam", "serta", "atau", "untuk", "oleh", "dengan"}
WORDS = {
    1: "satu",
    2: "dua",
    3: "tiga",
    4: "empat",
    5: "lima",
    6: "enam",
    7: "tujuh",
    8: "delapan",
    9: "sembilan",
    10: "sepuluh",
    11: "sebelas",
}


def words(n: int) -> str:
    """Indonesian number words up to 99: 34 -> 'tiga puluh empat'."""
    if n in WORDS:
        return WORDS[n]
    if n < 20:
        return f"{WORDS[n - 10]} belas"
    tens, ones = divmod(n, 10)
    return f"{WORDS[tens]} puluh" + (f" {WORDS[ones]}" if ones else "")


def counted(n: int, noun: str) -> str:
    return f"{n} ({words(n)}) {noun}"


def title(text: str) -> str:
    """'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA' -> 'Program Penunjang ... Kabupaten/Kota'."""
    return title_case(text, _SMALL)


def H(level: int, text: str) -> dict[str, Any]:
    return {"type": "heading", "level": level, "text": text}


def P(text: str) -> dict[str, Any]:
    return {"type": "paragraph", "text": text}


def L(items: list[str]) -> dict[str, Any]:
    return {"type": "list", "items": items}


def C(*lines: str) -> dict[str, Any]:
    return {"type": "caption", "lines": list(lines)}


def T(ref: str) -> dict[str, Any]:
    return {"type": "table", "ref": ref}


def S(orientation: str, **extra: Any) -> dict[str, Any]:
    return {"type": "section", "orientation": orientation, **extra}


UNIT_LINE = f"{UNIT} {REGION}"


@dataclass
class Facts:
    """Figures the narrative states, computed from the tables so that they agree."""

    tree: list[Line]
    plan: Budget

    def level(self, level: str) -> list[Line]:
        return [ln for ln in self.tree if ln.official.level == level]

    @property
    def programs(self) -> list[Line]:
        return self.level("program")

    @property
    def kegiatan(self) -> list[Line]:
        return self.level("kegiatan")

    @property
    def subs(self) -> list[Line]:
        return self.level("sub_kegiatan")

    def shortfalls(self, level: str) -> list[tuple[Line, Ind | None, dict[str, str]]]:
        """Rows (and indicators) whose 2023 realisation is below the target."""
        out = []
        for line in self.level(level):
            if level == "sub_kegiatan":
                values = tc29_values(sub_of(line).hist, line.official.satuan or "", True)
                if num(sub_of(line).hist[3]) < num(sub_of(line).hist[2]):
                    out.append((line, None, values))
                continue
            for ind in INDICATORS[line.official.code]:
                if num(ind.hist[3]) < num(ind.hist[2]):
                    out.append((line, ind, tc29_values(ind.hist, ind.unit, ind.sums)))
        return out

    def indicator_count(self, level: str) -> int:
        return sum(len(INDICATORS[ln.official.code]) for ln in self.level(level))

    def rate_range(self) -> tuple[float, float]:
        """Tingkat capaian Renstra of the rate/index indicators of programs and kegiatan."""
        values = []
        for line in self.programs + self.kegiatan:
            for ind in INDICATORS[line.official.code]:
                if not ind.sums:
                    values.append(num(tc29_values(ind.hist, ind.unit, False)["tingkat_capaian"].rstrip("%")))
        return min(values), max(values)

    def count_capaian(self) -> float:
        """Mean tingkat capaian Renstra of the sub kegiatan counted in units that add up."""
        values = [
            num(tc29_values(sub_of(s).hist, s.official.satuan or "", True)["tingkat_capaian"].rstrip("%"))
            for s in self.subs
            if not is_rate(s.official.satuan or "")
        ]
        return sum(values) / len(values)

    @property
    def pegawai(self) -> int:
        return sum(
            s.amount
            for s in self.subs
            if s.official.code.endswith(".2.02.01") and s.official.code.startswith("7.01.01")
        )

    @property
    def modal(self) -> int:
        return sum(
            s.amount
            for s in self.subs
            if s.official.code.startswith("7.01.01.2.07") or s.official.code == "7.01.03.2.02.02"
        )

    @property
    def dana_kelurahan(self) -> int:
        return sum(
            s.amount
            for s in self.subs
            if s.official.code.startswith("7.01.03.2.02.0") and sub_of(s).catatan == "Dana Kelurahan"
        )

    @property
    def kebutuhan(self) -> int:
        return sum(kebutuhan_of(self.tree, p) for p in self.programs)

    def differing_needs(self) -> list[Line]:
        return [s for s in self.subs if sub_of(s).kebutuhan]


def rp(value: int) -> str:
    return "Rp " + rupiah(value, ".")


# --------------------------------------------------------------------------- body

LEGAL = [
    "Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional;",
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa kali diubah, "
    "terakhir dengan Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan Pemerintah Pengganti "
    "Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang;",
    "Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah;",
    "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan;",
    "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah;",
    "Peraturan Pemerintah Nomor 13 Tahun 2019 tentang Laporan dan Evaluasi Penyelenggaraan Pemerintahan Daerah;",
    "Peraturan Menteri Dalam Negeri Nomor 4 Tahun 2010 tentang Pedoman Pelayanan Administrasi Terpadu Kecamatan;",
    "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan, Pengendalian dan Evaluasi "
    "Pembangunan Daerah, Tata Cara Evaluasi Rancangan Peraturan Daerah tentang Rencana Pembangunan Jangka Panjang "
    "Daerah dan Rencana Pembangunan Jangka Menengah Daerah, serta Tata Cara Perubahan Rencana Pembangunan Jangka "
    "Panjang Daerah, Rencana Pembangunan Jangka Menengah Daerah, dan Rencana Kerja Pemerintah Daerah;",
    "Peraturan Menteri Dalam Negeri Nomor 130 Tahun 2018 tentang Kegiatan Pembangunan Sarana dan Prasarana "
    "Kelurahan dan Pemberdayaan Masyarakat di Kelurahan;",
    "Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019 tentang Klasifikasi, Kodefikasi, dan Nomenklatur "
    "Perencanaan Pembangunan dan Keuangan Daerah;",
    "Keputusan Menteri Dalam Negeri Nomor 900.1.15.5-1317 Tahun 2023 tentang Perubahan atas Keputusan Menteri "
    "Dalam Negeri Nomor 050-5889 Tahun 2021 tentang Hasil Verifikasi, Validasi dan Inventarisasi Pemutakhiran "
    "Klasifikasi, Kodefikasi dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah;",
    "Peraturan Daerah Kabupaten Probolinggo Nomor 7 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah "
    "sebagaimana telah diubah dengan Peraturan Daerah Kabupaten Probolinggo Nomor 3 Tahun 2021;",
    "Peraturan Bupati Probolinggo Nomor 62 Tahun 2021 tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi "
    "serta Tata Kerja Kecamatan;",
    "Peraturan Bupati Probolinggo Nomor 18 Tahun 2022 tentang Rencana Strategis Perangkat Daerah Kabupaten "
    "Probolinggo Tahun 2021–2026;",
    "Peraturan Bupati Probolinggo Nomor 31 Tahun 2023 tentang Pelimpahan Sebagian Kewenangan Bupati kepada Camat.",
]


def bab3_list(facts: Facts) -> list[str]:
    items: list[str] = []
    letters = "abcdefghijklmnopqrstuvwxyz"
    for p_i, program in enumerate(facts.programs):
        items.append(f"{'ABCDEF'[p_i]}. {title(program.official.name)}")
        kegiatan = [k for k in facts.kegiatan if k.official.code.startswith(program.official.code + ".")]
        for k_i, keg in enumerate(kegiatan, start=1):
            name = keg.official.name
            items.append(f"{k_i}. {name}" if name.startswith("Kegiatan ") else f"{k_i}. Kegiatan {name}")
            subs = children_lines(facts.tree, keg)
            for s_i, sub in enumerate(subs):
                items.append(f"{letters[s_i]}. Sub Kegiatan {sub.official.name}")
    return items


def body(facts: Facts) -> list[dict[str, Any]]:
    programs, kegiatan, subs = facts.programs, facts.kegiatan, facts.subs
    low_prog = facts.shortfalls("program")
    low_keg = facts.shortfalls("kegiatan")
    low_subs = facts.shortfalls("sub_kegiatan")
    rate_min, rate_max = facts.rate_range()
    total = facts.plan.total
    barang = total - facts.pegawai - facts.modal
    needs = facts.differing_needs()
    paten = paten_total()
    top_name, top_q = max(PATEN, key=lambda kv: sum(kv[1]))
    first = sum(q[0] + q[1] for _, q in PATEN)
    second = sum(q[2] + q[3] for _, q in PATEN)
    assert second > first
    goals_t = TUJUAN[1]
    sas1, sas2 = SASARAN[0][1], SASARAN[1][1]

    out: list[dict[str, Any]] = [
        S("portrait", numbering="none"),
        {
            "type": "cover",
            "lines": [
                "RENCANA KERJA PERANGKAT DAERAH",
                "(RENJA PD)",
                "KECAMATAN KRAKSAAN",
                f"TAHUN {YEAR}",
                "",
                "PEMERINTAH KABUPATEN PROBOLINGGO",
                "KECAMATAN KRAKSAAN",
                "Jl. Panglima Sudirman No. 2 Kraksaan – Probolinggo 67282",
            ],
        },
        S("portrait", numbering="lower_roman", start=1),
        H(1, "KATA PENGANTAR"),
        P(
            f"Puji syukur kami panjatkan ke hadirat Allah SWT atas rahmat dan hidayah-Nya sehingga Rencana Kerja "
            f"(Renja) Kecamatan Kraksaan Tahun {YEAR} dapat diselesaikan. Renja ini merupakan dokumen perencanaan "
            f"tahunan yang memuat program, kegiatan dan sub kegiatan beserta indikator kinerja, target dan pagu "
            f"indikatif yang akan dilaksanakan Kecamatan Kraksaan pada tahun anggaran {YEAR}."
        ),
        P(
            "Penyusunan Renja berpedoman pada Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 serta mengacu pada "
            "Rencana Strategis (Renstra) Kecamatan Kraksaan Tahun 2021–2026 dan rancangan awal Rencana Kerja "
            "Pemerintah Daerah (RKPD) Kabupaten Probolinggo. Setiap program dan kegiatan diukur dengan lebih dari "
            "satu indikator kinerja, sehingga capaian hasil dan keluaran dapat dipantau secara berimbang."
        ),
        P(
            "Kami menyampaikan terima kasih kepada Badan Perencanaan Pembangunan Daerah Kabupaten Probolinggo, para "
            "kepala desa dan lurah, lembaga kemasyarakatan serta seluruh aparatur Kecamatan Kraksaan yang telah "
            "memberikan data dan masukan. Semoga Renja ini menjadi pedoman kerja yang bermanfaat bagi peningkatan "
            "pelayanan kepada masyarakat."
        ),
        {
            "type": "signature",
            "lines": [PLACE_DATE, "CAMAT KRAKSAAN", "", "", "", CAMAT, "Pembina Tingkat I", CAMAT_NIP],
        },
        {"type": "page_break"},
        {"type": "toc", "of": "headings", "levels": 2},
        {"type": "page_break"},
        {"type": "toc", "of": "tables"},
        S("portrait", numbering="arabic", start=1),
        # ------------------------------------------------------------------ BAB I
        H(1, "BAB I PENDAHULUAN"),
        H(2, "1.1 Latar Belakang"),
        P(
            "Kecamatan merupakan perangkat daerah kabupaten yang dibentuk untuk memperkuat koordinasi penyelenggaraan "
            "pemerintahan, pelayanan publik dan pemberdayaan masyarakat desa dan kelurahan. Sesuai Peraturan "
            "Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan, Camat menyelenggarakan urusan pemerintahan umum, "
            "mengoordinasikan kegiatan pemberdayaan masyarakat, upaya penyelenggaraan ketenteraman dan ketertiban "
            "umum, penerapan peraturan perundang-undangan, pemeliharaan prasarana dan sarana pelayanan umum, serta "
            "membina dan mengawasi penyelenggaraan kegiatan desa."
        ),
        P(
            "Kecamatan Kraksaan berkedudukan sebagai pusat pemerintahan Kabupaten Probolinggo dengan wilayah kurang "
            "lebih 37,8 km² yang terbagi atas 13 (tiga belas) desa dan 5 (lima) kelurahan, sebagian di antaranya "
            "berada di wilayah pesisir. Kedudukan tersebut menjadikan kantor kecamatan sebagai simpul layanan "
            "administrasi yang padat, terutama layanan Administrasi Terpadu Kecamatan (PATEN), dan menuntut koordinasi "
            "yang erat dengan perangkat daerah serta instansi vertikal yang berkantor di wilayah Kraksaan."
        ),
        P(
            f"Sebagai penjabaran tahunan dari Renstra Kecamatan Kraksaan Tahun 2021–2026, Renja Kecamatan Kraksaan "
            f"Tahun {YEAR} disusun melalui tahapan persiapan, penyusunan rancangan awal, penyusunan rancangan, forum "
            f"perangkat daerah, perumusan rancangan akhir dan penetapan. Rancangan Renja diselaraskan dengan "
            f"rancangan awal RKPD Tahun {YEAR} sehingga program, kegiatan dan sub kegiatan yang direncanakan sejalan "
            f"dengan prioritas pembangunan daerah."
        ),
        P(
            "Renja ini memuat indikator kinerja berlapis. Setiap program dan kegiatan diukur dengan dua atau tiga "
            "indikator, misalnya persentase layanan yang diselesaikan sesuai standar pelayanan bersama Indeks "
            "Kepuasan Masyarakat, sehingga kuantitas dan kualitas hasil dapat dinilai bersamaan. Pada tabel-tabel "
            "Renja, indikator-indikator tersebut beserta targetnya dituliskan berurutan di bawah program atau "
            "kegiatan yang bersangkutan."
        ),
        H(2, "1.2 Landasan Hukum"),
        P(
            f"Penyusunan Renja Kecamatan Kraksaan Tahun {YEAR} berlandaskan pada peraturan perundang-undangan "
            f"sebagai berikut:"
        ),
        L([f"{i}. {text}" for i, text in enumerate(LEGAL, start=1)]),
        H(2, "1.3 Maksud dan Tujuan"),
        P(
            "Maksud penyusunan Renja adalah menyediakan pedoman perencanaan tahunan yang menjabarkan Renstra "
            "Kecamatan Kraksaan ke dalam program, kegiatan dan sub kegiatan yang terukur, serta menjadi acuan "
            "penyusunan Rencana Kerja dan Anggaran (RKA) Kecamatan Kraksaan. Adapun tujuannya adalah:"
        ),
        L(
            [
                "a. menjamin keterkaitan dan konsistensi antara perencanaan, penganggaran, pelaksanaan dan pengawasan;",
                "b. menetapkan indikator kinerja dan target program, kegiatan dan sub kegiatan yang akan dicapai "
                "beserta pagu indikatifnya;",
                "c. menyelaraskan usulan masyarakat hasil Musrenbang dengan prioritas pembangunan Kabupaten Probolinggo;",
                "d. menyediakan dasar evaluasi kinerja tahunan Kecamatan Kraksaan.",
            ]
        ),
        H(2, "1.4 Sistematika Penulisan"),
        P(f"Renja Kecamatan Kraksaan Tahun {YEAR} disusun dalam 5 (lima) bab dengan sistematika sebagai berikut:"),
        L(
            [
                "a. BAB I Pendahuluan, berisi latar belakang, landasan hukum, maksud dan tujuan serta sistematika "
                "penulisan;",
                "b. BAB II Hasil Evaluasi Renja Perangkat Daerah Tahun Lalu, berisi evaluasi pelaksanaan Renja dan "
                "capaian Renstra, analisis kinerja pelayanan, isu-isu penting, review terhadap rancangan awal RKPD "
                "serta penelaahan usulan program dan kegiatan masyarakat;",
                "c. BAB III Tujuan dan Sasaran Perangkat Daerah, berisi telaahan terhadap kebijakan nasional, tujuan "
                "dan sasaran Renja serta program dan kegiatan;",
                "d. BAB IV Rencana Kerja dan Pendanaan Perangkat Daerah, berisi program utama, kegiatan dan sub "
                "kegiatan beserta indikator kinerja, target dan pagu indikatif;",
                "e. BAB V Penutup, berisi kaidah pelaksanaan dan tindak lanjut Renja.",
            ]
        ),
        {"type": "page_break"},
        # ------------------------------------------------------------------ BAB II
        H(1, "BAB II HASIL EVALUASI RENJA PERANGKAT DAERAH TAHUN LALU"),
        H(2, "2.1 Evaluasi Pelaksanaan Renja Perangkat Daerah Tahun Lalu dan Capaian Renstra Perangkat Daerah"),
        P(
            f"Evaluasi terhadap pelaksanaan Renja Kecamatan Kraksaan Tahun {YEAR - 2} dilakukan dengan membandingkan "
            f"realisasi setiap indikator kinerja program, kegiatan dan sub kegiatan terhadap targetnya, sekaligus "
            f"memperkirakan capaian Renstra Perangkat Daerah s/d tahun {YEAR - 1}. Karena sebagian besar program dan "
            f"kegiatan memiliki lebih dari satu indikator, setiap indikator dievaluasi pada barisnya sendiri dengan "
            f"target, realisasi dan satuan masing-masing sebagaimana tercantum dalam Tabel 2.1."
        ),
        S("landscape"),
        C(
            "Tabel 2.1",
            f"T-C.29 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah dan Pencapaian Renstra Perangkat "
            f"Daerah s/d Tahun {YEAR - 1}",
            UNIT_LINE,
        ),
        T("tc29"),
        S("portrait"),
        P(
            f"Berdasarkan Tabel 2.1, hasil evaluasi pelaksanaan program, kegiatan dan sub kegiatan tahun {YEAR - 2} "
            f"dapat diuraikan sebagai berikut:"
        ),
    ]
    prog_n, keg_n = facts.indicator_count("program"), facts.indicator_count("kegiatan")
    lp, lk = low_prog[0], low_keg[0]
    sub_items = []
    for i, (line, _, values) in enumerate(low_subs, start=1):
        sub_items.append(
            f"{i}) Sub Kegiatan {line.official.name}, dengan tingkat realisasi {values['tingkat_realisasi']}: "
            f"{SHORTFALL_NOTES[line.official.code]};"
        )
    sub_items[-1] = sub_items[-1].rstrip(";") + "."
    out += [
        L(
            [
                f"a. Capaian indikator program. Dari {counted(prog_n, 'indikator program')}, "
                f"{counted(prog_n - len(low_prog), 'indikator')} mencapai atau melampaui target. Satu indikator belum "
                f"mencapai target, yaitu {lp[1].name} pada {title(lp[0].official.name)}, dengan realisasi "
                f"{lp[2]['realisasi_n2']}% dari target {lp[2]['target_n2']}% (tingkat realisasi {lp[2]['tingkat_realisasi']}).",
                f"b. Capaian indikator kegiatan. Dari {counted(keg_n, 'indikator kegiatan')}, "
                f"{counted(keg_n - len(low_keg), 'indikator')} mencapai target. Indikator {lk[1].name} pada kegiatan "
                f"{lk[0].official.name} terealisasi {lk[2]['realisasi_n2']} desa dari target {lk[2]['target_n2']} desa "
                f"(tingkat realisasi {lk[2]['tingkat_realisasi']}).",
                f"c. Capaian sub kegiatan. Dari {counted(len(subs), 'sub kegiatan')} yang dilaksanakan, "
                f"{counted(len(subs) - len(low_subs), 'sub kegiatan')} mencapai target keluaran, sedangkan "
                f"{counted(len(low_subs), 'sub kegiatan')} belum mencapai target, yaitu:",
            ]
        ),
        L(sub_items),
        L(
            [
                f"d. Capaian Renstra. Perkiraan capaian Renstra s/d tahun {YEAR - 1} untuk indikator berbentuk "
                f"persentase dan indeks berada pada kisaran {pct(rate_min)} sampai dengan {pct(rate_max)} dari target "
                f"akhir periode. Indikator keluaran yang dihitung secara kumulatif (dokumen, laporan, paket, unit dan "
                f"sejenisnya) rata-rata baru mencapai {dec(facts.count_capaian())}% dari target akhir Renstra, karena "
                f"pelaksanaan Renstra masih menyisakan tahun {YEAR} dan {YEAR + 1}.",
            ]
        ),
        P(
            "Tindak lanjut atas indikator yang belum tercapai dituangkan dalam Renja ini melalui penjadwalan "
            "Musrenbangdes yang disepakati bersama seluruh desa sejak awal tahun dan pendampingan penyusunan laporan "
            "keuangan desa secara berkala oleh Seksi Pemerintahan."
        ),
        H(2, "2.2 Analisis Kinerja Pelayanan Perangkat Daerah"),
        P(
            "Kinerja pelayanan Kecamatan Kraksaan diukur dengan indikator tujuan dan sasaran Renstra. Tujuan dan "
            "setiap sasaran memiliki dua indikator yang dalam Renstra dituliskan dalam satu baris, sehingga pada "
            "Tabel 2.2 nilai kedua indikator disajikan berurutan di dalam sel yang sama."
        ),
        S("landscape"),
        C("Tabel 2.2", "T-C.30 Pencapaian Kinerja Pelayanan Perangkat Daerah", UNIT_LINE),
        T("tc30"),
        S("portrait"),
        P(
            f"Indeks Kepuasan Masyarakat tahun {YEAR - 2} mencapai {goals_t[0].realisasi[0]} poin, melampaui target "
            f"{goals_t[0].targets[0]} poin, dan nilai evaluasi AKIP mencapai {goals_t[1].realisasi[0]} dari target "
            f"{goals_t[1].targets[0]}. Pada sasaran pertama, {sas1[0].realisasi[0]}% layanan PATEN diselesaikan "
            f"sesuai standar pelayanan (target {sas1[0].targets[0]}%) dan {sas1[1].realisasi[0]}% hasil koordinasi "
            f"ditindaklanjuti (target {sas1[1].targets[0]}%). Pada sasaran kedua, seluruh desa menetapkan APBDes tepat "
            f"waktu dan rata-rata IDM mencapai {sas2[1].realisasi[0]} (target {sas2[1].targets[0]})."
        ),
        P(
            f"Layanan PATEN merupakan layanan yang paling banyak dimanfaatkan masyarakat. Rekapitulasi layanan "
            f"Administrasi Terpadu Kecamatan (PATEN) Kecamatan Kraksaan Tahun {YEAR - 2} per triwulan disajikan "
            f"pada Tabel 2.3."
        ),
        T("paten"),
        P(
            f"Sepanjang tahun {YEAR - 2} Kantor Kecamatan Kraksaan melayani {count(paten)} permohonan layanan. Layanan "
            f"terbanyak adalah {top_name[:1].lower() + top_name[1:]} sebanyak {count(sum(top_q))} permohonan atau "
            f"{dec(sum(top_q) / paten * 100)}% dari seluruh layanan. Permohonan pada semester kedua ({count(second)}) lebih "
            f"banyak daripada semester pertama ({count(first)}), seiring pendaftaran sekolah dan pendataan bantuan "
            f"sosial akhir tahun."
        ),
        H(2, "2.3 Isu-isu Penting Penyelenggaraan Tugas dan Fungsi Perangkat Daerah"),
        P(
            "Berdasarkan evaluasi pelaksanaan Renja dan analisis kinerja pelayanan, isu-isu penting yang dihadapi "
            "Kecamatan Kraksaan dapat dikelompokkan sebagai berikut."
        ),
        H(3, "2.3.1 Permasalahan Pelayanan dan Penyelenggaraan Pemerintahan"),
        L(
            [
                "1) volume layanan PATEN tinggi karena kedudukan Kraksaan sebagai ibu kota kabupaten, sementara "
                "ruang tunggu dan perangkat komputer layanan terbatas;",
                "2) ketepatan waktu penyampaian laporan pertanggungjawaban realisasi APBDes belum merata di seluruh desa;",
                "3) partisipasi lembaga kemasyarakatan dalam Musrenbangdes di desa pesisir dipengaruhi musim melaut;",
                "4) sebagian sarana dan prasarana kantor, termasuk atap pendopo, memerlukan rehabilitasi.",
            ]
        ),
        H(3, "2.3.2 Isu Strategis"),
        L(
            [
                "1) penguatan kualitas dan kecepatan layanan administrasi terpadu berbasis standar pelayanan;",
                "2) peningkatan akuntabilitas pengelolaan keuangan desa dan pemanfaatan Dana Kelurahan;",
                "3) pemeliharaan kondusivitas wilayah sebagai pusat pemerintahan dan kegiatan ekonomi kabupaten.",
            ]
        ),
        H(2, "2.4 Review terhadap Rancangan Awal RKPD"),
        P(
            f"Rancangan awal RKPD Kabupaten Probolinggo Tahun {YEAR} memuat pagu indikatif Kecamatan Kraksaan sebesar "
            f"{rp(total)} untuk {counted(len(programs), 'program')}. Hasil analisis kebutuhan menunjukkan total "
            f"kebutuhan dana sebesar {rp(facts.kebutuhan)}. Program, kegiatan, sub kegiatan, indikator dan target pada "
            f"rancangan awal RKPD telah sesuai dengan hasil analisis kebutuhan; indikator program dan kegiatan "
            f"beserta targetnya dituliskan berurutan di dalam satu sel sebagaimana format rancangan awal RKPD."
        ),
        S("landscape"),
        C("Tabel 2.4", f"T-C.31 Review terhadap Rancangan Awal RKPD Tahun {YEAR}", UNIT_LINE),
        T("tc31"),
        S("portrait"),
        P(
            f"Selisih antara pagu indikatif dan kebutuhan dana terdapat pada {counted(len(needs), 'sub kegiatan')}, "
            f"yaitu " + ", ".join(f"{s.official.name}" for s in needs[:-1]) + f" dan {needs[-1].official.name}. "
            f"Kebutuhan yang belum terakomodir akan diusulkan kembali melalui perubahan anggaran atau Renja tahun "
            f"berikutnya."
        ),
        H(2, "2.5 Penelaahan Usulan Program dan Kegiatan Masyarakat"),
        P(
            "Usulan program dan kegiatan dihimpun dari Musrenbang Kecamatan, forum perangkat daerah dan aspirasi "
            "pemangku kepentingan. Usulan yang menjadi kewenangan kecamatan diakomodir dalam Renja, sedangkan usulan "
            "yang menjadi kewenangan perangkat daerah lain diteruskan kepada perangkat daerah yang bersangkutan."
        ),
        C("Tabel 2.5", f"T-C.32 Usulan Program dan Kegiatan dari Para Pemangku Kepentingan Tahun {YEAR}", UNIT_LINE),
        T("tc32"),
        P(
            "Dari usulan tersebut, usulan pembangunan drainase lingkungan diakomodir melalui Dana Kelurahan, usulan "
            "perangkat layanan PATEN dicatat sebagai kebutuhan yang belum terakomodir, dan usulan lainnya diteruskan "
            "kepada perangkat daerah teknis."
        ),
        {"type": "page_break"},
        # ------------------------------------------------------------------ BAB III
        H(1, "BAB III TUJUAN DAN SASARAN PERANGKAT DAERAH"),
        H(2, "3.1 Telaahan terhadap Kebijakan Nasional"),
        P(
            f"Rencana Kerja Pemerintah Tahun {YEAR} merupakan tahun transisi menuju periode pembangunan jangka "
            f"menengah nasional berikutnya, dengan penekanan pada pertumbuhan ekonomi yang inklusif, penguatan tata "
            f"kelola pemerintahan dan pembangunan dari desa. Keterkaitan prioritas nasional, prioritas Provinsi Jawa "
            f"Timur dan prioritas Kabupaten Probolinggo dengan program Kecamatan Kraksaan disajikan pada Tabel 3.1."
        ),
        C("Tabel 3.1", f"Keterkaitan Prioritas Pembangunan dengan Program Kecamatan Kraksaan Tahun {YEAR}"),
        T("kebijakan"),
        P(
            "Dukungan Kecamatan Kraksaan terhadap prioritas tersebut diwujudkan terutama melalui peningkatan kualitas "
            "layanan PATEN, fasilitasi tata kelola pemerintahan desa, pemberdayaan masyarakat kelurahan dengan Dana "
            "Kelurahan serta koordinasi ketenteraman dan ketertiban umum bersama unsur tiga pilar."
        ),
        H(2, "3.2 Tujuan dan Sasaran Renja Perangkat Daerah"),
        P(
            f"Tujuan dan sasaran Renja Kecamatan Kraksaan Tahun {YEAR} mengacu pada tujuan dan sasaran Renstra "
            f"Kecamatan Kraksaan Tahun 2021–2026. Tujuan dan setiap sasaran diukur dengan dua indikator kinerja, "
            f"masing-masing dengan formula dan target tahun {YEAR} sebagaimana tabel berikut."
        ),
        C("Tabel 3.2", f"Tujuan dan Indikator Tujuan Kecamatan Kraksaan Tahun {YEAR}"),
        T("tujuan"),
        P(
            f"Untuk mencapai tujuan tersebut ditetapkan {counted(len(SASARAN), 'sasaran')} dengan "
            f"{counted(sum(len(g) for _, g in SASARAN), 'indikator')} sebagai berikut."
        ),
        C("Tabel 3.3", f"Sasaran dan Indikator Sasaran Kecamatan Kraksaan Tahun {YEAR}"),
        T("sasaran"),
        H(2, "3.3 Program dan Kegiatan"),
        P(
            f"Untuk mewujudkan tujuan dan sasaran tersebut, pada tahun {YEAR} Kecamatan Kraksaan merencanakan "
            f"{counted(len(programs), 'program')}, {counted(len(kegiatan), 'kegiatan')} dan "
            f"{counted(len(subs), 'sub kegiatan')} sebagai berikut:"
        ),
        L(bab3_list(facts)),
        P(
            "Rincian indikator kinerja, lokasi, target, pagu indikatif dan sumber dana setiap program, kegiatan dan "
            "sub kegiatan, beserta prakiraan maju tahun berikutnya, disajikan pada Tabel 3.4. Indikator program dan "
            "kegiatan dituliskan satu per baris di bawah kode dan nama program atau kegiatan yang bersangkutan."
        ),
        S("landscape"),
        C(
            "Tabel 3.4",
            f"T-C.33 Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun {YEAR} dan Prakiraan Maju "
            f"Tahun {YEAR + 1}",
            UNIT_LINE,
        ),
        T("tc33"),
        S("portrait"),
        # ------------------------------------------------------------------ BAB IV
        H(1, "BAB IV RENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH"),
        P(
            f"Rencana kerja dan pendanaan Kecamatan Kraksaan Tahun {YEAR} disusun berdasarkan hasil evaluasi "
            f"pelaksanaan Renja, isu-isu penting, review rancangan awal RKPD dan usulan masyarakat. Program utama "
            f"yang akan dilaksanakan sebanyak {counted(len(programs), 'program')}, yaitu:"
        ),
        L(
            [
                f"{i}. {title(p.official.name)};" if i < len(programs) else f"{i}. {title(p.official.name)}."
                for i, p in enumerate(programs, start=1)
            ]
        ),
        P(
            "Program utama tersebut beserta kegiatan, sub kegiatan, indikator kinerja, kelompok sasaran, lokasi, "
            "target dan pagu indikatifnya disajikan pada Tabel 4.1."
        ),
        C("Tabel 4.1", f"Rencana Program Utama, Kegiatan dan Sub Kegiatan Kecamatan Kraksaan Tahun {YEAR}"),
        T("t41"),
        P(
            f"Jumlah pagu indikatif Kecamatan Kraksaan Tahun {YEAR} sebesar {rp(total)} terdiri dari Belanja Pegawai "
            f"sebesar {rp(facts.pegawai)}, Belanja Barang dan Jasa sebesar {rp(barang)} dan Belanja Modal sebesar "
            f"{rp(facts.modal)}."
        ),
        P(
            f"Dari jumlah tersebut, Dana Kelurahan untuk {counted(5, 'kelurahan')} dialokasikan sebesar "
            f"{rp(facts.dana_kelurahan)} melalui Sub Kegiatan Pembangunan Sarana dan Prasarana Kelurahan dan Sub "
            f"Kegiatan Pemberdayaan Masyarakat di Kelurahan. Prakiraan maju tahun {YEAR + 1} direncanakan sebesar "
            f"{rp(facts.plan.total_next)}."
        ),
        {"type": "page_break"},
        # ------------------------------------------------------------------ BAB V
        H(1, "BAB V PENUTUP"),
        P(
            f"Renja Kecamatan Kraksaan Tahun {YEAR} merupakan pedoman bagi seluruh unit kerja di lingkungan "
            f"Kecamatan Kraksaan dalam melaksanakan program, kegiatan dan sub kegiatan selama satu tahun. "
            f"Keberhasilan pelaksanaannya diukur dengan indikator kinerja yang telah ditetapkan, sehingga setiap "
            f"indikator, termasuk indikator kedua dan ketiga pada program dan kegiatan, dipantau secara berkala."
        ),
        P(
            "Kaidah pelaksanaan Renja adalah sebagai berikut: seluruh unit kerja melaksanakan program dan kegiatan "
            "sesuai jadwal; Sekretaris Kecamatan mengoordinasikan pemantauan capaian setiap triwulan; dan hasil "
            "pemantauan menjadi bahan penyusunan laporan kinerja serta Renja tahun berikutnya."
        ),
        P(
            "Dengan tersusunnya Renja ini diharapkan pelayanan kepada masyarakat Kecamatan Kraksaan semakin "
            "berkualitas dan penyelenggaraan pemerintahan di tingkat kecamatan, desa dan kelurahan semakin akuntabel."
        ),
        {
            "type": "signature",
            "lines": [PLACE_DATE, "CAMAT KRAKSAAN", "", "", "", CAMAT, "Pembina Tingkat I", CAMAT_NIP],
        },
    ]
    return out


# --------------------------------------------------------------------------- specs


def clean_spec() -> dict[str, Any]:
    plan = budget()
    tree = list(plan.tree())
    facts = Facts(tree, plan)
    return {
        "id": ID,
        "family": FAMILY,
        "meta": {"unit": UNIT, "region": REGION, "plan_year": YEAR, "place_date": PLACE_DATE},
        "style": {
            "font": "Liberation Serif",
            "body_pt": 12,
            "table_pt": 7.5,
            "thousands": ".",
            "code_style": "written",
        },
        "body": body(facts),
        "tables": {
            "tc29": table_tc29(tree),
            "tc30": table_tc30(),
            "paten": table_paten(),
            "tc31": table_tc31(tree, plan),
            "tc32": table_tc32(),
            "kebijakan": table_kebijakan(),
            "tujuan": table_tujuan(),
            "sasaran": table_sasaran(),
            "tc33": table_tc33(tree, plan),
            "t41": table_41(tree, plan),
        },
    }


def _split_part(row: dict[str, Any], index: int) -> dict[str, Any]:
    return row["split"][index]


def _replace_in_paragraph(
    spec: dict[str, Any], old: str, new: str, types: tuple[str, ...] = ("paragraph", "list")
) -> None:
    """Replace ``old`` once in the first paragraph or list item holding it."""
    for block in spec["body"]:
        if block["type"] not in types:
            continue
        if "text" in block and old in block["text"]:
            block["text"] = block["text"].replace(old, new, 1)
            return
        for i, item in enumerate(block.get("items", [])):
            if old in item:
                block["items"][i] = item.replace(old, new, 1)
                return
    raise KeyError(old)


def defect_spec(clean: dict[str, Any]) -> dict[str, Any]:
    spec = variant(clean, DEFECTS_ID)
    defects: list[dict[str, Any]] = []

    def declare(defect_id: str, what: str, *expect: dict[str, Any]) -> None:
        defects.append({"id": defect_id, "what": what, "expect": list(expect)})

    # 1. T-C.33: the n+1 target of the second indicator of program 7.01.02 in another unit.
    part = _split_part(row_with(spec, "tc33", "7.01.02"), 1)
    old = part["target_next"]
    part["target_next"] = "84%"
    declare(
        "tc33-next-unit-second-indicator",
        f"T-C.33 program 7.01.02, second indicator (IKM): target {part['target']} for {YEAR} but the "
        f"prakiraan maju target is written '84%' instead of '{old}' (another unit)",
        {"rule": "IT-009", "table": "T-C.33", "code": "7.01.02", "column": "target_next"},
    )

    # 2. T-C.31: the target of the second stacked indicator of kegiatan 7.01.01.2.09 differs from T-C.33.
    row = row_with(spec, "tc31", "7.01.01.2.09")
    old_target = row["cells"]["target"]
    lines = old_target.split("\n")
    lines[1] = "100%"
    row["cells"]["target"] = "\n".join(lines)
    row["cells"]["target_kebutuhan"] = "\n".join(lines)
    declare(
        "tc31-stacked-target-differs",
        "T-C.31 kegiatan 7.01.01.2.09: the second stacked indicator (kendaraan laik jalan) targets 100% in "
        "both halves of the table, T-C.33 targets 93%",
        {"rule": "XT-002", "table": "T-C.31", "code": "7.01.01.2.09", "column": "target"},
    )

    # 3. T-C.29: tingkat realisasi of the second indicator of program 7.01.02 miscalculated.
    part = _split_part(row_with(spec, "tc29", "7.01.02"), 1)
    right = part["tingkat_realisasi"]
    part["tingkat_realisasi"] = "110,69%"
    declare(
        "tc29-tingkat-second-indicator",
        f"T-C.29 program 7.01.02, second indicator (IKM): tingkat realisasi written 110,69% although "
        f"{part['realisasi_n2']} / {part['target_n2']} x 100 = {right}",
        {"rule": "TOT-010", "table": "T-C.29", "code": "7.01.02", "column": "tingkat_realisasi"},
    )

    # 4. BAB II narrative claims every target was met although T-C.29 shows rows below 100 %.
    for block in spec["body"]:
        if block["type"] == "list" and block["items"] and block["items"][0].startswith("a. Capaian indikator program"):
            block["items"] = [
                f"a. Capaian indikator program. Seluruh indikator program tahun {YEAR - 2} telah mencapai atau "
                f"melampaui target yang ditetapkan.",
                "b. Capaian indikator kegiatan. Seluruh indikator kegiatan mencapai target 100%.",
                f"c. Capaian sub kegiatan. Seluruh target sub kegiatan tahun {YEAR - 2} tercapai, sehingga tidak "
                f"terdapat sub kegiatan yang realisasinya di bawah target.",
            ]
            break
    else:
        raise KeyError("evaluation list")
    # The list of the two sub kegiatan below target goes with the claim.
    spec["body"] = [
        b
        for b in spec["body"]
        if not (b["type"] == "list" and b["items"] and b["items"][0].startswith("1) Sub Kegiatan"))
    ]
    declare(
        "narrative-all-targets-met",
        "BAB II 2.1 states that every program, kegiatan and sub kegiatan target of 2023 was met, while T-C.29 "
        "shows 7.01.06 (second indicator), 7.01.06.2.01, 7.01.03.2.01.01 and 7.01.06.2.01.03 below 100%",
        {"rule": "NAR-015"},
    )

    # 5. Tabel 4.1: amount of a sub kegiatan differs from T-C.33 (digits swapped); its kegiatan no longer adds up.
    row = row_with(spec, "t41", "7.01.03.2.01.03")
    row["cells"]["amount"] = 26_100_000
    declare(
        "t41-amount-differs",
        "Tabel 4.1 sub kegiatan 7.01.03.2.01.03: pagu 26.100.000 instead of T-C.33's 21.600.000",
        {"rule": "XT-003", "table": "Tabel 4.1", "code": "7.01.03.2.01.03", "column": "amount"},
        {"rule": "TOT-001", "table": "Tabel 4.1", "code": "7.01.03.2.01", "column": "amount"},
    )

    # 6. T-C.33: "Jumlah Laporan ..." with its targets in dokumen.
    row = row_with(spec, "tc33", "7.01.04.2.01.01")
    row["cells"]["target"] = row["cells"]["target"].replace("Laporan", "Dokumen")
    row["cells"]["target_next"] = row["cells"]["target_next"].replace("Laporan", "Dokumen")
    declare(
        "tc33-laporan-in-dokumen",
        "T-C.33 sub kegiatan 7.01.04.2.01.01 (indicator 'Jumlah Laporan Hasil Sinergitas ...'): targets "
        "'12 Dokumen' for n and n+1, official satuan Laporan (T-C.31 and Tabel 4.1 keep '12 Laporan')",
        {"rule": "NOM-006", "table": "T-C.33", "code": "7.01.04.2.01.01"},
        {"rule": "IT-004", "table": "T-C.33", "code": "7.01.04.2.01.01"},
        {"rule": "XT-002", "code": "7.01.04.2.01.01", "column": "target"},
        {"rule": "XT-003", "code": "7.01.04.2.01.01", "column": "target"},
    )

    # 7. Count written in digits and words that disagree.
    _replace_in_paragraph(spec, "sebanyak 6 (enam) program", "sebanyak 6 (lima) program")
    declare(
        "count-words-programs",
        "BAB IV: '6 (lima) program' (digits and words differ)",
        {"rule": "NAR-003", "text": "6 (lima)"},
    )

    # 8. Wrong stated count of sub kegiatan in 3.3.
    _replace_in_paragraph(
        spec,
        "dan 34 (tiga puluh empat) sub kegiatan sebagai berikut",
        "dan 36 (tiga puluh enam) sub kegiatan sebagai berikut",
    )
    declare(
        "count-subs-3.3",
        "BAB III 3.3 states 36 (tiga puluh enam) sub kegiatan; T-C.33 holds 34",
        {"rule": "NAR-004", "text": "36"},
    )

    # 9. A sentence copied from another kecamatan's Renja (name of another kecamatan and its desa).
    _replace_in_paragraph(
        spec,
        "3) partisipasi lembaga kemasyarakatan dalam Musrenbangdes di desa pesisir dipengaruhi musim melaut;",
        "3) partisipasi lembaga kemasyarakatan dalam Musrenbangdes di Desa Binor dan Desa Sumberanyar Kecamatan "
        "Paiton dipengaruhi musim melaut;",
    )
    declare(
        "copied-other-kecamatan",
        "BAB II 2.3.1 names Desa Binor and Desa Sumberanyar of Kecamatan Paiton (a copied sentence)",
        {"rule": "NAR-014", "text": "Paiton"},
    )

    # 10. Caption of T-C.31 naming the previous year.
    for block in spec["body"]:
        if block["type"] == "caption" and any("T-C.31" in ln for ln in block["lines"]):
            block["lines"] = [ln.replace(f"RKPD Tahun {YEAR}", f"RKPD Tahun {YEAR - 1}") for ln in block["lines"]]
            break
    declare(
        "tc31-caption-year",
        f"T-C.31 caption reads 'Review terhadap Rancangan Awal RKPD Tahun {YEAR - 1}' (plan year {YEAR})",
        {"rule": "YEAR-007", "table": "T-C.31"},
        {"rule": "YEAR-003", "text": str(YEAR - 1)},
    )

    # 11. PATEN total row does not add up.
    paten = spec["tables"]["paten"]["rows"][-1]["cells"]
    true_total = paten["jumlah"]
    paten["jumlah"] = count(paten_total() + 90)
    declare(
        "paten-total",
        f"Tabel 2.3 (PATEN): the JUMLAH row says {paten['jumlah']}, its rows add up to {true_total}",
        {"rule": "TOT-013", "text": paten["jumlah"]},
    )

    # 12. Tabel 3.3: the target of the second indicator of sasaran 2 differs from T-C.30 (digits transposed).
    part = spec["tables"]["sasaran"]["rows"][1]["split"][1]
    right = part[f"target_{YEAR}"]
    part[f"target_{YEAR}"] = "0,7520"
    declare(
        "sasaran-second-indicator-target",
        f"Tabel 3.3 sasaran 2, second indicator (rata-rata IDM): target {YEAR} written 0,7520, T-C.30 "
        f"(stacked cell, Target Renstra Tahun {YEAR}) says {right}",
        {"rule": "XT-008", "table": "Tabel 3.3"},
    )

    spec["defects"] = defects
    return spec


def build() -> list[dict[str, Any]]:
    clean = clean_spec()
    check(clean)
    return [clean, defect_spec(clean)]


# --------------------------------------------------------------------------- invariants


def check(spec: dict[str, Any]) -> None:
    """The clean sample's invariants (the brief's list), asserted before writing."""
    tables = spec["tables"]
    t33, t31, t41 = tables["tc33"]["rows"], tables["tc31"]["rows"], tables["t41"]["rows"]
    coded = [r for r in t33 if r["code"]]
    for column in ("amount", "amount_next"):
        for r in coded:
            if r["level"] == "sub_kegiatan":
                continue
            kids = [
                k
                for k in coded
                if k["code"].startswith(r["code"] + ".")
                and k["level"] == ("kegiatan" if r["level"] == "program" else "sub_kegiatan")
            ]
            assert r["cells"][column] == sum(k["cells"][column] for k in kids), (r["code"], column)
        total = t33[-1]["cells"][column]
        assert total == sum(r["cells"][column] for r in coded if r["level"] == "program")
    for r in coded:
        ratio = r["cells"]["amount_next"] / r["cells"]["amount"]
        assert 0.8 <= ratio <= 1.5, (r["code"], ratio)
        for part in r.get("split", []) or [r["cells"]]:
            t, tn = part["target"], part["target_next"]
            assert t.endswith("%") == tn.endswith("%"), r["code"]
            assert t.split(" ", 1)[1:] == tn.split(" ", 1)[1:], (r["code"], t, tn)
            if t.endswith("%"):
                assert num(t.rstrip("%")) <= 100 and num(tn.rstrip("%")) <= 100
    by_code = {r["code"]: r for r in coded}
    for other, amount_key in ((t31, "pagu"), (t41, "amount")):
        other_coded = [r for r in other if r["code"]]
        assert [r["code"] for r in other_coded] == [r["code"] for r in coded]
        for r in other_coded:
            ref = by_code[r["code"]]
            assert r["cells"][amount_key] == ref["cells"]["amount"]
            assert r["cells"]["name"] == ref["cells"]["name"]
            if ref.get("split"):
                assert r["cells"]["indicator"] == "\n".join(p["indicator"] for p in ref["split"])
                assert r["cells"]["target"] == "\n".join(p["target"] for p in ref["split"])
            else:
                assert r["cells"]["indicator"] == ref["cells"]["indicator"]
                assert r["cells"]["target"] == ref["cells"]["target"]
    # Rate and index indicators: the Renstra end target (2026) is the n+1 target
    for code, inds in INDICATORS.items():
        for ind in inds:
            if not ind.sums:
                assert ind.hist[0] == ind.n1, (code, ind.name)
    # T-C.31 kebutuhan dana: parents add up, never a constant multiple of the pagu
    need = {r["code"]: r["cells"]["kebutuhan_dana"] for r in t31 if r["code"]}
    for code, value in need.items():
        kids = [c for c in need if c.startswith(code + ".") and c.count(".") == (4 if code.count(".") == 2 else 5)]
        if kids:
            assert value == sum(need[k] for k in kids), code
    assert t31[-1]["cells"]["kebutuhan_dana"] == sum(v for c, v in need.items() if c.count(".") == 2)
    # Official names and indicators
    nom = nomenclature(YEAR)
    for r in coded:
        o = official(nom, r["code"], HEAD)
        assert r["cells"]["name"] == o.name
        if r["level"] == "sub_kegiatan":
            assert r["cells"]["indicator"] == o.indikator
            assert r["cells"]["target"].split(" ", 1)[1] == o.satuan
    # PATEN totals
    paten = tables["paten"]["rows"]
    for key in ("tw1", "tw2", "tw3", "tw4", "jumlah"):
        assert num(paten[-1]["cells"][key]) == sum(num(r["cells"][key]) for r in paten[:-1]), key
    for r in paten[:-1]:
        assert num(r["cells"]["jumlah"]) == sum(num(r["cells"][f"tw{i}"]) for i in range(1, 5))


def main() -> None:
    comment = (
        "Written by samples/families/multi_indicator.py (family multi-indicator); do not edit by hand.\n"
        "Programs and kegiatan carry two or three indicators: one per row under merged code/name/amount\n"
        "cells (split) in T-C.33, T-C.29 and the tujuan/sasaran tables, stacked in one cell with line\n"
        "breaks in T-C.31, T-C.30 and Tabel 4.1."
    )
    for spec in build():
        path = write_spec(spec, comment)
        print(path)


if __name__ == "__main__":
    main()
