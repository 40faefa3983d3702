"""The one arithmetic checker: two sides of cells added up and compared. The built-in relations of the
layouts (OG301-OG304, `relations:` in rules/layouts/*.yaml) and the rule packs' `sum` kind both use it.
A side with a blank or non-numeric operand is not assessed (that is OG201-OG203's business)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, cast

from opengov_lint.findings import Hit
from opengov_lint.rules.support.locations import cell_location
from opengov_lint.rules.support.numbers import plain_number
from opengov_lint.rules.support.template import layout, spec

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from opengov_lint.knowledge.catalog import Relation
    from opengov_lint.model import Report, TableData, TypedCell

Number = int | Decimal


def total(cells: Sequence[TypedCell | None]) -> Number | None:
    """The sum of the cells' values; None when one of them states no number (not assessable)."""
    out: Number = 0
    for c in cells:
        if c is None or c.value is None:
            return None
        out += c.value
    return out


def imbalance(lhs: Sequence[TypedCell | None], rhs: Sequence[TypedCell | None],
              tolerance: Number = 0) -> tuple[Number, Number] | None:
    """(left sum, right sum) when both sides can be added up and differ by more than `tolerance`;
    None when they agree or a side is not assessable."""
    left, right = total(lhs), total(rhs)
    if left is None or right is None or cast("Number", abs(left - right)) <= tolerance:  # abs(): see relation_hit
        return None
    return left, right


# -- the layouts' relations (OG301-OG304) ----------------------------------------------------------

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


def _column_rows(table: TableData, side: tuple[str, ...]) -> list[str]:
    """The rows a side of a column relation adds up (`group.*`: the data rows of the group), in order."""
    return [r for m in side for r in _expand(table, m)]


def _member_keys(table: TableData, rel: Relation) -> list[tuple[str, list[tuple[str, str]], list[tuple[str, str]]]]:
    """(member, (row, column) of each left term, of each right term) for every member of a relation."""
    if rel.each == "column":
        lrows, rrows = _column_rows(table, rel.lhs), _column_rows(table, rel.rhs)
        return [(member, [(r, member) for r in lrows], [(r, member) for r in rrows])
                for member in relation_members(table, rel)]
    return [(member, [(member, c) for c in rel.lhs], [(member, c) for c in rel.rhs])
            for member in relation_members(table, rel)]


def check_relations(report: Report, rule: str) -> Iterator[tuple[TableData, Relation, str, list[Term], list[Term],
                                                                  Number, Number]]:
    """Every failing member (row or column) of the relations that `rule` owns. The sides are read as
    cells first; the terms (with their row and column) are made only for a member that fails."""
    for table in report.tables.values():
        for rel in layout(table).relations:
            if rel.rule != rule or rel.table != table.id:
                continue
            for member, left, right in _member_keys(table, rel):
                lcells, rcells = [table.cell(r, c) for r, c in left], [table.cell(r, c) for r, c in right]
                found = imbalance(lcells, rcells)
                if found is not None:
                    lhs = [Term(r, c, cell) for (r, c), cell in zip(left, lcells, strict=True)]
                    rhs = [Term(r, c, cell) for (r, c), cell in zip(right, rcells, strict=True)]
                    yield table, rel, member, lhs, rhs, found[0], found[1]


def relation_hit(table: TableData, rel: Relation, member: str, lhs: list[Term], rhs: list[Term],
                 expected: Number, actual: Number, args: dict[str, object]) -> Hit:
    at_row, at_col = (rel.at, member) if rel.each == "column" else (member, rel.at)
    cell = table.cell(at_row, at_col)
    terms = lhs + rhs
    diff = cast("Number", abs(actual - expected))  # mypy types abs() of a union as object
    return Hit(
        args={"expected": plain_number(expected), "actual": plain_number(actual), "diff": plain_number(diff),
              **args},
        location=cell_location(table, at_row, at_col, cell),
        evidence={
            "expected": plain_number(expected),
            "actual": plain_number(actual),
            "difference": plain_number(actual - expected),
            "relation": rel.id,
            "cells": [f"{table.id}.{t.row}.{t.column}" for t in terms],
            "values": {f"{t.row}.{t.column}": plain_number(t.cell.value) for t in terms
                       if t.cell and t.cell.value is not None},
        },
    )


def sum_text(terms: list[Term]) -> str:
    return "+".join(str(plain_number(t.cell.value)) for t in terms if t.cell is not None and t.cell.value is not None)
