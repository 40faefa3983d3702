"""Reports for years before 2019 answer to the 2007 条例 (issue 13 item 6): recognised from the year and
the 2007-era wording even without a statistics table, never judged by the 2019 rules, said once that they
were not checked, and only the old 第三十一条 deadline (3月31日 for every organ) is applied."""

from __future__ import annotations

from helpers import findings, report_from

from opengov_lint.config.settings import Settings
from opengov_lint.run.worker import check_one, init_worker


def _old_report(year: int, signed: str, issuer: str = "清河县交通运输局") -> str:
    return (
        f"{issuer}{year}年政府信息公开工作年度报告\n"
        "本报告根据《中华人民共和国政府信息公开条例》第三十二条的规定编制，分概述、主动公开政府信息的情况、"
        "依申请公开政府信息的情况、政府信息公开的收费及减免情况、因政府信息公开申请行政复议、提起行政诉讼的情况、"
        "存在的主要问题和改进措施六部分。\n"
        "一、概述\n本年度我局认真贯彻落实《条例》。\n"
        "二、主动公开政府信息的情况\n全年主动公开政府信息120条。\n"
        f"{issuer}\n{signed}\n"
    )


def test_2013_report_without_table_is_not_judged_by_the_2019_rules() -> None:
    text = _old_report(2013, "2014年3月20日")
    report = report_from(text)
    assert report.meta.year == 2013
    assert report.meta.regime == "2007"
    got = findings(text)
    # no OG101 (sections), OG107 (tables), OG506 (the 2019 department deadline 1月31日) …: only the note
    assert [(f.code, f.severity) for f in got] == [("OG108", "info")]
    assert "未按现行" in got[0].message
    assert got[0].evidence["current_rules"] == "not_applicable"


def test_old_report_is_late_by_the_2007_deadline_only() -> None:
    late = findings(_old_report(2013, "2014年4月20日"))
    assert sorted(f.code for f in late) == ["OG108", "OG506"]
    og506 = next(f for f in late if f.code == "OG506")
    assert og506.evidence["deadline"] == "2014-03-31"
    assert og506.evidence["article"] == 31
    assert "第三十一条" in og506.message
    assert "2007" in og506.message


def test_2007_wording_without_year_or_table_is_recognised() -> None:
    text = _old_report(2013, "").replace("2013年", "")
    report = report_from(text)
    assert report.meta.year is None
    assert report.meta.template == "pre2019"
    assert report.meta.regime == "2007"


def test_result_exposes_not_checked_under_current_rules() -> None:
    init_worker(Settings(select=["all"]))
    old = check_one("old.txt", _old_report(2013, "2014年3月20日").encode("utf-8"))
    assert old.facts.regime == "2007"
    assert old.facts.current_rules == "not_applicable"
    new = check_one("new.txt", _old_report(2023, "2024年1月20日").encode("utf-8"))
    assert new.facts.regime == "2019"
    assert new.facts.current_rules == "checked"
    assert {f.code for f in new.findings} & {"OG101", "OG107"}  # a 2023 report is judged by the current rules
