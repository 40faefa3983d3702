"""The opening says the report has N parts but it has a different number.

报告开头称“共分N个部分”，与实际部分数不符。

依据 / Why: 年度报告格式规定六个部分。开头的说明常从往年报告或其他单位报告照抄而来（如“四个部分”
“五个部分”），与正文不符，说明报告未经认真核校。

错误示例 / Fails: “本报告由总体情况……等五个部分组成”，正文有六个部分。

正确示例 / Passes: “报告全文包括总体情况……其他需要报告的事项等六部分”，正文六个部分齐全。

修改方法 / Fix: 改正开头的部分数，或补齐正文缺少的部分。
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from opengov_lint.findings import Hit
from opengov_lint.recognise.text import CN_NUM, cn_to_int, nfkc, squash
from opengov_lint.rules.support.locations import paragraph_location

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG113"
NAME = "part-count-mismatch"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "format",
    "refs": ["format_2019", "format_2021"],
    "zh": "年度报告格式规定的六个部分（开头所述部分数应与正文一致）",
    "en": "the six parts of the report format (the count stated in the opening must match)",
}
MESSAGES = {
    "default": {
        "zh": "开头称报告共“{said}”，实际有{found}个部分",
        "en": "the opening says the report has {n} parts ('{said}'), but it has {found}",
    },
}
_PARTS = re.compile(rf"(?:共|等|由|包括|分为|分)?([{CN_NUM}\d]{{1,2}})(个)?部分")


def check(report: Report, options: None) -> Iterator[Hit]:
    candidates = list(report.preamble)
    first = report.section(1)
    if first is not None:
        candidates += first.paragraphs[:1]
    for p in candidates:
        m = _PARTS.search(squash(nfkc(p.text)))
        if not m:
            continue
        n = cn_to_int(m.group(1))
        found = len(report.sections)  # the template parts aligned (a heading lost in conversion still counts)
        own = found + len(report.extra_headings)  # the author's own count, extra headings included
        # "六部分" with a part missing is reported once, by OG101
        if n is not None and 2 <= n <= 10 and n not in (found, own, 6) and found > 0:
            yield Hit(args={"said": m.group(0), "n": n, "found": found},
                      location=paragraph_location(p, None if p in report.preamble else 1),
                      evidence={"stated": n, "found": found})
        return
