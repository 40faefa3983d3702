"""Suppressions with a reason: canonical YAML comments (cell, row, table, whole file) and configured
ones; reasonless and malformed comments are reported (OG905), unused ones too (OG904)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from conftest import EXAMPLES, check_json, run_cli
from helpers import findings

if TYPE_CHECKING:
    from pathlib import Path

BEIYUAN = (EXAMPLES / "beiyuan-district-civil-affairs-2020.yaml").read_text(encoding="utf-8")
QINGHE = (EXAMPLES / "qinghe-district-government-2023.yaml").read_text(encoding="utf-8")
ROW = "    procurement: {projects: 12, amount: 48.30万元}"
REASON = "单位为万元，已在表头注明"


def _codes(text: str, **kw: object) -> list[tuple[str, int | None]]:
    return [(f.code, f.location.line) for f in findings(text, "case.yaml", **kw)]  # type: ignore[arg-type]


def test_without_comments() -> None:
    got = _codes(BEIYUAN)
    assert ("OG206", 60) in got
    assert ("OG208", 60) in got
    assert got.count(("OG103", 32)) == 1


def test_end_of_line_comment_suppresses_only_the_named_rule() -> None:
    got = _codes(BEIYUAN.replace(ROW, f"{ROW}  # opengov-lint: ignore[OG206] {REASON}"))
    assert ("OG206", 60) not in got
    assert ("OG208", 60) in got
    assert not [c for c, _ in got if c in ("OG904", "OG905")]


def test_comment_on_its_own_line_covers_the_next_line_and_names_work() -> None:
    text = BEIYUAN.replace(ROW, f"    # opengov-lint: ignore[cell-unit, OG208] {REASON}\n{ROW}")
    got = _codes(text)
    assert not [c for c, _ in got if c in ("OG206", "OG208", "OG904", "OG905")]


def test_table_key_comment_covers_the_table() -> None:
    text = BEIYUAN.replace("  active_disclosure:\n", f"  active_disclosure:  # opengov-lint: ignore[OG2] {REASON}\n")
    got = _codes(text)
    assert not [c for c, _ in got if c.startswith("OG2")]
    assert ("OG103", 32) in got


def test_top_of_file_comment_covers_the_whole_file() -> None:
    text = "# opengov-lint: ignore[section-numbering] 本单位公文标题按“2、”编号，已报备\n" + BEIYUAN
    got = _codes(text)
    assert not [c for c, _ in got if c == "OG103"]
    assert ("OG105", 27) in got


def test_hash_inside_a_text_block_is_not_a_comment() -> None:
    text = BEIYUAN.replace("      （五）监督保障\n", "      # opengov-lint: ignore[OG105] 不是注释\n      （五）监督保障\n")
    got = _codes(text)
    assert [c for c, _ in got if c == "OG105"]
    assert not [c for c, _ in got if c in ("OG904", "OG905")]


def test_reasonless_suppression_still_applies_and_is_reported() -> None:
    got = findings(BEIYUAN.replace(ROW, f"{ROW}  # opengov-lint: ignore[OG206]"), "case.yaml", select=["all"])
    assert "OG206" not in [f.code for f in got]
    og905 = [f for f in got if f.code == "OG905"]
    assert len(og905) == 1
    assert og905[0].severity == "warning"
    assert og905[0].location.line == 60
    assert og905[0].evidence == {"problem": "no-reason", "codes": ["OG206"]}


def test_unused_suppression_is_reported() -> None:
    row = "    fees: {amount: 86.4}"
    got = findings(QINGHE.replace(row, f"{row}  # opengov-lint: ignore[OG206] {REASON}"), "case.yaml",
                   select=["all"])
    assert [(f.code, f.severity, f.location.line) for f in got] == [("OG904", "info", 65)]
    assert got[0].evidence["codes"] == ["OG206"]
    assert "OG206" in got[0].message
    # ... but not when the rule it names did not run (nothing can be told)
    assert findings(QINGHE.replace(row, f"{row}  # opengov-lint: ignore[OG206] {REASON}"), "case.yaml",
                    select=["OG3", "OG904"]) == []


def test_configured_suppressions(tmp_path: Path) -> None:
    cfg = tmp_path / "cfg.yaml"
    cfg.write_text("""suppressions:
  - path: "dongshan-*.txt"
    codes: [OG201]
    cell: requests.withheld
    reason: 该栏数据由上级部门统计，本单位填报时留空
  - path: "dongshan-*.txt"
    codes: [OG304]
    cell: review_litigation.direct_suit
    reason: 应当不起作用
  - path: "no-such-*.txt"
    codes: [OG301]
    reason: 没有被检查的文件，不判断
""", encoding="utf-8")
    target = str(EXAMPLES / "dongshan-county-transport-2022.txt")
    _, found = check_json(target, extra=("--config", str(cfg)))
    codes = [f["code"] for f in found if f["path"] == target]
    assert "OG201" not in codes
    assert "OG304" in codes
    assert "OG303" in codes
    unused = [f for f in found if f["code"] == "OG904"]
    assert len(unused) == 1
    assert unused[0]["path"] == str(cfg)
    assert unused[0]["evidence"]["codes"] == ["OG304"]
    proc = run_cli("check", target, "--config", str(cfg))
    assert "按忽略注释或配置忽略了 1 个问题" in proc.stdout
    assert "检查了 1 个文件" in proc.stdout
    assert f"{cfg}" in proc.stdout
    assert "OG904" in proc.stdout
