"""A numbered top-level heading is none of the six template sections.

一级标题不属于年度报告格式规定的六个部分之一。

依据 / Why: 《中华人民共和国政府信息公开条例》第五十条列举了年度报告的内容；年度报告格式（国办公开办函
〔2019〕60号、〔2021〕30号）据此规定了六个部分及其顺序。另设的一级标题（如“五、信息处理费收取情况”）
打乱了六个部分的编号，其内容应写入模板规定的部分（收费情况写入“六、其他需要报告的事项”；
工作机制、平台建设、监督保障等写入“一、总体情况”）。连续的几个另设标题算作一处。

错误示例 / Fails: “四、政府信息公开行政复议、行政诉讼情况”之后是“五、信息处理费收取情况”，
再后是“六、存在的主要问题及改进情况”。

正确示例 / Passes: 收费情况写在“六、其他需要报告的事项”中，六个部分依次编号。

修改方法 / Fix: 把该标题下的内容并入模板规定的部分，删去该标题，并按模板重新编号其后各部分。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit, Location
from opengov_lint.knowledge.catalog import sections
from opengov_lint.recognise.text import excerpt, int_to_cn, norm
from opengov_lint.rules.support.template import section_heading

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import ExtraHeading, Report

CODE = "OG114"
NAME = "section-not-in-template"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "law",
    "refs": ["2019:50", "format_2019", "format_2021"],
    "zh": "《条例》第五十条；年度报告格式（国办公开办函〔2019〕60号、〔2021〕30号）规定的六个部分",
    "en": "article 50 of the Regulations; the six parts of the national report format (2019 No. 60, 2021 No. 30)",
}
MESSAGES = {
    "default": {
        "zh": "一级标题“{heading}”不属于年度报告格式规定的六个部分；其内容应写入“{home}”，"
              "其后各部分按模板顺序编号",
        "en": "the top-level heading '{heading}' is none of the six parts of the report format; its content "
              "belongs in '{home}', and the parts after it take the template numbers",
    },
    "group": {
        "zh": "一级标题“{heading}”等{count}个标题（{all}）不属于年度报告格式规定的六个部分；其内容应分别写入模板"
              "规定的部分（{homes}），其后各部分按模板顺序编号",
        "en": "{count} top-level headings ('{heading}' …: {all}) are none of the six parts of the report format; "
              "their content belongs in the template's parts ({homes}), and the parts after them take the "
              "template numbers",
    },
}


def _home(e: ExtraHeading) -> int:
    """The template section whose content words (`cues` in rules/sections.yaml) the heading uses."""
    n = norm(e.title)
    for spec in sections():
        if any(norm(w) in n for w in spec.cues):
            return spec.number
    return e.after or 1


def _groups(report: Report) -> Iterator[list[ExtraHeading]]:
    """Consecutive extra headings (no template heading between them) are one defect."""
    run: list[ExtraHeading] = []
    for e in report.extra_headings:
        if run and (e.after != run[-1].after or (e.sequence or 0) != (run[-1].sequence or 0) + 1):
            yield run
            run = []
        run.append(e)
    if run:
        yield run


def check(report: Report, options: None) -> Iterator[Hit]:
    for run in _groups(report):
        first = run[0]
        homes = sorted({_home(e) for e in run})
        home_text = "、".join(section_heading(h) for h in homes)
        headings = [e.heading for e in run]
        yield Hit(
            message="default" if len(run) == 1 else "group",
            args={"heading": excerpt(first.heading, 40), "count": len(run), "all": "；".join(headings),
                  "home": home_text, "homes": home_text,
                  "after": int_to_cn(first.after) if first.after else ""},
            location=Location(line=first.line, page=first.page, section=first.after,
                              excerpt=excerpt(first.heading)),
            evidence={"headings": headings, "after_section": first.after, "belongs_in": homes},
        )
