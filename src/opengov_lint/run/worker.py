"""Checking files: one file end to end, and batches that stream results in input order with a
bounded number of files in flight (local processes or a Dask cluster). One bad file never stops
the batch; a file that takes longer than the per-file time limit is abandoned with OG901."""

from __future__ import annotations

import contextlib
import os
import signal
import time
import traceback
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from opengov_lint.config.settings import Settings
from opengov_lint.findings import Finding, Location
from opengov_lint.results import FileResult, ReportFacts
from opengov_lint.run.sources import is_url

if TYPE_CHECKING:
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
    """SIGALRM-based per-file limit (POSIX, main thread of a process); a no-op elsewhere."""
    usable = seconds and seconds > 0 and hasattr(signal, "SIGALRM")
    if usable:
        try:
            old = signal.signal(signal.SIGALRM, _alarm)
        except ValueError:  # not the main thread
            usable = False
    if not usable:
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, float(seconds))  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


class FileTimeout(Exception):
    pass


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
    if data is None and is_url(path):
        try:
            got = fetch(path, limits.max_bytes)
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


def check_one(path: str, data: bytes | None = None, fmt: str | None = None) -> FileResult:
    """Read, recognise and check one file. Never raises (except KeyboardInterrupt)."""
    from opengov_lint import engine
    from opengov_lint.readers import ReadError

    assert _ENGINE is not None and _SETTINGS is not None, "init_worker() first"
    started = time.perf_counter()
    result = FileResult(path)
    report = None
    try:
        with time_limit(_SETTINGS.timeout):
            report = _load(path, data, fmt)
            entry = _apply_manifest(report, path)
            result.facts = ReportFacts.of(report)
            result.findings = engine.run(report, _ENGINE, path)
            if wants_summaries(_SETTINGS):
                result.summary = _summary(report, path, entry)
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
    except Exception as exc:  # noqa: BLE001 - the batch must go on; the message says what happened
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
    from opengov_lint.fsutil import atomic_write_bytes

    atomic_write_bytes(path, fixed.data)
    again = check_one(path, fixed.data, None)
    again.path, again.counters.fixed, again.diff = path, len(fixed.applied), fixed.diff
    return again
def _suppress(result: FileResult, report: Any) -> None:
    """per-file-ignores, inline and configured suppressions (opengov_lint.suppression.inline)."""
    assert _ENGINE is not None and _SETTINGS is not None
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
