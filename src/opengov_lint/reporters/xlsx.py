"""`--output-format xlsx`: a workbook for an office — 汇总 (one row per report), 问题清单 (every finding,
filters and frozen header) and 规则统计 (count per rule). Written with openpyxl in write-only mode
(rows stream to disk), saved to a temporary file and renamed, so a half-written workbook never
appears under the output name."""

from __future__ import annotations

import os
import sys
import tempfile
from typing import IO, Any

from opengov_lint.findings import Finding
from opengov_lint.reporters.tabular import FINDING_COLUMNS, SEV_ZH, SUMMARY_COLUMNS, Ledger, finding_cells
from opengov_lint.results import FileResult, ReportFacts


class XlsxReporter:
    def __init__(self, output: str | None, lang: str) -> None:
        from openpyxl import Workbook

        self.output, self.lang = output, lang
        self.ledger = Ledger(lang)
        self.wb = Workbook(write_only=True)
        self.summary = self.wb.create_sheet("汇总")
        self.findings = self.wb.create_sheet("问题清单")
        self.rules = self.wb.create_sheet("规则统计")
        self.n_findings = 0
        self.facts: dict[str, ReportFacts] = {}

    def start(self) -> None:
        widths = {"A": 48, "B": 24, "G": 70}
        for col, w in widths.items():
            self.findings.column_dimensions[col].width = w
        self.summary.column_dimensions["A"].width = 48
        self.summary.column_dimensions["B"].width = 24
        self.summary.column_dimensions["J"].width = 70
        self.findings.freeze_panes = "A2"
        self.summary.freeze_panes = "A2"
        self.findings.append([c for c, _ in FINDING_COLUMNS])

    def file(self, result: FileResult) -> None:
        self.ledger.file(result)
        self.facts[result.path] = result.facts
        for f in sorted(result.findings, key=Finding.sort_key):
            self.findings.append(finding_cells(f, result.facts))
            self.n_findings += 1

    def extra(self, findings: list[Finding]) -> None:
        self.ledger.extra(findings)
        for f in findings:
            self.findings.append(finding_cells(f, self.facts.get(f.path, ReportFacts())))
            self.n_findings += 1

    def finish(self) -> None:
        last = chr(ord("A") + len(FINDING_COLUMNS) - 1)
        self.findings.auto_filter.ref = f"A1:{last}{self.n_findings + 1}"
        self.summary.append(SUMMARY_COLUMNS)
        for row in self.ledger.rows.values():
            self.summary.append(row.cells())
        self.summary.auto_filter.ref = f"A1:K{len(self.ledger.rows) + 1}"
        self.rules.append(["规则代码", "规则名称", "级别", "数量"])
        for (code, name, sev), n in sorted(self.ledger.by_rule.items()):
            self.rules.append([code, name, SEV_ZH[sev], n])
        if self.output:
            from opengov_lint.fsutil import finish_replace, write_target

            target = write_target(self.output)
            directory = os.path.dirname(os.path.abspath(target)) or "."
            fd, tmp = tempfile.mkstemp(prefix=".opengov-lint-", suffix=".xlsx", dir=directory)
            os.close(fd)
            try:
                self.wb.save(tmp)
                finish_replace(tmp, target)
            except BaseException:
                if os.path.exists(tmp):
                    os.unlink(tmp)
                raise
        else:
            with tempfile.TemporaryFile() as fh:
                self.wb.save(fh)
                fh.seek(0)
                sys.stdout.buffer.write(fh.read())


def make(fmt: str, out: IO[str], *, lang: str, output: str | None = None, **_: Any) -> XlsxReporter:
    return XlsxReporter(output, lang)
