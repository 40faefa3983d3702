"""Long fuzzing run of every reader (the suite runs a bounded one, tests/run/test_fuzz.py).

    python bench/fuzz.py --iterations 2000 [--readers txt,html,docx] [--seed 1] [--save crashes/]

Prints executions, crashes and executions/second per reader; with --save, each crashing input is
written to a file for a regression test."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "support"))

from hostile import fuzz


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--iterations", type=int, default=2000)
    ap.add_argument("--readers", default=",".join(fuzz.READERS))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--save", default=None)
    ns = ap.parse_args()
    save = Path(ns.save) if ns.save else None
    if save:
        save.mkdir(parents=True, exist_ok=True)
    print(f"{'reader':<8}{'executions':>12}{'crashes':>9}{'exec/s':>9}")
    for reader in ns.readers.split(","):
        count = [0]

        def keep(data: bytes, message: str, reader: str = reader, count: list[int] = count) -> None:
            count[0] += 1
            if save:
                (save / f"{reader}-{count[0]:03d}.{reader}").write_bytes(data)
                (save / f"{reader}-{count[0]:03d}.txt").write_text(message, encoding="utf-8")

        started = time.perf_counter()
        out = fuzz.run(reader, ns.iterations, ns.seed, keep)
        secs = time.perf_counter() - started
        print(f"{reader:<8}{out.executions:>12}{len(out.crashes):>9}{out.executions / secs:>9.1f}")
        for _, msg in out.crashes[:3]:
            print("   ", msg[:160])


if __name__ == "__main__":
    main()
