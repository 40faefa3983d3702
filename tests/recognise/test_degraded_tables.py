"""A table read from a damaged source is not a defective report (issue 13, item 2).

When a conversion tears a row's label from its numbers, the numbers survive as an unlabelled row
where the template row belongs: that row is *unreadable* (one OG903 per table saying which rows),
never OG109, and nothing over it is judged (no OG2xx/OG3xx). A row the author really left out has
no such trace and stays OG109. Documents are built here in code (Markdown, as a PDF conversion
writes it)."""

from __future__ import annotations

from collections import Counter

from helpers import reading_findings as findings
from helpers import report_from

from opengov_lint.knowledge.catalog import layouts

ROWS = [r for r in layouts()["2021"].tables["requests"].rows if r.data]
VALUES = {"new_received": [1, 0, 0, 0, 0, 0, 1], "granted": [1, 0, 0, 0, 0, 0, 1],
          "total_processed": [1, 0, 0, 0, 0, 0, 1]}


def _cells(path: str) -> list[str]:
    return [str(v) for v in VALUES.get(path, [0] * 7)]


def _row(label: str, cells: list[str]) -> str:
    return "| " + " | ".join([label, *cells]) + " |\n"


def doc(torn: tuple[str, ...] = (), dropped: tuple[str, ...] = (), fused: tuple[str, ...] = ()) -> str:
    """Table 三 (2021) in Markdown. `torn`: the label is a loose line, the numbers an unlabelled
    row (what a PDF-to-Markdown conversion does); `dropped`: the row is not there at all; `fused`:
    two numbers ran together into one cell."""
    out = ["# 某某局2023年政府信息公开工作年度报告\n\n## 三、收到和处理政府信息公开申请情况\n\n",
           _row("本列数据的勾稽关系", ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]),
           "|---|---|---|---|---|---|---|---|\n"]
    for r in ROWS:
        if r.path in dropped:
            continue
        cells = _cells(r.path)
        if r.path in torn:
            sep = "|---" * 7 + "|\n"
            out.append(f"\n{r.label[:6]}\n{r.label[6:]}\n\n" + _row(cells[0], cells[1:]) + sep + "\n")
            continue
        if r.path in fused:
            cells = [cells[0] + cells[1], *cells[2:]]
        out.append(_row(r.label, cells))
    out.append("\n## 四、政府信息公开行政复议、行政诉讼情况\n")
    return "".join(out)


def _codes(text: str) -> Counter[str]:
    return Counter(f.code for f in findings(text, "r.md") if f.location.table == "requests" or f.code == "OG903")


def test_an_intact_table_has_no_reading_problem() -> None:
    r = report_from(doc(), "r.md")
    t = r.tables["requests"]
    assert not t.missing_rows
    assert not t.unreadable_rows
    assert not t.degraded
    assert not _codes(doc())


def test_rows_torn_from_their_labels_are_one_og903_not_og109() -> None:
    torn = ("partially_granted", "unable.needs_creation")
    text = doc(torn=torn)
    t = report_from(text, "r.md").tables["requests"]
    assert t.unreadable_rows == list(torn)
    assert t.missing_rows == []
    assert t.degraded
    got = [f for f in findings(text, "r.md") if f.location.table == "requests"]
    assert [f.code for f in got] == ["OG903"]  # said once; no OG109, no OG302 over the lost rows
    assert got[0].evidence["unreadable_rows"] == list(torn)
    assert got[0].evidence["unplaced_rows"] == 2
    assert "（二）部分公开" in got[0].message
    assert "2.没有现成信息需要另行制作" in got[0].message
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith("| 0 | 0 |"))
    assert got[0].location.line == line  # where the first unlabelled row of numbers is


def test_rows_the_author_left_out_stay_og109() -> None:
    text = doc(dropped=("withheld.third_party", "not_processed.repeated"))
    got = [f for f in findings(text, "r.md") if f.location.table == "requests"]
    assert sorted((f.code, f.location.row) for f in got) == [
        ("OG109", "not_processed.repeated"), ("OG109", "withheld.third_party")]


def test_torn_and_left_out_in_one_table_are_told_apart() -> None:
    """A torn row elsewhere in the table does not excuse a row the author deleted: only an absent
    row lying where an unlabelled row of numbers lies is unreadable."""
    text = doc(torn=("granted",), dropped=("other.misc",))
    t = report_from(text, "r.md").tables["requests"]
    assert t.unreadable_rows == ["granted"]
    assert t.missing_rows == ["other.misc"]
    assert _codes(text) == Counter({"OG903": 1, "OG109": 1})


def test_fused_cells_are_unassessed_not_blank_or_wrong_sums() -> None:
    """Two numbers run into one cell: the row has six cells for seven columns. It is reported once
    and not judged: no OG201 for the 'missing' cell, no OG301/OG302/OG303 over a guessed reading."""
    text = doc(fused=("new_received", "granted"))
    t = report_from(text, "r.md").tables["requests"]
    assert t.unassessed_rows == ["new_received", "granted"]
    assert t.cells["granted"] == {}
    got = [f for f in findings(text, "r.md") if f.location.table == "requests"]
    assert [f.code for f in got] == ["OG903"]
    assert got[0].evidence["cells"] == {"new_received": {"found": 6, "expected": 7},
                                        "granted": {"found": 6, "expected": 7}}


def test_table_four_values_that_cannot_be_split_are_unassessed_not_missing() -> None:
    """A text export's one row of 15 numbers for table 四 lost a number: the three blocks are there
    but cannot be placed. One OG903, no OG109 for 行政复议 / 直接起诉 / 复议后起诉."""
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "examples" / "qinghe-district-government-2023.txt").read_text(
        encoding="utf-8")
    text = text.replace("\t3\n\t1\n\t0\n\t1\n\t5\n\t1\n", "\t3\n\t1\n\t0\n\t1\n\t1\n", 1)
    t = report_from(text, "r.txt").tables["review_litigation"]
    assert t.missing_rows == []
    assert t.unassessed_rows == ["review", "direct_suit", "suit_after_review"]
    got = [f for f in findings(text, "r.txt") if f.location.table == "review_litigation"]
    assert [f.code for f in got] == ["OG903"]
    assert got[0].evidence["cells"] == {"review_litigation": {"found": 14, "expected": 15}}
