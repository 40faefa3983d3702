"""Word .docx: list numbering rendered, tracked changes accepted, runs joined, merges resolved,
layout tables unwrapped, damaged packages reported. Fixtures: tests/docxgen.py."""

from __future__ import annotations

import io
import zipfile

import pytest
from docxgen import docx, p, para, report, run, tbl, tc, tr
from helpers import reading_findings as findings
from helpers import report_from
from htmlreport import REQ_COLS, REQ_ROWS, REVIEW, REVIEW_COLS

from opengov_lint.model import Paragraph, Table
from opengov_lint.readers import ReadError, read_bytes
from opengov_lint.readers import docx as docx_reader
from opengov_lint.readers.docxnum import format_number


def _texts(data: bytes) -> list[str]:
    return [b.text for b in read_bytes("r.docx", data).blocks if isinstance(b, Paragraph)]


def test_report_recognised_cell_by_cell() -> None:
    r = report_from(docx(report()), "r.docx")
    assert [s.heading for s in r.sections] == ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                               "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                                               "六、其他需要报告的事项"]
    req = r.tables["requests"]
    for _label, path, vals in REQ_ROWS:
        assert [req.cells[path][c].value for c in REQ_COLS] == vals, path
    for block, vals in REVIEW.items():
        assert [r.tables["review_litigation"].cells[block][c].value for c in REVIEW_COLS] == vals
    ad = r.tables["active_disclosure"]
    assert [ad.cells["rules"][c].value for c in ("issued", "repealed", "in_force")] == [1, 2, 13]
    assert r.meta.year == 2023
    assert r.meta.template == "2021"
    assert not [f.code for f in findings(docx(report()), "r.docx") if f.code not in ("OG106",)]


def test_list_numbering_is_rendered() -> None:
    texts = _texts(docx(report()))
    assert "一、总体情况" in texts
    assert "（一）主动公开情况" in texts
    assert "（二）依申请公开情况" in texts
    assert "六、其他需要报告的事项" in texts
    assert "1. 一是政策解读形式还不够丰富，图解、视频等解读比例偏低，群众理解政策仍有困难。" in texts
    assert "2. 二是业务培训不足，下一步将每季度组织一次依申请公开业务培训，并建立答复文书抽查制度。" in texts
    # a list that shares its definition continues it; a startOverride restarts it
    body = p("甲", num=(2, 0)) + p("乙", num=(2, 0)) + p("丙", num=(3, 0)) + p("丁", num=(4, 0))
    assert _texts(docx(body)) == ["1. 甲", "2. 乙", "5. 丙", "丁"]  # bullets draw no number
    assert _texts(docx(p("甲", num=(2, 0)), numbering=False)) == ["甲"]  # no numbering part: text only


@pytest.mark.parametrize(("n", "fmt", "out"), [
    (2, "chineseCounting", "二"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (20, "chineseCountingThousand", "二十"), (105, "chineseCounting", "一百零五"), (3, "decimalFullWidth", "３"),
    (4, "ideographTraditional", "丁"), (2, "decimalEnclosedCircle", "②"), (4, "upperRoman", "IV"),
    (28, "lowerLetter", "bb"), (7, "decimal", "7")])
def test_number_formats(n: int, fmt: str, out: str) -> None:
    assert format_number(n, fmt) == out


def test_tracked_changes_fields_bookmarks_and_hidden_text() -> None:
    texts = _texts(docx(report()))
    first = next(t for t in texts if t.startswith("2023年，我局"))
    assert first == "2023年，我局坚持认真公开，本报告所列数据统计期限自2023年1月1日至12月31日。"  # ins kept, del dropped
    assert "受理申请27件。" in texts  # moved-away text dropped, the field result kept
    field = para('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "yyyy" </w:instrText></w:r>'
                 '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', run("2024年1月"),
                 '<w:r><w:fldChar w:fldCharType="end"/></w:r>', run("印发"))
    assert _texts(docx(field)) == ["2024年1月印发"]


def test_merges_resolved_into_one_cell_per_slot() -> None:
    doc = read_bytes("r.docx", docx(report()))
    t3 = doc.tables[1]
    assert len(t3.rows) == 28
    assert {len(r) for r in t3.rows} == {10}
    note = t3.rows[0][0]
    assert note.rowspan == 3
    assert note.colspan == 3
    assert t3.rows[2][1] is note
    group = t3.rows[5][0]
    assert group.text == "三、本年度办理结果"
    assert all(t3.rows[i][0] is group for i in range(5, 27))
    header = doc.tables[0].rows[1][1]
    assert header.text == "本年\n制发件数"  # a header cell of two paragraphs


def test_grid_before_and_ideographic_space_in_a_cell() -> None:
    body = tbl(3, tr(tc("甲"), tc("乙"), tc("丙")), tr(tc("\u300010"), tc("x"), before=1))
    t = read_bytes("t.docx", docx(body)).tables[0]
    assert [c.text for c in t.rows[1]] == ["", "\u300010", "x"]  # the typed ideographic space is kept


def test_layout_table_is_unwrapped() -> None:
    doc = read_bytes("r.docx", docx(report(wrap=True)))
    assert sum(isinstance(b, Table) for b in doc.blocks) == 3
    r = report_from(docx(report(wrap=True)), "r.docx")
    assert [s.number for s in r.sections] == [1, 2, 3, 4, 5, 6]
    assert set(r.tables) == {
        "active_disclosure", "requests", "review_litigation"}


def test_core_title_is_a_fallback_only() -> None:
    doc = read_bytes("r.docx", docx(report(), title="模板"))
    assert doc.title == "模板"
    assert report_from(docx(report(), title="模板"), "r.docx").meta.title == "2023年某某县司法局政府信息公开工作年度报告"


def test_damaged_packages_are_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ReadError) as e:
        read_bytes("x.docx", b"PK\x03\x04 not really a zip")
    assert e.value.code == "OG901"
    assert "docx" in e.value.message_zh
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("content.xml", "<x/>")
    with pytest.raises(ReadError) as e:
        read_bytes("x.docx", buf.getvalue())
    assert e.value.reason == "no-document"
    bad = docx(report()).replace(b"word/document.xml", b"word/document.xmL")
    assert [f.code for f in findings(bad, "x.docx")] == ["OG901"]
    monkeypatch.setattr(docx_reader, "_MAX_PART", 100)
    with pytest.raises(ReadError) as e:
        read_bytes("x.docx", docx(report()))
    assert e.value.reason == "size-limit"


def test_entities_are_not_expanded() -> None:
    data = docx(p("x"))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        doc_xml = z.read("word/document.xml").decode()
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "word/document.xml":
                content = doc_xml.replace('<?xml version="1.0" encoding="UTF-8"?>',
                                          '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document '
                                          '[<!ENTITY e SYSTEM "file:///etc/passwd">]>').replace(
                    ">x<", ">&e;<").encode()
            dst.writestr(item, content)
    texts = " ".join(_texts(buf.getvalue()))
    assert "root:" not in texts
