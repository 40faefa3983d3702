"""The required sections are present but not in template order.

六个部分齐全或部分齐全，但排列顺序与模板不一致。

依据 / Why: 年度报告格式规定了六个部分的固定顺序（一至六），便于公众和主管部门对照查阅、汇总比较。

错误示例 / Fails: “三、收到和处理政府信息公开申请情况”排在“二、主动公开政府信息情况”之前。

正确示例 / Passes: 一、总体情况 → 二、主动公开… → 三、收到和处理… → 四、…行政复议、行政诉讼情况 →
五、存在的主要问题及改进情况 → 六、其他需要报告的事项。

修改方法 / Fix: 按模板顺序调整各部分位置。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit
from opengov_lint.recognise.text import int_to_cn
from opengov_lint.rules.support.locations import heading_location
from opengov_lint.rules.support.template import section_title

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report, Section

CODE = "OG102"
NAME = "section-out-of-order"
SEVERITY = "error"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "format",
    "refs": ["format_2019", "format_2021"],
    "zh": "年度报告格式（国办公开办函〔2019〕60号、〔2021〕30号）规定的六个部分的顺序",
    "en": "the order of the six parts in the national report format (2019 No. 60, 2021 No. "
          "30)",
}
MESSAGES = {
    "default": {
        "zh": "第{cn}部分“{title}”排在第{prev_cn}部分“{prev_title}”之后，与模板顺序不符",
        "en": "section {number} '{title}' comes after section {prev} '{prev_title}', against the template order",
    },
    "before": {
        "zh": "第{cn}部分“{title}”排在第{prev_cn}部分“{prev_title}”之前，与模板顺序不符",
        "en": "section {number} '{title}' comes before section {prev} '{prev_title}', against the template order",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    order = [x.number for x in report.sections]
    if any(s.misplaced for s in report.sections):  # recognised by alignment: only the moved sections
        yield from _misplaced(report, order)
        return
    highest = None
    for s in report.sections:
        if highest is not None and s.number < highest.number:
            yield _hit(s, highest, "default", order)
        elif highest is None or s.number > highest.number:
            highest = s


def _misplaced(report: Report, order: list[int]) -> Iterator[Hit]:
    for i, s in enumerate(report.sections):
        if not s.misplaced:
            continue
        before = [x for x in report.sections[:i] if not x.misplaced and x.number > s.number]
        if before:
            yield _hit(s, max(before, key=lambda x: x.number), "default", order)
            continue
        after = [x for x in report.sections[i + 1:] if not x.misplaced and x.number < s.number]
        if after:
            yield _hit(s, min(after, key=lambda x: x.number), "before", order)


def _hit(s: Section, other: Section, message: str, order: list[int]) -> Hit:
    return Hit(
        message=message,
        args={"number": s.number, "cn": int_to_cn(s.number), "title": section_title(s.number),
              "prev": other.number, "prev_cn": int_to_cn(other.number), "prev_title": section_title(other.number)},
        location=heading_location(s),
        evidence={"order": order},
    )
