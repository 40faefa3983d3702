"""The file cannot be read: corrupt, encrypted, unsupported format, or over a size limit.

文件无法读取：文件损坏、加密、格式不受支持或超过大小限制。消息会说明原因和处理办法。

依据 / Why: 这不是报告本身的缺陷，而是检查无法进行：例如未安装 LibreOffice 时的 .doc/.wps 旧格式、加密 PDF、下载不完整的文件。整批检查不会因此中断。

修改方法 / Fix: 把文件另存为 .docx、.pdf（带文字层）或 .html 后重新检查（.doc/.wps 也可安装 LibreOffice 后直接检查）；加密文件请先解除密码。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.rules.support.locations import diagnostic_hits

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.findings import Hit
    from opengov_lint.model import Report

CODE = "OG901"
NAME = "file-unreadable"
SEVERITY = "error"
TEMPLATES = ("2019", "2021", "pre2019")
BASIS = {
    "kind": "reading",
    "refs": [],
    "zh": "读取诊断：文件无法读取，不是报告的缺陷",
    "en": "reading diagnostic: the file could not be read — not a defect of the report",
}
MESSAGES = {"default": {"zh": "{zh}", "en": "{en}"}}


def check(report: Report, options: None) -> Iterator[Hit]:
    yield from diagnostic_hits(report, CODE)
