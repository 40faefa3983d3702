"""The compiled-pattern cache (cli/patterns.py): a run keeps what it compiled, the next run gets the very
patterns the compiler would have made (equal code), a damaged or foreign file only means compiling, and
`OPENGOV_LINT_CACHE_DIR=off` keeps nothing. Each case runs in a fresh interpreter: the cache fills `re`'s
own cache, which must not leak into the test process."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from array import array
from pathlib import Path

import pytest

from opengov_lint.cli import patterns

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "qinghe-district-government-2023.txt"

pytestmark = pytest.mark.skipif(not patterns.supported(), reason="the pattern cache needs CPython 3.11-3.14")


def _check(cache: Path | str) -> subprocess.CompletedProcess[str]:
    env = {"OPENGOV_LINT_CACHE_DIR": str(cache), "NO_COLOR": "1", "PATH": "/usr/bin:/bin",
           "OPENGOV_LINT_NO_PLUGINS": "1", "OPENGOV_LINT_RESULTS_CACHE": "off"}
    return subprocess.run([sys.executable, "-m", "opengov_lint", "check", "--output-format", "json", str(EXAMPLE)],
                          cwd=ROOT, capture_output=True, text=True, env=env, timeout=120, check=False)


def _cache_file(folder: Path) -> Path:
    files = list(folder.glob("patterns-*.json"))
    assert len(files) == 1, files
    return files[0]


PROBE = """
import json, re, sys
from re import _compiler
from opengov_lint.cli import patterns
loaded = patterns.load()
entries = [e for e in json.load(open(sys.argv[1])) if len(e) == 7]
same = sum(re.compile(e[0], e[1]) == _compiler.compile(e[0], e[1]) for e in entries)
served = sum(re.compile(e[0], e[1]) is re._cache[str, e[0], e[1]] for e in entries)
print(json.dumps({"loaded": loaded, "entries": len(entries), "same": same, "served": served}))
"""


def _probe(cache: Path, file: Path) -> dict[str, int]:
    env = {"OPENGOV_LINT_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", PROBE, str(file)], capture_output=True, text=True, env=env,
                         timeout=60, check=True)
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def test_a_check_keeps_its_patterns_and_the_next_run_gets_the_same_ones(tmp_path: Path) -> None:
    first = _check(tmp_path)
    assert first.returncode == 0, first.stderr
    file = _cache_file(tmp_path)
    entries = json.loads(file.read_text())
    assert len(entries) > 50  # the recogniser's and the rules' vocabularies
    assert any("[\\u4e00-\\u9fff]" in e[0] for e in entries)  # the expensive CJK classes among them
    got = _probe(tmp_path, file)
    # every saved pattern is rebuilt, handed out by re.compile, and equal (same code) to a fresh compile
    assert got == {"loaded": len(entries), "entries": len(entries), "same": len(entries), "served": len(entries)}
    before = file.read_bytes()
    second = _check(tmp_path)
    assert second.returncode == 0, second.stderr
    assert json.loads(second.stdout) == json.loads(first.stdout)
    assert file.read_bytes() == before  # nothing new compiled: nothing written


def test_a_damaged_or_foreign_file_only_means_compiling(tmp_path: Path) -> None:
    reference = _check(tmp_path / "reference")
    file = _cache_file(tmp_path / "reference")
    good = json.loads(file.read_text())
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    target = damaged / file.name
    for content in ("{not json", json.dumps({"a": 1}), "\x00" * 100):
        target.write_text(content)
        run = _check(damaged)
        assert run.returncode == 0, run.stderr
        assert json.loads(run.stdout) == json.loads(reference.stdout)
    # entries of the wrong shape or with a program the regex engine rejects are skipped, the rest used
    program = base64.b64encode(array("I", [255, 255, 255]).tobytes()).decode()  # no such opcode
    bad_code = [good[0][0] + "x", good[0][1], good[0][2], program, 0, {}, [None]]
    target.write_text(json.dumps([["too", "short"], bad_code, *good[1:]]))
    got = _probe(damaged, target)
    assert got["loaded"] == len(good) - 1
    assert got["same"] == got["entries"] == len(good)  # the rejected one is compiled as usual
    run = _check(damaged)
    assert json.loads(run.stdout) == json.loads(reference.stdout)


def test_a_device_in_its_place_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENGOV_LINT_CACHE_DIR", str(tmp_path))
    path = Path(patterns.cache_path() or "")
    path.symlink_to("/dev/zero")  # an endless file: refused before anything is read
    # in a child limited to 1 GB of memory, so a reader that did read it fails fast instead of filling the machine
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); "
    probe = subprocess.run([sys.executable, "-c", limit + "from opengov_lint.cli import patterns; print(patterns.load())"],
                           capture_output=True, text=True, timeout=60, check=False,
                           env={"OPENGOV_LINT_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert probe.stdout.strip() == "0", probe.stderr
    run = _check(tmp_path)
    assert run.returncode == 0, run.stderr
    assert not path.is_symlink()  # the link was replaced by a cache file; /dev/zero is untouched
    assert path.is_file()


def test_off_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENGOV_LINT_CACHE_DIR", "off")
    assert patterns.cache_path() is None
    assert patterns.load() == 0
    assert patterns.save() == 0
    monkeypatch.setenv("OPENGOV_LINT_CACHE_DIR", str(tmp_path))
    assert patterns.cache_path() is not None
    assert Path(patterns.cache_path() or "").parent == tmp_path
