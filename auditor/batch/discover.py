"""Which files a batch audits: PDFs named directly or found in folders, in path order."""

from __future__ import annotations

import os
from pathlib import Path


def find_pdfs(paths: list[Path], recursive: bool) -> tuple[list[Path], list[Path]]:
    """(PDF files, paths that do not exist). A file named directly is taken whatever its
    extension (the audit says if it is not a PDF); in folders only ``*.pdf`` counts."""
    found: set[Path] = set()
    missing: list[Path] = []
    for path in paths:
        if path.is_file():
            found.add(path)
        elif path.is_dir():
            pattern = path.rglob("*") if recursive else path.glob("*")
            found.update(p for p in pattern if p.is_file() and p.suffix.lower() == ".pdf")
        else:
            missing.append(path)
    return sorted(found, key=lambda p: str(p)), missing


def output_stems(files: list[Path]) -> dict[Path, str]:
    """Where each document's outputs go under the output folder: its path relative to the
    inputs' common folder, so `2024/randuagung.pdf` and `2025/randuagung.pdf` stay apart."""
    if not files:
        return {}
    resolved = [p.resolve() for p in files]
    root = Path(os.path.commonpath([p.parent for p in resolved]))
    return {f: str(r.relative_to(root).with_suffix("")) for f, r in zip(files, resolved)}
