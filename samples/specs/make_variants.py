"""Write the synthetic variant sample specs from the repaired Randuagung spec.

    python samples/specs/make_variants.py      (run from the repository root; `make samples` runs it)

Each variant is the Renja of another kecamatan made from randuagung-2024-repaired.yaml:
its own subset of the template's sub kegiatan (names, indicators and targets copied
from the template, never typed here), invented activities and amounts, every parent,
total, cross-table copy and narrative figure recomputed from them, its own T-C.29 /
T-C.30 / Tabel 3.2 / 3.3 / PATEN / PERDES data, place names, signatory and, for one,
plan year 2025 with every year reference shifted. A seeded RNG per variant makes the
output the same on every run. `check_variant` asserts the invariants of a clean
document on the finished spec before it is written and stops the script if any fails.
"""

from __future__ import annotations

import copy
import functools
import math
import random
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SPECS = Path(__file__).resolve().parent
ROOT = SPECS.parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make samples.generator importable

from samples.generator.spec import parse_spec
from samples.generator.text_fit import text_width_pt

TEMPLATE = SPECS / "randuagung-2024-repaired.yaml"
TEMPLATE_YEAR = 2024
TEMPLATE_NAME = "Randuagung"
TEMPLATE_REGION = "Lumajang"
GAJI = "7.01.01.2.02.01"  # Penyediaan Gaji dan Tunjangan ASN: the narrative's Belanja Pegawai
DESA_PROGRAM = "7.01.06"  # its indicators are percentages of desa (Tabel 3.3 sasaran 2)
SUMBER_DANA = "DAU"
# Columns whose words must not wrap mid-word (codes and amounts always fit; see Builder.min_width),
# and target columns, whose unit words fit unless longer than TARGET_WORD_CM ("kemasyarakatan").
UNBROKEN_KEYS = frozenset({"lokasi", "lokasi_kebutuhan", "sumber_dana"})
TARGET_KEYS = frozenset({"target", "target_next", "target_kebutuhan"})
TARGET_WORD_CM = 1.05
REGULAR_TEXT_RATIO = 0.92  # text_fit measures Helvetica-Bold; regular letters run narrower
FORWARD_RATE = (1.05, 1.10)  # prakiraan maju = plan year x this, per sub kegiatan
TEXT_WIDTH_CM = {"portrait": 17.0, "landscape": 26.7}  # A4 minus docx_render's margins
CELL_MARGINS_CM = 0.21  # docx_table.CELL_MARGIN_TWIPS left + right, rounded up
PT_PER_CM = 72 / 2.54
NUMBER_WORDS = {1: "satu", 2: "dua", 3: "tiga", 4: "empat", 5: "lima", 6: "enam", 7: "tujuh", 8: "delapan"}
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
LETTERS = "ABCDEFGHIJ"
MONTH_KEYS = ("jan", "peb", "maret", "april", "mei", "juni", "juli", "agus", "sept", "okt", "nov", "des")

# Template text that names Randuagung's own innovation and sights; replaced per place.
INNOVATION_EXPANSION = "(Pusat Terapi Administrasi Kecamatan Randuagung)"
INNOVATION_NAMES = ("PUTERA AGUNG", "PUTRA AGUNG")
TOURISM = (
    "selain Ranubedali, ada juga spot wisata lain sebenarnya yang bisa dikembangkan, misalnya kebun Pinus "
    "di desa Randuagung, Alas Pandan dan bukit Betitang di Desa Alun-alun"
)
SEMERU = "dengan gunung Semeru yang masih aktif"
OLD_SIGNATORY = ("ISKANDAR", "19650905 199003 1 009")
NO_SHORTFALL = "Tidak terdapat program/kegiatan yang tidak memenuhi keluaran direncanakan"

# Activities a kecamatan plans under each sub kegiatan, with how many it picks.
# {n} = plan year, {n1} = plan year + 1.
ACTIVITY_POOLS: dict[str, tuple[tuple[int, int], tuple[str, ...]]] = {
    "7.01.01.2.01.01": (
        (2, 2),
        (
            "Penyusunan Dokumen Rencana Kerja Perangkat Daerah Tahun {n1}",
            "Penyusunan Dokumen Renja Perubahan Perangkat Daerah Tahun {n}",
        ),
    ),
    "7.01.01.2.01.02": ((1, 1), ("Penyusunan Dokumen RKA SKPD", "Penyusunan dan Verifikasi Dokumen RKA-SKPD")),
    "7.01.01.2.01.06": ((1, 2), ("Penyusunan Laporan LKjIP Tahunan", "Penyusunan Laporan Capaian Kinerja Triwulanan")),
    "7.01.01.2.01.07": (
        (1, 2),
        ("Penyusunan Laporan IKM TW I s/d TW IV", "Survei Kepuasan Masyarakat", "Evaluasi Capaian Kinerja Triwulanan"),
    ),
    GAJI: ((1, 1), ("Pembayaran Gaji dan Tunjangan PNS Bulan Januari s/d Desember",)),
    "7.01.01.2.02.02": (
        (1, 2),
        (
            "Pembayaran honor pengelola keuangan",
            "Honorarium Pejabat Penatausahaan Keuangan",
            "Honorarium Bendahara Pengeluaran Pembantu",
        ),
    ),
    "7.01.01.2.02.05": (
        (1, 1),
        (
            "Penyusunan Laporan Keuangan Akhir Tahun (LO, LRA, Neraca, LPE, CALK)",
            "Penyusunan Laporan Keuangan Akhir Tahun SKPD",
        ),
    ),
    "7.01.01.2.02.07": (
        (1, 1),
        (
            "Penyusunan Laporan keuangan bulanan, laporan triwulan, dan Laporan semester",
            "Penyusunan Laporan Realisasi Anggaran Bulanan",
        ),
    ),
    "7.01.01.2.03.01": ((1, 2), ("Penyusunan Dokumen RKBMD", "Penyusunan Dokumen RKBMD Perubahan")),
    "7.01.01.2.05.02": (
        (1, 2),
        ("Pengadaan Pakaian Batik", "Pengadaan Pakaian Dinas Harian", "Pengadaan Atribut Pakaian Dinas"),
    ),
    "7.01.01.2.06.01": (
        (2, 5),
        (
            "Baterai A2",
            "Lampu LED 18 watt",
            "Lampu LED 27 watt",
            "Kabel Roll",
            "Stop Kontak",
            "Saklar Lampu",
            "Fitting Lampu",
        ),
    ),
    "7.01.01.2.06.04": (
        (1, 3),
        ("Pengadaan Alat Tulis Kantor", "Pengadaan Bahan Pembersih", "Pengadaan Kertas dan Tinta Printer"),
    ),
    "7.01.01.2.06.05": ((1, 2), ("Pengadaan Barang Cetakan", "Penggandaan Dokumen", "Pencetakan Blanko Pelayanan")),
    "7.01.01.2.06.07": ((1, 2), ("BBM Genset", "Pengadaan Bahan Material Perbaikan Ringan")),
    "7.01.01.2.06.08": ((1, 1), ("Laporan Fasilitasi Kunjungan Tamu", "Penyediaan Jamuan Tamu Kecamatan")),
    "7.01.01.2.06.09": (
        (1, 3),
        ("Rakor SKPD", "Perjalanan Dinas Dalam Kota", "Perjalanan Dinas Luar Kota", "Rapat Koordinasi Kecamatan"),
    ),
    "7.01.01.2.07.06": (
        (2, 5),
        (
            "Pengadaan Printer",
            "Pengadaan Komputer",
            "Pengadaan CCTV",
            "Pengadaan Kursi Tunggu Pelayanan",
            "Pengadaan Alat Pemadam Api Ringan (APAR)",
            "Pengadaan Papan Informasi Pelayanan",
            "Pengadaan Mesin Antrian",
        ),
    ),
    "7.01.01.2.08.02": (
        (2, 3),
        (
            "Fasilitasi penyediaan jasa internet",
            "Fasilitasi penyediaan jasa listrik",
            "Fasilitasi penyediaan jasa air (PDAM)",
            "Pembayaran Jasa Telepon",
        ),
    ),
    "7.01.01.2.08.04": (
        (2, 3),
        (
            "Pembayaran upah tenaga pendukung administrasi",
            "Pembayaran upah tenaga kebersihan",
            "Pembayaran upah tenaga keamanan",
            "Pembayaran premi Asuransi tenaga pendukung",
        ),
    ),
    "7.01.01.2.09.02": (
        (2, 4),
        (
            "BBM Kendaraan Dinas",
            "Pajak Kendaraan Roda 4",
            "Pemeliharaan Kendaraan Roda 4",
            "Pajak Kendaraan Roda 2",
            "Pemeliharaan Kendaraan Roda 2",
        ),
    ),
    "7.01.01.2.09.06": (
        (1, 3),
        ("Pemeliharaan AC", "Pemeliharaan Personal Komputer", "Pemeliharaan Printer", "Pemeliharaan Genset"),
    ),
    "7.01.01.2.09.09": (
        (1, 2),
        (
            "Rehab Ruang Pelayanan",
            "Pengecatan Gedung Kantor",
            "Perbaikan Atap dan Talang Kantor",
            "Rehab Kamar Mandi Kantor",
        ),
    ),
    "7.01.02.2.04.03": (
        (1, 2),
        (
            "Pembinaan Gadis Ayu Tingkat Kecamatan",
            "Fasilitasi Pelayanan Perizinan Usaha Mikro",
            "Fasilitasi Rekomendasi Perizinan",
        ),
    ),
    "7.01.03.2.01.01": ((1, 1), ("Monev Musrenbang Desa", "Pendampingan Musrenbang Desa")),
    "7.01.03.2.01.02": ((1, 1), ("Penyelenggaraan Musrenbang RKPD di Kecamatan", "Musrenbang Kecamatan")),
    "7.01.03.2.01.03": (
        (3, 6),
        (
            "Pembinaan Posyandu",
            "BBGRM",
            "Pembinaan Paskibra Kecamatan",
            "Pembinaan Pramuka",
            "Lomba MTQ Tingkat Kecamatan",
            "Kontingen Porkab",
            "Peringatan Hari Besar Nasional",
            "Pembinaan Karang Taruna",
        ),
    ),
    "7.01.03.2.06.03": ((1, 2), ("Monev Pawon Urip", "Pembinaan Pekarangan Pangan Lestari")),
    "7.01.03.2.06.12": (
        (2, 3),
        ("Rapat Pleno PKK", "Rakor PKK Kabupaten", "Pembinaan Administrasi PKK", "Lomba Desa PKK Tingkat Kecamatan"),
    ),
    "7.01.04.2.01.01": ((1, 2), ("Pembinaan LINMAS", "Patroli Bersama Tiga Pilar")),
    "7.01.04.2.01.02": ((1, 1), ("Rapat Koordinasi TOGA, TOMA", "Silaturahmi Tokoh Agama dan Tokoh Masyarakat")),
    "7.01.05.2.01.08": ((1, 1), ("Monitoring Wilayah oleh Forkopimcam", "Rapat Koordinasi Forkopimcam")),
    "7.01.06.2.01.01": (
        (1, 1),
        (
            "Pembinaan Fasilitasi Penyusunan Peraturan Desa dan Peraturan Kepala Desa",
            "Evaluasi Rancangan Peraturan Desa",
        ),
    ),
    "7.01.06.2.01.02": (
        (1, 2),
        ("Monev Administrasi Tata Pemerintahan Desa", "Pembinaan Administrasi Pemerintahan Desa"),
    ),
    "7.01.06.2.01.07": (
        (1, 1),
        ("Pembinaan Pelaksanaan Tugas dan Fungsi Badan Permusyawaratan Desa", "Rapat Koordinasi BPD se-Kecamatan"),
    ),
    "7.01.06.2.01.11": (
        (1, 2),
        (
            "Fasilitasi Pengamanan Pemilihan Umum",
            "Fasilitasi Pengamanan Pemilihan Kepala Desa",
            "Fasilitasi Pengamanan Hari Besar Keagamaan",
        ),
    ),
}


class InvariantError(AssertionError):
    """A finished variant breaks a rule of a clean document (the message lists every break)."""


# --------------------------------------------------------------------------- variants


@dataclass(frozen=True)
class Place:
    kecamatan: str
    kabupaten: str
    address: str  # the cover's address line
    desa: int  # number of desa (T-C.29 / PERDES / sasaran 2 percentages)
    camat: str
    nip: str
    innovation: tuple[str, str]  # acronym, expansion
    tourism: str  # replaces TOURISM in 3.1.1
    mountains: str | None = None  # replaces SEMERU in 3.1.6 (outside Lumajang)


@dataclass(frozen=True)
class Variant:
    id: str
    place: Place
    plan_year: int
    seed: int
    drop: int  # how many sub kegiatan to drop at random (never the gaji)
    style: Mapping[str, Any]  # the spec's style (code_style is added for canonical codes)
    code_style: str  # canonical | compressed | excel (see written_code)
    width_factor: float  # landscape tables: template widths x this (before fitting)
    code_width: float | None = None  # code column width in the budget tables (cm); None = fit the codes
    force_drop: tuple[str, ...] = ()
    portrait_only: bool = False
    calc_tables: tuple[str, ...] = ()
    rendering: str = ""  # one line for the spec header


VARIANTS: tuple[Variant, ...] = (
    Variant(
        id="sukodono-2024",
        place=Place(
            kecamatan="Sukodono",
            kabupaten="Lumajang",
            address="Jl. Raya Sukodono No. 12 Telp. (0334) 881245 Kode Pos 67352",
            desa=10,
            camat="Drs. AGUS SUGIHARTO, M.Si",
            nip="19680314 199303 1 007",
            innovation=("SIDOMAS", "Sinergi Dokumen Desa Mandiri Sukodono"),
            tourism="selain wisata edukasi persawahan, ada juga spot wisata lain sebenarnya yang bisa dikembangkan, "
            "misalnya sentra kerajinan bambu di desa Kutorenon dan taman desa di Desa Dawuhan Lor",
        ),
        plan_year=2024,
        seed=1101,
        drop=5,
        style={"font": "Liberation Serif", "body_pt": 11, "table_pt": 7.5, "thousands": "."},
        code_style="canonical",
        width_factor=1.04,
        rendering="Writer, landscape sections; Liberation Serif 7.5 pt; '.' thousands; canonical codes",
    ),
    Variant(
        id="tempeh-2025",
        place=Place(
            kecamatan="Tempeh",
            kabupaten="Lumajang",
            address="Jl. Raya Tempeh No. 45 Telp. (0334) 571032 Kode Pos 67371",
            desa=13,
            camat="HENDRO WIBOWO, S.Sos, M.M.",
            nip="19721108 199803 1 004",
            innovation=("TEMPE MANIS", "Tim Pembina Pemerintahan Desa Mandiri dan Inovatif Tempeh"),
            tourism="selain wisata pantai di pesisir selatan, ada juga spot wisata lain sebenarnya yang bisa "
            "dikembangkan, misalnya kebun buah naga di desa Pandanarum dan bendungan di Desa Jokarto",
        ),
        plan_year=2025,
        seed=2202,
        drop=4,
        style={"font": "Liberation Sans", "body_pt": 11, "table_pt": 8, "thousands": ","},
        code_style="compressed",
        width_factor=1.08,
        calc_tables=("tc33",),
        rendering="T-C.33 printed from LibreOffice Calc (render: calc) between Writer parts; Liberation Sans 8 pt;"
        " ',' thousands; compressed codes",
    ),
    Variant(
        id="pasirian-2024",
        place=Place(
            kecamatan="Pasirian",
            kabupaten="Lumajang",
            address="Jl. Raya Pasirian No. 1 Telp. (0334) 571188 Kode Pos 67372",
            desa=11,
            camat="Dra. SITI MUDRIKAH",
            nip="19700622 199503 2 003",
            innovation=("PASTI BISA", "Pasirian Tertib Administrasi Desa"),
            tourism="selain Pantai Watu Pecak, ada juga spot wisata lain sebenarnya yang bisa dikembangkan, "
            "misalnya hutan bambu di desa Sememu dan Pantai Dampar di Desa Bades",
        ),
        plan_year=2024,
        seed=3303,
        drop=6,
        style={"font": "Liberation Sans", "body_pt": 11, "table_pt": 7, "thousands": "."},
        code_style="excel",
        width_factor=1.0,
        code_width=1.45,
        portrait_only=True,
        rendering="Writer, portrait only (wide tables squeezed); Liberation Sans 7 pt; '.' thousands;"
        " Excel-text codes ('7.01.01.206.1) wrapping mid-code",
    ),
    Variant(
        id="kencong-2024",
        place=Place(
            kecamatan="Kencong",
            kabupaten="Jember",
            address="Jl. Raya Kencong No. 3 Telp. (0336) 321045 Kode Pos 68167",
            desa=5,
            camat="MOH. ARIFIN, S.STP, M.Si",
            nip="19810925 200012 1 002",
            innovation=("KENCANA", "Kencong Cakap Administrasi Desa"),
            tourism="selain Pantai Paseban, ada juga spot wisata lain sebenarnya yang bisa dikembangkan, "
            "misalnya muara sungai di desa Wonorejo dan kampung nelayan di Desa Kraton",
            mountains="dengan lereng gunung Argopuro dan Raung",
        ),
        plan_year=2024,
        seed=4404,
        drop=3,
        force_drop=("7.01.02.2.04.03",),
        style={"font": "Liberation Serif", "body_pt": 12, "table_pt": 7.5, "thousands": ","},
        code_style="compressed",
        width_factor=1.06,
        rendering="Writer, landscape sections; Liberation Serif 7.5 pt, body 12 pt; ',' thousands; compressed codes",
    ),
)


# --------------------------------------------------------------------------- small helpers


def walk_strings(value: Any, fn: Callable[[str], str]) -> Any:
    """Apply `fn` to every string in a YAML tree, mapping keys included."""
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, list):
        return [walk_strings(v, fn) for v in value]
    if isinstance(value, dict):
        return {walk_strings(k, fn): walk_strings(v, fn) for k, v in value.items()}
    return value


def iter_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from iter_strings(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from iter_strings(k)
            yield from iter_strings(v)


def rupiah_text(value: int) -> str:
    """1916486189 -> 1.916.486.189 (Indonesian text)."""
    return f"{value:,}".replace(",", ".")


def thousands(value: float) -> int:
    return round(value / 1000.0) * 1000


def require(text: str, needle: str) -> None:
    """Stop if the template no longer has the text a replacement relies on."""
    if needle not in text:
        raise InvariantError(f"template text not found: {needle[:60]!r}")


def replace_once(text: str, old: str, new: str) -> str:
    require(text, old)
    return text.replace(old, new, 1)


# --------------------------------------------------------------------------- years


_YEAR = re.compile(r"(?<!\d)(202\d|2030)(?!\d)")
_LAW = re.compile(r"nomor\b[^,;]{0,40}?\btahun\s*$", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"20\d\d\s*[-\u2013]\s*$")
_RANGE_AFTER = re.compile(r"\s*[-\u2013]\s*20\d\d")


def _fixed_year(text: str, start: int, end: int) -> bool:
    """Years that do not move with the plan year: law citations and periods (2024-2026)."""
    before = text[:start]
    return bool(_LAW.search(before) or _RANGE_BEFORE.search(before) or _RANGE_AFTER.match(text, end))


def shift_years(text: str, delta: int) -> str:
    """Shift the plan-relative years n-3 .. n+1 of the template by `delta`."""
    if delta == 0:
        return text

    def sub(m: re.Match[str]) -> str:
        year = int(m.group(1))
        if not TEMPLATE_YEAR - 3 <= year <= TEMPLATE_YEAR + 1 or _fixed_year(text, m.start(), m.end()):
            return m.group(0)
        return str(year + delta)

    return _YEAR.sub(sub, text)


def free_years(text: str) -> list[int]:
    """Plan-relative years in `text` (not law citations or periods)."""
    return [int(m.group(1)) for m in _YEAR.finditer(text) if not _fixed_year(text, m.start(), m.end())]


# --------------------------------------------------------------------------- codes


def written_code(code: str, level: str, table: str, code_style: str) -> str:
    """The code as the variant's tables print it.

    compressed: 7.01.01 / 7.01.01.201 / 7.01.01.201.1 (T-C.29: 7.01.01.201.01, as the template);
    excel: the same with a leading apostrophe on sub kegiatan codes outside T-C.29;
    canonical: the canonical code itself.
    """
    if code_style == "canonical" or level == "program":
        return code
    parts = code.split(".")
    kegiatan = f"{'.'.join(parts[:3])}.{parts[3]}{parts[4]}"
    if level == "kegiatan":
        return kegiatan
    sub = parts[5] if table == "tc29" else str(int(parts[5]))
    text = f"{kegiatan}.{sub}"
    if code_style == "excel" and table != "tc29":
        text = "'" + text
    return text


def level_of(code: str) -> str:
    return {3: "program", 5: "kegiatan", 6: "sub_kegiatan"}[code.count(".") + 1]


def parent_of(code: str) -> str:
    parts = code.split(".")
    return ".".join(parts[:3]) if len(parts) == 5 else ".".join(parts[:5])


# --------------------------------------------------------------------------- template model


@dataclass
class Node:
    """A coded row of the template's T-C.33 and what hangs under it."""

    code: str
    row: dict[str, Any]
    children: list[Node] = field(default_factory=list)


def template_tree(tc33: Mapping[str, Any]) -> list[Node]:
    programs: list[Node] = []
    by_code: dict[str, Node] = {}
    for row in tc33["rows"]:
        code = row.get("code")
        if code is None:
            continue
        node = Node(code, row)
        by_code[code] = node
        if row["level"] == "program":
            programs.append(node)
        else:
            by_code[parent_of(code)].children.append(node)
    return programs


def template_titles(items: list[str]) -> list[str]:
    """Program names as a narrative list writes them, marker and end punctuation removed."""
    return [re.sub(r"^[A-Z0-9]+\.\s*", "", item).rstrip(";.") for item in items]


# --------------------------------------------------------------------------- building


class Builder:
    """Builds one variant spec from a deep copy of the template."""

    def __init__(self, template: dict[str, Any], variant: Variant) -> None:
        self.v = variant
        self.rng = random.Random(variant.seed)
        self.n = variant.plan_year
        self.name = variant.place.kecamatan
        self.lokasi = f"Kec.{self.name}"
        self.template = template
        self.spec: dict[str, Any] = copy.deepcopy(template)
        self.tables: dict[str, Any] = self.spec["tables"]
        self.tc33_keys = [c["key"] for c in template["tables"]["tc33"]["columns"]]
        self.programs: list[Node] = []
        self.amounts: dict[str, tuple[int, int]] = {}  # code -> (plan year, forward year)
        self.total = 0
        self.staff = 0  # ASN paid from the gaji sub kegiatan
        self.s2 = self.s2_next = 0  # sasaran 2 target, plan and forward year (% of desa)

    # ----------------------------------------------------------------- entry
    def build(self) -> dict[str, Any]:
        self.localise_text()
        self.spec = walk_strings(self.spec, lambda s: shift_years(s, self.n - TEMPLATE_YEAR))
        self.tables = self.spec["tables"]
        self.spec["id"] = self.v.id
        self.spec["meta"] = {
            "unit": f"Kecamatan {self.name}",
            "region": f"Kabupaten {self.v.place.kabupaten}",
            "plan_year": self.n,
            "place_date": f"{self.v.place.kabupaten}, Juni {self.n - 1}",
        }
        self.spec["style"] = dict(self.v.style)
        if self.v.code_style == "canonical":  # the generator prints the canonical code itself
            self.spec["style"]["code_style"] = "canonical"
        self.choose_sub_kegiatan()
        self.targets()
        self.build_tc33()
        self.build_t41()
        self.build_tc31()
        self.build_tc29()
        self.build_tc30_t32_t33()
        self.build_paten()
        self.build_perdes()
        self.narrative()
        self.layout()
        return self.spec

    # ----------------------------------------------------------------- text
    def localise_text(self) -> None:
        place = self.v.place
        acronym, expansion = place.innovation
        upper = self.name.upper()

        def local(text: str) -> str:
            text = text.replace(INNOVATION_EXPANSION, f"({expansion})")
            for old in INNOVATION_NAMES:
                text = text.replace(old, acronym)
            text = text.replace(TOURISM, place.tourism)
            if place.mountains is not None:
                text = text.replace(SEMERU, place.mountains)
            text = text.replace(OLD_SIGNATORY[1], place.nip).replace(OLD_SIGNATORY[0], place.camat)
            text = text.replace(f"{TEMPLATE_NAME}n", self.name)  # a typo of the template
            text = text.replace(TEMPLATE_NAME, self.name).replace(TEMPLATE_NAME.upper(), upper)
            if place.kabupaten != TEMPLATE_REGION:
                text = text.replace(TEMPLATE_REGION, place.kabupaten)
                text = text.replace(TEMPLATE_REGION.upper(), place.kabupaten.upper())
            return text

        body = self.spec["body"]
        cover = body[0]
        cover["lines"][-1] = place.address
        require(body[122]["text"], TOURISM)
        require(body[96]["text"], INNOVATION_EXPANSION)
        if place.mountains is not None:
            require(body[132]["text"], SEMERU)
        self.spec = walk_strings(self.spec, local)

    # ----------------------------------------------------------------- budget
    def choose_sub_kegiatan(self) -> None:
        tree = template_tree(self.template["tables"]["tc33"])
        subs = [s.code for p in tree for k in p.children for s in k.children]
        droppable = [c for c in subs if c != GAJI and c not in self.v.force_drop]
        dropped = set(self.v.force_drop) | set(self.rng.sample(droppable, self.v.drop))
        for program in tree:
            for kegiatan in program.children:
                kegiatan.children = [s for s in kegiatan.children if s.code not in dropped]
            program.children = [k for k in program.children if k.children]
        self.programs = [p for p in tree if p.children]

    def targets(self) -> None:
        """Staff count, and sasaran 2 (desa adopting RKPDes/APBDes/LPPDes on time) as a % of the desa."""
        self.staff = self.rng.randint(9, 14)
        desa = self.v.place.desa
        late = self.rng.choice((1, 2)) if desa > 6 else 1
        self.s2 = round(100 * (desa - late) / desa)
        self.s2_next = round(100 * (desa - late + 1) / desa)

    def activities(self, sub: Node) -> list[dict[str, Any]]:
        """New activities for a sub kegiatan, amounts in whole thousands summing to its amount."""
        (low, high), pool = ACTIVITY_POOLS[sub.code]
        picked = self.rng.sample(pool, self.rng.randint(low, min(high, len(pool))))
        template_amount = sub.row["cells"]["amount"]
        if sub.code == GAJI:
            total = thousands(self.staff * self.rng.uniform(96e6, 118e6))
        else:
            total = max(thousands(template_amount * self.rng.uniform(0.75, 1.35)), 300_000 * len(picked))
        weights = [self.rng.uniform(0.6, 1.6) for _ in picked]
        amounts = [max(100_000, thousands(total * w / sum(weights))) for w in weights[:-1]]
        amounts.append(total - sum(amounts))
        if amounts[-1] < 100_000:
            raise InvariantError(f"{sub.code}: activity amounts do not split (raise the minimum)")
        rate = self.rng.uniform(*FORWARD_RATE)
        priorities = list(range(1, len(picked) + 1))
        self.rng.shuffle(priorities)
        cells = sub.row["cells"]
        out = []
        for name, amount, priority in zip(picked, amounts, priorities):
            row_cells: dict[str, Any] = {
                "aktivitas": name.format(n=self.n, n1=self.n + 1),
                "priority": str(priority),
                "lokasi": self.lokasi,
            }
            if len(picked) == 1:
                row_cells["target"] = self.sub_target(sub)
            row_cells |= {"amount": amount, "sumber_dana": SUMBER_DANA}
            if len(picked) == 1:
                row_cells["target_next"] = self.sub_target(sub) if sub.code == GAJI else cells["target_next"]
            row_cells["amount_next"] = thousands(amount * rate)
            out.append({"level": "aktivitas", "code": None, "cells": row_cells})
        return out

    def sub_target(self, sub: Node) -> str:
        if sub.code == GAJI:
            return f"{self.staff} Orang/12 bulan"
        return str(sub.row["cells"]["target"])

    def coded_row(self, node: Node) -> dict[str, Any]:
        """A program/kegiatan/sub kegiatan row: template texts, this variant's figures."""
        row = copy.deepcopy(node.row)
        cells = row["cells"]
        split = row.get("split") or []
        cells["code"] = written_code(node.code, row["level"], "tc33", self.v.code_style)
        if not any("lokasi" in sub for sub in split):
            cells["lokasi"] = self.lokasi
        cells["amount"], cells["amount_next"] = self.amounts[node.code]
        cells["sumber_dana"] = SUMBER_DANA
        if node.code == GAJI:
            cells["target"] = cells["target_next"] = self.sub_target(node)
        for sub in split:  # program 7.01.06: one percentage of desa per indicator
            if "target" in sub:
                sub["target"], sub["target_next"] = f"{self.s2}%", f"{self.s2_next}%"
        row["cells"] = {k: cells[k] for k in self.tc33_keys if k in cells}
        return row

    def build_tc33(self) -> None:
        """T-C.33 of the kept tree: new activities, every parent and both total rows summed from them."""
        tc33 = self.tables["tc33"]
        activities: dict[str, list[dict[str, Any]]] = {}
        for program in self.programs:
            for kegiatan in program.children:
                for sub in kegiatan.children:
                    acts = activities[sub.code] = self.activities(sub)
                    self.amounts[sub.code] = (
                        sum(a["cells"]["amount"] for a in acts),
                        sum(a["cells"]["amount_next"] for a in acts),
                    )
                self.amounts[kegiatan.code] = self.sum_amounts(kegiatan.children)
            self.amounts[program.code] = self.sum_amounts(program.children)
        self.total, total_next = self.sum_amounts(self.programs)
        total_row = {"level": "total", "code": None, "cells": {"amount": self.total, "amount_next": total_next}}
        rows: list[dict[str, Any]] = [copy.deepcopy(total_row)]
        for program in self.programs:
            rows.append(self.coded_row(program))
            for kegiatan in program.children:
                rows.append(self.coded_row(kegiatan))
                for sub in kegiatan.children:
                    rows.append(self.coded_row(sub))
                    rows.extend(activities[sub.code])
        rows.append(total_row)
        tc33["rows"] = rows
        if "tc33" in self.v.calc_tables:
            tc33["render"] = "calc"

    def sum_amounts(self, nodes: list[Node]) -> tuple[int, int]:
        return sum(self.amounts[n.code][0] for n in nodes), sum(self.amounts[n.code][1] for n in nodes)

    def build_t41(self) -> None:
        """Tabel 4.1 is T-C.33 without the funding and forward-year columns, row for row."""
        t41 = self.tables["t41"]
        keys = {c["key"] for c in t41["columns"]}
        t41["rows"] = [project(row, keys) for row in self.tables["tc33"]["rows"]]

    def build_tc31(self) -> None:
        """T-C.31: the coded rows of T-C.33, pagu = kebutuhan dana = T-C.33 amount."""
        tc31 = self.tables["tc31"]
        template_rows = {r.get("code"): r for r in self.template["tables"]["tc31"]["rows"]}
        rows: list[dict[str, Any]] = [
            {"level": "total", "code": None, "cells": {"pagu": self.total, "kebutuhan_dana": self.total}}
        ]
        for row33 in self.tables["tc33"]["rows"]:
            code = row33["code"]
            if code is None:
                continue
            row = copy.deepcopy(template_rows[code])
            c33 = row33["cells"]
            cells = row["cells"]
            cells["code"] = written_code(code, row["level"], "tc31", self.v.code_style)
            for key in ("name", "indicator", "target"):
                if key in c33:
                    cells[key] = c33[key]
                    cells[f"{key}_kebutuhan"] = c33[key]
            if "lokasi" in cells:
                cells["lokasi"] = cells["lokasi_kebutuhan"] = self.lokasi
            cells["pagu"] = cells["kebutuhan_dana"] = c33["amount"]
            for sub31, sub33 in zip(row.get("split") or [], row33.get("split") or []):
                sub31["lokasi"] = sub31["lokasi_kebutuhan"] = self.lokasi
                sub31["indicator"] = sub31["indicator_kebutuhan"] = sub33["indicator"]
                sub31["target"] = sub31["target_kebutuhan"] = sub33["target"]
            keys = [c["key"] for c in tc31["columns"]]
            row["cells"] = {k: cells[k] for k in keys if k in cells}
            rows.append(row)
        tc31["rows"] = rows

    # ----------------------------------------------------------------- T-C.29
    def build_tc29(self) -> None:
        """T-C.29 rows for exactly the codes kept, with invented but computed-consistent values.

        Every program/kegiatan met its n-2 target (tingkat realisasi 100 %), as 2.1 says.
        Column 10 adds n-3 + n-2 + n-1 for counts and keeps the latest value for
        percentages, rates (orang/bulan) and desa; column 11 = 10 / 4.
        """
        tc29 = self.tables["tc29"]
        template_rows = {r["code"]: r for r in self.template["tables"]["tc29"]["rows"]}
        keys = [c["key"] for c in tc29["columns"]]
        rows = []
        for row33 in self.tables["tc33"]["rows"]:
            code = row33["code"]
            if code is None:
                continue
            base = template_rows.get(code)
            if base is not None:
                row = {
                    "level": base["level"],
                    "code": code,
                    "cells": {k: base["cells"][k] for k in ("name", "indicator") if k in base["cells"]},
                }
                split = [{"indicator": s["indicator"]} for s in base.get("split") or [] if "indicator" in s]
                if split:
                    row["cells"].pop("indicator", None)
                    row["split"] = split
            else:
                c33 = row33["cells"]
                row = {
                    "level": row33["level"],
                    "code": code,
                    "cells": {"name": c33["name"], "indicator": c33["indicator"]},
                }
            unit, value = self.tc29_unit(code, row33)
            cells = row["cells"]
            cells["code"] = written_code(code, row["level"], "tc29", self.v.code_style)
            cells |= self.tc29_values(unit, value)
            row["cells"] = {k: cells[k] for k in keys if k in cells}
            rows.append(row)
        tc29["rows"] = rows

    def tc29_unit(self, code: str, row33: Mapping[str, Any]) -> tuple[str, int]:
        """(unit, typical value) of a T-C.29 row, from its T-C.33 target."""
        if code == DESA_PROGRAM:
            return "%", self.s2
        if code == f"{DESA_PROGRAM}.2.01":
            return "desa", self.v.place.desa
        target = str(row33["cells"].get("target", ""))
        m = re.match(r"^(\d+)\s*%$", target)
        if m:
            return "%", int(m.group(1))
        m = re.match(r"^(\d+)\s+(.+)$", target)
        if not m:
            raise InvariantError(f"T-C.33 {code}: target {target!r} has no number and unit")
        unit = m.group(2).lower()
        if code == GAJI:
            return "orang/bulan", self.staff
        return unit, int(m.group(1))

    def tc29_values(self, unit: str, value: int) -> dict[str, str]:
        if unit == "%" or not counts_cumulatively(unit):
            n3 = value if unit != "%" else min(100, value + self.rng.choice((-2, -1, 0, 0)))
            latest = value
            renstra = value
            out = {"realisasi_n3": str(n3)}
        else:
            n3 = self.rng.choice((0, value, max(1, value - 1), value + 1))
            n2 = value
            n1 = value
            latest = n3 + n2 + n1
            renstra = latest + self.rng.randint(0, max(1, latest // 3))
            out = {"realisasi_n3": str(n3) if n3 else "-"}
        target_n2 = value
        return {
            "target_renstra": str(renstra),
            "target_renstra_unit": unit,
            "realisasi_n3": out["realisasi_n3"],
            "realisasi_n3_unit": unit if out["realisasi_n3"] != "-" else "-",
            "target_n2": str(target_n2),
            "target_n2_unit": unit,
            "realisasi_n2": str(target_n2),
            "realisasi_n2_unit": unit,
            "tingkat_realisasi": "100%",
            "target_n1": str(value),
            "target_n1_unit": unit,
            "realisasi_capaian": str(latest),
            "tingkat_capaian": f"{round(latest / renstra * 100)}%",
        }

    # ----------------------------------------------------------------- other tables
    def build_tc30_t32_t33(self) -> None:
        n = self.n
        ikm = self.rng.randint(80, 85)
        ipp = self.rng.randint(58, 68)
        s1 = self.rng.randint(74, 85)
        s1_next = s1 + self.rng.randint(3, 6)
        ikm_real = (ikm - self.rng.uniform(0.4, 1.6), ikm + 1 - self.rng.uniform(0.2, 1.4))
        rows = self.tables["tc30"]["rows"]
        rows[0]["cells"] |= {
            f"target_{n - 2}": str(ikm),
            f"target_{n - 1}": str(ikm + 1),
            f"target_{n}": "N/A",
            f"target_{n + 1}": "N/A",
            f"realisasi_{n - 2}": f"{ikm_real[0]:.2f}",
            f"realisasi_{n - 1}": f"{ikm_real[1]:.2f}",
            f"proyeksi_{n}": "N/A",
            f"proyeksi_{n + 1}": "N/A",
        }
        rows[1]["cells"] |= {
            f"target_{n}": str(ipp),
            f"target_{n + 1}": str(ipp + 2),
            f"proyeksi_{n}": str(ipp),
            f"proyeksi_{n + 1}": str(ipp + 2),
        }
        rows[2]["cells"] |= {
            f"target_{n - 2}": f"{s1}%",
            f"target_{n - 1}": f"{s1}%",
            f"target_{n}": f"{s1}%",
            f"target_{n + 1}": f"{s1_next}%",
            f"realisasi_{n - 2}": f"{s1}%",
            f"realisasi_{n - 1}": f"{s1}%",
            f"proyeksi_{n}": f"{s1}%",
            f"proyeksi_{n + 1}": f"{s1_next}%",
        }
        desa = self.v.place.desa
        s2_prev = self.rng.choice((self.s2, round(100 * (round(self.s2 * desa / 100) - 1) / desa)))
        rows[3]["cells"] |= {
            f"target_{n - 2}": f"{s2_prev}%",
            f"target_{n - 1}": f"{self.s2}%",
            f"target_{n}": f"{self.s2}%",
            f"target_{n + 1}": f"{self.s2_next}%",
            f"realisasi_{n - 2}": f"{s2_prev}%",
            f"realisasi_{n - 1}": f"{self.s2}%",
            f"proyeksi_{n}": f"{self.s2}%",
            f"proyeksi_{n + 1}": f"{self.s2_next}%",
        }
        self.tables["t32"]["rows"][0]["cells"][f"target_{n}"] = str(ipp)
        self.tables["t33"]["rows"][0]["cells"][f"target_{n}"] = str(s1)
        self.tables["t33"]["rows"][1]["cells"][f"target_{n}"] = str(self.s2)

    def build_paten(self) -> None:
        """PATEN counts scaled to this kecamatan; KET = Σ months, the total = Σ KET."""
        factor = self.rng.uniform(0.55, 1.35)
        grand = 0

        def scale(cells: dict[str, Any]) -> None:
            nonlocal grand
            months = [k for k in MONTH_KEYS if re.fullmatch(r"\d+", str(cells.get(k, "")))]
            for key in months:
                value = int(cells[key])
                if value:
                    cells[key] = str(max(1, round(value * factor * self.rng.uniform(0.8, 1.2))))
            if "ket" in cells:
                cells["ket"] = str(sum(int(cells[k]) for k in months))
                grand += int(cells["ket"])

        for row in self.tables["paten"]["rows"]:
            for sub in row.get("split") or []:
                scale(sub)
            scale(row["cells"])
        last = self.tables["paten"]["rows"][-1]["cells"]
        require(last["jenis"], "Total ")
        last["jenis"] = f"Total {grand}"

    def build_perdes(self) -> None:
        desa = self.v.place.desa
        for row in self.tables["perdes"]["rows"]:
            for year in (self.n - 2, self.n - 1):
                late = self.rng.choice((0, 0, 1, 2)) if desa > 6 else self.rng.choice((0, 1))
                row["cells"][f"t{year}_tertib"] = str(desa - late)
                row["cells"][f"t{year}_tdk"] = str(late)

    # ----------------------------------------------------------------- narrative
    def narrative(self) -> None:
        body = self.spec["body"]
        template_body = self.template["body"]
        require(template_body[54]["items"][0], "a. Realisasi")
        require(template_body[150]["items"][0], "A. Program")
        require(template_body[157]["items"][0], "1. Program")
        titles_3 = program_titles_bab3(template_body[150]["items"])
        codes = [p.code for p in template_tree(self.template["tables"]["tc33"])]
        title_of_3 = dict(zip(codes, titles_3))
        items_21 = template_body[54]["items"]
        b_start = items_21.index(next(i for i in items_21 if i.startswith("b.")))
        c_start = items_21.index(next(i for i in items_21 if i.startswith("c.")))
        title_of_21 = dict(zip(codes, template_titles(items_21[b_start + 1 : c_start])))
        title_of_4 = dict(zip(codes, template_titles(template_body[157]["items"])))
        kept = [p.code for p in self.programs]

        # Every variant met all its n-2 targets (build_tc29), so nothing falls under "a.".
        body[54]["items"] = (
            [items_21[0], NO_SHORTFALL, items_21[b_start]]
            + [f"{i}. {title_of_21[c]}" for i, c in enumerate(kept, 1)]
            + items_21[c_start:]
        )
        count = len(kept)
        body[149]["text"] = replace_once(
            body[149]["text"], "terdapat 6 (enam) program", f"terdapat {count} ({NUMBER_WORDS[count]}) program"
        )
        items: list[str] = []
        for p_i, program in enumerate(self.programs):
            items.append(f"{LETTERS[p_i]}. Program {title_of_3[program.code]}")
            for k_i, kegiatan in enumerate(program.children):
                items.append(f"{ROMAN[k_i]}. Kegiatan {kegiatan.row['cells']['name']}")
                for s_i, sub in enumerate(kegiatan.children, 1):
                    items.append(f"{s_i}. Sub Kegiatan {sub.row['cells']['name']}")
        body[150]["items"] = items
        body[157]["items"] = [f"{i}. {title_of_4[c]}{'.' if i == count else ';'}" for i, c in enumerate(kept, 1)]
        # "... sebesar Rp. X terdiri dari Belanja Pegawai sebesar Rp. Y dan Belanja Barang dan Jasa sebesar Rp.Z"
        gaji = self.amounts[GAJI][0]
        sentence = body[161]["text"]
        if len(re.findall(r"Rp\.\s?[\d.]+", sentence)) != 3:
            raise InvariantError(f"budget sentence does not have three amounts: {sentence!r}")
        values = iter((self.total, gaji, self.total - gaji))
        body[161]["text"] = re.sub(r"(Rp\.\s?)[\d.]+", lambda m: m.group(1) + rupiah_text(next(values)), sentence)

    # ----------------------------------------------------------------- layout
    def layout(self) -> None:
        body = self.spec["body"]
        if self.v.portrait_only:
            self.spec["body"] = [b for b in body if b["type"] != "section"]
        orientation = table_orientations(self.spec["body"])
        table_pt = float(self.v.style["table_pt"])
        for table_id, table in self.tables.items():
            widths = [float(c["width"]) for c in table["columns"]]
            landscape = orientation[table_id] == "landscape"
            factor = self.v.width_factor if landscape else 1.0
            jittered = [w * factor * self.rng.uniform(0.92, 1.08) for w in widths]
            available = TEXT_WIDTH_CM[orientation[table_id]] - 0.2
            target = min(sum(jittered), available)
            minimums = [self.min_width(table, c["key"], table_pt) for c in table["columns"]]
            fixed = {
                i: self.v.code_width
                for i, c in enumerate(table["columns"])
                if c["key"] == "code" and self.v.code_width is not None
            }
            for column, width in zip(table["columns"], fit_widths(jittered, target, minimums, fixed)):
                column["width"] = width

    def min_width(self, table: Mapping[str, Any], key: str, table_pt: float) -> float:
        """Room for the widest amount, code or location word of a column, so those never wrap
        (unless the variant fixes the code column narrower on purpose)."""
        widest = 0.0
        for row in table["rows"]:
            for cells in [row.get("cells") or {}, *(row.get("split") or [])]:
                value = cells.get(key)
                if isinstance(value, int):  # digits and separators measure the same bold or not
                    text = f"{value:,}".replace(",", self.v.style["thousands"])
                    widest = max(widest, text_width_pt(text, table_pt) / PT_PER_CM)
                elif key == "code" and isinstance(value, str):
                    widest = max(widest, text_width_pt(value, table_pt) / PT_PER_CM)
                elif key in UNBROKEN_KEYS | TARGET_KEYS and isinstance(value, str):
                    words = [text_width_pt(w, table_pt) * REGULAR_TEXT_RATIO / PT_PER_CM for w in value.split()]
                    word = max(words, default=0.0)
                    widest = max(widest, min(word, TARGET_WORD_CM) if key in TARGET_KEYS else word)
        if not widest:
            return 0.5
        return math.ceil((widest + CELL_MARGINS_CM + 0.05) * 20) / 20


def count_value(cells: Mapping[str, Any], key: str) -> int | None:
    """A T-C.29 value cell as a number ("-" and empty: None)."""
    value = str(cells.get(key, "-"))
    return int(value) if re.fullmatch(r"\d+", value) else None


def counts_cumulatively(unit: str) -> bool:
    """T-C.29 column 10 adds the years for counts, not for rates, percentages or desa."""
    return unit != "%" and "/" not in unit and unit != "desa"


def project(row: Mapping[str, Any], keys: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "level": row["level"],
        "code": row["code"],
        "cells": {k: v for k, v in row["cells"].items() if k in keys},
    }
    if row.get("split"):
        out["split"] = [{k: v for k, v in sub.items() if k in keys} for sub in row["split"]]
    return out


def program_titles_bab3(items: list[str]) -> list[str]:
    return [re.sub(r"^[A-Z]\.\s*Program\s+", "", item) for item in items if re.match(r"^[A-Z]\.\s*Program\s", item)]


def table_orientations(body: list[Mapping[str, Any]]) -> dict[str, str]:
    orientation = "portrait"
    out: dict[str, str] = {}
    for block in body:
        if block["type"] == "section":
            orientation = block["orientation"]
        elif block["type"] == "table":
            out[block["ref"]] = orientation
    return out


def fit_widths(widths: list[float], total: float, minimums: list[float], fixed: Mapping[int, float]) -> list[float]:
    """Scale `widths` to `total` cm keeping every column at least its minimum (and fixed ones fixed).

    Rounded down to 0.05 cm, so the sum never exceeds `total`.
    """
    pinned: dict[int, float] = dict(fixed)
    scaled = list(widths)
    for _ in range(len(widths)):
        free = [i for i in range(len(widths)) if i not in pinned]
        scale = (total - sum(pinned.values())) / sum(widths[i] for i in free)
        scaled = [pinned.get(i, widths[i] * scale) for i in range(len(widths))]
        short = [i for i in free if scaled[i] < minimums[i]]
        if not short:
            break
        for i in short:
            pinned[i] = minimums[i]
    return [max(math.floor(w * 20 + 1e-6) / 20, 0.3) for w in scaled]


# --------------------------------------------------------------------------- checks


class Checker:
    """Asserts the invariants of a clean Renja on a finished variant spec."""

    def __init__(self, spec: Mapping[str, Any], variant: Variant, template: Mapping[str, Any]) -> None:
        self.spec = spec
        self.v = variant
        self.template = template
        self.n = variant.plan_year
        self.tables = spec["tables"]
        self.problems: list[str] = []

    def expect(self, ok: bool, message: str) -> None:
        if not ok:
            self.problems.append(message)

    def run(self) -> None:
        self.check_spec_loads()
        tree = self.check_budget("tc33", forward=True)
        self.check_budget("t41", forward=False)
        self.check_t41()
        self.check_tc31()
        self.check_codes_and_texts()
        self.check_tc29()
        self.check_targets()
        self.check_paten_perdes()
        self.check_narrative(tree)
        self.check_places_and_years()
        self.check_widths()
        if self.problems:
            raise InvariantError(
                f"{self.v.id}: {len(self.problems)} invariant(s) broken:\n  " + "\n  ".join(self.problems)
            )

    # ----------------------------------------------------------------- structure
    def check_spec_loads(self) -> None:
        try:
            spec = parse_spec(copy.deepcopy(self.spec))
        except ValueError as exc:
            self.expect(False, f"spec does not load: {exc}")
            return
        self.expect(not spec.warnings, f"spec warnings: {list(spec.warnings)[:3]}")

    def check_budget(self, table_id: str, *, forward: bool) -> list[tuple[dict[str, Any], list[Any]]]:
        """program = Σ kegiatan = Σ sub kegiatan = Σ aktivitas; totals = Σ programs; whole thousands."""
        rows = self.tables[table_id]["rows"]
        columns = ("amount", "amount_next") if forward else ("amount",)
        tree: list[tuple[dict[str, Any], list[Any]]] = []
        totals: list[dict[str, Any]] = []
        current: dict[str, list[Any]] = {}
        for row in rows:
            level = row["level"]
            if level == "total":
                totals.append(row)
            elif level == "program":
                tree.append((row, []))
                current["program"] = tree[-1][1]
            elif level == "kegiatan":
                self.expect(
                    row["code"].startswith(tree[-1][0]["code"] + "."), f"{table_id} {row['code']} under wrong program"
                )
                current["program"].append((row, []))
                current["kegiatan"] = current["program"][-1][1]
            elif level == "sub_kegiatan":
                current["kegiatan"].append((row, []))
                current["sub"] = current["kegiatan"][-1][1]
            elif level == "aktivitas":
                current["sub"].append(row)
            else:
                self.expect(False, f"{table_id}: unexpected row level {level}")
            for col in columns:
                value = row["cells"].get(col)
                self.expect(
                    isinstance(value, int) and value > 0 and value % 1000 == 0,
                    f"{table_id} {row.get('code') or level}: {col} {value!r} is not a positive whole-thousand int",
                )
        self.expect(
            len(totals) == 2 and rows[0]["level"] == "total" and rows[-1]["level"] == "total",
            f"{table_id}: expected a total row at the top and the bottom",
        )
        for col in columns:
            for program, kegiatans in tree:
                self.sum_equal(table_id, program, [k for k, _ in kegiatans], col)
                for kegiatan, subs in kegiatans:
                    self.sum_equal(table_id, kegiatan, [s for s, _ in subs], col)
                    for sub, acts in subs:
                        self.sum_equal(table_id, sub, acts, col)
            for total in totals:
                self.expect(
                    total["cells"].get(col) == sum(p["cells"][col] for p, _ in tree),
                    f"{table_id} total {col} {total['cells'].get(col)} != Σ programs",
                )
        if forward:
            for row in rows:
                if row["level"] == "aktivitas":
                    a, f = row["cells"]["amount"], row["cells"]["amount_next"]
                    self.expect(
                        a * FORWARD_RATE[0] - 500 <= f <= a * FORWARD_RATE[1] + 500,
                        f"{table_id} aktivitas {row['cells']['aktivitas']!r}: forward {f} not 105-110 % of {a}",
                    )
        return tree

    def sum_equal(self, table_id: str, parent: Mapping[str, Any], children: list[Any], col: str) -> None:
        self.expect(bool(children), f"{table_id} {parent['code']} has no children")
        total = sum(c["cells"][col] for c in children)
        self.expect(
            parent["cells"][col] == total,
            f"{table_id} {parent['code']} {col} {parent['cells'][col]} != Σ children {total}",
        )

    def check_t41(self) -> None:
        keys = {c["key"] for c in self.tables["t41"]["columns"]}
        expected = [project(r, keys) for r in self.tables["tc33"]["rows"]]
        self.expect(self.tables["t41"]["rows"] == expected, "Tabel 4.1 differs from T-C.33 row for row")

    def check_tc31(self) -> None:
        tc31 = self.tables["tc31"]
        rows33 = [r for r in self.tables["tc33"]["rows"] if r["code"] is not None]
        total33 = self.tables["tc33"]["rows"][0]["cells"]["amount"]
        rows31 = tc31["rows"]
        self.expect(
            rows31[0]["level"] == "total" and rows31[0]["cells"] == {"pagu": total33, "kebutuhan_dana": total33},
            "T-C.31 total row != T-C.33 total",
        )
        self.expect([r["code"] for r in rows31[1:]] == [r["code"] for r in rows33], "T-C.31 codes != T-C.33 codes")
        for r31, r33 in zip(rows31[1:], rows33):
            c31, c33 = r31["cells"], r33["cells"]
            code = r33["code"]
            self.expect(
                c31["pagu"] == c33["amount"] == c31["kebutuhan_dana"], f"T-C.31 {code}: pagu/kebutuhan != T-C.33 amount"
            )
            self.expect(c31["name"] == c31["name_kebutuhan"] == c33["name"], f"T-C.31 {code}: name differs")
            self.expect(c31.get("code") == c33["code"], f"T-C.31 {code}: written code differs")
            if r33.get("split"):
                pairs = [
                    (s31["indicator"], s31["target"], s33["indicator"], s33["target"])
                    for s31, s33 in zip(r31.get("split") or [], r33["split"])
                ]
                self.expect(
                    len(pairs) == len(r33["split"]) and all(a == c and b == d for a, b, c, d in pairs),
                    f"T-C.31 {code}: split indicators/targets differ",
                )
            else:
                self.expect(
                    c31["indicator"] == c31["indicator_kebutuhan"] == c33["indicator"],
                    f"T-C.31 {code}: indicator differs",
                )
                self.expect(c31["target"] == c31["target_kebutuhan"] == c33["target"], f"T-C.31 {code}: target differs")
        headers = [cell["text"] for row in tc31["header"] for cell in row]
        self.expect(sum("(Rp)" in h for h in headers) == 2, "T-C.31: pagu and kebutuhan dana headers must say (Rp)")

    def check_codes_and_texts(self) -> None:
        """Written codes follow the variant's code style; sub kegiatan texts come from the template."""
        template_rows = {r["code"]: r for r in self.template["tables"]["tc33"]["rows"] if r.get("code")}
        name = self.v.place.kecamatan
        canonical = self.spec["style"].get("code_style") == "canonical"
        self.expect(canonical == (self.v.code_style == "canonical"), "style.code_style must be canonical iff codes are")
        for table_id in ("tc33", "t41", "tc31", "tc29"):
            for row in self.tables[table_id]["rows"]:
                code = row.get("code")
                if code is None:
                    continue
                self.expect(row["level"] == level_of(code), f"{table_id} {code}: level {row['level']}")
                want = written_code(code, row["level"], table_id, self.v.code_style)
                self.expect(
                    row["cells"].get("code") == want,
                    f"{table_id} {code}: code cell {row['cells'].get('code')!r} != {want!r}",
                )
        for row in self.tables["tc33"]["rows"]:
            cells = row["cells"]
            if row["level"] in ("program", "kegiatan", "sub_kegiatan", "aktivitas"):
                lokasi = [cells.get("lokasi")] + [s["lokasi"] for s in row.get("split") or [] if "lokasi" in s]
                self.expect(
                    all(x == f"Kec.{name}" for x in lokasi if x is not None) and any(lokasi),
                    f"tc33 {row['code'] or cells.get('aktivitas')}: lokasi {lokasi}",
                )
                self.expect(cells.get("sumber_dana") == SUMBER_DANA, f"tc33 {row['code']}: sumber dana")
            if row["level"] == "sub_kegiatan":
                base = template_rows[row["code"]]["cells"]
                for key in ("name", "indicator", "formula"):
                    self.expect(cells[key] == base[key], f"tc33 {row['code']}: {key} is not the template's")
                if row["code"] != GAJI:
                    self.expect(cells["target"] == base["target"], f"tc33 {row['code']}: target is not the template's")

    def check_tc29(self) -> None:
        codes33 = [r["code"] for r in self.tables["tc33"]["rows"] if r["code"] is not None]
        rows = self.tables["tc29"]["rows"]
        self.expect([r["code"] for r in rows] == codes33, "T-C.29 rows != T-C.33 program/kegiatan/sub kegiatan")
        for row in rows:
            c = row["cells"]
            code = row["code"]
            num = functools.partial(count_value, c)
            t2, r2, t4, col10 = num("target_n2"), num("realisasi_n2"), num("target_renstra"), num("realisasi_capaian")
            self.expect(
                t2 is not None and r2 is not None and c["tingkat_realisasi"] == f"{round(r2 / t2 * 100)}%",
                f"T-C.29 {code}: column 8 != 7/6",
            )
            self.expect(
                t4 is not None and col10 is not None and c["tingkat_capaian"] == f"{round(col10 / t4 * 100)}%",
                f"T-C.29 {code}: column 11 != 10/4",
            )
            unit = c["target_renstra_unit"]
            self.expect(
                all(c[k] == unit for k in ("target_n2_unit", "realisasi_n2_unit", "target_n1_unit")),
                f"T-C.29 {code}: units differ",
            )
            if counts_cumulatively(unit):
                expected = (num("realisasi_n3") or 0) + (r2 or 0) + (num("target_n1") or 0)
            else:
                expected = num("target_n1") or 0
            self.expect(col10 == expected, f"T-C.29 {code}: column 10 {col10} != {expected}")

    def check_targets(self) -> None:
        n = self.n
        tc30 = self.tables["tc30"]
        keys = [c["key"] for c in tc30["columns"]]
        want = (
            ["no", "indicator", "spm", "ikk"]
            + [f"target_{y}" for y in range(n - 2, n + 2)]
            + [f"realisasi_{y}" for y in (n - 2, n - 1)]
            + [f"proyeksi_{y}" for y in (n, n + 1)]
            + ["catatan"]
        )
        self.expect(keys == want, f"T-C.30 columns {keys}")
        rows = tc30["rows"]
        t32 = self.tables["t32"]["rows"][0]["cells"].get(f"target_{n}")
        t33 = [r["cells"].get(f"target_{n}") for r in self.tables["t33"]["rows"]]
        self.expect(rows[1]["cells"].get(f"target_{n}") == t32, "T-C.30 IPP target != Tabel 3.2")
        self.expect(
            [rows[2]["cells"].get(f"target_{n}"), rows[3]["cells"].get(f"target_{n}")] == [f"{t}%" for t in t33],
            "T-C.30 sasaran targets != Tabel 3.3",
        )
        program = next(r for r in self.tables["tc33"]["rows"] if r["code"] == DESA_PROGRAM)
        self.expect(
            all(s["target"] == f"{t33[1]}%" for s in program.get("split") or []) and bool(program.get("split")),
            f"T-C.33 {DESA_PROGRAM} targets != Tabel 3.3 sasaran 2",
        )

    def check_paten_perdes(self) -> None:
        grand = 0
        for row in self.tables["paten"]["rows"]:
            for cells in [row["cells"], *(row.get("split") or [])]:
                if "ket" in cells:
                    months = sum(int(cells[k]) for k in MONTH_KEYS if re.fullmatch(r"\d+", str(cells.get(k, ""))))
                    self.expect(int(cells["ket"]) == months, f"PATEN {cells.get('jenis')!r}: KET != Σ months")
                    grand += int(cells["ket"])
        self.expect(self.tables["paten"]["rows"][-1]["cells"]["jenis"] == f"Total {grand}", "PATEN total != Σ KET")
        for row in self.tables["perdes"]["rows"]:
            for y in (self.n - 2, self.n - 1):
                c = row["cells"]
                self.expect(
                    int(c[f"t{y}_tertib"]) + int(c[f"t{y}_tdk"]) == self.v.place.desa, f"PERDES {y}: desa count"
                )

    # ----------------------------------------------------------------- narrative
    def check_narrative(self, tree: list[tuple[dict[str, Any], list[Any]]]) -> None:
        texts = [b.get("text", "") for b in self.spec["body"]]
        total = self.tables["tc33"]["rows"][0]["cells"]["amount"]
        gaji = next(r["cells"]["amount"] for r in self.tables["tc33"]["rows"] if r["code"] == GAJI)
        budget = [t for t in texts if t.startswith("Jumlah Anggaran")]
        self.expect(len(budget) == 1, "exactly one budget sentence")
        m = re.search(
            r"sebesar Rp\. ?([\d.]+) terdiri dari Belanja Pegawai sebesar Rp\. ?([\d.]+) "
            r"dan Belanja Barang dan Jasa sebesar Rp\. ?([\d.]+)$",
            budget[0] if budget else "",
        )
        self.expect(
            m is not None and m.groups() == (rupiah_text(total), rupiah_text(gaji), rupiah_text(total - gaji)),
            f"budget sentence amounts {m.groups() if m else None} != {total}, {gaji}, {total - gaji}",
        )
        count = len(tree)
        self.expect(
            sum(f"terdapat {count} ({NUMBER_WORDS[count]}) program" in t for t in texts) == 1,
            f"'terdapat {count} ({NUMBER_WORDS[count]}) program' missing",
        )
        lists = {i: b["items"] for i, b in enumerate(self.spec["body"]) if b["type"] == "list"}
        bab3 = next(items for items in lists.values() if items and items[0].startswith("A. Program"))
        expected3: list[str] = []
        for p_i, (program, kegiatans) in enumerate(tree):
            expected3.append(f"{LETTERS[p_i]}. {program['cells']['name']}")
            for k_i, (kegiatan, subs) in enumerate(kegiatans):
                expected3.append(f"{ROMAN[k_i]}. Kegiatan {kegiatan['cells']['name']}")
                expected3 += [f"{s_i}. Sub Kegiatan {sub['cells']['name']}" for s_i, (sub, _) in enumerate(subs, 1)]
        self.expect(
            [norm(i) for i in bab3] == [norm(e) for e in expected3],
            "BAB III program/kegiatan/sub kegiatan list != T-C.33",
        )
        programs = [norm(p["cells"]["name"]) for p, _ in tree]
        bab4 = next(
            items for items in lists.values() if items and items[0].startswith("1. Program") and items[-1].endswith(".")
        )
        self.expect(
            [norm(re.sub(r"^\d+\.\s*", "", i).rstrip(";.")) for i in bab4] == programs
            and [i.split(".")[0] for i in bab4] == [str(k) for k in range(1, count + 1)],
            "BAB IV program list != T-C.33 programs",
        )
        evaluation = next(items for items in lists.values() if items and items[0].startswith("a. Realisasi"))
        b = next(i for i, x in enumerate(evaluation) if x.startswith("b."))
        c = next(i for i, x in enumerate(evaluation) if x.startswith("c."))
        self.expect(
            [norm(re.sub(r"^\d+\.\s*", "", i)) for i in evaluation[b + 1 : c]] == programs,
            "2.1 list of programs that met their output != T-C.33 programs",
        )

    def check_places_and_years(self) -> None:
        place = self.v.place
        n = self.n
        meta = self.spec["meta"]
        self.expect(
            meta
            == {
                "unit": f"Kecamatan {place.kecamatan}",
                "region": f"Kabupaten {place.kabupaten}",
                "plan_year": n,
                "place_date": f"{place.kabupaten}, Juni {n - 1}",
            },
            f"meta {meta}",
        )
        cover = self.spec["body"][0]["lines"]
        self.expect(
            str(n) in cover
            and f"KECAMATAN {place.kecamatan.upper()}" in cover
            and f"PEMERINTAHAN KABUPATEN {place.kabupaten.upper()}" in cover,
            f"cover {cover}",
        )
        signatures = [b["lines"] for b in self.spec["body"] if b["type"] == "signature"]
        self.expect(
            len(signatures) == 2 and all(place.camat in s and any(place.nip in x for x in s) for s in signatures),
            "signatures must name the camat and NIP",
        )
        self.expect(
            signatures[0][0] == meta["place_date"] and signatures[1][1] == f"{place.kecamatan}, Juni {n - 1}",
            "signature place/date",
        )
        everything = list(iter_strings({k: v for k, v in self.spec.items() if k != "id"}))
        foreign = ["Randuagung", "RANDUAGUNG", "PUTERA", "PUTRA AGUNG", "ISKANDAR", "19650905", "Ranubedali"]
        if place.kabupaten != TEMPLATE_REGION:
            foreign += [TEMPLATE_REGION, TEMPLATE_REGION.upper(), "Semeru"]
        for word in foreign:
            hits = [s for s in everything if word.lower() in s.lower()]
            self.expect(not hits, f"{word!r} left in: {hits[:2]}")
        for text in everything:
            for year in free_years(text):
                self.expect(n - 3 <= year <= n + 1, f"year {year} outside n-3..n+1 in {text[:80]!r}")
        tc33 = self.tables["tc33"]
        header = [c["text"] for row in tc33["header"] for c in row]
        self.expect(
            f"Rencana Tahun {n} (Tahun Rencana)" in header and f"Prakiraan Maju Rencana Tahun {n + 1}" in header,
            "T-C.33 header years",
        )
        self.expect(f"Tahun {n} dan Prakiraan Maju Tahun {n + 1}" in tc33["caption"][1], "T-C.33 caption years")
        self.expect(
            f"Rencana Tahun {n} (Tahun Rencana)" in [c["text"] for row in self.tables["t41"]["header"] for c in row],
            "Tabel 4.1 header year",
        )
        tc29 = " ".join(c["text"] for row in self.tables["tc29"]["header"] for c in row)
        for needle in (f"(n-3) - {n - 3}", f"(n-2) - {n - 2}", f"n-1)- {n - 1}", f"s/d tahun {n - 1}"):
            self.expect(needle in tc29, f"T-C.29 header lacks {needle!r}")
        self.expect(f"s/d Tahun {n - 2}" in self.tables["tc29"]["caption"][1], "T-C.29 caption year")
        acts = [r["cells"]["aktivitas"] for r in tc33["rows"] if r["level"] == "aktivitas"]
        if any(a.startswith("Penyusunan Dokumen Rencana Kerja") for a in acts):
            self.expect(
                f"Penyusunan Dokumen Rencana Kerja Perangkat Daerah Tahun {n + 1}" in acts, "Renja n+1 activity"
            )

    def check_widths(self) -> None:
        orientation = table_orientations(self.spec["body"])
        if self.v.portrait_only:
            self.expect(set(orientation.values()) == {"portrait"}, "portrait-only variant has landscape sections")
        for table_id, table in self.tables.items():
            width = sum(c["width"] for c in table["columns"])
            self.expect(width <= TEXT_WIDTH_CM[orientation[table_id]], f"{table_id}: {width:.2f} cm too wide")


def norm(text: str) -> str:
    return re.sub(r"\s*/\s*", " / ", re.sub(r"\s+", " ", text)).strip().lower()


def check_variant(spec: Mapping[str, Any], variant: Variant, template: Mapping[str, Any]) -> None:
    """Raise InvariantError listing every broken invariant of `spec`."""
    Checker(spec, variant, template).run()


# --------------------------------------------------------------------------- output


def header_comment(v: Variant) -> str:
    p = v.place
    return (
        f"# Renja {v.plan_year} Kecamatan {p.kecamatan}, Kabupaten {p.kabupaten} -- SYNTHETIC clean sample.\n"
        "# Written by make_variants.py from randuagung-2024-repaired.yaml (do not edit by hand: change\n"
        "# the script and re-run it). Another kecamatan with its own subset of the template's sub\n"
        "# kegiatan, invented activities, amounts, T-C.29/T-C.30/PATEN data, places and signatory, every\n"
        "# total and cross-table figure recomputed: the auditor must report nothing on it.\n"
        f"# Rendering: {v.rendering}.\n"
    )


def dump(spec: Mapping[str, Any]) -> str:
    """Block style, key order kept, no line folding, like the hand-made specs."""
    return str(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True, width=1_000_000, default_flow_style=False))


def main() -> int:
    template = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    for variant in VARIANTS:
        spec = Builder(copy.deepcopy(template), variant).build()
        check_variant(spec, variant, template)
        out = SPECS / f"{variant.id}.yaml"
        out.write_text(header_comment(variant) + dump(spec), encoding="utf-8")
        counts = {
            level: sum(1 for r in spec["tables"]["tc33"]["rows"] if r["level"] == level)
            for level in ("program", "kegiatan", "sub_kegiatan", "aktivitas")
        }
        total = spec["tables"]["tc33"]["rows"][0]["cells"]["amount"]
        print(f"{out.relative_to(ROOT)}: {counts}, total Rp {rupiah_text(total)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
