"""Section 二, 三 or 四 has no machine-readable table (absent, an image, or an attachment link).

第二、三、四部分缺少可读取的统计表格（没有表格、表格是图片或仅以附件形式提供）。

依据 / Why: 年度报告格式以表格形式规定了主动公开（表二）、依申请公开（表三）、行政复议和行政诉讼（表四）
的统计内容。表格做成图片或附件，公众无法检索、复制，主管部门无法汇总核对。

错误示例 / Fails: “三、收到和处理政府信息公开申请情况　详见附件”；表格以截图插入。

正确示例 / Passes: 在对应部分插入模板表格，逐格填写数字。

修改方法 / Fix: 用文字表格替换图片或附件，保持模板的行、列和标签。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit, Location
from opengov_lint.recognise.text import int_to_cn
from opengov_lint.rules.support.template import TABLE_NAMES

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG107"
NAME = "table-missing"
SEVERITY = "error"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "format",
    "refs": ["format_2019", "format_2021"],
    "zh": "年度报告格式的表二（主动公开）、表三（依申请公开）、表四（行政复议、行政诉讼）",
    "en": "tables 二, 三 and 四 of the report format",
}
MESSAGES = {
    "default": {
        "zh": "第{cn}部分缺少可读取的{table_zh}：未找到模板表格（可能缺失、为图片或仅为附件）",
        "en": "section {number} has no machine-readable {table_en} (absent, an image or an attachment)",
    },
}
_TABLES = (("active_disclosure", 2), ("requests", 3), ("review_litigation", 4))


def check(report: Report, options: None) -> Iterator[Hit]:
    unmapped_sections = {d.section for d in report.diagnostics if d.code == "OG902"}
    for tid, number in _TABLES:
        if tid in report.tables or number in unmapped_sections:
            continue
        s = report.section(number)
        zh, en = TABLE_NAMES[tid]
        yield Hit(
            args={"number": number, "cn": int_to_cn(number), "table_zh": zh, "table_en": en},
            location=Location(line=s.line if s else None, page=s.page if s else None, section=number, table=tid),
            evidence={"table": tid, "section_found": s is not None},
        )
