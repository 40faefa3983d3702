"""Baselines: accept the current findings once, then see only new ones. Keys use the report identity
(issuer + year) and the cell path or paragraph, never line numbers, so re-typesetting keeps them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from conftest import EXAMPLES, check_json, run_cli

if TYPE_CHECKING:
    import subprocess


def _copy_examples(dest: Path) -> Path:
    target = dest / "examples"
    target.mkdir()
    for p in EXAMPLES.iterdir():
        if p.is_file():
            shutil.copy(p, target / p.name)
    return target


def _write_baseline(*paths: str, baseline: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    proc = run_cli("check", *paths, "--write-baseline", str(baseline), "--jobs", "2", "-q", cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    return proc


def test_write_then_check_with_the_baseline(tmp_path: Path) -> None:
    ex = _copy_examples(tmp_path)
    _, before = check_json(str(ex), cwd=tmp_path)
    baseline = tmp_path / "baseline.json"
    proc = _write_baseline(str(ex), baseline=baseline, cwd=tmp_path)
    assert f"{len(before)} finding(s)" in proc.stderr
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["schema"] == "opengov-lint/baseline/1"
    assert sum(e["count"] for e in data["findings"]) == len(before)
    e = next(x for x in data["findings"] if x["code"] == "OG303")
    assert e["report"] == "东山县交通运输局|2022"
    assert e["anchor"] == "requests.total_processed.total"
    assert not [x for x in data["findings"] if "line" in json.dumps(x["anchor"])]
    code, after = check_json(str(ex), extra=("--baseline", str(baseline)), cwd=tmp_path)
    assert code == 0
    assert after == []
    text = run_cli("check", str(ex), "--baseline", str(baseline), cwd=tmp_path)
    assert text.returncode == 0
    assert f"基线中已接受的 {len(before)} 个问题未显示" in text.stdout
    sarif = json.loads(run_cli("check", str(ex), "--baseline", str(baseline), "--output-format", "sarif",
                               cwd=tmp_path).stdout)
    assert sarif["runs"][0]["properties"]["suppressedByBaseline"] == len(before)


def test_retypeset_and_converted_reports_keep_their_accepted_findings(tmp_path: Path) -> None:
    src = EXAMPLES / "beiyuan-district-civil-affairs-2020.txt"
    baseline = tmp_path / "b.json"
    _write_baseline(str(src), baseline=baseline, cwd=tmp_path)
    # the same report with blank lines and a new paragraph early on: every line number moves
    text = src.read_text(encoding="utf-8")
    moved = tmp_path / "renamed-and-moved.txt"
    head, rest = text.split("一、总体情况", 1)
    moved.write_text(head + "\n\n本报告已按新的版式重新排版。\n\n一、总体情况" + rest, encoding="utf-8")
    _, plain = check_json(str(moved), cwd=tmp_path)
    assert plain
    assert {f["location"]["line"] for f in plain}.isdisjoint({12, 17, 89, 90})
    code, new = check_json(str(moved), extra=("--baseline", str(baseline)), cwd=tmp_path)
    assert (code, new) == (0, [])
    # converted to the canonical YAML (another format, other lines): still nothing new
    converted = tmp_path / "converted.yaml"
    assert run_cli("convert", str(src), "-o", str(converted)).returncode == 0
    code, new = check_json(str(converted), extra=("--baseline", str(baseline)), cwd=tmp_path)
    assert (code, new) == (0, [])


def test_a_planted_defect_is_the_only_new_finding(tmp_path: Path) -> None:
    ex = _copy_examples(tmp_path)
    baseline = tmp_path / "b.json"
    _write_baseline(str(ex), baseline=baseline, cwd=tmp_path)
    target = ex / "dongshan-county-transport-2022.txt"
    text = target.read_text(encoding="utf-8")
    assert "五、存在的主要问题及改进情况" in text
    target.write_text(text.replace("五、存在的主要问题及改进情况", "5、存在的主要问题及改进情况"), encoding="utf-8")
    code, new = check_json(str(ex), extra=("--baseline", str(baseline)), cwd=tmp_path)
    assert [(Path(f["path"]).name, f["code"]) for f in new] == [("dongshan-county-transport-2022.txt", "OG103")]
    assert code == 0  # a warning: below the default --fail-on error


def test_a_second_identical_finding_is_new(tmp_path: Path) -> None:
    """Counts are kept per key: a baseline with one blank cell does not hide a second one in the same place
    of another copy of the report checked in the same run."""
    src = EXAMPLES / "dongshan-county-transport-2022.yaml"
    baseline = tmp_path / "b.json"
    _write_baseline(str(src), baseline=baseline, cwd=tmp_path)
    copy = tmp_path / "copy.yaml"
    shutil.copy(src, copy)
    _, new = check_json(str(src), str(copy), extra=("--baseline", str(baseline)), cwd=tmp_path)
    assert sorted(f["code"] for f in new) == sorted(f["code"] for f in check_json(str(src))[1])
    # which of the two identical reports is "new" depends on the (path-sorted) order; exactly one of them is
    assert len({f["path"] for f in new}) == 1
    assert {f["path"] for f in new} <= {str(copy), str(src)}


def test_bad_baseline_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "b.json"
    bad.write_text("[]", encoding="utf-8")
    proc = run_cli("check", str(EXAMPLES / "qinghe-district-government-2023.txt"), "--baseline", str(bad))
    assert proc.returncode == 2
    assert "not an opengov-lint baseline" in proc.stderr
    proc = run_cli("check", str(EXAMPLES / "qinghe-district-government-2023.txt"), "--baseline",
                   str(tmp_path / "missing.json"))
    assert proc.returncode == 2
    assert "cannot be read" in proc.stderr


def test_corpus_baseline_zero_new_then_one_planted(corpus: Path, tmp_path: Path) -> None:
    """The must-show of the ecosystem issue, on the corpus .txt/.md files plus examples/ (copied to a
    temporary folder; nothing of the corpus enters the project)."""
    work = tmp_path / "reports"
    work.mkdir()
    files = sorted(corpus.glob("*.txt")) + sorted(corpus.glob("*.md")) + sorted((corpus / "synthetic").glob("*.txt"))
    for p in files:
        shutil.copy(p, work / p.name)
    _copy_examples(work)
    baseline = tmp_path / "corpus-baseline.json"
    proc = _write_baseline(str(work), baseline=baseline, cwd=tmp_path)
    accepted = sum(e["count"] for e in json.loads(baseline.read_text(encoding="utf-8"))["findings"])
    assert accepted > 50, proc.stderr
    code, new = check_json(str(work), extra=("--baseline", str(baseline), "--jobs", "2"), cwd=tmp_path)
    assert (code, new) == (0, [])
    gongshu = work / "000_gongshu-veterans-2020.txt"
    text = gongshu.read_text(encoding="utf-8")
    assert text.count("一、总体情况") == 1
    gongshu.write_text(text.replace("一、总体情况", "1、总体情况"), encoding="utf-8")
    _, new = check_json(str(work), extra=("--baseline", str(baseline), "--jobs", "2"), cwd=tmp_path)
    assert [(Path(f["path"]).name, f["code"], f["evidence"].get("found")) for f in new] == [
        ("000_gongshu-veterans-2020.txt", "OG103", "1、")]
