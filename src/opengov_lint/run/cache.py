"""A cache of check results, so re-checking an unchanged folder costs a fraction of the first run.

As ruff's: a result is reused only when the file's content (SHA-256 of its bytes), the tool (version
and a digest of its own source and catalogue files, so an edited install never serves stale results),
the configuration (every setting that changes findings, the manifest entry of the file) and the rule
set (codes, names and modules of every rule, pack files) are all the same. One JSON file per such
run key in the user's cache folder (`$XDG_CACHE_HOME/opengov-lint/results/`, or
`OPENGOV_LINT_CACHE_DIR`; `off` disables it, as do `OPENGOV_LINT_RESULTS_CACHE=off` and
`check --no-cache`). JSON only (never pickle);
a corrupt or unreadable cache is ignored; writes are atomic (temporary file + rename); the folder
keeps the most recent MAX_RUN_KEYS files and each file at most MAX_ENTRIES results."""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import hashlib
import json
import os
import time
from array import array
from typing import TYPE_CHECKING, Any

from opengov_lint.findings import Finding, Fix, Location
from opengov_lint.results import FileResult, ReportFacts, RunCounters
from opengov_lint.run.pathlist import PathList
from opengov_lint.run.sources import STDIN, is_url

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from opengov_lint.config.settings import Settings

MAX_RUN_KEYS = 8
MAX_ENTRIES = 50_000
MAX_FILE_BYTES = 256 * 1024 * 1024
FORMAT = 2


def cache_dir() -> str | None:
    env = os.environ.get("OPENGOV_LINT_CACHE_DIR")
    if env == "off" or os.environ.get("OPENGOV_LINT_RESULTS_CACHE") == "off":
        return None
    base = env or os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "opengov-lint")
    return os.path.join(base, "results")


def _tool_digest() -> str:
    """Version plus (path, size, mtime) of the package's own .py and .yaml files: cheap (stat only)."""
    import opengov_lint

    h = hashlib.sha256(opengov_lint.__version__.encode())
    roots = [os.path.dirname(opengov_lint.__file__)]
    try:
        from importlib import resources

        roots.append(str(resources.files("opengov_lint.catalog")))
    except (ModuleNotFoundError, TypeError):
        pass
    for root in roots:
        for d, dirs, files in os.walk(root):
            dirs[:] = sorted(x for x in dirs if x != "__pycache__")
            for f in sorted(files):
                if f.endswith((".py", ".yaml")):
                    st = os.stat(os.path.join(d, f))
                    h.update(f"{os.path.relpath(os.path.join(d, f), root)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()


_RUN_FIELDS = ("select", "ignore", "extend_select", "severity", "options", "max_bytes", "timeout", "limits", "lang",
               "year", "issuer_kind", "profile", "per_file_ignores", "suppressions", "packs", "batch_rules")


def run_key(settings: Settings) -> str:
    from opengov_lint.run.session import rules_for

    parts: dict[str, Any] = {f: getattr(settings, f) for f in _RUN_FIELDS}
    parts["tool"] = _tool_digest()
    parts["rules"] = sorted((r.code, r.name, r.module, r.severity) for r in rules_for(settings))
    packs = []
    for p in settings.packs:
        if os.path.isfile(p):
            with open(p, "rb") as fh:
                packs.append(hashlib.sha256(fh.read()).hexdigest())
    parts["pack_files"] = packs
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=repr)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


# -- FileResult <-> JSON ------------------------------------------------------------------------------
def _finding_to(f: Finding) -> dict[str, Any]:
    d = f.to_dict()
    d["location"] = dataclasses.asdict(f.location)
    if f.fix is not None:
        d["fix"] = dataclasses.asdict(f.fix)
    return d


def _finding_from(d: dict[str, Any]) -> Finding:
    fix = Fix(**d["fix"]) if d.get("fix") else None
    return Finding(d["code"], d["name"], d["severity"], d["message"], d["path"], Location(**d["location"]),
                   d.get("evidence") or {}, fix)


def _summary_to(s: Any) -> dict[str, Any] | None:
    if s is None:
        return None
    out: dict[str, Any] = {}
    for f in dataclasses.fields(s):
        v = getattr(s, f.name)
        if isinstance(v, array):  # raw bytes in base64: compact, and parsed without a number per item
            v = {"t": v.typecode, "b64": base64.b64encode(v.tobytes()).decode("ascii")}
        elif isinstance(v, tuple):
            v = list(v)
        out[f.name] = v
    return out


def _summary_from(d: dict[str, Any] | None) -> Any:
    if d is None:
        return None
    from opengov_lint.model.batch import ReportSummary

    kw: dict[str, Any] = {}
    for k, v in d.items():
        if isinstance(v, dict) and set(v) == {"t", "b64"}:
            v = array(v["t"])
            v.frombytes(base64.b64decode(d[k]["b64"]))
        elif k == "keys":
            v = tuple(v)
        kw[k] = v
    return ReportSummary(**kw)


def result_to_json(r: FileResult) -> dict[str, Any]:
    return {"path": r.path, "findings": [_finding_to(f) for f in r.findings], "facts": dataclasses.asdict(r.facts),
            "counters": dataclasses.asdict(r.counters), "kind": r.kind, "readable": r.readable,
            "summary": _summary_to(r.summary), "skipped": r.skipped, "report_like": r.report_like}


def result_from_json(d: dict[str, Any]) -> FileResult:
    return FileResult(d["path"], [_finding_from(f) for f in d["findings"]], ReportFacts(**d["facts"]),
                      RunCounters(**d["counters"]), d["kind"], d["readable"], _summary_from(d.get("summary")),
                      skipped=d.get("skipped"), cached=True, report_like=d.get("report_like", True))


def _digest(path: str) -> str | None:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest()
    except OSError:
        return None


class Cache:
    """Results of one run key: `lookup(paths)` -> the reusable ones; `add()` new ones; `save()` once."""

    def __init__(self, file: str, settings: Settings) -> None:
        self.file, self.settings = file, settings
        self.entries: dict[str, Any] = {}
        self.digests: dict[str, str] = {}
        self.dirty = False

    @classmethod
    def open(cls, settings: Settings) -> Cache | None:
        base = cache_dir()
        if base is None:
            return None
        cache = cls(os.path.join(base, f"{run_key(settings)}.json"), settings)
        cache._load()
        return cache

    def _load(self) -> None:
        try:
            if os.path.getsize(self.file) > MAX_FILE_BYTES:
                return
            with open(self.file, encoding="utf-8") as fh:
                data = json.load(fh)
            if isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("entries"), dict):
                self.entries = data["entries"]
        except (OSError, ValueError):
            self.entries = {}  # missing or corrupt: check everything again

    def _key(self, path: str, digest: str) -> str:
        from opengov_lint.run.manifest import key

        entry = self.settings.manifest.get(key(path)) if self.settings.manifest else None
        return f"{os.path.abspath(path)}\0{digest}\0{entry!r}"

    def lookup(self, paths: Iterable[str]) -> dict[str, FileResult]:
        hits: dict[str, FileResult] = {}
        for p in paths:
            if p == STDIN or is_url(p):
                continue
            digest = _digest(p)
            if digest is None:
                continue
            self.digests[p] = digest
            got = self.entries.get(self._key(p, digest))
            if not isinstance(got, dict):
                continue
            try:
                result = result_from_json(got["result"])
            except (KeyError, TypeError, ValueError):
                continue  # an entry of an older layout: check again
            result.path = p
            got["used"] = time.time()
            hits[p] = result
        return hits

    def add(self, path: str, result: FileResult) -> None:
        digest = self.digests.get(path)
        if digest is None or result.counters.fixed or result.diff:
            return
        reason = next((f.evidence.get("reason") for f in result.findings if f.code == "OG901"), None)
        if reason in ("timeout", "resource-limit", "internal-error"):
            return  # may pass next time (another machine, a fixed bug): never cache a failure of the tool
        self.entries[self._key(path, digest)] = {"used": time.time(), "result": result_to_json(result)}
        self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        if len(self.entries) > MAX_ENTRIES:
            keep = sorted(self.entries.items(), key=lambda kv: kv[1].get("used", 0), reverse=True)[:MAX_ENTRIES]
            self.entries = dict(keep)
        directory = os.path.dirname(self.file)
        try:
            os.makedirs(directory, exist_ok=True)
            tmp = f"{self.file}.{os.getpid()}.tmp"
            with open(tmp, "w", encoding="utf-8") as fh:
                json.dump({"format": FORMAT, "entries": self.entries}, fh, ensure_ascii=False)
            os.replace(tmp, self.file)
            _prune(directory)
        except OSError:
            pass  # a read-only home: no cache, same results


def cached_batch(files: Sequence[str], settings: Settings, n_jobs: int, cache: bool, run_batch: Any) -> Any:
    """Results in path order; unchanged files (same content, tool version, configuration and rules)
    come from the cache and only the others are checked (listed in a PathList, not a list)."""
    if not files:
        return
    store = None
    if cache and not settings.fix and settings.executor == "local":
        store = Cache.open(settings)
    if store is None:
        yield from run_batch(files, settings, min(n_jobs, max(1, len(files))))
        return
    hits = store.lookup(files)
    todo = PathList(f for f in files if f not in hits)
    fresh = run_batch(todo, settings, min(n_jobs, max(1, len(todo)))) if todo else iter(())
    try:
        for path in files:
            if path in hits:
                yield hits[path]
                continue
            result = next(fresh)
            store.add(path, result)
            yield result
    finally:
        close = getattr(fresh, "close", None)
        if close is not None:
            close()  # stop the workers now (Ctrl-C), not when the generator is collected
        store.save()


def _prune(directory: str) -> None:
    """Keep the MAX_RUN_KEYS most recently written cache files (other configurations, older versions)."""
    files = [os.path.join(directory, f) for f in os.listdir(directory) if f.endswith(".json")]
    files.sort(key=lambda p: os.path.getmtime(p), reverse=True)
    for old in files[MAX_RUN_KEYS:]:
        with contextlib.suppress(OSError):
            os.unlink(old)
