"""Document -> Report. The same steps for every input format."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from opengov_lint.knowledge.catalog import layout_for_year, load_yaml_resource
from opengov_lint.model import (
    Diagnostic,
    Document,
    ExtraHeading,
    Meta,
    Paragraph,
    Report,
    Section,
    Table,
    TableData,
)
from opengov_lint.recognise.cells import type_cell
from opengov_lint.recognise.meta import detect_meta
from opengov_lint.recognise.sections import HeadingMatch, find_structure
from opengov_lint.recognise.tables import recognise_tables
from opengov_lint.recognise.text import nfkc, squash


@dataclass(slots=True, frozen=True)
class Overrides:
    """What the user states instead of detection (--year, --issuer-kind)."""

    year: int | None = None
    issuer_kind: str | None = None


@functools.cache
def _pre2019_fingerprints() -> tuple[str, ...]:
    return tuple(load_yaml_resource("layouts/pre2019.yaml")["fingerprints"])


def _split_sections(doc: Document) -> tuple[list[Paragraph], list[Section], list[ExtraHeading]]:
    structure = find_structure(doc.paragraphs)
    headings = {id(h.paragraph): h for h in structure.headings}
    extras = {id(e.paragraph): e for e in structure.extras}
    preamble: list[Paragraph] = []
    out: list[Section] = []
    extra_out: list[ExtraHeading] = []
    current: Section | None = None
    last: Paragraph | None = None
    for block in doc.blocks:
        if isinstance(block, Table):
            block.before = last.text.strip() if last is not None and len(last.text.strip()) <= 40 else None
            last = None
            if current is not None:
                current.tables.append(block.index)
                block.section_hint = current.number
            continue
        last = block
        h = headings.get(id(block))
        if h is not None:
            current = _section(block, h)
            out.append(current)
            if h.kind == "implicit":  # the sub-heading that opens it is part of its text
                current.paragraphs.append(block)
            continue
        e = extras.get(id(block))
        if e is not None:
            extra_out.append(ExtraHeading(
                heading=block.text.strip(), title=e.title, numbering=e.numbering.raw, value=e.numbering.value,
                line=block.line, page=block.page, ref=block.ref, after=e.after, sequence=e.sequence))
        if current is None:
            preamble.append(block)
        else:
            current.paragraphs.append(block)
    return preamble, out, extra_out


def _section(block: Paragraph, h: HeadingMatch) -> Section:
    implicit = h.kind == "implicit"
    return Section(
        number=h.spec.number, heading=block.text.strip(), title="" if implicit else h.title,
        numbering="" if implicit else h.numbering.raw, line=block.line, page=block.page, variant=h.variant,
        ref=block.ref, misplaced=h.kind == "misplaced", implicit=implicit, sequence=h.sequence,
    )


def _looks_like_data(table: Table) -> bool:
    numeric_rows = 0
    for row in table.rows:
        nums = sum(1 for c in row if type_cell(c.text).numeric)
        numeric_rows += nums >= 2
    return numeric_rows >= 2


def recognise(doc: Document, overrides: Overrides | None = None) -> Report:
    for i, t in enumerate(doc.tables):
        t.index = i
    for i, p in enumerate(doc.paragraphs):
        p.index = i
    preamble, sections, extra_headings = _split_sections(doc)
    body = [p for s in sections for p in s.paragraphs]
    meta = detect_meta(preamble, body, doc.title, doc.path, doc.publisher)
    meta.source_path, meta.source_format = doc.path, doc.format
    _stated(meta, doc, overrides or Overrides())
    fallback = layout_for_year(meta.year)
    result = recognise_tables(doc.tables, fallback.id if fallback else None)
    report = Report(meta=meta, sections=sections, preamble=preamble, paragraphs=doc.paragraphs,
                    tables=result.tables, document=doc, extra_headings=extra_headings)
    meta.template = _template(doc, result.tables)
    report.diagnostics.extend(d for d in doc.diagnostics if isinstance(d, Diagnostic))
    report.diagnostics.extend(result.diagnostics)
    report.diagnostics.extend(_unmapped(t) for t in result.unmapped if _looks_like_data(t))
    return report


def _stated(meta: Meta, doc: Document, overrides: Overrides) -> None:
    """What the document's properties and the user state win over detection from the text."""
    if doc.published and not meta.published:
        meta.published = doc.published
    if overrides.year:
        meta.year, meta.year_source = overrides.year, "override"
    if overrides.issuer_kind:
        meta.issuer_kind = overrides.issuer_kind


def _template(doc: Document, tables: dict[str, TableData]) -> str:
    """The layout of the recognised tables (表二's first); without any, pre-2019 when its
    fingerprints are in the text, else unknown."""
    if tables:
        first = tables.get("active_disclosure") or next(iter(tables.values()))
        return first.template
    flat = squash(nfkc("\n".join(p.text for p in doc.paragraphs)))
    flat += "".join(squash(nfkc(c.text)) for t in doc.tables for row in t.rows for c in row)
    hits = sum(1 for f in _pre2019_fingerprints() if f in flat)
    return "pre2019" if hits >= 2 else "unknown"


def _unmapped(t: Table) -> Diagnostic:
    """A table with numbers that matches no template table: its data goes unchecked (OG902)."""
    return Diagnostic(
        "OG902",
        f"第{t.index + 1}个表格含有数字，但无法对应到年报模板的任何表格（表二/表三/表四），其数据未被检查；"
        "请核对表格的行列标签是否使用模板原文",
        f"table {t.index + 1} holds numbers but matches none of the template tables (二/三/四); "
        "its data was not checked — check that its row and column labels follow the template",
        line=t.line, page=t.page, section=t.section_hint,
        evidence={"table_index": t.index, "rows": len(t.rows)},
    )
