"""What reading a page image can raise (kept apart: layout.py and ocr.py both need it)."""

from __future__ import annotations

import subprocess


class OcrUnavailable(RuntimeError):
    """Tesseract failed on a page."""


# A page whose OCR fails stays a picture; the rest of the document is read.
OCR_ERRORS: tuple[type[BaseException], ...] = (OcrUnavailable, subprocess.SubprocessError, OSError)
