"""A batch survives its parts (issue 14): a killed worker costs only its file, a deadline holds even
when a reader never returns to Python, Ctrl-C/SIGTERM stop within seconds with a valid output of what
was checked, a full disk during --fix leaves the input intact and the batch going."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import xml.dom.minidom
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, ROOT

REPORT = EXAMPLES / "dongshan-county-transport-2022.txt"


def _copies(folder: Path, n: int) -> list[str]:
    paths = []
    for i in range(n):
        p = folder / f"r{i:03d}.txt"
        shutil.copy(REPORT, p)
        paths.append(str(p))
    return paths


def _settings(timeout: float | None = 120.0) -> Any:
    from opengov_lint.config.settings import Settings

    s = Settings()
    s.timeout, s.parent_pid = timeout, os.getpid()
    return s


def _blocked_forever(path: str, *args: object) -> Any:
    """A reader stuck in C code: the alarm signal is blocked, so only a kill can end it."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    while True:
        time.sleep(3600)


def test_killed_worker_costs_only_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from opengov_lint.run import worker
    from opengov_lint.run.pool import Pool

    paths = _copies(tmp_path, 8)
    real = worker.check_one

    def dies_on_r3(path: str, *args: Any) -> Any:
        if path.endswith("r003.txt"):
            os.kill(os.getpid(), signal.SIGKILL)  # the OOM killer
        return real(path, *args)

    monkeypatch.setattr(worker, "check_one", dies_on_r3)
    settings = _settings()
    worker.init_worker(settings)
    results = list(Pool(settings, 2).run(paths))
    assert [r.path for r in results] == paths  # every file, in input order
    died = [r for r in results if r.findings and r.findings[0].evidence.get("reason") == "worker-died"]
    assert [Path(r.path).name for r in died] == ["r003.txt"]
    assert all({f.code for f in r.findings} >= {"OG301"} for r in results if r not in died)


def test_deadline_holds_when_the_reader_never_returns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from opengov_lint.run import worker
    from opengov_lint.run.pool import Pool, deadline_for

    paths = _copies(tmp_path, 4)
    real = worker.check_one
    monkeypatch.setattr(worker, "check_one",
                        lambda p, *a: _blocked_forever(p) if p.endswith("r001.txt") else real(p, *a))
    settings = _settings(timeout=1.0)
    worker.init_worker(settings)
    started = time.monotonic()
    results = list(Pool(settings, 2).run(paths))
    wall = time.monotonic() - started
    limit = deadline_for(1.0)
    assert limit is not None
    assert wall < limit + 5, wall  # 1 s limit + 2 s grace, then killed and replaced
    reasons = {Path(r.path).name: r.findings[0].evidence.get("reason") for r in results if not r.readable}
    assert reasons == {"r001.txt": "timeout"}
    assert "timeout" in results[1].findings[0].message


def test_timeout_is_never_reported_as_damaged() -> None:
    """FileTimeout is not an Exception: a reader's `except Exception` (a damaged PDF page) cannot eat it."""
    from opengov_lint.run.worker import FileTimeout

    assert not issubclass(FileTimeout, Exception)


def test_timeout_under_dask_is_a_timeout(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    paths = _copies(tmp_path, 2)
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=True, dashboard_address=None)
    try:
        started = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "opengov_lint", "check", "--output-format", "json", *paths,
                               "--executor", "dask", "--scheduler", cluster.scheduler_address, "--timeout", "0.0005"],
                              cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
        wall = time.monotonic() - started
    finally:
        cluster.close()
    found = json.loads(proc.stdout)
    assert [(f["code"], f["evidence"]["reason"]) for f in found] == [("OG901", "timeout")] * 2
    assert wall < 60


def _start(args: list[str], tmp_path: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.Popen([sys.executable, "-m", "opengov_lint", "check", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _wait_for_workers(proc: subprocess.Popen[bytes], n: int = 1, within: float = 30) -> list[int]:
    end = time.monotonic() + within
    while time.monotonic() < end:
        kids = _children(proc.pid)
        if len(kids) >= n:
            return kids
        time.sleep(0.1)
    return _children(proc.pid)


def test_sigkill_of_a_worker_in_a_real_batch(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    paths = _copies(folder, 40)
    out = tmp_path / "out.xml"
    proc = _start([str(folder), "--jobs", "2", "--output-format", "junit", "-o", str(out)], tmp_path)
    kids = _wait_for_workers(proc, 1)
    assert kids, "no worker process seen"
    os.kill(kids[0], signal.SIGKILL)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, (err.decode(), kids)
    assert out.exists(), (err.decode(), kids)
    doc = xml.dom.minidom.parse(str(out))
    cases = doc.getElementsByTagName("testcase")
    assert sorted(c.getAttribute("name") for c in cases) == sorted(paths)  # no file lost from the output
    died = [c for c in cases if "worker" in c.toxml() and "died" in c.toxml()]
    assert len(died) <= 1


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signal_stops_within_seconds_with_valid_output(tmp_path: Path, sig: int, code: int) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _copies(folder, 2000)  # enough that the signal comes while files are still being checked
    out = tmp_path / "out.json"
    proc = _start([str(folder), "--jobs", "2", "--output-format", "json", "-o", str(out)], tmp_path)
    kids = _wait_for_workers(proc, 2)
    time.sleep(1.0)
    proc.send_signal(sig)
    sent = time.monotonic()
    _o, err = proc.communicate(timeout=60)
    stopped = time.monotonic() - sent
    if proc.returncode in (0, 1):
        pytest.skip("the batch finished before the signal")
    assert proc.returncode == code, err.decode()
    assert stopped < 10, stopped
    got = json.loads(out.read_text(encoding="utf-8"))  # valid JSON of what was checked
    assert got
    assert {Path(f["path"]).parent for f in got} == {folder}
    time.sleep(0.5)
    assert not [k for k in kids if Path(f"/proc/{k}").exists() and "Z" not in _state(k)]  # workers gone
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".opengov-lint-")]


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[1].split()[0]
    except (OSError, IndexError):
        return "Z"


def test_second_ctrl_c_exits_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _copies(folder, 2000)  # enough that the signal comes while files are still being checked
    proc = _start([str(folder), "--jobs", "2", "--output-format", "json", "-o", str(tmp_path / "o.json")], tmp_path)
    _wait_for_workers(proc, 2)
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    proc.send_signal(signal.SIGINT)
    sent = time.monotonic()
    proc.communicate(timeout=30)
    assert proc.returncode in (130, 0, 1)
    assert time.monotonic() - sent < 10


def test_full_disk_during_fix_keeps_the_input_and_the_batch_goes_on(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from opengov_lint import fsutil
    from opengov_lint.run import worker

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    for p in (a, b):
        p.write_text(REPORT.read_text(encoding="utf-8").replace("\t0\n", "\t０\n", 1), encoding="utf-8")
    before = {p: p.read_bytes() for p in (a, b)}

    def full_disk(fd: int, mode: str = "r", *args: Any, **kw: Any) -> Any:
        os.close(fd)
        return open("/dev/full", mode)  # every write fails with ENOSPC

    monkeypatch.setattr(fsutil.os, "fdopen", full_disk)
    settings = _settings()
    settings.fix = "apply"
    worker.init_worker(settings)
    results = [worker.check_one(str(p)) for p in (a, b)]
    assert all(r.readable and any(f.code == "OG208" for f in r.findings) for r in results)  # checked, not fixed
    assert {p: p.read_bytes() for p in (a, b)} == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".opengov-lint-")]
    with pytest.raises(OSError, match="No space left") as err:
        fsutil.atomic_write_bytes(str(a), b"x")
    assert err.value.errno == errno.ENOSPC
    assert a.read_bytes() == before[a]
