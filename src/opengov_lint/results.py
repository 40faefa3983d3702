"""The result of checking one file, as the run hands it to the reporters.

It sits below the reporters and the run (both import it; it imports neither): what the recogniser found
about the report (`ReportFacts`) and what the run counted while checking it (`RunCounters`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opengov_lint.findings import Finding
    from opengov_lint.model import Report
    from opengov_lint.model.batch import ReportSummary


@dataclass(slots=True)
class ReportFacts:
    """Who wrote the report, for which year, in which layout and format (None when not known)."""

    issuer: str | None = None
    issuer_kind: str | None = None
    year: int | None = None
    template: str | None = None
    format: str | None = None
    title: str | None = None
    # figures an assessor uses, from tables 三 and 四 (None when a cell is blank or not a number):
    # granted, partially_granted, total_processed, review_corrected, review_total, suits_total
    figures: dict[str, float | None] = field(default_factory=dict)
    parent: str | None = None  # from the manifest: the unit this report's organ belongs to
    # the 条例 the report answers to: "2019", or "2007" for report years before 2019 (Meta.regime)
    regime: str | None = None
    # "checked" | "not_applicable": a "2007" report was not checked under the current rules — outputs show
    # 未检查/不适用 for it, never "passed"
    current_rules: str | None = None

    @classmethod
    def of(cls, report: Report) -> ReportFacts:
        m = report.meta
        return cls(m.issuer, m.issuer_kind, m.year, m.template, m.source_format, m.title, figures_of(report),
                   regime=m.regime, current_rules="not_applicable" if m.regime == "2007" else "checked")


_FIGURES = {"granted": ("requests", "granted", "total"),
            "partially_granted": ("requests", "partially_granted", "total"),
            "total_processed": ("requests", "total_processed", "total"),
            "review_corrected": ("review_litigation", "review", "corrected"),
            "review_total": ("review_litigation", "review", "total"),
            "direct_suit_total": ("review_litigation", "direct_suit", "total"),
            "suit_after_review_total": ("review_litigation", "suit_after_review", "total")}


def figures_of(report: Report) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for name, (table, row, column) in _FIGURES.items():
        t = report.tables.get(table)
        cell = t.cell(row, column) if t is not None else None
        out[name] = float(cell.value) if cell is not None and cell.value is not None else None
    return out


# What happened to a file as a whole. A report that was not checked under the current rules is never
# "passed": not_checked (an old-format report flagged by the recogniser), not_a_report (a README, a
# note: no report title, none of the sections or tables), unreadable (OG901).
STATUSES = ("passed", "failed", "not_checked", "not_a_report", "unreadable")
STATUS_ZH = {"passed": "通过", "failed": "不通过", "not_checked": "未检查", "not_a_report": "不适用",
             "unreadable": "无法读取"}
STATUS_EN = {"passed": "passed", "failed": "failed", "not_checked": "not checked", "not_a_report": "not a report",
             "unreadable": "unreadable"}


@dataclass(slots=True)
class RunCounters:
    """What happened to the file's findings on the way out."""

    seconds: float = 0.0
    fixed: int = 0  # edits applied by --fix
    suppressed: dict[str, int] = field(default_factory=dict)  # by inline/configured suppressions, per kind
    baseline_suppressed: int = 0
    config_suppressions_matched: list[int] = field(default_factory=list)  # indexes into settings.suppressions
    config_suppressions_used: list[int] = field(default_factory=list)


# OG901 reasons that say nothing about the file itself (run/pool.py, run/worker.py, readers/limits.py)
TOOL_FAILURES = frozenset({"timeout", "resource-limit", "internal-error", "worker-died"})

@dataclass(slots=True)
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    facts: ReportFacts = field(default_factory=ReportFacts)
    counters: RunCounters = field(default_factory=RunCounters)
    kind: str = "report"  # report | crossdoc (findings of the batch rules) | config (about the configuration)
    readable: bool = True
    summary: ReportSummary | None = None  # when the batch has cross-document rules
    diff: str = ""  # what --fix changed (or, with --diff, would change)
    # set by the run when the file was not checked as a report: "not_checked" | "not_a_report";
    # None means: derive from readable and the findings (see `status`)
    skipped: str | None = None
    cached: bool = False  # the result came from the cache (run/cache.py), not from a fresh check
    report_like: bool = True  # False: no report title, none of the sections or tables (run/worker.is_report)

    def tool_failed(self) -> bool:
        """The file was not checked because of the tool or the machine (a timeout, a resource limit, a worker
        that died, an internal error), not because of its content: it may pass next time, so it is never
        kept as this file's result (the results cache)."""
        return any(f.code == "OG901" and f.evidence.get("reason") in TOOL_FAILURES for f in self.findings)

    def status(self, fail_on: str = "error") -> str:
        """passed | failed | not_checked | not_a_report | unreadable (see STATUSES)."""
        if not self.readable:
            return "unreadable"
        if self.skipped:
            return self.skipped
        if self.facts.current_rules == "not_applicable":  # an old-format report (2007 条例): not checked
            return "not_checked"
        from opengov_lint.findings import SEVERITY_RANK

        floor = SEVERITY_RANK.get(fail_on, 99)
        return "failed" if any(SEVERITY_RANK[f.severity] >= floor for f in self.findings) else "passed"
