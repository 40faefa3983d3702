"""A number with an annotation inside the cell (`22（其中修订16件）`); the number is used.

数据单元格内数字后附有说明文字，如“22（其中修订16件）”。本工具采用其中的数字，同时提示说明应移至正文或表注。

依据 / Why: 统计表每格应只填数字；格内说明会被机器读取为文字，影响汇总。

错误示例 / Fails: 表二“规章”的“本年制发件数”填“22（其中修订16件）”。

正确示例 / Passes: 格内填“22”，在正文中说明“其中修订16件”。

修改方法 / Fix: 把说明移到正文或表下注释。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit
from opengov_lint.rules.support.locations import cell_location
from opengov_lint.rules.support.numbers import plain_number
from opengov_lint.rules.support.template import TABLE_SHORT, col_label, iter_cells, row_label

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG207"
NAME = "cell-annotated"
SEVERITY = "info"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "practice",
    "refs": ["format_2019", "format_2021"],
    "zh": "年度报告格式的统计表填报数字；格内说明影响汇总（汇总实践）",
    "en": "the format's tables hold numbers; notes inside cells hinder aggregation (practic"
          "e)",
}
MESSAGES = {
    "default": {
        "zh": "{table}“{row}”行“{col}”列“{raw}”含格内说明“{note}”，已按数字{value}计算；说明宜移至正文",
        "en": "{table}, row '{row}', column '{col}' ('{raw}') carries the note '{note}'; the number {value} was used",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    for table, row, col, cell in iter_cells(report):
        if cell.annotation:
            raw = " ".join(cell.raw.split())
            value = plain_number(cell.value)
            yield Hit(args={"table": TABLE_SHORT[table.id], "row": row_label(table, row),
                            "col": col_label(table, col, row), "raw": raw, "note": cell.annotation,
                            "value": value},
                      location=cell_location(table, row, col, cell),
                      evidence={"raw": raw, "note": cell.annotation, "value": value})
