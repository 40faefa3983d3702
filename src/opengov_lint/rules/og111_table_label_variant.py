"""A row, column or caption label differs from the template wording.

表格的行、列标签与模板原文不一致（已按最接近的模板标签识别）。

依据 / Why: 年度报告格式的表格标签是统一规定的文字。错字（“其他法律行政止公开”）、旧版标签（2021年版表格中的
“规范性文件”，应为“行政规范性文件”）或删减（“现行有效件”）会造成理解偏差，也影响汇总。空格、换行、
全角半角和引号样式的差异不在此列。

错误示例 / Fails: “2.其他法律行政止公开”；2021年版表二中的“规范性文件”。

正确示例 / Passes: “2.其他法律行政法规禁止公开”；“行政规范性文件”。

修改方法 / Fix: 按模板原文改正标签。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Fix, Hit, Location
from opengov_lint.rules.support.template import TABLE_SHORT, table_section

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG111"
NAME = "table-label-variant"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "format",
    "refs": ["format_2019", "format_2021"],
    "zh": "年度报告格式规定的表格行列标签原文",
    "en": "the row and column labels of the report format",
}
_KIND = {"row": ("行", "row"), "column": ("列", "column"), "caption": ("标题行", "caption")}
MESSAGES = {
    "default": {
        "zh": "{table}的{kind}标签写作“{found}”，模板原文为“{expected}”",
        "en": "{table}: the {kind_en} label reads '{found}'; the template wording is '{expected}'",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    for t in report.tables.values():
        for v in t.variants:
            zh, en = _KIND.get(v.kind, (v.kind, v.kind))
            yield Hit(
                fix=Fix(v.line, v.found, v.expected, v.ref) if (v.line or v.ref) and "\n" not in v.found else None,
                args={"table": TABLE_SHORT[t.id], "kind": zh, "kind_en": en, "found": v.found, "expected": v.expected},
                location=Location(line=v.line, page=v.page, section=table_section(t), table=t.id,
                                  row=v.id if v.kind == "row" else None,
                                  column=v.id if v.kind == "column" else None, excerpt=v.found),
                evidence={"found": v.found, "expected": v.expected, "kind": v.kind},
            )
