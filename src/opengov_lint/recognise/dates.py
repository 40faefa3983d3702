"""Dates and years in the running text: the statistical period (`统计期限为2023年1月1日至12月31日`),
dates in any common writing (2024年1月17日, 2024-01-17, 二〇二四年一月十七日, glued `202212月31日`),
and sentences that open with a year (`2022年，…`), for OG501, OG502, OG506 and OG507. Pure: no I/O."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from opengov_lint.recognise.spans import sentence_bounds, unit_at
from opengov_lint.recognise.streams import Stream, Unit, build, fold
from opengov_lint.recognise.text import cn_to_int

if TYPE_CHECKING:
    from collections.abc import Iterable

_Y = r"((?:19|20)\d{2})"
_MD = r"(\d{1,2})月?(\d{1,2})日?"
_RANGE = rf"{_Y}年?{_MD}(?:起)?(?:至|到|—|-|~|－)(?:{_Y}年?)?{_MD}"
_DATE = re.compile(r"((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")
_CN_DATE = re.compile(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")
_CN_DIGIT = {"〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7",
             "八": "8", "九": "9"}
_OPENING = re.compile(r"^(?:[(][一二三四五六七八九十\d]{1,3}[)]|[一二三四五六七八九十\d]{1,3}[、.]|[一二三四五六七八九十]是)?"
                      r"((?:19|20)\d{2})年(度)?[,:]")
_SELF = re.compile(r"(?:现将|现予|现向社会|编制|发布|公布)[^。\n]{0,30}?((?:19|20)\d{2})年度?[^。\n]{0,25}?报告")


@dataclass(slots=True)
class Period:
    """The statistical period a report states, and where."""

    start: str  # ISO date
    end: str
    text: str
    unit: Unit

    @property
    def start_year(self) -> int:
        return int(self.start[:4])

    @property
    def end_year(self) -> int:
        return int(self.end[:4])

    @property
    def full_year(self) -> bool:
        return self.start[5:] == "01-01" and self.end[5:] == "12-31"


def _iso(y: int, m: int, d: int) -> str | None:
    return f"{y:04d}-{m:02d}-{d:02d}" if 1 <= m <= 12 and 1 <= d <= 31 else None


def parse_date(text: str) -> str | None:
    """The first date in `text` as an ISO string (None when there is none)."""
    t = "".join(fold(c) for c in text)
    m = _DATE.search(t)
    if m:
        return _iso(*(int(x) for x in m.groups()))
    m = _CN_DATE.search(t)
    if m:
        y = int("".join(_CN_DIGIT[c] for c in m.group(1)))
        mo, d = cn_to_int(m.group(2)), cn_to_int(m.group(3))
        return _iso(y, mo, d) if mo and d else None
    return None


def date_line(text: str, max_prefix: int = 30) -> tuple[str, str] | None:
    """A signature-style line: a date alone or after a short name (`XX局 2024年1月17日`), as
    (the words before the date, ISO date)."""
    t = re.sub(r"[\s()（）]", "", text)
    m = _DATE.search(t) or _CN_DATE.search(t)
    if not m or m.end() != len(t) or m.start() > max_prefix:
        return None
    if m.start() and re.search(r"[，。,.;；:：、]", t[:m.start()]):
        return None
    iso = parse_date(t[m.start():])
    return (t[:m.start()], iso) if iso else None


def find_period(units: Iterable[Unit], words: Iterable[str]) -> Period | None:
    """The first statement of the statistical period (a period word followed by a date range, or a
    range from 1月1日 to 12月31日 anywhere)."""
    return find_period_in(build(units), words)


@functools.lru_cache(maxsize=16)
def _period_patterns(words: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    kw = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    worded = re.compile(rf"(?:{kw})[^。\n]{{0,14}}?{_RANGE}")
    bare = re.compile(rf"{_Y}年?0?1月0?1日?(?:起)?(?:至|到|—|-|~|－)(?:{_Y}年?)?(1[12])月(3[01])日")
    return worded, bare


def find_period_in(streams: Iterable[Stream], words: Iterable[str]) -> Period | None:
    """`find_period` over streams already built."""
    worded, bare = _period_patterns(tuple(words))
    for stream in streams:
        m = worded.search(stream.flat)
        if m:
            y1, m1, d1, y2, m2, d2 = m.groups()
            return _period(stream, m, int(y1), int(m1), int(d1), int(y2 or y1), int(m2), int(d2))
        m = bare.search(stream.flat)
        if m:
            y1, y2, m2, d2 = m.groups()
            return _period(stream, m, int(y1), 1, 1, int(y2 or y1), int(m2), int(d2))
    return None


def _period(stream: Stream, m: re.Match[str], y1: int, m1: int, d1: int, y2: int, m2: int, d2: int) -> Period | None:
    start, end = _iso(y1, m1, d1), _iso(y2, m2, d2)
    if not start or not end:
        return None
    return Period(start, end, stream.original(m.start(), m.end()), unit_at(stream, m.start()))


@dataclass(slots=True)
class YearOpening:
    """A sentence that opens with a year, as a report of that year's work (`2022年，我局…`)."""

    year: int
    sentence: str
    unit: Unit
    years: tuple[int, ...]  # every year named in the sentence
    words: tuple[str, ...]  # the marker words found (将, 同比 …)


def year_openings(units: Iterable[Unit], markers: Iterable[str]) -> list[YearOpening]:
    return year_openings_in(build(units), markers)


_YEAR_BEFORE_NIAN = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=年)")


def year_openings_in(streams: Iterable[Stream], markers: Iterable[str]) -> list[YearOpening]:
    """`year_openings` over streams already built."""
    marks = tuple("".join(fold(c) for c in w) for w in markers)
    out = []
    for stream in streams:
        flat = stream.flat
        for a, b in sentence_bounds(stream):
            sent = flat[a:b]
            m = _OPENING.match(sent)
            if not m:
                continue
            years = tuple(int(y) for y in _YEAR_BEFORE_NIAN.findall(sent))
            out.append(YearOpening(int(m.group(1)), stream.original(a, b), unit_at(stream, a), years,
                                   tuple(w for w in marks if w in sent[m.end():])))
    return out


def self_references(units: Iterable[Unit]) -> list[tuple[int, str, Unit]]:
    """`现将…2023年…年度报告…公布`: the year the report says it is about."""
    return self_references_in(build(units))


def self_references_in(streams: Iterable[Stream]) -> list[tuple[int, str, Unit]]:
    """`self_references` over streams already built."""
    return [(int(m.group(1)), stream.original(m.start(), m.end()), unit_at(stream, m.start()))
            for stream in streams for m in _SELF.finditer(stream.flat)]
