"""The report's top-level structure: its headings as a sequence, aligned with the six template sections.

Every paragraph that looks like a top-level heading is a candidate: `一、…`, `1、…`, `第X部分`, a
numeral glued to the title (`一总体情况`), a title followed by a note (`（有关情况附表）`, `附表`, a colon),
or an unnumbered paragraph that is a template title. The candidates are aligned with the sections 一…六
by a small dynamic programme that maximises title similarity while keeping both sequences in order, so
one malformed, misnumbered or extra heading never displaces the sections after it. What is left over is:

* a template title away from its place (OG102: `misplaced`),
* a section whose own heading was lost but whose first sub-heading names it (`（一）主要问题` between
  四 and 六: `implicit`, OG103 reports the lost heading),
* a numbered heading in the report's own top-level sequence that is none of the six (OG114: `extras`).

Sub-headings such as `（一）政府信息主动公开情况` inside section 一 are rejected by the number check."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from opengov_lint.knowledge.catalog import SectionSpec, sections
from opengov_lint.recognise.text import CN_NUM, cn_to_int, nfkc, norm

if TYPE_CHECKING:
    from opengov_lint.model import Paragraph

_MARKUP = re.compile(r"^[#>*\s\u3000]+|[*]+$")
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("cn", re.compile(rf"^([{CN_NUM}]{{1,3}})\s*[、.．，,]\s*")),
    ("cn_paren", re.compile(rf"^[（(]\s*([{CN_NUM}]{{1,3}})\s*[）)]\s*")),
    ("arabic", re.compile(r"^([0-9０-９]{1,2})\s*[、.．，,]\s*(?![0-9０-９])")),
    ("arabic_paren", re.compile(r"^[（(]\s*([0-9０-９]{1,2})\s*[）)]\s*")),
    ("part", re.compile(rf"^第([{CN_NUM}\d]{{1,3}})部分[：:、.\s]*")),
    ("cn_bare", re.compile(rf"^([{CN_NUM}]{{1,2}})\s+")),
]
_GLUED = re.compile(r"^[一二三四五六七八九十]{1,2}")
# A note after the title is not another wording: 二、主动公开政府信息情况（有关情况附表）/ …附表 / …：
_NOTE = re.compile(r"(?:[（(][^（）()]{0,24}[）)]|附表|[:：])+$")
_MAX_HEADING = 40
_MAX_EXTRA = 30
_TOP_STYLES = ("cn", "arabic", "part", "cn_bare", "glued")
_SENTENCE = re.compile(r"[。；;，,！!？?]")


@dataclass(slots=True, frozen=True)
class Numbering:
    style: str  # cn | cn_paren | arabic | arabic_paren | part | cn_bare | glued | none
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
    kind: str = "aligned"  # aligned | misplaced | implicit
    sequence: int | None = None


@dataclass(slots=True)
class Extra:
    paragraph: Paragraph
    numbering: Numbering
    title: str
    after: int | None
    sequence: int


@dataclass(slots=True)
class Structure:
    headings: list[HeadingMatch] = field(default_factory=list)  # document order
    extras: list[Extra] = field(default_factory=list)


@dataclass(slots=True)
class _Candidate:
    index: int  # position in the paragraph list
    paragraph: Paragraph
    numbering: Numbering
    title: str
    scores: dict[int, tuple[float, bool]]  # section number -> (similarity, variant) when acceptable
    extra_ok: bool  # may be a heading outside the template (numbered, short, no sentence)


_FIRST = frozenset(CN_NUM + "（(第0123456789０１２３４５６７８９")  # what every numbering of _PATTERNS opens with


@functools.lru_cache(maxsize=8192)  # the recogniser and OG105 split the same paragraphs
def split_numbering(text: str) -> tuple[Numbering, str]:
    """`2、 主动公开…` -> (Numbering('arabic', '2、', 2), '主动公开…')."""
    t = _MARKUP.sub("", text).strip()
    if not t or t[0] not in _FIRST:
        return Numbering("none", "", None), t
    for style, pat in _PATTERNS:
        m = pat.match(t)
        if m:
            value = cn_to_int(nfkc(m.group(1)))
            return Numbering(style, m.group(0).strip(), value), t[m.end():].strip()
    return Numbering("none", "", None), t


@functools.cache
def _titles() -> tuple[tuple[SectionSpec, str, frozenset[str]], ...]:
    return tuple((s, norm(s.title), frozenset(norm(v) for v in s.variants)) for s in sections())


def _score(n: str, title: str, variants: frozenset[str]) -> tuple[float, bool]:
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
def _all_scores(title: str) -> tuple[tuple[int, float, bool], ...]:
    n = norm(_NOTE.sub("", title.strip()) or title)
    if not n:
        return ()
    out = []
    for spec, t, variants in _titles():
        score, variant = _score(n, t, variants)
        if score > 0:
            out.append((spec.number, score, variant))
    return tuple(out)


def _acceptable(numbering: Numbering, scores: tuple[tuple[int, float, bool], ...],
                length: int) -> dict[int, tuple[float, bool]]:
    out: dict[int, tuple[float, bool]] = {}
    for number, score, variant in scores:
        if numbering.style in ("cn_paren", "arabic_paren"):
            ok = numbering.value == number and score >= 1.0  # （二）… is a sub-heading unless exact at its place
        elif numbering.style == "none":
            ok = score >= 0.95 and length <= _MAX_HEADING
        elif numbering.style == "glued":
            ok = score >= 0.9
        else:
            ok = True
        if ok:
            out[number] = (score, variant)
    return out


def _head_of(numbering: Numbering, title: str) -> tuple[str, bool] | None:
    """The title to match and whether the heading is run in with its text (`一、总体情况。2021年，…`)."""
    if len(title) <= _MAX_HEADING and not re.search(r"[。；]", title):
        return title, False
    if numbering.style == "none":
        return None  # a run-in heading needs its number to be told from prose
    head = re.split(r"[。：:；;，,\s]", title, maxsplit=1)[0]
    if head == title or len(head) > _MAX_HEADING:
        return None
    return head, True


def _glued(head: str, length: int) -> tuple[Numbering, str, dict[int, tuple[float, bool]]] | None:
    """`一总体情况`: a numeral glued to a template title (never to other words: 一是…, 三类…)."""
    m = _GLUED.match(head)
    # the numeral must be followed by an ideograph (two numerals first, then one: as a lookahead would)
    end = next((e for e in range(m.end(), 0, -1) if e < len(head) and "\u4e00" <= head[e] <= "\u9fff"), 0) if m else 0
    if not end:
        return None
    glued = Numbering("glued", head[:end], cn_to_int(head[:end]))
    rest = head[end:]
    scores = _acceptable(glued, _all_scores(rest), length)
    return (glued, rest, scores) if scores else None


def _extra_ok(numbering: Numbering, run_in: bool, clean: str) -> bool:
    """May be a heading outside the template: numbered at the top level, short, not a sentence."""
    return (numbering.style in ("cn", "arabic", "part", "cn_bare") and numbering.value is not None
            and not run_in and 2 <= len(clean) <= _MAX_EXTRA and not _SENTENCE.search(clean))


def _candidate(index: int, p: Paragraph) -> _Candidate | None:
    text = p.text.strip()
    if not text or len(text) > 200:
        return None
    numbering, title = split_numbering(text)
    if numbering.style == "none" and len(text) > _MAX_HEADING:
        return None
    got = _head_of(numbering, title)
    if got is None:
        return None
    head, run_in = got
    scores = _acceptable(numbering, _all_scores(head), len(text))
    if not scores and numbering.style == "none":
        glued = _glued(head, len(text))
        if glued is not None:
            numbering, head, scores = glued
    clean = _NOTE.sub("", head).strip() or head
    extra_ok = _extra_ok(numbering, run_in, clean)
    if not scores and not extra_ok:
        return None
    return _Candidate(index, p, numbering, clean, scores, extra_ok)


def _weight(c: _Candidate, number: int, has_content: bool) -> float | None:
    got = c.scores.get(number)
    if got is None:
        return None
    return got[0] + (0.05 if c.numbering.value == number else 0.0) + (0.01 if has_content else 0.0)


def _align(cands: list[_Candidate], content: list[bool]) -> dict[int, int]:
    """Candidate position -> section number: the in-order matching of greatest total similarity."""
    m = len(cands)
    best = [[0.0] * 7 for _ in range(m + 1)]
    for i in range(1, m + 1):
        for j in range(1, 7):
            here = max(best[i - 1][j], best[i][j - 1])
            w = _weight(cands[i - 1], j, content[i - 1])
            if w is not None:
                here = max(here, best[i - 1][j - 1] + w)
            best[i][j] = here
    out: dict[int, int] = {}
    i, j = m, 6
    while i > 0 and j > 0:
        w = _weight(cands[i - 1], j, content[i - 1])
        if w is not None and abs(best[i][j] - (best[i - 1][j - 1] + w)) < 1e-9:
            out[i - 1] = j
            i, j = i - 1, j - 1
        elif abs(best[i][j] - best[i - 1][j]) < 1e-9:
            i -= 1
        else:
            j -= 1
    return out


def _match(c: _Candidate, number: int, kind: str) -> HeadingMatch:
    score, variant = c.scores[number]
    spec = next(s for s in sections() if s.number == number)
    return HeadingMatch(c.paragraph, spec, c.numbering, c.title, variant, score, kind)


def _implicit(paragraphs: list[Paragraph], spec: SectionSpec, start: int, stop: int) -> HeadingMatch | None:
    """A section whose heading was lost: the first short sub-heading between its neighbours that names it."""
    if not spec.cues:
        return None
    for p in paragraphs[start:stop]:
        text = p.text.strip()
        if not text or len(text) > _MAX_HEADING or _SENTENCE.search(text[:-1]):
            continue
        numbering, rest = split_numbering(text)
        if numbering.style not in ("cn_paren", "arabic_paren", "none"):
            continue
        n = norm(rest)
        if any(norm(cue) in n for cue in spec.cues):
            return HeadingMatch(p, spec, numbering, rest, False, 0.0, "implicit")
    return None


def _extras(cands: list[_Candidate], top: dict[int, HeadingMatch]) -> list[_Candidate]:
    """Numbered headings in the report's own top-level sequence that are none of the six: the number
    follows the previous top-level heading's, in its style, and the next template heading does not
    carry the same number (that would make it an item inside a section)."""
    out: list[_Candidate] = []
    prev: Numbering | None = None
    for k, c in enumerate(cands):
        if c.index in top:
            prev = top[c.index].numbering
            continue
        if not c.extra_ok or prev is None or prev.value is None:
            continue
        same_style = c.numbering.style == prev.style or {c.numbering.style, prev.style} <= {"cn", "cn_bare", "glued"}
        if not same_style or c.numbering.value != prev.value + 1:
            continue
        following = next((top[d.index] for d in cands[k + 1:] if d.index in top), None)
        if following is not None and following.numbering.value == c.numbering.value:
            continue
        out.append(c)
        prev = c.numbering
    return out


def _misplaced(scored: list[_Candidate], top: dict[int, HeadingMatch], taken: set[int]) -> None:
    """A template title left over by the alignment, of a section not yet found: moved (OG102)."""
    for c in scored:
        if c.index in top:
            continue
        number, (score, _) = max(c.scores.items(), key=lambda kv: kv[1][0])
        if score >= 0.95 and number not in taken:
            top[c.index] = _match(c, number, "misplaced")
            taken.add(number)


def _lost(paragraphs: list[Paragraph], top: dict[int, HeadingMatch], taken: set[int]) -> dict[int, HeadingMatch]:
    """Sections whose heading was lost, found by their first sub-heading between their neighbours."""
    out: dict[int, HeadingMatch] = {}
    by_number = {h.spec.number: idx for idx, h in top.items()}
    for spec in sections():
        if spec.number in taken:
            continue
        start = max((idx for n, idx in by_number.items() if n < spec.number), default=-1) + 1
        stop = min((idx for n, idx in by_number.items() if n > spec.number), default=len(paragraphs))
        h = _implicit(paragraphs, spec, start, stop) if start > 0 else None
        if h is not None:
            out[paragraphs.index(h.paragraph, start, stop)] = h
    return out


def find_structure(paragraphs: list[Paragraph]) -> Structure:
    cands = [c for i, p in enumerate(paragraphs) if (c := _candidate(i, p)) is not None]
    scored = [c for c in cands if c.scores]
    indexes = {c.index for c in scored}
    content = [c.index + 1 < len(paragraphs) and c.index + 1 not in indexes for c in scored]
    aligned = _align(scored, content)
    top: dict[int, HeadingMatch] = {scored[k].index: _match(scored[k], n, "aligned") for k, n in aligned.items()}
    taken = set(aligned.values())
    _misplaced(scored, top, taken)
    extras = _extras(cands, top)
    return _sequence(top, _lost(paragraphs, top, taken), extras)


def _sequence(top: dict[int, HeadingMatch], implicit: dict[int, HeadingMatch],
              extras: list[_Candidate]) -> Structure:
    out = Structure()
    extra_at = {c.index: c for c in extras}
    seq = 0
    last: int | None = None
    for idx in sorted({*top, *implicit, *extra_at}):
        if idx in top:
            seq += 1
            h = top[idx]
            h.sequence = seq
            last = h.spec.number if last is None else max(last, h.spec.number)
            out.headings.append(h)
        elif idx in implicit:
            out.headings.append(implicit[idx])
            last = implicit[idx].spec.number if last is None else max(last, implicit[idx].spec.number)
        else:
            seq += 1
            c = extra_at[idx]
            out.extras.append(Extra(c.paragraph, c.numbering, c.title, last, seq))
    return out


def find_headings(paragraphs: list[Paragraph]) -> list[HeadingMatch]:
    """Template section headings (aligned, misplaced or implicit) in document order."""
    return find_structure(paragraphs).headings
