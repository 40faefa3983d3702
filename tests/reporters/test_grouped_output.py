"""Grouped findings through the outputs, baselines and suppressions (issue 13, item 3): one object per
grouped finding in every machine format, a line-independent baseline key, and a text output that
caps repeated findings of one rule per report ("还有 N 处"; `--show-all` shows them all)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from conftest import check_json, run_cli

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "qinghe-district-government-2023.yaml"
BASE = EXAMPLE.read_text(encoding="utf-8")


def _blank_column(text: str = BASE) -> str:
    """Table 三's 总计 column left blank (25 cells)."""
    head, tail = text.split("  review_litigation:", 1)
    head = head.split("  requests:", 1)
    return head[0] + "  requests:" + re.sub(r"total: \d+\}", "total: null}", head[1]) + "  review_litigation:" + tail


def _write(tmp: Path, name: str, text: str) -> str:
    p = tmp / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_machine_formats_hold_one_object_per_grouped_finding(tmp_path: Path) -> None:
    path = _write(tmp_path, "r.yaml", _blank_column())
    _, found = check_json(path, extra=("--select", "OG201"))
    assert len(found) == 1
    assert found[0]["evidence"]["group"] == "columns"
    assert found[0]["location"]["column"] == "total"
    assert found[0]["location"]["row"] is None
    sarif = json.loads(run_cli("check", path, "--select", "OG201", "--output-format", "sarif").stdout)
    results = sarif["runs"][0]["results"]
    assert len(results) == 1
    assert results[0]["properties"]["evidence"]["count"] == 25
    assert results[0]["partialFingerprints"]["opengovLintKey/v1"].endswith("requests:columns:total")
    gh = run_cli("check", path, "--select", "OG201", "--output-format", "github").stdout.splitlines()
    assert len(gh) == 1
    assert gh[0].startswith("::error file=")
    assert "title=OG201 cell-blank" in gh[0]
    rows = list(csv.reader(io.StringIO(run_cli("check", path, "--select", "OG201", "--output-format", "csv")
                                       .stdout.lstrip("\ufeff"))))
    # the cells in the template's words (issue 15: no ids where a person reads)
    assert len(rows) == 2
    assert "表三 行“一、本年新收政府信息公开申请数量” 列“总计”" in rows[1][-1]


def test_baseline_key_of_a_grouped_finding_ignores_lines(tmp_path: Path) -> None:
    path = _write(tmp_path, "r.yaml", _blank_column())
    baseline = tmp_path / "b.json"
    assert run_cli("check", path, "--write-baseline", str(baseline), "-q").returncode == 0
    entries = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    og201 = [e for e in entries if e["code"] == "OG201"]
    assert [e["anchor"] for e in og201] == ["requests:columns:total"]
    moved = _write(tmp_path, "r.yaml", "# 重新排版：前面多了几行\n#\n#\n" + _blank_column())
    _, found = check_json(moved, extra=("--baseline", str(baseline)))
    assert not [f for f in found if f["code"] == "OG201"]


def test_a_baseline_of_single_cells_still_accepts_their_group(tmp_path: Path) -> None:
    """A baseline written before grouping lists the 25 cells one by one; it still covers the column."""
    path = _write(tmp_path, "r.yaml", _blank_column())
    old = tmp_path / "old.json"
    assert run_cli("check", path, "--select", "OG201", "--write-baseline", str(old), "-q").returncode == 0
    doc = json.loads(old.read_text(encoding="utf-8"))
    (group,) = doc["findings"]
    _, found = check_json(path, extra=("--select", "OG201"))
    doc["findings"] = [{**group, "anchor": cell, "count": 1} for cell in found[0]["evidence"]["cells"]]
    old.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    _, found = check_json(path, extra=("--baseline", str(old), "--select", "OG201"))
    assert found == []
    doc["findings"] = doc["findings"][1:]  # one cell short: the column is not all accepted, so it is new
    old.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    _, found = check_json(path, extra=("--baseline", str(old), "--select", "OG201"))
    assert len(found) == 1


def test_configured_suppression_by_cell_prefix_covers_a_group_inside_it(tmp_path: Path) -> None:
    path = _write(tmp_path, "r.yaml", _blank_column())
    cfg = _write(tmp_path, "c.yaml", "suppressions:\n  - path: '*.yaml'\n    codes: [OG201]\n"
                 "    cell: requests\n    reason: 总计列由上级统一计算\n")
    _, found = check_json(path, extra=("--config", cfg, "--select", "OG201"))
    assert found == []
    cfg = _write(tmp_path, "c.yaml", "suppressions:\n  - path: '*.yaml'\n    codes: [OG201]\n"
                 "    cell: requests.granted\n    reason: 只有这一行\n")
    _, found = check_json(path, extra=("--config", cfg, "--select", "OG201"))
    assert len(found) == 1  # one row's suppression does not hide the whole column
    cfg = _write(tmp_path, "c.yaml", "suppressions:\n  - path: '*.yaml'\n    codes: [OG201]\n"
                 "    cell: 'requests:columns:total'\n    reason: 按组的键忽略\n")
    _, found = check_json(path, extra=("--config", cfg, "--select", "OG201"))
    assert found == []


def _units(n: int) -> str:
    """n cells of table 三's 自然人 column written with the unit 件 (OG206 each, different values)."""
    lines = BASE.splitlines()
    start = lines.index("  requests:")
    done = 0
    for i in range(start + 1, len(lines)):
        if done < n and re.search(r"natural_person: \d+,", lines[i]):
            lines[i] = re.sub(r"natural_person: (\d+),", r"natural_person: \1件,", lines[i])
            done += 1
    return "\n".join(lines) + "\n"


def test_text_caps_repeated_findings_of_one_rule(tmp_path: Path) -> None:
    path = _write(tmp_path, "r.yaml", _units(9))
    out = run_cli("check", path, "--select", "OG206").stdout
    assert out.count("OG206 单元格内写了计量单位") == 5  # the rule's Chinese title (issue 15)
    assert "OG206 还有 4 处" in out
    assert "--show-all" in out
    en = run_cli("check", path, "--select", "OG206", "--lang", "en").stdout
    assert "OG206: and 4 more" in en
    full = run_cli("check", path, "--select", "OG206", "--show-all").stdout
    assert full.count("OG206 单元格内写了计量单位") == 9
    assert "还有" not in full
    _, found = check_json(path, extra=("--select", "OG206"))
    assert len(found) == 9  # machine formats are never capped
    cfg = _write(tmp_path, "c.yaml", "show-all: true\n")
    assert run_cli("check", path, "--select", "OG206", "--config", cfg).stdout.count("OG206 单元格内写了计量单位") == 9


def test_corpus_016_text_output_fits_on_one_screen(corpus: Path) -> None:
    out = run_cli("check", str(corpus / "016_shuyang-drc-2023.html"), "--no-progress").stdout
    assert len(out.splitlines()) <= 40, out
    assert out.count("OG201") == 1
    assert "“商业企业”“科研机构”“社会公益组织”等5列在各行（共125个单元格）为空白" in out


def test_corpus_015_blank_cells_are_a_handful_of_findings(corpus: Path) -> None:
    _, found = check_json(str(corpus / "015_shanghai-govoffice-2019.html"), extra=("--select", "OG201"))
    assert len(found) <= 6
    assert sum(f["evidence"]["count"] for f in found) == 135


def test_web_page_highlights_exactly_the_cells_of_a_group() -> None:
    """A grouped finding over two columns marks those cells, not the whole table."""
    from opengov_lint.findings import Finding, Location
    from opengov_lint.web.page import _targets

    cells = ["requests.granted.research", "requests.granted.total", "requests.new_received.research",
             "requests.new_received.natural_person"]
    f = Finding("OG201", "cell-blank", "error", "…", "r.yaml", Location(line=3, section=3, table="requests"),
                {"group": "columns", "columns": ["research"], "rows": [], "count": 2,
                 "cells": ["requests.granted.research", "requests.new_received.research"]})
    assert _targets(0, f, cells, set()) == ["c0-requests.granted.research", "c0-requests.new_received.research"]
