"""Shared bookkeeping for the office formats (csv, xlsx, html) and the `csv` reporter itself.

Each reporter keeps one summary row per report (issuer, year, format, template, counts, worst
finding) and streams findings to its output or to a temporary file, so memory stays bounded."""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from opengov_lint.findings import SEVERITY_RANK, Finding
from opengov_lint.reporters.labels import (
    SEV_ZH,
    TABLE_ZH,
    column_label,
    order_key,
    row_label,
    rule_title,
    section_label,
    table_label,
)
from opengov_lint.results import STATUS_EN, STATUS_ZH, FileResult, ReportFacts

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["FINDING_COLUMNS", "SEV_ZH", "SUMMARY_COLUMNS", "TABLE_ZH", "Ledger", "ReportRow", "finding_cells"]

FINDING_COLUMNS = [("文件", "path"), ("发布机关", "issuer"), ("年度", "year"), ("规则代码", "code"), ("规则名称", "rule"),
                   ("级别", "severity"), ("问题说明", "message"), ("页", "page"), ("行号", "line"), ("部分", "section"),
                   ("表格", "table"), ("行", "row"), ("列", "column"), ("原文", "excerpt"), ("证据", "evidence")]
SUMMARY_COLUMNS = ["文件", "发布机关", "机关类型", "年度", "格式", "模板", "错误", "警告", "提示", "最严重问题", "结论",
                   "上级单位"]
SUMMARY_COLUMNS_EN = ["file", "issuer", "issuer kind", "year", "format", "template", "errors", "warnings", "info",
                      "worst finding", "status", "parent"]
KIND_ZH = {"government": "政府", "department": "部门", "subdistrict": "街道", "agency": "管委会", "unknown": "未知"}
TEMPLATE_ZH = {"2019": "2019年版", "2021": "2021年版", "pre2019": "2019年前旧版", "mixed": "新旧格式混用",
               "unknown": "未识别"}


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
    status: str = "passed"
    parent: str = ""
    rules: Counter[str] = field(default_factory=Counter)  # code -> count
    figures: dict[str, float | None] = field(default_factory=dict)

    def add(self, f: Finding, lang: str) -> None:
        self.counts[f.severity] += 1
        self.rules[f.code] += 1
        rank = SEVERITY_RANK[f.severity]
        if rank > self.worst_rank:
            title = rule_title(f.code, f.name, lang)
            self.worst_rank, self.worst = rank, f"{f.code} {title}：{f.message}" if lang == "zh" else \
                f"{f.code} {f.name}: {f.message}"
        if f.severity == "error" and self.status == "passed":
            self.status = "failed"

    @property
    def passed(self) -> bool:
        return self.status == "passed"

    def verdict(self, lang: str = "zh") -> str:
        return (STATUS_ZH if lang == "zh" else STATUS_EN)[self.status]

    def cells(self, lang: str = "zh") -> list[Any]:
        zh = lang == "zh"
        kind = KIND_ZH.get(self.kind, "未知") if zh else self.kind
        template = TEMPLATE_ZH.get(self.template, self.template) if zh else self.template
        from opengov_lint.reporters.sanitize import cell

        return [cell(v) for v in [self.path, self.issuer, kind, self.year if self.year is not None else "", self.fmt,
                                  template, self.counts["error"], self.counts["warning"], self.counts["info"],
                                  self.worst, self.verdict(lang), self.parent]]


class Ledger:
    """Summary rows by path and per-rule counts for a whole run."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.rows: dict[str, ReportRow] = {}
        self.by_rule: Counter[tuple[str, str, str]] = Counter()

    def file(self, result: FileResult) -> ReportRow:
        m = result.facts
        row = ReportRow(result.path, m.issuer or "", m.issuer_kind or "unknown", m.year,
                        m.format or "", m.template or "unknown", status=result.status("never"),
                        parent=m.parent or "", figures=dict(m.figures))
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


def _evidence(f: Finding, lang: str) -> str:
    """Expected and actual values in words (the cell paths of the JSON evidence are ids: not for people)."""
    ev = f.evidence
    if lang != "zh":
        return json.dumps(ev, ensure_ascii=False) if ev else ""
    parts = [f"应为{ev['expected']}，实为{ev['actual']}"] if "expected" in ev and "actual" in ev else []
    cells = [c for c in ev.get("cells") or [] if isinstance(c, str)]
    if cells:
        named = [_cell_words(c) for c in cells[:5]]
        parts.append("涉及：" + "；".join(named) + (f"等{len(cells)}格" if len(cells) > 5 else ""))
    return "。".join(parts)


def _cell_words(cell: str) -> str:
    """requests.new_received.total -> 表三 行“一、本年新收政府信息公开申请数量” 列“总计” (ids are not for people)."""
    prefix = ""
    if ":" in cell:  # a cell of another report of the batch: "2022:requests.carried_forward.total"
        other, _, cell = cell.partition(":")
        prefix = f"{other}年报告 " if other.isdigit() else f"{other} "
    table, _, rest = cell.partition(".")
    row, _, column = rest.rpartition(".")
    if not row:
        return f"{prefix}{table_label(table)} {row_label(table, column) or column}"
    return f"{prefix}{table_label(table)} 行“{row_label(table, row)}” 列“{column_label(table, column, row)}”"


def finding_cells(f: Finding, facts: ReportFacts, lang: str = "zh") -> list[Any]:
    loc = f.location
    zh = lang == "zh"
    tpl = facts.template
    row = row_label(loc.table, loc.row, tpl) if zh else (loc.row or "")
    col = column_label(loc.table, loc.column, loc.row, tpl) if zh else (loc.column or "")
    from opengov_lint.reporters.sanitize import cell

    return [cell(v) for v in (
        f.path, facts.issuer or "", facts.year or "", f.code, rule_title(f.code, f.name, lang),
        SEV_ZH[f.severity] if zh else f.severity, f.message, loc.page or "", loc.line or "",
        section_label(loc.section, lang), table_label(loc.table, lang), row, col, loc.excerpt or "",
        _evidence(f, lang))]


def finding_headers(lang: str) -> list[str]:
    return [zh if lang == "zh" else en for zh, en in FINDING_COLUMNS]


def sorted_findings(result: FileResult) -> list[Finding]:
    """Severity first, then the template's order (labels.order_key)."""
    return sorted(result.findings, key=lambda f: order_key(f, result.facts.template))


class CsvReporter:
    """One row per finding, Chinese headers, UTF-8 with BOM so Excel opens it correctly."""

    def __init__(self, out: IO[str], lang: str) -> None:
        self.out, self.lang = out, lang
        self.writer = csv.writer(out)

    def start(self) -> None:
        self.out.write("\ufeff")
        self.writer.writerow(finding_headers(self.lang))

    def file(self, result: FileResult) -> None:
        for f in sorted_findings(result):
            self.writer.writerow(finding_cells(f, result.facts, self.lang))

    def extra(self, findings: list[Finding], facts: Mapping[str, ReportFacts] | None = None) -> None:
        for f in findings:
            self.writer.writerow(finding_cells(f, (facts or {}).get(f.path) or ReportFacts(), self.lang))

    def finish(self) -> None:
        pass


def make(fmt: str, out: IO[str], *, lang: str, **_: Any) -> CsvReporter:
    return CsvReporter(out, lang)
