"""One bounded pool of worker processes shared by every request of the server.

At most `jobs` files are checked at once and at most `4 × jobs` wait; a request waits for room instead
of starting processes of its own. A file still running past the per-file limit (plus a grace period) is
answered as a timeout; a worker that dies (killed by the OOM killer, a crash in a native library) costs
the files it held, which are answered with OG901, and the pool is rebuilt for the next ones."""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from opengov_lint.findings import Finding, Location
from opengov_lint.results import FileResult
from opengov_lint.web.jobs import Checked, check_upload

if TYPE_CHECKING:
    from opengov_lint.config.settings import Settings

GRACE = 10.0  # seconds past the per-file limit before the server stops waiting for a worker


class Pool:
    def __init__(self, settings: Settings, jobs: int) -> None:
        self.settings, self.jobs = settings, max(1, jobs)
        self._executor: ProcessPoolExecutor | None = None
        self._room: asyncio.Semaphore | None = None

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            from opengov_lint.run.worker import init_worker

            self.settings.parent_pid = os.getpid()
            self._executor = ProcessPoolExecutor(max_workers=self.jobs, initializer=init_worker,
                                                 initargs=(self.settings,))
        return self._executor

    async def check(self, name: str, data: bytes) -> Checked:
        if self._room is None:
            self._room = asyncio.Semaphore(4 * self.jobs)
        async with self._room:
            return await self._run(name, data)

    async def _run(self, name: str, data: bytes) -> Checked:
        limit = (self.settings.timeout or 120.0) + GRACE
        try:
            future = self._pool().submit(check_upload, name, data)
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout=limit)
        except TimeoutError:
            self._rebuild()  # the stuck worker would hold its slot for ever
            return _failed(name, "timeout", f"处理时间超过上限（{limit:g}秒），已放弃该文件",
                           f"processing took longer than {limit:g} s and was abandoned")
        except BrokenProcessPool:
            self._rebuild()
            return _failed(name, "worker-died", "检查该文件的工作进程意外终止（可能内存不足），未能检查；其他文件不受影响",
                           "the worker process checking this file died (out of memory?); other files are unaffected")

    def _rebuild(self) -> None:
        old, self._executor = self._executor, None
        if old is not None:
            for proc in list(getattr(old, "_processes", {}).values()):
                proc.kill()
            old.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


def _failed(name: str, reason: str, zh: str, en: str) -> Checked:
    finding = Finding("OG901", "file-unreadable", "error", zh, name, Location(), {"reason": reason, "message_en": en})
    return Checked(FileResult(name, [finding], readable=False))
