"""`json` (one array, sorted by path then position) and `jsonl` (one object per line, streamed).

The array form spills per-file findings to a temporary file and merges them with the cross-document
findings at the end, so memory does not grow with the size of the batch."""

from __future__ import annotations

import heapq
import json
import tempfile
from collections.abc import Iterator
from typing import IO, Any

from opengov_lint.findings import Finding
from opengov_lint.reporters import finding_key
from opengov_lint.reporters.labels import labels
from opengov_lint.results import FileResult, ReportFacts


def as_dict(f: Finding, facts: ReportFacts) -> dict[str, Any]:
    """The contract's keys, then (added in the second round) who and which year, and the Chinese labels of
    the ids: `issuer`, `year`, `labels` {rule, severity, section, table, row, column}."""
    d = f.to_dict()
    d["issuer"], d["year"] = facts.issuer, facts.year
    d["labels"] = labels(f, facts.template)
    return d


class JsonReporter:
    def __init__(self, out: IO[str], lines: bool) -> None:
        self.out, self.lines = out, lines
        self.spill: Any = None if lines else tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self.cross: list[dict[str, Any]] = []
        self.facts: dict[str, ReportFacts] = {}

    def start(self) -> None:
        pass

    def file(self, result: FileResult) -> None:
        if result.kind == "report":
            self.facts[result.path] = result.facts
        facts = self.facts.get(result.path, result.facts)
        for f in sorted(result.findings, key=Finding.sort_key):
            line = json.dumps(as_dict(f, facts), ensure_ascii=False)
            (self.out if self.lines else self.spill).write(line + "\n")

    def extra(self, findings: list[Finding]) -> None:
        dicts = [as_dict(f, self.facts.get(f.path, ReportFacts())) for f in findings]
        if self.lines:
            for d in dicts:
                self.out.write(json.dumps(d, ensure_ascii=False) + "\n")
        else:
            self.cross = sorted(dicts, key=finding_key)

    def _spilled(self) -> Iterator[dict[str, Any]]:
        self.spill.seek(0)
        for line in self.spill:
            yield json.loads(line)

    def finish(self) -> None:
        if self.lines:
            return
        self.out.write("[")
        first = True
        for d in heapq.merge(self._spilled(), self.cross, key=finding_key):
            text = json.dumps(d, ensure_ascii=False, indent=2)
            self.out.write(("\n" if first else ",\n") + "  " + text.replace("\n", "\n  "))
            first = False
        self.out.write("\n]\n" if not first else "]\n")
        self.spill.close()


def make(fmt: str, out: IO[str], **_: Any) -> JsonReporter:
    return JsonReporter(out, lines=fmt == "jsonl")
