"""Reference data for the samples (RKPD, Renstra PD, pagu indikatif), generated from the
sample specs so they agree with the documents, plus copies with injected discrepancies and
one export in a layout only a mapping file can read. Run: ``python -m samples.reference``.

* ``lumajang-2024-*``: one workbook for the whole kabupaten (a unit column), the way Bappeda
  keeps it: Randuagung (from the repaired spec: the values the document should carry),
  Sukodono, Pasirian and Kencong. RKPD tidy, Renstra long (a Tahun column), pagu indikatif
  as CSV with amounts written "1.916.486.189".
* ``lumajang-2024-*-defects``: the same with the discrepancies DEFECTS lists, for Randuagung.
* ``parakan-2026-rkpd-export.xlsx`` + ``.yaml``: one unit's RKPD as an export would give it —
  title rows, its own column names, amounts in thousands — read through the mapping;
  ``parakan-2026-renstra.xlsx``: the Renstra in the wide layout (a target column per year).
* Every Renstra also holds the end-of-period targets (T-C.29 column 4) and the tujuan/sasaran
  indicators with no code and their yearly targets (T-C.30, BAB III).
* ``bondowoso-2027-*``: Tegalampel's (six-chapter family, a "RANCANGAN AWAL" cover) RKPD and
  wide Renstra, and an RKPD copy missing one sub kegiatan (BONDOWOSO_MISSING).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import yaml
from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
SPECS = HERE.parent / "specs"
LUMAJANG = ["randuagung-2024-repaired", "sukodono-2024", "pasirian-2024", "kencong-2024"]
# What the -defects copies change for Randuagung (tests/test_reference.py expects each one).
DEFECTS = {
    "missing": "7.01.01.2.02.07",  # an RKPD sub kegiatan removed: the Renja plans one the RKPD lacks
    "pagu_below": "7.01.01.2.02.02",  # the RKPD ceiling lowered to half the Renja's amount
    "tc31_lokasi": ("7.01.01.2.01.01", "Desa Ranuwurung"),  # the RKPD's lokasi changed: T-C.31 no longer copies it
    "renstra_target": ("7.01.01.2.01.01", "3 dokumen"),  # the Renstra's plan-year target changed
    # The end-of-period target T-C.29 column 4 copies, changed.
    "renstra_akhir": ("7.01.01.2.01.02", "4 dokumen"),
    # A sasaran indicator's plan-year target changed: T-C.30 and Tabel 3.3 no longer copy it.
    "renstra_goal": ("Meningkatnya akuntabilitas pemerintahan desa", "85%"),
}
# Kabupaten Bondowoso's draft RKPD for 2027 (the six-chapter family, whose cover says
# "RANCANGAN AWAL"): a sub kegiatan the Renja plans is missing from the -defects copy.
BONDOWOSO_MISSING = "7.01.01.2.06.04"
RKPD_HEADERS = [
    "Perangkat Daerah",
    "Kode",
    "Program/Kegiatan/Sub Kegiatan",
    "Indikator Kinerja",
    "Target",
    "Lokasi",
    "Pagu Indikatif",
    "Sumber Dana",
    "Target n+1",
    "Pagu Indikatif n+1",
]
RENSTRA_HEADERS = [
    "Perangkat Daerah",
    "Kode",
    "Program/Kegiatan/Sub Kegiatan",
    "Indikator Kinerja",
    "Tahun",
    "Target",
    "Pagu Indikatif",
    "Target Akhir Periode",
]
LEVELS = ("program", "kegiatan", "sub_kegiatan")


def spec(name: str) -> dict[str, Any]:
    return yaml.safe_load((SPECS / f"{name}.yaml").read_text(encoding="utf-8"))


def table(data: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(t for t in data["tables"].values() if t.get("kind") == kind)


def text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(text(v) for v in value)
    return str(value)


def rkpd_rows(data: dict[str, Any]) -> list[list[Any]]:
    """The draft RKPD as T-C.31 copies it (columns 2-6), with T-C.33's funding and n+1."""
    unit = data["meta"]["unit"]
    tc33 = {r.get("code"): r["cells"] for r in table(data, "T-C.33")["rows"] if r.get("level") in LEVELS}
    rows = []
    for r in table(data, "T-C.31")["rows"]:
        if r.get("level") not in LEVELS or not r.get("code"):
            continue
        c, plan = r["cells"], tc33.get(r["code"], {})
        rows.append(
            [
                unit,
                r["code"],
                text(c.get("name")),
                text(c.get("indicator")),
                text(c.get("target")),
                text(c.get("lokasi")),
                c.get("pagu"),
                text(plan.get("sumber_dana")),
                text(plan.get("target_next")),
                plan.get("amount_next"),
            ]
        )
    return rows


def renstra_rows(data: dict[str, Any]) -> list[list[Any]]:
    """The Renstra's plan-year and next-year targets and funding, as T-C.33 states them,
    its end-of-period targets as T-C.29 column 4 copies them, and its tujuan/sasaran
    indicators with their yearly targets as T-C.30 copies them (no code)."""
    unit, year = data["meta"]["unit"], data["meta"]["plan_year"]
    akhir = end_targets(data)
    rows = []
    for r in table(data, "T-C.33")["rows"]:
        if r.get("level") not in LEVELS or not r.get("code"):
            continue
        c = r["cells"]
        base = [unit, r["code"], text(c.get("name")), text(c.get("indicator"))]
        end = akhir.get(r["code"], "")
        rows.append([*base, year, text(c.get("target")), c.get("amount"), end])
        if c.get("target_next") or c.get("amount_next"):
            rows.append([*base, year + 1, text(c.get("target_next")), c.get("amount_next"), end])
    for name, indicator, targets in goals(data):
        rows += [[unit, "", name, indicator, y, target, None, ""] for y, target in targets.items()]
    return rows


def end_targets(data: dict[str, Any]) -> dict[str, str]:
    """Code -> the end-of-period Renstra target (with its unit) T-C.29 column 4 states."""
    out = {}
    for r in table(data, "T-C.29")["rows"]:
        c = r.get("cells", {})
        value = text(c.get("target_renstra")).strip()
        unit = text(c.get("target_renstra_unit") or c.get("satuan")).strip()
        if r.get("code") and value and value != "-":
            out[r["code"]] = f"{value} {unit}" if unit and unit != "-" and unit not in value else value
    return out


def goals(data: dict[str, Any]) -> list[tuple[str, str, dict[int, str]]]:
    """(tujuan/sasaran, indicator, year -> target) of every T-C.30 row; the tujuan or
    sasaran named by the BAB III row with the same indicator, when there is one."""
    named = {
        text(r["cells"].get("indicator")).lower(): text(r["cells"].get("tujuan") or r["cells"].get("sasaran"))
        for kind in ("Tabel 3.2", "Tabel 3.3")
        for r in table(data, kind)["rows"]
    }
    out = []
    for r in table(data, "T-C.30")["rows"]:
        c = r.get("cells", {})
        indicator = text(c.get("indicator"))
        targets = {
            int(k[len("target_") :]): text(v)
            for k, v in c.items()
            if k.startswith("target_") and k[len("target_") :].isdigit() and text(v) not in ("", "-", "N/A")
        }
        if indicator and targets:
            out.append((named.get(indicator.lower(), ""), indicator, targets))
    return out


def pagu_row(data: dict[str, Any]) -> list[Any]:
    rows = table(data, "T-C.33")["rows"]
    total = next(
        (r["cells"].get("amount") for r in rows if r.get("level") == "total" and r["cells"].get("amount")), None
    )
    if total is None:
        total = sum(r["cells"].get("amount") or 0 for r in rows if r.get("level") == "program")
    return [data["meta"]["unit"], data["meta"]["plan_year"], f"{total:,}".replace(",", ".")]


def workbook(sheet: str, headers: list[str], rows: list[list[Any]], title: list[str] | None = None) -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = sheet
    for line in title or []:
        ws.append([line])
    ws.append(headers)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_defects_rkpd(rows: list[list[Any]]) -> list[list[Any]]:
    out = []
    for row in rows:
        row = list(row)
        if row[0] != "Kecamatan Randuagung":
            out.append(row)
            continue
        if row[1] == DEFECTS["missing"]:
            continue
        if row[1] == DEFECTS["pagu_below"]:
            row[6] = row[6] // 2
        if row[1] == DEFECTS["tc31_lokasi"][0]:
            row[5] = DEFECTS["tc31_lokasi"][1]
        out.append(row)
    return out


def with_defects_renstra(rows: list[list[Any]], year: int) -> list[list[Any]]:
    code, target = DEFECTS["renstra_target"]
    end_code, end = DEFECTS["renstra_akhir"]
    goal, goal_target = DEFECTS["renstra_goal"]
    out = []
    for r in rows:
        r = list(r)
        if r[0] == "Kecamatan Randuagung":
            if r[1] == code and r[4] == year:
                r[5] = target
            if r[1] == end_code:
                r[7] = end
            if not r[1] and r[3] == goal and r[4] == year:
                r[5] = goal_target
        out.append(r)
    return out


def export_rows(data: dict[str, Any]) -> list[list[Any]]:
    """Parakan's RKPD as an export lays it out: its own column names, amounts in thousands."""
    return [[r[1], r[2], r[5], r[3], r[4], r[6] / 1000 if r[6] else None, r[7]] for r in rkpd_rows(data)]


EXPORT_MAPPING = """\
# The RKPD export of one unit: title rows above the header, its own column names, amounts
# in thousands of rupiah, no unit column. Read with: --reference parakan-2026-rkpd-export.yaml
file: parakan-2026-rkpd-export.xlsx
kind: rkpd
sheet: Export
header_row: 4
unit: Kecamatan Parakan
money_unit: 1000
columns:
  code: Kd. Rek.
  name: Uraian Prog/Keg/Subkeg
  lokasi: Tempat
  indicator: Ukuran Keberhasilan
  target: Nilai Sasaran
  pagu: Plafon (ribu)
  sumber_dana: Dana
"""


def wide_renstra(data: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    """The Renstra in the wide layout: a target column per year, the end-of-period target
    beside them, the tujuan/sasaran indicators below the programs with no code."""
    year = data["meta"]["plan_year"]
    goal_rows = goals(data)
    years = sorted({year - 1, year, year + 1} | {y for _, _, targets in goal_rows for y in targets})
    headers = [
        "Kode",
        "Program/Kegiatan/Sub Kegiatan",
        "Indikator Kinerja",
        *[f"Target {y}" for y in years],
        "Kondisi Kinerja pada Akhir Periode Renstra PD",
    ]
    akhir = end_targets(data)
    rows = []
    for r in table(data, "T-C.33")["rows"]:
        if r.get("level") not in LEVELS or not r.get("code"):
            continue
        c = r["cells"]
        by_year = {year: text(c.get("target")), year + 1: text(c.get("target_next"))}
        rows.append(
            [
                r["code"],
                text(c.get("name")),
                text(c.get("indicator")),
                *[by_year.get(y, "") for y in years],
                akhir.get(r["code"], ""),
            ]
        )
    for name, indicator, targets in goal_rows:
        rows.append(["", name, indicator, *[targets.get(y, "") for y in years], ""])
    return headers, rows


def main() -> None:
    lumajang = [spec(n) for n in LUMAJANG]
    rkpd = [row for d in lumajang for row in rkpd_rows(d)]
    renstra = [row for d in lumajang for row in renstra_rows(d)]
    files: dict[str, bytes] = {
        "lumajang-2024-rkpd.xlsx": workbook("RKPD 2024", RKPD_HEADERS, rkpd),
        "lumajang-2024-rkpd-defects.xlsx": workbook("RKPD 2024", RKPD_HEADERS, with_defects_rkpd(rkpd)),
        "lumajang-2024-renstra.xlsx": workbook("Renstra", RENSTRA_HEADERS, renstra),
        "lumajang-2024-renstra-defects.xlsx": workbook("Renstra", RENSTRA_HEADERS, with_defects_renstra(renstra, 2024)),
    }
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\n")
    writer.writerow(["Perangkat Daerah", "Tahun", "Pagu Indikatif"])
    writer.writerows(pagu_row(d) for d in lumajang)
    files["lumajang-2024-pagu.csv"] = buf.getvalue().encode("utf-8")
    parakan = spec("parakan-2026")
    files["parakan-2026-rkpd-export.xlsx"] = workbook(
        "Export",
        [
            "Kd. Rek.",
            "Uraian Prog/Keg/Subkeg",
            "Tempat",
            "Ukuran Keberhasilan",
            "Nilai Sasaran",
            "Plafon (ribu)",
            "Dana",
        ],
        export_rows(parakan),
        title=["RANCANGAN AWAL RKPD KABUPATEN TEMANGGUNG TAHUN 2026", "Perangkat Daerah: Kecamatan Parakan", ""],
    )
    files["parakan-2026-rkpd-export.yaml"] = EXPORT_MAPPING.encode("utf-8")
    headers, rows = wide_renstra(parakan)
    files["parakan-2026-renstra.xlsx"] = workbook("Renstra 2025-2029", headers, rows)
    tegalampel = spec("tegalampel-2027")
    bondowoso = rkpd_rows(tegalampel)
    files["bondowoso-2027-rkpd.xlsx"] = workbook("Ranwal RKPD 2027", RKPD_HEADERS, bondowoso)
    files["bondowoso-2027-rkpd-defects.xlsx"] = workbook(
        "Ranwal RKPD 2027", RKPD_HEADERS, [r for r in bondowoso if r[1] != BONDOWOSO_MISSING]
    )
    headers, rows = wide_renstra(tegalampel)
    files["bondowoso-2027-renstra.xlsx"] = workbook("Renstra 2025-2029", headers, rows)
    for name, data in files.items():
        (HERE / name).write_bytes(data)
        print(f"samples/reference/{name}")


if __name__ == "__main__":
    main()
