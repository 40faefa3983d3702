"""Start-up cost of a one-file check, as a pre-commit hook pays it on every commit.

    python bench/startup.py [--runs 10] [FILE]

Runs `opengov-lint check FILE` (default: examples/qinghe-district-government-2023.txt, a clean report)
as a fresh process RUNS times, interleaved with `opengov-lint --version` and a bare `python -c pass`
for reference, and prints the median, min and max wall time of each. Numbers, not assertions: the test
suite never times anything."""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, cli


def _cli() -> list[str]:
    return cli()


def _time(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds user+system of the child). CPU time is the steadier number on a
    shared machine; wall time is what the person committing waits."""
    env = {**os.environ, "NO_COLOR": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode(errors='replace')}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", default="examples/qinghe-district-government-2023.txt")
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    cli = _cli()
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "opengov-lint --version": [*cli, "--version"],
        f"opengov-lint check {args.file}": [*cli, "check", args.file],
    }
    for cmd in cases.values():  # warm the file cache and .pyc files once
        _time(cmd)
    times: dict[str, list[tuple[float, float]]] = {k: [] for k in cases}
    for _ in range(args.runs):
        for name, cmd in cases.items():
            times[name].append(_time(cmd))
    print(f"{args.runs} runs each, interleaved; seconds ({sys.version.split()[0]}, {os.cpu_count()} cpu, "
          f"load average {os.getloadavg()[0]:.2f})")
    for name, t in times.items():
        wall, cpu = [x[0] for x in t], [x[1] for x in t]
        print(f"  {name}\n      wall median {statistics.median(wall):.3f}  min {min(wall):.3f}  max {max(wall):.3f}"
              f"   cpu median {statistics.median(cpu):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
