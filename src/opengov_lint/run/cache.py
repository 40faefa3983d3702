"""A cache of check results, so re-checking an unchanged folder costs a fraction of the first run.

As ruff's: a result is reused only when the file's content (SHA-256 of its bytes), the tool (version
and a digest of its own source and catalogue files, so an edited install never serves stale results),
the configuration (every setting that changes findings, the manifest entry of the file) and the rule
set (codes, names and modules of every rule, pack files) are all the same. One SQLite file per such
run key in the user's cache folder (`$XDG_CACHE_HOME/opengov-lint/results/`, or
`OPENGOV_LINT_CACHE_DIR`; `off` disables it, as do `OPENGOV_LINT_RESULTS_CACHE=off` and
`check --no-cache`), each result stored as JSON text (never pickle), looked up and written one file at a
time so the main process holds 33 bytes a file, not the results (a national batch stays flat in memory);
a damaged file is started again, a locked or unwritable one means checking afresh; the folder keeps the
most recent MAX_RUN_KEYS files and each file at most MAX_ENTRIES results (the least recently used go)."""

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
    import sqlite3
    from collections.abc import Sequence

    from opengov_lint.config.settings import Settings

MAX_RUN_KEYS = 8
MAX_ENTRIES = 50_000
MAX_FILE_BYTES = 256 * 1024 * 1024
FORMAT = 3  # PRAGMA user_version of the SQLite file


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


def _digest(path: str) -> bytes | None:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        return h.digest()
    except OSError:
        return None


_SCHEMA = ("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, used REAL NOT NULL, result TEXT NOT NULL)",)
_COMMIT_EVERY = 200


def _connect(file: str) -> sqlite3.Connection | None:
    """The run key's database, created if missing; a file that is not one of ours (corrupt, another
    format) is started again; a link, or a folder we cannot write, means no cache."""
    import sqlite3

    if os.path.islink(file):
        return None
    for attempt in range(2):
        try:
            db = sqlite3.connect(file, timeout=10, isolation_level=None)
            try:
                version = db.execute("PRAGMA user_version").fetchone()[0]
                if version not in (0, FORMAT):
                    db.execute("DROP TABLE IF EXISTS results")
                for statement in _SCHEMA:
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {FORMAT}")
                return db
            except sqlite3.Error:
                db.close()
                raise
        except sqlite3.DatabaseError:
            if attempt or not os.path.isfile(file):
                return None
            with contextlib.suppress(OSError):
                os.unlink(file)  # not a database (a damaged file): start it again
        except sqlite3.Error:
            return None
    return None


class Cache:
    """Results of one run key in a SQLite file: `scan(files)` finds which files have a reusable result
    (their content digests kept as 32 bytes a file), `get(i)` reads one back, `add(i, result)` stores a
    fresh one, `close()` commits and prunes. The main process never holds the results themselves, so a
    batch of any size runs in flat memory with the cache on. Any SQLite error turns the cache off for the
    rest of the run (the same results, checked afresh)."""

    def __init__(self, file: str, settings: Settings, db: sqlite3.Connection) -> None:
        self.file, self.settings, self.db = file, settings, db
        self.digests = bytearray()
        self.hits = bytearray()
        self.files: Sequence[str] = ()
        self.pending = 0
        self.used: list[tuple[float, str]] = []

    @classmethod
    def open(cls, settings: Settings) -> Cache | None:
        base = cache_dir()
        if base is None:
            return None
        try:
            os.makedirs(base, exist_ok=True)
        except OSError:
            return None
        file = os.path.join(base, f"{run_key(settings)}.sqlite")
        db = _connect(file)
        return cls(file, settings, db) if db is not None else None

    def _key(self, i: int) -> str | None:
        from opengov_lint.run.manifest import key

        digest = bytes(self.digests[32 * i:32 * i + 32])
        if digest == bytes(32):
            return None  # a URL, stdin or a file we could not read: never cached
        path = self.files[i]
        entry = self.settings.manifest.get(key(path)) if self.settings.manifest else None
        return f"{os.path.abspath(path)}\0{digest.hex()}\0{entry!r}"

    def scan(self, files: Sequence[str]) -> int:
        """Digest every file and note which have a result; how many do."""
        import sqlite3

        self.files = files
        self.digests = bytearray(32 * len(files))
        self.hits = bytearray(len(files))
        for i, p in enumerate(files):
            digest = None if p == STDIN or is_url(p) else _digest(p)
            if digest is None:
                continue
            self.digests[32 * i:32 * i + 32] = digest
            k = self._key(i)
            try:
                if k is not None and self.db.execute("SELECT 1 FROM results WHERE key = ?", (k,)).fetchone():
                    self.hits[i] = 1
            except sqlite3.Error:
                self.hits = bytearray(len(files))
                return 0
        return sum(self.hits)

    def get(self, i: int) -> FileResult | None:
        """The stored result of file i (None if it went in the meantime, or is of an older layout)."""
        import sqlite3

        k = self._key(i)
        try:
            row = self.db.execute("SELECT result FROM results WHERE key = ?", (k,)).fetchone() if k else None
            result = result_from_json(json.loads(row[0])) if row else None
        except (sqlite3.Error, KeyError, TypeError, ValueError):
            return None
        if result is None:
            return None
        result.path = self.files[i]
        self.used.append((time.time(), k))  # type: ignore[arg-type]
        if len(self.used) >= _COMMIT_EVERY:
            with contextlib.suppress(sqlite3.Error):
                self._commit()
        return result

    def add(self, i: int, result: FileResult) -> None:
        import sqlite3

        k = self._key(i)
        if k is None or result.counters.fixed or result.diff or result.tool_failed():
            return  # a failure of the tool or the machine may pass next time: never cached
        try:
            if not self.db.in_transaction:
                self.db.execute("BEGIN")
            self.db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?)",
                            (k, time.time(), json.dumps(result_to_json(result), ensure_ascii=False)))
            self.pending += 1
            if self.pending >= _COMMIT_EVERY:
                self._commit()
        except sqlite3.Error:
            return

    def _commit(self) -> None:
        if self.used:
            if not self.db.in_transaction:
                self.db.execute("BEGIN")
            self.db.executemany("UPDATE results SET used = ? WHERE key = ?", self.used)
            self.used = []
        if self.db.in_transaction:
            self.db.execute("COMMIT")
        self.pending = 0

    def close(self) -> None:
        """Commit, keep the MAX_ENTRIES most recently used results, prune other run keys. Never raises."""
        import sqlite3

        try:
            self._commit()
            count = self.db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
            if count > MAX_ENTRIES:
                self.db.execute("DELETE FROM results WHERE key IN (SELECT key FROM results ORDER BY used LIMIT ?)",
                                (count - MAX_ENTRIES,))
            self.db.close()
            os.utime(self.file)
            _prune(os.path.dirname(self.file))
        except (sqlite3.Error, OSError):
            with contextlib.suppress(sqlite3.Error):
                self.db.close()


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
    hits = store.scan(files)
    todo = PathList(f for i, f in enumerate(files) if not store.hits[i]) if hits else files
    fresh = run_batch(todo, settings, min(n_jobs, max(1, len(todo)))) if len(todo) else iter(())
    try:
        for i, path in enumerate(files):
            if store.hits[i]:
                got = store.get(i)
                if got is None:  # removed since the scan (another run pruned it): check it here
                    got = next(iter(run_batch(PathList([path]), settings, 1)))
                    store.add(i, got)
                yield got
                continue
            result = next(fresh)
            store.add(i, result)
            yield result
    finally:
        close = getattr(fresh, "close", None)
        if close is not None:
            close()  # stop the workers now (Ctrl-C), not when the generator is collected
        store.close()


def _prune(directory: str) -> None:
    """Keep the MAX_RUN_KEYS most recently written cache files (other configurations, older versions);
    the JSON files of the earlier layout go."""
    for old in os.listdir(directory):
        if old.endswith(".json"):
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(directory, old))
    files = [os.path.join(directory, f) for f in os.listdir(directory) if f.endswith(".sqlite")]
    files.sort(key=lambda p: os.path.getmtime(p), reverse=True)
    for old in files[MAX_RUN_KEYS:]:
        with contextlib.suppress(OSError):
            os.unlink(old)
