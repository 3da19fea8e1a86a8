"""The verification sheet as an XLSX workbook (one sheet, printable A4 landscape)."""

from __future__ import annotations

import io
import math

from auditor.report.form.sheet import Sheet
from auditor.report.tabular import append_text_row

# Result -> fill colour: what needs the verifier stands out on paper too.
FILLS = {"sesuai": "E7F6E7", "tidak_sesuai": "FDECEA", "tidak_dapat_diperiksa": "FFF4D6", "pertimbangan": "EEF3FB"}
WIDTHS = (6, 60, 20, 40, 30, 30)


def form_xlsx(sheet: Sheet) -> bytes:
    # Imported here: only this output needs openpyxl.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    book = Workbook()
    ws = book.active
    ws.title = "verifikasi"
    thin = Side(style="thin", color="808080")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")

    append_text_row(ws, [sheet.title])
    ws.cell(ws.max_row, 1).font = Font(bold=True, size=13)
    append_text_row(ws, [sheet.basis])
    append_text_row(ws, [])
    # Identity: label under "item", value across the columns after it.
    for label, value in sheet.identity:
        append_text_row(ws, ["", label, value])
        ws.cell(ws.max_row, 2).font = Font(bold=True)
        ws.merge_cells(start_row=ws.max_row, start_column=3, end_row=ws.max_row, end_column=len(WIDTHS))
    append_text_row(ws, [])
    append_text_row(ws, sheet.header)
    header_row = ws.max_row
    ws.row_dimensions[header_row].height = 27
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F0F0F0")
        cell.border = box
        cell.alignment = wrap
    for row, result in zip(sheet.rows, sheet.results, strict=True):
        append_text_row(ws, [int(row[0]), *row[1:]])
        for cell in ws[ws.max_row]:
            cell.border = box
            cell.alignment = wrap
        # A spreadsheet does not grow a row for wrapped text when printed: size it from the text.
        lines = max(math.ceil(len(text) / (width * 1.1)) for text, width in zip(row, WIDTHS, strict=True))
        ws.row_dimensions[ws.max_row].height = 13.5 * max(1, lines)
        ws.cell(ws.max_row, 3).fill = PatternFill("solid", fgColor=FILLS[result])
    append_text_row(ws, [])
    append_text_row(ws, ["", sheet.legend])
    ws.merge_cells(start_row=ws.max_row, start_column=2, end_row=ws.max_row, end_column=len(WIDTHS))
    ws.cell(ws.max_row, 2).alignment = wrap
    ws.row_dimensions[ws.max_row].height = 27
    append_text_row(ws, [])
    for text in sheet.signature:
        append_text_row(ws, ["", "", "", "", text])
    for n, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[chr(64 + n)].width = width
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
