"""A data cell holds a placeholder (`/`, `-`, `—`, `无`, `空`, `不适用`) instead of a number.

数据单元格填写了“/”“-”“—”“无”等占位符号，而不是数字。

依据 / Why: 统计表每格都应是数字。占位符号含义不明（是0、不适用还是未统计？），且无法参与合计核对。

错误示例 / Fails: 表四“行政复议”的“结果纠正”格填“/”。

正确示例 / Passes: 填写“0”。

同一占位符号写满整列、整行或整张表的，合并为一条报告，列出所涉及的全部单元格。

修改方法 / Fix: 把占位符号改为相应数字，没有的填“0”。
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

CODE = "OG202"
NAME = "cell-placeholder"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "practice",
    "refs": ["format_2019", "format_2021"],
    "zh": "年度报告格式的统计表填报数字；占位符号（“/”“—”）含义不明、无法汇总，是汇总实践中的要求",
    "en": "the format's tables hold numbers; placeholders ('/', '—') cannot be aggregated —"
          " a practice of aggregation",
}
MESSAGES = {
    "default": {
        "zh": "{table}“{row}”行“{col}”列填写了“{raw}”，应填写数字（没有的填“0”）",
        "en": "{table}, row '{row}', column '{col}' holds '{raw}' instead of a number (write 0 for none)",
    },
    "group": {
        "zh": "{table}{where_zh}填写了“{raw}”，应填写数字（没有的填“0”）",
        "en": "{table}, {where_en}: '{raw}' instead of a number (write 0 for none)",
    },
}


def _placeholder(table: TableData, row: str, col: str, cell: TypedCell) -> str | None:
    return cell.raw.strip() if cell.kind is CellKind.PLACEHOLDER else None  # the same placeholder is one group


def _one(table: TableData, row: str, col: str, cell: TypedCell) -> Hit:
    raw = cell.raw.strip()
    return Hit(args={"table": TABLE_SHORT[table.id], "row": row_label(table, row), "col": col_label(table, col, row),
                     "raw": raw},
               location=cell_location(table, row, col, cell), evidence={"raw": raw})


def check(report: Report, options: None) -> Iterator[Hit]:
    yield from grouped_hits(report, _placeholder, _one, lambda raw: {"raw": raw})
