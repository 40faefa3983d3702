"""The prose readers on sentences of real reports: counts (`受理政府信息公开申请859件`), "none"
statements, outcomes of reviews and lawsuits, dates, the statistical period and year openings."""

from __future__ import annotations

from opengov_lint.knowledge.catalog import narrative
from opengov_lint.model import Paragraph
from opengov_lint.recognise.dates import date_line, find_period, parse_date, year_openings
from opengov_lint.recognise.prose import Claim, count_claims, none_claims, parse_count
from opengov_lint.recognise.streams import Unit


def _units(*lines: str) -> list[Unit]:
    return [Unit(Paragraph(t, line=i + 1, index=i), 1) for i, t in enumerate(lines)]


def _counts(*lines: str, year: int | None = None) -> dict[str, int | None]:
    return {c.id: c.value for c in count_claims(_units(*lines), narrative(), year) if c.kind == "count"}


SHANGHAI_2019 = ("市政府办公厅代表市政府共受理政府信息公开申请859件，申请数量较去年回落12.3%；答复政府信息公开申请805件"
                 "（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复），均在法定期限内予以答复。予以公开及部分"
                 "公开258件，占33.9%；不予公开35件，占4.34%；因本机关不掌握等原因无法提供265件，占32.9%；不予处理158件，"
                 "占19.6%；其他处理0件。信息公开类行政复议7件，诉讼9件，均获维持。")


def test_every_count_of_the_shanghai_2019_paragraph() -> None:
    assert _counts(SHANGHAI_2019) == {"received": 859, "processed": 805, "carried_over": 18, "carried_forward": 72,
                                      "granted_partial": 258, "withheld": 35, "unable": 265, "not_processed": 158,
                                      "other": 0, "review": 7, "litigation": 9}
    upheld = [c for c in count_claims(_units(SHANGHAI_2019), narrative()) if c.kind == "all_upheld"]
    assert len(upheld) == 1
    assert upheld[0].blocks == ("review", "litigation")


def test_outcomes_of_the_huaian_2024_paragraph() -> None:
    text = ("2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度"
            "答复），均在法定期限内予以答复。政府信息公开行政复议 351 件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，"
            "尚未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25 件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。")
    claims = count_claims(_units(text), narrative(), 2024)
    outcomes = [(c.blocks[0], c.column, c.value) for c in claims if c.kind == "outcome"]
    assert outcomes == [("review", "upheld", 72), ("review", "corrected", 64), ("review", "other", 178),
                        ("review", "pending", 37), ("litigation", "upheld", 25), ("litigation", "corrected", 5),
                        ("litigation", "other", 9), ("litigation", "pending", 7)]
    counts = {c.id: c.value for c in claims if c.kind == "count"}
    assert counts == {"received": 3119, "processed": 3050, "carried_over": 34, "carried_forward": 103,
                      "review": 351, "litigation": 46}


def test_a_count_split_over_printed_lines_and_the_carry_over_reading() -> None:
    # 006 上海 2025: a Markdown conversion of a PDF, one printed line per paragraph
    claims = count_claims(_units("市政府共受理政府信息公开申请 1295 件，办结 1191 件（含",
                                 "上年结转 189 件），均在法定期限内答复。"), narrative(), 2025)
    assert {c.id: c.value for c in claims} == {"received": 1295, "processed": 1191, "carried_over": 189}
    got = count_claims(_units("全年共收到政府信息公开申请41件（含上年度结转3件）。"), narrative(), 2025)
    received = next(c for c in got if c.id == "received")
    assert received.qualifier == "含上年度结转"
    assert received.targets == [["requests:new_received",
                                                                          "requests:carried_over"]]


def test_what_is_not_a_count() -> None:
    assert _counts("全年受理网络问政182件。") == {}                       # not an application
    assert _counts("予以公开率达到100%。") == {}                          # a share
    assert _counts("申请量较上年受理申请380件有所增长。") == {}             # a comparison
    assert _counts("2022年受理申请10件。", year=2023) == {}               # another year
    assert _counts("其中区本级受理申请12件。") == {}                       # a part of the total
    assert _counts("2022年结转的3件已办结。", year=2023) == {"carried_over": 3}


def test_chinese_numerals_and_thousands() -> None:
    assert _counts("本年度受理政府信息公开申请两件，不予公开一件。") == {"received": 2, "withheld": 1}
    assert _counts("共收到申请1,295件。") == {"received": 1295}
    assert _counts("本年度收到政府信息公开申请共计十二件，办结共计12件。") == {"received": 12, "processed": 12}
    assert parse_count("二十三") == 23
    assert parse_count("１２") == 12


def test_none_statements() -> None:
    def ids(text: str) -> list[str]:
        return [c.id for c in none_claims(_units(text), narrative())]

    # 000 拱墅区退役军人事务局 2020
    assert ids("本年度无公民、法人或其他组织向我局提出政府信息公开申请，未对政府信息公开进行收费和减免，"
               "未发生针对我局有关政府信息公开事务的行政复议案、行政诉讼案。") == ["applications", "review", "litigation"]
    assert ids("全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。") == []  # 006: outcomes, not numbers
    assert ids("不存在无正当理由大量反复申请政府信息公开申请的情况。") == []


def test_dates() -> None:
    assert parse_date("发布日期：2020-01-31") == "2020-01-31"
    assert parse_date("二〇二四年一月十七日") == "2024-01-17"
    assert parse_date("2024.1.7") == "2024-01-07"
    assert date_line("沭阳县发展和改革局 2024年1月17日") == ("沭阳县发展和改革局", "2024-01-17")
    assert date_line("(2026年1月23日)") == ("", "2026-01-23")
    assert date_line("截至2023年12月31日，共公开信息。") is None


def test_periods() -> None:
    words = narrative()["period_words"]
    p = find_period(_units("本年度报告中所列数据统计期限从2019年1月1日到12月31日止。"), words)
    assert p is not None
    assert (p.start, p.end, p.full_year) == ("2019-01-01", "2019-12-31", True)
    p = find_period(_units("报告中所列数据统计期限自 2023 年 1 月 1 日", "起至 2023 年 12 月 31 日止。"), words)
    assert p is not None
    assert p.end == "2023-12-31"
    assert p.unit.paragraph.line == 1
    p = find_period(_units("自20221月1日起至202212月31日止。"), words)  # digits glued after text loss
    assert p is not None
    assert (p.start_year, p.end) == (2022, "2022-12-31")
    assert find_period(_units("2023年，我局推进政府信息公开。"), words) is None


def test_year_openings() -> None:
    yv = narrative()["years"]
    ops = year_openings(_units("（一）主动公开情况。2022年，我局主动公开信息58条。",
                               "2024年，我们将继续推进。", "2022年，申请量同比增长。"), yv["future"] + yv["comparison"])
    assert [(o.year, o.unit.paragraph.line) for o in ops] == [(2022, 1), (2024, 2), (2022, 3)]
    assert "将" in ops[1].words
    assert "同比" in ops[2].words


def test_claims_point_at_their_paragraph() -> None:
    claims: list[Claim] = count_claims(_units("（二）依申请公开", "全年新收政府信息公开申请452件，上年结转20件。"),
                                       narrative(), 2023)
    assert {(c.id, c.unit.paragraph.line, c.text) for c in claims} == {
        ("received", 2, "新收政府信息公开申请452件"), ("carried_over", 2, "上年结转20件")}


def test_counts_of_other_procedures_are_not_applications() -> None:
    assert _counts("全年受理行政许可申请12345件，受理依申请公开工作投诉3件。") == {}
    assert _counts("未经行政复议直接起诉2件。") == {}


def test_none_statements_that_are_not_none() -> None:
    voc = narrative()
    assert [c.id for c in none_claims(_units("对无法提供申请人所需信息的政府信息公开申请依法告知。",
                                             "未经行政复议直接提起行政诉讼的案件已审结。"), voc)] == []
