"""Checking files: path expansion, one file end to end, and a parallel batch that streams results
in input order with a bounded number of files in flight. One bad file never stops the batch."""

from __future__ import annotations

import os
import time
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from opengov_lint.config import Settings
from opengov_lint.findings import Finding, Location

STDIN = "-"


@dataclass(slots=True)
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    readable: bool = True


def expand(paths: Iterable[str], suffixes: set[str] | None = None) -> Iterator[str]:
    """Files named directly are always checked; directories are walked (sorted, hidden entries skipped)
    for files with a report suffix."""
    from opengov_lint.readers import CHECKABLE

    allowed = suffixes or CHECKABLE
    for p in paths:
        if p == STDIN or not os.path.isdir(p):
            yield p
            continue
        for root, dirs, files in os.walk(p, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for f in sorted(files):
                if not f.startswith(".") and os.path.splitext(f)[1].lower() in allowed:
                    yield os.path.join(root, f)


# -- per-process state (built once per worker) ---------------------------------------------------
_ENGINE: Any = None
_SETTINGS: Settings | None = None


def init_worker(settings: Settings) -> None:
    global _ENGINE, _SETTINGS
    from opengov_lint.session import engine_config

    _ENGINE = engine_config(settings)
    _SETTINGS = settings


def _meta_dict(report: Any, fmt: str | None) -> dict[str, Any]:
    m = report.meta
    return {"issuer": m.issuer, "issuer_kind": m.issuer_kind, "year": m.year, "template": m.template,
            "format": fmt or m.source_format, "title": m.title}


def check_one(path: str, data: bytes | None = None, fmt: str | None = None) -> FileResult:
    """Read, recognise and check one file. Never raises."""
    from opengov_lint import engine
    from opengov_lint.model import Report
    from opengov_lint.readers import ReadError, ReadOptions, read_bytes, read_path
    from opengov_lint.recognise import Overrides, recognise

    assert _ENGINE is not None and _SETTINGS is not None, "init_worker() first"
    started = time.perf_counter()
    result = FileResult(path)
    report = None
    try:
        if data is not None:
            doc = read_bytes(path, data, fmt)
        else:
            doc = read_path(path, ReadOptions(max_bytes=_SETTINGS.max_bytes or ReadOptions().max_bytes))
        overrides = Overrides(year=_SETTINGS.year, issuer_kind=_SETTINGS.issuer_kind)
        if isinstance(doc, Report):
            report = doc
            if overrides.year:
                report.meta.year = overrides.year
            if overrides.issuer_kind:
                report.meta.issuer_kind = overrides.issuer_kind
        else:
            report = recognise(doc, overrides)
        result.meta = _meta_dict(report, report.meta.source_format)
        result.findings = engine.run(report, _ENGINE, path)
    except ReadError as exc:
        result.readable = False
        result.findings = [_read_finding(path, exc.code, exc.message_zh, exc.message_en, exc.reason, exc.line)]
    except Exception as exc:  # noqa: BLE001 - the batch must go on; the message says what happened
        result.readable = False
        detail = f"{type(exc).__name__}: {exc}"
        result.findings = [_read_finding(
            path, "OG901", f"读取或识别文件时发生意外错误，未能检查：{detail}（请将文件反馈给工具维护者）",
            f"unexpected error while reading the file, so it was not checked: {detail}", "internal-error", None,
            traceback.format_exc() if os.environ.get("OPENGOV_LINT_DEBUG") else None)]
    _suppress(result, report)
    result.seconds = time.perf_counter() - started
    return result


def _suppress(result: FileResult, report: Any) -> None:
    """per-file-ignores, inline and configured suppressions (opengov_lint.suppress)."""
    assert _ENGINE is not None and _SETTINGS is not None
    if not (_SETTINGS.per_file_ignores or _SETTINGS.suppressions or getattr(report, "suppressions", None)):
        return  # nothing to apply: skip the import (start-up time of one-file pre-commit runs)
    from opengov_lint.suppress import apply

    outcome = apply(report, result.findings, _SETTINGS, _ENGINE, _ENGINE.known, result.path)
    result.findings = outcome.findings
    result.meta.update(outcome.meta())


def _read_finding(path: str, code: str, zh: str, en: str, reason: str, line: int | None,
                  trace: str | None = None) -> Finding:
    assert _ENGINE is not None
    sev = _ENGINE.severity.get(code) or ("warning" if code == "OG903" else "error")
    evidence: dict[str, Any] = {"reason": reason}
    if trace:
        evidence["traceback"] = trace
    name = {"OG901": "file-unreadable", "OG903": "text-extraction-degraded"}.get(code, "file-unreadable")
    return Finding(code, name, sev, zh if _ENGINE.lang == "zh" else en, path, Location(line=line), evidence)


def run_batch(paths: list[str], settings: Settings, jobs: int) -> Iterator[FileResult]:
    """Results in input order. With jobs > 1 files are checked in worker processes, at most
    4 × jobs in flight, so memory stays bounded however many files there are."""
    if jobs <= 1 or len(paths) <= 1:
        init_worker(settings)
        for p in paths:
            yield check_one(p)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=init_worker, initargs=(settings,)) as pool:
        window: deque[Future[FileResult]] = deque()
        it = iter(paths)
        for p in it:
            window.append(pool.submit(check_one, p))
            if len(window) >= jobs * 4:
                break
        while window:
            fut = window.popleft()
            nxt = next(it, None)
            if nxt is not None:
                window.append(pool.submit(check_one, nxt))
            yield fut.result()
