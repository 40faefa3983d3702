"""Running a batch: local worker processes, or an existing Dask cluster (`--executor dask --scheduler
ADDRESS`). Both stream results in input order with a bounded number of files in flight.

Each Dask worker builds the rule engine once per settings object (sent once with `scatter`) and checks
files exactly as a local process would, so the findings are identical. Results come back in input
order with a bounded number of files in flight. The files (or URLs) must be reachable from the
workers under the same paths."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any

from opengov_lint.config.settings import Settings
from opengov_lint.results import FileResult
from opengov_lint.run.worker import check_one, init_worker

_WORKER_SETTINGS: dict[str, Any] = {}


def _task(path: str, settings: Settings) -> Any:
    token = repr((settings.select, settings.ignore, settings.extend_select, settings.severity, settings.lang,
                  settings.year, settings.issuer_kind, settings.batch_rules, sorted(settings.manifest)))
    if _WORKER_SETTINGS.get("token") != token:
        init_worker(settings)
        _WORKER_SETTINGS["token"] = token
    return check_one(path)


def run_dask(paths: list[str], settings: Settings, client: Any = None) -> Iterator[Any]:
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise RuntimeError("the dask executor needs the `distributed` package: pip install 'opengov-lint[dask]'") \
            from exc
    own = client is None
    if own:
        if not settings.scheduler:
            raise RuntimeError("--executor dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
        client = Client(settings.scheduler, timeout="30s")
    try:
        remote = client.scatter(settings, broadcast=True)
        window: deque[Any] = deque()
        limit = max(8, 4 * sum(client.nthreads().values()))
        it = iter(paths)
        for p in it:
            window.append(client.submit(_task, p, remote, pure=False))
            if len(window) >= limit:
                break
        while window:
            fut = window.popleft()
            nxt = next(it, None)
            if nxt is not None:
                window.append(client.submit(_task, nxt, remote, pure=False))
            yield fut.result()
            fut.release()
    finally:
        if own:
            client.close()


def check_many(paths: list[str]) -> list[FileResult]:
    """A chunk of files checked in one task of a worker (one round trip for several files)."""
    return [check_one(p) for p in paths]


def chunk_size(files: int, jobs: int) -> int:
    """Files per task: enough to save round trips, small enough that every worker stays busy to the end."""
    return max(1, min(8, files // (jobs * 16)))


def run_local(paths: list[str], settings: Settings, jobs: int) -> Iterator[FileResult]:
    """Results in input order. With jobs > 1 files are checked in worker processes, in chunks, at most
    4 × jobs chunks in flight, so memory stays bounded however many files there are."""
    if jobs <= 1 or len(paths) <= 1:
        init_worker(settings)
        for p in paths:
            yield check_one(p)
        return
    from concurrent.futures import ProcessPoolExecutor  # only batches pay for multiprocessing

    size = chunk_size(len(paths), jobs)
    chunks = (paths[i:i + size] for i in range(0, len(paths), size))
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=init_worker, initargs=(settings,))
    window: deque[Any] = deque()
    try:
        for c in chunks:
            window.append(pool.submit(check_many, c))
            if len(window) >= jobs * 4:
                break
        while window:
            fut = window.popleft()
            nxt = next(chunks, None)
            if nxt is not None:
                window.append(pool.submit(check_many, nxt))
            yield from fut.result()
    finally:
        for fut in window:
            fut.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def run_batch(paths: list[str], settings: Settings, jobs: int) -> Iterator[FileResult]:
    if settings.executor == "dask":
        yield from run_dask(paths, settings)
    else:
        yield from run_local(paths, settings, jobs)
