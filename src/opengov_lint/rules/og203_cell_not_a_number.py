"""A data cell holds text that is not a number (`见附件`, `若干`).

数据单元格填写了文字而不是数字。

依据 / Why: 统计表要求填写具体数字；“见附件”“若干”“约50”等文字使数据无法核对和汇总。

错误示例 / Fails: 表二“行政处罚”的“本年处理决定数量”填“见附件”。

正确示例 / Passes: 填写具体件数，如“126”。

同一文字写满整列、整行或整张表的，合并为一条报告，列出所涉及的全部单元格。

修改方法 / Fix: 改为具体数字；需要说明的内容写在正文中。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit
from opengov_lint.model import CellKind, Report, TableData, TypedCell
from opengov_lint.rules._cells import grouped_hits
from opengov_lint.rules.support.locations import cell_location
from opengov_lint.rules.support.template import TABLE_SHORT, col_label, row_label

if TYPE_CHECKING:
    from collections.abc import Iterator

CODE = "OG203"
NAME = "cell-not-a-number"
SEVERITY = "error"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "format",
    "refs": ["format_2019", "format_2021"],
    "zh": "年度报告格式的统计表填报数字",
    "en": "the tables of the report format hold numbers",
}
MESSAGES = {
    "default": {
        "zh": "{table}“{row}”行“{col}”列填写了文字“{raw}”，应为数字",
        "en": "{table}, row '{row}', column '{col}' holds text '{raw}' instead of a number",
    },
    "group": {
        "zh": "{table}{where_zh}填写了文字“{raw}”，应为数字",
        "en": "{table}, {where_en}: text '{raw}' instead of a number",
    },
}


def _text(table: TableData, row: str, col: str, cell: TypedCell) -> str | None:
    return " ".join(cell.raw.split()) if cell.kind is CellKind.TEXT else None  # the same text is one group


def _one(table: TableData, row: str, col: str, cell: TypedCell) -> Hit:
    raw = " ".join(cell.raw.split())
    return Hit(args={"table": TABLE_SHORT[table.id], "row": row_label(table, row), "col": col_label(table, col, row),
                     "raw": raw},
               location=cell_location(table, row, col, cell), evidence={"raw": raw})


def check(report: Report, options: None) -> Iterator[Hit]:
    yield from grouped_hits(report, _text, _one, lambda raw: {"raw": raw})
