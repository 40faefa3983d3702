"""Reporters render findings; they never filter them or decide the exit code."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import IO, Protocol

from opengov_lint.registry import RuleInfo
from opengov_lint.runner import FileResult

FORMATS = {"text": "text", "json": "jsonfmt", "jsonl": "jsonfmt", "sarif": "sarif", "junit": "junit",
           "github": "github"}


class Reporter(Protocol):
    def start(self) -> None: ...

    def file(self, result: FileResult) -> None: ...

    def finish(self) -> None: ...


def get_reporter(fmt: str, out: IO[str], *, lang: str, color: bool, quiet: bool, statistics: bool,
                 rules: Sequence[RuleInfo] | None = None) -> Reporter:
    """`rules` is every rule of the run (built-in, plugins, packs): SARIF describes them all."""
    mod = importlib.import_module(f"opengov_lint.reporters.{FORMATS[fmt]}")
    reporter: Reporter = mod.make(fmt, out, lang=lang, color=color, quiet=quiet, statistics=statistics,
                                  rules=list(rules or ()))
    return reporter
