"""The report does not end with a signature: the issuing organ and the date of the report.

报告末尾没有落款（发布机关名称和成文日期）。

依据 / Why: 《党政机关公文处理工作条例》要求公文有发文机关署名和成文日期；年度报告以机关名义发布，
落款和日期也是判断是否按时发布（条例第四十九条）的依据。本规则是插件示例，代码 EX101 不属于 OG 命名空间。

错误示例 / Fails: 报告以“六、其他需要报告的事项　无”结束，没有机关名称和日期。

正确示例 / Passes: 末尾写“清河区人民政府办公室　2024年3月20日”。

修改方法 / Fix: 在报告末尾另起一行写发布机关全称，再另起一行写成文日期（如“2024年3月20日”）。
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from opengov_lint.findings import Hit, Location

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "EX101"
NAME = "signature-missing"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021")
MESSAGES = {
    "default": {
        "zh": "报告最后{n}段中没有落款日期（如“2024年3月20日”），应在末尾写明发布机关和成文日期",
        "en": "no signature date (such as 2024年3月20日) in the last {n} paragraph(s); end the report with the "
              "issuing organ and the date",
    },
}
_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")


@dataclass
class Options:
    """`options: {EX101: {last_paragraphs: 5}}` in the configuration."""

    last_paragraphs: int = 3


def check(report: Report, options: Options) -> Iterator[Hit]:
    tail = [p for p in report.paragraphs if p.text.strip()][-options.last_paragraphs:]
    if any(_DATE.search(p.text.strip()) for p in tail):
        return
    last = tail[-1] if tail else None
    yield Hit(args={"n": options.last_paragraphs},
              location=Location(line=last.line if last else None, page=last.page if last else None,
                                excerpt=last.text.strip()[:60] if last else None),
              evidence={"last_paragraphs": options.last_paragraphs,
                        "tail": [p.text.strip()[:60] for p in tail]})
