"""PDF: tables from the pages that hold them, a table stitched across a page break with its cut
labels repaired from the template, page furniture dropped, quotes put back, a scan reported.
Fixtures are written by tests/pdfgen.py (tests/pdfreport.py: a report with every trap)."""

from __future__ import annotations

import functools

import pytest
from helpers import reading_findings as findings
from helpers import report_from
from pdfgen import PDF
from pdfreport import TITLE, report_pdf, values

from opengov_lint.model import Paragraph, Table
from opengov_lint.readers import ReadError, geometry, read_bytes


@functools.cache
def _pdf(**kw: object) -> bytes:
    return report_pdf(**kw)  # type: ignore[arg-type]


def _assert_values(data: bytes) -> None:
    r = report_from(data, "r.pdf")
    for tid, cells in values().items():
        t = r.tables[tid]
        for key, v in cells.items():
            row, col = key.rsplit(".", 1)
            assert t.cells[row][col].value == pytest.approx(v), (tid, key)
    assert r.meta.year == 2023
    assert r.meta.template == "2021"
    assert r.meta.issuer == "某某区人民政府"
    assert [s.number for s in r.sections] == [1, 2, 3, 4, 5, 6]


def test_report_read_cell_by_cell_without_findings() -> None:
    _assert_values(_pdf())
    assert [f.code for f in findings(_pdf(), "r.pdf")] == []


def test_table_continued_on_the_next_page_is_one_table() -> None:
    doc = read_bytes("r.pdf", _pdf())
    tables = doc.tables
    assert len(tables) == 3
    assert [t.page for t in tables] == [2, 2, 3]
    t3 = tables[1]
    assert len(t3.rows) == 28
    assert not t3.ragged
    cut = t3.rows[15][1]  # （四）无 on page 2, 法提供 on page 3: one cell again, its label repaired
    assert cut.text == "（四）无\n法提供"
    assert cut.rowspan == 3
    assert t3.rows[17][1] is cut
    group = t3.rows[5][0]  # 三、本年度办理结果: its text on page 2, an empty continuation on page 3
    assert all(t3.rows[i][0] is group for i in range(5, 27))
    assert t3.rows[16][3].page == 3
    assert t3.rows[15][3].page == 2


def test_header_rows_repeated_on_the_next_page() -> None:
    data = _pdf(repeat_header=True)
    t3 = read_bytes("r.pdf", data).tables[1]
    assert len(t3.rows) == 28
    assert t3.rows[15][1].text == "（四）无\n法提供"
    assert t3.rows[17][1] is t3.rows[15][1]
    _assert_values(data)


def test_row_cut_by_the_page_break_is_joined() -> None:
    data = _pdf(cut_row=True)
    t3 = read_bytes("r.pdf", data).tables[1]
    assert len(t3.rows) == 28
    assert t3.rows[16][2].text == "2.没有现成信息需要\n另行制\n作"
    _assert_values(data)


def test_page_furniture_dropped() -> None:
    texts = [b.text for b in read_bytes("r.pdf", _pdf()).blocks if isinstance(b, Paragraph)]
    for furniture in ("— 1 —", "-2-", "Page 3", TITLE):
        assert furniture not in texts
    assert texts[:2] == ["某某区人民政府", "2023年政府信息公开工作年度报告"]  # the title itself stays


def test_quotes_normalised_and_in_order() -> None:
    texts = [b.text for b in read_bytes("r.pdf", _pdf()).blocks if isinstance(b, Paragraph)]
    assert any("坚持“公开为常态、不公开为例外”原则" in t for t in texts)  # straight quotes made curly
    assert "坚持“公开为常态”不公开为例外" in texts  # drawn later, on another baseline: back in place


def test_paragraph_continued_on_the_next_page() -> None:
    paras = [b for b in read_bytes("r.pdf", _pdf()).blocks if isinstance(b, Paragraph)]
    long = next(p for p in paras if p.text.startswith("全年共主动公开"))
    assert long.page == 1
    assert long.text.endswith("继续深化重点领域信息公开。")


def test_table_finder_runs_only_on_table_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Page 1 has ruled white boxes behind its paragraphs but no table: the (slow) table finder is
    not run there, and white boxes are never taken for cell borders."""
    seen: list[int] = []
    real = geometry.page_tables

    def spy(page):  # type: ignore[no-untyped-def]
        seen.append(page.number)
        return real(page)

    monkeypatch.setattr("opengov_lint.readers.pdf.page_tables", spy)
    read_bytes("r.pdf", _pdf())
    assert seen == [2, 3]


@pytest.mark.parametrize("table", [True, False])
@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_rotated_pages_read_as_displayed(rotate: int, table: bool) -> None:
    """Wide tables are often printed on a landscape page (/Rotate 90): text and tables are read in
    the orientation the reader sees (glyphs and rulings both through PDFium)."""
    from pdfreport import _table4

    pdf = PDF().page(rotate=rotate)
    pdf.text(80, 60, "四、政府信息公开行政复议、行政诉讼情况").text(104, 90, "本年度共办理行政复议案件两件。")
    if table:
        _table4(pdf, 130)
    pdf.text(80, 250, "五、存在的主要问题及改进情况").text(104, 280, "政策解读形式还不够丰富。")
    doc = read_bytes("r.pdf", pdf.bytes())
    assert [getattr(b, "text", None) for b in doc.blocks] == [
        "四、政府信息公开行政复议、行政诉讼情况", "本年度共办理行政复议案件两件。", *([None] if table else []),
        "五、存在的主要问题及改进情况", "政策解读形式还不够丰富。"]
    if table:
        assert [c.text for c in doc.tables[0].rows[3]][:5] == ["1", "0", "0", "1", "2"]


def test_findings_carry_pages() -> None:
    data = report_pdf(blank="unable.unclear.natural_person")
    got = [f for f in findings(data, "r.pdf") if f.code == "OG201"]
    assert [(f.location.row, f.location.column, f.location.page) for f in got] == [
        ("unable.unclear", "natural_person", 3)]


def test_pdf_without_text_layer_is_reported() -> None:
    scan = PDF().page().image(40, 40, 500, 750).page().image(40, 40, 500, 750).bytes()
    with pytest.raises(ReadError) as e:
        read_bytes("scan.pdf", scan)
    assert e.value.code == "OG903"
    got = findings(scan, "scan.pdf")
    assert [f.code for f in got] == ["OG903"]
    assert "文字层" in got[0].message


def test_scanned_page_inside_a_text_pdf_is_reported() -> None:
    got = findings(report_pdf(scanned_page=True), "r.pdf")
    assert [(f.code, f.location.page) for f in got] == [("OG903", 4)]


def test_damaged_pdf_is_reported() -> None:
    got = findings(b"%PDF-1.4\n1 0 obj <<>>\n", "bad.pdf")
    assert [f.code for f in got] == ["OG901"]


def test_text_only_pdf_has_no_tables_and_says_so() -> None:
    """A report whose tables are pictures: sections found, tables missing (OG107), not a pass."""
    pdf = PDF().page()
    for k, heading in enumerate(["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                 "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                                 "六、其他需要报告的事项"]):
        pdf.text(100, 100 + 60 * k, heading).text(80, 124 + 60 * k, "2023年本机关依法做好相关工作。")
    pdf.image(80, 500, 400, 200)
    codes = [f.code for f in findings(pdf.bytes(), "x.pdf")]
    assert codes.count("OG107") == 3
    assert isinstance(read_bytes("x.pdf", pdf.bytes()).blocks[0], Paragraph)
    assert not any(isinstance(b, Table) for b in read_bytes("x.pdf", pdf.bytes()).blocks)


def test_text_layer_without_unicode_mapping_is_reported() -> None:
    """Glyphs that come out as private-use characters (a font without a Unicode map): the text
    read is not the text printed; say so rather than check nonsense silently."""
    garbled = "".join(chr(0xE001 + i % 10) for i in range(50))
    data = PDF().page().text(80, 80, garbled).text(80, 120, "一、总体情况").bytes()
    got = [f for f in findings(data, "x.pdf") if f.code == "OG903"]
    assert len(got) == 1
    assert got[0].evidence == {"glyphs": 56, "unmapped": 50}
    assert not [f for f in findings(_pdf(), "r.pdf") if f.code == "OG903"]


def test_arabic_numbered_heading_after_a_full_line_starts_a_paragraph() -> None:
    """`6、其他需要报告的事项` printed at the left margin right after a sentence that ran to the right
    margin is a heading of its own (else section 六 is lost: OG101); a wrapped line that starts with a
    number (`1.5万元`, `2、` inside a running sentence) still continues its paragraph."""
    full = "一是信息公开的主动性有待加强二是政策解读形式较为单一下一步将加强业务培训丰"  # 37 characters
    pdf = (PDF().page()
           .text(72, 80, full).text(72, 96, full[:36] + "。")
           .text(72, 112, "6、其他需要报告的事项")
           .text(72, 144, full).text(72, 160, "1.5万元用于平台建设，全年未收取信息处理费。")
           .text(72, 192, full).text(72, 208, "2、加强培训。"))
    paras = [b.text for b in read_bytes("r.pdf", pdf.bytes()).blocks if isinstance(b, Paragraph)]
    assert "6、其他需要报告的事项" in paras
    assert full + "1.5万元用于平台建设，全年未收取信息处理费。" in paras
    assert full + "2、加强培训。" in paras


def test_page_loop_stops_at_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    """A per-file deadline (time.monotonic()) is checked before each page: once it has passed, the
    reader stops with the timeout error instead of reading on."""
    import time

    from opengov_lint.readers import pdf

    data = _pdf()
    with pytest.raises(ReadError) as exc:
        read_bytes("r.pdf", data, deadline=time.monotonic() - 0.001)
    assert exc.value.code == "OG901"
    assert exc.value.reason == "timeout"
    clock = iter([0.0, 0.0, 5.0, 5.0, 5.0])  # passes between page 2 and page 3
    seen: list[int] = []
    real = pdf._read_page

    def spy(doc, index, fallback):  # type: ignore[no-untyped-def]
        seen.append(index)
        return real(doc, index, fallback)

    monkeypatch.setattr(pdf, "_read_page", spy)
    monkeypatch.setattr(time, "monotonic", lambda: next(clock))
    with pytest.raises(ReadError):
        read_bytes("r.pdf", data, deadline=1.0)
    assert seen == [0, 1]
    monkeypatch.undo()
    assert len(read_bytes("r.pdf", data, deadline=time.monotonic() + 60).tables) == 3
