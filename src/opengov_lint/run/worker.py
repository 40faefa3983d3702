"""Checking files: one file end to end, and batches that stream results in input order with a
bounded number of files in flight (local processes or a Dask cluster). One bad file never stops
the batch; a file that takes longer than the per-file time limit is abandoned with OG901."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import time
import traceback
from typing import TYPE_CHECKING, Any

from opengov_lint.findings import Finding, Location
from opengov_lint.results import FileResult, ReportFacts
from opengov_lint.run.sources import is_url

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.config.settings import Settings
    from opengov_lint.model import Report

DEFAULT_TIMEOUT = 120.0


# -- per-process state (built once per worker) ---------------------------------------------------
_ENGINE: Any = None
_SETTINGS: Settings | None = None
_SETTINGS_ID: int | None = None


def build_engine(settings: Settings) -> Any:
    """Rules (built-in, plugins, packs), profile, severities and validated options for a run."""
    from opengov_lint.run.session import engine_config

    return engine_config(settings)


def init_worker(settings: Settings) -> None:
    global _ENGINE, _SETTINGS, _SETTINGS_ID
    _ENGINE = build_engine(settings)
    _SETTINGS, _SETTINGS_ID = settings, id(settings)
    if os.getpid() != settings.parent_pid:
        with contextlib.suppress(ValueError):  # not possible (nor needed) in a Dask worker thread
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool


def wants_summaries(settings: Settings) -> bool:
    return settings.batch_rules


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """SIGALRM-based per-file limit (POSIX, main thread of a process); in another thread (a Dask
    worker) a timer that raises FileTimeout in the checking thread (thread_deadline)."""
    usable = seconds and seconds > 0 and hasattr(signal, "SIGALRM")
    if usable:
        try:
            old = signal.signal(signal.SIGALRM, _alarm)
        except ValueError:  # not the main thread
            _preload()  # an exception delivered inside an import could leave its lock held for the next file
            with thread_deadline(float(seconds)):  # type: ignore[arg-type]
                yield
            return
    if not usable:
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, float(seconds))  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _preload() -> None:
    """Import every module a check may import lazily, before a thread deadline can fire."""
    import importlib

    for name in ("opengov_lint.load", "opengov_lint.canonical.reader", "opengov_lint.recognise", "opengov_lint.engine",
                 "opengov_lint.readers.txt", "opengov_lint.readers.md", "opengov_lint.readers.html",
                 "opengov_lint.readers.docx", "opengov_lint.readers.pdf", "opengov_lint.crossdoc.summary",
                 "opengov_lint.suppression.inline", "opengov_lint.run.sources"):
        try:
            importlib.import_module(name)
        except ImportError:  # an optional reader's library is missing: that format reports it itself
            continue


class FileTimeout(BaseException):
    """Not an Exception: a reader's `except Exception` (a damaged page) must never swallow a timeout."""


def _alarm(signum: int, frame: Any) -> None:
    raise FileTimeout()


def _load(path: str, data: bytes | None, fmt: str | None) -> Report:
    from opengov_lint.load import load_report
    from opengov_lint.readers import ReadError
    from opengov_lint.readers.limits import Limits
    from opengov_lint.recognise import Overrides
    from opengov_lint.run.sources import FetchError, fetch

    assert _SETTINGS is not None
    values = dict(_SETTINGS.limits)
    if _SETTINGS.max_bytes:
        values.setdefault("max_bytes", _SETTINGS.max_bytes)
    limits = Limits(**values)
    overrides = Overrides(year=_SETTINGS.year, issuer_kind=_SETTINGS.issuer_kind)
    if data is None and path in _SETTINGS.copies:  # fetched by `crawl`: never downloaded twice
        return load_report(_SETTINGS.copies[path], overrides, limits)
    if data is None and is_url(path):
        try:
            got = fetch(path, limits.max_bytes, allow_private=_SETTINGS.allow_private_urls)
        except FetchError as exc:
            raise ReadError(exc.zh, exc.en, reason=exc.reason) from exc
        return load_report(got.name, overrides, limits, data=got.data)
    return load_report(path, overrides, limits, data=data, fmt=fmt)


def _apply_manifest(report: Any, path: str) -> Any:
    from opengov_lint.recognise.meta import issuer_kind
    from opengov_lint.run.manifest import key

    assert _SETTINGS is not None
    entry = _SETTINGS.manifest.get(path if is_url(path) else key(path)) if _SETTINGS.manifest else None
    if entry is None:
        return None
    if entry.issuer:
        report.meta.issuer = entry.issuer
        report.meta.issuer_kind = entry.issuer_kind or issuer_kind(entry.issuer)
    if entry.year:
        report.meta.year, report.meta.year_source = entry.year, "manifest"
    return entry


_REPORT_TITLE = re.compile(r"(信息|政务)公开.{0,10}(年度报告|年报)|年度报告$")
_SENTENCE = re.compile(r"[。，；！？]")
_YEAR = re.compile(r"(19|20)\d\d|[二][〇零○][一二三四五六七八九〇零○]{2}")


def is_report(report: Report) -> bool:
    """An annual report has a report title (a heading naming the year's 信息公开 annual report, not a
    sentence that mentions such reports), or one of the six sections, or one of the tables. A file with
    none of them (a README, meeting notes, a cover letter) is not checked as a report when it is found in
    a folder walk."""
    title = (report.meta.title or "").strip()
    titled = bool(_REPORT_TITLE.search(title) and _YEAR.search(title)) and not _SENTENCE.search(title)
    return bool(report.structured or report.sections or report.tables or titled)


def _check_report(report: Report, path: str, result: FileResult) -> None:
    """Facts, findings and the cross-document summary of a loaded report. Whether it looks like a report
    at all is noted (`report_like`); the run decides what that means: a file found in a folder walk that
    is not a report is not checked (batch.py), a file named on the command line is checked anyway."""
    from opengov_lint import engine

    assert _ENGINE is not None
    assert _SETTINGS is not None
    entry = _apply_manifest(report, path)
    result.facts = ReportFacts.of(report)
    result.facts.parent = entry.parent if entry is not None else None
    result.report_like = entry is not None or is_report(report)
    result.findings = engine.run(report, _ENGINE, path)
    if wants_summaries(_SETTINGS):
        result.summary = _summary(report, path, entry)


def check_one(path: str, data: bytes | None = None, fmt: str | None = None) -> FileResult:
    """Read, recognise and check one file. Never raises (except KeyboardInterrupt)."""
    from opengov_lint.readers import ReadError

    assert _ENGINE is not None, "init_worker() first"
    assert _SETTINGS is not None, "init_worker() first"
    started = time.perf_counter()
    result = FileResult(path)
    report = None
    try:
        with time_limit(_SETTINGS.timeout):
            report = _load(path, data, fmt)
            _check_report(report, path, result)
    except ReadError as exc:
        result.readable = False
        result.findings = [_read_finding(path, exc.code, exc.message_zh, exc.message_en, exc.reason, exc.line)]
    except FileTimeout:
        result.readable = False
        limit = _SETTINGS.timeout
        result.findings = [_read_finding(
            path, "OG901", f"处理时间超过每个文件{limit:g}秒的上限（timeout），已放弃该文件；如文件确实很大，可用 --timeout 调高上限",
            f"processing took longer than the per-file limit of {limit:g} s (timeout) and was abandoned",
            "timeout", None)]
    except (MemoryError, RecursionError) as exc:
        result.readable = False
        result.findings = [_read_finding(path, "OG901", f"文件结构过于复杂，超出处理能力（{type(exc).__name__}），未能检查",
                                         f"the file is too complex to process ({type(exc).__name__})",
                                         "resource-limit", None)]
    except Exception as exc:
        result.readable = False
        detail = f"{type(exc).__name__}: {exc}"
        result.findings = [_read_finding(
            path, "OG901", f"读取或识别文件时发生意外错误，未能检查：{detail}（请将文件反馈给工具维护者）",
            f"unexpected error while reading the file, so it was not checked: {detail}", "internal-error", None,
            traceback.format_exc() if os.environ.get("OPENGOV_LINT_DEBUG") else None)]
    _suppress(result, report)
    if _SETTINGS.fix and data is None and result.readable and any(f.fix for f in result.findings):
        result = _fix(path, result)
    result.counters.seconds = time.perf_counter() - started
    return result


def _summary(report: Report, path: str, entry: Any) -> Any:
    """What the cross-document rules keep of the report: only the parts the selected ones read."""
    from opengov_lint.crossdoc.summary import parts_for, summarise

    assert _ENGINE is not None
    summary = summarise(report, path, parts_for(r.code for r in _ENGINE.rules if r.scope == "batch"))
    if entry is not None:
        summary.parent, summary.aggregate = entry.parent, entry.aggregate
    return summary


def _fix(path: str, result: FileResult) -> FileResult:
    """Apply (or only preview) the safe edits, then check the corrected text again."""
    from opengov_lint.authoring.fix import TEXT_SUFFIXES, apply_fixes

    assert _SETTINGS is not None
    if is_url(path) or not path.lower().endswith(TEXT_SUFFIXES):
        return result  # Word/PDF/HTML are never edited in place (docx: `check --fix -o COPY`)
    with open(path, "rb") as fh:
        original = fh.read()
    fixed = apply_fixes(path, original, result.findings)
    if not fixed.applied:
        return result
    if _SETTINGS.fix == "diff":
        result.diff = fixed.diff
        return result
    from opengov_lint.fsutil import UnsafeOutput, atomic_write_bytes, check_output

    try:
        check_output(path, what="file to fix", fix=True)
        atomic_write_bytes(path, fixed.data)
    except (UnsafeOutput, OSError) as exc:  # read-only, hard links, a full disk: the file stays as it was
        import sys

        why = str(exc) if isinstance(exc, UnsafeOutput) else f"{path}: {exc.strerror or exc}"
        sys.stderr.write(f"opengov-lint: not fixed ({why}); the file is unchanged\n")
        return result
    again = check_one(path, fixed.data, None)
    again.path, again.counters.fixed, again.diff = path, len(fixed.applied), fixed.diff
    return again
def _suppress(result: FileResult, report: Any) -> None:
    """per-file-ignores, inline and configured suppressions (opengov_lint.suppression.inline)."""
    assert _ENGINE is not None
    assert _SETTINGS is not None
    if not (_SETTINGS.per_file_ignores or _SETTINGS.suppressions or getattr(report, "suppressions", None)):
        return  # nothing to apply: skip the import (start-up time of one-file pre-commit runs)
    from opengov_lint.suppression.inline import apply

    outcome = apply(report, result.findings, _SETTINGS, _ENGINE, _ENGINE.known, result.path)
    result.findings = outcome.findings
    c = result.counters
    c.suppressed = {k: v for k, v in outcome.counts.items() if v}
    c.config_suppressions_matched, c.config_suppressions_used = outcome.config_matched, outcome.config_used


def _read_finding(path: str, code: str, zh: str, en: str, reason: str, line: int | None,
                  trace: str | None = None) -> Finding:
    assert _ENGINE is not None
    sev = _ENGINE.severity.get(code) or ("warning" if code == "OG903" else "error")
    evidence: dict[str, Any] = {"reason": reason}
    if trace:
        evidence["traceback"] = trace
    name = {"OG901": "file-unreadable", "OG903": "text-extraction-degraded"}.get(code, "file-unreadable")
    return Finding(code, name, sev, zh if _ENGINE.lang == "zh" else en, path, Location(line=line), evidence)


@contextlib.contextmanager
def thread_deadline(seconds: float) -> Iterator[None]:
    """A per-file limit for a thread that cannot use SIGALRM (a Dask worker): a timer raises
    FileTimeout in the checking thread at the next Python instruction after the deadline."""
    import ctypes
    import threading

    target = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def _fire() -> None:
        with lock:  # never after the block has ended: the exception must land inside it
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(FileTimeout))

    timer = threading.Timer(seconds, _fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["done"] = True
            if state["fired"]:  # raised but perhaps not yet delivered: withdraw it
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
    if state["fired"]:  # delivered where it was swallowed (a finaliser, a library's except): still a timeout
        raise FileTimeout()
