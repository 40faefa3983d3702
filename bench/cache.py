"""Re-run benchmark for the results cache (run/cache.py): check a folder of N generated reports with
a cold cache, again unchanged (warm), and again after a few units resubmitted (5 % of the files
edited); print the times, the warm/cold ratio (target ≤ 10 %) and whether the findings are identical.

    python bench/cache.py [--count 1000] [--jobs 2]

Numbers are printed, never asserted (timing does not belong in the test suite)."""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import cli, table, timed
from batch import generate


def _run(folder: Path, out: Path, cache: Path, jobs: int, extra: tuple[str, ...] = ()) -> tuple[float, str]:
    os.environ["OPENGOV_LINT_CACHE_DIR"] = str(cache)
    os.environ["OPENGOV_LINT_RESULTS_CACHE"] = "on"  # _common turns it off for the other benchmarks
    wall, _cpu, _proc = timed([*cli(), "check", str(folder), "--output-format", "json", "-o", str(out),
                               "--no-progress", "--jobs", str(jobs), *extra])
    return wall, hashlib.sha256(out.read_bytes()).hexdigest()[:12]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--formats", default="txt,yaml")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="opengov-lint-cache-bench-") as tmp:
        folder, cache, out = Path(tmp) / "reports", Path(tmp) / "cache", Path(tmp) / "out.json"
        folder.mkdir()
        generate(folder, a.count, set(a.formats.split(",")))
        files = sorted(folder.iterdir())
        cold, h_cold = _run(folder, out, cache, a.jobs)
        warm, h_warm = _run(folder, out, cache, a.jobs)
        nocache, h_none = _run(folder, out, cache, a.jobs, ("--no-cache",))
        for p in files[:: 20]:  # 5 % of the units resubmit (a changed byte: the content key differs)
            p.write_bytes(p.read_bytes() + b"\n")
        partial, _ = _run(folder, out, cache, a.jobs)
        size = sum(f.stat().st_size for f in (cache / "results").glob("*.sqlite"))
    rows = [["cold cache (first run)", f"{cold:.2f}", "100 %", h_cold],
            ["warm, unchanged folder", f"{warm:.2f}", f"{warm / cold * 100:.1f} %", h_warm],
            ["--no-cache", f"{nocache:.2f}", f"{nocache / cold * 100:.1f} %", h_none],
            ["5 % of files changed", f"{partial:.2f}", f"{partial / cold * 100:.1f} %", "-"]]
    print(table(["run", "seconds", "of first run", "findings sha"], rows,
                title=f"{a.count} reports ({a.formats}), --jobs {a.jobs}; cache {size / 1e6:.1f} MB"))
    print("identical findings:", h_cold == h_warm == h_none)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
