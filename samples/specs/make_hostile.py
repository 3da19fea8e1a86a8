"""Write the hostile sample spec (hostile-2024.yaml) from the repaired Randuagung spec.

    /tmp/venv0/bin/python samples/specs/make_hostile.py      (run from the repository root)

The hostile sample is the clean control with text that tries to inject HTML wherever the
PDF's text reaches a report: two sub kegiatan names (with a script element; with a bare
ampersand and an already-escaped entity), a sub kegiatan indicator (an attribute
break-out), the unit line of the cover, and the budget sentence (an event-handler
attribute in its subject, and a stated total that differs from the table so a finding
quotes it). Every other figure stays the repaired spec's, so the only findings are the
nomenclature ones on the changed names/indicator and the narrative ones on the total.
Columns holding hostile text are widened where needed so no hostile token is broken
mid-word by the cell width (the tests look for the tokens whole in the reports).
The script is deterministic and derives everything from the template; re-run it after
the template changes, then render with
``python -m samples.generator samples/specs/hostile-2024.yaml --out-dir samples/special``.
"""

from __future__ import annotations

import copy
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

SPECS = Path(__file__).resolve().parent
ROOT = SPECS.parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make samples.generator importable

from samples.generator.spec import parse_spec
from samples.generator.text_fit import text_width_pt
from samples.specs.make_variants import table_orientations

TEMPLATE = SPECS / "randuagung-2024-repaired.yaml"
OUT = SPECS / "hostile-2024.yaml"
SPEC_ID = "hostile-2024"

# The payloads; tests/test_escaping.py looks for these exact strings in the reports.
SCRIPT = "<script>alert('renja')</script>"
IMG = '"><img src=x onerror=alert(1)>'
BOLD = "<b onmouseover=alert(2)>"
ENTITY = "&lt;500 m2&gt;"  # already-escaped text: must reach HTML escaped once, as written
AMPERSAND = "Sarana & Prasarana"

# (official text in the template, hostile text, cell keys it is replaced in; None = any
# table cell and any body text, where the narrative's BAB III list repeats the name).
NAME_SCRIPT = (
    "Pelaksanaan Urusan Pemerintahan yang Terkait Dengan Kewenangan Lain yang Dilimpahkan",
    f"Pelaksanaan {SCRIPT} Urusan Pemerintahan yang Terkait Dengan Kewenangan Lain yang Dilimpahkan",
    None,
)
NAME_ENTITY = (
    "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
    f"Pemeliharaan/Rehabilitasi {AMPERSAND} Gedung Kantor dan Bangunan Lainnya (luas {ENTITY})",
    None,
)
INDICATOR_IMG = (
    "Jumlah Dokumen Perencanaan Perangkat Daerah",
    f"Jumlah Dokumen Perencanaan {IMG} Perangkat Daerah",
    frozenset({"indicator", "indicator_kebutuhan"}),  # not the formula, which repeats the text
)
REPLACEMENTS = (NAME_SCRIPT, NAME_ENTITY, INDICATOR_IMG)

COVER_UNIT = "KECAMATAN RANDUAGUNG"
BUDGET_SUBJECT = ("Jumlah Anggaran yang dialokasikan", f"Jumlah Anggaran {BOLD}Kecamatan</b> yang dialokasikan")
TOTAL_SLIP = -18_000  # the stated total reads 1.916.468.189 for the table's 1.916.486.189: transposed digits

PAYLOADS = (SCRIPT, IMG, BOLD, ENTITY, AMPERSAND)
TEXT_WIDTH_CM = {"portrait": 17.0, "landscape": 26.7}  # A4 minus docx_render's margins
CELL_MARGINS_CM = 0.21  # docx_table.CELL_MARGIN_TWIPS left + right, rounded up
PT_PER_CM = 72 / 2.54
# text_fit measures Helvetica-Bold; regular letters run narrower (as in make_variants.py).
# It takes unknown characters ("<", ">") as wide, so the estimate still errs high.
# Widen no more than needed: wider columns move T-C.31's page breaks, and at 4.0 cm one
# fell inside program 7.01.06's three-indicator row, which the extractor then misread
# (two XT-002 findings); tests/test_escaping.py checks the sample's designed findings.
REGULAR_TEXT_RATIO = 0.92


def rupiah_text(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def map_strings(value: Any, change: Callable[[str, str | None], str], key: str | None = None) -> Any:
    """`value` with every string passed through change(text, the mapping key it sits under)."""
    if isinstance(value, str):
        return change(value, key)
    if isinstance(value, list):
        return [map_strings(v, change, key) for v in value]
    if isinstance(value, dict):
        return {k: map_strings(v, change, k) for k, v in value.items()}
    return value


def replace_texts(spec: dict[str, Any]) -> None:
    counts = {official: 0 for official, _, _ in REPLACEMENTS}

    def change(text: str, key: str | None) -> str:
        for official, hostile, keys in REPLACEMENTS:
            if official in text and (keys is None or key in keys):
                counts[official] += 1
                text = text.replace(official, hostile)
        return text

    spec["tables"] = map_strings(spec["tables"], change)
    spec["body"] = map_strings(spec["body"], change)
    missing = [official for official, n in counts.items() if n == 0]
    if missing:
        raise SystemExit(f"template text not found (has the repaired spec changed?): {missing}")


def hostile_cover(spec: dict[str, Any]) -> None:
    cover = spec["body"][0]
    assert cover["type"] == "cover" and COVER_UNIT in cover["lines"], "cover unit line not found"
    i = cover["lines"].index(COVER_UNIT)
    # On the unit line itself: an extractor that reads more of the line than the
    # uppercase name would put the payload into document.unit.
    cover["lines"][i] = f"{COVER_UNIT} {IMG}"


def hostile_budget_sentence(spec: dict[str, Any]) -> int:
    """Subject with markup, stated total off by TOTAL_SLIP; returns the stated total."""
    total = spec["tables"]["tc33"]["rows"][0]["cells"]["amount"]
    blocks = [b for b in spec["body"] if b.get("text", "").startswith(BUDGET_SUBJECT[0])]
    assert len(blocks) == 1, "exactly one budget sentence"
    text = blocks[0]["text"]
    correct = f"sebesar Rp. {rupiah_text(total)} terdiri"
    assert correct in text, "the budget sentence states the table total"
    stated = total + TOTAL_SLIP
    text = text.replace(correct, f"sebesar Rp. {rupiah_text(stated)} terdiri")
    blocks[0]["text"] = text.replace(BUDGET_SUBJECT[0], BUDGET_SUBJECT[1], 1)
    return stated


def payload_width_cm(text: str, size_pt: float) -> float:
    """Width a cell needs so that no payload in `text` breaks inside a word: Writer would
    otherwise break "</script>" after its slash and the extracted text would read "< /script>"."""
    tokens = [t for p in PAYLOADS if p in text for t in p.split(" ")]
    widest = max((text_width_pt(t, size_pt) for t in tokens), default=0.0)
    return widest * REGULAR_TEXT_RATIO / PT_PER_CM + CELL_MARGINS_CM if widest else 0.0


def fit_columns(spec: dict[str, Any]) -> list[str]:
    """Widen the columns whose hostile cells have a token wider than the column."""
    size = float(spec["style"]["table_pt"])
    orientation = table_orientations(spec["body"])
    changed = []
    for table_id, table in spec["tables"].items():
        for column in table["columns"]:
            key = column["key"]
            texts = [
                str(cells[key])
                for row in table["rows"]
                for cells in [row.get("cells", {}), *row.get("split", [])]
                if isinstance(cells.get(key), str)
            ]
            need = max((payload_width_cm(t, size) for t in texts), default=0.0)
            if need > column["width"]:
                changed.append(f"{table_id}.{key} {column['width']} -> {math.ceil(need * 10) / 10}")
                column["width"] = math.ceil(need * 10) / 10
        width = sum(c["width"] for c in table["columns"])
        assert width <= TEXT_WIDTH_CM[orientation[table_id]], f"{table_id}: {width:.2f} cm too wide after fitting"
    return changed


HEADER = (
    "# Renja 2024 Kecamatan Randuagung with HOSTILE text -- a test sample, not a Renja.\n"
    "# Written by make_hostile.py from randuagung-2024-repaired.yaml (do not edit by hand: change\n"
    "# the script and re-run it). The clean control with HTML-injection text in two sub kegiatan\n"
    "# names, one indicator, the cover's unit line and the budget sentence (whose total is also\n"
    "# off by {slip}); the reports must show all of it as text. Rendered into samples/special/.\n"
)


def dump(spec: dict[str, Any]) -> str:
    """Block style, key order kept, no line folding, like the other specs."""
    return str(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True, width=1_000_000, default_flow_style=False))


def main() -> int:
    template = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    spec = copy.deepcopy(template)
    spec["id"] = SPEC_ID
    replace_texts(spec)
    hostile_cover(spec)
    stated = hostile_budget_sentence(spec)
    widened = fit_columns(spec)
    parse_spec(spec, OUT)  # fail here, not in the generator, if the result is no valid spec
    OUT.write_text(HEADER.format(slip=rupiah_text(abs(TOTAL_SLIP))) + dump(spec), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: stated total Rp {rupiah_text(stated)}; widened {', '.join(widened) or 'nothing'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
