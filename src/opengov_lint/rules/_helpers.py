"""Shared helpers for rule modules: template labels for messages, locations, cell iteration and
the arithmetic-relation checker used by every OG3xx rule."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from opengov_lint.knowledge import Layout, Relation, TableSpec, layouts, section_vocab, sections
from opengov_lint.knowledge import column_label as knowledge_column_label
from opengov_lint.knowledge import row_label as knowledge_row_label
from opengov_lint.findings import Hit, Location
from opengov_lint.model import Paragraph, Report, Section, TableData, TypedCell
from opengov_lint.recognise.text import excerpt, int_to_cn

TABLE_NAMES = {
    "active_disclosure": ("表二（主动公开政府信息情况）", "table 二 (proactive disclosure)"),
    "requests": ("表三（收到和处理政府信息公开申请情况）", "table 三 (requests)"),
    "review_litigation": ("表四（行政复议、行政诉讼情况）", "table 四 (review and litigation)"),
}
TABLE_SHORT = {"active_disclosure": "表二", "requests": "表三", "review_litigation": "表四"}


def layout(table: TableData) -> Layout:
    return layouts().get(table.template) or layouts()["2021"]


def spec(table: TableData) -> TableSpec:
    return layout(table).tables[table.id]


def row_label(table: TableData, row: str) -> str:
    return knowledge_row_label(table.id, table.template, row)


def col_label(table: TableData, column: str, row: str | None = None) -> str:
    return knowledge_column_label(table.id, table.template, column, row)


def section_title(number: int) -> str:
    for s in sections():
        if s.number == number:
            return s.title
    return str(number)


def section_heading(number: int) -> str:
    return f"{int_to_cn(number)}、{section_title(number)}"


def table_section(table: TableData) -> int:
    return table.section or spec(table).section


def cell_location(table: TableData, row: str, column: str, cell: TypedCell | None) -> Location:
    return Location(
        line=cell.line if cell else None,
        page=cell.page if cell else None,
        section=table_section(table),
        table=table.id,
        row=row,
        column=column,
        excerpt=(cell.raw.strip() if cell else None),
    )


def paragraph_location(p: Paragraph, section: int | None, limit: int = 60) -> Location:
    return Location(line=p.line, page=p.page, section=section, excerpt=excerpt(p.text, limit), paragraph=p.index)


def heading_location(s: Section) -> Location:
    return Location(line=s.line, page=s.page, section=s.number, excerpt=excerpt(s.heading))


def iter_cells(report: Report) -> Iterator[tuple[TableData, str, str, TypedCell]]:
    for table in report.tables.values():
        for row, cols in table.cells.items():
            for col, cell in cols.items():
                yield table, row, col, cell


def empty_content() -> set[str]:
    return {str(x) for x in section_vocab()["empty_content"]}


# -- arithmetic -------------------------------------------------------------------------------

@dataclass(slots=True)
class Term:
    row: str
    column: str
    cell: TypedCell | None


def _expand(table: TableData, member: str) -> list[str]:
    if member.endswith(".*"):
        group = member[:-2]
        return [r.path for r in spec(table).data_rows if r.group == group]
    return [member]


def relation_members(table: TableData, rel: Relation) -> list[str]:
    if rel.each == "column":
        return [c.id for c in spec(table).columns]
    return [r.path for r in spec(table).data_rows if r.path in table.cells]


def _terms(table: TableData, rel: Relation, side: tuple[str, ...], member: str) -> list[Term]:
    out = []
    for m in side:
        if rel.each == "column":
            out.extend(Term(r, member, table.cell(r, member)) for r in _expand(table, m))
        else:
            out.append(Term(member, m, table.cell(member, m)))
    return out


def _total(terms: list[Term]) -> int | Decimal | None:
    total: int | Decimal = 0
    for t in terms:
        if t.cell is None or t.cell.value is None:
            return None  # not assessable: a blank or non-number is OG201/OG202/OG203's business
        total += t.cell.value
    return total


def check_relations(report: Report, rule: str) -> Iterator[tuple[TableData, Relation, str, list[Term], list[Term],
                                                                  int | Decimal, int | Decimal]]:
    """Every failing member (row or column) of the relations that `rule` owns."""
    for table in report.tables.values():
        for rel in layout(table).relations:
            if rel.rule != rule or rel.table != table.id:
                continue
            for member in relation_members(table, rel):
                lhs, rhs = _terms(table, rel, rel.lhs, member), _terms(table, rel, rel.rhs, member)
                left, right = _total(lhs), _total(rhs)
                if left is None or right is None or left == right:
                    continue
                yield table, rel, member, lhs, rhs, left, right


def relation_hit(table: TableData, rel: Relation, member: str, lhs: list[Term], rhs: list[Term],
                 expected: int | Decimal, actual: int | Decimal, args: dict[str, object]) -> Hit:
    at_row, at_col = (rel.at, member) if rel.each == "column" else (member, rel.at)
    cell = table.cell(at_row, at_col)
    terms = lhs + rhs
    return Hit(
        args={"expected": _num(expected), "actual": _num(actual), "diff": _num(abs(actual - expected)), **args},
        location=cell_location(table, at_row, at_col, cell),
        evidence={
            "expected": _num(expected),
            "actual": _num(actual),
            "difference": _num(actual - expected),
            "relation": rel.id,
            "cells": [f"{table.id}.{t.row}.{t.column}" for t in terms],
            "values": {f"{t.row}.{t.column}": _num(t.cell.value) for t in terms if t.cell and t.cell.value is not None},
        },
    )


def _num(v: int | Decimal | None) -> int | float | None:
    if v is None:
        return None
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return v


def sum_text(terms: list[Term]) -> str:
    return "+".join(str(_num(t.cell.value)) for t in terms if t.cell is not None and t.cell.value is not None)


def diagnostic_hits(report: Report, code: str) -> Iterator[Hit]:
    """Reading problems recorded by a reader or the recogniser, as hits of the OG9xx rules."""
    for d in report.diagnostics:
        if d.code != code:
            continue
        yield Hit(
            args={"zh": d.message_zh, "en": d.message_en},
            location=Location(line=d.line, page=d.page, section=d.section, table=d.table),
            evidence=dict(d.evidence),
        )
