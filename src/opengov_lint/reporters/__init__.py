"""Reporters render findings; they never filter them or decide the exit code."""

from __future__ import annotations

import importlib
from typing import IO, Protocol

from opengov_lint.runner import FileResult

FORMATS = {"text": "text", "json": "jsonfmt", "jsonl": "jsonfmt"}


class Reporter(Protocol):
    def start(self) -> None: ...

    def file(self, result: FileResult) -> None: ...

    def finish(self) -> None: ...


def get_reporter(fmt: str, out: IO[str], *, lang: str, color: bool, quiet: bool, statistics: bool) -> Reporter:
    mod = importlib.import_module(f"opengov_lint.reporters.{FORMATS[fmt]}")
    reporter: Reporter = mod.make(fmt, out, lang=lang, color=color, quiet=quiet, statistics=statistics)
    return reporter
