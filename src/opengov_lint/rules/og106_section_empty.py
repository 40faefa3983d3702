"""A required section has no substantive content (written as `无`, or only a heading).

必备部分没有实质内容（只有标题，或只写“无”）。

依据 / Why: 《条例》第五十条要求逐项报告；年度报告格式要求内容“不能遗漏，也不宜泛化”。第五部分
“存在的主要问题及改进情况”写“无”，等于没有报告问题和改进。第六部分“其他需要报告的事项”如确无其他事项，
可以写明“无”或“本年度无其他需要报告的事项”，但不能只有标题。

错误示例 / Fails: “五、存在的主要问题及改进情况　无”；“一、总体情况”后面紧接“二、…”。

正确示例 / Passes: 第五部分写明本年度存在的具体问题和下一步改进措施。

修改方法 / Fix: 补写该部分内容；表格部分（二、三、四）须包含模板表格。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit
from opengov_lint.knowledge.catalog import section_vocab
from opengov_lint.recognise.text import int_to_cn, nfkc, squash
from opengov_lint.rules.support.locations import heading_location
from opengov_lint.rules.support.template import empty_content, section_title

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG106"
NAME = "section-empty"
SEVERITY = "error"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "law",
    "refs": ["2019:50", "format_2019", "format_2021"],
    "zh": "《条例》第五十条逐项规定的报告内容；年度报告格式的各部分",
    "en": "the contents article 50 requires, part by part; the parts of the report format",
}
MESSAGES = {
    "default": {
        "zh": "第{cn}部分“{title}”没有实质内容（{what}），请按模板要求填写",
        "en": "section {number} '{title}' has no substantive content ({what_en})",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    nil = {squash(nfkc(x)).rstrip("。.；;") for x in empty_content()}
    may_be_nil = {int(x) for x in section_vocab().get("may_be_nil", [])}
    with_tables = {t.section for t in report.tables.values()}
    for s in report.sections:
        if s.tables or s.number in with_tables:
            continue
        text = squash(nfkc(s.text)).rstrip("。.；;")
        if text and text not in nil:
            continue
        if text and s.number in may_be_nil:
            continue
        what, what_en = ("只有标题", "heading only") if not text else (f"仅写“{s.text.strip()}”", f"only '{s.text.strip()}'")
        yield Hit(
            args={"number": s.number, "cn": int_to_cn(s.number), "title": section_title(s.number), "what": what,
                  "what_en": what_en},
            location=heading_location(s),
            evidence={"content": s.text.strip()},
        )
