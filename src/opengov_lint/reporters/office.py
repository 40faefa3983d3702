"""What an oversight office (政务公开办) reads after a batch: counts per unit and per parent, the
indicators an assessor uses, the trend of each organ across years, and the completeness of the batch
against the manifest (units listed with no file, files with no unit, two files for one unit and year).
Shared by the xlsx and html reporters and the text note; pure bookkeeping, no output format here."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

    from opengov_lint.reporters.tabular import ReportRow

CHECKED = ("passed", "failed")
# 实质公开率 = (予以公开 + 部分公开) / 办理结果总计; 复议纠错率 = 复议结果纠正 / 复议总计;
# 被诉率 = (未经复议直接起诉 + 复议后起诉) 总计 / 办理结果总计 (suits per request handled).
INDICATORS = (("disclosure_rate", "实质公开率", "substantive disclosure rate"),
              ("review_correction_rate", "复议纠错率", "review correction rate"),
              ("suit_rate", "被诉率", "litigation rate"))


def _ratio(num: float | None, den: float | None) -> float | None:
    if num is None or den is None or den <= 0:
        return None  # blank is never zero; a rate of nothing is not 0 %
    return num / den


def indicators(fig: dict[str, float | None]) -> dict[str, float | None]:
    granted, partial = fig.get("granted"), fig.get("partially_granted")
    total = fig.get("total_processed")
    disclosed = granted + partial if granted is not None and partial is not None else None
    suits = [fig.get("direct_suit_total"), fig.get("suit_after_review_total")]
    suit_sum = sum(s for s in suits if s is not None) if all(s is not None for s in suits) else None
    return {"disclosure_rate": _ratio(disclosed, total),
            "review_correction_rate": _ratio(fig.get("review_corrected"), fig.get("review_total")),
            "suit_rate": _ratio(suit_sum, total)}


def percent(v: float | None) -> str:
    return "" if v is None else f"{v * 100:.1f}%"


@dataclass(slots=True)
class Group:
    """One unit (or one parent): its reports and what was found in them."""

    name: str
    parent: str = ""
    reports: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    counts: Counter[str] = field(default_factory=Counter)
    rules: Counter[str] = field(default_factory=Counter)
    years: list[Any] = field(default_factory=list)

    def add(self, row: ReportRow) -> None:
        self.reports += 1
        self.statuses[row.status] += 1
        self.counts.update(row.counts)
        self.rules.update(row.rules)
        if row.year is not None:
            self.years.append(row.year)

    @property
    def passed(self) -> bool:
        return self.statuses["failed"] == 0 and self.statuses["unreadable"] == 0 and self.statuses["passed"] > 0


def unit_name(row: ReportRow) -> str:
    return row.issuer or os.path.basename(row.path)


def by_unit(rows: Iterable[ReportRow]) -> list[Group]:
    groups: dict[str, Group] = {}
    for r in rows:
        if r.status == "not_a_report":
            continue
        g = groups.setdefault(unit_name(r), Group(unit_name(r), r.parent))
        g.parent = g.parent or r.parent
        g.add(r)
    return sorted(groups.values(), key=lambda g: (-g.counts["error"], -g.counts["warning"], g.name))


def by_parent(rows: Iterable[ReportRow]) -> list[Group]:
    groups: dict[str, Group] = {}
    for r in rows:
        if r.status == "not_a_report" or not r.parent:
            continue
        groups.setdefault(r.parent, Group(r.parent)).add(r)
    return sorted(groups.values(), key=lambda g: g.name)


def trends(rows: Iterable[ReportRow]) -> tuple[list[int], dict[str, dict[int, ReportRow]]]:
    """Years of the batch and, per organ with reports of two or more years, its report of each year."""
    per: dict[str, dict[int, ReportRow]] = {}
    for r in rows:
        if r.status in CHECKED and isinstance(r.year, int) and r.issuer:
            per.setdefault(r.issuer, {})[r.year] = r
    multi = {k: v for k, v in sorted(per.items()) if len(v) > 1}
    years = sorted({y for v in multi.values() for y in v})
    return years, multi


@dataclass(slots=True)
class Completeness:
    """The batch against its manifest. Paths are as the user sees them (relative to the cwd)."""

    missing: list[tuple[str, str, Any]] = field(default_factory=list)  # (unit, path, year): listed, no file
    unlisted: list[tuple[str, str]] = field(default_factory=list)  # (path, issuer): file, no manifest entry
    duplicates: list[tuple[str, Any, list[str]]] = field(default_factory=list)  # (unit, year, paths)
    listed: int = 0

    @property
    def empty(self) -> bool:
        return not (self.missing or self.unlisted or self.duplicates)

    def lines(self, lang: str = "zh") -> list[str]:
        zh = lang == "zh"
        out = []
        for unit, path, year in self.missing:
            yr = f"{year}年" if year else ""
            out.append(f"未报送：清单列有“{unit}”{yr}的报告（{path}），但没有找到该文件" if zh else
                       f"missing: the manifest lists {unit} {year or ''} ({path}) but the file does not exist")
        for path, issuer in self.unlisted:
            out.append(f"清单外：{path}（{issuer or '发布机关未识别'}）不在清单中" if zh else
                       f"not in the manifest: {path} ({issuer or 'issuer not recognised'})")
        for unit, year, paths in self.duplicates:
            out.append(f"重复报送：“{unit}”{year}年有{len(paths)}个文件：{'、'.join(paths)}" if zh else
                       f"duplicate: {unit} {year} has {len(paths)} files: {', '.join(paths)}")
        return out


def _unit(entry: Any, issuer: str | None) -> str | None:
    return (entry.issuer if entry is not None and entry.issuer else None) or issuer


def _rel(path: str) -> str:
    if "://" in path:  # a URL (check URL --manifest, crawl): as given
        return path
    try:
        return os.path.relpath(path)
    except ValueError:
        return path


def completeness(manifest: dict[str, Any], results: list[tuple[str, str, str | None, Any]]) -> Completeness:
    """`manifest`: run.manifest.load() (key -> Entry); `results`: (path, status, issuer, year) of every file
    checked. A manifest entry whose file was not among them is missing; a report not in the manifest is
    unlisted (files that are not reports are not counted); two reports of one unit and year are duplicates."""
    def key(path: str) -> str:  # as run.manifest.key (the reporters sit below the run); a URL as given
        return path if "://" in path else os.path.normcase(os.path.normpath(os.path.abspath(path)))

    seen = {key(p): (p, st, iss, yr) for p, st, iss, yr in results}
    out = Completeness(listed=len(manifest))
    for k, entry in manifest.items():
        if k not in seen:
            out.missing.append((entry.issuer or os.path.basename(k), _rel(k), entry.year))
    groups: dict[tuple[str, Any], list[str]] = {}
    for k, (path, status, issuer, year) in seen.items():
        if status == "not_a_report":
            continue
        if manifest and k not in manifest:
            out.unlisted.append((_rel(path), issuer or ""))
        unit = _unit(manifest.get(k), issuer)
        if unit and year:
            groups.setdefault((unit, year), []).append(_rel(path))
    out.duplicates = [(u, y, sorted(p)) for (u, y), p in sorted(groups.items(), key=lambda kv: str(kv[0]))
                      if len(p) > 1]
    return out
