"""The word grouping of extract/pdf/words.py against pdfplumber's own, page by page."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from auditor.extract.pdf.pdfium_objects import PdfiumPages
from auditor.extract.pdf.words import extract_words

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "pdf"
PDFS = sorted(SAMPLES.glob("*.pdf"))
KEYS = ("text", "x0", "x1", "top", "bottom", "doctop", "upright", "fontname")


def _pdfplumber_words(page: pdfplumber.page.Page) -> list[dict]:
    return page.extract_words(keep_blank_chars=False, use_text_flow=False, extra_attrs=["fontname"], return_chars=True)


def _same(ours: list[dict], theirs: list[dict]) -> None:
    assert [tuple(w[k] for k in KEYS) for w in ours] == [tuple(w[k] for k in KEYS) for w in theirs]
    assert [[id(c) for c in w["chars"]] for w in ours] == [[id(c) for c in w["chars"]] for w in theirs]


@pytest.mark.samples
@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_every_page_gives_pdfplumbers_words(pdf: Path) -> None:
    reader = PdfiumPages(pdf)
    with pdfplumber.open(pdf) as doc:
        for page_no, page in enumerate(doc.pages, start=1):
            reader.attach(page, page_no)
            _same(extract_words(page.chars), _pdfplumber_words(page))
            page.close()
    reader.close()


def _char(text: str, x0: float, top: float, *, upright: bool = True, font: str = "F1", size: float = 10.0) -> dict:
    return {
        "text": text,
        "x0": x0,
        "x1": x0 + size * 0.5 if upright else x0 + size,
        "top": top,
        "bottom": top + size if upright else top + size * 0.5,
        "doctop": top + 1000.0,
        "upright": upright,
        "fontname": font,
        "size": size,
    }


@pytest.mark.unit
def test_hand_made_lines_give_pdfplumbers_words() -> None:
    # Tops within the tolerance of each other chain into one line; a space, a gap, a step
    # back, a change of font, an empty glyph and a ligature; rotated text read down the page.
    chars = [
        _char("b", 15.0, 100.0),
        _char("a", 10.0, 101.5),
        _char("c", 20.0, 103.0),
        _char(" ", 25.0, 100.0),
        _char("d", 30.0, 100.0),
        _char("e", 39.0, 100.0),
        _char("f", 44.0, 100.0, font="F2"),
        _char("\ufb01", 49.0, 100.0, font="F2"),
        _char("", 54.0, 100.0, font="F2"),
        _char("g", 59.0, 100.0, font="F2"),
        _char("h", 10.0, 140.0),
        _char("v", 200.0, 10.0, upright=False),
        _char("u", 201.0, 5.0, upright=False),
        _char("w", 200.0, 30.0, upright=False),
        _char("x", 210.0, 10.0, upright=False),
    ]
    theirs = pdfplumber.utils.extract_words(
        chars, keep_blank_chars=False, use_text_flow=False, extra_attrs=["fontname"], return_chars=True
    )
    _same(extract_words(chars), theirs)
    assert [w["text"] for w in theirs] == [
        "abc",
        "d",
        "e",
        "f\ufb01".replace("\ufb01", "fi"),
        "",
        "g",
        "h",
        "uv",
        "w",
        "x",
    ]
