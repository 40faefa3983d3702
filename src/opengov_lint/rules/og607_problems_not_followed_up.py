"""Section 五 of year Y says nothing about how the problems named in the same issuer's section 五 of year
Y−1 were rectified.

第五部分未说明上一年度报告所列问题的整改落实情况。

依据 / Why: 年度报告“存在的主要问题及改进情况”一部分，评估机构按“上年问题整改落实”评分：上一年度报告写了
问题，本年度报告应说明这些问题改进得怎样（评估实践；2021年版格式的标题即为“存在的主要问题及改进情况”）。
本工具只在同一机关相邻两年的报告都在手时判断：上一年第五部分写出了问题，本年第五部分有实质内容，却既无“整改”，
也无“上年度…问题”“针对上一年…”“上年…改进情况”“问题已解决/得到改善”一类说法，也未写上一年的年份
（如2024年度报告写“2023年存在的…问题”）。只作提示。

错误示例 / Fails: 2023年度报告第五部分写“政策解读形式单一”；2024年度报告第五部分只写新问题和下一步打算。

正确示例 / Passes: 2024年度报告写“针对上年度政策解读形式单一的问题，本年度制作图解12期，问题得到改善”。

修改方法 / Fix: 在第五部分逐条说明上一年度报告所列问题的整改情况，再写本年度的问题和改进措施。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import BatchHit, Hit, Location
from opengov_lint.knowledge.catalog import narrative

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Batch

CODE = "OG607"
NAME = "problems-not-followed-up"
SEVERITY = "info"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "practice",
    "refs": ["2019:50.4", "format_2021"],
    "zh": "评估实践（非法定要求）：上年问题的整改落实；《条例》第五十条第（四）项要求报告存在的主要问题及改进情况",
    "en": "assessment practice (not a legal requirement): follow-up of last year's problems"
          "; article 50 item (4) asks for the main problems and improvements",
}
SCOPE = "batch"
MESSAGES = {
    "default": {
        "zh": "第五部分未说明{prev_year}年度报告所列问题的整改落实情况（{prev_path}）；请说明上年问题改进得怎样",
        "en": "section 五 does not say how the problems named in the {prev_year} report were dealt with "
              "({prev_path}); report on last year's problems",
    },
}


def check(batch: Batch, options: None) -> Iterator[BatchHit]:
    min_chars = int(narrative()["problems"]["min_chars"])
    for cur, prev in batch.consecutive():
        if not prev.problems_named or cur.problems_chars < min_chars or cur.problems_followed:
            continue
        hit = Hit(args={"prev_year": prev.year, "prev_path": prev.path},
                  location=Location(line=cur.problems_line, page=cur.problems_page, section=5),
                  evidence={"previous_path": prev.path, "previous_year": prev.year, "chars": cur.problems_chars})
        yield BatchHit(cur.path, hit)
