"""The pre-commit hook (.pre-commit-hooks.yaml) with the real pre-commit package: a temporary git
repository whose pre-commit hook runs `pre-commit try-repo <this checkout> opengov-lint`. pre-commit
installs this checkout into its own virtualenv with pip (so the package registry must be reachable, as
it is in CI). A commit with a defective report is blocked; a commit with a good one goes through."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from conftest import EXAMPLES, ROOT

if TYPE_CHECKING:
    from pathlib import Path


def _git(repo: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=False)


def test_hook_definition() -> None:
    from ruamel.yaml import YAML

    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "opengov-lint")
    assert hook["entry"] == "opengov-lint check"
    assert hook["language"] == "python"
    assert hook["require_serial"] is False
    import re

    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    for name in ("a.txt", "b.md", "c.yaml", "d.yml", "e.json", "f.html", "g.htm", "h.docx", "i.PDF"):
        assert files.search(f"reports/{name}"), name
    for name in ("a.py", "b.toml", "c.doc"):
        assert not files.search(name), name
    assert exclude.search(".pre-commit-config.yaml")
    assert exclude.search("sub/.opengov-lint.yml")
    assert not exclude.search("reports/2023.yaml")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_commit_with_a_bad_report_is_blocked_and_a_good_one_passes(tmp_path: Path) -> None:
    if subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, check=False).returncode:
        pytest.skip("this checkout is not a git repository (pre-commit try-repo needs one)")
    repo = tmp_path / "reports-repo"
    repo.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update({"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never",
                "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                "GIT_COMMITTER_EMAIL": "t@example.org"})
    assert _git(repo, "init", "-q", env=env).returncode == 0
    _git(repo, "config", "commit.gpgsign", "false", env=env)
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m pre_commit try-repo "{ROOT}" opengov-lint\n',
                    encoding="utf-8")
    hook.chmod(hook.stat().st_mode | stat.S_IXUSR)
    (repo / "reports").mkdir()

    shutil.copy(EXAMPLES / "dongshan-county-transport-2022.txt", repo / "reports" / "dongshan-2022.txt")
    _git(repo, "add", "-A", env=env)
    bad = _git(repo, "commit", "-m", "a report with defects", env=env)
    out = bad.stdout + bad.stderr
    assert bad.returncode != 0, out
    assert "opengov-lint" in out, out
    assert "Failed" in out, out
    assert "OG303" in out, out
    assert _git(repo, "rev-parse", "--verify", "HEAD", env=env).returncode != 0  # nothing was committed

    _git(repo, "rm", "-q", "--cached", "reports/dongshan-2022.txt", env=env)
    (repo / "reports" / "dongshan-2022.txt").unlink()
    shutil.copy(EXAMPLES / "qinghe-district-government-2023.txt", repo / "reports" / "qinghe-2023.txt")
    _git(repo, "add", "-A", env=env)
    good = _git(repo, "commit", "-m", "a good report", env=env)
    out = good.stdout + good.stderr
    assert good.returncode == 0, out
    assert "Passed" in out, out
    assert _git(repo, "log", "--format=%s", env=env).stdout.strip() == "a good report"
