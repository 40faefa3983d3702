"""Full-width digits, ideographic spaces or thousands separators in a numeric cell (fixable).

数字单元格使用了全角数字、全角空格或千位分隔符。

依据 / Why: 全角数字（０１２）、全角空格和“1,234”式千位分隔符会使数据在检索、导出和汇总时被当作文字。
Word 文档导出为文本时常在格首留下全角空格。

错误示例 / Fails: “　20”（格首全角空格）；“１２”；“3,940”。

正确示例 / Passes: “20”；“12”；“3940”。

修改方法 / Fix: 改为半角数字并删去空格、分隔符；`opengov-lint check --fix` 可自动修正文本导出件和结构化文件。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Fix, Hit
from opengov_lint.rules.support.locations import cell_location
from opengov_lint.rules.support.template import TABLE_SHORT, col_label, iter_cells, row_label

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG208"
NAME = "cell-fullwidth"
SEVERITY = "info"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "tool",
    "refs": [],
    "zh": "本工具的提示：全角数字、全角空格和千位分隔符使数据在检索和汇总时被当作文字（非法定要求）",
    "en": "this tool's hint: full-width digits, ideographic spaces and thousands separators"
          " make numbers read as text (not a legal requirement)",
}
MESSAGES = {
    "default": {
        "zh": "{table}“{row}”行“{col}”列“{raw}”含全角字符、全角空格或千位分隔符，应写作“{clean}”",
        "en": "{table}, row '{row}', column '{col}' ('{raw}') has full-width characters, ideographic spaces or "
              "thousands separators; write '{clean}'",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    for table, row, col, cell in iter_cells(report):
        if cell.fullwidth and cell.value is not None:
            clean = str(cell.value) + (cell.unit or "")
            old = cell.raw.strip(" \t\r\n")
            where = cell.edit_line or cell.line
            yield Hit(fix=Fix(where, old, clean, cell.ref) if (where or cell.ref) and old else None,
                      args={"table": TABLE_SHORT[table.id], "row": row_label(table, row),
                            "col": col_label(table, col, row), "raw": cell.raw, "clean": clean},
                      location=cell_location(table, row, col, cell), evidence={"raw": cell.raw, "clean": clean})
