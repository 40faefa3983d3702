"""The required sections are present but not in template order.

六个部分齐全或部分齐全，但排列顺序与模板不一致。

依据 / Why: 年度报告格式规定了六个部分的固定顺序（一至六），便于公众和主管部门对照查阅、汇总比较。

错误示例 / Fails: “三、收到和处理政府信息公开申请情况”排在“二、主动公开政府信息情况”之前。

正确示例 / Passes: 一、总体情况 → 二、主动公开… → 三、收到和处理… → 四、…行政复议、行政诉讼情况 →
五、存在的主要问题及改进情况 → 六、其他需要报告的事项。

修改方法 / Fix: 按模板顺序调整各部分位置。
"""

from __future__ import annotations

from collections.abc import Iterator

from opengov_lint.findings import Hit
from opengov_lint.model import Report
from opengov_lint.recognise.text import int_to_cn
from opengov_lint.rules._helpers import heading_location, section_title

CODE = "OG102"
NAME = "section-out-of-order"
SEVERITY = "error"
TEMPLATES = ("2019", "2021")
MESSAGES = {
    "default": {
        "zh": "第{cn}部分“{title}”排在第{prev_cn}部分“{prev_title}”之后，与模板顺序不符",
        "en": "section {number} '{title}' comes after section {prev} '{prev_title}', against the template order",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    highest = None
    for s in report.sections:
        if highest is not None and s.number < highest.number:
            yield Hit(
                args={"number": s.number, "cn": int_to_cn(s.number), "title": section_title(s.number),
                      "prev": highest.number, "prev_cn": int_to_cn(highest.number),
                      "prev_title": section_title(highest.number)},
                location=heading_location(s),
                evidence={"order": [x.number for x in report.sections]},
            )
        elif highest is None or s.number > highest.number:
            highest = s
