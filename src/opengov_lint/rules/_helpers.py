"""Shared helpers for rule modules: template labels for messages, locations, cell iteration and
the arithmetic-relation checker used by every OG3xx rule."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from difflib import SequenceMatcher
from typing import TypeVar, cast

from opengov_lint.findings import Hit, Location
from opengov_lint.knowledge.catalog import (
    Layout,
    Relation,
    TableSpec,
    documents,
    layouts,
    section_vocab,
    sections,
)
from opengov_lint.knowledge.catalog import column_label as knowledge_column_label
from opengov_lint.knowledge.catalog import row_label as knowledge_row_label
from opengov_lint.model import Paragraph, Report, Section, TableData, TypedCell
from opengov_lint.recognise.citations import Citation, scan
from opengov_lint.recognise.dates import date_line
from opengov_lint.recognise.streams import Unit
from opengov_lint.recognise.text import cn_to_int, excerpt, int_to_cn, nfkc, squash

T = TypeVar("T")

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
    out: list[Term] = []
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
    diff = cast("int | Decimal", abs(actual - expected))  # mypy types abs() of a union as object
    return Hit(
        args={"expected": _num(expected), "actual": _num(actual), "diff": _num(diff), **args},
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


def plain_number(v: int | Decimal | None) -> int | float | None:
    return _num(v)


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


# -- running text and table readings (OG4xx, OG5xx) ---------------------------------------------

_MISSING = object()


def memo(report: Report, what: str, compute: Callable[[], T]) -> T:
    """What several rules derive from the same report (its running text, its readings) is computed once
    and kept in the report's own context (`report.derived`). Callers must not modify the result."""
    got = report.derived.get(what, _MISSING)
    if got is _MISSING:
        got = report.derived[what] = compute()
    return got  # type: ignore[no-any-return]


def text_units(report: Report) -> list[Unit]:
    """Every paragraph of running text with the section it belongs to (None before section 一);
    section headings count as text of their own section."""
    return memo(report, "text_units", lambda: _text_units(report))


def _text_units(report: Report) -> list[Unit]:
    owner = {id(p): s.number for s in report.sections for p in s.paragraphs}
    headings = {(s.line, s.heading.strip()): s.number for s in report.sections}
    out, current = [], None
    for p in report.paragraphs:
        sec = owner.get(id(p))
        if sec is None:
            sec = headings.get((p.line, p.text.strip()))
        if sec is not None:
            current = sec
        elif current is not None and id(p) not in owner:
            continue  # text the recogniser left outside the sections (table titles, furniture)
        out.append(Unit(p, sec))
    return out


def unit_location(unit: Unit, excerpt_text: str | None = None, limit: int = 80) -> Location:
    p = unit.paragraph
    return Location(line=p.line, page=p.page, section=unit.section, paragraph=p.index,
                    excerpt=excerpt(excerpt_text if excerpt_text is not None else p.text, limit))


@dataclass(slots=True)
class Reading:
    """What the table says for a list of cell references: the sum of the known parts (`lower`),
    whether every part is known (`exact`), and the cells used."""

    lower: int | Decimal = 0
    exact: bool = True
    known: int = 0
    cells: dict[str, int | float | None] = field(default_factory=dict)


_PARTS = {"requests": ("natural_person", "commercial", "research", "public_interest", "legal_service", "other_org"),
          "review_litigation": ("upheld", "corrected", "other", "pending")}


def _row_readings(table: TableData, row: str, column: str | None) -> list[Reading]:
    """One row's value; two readings when the row's stated total differs from its parts (the table
    contradicts itself, so either is a fair reading of it)."""
    cells = table.cells.get(row)
    if cells is None:
        return [Reading(exact=False)]
    col = column or "total"
    cell = cells.get(col)
    parts = [(f"{table.id}.{row}.{c}", cells.get(c)) for c in _PARTS.get(table.id, ())] if column is None else []
    by_parts, psum, complete = _parts_reading(parts)
    if cell is None or cell.value is None:
        return [by_parts] if parts else [Reading(exact=False)]
    stated = Reading(cell.value, True, 1, {f"{table.id}.{row}.{col}": _num(cell.value)})
    return [stated, by_parts] if parts and complete and psum != cell.value else [stated]


def _parts_reading(parts: list[tuple[str, TypedCell | None]]) -> tuple[Reading, int | Decimal, bool]:
    """The row read as the sum of its applicant columns: (reading, sum, every part known)."""
    known = [(k, c.value) for k, c in parts if c is not None and c.value is not None]
    psum = sum((v for _, v in known), start=0)
    complete = len(known) == len(parts)
    return Reading(psum, complete, len(known), {k: _num(v) for k, v in known}), psum, complete


def read_target(report: Report, refs: list[str]) -> list[Reading] | None:
    """Readings of `table:row[@column]` references added up (`row.*`: the rows of a group); None when
    a reference names a table or row that this report's layout does not have."""
    combos: list[Reading] = [Reading()]
    for ref in refs:
        tid, rest = ref.split(":", 1)
        row, _, column = rest.partition("@")
        table = report.tables.get(tid)
        if table is None:
            return None
        sp = spec(table)
        if row.endswith(".*"):
            rows = [r.path for r in sp.data_rows if r.group == row[:-2]]
        else:
            r = sp.row(row)
            rows = [row] if r is not None and (r.data or sp.block_table) else []
        if not rows:
            return None
        for path in rows:
            options = _row_readings(table, path, column or None)
            combos = [Reading(c.lower + o.lower, c.exact and o.exact, c.known + o.known, {**c.cells, **o.cells})
                      for c in combos for o in options][:4]
    return combos


def requests_reliable(report: Report) -> bool:
    """False when table 三's own balance (一+二 = （七）+四, total column) fails: then the table was
    misread or is wrong, and the prose is not compared with it."""
    t = report.tables.get("requests")
    if t is None:
        return False
    vals = [t.cell(r, "total") for r in ("new_received", "carried_over", "total_processed", "carried_forward")]
    nums = [c.value for c in vals if c is not None and c.value is not None]
    if len(nums) < 4:
        return True
    return bool(nums[0] + nums[1] == nums[2] + nums[3])


def citations(report: Report) -> list[Citation]:
    """Every citation of the report's running text (the scanner of recognise.citations)."""
    return scan(text_units(report), documents()["docno_prefixes"])  # scan keeps its last results itself


def regulation_kind(title: str | None) -> str | None:
    """How a cited title names 《中华人民共和国政府信息公开条例》: full | short | abbr | wrong, or None
    when it names something else (another law, a local regulation)."""
    if not title:
        return None
    reg = documents()["regulation"]
    t = re.sub(r"\((?:\d{4}年?)?[^()]{0,12}\)$", "", title)
    if t == reg["title"]:
        return "full"
    if t == reg["short"]:
        return "short"
    if t in reg["abbreviations"]:
        return "abbr"
    if t in reg["wrong"]:
        return "wrong"
    if not t.endswith("条例") or not ("信息" in t or "公开" in t):
        return None
    if not t.startswith("中华人民共和国") and any(m in t for m in reg["local_markers"]):
        return None
    close = max(SequenceMatcher(None, t, reg["title"]).ratio(), SequenceMatcher(None, t, reg["short"]).ratio())
    return "wrong" if close >= 0.8 else None


def cites_regulation(c: Citation) -> bool:
    """An article citation that refers to the 条例 (by its title, its abbreviation, or a caption)."""
    return c.law in ("条例", "caption") or regulation_kind(c.law) is not None


def citation_location(c: Citation, limit: int = 80) -> Location:
    return Location(line=c.line, page=c.page, section=c.section, paragraph=c.paragraph,
                    excerpt=excerpt(c.sentence or c.text, limit))


def caption_item_of(text: str) -> int | None:
    """第二十条第（五）项 -> 5 (the recogniser's caption reading)."""
    m = re.fullmatch(r"第二十条第?\(?([零〇一二三四五六七八九十\d]{1,3})\)?项", squash(nfkc(text)))
    return cn_to_int(m.group(1)) if m else None


def judge_count(report: Report, value: int, targets: list[list[str]]) -> Reading | None:
    """The table reading a stated count contradicts, or None when the count agrees with one reading
    of the table or cannot be judged (blank cells, rows the table lacks)."""
    readings = [r for t in targets for r in (read_target(report, t) or [])]
    readings = [r for r in readings if r.known]
    if not readings:
        return None
    for r in readings:
        if (r.exact and r.lower == value) or (not r.exact and r.lower <= value):
            return None
    return readings[0]


def target_label(report: Report, refs: list[str]) -> str:
    """表三“（一）予以公开”+“（二）部分公开” for references, in the template's words."""
    parts = []
    for ref in refs:
        tid, rest = ref.split(":", 1)
        row, _, column = rest.partition("@")
        table = report.tables.get(tid)
        if table is None:
            continue
        label = row_label(table, row.removesuffix(".*"))
        label = re.sub(r"（[^（）]*情形[^（）]*）$", "", label)
        col = col_label(table, column, row) if column else ("总计" if tid != "active_disclosure" else "")
        parts.append(f"“{label}”{col}")
    return TABLE_SHORT.get(refs[0].split(":")[0], "") + "+".join(parts)


def report_date(report: Report) -> tuple[str | None, str, Location]:
    """(ISO date, how it was found, where): the publication date, else the signature date."""
    meta = report.meta
    if meta.published:
        return str(meta.published)[:10], "published", Location(line=meta.title_line, excerpt=f"发布日期 {meta.published}")
    signed = meta.extra.get("signed")
    if not signed:
        return None, "", Location()
    for u in reversed(text_units(report)):
        found = date_line(u.paragraph.text)
        if found and found[1] == signed:
            return str(signed), "signed", unit_location(u)
    return str(signed), "signed", Location(excerpt=str(signed))
