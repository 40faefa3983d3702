"""Per-page CPU of a warm in-process check of the corpus's HTML pages, split into the HTML read
(readers.html.read: decode, parse, article, walk, grids), table recognition
(recognise.core.recognise_tables) and the rest (the other recognisers and the rules): the numbers of
issue 18's HTML ratio seen from inside one worker. `worker.check_one` over every HTML page of the
corpus and its synthetic folder, after one warm-up pass; best of `--rounds` rounds of `--loops` loops.
Run with `PYTHONPATH=OTHER/src` to measure another checkout.

    python bench/html_phases.py [--corpus ../shared/corpus] [--loops 20] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CORPUS


def _timed(module: Any, name: str, key: str, spent: dict[str, float]) -> None:
    inner = getattr(module, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[key] += time.process_time() - t

    setattr(module, name, wrapper)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path(os.environ.get("OPENGOV_LINT_CORPUS", CORPUS)))
    ap.add_argument("--loops", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=3)
    ns = ap.parse_args()
    files = sorted(str(p) for p in [*ns.corpus.glob("*.html"), *ns.corpus.glob("synthetic/*.html")])
    if not files:
        print(f"no HTML pages under {ns.corpus}")
        return 1
    import opengov_lint.readers.html as html
    import opengov_lint.recognise.core as core
    from opengov_lint.config.settings import Settings
    from opengov_lint.run import worker

    spent = {"read": 0.0, "tables": 0.0}
    _timed(html, "read", "read", spent)
    _timed(core, "recognise_tables", "tables", spent)
    worker.init_worker(Settings(parent_pid=os.getpid()))
    for f in files:
        worker.check_one(f)
    best: tuple[float, float, float] | None = None
    for _ in range(ns.rounds):
        spent.update(read=0.0, tables=0.0)
        t = time.process_time()
        for _ in range(ns.loops):
            for f in files:
                worker.check_one(f)
        n = ns.loops * len(files) / 1000
        got = ((time.process_time() - t) / n, spent["read"] / n, spent["tables"] / n)
        best = got if best is None or got[0] < best[0] else best
    assert best is not None
    total, read, tables = best
    print(f"{len(files)} HTML pages, ms CPU per page (best of {ns.rounds} x {ns.loops} loops, warm, in process)")
    print(f"  total {total:6.2f}   read {read:5.2f}   recognise tables {tables:5.2f}   "
          f"rest (other recognisers, rules) {total - read - tables:5.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
