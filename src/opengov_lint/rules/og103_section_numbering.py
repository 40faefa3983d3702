"""A top-level heading is not numbered `二、` (written `2、`, `2.`, `（二）`, a wrong numeral, or none).

一级标题的序号不是模板的“一、二、三……”形式。

依据 / Why: 年度报告格式的六个部分以中文数字加顿号编号（一、…六、）。阿拉伯数字“2、”常见于 Word
自动编号导出为文本后，括号序号“（二）”是二级标题的写法，会使报告层级混乱。

错误示例 / Fails: “2、 主动公开政府信息情况”；“（三）收到和处理政府信息公开申请情况”；“三、主动公开政府信息情况”。

正确示例 / Passes: “二、主动公开政府信息情况”。

修改方法 / Fix: 把序号改为对应的中文数字加顿号；若是 Word 自动编号，改为文本编号或使用“一, 二, 三 (简体)”编号格式。
可用 `opengov-lint check --fix` 自动修正文本导出件和结构化文件中的序号。
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from opengov_lint.findings import Fix, Hit
from opengov_lint.recognise.sections import split_numbering
from opengov_lint.recognise.text import int_to_cn
from opengov_lint.rules.support.locations import heading_location
from opengov_lint.rules.support.template import section_heading

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report, Section

CODE = "OG103"
NAME = "section-numbering"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "format",
    "refs": ["format_2019", "format_2021", "GB/T 9704-2012"],
    "zh": "年度报告格式的一级标题编号“一、…六、”；《党政机关公文格式》（GB/T 9704—2012）的层次序数",
    "en": "the numbering 一、…六、 of the report format; the levels of GB/T 9704-2012",
}
MESSAGES = {
    "default": {
        "zh": "第{cn}部分标题序号写作“{found}”，模板要求“{expected}”",
        "en": "the heading of section {number} is numbered '{found}'; the template numbers it '{expected}'",
    },
    "lost": {
        "zh": "第{cn}部分没有一级标题：其内容从“{heading}”开始，模板要求以“{expected}”为标题",
        "en": "section {number} has no heading: its content starts at '{heading}'; the template heads it '{expected}'",
    },
    "none": {
        "zh": "第{cn}部分标题“{heading}”没有序号，模板要求以“{expected}”开头",
        "en": "the heading '{heading}' of section {number} has no number; the template starts it with '{expected}'",
    },
}


def _follows_sequence(s: Section, found: str) -> bool:
    """A number that follows the report's own heading sequence where a heading was added, moved or left
    out (reported once by OG114/OG102/OG101) is not a second defect."""
    if s.sequence is None or s.sequence == s.number:
        return False
    numbering, _ = split_numbering(found + "x")
    return numbering.value == s.sequence and numbering.style in ("cn", "glued", "cn_bare")


def check(report: Report, options: None) -> Iterator[Hit]:
    for s in report.sections:
        expected = f"{int_to_cn(s.number)}、"
        if s.implicit:
            yield Hit(message="lost", args={"cn": int_to_cn(s.number), "number": s.number, "heading": s.heading,
                                            "expected": section_heading(s.number)},
                      location=heading_location(s), evidence={"found": None, "expected": section_heading(s.number),
                                                              "opens_with": s.heading})
            continue
        found = s.numbering.strip()
        if found == expected or _follows_sequence(s, found):
            continue
        fix = None
        if found and (s.line or s.ref):
            m = re.match(r"[#\s\u3000]*" + re.escape(found) + r"[ \t\u3000]*", s.heading)
            if m:
                lead = re.match(r"[#\s\u3000]*", m.group(0))
                fix = Fix(s.line, m.group(0)[lead.end() if lead else 0:], expected, s.ref)
        yield Hit(
            fix=fix,
            message="none" if not found else "default",
            args={"number": s.number, "cn": int_to_cn(s.number), "found": found, "expected": expected,
                  "heading": s.heading},
            location=heading_location(s),
            evidence={"found": found, "expected": expected},
        )
