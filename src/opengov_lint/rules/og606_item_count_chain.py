"""`上一年项目数量`(Y) + `本年增/减`(Y) ≠ `上一年项目数量`(Y+1) for the same issuer (2019 layout, table 二).

表二“上一年项目数量”与上一年度报告不衔接：本年“上一年项目数量”应等于上年报告的“上一年项目数量”加“本年增/减”。

依据 / Why: 2019年版格式（国办公开办函〔2019〕60号）表二第二十条第（五）（六）（八）项统计行政许可、其他对外
管理服务事项、行政处罚、行政强制、行政事业性收费的“上一年项目数量”和“本年增/减”；上一年度末的项目数量加
本年增减就是本年末的项目数量，也就是下一年度报告的“上一年项目数量”。两份报告对不上，说明其中一份填错
（评估实践）。只比较同一机关相邻两年、都用2019年版表格的报告（2019→2020年度）；任何一格空白或不是数字时
不作判断。

错误示例 / Fails: 2019年度报告行政许可“上一年项目数量 120，本年增/减 +5”；2020年度报告“上一年项目数量 118”（应为125）。

正确示例 / Passes: 2020年度报告“上一年项目数量 125”。

修改方法 / Fix: 核对权责清单中的事项数量，改正填错的一份报告（已发布的在本年度报告中说明）。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import BatchHit, Hit, Location
from opengov_lint.rules.support.numbers import plain_number

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Batch

CODE = "OG606"
NAME = "item-count-chain"
SEVERITY = "warning"
TEMPLATES = ("2019",)
BASIS = {
    "kind": "format",
    "refs": ["format_2019"],
    "zh": "2019年版格式（国办公开办函〔2019〕60号）表二的“上一年项目数量”与“本年增/减”的跨年度衔接（评估实践）",
    "en": "the 2019 table 二: last year's count plus this year's change carries over to the "
          "next report (assessment practice)",
}
SCOPE = "batch"
ROWS = {"licensing": "行政许可", "other_services": "其他对外管理服务事项", "penalty": "行政处罚", "coercion": "行政强制",
        "fees": "行政事业性收费"}
MESSAGES = {
    "default": {
        "zh": "表二“{row}”上一年项目数量为{actual}，按{prev_year}年度报告的上一年项目数量{prev}、本年增/减{change}"
              "应为{expected}（{prev_path}）",
        "en": "table 二 '{row}': previous-year item count {actual}, but the {prev_year} report gives {prev} with a "
              "change of {change}, i.e. {expected} ({prev_path})",
    },
}


def check(batch: Batch, options: None) -> Iterator[BatchHit]:
    for cur, prev in batch.consecutive():
        if cur.table_layouts.get("active_disclosure") != "2019" or prev.table_layouts.get("active_disclosure") != "2019":
            continue
        for row, label in ROWS.items():
            now = cur.value(f"active_disclosure.{row}.previous_count")
            before = prev.value(f"active_disclosure.{row}.previous_count")
            change = prev.value(f"active_disclosure.{row}.change")
            if now is None or before is None or change is None:
                continue
            expected = before + change
            if now == expected:
                continue
            n, e, b, c = (plain_number(int(x)) if x == int(x) else x for x in (now, expected, before, change))
            hit = Hit(
                args={"row": label, "actual": n, "expected": e, "prev": b, "change": f"{c:+}" if c else "0",
                      "prev_year": prev.year, "prev_path": prev.path},
                location=Location(line=cur.lines.get(f"active_disclosure.{row}"), section=2,
                                  table="active_disclosure", row=row, column="previous_count"),
                evidence={"expected": e, "actual": n, "previous_count": b, "previous_change": c,
                          "previous_path": prev.path, "previous_year": prev.year},
            )
            yield BatchHit(cur.path, hit)
