"""A negative number where the template counts things.

统计件数、数量的单元格出现负数。

依据 / Why: 表二、表三、表四统计的是件数、项数，不可能为负。只有2019年版表二“本年增/减”一列可以为负
（也可写作“减4”“+3”）。

错误示例 / Fails: 表三“二、上年结转政府信息公开申请数量”的“总计”填“-2”。

正确示例 / Passes: 填写实际件数，如“2”。

修改方法 / Fix: 核实数字并改为非负数。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit
from opengov_lint.rules.support.locations import cell_location
from opengov_lint.rules.support.template import TABLE_SHORT, col_label, iter_cells, row_label

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG204"
NAME = "cell-negative"
SEVERITY = "error"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "format",
    "refs": ["format_2019", "format_2021"],
    "zh": "年度报告格式的统计表统计件数（只有2019年版表二“本年增/减”可为负）",
    "en": "the format's tables count items (only the 2019 table 二 '本年增/减' may be negative)",
}
MESSAGES = {
    "default": {
        "zh": "{table}“{row}”行“{col}”列为负数“{raw}”，该栏统计数量不能为负",
        "en": "{table}, row '{row}', column '{col}' is negative ('{raw}'); this column counts things",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    for table, row, col, cell in iter_cells(report):
        if cell.value is not None and cell.value < 0 and cell.expects != "signed":
            raw = cell.raw.strip()
            yield Hit(args={"table": TABLE_SHORT[table.id], "row": row_label(table, row),
                            "col": col_label(table, col, row), "raw": raw},
                      location=cell_location(table, row, col, cell), evidence={"raw": raw, "value": int(cell.value)})
