"""A template column of table 二, 三 or 四 is absent.

表格缺少模板规定的列。

依据 / Why: 年度报告格式规定了各表的全部列，例如表三的七列：自然人、商业企业、科研机构、社会公益组织、
法律服务机构、其他、总计。删列后各类申请人的数量无法核对，勾稽关系也无法验证。

错误示例 / Fails: 表三只有“自然人”“法人或其他组织”“总计”三列。

正确示例 / Passes: 保留模板全部列，没有数据的填0。

修改方法 / Fix: 按模板补回缺少的列。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit, Location
from opengov_lint.rules.support.template import TABLE_SHORT, col_label, row_label, table_section

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG110"
NAME = "table-column-missing"
SEVERITY = "error"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "format",
    "refs": ["format_2019", "format_2021"],
    "zh": "年度报告格式规定的表格各列",
    "en": "the columns of the tables in the report format",
}
MESSAGES = {
    "default": {
        "zh": "{table}缺少模板列“{label}”（涉及{count}行，如“{first_row}”）",
        "en": "{table} lacks the template column '{label}' ({count} row(s), e.g. '{first_row}')",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    for t in report.tables.values():
        by_col: dict[str, list[str]] = {}
        for row, col in t.missing_columns:
            by_col.setdefault(col, []).append(row)
        for col, rows in by_col.items():
            yield Hit(
                args={"table": TABLE_SHORT[t.id], "label": col_label(t, col, rows[0]), "count": len(rows),
                      "first_row": row_label(t, rows[0])},
                location=Location(line=t.line, page=t.page, section=table_section(t), table=t.id, column=col),
                evidence={"table": t.id, "column": col, "rows": rows},
            )
