"""One page at a time, within bounds: a page whose content is too large, or broken, is set
aside with its reason and the rest of the document is read.

A PDF of a few megabytes can hold a page whose content stream inflates to gigabytes (a
"zip bomb" of zeros) or millions of text operators: pdfminer would decompress and parse
it whole. Before a page is parsed, its content streams (and the form XObjects it draws)
are inflated here in bounded steps and their text operators counted; a page over the
bounds is "too large" without ever being held in memory.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import Any

from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psparser import LIT

from auditor.extract.page import PageLayout
from auditor.model.document import PageFailure

MAX_CONTENT_BYTES = 8 * 1024 * 1024  # inflated content of one page; real Renja pages are < 1 MB
MAX_TEXT_OPERATORS = 300_000  # Tj/TJ on one page; a dense table page has a few thousand
_FLATE = {LIT("FlateDecode"), LIT("Fl")}
_CHUNK = 1 << 20


class PageTooLarge(Exception):
    """The page's content is over the bounds (see the module's docstring)."""


def _streams(page_obj: Any) -> list[PDFStream]:
    contents = resolve1(page_obj.contents) if page_obj.contents is not None else []
    streams = [resolve1(c) for c in (contents if isinstance(contents, list) else [contents])]
    resources = resolve1(page_obj.resources)
    xobjects = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
    for ref in xobjects.values() if isinstance(xobjects, dict) else ():
        obj = resolve1(ref)
        if isinstance(obj, PDFStream) and obj.attrs.get("Subtype") == LIT("Form"):
            streams.append(obj)
    return [s for s in streams if isinstance(s, PDFStream)]


def _inflated(stream: PDFStream, budget: int) -> bytes | None:
    """The stream's content, inflated to at most ``budget`` + 1 bytes; None when it is not
    plain Flate (left to pdfminer and the process's memory cap)."""
    named = resolve1(stream.attrs.get("Filter"))
    filters = named if isinstance(named, list) else [] if named is None else [named]
    raw = stream.rawdata if stream.rawdata is not None else stream.data
    if raw is None:
        return None
    if not filters:
        return raw[: budget + 1]
    if len(filters) != 1 or resolve1(filters[0]) not in _FLATE or stream.attrs.get("DecodeParms"):
        return None
    inflater = zlib.decompressobj()
    out = bytearray()
    try:
        for start in range(0, len(raw), _CHUNK):
            out += inflater.decompress(raw[start : start + _CHUNK], budget + 1 - len(out))
            if len(out) > budget:
                break
    except zlib.error:
        return bytes(out)  # pdfminer decides what a broken stream is worth
    return bytes(out)


def check_page(page_obj: Any) -> None:
    """Raise PageTooLarge when the page's content is over the bounds."""
    budget = MAX_CONTENT_BYTES
    operators = 0
    for stream in _streams(page_obj):
        data = _inflated(stream, budget)
        if data is None:
            continue
        if len(data) > budget:
            raise PageTooLarge(f"> {MAX_CONTENT_BYTES // (1024 * 1024)} MB")
        budget -= len(data)
        operators += data.count(b"Tj") + data.count(b"TJ")
        if operators > MAX_TEXT_OPERATORS:
            raise PageTooLarge(f"> {MAX_TEXT_OPERATORS} operator Tj/TJ")


def read_guarded(
    page: Any, page_no: int, read: Callable[[], PageLayout], errors: tuple[type[BaseException], ...]
) -> PageLayout:
    """``read()`` of one pdfplumber page, or an empty layout marked unreadable with the reason."""
    try:
        _upright_boxes(page.page_obj)
        check_page(page.page_obj)
        return read()
    except PageTooLarge as exc:
        failure = PageFailure(page_no, "too_large", str(exc))
    except RecursionError:
        failure = PageFailure(page_no, "damaged", "RecursionError")
    except errors as exc:
        failure = PageFailure(page_no, "damaged", type(exc).__name__)
    width, height = _size(page)
    return PageLayout(page=page_no, width=width, height=height, tables=[], lines=[], words=[], unreadable=failure)


def _upright_boxes(page_obj: Any) -> None:
    """A MediaBox or CropBox given corner-first the other way round ([842 595 0 0]) is the
    same box: pdfminer would place every character off the page, at negative x."""
    for name in ("mediabox", "cropbox"):
        box = getattr(page_obj, name, None)
        if isinstance(box, (list, tuple)) and len(box) == 4 and all(isinstance(v, (int, float)) for v in box):
            x0, y0, x1, y1 = box
            if x0 > x1 or y0 > y1:
                setattr(page_obj, name, [min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)])


def _size(page: Any) -> tuple[float, float]:
    try:
        return float(page.width), float(page.height)
    except Exception:  # the page's box is what is broken
        return 595.0, 842.0
