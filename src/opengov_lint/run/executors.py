"""Running a batch: local worker processes, or an existing Dask cluster (`--executor dask --scheduler
ADDRESS`). Both stream results in input order with a bounded number of files in flight.

Each Dask worker builds the rule engine once per settings object (sent once with `scatter`) and checks
files exactly as a local process would, so the findings are identical. Results come back in input
order with a bounded number of files in flight. The files (or URLs) must be reachable from the
workers under the same paths."""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Any

from opengov_lint.run.pool import deadline_for
from opengov_lint.run.worker import FileTimeout, check_one, init_worker

if TYPE_CHECKING:
    from collections.abc import Generator, Iterator, Sequence

    from opengov_lint.config.settings import Settings
    from opengov_lint.results import FileResult

_WORKER_SETTINGS: dict[str, Any] = {}


class ExecutorError(RuntimeError):
    """The executor cannot start (a usage error: exit 2 with this message)."""


def _task(path: str, settings: Settings) -> Any:
    """One file on a Dask worker (a thread there: the worker's SIGALRM cannot be used). The deadline is
    held by a timer that raises FileTimeout in this thread, so a timeout is reported as one."""
    token = repr((settings.select, settings.ignore, settings.extend_select, settings.severity, settings.lang,
                  settings.year, settings.issuer_kind, settings.batch_rules, sorted(settings.manifest)))
    if _WORKER_SETTINGS.get("token") != token:
        init_worker(settings)
        _WORKER_SETTINGS["token"] = token
    return check_one(path)  # its time_limit uses a thread timer here (worker.thread_deadline)


def run_dask(paths: Sequence[str], settings: Settings, client: Any = None) -> Iterator[Any]:
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ExecutorError("the dask executor needs the `distributed` package: pip install 'opengov-lint[dask]'") \
            from exc
    own = client is None
    if own:
        if not settings.scheduler:
            raise ExecutorError("--executor dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
        try:
            client = Client(settings.scheduler, timeout="30s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise ExecutorError(f"cannot reach the Dask scheduler {settings.scheduler}: {exc}") from exc
    try:
        remote = client.scatter(settings, broadcast=True)
        window: deque[tuple[str, Any]] = deque()
        limit = max(8, 4 * sum(client.nthreads().values()))
        it = iter(paths)
        for p in it:
            window.append((p, client.submit(_task, p, remote, pure=False)))
            if len(window) >= limit:
                break
        while window:
            path, fut = window.popleft()
            nxt = next(it, None)
            if nxt is not None:
                window.append((nxt, client.submit(_task, nxt, remote, pure=False)))
            yield _result_of(fut, path, settings)
            fut.release()
    finally:
        if own:
            client.close()


def _result_of(fut: Any, path: str, settings: Settings) -> Any:
    """A Dask future's result; a file whose worker was lost (more than the cluster's allowed failures)
    is OG901 `worker-died`, and the batch goes on."""
    from opengov_lint.run.pool import unchecked

    try:
        return fut.result()
    except FileTimeout:  # the deadline fell just outside check_one's own handler
        return unchecked(path, settings, "timeout")
    except Exception as exc:
        if type(exc).__name__ in ("KilledWorker", "CommClosedError", "CancelledError", "FutureCancelledError"):
            return unchecked(path, settings, "worker-died")
        raise


def run_local(paths: Sequence[str], settings: Settings, jobs: int) -> Iterator[FileResult]:
    """Results in input order from supervised worker processes (run/pool.py): the per-file deadline
    holds whatever a reader does (the worker is killed and replaced), and a worker that dies costs only
    the file it held. One file (a pre-commit hook, an editor) is checked in this process, with the
    in-process alarm as its limit: start-up stays free of multiprocessing."""
    init_worker(settings)  # built once here; forked workers inherit the engine
    if len(paths) <= 1 or (deadline_for(settings.timeout) is None and jobs <= 1):
        for p in paths:
            yield check_one(p)
        return
    from opengov_lint.run.pool import Pool

    yield from Pool(settings, min(jobs, max(1, len(paths)))).run(paths)


def run_batch(paths: Sequence[str], settings: Settings, jobs: int) -> Generator[FileResult, None, None]:
    if settings.executor == "dask":
        yield from run_dask(paths, settings)
    else:
        yield from run_local(paths, settings, jobs)
