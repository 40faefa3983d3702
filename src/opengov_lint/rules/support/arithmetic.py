"""The layouts' arithmetic relations (OG301-OG304, `relations:` in rules/layouts/*.yaml): the failing
members and their hits. A side with a blank or non-numeric operand is not assessed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from opengov_lint.findings import Hit
from opengov_lint.knowledge.catalog import Relation
from opengov_lint.model import Report, TableData, TypedCell
from opengov_lint.rules.support.locations import cell_location
from opengov_lint.rules.support.numbers import plain_number
from opengov_lint.rules.support.template import layout, spec

Number = int | Decimal


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
    out: list[Term] = []
    for m in side:
        if rel.each == "column":
            out.extend(Term(r, member, table.cell(r, member)) for r in _expand(table, m))
        else:
            out.append(Term(member, m, table.cell(member, m)))
    return out


def _total(terms: list[Term]) -> Number | None:
    total: Number = 0
    for t in terms:
        if t.cell is None or t.cell.value is None:
            return None  # not assessable: a blank or non-number is OG201/OG202/OG203's business
        total += t.cell.value
    return total


def check_relations(report: Report, rule: str) -> Iterator[tuple[TableData, Relation, str, list[Term], list[Term],
                                                                  Number, Number]]:
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
