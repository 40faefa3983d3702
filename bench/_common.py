"""Shared helpers of the benchmark scripts: paths, the console script, the child environment, timing
of subprocesses (wall and CPU), process-tree RSS from /proc, and plain-text tables."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

# Every benchmark times real checking: the results cache (run/cache.py) would answer a repeated run from the
# cache. bench/cache.py turns it on for the runs it measures.
os.environ.setdefault("OPENGOV_LINT_RESULTS_CACHE", "off")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
FORMATS = ("txt", "yaml", "json", "html", "docx", "pdf")


def cli() -> list[str]:
    """The installed console script next to the interpreter (what a user runs)."""
    script = Path(sys.executable).parent / "opengov-lint"
    if script.exists():
        return [str(script)]
    found = shutil.which("opengov-lint")
    return [found] if found else [sys.executable, "-m", "opengov_lint"]


def child_env() -> dict[str, str]:
    """Environment of timed children: .pyc files written and used (as after `pip install`), no colour."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NO_COLOR"] = "1"
    return env


def timed(cmd: Sequence[str], cwd: Path | None = None) -> tuple[float, float, subprocess.CompletedProcess[bytes]]:
    """(wall seconds, CPU seconds user+system of the child, the finished process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(list(cmd), cwd=cwd or ROOT, env=child_env(), capture_output=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), proc


def tree_rss_kb(pid: int) -> tuple[int, int]:
    """(largest single process RSS, total RSS of the process and its descendants) in KB."""
    total, largest, stack, seen = 0, 0, [pid], set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        kb = int(line.split()[1])
                        total, largest = total + kb, max(largest, kb)
            with open(f"/proc/{p}/task/{p}/children") as fh:
                stack.extend(int(x) for x in fh.read().split())
        except (OSError, ValueError):
            continue
    return largest, total


def _cpu(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far."""
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_sampled(cmd: Sequence[str], interval: float = 0.05) -> tuple[float, int, int, bytes, float]:
    """Run cmd, sampling its process tree: (wall seconds, peak KB one process, peak KB tree, stderr,
    CPU seconds of its child processes as last seen, i.e. the pool workers)."""
    peak = [0, 0]
    workers: dict[int, float] = {}
    started = time.perf_counter()
    proc = subprocess.Popen(list(cmd), cwd=ROOT, env=child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def sample() -> None:
        while proc.poll() is None:
            one, tot = tree_rss_kb(proc.pid)
            peak[0], peak[1] = max(peak[0], one), max(peak[1], tot)
            try:
                with open(f"/proc/{proc.pid}/task/{proc.pid}/children") as fh:
                    for c in fh.read().split():
                        workers[int(c)] = _cpu(int(c))
            except (OSError, ValueError, IndexError):
                pass
            time.sleep(interval)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _, err = proc.communicate()
    t.join()
    wall = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
    return wall, peak[0], peak[1], err, sum(workers.values())


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], title: str = "", left: Sequence[int] = (0,)) -> str:
    """A plain-text table; the `left` columns left-aligned (default the first), the others right-aligned."""
    cells = [[_fmt(v) for v in r] for r in rows]
    widths = [max([len(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    out = [title] if title else []
    for r in [list(headers), *cells]:
        parts = [(_ljust(v, widths[i]) if i in left else _rjust(v, widths[i])) for i, v in enumerate(r)]
        out.append("  " + "  ".join(parts).rstrip())
    return "\n".join(out)


def _fmt(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.3f}" if abs(v) < 10 else f"{v:.1f}"
    return str(v)


def _width(s: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)


def _ljust(s: str, n: int) -> str:
    return s + " " * (n - _width(s))


def _rjust(s: str, n: int) -> str:
    return " " * (n - _width(s)) + s


def ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 2)
