"""The Word text export the project started from (../shared/corpus/000_gongshu-veterans-2020.txt):
the exact findings the foundation issue promises, and the recognised table values."""

from __future__ import annotations

from typing import TYPE_CHECKING

from conftest import check_json
from helpers import report_from

if TYPE_CHECKING:
    from pathlib import Path


def test_gongshu_findings(corpus: Path) -> None:
    _, found = check_json(str(corpus / "000_gongshu-veterans-2020.txt"))
    codes = [f["code"] for f in found]
    og103 = [f for f in found if f["code"] == "OG103"]
    assert [f["evidence"]["found"] for f in og103] == ["2、", "3、", "4、", "5、", "6、"]
    assert [f["location"]["section"] for f in og103] == [2, 3, 4, 5, 6]
    og105 = [f for f in found if f["code"] == "OG105"]
    assert len(og105) == 1
    assert og105[0]["evidence"]["found"] == "（4）"
    assert og105[0]["location"]["line"] == 13
    og206 = [f for f in found if f["code"] == "OG206"]
    assert len(og206) == 1
    assert og206[0]["evidence"]["raw"] == "71.64万元"
    assert (og206[0]["location"]["row"], og206[0]["location"]["column"]) == ("procurement", "amount")
    og208 = [f for f in found if f["code"] == "OG208"]
    assert len(og208) == 1
    assert og208[0]["evidence"]["raw"] == "\u300020"
    assert og208[0]["location"]["column"] == "projects"
    forbidden = {"OG101", "OG102", "OG107", "OG108", "OG109", "OG110"}
    assert not forbidden & set(codes)
    assert not [c for c in codes if c.startswith("OG3")]
    # The export states no statistical period (本年度报告中所列数据统计期限…): the one law/prose finding.
    og502 = [f for f in found if f["code"] == "OG502"]
    assert len(og502) == 1
    assert og502[0]["location"]["line"] == 1
    assert og502[0]["severity"] == "info"
    assert sorted(set(codes)) == ["OG103", "OG105", "OG206", "OG208", "OG502"]


def test_gongshu_recognised(corpus: Path) -> None:
    r = report_from((corpus / "000_gongshu-veterans-2020.txt").read_bytes())
    assert r.meta.year == 2020
    assert r.meta.template == "2019"
    assert r.meta.issuer == "拱墅区退役军人事务局"
    assert r.meta.issuer_kind == "department"
    assert [s.number for s in r.sections] == [1, 2, 3, 4, 5, 6]
    assert set(r.tables) == {"active_disclosure", "requests", "review_litigation"}
    req = r.tables["requests"]
    assert len(req.cells) == 23
    assert all(len(c) == 7 for c in req.cells.values())
    assert all(c.value == 0 for row in req.cells.values() for c in row.values())
    ad = r.tables["active_disclosure"]
    assert set(ad.cells) == {"rules", "normative_documents", "licensing", "other_services", "penalty", "coercion",
                             "fees", "procurement"}
    assert ad.cells["procurement"]["projects"].value == 20
    assert ad.cells["procurement"]["amount"].raw == "71.64万元"
    rl = r.tables["review_litigation"]
    assert set(rl.cells) == {"review", "direct_suit", "suit_after_review"}
    assert not req.missing_rows
    assert not ad.missing_rows
    assert not rl.missing_rows


def test_gongshu_gbk_and_crlf_export_reads_the_same(corpus: Path) -> None:
    """The same export re-encoded as GBK with CRLF line ends gives the same findings."""
    raw = (corpus / "000_gongshu-veterans-2020.txt").read_text(encoding="utf-8")
    gbk = raw.replace("\n", "\r\n").encode("gb18030")
    a = report_from(raw)
    b = report_from(gbk)
    assert [s.heading for s in a.sections] == [s.heading for s in b.sections]
    for tid, t in a.tables.items():
        assert {k: {c: x.raw for c, x in v.items()} for k, v in t.cells.items()} == \
               {k: {c: x.raw for c, x in v.items()} for k, v in b.tables[tid].cells.items()}
