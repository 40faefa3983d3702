"""Table 三, any column: `（七）总计` differs from the sum of the results （一）…（六） (R3).

表三任一列的“（七）总计”不等于各项办理结果之和：（一）予以公开＋（二）部分公开＋（三）不予公开1–8项＋
（四）无法提供1–3项＋（五）不予处理1–5项＋（六）其他处理（2019年版为一行，2021年版为1–3项）。

依据 / Why: “（七）总计”是“三、本年度办理结果”的合计。不平说明某项结果漏填、重复计算或总计算错。
含空白或非数字的列不予核算。

错误示例 / Fails: 自然人列：予以公开10、部分公开2、不予公开合计1、无法提供合计3、不予处理合计0、其他处理0，
（七）总计填17（应为16）。

正确示例 / Passes: （七）总计填16。

修改方法 / Fix: 逐项核对办理结果，改正总计或漏填的项目。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.rules.support.arithmetic import check_relations, relation_hit
from opengov_lint.rules.support.template import col_label

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.findings import Hit
    from opengov_lint.model import Report

CODE = "OG302"
NAME = "requests-results-total"
SEVERITY = "error"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "format",
    "refs": ["format_2019", "format_2021"],
    "zh": "年度报告格式表三：“（七）总计”为本年度办理结果各项之和",
    "en": "table 三: （七）总计 is the sum of the results",
}
MESSAGES = {
    "default": {
        "zh": "表三“{col}”列：（七）总计为{actual}，各项办理结果之和为{expected}，相差{diff}",
        "en": "table 三, column '{col}': （七）总计 is {actual}, the results （一）…（六） sum to {expected}",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    for table, rel, member, lhs, rhs, left, right in check_relations(report, CODE):
        yield relation_hit(table, rel, member, lhs, rhs, expected=right, actual=left,
                           args={"col": col_label(table, member)})
