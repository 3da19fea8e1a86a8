"""The side-by-side view of a document against its reference data: per program, kegiatan and
sub kegiatan, the Renja's amount and target next to the RKPD's and the Renstra's, with the
cells the REF findings are about marked (the findings decide; nothing is compared twice)."""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.findings import Finding
from auditor.model.document import Document, Level, Row, Table

_LEVELS = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)


@dataclass(frozen=True)
class ComparisonRow:
    code: str
    level: str
    name: str
    renja_amount: int | None
    renja_target: str
    rkpd_pagu: int | None
    rkpd_target: str
    renstra_target: str
    in_renja: bool
    in_rkpd: bool
    marked: frozenset[str] = field(default_factory=frozenset)  # "renja_amount", "rkpd_pagu", ...
    findings: tuple[int, ...] = ()  # 0-based numbers of the findings about this code


def _rows(table: Table | None) -> dict[str, Row]:
    if table is None:
        return {}
    return {r.code: r for r in table.rows if r.code and r.level in _LEVELS}


def reference_comparison(doc: Document, findings: list[Finding]) -> list[ComparisonRow]:
    if doc.reference_status != "matched":
        return []
    first = {kind: next(iter(doc.tables_of(kind)), None) for kind in ("T-C.33", "RKPD", "Renstra")}
    renja, rkpd, renstra = (_rows(first[k]) for k in ("T-C.33", "RKPD", "Renstra"))
    if not rkpd and not renstra:
        return []
    unit = first["T-C.33"].money_units.get("amount", 1) if first["T-C.33"] else 1
    about: dict[str, list[tuple[int, Finding]]] = {}
    for i, f in enumerate(findings):
        if f.rule.startswith("REF-") and f.location.code:
            about.setdefault(f.location.code, []).append((i, f))
    out = []
    for code in sorted(set(renja) | set(rkpd)):
        mine, theirs, plan = renja.get(code), rkpd.get(code), renstra.get(code)
        source = mine or theirs
        assert source is not None
        marked: set[str] = set()
        for _, f in about.get(code, []):
            column, table = f.location.column, f.location.table
            if column in ("amount", "pagu") and table == "T-C.33":
                marked |= {"renja_amount", "rkpd_pagu"}
            elif column == "target" and table == "T-C.33":
                marked |= {"renja_target", "renstra_target" if f.rule == "REF-007" else "rkpd_target"}
            elif column == "code":
                marked.add("missing")
        amount = mine.amount("amount") if mine else None
        out.append(
            ComparisonRow(
                code=code,
                level=source.level.value,
                name=source.label,
                renja_amount=None if amount is None else amount * unit,
                renja_target=mine.text("target") if mine else "",
                rkpd_pagu=theirs.amount("pagu") if theirs else None,
                rkpd_target=theirs.text("target") if theirs else "",
                renstra_target=plan.text("target") if plan else "",
                in_renja=mine is not None,
                in_rkpd=theirs is not None,
                marked=frozenset(marked),
                findings=tuple(i for i, _ in about.get(code, [])),
            )
        )
    return out
