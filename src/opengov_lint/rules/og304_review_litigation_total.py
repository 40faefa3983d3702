"""Table 四, each block (行政复议 / 未经复议直接起诉 / 复议后起诉): `总计` ≠ 维持 + 纠正 + 其他 + 尚未审结 (R4).

表四任一栏（行政复议、未经复议直接起诉、复议后起诉）的“总计”不等于结果维持、结果纠正、其他结果、尚未审结之和。

依据 / Why: 年度报告格式表四每一栏的“总计”是该栏四种结果之和。实际报告中出现过各项有数而总计填0的情况。

错误示例 / Fails: 行政复议：结果维持10、结果纠正1、其他结果0、尚未审结0，总计填0。

正确示例 / Passes: 总计填11。

修改方法 / Fix: 改正总计或各项结果。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.rules.support.arithmetic import check_relations, relation_hit, sum_text
from opengov_lint.rules.support.template import row_label

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.findings import Hit
    from opengov_lint.model import Report

CODE = "OG304"
NAME = "review-litigation-total"
SEVERITY = "error"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "format",
    "refs": ["format_2019", "format_2021"],
    "zh": "年度报告格式表四：每栏“总计”为四种结果之和",
    "en": "table 四: each 总计 is the sum of its four results",
}
MESSAGES = {
    "default": {
        "zh": "表四“{block}”：总计为{actual}，结果维持+结果纠正+其他结果+尚未审结={expected}（{terms}），相差{diff}",
        "en": "table 四, '{block}': total is {actual}, upheld+corrected+other+pending = {expected} ({terms})",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    for table, rel, member, lhs, rhs, left, right in check_relations(report, CODE):
        yield relation_hit(table, rel, member, lhs, rhs, expected=right, actual=left,
                           args={"block": row_label(table, member), "terms": sum_text(rhs)})
