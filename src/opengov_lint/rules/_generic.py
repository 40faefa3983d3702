"""Generic rule kinds for rule packs (YAML files a province can write without Python):

- `required-mention`: at least one of the phrases (or regular expressions) must appear, in the
  whole report or in the listed sections;
- `forbidden-mention`: none of them may appear (one hit per paragraph that has one);
- `sum`: a cell equals the sum of other cells, addressed by canonical cell paths
  (`requests.granted.total`); `{column}` in a path is expanded over `columns`. Checked by the same
  arithmetic as OG3xx (rules/support/arithmetic): a line with a blank or non-numeric operand is not assessed.

Pure like every rule: the pack loader (opengov_lint.registry.packs) binds a spec to these functions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from opengov_lint.findings import Hit, Location
from opengov_lint.recognise.text import excerpt, int_to_cn, nfkc, squash
from opengov_lint.rules.support.arithmetic import imbalance
from opengov_lint.rules.support.locations import cell_location, paragraph_location
from opengov_lint.rules.support.numbers import plain_number

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from opengov_lint.model import Paragraph, Report, TypedCell


@dataclass(slots=True, frozen=True)
class MentionSpec:
    phrases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    sections: tuple[int, ...] = ()
    issuer_kind: str | None = None


@dataclass(slots=True, frozen=True)
class SumSpec:
    total: str
    parts: tuple[str, ...]
    columns: tuple[str, ...] = ()
    tolerance: float = 0
    extra: dict[str, Any] = field(default_factory=dict)


def _flat(s: str) -> str:
    return squash(nfkc(s))


def _paragraphs(report: Report, sections: Sequence[int]) -> list[tuple[Paragraph, int | None]]:
    if not sections:
        out: list[tuple[Paragraph, int | None]] = [(p, None) for p in report.preamble]
        for s in report.sections:
            out.extend((p, s.number) for p in s.paragraphs)
        return out
    return [(p, s.number) for s in report.sections if s.number in sections for p in s.paragraphs]


def _found(text: str, spec: MentionSpec) -> str | None:
    flat = _flat(text)
    for phrase in spec.phrases:
        if _flat(phrase) in flat:
            return phrase
    for pat in spec.patterns:
        m = re.search(pat, nfkc(text))
        if m:
            return m.group(0)
    return None


def _applies(report: Report, spec: MentionSpec) -> bool:
    return spec.issuer_kind is None or report.meta.issuer_kind == spec.issuer_kind


def required_mention(spec: MentionSpec, report: Report, options: Any = None) -> Iterator[Hit]:
    if not _applies(report, spec):
        return
    paras = _paragraphs(report, spec.sections)
    if any(_found(p.text, spec) for p, _ in paras):
        return
    wanted = "、".join(spec.phrases + spec.patterns)
    where = [s for s in report.sections if s.number in spec.sections][:1]
    loc = (Location(line=where[0].line, page=where[0].page, section=where[0].number, excerpt=excerpt(where[0].heading))
           if where else Location(line=report.meta.title_line))
    where_zh = "、".join(f"第{int_to_cn(n)}部分" for n in spec.sections) or "全文"
    where_en = ("section " + ", ".join(map(str, spec.sections))) if spec.sections else "the whole report"
    yield Hit(args={"wanted": wanted, "where_zh": where_zh, "where_en": where_en}, location=loc,
              evidence={"wanted": list(spec.phrases + spec.patterns), "sections": list(spec.sections)})


def forbidden_mention(spec: MentionSpec, report: Report, options: Any = None) -> Iterator[Hit]:
    if not _applies(report, spec):
        return
    for p, section in _paragraphs(report, spec.sections):
        found = _found(p.text, spec)
        if found:
            yield Hit(args={"found": found}, location=paragraph_location(p, section),
                      evidence={"found": found})


def _cell(report: Report, path: str) -> tuple[Any, str, str, TypedCell | None]:
    table_id, _, rest = path.partition(".")
    row, _, column = rest.rpartition(".")
    table = report.tables.get(table_id)
    return table, row, column, (table.cell(row, column) if table is not None else None)


def cell_sum(spec: SumSpec, report: Report, options: Any = None) -> Iterator[Hit]:
    tolerance = Decimal(str(spec.tolerance))
    for col in spec.columns or ("",):
        total_path = spec.total.replace("{column}", col)
        table, row, column, total = _cell(report, total_path)
        part_paths = [p.replace("{column}", col) for p in spec.parts]
        parts = [_cell(report, p)[3] for p in part_paths]
        found = imbalance([total], parts, tolerance)  # not assessed: a blank or non-number (OG201-OG203)
        if found is None:
            continue
        actual, computed = found
        yield Hit(
            args={"cell": total_path, "expected": plain_number(computed), "actual": plain_number(actual),
                  "parts": "+".join(part_paths)},
            location=cell_location(table, row, column, total),
            evidence={"expected": plain_number(computed), "actual": plain_number(actual),
                      "difference": plain_number(actual - computed), "cells": part_paths})
