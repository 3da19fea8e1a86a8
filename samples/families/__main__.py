"""Write the specs of every template family (clean and defect variant):

    python -m samples.families          (then: python -m samples.generator samples/specs/<id>.yaml ...)

Each family module builds its documents from the package nomenclature and writes
``samples/specs/<id>.yaml`` and ``<id>-defects.yaml``; the output is deterministic.
"""

from __future__ import annotations

from samples.families import (
    bappeda_kab,
    copied_paragraph,
    kota_dinas,
    kota_kecamatan,
    multi_indicator,
    other_region,
    sipd_matrix,
    six_chapter,
)

# kota_dinas, bappeda_kab and kota_kecamatan were built apart from the tool's tuning, as
# held-out checks of precision.
FAMILIES = (sipd_matrix, six_chapter, multi_indicator, other_region, kota_dinas, bappeda_kab, kota_kecamatan)

if __name__ == "__main__":
    for module in FAMILIES:
        module.main()
    copied_paragraph.main()  # from make_variants.py's specs: a Lumajang-template document
