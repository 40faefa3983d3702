"""What the batch shows while it runs: the progress bar, and `--diff`'s diffs instead of findings."""

from __future__ import annotations

import sys
from typing import Any


class Progress:
    """A rich progress bar on stderr with counts and ETA; silent when stderr is not a terminal."""

    def __init__(self, total: int, enabled: bool, lang: str) -> None:
        self.bar: Any = None
        self.seen = 0
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
        self.seen += 1
        if self.bar is None:
            return
        self.counts[0] += sum(1 for f in result.findings if f.severity == "error")
        self.counts[1] += sum(1 for f in result.findings if f.severity == "warning")
        self.counts[2] += not result.readable
        self.bar.update(self.task, advance=1, description=self._label(*self.counts))

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


class DiffOnly:
    """With --diff only the diffs are printed (to stdout), not the findings."""

    def __init__(self, diffs: list[str]) -> None:
        self.diffs = diffs

    def start(self) -> None:
        pass

    def file(self, result: Any) -> None:
        self.diffs.append(result.diff)
        if result.diff:
            sys.stdout.write(result.diff if result.diff.endswith("\n") else result.diff + "\n")

    def extra(self, findings: list[Any], facts: Any = None) -> None:
        pass

    def finish(self) -> None:
        pass
