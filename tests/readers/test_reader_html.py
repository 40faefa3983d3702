"""HTML pages: decoding before parsing, the article inside a CMS page, grids with merges, blanks,
split tables, sliver and shifted columns, dates and source lines. Fixtures: tests/htmlreport.py."""

from __future__ import annotations

import codecs

import pytest
from helpers import reading_findings as findings
from helpers import report_from
from htmlreport import REQ_COLS, REQ_ROWS, REVIEW, REVIEW_COLS, cms_page, report_body, table3

from opengov_lint.model import Table
from opengov_lint.readers import read_bytes
from opengov_lint.readers.decode import decode_html

GBK_ONLY = "联系人：王堃、李喆，地址：武汉市硚口区"  # 堃 喆 硚 are in GBK but not in GB2312


def _check_values(html: str | bytes) -> None:
    r = report_from(html, "page.html")
    assert [s.number for s in r.sections] == [1, 2, 3, 4, 5, 6]
    req = r.tables["requests"]
    for _label, path, vals in REQ_ROWS:
        assert [req.cells[path][c].value for c in REQ_COLS] == vals, path
    rl = r.tables["review_litigation"]
    for block, vals in REVIEW.items():
        assert [rl.cells[block][c].value for c in REVIEW_COLS] == vals
    ad = r.tables["active_disclosure"]
    assert [ad.cells["rules"][c].value for c in ("issued", "repealed", "in_force")] == [1, 2, 13]
    assert ad.cells["licensing"]["decisions"].value == 71
    assert str(ad.cells["fees"]["amount"].value) == "1.5"
    assert r.meta.year == 2023
    assert r.meta.template == "2021"


def test_cms_page_in_utf8() -> None:
    _check_values(cms_page(report_body()))


@pytest.mark.parametrize("charset", ["gb2312", "gbk", "GB18030", None])
def test_gbk_page_with_characters_outside_gb2312(charset: str | None) -> None:
    """libxml2 truncates a page labelled gb2312 at the first GBK-only character when given bytes;
    the page is decoded first, so every table after 硚 is still there."""
    body = report_body(extra=f"<p>{GBK_ONLY}</p>")
    data = cms_page(body, charset).encode("gb18030")
    _check_values(data)
    r = report_from(data, "page.html")
    assert any(GBK_ONLY in p.text for p in r.paragraphs)


def test_decoding_order() -> None:
    text = "<html><head><meta charset='gbk'></head><body><p>硚口区</p></body></html>"
    assert decode_html(codecs.BOM_UTF8 + text.encode("utf-8")) == (text, "utf-8")  # the BOM wins
    assert decode_html(text.encode("gb18030"))[1] == "gb18030"
    assert decode_html(text.encode("utf-8")) == (text, "utf-8")  # re-saved as UTF-8, stale gbk label
    nometa = "<p>政府信息公开 王堃</p>"
    assert decode_html(nometa.encode("gb18030")) == (nometa, "gb18030")
    latin = "<meta charset=iso-8859-1><p>政府信息公开</p>"
    assert decode_html(latin.encode("utf-8")) == (latin, "utf-8")  # a Western label on a Chinese page
    xml = '<?xml version="1.0" encoding="gb2312"?><html><body><p>年度报告 喆</p></body></html>'
    assert decode_html(xml.encode("gb18030"))[0] == xml
    doc = read_bytes("x.html", xml.encode("gb18030"))
    assert [b.text for b in doc.blocks] == ["年度报告 喆"]  # lxml never sees the encoding declaration


def test_article_found_inside_the_cms_page() -> None:
    doc = read_bytes("page.html", cms_page(report_body(), pubmeta=False).encode("utf-8"))
    texts = [b.text for b in doc.blocks if not isinstance(b, Table)]
    assert texts[0] == "2023年某某县司法局政府信息公开工作年度报告"  # the <h1> above the article body
    joined = "\n".join(texts)
    for chrome in ("栏目1政务公开", "分享到", "主办单位", "请输入关键字", "var s", "浏览次数"):
        assert chrome not in joined
    assert doc.published == "2024-01-18"  # 发布时间 next to the title
    assert read_bytes("p.html", cms_page(report_body(), pubmeta=True).encode()).published == "2024-01-19"


def test_word_pasted_markup_joins_lines_without_spaces() -> None:
    r = report_from(cms_page(report_body()), "page.html")
    assert r.meta.title == "2023年某某县司法局政府信息公开工作年度报告"
    first = r.section(1).paragraphs[0].text  # type: ignore[union-attr]
    assert first.startswith("2023年，我局坚持以习近平新时代中国特色社会主义思想为指导")  # no space at the wrap
    assert "自2023年1月1日至12月31日" in first
    assert [p.text for p in r.section(5).paragraphs] == ["一是政策解读形式还不够丰富，图解、视频等解读比例偏低，群众理解政策仍有困难。", "二是业务培训不足，下一步将每季度组织一次依申请公开业务培训，并建立答复文书抽查制度。"]  # type: ignore[union-attr]


def test_merged_cells_are_one_cell_in_every_slot() -> None:
    doc = read_bytes("page.html", cms_page(report_body()).encode())
    t3 = doc.tables[1]
    assert not t3.ragged
    assert len({len(r) for r in t3.rows}) == 1
    assert len(t3.rows[0]) == 10
    group = t3.rows[5][0]
    assert group.text == "三、本年度\n办理结果"
    assert group.rowspan == 22
    assert group.colspan == 1
    assert all(t3.rows[i][0] is group for i in range(5, 27))
    note = t3.rows[0][0]
    assert note.rowspan == 3
    assert note.colspan == 3
    assert t3.rows[2][2] is note
    assert t3.rows[2][6].text == "社会公益\n组织"  # <br> inside a label


def test_nbsp_cell_is_blank_not_zero() -> None:
    t3 = table3().replace("<td>21</td>", "<td>&nbsp;</td>", 1)
    page = cms_page(report_body(t3=t3))
    r = report_from(page, "page.html")
    cell = r.tables["requests"].cells["new_received"]["natural_person"]
    assert cell.value is None
    assert cell.raw == ""
    got = [f for f in findings(page, "page.html") if f.code == "OG201"]
    line = next(i for i, ln in enumerate(page.splitlines(), 1) if "一、本年新收" in ln)
    assert [(f.location.row, f.location.column, f.location.line) for f in got] == [
        ("new_received", "natural_person", line)]


@pytest.mark.parametrize("sliver", [False, True])
def test_table_split_into_two_tables(sliver: bool) -> None:
    """Header rows in one <table>, body rows in the next: the columns still come from the header
    labels (with sliver columns, position alone could not place a single value)."""
    page = cms_page(report_body(t3=table3(split=True, sliver=sliver)))
    _check_values(page)
    assert not [f for f in findings(page, "page.html") if f.code in ("OG201", "OG903")]


def test_sliver_columns_mapped_by_header_labels() -> None:
    """Every column of table 三 doubled by an empty sliver column: mapped by the header spans, the
    slivers are not blanks and nothing shifts."""
    page = cms_page(report_body(t3=table3(sliver=True)))
    _check_values(page)
    assert not [f for f in findings(page, "page.html") if f.code in ("OG201", "OG903", "OG110")]


def test_header_and_data_colspans_that_disagree() -> None:
    """015: the header cells of 第二十条第（五）项 use colspan 1+2, its data cells 2+1."""
    t2 = """<table border="1"><tr><td colspan="5">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td>上一年项目数量</td><td colspan="2">本年增/减</td><td>处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="2">7</td><td>+3</td><td>5</td></tr>
<tr><td>其他对外管理服务事项</td><td colspan="2">6</td><td>-1</td><td>8</td></tr></table>"""
    body = report_body(t2=t2).replace("2023", "2020")
    r = report_from(cms_page(body), "page.html")
    ad = r.tables["active_disclosure"]
    assert ad.template == "2019"
    assert [ad.cells["licensing"][c].value for c in ("previous_count", "change", "decisions")] == [7, 3, 5]
    assert [ad.cells["other_services"][c].value for c in ("previous_count", "change", "decisions")] == [6, -1, 8]


def test_report_inside_a_layout_table() -> None:
    page = cms_page(f'<table width="100%"><tr><td>{report_body()}</td></tr></table>')
    _check_values(page)


def test_positions_are_source_lines() -> None:
    page = cms_page(report_body()).replace("<td>88</td>", "<td>88件</td>").replace(
        '<td colspan="3">88</td>', '<td colspan="3">88件</td>')
    got = [f for f in findings(page, "page.html") if f.code == "OG206"]
    line = next(i for i, ln in enumerate(page.splitlines(), 1) if "88件" in ln)
    assert [(f.location.row, f.location.line, f.location.section) for f in got] == [("penalty", line, 2)]
    heading = next(i for i, ln in enumerate(page.splitlines(), 1) if "四、政府信息公开行政复议" in ln)
    r = report_from(page, "page.html")
    assert r.section(4).line == heading  # type: ignore[union-attr]


def test_empty_or_hostile_pages() -> None:
    assert [f.code for f in findings(b"<html></html>", "x.html")] != []  # no crash: sections missing
    deep = "<div>" * 5000 + "<p>一、总体情况</p>" + "</div>" * 5000
    assert findings(deep, "x.html")  # deep nesting does not blow the stack
    entity = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><html><body><p>&e;</p></body></html>'
    doc = read_bytes("x.html", entity.encode())
    assert "root:" not in " ".join(getattr(b, "text", "") for b in doc.blocks)


def test_link_lists_dropped_when_no_article_container_stands_out() -> None:
    nav = "".join(f'<li><a href="/c{i}/">栏目{i}</a></li>' for i in range(10))
    related = "相关文章：" + "".join(f"<a href='/a{i}'>其他需要报告的事项{i}</a>" for i in range(3))
    page = f"<html><body><div><ul>{nav}</ul></div><div>{report_body()}</div><div>{related}</div></body></html>"
    doc = read_bytes("x.html", page.encode())
    texts = [b.text for b in doc.blocks if not isinstance(b, Table)]
    assert texts[0] == "2023年某某县司法局政府信息公开工作年度报告"
    assert texts[-1] == "本年度未收取信息处理费。"
    _check_values(page)


def test_tables_as_pictures_are_reported_not_passed() -> None:
    body = report_body()
    for start in ("二、主动公开", "三、收到和处理", "四、政府信息公开行政复议"):
        i = body.index("<table", body.index(start))
        body = body[:i] + '<p><img src="table.png" alt="表格"></p>' + body[body.index("</table>", i) + 8:]
    got = findings(cms_page(body), "page.html")
    assert sorted(f.location.table for f in got if f.code == "OG107") == [
        "active_disclosure", "requests", "review_litigation"]
