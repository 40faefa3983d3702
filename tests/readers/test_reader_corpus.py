"""Every 2019+ report of the real corpus (../shared/corpus/) read by its own reader: six sections,
the three tables mapped, template and year right, and the defects MANIFEST.tsv lists reported by the
right codes at the right places. The garbled Markdown extractions (005, 006) are read as faithfully
as they allow; what they lose is reported (OG902/OG903/OG109), never passed in silence."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import pytest
from helpers import findings, report_from

if TYPE_CHECKING:
    from pathlib import Path

FULL = {  # file: (year, template, issuer)
    "001_huaian-hongze-district-2023.pdf": (2023, "2021", "洪泽区人民政府"),
    "002_huaian-hongze-district-2024.pdf": (2024, "2021", "淮安市洪泽区人民政府"),
    "003_huaian-city-2024.pdf": (2024, "2021", "淮安市人民政府"),
    "004_shuyang-county-2025.txt": (2025, "2021", "沐阳县人民政府"),
    "015_shanghai-govoffice-2019.html": (2019, "2019", "上海市人民政府办公厅"),
    "016_shuyang-drc-2023.html": (2023, "2021", "沭阳县发展和改革局"),
}
TABLES = {"active_disclosure", "requests", "review_litigation"}


def _found(corpus: Path, name: str) -> list:  # type: ignore[type-arg]
    """Structure, cell, arithmetic and reading findings: what a reader's fidelity decides (the law and
    prose rules have their own corpus test, tests/test_law_corpus.py)."""
    return findings((corpus / name).read_bytes(), name, select=["OG1", "OG2", "OG3", "OG9"])


@pytest.mark.parametrize("name", sorted(FULL))
def test_recognised(corpus: Path, name: str) -> None:
    year, template, issuer = FULL[name]
    r = report_from((corpus / name).read_bytes(), name)
    assert [s.number for s in r.sections] == [1, 2, 3, 4, 5, 6]
    assert set(r.tables) == TABLES
    assert r.tables["active_disclosure"].template == r.tables["review_litigation"].template == (
        "2019" if year < 2021 else "2021")
    assert r.meta.year == year
    assert r.meta.template == template
    assert r.meta.issuer == issuer
    assert not [t.missing_rows for t in r.tables.values() if t.missing_rows and t.id != "requests"]
    codes = {f.code for f in _found(corpus, name)}
    assert not codes & {"OG101", "OG107", "OG110", "OG902", "OG903", "OG999"}


def test_huaian_hongze_2023(corpus: Path) -> None:
    got = _found(corpus, "001_huaian-hongze-district-2023.pdf")
    og304 = {f.location.row: f for f in got if f.code == "OG304"}
    assert set(og304) == {"review", "suit_after_review"}  # 总计 0 while 维持10+纠正1 / 维持5
    assert og304["review"].evidence["actual"] == 0
    assert og304["review"].location.page == 4
    og111 = [f for f in got if f.code == "OG111"]
    assert [(f.location.row, f.evidence["found"]) for f in og111] == [
        ("withheld.prohibited_by_law", "2.其他法律行政止公开")]
    og108 = [f for f in got if f.code == "OG108"]
    assert len(og108) == 1
    assert og108[0].location.table == "requests"
    assert og108[0].evidence["found"] == "2019"
    assert not [f for f in got if f.code in ("OG109", "OG301", "OG302", "OG303")]
    r = report_from((corpus / "001_huaian-hongze-district-2023.pdf").read_bytes(), "x.pdf")
    req = r.tables["requests"]
    assert req.cells["other"]["total"].value == 0
    assert req.cells["total_processed"]["total"].value == 21
    assert req.cells["unable.unclear"]["total"].value == 0
    assert req.cells["unable.unclear"]["total"].page == 4
    assert r.tables["active_disclosure"].cells["fees"]["amount"].raw == "7730.28"


def test_huaian_hongze_2024(corpus: Path) -> None:
    got = _found(corpus, "002_huaian-hongze-district-2024.pdf")
    assert Counter(f.code for f in got) == Counter({"OG108": 1, "OG111": 1})
    r = report_from((corpus / "002_huaian-hongze-district-2024.pdf").read_bytes(), "x.pdf")
    req = r.tables["requests"]
    assert req.cells["new_received"]["total"].value == 95 == req.cells["total_processed"]["total"].value
    # the row on the next page, under the cut merged labels 三、本年度办理结果 / （四）无法提供
    assert req.cells["unable.needs_creation"]["natural_person"].value == 1
    rl = r.tables["review_litigation"]
    assert [rl.cells[b]["total"].value for b in ("review", "direct_suit", "suit_after_review")] == [2, 1, 3]


def test_huaian_city_2024_clean(corpus: Path) -> None:
    """A clean report with （四）无 / 法提供 cut by the page break and tables across pages."""
    name = "003_huaian-city-2024.pdf"
    assert _found(corpus, name) == []
    r = report_from((corpus / name).read_bytes(), name)
    req = r.tables["requests"]
    assert req.cells["new_received"]["total"].value == 3119
    assert req.cells["carried_over"]["total"].value == 34
    assert req.cells["total_processed"]["total"].value == 3050
    assert req.cells["carried_forward"]["total"].value == 103
    assert req.cells["unable.needs_creation"]["total"].value == 11  # first row on page 5
    assert req.cells["unable.needs_creation"]["total"].page == 5
    rl = r.tables["review_litigation"]
    assert [rl.cells[b]["total"].value for b in ("review", "direct_suit", "suit_after_review")] == [351, 26, 20]
    table = r.document.tables[1]  # type: ignore[union-attr]
    cut = [c for row in table.rows for c in row if c.text.replace("\n", "") == "（四）无法提供"]
    assert cut
    assert all(c is cut[0] for c in cut)
    assert cut[0].rowspan == 3


def test_shanghai_2019_html(corpus: Path) -> None:
    got = _found(corpus, "015_shanghai-govoffice-2019.html")
    og206 = [f for f in got if f.code == "OG206"]
    assert [(f.location.row, f.evidence["raw"]) for f in og206] == [("procurement", "251000元")]
    og201 = [f for f in got if f.code == "OG201"]
    blanks = {c for f in og201 for c in f.evidence["cells"]}
    assert len(blanks) == 135
    assert len(og201) <= 6
    assert {"requests.granted.total", "requests.partially_granted.total", "requests.new_received.research"} <= blanks
    assert "requests.new_received.natural_person" not in blanks
    cols = next(f for f in og201 if f.evidence["group"] == "columns" and f.location.table == "requests")
    assert cols.evidence["columns"] == ["research", "public_interest"]
    assert cols.evidence["count"] == 46
    r = report_from((corpus / "015_shanghai-govoffice-2019.html").read_bytes(), "x.html")
    assert r.meta.published == "2020-01-31"
    req = r.tables["requests"]
    assert req.cells["new_received"]["total"].value == 859
    assert req.cells["total_processed"]["total"].value == 805
    assert req.cells["granted"]["total"].raw == ""
    assert req.cells["granted"]["total"].value is None


def test_shuyang_drc_2023_html(corpus: Path) -> None:
    got = _found(corpus, "016_shuyang-drc-2023.html")
    by = Counter(f.code for f in got)
    assert by["OG112"] == 1
    assert by["OG104"] == 1
    assert by["OG111"] == 1
    og111 = next(f for f in got if f.code == "OG111")
    assert (og111.location.row, og111.evidence["found"]) == ("normative_documents", "规范性文件")
    assert og111.location.line == 41
    assert next(f for f in got if f.code == "OG104").evidence.get("found", "存在的主要问题及整改措施")
    blanks = [f for f in got if f.code == "OG201"]
    assert len(blanks) == 1  # one omission (the 法人或其他组织 columns left blank), one finding
    ev = blanks[0].evidence
    assert ev["group"] == "columns"
    assert ev["columns"] == ["commercial", "research", "public_interest",
                                                          "legal_service", "other_org"]
    assert ev["count"] == len(ev["cells"]) == 25 * 5
    assert "requests.granted.commercial" in ev["cells"]
    assert blanks[0].location.line == 60
    assert blanks[0].location.table == "requests"
    r = report_from((corpus / "016_shuyang-drc-2023.html").read_bytes(), "x.html")
    assert r.meta.published == "2024-01-17"
    assert r.meta.title == "沭阳县发展和改革局2023年政府信息公开年度报告"
    assert r.tables["review_litigation"].cells["review"]["pending"].value == 1


def test_garbled_markdown_extractions_read_as_far_as_they_go(corpus: Path) -> None:
    """005: tables split and labels torn from their numbers by the PDF-to-Markdown conversion; 006:
    表二 lost a column (22|235) and 表三 lost labels. The intact rows are read; the rest is reported."""
    r5 = report_from((corpus / "005_shanghai-stcsm-2024.md").read_bytes(), "x.md")
    assert set(r5.tables) == TABLES
    assert r5.tables["review_litigation"].cells["review"]["upheld"].value == 1
    assert r5.tables["requests"].cells["new_received"]["total"].value == 34
    assert r5.tables["requests"].cells["carried_forward"]["total"].raw == ""  # the blank 总计 of 四、结转
    got5 = _found(corpus, "005_shanghai-stcsm-2024.md")
    codes5 = {f.code for f in got5}
    assert {"OG103", "OG111", "OG201", "OG903"} <= codes5  # renumbered, 规范性文件, blank 总计, torn table 三
    # 五's heading lost (OG103, its content is there) and the overview's parts as extra headings (OG114)
    assert "OG114" in codes5
    assert "OG101" not in codes5
    # the ten rows whose labels the conversion tore from their numbers are said once, not as ten OG109
    assert not codes5 & {"OG109", "OG902", "OG301", "OG302", "OG303"}
    torn = [f for f in got5 if f.code == "OG903"]
    assert len(torn) == 1
    assert torn[0].location.table == "requests"
    assert torn[0].evidence["unplaced_rows"] == 10
    assert r5.tables["requests"].unreadable_rows[:2] == ["partially_granted", "withheld.prohibited_by_law"]
    r6 = report_from((corpus / "006_shanghai-govoffice-2025.md").read_bytes(), "x.md")
    assert set(r6.tables) == TABLES
    assert r6.tables["requests"].cells["new_received"]["total"].value == 1295
    assert r6.tables["review_litigation"].cells["suit_after_review"]["total"].value == 22
    assert r6.tables["active_disclosure"].cells["licensing"]["decisions"].value == 0
    got6 = _found(corpus, "006_shanghai-govoffice-2025.md")
    short = [f for f in got6 if f.code == "OG903"]
    assert [(f.location.table, f.location.line) for f in short] == [("active_disclosure", 97), ("requests", 122)]
    assert short[0].evidence["lines"] == [97, 100]  # 规章 22|235: a value lost, not guessed
    assert short[1].evidence["unreadable_rows"] == [
        "partially_granted", "not_processed.confirmation", "other.no_correction", "other.unpaid_fee"]
    assert not [f for f in got6 if f.code == "OG109"]  # rows the conversion hid, not rows the report lacks


@pytest.mark.parametrize("suffix", [".doc", ".wps", ".ofd"])
def test_damaged_office_formats_are_reported(tmp_path: Path, suffix: str) -> None:
    """.doc/.wps go through LibreOffice and .ofd has a reader of its own (tests/test_reader_office.py,
    test_reader_ofd.py); a file that only starts like one is reported as damaged, not guessed at."""
    f = tmp_path / f"report{suffix}"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64 if suffix != ".ofd" else b"PK\x03\x04ofd")
    got = findings(f.read_bytes(), f.name)
    assert [x.code for x in got] == ["OG901"]
    assert "损坏" in got[0].message
    assert suffix.lstrip(".").upper() in got[0].message.upper()
