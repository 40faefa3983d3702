"""Re-runs (results cache, --from-failed), folder walks (ignore files, the tool's own files, nearest
configuration) and the conventions users expect from ruff (concise, gitlab, colours, unique JUnit
testcases, xlsx needs -o, PDF pages in GitHub annotations, the not-checked status)."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, run_cli

DONG = EXAMPLES / "dongshan-county-transport-2022.txt"
LANXI = EXAMPLES / "lanxi-county-market-regulation-2024.txt"


def _folder(tmp_path: Path) -> Path:
    root = tmp_path / "reports"
    root.mkdir()
    shutil.copy(DONG, root / "a.txt")
    shutil.copy(LANXI, root / "b.txt")
    return root


def _cached_env(tmp_path: Path) -> dict[str, str]:
    return {"OPENGOV_LINT_RESULTS_CACHE": "on", "OPENGOV_LINT_CACHE_DIR": str(tmp_path / "cache")}


def test_cache_gives_the_same_findings_and_sees_changes(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    env = _cached_env(tmp_path)
    args = ("check", str(root), "--output-format", "json", "--jobs", "1")
    first = run_cli(*args, env=env)
    files = list((tmp_path / "cache" / "results").glob("*.sqlite"))
    assert len(files) == 1
    second = run_cli(*args, env=env)
    assert second.stdout == first.stdout
    assert second.returncode == first.returncode == 1
    assert len(_stored(files[0])) == 2
    # a unit resubmits a corrected report: its findings change, the other file still comes from the cache
    (root / "a.txt").write_text(LANXI.read_text(encoding="utf-8"), encoding="utf-8")
    third = run_cli(*args, env=env)
    assert third.returncode == 0
    assert json.loads(third.stdout) == []
    # another configuration is another cache key
    run_cli(*args, "--ignore", "OG201", env=env)
    assert len(list((tmp_path / "cache" / "results").glob("*.sqlite"))) == 2


def test_cache_hit_is_used_and_no_cache_bypasses_it(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    env = _cached_env(tmp_path)
    run_cli("check", str(root), "--jobs", "1", env=env)
    cache = next((tmp_path / "cache" / "results").glob("*.sqlite"))
    with contextlib.closing(sqlite3.connect(cache)) as db, db:
        for key, text in db.execute("SELECT key, result FROM results").fetchall():
            result = json.loads(text)
            for f in result["findings"]:  # tamper: a cached result says what the cache holds
                f["message"] = "来自缓存"
            db.execute("UPDATE results SET result = ? WHERE key = ?", (json.dumps(result, ensure_ascii=False), key))
    assert "来自缓存" in run_cli("check", str(root), "--jobs", "1", env=env).stdout
    assert "来自缓存" not in run_cli("check", str(root), "--jobs", "1", "--no-cache", env=env).stdout


def test_corrupt_cache_is_ignored(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    env = _cached_env(tmp_path)
    first = run_cli("check", str(root), "--output-format", "json", "--jobs", "1", env=env)
    cache = next((tmp_path / "cache" / "results").glob("*.sqlite"))
    cache.write_text("{not a database" * 100, encoding="utf-8")
    again = run_cli("check", str(root), "--output-format", "json", "--jobs", "1", env=env)
    assert again.stdout == first.stdout
    assert again.returncode == 1
    assert len(_stored(cache)) == 2  # started again
    # a result of an older layout (or damaged JSON) in a sound file: that file is checked again
    with contextlib.closing(sqlite3.connect(cache)) as db, db:
        db.execute("UPDATE results SET result = '{\"path\": 1}'")
    assert run_cli("check", str(root), "--output-format", "json", "--jobs", "1", env=env).stdout == first.stdout


def test_old_json_cache_files_are_removed(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    env = _cached_env(tmp_path)
    old = tmp_path / "cache" / "results" / "0123abcd.json"
    old.parent.mkdir(parents=True)
    old.write_text('{"format": 2, "entries": {}}', encoding="utf-8")
    run_cli("check", str(root), "--jobs", "1", env=env)
    assert not old.exists()
    assert len(list(old.parent.glob("*.sqlite"))) == 1


def test_cache_holds_no_result_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The main process keeps a digest and a flag per file, and reads each hit back when its turn comes."""
    from opengov_lint.config.settings import Settings
    from opengov_lint.run.cache import Cache, cached_batch
    from opengov_lint.run.executors import run_batch

    root = _folder(tmp_path)
    monkeypatch.setenv("OPENGOV_LINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("OPENGOV_LINT_RESULTS_CACHE", "on")
    files = sorted(str(p) for p in root.iterdir())
    settings = Settings()
    first = [r.findings for r in cached_batch(files, settings, 1, True, run_batch)]
    store = Cache.open(settings)
    assert store is not None
    assert store.scan(files) == len(files)
    assert len(store.digests) == 32 * len(files)
    assert list(store.hits) == [1] * len(files)
    assert store.files is files  # the caller's list (a PathList in a batch), not a copy
    assert not [v for v in vars(store).values() if isinstance(v, (dict, list)) and v and v is not files]
    store.close()
    again = list(cached_batch(files, settings, 1, True, run_batch))
    assert [r.findings for r in again] == first
    assert all(r.cached for r in again)


def _stored(file: Path) -> list[tuple[str, str]]:
    with contextlib.closing(sqlite3.connect(file)) as db:
        return db.execute("SELECT key, result FROM results").fetchall()


def test_cache_round_trip_keeps_every_field() -> None:
    from array import array

    from opengov_lint.findings import Finding, Location
    from opengov_lint.model.batch import ReportSummary
    from opengov_lint.results import FileResult, ReportFacts
    from opengov_lint.run.cache import result_from_json, result_to_json

    f = Finding("OG201", "cell-blank", "error", "空白", "a.txt", Location(line=3, table="requests", row="granted",
                                                                              column="total"), {"cells": ["x"]})
    s = ReportSummary("a.txt", "甲", "甲局", 2023, "2021", keys=("a", "b"), values=array("d", [1.0, float("nan")]))
    r = FileResult("a.txt", [f], ReportFacts("甲局", "department", 2023, "2021", "txt", "t", {"granted": 1.0}),
                   summary=s, skipped=None)
    back = result_from_json(json.loads(json.dumps(result_to_json(r))))
    assert back.findings == [f]
    assert back.facts == r.facts
    assert back.cached
    assert back.summary is not None
    assert back.summary.value("a") == 1.0
    assert back.summary.value("b") is None


def test_from_failed_rechecks_only_failed_files(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    out = tmp_path / "findings.json"
    run_cli("check", str(root), "--output-format", "json", "-o", str(out))
    proc = run_cli("check", "--from-failed", str(out), "--output-format", "junit")
    cases = ET.fromstring(proc.stdout).iter("testcase")
    assert [c.get("name") for c in cases] == [str(root / "a.txt")]
    bad = tmp_path / "x.json"
    bad.write_text('{"a": 1}', encoding="utf-8")
    assert run_cli("check", "--from-failed", str(bad)).returncode == 2


def test_ignore_files_and_tool_files_in_folder_walks(tmp_path: Path) -> None:
    from opengov_lint.run.sources import expand

    root = _folder(tmp_path)
    (root / "drafts").mkdir()
    shutil.copy(DONG, root / "drafts" / "d.txt")
    shutil.copy(DONG, root / "drafts" / "keep.txt")
    (root / ".gitignore").write_text("drafts/*\n!drafts/keep.txt\n", encoding="utf-8")
    (root / "sub").mkdir()
    shutil.copy(DONG, root / "sub" / "old.txt")
    shutil.copy(DONG, root / "sub" / "new.txt")
    (root / "sub" / ".opengov-lintignore").write_text("old.txt\n", encoding="utf-8")
    (root / "x.egg-info").mkdir()
    (root / "x.egg-info" / "SOURCES.txt").write_text("setup.py\n", encoding="utf-8")
    (root / "r.truth.json").write_text("{}", encoding="utf-8")
    (root / "baseline.json").write_text('{"schema": "opengov-lint/baseline/1", "findings": []}', encoding="utf-8")
    (root / "list.yaml").write_text("- {path: a.txt, issuer: 甲}\n", encoding="utf-8")  # a manifest
    shutil.copy(EXAMPLES / "qinghe-district-government-2023.yaml", root / "report.yaml")
    got = sorted(Path(p).relative_to(root).as_posix() for p in expand([str(root)]))
    assert got == ["a.txt", "b.txt", "drafts/keep.txt", "report.yaml", "sub/new.txt"]
    # named directly, a file is always checked
    assert list(expand([str(root / "sub" / "old.txt")])) == [str(root / "sub" / "old.txt")]


def test_configuration_nearest_to_each_file(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    (root / "sub").mkdir()
    shutil.copy(DONG, root / "sub" / "c.txt")
    (root / "sub" / ".opengov-lint.yaml").write_text("ignore: [OG201]\n", encoding="utf-8")
    proc = run_cli("check", "reports", "--output-format", "json", cwd=tmp_path)
    codes = {(Path(f["path"]).name, f["code"]) for f in json.loads(proc.stdout)}
    assert ("a.txt", "OG201") in codes
    assert ("c.txt", "OG201") not in codes
    assert ("c.txt", "OG301") in codes
    # --config: one configuration for every file
    cfg = tmp_path / "all.yaml"
    cfg.write_text("select: [OG201]\n", encoding="utf-8")
    proc = run_cli("check", "reports", "--output-format", "json", "--config", str(cfg), cwd=tmp_path)
    codes = {(Path(f["path"]).name, f["code"]) for f in json.loads(proc.stdout)}
    assert codes == {("a.txt", "OG201"), ("c.txt", "OG201")}


def test_concise_is_one_line_per_finding() -> None:
    proc = run_cli("check", str(DONG), "--output-format", "concise")
    lines = proc.stdout.strip().splitlines()
    body = lines[:-1]
    assert len(body) == 6
    assert all(ln.startswith(f"{DONG}:") for ln in body)
    assert body[0].split(" ")[1] == "OG301"
    assert "[错误]" in body[0]


def test_gitlab_code_quality() -> None:
    proc = run_cli("check", str(DONG), "--output-format", "gitlab")
    items = json.loads(proc.stdout)
    assert len(items) == 6
    assert proc.returncode == 1
    for it in items:
        assert set(it) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert it["location"]["path"] == str(DONG)
        assert it["location"]["lines"]["begin"] >= 1
        assert it["severity"] in ("major", "minor", "info")
    assert len({it["fingerprint"] for it in items}) == len(items)
    again = json.loads(run_cli("check", str(DONG), "--output-format", "gitlab").stdout)
    assert [i["fingerprint"] for i in again] == [i["fingerprint"] for i in items]


@pytest.mark.parametrize(("env", "flag", "coloured"), [({"FORCE_COLOR": "1", "NO_COLOR": ""}, None, True),
                                                       ({}, "always", True), ({"FORCE_COLOR": "1"}, "never", False),
                                                       ({}, None, False)])
def test_colour_choice(env: dict[str, str], flag: str | None, coloured: bool) -> None:
    args = ["check", str(DONG)] + (["--color", flag] if flag else [])
    proc = run_cli(*args, env=env)
    assert ("\x1b[" in proc.stdout) is coloured


def test_bad_colour_is_a_usage_error() -> None:
    assert run_cli("check", str(DONG), "--color", "rainbow").returncode == 2


def test_junit_testcases_are_unique(tmp_path: Path) -> None:
    root = tmp_path / "r"
    root.mkdir()
    shutil.copy(DONG, root / "a-2022.txt")
    text = DONG.read_text(encoding="utf-8").replace("2022", "2023").replace("2021", "2022")
    (root / "a-2023.txt").write_text(text, encoding="utf-8")
    proc = run_cli("check", str(root), "--output-format", "junit")
    suite = ET.fromstring(proc.stdout)
    names = [c.get("name") for c in suite.iter("testcase")]
    assert len(names) == len(set(names)) == 2
    failures = [f.get("type") for f in suite.iter("failure")]
    assert any(t.startswith("OG601") for t in failures)  # the cross-document finding joined its file's case


def test_xlsx_without_output_is_refused() -> None:
    proc = run_cli("check", str(DONG), "--output-format", "xlsx")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "-o" in proc.stderr


def test_github_annotation_names_the_pdf_page() -> None:
    from opengov_lint.findings import Finding, Location
    from opengov_lint.reporters.github import GithubReporter
    from opengov_lint.results import FileResult

    out = io.StringIO()
    r = GithubReporter(out)
    r.file(FileResult("r.pdf", [Finding("OG201", "cell-blank", "error", "空白", "r.pdf", Location(page=4))]))
    assert out.getvalue().startswith("::error file=r.pdf,line=1,title=OG201 cell-blank (第4页 / page 4)::")


def test_not_checked_report_is_never_passed() -> None:
    from opengov_lint.reporters.tabular import Ledger
    from opengov_lint.results import FileResult

    for skipped, shown in (("not_checked", "未检查"), ("not_a_report", "不适用")):
        result = FileResult("old.txt", skipped=skipped)
        assert result.status() == skipped
        assert Ledger("zh").file(result).cells()[10] == shown
    assert FileResult("x.txt", readable=False).status() == "unreadable"


def test_order_key_severity_then_template() -> None:
    from opengov_lint.findings import Finding, Location
    from opengov_lint.reporters.labels import order_key

    def f(sev: str, row: str, col: str, line: int) -> Finding:
        return Finding("OG201", "cell-blank", sev, "", "a", Location(line=line, section=3, table="requests", row=row,
                                                                      column=col))

    items = [f("warning", "new_received", "total", 1), f("error", "carried_forward", "total", 2),
             f("error", "new_received", "total", 900), f("error", "new_received", "natural_person", 950)]
    got = sorted(items, key=order_key)
    assert [(x.severity, x.location.row, x.location.column) for x in got] == [
        ("error", "new_received", "natural_person"), ("error", "new_received", "total"),
        ("error", "carried_forward", "total"), ("warning", "new_received", "total")]


def test_every_builtin_rule_has_a_chinese_title() -> None:
    from opengov_lint.registry.rules import all_rules
    from opengov_lint.reporters.labels import rule_title

    for r in all_rules():
        title = rule_title(r.code, r.name)
        assert title != r.name, (r.code, title)
        assert all("\u4e00" <= ch <= "\u9fff" or ch in "、，（）" for ch in title if not ch.isdigit() and ch not in "OG"), (r.code, title)
    assert rule_title("OG201", "cell-blank", "en") == "cell-blank"
    assert ROOT.joinpath("rules", "titles.yaml").is_file()


@pytest.mark.parametrize("value", [
    {"code": "OG201", "line": 3, "page": None, "ok": True, "no": False, "ratio": 0.5, "nan": float("nan"),
     "text": "中文\"\n\\\t\u2028", "cells": [["a", 1], [], {}], "inner": {"k": {"deep": [1, (2, "x")]}}},
    {1: "non-string keys", 2: [3]},
    {"mixed": {1: 2}, "big": 10**40, "neg": -0.0, "inf": float("-inf")},
    [], {}, "s", 0, None,
])
def test_json_finding_text_is_the_standard_indentation(value: object) -> None:
    """The JSON reporter's fast indenter writes exactly what json.dumps(indent=2) writes."""
    from opengov_lint.reporters.jsonfmt import indented

    assert indented(value) == json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")


@pytest.mark.parametrize("reason", ["worker-died", "timeout"])
def test_a_file_the_tool_failed_on_is_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 reason: str) -> None:
    """A worker killed (OOM, a crash) or a timeout is OG901 for this run only: the next run checks the file."""
    from opengov_lint.config.settings import Settings
    from opengov_lint.results import FileResult
    from opengov_lint.run.cache import Cache
    from opengov_lint.run.pool import unchecked

    root = _folder(tmp_path)
    monkeypatch.setenv("OPENGOV_LINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("OPENGOV_LINT_RESULTS_CACHE", "on")
    files = sorted(str(p) for p in root.iterdir())
    settings = Settings()
    store = Cache.open(settings)
    assert store is not None
    assert store.scan(files) == 0
    failed = unchecked(files[0], settings, reason)
    assert failed.findings[0].evidence["reason"] == reason
    store.add(0, failed)
    store.add(1, FileResult(files[1]))
    store.close()
    again = Cache.open(settings)
    assert again is not None
    assert again.scan(files) == 1
    assert list(again.hits) == [0, 1]
