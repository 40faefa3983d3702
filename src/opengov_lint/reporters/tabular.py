"""Shared bookkeeping for the office formats (csv, xlsx, html) and the `csv` reporter itself.

Each reporter keeps one summary row per report (issuer, year, format, template, counts, worst
finding) and streams findings to its output or to a temporary file, so memory stays bounded."""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Any

from opengov_lint.findings import SEVERITY_RANK, Finding
from opengov_lint.results import FileResult, ReportFacts

SEV_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
TABLE_ZH = {"active_disclosure": "表二", "requests": "表三", "review_litigation": "表四"}
FINDING_COLUMNS = [("文件", "path"), ("发布机关", "issuer"), ("年度", "year"), ("规则代码", "code"), ("规则名称", "name"),
                   ("级别", "severity"), ("问题说明", "message"), ("页", "page"), ("行号", "line"), ("部分", "section"),
                   ("表格", "table"), ("行", "row"), ("列", "column"), ("原文", "excerpt"), ("证据", "evidence")]
SUMMARY_COLUMNS = ["文件", "发布机关", "机关类型", "年度", "格式", "模板", "错误", "警告", "提示", "最严重问题", "结论"]


@dataclass(slots=True)
class ReportRow:
    path: str
    issuer: str
    kind: str
    year: Any
    fmt: str
    template: str
    counts: Counter[str] = field(default_factory=Counter)
    worst: str = ""
    worst_rank: int = 0

    def add(self, f: Finding, lang: str) -> None:
        self.counts[f.severity] += 1
        rank = SEVERITY_RANK[f.severity]
        if rank > self.worst_rank:
            self.worst_rank, self.worst = rank, f"{f.code} {f.message}"

    @property
    def passed(self) -> bool:
        return self.counts["error"] == 0

    def cells(self) -> list[Any]:
        from opengov_lint.reporters.sanitize import cell

        kind = {"government": "政府", "department": "部门", "subdistrict": "街道", "agency": "管委会"}.get(self.kind, "未知")
        return [cell(v) for v in [self.path, self.issuer, kind, self.year if self.year is not None else "", self.fmt,
                                  self.template,
                self.counts["error"], self.counts["warning"], self.counts["info"], self.worst,
                "通过" if self.passed else "不通过"]]


class Ledger:
    """Summary rows by path and per-rule counts for a whole run."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.rows: dict[str, ReportRow] = {}
        self.by_rule: Counter[tuple[str, str, str]] = Counter()

    def file(self, result: FileResult) -> ReportRow:
        m = result.facts
        row = ReportRow(result.path, m.issuer or "", m.issuer_kind or "unknown", m.year,
                        m.format or "", m.template or ("" if result.readable else "无法读取"))
        self.rows[result.path] = row
        for f in result.findings:
            row.add(f, self.lang)
            self.by_rule[(f.code, f.name, f.severity)] += 1
        return row

    def extra(self, findings: list[Finding]) -> None:
        for f in findings:
            row = self.rows.get(f.path)
            if row is not None:
                row.add(f, self.lang)
            self.by_rule[(f.code, f.name, f.severity)] += 1


def finding_cells(f: Finding, facts: ReportFacts) -> list[Any]:
    loc = f.location
    from opengov_lint.reporters.sanitize import cell

    return [cell(v) for v in (
        f.path, facts.issuer or "", facts.year or "", f.code, f.name, SEV_ZH[f.severity], f.message,
        loc.page or "", loc.line or "", loc.section or "", TABLE_ZH.get(loc.table or "", loc.table or ""),
        loc.row or "", loc.column or "", loc.excerpt or "", json.dumps(f.evidence, ensure_ascii=False))]


class CsvReporter:
    """One row per finding, Chinese headers, UTF-8 with BOM so Excel opens it correctly."""

    def __init__(self, out: IO[str], lang: str) -> None:
        self.out, self.lang = out, lang
        self.writer = csv.writer(out)
        self.facts: dict[str, ReportFacts] = {}

    def start(self) -> None:
        self.out.write("\ufeff")
        self.writer.writerow([c for c, _ in FINDING_COLUMNS])

    def file(self, result: FileResult) -> None:
        self.facts[result.path] = result.facts
        for f in sorted(result.findings, key=Finding.sort_key):
            self.writer.writerow(finding_cells(f, result.facts))

    def extra(self, findings: list[Finding]) -> None:
        for f in findings:
            self.writer.writerow(finding_cells(f, self.facts.get(f.path, ReportFacts())))

    def finish(self) -> None:
        pass


def make(fmt: str, out: IO[str], *, lang: str, **_: Any) -> CsvReporter:
    return CsvReporter(out, lang)
