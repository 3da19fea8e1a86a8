"""Render Renja sample specs (samples/specs/*.yaml, see SCHEMA.md) to .docx and .pdf.

python -m samples.generator samples/specs/example-mini.yaml --out-dir samples/pdf
"""

from .docx_render import build_document, render_docx
from .pdf_export import PdfExportError, SofficeNotFoundError, export_pdf, private_profile
from .spec import Spec, SpecError, load_spec, parse_spec

__all__ = [
    "PdfExportError",
    "SofficeNotFoundError",
    "Spec",
    "SpecError",
    "build_document",
    "export_pdf",
    "load_spec",
    "parse_spec",
    "private_profile",
    "render_docx",
]
