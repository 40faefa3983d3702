"""OFD reader: the PDF test report drawn as OFD (tests/support/ofdgen.py: text runs placed by DeltaX or one
object per glyph, tables as one path under a CTM, a template page with a running header, table 三
across a page break with cut merged cells) reads with every cell right; damaged and hostile
packages are reported."""

from __future__ import annotations

import io
import zipfile

import pytest
from helpers import reading_findings, report_from
from ofdgen import OFD
from pdfreport import report_pdf, values

from opengov_lint.model import Paragraph
from opengov_lint.readers import ReadError, read_bytes, sniff


def _assert_every_cell(data: bytes) -> None:
    r = report_from(data, "r.ofd")
    n = 0
    for tid, cells in values().items():
        t = r.tables[tid]
        for key, v in cells.items():
            row, col = key.rsplit(".", 1)
            assert t.cells[row][col].value == pytest.approx(v), (tid, key)
            n += 1
    assert n > 100
    assert r.meta.year == 2023
    assert r.meta.template == "2021"
    assert r.meta.issuer == "某某区人民政府"
    assert [s.number for s in r.sections] == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize("per_glyph", [False, True])
@pytest.mark.parametrize("cut_row", [False, True])
def test_report_reads_every_cell(per_glyph: bool, cut_row: bool) -> None:
    data = report_pdf(cut_row=cut_row, writer=lambda: OFD(per_glyph=per_glyph))
    _assert_every_cell(data)
    assert [f.code for f in reading_findings(data, "r.ofd")] == []


def test_table_across_pages_with_merged_cells_is_one_table() -> None:
    doc = read_bytes("r.ofd", report_pdf(writer=OFD))
    assert doc.format == "ofd"
    assert doc.title == "某某区人民政府2023年政府信息公开工作年度报告"
    tables = doc.tables
    assert len(tables) == 3
    assert [t.page for t in tables] == [2, 2, 3]
    t3 = tables[1]
    assert len(t3.rows) == 28
    assert not t3.ragged
    cut = t3.rows[15][1]  # （四）无 on page 2, 法提供 on page 3
    assert cut.text == "（四）无\n法提供"
    assert cut.rowspan == 3
    assert t3.rows[17][1] is cut
    group = t3.rows[5][0]  # 三、本年度办理结果, merged over 22 rows and two pages
    assert group.text.startswith("三\n、\n本")
    assert all(t3.rows[i][0] is group for i in range(5, 27))
    assert t3.rows[1][3].text == "自然\n人"
    assert t3.rows[1][4] is t3.rows[1][8]
    assert t3.rows[16][3].page == 3
    assert t3.rows[15][3].page == 2


def test_template_header_and_page_numbers_are_furniture() -> None:
    doc = read_bytes("r.ofd", report_pdf(writer=OFD))
    paras = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert not any(t == "某某区人民政府信息公开" or t in ("— 1 —", "-2-", "Page 3") for t in paras)
    assert paras[:2] == ["某某区人民政府", "2023年政府信息公开工作年度报告"]  # titles under a scaling CTM
    long = next(t for t in paras if t.startswith("全年共主动公开"))
    assert long.endswith("继续深化重点领域信息公开。")  # a paragraph continued on the next page


def test_scanned_page_is_reported() -> None:
    got = reading_findings(report_pdf(scanned_page=True, writer=OFD), "r.ofd")
    assert [(f.code, f.location.page) for f in got] == [("OG903", 4)]
    only = OFD(header=None).page().image(50, 50, 495, 740).bytes()
    with pytest.raises(ReadError) as exc:
        read_bytes("s.ofd", only)
    assert exc.value.code == "OG903"
    assert exc.value.reason == "no-text-layer"


def test_sniffed_by_content() -> None:
    data = report_pdf(writer=OFD)
    assert sniff("report", data[:8192]) == "ofd"
    assert sniff("x.ofd", data[:8192]) == "ofd"


def _rewrite(data: bytes, name: str, text: str | None) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for info in src.infolist():
            if info.filename != name:
                out.writestr(info, src.read(info))
        if text is not None:
            out.writestr(name, text)
    return buf.getvalue()


def test_damaged_packages_are_reported() -> None:
    data = OFD().page().text(80, 100, "一、总体情况").bytes()
    cases = [(b"PK\x03\x04ofd", "bad-zip"), (_rewrite(data, "OFD.xml", None), "no-document"),
             (_rewrite(data, "Doc_0/Document.xml", "<ofd:Document"), "bad-xml")]
    for bad, reason in cases:
        with pytest.raises(ReadError) as exc:
            read_bytes("r.ofd", bad)
        assert exc.value.code == "OG901", reason
        assert exc.value.reason == reason, reason


def test_entities_are_not_expanded_and_glyph_runs_are_bounded() -> None:
    data = OFD(header=None).page().text(80, 100, "一、总体情况").bytes()
    page = zipfile.ZipFile(io.BytesIO(data)).read("Doc_0/Pages/Page_0/Content.xml").decode()
    lol = ('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "总体情况总体情况"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
           + page.split("?>", 1)[1].replace("一、总体情况", "&b;"))
    try:
        doc = read_bytes("r.ofd", _rewrite(data, "Doc_0/Pages/Page_0/Content.xml", lol))
    except ReadError as exc:  # refusing the document is as good as not expanding it
        code = exc.code
    else:
        code = "read"
        assert "总体情况总体情况" not in "".join(b.text for b in doc.blocks if isinstance(b, Paragraph))
    assert code in ("read", "OG901", "OG903")
    huge = page.replace('DeltaX="g 5 4.233"', 'DeltaX="g 999999999 4.233"')
    doc = read_bytes("r.ofd", _rewrite(data, "Doc_0/Pages/Page_0/Content.xml", huge))
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["一、总体情况"]


def test_zip_limits_apply() -> None:
    from opengov_lint.readers.limits import Limits

    data = report_pdf(writer=OFD)
    with pytest.raises(ReadError) as exc:
        read_bytes("r.ofd", data, limits=Limits(max_unzipped=10_000))
    assert exc.value.reason == "limit-max-unzipped"
