"""Worst-case time and peak memory per class of hostile input (tests/support/hostile/generate.py), each
checked in its own `opengov-lint check` process, measured with GNU time.

    python bench/hostile.py [--repeat 3]"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "support"))

from hostile.generate import build_all


def measure(path: Path) -> tuple[float, float, str]:
    cmd = ["/usr/bin/time", "-f", "%e %M", sys.executable, "-m", "opengov_lint", "check", str(path),
           "--output-format", "json", "--jobs", "1"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    last = proc.stderr.strip().splitlines()[-1].split()
    seconds, kb = float(last[0]), int(last[1])
    try:
        found = json.loads(proc.stdout)
        what = ",".join(sorted({f["code"] + (":" + f["evidence"]["reason"] if "reason" in f["evidence"] else "")
                                for f in found if f["code"].startswith("OG9")})) or f"{len(found)} findings"
    except json.JSONDecodeError:
        what = f"exit {proc.returncode}: {proc.stderr[-200:]}"
    return seconds, kb / 1024, f"exit {proc.returncode} {what}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ns = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="opengov-hostile-"))
    made = build_all(folder)
    print(f"{'input class':<24}{'worst s':>9}{'peak RSS':>11}  result")
    for name, path in made.items():
        runs = [measure(path) for _ in range(ns.repeat)]
        worst = max(r[0] for r in runs)
        rss = max(r[1] for r in runs)
        print(f"{name:<24}{worst:>9.2f}{rss:>8.0f} MB  {runs[-1][2]}")


if __name__ == "__main__":
    main()
