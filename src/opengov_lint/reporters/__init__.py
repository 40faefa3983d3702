"""Reporters render findings; they never filter them or decide the exit code.

Protocol: start(); file(result) for each checked file, in path order; extra(findings, facts) once with
the cross-document findings (OG6xx) after all files, `facts` being the ReportFacts of the reports they
concern (by path: a reporter need not remember the facts of every report); finish().

A reporter keeps nothing per report or per finding for the whole run unless its format needs it all at
the end (the xlsx workbook, the HTML dashboard, GitLab's array): text, json, jsonl, sarif and csv write
as they go or spill to a temporary file, so a batch of any size runs in flat memory."""

from __future__ import annotations

import importlib
from typing import IO, TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from opengov_lint.findings import Finding
    from opengov_lint.registry.info import RuleInfo
    from opengov_lint.results import FileResult, ReportFacts

FORMATS = {"text": "text", "json": "jsonfmt", "jsonl": "jsonfmt", "sarif": "sarif", "junit": "junit",
           "github": "github", "csv": "tabular", "xlsx": "xlsx", "html": "html", "concise": "text",
           "gitlab": "gitlab"}
BINARY = {"xlsx"}


class Reporter(Protocol):
    def start(self) -> None: ...

    def file(self, result: FileResult) -> None: ...

    def extra(self, findings: list[Finding], facts: Mapping[str, ReportFacts] | None = None) -> None: ...

    def finish(self) -> None: ...


def get_reporter(fmt: str, out: IO[str], *, lang: str, color: bool, quiet: bool, statistics: bool,
                 output: str | None = None, rules: Sequence[RuleInfo] | None = None,
                 show_all: bool = False) -> Reporter:
    """`rules` is every rule of the run (built-in, plugins, packs): SARIF describes them all. `show_all`:
    the text output lists every finding instead of the first few of each rule per report (a display
    choice: machine formats always hold every finding)."""
    mod = importlib.import_module(f"opengov_lint.reporters.{FORMATS[fmt]}")
    reporter: Reporter = mod.make(fmt, out, lang=lang, color=color, quiet=quiet, statistics=statistics,
                                  output=output, rules=list(rules or ()), show_all=show_all)
    return reporter


def finding_key(d: dict[str, Any]) -> tuple[Any, ...]:
    """Finding.sort_key for the dict form."""
    loc = d["location"]
    return (d["path"], loc.get("page") or 0, loc.get("line") or 0, loc.get("section") or 0, d["code"],
            loc.get("row") or "", loc.get("column") or "")
