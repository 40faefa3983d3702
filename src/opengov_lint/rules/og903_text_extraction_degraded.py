"""Extraction lost information (PDF without a text layer, cells run together); results may be incomplete.

读取时丢失了信息（如 PDF 没有文字层、单元格内容粘连、某行单元格数与模板不符），检查结果可能不完整。

依据 / Why: 扫描件 PDF 没有可复制的文字；文本导出时单元格边界可能丢失。受影响的部分不参与检查，以免误报。
每个受损的表格只提示一次，并列出受影响的行：单元格数与模板不符的行（未检查），以及数字与行标签在转换中
分离而无法读出的模板行（不按 OG109 缺行报告，也不据此报告空白或合计错误）。

修改方法 / Fix: 提供带文字层的 PDF、Word 或网页版本，或核对提示的表格行。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.rules.support.locations import diagnostic_hits

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.findings import Hit
    from opengov_lint.model import Report

CODE = "OG903"
NAME = "text-extraction-degraded"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021", "pre2019")
BASIS = {
    "kind": "reading",
    "refs": [],
    "zh": "读取诊断：文字或表格提取受损，受影响部分未检查，不是报告的缺陷",
    "en": "reading diagnostic: text or table extraction was degraded and that part was not "
          "checked — not a defect of the report",
}
MESSAGES = {"default": {"zh": "{zh}", "en": "{en}"}}


def check(report: Report, options: None) -> Iterator[Hit]:
    yield from diagnostic_hits(report, CODE)
