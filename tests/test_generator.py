"""The sample generator's Word output, and its contents / figure / section / stacked-cell features
(the PDF tests need LibreOffice and skip without it)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
import yaml
from conftest import REFERENCE_SPEC, ROOT, load_spec
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from samples.generator import figures, toc
from samples.generator.calc_render import build_workbook
from samples.generator.composite import split_parts
from samples.generator.docx_render import build_document, render_docx
from samples.generator.spec import SpecError, parse_spec


@pytest.mark.samples
@pytest.mark.cli
def test_reference_spec_renders_to_a_renja_like_docx(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "samples.generator", str(REFERENCE_SPEC), "--no-pdf", "--out-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    doc = Document(str(tmp_path / "randuagung-2024.docx"))
    orientations = {s.orientation for s in doc.sections}
    assert orientations == {WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE}
    spec = load_spec(REFERENCE_SPEC)
    assert len(doc.tables) == len(spec["tables"])
    tc33 = next(t for t in doc.tables if "Prakiraan Maju" in t.rows[0]._tr.xml)
    header_rows = [r for r in tc33.rows if r._tr.trPr is not None and r._tr.trPr.find(qn("w:tblHeader")) is not None]
    assert len(header_rows) == len(spec["tables"]["tc33"]["header"]) + 1  # header rows + number row
    text = "\n".join(c.text for r in tc33.rows for c in r.cells)
    assert "1,916,486,189" in text and "2,108,134,808" in text and "'7.01.01.206.1" in text


# --------------------------------------------------------------------------- contents, figures, sections

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = (
    "Penyusunan Renja Kecamatan Contoh berpedoman pada Renstra dan rancangan awal RKPD, dengan memperhatikan "
    "hasil evaluasi pelaksanaan program dan kegiatan tahun sebelumnya serta usulan musrenbang kecamatan. "
)
STACKED = "Persentase desa tertib administrasi\nPersentase desa dengan APBDes tepat waktu\nIndeks kepuasan layanan"
HEADER = "Renja Kecamatan Contoh Tahun 2027"


def _feature_spec(render: str = "calc") -> dict[str, Any]:
    """Cover without number, roman front matter with three contents lists, arabic body with a
    running header, figures, a Writer table and a `render` table, both with stacked cells."""
    table = {
        "kind": "other",
        "columns": [{"key": "no", "width": 1.0}, {"key": "indicator", "width": 9.0}, {"key": "target", "width": 3.0}],
        "header": [[{"text": "No"}, {"text": "Indikator\n(Program/Kegiatan)"}, {"text": "Target"}]],
        "rows": [
            {"level": "other", "cells": {"no": "1", "indicator": STACKED, "target": "90%\n85%\n82"}},
            {"level": "other", "cells": {"no": "2", "indicator": "Jumlah laporan", "target": "12 laporan"}},
        ],
    }
    body: list[dict[str, Any]] = [
        {"type": "section", "orientation": "portrait", "numbering": "none", "header": ""},
        {"type": "cover", "lines": ["RENCANA KERJA", "KECAMATAN CONTOH", "TAHUN 2027"]},
        {"type": "section", "orientation": "portrait", "numbering": "lower_roman", "start": 1},
        {"type": "caption", "lines": ["KATA PENGANTAR"]},
        {"type": "paragraph", "text": TEXT * 4},
        {"type": "page_break"},
        {"type": "toc", "of": "headings", "levels": 2},
        {"type": "page_break"},
        {"type": "toc", "of": "tables"},
        {"type": "toc", "of": "figures"},
        {"type": "section", "orientation": "portrait", "numbering": "arabic", "start": 1, "header": HEADER},
        {"type": "heading", "level": 1, "text": "BAB I\nPENDAHULUAN"},
        {"type": "heading", "level": 2, "text": "1.1 Latar Belakang"},
        *[{"type": "paragraph", "text": TEXT * 6} for _ in range(2)],
        {
            "type": "figure",
            "kind": "org_chart",
            "height": 8,
            "caption": ["Gambar 1.1 Struktur Organisasi Kecamatan Contoh"],
            "labels": ["CAMAT", "SEKRETARIS KECAMATAN", "Seksi Pemerintahan", "Seksi Trantibum", "Seksi PMD"],
        },
        {"type": "heading", "level": 2, "text": "1.2 Landasan Hukum"},
        *[{"type": "paragraph", "text": TEXT * 7} for _ in range(2)],
        {"type": "caption", "lines": ["Tabel 1.1", "Indikator Kinerja Utama"]},
        {"type": "table", "ref": "t1"},
        {"type": "heading", "level": 3, "text": "1.2.1 Rincian"},
        {"type": "paragraph", "text": TEXT * 2},
        {"type": "page_break"},
        {"type": "heading", "level": 1, "text": "BAB II EVALUASI"},
        {"type": "section", "orientation": "landscape"},
        {"type": "table", "ref": "t2"},
        {"type": "section", "orientation": "portrait"},
        {"type": "heading", "level": 2, "text": "2.1 Capaian"},
        {"type": "paragraph", "text": TEXT * 3},
        {
            "type": "figure",
            "kind": "bar_chart",
            "height": 6,
            "caption": ["Gambar 2.1 Capaian Kinerja 2021-2025"],
            "labels": ["2021", "2022", "2023", "2024", "2025"],
            "values": [88.5, 91, 93.2, 95, 97.5],
        },
        {
            "type": "figure",
            "kind": "flow",
            "height": 5,
            "caption": ["Gambar 2.2 Alur Penyusunan Renja"],
            "labels": ["Persiapan", "Rancangan Awal", "Rancangan", "Forum PD", "Rancangan Akhir", "Penetapan"],
        },
    ]
    return {
        "id": f"feature-{render}",
        "meta": {"unit": "Kecamatan Contoh", "region": "Kabupaten Contoh", "plan_year": 2027},
        "body": body,
        "tables": {
            "t1": table,
            "t2": {
                **table,
                "render": render,
                "caption": ["Tabel 2.1", "Rekapitulasi Indikator Kinerja Kecamatan Contoh"],
            },
        },
    }


def _entries(spec: Any, of: str) -> list[tuple[str, str, int | None]]:
    block = next(b for b in toc.resolve(spec).body if b.type == "toc" and b.of == of)
    return [(e.text, e.target, e.level) for e in block.entries]


@pytest.mark.unit
def test_contents_entries_are_derived_from_headings_captions_and_figures() -> None:
    spec = parse_spec(_feature_spec())
    assert _entries(spec, "headings") == [
        ("BAB I PENDAHULUAN", "BAB I PENDAHULUAN", 1),
        ("1.1 Latar Belakang", "1.1 Latar Belakang", 2),
        ("1.2 Landasan Hukum", "1.2 Landasan Hukum", 2),  # 1.2.1 is deeper than levels: 2
        ("BAB II EVALUASI", "BAB II EVALUASI", 1),
        ("2.1 Capaian", "2.1 Capaian", 2),
    ]
    # A caption line that only numbers the table takes its title line along.
    assert [text for text, _, _ in _entries(spec, "tables")] == [
        "Tabel 1.1 Indikator Kinerja Utama",
        "Tabel 2.1 Rekapitulasi Indikator Kinerja Kecamatan Contoh",
    ]
    assert [text for text, _, _ in _entries(spec, "figures")] == [
        "Gambar 1.1 Struktur Organisasi Kecamatan Contoh",
        "Gambar 2.1 Capaian Kinerja 2021-2025",
        "Gambar 2.2 Alur Penyusunan Renja",
    ]
    assert (
        toc.caption_entry(["TABEL 3.4 T-C.33", "Rumusan Rencana Program"]) == "TABEL 3.4 T-C.33 Rumusan Rencana Program"
    )
    assert toc.caption_entry(["Tabel 3.1 Tujuan dan Sasaran", "Kecamatan Contoh"]) == "Tabel 3.1 Tujuan dan Sasaran"
    assert toc.caption_entry(["T-C.33", "Rumusan Rencana Program"]) is None
    # Targets come in body order (the order the PDF is searched in).
    assert toc.targets(toc.resolve(spec))[:4] == [
        "BAB I PENDAHULUAN",
        "1.1 Latar Belakang",
        "Gambar 1.1 Struktur Organisasi Kecamatan Contoh",
        "1.2 Landasan Hukum",
    ]


@pytest.mark.unit
def test_written_contents_entries_print_their_own_text_at_the_target_page() -> None:
    data = _feature_spec()
    data["body"][6] = {
        "type": "toc",
        "of": "headings",
        "entries": [
            {"text": "KATA PENGANTAR", "target": "KATA PENGANTAR"},
            {"text": "BAB I PENDAHULUAN", "target": "BAB I PENDAHULUAN"},
            {"text": "1.1 Latar Belakang Masalah", "target": "1.1 Latar Belakang"},
        ],
    }
    spec = parse_spec(data)
    assert _entries(spec, "headings") == [
        ("KATA PENGANTAR", "KATA PENGANTAR", 1),
        ("BAB I PENDAHULUAN", "BAB I PENDAHULUAN", 1),
        ("1.1 Latar Belakang Masalah", "1.1 Latar Belakang", 2),  # level of the target heading
    ]
    numbered = toc.resolve(spec, {"KATA PENGANTAR": "i", "1.1 Latar Belakang": "1"})
    pages = [e.page for e in next(b for b in numbered.body if b.type == "toc").entries]
    assert pages == ["i", toc.UNKNOWN, "1"]


@pytest.mark.unit
def test_contents_lines_have_a_dot_leader_tab_at_the_right_margin() -> None:
    spec = toc.resolve(parse_spec(_feature_spec()), {"BAB I PENDAHULUAN": "1", "1.1 Latar Belakang": "1"})
    doc = build_document(spec)
    paragraphs = [p for p in doc.paragraphs if p.style.name == "Renja Contents Entry"]
    assert len(paragraphs) == 5 + 2 + 3
    first = paragraphs[0]
    tab = first._p.find(f"{W}pPr/{W}tabs/{W}tab")
    assert (tab.get(f"{W}val"), tab.get(f"{W}leader")) == ("right", "dot")
    assert abs(int(tab.get(f"{W}pos")) - round(17.0 / 2.54 * 1440)) <= 1  # portrait text width, twips
    assert first.text == "BAB I PENDAHULUAN\t1"
    assert paragraphs[1].paragraph_format.left_indent > 0  # "1.1" one step in
    assert paragraphs[3].text == "BAB II EVALUASI\t" + toc.UNKNOWN
    titles = [p.text for p in doc.paragraphs if p.style.name == "Renja Contents Title"]
    assert titles == ["DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GAMBAR"]
    # Without page numbers (no PDF step) the entries print the placeholder.
    plain = build_document(parse_spec(_feature_spec()))
    assert next(p for p in plain.paragraphs if p.style.name == "Renja Contents Entry").text.endswith(
        "\t" + toc.PLACEHOLDER
    )


@pytest.mark.unit
def test_sections_number_pages_and_carry_the_running_header() -> None:
    doc = build_document(parse_spec(_feature_spec()))
    sections = doc.sections
    num = [s._sectPr.find(f"{W}pgNumType") for s in sections]
    formats = [(n.get(f"{W}fmt"), n.get(f"{W}start")) if n is not None else None for n in num]
    # cover (none: no number printed), front matter i.., body 1.., landscape and portrait go on
    assert formats == [None, ("lowerRoman", "1"), ("decimal", "1"), ("decimal", None), ("decimal", None)]
    footers = [s.footer._element.xml for s in sections]
    assert "PAGE" not in footers[0] and all("PAGE" in f for f in footers[1:])
    headers = [s.header.paragraphs[0].text if not s.header.is_linked_to_previous else None for s in sections]
    assert headers == ["", "", HEADER, HEADER, HEADER]
    assert sections[2].header.paragraphs[0].style.name == "Renja Running Header"


@pytest.mark.unit
def test_figures_are_inline_pictures_with_the_caption_below() -> None:
    doc = build_document(parse_spec(_feature_spec()))
    body = list(doc.element.body.iterchildren())
    pictures = [i for i, el in enumerate(body) if el.findall(f".//{W}drawing")]
    assert len(pictures) == 3
    inline = body[pictures[0]].find(
        f".//{W}drawing/{{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}}inline"
    )
    assert inline is not None
    caption = "".join(t.text for t in body[pictures[0] + 1].iter(f"{W}t"))
    assert caption == "Gambar 1.1 Struktur Organisasi Kecamatan Contoh"
    images = [p for p in doc.part.package.iter_parts() if p.partname.endswith(".png")]
    assert len(images) == 3 and all(p.blob.startswith(b"\x89PNG") for p in images)


@pytest.mark.unit
def test_figures_and_documents_are_deterministic(tmp_path: Path) -> None:
    spec = parse_spec(_feature_spec())
    figure = next(b for b in spec.body if b.type == "figure" and b.kind == "bar_chart")
    assert figures.draw(figure, 15, "Liberation Sans") == figures.draw(figure, 15, "Liberation Sans")
    assert figures.axis_max(97.5) == 100 and figures.axis_max(1234) == 1500
    a = render_docx(spec, tmp_path / "a.docx").read_bytes()
    b = render_docx(parse_spec(_feature_spec()), tmp_path / "b.docx").read_bytes()
    assert a == b


@pytest.mark.unit
def test_stacked_cell_text_breaks_lines_in_writer_and_calc() -> None:
    spec = parse_spec(_feature_spec())
    doc = build_document(spec)
    cell = next(c for t in doc.tables for r in t.rows for c in r.cells if c.text.startswith("Persentase desa tertib"))
    assert len(cell._tc.findall(f".//{W}br")) == 2 and cell.text == STACKED
    ws = build_workbook(
        spec.tables["t2"], spec.style, orientation="landscape", first_page_number=5, header=HEADER
    ).active
    values = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    stacked = values[STACKED]
    assert stacked.alignment.wrap_text
    one_line = ws.row_dimensions[values["Jumlah laporan"].row].height
    assert ws.row_dimensions[stacked.row].height >= 2.5 * one_line  # three lines, measured
    assert ws.oddHeader.right.text == HEADER


@pytest.mark.unit
def test_new_block_keys_are_validated() -> None:
    def body_with(block: dict[str, Any]) -> dict[str, Any]:
        return {"id": "x", "body": [block]}

    bad = [
        {"type": "section", "orientation": "portrait", "numbering": "upper_roman"},
        {"type": "section", "orientation": "portrait", "start": 0},
        {"type": "toc", "of": "pictures"},
        {"type": "toc", "of": "headings", "entries": [{"text": "BAB I"}]},
        {"type": "figure", "kind": "bar_chart", "caption": ["Gambar 1"], "labels": ["2024", "2025"], "values": [1]},
        {"type": "figure", "kind": "pie", "caption": ["Gambar 1"], "labels": ["a"]},
        {"type": "figure", "kind": "flow", "caption": ["Gambar 1"], "labels": ["a"], "colour": "red"},
    ]
    for block in bad:
        with pytest.raises(SpecError):
            parse_spec(body_with(block))
    toc_block = parse_spec(body_with({"type": "toc", "of": "figures"})).body[0]
    assert (toc_block.text, toc_block.level) == ("DAFTAR GAMBAR", 2)


@pytest.mark.unit
def test_printed_numbers_count_on_over_pages_without_a_readable_footer() -> None:
    assert toc.printed_numbers([None, "i", "ii", "1", None, None, "4"]) == [None, "i", "ii", "1", "2", "3", "4"]


@pytest.mark.cli
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice) for the PDF")
@pytest.mark.parametrize("render", ["calc", "writer"])
def test_contents_print_the_page_numbers_the_pdf_shows(tmp_path: Path, render: str) -> None:
    data = _feature_spec(render)
    spec_path = tmp_path / f"{data['id']}.yaml"
    spec_path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "samples.generator", str(spec_path), "--out-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "warning" not in proc.stderr, proc.stderr
    pdf = tmp_path / f"{data['id']}.pdf"
    bold, printed = toc.read_pages(pdf)
    assert printed[:5] == [None, "i", "ii", "iii", "1"]
    assert all(n is not None and n.isdigit() for n in printed[4:])  # the body (and its Calc part) count on
    assert [int(n) for n in printed[4:]] == list(range(1, len(printed) - 3))
    with pdfplumber.open(str(pdf)) as doc:
        lines = [line for page in doc.pages[2:4] for line in (page.extract_text() or "").splitlines()]
        first_lines = [(page.extract_text() or "").splitlines()[0] for page in doc.pages]
    assert [line == HEADER for line in first_lines] == [False] * 4 + [True] * (len(first_lines) - 4)
    entries = {m.group(1): m.group(2) for line in lines if (m := re.match(r"^(.*?)\.{4,}\s*(\S+)$", line))}
    assert len(entries) == 10
    for text, number in entries.items():
        page = next(i for i, k in enumerate(bold) if i > 3 and toc.key(text) in k)
        assert printed[page] == number, text


@pytest.mark.unit
def test_sections_can_print_the_page_number_between_dashes() -> None:
    data = _feature_spec()
    body = data["body"]
    front = next(i for i, b in enumerate(body) if b.get("numbering") == "lower_roman")
    body[front] = {**body[front], "page_format": "- {} -"}
    doc = build_document(parse_spec(data))
    footers = ["".join(t.text for t in s.footer._element.iter(f"{W}t")) for s in doc.sections]
    instr = [[t.text for t in s.footer._element.iter(f"{W}instrText")] for s in doc.sections]
    # cover: nothing; from the front matter on (format stays in force): "- " PAGE " -"
    assert footers == ["", "- 1 -", "- 1 -", "- 1 -", "- 1 -"]  # "1" is the cached PAGE result
    assert instr[0] == [] and all(i == [" PAGE "] for i in instr[1:])
    # without the key the footer is the bare number, as before
    plain = build_document(parse_spec(_feature_spec()))
    assert ["".join(t.text for t in s.footer._element.iter(f"{W}t")) for s in plain.sections] == [
        "",
        "1",
        "1",
        "1",
        "1",
    ]
    for bad in ("- # -", "{} {}", "- {}\n-"):
        with pytest.raises(SpecError):
            parse_spec({"id": "x", "body": [{"type": "section", "orientation": "portrait", "page_format": bad}]})


@pytest.mark.unit
def test_footer_numbers_between_dashes_are_read() -> None:
    class Page:
        width, height = 595.0, 842.0

        def __init__(self, *words: tuple[str, float]) -> None:
            self.words = [{"text": t, "x0": x, "x1": x + 6, "bottom": 820.0} for t, x in words]

        def extract_words(self) -> list[dict[str, Any]]:
            return self.words

    assert toc._footer_number(Page(("-", 285), ("12", 293), ("-", 303))) == "12"
    assert toc._footer_number(Page(("-", 287), ("iv", 295), ("-", 305))) == "iv"
    assert toc._footer_number(Page(("12", 293))) == "12"
    assert toc._footer_number(Page(("-", 293))) is None


@pytest.mark.unit
def test_parts_after_a_spliced_table_keep_the_page_format() -> None:
    """The Writer part after a Calc table prints its numbers as the section before the table did."""
    data = _feature_spec()
    body = data["body"]
    arabic = next(i for i, b in enumerate(body) if b.get("numbering") == "arabic")
    body[arabic] = {**body[arabic], "page_format": "Hal. {}"}
    parts = split_parts(parse_spec(data))
    assert [p.kind for p in parts] == ["writer", "calc", "writer"]
    assert parts[2].blocks[0].type == "section" and parts[2].blocks[0].page_format == "Hal. {}"
    # without the key nothing changes: the part after the table has no page_format of its own
    plain = split_parts(parse_spec(_feature_spec()))
    assert plain[2].blocks[0].page_format is None


@pytest.mark.unit
def test_footer_numbers_after_a_word_are_read() -> None:
    """A "Hal. {}" page_format ("Hal. 5") still gives the contents and the parts after it their numbers."""

    class Page:
        width, height = 595.0, 842.0

        def __init__(self, *words: tuple[str, float]) -> None:
            self.words = [{"text": t, "x0": x, "x1": x + 10, "bottom": 820.0} for t, x in words]

        def extract_words(self) -> list[dict[str, Any]]:
            return self.words

    assert toc._footer_number(Page(("Hal.", 282), ("5", 294))) == "5"
    assert toc._footer_number(Page(("Halaman", 280), ("12", 296))) == "12"
    assert toc._footer_number(Page(("hlm.", 282), ("iv", 294))) == "iv"
    assert toc._footer_number(Page(("Hal.", 290))) is None
    assert toc._footer_number(Page(("Tabel", 282), ("5", 294))) is None
