"""`opengov-lint aggregate`: sum the units' tables 二/三/四 into one canonical report — the region-level
tables an upper office publishes. A cell is summed only when every unit states a number there; a
blank, placeholder or text in any unit makes the aggregate cell null and is listed, never counted
as 0. Units must use the same layout for a table (2019 and 2021 tables are not added together)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from opengov_lint.knowledge.catalog import layouts
from opengov_lint.model import CellKind, Meta, Report, TableData, TypedCell

if TYPE_CHECKING:
    from decimal import Decimal


@dataclass(slots=True)
class Problem:
    cell: str  # table.row.column
    units: list[str]  # paths of the units whose cell is not a number
    raw: list[str]


@dataclass(slots=True)
class Aggregated:
    report: Report
    problems: list[Problem] = field(default_factory=list)
    layout_conflicts: list[str] = field(default_factory=list)
    units: int = 0


def _num(cell: TypedCell | None) -> int | Decimal | None:
    return cell.value if cell is not None and cell.value is not None else None


TABLES = ("active_disclosure", "requests", "review_litigation")


def aggregate(units: list[tuple[str, Report]], issuer: str | None = None, year: int | None = None) -> Aggregated:
    meta = _meta(units, issuer, year)
    out = Aggregated(Report(meta=meta, structured=True), units=len(units))
    for tid in TABLES:
        present = [(p, r.tables[tid]) for p, r in units if tid in r.tables]
        if not present:
            continue
        templates = {t.template for _, t in present}
        if len(templates) > 1:
            out.layout_conflicts.append(
                f"{tid}: " + "; ".join(f"{p} = {t.template}" for p, t in present))
            continue
        out.report.tables[tid] = _sum_table(tid, templates.pop(), present, out.problems)
    if out.report.tables:
        meta.template = next(iter(out.report.tables.values())).template
    return out


def _meta(units: list[tuple[str, Report]], issuer: str | None, year: int | None) -> Meta:
    """The aggregate's issuer and year: as given, else the one year every unit states."""
    years = {r.meta.year for _, r in units if r.meta.year}
    meta = Meta(title=None, issuer=issuer or "（汇总）", year=year or (years.pop() if len(years) == 1 else None),
                source_format="aggregate")
    meta.title = f"{meta.issuer}{meta.year or ''}年政府信息公开工作年度报告（汇总表）"
    return meta


def _sum_table(tid: str, template: str, present: list[tuple[str, TableData]], problems: list[Problem]) -> TableData:
    """One table of the aggregate: every data row and column of the template, cell by cell."""
    spec = layouts()[template].tables[tid]
    data = TableData(id=tid, template=template, section=spec.section)
    for row in spec.data_rows:
        data.cells[row.path] = {}
        for col in row.columns:
            cells = [(p, t.cell(row.path, col.id)) for p, t in present]
            data.cells[row.path][col.id] = _sum_cell(f"{tid}.{row.path}.{col.id}", col.kind, cells, problems)
    return data


def _sum_cell(where: str, expects: str, cells: list[tuple[str, TypedCell | None]],
              problems: list[Problem]) -> TypedCell:
    """The sum when every unit states a number; otherwise a blank cell and a listed problem."""
    bad = [(p, c) for p, c in cells if _num(c) is None]
    if bad:
        problems.append(Problem(where, [p for p, _ in bad],
                                ["(缺行)" if c is None else (c.raw.strip() or "(空白)") for _, c in bad]))
        return TypedCell(raw="", kind=CellKind.BLANK, expects=expects)
    nums = [n for _, c in cells if (n := _num(c)) is not None]  # every one: `bad` is empty
    total = sum(nums, start=0)
    kind = CellKind.ZERO if total == 0 else CellKind.NUMBER
    return TypedCell(raw=str(total), kind=kind, value=total, expects=expects)
