"""`render: html` spec tables: the SIPD-RI-like web page, and its Chromium print."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from system_tools import chromium  # noqa: F401  (fixture: skips, or fails under CI, without Chromium/Playwright)

from samples.generator.composite import has_calc_tables, has_spliced_tables, split_parts
from samples.generator.html_render import build_html, render_html_pdf
from samples.generator.spec import parse_spec

pytestmark = pytest.mark.browser

PRINTED = datetime(2024, 6, 3, 9, 30, 0)
CAPTION = [
    "RENCANA KERJA PERANGKAT DAERAH",
    "T-C.33 Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2025 dan Prakiraan Maju Tahun 2026",
    "TAHUN ANGGARAN 2025",
    "Unit Organisasi : 2.16.2.20.2.21.0.00.01.0000 - Dinas Komunikasi dan Informatika",
]


def _rows(count: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {
            "level": "program",
            "code": "2.16.02",
            "cells": {"code": "2.16.02", "name": "PROGRAM PENGELOLAAN INFORMASI DAN KOMUNIKASI PUBLIK"},
            "split": [
                {"indicator": "Indeks Keterbukaan Informasi Publik", "target": "86", "amount": 1_250_000_000},
                {"indicator": "Persentase OPD yang\nmengelola PPID", "target": "100 %"},
            ],
        }
    ]
    for i in range(count):
        rows.append(
            {
                "level": "sub_kegiatan",
                "code": f"2.16.02.2.01.{i % 13 + 1:02d}",
                "cells": {
                    "code": f"2.16.02.2.01.{i % 13 + 1:04d}",
                    "name": "Pengelolaan Konten dan Perencanaan Media Komunikasi Publik " * 3,
                    "indicator": "Jumlah Dokumen Hasil Pengelolaan Konten dan Perencanaan Media Komunikasi Publik",
                    "target": f"{i + 1} Dokumen",
                    "amount": 96_500_000 + i * 1000,
                },
            }
        )
    return rows


def _spec(rows: int = 45, orientation: str = "landscape") -> Any:
    data = {
        "id": "html-mini",
        "meta": {"unit": "Dinas Komunikasi dan Informatika", "region": "Kabupaten Situbondo", "plan_year": 2025},
        "style": {"font": "Liberation Sans", "table_pt": 7, "thousands": "."},
        "body": [
            {"type": "heading", "level": 1, "text": "BAB III"},
            {"type": "section", "orientation": orientation},
            {"type": "table", "ref": "tc33"},
            {"type": "section", "orientation": "portrait"},
            {"type": "heading", "level": 1, "text": "BAB IV"},
        ],
        "tables": {
            "tc33": {
                "kind": "T-C.33",
                "render": "html",
                "caption": CAPTION,
                "columns": [
                    {"key": "code", "width": 2.6},
                    {"key": "name", "width": 6.0},
                    {"key": "indicator", "width": 6.0},
                    {"key": "target", "width": 2.0},
                    {"key": "amount", "width": 2.6, "align": "right"},
                ],
                "header": [
                    [
                        {"text": "Kode", "rowspan": 2},
                        {
                            "text": "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan",
                            "rowspan": 2,
                        },
                        {"text": "Indikator Kinerja", "rowspan": 2},
                        {"text": "Rencana Tahun 2025", "colspan": 2},
                    ],
                    [{"text": "Target Capaian Kinerja"}, {"text": "Pagu Indikatif (Rp)"}],
                ],
                "number_row": ["1", "2", "3", "4", "5"],
                "rows": _rows(rows),
            }
        },
    }
    return parse_spec(data)


def test_page_has_a_repeating_header_number_row_and_merged_split_rows() -> None:
    spec = _spec(rows=3)
    page = build_html(spec.tables["tc33"], spec.style, orientation="landscape")
    thead = re.search(r"<thead>(.*?)</thead>", page, re.S)
    assert thead is not None
    head = thead.group(1)
    assert head.count("<tr>") == 3  # two header rows and the column-number row
    assert 'rowspan="2"' in head and 'colspan="2"' in head
    assert re.search(r'<th class="c num">1</th>.*<th class="c num">5</th>', head, re.S)
    assert "display: table-header-group" in page  # the browser repeats it on every page
    assert "size: 297.0mm 210.0mm" in page  # A4 landscape
    body = page.split("<tbody>", 1)[1]
    # the program's two indicators stack; its code and name span both sub-rows
    assert '<td class="l" rowspan="2">2.16.02</td>' in body
    assert "Persentase OPD yang<br>mengelola PPID" in body
    assert "1.250.000.000" in body  # the spec's thousands separator
    assert "Unit Organisasi</td><td>:</td>" in page  # a "Label : value" caption line as data
    assert "break-inside: auto" in page  # rows may break across pages


def test_f4_paper_and_portrait() -> None:
    spec = _spec(rows=1)
    page = build_html(spec.tables["tc33"], spec.style, orientation="portrait", paper="F4")
    assert "size: 215.0mm 330.0mm" in page


def test_html_tables_are_spliced_like_calc_tables() -> None:
    spec = _spec(rows=1)
    assert has_spliced_tables(spec) and has_calc_tables(spec)
    parts = split_parts(spec)
    assert [p.kind for p in parts] == ["writer", "html", "writer"]
    assert parts[1].orientation == "landscape" and parts[1].table_id == "tc33"


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory, chromium: str) -> tuple[Path, Path]:
    spec = _spec()
    out = tmp_path_factory.mktemp("html")
    first = render_html_pdf(
        spec.tables["tc33"],
        spec.style,
        out / "a.pdf",
        orientation="landscape",
        creation_date=PRINTED,
        chromium=chromium,
    )
    second = render_html_pdf(
        spec.tables["tc33"],
        spec.style,
        out / "b.pdf",
        orientation="landscape",
        creation_date=PRINTED,
        chromium=chromium,
    )
    return first, second


def test_every_printed_page_repeats_the_header(printed: tuple[Path, Path]) -> None:
    with pdfplumber.open(printed[0]) as pdf:
        assert pdf.metadata["Producer"].startswith("Skia/PDF")
        pages = [page.extract_text() or "" for page in pdf.pages]
        width, height = pdf.pages[0].width, pdf.pages[0].height
    assert len(pages) >= 2
    assert width > height  # landscape
    assert "RENCANA KERJA PERANGKAT DAERAH" in pages[0]
    assert "RENCANA KERJA PERANGKAT DAERAH" not in pages[1]  # the title block is on the first page only
    for number, text in enumerate(pages, start=1):
        assert "Kode" in text and "Pagu Indikatif (Rp)" in text, f"page {number} lacks the repeated header"
        assert re.search(r"^1 2 3 4 5$", text, re.M), f"page {number} lacks the column-number row"
        assert f"Halaman {number} dari {len(pages)}" in text
        assert "Dicetak melalui SIPD-RI pada 03-06-2024 09:30:00" in text


def test_printing_is_deterministic(printed: tuple[Path, Path]) -> None:
    first, second = printed
    assert first.read_bytes() == second.read_bytes()
    assert b"D:20240603093000" in first.read_bytes()
