"""A required section (一 总体情况 … 六 其他需要报告的事项) is absent.

缺少年度报告必备的六个部分之一。

依据 / Why: 《中华人民共和国政府信息公开条例》第五十条规定年度报告应当包括主动公开、依申请公开、
行政复议和行政诉讼、存在的主要问题及改进情况、其他需要报告的事项等内容；国务院办公厅印发的年度报告
格式（国办公开办函〔2019〕60号、〔2021〕30号）据此规定了六个部分：一、总体情况；二、主动公开政府
信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的
主要问题及改进情况；六、其他需要报告的事项。

错误示例 / Fails: 报告写完“四、政府信息公开行政复议、行政诉讼情况”后直接结束，没有第五、六部分。

正确示例 / Passes: 六个部分齐全，即使某部分没有内容，也保留标题并写明情况（如“六、其他需要报告的事项
本年度无其他需要报告的事项。”）。

修改方法 / Fix: 按模板补齐缺少的部分标题和内容，标题使用模板原文。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit, Location
from opengov_lint.recognise.text import int_to_cn
from opengov_lint.rules.support.template import section_title

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG101"
NAME = "section-missing"
SEVERITY = "error"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "law",
    "refs": ["2019:50", "format_2019", "format_2021"],
    "zh": "《条例》第五十条；年度报告格式（国办公开办函〔2019〕60号、〔2021〕30号）规定的六个部分",
    "en": "article 50 of the Regulations; the six parts of the national report format (2019"
          " No. 60, 2021 No. 30)",
}
MESSAGES = {
    "default": {
        "zh": "缺少第{cn}部分“{cn}、{title}”（《条例》第五十条及年度报告格式要求的六个部分之一）",
        "en": "section {number} '{cn}、{title}' is missing (one of the six parts required by article 50 "
              "and the national report format)",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    found = {s.number for s in report.sections}
    for number in range(1, 7):
        if number not in found:
            yield Hit(
                args={"number": number, "cn": int_to_cn(number), "title": section_title(number)},
                location=Location(section=number),
                evidence={"section": number, "found": sorted(found)},
            )
