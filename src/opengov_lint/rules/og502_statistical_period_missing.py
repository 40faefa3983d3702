"""No statement of the statistical period (`本年度报告中所列数据统计期限为…`).

报告未说明所列数据的统计期限。

依据 / Why: 年度报告的数据应覆盖一个完整的自然年度。报告开头通常写明“本年度报告中所列数据统计期限为
××××年1月1日至12月31日”（四川省地方标准DB51/T 2660—2019将其列为必备内容；国家格式的相关文字未见原文，
故本规则只作提示）。未写统计期限，读者无法判断数据是否为全年数据，也无法与上年报告衔接。

错误示例 / Fails: 报告开头只有标题和“一、总体情况”，全文没有统计期限。

正确示例 / Passes: “本年度报告中所列数据统计期限为2023年1月1日至12月31日。”

修改方法 / Fix: 在报告开头（第一部分之前）写明统计期限。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit, Location
from opengov_lint.knowledge.catalog import narrative
from opengov_lint.rules.support.text import text_index

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG502"
NAME = "statistical-period-missing"
SEVERITY = "info"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "guidance",
    "refs": ["DB51/T 2660-2019"],
    "zh": "四川省地方标准DB51/T 2660—2019将统计期限列为必备内容（地方指引，非国家规定，故只作提示）",
    "en": "Sichuan provincial standard DB51/T 2660-2019 lists the statistical period as req"
          "uired (provincial guidance, not a national rule: info only)",
}
MESSAGES = {
    "default": {"zh": "报告未说明数据统计期限；请在开头写明“本年度报告中所列数据统计期限为{year}年1月1日至12月31日”",
                "en": "the report does not state its statistical period; state it in the opening, e.g. "
                      "'数据统计期限为{year}年1月1日至12月31日'"},
}


def check(report: Report, options: None) -> Iterator[Hit]:
    if text_index(report).period(narrative()["period_words"]) is not None:
        return
    year = report.meta.year or "YYYY"
    first = report.preamble[0] if report.preamble else None
    loc = Location(line=report.meta.title_line or (first.line if first else None), excerpt=report.meta.title)
    yield Hit(args={"year": year}, location=loc, evidence={"expected": f"{year}年1月1日至12月31日"})
