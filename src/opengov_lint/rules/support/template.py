"""The template's words for tables, rows, columns and sections (for messages), and the report's cells."""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.knowledge.catalog import Layout, TableSpec, layouts, section_vocab, sections
from opengov_lint.knowledge.catalog import column_label as knowledge_column_label
from opengov_lint.knowledge.catalog import row_label as knowledge_row_label
from opengov_lint.recognise.text import int_to_cn

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report, TableData, TypedCell

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


def iter_cells(report: Report) -> Iterator[tuple[TableData, str, str, TypedCell]]:
    for table in report.tables.values():
        for row, cols in table.cells.items():
            for col, cell in cols.items():
                yield table, row, col, cell


def empty_content() -> set[str]:
    return {str(x) for x in section_vocab()["empty_content"]}
