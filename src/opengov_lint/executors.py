"""Running a batch on an existing Dask cluster (`--executor dask --scheduler ADDRESS`).

Each worker builds the rule engine once per settings object (sent once with `scatter`) and checks
files exactly as a local process would, so the findings are identical. Results come back in input
order with a bounded number of files in flight. The files (or URLs) must be reachable from the
workers under the same paths."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any

from opengov_lint.config import Settings

_WORKER_SETTINGS: dict[str, Any] = {}


def _task(path: str, settings: Settings) -> Any:
    from opengov_lint import runner

    token = repr((settings.select, settings.ignore, settings.extend_select, settings.severity, settings.lang,
                  settings.year, settings.issuer_kind, settings.batch_rules, sorted(settings.manifest)))
    if _WORKER_SETTINGS.get("token") != token:
        runner.init_worker(settings)
        _WORKER_SETTINGS["token"] = token
    return runner.check_one(path)


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
