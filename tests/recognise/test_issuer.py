"""Who wrote a report: title past the page furniture, issuer and kind from the title, the metadata block,
the report's own words, the signature or the file name — and unknown, never a fragment, when none of them
names an organ. Pages are generated here from the furniture real government sites put around a report."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from helpers import findings, report_from

from opengov_lint.recognise.issuer import accept, issuer_class, issuer_kind, statutory_deadline
from opengov_lint.recognise.titleline import is_chrome

if TYPE_CHECKING:
    from pathlib import Path

    from opengov_lint.model import Report

BODY = """一、总体情况
{org}坚持公开为常态，本年度报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。
二、主动公开政府信息情况
本年度主动公开政府信息126条。
三、收到和处理政府信息公开申请情况
本年度收到申请12件。
四、政府信息公开行政复议、行政诉讼情况
无。
五、存在的主要问题及改进情况
问题是公开内容不够全面。
六、其他需要报告的事项
本年度未收取信息处理费。
"""


def page(head: str, org: str = "本机关", tail: str = "", y: int = 2023, name: str = "report.txt") -> Report:
    return report_from(head + "\n" + BODY.format(org=org, y=y) + tail, name)


# The fragments real pages produced as issuers (issue 23): none of them reads as an organ.
FRAGMENTS = ["当前页面:>", "首页>", "大中小", "关怀版无障碍…您当前所在位置:首页>乡镇", "索引号:GCX0048/2024-00012",
             "一、工作基本情况", "根据修订的《中华人民共和国", "本局", "政府信息公开工作年度报告", "欢迎社会各界监督我局",
             "全县各乡镇人民政府"]


@pytest.mark.parametrize("name", ["全椒县人民政府", "本溪市人民政府", "无锡市市场监督管理局", "上海市科委"])
def test_names_that_look_like_sentence_openings_are_names(name: str) -> None:
    assert accept(name, "") == name


@pytest.mark.parametrize("fragment", FRAGMENTS)
def test_a_fragment_is_never_an_issuer(fragment: str) -> None:
    assert accept(fragment, "") is None
    r = page(f"{fragment}\n2023年政府信息公开工作年度报告")
    assert r.meta.issuer is None
    assert r.meta.issuer_kind == "unknown"


CHROME = [
    "您当前所在位置：首页 > 信息公开 > 乡镇 > 松林镇",
    "当前位置：首页>政务公开>政府信息公开年报",
    "当前页面:>",
    "首页 > 年度报告",
    "字号：大 中 小",
    "大中小",
    "关怀版 无障碍 长者模式",
    "【打印本页】【关闭窗口】",
    "分享到： 微信 微博 QQ空间",
    "索引号：GCX0048/2024-00012  主题分类：政务公开  发布日期：2024年01月20日",
]


@pytest.mark.parametrize("line", CHROME)
def test_furniture_above_the_title_is_skipped(line: str) -> None:
    assert is_chrome(line.split()[0])
    r = page(f"{line}\n松林镇人民政府2023年政府信息公开工作年度报告\n发布日期：2024-01-20", org="松林镇人民政府")
    assert r.meta.title == "松林镇人民政府2023年政府信息公开工作年度报告"
    assert (r.meta.issuer, r.meta.issuer_kind, r.meta.year, r.meta.year_source) == (
        "松林镇人民政府", "government", 2023, "title")


def test_title_inside_a_line_of_furniture() -> None:
    head = ("当前位置： 首页政务公开政府信息公开政府信息公开年报 东山县交通运输局2023年政府信息公开工作年度报告 "
            "来源：东山县人民政府 时间：2024-01-23 08:51 微信 微博 全真版 文字版")
    r = page(head)
    assert r.meta.title == "东山县交通运输局2023年政府信息公开工作年度报告"
    assert (r.meta.issuer, r.meta.issuer_kind) == ("东山县交通运输局", "department")


def test_a_site_column_named_like_a_report_is_not_the_title() -> None:
    r = page("首页 > 政府信息公开 > 政府信息公开工作年度报告\n东山县民政局2023年政府信息公开工作年度报告")
    assert (r.meta.title, r.meta.issuer) == ("东山县民政局2023年政府信息公开工作年度报告", "东山县民政局")


def test_breadcrumb_unit_is_not_taken_for_the_organ() -> None:
    r = page("您当前所在位置：首页 > 信息公开 > 乡镇 > 松林镇\n2023年政府信息公开工作年度报告")
    assert r.meta.issuer is None
    assert r.meta.issuer_kind == "unknown"
    assert r.meta.year == 2023


@pytest.mark.parametrize(("head", "title"), [
    ("洪泽区人民政府\n2023年政府信息公开工作年度报告", "洪泽区人民政府2023年政府信息公开工作年度报告"),
    ("2023年洪泽区人民政府\n政府信息公开工作年度报告", "2023年洪泽区人民政府政府信息公开工作年度报告"),
    ("2023 年洪泽区人民政府政府信息公开工作\n年度报告", "2023年洪泽区人民政府政府信息公开工作年度报告"),
    ("# 洪泽区人民政府 2023 年 政府信息公开工作年度报告", "洪泽区人民政府2023年政府信息公开工作年度报告"),
])
def test_title_split_over_lines(head: str, title: str) -> None:
    r = page(head)
    assert (r.meta.title, r.meta.issuer, r.meta.issuer_kind, r.meta.year) == (
        title, "洪泽区人民政府", "government", 2023)


def test_signature_names_the_organ_when_the_title_does_not() -> None:
    r = page("2023年政府信息公开工作年度报告", tail="东山县住房和城乡建设局\n2024年1月15日\n")
    assert (r.meta.issuer, r.meta.issuer_kind, r.meta.extra["issuer_source"]) == (
        "东山县住房和城乡建设局", "department", "signature")
    r = page("2023年政府信息公开工作年度报告", tail="东山县住房和城乡建设局 2024年1月15日\n")
    assert r.meta.issuer == "东山县住房和城乡建设局"


def test_metadata_block_names_the_organ() -> None:
    r = page("索引号：GCX0048/2024-00012 发布机构：东山县教育局 发布日期：2024-01-20\n2023年政府信息公开工作年度报告")
    assert (r.meta.issuer, r.meta.extra["issuer_source"], r.meta.issuer_kind) == ("东山县教育局", "metadata", "department")
    assert r.meta.year == 2023  # the title's year, not the metadata's 2024


def test_file_name_is_the_last_resort() -> None:
    r = page("2023年政府信息公开工作年度报告", name="东山县民政局2023年政府信息公开工作年度报告.txt")
    assert (r.meta.issuer, r.meta.extra["issuer_source"]) == ("东山县民政局", "file-name")
    r = page("2023年政府信息公开工作年度报告", name="annual-report-2023.txt")
    assert r.meta.issuer is None


@pytest.mark.parametrize(("name", "kind", "cls", "deadline"), [
    ("清河区大明湖街道办事处", "subdistrict", "subdistrict", False),
    ("大明湖街道", "subdistrict", "subdistrict", False),
    ("淮安经济技术开发区管委会", "agency", "agency", False),
    ("苏州工业园区管理委员会", "agency", "agency", False),
    ("平潭综合实验区管委会", "agency", "agency", False),
    ("北京市城市管理委员会", "department", "department", True),
    ("松林镇人民政府", "government", "township", False),
    ("松林镇", "government", "township", False),
    ("沭阳县人民政府", "government", "government", True),
    ("淮安市洪泽区人民政府", "government", "government", True),
    ("沭阳县人民政府办公室", "department", "office", True),
    ("上海市人民政府办公厅", "department", "office", True),
    ("沭阳县发展和改革局", "department", "department", True),
    ("上海市科委", "department", "department", True),
])
def test_kind_from_the_name(name: str, kind: str, cls: str, deadline: bool) -> None:
    assert (issuer_kind(name), issuer_class(name), statutory_deadline(name, kind)) == (kind, cls, deadline)


def test_a_subdistrict_and_an_agency_report() -> None:
    r = page("清河区大明湖街道办事处2023年政府信息公开工作年度报告")
    assert (r.meta.issuer, r.meta.issuer_kind) == ("清河区大明湖街道办事处", "subdistrict")
    r = page("淮安经济技术开发区2023年政府信息公开工作年度报告", org="开发区管委会")
    assert (r.meta.issuer, r.meta.issuer_kind) == ("淮安经济技术开发区管委会", "agency")
    r = page("淮安经济技术开发区2023年政府信息公开工作年度报告")  # the text does not say which organ
    assert (r.meta.issuer, r.meta.issuer_kind) == ("淮安经济技术开发区", "unknown")


def test_a_place_is_completed_from_the_text() -> None:
    r = page("洪泽区2023年政府信息公开工作年度报告", org="区政府")
    assert (r.meta.issuer, r.meta.issuer_kind) == ("洪泽区人民政府", "government")
    # OG112 does not ask the title for the completed name
    assert not [f for f in findings("洪泽区2023年政府信息公开工作年度报告\n" + BODY.format(org="区政府", y=2023),
                                    select=["OG112"]) if f.code == "OG112"]


def test_an_office_reporting_for_its_government() -> None:
    r = page("沭阳县人民政府办公室关于印发沭阳县2023年政府信息公开工作年度报告的通知", org="县政府")
    assert (r.meta.issuer, r.meta.issuer_kind) == ("沭阳县人民政府", "government")
    r = page("沭阳县人民政府2023年政府信息公开工作年度报告", tail="沭阳县人民政府办公室\n2024年3月1日\n")
    assert (r.meta.issuer, r.meta.issuer_kind) == ("沭阳县人民政府", "government")
    r = page("沭阳县人民政府办公室2023年政府信息公开工作年度报告")  # the office's own report
    assert (r.meta.issuer, r.meta.issuer_kind) == ("沭阳县人民政府办公室", "department")


def _late(head: str) -> list[str]:
    text = head + "\n" + BODY.format(org="本机关", y=2023) + "2024年4月20日\n"
    return [f.code for f in findings(text, select=["OG506"])]


def test_deadline_by_kind() -> None:
    assert _late("沭阳县人民政府2023年政府信息公开工作年度报告") == ["OG506"]   # county: 3月31日
    assert _late("沭阳县教育局2023年政府信息公开工作年度报告") == ["OG506"]    # department: 1月31日
    assert _late("松林镇人民政府2023年政府信息公开工作年度报告") == []          # township: no statutory date
    assert _late("清河区大明湖街道办事处2023年政府信息公开工作年度报告") == []   # 街道: none
    assert _late("淮安经济技术开发区管委会2023年政府信息公开工作年度报告") == []  # 管委会: none


def test_accountability_rule_only_for_governments() -> None:
    def og406(head: str) -> list[str]:
        return [f.code for f in findings(head + "\n" + BODY.format(org="本机关", y=2023), select=["OG406"])]

    assert og406("沭阳县人民政府2023年政府信息公开工作年度报告") == ["OG406"]
    assert og406("松林镇人民政府2023年政府信息公开工作年度报告") == ["OG406"]
    assert og406("清河区大明湖街道办事处2023年政府信息公开工作年度报告") == []
    assert og406("淮安经济技术开发区管委会2023年政府信息公开工作年度报告") == []
    assert og406("沭阳县人民政府办公室2023年政府信息公开工作年度报告") == []


def test_year_from_the_period_never_from_a_breadcrumb_date() -> None:
    r = page("当前位置：首页 > 2025年 > 信息公开\n发布日期：2025年02月10日\n东山县民政局政府信息公开工作年度报告", y=2024)
    assert (r.meta.issuer, r.meta.year, r.meta.year_source) == ("东山县民政局", 2024, "period")


def test_html_page_title_and_publisher_metadata() -> None:
    html = ("<html><head><meta charset='utf-8'><title>2023年政府信息公开工作年度报告_东山县人民政府</title>"
            "<meta name='ContentSource' content='东山县自然资源局'></head><body>"
            "<div class='crumb'>当前位置：首页 &gt; 信息公开</div><h1>2023年政府信息公开工作年度报告</h1>"
            "<div id='zoom'>" + "".join(f"<p>{x}</p>" for x in BODY.format(org="本局", y=2023).splitlines())
            + "</div></body></html>")
    r = report_from(html, "page.html")
    assert (r.meta.issuer, r.meta.issuer_kind, r.meta.year) == ("东山县自然资源局", "department", 2023)
    with_title = html.replace("2023年政府信息公开工作年度报告_", "东山县林业局2023年政府信息公开工作年度报告_")
    r = report_from(with_title, "page.html")
    assert (r.meta.issuer, r.meta.extra["issuer_source"]) == ("东山县林业局", "page-title")


def test_unknown_issuer_is_said_in_the_text_output(tmp_path: Path) -> None:
    from conftest import run_cli

    path = f"{tmp_path}/r.txt"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("2023年政府信息公开工作年度报告\n" + BODY.format(org="本机关", y=2023))
    proc = run_cli("check", "--jobs", "1", "--no-progress", path)
    assert "发布机关未能识别" in proc.stdout


def test_catalogue_validates() -> None:
    import re

    from opengov_lint.config.schemas import IssuersModel
    from opengov_lint.knowledge.catalog import load_yaml_resource
    from opengov_lint.model import ISSUER_KINDS

    data = load_yaml_resource("issuers.yaml")
    IssuersModel.model_validate(data)
    for cls in data["classes"].values():
        assert cls["kind"] in ISSUER_KINDS
        assert isinstance(cls["deadline"], bool)
        assert cls["suffixes"]
        for p in cls.get("patterns", []):
            re.compile(p)
    assert {c["kind"] for c in data["classes"].values()} == set(ISSUER_KINDS)


def test_kinds_are_defined_once() -> None:
    from opengov_lint.config.choices import IssuerKind, values
    from opengov_lint.model import ISSUER_KINDS

    assert values(IssuerKind) == ISSUER_KINDS


def test_manifest_and_option_override_detection(tmp_path: Path) -> None:
    from conftest import run_cli

    (tmp_path / "r.txt").write_text("2023年政府信息公开工作年度报告\n" + BODY.format(org="本机关", y=2023), encoding="utf-8")
    (tmp_path / "m.csv").write_text("path,issuer,issuer_kind\nr.txt,清河区大明湖街道办事处,subdistrict\n", encoding="utf-8")
    proc = run_cli("check", "--jobs", "1", "--no-progress", "--manifest", str(tmp_path / "m.csv"),
                   "--output-format", "csv", "--select", "OG112", str(tmp_path / "r.txt"))
    assert ",清河区大明湖街道办事处,2023,OG112," in proc.stdout
    proc = run_cli("check", "--jobs", "1", "--issuer-kind", "agency", "--select", "OG406", str(tmp_path / "r.txt"))
    assert proc.returncode == 0
    proc = run_cli("check", "--jobs", "1", "--issuer-kind", "street", str(tmp_path / "r.txt"))
    assert proc.returncode == 2
    assert "subdistrict" in proc.stderr
