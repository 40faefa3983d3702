"""What the main process of a batch keeps, by allocation site: `tracemalloc` in the main process only
(the workers stop it as they start), a snapshot just before the reporter's `finish()`, compared between
two runs. Issue 18 found what grew from 2,000 to 20,000 reports this way. Usage:

    python bench/heap.py snap OUT.snap check FOLDER --jobs 2 --no-cache --output-format json -o out.json
    python bench/heap.py diff SMALL.snap LARGE.snap [--by lineno|traceback] [--top 15]

`snap` runs `opengov-lint check ...` in this process (so it is slower than a plain run) and prints the
traced memory before and during `finish()`; `diff` prints the allocation sites that grew most.
"""

from __future__ import annotations

import argparse
import sys
import tracemalloc
from typing import Any


def snap(out: str, argv: list[str]) -> None:
    tracemalloc.start(12)
    from opengov_lint.run import batch, pool

    serve = pool._serve

    def untraced(conn: Any, settings: Any) -> None:
        tracemalloc.stop()  # a worker's memory is not the question
        serve(conn, settings)

    finish = batch._finish_undisturbed

    def snapshot_first(reporter: Any) -> bool:
        tracemalloc.take_snapshot().dump(out)
        cur, peak = tracemalloc.get_traced_memory()
        print(f"traced before finish: {cur / 1e6:.2f} MB (peak so far {peak / 1e6:.2f} MB)", file=sys.stderr)
        tracemalloc.reset_peak()
        try:
            return bool(finish(reporter))
        finally:
            print(f"peak during finish: {tracemalloc.get_traced_memory()[1] / 1e6:.2f} MB", file=sys.stderr)

    pool._serve = untraced
    batch._finish_undisturbed = snapshot_first
    from opengov_lint.cli.entry import main

    sys.argv = ["opengov-lint", *argv]
    main()


def diff(small: str, large: str, by: str, top: int) -> None:
    keep = [tracemalloc.Filter(False, tracemalloc.__file__)]
    a = tracemalloc.Snapshot.load(small).filter_traces(keep)
    b = tracemalloc.Snapshot.load(large).filter_traces(keep)
    total = [sum(s.size for s in x.statistics("filename")) / 1e6 for x in (a, b)]
    print(f"traced: {total[0]:.2f} MB -> {total[1]:.2f} MB")
    for stat in b.compare_to(a, by)[:top]:
        print(stat)
        if by == "traceback":
            for line in stat.traceback.format()[-12:]:
                print("   ", line)


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "snap":
        snap(sys.argv[2], sys.argv[3:])
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["diff"])
    ap.add_argument("small")
    ap.add_argument("large")
    ap.add_argument("--by", default="lineno", choices=["lineno", "traceback", "filename"])
    ap.add_argument("--top", type=int, default=15)
    ns = ap.parse_args()
    diff(ns.small, ns.large, ns.by, ns.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
