"""Issue 18's measurements side by side in one run, for this checkout and optionally an older one:

- html: a `--jobs 2` batch of real HTML pages (the corpus's HTML documents copied to 240 files) against the
  lxml parse floor of the same files in one process (`decode` + `lxml.html.fromstring`);
- one-file check: CPU seconds of a fresh `opengov-lint check FILE` (txt, html, docx; median of runs), and
  `--version`;
- memory: `--jobs 2` batches of 2,000 and 20,000 generated txt reports: peak RSS of the main process and of
  the whole process tree (sampled from /proc every 50 ms).

CPU time, not wall time, is the measure here (the machine is shared): the HTML ratio is the batch's
process-tree CPU seconds divided by the 2 cores, over the floor's CPU seconds; the wall ratio is shown
beside it. Usage:

    python bench/scale.py --data /tmp/scale [--before OTHER/src] [--skip html,cold,rss] [--rss-counts 2000,20000] [--cache-on]

`--before OTHER/src` runs every measurement also with `PYTHONPATH=OTHER/src` (e.g. an older commit
unpacked with `git archive COMMIT | tar -x -C OTHER`) and prints the two side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CORPUS as _CORPUS
from _common import ROOT, child_env, table, tree_rss_kb

CORPUS = Path(os.environ.get("OPENGOV_LINT_CORPUS", _CORPUS))

HTML_FILES = 240


def _env(src: str | None, label: str) -> dict[str, str]:
    env = child_env()
    if src:
        env["PYTHONPATH"] = src
    # each checkout its own catalogue cache (they thrash one cache when their YAML differs)
    env["OPENGOV_LINT_CACHE_DIR"] = os.path.join(tempfile.gettempdir(), f"og-scale-cache-{label}")
    return env


def _cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "opengov_lint", *args]


def _no_cache(env: dict[str, str]) -> list[str]:
    """`--no-cache` where the checkout has a results cache: every run checks every file."""
    out = subprocess.run(_cmd("check", "--help"), env=env, capture_output=True, check=False)
    return ["--no-cache"] if b"--no-cache" in out.stdout else []


def sampled(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run cmd: wall, CPU of the tree (main + children), peak RSS MB of the main process and of the tree."""
    peak = {"main": 0, "tree": 0}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def sample() -> None:
        while proc.poll() is None:
            _, tot = tree_rss_kb(proc.pid)
            try:
                with open(f"/proc/{proc.pid}/status") as fh:
                    main = next(int(ln.split()[1]) for ln in fh if ln.startswith("VmRSS:"))
            except (OSError, StopIteration):
                main = 0
            peak["main"], peak["tree"] = max(peak["main"], main), max(peak["tree"], tot)
            time.sleep(0.05)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _, err = proc.communicate()
    t.join()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed: {err.decode(errors='replace')[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "main_mb": peak["main"] / 1024, "tree_mb": peak["tree"] / 1024}


def html_folder(data: Path) -> Path:
    folder = data / "html"
    sources = sorted(p for p in list(CORPUS.glob("*.html")) + list(CORPUS.glob("synthetic/*.html")))
    if folder.is_dir() and sum(1 for _ in folder.iterdir()) == HTML_FILES:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i in range(HTML_FILES):
        src = sources[i % len(sources)]
        shutil.copyfile(src, folder / f"{i:04d}-{src.name}")
    return folder


def floor(folder: Path, env: dict[str, str]) -> float:
    """CPU seconds of decode + lxml.html.fromstring over the folder, in one fresh process (imports excluded)."""
    code = (
        "import sys,time,pathlib\n"
        "from opengov_lint.readers.decode import decode_html\nimport lxml.html\n"
        "files=sorted(pathlib.Path(sys.argv[1]).iterdir())\nbest=None\n"
        "for _ in range(3):\n"
        " t=time.process_time()\n"
        " for f in files:\n"
        "  lxml.html.fromstring(decode_html(f.read_bytes())[0])\n"
        " d=time.process_time()-t\n best=d if best is None else min(best,d)\n"
        "print(best)\n")
    out = subprocess.run([sys.executable, "-c", code, str(folder)], env=env, capture_output=True, check=True)
    return float(out.stdout.decode().split()[-1])


def part_html(data: Path, env: dict[str, str]) -> dict[str, Any]:
    folder = html_folder(data)
    fl = floor(folder, env)
    out = data / "html-out.json"
    runs = [sampled(_cmd("check", str(folder), "--jobs", "2", "--output-format", "json", "-o", str(out),
                         "--no-progress", *_no_cache(env)), env) for _ in range(2)]
    best = min(runs, key=lambda r: r["cpu"])
    return {"files": HTML_FILES, "floor_cpu": fl, "batch_cpu": best["cpu"], "batch_wall": best["wall"],
            "ratio_cpu": best["cpu"] / 2 / fl, "ratio_wall": best["wall"] / fl,
            "findings": out.read_bytes().count(b'"code"'), "digest": hash(out.read_bytes())}


def part_cold(env: dict[str, str], runs: int) -> dict[str, Any]:
    files = {"txt": CORPUS / "synthetic" / "gongshu-synthetic.txt", "html": CORPUS / "synthetic" / "gongshu-synthetic.html",
             "docx": CORPUS / "synthetic" / "gongshu-synthetic.docx"}
    cases = {"--version": _cmd("--version")} | {f"check {k}": _cmd("check", str(v), *_no_cache(env))
                                                  for k, v in files.items()}
    got: dict[str, list[float]] = {k: [] for k in cases}
    for _ in range(runs + 1):
        for name, cmd in cases.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(cmd, env=env, capture_output=True, check=False)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            got[name].append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return {k: statistics.median(v[1:]) for k, v in got.items()}  # the first run writes .pyc files


def txt_folder(data: Path, count: int) -> Path:
    import _reports as R
    import generate as G

    src = data / "src"
    if not (src / "manifest.json").exists():
        G.generate(src, ["txt"], [5], seed=1, corpus=False, log=lambda *_: None)
    entries = json.loads((src / "manifest.json").read_text())
    folder = data / f"txt-{count}"
    if folder.is_dir() and sum(1 for _ in folder.iterdir()) == count:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    blobs = [(e, Path(e["path"]).read_bytes()) for e in entries]
    for i in range(count):
        e, raw = blobs[i % len(blobs)]
        old = R.place_of(e["issuer"])
        (folder / f"{i:05d}-{Path(e['path']).name}").write_bytes(G.copy_bytes(raw, "txt", old, R.new_place(old, 1000 + i, 1)))
    return folder


def part_rss(data: Path, env: dict[str, str], counts: list[int], cache_on: bool = False) -> dict[str, Any]:
    """`--jobs 2` batches of N txt reports; with cache_on the results cache is on (the default for users)
    in a new cache folder per size, and each batch runs twice: the first run fills it, the second
    ("N again") takes every result from it."""
    out: dict[str, Any] = {}
    for n in counts:
        folder = txt_folder(data, n)
        res = data / "rss-out.json"
        if not cache_on:
            out[str(n)] = sampled(_cmd("check", str(folder), "--jobs", "2", "--output-format", "json", "-o", str(res),
                                       "--no-progress", *_no_cache(env)), env)
            out[str(n)]["findings"] = res.read_bytes().count(b'"code"')
            continue
        with tempfile.TemporaryDirectory(prefix="og-scale-results-") as cache:
            cached = {**env, "OPENGOV_LINT_CACHE_DIR": cache, "OPENGOV_LINT_RESULTS_CACHE": "on"}
            for key in (str(n), f"{n} again"):
                out[key] = sampled(_cmd("check", str(folder), "--jobs", "2", "--output-format", "json", "-o",
                                        str(res), "--no-progress"), cached)
                out[key]["findings"] = res.read_bytes().count(b'"code"')
    return out


def measure(label: str, src: str | None, ns: argparse.Namespace) -> dict[str, Any]:
    env = _env(src, label)
    got: dict[str, Any] = {"label": label}
    if "html" not in ns.skip:
        got["html"] = part_html(ns.data, env)
        print(f"  [{label}] html done", file=sys.stderr)
    if "cold" not in ns.skip:
        got["cold"] = part_cold(env, ns.cold_runs)
        print(f"  [{label}] cold done", file=sys.stderr)
    if "rss" not in ns.skip:
        got["rss"] = part_rss(ns.data, env, ns.rss_counts, ns.cache_on)
        print(f"  [{label}] rss done", file=sys.stderr)
    return got


def report(runs: list[dict[str, Any]], counts: list[int]) -> None:
    labels = [r["label"] for r in runs]
    rows: list[list[Any]] = []
    if all("html" in r for r in runs):
        h = [r["html"] for r in runs]
        rows += [["html: floor CPU s (1 process)", *[x["floor_cpu"] for x in h]],
                 ["html: batch --jobs 2 CPU s (tree)", *[x["batch_cpu"] for x in h]],
                 ["html: batch CPU / 2 cores / floor (<= 2.5)", *[round(x["ratio_cpu"], 2) for x in h]],
                 ["html: batch wall / floor (shared machine)", *[round(x["ratio_wall"], 2) for x in h]],
                 ["html: findings", *[x["findings"] for x in h]]]
    if all("cold" in r for r in runs):
        for k in runs[0]["cold"]:
            rows.append([f"cold {k}: CPU s{' (<= 0.09)' if 'check' in k else ''}", *[r["cold"][k] for r in runs]])
    if all("rss" in r for r in runs):
        for n in [k for c in counts for k in (str(c), f"{c} again") if k in runs[0]["rss"]]:
            rows += [[f"rss {n} txt: main MB", *[round(r["rss"][str(n)]["main_mb"]) for r in runs]],
                     [f"rss {n} txt: tree MB (<= 200 at 20000)", *[round(r["rss"][str(n)]["tree_mb"]) for r in runs]],
                     [f"rss {n} txt: CPU s / wall s", *[f"{r['rss'][str(n)]['cpu']:.0f} / {r['rss'][str(n)]['wall']:.0f}"
                                                        for r in runs]],
                     [f"rss {n} txt: findings", *[r["rss"][str(n)]["findings"] for r in runs]]]
        if len(counts) >= 2:
            a, b = str(counts[0]), str(counts[-1])
            rows.append([f"main RSS {b} / {a} (<= 1.10)", *[round(r["rss"][b]["main_mb"] / r["rss"][a]["main_mb"], 3)
                                                         for r in runs]])
    print(table(["measure", *labels], rows, "\n[issue 18] CPU seconds unless stated; the machine is shared"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path("/tmp/og-scale"))
    ap.add_argument("--before", default=None, help="src folder of another checkout, run with PYTHONPATH")
    ap.add_argument("--skip", default="")
    ap.add_argument("--cold-runs", type=int, default=7)
    ap.add_argument("--rss-counts", default="2000,20000")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--cache-on", action="store_true",
                    help="memory batches with the results cache on (first run and re-run), not --no-cache")
    ns = ap.parse_args()
    ns.skip = set(filter(None, ns.skip.split(",")))
    ns.rss_counts = [int(x) for x in ns.rss_counts.split(",")]
    ns.data.mkdir(parents=True, exist_ok=True)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    runs = []
    if ns.before:
        runs.append(measure("before", ns.before, ns))
    runs.append(measure("after", None, ns))
    report(runs, ns.rss_counts)
    if ns.json:
        ns.json.write_text(json.dumps(runs, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
