"""The `check` command's run: collect files, check them (in parallel, streaming, in path order),
show progress, hand results to the reporter, then run the cross-document rules over what the files
left behind. Ctrl-C stops the workers, writes no partial output file and exits with 130."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Any

from opengov_lint.config.settings import Settings
from opengov_lint.run import EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE


@dataclass(slots=True)
class BatchOptions:
    output: str | None = None
    jobs: int | None = None
    statistics: bool = False
    quiet: bool = False
    stdin_format: str | None = None
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    progress: bool = True
    write_baseline: str | None = None


def collect(paths: list[str], opts: BatchOptions) -> list[str]:
    from opengov_lint.run.sources import STDIN, expand

    files = list(expand(paths, opts.include, opts.exclude))
    files.sort()  # sorted and deduplicated in place: no second container the size of the batch
    rest = [f for i, f in enumerate(files) if f != STDIN and (i == 0 or f != files[i - 1])]
    return ([STDIN] if len(rest) < len(files) and STDIN in files else []) + rest


class _Progress:
    """A rich progress bar on stderr with counts and ETA; silent when stderr is not a terminal."""

    def __init__(self, total: int, enabled: bool, lang: str) -> None:
        self.bar: Any = None
        self.zh = lang == "zh"
        if not enabled or total < 2 or not sys.stderr.isatty():
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                            console=Console(file=sys.stderr), transient=False)
        self.task = self.bar.add_task(self._label(0, 0, 0), total=total)
        self.bar.start()
        self.counts = [0, 0, 0]

    def _label(self, e: int, w: int, u: int) -> str:
        if self.zh:
            return f"检查中  错误 {e}  警告 {w}  无法读取 {u}"
        return f"checking  errors {e}  warnings {w}  unreadable {u}"

    def advance(self, result: Any) -> None:
        if self.bar is None:
            return
        self.counts[0] += sum(1 for f in result.findings if f.severity == "error")
        self.counts[1] += sum(1 for f in result.findings if f.severity == "warning")
        self.counts[2] += not result.readable
        self.bar.update(self.task, advance=1, description=self._label(*self.counts))

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def run_check(paths: list[str], settings: Settings, opts: BatchOptions) -> int:
    try:
        return _run_check(paths, settings, opts)
    except KeyboardInterrupt:  # also while collecting files or building the engine
        sys.stderr.write("\nopengov-lint: interrupted; no output file was written\n" if settings.lang != "zh"
                         else "\nopengov-lint：已中断，未写出任何输出文件\n")
        return EXIT_INTERRUPTED


def _run_check(paths: list[str], settings: Settings, opts: BatchOptions) -> int:
    from opengov_lint.run.session import RunHooks
    from opengov_lint.run.worker import build_engine

    try:
        hooks = RunHooks(settings, settings.baseline, opts.write_baseline)
    except ValueError as exc:  # the baseline cannot be read
        sys.stderr.write(f"opengov-lint: {exc}\n")
        return EXIT_USAGE
    files = [f for f in collect(paths, opts) if hooks.keep(f)]
    if not files:
        sys.stderr.write("opengov-lint: no report files found in the given paths\n")
        return EXIT_USAGE
    cfg = build_engine(settings)
    settings.batch_rules = any(r.scope == "batch" for r in cfg.rules) and (len(files) > 1 or bool(settings.manifest))
    settings.parent_pid = os.getpid()
    from opengov_lint.fsutil import AtomicTextFile

    buf: Any = AtomicTextFile(opts.output) if opts.output and settings.output_format not in ("xlsx",) else sys.stdout
    try:
        return _run_with_output(files, settings, opts, cfg, hooks, buf)
    finally:
        if isinstance(buf, AtomicTextFile):
            buf.discard()  # after commit() a no-op; otherwise (an error, Ctrl-C) no partial output is left


def _run_with_output(files: list[str], settings: Settings, opts: BatchOptions, cfg: Any, hooks: Any,
                     buf: Any) -> int:
    from opengov_lint import engine
    from opengov_lint.reporters import get_reporter
    from opengov_lint.run.executors import run_batch
    from opengov_lint.run.session import rules_for
    from opengov_lint.run.sources import STDIN
    from opengov_lint.run.worker import check_one, init_worker

    color = opts.output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    reporter = get_reporter(settings.output_format, buf, lang=settings.lang, color=color, quiet=opts.quiet,
                            statistics=opts.statistics, output=opts.output, rules=rules_for(settings),
                            show_all=settings.show_all)
    progress = _Progress(len(files), opts.progress and not opts.quiet, settings.lang)
    failed = False
    summaries: Any = None
    if settings.batch_rules:  # summaries of every report, on disk (the main process stays flat)
        from opengov_lint.crossdoc.store import SummaryStore

        summaries = SummaryStore()
    diffs: list[str] = []
    if settings.fix == "diff":
        reporter = _DiffOnly(diffs)
    try:
        reporter.start()
        if files and files[0] == STDIN:
            init_worker(settings)
            data = sys.stdin.buffer.read()
            result = hooks.result(check_one("<stdin>", data, opts.stdin_format))
            failed |= _consume(result, reporter, progress, summaries, settings.fail_on)
            files = files[1:]
        n_jobs = max(1, opts.jobs or os.cpu_count() or 1)
        for result in run_batch(files, settings, min(n_jobs, max(1, len(files)))):
            failed |= _consume(hooks.result(result), reporter, progress, summaries, settings.fail_on)
        progress.stop()
        if summaries is not None and summaries.count:
            failed |= _cross_document(summaries, cfg, hooks, reporter, settings.fail_on)
        for result in hooks.tail():
            failed |= engine.fails(result.findings, settings.fail_on)
            reporter.file(result)
        reporter.finish()
    except KeyboardInterrupt:
        progress.stop()
        sys.stderr.write("\nopengov-lint: interrupted; no output file was written\n" if settings.lang != "zh"
                         else "\nopengov-lint：已中断，未写出任何输出文件\n")
        return EXIT_INTERRUPTED
    finally:
        if summaries is not None:
            summaries.close()
    if buf is not sys.stdout:
        buf.commit()
    note = hooks.finish()
    if note:
        sys.stderr.write(f"opengov-lint: {note}\n")
        failed = False
    if settings.fix == "diff":
        n = sum(1 for d in diffs if d)
        sys.stderr.write(f"{n} 个文件可自动修正（--fix）\n" if settings.lang == "zh" else f"{n} file(s) would be fixed\n")
        return EXIT_FINDINGS if n else EXIT_OK
    return EXIT_FINDINGS if failed else EXIT_OK


def _cross_document(summaries: Any, cfg: Any, hooks: Any, reporter: Any, fail_on: str) -> bool:
    """OG6xx over the whole run; the baseline applies to them too."""
    from opengov_lint import engine
    from opengov_lint.crossdoc.store import StoredBatch
    from opengov_lint.results import FileResult

    cross = engine.run_batch_rules(StoredBatch(summaries), cfg)
    by_path: dict[str, list[Any]] = {}
    for f in cross:
        by_path.setdefault(f.path, []).append(f)
    kept: list[Any] = []
    for path, found in by_path.items():
        kept += hooks.result(FileResult(path, found, kind="crossdoc")).findings
    kept.sort(key=lambda f: f.sort_key())
    if hasattr(reporter, "extra"):
        reporter.extra(kept)
    else:  # reporters without a cross-document section get them as results of their files
        for path in dict.fromkeys(f.path for f in kept):
            reporter.file(FileResult(path, [f for f in kept if f.path == path], kind="crossdoc"))
    return engine.fails(kept, fail_on)


class _DiffOnly:
    """With --diff only the diffs are printed (to stdout), not the findings."""

    def __init__(self, diffs: list[str]) -> None:
        self.diffs = diffs

    def start(self) -> None:
        pass

    def file(self, result: Any) -> None:
        self.diffs.append(result.diff)
        if result.diff:
            sys.stdout.write(result.diff if result.diff.endswith("\n") else result.diff + "\n")

    def extra(self, findings: list[Any]) -> None:
        pass

    def finish(self) -> None:
        pass


def _consume(result: Any, reporter: Any, progress: _Progress, summaries: Any, fail_on: str) -> bool:
    from opengov_lint import engine

    if result.summary is not None:
        if summaries is not None:
            summaries.add(result.summary)
        result.summary = None
    reporter.file(result)
    progress.advance(result)
    return engine.fails(result.findings, fail_on)
