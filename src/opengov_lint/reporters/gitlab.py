"""`--output-format gitlab`: GitLab Code Quality (a JSON array shown in merge requests), as ruff writes it:
description, check_name, fingerprint, severity, location.path, location.lines.begin.

The fingerprint is a hash of the baseline key of the finding (file, rule, where in the template, what),
so it stays the same when lines move and the same defect is not reported as new. Severity maps
error→major, warning→minor, info→info. A finding without a line is placed on line 1."""

from __future__ import annotations

import hashlib
import json
import os
from typing import IO, TYPE_CHECKING, Any

from opengov_lint.reporters.labels import rule_title
from opengov_lint.results import FileResult, ReportFacts

if TYPE_CHECKING:
    from collections.abc import Mapping

    from opengov_lint.findings import Finding

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


class GitlabReporter:
    def __init__(self, out: IO[str], lang: str) -> None:
        self.out, self.lang = out, lang
        self.items: list[dict[str, Any]] = []
        self.seen: set[str] = set()

    def start(self) -> None:
        pass

    def _item(self, f: Finding, facts: ReportFacts) -> dict[str, Any]:
        from opengov_lint.suppression.baseline import key

        base = "/".join(key(f, facts, os.getcwd()))
        fp = hashlib.sha256(base.encode("utf-8")).hexdigest()
        n = 1
        while fp in self.seen:  # two findings of one key: GitLab needs distinct fingerprints
            n += 1
            fp = hashlib.sha256(f"{base}#{n}".encode()).hexdigest()
        self.seen.add(fp)
        return {"description": f"{rule_title(f.code, f.name, self.lang)}：{f.message}" if self.lang == "zh"
                else f"{f.name}: {f.message}",
                "check_name": f.code, "fingerprint": fp, "severity": SEVERITY[f.severity],
                "location": {"path": f.path.replace(os.sep, "/"), "lines": {"begin": f.location.line or 1}}}

    def file(self, result: FileResult) -> None:
        for f in result.findings:
            self.items.append(self._item(f, result.facts))

    def extra(self, findings: list[Finding], facts: Mapping[str, ReportFacts] | None = None) -> None:
        for f in findings:
            self.items.append(self._item(f, (facts or {}).get(f.path) or ReportFacts()))

    def finish(self) -> None:
        self.out.write(json.dumps(self.items, ensure_ascii=False, indent=2) + "\n")


def make(fmt: str, out: IO[str], *, lang: str, **_: Any) -> GitlabReporter:
    return GitlabReporter(out, lang)
