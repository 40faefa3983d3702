"""A data cell is empty — zero must be written as `0`.

数据单元格为空白。没有发生的事项必须填写“0”，空白不等于0。

依据 / Why: 《条例》第五十条第（一）至（三）项要求报告主动公开、申请处理和行政复议、行政诉讼的情况，年度报告
格式以统计表规定了报告哪些数字；格式文本本身没有“每格必填”的字样，“没有的填0”是汇总和评估中的通行做法
（评估实践，非法定要求）。空白无法区分“没有发生”与“漏填”，主管部门汇总时也无法处理。含空白格的合计关系
不予核算（不会据此报告OG3xx 错误）。

错误示例 / Fails: 表三“（一）予以公开”行的“商业企业”格为空。

正确示例 / Passes: 该格填写“0”。

一处遗漏只报告一次：整列、整行或整张表留空（或一张表中大量分散的空白格）合并为一条，
列出所涉及的全部单元格。

修改方法 / Fix: 逐格填写数字，没有的填“0”。
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

CODE = "OG201"
NAME = "cell-blank"
SEVERITY = "error"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "practice",
    "refs": ["2019:50", "format_2019", "format_2021"],
    "zh": "《条例》第五十条第（一）至（三）项和年度报告格式的统计表规定报告哪些数字；“没有的填0”是汇总和评估中的通行做法，格式文本并无“每格必填”的字样",
    "en": "article 50 items (1)-(3) and the tables of the format say which numbers to repor"
          "t; writing 0 for none is the practice of aggregation and assessment — the format"
          " text itself does not say every cell must be filled",
}
MESSAGES = {
    "default": {
        "zh": "{table}“{row}”行“{col}”列为空白；没有的应填“0”",
        "en": "{table}, row '{row}', column '{col}' is blank; write 0 when there is nothing to report",
    },
    "group": {
        "zh": "{table}{where_zh}为空白；没有的应填“0”",
        "en": "{table}, {where_en}: blank; write 0 when there is nothing to report",
    },
}


def _blank(table: TableData, row: str, col: str, cell: TypedCell) -> str | None:
    return "blank" if cell.kind is CellKind.BLANK else None


def _one(table: TableData, row: str, col: str, cell: TypedCell) -> Hit:
    return Hit(args={"table": TABLE_SHORT[table.id], "row": row_label(table, row), "col": col_label(table, col, row)},
               location=cell_location(table, row, col, cell), evidence={"raw": cell.raw})


def check(report: Report, options: None) -> Iterator[Hit]:
    yield from grouped_hits(report, _blank, _one)
