"""A table was found but could not be mapped to the template, so its checks did not run.

发现了表格，但无法对应到年报模板的表二、表三或表四，因此未对其数据进行检查。

依据 / Why: 表格的行、列标签与模板差异过大（或被拆散、合并）时，机器无法确定每个数字的含义。为免误报，这类表格不参与检查，但会明确提示。

修改方法 / Fix: 按模板原文恢复表格的行、列标签和结构。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.rules.support.locations import diagnostic_hits

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.findings import Hit
    from opengov_lint.model import Report

CODE = "OG902"
NAME = "table-unrecognised"
SEVERITY = "error"
TEMPLATES = ("2019", "2021", "pre2019")
BASIS = {
    "kind": "reading",
    "refs": [],
    "zh": "读取诊断：表格无法对应到模板，其数据未检查，不是报告的缺陷",
    "en": "reading diagnostic: a table matched no template table and was not checked — not "
          "a defect of the report",
}
MESSAGES = {"default": {"zh": "{zh}", "en": "{en}"}}


def check(report: Report, options: None) -> Iterator[Hit]:
    yield from diagnostic_hits(report, CODE)
