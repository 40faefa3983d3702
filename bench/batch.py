"""Batch benchmark: generate N reports (copies of the examples and, when present, the corpus text
reports, each with its own issuer name), check them with --jobs 1 and --jobs 2 (and optionally on a
local Dask cluster), and print reports/second, peak RSS of the process tree, and whether the
findings are identical across runs.

    python bench/batch.py --count 2000 [--formats txt,yaml] [--dask]

Numbers are printed, never asserted (timing does not belong in the test suite)."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CORPUS, ROOT, tree_rss_kb


def sources(formats: set[str]) -> list[Path]:
    out = [p for p in (ROOT / "examples").iterdir() if p.suffix.lstrip(".") in formats]
    if CORPUS.is_dir():
        out += [p for p in CORPUS.rglob("*") if p.is_file() and p.suffix.lstrip(".") in formats
                and "MANIFEST" not in p.name and "truth" not in p.name and "README" not in p.name]
    return sorted(out)


def generate(folder: Path, count: int, formats: set[str]) -> None:
    src = sources(formats)
    for i in range(count):
        s = src[i % len(src)]
        (folder / f"{i:05d}-{s.name}").write_bytes(s.read_bytes())


def run(args: list[str]) -> tuple[float, int, int, str]:
    fd, out = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    cmd = [sys.executable, "-m", "opengov_lint", "check", *args, "--output-format", "json", "-o", out,
           "--no-progress"]
    peak = [0, 0]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def sample() -> None:
        while proc.poll() is None:
            one, tot = tree_rss_kb(proc.pid)
            peak[0], peak[1] = max(peak[0], one), max(peak[1], tot)
            time.sleep(0.1)

    t = threading.Thread(target=sample)
    t.start()
    _, err = proc.communicate()
    t.join()
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"check failed ({proc.returncode}): {err.decode()[-2000:]}")
    data = Path(out).read_bytes()
    os.unlink(out)
    digest = hashlib.sha256(data).hexdigest()[:12]
    return seconds, peak[0], peak[1], digest


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--formats", default="txt,yaml")
    ap.add_argument("--dask", action="store_true")
    ns = ap.parse_args()
    formats = set(ns.formats.split(","))
    folder = Path(tempfile.mkdtemp(prefix="opengov-bench-"))
    try:
        generate(folder, ns.count, formats)
        print(f"{ns.count} reports ({', '.join(sorted(formats))}) in {folder}")
        print(f"{'run':<12}{'seconds':>9}{'reports/s':>11}{'peak RSS 1 proc':>17}{'peak RSS tree':>15}  findings")
        digests = set()
        for label, extra in (("--jobs 1", ["--jobs", "1"]), ("--jobs 2", ["--jobs", "2"])):
            s, one, tot, d = run([str(folder), *extra])
            digests.add(d)
            print(f"{label:<12}{s:>9.2f}{ns.count / s:>11.1f}{one / 1024:>14.0f} MB{tot / 1024:>12.0f} MB  {d}")
        if ns.dask:
            from distributed import LocalCluster

            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
            try:
                s, one, tot, d = run([str(folder), "--executor", "dask", "--scheduler", cluster.scheduler_address])
            finally:
                cluster.close()
            digests.add(d)
            print(f"{'dask (2 w.)':<12}{s:>9.2f}{ns.count / s:>11.1f}{one / 1024:>14.0f} MB{tot / 1024:>12.0f} MB  {d}")
        print("identical findings across runs:", "yes" if len(digests) == 1 else f"NO {digests}")
        print(json.dumps({"count": ns.count, "formats": sorted(formats)}))
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
