"""What a batch keeps of each checked report for the cross-document rules (OG6xx): identity, the
table values in a compact array, and fingerprints of the narrative. A few KB per report, so a batch
of tens of thousands of reports stays within bounded memory."""

from __future__ import annotations

import functools
import math
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field


@functools.lru_cache(maxsize=64)
def _index(keys: tuple[str, ...]) -> dict[str, int]:
    return {k: i for i, k in enumerate(keys)}


@dataclass(slots=True)
class ReportSummary:
    path: str
    issuer: str | None  # normalised issuer name (grouping key), manifest wins over detection
    issuer_label: str | None  # as written
    year: int | None
    template: str
    issuer_kind: str = "unknown"
    keys: tuple[str, ...] = ()  # cell paths "table.row.column", shared across reports of one layout
    values: array[float] = field(default_factory=lambda: array("d"))  # NaN = blank or not a number
    lines: dict[str, int] = field(default_factory=dict)  # "table.row" -> source line
    sentences: array[int] = field(default_factory=lambda: array("Q"))  # hashes of normalised sentences
    weights: array[int] = field(default_factory=lambda: array("I"))  # their lengths
    sketch: array[int] = field(default_factory=lambda: array("I"))  # bottom-k hashes of text shingles
    shingles: int = 0
    parent: str | None = None  # manifest: the aggregate this report is a unit of
    aggregate: bool = False  # manifest: this report aggregates its units
    table_layouts: dict[str, str] = field(default_factory=dict)
    problems_chars: int = 0  # section 五: Chinese characters (0: no section 五)
    problems_named: bool = False  # section 五 names problems (OG607: last year's report)
    problems_followed: bool = False  # section 五 reports how last year's problems were dealt with
    problems_line: int | None = None  # the heading of section 五
    problems_page: int | None = None

    def value(self, key: str) -> float | None:
        i = _index(self.keys).get(key)
        if i is None:
            return None
        v = self.values[i]
        return None if math.isnan(v) else v

    def has(self, key: str) -> bool:
        return key in _index(self.keys)


@dataclass(slots=True)
class Batch:
    """All reports of a run, as summaries; grouped by issuer for the cross-year rules."""

    reports: list[ReportSummary] = field(default_factory=list)

    def by_issuer(self) -> dict[str, dict[int, list[ReportSummary]]]:
        out: dict[str, dict[int, list[ReportSummary]]] = {}
        for r in self.reports:
            if r.issuer and r.year:
                out.setdefault(r.issuer, {}).setdefault(r.year, []).append(r)
        return out

    def consecutive(self) -> Iterator[tuple[ReportSummary, ReportSummary]]:
        """(this year's report, the same issuer's previous-year report), when each is unique."""
        for years in self.by_issuer().values():
            for year, reps in sorted(years.items()):
                prev = years.get(year - 1)
                if len(reps) == 1 and prev and len(prev) == 1:
                    yield reps[0], prev[0]
