"""The synthetic Gongshu report in every input format (../shared/corpus/synthetic/) converts to
exactly the values of gongshu-synthetic.truth.json, through `opengov-lint convert`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from conftest import run_cli
from helpers import reading_findings as findings
from helpers import report_from

if TYPE_CHECKING:
    from pathlib import Path

FORMATS = ["docx", "pdf", "html", "gbk.html", "gbk-nometa.html", "txt", "gbk.txt"]


def _flat(node: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in node.items():
        if isinstance(v, dict):
            out.update(_flat(v, f"{prefix}{k}."))
        else:
            out[f"{prefix}{k}"] = v
    return out


@pytest.mark.parametrize("fmt", FORMATS)
def test_converts_to_the_truth(corpus: Path, fmt: str) -> None:
    truth = json.loads((corpus / "synthetic" / "gongshu-synthetic.truth.json").read_text(encoding="utf-8"))
    proc = run_cli("convert", str(corpus / "synthetic" / f"gongshu-synthetic.{fmt}"), "--to", "json")
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got["meta"]["template"] == truth["template"]
    assert got["meta"]["year"] == truth["year"]
    assert got["meta"]["issuer"] == "拱墅区退役军人事务局"
    assert _flat(got["tables"]) == _flat(truth["tables"])  # every cell, blanks as null, nothing extra
    assert [s["number"] for s in got["sections"]] == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_headings_keep_their_chinese_numbers(corpus: Path, fmt: str) -> None:
    """In the .docx, 二、…六、 and （四） are Word list numbering, not text: they are rendered."""
    r = report_from((corpus / "synthetic" / f"gongshu-synthetic.{fmt}").read_bytes(), f"g.{fmt}")
    assert [s.numbering for s in r.sections] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    texts = [p.text for p in r.paragraphs]
    assert "（四）政策解读情况" in texts
    codes = {f.code for f in findings((corpus / "synthetic" / f"gongshu-synthetic.{fmt}").read_bytes(), f"g.{fmt}")}
    assert not codes & {"OG103", "OG105", "OG101", "OG107", "OG109", "OG110", "OG902", "OG903"}


def test_docx_tracked_change_accepted(corpus: Path) -> None:
    r = report_from((corpus / "synthetic" / "gongshu-synthetic.docx").read_bytes(), "g.docx")
    first = r.section(1).paragraphs[0].text  # type: ignore[union-attr]
    assert "认真贯彻落实上级关于政府信息公开各项规定" in first
    assert "积极" not in first


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_cell_findings_in_every_format(corpus: Path, fmt: str) -> None:
    """The blank 本年增/减, the 万元 in the purchase amount; the ideographic space before 10 where the
    format keeps it (a PDF draws nothing for it)."""
    got = findings((corpus / "synthetic" / f"gongshu-synthetic.{fmt}").read_bytes(), f"g.{fmt}")
    cells = {(f.code, f.location.row, f.location.column) for f in got if f.code.startswith("OG2")}
    expected = {("OG201", "other_services", "change"), ("OG206", "procurement", "amount")}
    if fmt != "pdf":
        expected.add(("OG208", "procurement", "projects"))
    assert cells == expected
    positions = [f.location for f in got if f.code == "OG201"]
    if fmt == "pdf":
        assert positions[0].page == 4
    elif fmt != "docx":
        assert positions[0].line is not None
