"""What section 五 (存在的主要问题及改进情况) says, for the cross-year rule OG607: whether it names problems
and whether it reports how last year's problems were dealt with. The vocabulary comes from
rules/narrative.yaml (problem markers) and rules/assessment.yaml (follow-up wording). Pure: no I/O."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from opengov_lint.knowledge.catalog import assessment, narrative
from opengov_lint.recognise.text import cjk_count, nfkc, squash

if TYPE_CHECKING:
    from opengov_lint.model import Report



@dataclass(slots=True, frozen=True)
class ProblemsSection:
    chars: int  # Chinese characters of section 五 (0: no section 五)
    names_problems: bool  # long enough and uses a problem marker (问题, 不足, 有待…)
    follows_up: bool  # reports how last year's problems were dealt with (整改, 上年度…问题, 2023年…问题)
    line: int | None = None
    page: int | None = None


@functools.cache
def _followup() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(nfkc(p)) for p in assessment()["followup"])


def read_problems(report: Report) -> ProblemsSection:
    five = report.section(5)
    if five is None:
        return ProblemsSection(0, False, False)
    text = squash(nfkc(five.text))
    chars = cjk_count(text)
    voc = narrative()["problems"]
    names = chars >= int(voc["min_chars"]) and any(nfkc(m) in text for m in voc["markers"])
    follows = any(p.search(text) for p in _followup())
    year = report.meta.year
    if not follows and year:
        gap = int(assessment()["followup_year_gap"])
        follows = re.search(rf"{year - 1}年[^。;]{{0,{gap}}}(?:问题|不足|短板|差距|薄弱)", text) is not None
    return ProblemsSection(chars, names, follows, five.line, five.page)
