"""The `check` command's run: collect files, check them (in parallel, streaming, in path order),
show progress, hand results to the reporter, then run the cross-document rules over what the files
left behind. Ctrl-C (SIGINT) or SIGTERM stops the workers at once, writes a valid output of the files
checked so far and exits with 130 / 143; a second Ctrl-C exits at once."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, Any

from opengov_lint.run import EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, EXIT_TERMINATED, EXIT_USAGE
from opengov_lint.run.display import DiffOnly, Progress

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from opengov_lint.config.settings import Settings


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C but with exit code 143."""


def _on_sigterm(signum: int, frame: Any) -> None:
    raise Terminated()


def _exit_now(signum: int, frame: Any) -> None:
    """A second Ctrl-C (or SIGTERM) while the first is being handled: leave at once."""
    os._exit(EXIT_TERMINATED if signum == getattr(__import__("signal"), "SIGTERM", -1) else EXIT_INTERRUPTED)


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
    color: str = "auto"  # auto | always | never (--color); auto honours NO_COLOR and FORCE_COLOR
    cache: bool = True  # --no-cache turns it off
    settings_for: Any = None  # config file -> Settings (run/nearest.py); None with an explicit --config
    # the paths the user named, sorted (a file not among them was found in a folder walk): no set of
    # every walked file, which would grow with the batch
    named: list[str] = field(default_factory=list)


def use_color(choice: str, output: str | None) -> bool:
    """--color always|never wins; auto: NO_COLOR off, FORCE_COLOR on (as ruff and most tools), else
    colours only on a terminal and never into a file."""
    if choice == "never":
        return False
    if choice == "always":
        return True
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return output is None
    return output is None and sys.stdout.isatty()


def run_check(paths: list[str], settings: Settings, opts: BatchOptions) -> int:
    import signal

    old = signal.getsignal(signal.SIGTERM)
    try:
        signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread (a library caller): no handler
        old = None
    from opengov_lint.run.executors import ExecutorError

    try:
        return _run_check(paths, settings, opts)
    except ExecutorError as exc:
        sys.stderr.write(f"opengov-lint: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt as exc:  # while collecting files or building the engine
        _second_signal_exits()
        sys.stderr.write("\nopengov-lint: interrupted; no output file was written\n" if settings.lang != "zh"
                         else "\nopengov-lint：已中断，未写出任何输出文件\n")
        return EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED
    finally:
        if old is not None:
            signal.signal(signal.SIGTERM, old)


def _second_signal_exits() -> None:
    import signal

    try:
        signal.signal(signal.SIGINT, _exit_now)
        signal.signal(signal.SIGTERM, _exit_now)
    except ValueError:
        pass


def _outputs_safe(files: Sequence[str], settings: Settings, opts: BatchOptions) -> bool:
    """-o, --write-baseline and the --fix targets would destroy nothing (else a message; exit 2)."""
    from opengov_lint.fsutil import UnsafeOutput, check_outputs

    try:
        check_outputs([opts.output, opts.write_baseline],
                      _Inputs(files, ([settings.baseline] if settings.baseline else []) + list(settings.sources)))
        if settings.fix == "apply":
            _check_fix_targets(files)
    except UnsafeOutput as exc:
        sys.stderr.write(f"opengov-lint: {exc}\n")
        return False
    return True


class _Inputs:
    """The files and the other inputs, iterable more than once without a list of them all."""

    def __init__(self, *parts: Sequence[str]) -> None:
        self.parts = parts

    def __iter__(self) -> Iterator[str]:
        return chain.from_iterable(self.parts)


def _check_fix_targets(files: Sequence[str]) -> None:
    """--fix edits text reports in place: each must be a writable regular file with one link."""
    from opengov_lint.authoring.fix import TEXT_SUFFIXES
    from opengov_lint.fsutil import check_output
    from opengov_lint.run.sources import STDIN, is_url

    for f in files:
        if f != STDIN and not is_url(f) and f.lower().endswith(TEXT_SUFFIXES):
            check_output(f, what="file to fix", fix=True)


def job_count(requested: int | None, n_files: int, lang: str) -> int:
    """Worker processes: as asked (default all cores), never more than the cores (a warning says so)
    nor more than the files."""
    from opengov_lint.run.pool import cpu_count

    cores = cpu_count()
    n = max(1, requested or cores)
    if n > cores:
        sys.stderr.write(f"opengov-lint：--jobs {n} 超过本机 CPU 核数，已改为 {cores}\n" if lang == "zh"
                         else f"opengov-lint: --jobs {n} is more than the {cores} CPU core(s); using {cores}\n")
        n = cores
    return min(n, max(1, n_files))


def _binary_to_terminal(settings: Settings, opts: BatchOptions) -> bool:
    """xlsx is binary: refused without -o (a message, exit 2), never dumped on the terminal."""
    if settings.output_format != "xlsx" or opts.output:
        return False
    sys.stderr.write("opengov-lint：xlsx 是二进制文件，不能输出到终端；请用 -o 指定文件，例如 -o 检查结果.xlsx\n"
                     if settings.lang == "zh" else
                     "opengov-lint: xlsx is a binary format and is not written to the terminal; "
                     "give a file with -o, e.g. -o audit.xlsx\n")
    return True


def _run_check(paths: list[str], settings: Settings, opts: BatchOptions) -> int:
    from opengov_lint.run.session import RunHooks
    from opengov_lint.run.worker import build_engine

    if _binary_to_terminal(settings, opts):
        return EXIT_USAGE
    try:
        hooks = RunHooks(settings, settings.baseline, opts.write_baseline)
    except ValueError as exc:  # the baseline cannot be read
        sys.stderr.write(f"opengov-lint: {exc}\n")
        return EXIT_USAGE
    from opengov_lint.run.sources import collect

    files = collect(paths, opts.include, opts.exclude, hooks.keep)
    opts.named = sorted(paths)
    if not files:
        sys.stderr.write("opengov-lint: no report files found in the given paths\n")
        return EXIT_USAGE
    cfg = build_engine(settings)
    settings.batch_rules = any(r.scope == "batch" for r in cfg.rules) and (len(files) > 1 or bool(settings.manifest))
    settings.parent_pid = os.getpid()
    from opengov_lint.fsutil import AtomicTextFile

    if not _outputs_safe(files, settings, opts):
        return EXIT_USAGE
    opts.jobs = job_count(opts.jobs, len(files), settings.lang) if settings.executor == "local" else opts.jobs
    buf = _open_output(settings, opts)
    if buf is None:
        return EXIT_USAGE
    try:
        return _run_with_output(files, settings, opts, cfg, hooks, buf)
    finally:
        if isinstance(buf, AtomicTextFile):
            buf.discard()  # after commit() a no-op; otherwise (an error, Ctrl-C) no partial output is left


def _open_output(settings: Settings, opts: BatchOptions) -> Any:
    """The output stream: a temporary file beside -o (renamed at the end), or stdout; None when the
    folder of -o cannot take a file (a message says why)."""
    from opengov_lint.fsutil import AtomicTextFile

    if not opts.output or settings.output_format == "xlsx":
        return sys.stdout
    try:
        return AtomicTextFile(opts.output)
    except OSError as exc:
        sys.stderr.write(f"opengov-lint: cannot write the output file {opts.output}: {exc.strerror or exc}\n")
        return None


def _run_with_output(files: Sequence[str], settings: Settings, opts: BatchOptions, cfg: Any, hooks: Any,
                     buf: Any) -> int:
    from opengov_lint.reporters import get_reporter
    from opengov_lint.run.session import rules_for

    color = use_color(opts.color, opts.output)
    reporter = get_reporter(settings.output_format, buf, lang=settings.lang, color=color, quiet=opts.quiet,
                            statistics=opts.statistics, output=opts.output, rules=rules_for(settings),
                            show_all=settings.show_all)
    progress = Progress(len(files), opts.progress and not opts.quiet, settings.lang)
    summaries: Any = None
    if settings.batch_rules:  # summaries of every report, on disk (the main process stays flat)
        from opengov_lint.crossdoc.store import SummaryStore

        summaries = SummaryStore()
    diffs: list[str] = []
    if settings.fix == "diff":
        reporter = DiffOnly(diffs)
    run = _Run(settings, opts, cfg, hooks, reporter, progress, summaries)
    try:
        failed = run.all(files)
    except KeyboardInterrupt as exc:
        _second_signal_exits()
        progress.stop()
        return _interrupted(reporter, buf, settings, progress.seen, isinstance(exc, Terminated), run.finished)
    finally:
        if summaries is not None:
            summaries.close()
    return _conclude(buf, hooks, settings, diffs, failed)


@dataclass(slots=True)
class _Run:
    """One batch streamed to its reporter: stdin first, then the files (cached or checked), then the
    cross-document rules, the manifest's completeness and the configuration's own findings."""

    settings: Settings
    opts: BatchOptions
    cfg: Any
    hooks: Any
    reporter: Any
    progress: Progress
    summaries: Any
    # (path, status, issuer, year) for the manifest's completeness check; kept only when there is a manifest
    seen: list[tuple[str, str, str | None, Any]] | None = None
    finished: bool = False  # the reporter has written its whole output (a signal after that must not redo it)

    def all(self, files: Sequence[str]) -> bool:
        from opengov_lint import engine
        from opengov_lint.run.sources import STDIN

        settings = self.settings
        self.seen = [] if settings.manifest else None
        self.reporter.start()
        failed = False
        if files and files[0] == STDIN:
            failed |= self._stdin()
            files = files[1:]
        failed |= self._files(files)
        self.progress.stop()
        if self.summaries is not None and self.summaries.count:
            failed |= _cross_document(self.summaries, self.cfg, self.hooks, self.reporter, settings.fail_on)
        if settings.manifest and hasattr(self.reporter, "completeness"):
            from opengov_lint.reporters.office import completeness

            self.reporter.completeness(completeness(settings.manifest, self.seen or []))
        for result in self.hooks.tail():
            failed |= engine.fails(result.findings, settings.fail_on)
            self.reporter.file(result)
        self.finished = _finish_undisturbed(self.reporter)
        return failed

    def _stdin(self) -> bool:
        from opengov_lint.run.worker import check_one, init_worker

        init_worker(self.settings)
        data = sys.stdin.buffer.read()
        result = self.hooks.result(check_one("<stdin>", data, self.opts.stdin_format))
        return _consume(result, self.reporter, self.progress, self.summaries, self.settings.fail_on, self.seen)

    def _files(self, files: Sequence[str]) -> bool:
        from opengov_lint.run.cache import cached_batch
        from opengov_lint.run.executors import run_batch
        from opengov_lint.run.nearest import segments

        failed = False
        n_jobs = max(1, self.opts.jobs or os.cpu_count() or 1)
        for part_settings, part in segments(files, self.settings, self.opts.settings_for):
            results = cached_batch(part, part_settings, n_jobs, self.opts.cache, run_batch)
            try:
                for result in results:
                    failed |= _consume(self.hooks.result(_classify(result, self.opts.named)), self.reporter,
                                       self.progress, self.summaries, self.settings.fail_on, self.seen)
            finally:
                results.close()  # on Ctrl-C/SIGTERM: the workers are killed here, at once
        return failed


def _finish_undisturbed(reporter: Any) -> bool:
    """The reporter writes its output with Ctrl-C/SIGTERM held back: a signal in the middle would leave half
    an output that the interrupted path then finishes a second time. A signal that came meanwhile is raised
    once the output is whole (so the exit code still says the run was interrupted)."""
    import signal

    pending: list[int] = []

    def hold(signum: int, frame: Any) -> None:
        pending.append(signum)

    try:
        old = {s: signal.signal(s, hold) for s in (signal.SIGINT, signal.SIGTERM)}
    except ValueError:  # not the main thread: nothing to hold back
        reporter.finish()
        return True
    try:
        reporter.finish()
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)
    if pending:
        raise Terminated() if signal.SIGTERM in pending else KeyboardInterrupt()
    return True


def _conclude(buf: Any, hooks: Any, settings: Settings, diffs: list[str], failed: bool) -> int:
    """Commit the output, write the baseline, and the exit code."""
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


def _interrupted(reporter: Any, buf: Any, settings: Settings, seen: int, term: bool, finished: bool = False) -> int:
    """Ctrl-C / SIGTERM: the output, valid and complete for the files checked so far; no baseline."""
    written = True
    try:
        if not finished:
            reporter.finish()
        if buf is not sys.stdout:
            buf.commit()
    except Exception:
        written = False
    sys.stderr.write(
        (f"\nopengov-lint：已中断；输出中包含已检查完的 {seen} 个文件\n" if written else
         "\nopengov-lint：已中断，未写出输出文件\n") if settings.lang == "zh" else
        (f"\nopengov-lint: interrupted; the output holds the {seen} file(s) checked so far\n" if written else
         "\nopengov-lint: interrupted; no output file was written\n"))
    return EXIT_TERMINATED if term else EXIT_INTERRUPTED


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
    from opengov_lint.reporters.sanitize import finding as sanitised

    kept = sorted((sanitised(f) for f in kept), key=lambda f: f.sort_key())
    if hasattr(reporter, "extra"):
        reporter.extra(kept, summaries.facts_of(f.path for f in kept))
    else:  # reporters without a cross-document section get them as results of their files
        for path in dict.fromkeys(f.path for f in kept):
            reporter.file(FileResult(path, [f for f in kept if f.path == path], kind="crossdoc"))
    return engine.fails(kept, fail_on)


def _classify(result: Any, named: list[str]) -> Any:
    """A file found in a folder walk that is not an annual report (a README, notes) is not checked: its
    status is not_a_report and it has no findings. A file the user named (`named`, sorted) is checked as
    a report."""
    if not result.report_like and result.readable and not _among(named, result.path):
        result.skipped, result.findings, result.summary = "not_a_report", [], None
    return result


def _among(ordered: list[str], item: str) -> bool:
    from bisect import bisect_left

    i = bisect_left(ordered, item)
    return i < len(ordered) and ordered[i] == item


def _consume(result: Any, reporter: Any, progress: Progress, summaries: Any, fail_on: str,
             seen: list[tuple[str, str, str | None, Any]] | None) -> bool:
    from opengov_lint import engine

    if seen is not None:
        seen.append((result.path, result.status(), result.facts.issuer, result.facts.year))
    from opengov_lint.reporters.sanitize import result as sanitised

    result = sanitised(result)
    if summaries is not None:
        if result.summary is not None:
            summaries.add(result.summary)
        if result.kind == "report":  # for the cross-document findings' issuer, year and labels
            summaries.add_facts(result.path, result.facts)
    result.summary = None
    reporter.file(result)
    progress.advance(result)
    return engine.fails(result.findings, fail_on)
