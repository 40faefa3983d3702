"""The report is dated before the end of its report year while claiming a full-year period.

报告的发布（或落款）日期早于报告年度结束，却声称统计的是全年数据。

依据 / Why: 《条例》第四十九条要求公布“上一年度”的年度报告，统计期限为全年（1月1日至12月31日）。年度尚未
结束就发布（如2021年度报告于2021年12月23日发布），所报数据不可能是全年数据；落款日期早于年底，也常是把
年份写错（应为次年）。

错误示例 / Fails: 2021年度报告，统计期限“2021年1月1日至12月31日”，发布于2021年12月23日；2023年度报告落款
“2023年1月15日”。

正确示例 / Passes: 2023年度报告于2024年1月15日发布。

修改方法 / Fix: 年度结束后再统计和发布；核对落款日期的年份。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit
from opengov_lint.knowledge.catalog import narrative
from opengov_lint.rules.support.dates import report_date
from opengov_lint.rules.support.text import text_index

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG507"
NAME = "premature-publication"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "law",
    "refs": ["2019:49"],
    "zh": "《条例》第四十九条：公布“上一年度”的年度报告（年度结束后才能公布全年数据）",
    "en": "article 49: the report is on the previous year (full-year data exist only after "
          "the year ends)",
}
MESSAGES = {
    "default": {"zh": "{year}年度报告的{how}为{date}，早于该年度结束（{year}-12-31），却按全年统计",
                "en": "the {year} report is {how_en} {date}, before the year ended ({year}-12-31), yet claims a "
                      "full-year period"},
}


def check(report: Report, options: None) -> Iterator[Hit]:
    year = report.meta.year
    date, how, loc = report_date(report)
    if date is None or year is None or date >= f"{year}-12-31":
        return
    period = text_index(report).period(narrative()["period_words"])
    if period is not None and not (period.full_year and period.end_year == year):
        return  # the report says it covers part of the year
    how_zh, how_en = ("发布日期", "published") if how == "published" else ("落款日期", "signed")
    yield Hit(args={"year": year, "how": how_zh, "how_en": how_en, "date": date}, location=loc,
              evidence={"date": date, "source": how, "year_end": f"{year}-12-31",
                        "period": period.text if period else None})
