"""Renja 2024 Kecamatan Sukodono with a paragraph copied, name and all, from the Renja of
Kecamatan Kencong (sukodono-2024-salinan): the sample for the checks across a batch (BAT-001
names both places when both documents are in one batch; alone, NAR-014 sees the other name).

Built from the two specs make_variants.py writes, so it follows them:

    python -m samples.families.copied_paragraph
"""

from __future__ import annotations

import copy
from typing import Any

import yaml

from samples.families.common import SPECS, write_spec

SOURCE, DONOR = "sukodono-2024", "kencong-2024"
START = "Rencana Kerja merupakan proses penjabaran"  # BAB I: the paragraph each kecamatan words with its name


def _paragraph(spec: dict[str, Any]) -> dict[str, Any]:
    return next(b for b in spec["body"] if b.get("type") == "paragraph" and b["text"].startswith(START))


def build() -> dict[str, Any]:
    source = yaml.safe_load((SPECS / f"{SOURCE}.yaml").read_text(encoding="utf-8"))
    donor = yaml.safe_load((SPECS / f"{DONOR}.yaml").read_text(encoding="utf-8"))
    out = copy.deepcopy(source)
    out["id"] = f"{SOURCE}-salinan"
    copied = _paragraph(donor)["text"]
    _paragraph(out)["text"] = copied
    out["defects"] = [
        {
            "id": "copied-from-kencong",
            "what": f"BAB I 1.1: the paragraph '{START} ...' copied word for word from the Renja of Kecamatan "
            "Kencong, still naming Kecamatan Kencong",
            "expect": [{"rule": "NAR-014", "text": "Kencong"}],
        }
    ]
    return out


def main() -> None:
    path = write_spec(
        build(), __doc__.split("\n\n")[0] + "\nWritten by samples/families/copied_paragraph.py; do not edit by hand."
    )
    print(path)


if __name__ == "__main__":
    main()
