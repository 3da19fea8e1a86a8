"""``renja-audit reference-template KIND``: an empty spreadsheet in the tidy layout of a kind
of reference data, its header row as the reader recognises it without a mapping."""

from __future__ import annotations

import csv
import io

from auditor.reference.fields import LAYOUTS


def template_bytes(kind: str, csv_format: bool = False) -> bytes:
    headers = [header for _, header in LAYOUTS[kind]]
    if csv_format:
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerow(headers)
        return buf.getvalue().encode("utf-8")
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = kind
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = max(14, len(str(cell.value)) + 4)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
