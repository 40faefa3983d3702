"""`一、总体情况` does not cover the topics the 2021 format lists for it.

“一、总体情况”未涵盖2021年版格式要求的内容（主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障）。

依据 / Why: 2021年版年度报告格式（国办公开办函〔2021〕30号）要求“总体情况”概述本年度主动公开、依申请公开、
政府信息管理、政府信息公开平台建设、监督保障等方面的工作；评估机构逐项检查这五方面是否写到（评估实践）。
每一方面接受实际报告常用的不同说法（如“政务公开平台”“政府网站”算平台建设，“监督检查”“教育培训”“考核”
算监督保障，见 rules/assessment.yaml）。只作提示：一份报告只报一条，列出缺少的方面。

错误示例 / Fails: 总体情况只写主动公开和依申请公开两段，未提信息管理、平台建设和监督保障。

正确示例 / Passes: 总体情况分“（一）主动公开（二）依申请公开（三）政府信息管理（四）平台建设（五）监督保障”五段。

修改方法 / Fix: 在“一、总体情况”中补写缺少的方面，各写明本年度的主要工作和数据。
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from opengov_lint.findings import Hit
from opengov_lint.knowledge.catalog import assessment
from opengov_lint.recognise.streams import fold_text
from opengov_lint.recognise.text import cjk_count
from opengov_lint.rules.support.locations import heading_location

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG508"
NAME = "overview-topics-missing"
SEVERITY = "info"
TEMPLATES = ("2021",)
BASIS = {
    "kind": "format",
    "refs": ["format_2021"],
    "zh": "2021年版格式（国办公开办函〔2021〕30号）对“总体情况”各方面的要求；逐项检查是评估实践（非法定要求），只作提示",
    "en": "the 2021 format (2021 No. 30) on the aspects of 总体情况; checking them one by one i"
          "s assessment practice (not a legal requirement), info only",
}
MESSAGES = {
    "default": {
        "zh": "“一、总体情况”未写到{missing}（2021年版格式要求概述主动公开、依申请公开、政府信息管理、"
              "政府信息公开平台建设、监督保障）",
        "en": "section 一 (overview) does not cover {missing_en} (the 2021 format asks it to cover proactive "
              "disclosure, requests, information management, platforms, and oversight)",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    year = report.meta.year
    if report.meta.template != "2021" and (year is None or year < 2021):
        return
    one = report.section(1)
    if one is None:
        return  # OG101
    text = fold_text("".join([one.heading, *(p.text for p in one.paragraphs)]))
    text = re.sub(r"\s+", "", text)
    spec = assessment()
    if cjk_count(text) < int(spec["overview_min_chars"]):
        return  # too little to judge (OG106 speaks of an empty section)
    missing = [t for t in spec["overview_topics"] if not any(fold_text(w) in text for w in t["words"])]
    if not missing:
        return
    labels = [str(t["label"]) for t in missing]
    yield Hit(args={"missing": "、".join(labels), "missing_en": ", ".join(str(t["en"]) for t in missing)}, location=heading_location(one),
              evidence={"missing": [t["id"] for t in missing], "labels": labels})
