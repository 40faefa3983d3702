"""Issue 18 item 1 (one text index per report): the in-process CPU milliseconds of the recognise and rules
phases over the corpus's text-like documents (txt, md, html, docx; not PDF: its reading dwarfs both) and
the examples (txt and canonical YAML), and the CPU of a fresh one-file check, for this checkout and
optionally an older one, measured alternately in one run. Usage:

    python bench/textphases.py [--before OTHER/src] [--repeats 7] [--rounds 3] [--cold-runs 7]

`--before OTHER/src` measures also with `PYTHONPATH=OTHER/src` (an older commit unpacked with
`git archive COMMIT | tar -x -C OTHER`, its `rules/` linked in as `src/opengov_lint/catalog`). Each round
runs every checkout once in a fresh process; the table shows the smallest round (the least disturbed by
other work on a shared machine) and the median of the one-file checks.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CORPUS as _CORPUS
from _common import ROOT, child_env, table

CORPUS = Path(os.environ.get("OPENGOV_LINT_CORPUS", _CORPUS))
KINDS = (".txt", ".md", ".html", ".docx", ".yaml")
ONE_FILE = ROOT / "examples" / "qinghe-district-government-2023.txt"


def files() -> list[str]:
    found = [p for d in (CORPUS, CORPUS / "synthetic") if d.is_dir() for p in sorted(d.iterdir())]
    found += sorted((ROOT / "examples").iterdir())
    return [str(p) for p in found if p.suffix in KINDS and p.is_file()]


def _child(paths: list[str], repeats: int) -> None:
    """In a fresh process: the summed per-document medians of the recognise and rules phases, as JSON."""
    import _inproc

    total = {"recognise": 0.0, "rules": 0.0}
    for p in paths:
        d = _inproc.phases(p, repeats)
        for k in total:
            total[k] += d[k]
    print(json.dumps({k: v * 1000 for k, v in total.items()}))


def _env(src: str | None, label: str) -> dict[str, str]:
    env = child_env()
    if src:
        env["PYTHONPATH"] = src
    env["OPENGOV_LINT_CACHE_DIR"] = os.path.join(tempfile.gettempdir(), f"og-textphases-cache-{label}")
    return env


def phases(env: dict[str, str], paths: list[str], repeats: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", str(repeats), *paths], env=env, cwd=ROOT,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def cold(env: dict[str, str]) -> float:
    cmd = [sys.executable, "-m", "opengov_lint", "check", "--no-cache", str(ONE_FILE)]
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, env=env, cwd=tempfile.gettempdir(), capture_output=True, check=False)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        _child(sys.argv[3:], int(sys.argv[2]))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--before", default=None, help="src folder of another checkout, run with PYTHONPATH")
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--cold-runs", type=int, default=7)
    ns = ap.parse_args()
    paths = files()
    envs = {"after": _env(None, "after")}
    if ns.before:
        envs = {"before": _env(ns.before, "before"), **envs}
    for env in envs.values():  # .pyc files and the catalogue cache exist, as after a normal install
        subprocess.run([sys.executable, "-m", "opengov_lint", "check", "--no-cache", str(ONE_FILE)], env=env,
                       cwd=tempfile.gettempdir(), capture_output=True, check=False)
    rounds: dict[str, list[dict[str, float]]] = {k: [] for k in envs}
    colds: dict[str, list[float]] = {k: [] for k in envs}
    for _ in range(ns.rounds):
        for k, env in envs.items():
            rounds[k].append(phases(env, paths, ns.repeats))
    for _ in range(ns.cold_runs):
        for k, env in envs.items():
            colds[k].append(cold(env))
    rows = [[f"{what}: ms over {len(paths)} documents", *(f"{min(r[what] for r in rounds[k]):.1f}" for k in envs)]
            for what in ("recognise", "rules")]
    rows.append(["recognise + rules: ms", *(f"{min(r['recognise'] + r['rules'] for r in rounds[k]):.1f}" for k in envs)])
    rows.append([f"cold check {ONE_FILE.name}: CPU s (median of {ns.cold_runs})",
                 *(f"{statistics.median(colds[k]):.4f}" for k in envs)])
    print(table(["", *envs], rows))


if __name__ == "__main__":
    main()
