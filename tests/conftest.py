"""Shared test fixtures. Tests that use the real corpus in ../shared/corpus skip when it is absent
(a user's fresh clone has no ../shared)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Installed third-party rule plugins (e.g. the README's example plugin) must not change what the suite
# sees; tests of the plugin mechanism clear this for their own subprocesses.
os.environ["OPENGOV_LINT_NO_PLUGINS"] = "1"
# Generators and in-process helpers shared by the tests (and the benchmarks) live in tests/support/.
sys.path.insert(0, str(Path(__file__).resolve().parent / "support"))
EXAMPLES = ROOT / "examples"
CORPUS = Path(os.environ.get("OPENGOV_LINT_CORPUS", ROOT.parent / "shared" / "corpus"))


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"real-report corpus not found at {CORPUS} (set OPENGOV_LINT_CORPUS)")
    return CORPUS


def run_cli(*args: str, cwd: Path | str = ROOT, stdin: bytes | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    proc = subprocess.run([sys.executable, "-m", "opengov_lint", *args], cwd=cwd, capture_output=True,
                          input=stdin, env=full_env, check=False)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8", "replace"),
                                       proc.stderr.decode("utf-8", "replace"))


def check_json(*paths: str, extra: tuple[str, ...] = (), cwd: Path | str = ROOT) -> tuple[int, list[dict]]:
    proc = run_cli("check", "--output-format", "json", "--jobs", "1", *extra, *paths, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)
