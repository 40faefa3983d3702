"""Shared test fixtures. Tests that use the real corpus in ../shared/corpus skip when it is absent
(a user's fresh clone has no ../shared)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parent.parent
# Installed third-party rule plugins (e.g. the README's example plugin) must not change what the suite
# sees; tests of the plugin mechanism clear this for their own subprocesses.
os.environ["OPENGOV_LINT_NO_PLUGINS"] = "1"
# Generators and in-process helpers shared by the tests (and the benchmarks) live in tests/support/.
sys.path.insert(0, str(Path(__file__).resolve().parent / "support"))
EXAMPLES = ROOT / "examples"
CORPUS = Path(os.environ.get("OPENGOV_LINT_CORPUS", ROOT.parent / "shared" / "corpus"))
# Tests see fresh results: the results cache (run/cache.py) is tested on purpose in test_office.py.
os.environ["OPENGOV_LINT_RESULTS_CACHE"] = "off"


@pytest.fixture(autouse=True)
def _ctrl_c_kept() -> Iterator[None]:
    """An in-process check (`init_worker` without the parent's pid) ignores SIGINT as a pool worker does;
    every CLI process a later test starts would inherit that and ignore Ctrl-C (the second-Ctrl-C test then
    waits for a whole batch). The test process gets its handler back after each test."""
    yield
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"real-report corpus not found at {CORPUS} (set OPENGOV_LINT_CORPUS)")
    return CORPUS


def run_cli(*args: str, cwd: Path | str = ROOT, stdin: bytes | None = None,
            env: dict[str, str] | None = None, process: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the command line. In process (typer's CliRunner, fast) unless `process=True` or the test sets
    PYTHONPATH (a plugin installed for that run): end-to-end tests ask for a real process."""
    if process or (env and "PYTHONPATH" in env):
        return run_process(*args, cwd=cwd, stdin=stdin, env=env)
    import traceback

    from typer.testing import CliRunner

    from opengov_lint.cli.app import app

    before_dir, before_env = os.getcwd(), dict(os.environ)
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, list(args), input=stdin, env={"NO_COLOR": "1", **(env or {})})
    finally:
        os.chdir(before_dir)
        os.environ.clear()
        os.environ.update(before_env)
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(result.exception))
    return subprocess.CompletedProcess(["opengov-lint", *args], result.exit_code, result.stdout, stderr)


def run_process(*args: str, cwd: Path | str = ROOT, stdin: bytes | None = None,
                env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m opengov_lint ...` in a new process: start-up, signals, exit codes as a user sees them."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    proc = subprocess.run([sys.executable, "-m", "opengov_lint", *args], cwd=cwd, capture_output=True,
                          input=stdin, env=full_env, check=False)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8", "replace"),
                                       proc.stderr.decode("utf-8", "replace"))


def check_json(*paths: str, extra: tuple[str, ...] = (), cwd: Path | str = ROOT,
               process: bool = False) -> tuple[int, list[dict]]:
    proc = run_cli("check", "--output-format", "json", "--jobs", "1", *extra, *paths, cwd=cwd, process=process)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)
