"""`json` (one array, sorted by path then position) and `jsonl` (one object per line, streamed)."""

from __future__ import annotations

import json
from typing import IO, Any

from opengov_lint.findings import Finding
from opengov_lint.runner import FileResult


class JsonReporter:
    def __init__(self, out: IO[str], lines: bool) -> None:
        self.out, self.lines = out, lines
        self.findings: list[Finding] = []

    def start(self) -> None:
        pass

    def file(self, result: FileResult) -> None:
        if self.lines:
            for f in sorted(result.findings, key=Finding.sort_key):
                self.out.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")
        else:
            self.findings.extend(result.findings)

    def finish(self) -> None:
        if not self.lines:
            self.findings.sort(key=Finding.sort_key)
            json.dump([f.to_dict() for f in self.findings], self.out, ensure_ascii=False, indent=2)
            self.out.write("\n")


def make(fmt: str, out: IO[str], **_: Any) -> JsonReporter:
    return JsonReporter(out, lines=fmt == "jsonl")
