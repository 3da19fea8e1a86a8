"""Render one spec table as a web page and print it with Chromium, as SIPD-RI prints.

SIPD-RI (the national planning information system) shows the Renja matrix as an HTML
table and offices print it from the browser into the PDF they publish: Chromium's
"Skia/PDF" output, with the browser's own layout. A table with `render: html` is
rendered that way:

- a standalone page: the table's caption lines as the report's title block above the
  table on the first page (lines "Label : value" as a left-aligned data block, the
  way SIPD prints the unit and urusan), then the table;
- `<thead>` holds the spec header (rowspan/colspan as the spec says) and the column
  number row, which the browser repeats on every page (`display: table-header-group`);
- thin borders on every cell (Chromium draws them as filled rectangles), a small
  Arial-like font, body rows allowed to break across pages, split rows as merged
  cells, money with the spec's thousands separator, "\\n" in a cell as a line break;
- printed with `page.pdf` through Playwright driving the system Chromium (never a
  downloaded browser), A4 (or F4/Folio, 215 x 330 mm) in the section's orientation,
  with a SIPD-like footer: "Dicetak melalui SIPD-RI pada <date>" and the browser's own
  "Halaman X dari Y", which counts the printed table's pages, not the document's.

The PDF is made reproducible by pinning its creation/modification dates
(normalize_skia_pdf); Chromium writes no file ID.
"""

from __future__ import annotations

import html
import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .docx_table import GridCell, layout
from .pdf_export import PdfExportError
from .spec import Style, Table

# Paper sizes in mm (short side, long side). F4/Folio is common in Indonesian offices.
PAPERS: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "F4": (215.0, 330.0)}
MARGIN_MM = {"top": 10.0, "right": 8.0, "bottom": 14.0, "left": 8.0}  # bottom leaves room for the footer
CHROMIUM_NAMES = ("chromium", "chromium-browser")
DEFAULT_TIMEOUT_S = 120.0
USER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"
)
# "Kode Urusan : 2.16 - ..." in a caption: printed as a left-aligned data line.
_DATA_LINE = re.compile(r"^(?P<label>[^:]{2,40}?)\s+:\s+(?P<value>.*)$")
# /CreationDate (D:20240602080000+00'00') as Skia writes it (and /ModDate likewise).
_SKIA_DATE = re.compile(rb"/(?:CreationDate|ModDate)\s*\(D:(\d{14})")
_HEADER_FILL = "#e6e6e6"
_BOLD_LEVELS = frozenset({"total", "other", "program"})


class HtmlExportError(PdfExportError):
    """Chromium (or Playwright) is missing, failed, or produced no PDF."""


# --------------------------------------------------------------------------- page


@dataclass(frozen=True)
class PageSetup:
    paper: str = "A4"
    orientation: str = "landscape"

    @property
    def size_mm(self) -> tuple[float, float]:
        """(width, height) in mm."""
        short, long = PAPERS[self.paper]
        return (long, short) if self.orientation == "landscape" else (short, long)


def _text(text: str) -> str:
    """Escaped cell text, newlines as line breaks."""
    return "<br>".join(html.escape(line) for line in text.split("\n"))


def _css(style: Style, page: PageSetup) -> str:
    width, height = page.size_mm
    font = f"'{style.font}', Arial, 'Liberation Sans', Helvetica, sans-serif"
    m = MARGIN_MM
    return f"""
@page {{ size: {width}mm {height}mm; margin: {m["top"]}mm {m["right"]}mm {m["bottom"]}mm {m["left"]}mm; }}
html, body {{ margin: 0; padding: 0; }}
body {{ font-family: {font}; font-size: {style.table_pt}pt; color: #000; -webkit-print-color-adjust: exact; }}
.report-title {{ text-align: center; font-weight: bold; font-size: {style.table_pt + 2.5}pt; line-height: 1.3; }}
.report-title div {{ margin: 0; }}
.report-data {{ margin: 6pt 0 8pt 0; border-collapse: collapse; font-size: {style.table_pt + 0.5}pt; }}
.report-data td {{ padding: 0 4pt 1pt 0; vertical-align: top; border: none; }}
.report-gap {{ height: 6pt; }}
table.matrix {{ width: 100%; border-collapse: collapse; table-layout: fixed; }}
table.matrix thead {{ display: table-header-group; }}
table.matrix tfoot {{ display: table-footer-group; }}
table.matrix th, table.matrix td {{
  border: 0.75pt solid #000; padding: 1.5pt 2pt; vertical-align: top;
  overflow-wrap: break-word; word-wrap: break-word; line-height: 1.2;
}}
table.matrix th {{ background: {_HEADER_FILL}; font-weight: bold; text-align: center; vertical-align: middle; }}
table.matrix th.num {{ font-weight: normal; font-style: italic; padding: 1pt; }}
table.matrix tr {{ break-inside: auto; page-break-inside: auto; }}
table.matrix tr.b td {{ font-weight: bold; }}
.l {{ text-align: left; }} .c {{ text-align: center; }} .r {{ text-align: right; }}
"""


def _caption_html(caption: tuple[str, ...]) -> str:
    """Title lines centred and bold; "Label : value" lines as a left-aligned data block."""
    out: list[str] = []
    title: list[str] = []
    data: list[tuple[str, str]] = []

    def flush() -> None:
        if title:
            out.append(
                '<div class="report-title">' + "".join(f"<div>{_text(t) or '&nbsp;'}</div>" for t in title) + "</div>"
            )
            title.clear()
        if data:
            rows = "".join(
                f"<tr><td>{_text(label)}</td><td>:</td><td>{_text(value)}</td></tr>" for label, value in data
            )
            out.append(f'<table class="report-data">{rows}</table>')
            data.clear()

    for line in caption:
        match = _DATA_LINE.match(line)
        if match:
            if title:
                flush()
            data.append((match["label"], match["value"]))
        else:
            if data:
                flush()
            title.append(line)
    flush()
    if caption:
        out.append('<div class="report-gap"></div>')
    return "\n".join(out)


def _row_levels(table: Table, nheader: int) -> dict[int, str]:
    """Grid row -> level of the spec row it belongs to."""
    levels: dict[int, str] = {}
    row = nheader
    for spec_row in table.rows:
        for i in range(max(1, len(spec_row.split))):
            levels[row + i] = spec_row.level
        row += max(1, len(spec_row.split))
    return levels


def _cell_html(cell: GridCell) -> str:
    tag = "td" if cell.kind == "body" else "th"
    attrs = [f'class="{cell.align[0]}{" num" if cell.kind == "number" else ""}"']
    if cell.rowspan > 1:
        attrs.append(f'rowspan="{cell.rowspan}"')
    if cell.colspan > 1:
        attrs.append(f'colspan="{cell.colspan}"')
    return f"<{tag} {' '.join(attrs)}>{_text(cell.text)}</{tag}>"


def build_html(table: Table, style: Style, *, orientation: str = "landscape", paper: str = "A4") -> str:
    """The standalone web page of `table` (title block, repeated header, body)."""
    page = PageSetup(paper, orientation)
    cells, nrows, nheader = layout(table, style.thousands, style.code_style)
    by_row: dict[int, list[GridCell]] = {}
    for cell in cells:
        by_row.setdefault(cell.row, []).append(cell)
    total_cm = table.width_cm
    cols = "".join(f'<col style="width:{col.width / total_cm * 100:.3f}%">' for col in table.columns)
    levels = _row_levels(table, nheader)
    head: list[str] = []
    body: list[str] = []
    for r in range(nrows):
        row_cells = "".join(_cell_html(c) for c in sorted(by_row.get(r, []), key=lambda c: c.col))
        if r < nheader:
            head.append(f"<tr>{row_cells}</tr>")
        else:
            bold = ' class="b"' if levels.get(r) in _BOLD_LEVELS else ""
            body.append(f"<tr{bold}>{row_cells}</tr>")
    title = html.escape(f"{table.caption[0] if table.caption else (table.kind or table.id)} | SIPD-RI")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="id"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{_css(style, page)}</style></head>\n<body>\n"
        f"{_caption_html(table.caption)}\n"
        f'<table class="matrix"><colgroup>{cols}</colgroup>\n'
        "<thead>\n" + "\n".join(head) + "\n</thead>\n"
        "<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>\n</body></html>\n"
    )


def footer_template(style: Style, printed_at: datetime, printed_by: str = "SIPD-RI") -> str:
    """Chromium's footer: who printed it and when (left), its own page count (right)."""
    stamp = printed_at.strftime("%d-%m-%Y %H:%M:%S")
    font = f"'{style.font}', Arial, 'Liberation Sans', sans-serif"
    return (
        f'<div style="font-family:{font}; font-size:6.5pt; width:100%; margin:0 {MARGIN_MM["left"]}mm; '
        'display:flex; justify-content:space-between; color:#000;">'
        f"<span>Dicetak melalui {html.escape(printed_by)} pada {stamp}</span>"
        '<span>Halaman <span class="pageNumber"></span> dari <span class="totalPages"></span></span>'
        "</div>"
    )


# --------------------------------------------------------------------------- printing


def find_chromium(explicit: str | None = None) -> str:
    """The system Chromium ($CHROMIUM, or chromium / chromium-browser on PATH)."""
    candidates = [explicit] if explicit else [os.environ.get("CHROMIUM"), *CHROMIUM_NAMES]
    for candidate in candidates:
        if candidate and (found := shutil.which(candidate)):
            return found
    raise HtmlExportError(
        "Chromium not found: `render: html` tables are printed with the system Chromium "
        "(e.g. `apt-get install chromium`), or set $CHROMIUM."
    )


def print_pdf(
    page_html: str,
    out_path: str | Path,
    *,
    setup: PageSetup,
    footer: str,
    chromium: str | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
) -> Path:
    """Print `page_html` to `out_path` with Chromium through Playwright."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise HtmlExportError("`render: html` needs the playwright package (pip install -e '.[dev]')") from None
    binary = find_chromium(chromium)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    width, height = setup.size_mm
    # TZ=UTC keeps the date strings Chromium writes the same length everywhere (normalize_skia_pdf).
    env = {**os.environ, "TZ": "UTC"}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=binary, headless=True, args=["--no-sandbox", f"--user-agent={USER_AGENT}"], env=env
            )
            try:
                # An office PC's Chrome, as SIPD-RI users print (it becomes the PDF's /Creator).
                page = browser.new_page(user_agent=USER_AGENT)
                # Nothing may load from outside: the page is self-contained.
                page.route("**/*", lambda route: route.abort())
                page.set_content(page_html, wait_until="load", timeout=timeout * 1000)
                data = page.pdf(
                    width=f"{width}mm",
                    height=f"{height}mm",
                    margin={side: f"{mm}mm" for side, mm in MARGIN_MM.items()},
                    print_background=True,
                    display_header_footer=True,
                    header_template="<span></span>",
                    footer_template=footer,
                    prefer_css_page_size=False,
                    tagged=True,  # desktop Chrome's "Save as PDF" writes a tagged PDF
                )
            finally:
                browser.close()
    except PlaywrightError as exc:
        raise HtmlExportError(f"Chromium could not print {out_path.name}: {exc}") from None
    if not data.startswith(b"%PDF-"):
        raise HtmlExportError(f"Chromium produced no PDF for {out_path.name}")
    out_path.write_bytes(data)
    return out_path


def normalize_skia_pdf(path: Path, creation_date: datetime) -> None:
    """Pin Chromium's /CreationDate and /ModDate to `creation_date` (same byte length).

    Everything else in Skia's output is already deterministic for equal input
    (font subset tags AAAAAA+, BAAAAA+, ... in order of use; no file ID).
    """
    data = bytearray(path.read_bytes())
    stamp = creation_date.strftime("%Y%m%d%H%M%S").encode()
    for match in _SKIA_DATE.finditer(data):
        data[match.start(1) : match.end(1)] = stamp
    path.write_bytes(bytes(data))


def render_html_pdf(
    table: Table,
    style: Style,
    out_path: str | Path,
    *,
    orientation: str,
    creation_date: datetime,
    paper: str = "A4",
    chromium: str | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    keep_html: bool = False,
) -> Path:
    """Print `table` as SIPD-RI does into `out_path` (.pdf); with `keep_html` the page is
    written beside it as .html. The footer's print date is `creation_date`."""
    if paper not in PAPERS:
        raise HtmlExportError(f"unknown paper {paper!r}; known: {', '.join(PAPERS)}")
    out_path = Path(out_path)
    page_html = build_html(table, style, orientation=orientation, paper=paper)
    if keep_html:
        out_path.with_suffix(".html").write_text(page_html, encoding="utf-8")
    print_pdf(
        page_html,
        out_path,
        setup=PageSetup(paper, orientation),
        footer=footer_template(style, creation_date),
        chromium=chromium,
        timeout=timeout,
    )
    normalize_skia_pdf(out_path, creation_date)
    return out_path
