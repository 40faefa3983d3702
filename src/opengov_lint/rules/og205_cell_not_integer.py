"""A decimal in a count cell (fee amounts in 万元 may be decimal).

统计件数的单元格出现小数。

依据 / Why: 件数、项数只能是整数；只有表二“本年收费金额（单位：万元）”和2019年版“采购总金额”可以有小数。

错误示例 / Fails: 表二“行政许可”的“本年处理决定数量”填“12.5”。

正确示例 / Passes: 填写整数“12”或“13”。

修改方法 / Fix: 核实并改为整数；金额应填入金额栏。
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from opengov_lint.findings import Hit
from opengov_lint.rules.support.locations import cell_location
from opengov_lint.rules.support.template import TABLE_SHORT, col_label, iter_cells, row_label

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG205"
NAME = "cell-not-integer"
SEVERITY = "error"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "format",
    "refs": ["format_2019", "format_2021"],
    "zh": "年度报告格式的统计表统计件数（只有金额栏可有小数）",
    "en": "the format's tables count items (only amounts may have decimals)",
}
MESSAGES = {
    "default": {
        "zh": "{table}“{row}”行“{col}”列为小数“{raw}”，件数应为整数",
        "en": "{table}, row '{row}', column '{col}' holds a decimal ('{raw}'); counts are whole numbers",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    for table, row, col, cell in iter_cells(report):
        if isinstance(cell.value, Decimal) and cell.expects != "amount":
            raw = cell.raw.strip()
            yield Hit(args={"table": TABLE_SHORT[table.id], "row": row_label(table, row),
                            "col": col_label(table, col, row), "raw": raw},
                      location=cell_location(table, row, col, cell), evidence={"raw": raw, "value": float(cell.value)})
