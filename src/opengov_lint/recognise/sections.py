"""Finding the six top-level sections among the paragraphs (never inside tables).

A heading is accepted when its title matches a template section title (or a known variant) and
its number agrees with that section — or the title matches exactly, so a heading numbered `2、`
or `三、` for section 二 is still found (and reported by OG103). Sub-headings such as
`（一）政府信息主动公开情况` inside section 一 are rejected by the number check."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from opengov_lint.knowledge.catalog import SectionSpec, sections
from opengov_lint.model import Paragraph
from opengov_lint.recognise.text import CN_NUM, cn_to_int, nfkc, norm

_MARKUP = re.compile(r"^[#>*\s\u3000]+|[*]+$")
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("cn", re.compile(rf"^([{CN_NUM}]{{1,3}})\s*[、.．，,]\s*")),
    ("cn_paren", re.compile(rf"^[（(]\s*([{CN_NUM}]{{1,3}})\s*[）)]\s*")),
    ("arabic", re.compile(r"^([0-9０-９]{1,2})\s*[、.．，,]\s*(?![0-9０-９])")),
    ("arabic_paren", re.compile(r"^[（(]\s*([0-9０-９]{1,2})\s*[）)]\s*")),
    ("part", re.compile(rf"^第([{CN_NUM}\d]{{1,3}})部分[：:、.\s]*")),
    ("cn_bare", re.compile(rf"^([{CN_NUM}]{{1,2}})\s+")),
]
_MAX_HEADING = 40


@dataclass(slots=True)
class Numbering:
    style: str  # cn | cn_paren | arabic | arabic_paren | part | cn_bare | none
    raw: str  # as written, e.g. "2、 " -> "2、"
    value: int | None


@dataclass(slots=True)
class HeadingMatch:
    paragraph: Paragraph
    spec: SectionSpec
    numbering: Numbering
    title: str
    variant: bool
    score: float


def split_numbering(text: str) -> tuple[Numbering, str]:
    """`2、 主动公开…` -> (Numbering('arabic', '2、', 2), '主动公开…')."""
    t = _MARKUP.sub("", text).strip()
    for style, pat in _PATTERNS:
        m = pat.match(t)
        if m:
            value = cn_to_int(nfkc(m.group(1)))
            return Numbering(style, m.group(0).strip(), value), t[m.end():].strip()
    return Numbering("none", "", None), t


@functools.cache
def _titles() -> tuple[tuple[SectionSpec, str, frozenset[str]], ...]:
    return tuple((s, norm(s.title), frozenset(norm(v) for v in s.variants)) for s in sections())


def _score(n: str, spec: SectionSpec, title: str, variants: frozenset[str]) -> tuple[float, bool]:
    if n == title:
        return 1.0, False
    if n in variants:
        return 0.95, True
    if abs(len(n) - len(title)) > len(title) // 2:
        return 0.0, False
    m = SequenceMatcher(None, n, title, autojunk=False)
    if m.real_quick_ratio() < 0.8 or m.quick_ratio() < 0.8:
        return 0.0, False
    best = m.ratio()
    return (best, True) if best >= 0.8 else (0.0, False)


@functools.lru_cache(maxsize=4096)
def _best(title: str) -> tuple[SectionSpec | None, float, bool]:
    n = norm(title)
    best: tuple[SectionSpec | None, float, bool] = (None, 0.0, False)
    if not n:
        return best
    for spec, t, variants in _titles():
        score, variant = _score(n, spec, t, variants)
        if score > best[1]:
            best = (spec, score, variant)
    return best


def match_heading(p: Paragraph) -> HeadingMatch | None:
    text = p.text.strip()
    if not text or len(text) > 200:
        return None
    numbering, title = split_numbering(text)
    if numbering.style == "none" and len(text) > _MAX_HEADING:
        return None
    candidates = [title]
    if len(title) > _MAX_HEADING or re.search(r"[。；]", title):
        if numbering.style == "none":
            return None  # a run-in heading needs its number to be told from prose
        # run-in heading: `一、总体情况。2021年，…` -> try the words before the first stop
        head = re.split(r"[。：:；;，,\s]", title, maxsplit=1)[0]
        if head == title or len(head) > _MAX_HEADING:
            return None
        candidates = [head]
    spec, score, variant = _best(candidates[0])
    if spec is None:
        return None
    n = numbering.value
    if numbering.style in ("cn_paren", "arabic_paren"):
        if n != spec.number or score < 1.0:
            return None  # （二）… is a sub-heading unless it is exactly a section title at its number
    elif n is not None and n != spec.number and (score < 1.0 or n > 6) or numbering.style == "none" and (score < 0.95 or len(text) > _MAX_HEADING):
        return None
    return HeadingMatch(p, spec, numbering, candidates[0], variant, score)


def find_headings(paragraphs: list[Paragraph]) -> list[HeadingMatch]:
    """Accepted section headings in document order (each template section at most once)."""
    found: list[HeadingMatch] = []
    taken: set[int] = set()
    for p in paragraphs:
        m = match_heading(p)
        if m is None or m.spec.number in taken:
            continue
        taken.add(m.spec.number)
        found.append(m)
    return found
