"""Markdown (mostly conversions of PDFs): pipe tables, headings, label-number rows, HTML tables."""

from __future__ import annotations

from helpers import reading_findings as findings
from helpers import report_from
from htmlreport import table3

from opengov_lint.model import Paragraph
from opengov_lint.readers import read_bytes

HEAD = """# 某某县司法局2023年政府信息公开工作年度报告

## 一、总体情况
2023年，本机关依法做好政府信息公开工作。
## 二、主动公开政府信息情况
第二十条第（一）项
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|:---:|---|---|
| 规章 | 1 | 2 | 13 |
| 行政规范性文件 | 4 | 5 | 46 |
第二十条第（五）项
信息内容本年处理决定数量
行政许可 71
第二十条第（六）项
行政处罚 88
行政强制 9
"""


def test_pipe_tables_headings_and_label_rows() -> None:
    text = HEAD + "## 三、收到和处理政府信息公开申请情况\n"
    doc = read_bytes("r.md", text.encode())
    heads = [b for b in doc.blocks if isinstance(b, Paragraph) and b.style]
    assert [(b.text, b.style, b.line) for b in heads[:2]] == [
        ("某某县司法局2023年政府信息公开工作年度报告", "h1", 1), ("一、总体情况", "h2", 3)]
    r = report_from(text, "r.md")
    ad = r.tables["active_disclosure"]
    assert [ad.cells["rules"][c].value for c in ("issued", "repealed", "in_force")] == [1, 2, 13]
    assert ad.cells["licensing"]["decisions"].value == 71
    assert ad.cells["coercion"]["decisions"].value == 9
    assert ad.cells["rules"]["issued"].line == 9


def test_single_row_table_with_delimiter_and_escaped_pipe() -> None:
    text = "| 规章 | 22 | 235 |\n|---|---|---|\n\n| a \\| b | c<br>d |\n|---|---|\n"
    tables = read_bytes("r.md", text.encode()).tables
    assert [[c.text for c in r] for r in tables[0].rows] == [["规章", "22", "235"]]
    assert [[c.text for c in r] for r in tables[1].rows] == [["a | b", "c\nd"]]
    assert all(t.ragged for t in tables)


def test_a_short_row_is_reported_not_guessed() -> None:
    """006: the extraction lost one of three numbers of 规章."""
    text = HEAD.replace("| 规章 | 1 | 2 | 13 |", "| 规章 | 22 | 235 |")
    got = [f for f in findings(text, "r.md") if f.code == "OG903"]
    assert [(f.location.table, f.location.line, f.evidence["cells"]) for f in got] == [
        ("active_disclosure", 9, {"rules": {"found": 2, "expected": 3}})]


def test_html_table_inside_markdown() -> None:
    text = "## 三、收到和处理政府信息公开申请情况\n\n" + table3() + "\n\n## 四、政府信息公开行政复议、行政诉讼情况\n"
    r = report_from(text, "r.md")
    req = r.tables["requests"]
    assert req.cells["new_received"]["total"].value == 27
    assert req.cells["carried_forward"]["total"].value == 3
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "一、本年新收" in ln)
    assert req.cells["new_received"]["total"].line == line  # the line of the <tr> in the Markdown file


def test_narrative_lines_are_not_rows() -> None:
    text = "2024年1月1日\n联系电话 0571-87654321\n全年发布信息 1744 条\n"
    assert read_bytes("r.md", text.encode()).tables == []
