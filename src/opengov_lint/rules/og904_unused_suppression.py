"""A suppression that suppressed nothing: the finding it was written for is gone, or it names the wrong rule.

一条忽略注释或配置中的忽略项没有忽略任何问题：它针对的问题已不存在，或写错了规则代码、位置。

依据 / Why: 忽略项是对某个已知问题“已核实、可接受”的书面说明。问题改正后忽略项仍留在文件里，
以后在同一位置出现的新问题就会被悄悄放过；写错代码的忽略项则根本不起作用。只有本次确实运行了
的规则才会被判断（例如用 `--select` 只运行部分规则时，其他规则的忽略项不会被报告）。

错误示例 / Fails: `fees: {amount: 86.4}  # opengov-lint: ignore[OG206] 单位为万元`，而该格已不含单位；
`# opengov-lint: ignore[OG2O6] …`（数字 0 误写成了字母 O）。

正确示例 / Passes: 忽略注释所在的行确有 OG206 问题，且注释写明了理由。

修改方法 / Fix: 删除不再需要的忽略注释或配置项；如代码写错，改为正确的规则代码或名称。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.findings import Hit
    from opengov_lint.model import Report

CODE = "OG904"
NAME = "unused-suppression"
SEVERITY = "info"
TEMPLATES = ("2019", "2021", "pre2019")
BASIS = {
    "kind": "tool",
    "refs": [],
    "zh": "本工具的忽略项管理：不再需要的忽略项（非法定要求）",
    "en": "this tool's suppression hygiene: a suppression no longer needed (not a legal req"
          "uirement)",
}
MESSAGES = {
    "default": {
        "zh": "忽略项“{codes}”没有忽略任何问题（{reason}），请删除或改正",
        "en": "the suppression '{codes}' suppressed nothing ({reason}); remove or correct it",
    },
    "unknown": {
        "zh": "忽略项中的“{key}”不是已知的规则代码或名称，该忽略项不起作用",
        "en": "'{key}' in the suppression is not a known rule code or name, so the suppression has no effect",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    """The engine reports unused suppressions after every other rule has run (it needs their findings);
    this rule never reports on its own."""
    return iter(())
