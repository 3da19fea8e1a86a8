"""Precision and recall on every sample family (samples/quality.py; bench/quality.py prints the figures).

Clean samples get no error or warning; every defect put into a defect variant is found,
and nothing on a defect variant goes unexplained by its declared defects.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import SAMPLES, extracted

from samples.quality import REFERENCE, audit_sample, sample_specs

SPECS = [spec for _, spec in sample_specs()]
CLEAN = [s for s in SPECS if not s.get("defects") and s["id"] != REFERENCE]
VARIANTS = [s for s in SPECS if s.get("defects")]


def _line(f: dict[str, Any]) -> str:
    loc = f["location"]
    return f"{f['rule']} p{loc['page']} {loc['table']} {loc['code']} {loc['column']}: {f['message']}"


@pytest.mark.unit
def test_every_family_has_a_clean_sample_and_a_defect_variant_as_pdf_and_docx() -> None:
    families: dict[str, set[str]] = {}
    for spec in SPECS:
        families.setdefault(spec.get("family") or "lumajang-template", set()).add(
            "defects" if spec.get("defects") else "clean"
        )
        for suffix in (".pdf", ".docx"):
            assert (SAMPLES / "pdf" / f"{spec['id']}{suffix}").exists(), spec["id"] + suffix
    new = {f: kinds for f, kinds in families.items() if f != "lumajang-template"}
    assert len(new) >= 4
    assert all(kinds == {"clean", "defects"} for kinds in new.values()), new


@pytest.mark.samples
@pytest.mark.parametrize("spec", CLEAN, ids=[s["id"] for s in CLEAN])
def test_clean_sample_has_no_error_or_warning(spec: dict[str, Any]) -> None:
    result = audit_sample(spec, extracted)
    assert [_line(f) for f in result.severe] == []


@pytest.mark.samples
@pytest.mark.parametrize("spec", VARIANTS, ids=[s["id"] for s in VARIANTS])
def test_every_injected_defect_is_found_and_nothing_else(spec: dict[str, Any]) -> None:
    result = audit_sample(spec, extracted)
    missed = [f"{d.id}: {d.what}" for d in result.defects if not d.found]
    assert missed == []
    assert [_line(f) for f in result.unexplained] == []
