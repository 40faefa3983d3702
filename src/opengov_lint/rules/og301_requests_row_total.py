"""Table 三, any data row: `总计` differs from the sum of the six applicant columns (R2).

表三任一数据行的“总计”不等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和。

依据 / Why: 表三“总计”列是各类申请人之和（年度报告格式表头：申请人情况 = 自然人 + 法人或其他组织五类）。
行内不平说明某格漏填或错填。含空白或非数字的行不予核算（见 OG201–OG203）。

错误示例 / Fails: “一、本年新收政府信息公开申请数量”：自然人33、商业企业15、科研机构0、社会公益组织0、
法律服务机构1、其他2，总计填52（应为51）。

正确示例 / Passes: 总计填51。

修改方法 / Fix: 核对该行各格与总计，改正错误的数字。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.rules.support.arithmetic import check_relations, relation_hit, sum_text
from opengov_lint.rules.support.template import row_label

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.findings import Hit
    from opengov_lint.model import Report

CODE = "OG301"
NAME = "requests-row-total"
SEVERITY = "error"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "format",
    "refs": ["format_2019", "format_2021"],
    "zh": "年度报告格式表三的表头：申请人情况各列之和为“总计”",
    "en": "the header of table 三: the applicant columns add up to 总计",
}
MESSAGES = {
    "default": {
        "zh": "表三“{row}”行：总计为{actual}，六类申请人之和为{expected}（{terms}），相差{diff}",
        "en": "table 三, row '{row}': total is {actual}, the six applicant columns sum to {expected} ({terms})",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    for table, rel, member, lhs, rhs, left, right in check_relations(report, CODE):
        yield relation_hit(table, rel, member, lhs, rhs, expected=right, actual=left,
                           args={"row": row_label(table, member), "terms": sum_text(rhs)})
