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
    # the 条例 the report answers to: "2019", or "2007" for report years before 2019 (Meta.regime)
    regime: str | None = None
    # "checked" | "not_applicable": a "2007" report was not checked under the current rules — outputs show
    # 未检查/不适用 for it, never "passed"
    current_rules: str | None = None

    @classmethod
    def of(cls, report: Report) -> ReportFacts:
        m = report.meta
        return cls(m.issuer, m.issuer_kind, m.year, m.template, m.source_format, m.title, m.regime,
                   "not_applicable" if m.regime == "2007" else "checked")


@dataclass(slots=True)
class RunCounters:
    """What happened to the file's findings on the way out."""

    seconds: float = 0.0
    fixed: int = 0  # edits applied by --fix
    suppressed: dict[str, int] = field(default_factory=dict)  # by inline/configured suppressions, per kind
    baseline_suppressed: int = 0
    config_suppressions_matched: list[int] = field(default_factory=list)  # indexes into settings.suppressions
    config_suppressions_used: list[int] = field(default_factory=list)


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
