"""Family "sipd-matrix": a Dinas Renja whose T-C.33 is the Renja matrix printed from SIPD-RI.

    .venv/bin/python -m samples.families.sipd_matrix        (run from the repository root)

Dinas Komunikasi dan Informatika, Kabupaten Situbondo (Jawa Timur), plan year 2025. The
narrative, T-C.29, T-C.30, T-C.31, T-C.32, the tujuan and sasaran tables are a Word
document (Writer); the T-C.33 is the matrix as SIPD-RI shows it in the browser and the
office prints it (`render: html`, Chromium): a report title block, urusan and bidang rows
above the programs, no aktivitas rows, four-digit sub kegiatan codes, Prioritas Nasional /
Prioritas Daerah / Kelompok Sasaran columns, target and satuan in columns of their own,
the prakiraan maju (2026) beside the plan year, the column numbers printed under the
header, and long names so that rows break across pages. BAB IV only refers to T-C.33.

Layout choices of this family (unlike the Randuagung template): chapter headings on two
lines ("BAB I" / "PENDAHULUAN"), tables numbered per chapter (the tujuan table is
"Tabel 3.1", the sasaran table "Tabel 3.2"), numbered "Label : value" unit data in the
SIPD title block, amounts with "." as thousands separator, list markers A./1./a.

Codes, names, indicators and units of programs, kegiatan and sub kegiatan come from the
nomenclature (common.official); amounts are chosen here and every parent is a sum
(common.Budget). The defect variant is the clean spec with the declared mistakes put in.

Column keys invented for this family (T-C.33): prioritas_nasional, prioritas_daerah,
kelompok_sasaran, target_unit, target_next_unit (a target's satuan in its own column).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from samples.families import common
from samples.families.common import Budget, Line, official, rupiah

ID = "situbondo-diskominfo-2025"
DEFECTS_ID = f"{ID}-defects"
FAMILY = "sipd-matrix"
YEAR = 2025
HEAD = "2.16"
UNIT = "Dinas Komunikasi dan Informatika"
UNIT_UPPER = UNIT.upper()
REGION = "Kabupaten Situbondo"
PLACE = "Situbondo"
LOKASI = "Kabupaten Situbondo"
URUSAN = ("2", "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR")
SIPD_UNIT_CODE = "2.16.2.20.2.21.0.00.01.0000"
RENSTRA = "2021-2026"
KEPALA = ("Ir. BAMBANG WIDYATMOKO, M.T.", "Pembina Utama Muda", "NIP. 19720314 199803 1 006")
PLACE_DATE = "Situbondo, Juni 2024"
THOUSANDS = "."

PN7 = "PN 7 - Memperkuat Reformasi Politik, Hukum, dan Birokrasi, serta Memperkuat Pencegahan dan Pemberantasan Korupsi dan Narkoba"
PN2 = "PN 2 - Memantapkan Sistem Pertahanan Keamanan Negara dan Mendorong Kemandirian Bangsa melalui Ekonomi Digital"
PD_GOV = "Prioritas 5 - Peningkatan Kualitas Tata Kelola Pemerintahan yang Bersih, Efektif dan Melayani"
PD_DIGITAL = "Prioritas 6 - Percepatan Transformasi Digital Pelayanan Publik dan Penguatan Satu Data Situbondo"
DAU = "DAU"
PAD = "PAD"

NUMBER_WORDS = [
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
]


def terbilang(n: int) -> str:
    """Indonesian words for 0..999 ("empat puluh delapan")."""
    if n < 12:
        return NUMBER_WORDS[n]
    if n < 20:
        return f"{NUMBER_WORDS[n - 10]} belas"
    if n < 100:
        tens, unit = divmod(n, 10)
        return f"{NUMBER_WORDS[tens]} puluh" + (f" {NUMBER_WORDS[unit]}" if unit else "")
    hundreds, rest = divmod(n, 100)
    head = "seratus" if hundreds == 1 else f"{NUMBER_WORDS[hundreds]} ratus"
    return head + (f" {terbilang(rest)}" if rest else "")


def count(n: int, noun: str) -> str:
    return f"{n} ({terbilang(n)}) {noun}"


def rp(value: int) -> str:
    return "Rp " + rupiah(value, THOUSANDS)


# --------------------------------------------------------------------------- plan data


@dataclass(frozen=True)
class Sub:
    """A sub kegiatan the Dinas plans: its target (value) and money, and who it serves."""

    code: str  # canonical; X.XX for the support program
    amount: int
    target: str
    target_next: str
    next_rate: float  # prakiraan maju = amount x rate (rounded to thousands)
    sumber: str = PAD
    kelompok: str = "Aparatur Diskominfo"


SUBS: tuple[Sub, ...] = (
    # Program Penunjang (X.XX.01 as 2.16.01)
    Sub("X.XX.01.2.01.01", 28_500_000, "2", "2", 1.05),
    Sub("X.XX.01.2.01.02", 12_750_000, "2", "2", 1.04),
    Sub("X.XX.01.2.01.03", 9_800_000, "1", "1", 1.05),
    Sub("X.XX.01.2.01.04", 8_250_000, "1", "1", 1.06),
    Sub("X.XX.01.2.01.06", 11_400_000, "4", "4", 1.05),
    Sub("X.XX.01.2.01.07", 9_600_000, "4", "4", 1.05),
    Sub("X.XX.01.2.02.01", 4_186_420_000, "44", "44", 1.05, DAU, "ASN Diskominfo (PNS dan PPPK)"),
    Sub("X.XX.01.2.02.02", 96_000_000, "12", "12", 1.04),
    Sub("X.XX.01.2.02.05", 7_500_000, "1", "1", 1.04),
    Sub("X.XX.01.2.02.07", 6_900_000, "12", "12", 1.05),
    Sub("X.XX.01.2.03.06", 8_400_000, "2", "2", 1.05),
    Sub("X.XX.01.2.05.02", 40_600_000, "1", "1", 1.06),
    Sub("X.XX.01.2.05.09", 45_000_000, "10", "12", 1.1),
    Sub("X.XX.01.2.06.01", 12_000_000, "1", "1", 1.05),
    Sub("X.XX.01.2.06.02", 35_000_000, "2", "2", 1.05),
    Sub("X.XX.01.2.06.04", 68_750_000, "2", "2", 1.04),
    Sub("X.XX.01.2.06.05", 32_400_000, "2", "2", 1.05),
    Sub("X.XX.01.2.06.09", 185_000_000, "12", "12", 1.05),
    Sub("X.XX.01.2.07.06", 148_500_000, "6", "4", 0.85),
    Sub("X.XX.01.2.08.02", 412_000_000, "12", "12", 1.06),
    Sub("X.XX.01.2.08.04", 586_800_000, "12", "12", 1.05),
    Sub("X.XX.01.2.09.02", 96_300_000, "9", "9", 1.05),
    Sub("X.XX.01.2.09.06", 74_250_000, "45", "48", 1.06),
    Sub("X.XX.01.2.09.09", 125_000_000, "1", "1", 1.1),
    # Program Pengelolaan Informasi dan Komunikasi Publik
    Sub("2.16.02.2.01.01", 42_000_000, "2", "2", 1.05, PAD, "Perangkat Daerah"),
    Sub("2.16.02.2.01.02", 118_500_000, "12", "12", 1.05, PAD, "Masyarakat Kabupaten Situbondo"),
    Sub("2.16.02.2.01.04", 236_000_000, "12", "12", 1.06, PAD, "Masyarakat Kabupaten Situbondo"),
    Sub("2.16.02.2.01.05", 684_250_000, "12", "12", 1.05, DAU, "Masyarakat Kabupaten Situbondo"),
    Sub("2.16.02.2.01.06", 96_400_000, "4", "4", 1.05, PAD, "Masyarakat Pemohon Informasi Publik"),
    Sub("2.16.02.2.01.07", 310_000_000, "24", "24", 1.04, PAD, "Media Massa dan Media Daring"),
    Sub("2.16.02.2.01.10", 88_000_000, "60", "60", 1.05, PAD, "Pengelola Media dan Kelompok Informasi Masyarakat"),
    Sub("2.16.02.2.01.12", 142_600_000, "6", "6", 1.05, PAD, "Komunitas, Media dan Kelompok Informasi Masyarakat"),
    # Program Pengelolaan Aplikasi Informatika
    Sub("2.16.03.2.01.01", 3_500_000, "1", "1", 1.0, PAD, "Perangkat Daerah"),
    Sub("2.16.03.2.01.03", 1_245_000_000, "1", "1", 1.08, DAU, "Perangkat Daerah dan Pemerintah Desa"),
    Sub("2.16.03.2.02.01", 64_000_000, "2", "2", 1.05, PAD, "Perangkat Daerah"),
    Sub("2.16.03.2.02.02", 38_500_000, "1", "1", 1.05, PAD, "Perangkat Daerah"),
    Sub("2.16.03.2.02.03", 486_000_000, "1", "1", 1.1, DAU, "Perangkat Daerah"),
    Sub("2.16.03.2.02.06", 52_000_000, "42", "42", 1.05, PAD, "Perangkat Daerah"),
    Sub("2.16.03.2.02.07", 395_000_000, "4", "5", 1.12, DAU, "Perangkat Daerah dan Masyarakat"),
    Sub("2.16.03.2.02.08", 74_500_000, "15", "20", 1.1, PAD, "Masyarakat Pengguna Layanan Publik"),
    Sub("2.16.03.2.02.09", 126_000_000, "3", "3", 1.05, PAD, "Perangkat Daerah dan Masyarakat"),
    Sub("2.16.03.2.02.10", 98_000_000, "2", "2", 1.05, PAD, "Pengelola TIK Perangkat Daerah"),
    Sub("2.16.03.2.02.12", 57_500_000, "2", "2", 1.05, PAD, "Perangkat Daerah"),
    # Program Penyelenggaraan Statistik Sektoral
    Sub("2.20.02.2.01.01", 84_000_000, "3", "3", 1.05, PAD, "Perangkat Daerah"),
    Sub("2.20.02.2.01.02", 45_500_000, "40", "40", 1.05, PAD, "Walidata Pendukung Perangkat Daerah"),
    Sub("2.20.02.2.01.03", 36_000_000, "2", "2", 1.05, PAD, "Perangkat Daerah"),
    # Program Penyelenggaraan Persandian untuk Pengamanan Informasi
    Sub("2.21.02.2.01.01", 24_000_000, "1", "1", 1.05, PAD, "Perangkat Daerah"),
    Sub("2.21.02.2.01.03", 148_000_000, "12", "12", 1.05, PAD, "Perangkat Daerah"),
    Sub("2.21.02.2.01.04", 96_750_000, "42", "42", 1.05, PAD, "Perangkat Daerah"),
    Sub("2.21.02.2.02.01", 54_000_000, "42", "42", 1.05, PAD, "Perangkat Daerah"),
)


@dataclass(frozen=True)
class Goal:
    """An author-written program/kegiatan indicator with its targets (value, satuan)."""

    indicator: str
    target: str
    unit: str
    target_next: str
    # T-C.29: Renstra end target, realisation up to 2022, target and realisation 2023, target 2024
    renstra: str = "100"
    real_n3: str = "100"
    target_n2: str = "100"
    real_n2: str = "100"
    target_n1: str = "100"


PCT = "%"
PROGRAM_GOALS: dict[str, tuple[Goal, ...]] = {
    "2.16.01": (Goal("Persentase Capaian Kinerja Pelayanan Administrasi Perkantoran Dinas", "100", PCT, "100"),),
    "2.16.02": (
        Goal(
            "Indeks Keterbukaan Informasi Publik Kabupaten Situbondo",
            "86,50",
            "Indeks",
            "87,00",
            renstra="87,00",
            real_n3="80,12",
            target_n2="82,00",
            real_n2="83,20",
            target_n1="84,00",
        ),
        Goal(
            "Persentase Perangkat Daerah yang Mengelola Informasi Publik melalui PPID Pembantu",
            "100",
            PCT,
            "100",
            real_n3="88",
            target_n2="95",
            real_n2="95",
        ),
    ),
    "2.16.03": (
        Goal(
            "Indeks Sistem Pemerintahan Berbasis Elektronik (SPBE)",
            "3,10",
            "Indeks",
            "3,25",
            renstra="3,25",
            real_n3="2,38",
            target_n2="2,60",
            real_n2="2,71",
            target_n1="2,85",
        ),
    ),
    "2.20.02": (
        Goal(
            "Persentase Perangkat Daerah yang Menyajikan Data Statistik Sektoral",
            "85",
            PCT,
            "90",
            renstra="90",
            real_n3="62",
            target_n2="70",
            real_n2="72",
            target_n1="78",
        ),
    ),
    "2.21.02": (
        Goal(
            "Persentase Perangkat Daerah yang Menerapkan Standar Keamanan Informasi",
            "78",
            PCT,
            "82",
            renstra="82",
            real_n3="45",
            target_n2="60",
            real_n2="58",
            target_n1="70",
        ),
    ),
}
KEGIATAN_GOALS: dict[str, Goal] = {
    "2.16.01.2.01": Goal(
        "Persentase Dokumen Perencanaan, Penganggaran dan Evaluasi Kinerja yang Tersusun Tepat Waktu", "100", PCT, "100"
    ),
    "2.16.01.2.02": Goal("Persentase Pemenuhan Administrasi Keuangan Perangkat Daerah", "100", PCT, "100"),
    "2.16.01.2.03": Goal("Persentase Barang Milik Daerah yang Tertatausahakan", "100", PCT, "100"),
    "2.16.01.2.05": Goal("Persentase Pemenuhan Administrasi Kepegawaian Perangkat Daerah", "100", PCT, "100"),
    "2.16.01.2.06": Goal("Persentase Pemenuhan Kebutuhan Administrasi Umum Perkantoran", "100", PCT, "100"),
    "2.16.01.2.07": Goal(
        "Persentase Sarana dan Prasarana Kantor yang Memadai",
        "85",
        PCT,
        "88",
        renstra="90",
        real_n3="70",
        target_n2="75",
        real_n2="76",
        target_n1="80",
    ),
    "2.16.01.2.08": Goal("Persentase Pemenuhan Jasa Penunjang Urusan Pemerintahan Daerah", "100", PCT, "100"),
    "2.16.01.2.09": Goal(
        "Persentase Barang Milik Daerah dalam Kondisi Baik",
        "88",
        PCT,
        "90",
        renstra="90",
        real_n3="80",
        target_n2="84",
        real_n2="85",
        target_n1="86",
    ),
    "2.16.02.2.01": Goal(
        "Jumlah Konten Informasi Kebijakan Pemerintah Daerah yang Dipublikasikan",
        "1.500",
        "Konten",
        "1.600",
        renstra="7.000",
        real_n3="2.350",
        target_n2="1.200",
        real_n2="1.284",
        target_n1="1.350",
    ),
    "2.16.03.2.01": Goal(
        "Persentase Perangkat Daerah yang Terhubung Jaringan Intra Pemerintah Daerah",
        "95",
        PCT,
        "100",
        renstra="100",
        real_n3="74",
        target_n2="82",
        real_n2="85",
        target_n1="90",
    ),
    "2.16.03.2.02": Goal(
        "Jumlah Layanan Publik Berbasis Elektronik yang Terintegrasi",
        "35",
        "Layanan",
        "42",
        renstra="45",
        real_n3="12",
        target_n2="20",
        real_n2="22",
        target_n1="28",
    ),
    "2.20.02.2.01": Goal(
        "Jumlah Dokumen Data Statistik Sektoral yang Dipublikasikan",
        "3",
        "Dokumen",
        "3",
        renstra="15",
        real_n3="4",
        target_n2="3",
        real_n2="3",
        target_n1="3",
    ),
    "2.21.02.2.01": Goal(
        "Persentase Perangkat Daerah yang Mendapatkan Layanan Keamanan Informasi",
        "100",
        PCT,
        "100",
        real_n3="60",
        target_n2="80",
        real_n2="80",
        target_n1="90",
    ),
    "2.21.02.2.02": Goal(
        "Persentase Perangkat Daerah yang Terhubung Jaring Komunikasi Sandi",
        "100",
        PCT,
        "100",
        real_n3="55",
        target_n2="75",
        real_n2="79",
        target_n1="90",
    ),
}
PRIORITIES: dict[str, tuple[str, str]] = {
    "2.16.01": (PN7, PD_GOV),
    "2.16.02": (PN7, PD_GOV),
    "2.16.03": (PN2, PD_DIGITAL),
    "2.20.02": (PN7, PD_DIGITAL),
    "2.21.02": (PN7, PD_DIGITAL),
}
PROGRAM_KELOMPOK = {
    "2.16.01": "Aparatur Diskominfo",
    "2.16.02": "Masyarakat Kabupaten Situbondo",
    "2.16.03": "Perangkat Daerah dan Masyarakat",
    "2.20.02": "Perangkat Daerah",
    "2.21.02": "Perangkat Daerah",
}
# Sub kegiatan whose 2023 realisation fell short (T-C.29 and the BAB II narrative say so).
SHORTFALL_2023 = {"2.16.03.2.02.07": ("4", "3"), "X.XX.01.2.09.06": ("45", "41")}
# T-C.31: where the needs analysis asks for more than the RKPD ceiling.
KEBUTUHAN_EXTRA = {"2.16.03.2.01.03": 155_000_000, "2.16.02.2.01.05": 65_750_000, "2.21.02.2.01.03": 22_000_000}


def program_of(code: str) -> str:
    return ".".join(code.split(".")[:3])


def bidang_of(code: str) -> str:
    return ".".join(code.split(".")[:2])


def _unit(entry: str | None) -> str:
    return entry or ""


# --------------------------------------------------------------------------- budget


@dataclass
class Plan:
    budget: Budget
    lines: list[Line]  # program, kegiatan, sub kegiatan lines in document order
    subs: dict[str, Sub]  # canonical code -> plan entry

    @property
    def programs(self) -> list[Line]:
        return [ln for ln in self.lines if ln.official.level == "program"]

    @property
    def kegiatan(self) -> list[Line]:
        return [ln for ln in self.lines if ln.official.level == "kegiatan"]

    @property
    def sub_lines(self) -> list[Line]:
        return [ln for ln in self.lines if ln.official.level == "sub_kegiatan"]

    def bidang_total(self, bidang: str) -> tuple[int, int]:
        progs = [p for p in self.programs if bidang_of(p.official.code) == bidang]
        return sum(p.amount for p in progs), sum(p.amount_next for p in progs)

    def sumber(self, code: str) -> str:
        """Funding sources of a row: its own, or every source of the sub kegiatan under it."""
        found = sorted({s.sumber for c, s in self.subs.items() if c == code or c.startswith(code + ".")})
        return ", ".join(found)


def make_plan() -> Plan:
    nom = common.nomenclature(YEAR)
    budget = Budget(nom, HEAD)
    subs: dict[str, Sub] = {}
    for sub in SUBS:
        amount_next = common.round_to(sub.amount * sub.next_rate)
        line = budget.add(sub.code, sub.amount, amount_next)
        subs[line.official.code] = sub
    return Plan(budget, list(budget.tree()), subs)


# --------------------------------------------------------------------------- T-C.33 (SIPD-RI)


TC33_COLUMNS = [
    {"key": "code", "width": 2.3},
    {"key": "name", "width": 3.4},
    {"key": "indicator", "width": 3.4},
    {"key": "prioritas_nasional", "width": 2.0},
    {"key": "prioritas_daerah", "width": 2.0},
    {"key": "kelompok_sasaran", "width": 1.8},
    {"key": "lokasi", "width": 1.6},
    {"key": "target", "width": 1.0},
    {"key": "target_unit", "width": 1.3},
    {"key": "amount", "width": 2.1, "align": "right"},
    {"key": "sumber_dana", "width": 1.5},
    {"key": "target_next", "width": 1.0},
    {"key": "target_next_unit", "width": 1.3},
    {"key": "amount_next", "width": 2.0, "align": "right"},
]


def tc33_table(plan: Plan) -> dict[str, Any]:
    nom = plan.budget.nom
    rows: list[dict[str, Any]] = []
    total, total_next = plan.budget.total, plan.budget.total_next
    rows.append(_other_row(URUSAN[0], URUSAN[1], total, total_next))
    current_bidang = None
    for line in plan.lines:
        code = line.official.code
        bidang = bidang_of(code)
        if bidang != current_bidang:
            current_bidang = bidang
            entry = nom.lookup(bidang)
            name = entry.name if entry else bidang
            rows.append(_other_row(bidang, name, *plan.bidang_total(bidang)))
        rows.append(_tc33_row(plan, line))
    rows.append(
        {"level": "total", "code": None, "cells": {"name": "JUMLAH", "amount": total, "amount_next": total_next}}
    )
    return {
        "kind": "T-C.33",
        "render": "html",
        "caption": [
            "RENCANA KERJA PERANGKAT DAERAH",
            f"T-C.33 RUMUSAN RENCANA PROGRAM DAN KEGIATAN PERANGKAT DAERAH TAHUN {YEAR} DAN PRAKIRAAN MAJU TAHUN {YEAR + 1}",
            f"PEMERINTAH {REGION.upper()}",
            f"TAHUN ANGGARAN {YEAR}",
            f"Unit Organisasi : {SIPD_UNIT_CODE} - {UNIT_UPPER}",
        ],
        "columns": copy.deepcopy(TC33_COLUMNS),
        "header": [
            [
                {"text": "Kode", "rowspan": 3},
                {"text": "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan", "rowspan": 3},
                {"text": "Indikator Kinerja Program/Kegiatan/Sub Kegiatan", "rowspan": 3},
                {"text": "Prioritas Nasional", "rowspan": 3},
                {"text": "Prioritas Daerah", "rowspan": 3},
                {"text": "Kelompok Sasaran", "rowspan": 3},
                {"text": f"Rencana Tahun {YEAR}", "colspan": 5},
                {"text": f"Prakiraan Maju Rencana Tahun {YEAR + 1}", "colspan": 3},
            ],
            [
                {"text": "Lokasi", "rowspan": 2},
                {"text": "Target Capaian Kinerja", "colspan": 2},
                {"text": "Pagu Indikatif (Rp)", "rowspan": 2},
                {"text": "Sumber Dana", "rowspan": 2},
                {"text": "Target Capaian Kinerja", "colspan": 2},
                {"text": "Pagu Indikatif (Rp)", "rowspan": 2},
            ],
            [{"text": "Target"}, {"text": "Satuan"}, {"text": "Target"}, {"text": "Satuan"}],
        ],
        "number_row": [str(i) for i in range(1, 15)],
        "rows": rows,
    }


def _other_row(code: str, name: str, amount: int, amount_next: int) -> dict[str, Any]:
    return {
        "level": "other",
        "code": None,
        "cells": {"code": code, "name": name, "amount": amount, "amount_next": amount_next},
    }


def _priorities(code: str) -> dict[str, str]:
    pn, pd = PRIORITIES[program_of(code)]
    return {"prioritas_nasional": pn, "prioritas_daerah": pd}


def _tc33_row(plan: Plan, line: Line) -> dict[str, Any]:
    o = line.official
    base: dict[str, Any] = {"code": o.code4 if o.level == "sub_kegiatan" else o.code, "name": o.name}
    money = {"amount": line.amount, "sumber_dana": plan.sumber(o.code), "amount_next": line.amount_next}
    if o.level == "sub_kegiatan":
        sub = plan.subs[o.code]
        cells = {
            **base,
            "indicator": _unit(o.indikator),
            **_priorities(o.code),
            "kelompok_sasaran": sub.kelompok,
            "lokasi": LOKASI,
            "target": sub.target,
            "target_unit": _unit(o.satuan),
            **money,
            "target_next": sub.target_next,
            "target_next_unit": _unit(o.satuan),
        }
        return {"level": o.level, "code": o.code, "cells": _ordered(cells)}
    goals = PROGRAM_GOALS[o.code] if o.level == "program" else (KEGIATAN_GOALS[o.code],)
    kelompok = PROGRAM_KELOMPOK[program_of(o.code)]
    shared = {**base, **_priorities(o.code), "kelompok_sasaran": kelompok, "lokasi": LOKASI, **money}
    if len(goals) == 1:
        g = goals[0]
        cells = {
            **shared,
            "indicator": g.indicator,
            "target": g.target,
            "target_unit": g.unit,
            "target_next": g.target_next,
            "target_next_unit": g.unit,
        }
        return {"level": o.level, "code": o.code, "cells": _ordered(cells)}
    split = [
        {
            "indicator": g.indicator,
            "target": g.target,
            "target_unit": g.unit,
            "target_next": g.target_next,
            "target_next_unit": g.unit,
        }
        for g in goals
    ]
    return {"level": o.level, "code": o.code, "cells": _ordered(shared), "split": split}


def _ordered(cells: dict[str, Any]) -> dict[str, Any]:
    order = [c["key"] for c in TC33_COLUMNS]
    return {k: cells[k] for k in order if k in cells}


# --------------------------------------------------------------------------- T-C.31 (Writer)


def tc31_table(plan: Plan) -> dict[str, Any]:
    needs = _kebutuhan(plan)
    rows: list[dict[str, Any]] = []
    for line in plan.lines:
        o = line.official
        if o.level == "sub_kegiatan":
            sub = plan.subs[o.code]
            indicator, target = _unit(o.indikator), f"{sub.target} {_unit(o.satuan)}"
        else:
            goal = PROGRAM_GOALS[o.code][0] if o.level == "program" else KEGIATAN_GOALS[o.code]
            indicator, target = goal.indicator, _quantity(goal.target, goal.unit)
        code = o.code4 if o.level == "sub_kegiatan" else o.code
        cells = {
            "code": code,
            "name": o.name,
            "lokasi": LOKASI,
            "indicator": indicator,
            "target": target,
            "pagu": line.amount,
            "name_kebutuhan": o.name,
            "lokasi_kebutuhan": LOKASI,
            "indicator_kebutuhan": indicator,
            "target_kebutuhan": target,
            "kebutuhan_dana": needs[o.code],
        }
        row: dict[str, Any] = {"level": o.level, "code": o.code, "cells": cells}
        if o.level == "program" and len(PROGRAM_GOALS[o.code]) > 1:
            goals = PROGRAM_GOALS[o.code]
            for key in ("indicator", "target", "indicator_kebutuhan", "target_kebutuhan"):
                cells.pop(key)
            row["split"] = [
                {
                    "indicator": g.indicator,
                    "target": _quantity(g.target, g.unit),
                    "indicator_kebutuhan": g.indicator,
                    "target_kebutuhan": _quantity(g.target, g.unit),
                }
                for g in goals
            ]
        rows.append(row)
    total_need = sum(needs[p.official.code] for p in plan.programs)
    rows.append(
        {
            "level": "total",
            "code": None,
            "cells": {"name": "JUMLAH", "pagu": plan.budget.total, "kebutuhan_dana": total_need},
        }
    )
    return {
        "kind": "T-C.31",
        "caption": [
            "Tabel 2.3",
            f"T-C.31 Review terhadap Rancangan Awal RKPD Tahun {YEAR} {REGION}",
            f"Perangkat Daerah : {UNIT} {REGION}",
        ],
        "columns": [
            {"key": "code", "width": 2.45},
            {"key": "name", "width": 3.0},
            {"key": "lokasi", "width": 1.6},
            {"key": "indicator", "width": 3.2},
            {"key": "target", "width": 1.5},
            {"key": "pagu", "width": 2.1, "align": "right"},
            {"key": "name_kebutuhan", "width": 3.0},
            {"key": "lokasi_kebutuhan", "width": 1.6},
            {"key": "indicator_kebutuhan", "width": 3.2},
            {"key": "target_kebutuhan", "width": 1.5},
            {"key": "kebutuhan_dana", "width": 2.1, "align": "right"},
        ],
        "header": [
            [
                {"text": "Kode", "rowspan": 2},
                {"text": "Rancangan Awal RKPD", "colspan": 5},
                {"text": "Hasil Analisis Kebutuhan", "colspan": 5},
            ],
            [
                {"text": "Program/Kegiatan/Sub Kegiatan"},
                {"text": "Lokasi"},
                {"text": "Indikator Kinerja"},
                {"text": "Target Capaian"},
                {"text": "Pagu Indikatif (Rp)"},
                {"text": "Program/Kegiatan/Sub Kegiatan"},
                {"text": "Lokasi"},
                {"text": "Indikator Kinerja"},
                {"text": "Target Capaian"},
                {"text": "Kebutuhan Dana (Rp)"},
            ],
        ],
        "number_row": [str(i) for i in range(1, 12)],
        "rows": rows,
    }


def _quantity(value: str, unit: str) -> str:
    return f"{value}{unit}" if unit == PCT else f"{value} {unit}"


def _kebutuhan(plan: Plan) -> dict[str, int]:
    """Kebutuhan dana per code: pagu plus the needs analysis' extra, parents summed."""
    needs: dict[str, int] = {}
    for line in plan.sub_lines:
        needs[line.official.code] = line.amount + KEBUTUHAN_EXTRA.get(line.official.code, 0)
    for line in plan.lines:
        code = line.official.code
        if line.official.level != "sub_kegiatan":
            needs[code] = sum(v for c, v in needs.items() if c.startswith(code + ".") and len(c.split(".")) == 6)
    return needs


# --------------------------------------------------------------------------- T-C.29 (Writer)


def tc29_table(plan: Plan) -> dict[str, Any]:
    rows = []
    for line in plan.lines:
        o = line.official
        if o.level == "sub_kegiatan":
            sub = plan.subs[o.code]
            unit = _unit(o.satuan)
            rows.append(
                _tc29_row(o.level, o.code, o.code4, o.name, _unit(o.indikator), unit, _sub_history(o.code, sub, unit))
            )
        else:
            goals = PROGRAM_GOALS[o.code] if o.level == "program" else (KEGIATAN_GOALS[o.code],)
            g = goals[0]  # T-C.29 evaluates a program by its first indicator
            rows.append(
                _tc29_row(
                    o.level,
                    o.code,
                    o.code,
                    o.name,
                    g.indicator,
                    g.unit,
                    (g.renstra, g.real_n3, g.target_n2, g.real_n2, g.target_n1),
                )
            )
    n2, n1, n3 = YEAR - 2, YEAR - 1, YEAR - 3
    return {
        "kind": "T-C.29",
        "caption": [
            "Tabel 2.1",
            f"T-C.29 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah dan Pencapaian Renstra Perangkat Daerah s/d Tahun {n2}",
            f"{UNIT} {REGION}",
        ],
        "columns": [
            {"key": "code", "width": 2.35},
            {"key": "name", "width": 3.45},
            {"key": "indicator", "width": 3.9},
            {"key": "target_renstra", "width": 1.0},
            {"key": "target_renstra_unit", "width": 1.25},
            {"key": "realisasi_n3", "width": 1.0},
            {"key": "realisasi_n3_unit", "width": 1.25},
            {"key": "target_n2", "width": 1.0},
            {"key": "target_n2_unit", "width": 1.25},
            {"key": "realisasi_n2", "width": 1.0},
            {"key": "realisasi_n2_unit", "width": 1.25},
            {"key": "tingkat_realisasi", "width": 1.2},
            {"key": "target_n1", "width": 1.0},
            {"key": "target_n1_unit", "width": 1.25},
            {"key": "realisasi_capaian", "width": 1.35},
            {"key": "tingkat_capaian", "width": 1.2},
        ],
        "header": [
            [
                {"text": "Kode", "rowspan": 2},
                {"text": "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan", "rowspan": 2},
                {"text": "Indikator Kinerja Program (outcome)/ Kegiatan (output)/ Sub Kegiatan", "rowspan": 2},
                {
                    "text": f"Target Kinerja Capaian Program (Renstra PD) Tahun {RENSTRA[-4:]}",
                    "rowspan": 2,
                    "colspan": 2,
                },
                {
                    "text": f"Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan s/d tahun (n-3) {n3}",
                    "rowspan": 2,
                    "colspan": 2,
                },
                {"text": f"Target dan Realisasi Kinerja Program dan Kegiatan Tahun Lalu (n-2) {n2}", "colspan": 5},
                {"text": f"Target Program dan Kegiatan (Renja PD tahun {n1})", "rowspan": 2, "colspan": 2},
                {"text": f"Perkiraan Realisasi Capaian Target Renstra PD s/d tahun {n1}", "colspan": 2},
            ],
            [
                {"text": f"Target Renja PD tahun {n2}", "colspan": 2},
                {"text": f"Realisasi Renja PD tahun {n2}", "colspan": 2},
                {"text": "Tingkat Realisasi (%)"},
                {"text": "Realisasi Capaian Program dan Kegiatan s/d tahun berjalan"},
                {"text": "Tingkat Capaian Realisasi Target Renstra (%)"},
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


CUMULATIVE = {"dokumen", "laporan", "paket", "unit", "orang", "layanan", "domain", "konten"}


def _sub_history(code: str, sub: Sub, unit: str) -> tuple[str, str, str, str, str]:
    """(renstra, realisasi s/d n-3, target n-2, realisasi n-2, target n-1) of a sub kegiatan."""
    t = _num(sub.target)
    # The support program's codes are listed generically (X.XX.01...): look them up both ways.
    generic = "X.XX" + code[len(HEAD) :] if code.startswith(HEAD + ".") else code
    target_n2, real_n2 = SHORTFALL_2023.get(code) or SHORTFALL_2023.get(generic) or (str(t), str(t))
    if unit.lower() in CUMULATIVE and "/" not in unit:
        # counts add up over the Renstra years (2021-2026): six years, two of them before n-3
        return str(t * 6), str(t * 2), target_n2, real_n2, str(t)
    return str(t), str(t), target_n2, real_n2, str(t)


def _num(text: str) -> float | int:
    value = float(text.replace(".", "").replace(",", "."))
    return int(value) if value.is_integer() else value


def _fmt(value: float, decimals: int = 0) -> str:
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",")


def _tc29_row(
    level: str, code: str, written: str, name: str, indicator: str, unit: str, history: tuple[str, ...]
) -> dict[str, Any]:
    renstra, real_n3, target_n2, real_n2, target_n1 = history
    rate = _num(real_n2) / _num(target_n2) * 100
    cumulative = unit.lower() in CUMULATIVE and "/" not in unit and unit != PCT
    if cumulative:
        achieved = _num(real_n3) + _num(real_n2) + _num(target_n1)
        achieved_text = (
            _thousands(achieved) if isinstance(achieved, int) or float(achieved).is_integer() else _fmt(achieved, 2)
        )
    else:
        achieved = _num(target_n1)  # a level, not a sum: the level expected at the end of n-1
        achieved_text = target_n1
    capaian = achieved / _num(renstra) * 100
    cells = {
        "code": written,
        "name": name,
        "indicator": indicator,
        "target_renstra": renstra,
        "target_renstra_unit": unit,
        "realisasi_n3": real_n3,
        "realisasi_n3_unit": unit,
        "target_n2": target_n2,
        "target_n2_unit": unit,
        "realisasi_n2": real_n2,
        "realisasi_n2_unit": unit,
        "tingkat_realisasi": _fmt(rate, 2 if rate % 1 else 0) + "%",
        "target_n1": target_n1,
        "target_n1_unit": unit,
        "realisasi_capaian": achieved_text,
        "tingkat_capaian": _fmt(capaian, 2 if capaian % 1 else 0) + "%",
    }
    return {"level": level, "code": code, "cells": cells}


def _thousands(value: float) -> str:
    return f"{int(value):,}".replace(",", ".")


# --------------------------------------------------------------------------- other tables


INDICATORS_TC30 = [
    # indicator, spm, ikk, targets 2023..2026, realisasi 2023, 2024, proyeksi 2025, 2026, catatan
    (
        "Indeks Keterbukaan Informasi Publik Kabupaten Situbondo",
        "-",
        "-",
        ("82,00", "84,00", "86,50", "87,00"),
        ("83,20", "84,60"),
        ("86,50", "87,00"),
        "Hasil monitoring dan evaluasi Komisi Informasi Provinsi Jawa Timur",
    ),
    (
        "Persentase Perangkat Daerah yang Mengelola Informasi Publik melalui PPID Pembantu",
        "-",
        "Ya",
        ("95", "100", "100", "100"),
        ("95", "100"),
        ("100", "100"),
        "Seluruh PD telah memiliki PPID Pembantu",
    ),
    (
        "Indeks Sistem Pemerintahan Berbasis Elektronik (SPBE)",
        "-",
        "Ya",
        ("2,60", "2,85", "3,10", "3,25"),
        ("2,71", "2,92"),
        ("3,10", "3,25"),
        "Hasil evaluasi SPBE Kementerian PANRB",
    ),
    (
        "Persentase Perangkat Daerah yang Menyajikan Data Statistik Sektoral",
        "-",
        "-",
        ("70", "78", "85", "90"),
        ("72", "79"),
        ("85", "90"),
        "Data dihimpun melalui portal Satu Data Situbondo",
    ),
    (
        "Persentase Perangkat Daerah yang Menerapkan Standar Keamanan Informasi",
        "-",
        "-",
        ("60", "70", "78", "82"),
        ("58", "71"),
        ("78", "82"),
        "Penilaian mandiri Indeks KAMI",
    ),
]


def tc30_table() -> dict[str, Any]:
    y = [YEAR - 2, YEAR - 1, YEAR, YEAR + 1]
    rows = []
    for i, (indicator, spm, ikk, targets, real, proj, note) in enumerate(INDICATORS_TC30, start=1):
        cells = {"no": str(i), "indicator": indicator, "spm": spm, "ikk": ikk}
        cells.update({f"target_{yr}": t for yr, t in zip(y, targets)})
        cells.update({f"realisasi_{yr}": r for yr, r in zip(y[:2], real)})
        cells.update({f"proyeksi_{yr}": p for yr, p in zip(y[2:], proj)})
        cells["catatan"] = note
        rows.append({"level": "other", "code": None, "cells": cells})
    cols = [
        {"key": "no", "width": 0.8},
        {"key": "indicator", "width": 5.6},
        {"key": "spm", "width": 1.8},
        {"key": "ikk", "width": 1.3},
    ]
    cols += [{"key": f"target_{yr}", "width": 1.45} for yr in y]
    cols += [{"key": f"realisasi_{yr}", "width": 1.45} for yr in y[:2]]
    cols += [{"key": f"proyeksi_{yr}", "width": 1.45} for yr in y[2:]]
    cols += [{"key": "catatan", "width": 3.6}]
    return {
        "kind": "T-C.30",
        "caption": ["Tabel 2.2", f"T-C.30 Pencapaian Kinerja Pelayanan {UNIT} {REGION}"],
        "columns": cols,
        "header": [
            [
                {"text": "No", "rowspan": 2},
                {"text": "Indikator", "rowspan": 2},
                {"text": "SPM/ Standar Nasional", "rowspan": 2},
                {"text": "IKK", "rowspan": 2},
                {"text": "Target Renstra Perangkat Daerah", "colspan": 4},
                {"text": "Realisasi Capaian", "colspan": 2},
                {"text": "Proyeksi", "colspan": 2},
                {"text": "Catatan Analisis", "rowspan": 2},
            ],
            [{"text": f"Tahun {yr}"} for yr in y]
            + [{"text": f"Tahun {yr}"} for yr in y[:2]]
            + [{"text": f"Tahun {yr}"} for yr in y[2:]],
        ],
        "number_row": [str(i) for i in range(1, 14)],
        "rows": rows,
    }


def tc32_table() -> dict[str, Any]:
    usulan = [
        (
            "Penyediaan akses internet gratis di balai desa dan ruang publik",
            "Kec. Sumbermalang dan Kec. Jatibanteng",
            "Jumlah titik akses internet publik",
            "12 titik",
            "Diakomodir melalui Sub Kegiatan Penyelenggaraan Sistem Jaringan Intra Pemerintah Daerah",
        ),
        (
            "Pelatihan pengelolaan website desa",
            "Kec. Besuki, Kec. Suboh dan Kec. Mlandingan",
            "Jumlah operator desa yang dilatih",
            "45 orang",
            "Diakomodir melalui Sub Kegiatan Pengembangan dan Pengelolaan Sumber Daya TIK",
        ),
        (
            "Pembinaan Kelompok Informasi Masyarakat (KIM)",
            "Kec. Panarukan dan Kec. Kapongan",
            "Jumlah KIM yang dibina",
            "10 kelompok",
            "Diakomodir melalui Sub Kegiatan Penguatan Kapasitas Sumber Daya Komunikasi Publik",
        ),
        (
            "Pemasangan menara telekomunikasi di wilayah blank spot",
            "Kec. Banyuputih (Desa Wonorejo)",
            "Jumlah desa blank spot yang tertangani",
            "1 desa",
            "Belum dapat diakomodir; diusulkan melalui program BAKTI Kementerian Kominfo",
        ),
    ]
    rows = [
        {
            "level": "other",
            "code": None,
            "cells": {"no": str(i), "name": n, "lokasi": lok, "indicator": ind, "besaran": b, "catatan": c},
        }
        for i, (n, lok, ind, b, c) in enumerate(usulan, start=1)
    ]
    return {
        "kind": "T-C.32",
        "caption": [
            "Tabel 2.4",
            "T-C.32 Usulan Program dan Kegiatan dari Para Pemangku Kepentingan",
            f"{REGION} Tahun {YEAR}",
            f"Nama Perangkat Daerah : {UNIT}",
        ],
        "columns": [
            {"key": "no", "width": 0.8},
            {"key": "name", "width": 4.0},
            {"key": "lokasi", "width": 2.6},
            {"key": "indicator", "width": 3.2},
            {"key": "besaran", "width": 1.9},
            {"key": "catatan", "width": 4.5},
        ],
        "header": [
            [
                {"text": "No"},
                {"text": "Program/Kegiatan/Sub Kegiatan"},
                {"text": "Lokasi"},
                {"text": "Indikator Kinerja"},
                {"text": "Besaran/ Volume"},
                {"text": "Catatan"},
            ]
        ],
        "number_row": ["1", "2", "3", "4", "5", "6"],
        "rows": rows,
    }


TUJUAN = (
    "Meningkatnya Tata Kelola Pemerintahan Berbasis Elektronik dan Keterbukaan Informasi Publik yang Akuntabel",
    [
        (
            "Indeks Sistem Pemerintahan Berbasis Elektronik (SPBE)",
            "Nilai indeks hasil evaluasi SPBE oleh Kementerian PANRB",
            "2,85",
            "3,10",
            "3,25",
        ),
        (
            "Indeks Keterbukaan Informasi Publik Kabupaten Situbondo",
            "Nilai hasil monitoring dan evaluasi Komisi Informasi Provinsi Jawa Timur",
            "84,00",
            "86,50",
            "87,00",
        ),
    ],
)
SASARAN = [
    (
        "Meningkatnya kualitas layanan informasi dan komunikasi publik",
        "Persentase Perangkat Daerah yang Mengelola Informasi Publik melalui PPID Pembantu",
        "(Jumlah PD yang mengelola informasi publik melalui PPID Pembantu / Jumlah seluruh PD) x 100%",
        "100",
        "100",
        "100",
    ),
    (
        "Meningkatnya ketersediaan data statistik sektoral yang berkualitas",
        "Persentase Perangkat Daerah yang Menyajikan Data Statistik Sektoral",
        "(Jumlah PD yang menyajikan data statistik sektoral / Jumlah seluruh PD) x 100%",
        "78",
        "85",
        "90",
    ),
    (
        "Meningkatnya keamanan informasi pemerintah daerah",
        "Persentase Perangkat Daerah yang Menerapkan Standar Keamanan Informasi",
        "(Jumlah PD yang menerapkan standar keamanan informasi / Jumlah seluruh PD) x 100%",
        "70",
        "78",
        "82",
    ),
]


def goal_table(kind: str, caption: list[str]) -> dict[str, Any]:
    years = [YEAR - 1, YEAR, YEAR + 1]
    label = "tujuan" if kind == "Tabel 3.2" else "sasaran"
    rows: list[dict[str, Any]] = []
    if kind == "Tabel 3.2":
        text, inds = TUJUAN
        rows.append(
            {
                "level": "other",
                "code": None,
                "cells": {"no": "1", "tujuan": text},
                "split": [
                    {"indicator": i, "formula": f, **{f"target_{y}": t for y, t in zip(years, ts)}}
                    for i, f, *ts in inds
                ],
            }
        )
    else:
        for n, (text, ind, f, *ts) in enumerate(SASARAN, start=1):
            rows.append(
                {
                    "level": "other",
                    "code": None,
                    "cells": {
                        "no": str(n),
                        "sasaran": text,
                        "indicator": ind,
                        "formula": f,
                        **{f"target_{y}": t for y, t in zip(years, ts)},
                    },
                }
            )
    return {
        "kind": kind,
        "caption": caption,
        "columns": [
            {"key": "no", "width": 0.8},
            {"key": label, "width": 4.0},
            {"key": "indicator", "width": 3.8},
            {"key": "formula", "width": 4.4},
        ]
        + [{"key": f"target_{y}", "width": 1.35} for y in years],
        "header": [
            [
                {"text": "No", "rowspan": 2},
                {"text": label.capitalize(), "rowspan": 2},
                {"text": f"Indikator {label.capitalize()}", "rowspan": 2},
                {"text": "Formulasi Perhitungan", "rowspan": 2},
                {"text": "Target Kinerja pada Tahun", "colspan": 3},
            ],
            [{"text": str(y)} for y in years],
        ],
        "rows": rows,
    }


PEGAWAI = [
    ("Kepala Dinas", "1", "-", "-", "1"),
    ("Sekretariat", "9", "2", "8", "19"),
    ("Bidang Informasi dan Komunikasi Publik", "8", "2", "5", "15"),
    ("Bidang Aplikasi Informatika dan Persandian", "9", "3", "6", "18"),
    ("Bidang Statistik dan Infrastruktur TIK", "8", "2", "5", "15"),
]


def pegawai_table() -> dict[str, Any]:
    rows = [
        {
            "level": "other",
            "code": None,
            "cells": {"no": str(i), "unit": u, "pns": p, "pppk": k, "non_asn": n, "jumlah": j},
        }
        for i, (u, p, k, n, j) in enumerate(PEGAWAI, start=1)
    ]
    totals = [sum(int(r[c]) if r[c] != "-" else 0 for r in PEGAWAI) for c in (1, 2, 3, 4)]
    rows.append(
        {
            "level": "total",
            "code": None,
            "cells": {
                "unit": "Jumlah",
                "pns": str(totals[0]),
                "pppk": str(totals[1]),
                "non_asn": str(totals[2]),
                "jumlah": str(totals[3]),
            },
        }
    )
    return {
        "kind": "other",
        "caption": ["Tabel 1.1", f"Komposisi Pegawai {UNIT} {REGION} Keadaan Mei {YEAR - 1}"],
        "columns": [
            {"key": "no", "width": 1.0},
            {"key": "unit", "width": 7.0},
            {"key": "pns", "width": 2.0},
            {"key": "pppk", "width": 2.0},
            {"key": "non_asn", "width": 2.2},
            {"key": "jumlah", "width": 2.0},
        ],
        "header": [
            [
                {"text": "No"},
                {"text": "Unit Kerja"},
                {"text": "PNS"},
                {"text": "PPPK"},
                {"text": "Non ASN"},
                {"text": "Jumlah"},
            ]
        ],
        "rows": rows,
    }


# --------------------------------------------------------------------------- narrative


def _p(text: str) -> dict[str, Any]:
    return {"type": "paragraph", "text": text}


def _h(level: int, text: str) -> dict[str, Any]:
    return {"type": "heading", "level": level, "text": text}


def _list(items: list[str]) -> dict[str, Any]:
    return {"type": "list", "items": items}


def _table(ref: str) -> dict[str, Any]:
    return {"type": "table", "ref": ref}


def _section(orientation: str) -> dict[str, Any]:
    return {"type": "section", "orientation": orientation}


ROMAN = ["I", "II", "III", "IV", "V"]
LETTERS = "ABCDEFGHIJ"
LEGAL = [
    "Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional;",
    "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik;",
    "Undang-Undang Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik sebagaimana telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 1 Tahun 2024;",
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 6 Tahun 2023;",
    "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi;",
    "Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 72 Tahun 2019;",
    "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah;",
    "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;",
    "Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia;",
    "Peraturan Presiden Nomor 132 Tahun 2022 tentang Arsitektur Sistem Pemerintahan Berbasis Elektronik Nasional;",
    "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah, Tata Cara Evaluasi Rancangan Peraturan Daerah tentang Rencana Pembangunan Jangka Panjang Daerah dan Rencana Pembangunan Jangka Menengah Daerah, serta Tata Cara Perubahan Rencana Pembangunan Jangka Panjang Daerah, Rencana Pembangunan Jangka Menengah Daerah, dan Rencana Kerja Pemerintah Daerah;",
    "Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019 tentang Klasifikasi, Kodefikasi, dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah;",
    "Keputusan Menteri Dalam Negeri Nomor 900.1.15.5-1317 Tahun 2023 tentang Perubahan atas Keputusan Menteri Dalam Negeri Nomor 050-5889 Tahun 2021 tentang Hasil Verifikasi, Validasi dan Inventarisasi Pemutakhiran Klasifikasi, Kodefikasi dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah;",
    "Peraturan Daerah Kabupaten Situbondo Nomor 6 Tahun 2021 tentang Rencana Pembangunan Jangka Menengah Daerah Kabupaten Situbondo Tahun 2021-2026;",
    "Peraturan Bupati Situbondo Nomor 61 Tahun 2021 tentang Kedudukan, Susunan Organisasi, Uraian Tugas dan Fungsi serta Tata Kerja Dinas Komunikasi dan Informatika;",
    "Peraturan Bupati Situbondo Nomor 27 Tahun 2022 tentang Rencana Strategis Perangkat Daerah Kabupaten Situbondo Tahun 2021-2026.",
]


def front_matter() -> list[dict[str, Any]]:
    return [
        {
            "type": "cover",
            "lines": [
                "RENCANA KERJA",
                "PERANGKAT DAERAH",
                "(RENJA PD)",
                f"TAHUN {YEAR}",
                "",
                UNIT_UPPER,
                REGION.upper(),
                "",
                f"PEMERINTAH {REGION.upper()}",
                f"{UNIT.upper()}",
                "Jl. PB. Sudirman No. 1 Situbondo, Telp. (0338) 671224, Kode Pos 68312",
            ],
        },
        _h(1, "KATA PENGANTAR"),
        _p(
            "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa atas rahmat dan karunia-Nya sehingga Rencana Kerja "
            f"(Renja) {UNIT} {REGION} Tahun {YEAR} dapat tersusun. Renja ini merupakan dokumen perencanaan tahunan yang memuat "
            "program, kegiatan dan sub kegiatan beserta indikator kinerja, target dan pagu indikatifnya, yang disusun dengan "
            f"berpedoman pada Rencana Strategis {UNIT} Tahun {RENSTRA} dan Rencana Kerja Pemerintah Daerah (RKPD) {REGION} "
            f"Tahun {YEAR}."
        ),
        _p(
            "Penyusunan program dan kegiatan beserta pagu indikatifnya dilakukan melalui aplikasi Sistem Informasi Pemerintahan "
            "Daerah Republik Indonesia (SIPD-RI), sehingga matriks rumusan rencana program dan kegiatan (T-C.33) pada dokumen ini "
            "merupakan hasil cetak langsung dari aplikasi tersebut. Dengan demikian data yang tercantum dalam Renja telah selaras "
            "dengan data perencanaan dan penganggaran daerah."
        ),
        _p(
            "Kami menyampaikan terima kasih kepada seluruh pihak yang telah berkontribusi dalam penyusunan dokumen ini. Kritik dan "
            "saran yang membangun sangat kami harapkan untuk penyempurnaan dokumen perencanaan di masa yang akan datang."
        ),
        {
            "type": "signature",
            "lines": [PLACE_DATE, f"KEPALA {UNIT_UPPER}", REGION.upper(), "", "", KEPALA[0], KEPALA[1], KEPALA[2]],
        },
        {"type": "page_break"},
        _h(1, "DAFTAR ISI"),
        _list(
            [
                "KATA PENGANTAR",
                "DAFTAR ISI",
                "BAB I PENDAHULUAN",
                "1.1. Latar Belakang",
                "1.2. Landasan Hukum",
                "1.3. Maksud dan Tujuan",
                "1.4. Sistematika Penulisan",
                "BAB II EVALUASI PELAKSANAAN RENJA PERANGKAT DAERAH TAHUN LALU",
                "2.1. Evaluasi Pelaksanaan Renja Perangkat Daerah Tahun Lalu dan Capaian Renstra Perangkat Daerah",
                "2.2. Analisis Kinerja Pelayanan Perangkat Daerah",
                "2.3. Isu-Isu Penting Penyelenggaraan Tugas dan Fungsi Perangkat Daerah",
                "2.4. Review terhadap Rancangan Awal RKPD",
                "2.5. Penelaahan Usulan Program dan Kegiatan Masyarakat",
                "BAB III TUJUAN DAN SASARAN PERANGKAT DAERAH",
                "3.1. Telaahan terhadap Kebijakan Nasional dan Provinsi",
                "3.2. Tujuan dan Sasaran Renja Perangkat Daerah",
                "3.3. Program dan Kegiatan",
                "BAB IV RENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH",
                "BAB V PENUTUP",
            ]
        ),
    ]


def bab1() -> list[dict[str, Any]]:
    return [
        {"type": "page_break"},
        _h(1, "BAB I\nPENDAHULUAN"),
        _h(2, "1.1. Latar Belakang"),
        _p(
            "Pembangunan daerah merupakan upaya terencana untuk meningkatkan kapasitas daerah dalam mewujudkan masyarakat yang "
            "sejahtera. Sesuai amanat Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional, setiap "
            "perangkat daerah wajib menyusun rencana kerja tahunan yang menjabarkan rencana strategisnya ke dalam program, "
            "kegiatan dan sub kegiatan yang terukur."
        ),
        _p(
            f"{UNIT} {REGION} dibentuk berdasarkan Peraturan Daerah tentang Pembentukan dan Susunan Perangkat Daerah dan "
            "melaksanakan urusan pemerintahan bidang komunikasi dan informatika, urusan pemerintahan bidang statistik serta "
            "urusan pemerintahan bidang persandian. Ketiga urusan tersebut menempatkan Diskominfo sebagai penggerak transformasi "
            "digital pemerintahan, pengelola komunikasi publik, wali data daerah dan penjamin keamanan informasi pemerintah daerah."
        ),
        _p(
            f"Rencana Kerja {UNIT} Tahun {YEAR} disusun pada tahap rancangan akhir dengan memperhatikan hasil evaluasi "
            f"pelaksanaan Renja tahun {YEAR - 2}, perkiraan capaian tahun {YEAR - 1}, Rancangan Awal RKPD Tahun {YEAR} serta "
            "hasil Forum Perangkat Daerah. Proses penyusunan dilaksanakan melalui tahapan persiapan, penyusunan rancangan awal, "
            "penyusunan rancangan, pelaksanaan forum perangkat daerah, perumusan rancangan akhir dan penetapan."
        ),
        _p(
            "Sejak diberlakukannya kewajiban penggunaan SIPD-RI, seluruh tahapan perencanaan dan penganggaran daerah diinput dan "
            "diverifikasi melalui aplikasi tersebut. Rumusan program, kegiatan dan sub kegiatan, indikator kinerja, target, lokasi, "
            "sumber dana serta pagu indikatif yang tercantum dalam dokumen ini merupakan hasil input pada SIPD-RI dan dicetak "
            "langsung dari aplikasi."
        ),
        _p(
            f"Untuk mendukung pelaksanaan tugas tersebut, {UNIT} didukung oleh sumber daya aparatur sebagaimana tabel berikut."
        ),
        _table("pegawai"),
        _p(
            "Dari tabel di atas terlihat bahwa sebagian besar tenaga teknis bidang aplikasi informatika, persandian dan "
            "statistik masih berstatus Non ASN, sehingga peningkatan kompetensi aparatur tetap menjadi perhatian dalam "
            f"perencanaan Tahun {YEAR}."
        ),
        _h(2, "1.2. Landasan Hukum"),
        _p(
            f"Penyusunan Rencana Kerja {UNIT} {REGION} Tahun {YEAR} berpedoman pada peraturan perundang-undangan sebagai berikut:"
        ),
        _list([f"{i}. {text}" for i, text in enumerate(LEGAL, start=1)]),
        _h(2, "1.3. Maksud dan Tujuan"),
        _p(
            f"Maksud penyusunan Renja {UNIT} Tahun {YEAR} adalah menyediakan dokumen perencanaan tahunan yang menjadi acuan "
            "dalam penyusunan Rencana Kerja dan Anggaran (RKA) serta pelaksanaan program dan kegiatan selama satu tahun anggaran."
        ),
        _p("Adapun tujuan penyusunan Renja adalah:"),
        _list(
            [
                "a. menjabarkan Renstra Perangkat Daerah ke dalam program, kegiatan dan sub kegiatan tahunan;",
                "b. menjamin keterkaitan dan konsistensi antara perencanaan, penganggaran, pelaksanaan dan pengawasan;",
                "c. menjadi pedoman penyusunan RKA dan Dokumen Pelaksanaan Anggaran (DPA) Perangkat Daerah;",
                "d. menyediakan tolok ukur untuk mengevaluasi kinerja tahunan Perangkat Daerah.",
            ]
        ),
        _h(2, "1.4. Sistematika Penulisan"),
        _p(f"Renja {UNIT} Tahun {YEAR} disusun dalam {count(5, 'bab')} dengan sistematika sebagai berikut:"),
        _list(
            [
                "BAB I PENDAHULUAN, berisi latar belakang, landasan hukum, maksud dan tujuan serta sistematika penulisan.",
                "BAB II EVALUASI PELAKSANAAN RENJA PERANGKAT DAERAH TAHUN LALU, berisi evaluasi pelaksanaan Renja dan capaian Renstra, "
                "analisis kinerja pelayanan, isu-isu penting, review terhadap rancangan awal RKPD dan penelaahan usulan masyarakat.",
                "BAB III TUJUAN DAN SASARAN PERANGKAT DAERAH, berisi telaahan terhadap kebijakan nasional dan provinsi, tujuan dan "
                "sasaran serta program dan kegiatan.",
                "BAB IV RENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH, berisi rencana program dan kegiatan beserta pendanaannya.",
                "BAB V PENUTUP, berisi catatan penting dan kaidah pelaksanaan.",
            ]
        ),
    ]


def bab2(plan: Plan) -> list[dict[str, Any]]:
    n2 = YEAR - 2
    short = [official(plan.budget.nom, c, HEAD) for c in SHORTFALL_2023]
    return [
        {"type": "page_break"},
        _h(1, "BAB II\nEVALUASI PELAKSANAAN RENJA PERANGKAT DAERAH TAHUN LALU"),
        _h(2, "2.1. Evaluasi Pelaksanaan Renja Perangkat Daerah Tahun Lalu dan Capaian Renstra Perangkat Daerah"),
        _p(
            f"Evaluasi pelaksanaan Renja tahun lalu ({n2}) dilakukan terhadap capaian indikator kinerja program, kegiatan dan sub "
            f"kegiatan yang tercantum dalam Renja {UNIT} Tahun {n2}, sekaligus untuk mengukur perkiraan capaian target Renstra "
            f"Perangkat Daerah sampai dengan tahun {YEAR - 1}. Rekapitulasi hasil evaluasi disajikan pada tabel berikut."
        ),
        _section("landscape"),
        _table("tc29"),
        _section("portrait"),
        _p(
            f"Berdasarkan tabel di atas, sebagian besar target kinerja Tahun {n2} dapat dicapai. Namun demikian terdapat "
            f"{count(2, 'sub kegiatan')} yang belum mencapai target, yaitu Sub Kegiatan {short[0].name} dan Sub Kegiatan "
            f"{short[1].name}. Pada sub kegiatan pertama dari 4 aplikasi yang direncanakan baru 3 aplikasi yang selesai "
            "dikembangkan karena keterlambatan penyediaan server, sedangkan pada sub kegiatan kedua sebagian peralatan jaringan "
            "belum dapat dipelihara karena telah melewati masa garansi dan menunggu penghapusan."
        ),
        _p(
            "Pada tingkat program, Indeks Keterbukaan Informasi Publik mencapai 83,20 atau melampaui target 82,00, sedangkan "
            "Persentase Perangkat Daerah yang Menerapkan Standar Keamanan Informasi baru mencapai 58% dari target 60%. Hal ini "
            "disebabkan masih terbatasnya sumber daya manusia bersertifikat keamanan informasi pada perangkat daerah."
        ),
        _h(2, "2.2. Analisis Kinerja Pelayanan Perangkat Daerah"),
        _p(
            f"Kinerja pelayanan {UNIT} diukur dengan indikator kinerja utama yang ditetapkan dalam Renstra Perangkat Daerah "
            f"Tahun {RENSTRA}. Urusan komunikasi dan informatika, statistik dan persandian tidak memiliki Standar Pelayanan "
            "Minimal, sehingga kolom SPM pada tabel berikut tidak diisi, sedangkan indikator yang juga merupakan Indikator "
            "Kinerja Kunci (IKK) LPPD diberi tanda pada kolom IKK."
        ),
        _section("landscape"),
        _table("tc30"),
        _section("portrait"),
        _p(
            f"Capaian Indeks SPBE Tahun {n2} sebesar 2,71 dengan predikat baik menunjukkan kemajuan tata kelola pemerintahan "
            "berbasis elektronik. Peningkatan lebih lanjut diarahkan pada domain layanan dan manajemen SPBE, antara lain melalui "
            "integrasi aplikasi layanan publik dan penerapan manajemen keamanan informasi."
        ),
        _h(2, "2.3. Isu-Isu Penting Penyelenggaraan Tugas dan Fungsi Perangkat Daerah"),
        _p("Isu-isu penting yang dihadapi dalam penyelenggaraan tugas dan fungsi Diskominfo antara lain:"),
        _list(
            [
                "1. Belum meratanya infrastruktur jaringan internet, terutama di wilayah perbukitan Kecamatan Sumbermalang dan Jatibanteng;",
                "2. Masih banyaknya aplikasi perangkat daerah yang berdiri sendiri dan belum terintegrasi;",
                "3. Rendahnya kualitas dan ketersediaan data sektoral sebagai dasar perencanaan pembangunan;",
                "4. Meningkatnya ancaman serangan siber terhadap sistem elektronik pemerintah daerah;",
                "5. Terbatasnya jumlah aparatur yang memiliki kompetensi teknis di bidang teknologi informasi.",
            ]
        ),
        _h(2, "2.4. Review terhadap Rancangan Awal RKPD"),
        _p(
            f"Review terhadap Rancangan Awal RKPD {REGION} Tahun {YEAR} dilakukan dengan membandingkan program, kegiatan dan sub "
            "kegiatan beserta pagu indikatif pada Rancangan Awal RKPD dengan hasil analisis kebutuhan perangkat daerah. Hasil "
            "review disajikan pada Tabel 2.3."
        ),
        _section("landscape"),
        _table("tc31"),
        _section("portrait"),
        _p(
            f"Hasil analisis kebutuhan menunjukkan kebutuhan dana yang lebih besar dari pagu indikatif pada {count(3, 'sub kegiatan')}, "
            "terutama untuk penambahan kapasitas bandwidth jaringan intra pemerintah daerah. Kekurangan tersebut akan diusulkan "
            "kembali pada perubahan anggaran atau dipenuhi secara bertahap."
        ),
        _h(2, "2.5. Penelaahan Usulan Program dan Kegiatan Masyarakat"),
        _p(
            "Usulan program dan kegiatan dari para pemangku kepentingan diperoleh melalui Musrenbang Kecamatan, Forum Perangkat "
            "Daerah dan pokok-pokok pikiran DPRD. Usulan yang berkaitan dengan tugas dan fungsi Diskominfo disajikan pada tabel berikut."
        ),
        _table("tc32"),
    ]


def bab3(plan: Plan) -> list[dict[str, Any]]:
    programs = plan.programs
    items: list[str] = []
    for p_i, program in enumerate(programs):
        items.append(f"{LETTERS[p_i]}. {program.official.name}")
        kegiatan = [k for k in plan.kegiatan if k.official.code.startswith(program.official.code + ".")]
        for k_i, keg in enumerate(kegiatan, start=1):
            items.append(f"{k_i}. Kegiatan {keg.official.name}")
            subs = [s for s in plan.sub_lines if s.official.code.startswith(keg.official.code + ".")]
            for s_i, sub in enumerate(subs):
                items.append(f"{'abcdefghijklmnopqrstuvwxyz'[s_i]}. Sub Kegiatan {sub.official.name}")
    return [
        {"type": "page_break"},
        _h(1, "BAB III\nTUJUAN DAN SASARAN PERANGKAT DAERAH"),
        _h(2, "3.1. Telaahan terhadap Kebijakan Nasional dan Provinsi"),
        _p(
            f"Rencana Kerja Pemerintah Tahun {YEAR} mengusung tema percepatan transformasi ekonomi yang inklusif dan "
            "berkelanjutan. Prioritas nasional yang berkaitan langsung dengan tugas Diskominfo adalah penguatan reformasi "
            "birokrasi melalui penerapan SPBE, pengembangan ekonomi digital serta penguatan Satu Data Indonesia."
        ),
        _p(
            "Pemerintah Provinsi Jawa Timur menetapkan percepatan transformasi digital pemerintahan dan peningkatan kualitas "
            "pelayanan publik sebagai bagian dari prioritas pembangunan daerah. Kebijakan tersebut dijabarkan oleh Diskominfo "
            "melalui integrasi layanan, pengembangan pusat data daerah dan penguatan keamanan informasi."
        ),
        _h(2, "3.2. Tujuan dan Sasaran Renja Perangkat Daerah"),
        _p(
            f"Tujuan {UNIT} sebagaimana ditetapkan dalam Renstra Tahun {RENSTRA} beserta indikator dan targetnya disajikan pada "
            "Tabel 3.1."
        ),
        _table("tujuan"),
        _p("Untuk mencapai tujuan tersebut ditetapkan sasaran beserta indikator sasaran sebagaimana Tabel 3.2."),
        _table("sasaran"),
        _h(2, "3.3. Program dan Kegiatan"),
        _p(
            f"Untuk mewujudkan tujuan dan sasaran tersebut, pada Tahun {YEAR} {UNIT} melaksanakan {count(len(programs), 'program')}, "
            f"{count(len(plan.kegiatan), 'kegiatan')} dan {count(len(plan.sub_lines), 'sub kegiatan')} sebagai berikut:"
        ),
        _list(items),
        _p(
            f"Rincian program, kegiatan dan sub kegiatan beserta indikator kinerja, target, lokasi, sumber dana dan pagu indikatif "
            f"Tahun {YEAR} serta prakiraan maju Tahun {YEAR + 1} merupakan hasil cetak SIPD-RI sebagaimana matriks T-C.33 berikut."
        ),
        _section("landscape"),
        _table("tc33"),
        _section("portrait"),
    ]


def bab4(plan: Plan) -> list[dict[str, Any]]:
    total = plan.budget.total
    pegawai = next(
        s.amount for s in plan.sub_lines if s.official.code.endswith(".2.02.01") and s.official.code.startswith(HEAD)
    )
    modal = sum(s.amount for s in plan.sub_lines if ".01.2.07." in s.official.code)
    barang = total - pegawai - modal
    items = [
        f"{i}. {p.official.name.title()} dengan pagu indikatif sebesar {rp(p.amount)};"
        for i, p in enumerate(plan.programs, start=1)
    ]
    return [
        _h(1, "BAB IV\nRENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH"),
        _p(
            f"Rencana kerja dan pendanaan {UNIT} Tahun {YEAR} disusun berdasarkan pagu indikatif yang ditetapkan dalam "
            f"Rancangan Akhir RKPD {REGION} Tahun {YEAR}. Rincian program, kegiatan dan sub kegiatan beserta indikator kinerja, "
            "kelompok sasaran, lokasi, target capaian, pagu indikatif dan sumber dana, termasuk prakiraan maju tahun berikutnya, "
            "tercantum pada matriks T-C.33 hasil cetak SIPD-RI pada BAB III."
        ),
        _p(f"Program utama yang dilaksanakan pada Tahun {YEAR} adalah sebagai berikut:"),
        _list(items),
        _p(
            f"Jumlah Anggaran yang dialokasikan untuk pelaksanaan program dan kegiatan {UNIT} Tahun {YEAR} direncanakan sebesar "
            f"{rp(total)} terdiri dari Belanja Pegawai sebesar {rp(pegawai)}, Belanja Barang dan Jasa sebesar {rp(barang)} dan "
            f"Belanja Modal sebesar {rp(modal)}."
        ),
        _p(
            f"Prakiraan maju kebutuhan pendanaan Tahun {YEAR + 1} sebesar {rp(plan.budget.total_next)}, yang akan "
            "disesuaikan kembali dengan kemampuan keuangan daerah dan arah kebijakan RKPD tahun berkenaan."
        ),
    ]


def bab5() -> list[dict[str, Any]]:
    return [
        {"type": "page_break"},
        _h(1, "BAB V\nPENUTUP"),
        _p(
            f"Rencana Kerja {UNIT} {REGION} Tahun {YEAR} merupakan penjabaran tahunan dari Renstra Perangkat Daerah Tahun "
            f"{RENSTRA} dan menjadi pedoman dalam penyusunan RKA serta pelaksanaan program dan kegiatan Tahun {YEAR}."
        ),
        _p(
            "Keberhasilan pelaksanaan Renja ini sangat ditentukan oleh komitmen seluruh aparatur Diskominfo serta dukungan "
            "perangkat daerah lain, pemerintah desa dan masyarakat. Perubahan yang timbul karena perkembangan kebijakan akan "
            "diakomodir melalui mekanisme perubahan Renja sesuai ketentuan peraturan perundang-undangan."
        ),
        _p(
            "Pengendalian dan evaluasi pelaksanaan Renja dilakukan secara berkala setiap triwulan melalui aplikasi SIPD-RI dan "
            "e-Monev daerah, sehingga permasalahan yang timbul dapat segera ditindaklanjuti."
        ),
        {
            "type": "signature",
            "lines": [PLACE_DATE, f"KEPALA {UNIT_UPPER}", REGION.upper(), "", "", KEPALA[0], KEPALA[1], KEPALA[2]],
        },
    ]


# --------------------------------------------------------------------------- spec


def build_clean() -> dict[str, Any]:
    plan = make_plan()
    body = front_matter() + bab1() + bab2(plan) + bab3(plan) + bab4(plan) + bab5()
    tables = {
        "pegawai": pegawai_table(),
        "tc29": tc29_table(plan),
        "tc30": tc30_table(),
        "tc31": tc31_table(plan),
        "tc32": tc32_table(),
        "tujuan": goal_table("Tabel 3.2", ["Tabel 3.1", f"Tujuan dan Indikator Tujuan {UNIT} {REGION}"]),
        "sasaran": goal_table("Tabel 3.3", ["Tabel 3.2", f"Sasaran dan Indikator Sasaran {UNIT} {REGION}"]),
        "tc33": tc33_table(plan),
    }
    return {
        "id": ID,
        "family": FAMILY,
        "meta": {"unit": UNIT, "region": REGION, "plan_year": YEAR, "place_date": PLACE_DATE},
        "style": {"font": "Liberation Sans", "body_pt": 11, "table_pt": 7, "thousands": THOUSANDS},
        "body": body,
        "tables": tables,
    }


# --------------------------------------------------------------------------- defects


def _row(spec: dict[str, Any], table: str, code: str, level: str | None = None) -> dict[str, Any]:
    return common.row_with(spec, table, code, level)


def build_defects(clean: dict[str, Any]) -> dict[str, Any]:
    spec = common.variant(clean, DEFECTS_ID)
    defects: list[dict[str, Any]] = []

    def declare(defect_id: str, what: str, *expect: dict[str, Any]) -> None:
        defects.append({"id": defect_id, "what": what, "expect": list(expect)})

    # 1. a sub kegiatan's pagu no longer adds up to its kegiatan (T-C.33 only; T-C.31 keeps the old value)
    sub = _row(spec, "tc33", "2.16.02.2.01.04")
    sub["cells"]["amount"] += 12_500_000
    declare(
        "tc33-sub-sum",
        "T-C.33: pagu of sub kegiatan 2.16.02.2.01.0004 raised by Rp 12.500.000; kegiatan 2.16.02.2.01 "
        "no longer equals the sum of its sub kegiatan (and T-C.31 shows the old pagu)",
        {"rule": "TOT-001", "table": "T-C.33", "code": "2.16.02.2.01", "column": "amount"},
        {"rule": "TOT-001", "table": "T-C.33", "code": "2.16.02.2.01.04", "column": "amount"},
        {"rule": "XT-002", "code": "2.16.02.2.01.04"},
    )
    # 2. the prakiraan maju of a kegiatan is not the sum of its sub kegiatan
    keg = _row(spec, "tc33", "2.16.03.2.02")
    keg["cells"]["amount_next"] -= 40_000_000
    declare(
        "tc33-next-sum",
        "T-C.33: prakiraan maju 2026 of kegiatan 2.16.03.2.02 lowered by Rp 40.000.000; it no longer "
        "equals its sub kegiatan, and program 2.16.03 no longer equals its kegiatan",
        {"rule": "TOT-002", "table": "T-C.33", "code": "2.16.03.2.02", "column": "amount_next"},
        {"rule": "TOT-002", "table": "T-C.33", "code": "2.16.03", "column": "amount_next"},
    )
    # 3. a four-digit sub kegiatan code that is not in the nomenclature
    bad = _row(spec, "tc33", "2.16.03.2.02.12")
    bad["code"] = "2.16.03.2.02.16"
    bad["cells"]["code"] = "2.16.03.2.02.0016"
    declare(
        "tc33-unknown-code",
        "T-C.33: Monitoring, Evaluasi dan Pelaporan Pengembangan Ekosistem SPBE printed with code "
        "2.16.03.2.02.0016, which the nomenclature does not list (official: 2.16.03.2.02.0012)",
        {"rule": "NOM-003", "table": "T-C.33", "code": "2.16.03.2.02.16"},
        # T-C.31 still has the right code: each table now has a row the other lacks
        {"rule": "XT-005", "code": "2.16.03.2.02.16"},
        {"rule": "XT-005", "code": "2.16.03.2.02.12"},
    )
    # 4. a satuan that does not fit its indicator (satuan column of the SIPD matrix)
    unit = _row(spec, "tc33", "2.16.02.2.01.02")
    unit["cells"]["target_unit"] = "Orang"
    declare(
        "tc33-unit-mismatch",
        "T-C.33: satuan of sub kegiatan 2.16.02.2.01.0002 (Jumlah Dokumen Hasil Monitoring Opini "
        "dan Aspirasi Publik) printed as 'Orang' instead of 'Dokumen'",
        {"rule": "IT-004", "table": "T-C.33", "code": "2.16.02.2.01.02"},
        {"rule": "NOM-006", "table": "T-C.33", "code": "2.16.02.2.01.02"},
        # the 2026 satuan (still 'Dokumen') now differs from the 2025 one
        {"rule": "IT-009", "table": "T-C.33", "code": "2.16.02.2.01.02"},
        # and T-C.31, which still says '12 Dokumen', now disagrees with T-C.33
        {"rule": "XT-002", "table": "T-C.31", "code": "2.16.02.2.01.02", "column": "target"},
    )
    # 5. a percentage target above 100
    pct = _row(spec, "tc33", "2.21.02.2.02", "kegiatan")
    pct["cells"]["target"] = "110"
    declare(
        "tc33-percent-over",
        "T-C.33: target 2025 of kegiatan 2.21.02.2.02 (Persentase Perangkat Daerah yang Terhubung "
        "Jaring Komunikasi Sandi) is 110 %",
        {"rule": "IT-008", "table": "T-C.33", "code": "2.21.02.2.02"},
        {"rule": "XT-002", "code": "2.21.02.2.02", "column": "target"},
    )
    # 6. the n+1 target in another unit than year n
    nxt = _row(spec, "tc33", "2.16.02.2.01.07")
    nxt["cells"]["target_next_unit"] = "Dokumen"
    declare(
        "tc33-next-unit",
        "T-C.33: target 2026 of sub kegiatan 2.16.02.2.01.0007 (Layanan Hubungan Media) in 'Dokumen' "
        "while the 2025 target is in 'Layanan'",
        {"rule": "IT-009", "table": "T-C.33", "code": "2.16.02.2.01.07"},
    )
    # 7. a missing sumber dana
    sd = _row(spec, "tc33", "2.20.02.2.01.03")
    del sd["cells"]["sumber_dana"]
    declare(
        "tc33-no-sumber-dana",
        "T-C.33: sumber dana of sub kegiatan 2.20.02.2.01.0003 left empty",
        {"rule": "IT-003", "table": "T-C.33", "code": "2.20.02.2.01.03", "column": "sumber_dana"},
    )
    # 8. the narrative total differs from the matrix
    total = clean["tables"]["tc33"]["rows"][-1]["cells"]["amount"]
    stated = total - 150_000_000
    common.replace_text(spec, f"direncanakan sebesar {rp(total)}", f"direncanakan sebesar {rp(stated)}")
    declare(
        "narrative-total",
        f"BAB IV states the total as {rp(stated)}; T-C.33 totals {rp(total)} (the components "
        "still add up to the true total)",
        {"rule": "NAR-001", "text": rupiah(stated, THOUSANDS)},
        {"rule": "NAR-002", "text": rupiah(stated, THOUSANDS)},
    )
    # 9. a paragraph copied from another kabupaten's Diskominfo Renja
    common.replace_text(
        spec,
        "terutama untuk penambahan kapasitas bandwidth jaringan intra pemerintah daerah.",
        "terutama untuk penambahan kapasitas bandwidth jaringan intra pemerintah daerah dan pembangunan "
        "command center Dinas Komunikasi dan Informatika Kabupaten Bondowoso.",
    )
    declare(
        "copied-paragraph",
        "BAB II 2.4 names 'Dinas Komunikasi dan Informatika Kabupaten Bondowoso' (a paragraph "
        "copied from the neighbouring kabupaten's Renja)",
        {"rule": "NAR-014", "text": "Bondowoso"},
    )
    # 10. a caption naming a year that does not fit the plan year
    caption = spec["tables"]["tc31"]["caption"]
    caption[1] = caption[1].replace(f"RKPD Tahun {YEAR}", f"RKPD Tahun {YEAR - 1}")
    declare(
        "caption-year",
        f"T-C.31 caption reads 'Rancangan Awal RKPD Tahun {YEAR - 1}' (plan year {YEAR})",
        {"rule": "YEAR-007", "table": "T-C.31", "text": str(YEAR - 1)},
        {"rule": "YEAR-003", "text": str(YEAR - 1)},
    )
    # 11. the Jumlah row of the staff table does not add up
    pegawai = spec["tables"]["pegawai"]["rows"][-1]["cells"]
    pegawai["non_asn"] = str(int(pegawai["non_asn"]) + 2)
    declare(
        "staff-total",
        "Tabel 1.1 (staff composition): Jumlah Non ASN says 26; its rows add up to 24",
        {"rule": "TOT-013", "text": "26"},
    )
    # 12. T-C.29 realisation rate not realisation / target
    rate = _row(spec, "tc29", "2.16.03.2.02.07")
    rate["cells"]["tingkat_realisasi"] = "85%"
    declare(
        "tc29-rate",
        "T-C.29: tingkat realisasi of sub kegiatan 2.16.03.2.02.0007 says 85% (realisasi 3 of target 4 = 75%)",
        {"rule": "TOT-010", "table": "T-C.29", "code": "2.16.03.2.02.07"},
    )
    spec["defects"] = defects
    return spec


def build() -> list[dict[str, Any]]:
    clean = build_clean()
    return [clean, build_defects(clean)]


COMMENT = """Family sipd-matrix: {what}.
Written by samples/families/sipd_matrix.py (do not edit by hand; change the builder and run it again):
    .venv/bin/python -m samples.families.sipd_matrix
Render: .venv/bin/python -m samples.generator samples/specs/{id}.yaml --out-dir samples/pdf
"""


def main() -> None:
    clean, defects = build()
    for spec, what in ((clean, "clean document"), (defects, "defect variant (declared mistakes in `defects`)")):
        path = common.write_spec(spec, COMMENT.format(what=what, id=spec["id"]))
        print(path)


if __name__ == "__main__":
    main()
