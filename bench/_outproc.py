"""Measurements of `opengov-lint` processes: batch throughput with --jobs 1/2, cold start of the
console script, and the peak RSS of a large batch (whole process tree sampled from /proc)."""

from __future__ import annotations

import hashlib
import os
import resource
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from _common import cli, run_sampled, timed


def batch(folder: Path, jobs: int) -> dict[str, Any]:
    """`python -m opengov_lint check DIR --jobs N --output-format json -o FILE --no-progress`, with the
    peak RSS of the process tree and the CPU seconds of the main process and of its workers."""
    fd, out = tempfile.mkstemp(suffix=".json", prefix="og-bench-")
    os.close(fd)
    cmd = [sys.executable, "-m", "opengov_lint", "check", str(folder), "--jobs", str(jobs), "--output-format", "json",
           "-o", out, "--no-progress"]
    try:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall, one, tree, _, workers = run_sampled(cmd)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        extra = {"peak_rss_one_mb": one / 1024, "peak_rss_tree_mb": tree / 1024, "cpu": cpu,
                 "cpu_workers": workers, "cpu_main": cpu - workers}
        data = Path(out).read_bytes()
    finally:
        os.unlink(out)
    files = sum(1 for p in folder.iterdir() if p.is_file())
    return {"files": files, "jobs": jobs, "wall": wall, "per_second": files / wall, "per_report": wall / files,
            "findings_digest": hashlib.sha256(data).hexdigest()[:12], "findings": data.count(b'"code"'), **extra}


def throughput(folder: Path) -> dict[str, Any]:
    one, two = batch(folder, 1), batch(folder, 2)
    return {"jobs1": one, "jobs2": two, "speedup": one["wall"] / two["wall"],
            "identical": one["findings_digest"] == two["findings_digest"]}


def cold_start(files: dict[str, str], runs: int) -> dict[str, Any]:
    """Median/min/max wall and CPU seconds of fresh processes, the cases interleaved run by run."""
    exe = cli()
    cases: dict[str, list[str]] = {"python -c pass": [sys.executable, "-c", "pass"],
                                   "--version": [*exe, "--version"], "--help": [*exe, "--help"]}
    cases.update({f"check {fmt}": [*exe, "check", path] for fmt, path in files.items()})
    for cmd in cases.values():  # warm the file cache (and the .pyc files)
        timed(cmd)
    got: dict[str, list[tuple[float, float]]] = {k: [] for k in cases}
    for _ in range(runs):
        for name, cmd in cases.items():
            wall, cpu, _ = timed(cmd)
            got[name].append((wall, cpu))
    out = {}
    for name, t in got.items():
        wall, cpu = [x[0] for x in t], [x[1] for x in t]
        out[name] = {"wall_median": statistics.median(wall), "wall_min": min(wall), "wall_max": max(wall),
                     "cpu_median": statistics.median(cpu), "cpu_min": min(cpu), "cpu_max": max(cpu), "runs": runs}
    return out


def imports(module_args: list[str]) -> list[str]:
    """Heavy modules loaded by a command (for the cold-start table): runs it with -X importtime."""
    import subprocess

    from _common import child_env

    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "opengov_lint", *module_args],
                          capture_output=True, env=child_env(), check=False)
    heavy = ("pydantic", "rich", "ruamel", "lxml", "pdfplumber", "pypdfium2", "typer", "yaml", "multiprocessing")
    seen = set()
    for line in proc.stderr.decode(errors="replace").splitlines():
        if "|" not in line:
            continue
        name = line.rsplit("|", 1)[1].strip()
        top = name.split(".")[0]
        if top in heavy:
            seen.add(top)
    return sorted(seen)


def rss(folder: Path) -> dict[str, Any]:
    return batch(folder, 2)
