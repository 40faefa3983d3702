"""Tables in plain text as people paste them and converters write them (issue 22): every form of
tests/support/textforms.py, rendered from a generated report of each layout, reads back cell for cell, in `.txt`
and `.md` alike; the form is told table by table; a row whose count does not fit is reported, not guessed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from helpers import reading_findings, report_from
from textforms import EDITS, FORMS, flat_cells, render, source

from opengov_lint.model import CellKind, Table
from opengov_lint.readers import read_bytes


def _codes(report: object) -> list[str]:
    return [d.code for d in report.diagnostics]  # type: ignore[attr-defined]


@pytest.mark.parametrize("ext", ["txt", "md"])
@pytest.mark.parametrize("layout", ["2019", "2021"])
@pytest.mark.parametrize("form", FORMS)
def test_every_cell_of_each_form(form: str, layout: str, ext: str) -> None:
    src = source(layout)
    r = report_from(render(src, form), f"r.{ext}")
    assert r.meta.template == layout
    assert r.meta.year == src.meta.year
    assert {t.template for t in r.tables.values()} == {layout}
    assert flat_cells(r) == flat_cells(src)  # every cell, nothing extra
    for (tid, row, col), raw in EDITS.items():
        cell = r.tables[tid].cells[row][col]
        assert cell.kind is (CellKind.BLANK if not raw else CellKind.PLACEHOLDER)
        assert cell.raw.strip() == raw
    assert not [c for c in _codes(r) if c in ("OG902", "OG903")]
    assert [s.number for s in r.sections] == [1, 2, 3, 4, 5, 6]
    assert not any(t.missing_rows for t in r.tables.values())


@pytest.mark.parametrize("layout", ["2019", "2021"])
def test_form_is_told_table_by_table(layout: str) -> None:
    src = source(layout)
    mixed = {"active_disclosure": "paragraph", "requests": "cellline", "review_litigation": "gfm"}
    r = report_from(render(src, mixed), "r.txt")
    assert flat_cells(r) == flat_cells(src)
    mixed = {"active_disclosure": "gfm", "requests": "paragraph", "review_litigation": "pipecells"}
    r = report_from(render(src, mixed), "r.md")
    assert flat_cells(r) == flat_cells(src)


def test_prose_stays_prose_and_cell_lines_keep_their_numbers() -> None:
    """The paragraphs around a paragraph-form table are paragraphs with their own line numbers."""
    text = render(source("2021"), "paragraph")
    doc = read_bytes("r.txt", text.encode())
    heading = next(p for p in doc.paragraphs if p.text == "三、收到和处理政府信息公开申请情况")
    assert text.splitlines()[heading.line - 1] == heading.text  # type: ignore[operator]
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 3
    assert all(t.stream for t in tables)
    first = tables[0].rows[0][0]
    assert first.text == "第二十条第（一）项"
    assert text.splitlines()[first.line - 1] == first.text


def _drop_line(text: str, after: str, nth: int = 1) -> str:
    """TEXT without the NTH non-empty paragraph after the line AFTER."""
    lines = text.split("\n")
    i = lines.index(after)
    seen = 0
    for j in range(i + 1, len(lines)):
        if lines[j].strip():
            seen += 1
            if seen == nth:
                return "\n".join(lines[:j] + lines[j + 2:])
    raise AssertionError(after)


@pytest.mark.parametrize("form", ["paragraph", "cellline"])
def test_a_missing_cell_is_reported_for_its_row(form: str) -> None:
    text = render(source("2021"), form)
    cut = _drop_line(text, "规章" if form == "paragraph" else "规章 |")
    r = report_from(cut, "r.txt")
    og903 = [d for d in r.diagnostics if d.code == "OG903"]
    assert len(og903) == 1
    assert "“规章”" in og903[0].message_zh
    assert og903[0].evidence["cells"] == {"rules": {"found": 2, "expected": 3}}
    assert og903[0].evidence["unassessed_rows"] == ["rules"]
    assert r.tables["active_disclosure"].cells["rules"] == {}  # not guessed
    assert r.tables["active_disclosure"].cells["normative_documents"]  # the next row is read


def test_an_extra_note_in_a_row_is_reported() -> None:
    text = render(source("2019"), "paragraph").replace("行政许可\n\n3\n\n", "行政许可\n\n3\n\n（含备案）\n\n0\n\n", 1)
    r = report_from(text, "r.txt")
    og903 = [d for d in r.diagnostics if d.code == "OG903"]
    assert [d.evidence["cells"] for d in og903] == [{"licensing": {"found": 1, "expected": 3}}]
    assert "“行政许可”" in og903[0].message_zh
    assert r.tables["active_disclosure"].cells["licensing"] == {}


def test_misspelt_and_variant_labels_are_tolerated_as_in_html() -> None:
    """A label misspelt as it is in real reports, and the 2021 variant 本年制发件数, in a stream."""
    text = render(source("2021"), "paragraph")
    assert "2.其他法律行政法规禁止公开" in text
    text = text.replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开")
    r = report_from(text, "r.txt")
    req = r.tables["requests"]
    assert set(req.cells["withheld.prohibited_by_law"]) == set(req.cells["granted"])
    assert any(v.found == "2.其他法律行政止公开" for v in req.variants)


def test_gfm_escaped_pipe_alignment_row_and_a_lost_trailing_blank() -> None:
    text = """某某县2023年政府信息公开工作年度报告

二、主动公开政府信息情况

第二十条第（一）项 | 备注
:--- | ---:
信息内容 | 本年<br>制发件数 | 本年废止件数 | 现行有效件数
规章 | 1 | 2 | 13
行政规范性文件 | 4 | 5 | 46
说明 | a\\|b
"""
    doc = read_bytes("r.txt", text.encode())
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert [c.text for c in table.rows[-1]] == ["说明", "a|b"]
    assert table.rows[1][1].text == "本年\n制发件数"
    assert [c.text for c in table.rows[2]] == ["规章", "1", "2", "13"]
    assert table.rows[2][0].line == 8
    r = report_from(text, "r.md")
    assert [r.tables["active_disclosure"].cells["rules"][c].value for c in ("issued", "repealed", "in_force")] \
        == [1, 2, 13]
    # Without outer pipes a blank last cell cannot be written (`4 | 5 | ` has two cells): said, not guessed.
    r = report_from(text.replace("行政规范性文件 | 4 | 5 | 46", "行政规范性文件 | 4 | 5 | "), "r.txt")
    assert [d.evidence["cells"] for d in r.diagnostics if d.code == "OG903"] == [
        {"normative_documents": {"found": 2, "expected": 3}}]


def test_short_paragraphs_without_template_labels_are_not_a_table() -> None:
    cells = ["全年发布信息", "1200", "其中政策文件", "35", "解读材料", "12", "新闻发布会", "4"]
    text = "某某县2023年政府信息公开工作年度报告\n\n一、总体情况\n\n" + "\n\n".join(cells) + "\n"
    doc = read_bytes("r.txt", text.encode())
    assert not doc.tables
    assert [p.text for p in doc.paragraphs][-2:] == ["新闻发布会", "4"]


def test_findings_of_a_pasted_table_match_the_export() -> None:
    """The same report as a Word export and as pasted cells gives the same cell findings."""
    src = source("2019")
    want = {(f.code, f.location.row, f.location.column) for f in reading_findings(render(src, "gfm"), "r.txt")}
    for form in ("paragraph", "cellline", "pipecells"):
        got = {(f.code, f.location.row, f.location.column) for f in reading_findings(render(src, form), "r.txt")}
        assert got == want, form
    assert ("OG202", "new_received", "other_org") in want  # the placeholder — is reported where it stands


def test_a_misspelt_numbered_row_label_stays_in_its_table() -> None:
    """一、/二、 start section headings too: a misspelt row label followed by its numbers is still a cell,
    read through the same label tolerance as in HTML."""
    text = render(source("2021"), "paragraph").replace("二、上年结转政府信息公开申请数量", "二、上年结转政府信息公开申请数")
    r = report_from(text, "r.txt")
    src = source("2021")
    assert flat_cells(r) == flat_cells(src)
    assert [s.number for s in r.sections] == [1, 2, 3, 4, 5, 6]


def test_row_labels_broken_over_paragraphs_and_wrapped_lines() -> None:
    """A row label cut in two paragraphs after its first part (itself a shorter label) and the note wrapped
    over four lines of a narrow column are joined before matching."""
    text = render(source("2021"), "paragraph")
    label = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert label in text
    text = text.replace(label, "（二）部分公开\n\n（区分处理的，只计这一情形，\n不计其他情形）")
    text = text.replace("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                        "（本列数据的勾稽关系为：\n第一项加第二项之和，\n等于第三项加\n第四项之和）")
    r = report_from(text, "r.txt")
    assert flat_cells(r) == flat_cells(source("2021"))
    assert not r.tables["requests"].variants  # the template wording, once joined


@pytest.mark.parametrize("form", ["paragraph", "cellline", "gfm"])
def test_a_2019_table_in_a_2023_report_with_a_unit_in_a_cell(form: str) -> None:
    """The layout is the tables' own (their labels), not the year's; a unit written in a cell is kept."""
    src = source("2019")
    text = render(src, form).replace("2020", "2023")
    cell = "36.5" if form == "paragraph" else ("36.5 |" if form == "cellline" else "| 36.5 |")
    assert cell in text
    text = text.replace(cell, cell.replace("36.5", "36.5万元"), 1)
    r = report_from(text, "r.txt")
    assert r.meta.year == 2023
    assert r.meta.template == "2019"
    amount = r.tables["active_disclosure"].cells["procurement"]["amount"]
    assert (amount.value, amount.unit, amount.raw) == (Decimal("36.5"), "万元", "36.5万元")
    assert flat_cells(r) == flat_cells(src)  # (a number compares by value: 36.5万元 is 36.5)


def test_lines_with_pipes_but_no_table_stay_paragraphs() -> None:
    text = ("首页 | 政务公开 | 政府信息公开年报\n来源：某某县司法局 | 发布时间：2024年1月18日\n\n"
            "某某县司法局2023年政府信息公开工作年度报告\n")
    doc = read_bytes("r.txt", text.encode())
    assert not doc.tables
    assert "来源：某某县司法局 | 发布时间：2024年1月18日" in [p.text for p in doc.paragraphs]
