"""One defect, one finding (issue 13, item 3; RULES.md OG2xx preamble): a column, row or table left
blank, or the same placeholder everywhere, is one finding that names it and lists its cells.

Documents are the canonical example with cells edited here in code."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import findings

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "qinghe-district-government-2023.yaml"
BASE = EXAMPLE.read_text(encoding="utf-8")
LINES = BASE.splitlines()
REQ = next(i for i, ln in enumerate(LINES, 1) if ln.strip() == "requests:")
REV = next(i for i, ln in enumerate(LINES, 1) if ln.strip() == "review_litigation:")


def _edit(pattern: str, repl: str, start: int, stop: int) -> str:
    out = [re.sub(pattern, repl, ln) if start < i < stop else ln for i, ln in enumerate(LINES, 1)]
    return "\n".join(out) + "\n"


def _cell_findings(text: str, lang: str = "zh") -> list:  # type: ignore[type-arg]
    return findings(text, "r.yaml", select=["OG2", "OG3"], lang=lang)


def test_baseline_example_has_no_cell_findings() -> None:
    assert _cell_findings(BASE) == []


def test_one_whole_column_blank_is_one_grouped_og201() -> None:
    text = _edit(r"total: \d+\}", "total: null}", REQ, REV)  # table 三's 总计 column left blank
    got = _cell_findings(text)
    assert [f.code for f in got] == ["OG201"]  # one finding, and no arithmetic over the blanks
    f = got[0]
    assert (f.location.table, f.location.row, f.location.column) == ("requests", None, "total")
    assert f.location.line == REQ + 1
    assert f.location.section == 3
    assert f.evidence["group"] == "columns"
    assert f.evidence["columns"] == ["total"]
    assert f.evidence["count"] == 25
    assert f.evidence["cells"][0] == "requests.new_received.total"
    assert len(f.evidence["cells"]) == 25
    assert f.message == "表三“总计”列在各行（共25个单元格）为空白；没有的应填“0”"
    en = _cell_findings(text, lang="en")[0].message
    assert en == "表三, column '总计' in every row (25 cells): blank; write 0 when there is nothing to report"


def test_one_whole_row_blank_is_one_finding_naming_the_row() -> None:
    text = _edit(r"^(\s+new_received: ).*$", r"\1{natural_person: null, commercial: null, research: null, "
                 "public_interest: null, legal_service: null, other_org: null, total: null}", REQ, REV)
    got = [f for f in _cell_findings(text) if f.code == "OG201"]
    assert len(got) == 1
    f = got[0]
    assert (f.location.row, f.location.column) == ("new_received", None)
    assert f.location.line == REQ + 1
    assert f.evidence["group"] == "rows"
    assert f.evidence["count"] == 7
    assert "“一、本年新收政府信息公开申请数量”行整行（共7个单元格）为空白" in f.message


def test_the_same_placeholder_in_the_whole_table_is_one_finding() -> None:
    text = _edit(r": \d+", ": /", REV, len(LINES) + 1)
    got = [f for f in _cell_findings(text) if f.location.table == "review_litigation"]
    assert [f.code for f in got] == ["OG202"]
    assert got[0].evidence["group"] == "table"
    assert got[0].evidence["count"] == 15
    assert got[0].message == "表四全部15个数据单元格均填写了“/”，应填写数字（没有的填“0”）"


def test_different_placeholders_are_different_findings() -> None:
    """'the same placeholder everywhere' is one defect; '/' in one column and '-' in another are two."""
    text = _edit(r"(upheld|corrected): \d+", r"\1: /", REV, len(LINES) + 1)
    text = re.sub(r"(pending): \d+", r"\1: '-'", text)
    got = sorted((f.evidence.get("raw") or f.evidence["cells"][0], f.evidence.get("columns"))
                 for f in _cell_findings(text) if f.code == "OG202")
    assert [g[1] for g in got] == [["pending"], ["upheld", "corrected"]]


def test_lone_blank_cells_stay_one_finding_each() -> None:
    text = _edit(r"(granted: \{natural_person: )\d+", r"\1null", REQ, REV)  # granted and partially_granted
    text = re.sub(r"(carried_forward: \{natural_person: \d+, commercial: )\d+", r"\1null", text)
    got = [f for f in _cell_findings(text) if f.code == "OG201"]
    assert sorted((f.location.row, f.location.column) for f in got) == [
        ("carried_forward", "commercial"), ("granted", "natural_person"), ("partially_granted", "natural_person")]
    assert all("group" not in f.evidence for f in got)


def test_a_blank_column_and_a_lone_blank_are_two_findings() -> None:
    text = _edit(r"other_org: \d+", "other_org: null", REQ, REV)
    text = re.sub(r"(petition: \{natural_person: )\d+", r"\1null", text)
    got = [f for f in _cell_findings(text) if f.code == "OG201"]
    assert sorted(((f.location.row, f.location.column, f.evidence.get("count")) for f in got), key=str) == [
        ("not_processed.petition", "natural_person", None), (None, "other_org", 25)]


def test_many_scattered_blanks_of_one_table_are_one_finding() -> None:
    """Zeros left blank here and there through the table: one habit, one finding with every cell."""
    text = _edit(r"research: 0", "research: null", REQ, REV)  # not the whole column: research is 1 in 3 rows
    got = [f for f in _cell_findings(text) if f.code == "OG201"]
    assert len(got) == 1
    assert got[0].evidence["group"] == "scattered"
    assert got[0].evidence["count"] == 22
    assert got[0].location.column is None
    assert "另有22个单元格" in got[0].message
