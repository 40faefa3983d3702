"""A section heading is worded differently from the template (accepted, but noted).

一级标题措辞与模板不同（可以识别，但提示统一）。

依据 / Why: 年度报告格式给出了六个部分的标准标题。“存在的主要问题和改进措施”“其它需要报告的事项”等
写法虽能理解，但不利于统一汇总和比对。

错误示例 / Fails: “五、存在的主要问题及整改措施”。

正确示例 / Passes: “五、存在的主要问题及改进情况”。

修改方法 / Fix: 改用模板标题原文。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit
from opengov_lint.recognise.text import int_to_cn
from opengov_lint.rules.support.locations import heading_location
from opengov_lint.rules.support.template import section_title

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG104"
NAME = "section-title-variant"
SEVERITY = "info"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "format",
    "refs": ["format_2019", "format_2021"],
    "zh": "年度报告格式规定的六个部分的标题原文",
    "en": "the wording of the six part titles in the report format",
}
MESSAGES = {
    "default": {
        "zh": "第{cn}部分标题写作“{found}”，模板原文为“{expected}”",
        "en": "section {number} is titled '{found}'; the template wording is '{expected}'",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    for s in report.sections:
        if s.variant:
            expected = section_title(s.number)
            yield Hit(
                args={"number": s.number, "cn": int_to_cn(s.number), "found": s.title, "expected": expected},
                location=heading_location(s),
                evidence={"found": s.title, "expected": expected},
            )
