"""A template row of table 二, 三 or 四 is absent.

表二、表三或表四缺少模板规定的行。

依据 / Why: 年度报告格式规定了各表的全部行（表三2019年版23个数据行、2021年版25个数据行），不得删减；
没有发生的事项应填“0”，而不是删除该行。删行会使上级汇总和勾稽核对无法进行。
只报告作者确实删去的行：原文表格在转换中损坏、某行数字失去了行标签（该处有一行无法对应的数字）时，
该行是“无法读出”而不是“缺少”，由 OG903 统一说明，不在此报告。

错误示例 / Fails: 表三删去了“（五）不予处理”下的“4.无正当理由大量反复申请”一行。

正确示例 / Passes: 保留模板全部行，没有发生的填0。

修改方法 / Fix: 按模板补回缺少的行并填写数字。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit, Location
from opengov_lint.rules.support.template import TABLE_SHORT, row_label, table_section

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG109"
NAME = "table-row-missing"
SEVERITY = "error"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "format",
    "refs": ["format_2019", "format_2021"],
    "zh": "年度报告格式规定的表格各行",
    "en": "the rows of the tables in the report format",
}
MESSAGES = {
    "default": {
        "zh": "{table}缺少模板行“{label}”（{layout}年版格式）",
        "en": "{table} lacks the template row '{label}' ({layout} layout)",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    for t in report.tables.values():
        for row in t.missing_rows:
            yield Hit(
                args={"table": TABLE_SHORT[t.id], "label": row_label(t, row), "layout": t.template},
                location=Location(line=t.line, page=t.page, section=table_section(t), table=t.id, row=row),
                evidence={"table": t.id, "row": row, "layout": t.template},
            )
