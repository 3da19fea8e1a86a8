"""Family "other-region": the Renja 2026 of Kecamatan Parakan, Kabupaten Temanggung (Jawa Tengah).

A Central-Java kabupaten with its own habits, laid out nothing like the Randuagung/Lumajang
reference:

* tables numbered the office's own way and inconsistently, as documents pieced together by
  several staff are: "Tabel 1.1" (wilayah), "Tabel 2.1" + "T-C.29 ..." on the next caption line,
  "Tabel II.3" (PATEN), "Tabel 3.1" for the tujuan table, "Tabel III.2" for the sasaran table,
  "TABEL 3.3" for T-C.33, "Tabel IV.1" for the BAB IV funding table ("Rencana Kerja dan Pendanaan",
  not "Program Utama"); a DAFTAR ISI, DAFTAR TABEL and DAFTAR GAMBAR with dot leaders;
* its own chapter and section wording (still Permendagri 86/2017's BAB I-V and 1.1-3.3);
  cover unnumbered, front matter i, ii, iii, body 1, 2, 3 with a running header;
* amounts with "." thousands, decimals with ","; Liberation Sans Narrow 12 pt text, 7 pt tables;
* sub kegiatan codes in the four-digit form (7.01.01.2.01.0001) in T-C.31 and T-C.33 and in the
  two-digit form in T-C.29 and Tabel IV.1; T-C.33 printed from a spreadsheet (Calc) in the
  official Permendagri 86 column set (no aktivitas; "Catatan Penting"), with a bidang row
  "7.01 KECAMATAN" on top and a "JUMLAH" row at the bottom;
* Tabel IV.1 with "Sumber Dana", "Lokasi" and "Kelompok Sasaran" columns and a JUMLAH row;
  T-C.31 with "Catatan Penting"; T-C.32 with four real proposals (desa names), not NIHIL;
* a wilayah table (luas, RW/RT, penduduk per desa/kelurahan) and a PATEN table of service counts
  per month (Januari ... Desember) with a "Jumlah" column and a "JUMLAH" row that add up; an
  org chart and a bar chart (pictures without text layer);
* the 14 desa and 2 kelurahan of Parakan; legal references of Jawa Tengah and Temanggung;
  Renstra 2024-2026 (on the RPD 2024-2026) while the new RPJMD 2025-2029 is cited;
* BAB III list of programs/kegiatan/sub kegiatan (A. / 1. / a), sub kegiatan without the word
  "Sub Kegiatan") over pages, BAB IV list of programs with their pagu, the total in figures and
  words; "2 (dua) sub kegiatan belum mencapai target" in BAB II; signed "Parakan, 4 Agustus 2025"
  by the Camat.

Run ``python -m samples.families.other_region`` to write samples/specs/parakan-2026.yaml and
parakan-2026-defects.yaml (deterministic: fixed seed).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from samples.families.common import (
    Budget,
    Line,
    Official,
    four_digit,
    nomenclature,
    official,
    row_with,
    rupiah,
    title_case,
    variant,
    write_spec,
)
from samples.families.common import column as col
from samples.families.common import header_cell as h

FAMILY = "other-region"
PLAN_YEAR = 2026
HEAD = "7.01"
UNIT = "Kecamatan Parakan"
REGION = "Kabupaten Temanggung"
PLACE_DATE = "Parakan, 4 Agustus 2025"
CAMAT = "ANDRIYANTO NUGROHO, S.STP., M.Si."
NIP = "NIP. 19780512 199703 1 002"
SEED = 2026_0404

# The 14 desa and 2 kelurahan of Kecamatan Parakan (in the order the office lists them).
WILAYAH = [
    ("Caturanom", "Desa"),
    ("Dangkel", "Desa"),
    ("Nglondong", "Desa"),
    ("Traji", "Desa"),
    ("Tegalroso", "Desa"),
    ("Bagusan", "Desa"),
    ("Campursari", "Desa"),
    ("Ringinanom", "Desa"),
    ("Mandisari", "Desa"),
    ("Parakan Kauman", "Kelurahan"),
    ("Parakan Wetan", "Kelurahan"),
    ("Sunggingsari", "Desa"),
    ("Wanutengah", "Desa"),
    ("Watukumpul", "Desa"),
    ("Glapansari", "Desa"),
    ("Depokharjo", "Desa"),
]
DESA = [name for name, kind in WILAYAH if kind == "Desa"]
KELURAHAN = [name for name, kind in WILAYAH if kind == "Kelurahan"]

LOK_KEC = "Kecamatan Parakan"
LOK_DESA = "14 Desa se-Kecamatan Parakan"
LOK_KEL = "Kel. Parakan Kauman, Kel. Parakan Wetan"

# --------------------------------------------------------------------------- the plan

# Sub kegiatan of 2026: code -> (target, amount n, amount n+1, lokasi, sumber dana, kebutuhan
# dana T-C.31 or None = the pagu, kelompok sasaran, catatan penting).
SUBS: list[tuple[str, int, int, int, str, str, int | None, str, str]] = [
    ("X.XX.01.2.01.01", 3, 7_850_000, 8_250_000, LOK_KEC, "DAU", None, "Aparatur Kecamatan", ""),
    ("X.XX.01.2.01.02", 2, 3_450_000, 3_600_000, LOK_KEC, "DAU", None, "Aparatur Kecamatan", ""),
    ("X.XX.01.2.01.06", 5, 4_275_000, 4_500_000, LOK_KEC, "DAU", None, "Aparatur Kecamatan", ""),
    ("X.XX.01.2.02.01", 36, 2_684_352_000, 2_818_570_000, LOK_KEC, "DAU", None, "ASN Kecamatan", "Belanja Pegawai"),
    ("X.XX.01.2.02.02", 12, 21_600_000, 22_680_000, LOK_KEC, "DAU", None, "ASN Kecamatan", ""),
    ("X.XX.01.2.02.05", 1, 2_950_000, 3_100_000, LOK_KEC, "DAU", None, "Aparatur Kecamatan", ""),
    ("X.XX.01.2.02.07", 12, 4_800_000, 5_040_000, LOK_KEC, "DAU", None, "Aparatur Kecamatan", ""),
    ("X.XX.01.2.05.02", 36, 16_200_000, 17_010_000, LOK_KEC, "PAD", None, "ASN Kecamatan", ""),
    ("X.XX.01.2.06.01", 1, 5_250_000, 5_500_000, LOK_KEC, "PAD", None, "Aparatur Kecamatan", ""),
    ("X.XX.01.2.06.02", 1, 11_480_000, 12_050_000, LOK_KEC, "PAD", None, "Aparatur Kecamatan", ""),
    ("X.XX.01.2.06.04", 1, 24_635_000, 25_860_000, LOK_KEC, "PAD", None, "Aparatur Kecamatan", ""),
    ("X.XX.01.2.06.05", 1, 13_920_000, 14_600_000, LOK_KEC, "PAD", None, "Aparatur Kecamatan", ""),
    ("X.XX.01.2.06.09", 12, 41_760_000, 43_850_000, LOK_KEC, "PAD", 48_000_000, "Aparatur Kecamatan", ""),
    ("X.XX.01.2.07.06", 4, 27_300_000, 30_000_000, LOK_KEC, "DAU", None, "Aparatur Kecamatan", "Belanja Modal"),
    ("X.XX.01.2.08.02", 12, 52_800_000, 55_440_000, LOK_KEC, "DAU", None, "Aparatur Kecamatan", ""),
    ("X.XX.01.2.08.04", 12, 138_600_000, 145_530_000, LOK_KEC, "DAU", None, "Aparatur Kecamatan", ""),
    ("X.XX.01.2.09.02", 7, 42_350_000, 44_470_000, LOK_KEC, "PAD", None, "Aparatur Kecamatan", ""),
    ("X.XX.01.2.09.06", 18, 10_800_000, 11_340_000, LOK_KEC, "PAD", None, "Aparatur Kecamatan", ""),
    (
        "X.XX.01.2.09.09",
        1,
        56_500_000,
        60_000_000,
        LOK_KEC,
        "DAU",
        85_000_000,
        "Aparatur Kecamatan",
        "Rehab atap pendopo",
    ),
    ("7.01.02.2.01.02", 4, 23_450_000, 24_600_000, LOK_KEC, "DAU", None, "Aparatur Kecamatan dan Desa", ""),
    ("7.01.02.2.02.03", 12, 31_200_000, 32_760_000, LOK_KEC, "DAU", None, "Masyarakat pengguna layanan", "PATEN"),
    ("7.01.02.2.04.03", 12, 14_650_000, 15_380_000, LOK_KEC, "DAU", None, "Masyarakat", ""),
    ("7.01.03.2.01.01", 14, 13_300_000, 13_960_000, LOK_DESA, "DAU", None, "Lembaga Kemasyarakatan Desa", ""),
    ("7.01.03.2.01.03", 4, 17_850_000, 18_740_000, LOK_DESA, "DAU", None, "Pokmas dan Kader Desa", ""),
    ("7.01.03.2.02.02", 4, 385_000_000, 400_000_000, LOK_KEL, "DAU", 520_000_000, "Warga Kelurahan", "Dana Kelurahan"),
    ("7.01.03.2.02.03", 12, 102_400_000, 107_520_000, LOK_KEL, "DAU", None, "Pokmas/Ormas Kelurahan", "Dana Kelurahan"),
    (
        "7.01.03.2.06.03",
        40,
        9_600_000,
        10_080_000,
        "Desa Traji, Desa Watukumpul",
        "DAU",
        None,
        "Keluarga rawan pangan",
        "",
    ),
    ("7.01.04.2.01.01", 12, 21_480_000, 22_550_000, LOK_KEC, "DAU", None, "Forkopimcam", ""),
    ("7.01.04.2.01.02", 4, 10_240_000, 10_750_000, LOK_KEC, "DAU", None, "Tokoh Agama dan Tokoh Masyarakat", ""),
    ("7.01.05.2.01.01", 160, 12_800_000, 13_440_000, LOK_KEC, "DAU", None, "Pelajar, Pemuda dan Ormas", ""),
    ("7.01.05.2.01.08", 12, 26_400_000, 27_720_000, LOK_KEC, "DAU", None, "Forkopimcam", ""),
    ("7.01.06.2.01.01", 14, 7_700_000, 8_080_000, LOK_DESA, "DAU", None, "Pemerintah Desa dan BPD", ""),
    ("7.01.06.2.01.02", 14, 11_200_000, 11_760_000, LOK_DESA, "DAU", None, "Pemerintah Desa", ""),
    ("7.01.06.2.01.03", 28, 15_400_000, 16_170_000, LOK_DESA, "DAU", None, "Pemerintah Desa", ""),
    ("7.01.06.2.01.13", 14, 9_800_000, 10_290_000, LOK_DESA, "DAU", None, "Pemerintah Desa dan LKD", ""),
]

# Indicators of programs and kegiatan (authors write these; the nomenclature has none):
# code -> (indicator, target n, target n+1).
PARENT_INDICATORS: dict[str, tuple[str, str, str]] = {
    "7.01.01": ("Persentase Layanan Penunjang Urusan Pemerintahan Kecamatan yang Terpenuhi", "100%", "100%"),
    "7.01.01.2.01": ("Persentase Dokumen Perencanaan dan Laporan Kinerja yang Tersusun Tepat Waktu", "100%", "100%"),
    "7.01.01.2.02": ("Persentase Pemenuhan Administrasi Keuangan Perangkat Daerah", "100%", "100%"),
    "7.01.01.2.05": ("Persentase Pemenuhan Administrasi Kepegawaian Perangkat Daerah", "100%", "100%"),
    "7.01.01.2.06": ("Persentase Pemenuhan Kebutuhan Administrasi Umum Perkantoran", "100%", "100%"),
    "7.01.01.2.07": ("Persentase Pemenuhan Kebutuhan Sarana dan Prasarana Kantor", "100%", "100%"),
    "7.01.01.2.08": ("Persentase Pemenuhan Jasa Penunjang Operasional Kantor", "100%", "100%"),
    "7.01.01.2.09": ("Persentase Barang Milik Daerah dalam Kondisi Baik", "92%", "93%"),
    "7.01.02": ("Indeks Kepuasan Masyarakat (IKM) terhadap Pelayanan Kecamatan", "83,00", "83,50"),
    "7.01.02.2.01": ("Persentase Kegiatan Pemerintahan di Tingkat Kecamatan yang Terkoordinasi", "100%", "100%"),
    "7.01.02.2.02": ("Persentase Layanan PATEN yang Diselesaikan Sesuai Standar Pelayanan", "97%", "98%"),
    "7.01.02.2.04": ("Persentase Kewenangan Bupati yang Dilimpahkan yang Terlaksana", "100%", "100%"),
    "7.01.03": ("Persentase Desa dan Kelurahan dengan Lembaga Kemasyarakatan Aktif", "100%", "100%"),
    "7.01.03.2.01": ("Persentase Desa yang Difasilitasi dalam Pemberdayaan Masyarakat", "100%", "100%"),
    "7.01.03.2.02": ("Persentase Usulan Prioritas Kelurahan yang Terealisasi", "85%", "87%"),
    "7.01.03.2.06": ("Persentase Keluarga Sasaran yang Dibina dalam Pemberdayaan Keluarga", "100%", "100%"),
    "7.01.04": ("Persentase Gangguan Ketenteraman dan Ketertiban Umum yang Tertangani", "95%", "95%"),
    "7.01.04.2.01": ("Persentase Rapat Koordinasi Trantibum yang Ditindaklanjuti", "100%", "100%"),
    "7.01.05": ("Persentase Potensi Konflik Sosial yang Tertangani", "100%", "100%"),
    "7.01.05.2.01": ("Persentase Kegiatan Pemerintahan Umum yang Terlaksana", "100%", "100%"),
    "7.01.06": ("Persentase Desa yang Menetapkan APBDes Tepat Waktu", "100%", "100%"),
    "7.01.06.2.01": ("Persentase Desa yang Difasilitasi dalam Pembinaan dan Pengawasan", "100%", "100%"),
}

# T-C.29: the sub kegiatan of 2024 (the 2026 set without 7.01.01.2.07.06, with Pengadaan Mebel),
# 2024 target, 2024 realisation and 2025 target. Two fall short of their 2024 target.
TC29_SUBS: dict[str, tuple[int, int, int]] = {
    "X.XX.01.2.01.01": (3, 3, 3),
    "X.XX.01.2.01.02": (2, 2, 2),
    "X.XX.01.2.01.06": (5, 5, 5),
    "X.XX.01.2.02.01": (35, 35, 36),
    "X.XX.01.2.02.02": (12, 12, 12),
    "X.XX.01.2.02.05": (1, 1, 1),
    "X.XX.01.2.02.07": (12, 12, 12),
    "X.XX.01.2.05.02": (35, 35, 36),
    "X.XX.01.2.06.01": (1, 1, 1),
    "X.XX.01.2.06.02": (1, 1, 1),
    "X.XX.01.2.06.04": (1, 1, 1),
    "X.XX.01.2.06.05": (1, 1, 1),
    "X.XX.01.2.06.09": (12, 12, 12),
    "X.XX.01.2.07.05": (6, 6, 4),
    "X.XX.01.2.08.02": (12, 12, 12),
    "X.XX.01.2.08.04": (12, 12, 12),
    "X.XX.01.2.09.02": (7, 7, 7),
    "X.XX.01.2.09.06": (16, 16, 18),
    "X.XX.01.2.09.09": (1, 1, 1),
    "7.01.02.2.01.02": (4, 4, 4),
    "7.01.02.2.02.03": (12, 12, 12),
    "7.01.02.2.04.03": (12, 12, 12),
    "7.01.03.2.01.01": (14, 14, 14),
    "7.01.03.2.01.03": (4, 3, 4),
    "7.01.03.2.02.02": (3, 3, 4),
    "7.01.03.2.02.03": (10, 10, 12),
    "7.01.03.2.06.03": (40, 40, 40),
    "7.01.04.2.01.01": (12, 12, 12),
    "7.01.04.2.01.02": (4, 4, 4),
    "7.01.05.2.01.01": (150, 150, 160),
    "7.01.05.2.01.08": (12, 12, 12),
    "7.01.06.2.01.01": (14, 14, 14),
    "7.01.06.2.01.02": (14, 14, 14),
    "7.01.06.2.01.03": (28, 26, 28),
    "7.01.06.2.01.13": (14, 14, 14),
}
# Parents of T-C.29 whose 2024 realisation fell short because of those two sub kegiatan.
TC29_SHORT = {"7.01.03": "98,21", "7.01.03.2.01": "87,50", "7.01.06": "98,21", "7.01.06.2.01": "98,21"}

# Units that are counted per year (the Renstra target is the sum over 2024-2026).
RATE_UNITS = {"orang/bulan"}


# --------------------------------------------------------------------------- small helpers


_ONES = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"]


def words(n: int) -> str:
    """Indonesian number words: 3512 -> 'tiga ribu lima ratus dua belas'."""
    if n < 12:
        return _ONES[n] or "nol"
    if n < 20:
        return f"{_ONES[n - 10]} belas"
    if n < 100:
        tens, ones = divmod(n, 10)
        return f"{_ONES[tens]} puluh" + (f" {_ONES[ones]}" if ones else "")
    if n < 200:
        return "seratus" + (f" {words(n - 100)}" if n > 100 else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} ratus" + (f" {words(rest)}" if rest else "")
    if n < 2000:
        return "seribu" + (f" {words(n - 1000)}" if n > 1000 else "")
    for size, name in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu")):
        if n >= size:
            head, rest = divmod(n, size)
            return f"{words(head)} {name}" + (f" {words(rest)}" if rest else "")
    raise ValueError(n)


def counted(n: int, noun: str) -> str:
    return f"{n} ({words(n)}) {noun}"


def pct(value: float) -> str:
    """92.857 -> '92,86'; 100.0 -> '100' (the office's rounding: two decimals, comma)."""
    rounded = round(value, 2)
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.2f}".replace(".", ",")


def rp(value: int) -> str:
    return "Rp" + rupiah(value, ".")


def program_title(name: str) -> str:
    """PROGRAM PENUNJANG URUSAN ... -> Program Penunjang Urusan ..., as lists write programs."""
    return title_case(name, {"dan", "di", "yang", "atau", "dengan", "ke", "pada", "dalam"})


def unit_of(line: Official) -> str:
    return (line.satuan or "").lower()


# --------------------------------------------------------------------------- budget


def budget() -> Budget:
    nom = nomenclature(PLAN_YEAR)
    plan = Budget(nom, HEAD)
    for code, target, amount, amount_next, lokasi, sumber, kebutuhan, sasaran, catatan in SUBS:
        plan.add(
            code,
            amount,
            amount_next,
            target=target,
            lokasi=lokasi,
            sumber=sumber,
            kebutuhan=amount if kebutuhan is None else kebutuhan,
            sasaran=sasaran,
            catatan=catatan,
        )
    return plan


def tree_rows(plan: Budget) -> list[dict[str, Any]]:
    """Program/kegiatan/sub kegiatan lines with everything the tables print."""
    out: list[dict[str, Any]] = []
    lines = list(plan.tree())
    for line in lines:
        o = line.official
        row: dict[str, Any] = {
            "code": o.code,
            "level": o.level,
            "name": o.name,
            "amount": line.amount,
            "amount_next": line.amount_next,
        }
        if o.level == "sub_kegiatan":
            unit = unit_of(o)
            row.update(
                indicator=o.indikator,
                target=f"{line.extra['target']} {unit}",
                target_next=f"{line.extra['target']} {unit}",
                lokasi=line.extra["lokasi"],
                sumber=line.extra["sumber"],
                kebutuhan=line.extra["kebutuhan"],
                sasaran=line.extra["sasaran"],
                catatan=line.extra["catatan"],
            )
        else:
            indicator, target, target_next = PARENT_INDICATORS[o.code]
            members = [s for s in plan.subs if s.official.code.startswith(o.code + ".")]
            lokasi = {m.extra["lokasi"] for m in members}
            sumber = sorted({m.extra["sumber"] for m in members})
            row.update(
                indicator=indicator,
                target=target,
                target_next=target_next,
                lokasi=lokasi.pop() if len(lokasi) == 1 else LOK_KEC,
                sumber=", ".join(sumber),
                kebutuhan=sum(m.extra["kebutuhan"] for m in members),
                sasaran=_parent_sasaran(members),
                catatan="",
            )
        out.append(row)
    return out


def _parent_sasaran(members: list[Line]) -> str:
    values = [m.extra["sasaran"] for m in members]
    return values[0] if len(set(values)) == 1 else "Aparatur dan Masyarakat"


def code_written(code: str, four: bool) -> str:
    return four_digit(code) if four else code


# --------------------------------------------------------------------------- tables


def table_wilayah(rng: random.Random) -> dict[str, Any]:
    luas = [1.46, 1.38, 1.05, 2.09, 1.33, 1.21, 1.02, 1.46, 1.69, 1.63, 1.04, 1.22, 1.41, 1.26, 1.87, 1.12]
    rows = []
    totals = [0, 0, 0, 0, 0]
    total_luas = 0
    for i, ((name, kind), area) in enumerate(zip(WILAYAH, luas), start=1):
        rw = rng.randint(3, 9) if kind == "Desa" else rng.randint(8, 12)
        rt = rw * rng.randint(3, 5)
        male = rng.randint(1450, 3300) if kind == "Desa" else rng.randint(3900, 4800)
        female = male + rng.randint(-60, 140)
        totals = [totals[0] + rw, totals[1] + rt, totals[2] + male, totals[3] + female, totals[4] + male + female]
        total_luas += round(area * 100)
        rows.append(
            {
                "level": "other",
                "code": None,
                "cells": {
                    "no": str(i),
                    "nama": name,
                    "status": kind,
                    "luas": pct(area),
                    "rw": str(rw),
                    "rt": str(rt),
                    "laki": rupiah(male),
                    "perempuan": rupiah(female),
                    "jumlah": rupiah(male + female),
                },
            }
        )
    rows.append(
        {
            "level": "total",
            "code": None,
            "cells": {
                "nama": "JUMLAH",
                "luas": pct(total_luas / 100),
                "rw": str(totals[0]),
                "rt": str(totals[1]),
                "laki": rupiah(totals[2]),
                "perempuan": rupiah(totals[3]),
                "jumlah": rupiah(totals[4]),
            },
        }
    )
    return (
        {
            "kind": "other",
            "caption": [
                "Tabel 1.1",
                "Luas Wilayah, Jumlah RW/RT dan Jumlah Penduduk per Desa/Kelurahan",
                "Kecamatan Parakan Tahun 2024",
            ],
            "columns": [
                col("no", 0.8, "center"),
                col("nama", 3.2),
                col("status", 1.8),
                col("luas", 1.5, "center"),
                col("rw", 1.1, "center"),
                col("rt", 1.1, "center"),
                col("laki", 1.8, "right"),
                col("perempuan", 1.8, "right"),
                col("jumlah", 1.9, "right"),
            ],
            "header": [
                [
                    h("No", 2),
                    h("Desa/Kelurahan", 2),
                    h("Status", 2),
                    h("Luas (km²)", 2),
                    h("Jumlah", 1, 2),
                    h("Jumlah Penduduk (jiwa)", 1, 3),
                ],
                [h("RW"), h("RT"), h("Laki-laki"), h("Perempuan"), h("Jumlah")],
            ],
            "rows": rows,
        },
        totals,
        total_luas,
    )


def table_tc29(nom) -> dict[str, Any]:
    subs = {official(nom, c, HEAD).code: (official(nom, c, HEAD), v) for c, v in TC29_SUBS.items()}
    codes: set[str] = set()
    for code in subs:
        parts = code.split(".")
        codes |= {".".join(parts[:3]), ".".join(parts[:5]), code}
    rows = []
    for code in sorted(codes):
        o = official(nom, code, HEAD)
        cells: dict[str, Any] = {"code": code, "name": o.name}
        if o.level == "sub_kegiatan":
            _, (t24, r24, t25) = subs[code]
            unit = unit_of(o)
            renstra = t25 if unit in RATE_UNITS else t24 + t25 + _target_2026(code, t25)
            capaian = t25 if unit in RATE_UNITS else r24 + t25
            cells.update(
                indicator=o.indikator,
                target_renstra=str(renstra),
                target_renstra_unit=unit,
                realisasi_n3="-",
                realisasi_n3_unit="-",
                target_n2=str(t24),
                target_n2_unit=unit,
                realisasi_n2=str(r24),
                realisasi_n2_unit=unit,
                tingkat_realisasi=pct(r24 / t24 * 100) + "%",
                target_n1=str(t25),
                target_n1_unit=unit,
                realisasi_capaian=str(capaian),
                tingkat_capaian=pct(capaian / renstra * 100) + "%",
            )
        else:
            indicator, target, _ = PARENT_INDICATORS[code]
            real = TC29_SHORT.get(code)
            if target.endswith("%"):
                value = target.rstrip("%")
                unit = "%"
            else:
                value, unit = target, "indeks"
            r24 = real or value
            if code == "7.01.02":
                target_n2, r24, target_n1 = "82,00", "82,64", "82,50"
            elif code == "7.01.01.2.09":
                target_n2, r24, target_n1 = "90", "90", "91"
            else:
                target_n2, target_n1 = value, value
            tingkat = pct(_num(r24) / _num(target_n2) * 100)
            cells.update(
                indicator=indicator,
                target_renstra=value,
                target_renstra_unit=unit,
                realisasi_n3="-",
                realisasi_n3_unit="-",
                target_n2=target_n2,
                target_n2_unit=unit,
                realisasi_n2=r24,
                realisasi_n2_unit=unit,
                tingkat_realisasi=tingkat + "%",
                target_n1=target_n1,
                target_n1_unit=unit,
                realisasi_capaian=r24,
                tingkat_capaian=pct(_num(r24) / _num(value) * 100) + "%",
            )
        rows.append({"level": o.level, "code": code, "cells": cells})
    return {
        "kind": "T-C.29",
        "caption": [
            "Tabel 2.1",
            "T-C.29 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah dan Pencapaian Renstra "
            "Perangkat Daerah s/d Tahun 2024",
            "Kecamatan Parakan Kabupaten Temanggung",
        ],
        "columns": [
            col("code", 2.1),
            col("name", 3.6),
            col("indicator", 4.0),
            col("target_renstra", 0.95, "center"),
            col("target_renstra_unit", 1.3, "center"),
            col("realisasi_n3", 0.85, "center"),
            col("realisasi_n3_unit", 1.0, "center"),
            col("target_n2", 0.95, "center"),
            col("target_n2_unit", 1.3, "center"),
            col("realisasi_n2", 0.95, "center"),
            col("realisasi_n2_unit", 1.3, "center"),
            col("tingkat_realisasi", 1.35, "center"),
            col("target_n1", 0.95, "center"),
            col("target_n1_unit", 1.3, "center"),
            col("realisasi_capaian", 1.45, "center"),
            col("tingkat_capaian", 1.45, "center"),
        ],
        "header": [
            [
                h("Kode", 2),
                h("Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan", 2),
                h("Indikator Kinerja Program (Outcome)/Kegiatan/Sub Kegiatan (Output)", 2),
                h("Target Kinerja Capaian pada Akhir Periode Renstra PD (2026)", 2, 2),
                h("Realisasi Target Kinerja s/d Tahun (n-3) 2023", 2, 2),
                h("Target dan Realisasi Kinerja Tahun Lalu (n-2) 2024", 1, 5),
                h("Target Kinerja Tahun (n-1) 2025 (Renja PD Tahun Berjalan)", 2, 2),
                h("Perkiraan Realisasi Capaian Target Renstra PD s/d Tahun 2025", 1, 2),
            ],
            [
                h("Target Renja PD Tahun (n-2)", 1, 2),
                h("Realisasi Renja PD Tahun (n-2)", 1, 2),
                h("Tingkat Realisasi (%)"),
                h("Realisasi Capaian s/d Tahun Berjalan (n-1)"),
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
            "8 = (7/6) x 100%",
            "9",
            "",
            "10 = (5+7+9)",
            "11 = (10/4) x 100%",
        ],
        "rows": rows,
    }


def _target_2026(code: str, t25: int) -> int:
    for c, target, *_ in SUBS:
        if c == code or official(nomenclature(PLAN_YEAR), c, HEAD).code == code:
            return target
    return t25


def _num(text: str) -> float:
    return float(text.replace(",", "."))


TC30_ROWS = [
    (
        "Indeks Kepuasan Masyarakat (IKM) terhadap Pelayanan Kecamatan",
        "-",
        "-",
        ("82,00", "82,50", "83,00"),
        ("82,64", "82,90"),
        ("83,00", "83,50"),
        "Tercapai; perlu perbaikan unsur waktu layanan",
    ),
    (
        "Persentase Layanan PATEN yang Diselesaikan Sesuai Standar Pelayanan",
        "Standar Pelayanan PATEN",
        "-",
        ("95%", "96%", "97%"),
        ("95,80%", "96,20%"),
        ("97%", "98%"),
        "Tercapai",
    ),
    (
        "Persentase Desa yang Menetapkan APBDes Tepat Waktu",
        "-",
        "IKK Kecamatan",
        ("85,71%", "92,86%", "100%"),
        ("85,71%", "92,86%"),
        ("100%", "100%"),
        "2 desa terlambat pada 2024, 1 desa pada 2025",
    ),
    (
        "Persentase Gangguan Ketenteraman dan Ketertiban Umum yang Tertangani",
        "SPM Trantibum",
        "-",
        ("90%", "92%", "95%"),
        ("91,30%", "92%"),
        ("95%", "95%"),
        "Tercapai",
    ),
]


def table_tc30() -> dict[str, Any]:
    rows = []
    for i, (indicator, spm, ikk, targets, real, proj, note) in enumerate(TC30_ROWS, start=1):
        rows.append(
            {
                "level": "other",
                "code": None,
                "cells": {
                    "no": str(i),
                    "indicator": indicator,
                    "spm": spm,
                    "ikk": ikk,
                    "target_2024": targets[0],
                    "target_2025": targets[1],
                    "target_2026": targets[2],
                    "realisasi_2024": real[0],
                    "realisasi_2025": real[1],
                    "proyeksi_2026": proj[0],
                    "proyeksi_2027": proj[1],
                    "catatan": note,
                },
            }
        )
    years = ["2024", "2025", "2026"]
    return {
        "kind": "T-C.30",
        "caption": [
            "Tabel 2.2",
            "T-C.30 Pencapaian Kinerja Pelayanan Perangkat Daerah Kecamatan Parakan Kabupaten Temanggung",
        ],
        "columns": [
            col("no", 0.8, "center"),
            col("indicator", 5.6),
            col("spm", 2.4),
            col("ikk", 1.8),
            *[col(f"target_{y}", 1.55, "center") for y in years],
            col("realisasi_2024", 1.55, "center"),
            col("realisasi_2025", 1.55, "center"),
            col("proyeksi_2026", 1.55, "center"),
            col("proyeksi_2027", 1.55, "center"),
            col("catatan", 3.9),
        ],
        "header": [
            [
                h("No", 2),
                h("Indikator Kinerja Tujuan/Sasaran Renstra PD", 2),
                h("SPM/Standar Nasional", 2),
                h("IKK", 2),
                h("Target Renstra Perangkat Daerah Tahun ke-", 1, 3),
                h("Realisasi Capaian Tahun ke-", 1, 2),
                h("Proyeksi Tahun ke-", 1, 2),
                h("Catatan Analisis", 2),
            ],
            [h(y) for y in years] + [h("2024"), h("2025"), h("2026"), h("2027")],
        ],
        "number_row": [str(i) for i in range(1, 13)],
        "rows": rows,
    }


PATEN_SERVICES = [
    ("Pengantar Kartu Keluarga (KK) baru dan perubahan", 95, 160),
    ("Perekaman dan pengantar cetak KTP Elektronik", 60, 140),
    ("Pengantar Akta Kelahiran", 45, 95),
    ("Pengantar Akta Kematian", 12, 40),
    ("Surat Keterangan Pindah/Datang antar Kabupaten", 15, 38),
    ("Legalisasi dokumen kependudukan", 70, 130),
    ("Rekomendasi izin keramaian", 4, 22),
    ("Surat Keterangan Ahli Waris", 8, 26),
    ("Surat Keterangan Tidak Mampu (SKTM)", 20, 65),
    ("Fasilitasi Nomor Induk Berusaha (NIB) usaha mikro melalui OSS", 10, 45),
    ("Legalisasi proposal, surat keterangan dan surat lainnya", 25, 60),
]
MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
MONTH_KEYS = ["jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt", "nov", "des"]


def paten_counts(rng: random.Random) -> list[list[int]]:
    return [[rng.randint(lo, hi) for _ in MONTHS] for _, lo, hi in PATEN_SERVICES]


def table_paten(counts: list[list[int]]) -> dict[str, Any]:
    rows = []
    for i, ((name, _, _), values) in enumerate(zip(PATEN_SERVICES, counts), start=1):
        cells = {
            "no": f"{i}.",
            "jenis": name,
            **{k: rupiah(v) for k, v in zip(MONTH_KEYS, values)},
            "jumlah": rupiah(sum(values)),
        }
        rows.append({"level": "other", "code": None, "cells": cells})
    column_sums = [sum(c[m] for c in counts) for m in range(12)]
    rows.append(
        {
            "level": "total",
            "code": None,
            "cells": {
                "jenis": "JUMLAH",
                **{k: rupiah(v) for k, v in zip(MONTH_KEYS, column_sums)},
                "jumlah": rupiah(sum(column_sums)),
            },
        }
    )
    return {
        "kind": "other",
        "caption": [
            "Tabel II.3",
            "Rekapitulasi Layanan Administrasi Terpadu Kecamatan (PATEN) Kecamatan Parakan Tahun 2024",
        ],
        "columns": [
            col("no", 0.8, "center"),
            col("jenis", 6.2),
            *[col(k, 1.32, "center") for k in MONTH_KEYS],
            col("jumlah", 1.6, "center"),
        ],
        "header": [
            [h("No", 2), h("Jenis Layanan", 2), h("Jumlah Layanan per Bulan", 1, 12), h("Jumlah", 2)],
            [h(m) for m in MONTHS],
        ],
        "rows": rows,
    }


def table_tc31(lines: list[dict[str, Any]]) -> dict[str, Any]:
    rows = []
    for ln in lines:
        cells = {
            "code": code_written(ln["code"], True),
            "name": ln["name"],
            "lokasi": ln["lokasi"],
            "indicator": ln["indicator"],
            "target": ln["target"],
            "pagu": ln["amount"],
            "name_kebutuhan": ln["name"],
            "lokasi_kebutuhan": ln["lokasi"],
            "indicator_kebutuhan": ln["indicator"],
            "target_kebutuhan": ln["target"],
            "kebutuhan_dana": ln["kebutuhan"],
        }
        if ln["kebutuhan"] != ln["amount"] and ln["level"] == "sub_kegiatan":
            cells["catatan"] = "Kebutuhan belum terakomodir seluruhnya dalam pagu indikatif"
        rows.append({"level": ln["level"], "code": ln["code"], "cells": cells})
    total = sum(ln["amount"] for ln in lines if ln["level"] == "program")
    need = sum(ln["kebutuhan"] for ln in lines if ln["level"] == "program")
    rows.append({"level": "total", "code": None, "cells": {"name": "JUMLAH", "pagu": total, "kebutuhan_dana": need}})
    return {
        "kind": "T-C.31",
        "caption": [
            "Tabel 2.4",
            "T-C.31 Review terhadap Rancangan Awal RKPD Tahun 2026 Kabupaten Temanggung",
            "Perangkat Daerah: Kecamatan Parakan",
        ],
        "columns": [
            col("code", 2.35),
            col("name", 2.9),
            col("lokasi", 1.75),
            col("indicator", 3.1),
            col("target", 1.45, "center"),
            col("pagu", 2.0, "right"),
            col("name_kebutuhan", 2.9),
            col("lokasi_kebutuhan", 1.75),
            col("indicator_kebutuhan", 3.1),
            col("target_kebutuhan", 1.45, "center"),
            col("kebutuhan_dana", 2.0, "right"),
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
    items = [
        (
            "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa",
            "Desa Mandisari, Desa Caturanom",
            "Jumlah lembaga kemasyarakatan yang berpartisipasi",
            "2 lembaga",
            "Diakomodir pada sub kegiatan 7.01.03.2.01.0001",
        ),
        (
            "Pemberdayaan Masyarakat di Kelurahan (pelatihan pengolahan kopi dan tembakau rakyat)",
            "Kel. Parakan Wetan",
            "Jumlah pokmas yang dilatih",
            "3 pokmas",
            "Diakomodir pada sub kegiatan 7.01.03.2.02.0003",
        ),
        (
            "Rehabilitasi atap pendopo kantor kecamatan",
            "Kecamatan Parakan",
            "Jumlah gedung yang direhabilitasi",
            "1 unit",
            "Diakomodir sebagian pada sub kegiatan 7.01.01.2.09.0009",
        ),
        (
            "Pembangunan talud jalan lingkungan",
            "Desa Glapansari",
            "Panjang talud yang terbangun",
            "120 m",
            "Bukan kewenangan kecamatan; diteruskan ke DPUPR melalui Musrenbang Kecamatan",
        ),
    ]
    rows = [
        {
            "level": "other",
            "code": None,
            "cells": {"no": str(i), "name": a, "lokasi": b, "indicator": c, "besaran": d, "catatan": e},
        }
        for i, (a, b, c, d, e) in enumerate(items, start=1)
    ]
    return {
        "kind": "T-C.32",
        "caption": [
            "Tabel 2.5",
            "T-C.32 Usulan Program/Kegiatan/Sub Kegiatan dari Para Pemangku Kepentingan Tahun 2026",
            "Kecamatan Parakan Kabupaten Temanggung",
        ],
        "columns": [
            col("no", 0.8, "center"),
            col("name", 4.6),
            col("lokasi", 2.4),
            col("indicator", 3.2),
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
        "rows": rows,
    }


TUJUAN = (
    "Meningkatnya Kualitas Pelayanan Publik dan Penyelenggaraan Pemerintahan di Kecamatan Parakan",
    TC30_ROWS[0][0],
    "Nilai rata-rata tertimbang unsur layanan hasil Survei Kepuasan Masyarakat (SKM) terhadap layanan Kecamatan",
    "83,00",
)
SASARAN = [
    (
        "Meningkatnya Kualitas Layanan Administrasi Terpadu Kecamatan",
        TC30_ROWS[1][0],
        "(Jumlah layanan PATEN yang selesai sesuai standar pelayanan : jumlah seluruh layanan PATEN) x 100%",
        "97%",
    ),
    (
        "Meningkatnya Tertib Penyelenggaraan Pemerintahan Desa",
        TC30_ROWS[2][0],
        "(Jumlah desa yang menetapkan APBDes paling lambat 31 Desember : 14 desa) x 100%",
        "100%",
    ),
    (
        "Terjaganya Ketenteraman dan Ketertiban Umum di Wilayah Kecamatan",
        TC30_ROWS[3][0],
        "(Jumlah gangguan trantibum yang tertangani : jumlah gangguan trantibum yang dilaporkan) x 100%",
        "95%",
    ),
]


def table_tujuan() -> dict[str, Any]:
    tujuan, indicator, formula, target = TUJUAN
    return {
        "kind": "Tabel 3.2",
        "caption": ["Tabel 3.1", "Tujuan, Indikator Tujuan dan Target Kinerja Kecamatan Parakan Tahun 2026"],
        "columns": [
            col("no", 0.8, "center"),
            col("tujuan", 4.4),
            col("indicator", 4.2),
            col("formula", 5.0),
            col("target_2026", 2.2, "center"),
        ],
        "header": [[h("No"), h("Tujuan"), h("Indikator Tujuan"), h("Formulasi Perhitungan"), h("Target Tahun 2026")]],
        "rows": [
            {
                "level": "other",
                "code": None,
                "cells": {
                    "no": "1",
                    "tujuan": tujuan,
                    "indicator": indicator,
                    "formula": formula,
                    "target_2026": target,
                },
            }
        ],
    }


def table_sasaran() -> dict[str, Any]:
    rows = [
        {
            "level": "other",
            "code": None,
            "cells": {"no": str(i), "sasaran": s, "indicator": ind, "formula": f, "target_2026": t},
        }
        for i, (s, ind, f, t) in enumerate(SASARAN, start=1)
    ]
    return {
        "kind": "Tabel 3.3",
        "caption": ["Tabel III.2", "Sasaran, Indikator Sasaran dan Target Kinerja Kecamatan Parakan Tahun 2026"],
        "columns": [
            col("no", 0.8, "center"),
            col("sasaran", 4.4),
            col("indicator", 4.2),
            col("formula", 5.0),
            col("target_2026", 2.2, "center"),
        ],
        "header": [[h("No"), h("Sasaran"), h("Indikator Sasaran"), h("Formulasi Perhitungan"), h("Target Tahun 2026")]],
        "rows": rows,
    }


def table_tc33(lines: list[dict[str, Any]], total: int, total_next: int) -> dict[str, Any]:
    rows: list[dict[str, Any]] = [
        {
            "level": "other",
            "code": None,
            "cells": {"code": HEAD, "name": "KECAMATAN", "amount": total, "amount_next": total_next},
        }
    ]
    for ln in lines:
        cells = {
            "code": code_written(ln["code"], True),
            "name": ln["name"],
            "indicator": ln["indicator"],
            "lokasi": ln["lokasi"],
            "target": ln["target"],
            "amount": ln["amount"],
            "sumber_dana": ln["sumber"],
            "target_next": ln["target_next"],
            "amount_next": ln["amount_next"],
        }
        if ln["catatan"]:
            cells["catatan"] = ln["catatan"]
        rows.append({"level": ln["level"], "code": ln["code"], "cells": cells})
    rows.append(
        {"level": "total", "code": None, "cells": {"name": "JUMLAH", "amount": total, "amount_next": total_next}}
    )
    return {
        "kind": "T-C.33",
        "render": "calc",
        "caption": [
            "TABEL 3.3",
            "T-C.33 Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2026 dan Prakiraan Maju Tahun 2027",
            "Kabupaten Temanggung - Perangkat Daerah: Kecamatan Parakan",
        ],
        "columns": [
            col("code", 2.45),
            col("name", 4.3),
            col("indicator", 4.8),
            col("lokasi", 2.2),
            col("target", 1.8, "center"),
            col("amount", 2.35, "right"),
            col("sumber_dana", 1.3, "center"),
            col("catatan", 2.1),
            col("target_next", 1.8, "center"),
            col("amount_next", 2.35, "right"),
        ],
        "header": [
            [
                h("Kode", 2),
                h("Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan", 2),
                h("Indikator Kinerja Program/Kegiatan/Sub Kegiatan", 2),
                h("Rencana Tahun 2026", 1, 4),
                h("Catatan Penting", 2),
                h("Prakiraan Maju Rencana Tahun 2027", 1, 2),
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


def table_t41(lines: list[dict[str, Any]], total: int) -> dict[str, Any]:
    rows = []
    for ln in lines:
        cells = {
            "code": code_written(ln["code"], False),
            "name": ln["name"],
            "indicator": ln["indicator"],
            "target": ln["target"],
            "amount": ln["amount"],
            "sumber_dana": ln["sumber"],
            "lokasi": ln["lokasi"],
            "kelompok_sasaran": ln["sasaran"],
        }
        rows.append({"level": ln["level"], "code": ln["code"], "cells": cells})
    rows.append({"level": "total", "code": None, "cells": {"name": "JUMLAH", "amount": total}})
    return {
        "kind": "Tabel 4.1",
        "caption": ["Tabel IV.1", "Rencana Kerja dan Pendanaan Kecamatan Parakan Tahun 2026"],
        "columns": [
            col("code", 2.2),
            col("name", 5.0),
            col("indicator", 5.5),
            col("target", 2.0, "center"),
            col("amount", 2.6, "right"),
            col("sumber_dana", 1.4, "center"),
            col("lokasi", 2.8),
            col("kelompok_sasaran", 3.0),
        ],
        "header": [
            [
                h("Kode"),
                h("Program/Kegiatan/Sub Kegiatan"),
                h("Indikator Kinerja"),
                h("Target Kinerja Tahun 2026"),
                h("Pagu Indikatif Tahun 2026 (Rp)"),
                h("Sumber Dana"),
                h("Lokasi"),
                h("Kelompok Sasaran"),
            ]
        ],
        "number_row": [str(i) for i in range(1, 9)],
        "rows": rows,
    }


# --------------------------------------------------------------------------- body


def P(text: str) -> dict[str, Any]:
    return {"type": "paragraph", "text": text}


def H(level: int, text: str) -> dict[str, Any]:
    return {"type": "heading", "level": level, "text": text}


def L(*items: str) -> dict[str, Any]:
    return {"type": "list", "items": list(items)}


def T(ref: str) -> dict[str, Any]:
    return {"type": "table", "ref": ref}


def section(orientation: str) -> dict[str, Any]:
    return {"type": "section", "orientation": orientation}


PAGE_BREAK = {"type": "page_break"}

# Headings (number, title) as the document writes them; the contents list them too.
OUTLINE = [
    ("BAB I", "PENDAHULUAN"),
    ("1.1", "Latar Belakang"),
    ("1.2", "Landasan Hukum"),
    ("1.3", "Maksud dan Tujuan"),
    ("1.4", "Sistematika Penulisan"),
    ("BAB II", "EVALUASI PELAKSANAAN RENJA KECAMATAN PARAKAN TAHUN LALU"),
    ("2.1", "Evaluasi Pelaksanaan Renja Tahun Lalu dan Capaian Renstra Kecamatan Parakan"),
    ("2.2", "Analisis Kinerja Pelayanan Kecamatan Parakan"),
    ("2.3", "Isu-Isu Penting Penyelenggaraan Tugas dan Fungsi Kecamatan Parakan"),
    ("2.4", "Review terhadap Rancangan Awal RKPD Kabupaten Temanggung"),
    ("2.5", "Penelaahan Usulan Program dan Kegiatan dari Masyarakat"),
    ("BAB III", "TUJUAN DAN SASARAN KECAMATAN PARAKAN"),
    ("3.1", "Telaahan terhadap Kebijakan Nasional dan Provinsi Jawa Tengah"),
    ("3.2", "Tujuan dan Sasaran Renja Kecamatan Parakan"),
    ("3.3", "Program dan Kegiatan"),
    ("BAB IV", "RENCANA KERJA DAN PENDANAAN KECAMATAN PARAKAN"),
    ("BAB V", "PENUTUP"),
]


def heading(number: str) -> dict[str, Any]:
    title = dict(OUTLINE)[number]
    return H(1 if number.startswith("BAB") else 2, f"{number} {title}")


def body(
    plan: Budget, lines: list[dict[str, Any]], wilayah: tuple[int, ...], luas: int, paten: list[list[int]]
) -> list[dict[str, Any]]:
    total, total_next = plan.total, plan.total_next
    programs = [ln for ln in lines if ln["level"] == "program"]
    kegiatan = [ln for ln in lines if ln["level"] == "kegiatan"]
    subs = [ln for ln in lines if ln["level"] == "sub_kegiatan"]
    pegawai = sum(ln["amount"] for ln in subs if ln["code"].endswith(".2.02.01") and ln["code"].startswith(HEAD))
    modal = sum(ln["amount"] for ln in lines if ln["code"] in ("7.01.01.2.07", "7.01.03.2.02.02"))
    barang = total - pegawai - modal
    rw, rt, male, female, people = wilayah
    paten_total = sum(sum(r) for r in paten)
    paten_top = max(range(len(paten)), key=lambda i: sum(paten[i]))
    months = [sum(r[m] for r in paten) for m in range(12)]
    busiest = max(range(12), key=lambda m: months[m])
    quietest = min(range(12), key=lambda m: months[m])
    tc29_subs = len(TC29_SUBS)

    out: list[dict[str, Any]] = [
        {"type": "section", "orientation": "portrait", "numbering": "none", "header": ""},
        {
            "type": "cover",
            "lines": [
                "PEMERINTAH KABUPATEN TEMANGGUNG",
                "RENCANA KERJA PERANGKAT DAERAH",
                "(RENJA)",
                "KECAMATAN PARAKAN",
                "TAHUN 2026",
                None,
                None,
                "Jalan Letnan Suwarno Nomor 2 Parakan, Temanggung 56254 Telp. (0293) 596038",
            ],
        },
        {"type": "section", "orientation": "portrait", "numbering": "lower_roman", "start": 1},
        H(1, "KATA PENGANTAR"),
        P("Assalamu'alaikum Warahmatullahi Wabarakatuh,"),
        P(
            "Alhamdulillah, puji syukur kami haturkan ke hadirat Allah SWT, karena berkat rahmat dan hidayah-Nya "
            "Rencana Kerja (Renja) Kecamatan Parakan Tahun 2026 dapat kami selesaikan. Renja ini merupakan dokumen "
            "perencanaan tahunan yang memuat program, kegiatan dan sub kegiatan beserta indikator kinerja, target dan "
            "pagu indikatifnya, sebagai penjabaran Rencana Strategis Kecamatan Parakan Tahun 2024–2026 dan pedoman "
            "penyusunan Rencana Kerja dan Anggaran (RKA) Kecamatan Parakan."
        ),
        P(
            "Penyusunan Renja berpedoman pada Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 dan memperhatikan "
            "Rancangan Akhir RKPD Kabupaten Temanggung, hasil Musyawarah Perencanaan Pembangunan (Musrenbang) "
            "Kecamatan Parakan, serta hasil Forum Perangkat Daerah. Kami menyampaikan terima kasih kepada Bappeda "
            "Kabupaten Temanggung, para Kepala Desa dan Lurah, serta seluruh aparatur Kecamatan Parakan yang telah "
            "membantu tersusunnya dokumen ini."
        ),
        P(
            "Kami menyadari bahwa dokumen ini masih jauh dari sempurna. Saran dan masukan yang membangun sangat kami "
            "harapkan untuk penyempurnaan pada tahun-tahun berikutnya."
        ),
        P("Wassalamu'alaikum Warahmatullahi Wabarakatuh."),
        {"type": "signature", "lines": [PLACE_DATE, "CAMAT PARAKAN", None, None, CAMAT, "Pembina Tingkat I", NIP]},
        PAGE_BREAK,
        {"type": "toc", "of": "headings", "title": "DAFTAR ISI", "levels": 2},
        PAGE_BREAK,
        {"type": "toc", "of": "tables", "title": "DAFTAR TABEL"},
        {"type": "toc", "of": "figures", "title": "DAFTAR GAMBAR"},
        {
            "type": "section",
            "orientation": "portrait",
            "numbering": "arabic",
            "start": 1,
            "header": "Rencana Kerja Kecamatan Parakan Tahun 2026",
        },
        heading("BAB I"),
        heading("1.1"),
        P(
            "Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional mengamanatkan setiap "
            "Satuan Kerja Perangkat Daerah menyusun rencana kerja tahunan yang mengacu pada rencana strategisnya dan "
            "pada Rencana Kerja Pemerintah Daerah. Bagi Kecamatan Parakan, Renja menjadi jembatan antara arah "
            "kebijakan lima tahunan dan penganggaran tahunan, sekaligus alat untuk memastikan bahwa setiap rupiah "
            "yang dialokasikan memberi hasil yang dapat diukur bagi masyarakat."
        ),
        P(
            "Kecamatan Parakan sebagai perangkat daerah kewilayahan melaksanakan tugas sebagaimana diatur dalam "
            "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan, yaitu menyelenggarakan urusan pemerintahan "
            "umum, mengoordinasikan kegiatan pemberdayaan masyarakat, ketenteraman dan ketertiban umum, penerapan "
            "peraturan perundang-undangan, pemeliharaan prasarana dan sarana pelayanan umum, penyelenggaraan "
            "kegiatan pemerintahan di tingkat kecamatan, serta membina dan mengawasi penyelenggaraan pemerintahan "
            "desa dan kelurahan. Di samping itu Camat melaksanakan sebagian kewenangan Bupati Temanggung yang "
            "dilimpahkan, antara lain melalui Pelayanan Administrasi Terpadu Kecamatan (PATEN)."
        ),
        P(
            f"Wilayah Kecamatan Parakan seluas {pct(luas / 100)} km² terletak di lereng timur Gunung Sindoro dan "
            f"terbagi atas {counted(len(DESA), 'desa')} dan {counted(len(KELURAHAN), 'kelurahan')}, yaitu Kelurahan "
            f"Parakan Kauman dan Kelurahan Parakan Wetan, dengan {rupiah(rw)} RW dan {rupiah(rt)} RT. Jumlah "
            f"penduduk pada akhir tahun 2024 tercatat {rupiah(people)} jiwa, terdiri atas {rupiah(male)} laki-laki dan "
            f"{rupiah(female)} perempuan. Parakan dikenal sebagai kota pusaka dan pusat perdagangan tembakau serta "
            f"kopi di Kabupaten Temanggung, sehingga kebutuhan layanan administrasi dan perizinan usaha mikro di "
            f"wilayah ini relatif tinggi. Sebaran luas wilayah dan penduduk per desa/kelurahan disajikan pada "
            f"tabel berikut."
        ),
        T("wilayah"),
        P(
            "Susunan organisasi Kecamatan Parakan ditetapkan dengan Peraturan Bupati Temanggung Nomor 79 Tahun 2021, "
            "terdiri atas Camat, Sekretariat Kecamatan, lima seksi dan dua kelurahan sebagaimana gambar berikut."
        ),
        {
            "type": "figure",
            "kind": "org_chart",
            "height": 8,
            "labels": [
                "CAMAT PARAKAN",
                "SEKRETARIS KECAMATAN",
                "Seksi Tata Pemerintahan",
                "Seksi Pemberdayaan Masyarakat dan Desa",
                "Seksi Ketenteraman dan Ketertiban Umum",
                "Seksi Kesejahteraan Sosial",
                "Seksi Pelayanan Umum",
                "Kelurahan Parakan Kauman",
                "Kelurahan Parakan Wetan",
            ],
            "caption": ["Gambar 1.1 Struktur Organisasi Kecamatan Parakan"],
        },
        P(
            "Renja Kecamatan Parakan Tahun 2026 disusun melalui tahapan persiapan, penyusunan rancangan awal, "
            "penyusunan rancangan, pelaksanaan Forum Perangkat Daerah, perumusan rancangan akhir dan penetapan. "
            "Rancangan awal disusun dengan mengacu pada Rancangan Awal RKPD Kabupaten Temanggung Tahun 2026 dan "
            "hasil evaluasi pelaksanaan Renja tahun-tahun sebelumnya, kemudian diselaraskan dengan usulan hasil "
            "Musrenbang Desa/Kelurahan dan Musrenbang Kecamatan Parakan."
        ),
        heading("1.2"),
        P(
            "Penyusunan Renja Kecamatan Parakan Tahun 2026 berlandaskan pada peraturan perundang-undangan sebagai "
            "berikut:"
        ),
        L(
            "1. Undang-Undang Nomor 13 Tahun 1950 tentang Pembentukan Daerah-daerah Kabupaten dalam Lingkungan "
            "Propinsi Jawa Tengah;",
            "2. Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara;",
            "3. Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional;",
            "4. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa kali diubah, "
            "terakhir dengan Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan Pemerintah Pengganti "
            "Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang;",
            "5. Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan "
            "Daerah;",
            "6. Undang-Undang Nomor 59 Tahun 2024 tentang Rencana Pembangunan Jangka Panjang Nasional Tahun 2025–2045;",
            "7. Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan;",
            "8. Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah;",
            "9. Peraturan Presiden Nomor 12 Tahun 2025 tentang Rencana Pembangunan Jangka Menengah Nasional Tahun "
            "2025–2029;",
            "10. Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan, Pengendalian dan "
            "Evaluasi Pembangunan Daerah, Tata Cara Evaluasi Rancangan Peraturan Daerah tentang Rencana Pembangunan "
            "Jangka Panjang Daerah dan Rencana Pembangunan Jangka Menengah Daerah, serta Tata Cara Perubahan Rencana "
            "Pembangunan Jangka Panjang Daerah, Rencana Pembangunan Jangka Menengah Daerah, dan Rencana Kerja "
            "Pemerintah Daerah;",
            "11. Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019 tentang Klasifikasi, Kodefikasi, dan Nomenklatur "
            "Perencanaan Pembangunan dan Keuangan Daerah;",
            "12. Keputusan Menteri Dalam Negeri Nomor 900.1.15.5-1317 Tahun 2023 tentang Perubahan atas Keputusan "
            "Menteri Dalam Negeri Nomor 050-5889 Tahun 2021 tentang Hasil Verifikasi, Validasi dan Inventarisasi "
            "Pemutakhiran Klasifikasi, Kodefikasi dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah;",
            "13. Peraturan Daerah Provinsi Jawa Tengah Nomor 9 Tahun 2016 tentang Pembentukan dan Susunan Perangkat "
            "Daerah Provinsi Jawa Tengah;",
            "14. Peraturan Daerah Provinsi Jawa Tengah Nomor 4 Tahun 2024 tentang Rencana Pembangunan Jangka Panjang "
            "Daerah Provinsi Jawa Tengah Tahun 2025–2045;",
            "15. Peraturan Gubernur Jawa Tengah Nomor 35 Tahun 2025 tentang Rencana Kerja Pemerintah Daerah Provinsi "
            "Jawa Tengah Tahun 2026;",
            "16. Peraturan Daerah Kabupaten Temanggung Nomor 10 Tahun 2016 tentang Pembentukan dan Susunan Perangkat "
            "Daerah Kabupaten Temanggung sebagaimana telah diubah dengan Peraturan Daerah Kabupaten Temanggung "
            "Nomor 7 Tahun 2021;",
            "17. Peraturan Daerah Kabupaten Temanggung Nomor 2 Tahun 2024 tentang Rencana Pembangunan Jangka Panjang "
            "Daerah Kabupaten Temanggung Tahun 2025–2045;",
            "18. Peraturan Daerah Kabupaten Temanggung Nomor 5 Tahun 2025 tentang Rencana Pembangunan Jangka Menengah "
            "Daerah Kabupaten Temanggung Tahun 2025–2029;",
            "19. Peraturan Bupati Temanggung Nomor 79 Tahun 2021 tentang Kedudukan, Susunan Organisasi, Tugas dan "
            "Fungsi serta Tata Kerja Kecamatan;",
            "20. Peraturan Bupati Temanggung Nomor 21 Tahun 2023 tentang Pelimpahan Sebagian Kewenangan Bupati "
            "kepada Camat;",
            "21. Peraturan Bupati Temanggung Nomor 64 Tahun 2023 tentang Rencana Strategis Perangkat Daerah "
            "Kabupaten Temanggung Tahun 2024–2026;",
            "22. Peraturan Bupati Temanggung Nomor 38 Tahun 2025 tentang Rencana Kerja Pemerintah Daerah Kabupaten "
            "Temanggung Tahun 2026.",
        ),
        heading("1.3"),
        P(
            "Renja Kecamatan Parakan Tahun 2026 dimaksudkan sebagai pedoman bagi seluruh unsur Kecamatan Parakan "
            "dalam menyusun RKA, melaksanakan, memantau dan mengevaluasi program dan kegiatan selama tahun 2026."
        ),
        P("Adapun tujuan penyusunan Renja ini adalah:"),
        L(
            "a. menjabarkan tujuan, sasaran dan program Renstra Kecamatan Parakan ke dalam rencana tahunan yang "
            "terukur;",
            "b. menyelaraskan program dan kegiatan Kecamatan Parakan dengan prioritas pembangunan Kabupaten "
            "Temanggung, Provinsi Jawa Tengah dan nasional;",
            "c. menampung aspirasi masyarakat yang disampaikan melalui Musrenbang dan forum pemangku kepentingan;",
            "d. menjadi dasar penilaian kinerja Kecamatan Parakan pada akhir tahun anggaran.",
        ),
        heading("1.4"),
        P(f"Renja Kecamatan Parakan Tahun 2026 disusun dalam {counted(5, 'bab')} dengan sistematika sebagai berikut:"),
        L(
            "BAB I PENDAHULUAN, memuat latar belakang, landasan hukum, maksud dan tujuan serta sistematika penulisan;",
            "BAB II EVALUASI PELAKSANAAN RENJA TAHUN LALU, memuat evaluasi pelaksanaan Renja dan capaian Renstra, "
            "analisis kinerja pelayanan, isu-isu penting, review terhadap rancangan awal RKPD dan penelaahan usulan "
            "masyarakat;",
            "BAB III TUJUAN DAN SASARAN, memuat telaahan kebijakan nasional dan provinsi, tujuan dan sasaran Renja "
            "serta program dan kegiatan;",
            "BAB IV RENCANA KERJA DAN PENDANAAN, memuat program, kegiatan dan sub kegiatan beserta indikator, target "
            "dan pagu indikatifnya;",
            "BAB V PENUTUP, memuat catatan penting, kaidah pelaksanaan dan rencana tindak lanjut.",
        ),
        PAGE_BREAK,
        heading("BAB II"),
        heading("2.1"),
        P(
            "Evaluasi pelaksanaan Renja tahun lalu dilakukan terhadap realisasi kinerja tahun 2024 (n-2), karena "
            "pelaksanaan Renja tahun 2025 masih berjalan pada saat Renja ini disusun. Hasil evaluasi terhadap "
            "pelaksanaan Renja Kecamatan Parakan Tahun 2024 dan perkiraan capaian Renstra Kecamatan Parakan Tahun "
            "2024–2026 sampai dengan tahun 2025 disajikan pada Tabel 2.1 berikut."
        ),
        section("landscape"),
        T("tc29"),
        section("portrait"),
        P(
            f"Dari {counted(tc29_subs, 'sub kegiatan')} yang dilaksanakan pada tahun 2024, sebanyak "
            f"{counted(tc29_subs - 2, 'sub kegiatan')} mencapai target 100% dan {counted(2, 'sub kegiatan')} belum "
            f"mencapai target, yaitu:"
        ),
        L(
            "a. Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan, terealisasi 3 dari 4 "
            "laporan (75%) karena kegiatan monitoring pokmas triwulan IV bergeser ke awal tahun 2025;",
            "b. Fasilitasi Pengelolaan Keuangan Desa dan Pendayagunaan Aset Desa, terealisasi 26 dari 28 dokumen "
            "(92,86%) karena 2 (dua) desa terlambat menyampaikan laporan realisasi APBDes semester II.",
        ),
        P(
            "Kedua sub kegiatan tersebut menjadi perhatian pada tahun 2026 melalui penjadwalan monitoring yang lebih "
            "awal dan pendampingan intensif kepada desa yang pada tahun sebelumnya terlambat, yaitu Desa Tegalroso "
            "dan Desa Wanutengah."
        ),
        heading("2.2"),
        P(
            "Kinerja pelayanan Kecamatan Parakan diukur dengan indikator tujuan dan sasaran Renstra Kecamatan "
            "Parakan Tahun 2024–2026. Perbandingan target dan realisasinya, beserta proyeksi untuk tahun 2026 dan "
            "2027, disajikan pada Tabel 2.2 (format T-C.30)."
        ),
        section("landscape"),
        T("tc30"),
        section("portrait"),
        P(
            "Nilai IKM Kecamatan Parakan tahun 2024 sebesar 82,64 melampaui target 82,00. Unsur layanan yang masih "
            "memperoleh nilai terendah adalah waktu penyelesaian layanan, terutama pada hari pasaran Pahing ketika "
            "jumlah pemohon meningkat. Persentase desa yang menetapkan APBDes tepat waktu baru mencapai 85,71% "
            "(12 dari 14 desa) pada tahun 2024 dan 92,86% pada tahun 2025."
        ),
        heading("2.3"),
        P(
            f"Layanan PATEN merupakan layanan yang paling banyak dimanfaatkan masyarakat. Sepanjang tahun 2024 "
            f"Kecamatan Parakan menerima {rupiah(paten_total)} permohonan layanan, terbanyak pada layanan "
            f"{PATEN_SERVICES[paten_top][0].lower()} ({rupiah(sum(paten[paten_top]))} permohonan). Jumlah permohonan "
            f"tertinggi terjadi pada bulan {MONTHS[busiest]} ({rupiah(months[busiest])} permohonan) dan terendah pada "
            f"bulan {MONTHS[quietest]} ({rupiah(months[quietest])} permohonan). Rincian per bulan disajikan pada "
            f"Tabel II.3."
        ),
        {
            "type": "figure",
            "kind": "bar_chart",
            "height": 7,
            "labels": [m[:3] for m in MONTHS],
            "values": [float(v) for v in months],
            "caption": ["Gambar 2.1 Jumlah Permohonan Layanan PATEN per Bulan Tahun 2024"],
        },
        section("landscape"),
        T("paten"),
        section("portrait"),
        P(
            "Berdasarkan evaluasi kinerja dan kondisi wilayah, isu-isu penting penyelenggaraan tugas dan fungsi "
            "Kecamatan Parakan yang perlu ditangani pada tahun 2026 adalah:"
        ),
        L(
            "1. waktu penyelesaian layanan PATEN pada hari pasaran belum memenuhi standar pelayanan karena "
            "keterbatasan petugas dan perangkat perekaman;",
            "2. masih ada desa yang terlambat menetapkan APBDes dan menyampaikan laporan pertanggungjawaban realisasi "
            "APBDes;",
            "3. kepadatan aktivitas perdagangan tembakau pada musim panen (Juli–September) menimbulkan gangguan "
            "ketertiban lalu lintas dan kebersihan di sekitar Pasar Legi Parakan;",
            "4. kapasitas lembaga kemasyarakatan desa dan kelurahan dalam perencanaan partisipatif belum merata;",
            "5. sarana dan prasarana kantor kecamatan, terutama atap pendopo dan jaringan internet layanan, perlu "
            "pemeliharaan.",
        ),
        heading("2.4"),
        P(
            "Rancangan Awal RKPD Kabupaten Temanggung Tahun 2026 memuat pagu indikatif Kecamatan Parakan untuk "
            f"{counted(len(programs), 'program')}, {counted(len(kegiatan), 'kegiatan')} dan "
            f"{counted(len(subs), 'sub kegiatan')}. Hasil analisis kebutuhan menunjukkan bahwa seluruh program dan "
            "kegiatan dalam rancangan awal telah sesuai dengan tugas dan fungsi Kecamatan Parakan; perbedaan "
            "terdapat pada besaran dana, yaitu kebutuhan Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD, "
            "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya, serta Pembangunan Sarana dan Prasarana "
            "Kelurahan yang lebih besar daripada pagu indikatif."
        ),
        P(
            f"Jumlah pagu indikatif dalam Rancangan Awal RKPD sebesar {rp(total)}, sedangkan kebutuhan dana hasil "
            f"analisis sebesar {rp(sum(ln['kebutuhan'] for ln in programs))}. Selisih kebutuhan tersebut diusulkan "
            "untuk dipenuhi secara bertahap pada tahun berikutnya."
        ),
        section("landscape"),
        T("tc31"),
        section("portrait"),
        heading("2.5"),
        P(
            "Usulan program dan kegiatan dari masyarakat dihimpun melalui Musrenbang Desa/Kelurahan, Musrenbang "
            "Kecamatan Parakan pada bulan Februari 2025 dan Forum Perangkat Daerah. Usulan yang berkaitan dengan "
            "tugas dan fungsi Kecamatan Parakan beserta tindak lanjutnya disajikan pada Tabel 2.5."
        ),
        T("tc32"),
        PAGE_BREAK,
        heading("BAB III"),
        heading("3.1"),
        P(
            "Renja Kecamatan Parakan Tahun 2026 disusun dengan memperhatikan arah kebijakan pembangunan nasional "
            "dalam RPJMN Tahun 2025–2029 yang dijabarkan ke dalam delapan misi Asta Cita, antara lain memperkokoh "
            "ideologi Pancasila dan demokrasi, memperkuat pembangunan sumber daya manusia, membangun dari desa dan "
            "dari bawah untuk pemerataan ekonomi, serta memperkuat reformasi politik, hukum dan birokrasi."
        ),
        P(
            "Pada tingkat provinsi, RKPD Provinsi Jawa Tengah Tahun 2026 menekankan penanggulangan kemiskinan "
            "ekstrem, penurunan stunting, peningkatan kualitas pelayanan publik dan penguatan ekonomi desa. Pada "
            "tingkat kabupaten, prioritas pembangunan Kabupaten Temanggung Tahun 2026 meliputi:"
        ),
        L(
            "1. peningkatan kualitas sumber daya manusia yang sehat, cerdas dan berbudaya;",
            "2. penguatan ekonomi kerakyatan berbasis pertanian, tembakau, kopi dan pariwisata;",
            "3. peningkatan infrastruktur wilayah yang merata dan berwawasan lingkungan;",
            "4. reformasi birokrasi dan peningkatan kualitas pelayanan publik;",
            "5. penguatan ketenteraman, ketertiban umum dan kehidupan sosial kemasyarakatan.",
        ),
        P(
            "Kecamatan Parakan berperan terutama pada prioritas keempat dan kelima melalui penyelenggaraan PATEN, "
            "pembinaan pemerintahan desa dan koordinasi ketenteraman dan ketertiban umum, serta mendukung prioritas "
            "kedua melalui pemberdayaan masyarakat desa dan kelurahan."
        ),
        heading("3.2"),
        P(
            "Tujuan Kecamatan Parakan sesuai Renstra Tahun 2024–2026 adalah meningkatnya kualitas pelayanan publik "
            "dan penyelenggaraan pemerintahan di wilayah kecamatan, yang diukur dengan Indeks Kepuasan Masyarakat "
            "terhadap pelayanan kecamatan."
        ),
        T("tujuan"),
        P(
            "Tujuan tersebut dicapai melalui tiga sasaran berikut, masing-masing dengan indikator dan target tahun "
            "2026:"
        ),
        T("sasaran"),
        heading("3.3"),
        P(
            f"Untuk mencapai tujuan dan sasaran tersebut, pada tahun 2026 Kecamatan Parakan melaksanakan "
            f"{counted(len(programs), 'program')}, {counted(len(kegiatan), 'kegiatan')} dan "
            f"{counted(len(subs), 'sub kegiatan')}, sebagai berikut:"
        ),
        L(*bab3_list(lines)),
        P(
            "Rincian program, kegiatan dan sub kegiatan beserta indikator kinerja, target, lokasi, pagu indikatif "
            "dan prakiraan maju tahun 2027 disajikan pada Tabel 3.3 (format T-C.33) berikut."
        ),
        section("landscape"),
        T("tc33"),
        section("portrait"),
        heading("BAB IV"),
        P(
            f"Rencana kerja Kecamatan Parakan Tahun 2026 dilaksanakan melalui {counted(len(programs), 'program')} "
            f"dengan pagu indikatif sebagai berikut:"
        ),
        L(*[f"{i}. {program_title(p['name'])} sebesar {rp(p['amount'])};" for i, p in enumerate(programs, start=1)]),
        P(
            f"Jumlah pagu indikatif Kecamatan Parakan Tahun 2026 seluruhnya sebesar {rp(total)},00 "
            f"({words(total)} rupiah), yang terdiri atas Belanja Pegawai sebesar {rp(pegawai)}, Belanja Barang dan "
            f"Jasa sebesar {rp(barang)} dan Belanja Modal sebesar {rp(modal)}. Prakiraan maju untuk tahun 2027 "
            f"sebesar {rp(total_next)}."
        ),
        P(
            "Program, kegiatan dan sub kegiatan beserta indikator, target, pagu indikatif, sumber dana, lokasi dan "
            "kelompok sasarannya disajikan pada Tabel IV.1."
        ),
        section("landscape"),
        T("t41"),
        section("portrait"),
        heading("BAB V"),
        P(
            "Renja Kecamatan Parakan Tahun 2026 merupakan penjabaran tahun ketiga Renstra Kecamatan Parakan Tahun "
            "2024–2026 dan menjadi acuan penyusunan RKA Kecamatan Parakan Tahun 2026. Seluruh unsur Kecamatan "
            "Parakan berkewajiban melaksanakan program dan kegiatan yang tercantum di dalamnya secara tertib, "
            "transparan dan akuntabel."
        ),
        P("Kaidah pelaksanaan Renja ini adalah sebagai berikut:"),
        L(
            "1. Sekretaris Kecamatan mengoordinasikan penyusunan RKA dan Dokumen Pelaksanaan Anggaran berdasarkan "
            "Renja ini;",
            "2. setiap Kepala Seksi bertanggung jawab atas pencapaian target sub kegiatan yang menjadi tugasnya;",
            "3. pemantauan dan evaluasi pelaksanaan Renja dilakukan setiap triwulan dan dilaporkan kepada Bupati "
            "Temanggung melalui Bappeda;",
            "4. apabila terjadi perubahan kebijakan atau anggaran, Renja ini dapat ditinjau kembali sesuai ketentuan.",
        ),
        P(
            "Dengan tersusunnya Renja ini, diharapkan kinerja pelayanan Kecamatan Parakan kepada masyarakat di "
            f"{counted(len(DESA), 'desa')} dan {counted(len(KELURAHAN), 'kelurahan')} semakin meningkat, sejalan "
            "dengan penyusunan Renstra Kecamatan Parakan berikutnya yang mengacu pada RPJMD Kabupaten Temanggung."
        ),
        {"type": "signature", "lines": [PLACE_DATE, "CAMAT PARAKAN", None, None, CAMAT, "Pembina Tingkat I", NIP]},
    ]
    return out


def bab3_list(lines: list[dict[str, Any]]) -> list[str]:
    items: list[str] = []
    letters = "ABCDEFGH"
    p_i = k_i = s_i = 0
    for ln in lines:
        if ln["level"] == "program":
            items.append(f"{letters[p_i]}. {program_title(ln['name'])}")
            p_i += 1
            k_i = 0
        elif ln["level"] == "kegiatan":
            k_i += 1
            s_i = 0
            name = ln["name"] if ln["name"].startswith("Kegiatan ") else f"Kegiatan {ln['name']}"
            items.append(f"{k_i}. {name}")
        else:
            items.append(f"{'abcdefghijklmnopqrstuvwxyz'[s_i]}) {ln['name']}")
            s_i += 1
    return items


# --------------------------------------------------------------------------- specs


def clean() -> dict[str, Any]:
    rng = random.Random(SEED)
    nom = nomenclature(PLAN_YEAR)
    plan = budget()
    lines = tree_rows(plan)
    wilayah, wtotals, luas = table_wilayah(rng)
    paten = paten_counts(rng)
    tables = {
        "wilayah": wilayah,
        "tc29": table_tc29(nom),
        "tc30": table_tc30(),
        "paten": table_paten(paten),
        "tc31": table_tc31(lines),
        "tc32": table_tc32(),
        "tujuan": table_tujuan(),
        "sasaran": table_sasaran(),
        "tc33": table_tc33(lines, plan.total, plan.total_next),
        "t41": table_t41(lines, plan.total),
    }
    return {
        "id": "parakan-2026",
        "family": FAMILY,
        "meta": {"unit": UNIT, "region": REGION, "plan_year": PLAN_YEAR, "place_date": PLACE_DATE},
        "style": {"font": "Liberation Sans Narrow", "body_pt": 12, "table_pt": 7, "thousands": "."},
        "body": body(plan, lines, tuple(wtotals), luas, paten),
        "tables": tables,
    }


# The revised draft (parakan-2026-revised): the defect sample with these defects repaired,
# two new ones and a paragraph more in BAB II (the later pages move). Checked with
# --baseline against the defect sample's report, its findings of REPAIRED are fixed, those of
# ADDED new, all others still open (tests/test_revision.py).
REPAIRED = ("copied-paragraph", "caption-year", "tc33-grand-total", "name-misspelt", "narrative-total", "claim-all-met")
ADDED = ("revised-lokasi-typo", "revised-tc31-pagu")
# What the revised draft says about its revision, at the start of BAB II.
REVISION_NOTES = (
    "Rancangan ini merupakan perbaikan atas rancangan sebelumnya berdasarkan hasil verifikasi Bappeda. Perbaikan "
    "meliputi penyesuaian rumusan program dan kegiatan, kesesuaian pagu indikatif dengan Rancangan Awal RKPD, "
    "serta penyempurnaan uraian evaluasi pelaksanaan Renja tahun lalu.",
    "Catatan verifikasi yang belum dapat ditindaklanjuti akan diselesaikan pada forum perangkat daerah dan dicatat "
    "dalam berita acara. Setiap perubahan angka pada tabel T-C.31 dan T-C.33 telah dicocokkan kembali dengan "
    "rekapitulasi pagu indikatif yang disampaikan Bappeda, dan setiap perubahan nama sub kegiatan telah disesuaikan "
    "dengan nomenklatur yang berlaku.",
    "Uraian evaluasi pelaksanaan Renja tahun lalu dilengkapi dengan penjelasan capaian yang belum memenuhi target, "
    "faktor penyebabnya, serta langkah yang akan ditempuh pada tahun rencana. Data capaian diambil dari laporan "
    "kinerja instansi pemerintah dan laporan realisasi anggaran tahun 2024 yang telah direviu inspektorat.",
    "Penyesuaian juga dilakukan pada rumusan isu-isu penting penyelenggaraan tugas dan fungsi kecamatan, terutama "
    "yang berkaitan dengan pelayanan administrasi terpadu kecamatan, pembinaan pemerintahan desa, serta "
    "koordinasi kegiatan pemberdayaan masyarakat dan ketenteraman dan ketertiban umum di wilayah kecamatan.",
    "Dengan perbaikan ini diharapkan Renja Kecamatan Parakan dapat menjadi pedoman pelaksanaan kegiatan yang lebih "
    "terukur, selaras dengan prioritas pembangunan daerah, dan mudah dipantau capaiannya oleh masyarakat maupun "
    "pemangku kepentingan lainnya.",
)


def revised(spec: dict[str, Any]) -> dict[str, Any]:
    out = defects(spec, "parakan-2026-revised", keep=lambda defect: defect not in REPAIRED)
    found = out["defects"]

    def declare(defect_id: str, what: str, *expect: dict[str, Any]) -> None:
        found.append({"id": defect_id, "what": what, "expect": list(expect)})

    # The paragraph goes at the start of BAB II, which runs on into the tables: every finding
    # from there on is on another page than in the earlier draft.
    at = _block_with(out, "Evaluasi pelaksanaan Renja tahun lalu dilakukan")
    # The notes end their page (as a revision sheet would): every later page moves by one.
    out["body"][at:at] = [*(P(text) for text in REVISION_NOTES), {"type": "page_break"}]

    declare(*_lokasi_typo(out, "revised-lokasi-typo", "7.01.01.2.06.02", "Kecamatan Paraka"))

    row = row_with(out, "tc31", "7.01.01.2.06.04")
    right = str(row["cells"]["pagu"])
    i = next(i for i in range(1, len(right) - 1) if right[i] != right[i + 1])
    row["cells"]["pagu"] = int(right[:i] + right[i + 1] + right[i] + right[i + 2 :])  # two digits swapped
    declare(
        "revised-tc31-pagu",
        f"T-C.31 sub kegiatan 7.01.01.2.06.04: pagu indikatif {rupiah(row['cells']['pagu'])}, T-C.33 "
        f"{rupiah(int(right))}; its kegiatan no longer adds up",
        {"rule": "XT-002", "table": "T-C.31", "code": "7.01.01.2.06.04", "column": "pagu"},
        {"rule": "TOT-005", "table": "T-C.31", "code": "7.01.01.2.06"},
    )
    return out


def build() -> list[dict[str, Any]]:
    spec = clean()
    return [spec, defects(spec), revised(spec)]


def _lokasi_typo(spec: dict[str, Any], defect_id: str, code: str, written: str) -> tuple[Any, ...]:
    """A misspelt lokasi in one T-C.33 row: the defect's declaration (id, what, expectations)."""
    row_with(spec, "tc33", code)["cells"]["lokasi"] = written
    return (
        defect_id,
        f"T-C.33 sub kegiatan {code}: lokasi '{written}'",
        {"rule": "IT-011", "table": "T-C.33", "code": code, "column": "lokasi"},
        {"rule": "XT-002", "code": code, "column": "lokasi"},
        {"rule": "XT-003", "code": code, "column": "lokasi"},
    )


def _block_with(spec: dict[str, Any], start: str) -> int:
    for i, block in enumerate(spec["body"]):
        if block.get("text", "").startswith(start):
            return i
    raise KeyError(start)


def _money_row(spec: dict[str, Any], table_id: str, level: str = "total") -> dict[str, Any]:
    return next(r for r in spec["tables"][table_id]["rows"] if r["level"] == level)


def defects(
    spec: dict[str, Any], new_id: str = "parakan-2026-defects", keep: Callable[[str], bool] = lambda _: True
) -> dict[str, Any]:
    """The clean spec with eleven declared mistakes of the kinds real Renja carry (those
    ``keep`` accepts, by defect id: the revised draft repairs some of them)."""
    out = variant(spec, new_id)
    tables = out["tables"]
    found: list[dict[str, Any]] = []

    def declare(defect_id: str, what: str, *expect: dict[str, Any]) -> None:
        found.append({"id": defect_id, "what": what, "expect": list(expect)})

    # 1. PATEN: the JUMLAH row's Juli figure is not the sum of its column.
    if keep("paten-total-row"):
        paten_total = _money_row(out, "paten")
        clean_jul = paten_total["cells"]["jul"]
        wrong_jul = rupiah(int(clean_jul.replace(".", "")) + 10)
        paten_total["cells"]["jul"] = wrong_jul
        declare(
            "paten-total-row",
            f"Tabel II.3 (PATEN): JUMLAH row, Juli, says {wrong_jul} but the month's services add up to {clean_jul}",
            {"rule": "TOT-013", "text": wrong_jul},
        )

    # 2. A paragraph copied from the Renja of Kecamatan Kledung, naming it and its desa.
    if keep("copied-paragraph"):
        at = _block_with(out, "Berdasarkan evaluasi kinerja dan kondisi wilayah")
        copied = (
            "Sebagai wilayah di kaki Gunung Sindoro, Kecamatan Kledung memiliki potensi agrowisata di Desa Tlahab "
            "dan Desa Kruwisan yang ramai dikunjungi wisatawan pada akhir pekan, sehingga koordinasi ketertiban lalu "
            "lintas di jalur Kledung–Wonosobo serta pembinaan pokdarwis perlu terus ditingkatkan."
        )
        out["body"].insert(at + 2, P(copied))
        declare(
            "copied-paragraph",
            "BAB II 2.3: a paragraph copied from Kecamatan Kledung's Renja names Kecamatan Kledung and its desa "
            "Tlahab and Kruwisan",
            {"rule": "NAR-014", "text": "Kledung"},
            {"rule": "NAR-014", "text": "Tlahab"},
            {"rule": "NAR-018", "text": "Tlahab"},
            {"rule": "NAR-018", "text": "Kruwisan"},
        )

    # 3. Sasaran target differs from T-C.30.
    if keep("sasaran-target"):
        sasaran = tables["sasaran"]["rows"][0]["cells"]
        sasaran["target_2026"] = "98%"
        declare(
            "sasaran-target",
            "Tabel III.2 (sasaran): the 2026 target of 'Persentase Layanan PATEN yang Diselesaikan Sesuai Standar "
            "Pelayanan' is 98%, T-C.30 targets and projects 97%",
            {"rule": "XT-008", "table": "Tabel 3.3", "column": "target_2026"},
        )

    # 4. T-C.33 caption names 2025 as the plan year.
    if keep("caption-year"):
        caption = tables["tc33"]["caption"]
        caption[1] = caption[1].replace("Tahun 2026 dan", "Tahun 2025 dan")
        declare(
            "caption-year",
            "T-C.33 caption: 'Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2025' instead of 2026",
            {"rule": "YEAR-003", "text": "Rencana Program dan Kegiatan"},
            {"rule": "YEAR-007", "text": "2025"},
        )

    # 5. T-C.33 JUMLAH row wrong by Rp 10.000.000.
    total_row = _money_row(out, "tc33")
    right = total_row["cells"]["amount"]  # the right total, which the narrative (8.) also states
    if keep("tc33-grand-total"):
        total_row["cells"]["amount"] = right + 10_000_000
        declare(
            "tc33-grand-total",
            f"T-C.33: the JUMLAH row says {rupiah(right + 10_000_000)}, the programs add up to {rupiah(right)}",
            {"rule": "TOT-003", "table": "T-C.33", "column": "amount"},
            {"rule": "XT-001", "column": "amount"},
            {"rule": "NAR-001", "text": str(right)},
        )

    # 6. A sub kegiatan name misspelt in T-C.33.
    if keep("name-misspelt"):
        row = row_with(out, "tc33", "7.01.01.2.09.06")
        row["cells"]["name"] = "Pemeliharaan Peralatan dan Mesin Lainya"
        declare(
            "name-misspelt",
            "T-C.33 sub kegiatan 7.01.01.2.09.06 named 'Pemeliharaan Peralatan dan Mesin Lainya' (official: "
            "'... Lainnya'); T-C.31 and Tabel IV.1 spell it right",
            {"rule": "NOM-004", "table": "T-C.33", "code": "7.01.01.2.09.06"},
            {"rule": "XT-002", "code": "7.01.01.2.09.06", "column": "name"},
            {"rule": "XT-003", "code": "7.01.01.2.09.06", "column": "name"},
            # BAB III lists the right name, which now differs from T-C.33's.
            {"rule": "NAR-008", "code": "7.01.01.2.09.06"},
        )

    # 7. A malformed (cut) code in T-C.33.
    if keep("code-malformed"):
        row = row_with(out, "tc33", "7.01.02.2.02.03")
        row["cells"]["code"] = "7.01.02.2.02.000"
        declare(
            "code-malformed",
            "T-C.33: sub kegiatan 7.01.02.2.02.03 printed with the code '7.01.02.2.02.000'",
            {"rule": "NOM-001", "table": "T-C.33", "text": "7.01.02.2.02.000"},
            {"rule": "XT-004", "code": "7.01.02.2.02.03"},
            {"rule": "XT-005", "code": "7.01.02.2.02.03"},
            {"rule": "NAR-004", "text": str(len([r for r in tables["tc33"]["rows"] if r["level"] == "sub_kegiatan"]))},
            # BAB III still lists the sub kegiatan, which T-C.33 no longer has under a valid code.
            {"rule": "NAR-006", "text": row["cells"]["name"]},
        )

    # 8. The narrative total differs from the tables (digits transposed).
    if keep("narrative-total"):
        at = _block_with(out, "Jumlah pagu indikatif dalam Rancangan Awal RKPD")
        text = out["body"][at]["text"]
        stated = rupiah(right, ".")
        i = next(
            i
            for i in range(2, len(stated) - 1)
            if stated[i].isdigit() and stated[i + 1].isdigit() and stated[i] != stated[i + 1]
        )
        wrong = stated[:i] + stated[i + 1] + stated[i] + stated[i + 2 :]  # two digits swapped
        out["body"][at]["text"] = text.replace("Rp" + stated, "Rp" + wrong, 1)
        declare(
            "narrative-total",
            f"BAB II 2.4: 'Jumlah pagu indikatif ... sebesar Rp{wrong}', the tables total Rp{stated}",
            {"rule": "NAR-001", "text": wrong.replace(".", "")},
        )

    # 9. A misspelt lokasi in one T-C.33 row.
    if keep("lokasi-typo"):
        declare(*_lokasi_typo(out, "lokasi-typo", "7.01.01.2.06.05", "Kecamatan Parakn"))

    # 10. The narrative claims every target was met; T-C.29 shows two sub kegiatan below target.
    if keep("claim-all-met"):
        at = _block_with(out, "Dari ")
        out["body"][at] = P(
            "Seluruh sub kegiatan yang dilaksanakan pada tahun 2024 telah mencapai target yang ditetapkan "
            "dengan tingkat realisasi 100%, sehingga tidak terdapat program maupun kegiatan yang perlu "
            "mendapat perhatian khusus pada tahun 2026."
        )
        del out["body"][at + 1 : at + 3]  # the list of the two sub kegiatan and the paragraph about them
        declare(
            "claim-all-met",
            "BAB II 2.1 claims every sub kegiatan met its 2024 target; T-C.29 shows 7.01.03.2.01.03 (75%) and "
            "7.01.06.2.01.03 (92,86%) below target",
            {"rule": "NAR-015", "text": "Seluruh sub kegiatan"},
        )

    # 11. T-C.31 pagu of one sub kegiatan typed with two digits swapped.
    if keep("tc31-pagu"):
        row = row_with(out, "tc31", "7.01.04.2.01.01")
        row["cells"]["pagu"] = 21_840_000
        declare(
            "tc31-pagu",
            "T-C.31 sub kegiatan 7.01.04.2.01.01: pagu indikatif Rp21.840.000, T-C.33 Rp21.480.000; its kegiatan "
            "no longer adds up",
            {"rule": "XT-002", "table": "T-C.31", "code": "7.01.04.2.01.01", "column": "pagu"},
            {"rule": "TOT-005", "table": "T-C.31", "code": "7.01.04.2.01"},
        )

    out["defects"] = found
    return out


def main() -> None:
    for spec in build():
        path = write_spec(
            spec, __doc__.split("\n\n")[0] + "\nWritten by samples/families/other_region.py; do not edit by hand."
        )
        print(path)


if __name__ == "__main__":
    main()
