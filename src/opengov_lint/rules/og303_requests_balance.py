"""Table 三, any column: `一` + `二` ≠ `（七）总计` + `四、结转下年度继续办理` (R1, printed in the template).

表三任一列不满足表头注明的勾稽关系：“第一项加第二项之和，等于第三项加第四项之和”，即
本年新收＋上年结转＝（七）总计＋结转下年度继续办理。

依据 / Why: 年度报告格式表三左上角注明“（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）”。
不平说明有申请既未办结也未结转，或数字填错。

错误示例 / Fails: 总计列：本年新收859、上年结转18，（七）总计805、结转下年度71（805+71=876≠877）。

正确示例 / Passes: 结转下年度填72。

修改方法 / Fix: 核对四项数字，使两边相等。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.rules.support.arithmetic import check_relations, relation_hit, sum_text
from opengov_lint.rules.support.template import col_label

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.findings import Hit
    from opengov_lint.model import Report

CODE = "OG303"
NAME = "requests-balance"
SEVERITY = "error"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "format",
    "refs": ["format_2019", "format_2021"],
    "zh": "年度报告格式表三注明的勾稽关系：第一项加第二项之和等于第三项加第四项之和",
    "en": "the relation printed in table 三: item 1 + item 2 = item 3 + item 4",
}
MESSAGES = {
    "default": {
        "zh": "表三“{col}”列：一+二={expected}（{left}），（七）总计+四={actual}（{right}），不满足“第一项加第二项之和，"
              "等于第三项加第四项之和”",
        "en": "table 三, column '{col}': 一+二 = {expected} ({left}) but （七）总计+四 = {actual} ({right})",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    for table, rel, member, lhs, rhs, left, right in check_relations(report, CODE):
        yield relation_hit(table, rel, member, lhs, rhs, expected=left, actual=right,
                           args={"col": col_label(table, member), "left": sum_text(lhs), "right": sum_text(rhs)})
