"""A rule raised an exception; the run continued without it.

某条检查规则运行时出错，已跳过该规则，其余检查照常进行。

依据 / Why: 一份报告的异常内容不应使整个检查或整批检查中断。出现此提示说明本工具存在缺陷，
请把报告文件和提示信息反馈给维护者。

修改方法 / Fix: 无需修改报告；请向工具维护者报告（使用 `--debug` 可看到详细出错信息）。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.findings import Hit
    from opengov_lint.model import Report

CODE = "OG999"
NAME = "rule-crashed"
SEVERITY = "error"
TEMPLATES = ("2019", "2021", "pre2019")
BASIS = {
    "kind": "reading",
    "refs": [],
    "zh": "本工具的缺陷：某条规则运行出错，不是报告的缺陷",
    "en": "a defect of this tool: a rule crashed — not a defect of the report",
}
MESSAGES = {"default": {"zh": "{detail}", "en": "{detail}"}}


def check(report: Report, options: None) -> Iterator[Hit]:
    """The engine emits OG999 itself when another rule raises; this rule never reports on its own."""
    return iter(())
