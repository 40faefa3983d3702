"""Where a finding stands: a cell, a paragraph, a heading, a unit of running text, a citation; and the
reading problems a reader or the recogniser recorded, as hits of the OG9xx rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit, Location
from opengov_lint.recognise.text import excerpt
from opengov_lint.rules.support.template import table_section

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Paragraph, Report, Section, TableData, TypedCell
    from opengov_lint.recognise.citations import Citation
    from opengov_lint.recognise.streams import Unit


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


def unit_location(unit: Unit, excerpt_text: str | None = None, limit: int = 80) -> Location:
    p = unit.paragraph
    return Location(line=p.line, page=p.page, section=unit.section, paragraph=p.index,
                    excerpt=excerpt(excerpt_text if excerpt_text is not None else p.text, limit))


def citation_location(c: Citation, limit: int = 80) -> Location:
    return Location(line=c.line, page=c.page, section=c.section, paragraph=c.paragraph,
                    excerpt=excerpt(c.sentence or c.text, limit))


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
