"""Third-party rules through the entry-point group `opengov_lint.rules`: the worked example in
examples/plugin/ is installed (pip, into a temporary folder put on PYTHONPATH, so the test venv stays
clean) and used like a built-in rule: listed, explained, selected, configured and reported."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from conftest import EXAMPLES, ROOT, run_cli

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(scope="module")
def plugin_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    tmp = tmp_path_factory.mktemp("plugin")
    src = tmp / "src"
    shutil.copytree(ROOT / "examples" / "plugin", src)  # builds leave files behind; keep examples/ clean
    target = tmp / "site"
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                           str(src)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (target / "opengov_lint_example_plugin" / "ex101_signature_missing.py").is_file()
    return {"PYTHONPATH": str(target), "OPENGOV_LINT_NO_PLUGINS": ""}


def test_plugin_rule_is_listed_and_explained(plugin_env: dict[str, str]) -> None:
    rules = json.loads(run_cli("rules", "--output-format", "json", env=plugin_env).stdout)
    ex = next(r for r in rules if r["code"] == "EX101")
    assert ex["name"] == "signature-missing"
    assert ex["builtin"] is False
    assert ex["default"] is True
    assert ex["summary"].startswith("The report does not end with a signature")
    proc = run_cli("explain", "EX101", env=plugin_env)
    assert proc.returncode == 0
    assert proc.stdout.startswith("# EX101 signature-missing")
    assert "`last_paragraphs`" in proc.stdout  # the Options dataclass is documented
    assert "EX101" not in run_cli("rules").stdout  # not installed in the test venv itself


def test_plugin_rule_runs_and_is_selected_and_configured(plugin_env: dict[str, str], tmp_path: Path) -> None:
    clean, unsigned = str(EXAMPLES / "qinghe-district-government-2023.txt"), str(EXAMPLES /
                                                                               "songlin-town-government-2020.txt")
    proc = run_cli("check", clean, unsigned, "--output-format", "json", "--jobs", "1", env=plugin_env)
    found = json.loads(proc.stdout)
    assert [(f["code"], f["path"]) for f in found] == [("EX101", unsigned)]
    f = found[0]
    assert f["severity"] == "warning"
    assert f["location"]["line"] == 409
    assert "落款日期" in f["message"]
    assert f["evidence"]["last_paragraphs"] == 3
    # off with --ignore, by prefix
    proc = run_cli("check", unsigned, "--ignore", "EX", "--output-format", "json", env=plugin_env)
    assert json.loads(proc.stdout) == []
    # options from the configuration, validated against the plugin's Options dataclass
    cfg = tmp_path / "cfg.yaml"
    cfg.write_text("options: {signature-missing: {last_paragraphs: 1}}\nseverity: {EX101: error}\n", encoding="utf-8")
    proc = run_cli("check", unsigned, "--config", str(cfg), "--output-format", "json", env=plugin_env)
    f = json.loads(proc.stdout)[0]
    assert proc.returncode == 1
    assert f["severity"] == "error"
    assert f["evidence"]["last_paragraphs"] == 1
    cfg.write_text("options: {EX101: {last_paragraphs: many}}\n", encoding="utf-8")
    proc = run_cli("check", unsigned, "--config", str(cfg), env=plugin_env)
    assert proc.returncode == 2
    assert "options.EX101.last_paragraphs" in proc.stderr
    assert "integer" in proc.stderr
    cfg.write_text("options: {EX101: {paragraphs: 2}}\n", encoding="utf-8")
    proc = run_cli("check", unsigned, "--config", str(cfg), env=plugin_env)
    assert proc.returncode == 2
    assert "allowed: last_paragraphs" in proc.stderr


def test_plugin_rule_in_sarif(plugin_env: dict[str, str]) -> None:
    proc = run_cli("check", str(EXAMPLES / "songlin-town-government-2020.txt"), "--output-format", "sarif",
                   env=plugin_env)
    run = json.loads(proc.stdout)["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "EX101" in ids
    assert [r["ruleId"] for r in run["results"]] == ["EX101"]
    assert run["tool"]["driver"]["rules"][ids.index("EX101")]["properties"]["source"].startswith(
        "opengov_lint_example_plugin")
