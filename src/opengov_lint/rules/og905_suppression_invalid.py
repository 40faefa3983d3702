"""A suppression comment without a reason, or one that cannot be understood.

忽略注释没有写明理由，或写法无法识别。

依据 / Why: 忽略一个问题，等于声明“此处不符合格式要求，但已核实、可以接受”，这需要留下书面理由，
便于审核人员和下一年度的经办人员了解情况。写法不对的注释（如缺少方括号中的规则代码）不会忽略
任何问题，却容易让人误以为已经处理。没有理由的忽略注释仍然有效，但会被本规则提示。

错误示例 / Fails: `# opengov-lint: ignore[OG206]`（没有理由）；`# opengov-lint: ignore OG206 理由`（缺少方括号）；
`# opengov-lint: ignore[] 理由`（没有规则代码）。

正确示例 / Passes: `fees: {amount: 86.4万元}  # opengov-lint: ignore[OG206] 单位为万元，已在表头注明`。

修改方法 / Fix: 按 `# opengov-lint: ignore[规则代码,…] 理由` 的格式补全，理由写明为何可以接受。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit, Location

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG905"
NAME = "suppression-invalid"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021", "pre2019")
BASIS = {
    "kind": "tool",
    "refs": [],
    "zh": "本工具的忽略项管理：写法无效或没有理由的忽略注释（非法定要求）",
    "en": "this tool's suppression hygiene: an invalid or unexplained suppression (not a le"
          "gal requirement)",
}
MESSAGES = {
    "default": {
        "zh": "忽略注释“{codes}”没有写明理由；请在方括号后写明为何可以接受",
        "en": "the suppression comment '{codes}' gives no reason; write why the finding is acceptable after the "
              "brackets",
    },
    "syntax": {
        "zh": "无法识别的忽略注释“{comment}”，应写作“# opengov-lint: ignore[规则代码] 理由”，该注释不起作用",
        "en": "cannot understand the comment '{comment}'; write '# opengov-lint: ignore[CODE] reason' (it has no "
              "effect as written)",
    },
    "no-codes": {
        "zh": "忽略注释的方括号中没有规则代码，该注释不起作用",
        "en": "the suppression comment names no rule inside the brackets, so it has no effect",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    for s in report.suppressions:
        loc = Location(line=s.line, excerpt=s.text[:60] or None)
        if s.problem:
            yield Hit(message=s.problem, args={"comment": s.text}, location=loc,
                      evidence={"problem": s.problem, "codes": list(s.codes)})
        elif not s.reason:
            yield Hit(args={"codes": ",".join(s.codes)}, location=loc, evidence={"problem": "no-reason",
                                                                                   "codes": list(s.codes)})
