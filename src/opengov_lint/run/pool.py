"""Supervised worker processes for a local batch: one file at a time per worker, over a pipe.

The parent holds every deadline itself. A worker that is still busy `timeout + grace` seconds after
it was handed a file (a reader stuck in C code where the worker's own alarm cannot reach) is killed
and replaced, and the file is reported as a timeout (OG901, reason `timeout`). A worker that dies
(SIGKILL, the OOM killer, a crash in a C library) costs only the file it held (OG901, reason
`worker-died`); the batch goes on with a new worker. Results come back in input order with at most
4 × jobs files between the oldest unfinished one and the newest handed out, so memory stays bounded."""

from __future__ import annotations

import os
import signal
import time
from collections import deque
from typing import TYPE_CHECKING, Any

from opengov_lint.findings import Finding, Location
from opengov_lint.results import FileResult

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from opengov_lint.config.settings import Settings

GRACE = 2.0  # seconds the worker's own alarm gets before the parent kills it


def deadline_for(timeout: float | None) -> float | None:
    """Seconds after which the parent kills a worker busy with one file (None: no limit)."""
    if not timeout or timeout <= 0:
        return None
    return timeout + max(GRACE, 0.1 * timeout)


def unchecked(path: str, settings: Settings, reason: str) -> FileResult:
    """The result of a file whose worker was killed (timeout) or died."""
    if reason == "timeout":
        limit = settings.timeout or 0
        zh = (f"处理时间超过每个文件{limit:g}秒的上限（timeout），已终止处理该文件的进程并放弃该文件；"
              "如文件确实很大，可用 --timeout 调高上限")
        en = f"processing took longer than the per-file limit of {limit:g} s (timeout); its worker was stopped"
    else:
        zh = "检查该文件的工作进程意外终止（可能因内存不足被系统结束），未能检查该文件；其余文件照常检查"
        en = "the worker process checking this file died (killed, e.g. out of memory), so it was not checked"
    sev = settings.severity.get("OG901") or settings.severity.get("file-unreadable") or "error"
    finding = Finding("OG901", "file-unreadable", sev, zh if settings.lang == "zh" else en, path, Location(),
                      {"reason": reason})
    result = FileResult(path, [finding])
    result.readable = False
    return result


def _serve(conn: Any, settings: Settings) -> None:
    """A worker: check each path the parent sends, send back the result; stop at EOF or None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the workers
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    from opengov_lint.run import worker

    if worker._SETTINGS is not settings or worker._ENGINE is None:  # spawned, not forked from the parent
        worker.init_worker(settings)
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if path is None:
            return
        conn.send(worker.check_one(path))


class _Worker:
    def __init__(self, ctx: Any, settings: Settings) -> None:
        parent, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, settings), daemon=True)
        self.proc.start()
        child.close()
        self.conn = parent
        self.task: tuple[int, str] | None = None
        self.deadline = float("inf")

    def give(self, index: int, path: str, limit: float | None) -> bool:
        """Hand over one file; False when the worker is already dead (killed while idle)."""
        try:
            self.conn.send(path)
        except OSError:  # BrokenPipeError: the file was never received
            return False
        self.task = (index, path)
        self.deadline = time.monotonic() + limit if limit else float("inf")
        return True

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(timeout=2)
        self.conn.close()


class _Pending:
    """The files not handed out yet, in order: a position in the run's list plus the few handed back by
    a worker that died while idle (not a queue holding an entry for every file of the batch)."""

    def __init__(self, paths: Sequence[str]) -> None:
        self.paths, self.next = paths, 0
        self.back: deque[tuple[int, str]] = deque()

    def __len__(self) -> int:
        return len(self.back) + len(self.paths) - self.next

    def first(self) -> int:
        return self.back[0][0] if self.back else self.next

    def pop(self) -> tuple[int, str]:
        if self.back:
            return self.back.popleft()
        self.next += 1
        return self.next - 1, self.paths[self.next - 1]

    def put_back(self, index: int, path: str) -> None:
        self.back.appendleft((index, path))


class Pool:
    """`jobs` supervised workers; `run(paths)` yields one FileResult per path, in order."""

    def __init__(self, settings: Settings, jobs: int) -> None:
        import multiprocessing

        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        self.ctx = multiprocessing.get_context(method)
        self.settings, self.jobs = settings, max(1, jobs)
        self.limit = deadline_for(settings.timeout)
        self.workers: list[_Worker] = []

    def run(self, paths: Sequence[str]) -> Iterator[FileResult]:
        pending = _Pending(paths)
        done: dict[int, FileResult] = {}
        nxt = 0
        try:
            while nxt < len(paths):
                self._hand_out(pending, nxt)
                self._collect(done)
                while nxt in done:
                    yield done.pop(nxt)
                    nxt += 1
        finally:
            self.close()

    def _hand_out(self, pending: _Pending, oldest: int) -> None:
        while len(self.workers) < self.jobs and len(self.workers) < len(pending) + self._busy():
            self.workers.append(_Worker(self.ctx, self.settings))
        for w in list(self.workers):
            if w.task is None and pending and pending.first() < oldest + 4 * self.jobs:
                index, path = pending.pop()
                if not w.give(index, path, self.limit):  # died while idle: the file goes to a new worker
                    pending.put_back(index, path)
                    self._replace(w)

    def _busy(self) -> int:
        return sum(1 for w in self.workers if w.task is not None)

    def _collect(self, done: dict[int, FileResult]) -> None:
        from multiprocessing.connection import wait

        busy = [w for w in self.workers if w.task is not None]
        if not busy:
            return
        soonest = min(w.deadline for w in busy)
        timeout = None if soonest == float("inf") else max(0.0, soonest - time.monotonic())
        ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout))
        now = time.monotonic()
        for w in busy:
            assert w.task is not None
            index, path = w.task
            if w.conn in ready:
                try:
                    done[index] = w.conn.recv()
                    w.task = None
                    continue
                except (EOFError, OSError):
                    pass  # died while sending: treated as a dead worker below
            if w.proc.sentinel in ready or w.conn in ready:
                done[index] = unchecked(path, self.settings, "worker-died")
            elif now >= w.deadline:
                done[index] = unchecked(path, self.settings, "timeout")
            else:
                continue
            self._replace(w)

    def _replace(self, w: _Worker) -> None:
        w.kill()
        self.workers.remove(w)

    def close(self) -> None:
        """Stop every worker at once (SIGKILL): used at the end, on Ctrl-C and on SIGTERM."""
        for w in self.workers:
            if w.proc.is_alive():
                w.proc.kill()
        for w in self.workers:
            w.proc.join(timeout=2)
            w.conn.close()
        self.workers = []


def run_supervised(paths: Sequence[str], settings: Settings, jobs: int) -> Iterator[FileResult]:
    yield from Pool(settings, jobs).run(paths)


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
