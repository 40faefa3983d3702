"""The report year differs between the title, the statistical period and the text.

报告年度前后不一致：标题、统计期限与正文所述年度不同（如2023年度报告正文写“2022年，……”）。

依据 / Why: 《条例》第四十九条要求公布“上一年度政府信息公开工作年度报告”，报告只反映一个年度的工作。
沿用上一年度文本而未改年份（正文开头“2022年，我局……”出现在2023年度报告中），或统计期限写成另一年度，
会使报告内容与年度不符、数据无法对应。正文中对比往年（“较2022年”“同比”）、回顾上年结转、展望下一年
（“2024年，我们将……”）不在此列；第五部分回顾上年问题的整改也不在此列。

错误示例 / Fails: 标题为“2023年政府信息公开工作年度报告”，统计期限为“2022年1月1日至12月31日”；
2023年度报告“一、总体情况”第一句为“2022年，我局坚持……”。

正确示例 / Passes: 标题、统计期限和正文所述年度均为报告年度。

修改方法 / Fix: 统一改为报告年度；核对从上年报告沿用的段落。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit
from opengov_lint.knowledge.catalog import narrative
from opengov_lint.rules.support.locations import unit_location
from opengov_lint.rules.support.text import text_index

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report
    from opengov_lint.recognise.dates import YearOpening
    from opengov_lint.recognise.textindex import TextIndex

CODE = "OG501"
NAME = "year-mismatch"
SEVERITY = "error"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "law",
    "refs": ["2019:49"],
    "zh": "《条例》第四十九条：公布“上一年度”的年度报告",
    "en": "article 49: the report covers the previous year",
}
MESSAGES = {
    "period": {"zh": "统计期限“{found}”为{found_year}年，而报告年度为{year}年（{source}）",
               "en": "the statistical period '{found}' is {found_year}, but the report year is {year} ({source_en})"},
    "range": {"zh": "统计期限“{found}”的起止年份不一致（{start}至{end}）",
              "en": "the statistical period '{found}' starts and ends in different years ({start}, {end})"},
    "text": {"zh": "{year}年度报告中写“{found}”，所述为{found_year}年的工作；请核对年份",
             "en": "a {year} report says '{found}', i.e. work of {found_year}; check the year"},
    "self": {"zh": "报告称“{found}”，年份为{found_year}年，而报告年度为{year}年",
             "en": "the report calls itself '{found}' ({found_year}), but the report year is {year}"},
}
_SOURCE = {"title": ("标题", "from the title"), "override": ("指定年度", "as given"),
           "published": ("发布日期", "from the publication date"), "text": ("正文", "from the text")}


def check(report: Report, options: None) -> Iterator[Hit]:
    year = report.meta.year
    if year is None:
        return
    voc = narrative()
    index = text_index(report)
    period = index.period(voc["period_words"])
    src, src_en = _SOURCE.get(report.meta.year_source or "", ("报告年度", "the report year"))
    if period is not None:
        loc = unit_location(period.unit, period.text)
        if period.start_year != period.end_year:
            yield Hit(message="range", args={"found": period.text, "start": period.start, "end": period.end},
                      location=loc, evidence={"found": period.text, "start": period.start, "end": period.end})
            return
        if period.end_year != year and report.meta.year_source != "period":
            yield Hit(message="period", args={"found": period.text, "found_year": period.end_year, "year": year,
                                              "source": src, "source_en": src_en},
                      location=loc, evidence={"found": period.end_year, "expected": year, "text": period.text})
            return  # which of the two is right is for the author to say; the text is not judged against either
    yield from _text(index, year, voc)


def _text(index: TextIndex, year: int, voc: dict) -> Iterator[Hit]:  # type: ignore[type-arg]
    yv = voc["years"]
    sections = set(yv["sections"]) | {None}
    seen: set[int] = set()
    yield from _self_references(index, year, seen)
    for o in index.year_openings(sections, list(yv["future"]) + list(yv["comparison"])):
        if o.unit.paragraph.index in seen or not _other_years_work(o, year, yv):
            continue
        seen.add(o.unit.paragraph.index)
        yield Hit(message="text", args={"year": year, "found": o.sentence[:40], "found_year": o.year},
                  location=unit_location(o.unit, o.sentence),
                  evidence={"found": o.year, "expected": year, "text": o.sentence})


def _self_references(index: TextIndex, year: int, seen: set[int]) -> Iterator[Hit]:
    """The report naming itself with another year (本年度/本报告 ... 2022年), before or in section 一."""
    for y, text, unit in index.self_references((None, 1)):
        if y != year and unit.paragraph.index not in seen:
            seen.add(unit.paragraph.index)
            yield Hit(message="self", args={"found": text, "found_year": y, "year": year},
                      location=unit_location(unit, text), evidence={"found": y, "expected": year, "text": text})


def _other_years_work(o: YearOpening, year: int, yv: dict) -> bool:  # type: ignore[type-arg]
    """A sentence that opens with another year and tells that year's work: not the report year, not a plan
    for a later year, not a comparison, and no more than three years away."""
    if o.year == year or year in o.years:
        return False
    future = any(w in o.words for w in yv["future"])
    comparison = any(w in o.words for w in yv["comparison"])
    return not (comparison or (o.year > year and future) or abs(o.year - year) > 3)
