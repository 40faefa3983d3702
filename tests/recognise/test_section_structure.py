"""Section structure by alignment (issue 13 item 1): structural variants of a clean report, built in
code, each give exactly the expected OG101/102/103/104/113/114 findings and nothing else structural."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import findings, report_from

ROOT = Path(__file__).resolve().parents[2]
BASE = (ROOT / "examples" / "qinghe-district-government-2023.txt").read_text(encoding="utf-8")
STRUCTURAL = ["OG101", "OG102", "OG103", "OG104", "OG113", "OG114"]

H1, H2, H3 = "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"
H4, H5, H6 = "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"


def _edit(*pairs: tuple[str, str]) -> str:
    text = BASE
    for old, new in pairs:
        assert f"\n{old}\n" in text, old
        text = text.replace(f"\n{old}\n", f"\n{new}\n", 1)
    return text


def _structural(text: str) -> list[tuple[str, int | None]]:
    return sorted((f.code, f.location.section) for f in findings(text, select=STRUCTURAL))


def _section_block(number: int) -> str:
    heads = [H1, H2, H3, H4, H5, H6]
    start = BASE.index(f"\n{heads[number - 1]}\n")
    end = BASE.index(f"\n{heads[number]}\n") if number < 6 else len(BASE)
    return BASE[start:end]


def test_clean_report_has_no_structural_findings() -> None:
    assert _structural(BASE) == []
    assert [s.number for s in report_from(BASE).sections] == [1, 2, 3, 4, 5, 6]


def test_glued_numeral_is_one_numbering_finding() -> None:
    text = _edit((H1, "一总体情况"))
    report = report_from(text)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert _structural(text) == [("OG103", 1)]


@pytest.mark.parametrize("suffixed", [
    "二、主动公开政府信息情况（有关情况附表）", "二、主动公开政府信息情况附表", "二、主动公开政府信息情况：",
])
def test_note_after_title_is_not_another_wording(suffixed: str) -> None:
    text = _edit((H2, suffixed))
    assert [s.number for s in report_from(text).sections] == [1, 2, 3, 4, 5, 6]
    assert _structural(text) == []


def test_swapped_sections_are_one_order_finding() -> None:
    b2, b3 = _section_block(2), _section_block(3)
    text = BASE.replace(b2 + b3, b3.replace(H3, "二、收到和处理政府信息公开申请情况")
                        + b2.replace(H2, "三、主动公开政府信息情况"))
    got = _structural(text)
    assert len(got) == 1, got
    assert got[0][0] == "OG102", got
    assert {s.number for s in report_from(text).sections} == {1, 2, 3, 4, 5, 6}


def test_extra_section_before_five_is_one_og114() -> None:
    text = BASE.replace(f"\n{H5}\n", "\n五、信息处理费收取情况\n本年度未收取信息处理费。\n六、存在的主要问题及改进情况\n", 1)
    text = text.replace(f"\n{H6}\n", "\n七、其他需要报告的事项\n", 1)
    report = report_from(text)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert [e.heading for e in report.extra_headings] == ["五、信息处理费收取情况"]
    got = findings(text, select=STRUCTURAL)
    assert [(f.code, f.location.section) for f in got] == [("OG114", 4)]
    assert "六、其他需要报告的事项" in got[0].message  # where the fee statement belongs


def test_section_really_absent_is_the_only_missing_one() -> None:
    text = BASE.replace(_section_block(3), "\n", 1)
    for old, new in ((H4, "三、政府信息公开行政复议、行政诉讼情况"), (H5, "四、存在的主要问题及改进情况"),
                     (H6, "五、其他需要报告的事项")):
        text = text.replace(f"\n{old}\n", f"\n{new}\n", 1)
    report = report_from(text)
    assert [s.number for s in report.sections] == [1, 2, 4, 5, 6]
    # the parts after the gap follow the author's own sequence: one defect, one finding
    assert _structural(text) == [("OG101", 3)]


def test_lost_heading_with_content_present_is_not_missing() -> None:
    text = _edit((H5, "（一）存在的主要问题"))
    report = report_from(text)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.section(5) is not None
    assert report.section(5).implicit
    assert _structural(text) == [("OG103", 5)]


def test_misnumbered_heading_does_not_make_later_sections_missing() -> None:
    text = _edit((H3, "2、收到和处理政府信息公开申请的情况"))
    assert [s.number for s in report_from(text).sections] == [1, 2, 3, 4, 5, 6]
    assert _structural(text) == [("OG103", 3), ("OG104", 3)]


def test_numbers_above_six_are_numbers() -> None:
    text = _edit((H6, "七、其他需要报告的事项"))
    assert [s.number for s in report_from(text).sections] == [1, 2, 3, 4, 5, 6]
    assert _structural(text) == [("OG103", 6)]


def test_arabic_items_inside_a_section_are_not_extra_headings() -> None:
    text = BASE.replace(f"\n{H4}\n", "\n1、第一项\n2、第二项\n3、第三项\n4、第四项工作\n" + f"{H4}\n", 1)
    assert report_from(text).extra_headings == []


@pytest.mark.parametrize(("style", "make"), [
    ("part", lambda n, cn, t: f"第{cn}部分 {t}"),
    ("arabic", lambda n, cn, t: f"{n}、{t}"),
])
def test_other_numbering_styles_are_found_and_reported_once_each(style: str, make: object) -> None:
    heads = [H1, H2, H3, H4, H5, H6]
    text = BASE
    for n, h in enumerate(heads, 1):
        cn, title = h.split("、", 1)
        text = text.replace(f"\n{h}\n", f"\n{make(n, cn, title)}\n", 1)  # type: ignore[operator]
    assert [s.number for s in report_from(text).sections] == [1, 2, 3, 4, 5, 6], style
    assert _structural(text) == [("OG103", n) for n in range(1, 7)]
