"""Which files a batch audits: documents named directly or found in folders, in path order."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

SUFFIXES = (".pdf", ".docx")


def find_documents(paths: list[Path], recursive: bool) -> tuple[list[Path], list[Path]]:
    """(documents, paths that do not exist). A file named directly is taken whatever its
    extension (the audit says if it is not a PDF or DOCX); in folders ``*.pdf`` and ``*.docx``."""
    found: set[Path] = set()
    missing: list[Path] = []
    for path in paths:
        if path.is_file():
            found.add(path)
        elif path.is_dir():
            pattern = path.rglob("*") if recursive else path.glob("*")
            found.update(p for p in pattern if p.is_file() and p.suffix.lower() in SUFFIXES)
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
    stems = {f: str(r.relative_to(root).with_suffix("")) for f, r in zip(files, resolved)}
    taken = Counter(stems.values())
    # "draft.pdf" and "draft.docx" side by side keep their kind in the name.
    return {f: f"{s}-{f.suffix.lower().lstrip('.')}" if taken[s] > 1 else s for f, s in stems.items()}
