"""What a batch keeps of each checked report for the cross-document rules (OG6xx): identity, the
table values in a compact array, and fingerprints of the narrative. A few KB per report, so a batch
of tens of thousands of reports stays within bounded memory."""

from __future__ import annotations

import functools
import math
from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence


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


class Batch:
    """All reports of a run, as summaries; grouped by issuer for the cross-year rules.

    The rules ask through the methods below (consecutive years of one organ, aggregates and their
    units, pairs of reports sharing sketch values), so a batch kept on disk (crossdoc.store) answers
    the same questions without holding every summary in memory."""

    def __init__(self, reports: Sequence[ReportSummary] | None = None) -> None:
        self.reports: Sequence[ReportSummary] = list(reports or [])

    def by_issuer(self) -> dict[str, dict[int, list[ReportSummary]]]:
        out: dict[str, dict[int, list[ReportSummary]]] = {}
        for r in self.reports:
            if r.issuer and r.year:
                out.setdefault(r.issuer, {}).setdefault(r.year, []).append(r)
        return out

    def _organs(self) -> Iterator[dict[int, list[ReportSummary]]]:
        """One organ's reports by year at a time, organs in the order of their first report."""
        yield from self.by_issuer().values()

    def consecutive(self) -> Iterator[tuple[ReportSummary, ReportSummary]]:
        """(this year's report, the same issuer's previous-year report), when each is unique."""
        for years in self._organs():
            for year, reps in sorted(years.items()):
                prev = years.get(year - 1)
                if len(reps) == 1 and prev and len(prev) == 1:
                    yield reps[0], prev[0]

    def aggregates(self) -> Iterator[ReportSummary]:
        """Reports the manifest declares as aggregates, in path order."""
        return (r for r in self.reports if r.aggregate)

    def units_of(self, agg: ReportSummary) -> list[ReportSummary]:
        """The reports whose manifest parent names the aggregate (its path, key or label), of its year."""
        names = {agg.path, agg.issuer, agg.issuer_label}
        return [r for r in self.reports if r is not agg and r.parent and r.parent in names
                and (r.year == agg.year or agg.year is None)]

    def sketch_pairs(self, min_shingles: int, share: float) -> Iterator[tuple[ReportSummary, ReportSummary]]:
        """Pairs of reports (with an issuer and at least `min_shingles` shingles) that share at least
        `share` × the shortest sketch values; values common to many reports (boilerplate) are skipped."""
        reports = [r for r in self.reports if r.issuer and r.shingles >= min_shingles]
        if len(reports) < 2:
            return
        need = max(1, int(min(len(r.sketch) for r in reports) * share))
        index: dict[int, list[int]] = defaultdict(list)
        for i, r in enumerate(reports):
            for h in r.sketch:
                index[h].append(i)
        for i, j in candidate_pairs(index.values(), len(reports), need):
            yield reports[i], reports[j]


def candidate_pairs(groups: Iterable[list[int]], n: int, need: int) -> list[tuple[int, int]]:
    """Sorted pairs of members appearing together in at least `need` groups; groups larger than
    max(50, n / 20) are skipped."""
    cap = max(50, n // 20)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in groups:
        if len(members) > cap:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                shared[(members[x], members[y])] += 1
    return sorted(p for p, c in shared.items() if c >= need)
