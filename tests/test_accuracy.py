"""Every sample's standard tables read back as their spec says: ≥ 99.5 % of cells."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLES, extracted, load_spec

from auditor.extract.table_shapes import PROFILES
from samples.accuracy import score_table

MIN_ACCURACY = 0.995


def _samples() -> list[tuple[Path, Path]]:
    pairs = []
    for spec in sorted((SAMPLES / "specs").glob("*.yaml")):
        pdf = SAMPLES / "pdf" / f"{load_spec(spec)['id']}.pdf"
        if pdf.exists():
            pairs.append((pdf, spec))
    return pairs


SAMPLE_PDFS = _samples()


@pytest.mark.unit
def test_there_are_at_least_six_samples() -> None:
    assert len(SAMPLE_PDFS) >= 6  # the reference pair and four documents rendered the other ways


@pytest.mark.samples
@pytest.mark.parametrize(("pdf", "spec_path"), SAMPLE_PDFS, ids=[p.stem for p, _ in SAMPLE_PDFS])
def test_cell_accuracy(pdf: Path, spec_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = load_spec(spec_path)
    doc = extracted(pdf)
    lines = []
    failures = []
    for spec_table in spec["tables"].values():
        kind = spec_table["kind"]
        if kind not in PROFILES:
            continue
        found = doc.tables_of(kind)
        assert found, f"{pdf.name}: {kind} not found"
        score = score_table(found[0], spec_table, set(PROFILES[kind].money))
        lines.append(
            f"  {pdf.stem:32s} {kind:10s} {score.accuracy:7.2%}  {score.matched}/{score.spec_cells} cells"
            f" (extracted {score.extracted_cells}, exact incl. spaces {score.exact})"
        )
        if score.accuracy < MIN_ACCURACY:
            failures.append(f"{kind}: {score.accuracy:.2%} {score.mismatches[:5]}")
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert not failures, failures
