"""The sample generator's Word output (the PDF step needs LibreOffice and runs in `make samples`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from conftest import REFERENCE_SPEC, ROOT, load_spec


def test_reference_spec_renders_to_a_renja_like_docx(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "samples.generator", str(REFERENCE_SPEC), "--no-pdf", "--out-dir", str(tmp_path)],
        capture_output=True, text=True, cwd=ROOT, check=False,
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
