"""`--output-format xlsx`: a workbook for an office — 汇总 (one row per report), 问题清单 (every finding,
filters and frozen header, errors first in the template's order), 各单位 / 各上级单位 (counts by
severity and rule, pass/fail), 规则统计 (count per rule, with its Chinese title), 指标 (实质公开率,
复议纠错率, 被诉率), 年度趋势 (organs with several years) and 报送情况 (against the manifest). Written with openpyxl in write-only mode
(rows stream to disk), saved to a temporary file and renamed, so a half-written workbook never
appears under the output name."""

from __future__ import annotations

import os
import sys
import tempfile
from typing import IO, TYPE_CHECKING, Any

from opengov_lint.reporters import office
from opengov_lint.reporters.labels import SEV_ZH, rule_title
from opengov_lint.reporters.tabular import (
    SUMMARY_COLUMNS,
    SUMMARY_COLUMNS_EN,
    Ledger,
    finding_cells,
    finding_headers,
    sorted_findings,
)
from opengov_lint.results import STATUS_EN, STATUS_ZH, FileResult, ReportFacts

if TYPE_CHECKING:
    from collections import Counter
    from collections.abc import Mapping

    from opengov_lint.findings import Finding

_HEAD = {"unit": ("单位", "unit"), "parent": ("上级单位", "parent"), "reports": ("报告数", "reports"),
         "errors": ("错误", "errors"), "warnings": ("警告", "warnings"), "info": ("提示", "info"),
         "verdict": ("结论", "verdict"), "top": ("主要问题（规则：次数）", "top rules (rule: count)"),
         "year": ("年度", "year"), "file": ("文件", "file")}


class XlsxReporter:
    def __init__(self, output: str | None, lang: str) -> None:
        from openpyxl import Workbook

        self.output, self.lang = output, lang
        self.zh = lang == "zh"
        self.ledger = Ledger(lang)
        self.wb = Workbook(write_only=True)
        self.summary = self.wb.create_sheet("汇总" if self.zh else "summary")
        self.findings = self.wb.create_sheet("问题清单" if self.zh else "findings")
        self.n_findings = 0
        self.names: dict[str, str] = {}
        self.complete: office.Completeness | None = None

    def h(self, key: str) -> str:
        return _HEAD[key][0 if self.zh else 1]

    def start(self) -> None:
        widths = {"A": 48, "B": 24, "E": 24, "G": 70}
        for col, w in widths.items():
            self.findings.column_dimensions[col].width = w
        self.summary.column_dimensions["A"].width = 48
        self.summary.column_dimensions["B"].width = 24
        self.summary.column_dimensions["J"].width = 70
        self.findings.freeze_panes = "A2"
        self.summary.freeze_panes = "A2"
        self.findings.append(finding_headers(self.lang))

    def file(self, result: FileResult) -> None:
        self.ledger.file(result)
        for f in sorted_findings(result):
            self.names[f.code] = f.name
            self.findings.append(finding_cells(f, result.facts, self.lang))
            self.n_findings += 1

    def extra(self, findings: list[Finding], facts: Mapping[str, ReportFacts] | None = None) -> None:
        self.ledger.extra(findings)
        for f in findings:
            self.names[f.code] = f.name
            self.findings.append(finding_cells(f, (facts or {}).get(f.path) or ReportFacts(), self.lang))
            self.n_findings += 1

    def completeness(self, c: office.Completeness) -> None:
        self.complete = c

    def _top(self, rules: Counter[str]) -> str:
        sep = "；" if self.zh else "; "
        return sep.join(f"{code} {rule_title(code, self.names.get(code, code), self.lang)}：{n}"
                        for code, n in rules.most_common(3))

    def _groups(self, title: str, groups: list[office.Group], first: str) -> None:
        ws = self.wb.create_sheet(title)
        ws.column_dimensions["A"].width = 30
        ws.column_dimensions["J"].width = 60
        st = STATUS_ZH if self.zh else STATUS_EN
        ws.append([self.h(first), self.h("parent") if first == "unit" else self.h("reports"), self.h("reports"),
                   st["passed"], st["failed"], st["not_checked"], st["unreadable"], self.h("errors"),
                   self.h("warnings"), self.h("info"), self.h("top"), self.h("verdict")])
        for g in groups:
            verdict = st["passed"] if g.passed else (st["failed"] if g.statuses["failed"] else
                                                     st["unreadable"] if g.statuses["unreadable"] else
                                                     st["not_checked"])
            ws.append([g.name, g.parent if first == "unit" else g.reports, g.reports, g.statuses["passed"],
                       g.statuses["failed"], g.statuses["not_checked"], g.statuses["unreadable"], g.counts["error"],
                       g.counts["warning"], g.counts["info"], self._top(g.rules), verdict])

    def _rules(self) -> None:
        ws = self.wb.create_sheet("规则统计" if self.zh else "rules")
        ws.column_dimensions["B"].width = 36
        ws.append(["规则代码", "规则名称", "级别", "数量"] if self.zh else ["code", "rule", "severity", "count"])
        for (code, name, sev), n in sorted(self.ledger.by_rule.items()):
            ws.append([code, rule_title(code, name, self.lang), SEV_ZH[sev] if self.zh else sev, n])

    def _indicators(self) -> None:
        ws = self.wb.create_sheet("指标" if self.zh else "indicators")
        ws.column_dimensions["A"].width = 30
        ws.append([self.h("unit"), self.h("year")] + [zh if self.zh else en for _, zh, en in office.INDICATORS]
                  + [self.h("file")])
        for r in self.ledger.rows.values():
            if r.status in office.CHECKED:
                ind = office.indicators(r.figures)
                ws.append([office.unit_name(r), r.year if r.year is not None else ""]
                          + [office.percent(ind[k]) for k, _, _ in office.INDICATORS] + [r.path])

    def _trends(self) -> None:
        years, per = office.trends(self.ledger.rows.values())
        if not per:
            return
        ws = self.wb.create_sheet("年度趋势" if self.zh else "trends")
        ws.column_dimensions["A"].width = 30
        suffix = ("年错误数", "年实质公开率") if self.zh else (" errors", " disclosure rate")
        ws.append([self.h("unit")] + [f"{y}{suffix[0]}" for y in years] + [f"{y}{suffix[1]}" for y in years])
        for unit, rows in per.items():
            errs = [rows[y].counts["error"] if y in rows else "" for y in years]
            rates = [office.percent(office.indicators(rows[y].figures)["disclosure_rate"]) if y in rows else ""
                     for y in years]
            ws.append([unit, *errs, *rates])

    def _completeness(self) -> None:
        if self.complete is None:
            return
        ws = self.wb.create_sheet("报送情况" if self.zh else "completeness")
        ws.column_dimensions["A"].width = 12
        ws.column_dimensions["B"].width = 100
        ws.append(["类别", "说明"] if self.zh else ["kind", "detail"])
        kinds = (("未报送", "missing"), ("清单外", "not in the manifest"), ("重复报送", "duplicate"))
        lines = self.complete.lines(self.lang)
        for line in lines:
            kind = next((k for k in kinds if line.startswith(k[0] if self.zh else k[1])), kinds[0])
            ws.append([kind[0] if self.zh else kind[1], line])
        if not lines:
            ws.append(["完整" if self.zh else "complete", f"清单所列{self.complete.listed}份报告均已报送，无清单外和重复文件"
                       if self.zh else f"all {self.complete.listed} listed reports present"])

    def finish(self) -> None:
        last = chr(ord("A") + len(finding_headers(self.lang)) - 1)
        self.findings.auto_filter.ref = f"A1:{last}{self.n_findings + 1}"
        self.summary.append(SUMMARY_COLUMNS if self.zh else SUMMARY_COLUMNS_EN)
        for row in self.ledger.rows.values():
            self.summary.append(row.cells(self.lang))
        self.summary.auto_filter.ref = f"A1:L{len(self.ledger.rows) + 1}"
        rows = list(self.ledger.rows.values())
        self._rules()
        self._groups("各单位" if self.zh else "units", office.by_unit(rows), "unit")
        parents = office.by_parent(rows)
        if parents:
            self._groups("各上级单位" if self.zh else "parents", parents, "parent")
        self._indicators()
        self._trends()
        self._completeness()
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
