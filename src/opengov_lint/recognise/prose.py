"""What the running text states: counts (`受理政府信息公开申请859件`), "none" statements (`未发生
行政复议`), the statistical period, dates and sentences that open with a year. The vocabulary comes
from rules/narrative.yaml; this module only finds the words. Which table cells a statement is
compared with is the rules' business (OG503, OG504, OG501, OG502). Pure: no I/O."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from opengov_lint.recognise.kwmatch import KwMatch, keyword_matches, unit_windows
from opengov_lint.recognise.spans import sentence_at, sentence_bounds, unit_at
from opengov_lint.recognise.streams import Stream, Unit, build, fold_text
from opengov_lint.recognise.text import cn_to_int

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

_CN = "零〇一二两三四五六七八九十百千"
_NUM = rf"(?<![\d.])(?P<num>\d[\d,]*|[{_CN}]{{1,6}})"
_STOP = r"[^。;!?\n,:、]"
_CLAUSE = re.compile(r"[^,。;!?\n]+")
_COUNT_TAIL = rf"(?P<mid>{_STOP}{{0,30}}?){_NUM}(?P<unit>件|宗|个)"  # after a count's keyword: 受理申请|21件
_OUTCOME_TAIL = rf"(?P<mid>{_STOP}{{0,8}}?){_NUM}(?P<unit>件|宗)"  # after an outcome's keyword: 维持|3件
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


@dataclass(slots=True)
class Claim:
    """A statement of the text about the numbers of the tables."""

    kind: str  # count | outcome | all_upheld | none
    id: str  # claim id of narrative.yaml (received, granted, review, upheld, applications …)
    value: int | None  # the number stated (None for all_upheld / none)
    text: str  # the words as written: 受理政府信息公开申请859件
    sentence: str
    unit: Unit
    targets: list[list[str]] = field(default_factory=list)
    blocks: tuple[str, ...] = ()  # outcome / all_upheld: review | litigation
    column: str | None = None  # outcome: upheld | corrected | other | pending
    qualifier: str | None = None  # the word that fixed the reading (新收, 含上年结转)


def parse_count(s: str) -> int | None:
    s = fold_text(s).replace(",", "")
    return int(s) if s.isdigit() else cn_to_int(s)


def _alt(words: Iterable[str]) -> str:
    return _alt_cached(tuple(words))


@functools.lru_cache(maxsize=512)
def _alt_cached(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in _alt_words(words))


@functools.lru_cache(maxsize=512)
def _alt_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words of `_alt`'s alternation, folded, in its order (longest first, then in code-point order: the same pattern on every run)."""
    return tuple(fold_text(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _after(text: str, words: tuple[str, ...], tail: str) -> Iterator[re.Match[str] | KwMatch]:
    """The matches of `(?P<kw>words)TAIL` in `text` (recognise.kwmatch: one compiled tail instead of a
    pattern per list of words)."""
    alt = _alt_words(words)
    if all(alt):
        return keyword_matches(text, alt, _compile(tail))
    return _compile(rf"(?P<kw>{_alt_cached(words)}){tail}").finditer(text)  # an empty word matches anywhere


_compile = functools.lru_cache(maxsize=512)(re.compile)  # the vocabulary's patterns, built once per process


def _all_keywords(vocab: dict[str, Any]) -> list[str]:
    words = [w for c in vocab["counts"] for w in c["words"]]
    return [fold_text(w) for w in words + [w for o in vocab["outcomes"] for w in o["words"]]]


@dataclass(slots=True)
class _Cand:
    spec: dict[str, Any]
    m: re.Match[str] | KwMatch
    before: bool


def _mid_ok(spec: dict[str, Any], kw: str, mid: str, before: bool, keywords: list[str], fillers: re.Pattern[str]) -> bool:
    if any(fold_text(x) in mid for x in spec.get("exclude") or ()):
        return False
    required = (spec.get("requires_for") or {}).get(kw) or spec.get("requires") or []
    if not required and not before:
        return bool(fillers.fullmatch(mid))  # only filler words between: 同意公开答复9件
    own = {fold_text(w) for w in spec["words"]}
    if any(k in mid for k in keywords if k not in own):
        return False  # 受理申请后予以公开12件: the number belongs to the other word
    return not required or any(fold_text(r) in mid for r in required)


def _tail(flat: str, end: int) -> str:
    """The words right after a number: up to the next comma, or a whole parenthesis."""
    t = flat[end:end + 30]
    if t.startswith("("):
        close = t.find(")")
        return t[:close + 1] if close > 0 else t
    return re.split(r"[,。;]", t, maxsplit=1)[0]


def _clause_start(flat: str, pos: int) -> int:
    return max(flat.rfind(c, 0, pos) for c in ",。;!?\n") + 1


def _targets(spec: dict[str, Any], kw: str, tail: str) -> tuple[list[list[str]], str | None]:
    for w in spec.get("when") or ():
        for word in w["words"]:
            if fold_text(word) in kw or fold_text(word) in tail:
                return [list(t) for t in w["targets"]], word
    return [list(t) for t in spec["targets"]], None


def _count_candidates(stream: Stream, vocab: dict[str, Any], year: int | None) -> list[_Cand]:
    cands = []
    flat = stream.flat
    for spec, words, folded, kw in _count_specs(vocab, year):
        if not any(w in flat for w in folded):
            continue  # none of the keywords occurs: nothing to find (most specs, most sections)
        cands += [_Cand(spec, m, False) for m in _after(flat, words, _COUNT_TAIL)]
        if spec.get("before"):
            before = _compile(rf"{_NUM}(?P<unit>件|宗|个)(?P<mid>{_STOP}{{0,24}}?)(?P<kw>{kw})")
            reach = 24 + max(len(w) for w in folded)  # from the unit to the end of the keyword
            cands += [_Cand(spec, m, True) for a, b in unit_windows(flat, "件宗个", reach)
                      for m in before.finditer(flat, a, b)]
    return cands


_Spec = tuple[dict[str, Any], tuple[str, ...], tuple[str, ...], str]
_SPECS: dict[tuple[int, int | None], tuple[dict[str, Any], list[_Spec]]] = {}


def _count_specs(vocab: dict[str, Any], year: int | None) -> list[_Spec]:
    """(spec, its keywords, folded, their alternation) for every count of the vocabulary; the previous
    year's 结转 words join carried_over. Kept per vocabulary object (held, so its id stays its own) and year."""
    got = _SPECS.get((id(vocab), year))
    if got is not None and got[0] is vocab:
        return got[1]
    out = []
    for spec in vocab["counts"]:
        words = list(spec["words"])
        if spec["id"] == "carried_over" and year:
            words += [f"{year - 1}年结转", f"{year - 1}年度结转"]
        out.append((spec, tuple(words), _folded(tuple(words)), _alt(words)))
    if len(_SPECS) >= 64:
        _SPECS.clear()
    _SPECS[(id(vocab), year)] = (vocab, out)
    return out


@functools.lru_cache(maxsize=512)
def _folded(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(fold_text(w) for w in words)


def count_claims(units: Iterable[Unit], vocab: dict[str, Any], year: int | None = None) -> list[Claim]:
    """Every count the text states, each number read once (the longest keyword wins)."""
    return count_claims_in(build(units), vocab, year)


def count_claims_in(streams: Iterable[Stream], vocab: dict[str, Any], year: int | None = None) -> list[Claim]:
    """`count_claims` over streams already built."""
    keywords = _all_keywords(vocab)
    fillers = _compile(rf"(?:{_alt(vocab['fillers'])})*")
    out: list[Claim] = []
    for stream in streams:
        taken: list[tuple[int, int]] = []
        cands = _count_candidates(stream, vocab, year)
        cands.sort(key=lambda c: (c.before, -len(c.m.group("kw")), c.m.start()))
        for c in cands:
            m, kw = c.m, c.m.group("kw")
            spans = [m.span("kw"), m.span("num")]
            if any(a < e and s < b for a, b in spans for s, e in taken):
                continue
            if not _mid_ok(c.spec, kw, m.group("mid"), c.before, keywords, fillers):
                continue
            if not _context_ok(stream.flat, c, vocab, year):
                continue
            targets, qual = _targets(c.spec, kw, _tail(stream.flat, m.end()))
            taken += spans
            out.append(Claim("count", c.spec["id"], parse_count(m.group("num")), stream.original(m.start(), m.end()),
                             _sentence_text(stream, m.start()), unit_at(stream, m.start()), targets,
                             qualifier=qual))
        out += _outcomes(stream, vocab, taken, fillers)
    return out


def _context_ok(flat: str, c: _Cand, vocab: dict[str, Any], year: int | None) -> bool:
    """The words around the number let it be this count: not a duration (3个工作日), nothing in its
    clause before it that makes it another thing (`not_after`), no other year (2022年受理申请10件 in
    a 2023 report is a comparison), no comparison word (`count_comparison`)."""
    m = c.m
    if m.group("unit") == "个" and re.match(r"(?:工作日|月|百分点|小时)", flat[m.end():]):
        return False
    start = _clause_start(flat, min(m.start("kw"), m.start("num")))
    head = flat[start:m.start("kw")] if not c.before else flat[start:m.start("num")]
    if any(fold_text(w) in head for w in c.spec.get("not_after") or ()):
        return False
    if year and any(int(y) != year for y in _YEAR.findall(head)):
        return False
    return not any(fold_text(w) in flat[start:m.end()] for w in vocab["count_comparison"])


def _sentence_text(stream: Stream, pos: int) -> str:
    found = sentence_at(stream, pos)
    return stream.original(*found) if found is not None else ""


def _blocks_before(text: str) -> list[tuple[int, str]]:
    found = [(m.start(), "review") for m in re.finditer("复议", text)]
    found += [(m.start(), "litigation") for m in re.finditer("诉讼", text)]
    return sorted(found)


def _outcomes(stream: Stream, vocab: dict[str, Any], taken: list[tuple[int, int]],
              fillers: re.Pattern[str]) -> list[Claim]:
    out = []
    upheld_all = _alt(vocab["all_upheld"])
    for a, b in sentence_bounds(stream):
        sent = stream.flat[a:b]
        if "复议" not in sent and "诉讼" not in sent:
            continue
        blocks = _blocks_before(sent)
        if not blocks:
            continue
        out += _sentence_outcomes(stream, (a, b), blocks, vocab, taken, fillers)
        m2 = re.search(upheld_all, sent)
        if m2:
            named = tuple(dict.fromkeys(blk for _, blk in blocks))
            out.append(Claim("all_upheld", "all_upheld", None, stream.original(a + m2.start(), a + m2.end()),
                             stream.original(a, b), unit_at(stream, a + m2.start()), blocks=named))
    return out


def _sentence_outcomes(stream: Stream, span: tuple[int, int], blocks: list[tuple[int, str]],
                       vocab: dict[str, Any], taken: list[tuple[int, int]],
                       fillers: re.Pattern[str]) -> list[Claim]:
    """Outcome counts in one sentence (维持3件), each of the review or litigation block named last
    before it; numbers already read as counts (`taken`) are skipped, and the ones read here added."""
    a, b = span
    sent = stream.flat[a:b]
    out = []
    for o in vocab["outcomes"]:
        for m in _after(sent, tuple(o["words"]), _OUTCOME_TAIL):
            if not fillers.fullmatch(m.group("mid")) or any(s < a + m.end() and a + m.start() < e for s, e in taken):
                continue
            before = [blk for pos, blk in blocks if pos < m.start()]
            if not before:
                continue
            taken.append((a + m.start(), a + m.end()))
            out.append(Claim("outcome", o["id"], parse_count(m.group("num")),
                             stream.original(a + m.start(), a + m.end()), stream.original(a, b),
                             unit_at(stream, a + m.start()), blocks=(before[-1],), column=o["column"]))
    return out


def _none_matches(text: str, specs: list[tuple[dict[str, Any], tuple[str, ...], list[re.Pattern[str]]]]
                  ) -> list[tuple[dict[str, Any], re.Match[str]]]:
    """The first match of each kind of statement in one clause (无行政复议和行政诉讼 is two)."""
    out = []
    for spec, not_with, rxs in specs:
        if any(w in text for w in not_with):
            continue  # about the other table (申请行政复议 is table 四, not an application of table 三)
        m = next((m for rx in rxs if (m := rx.search(text))), None)
        if m is not None:
            out.append((spec, m))
    return out


_CONTEXTUAL = re.compile(r"\^|\$|\\[bBAZ]|\(\?<?[=!]")  # anchors and lookarounds: a match may depend on the clause cut


@functools.lru_cache(maxsize=64)
def _none_patterns(patterns: tuple[str, ...]) -> tuple[tuple[re.Pattern[str], bool], ...]:
    """The compiled patterns, each with whether it matches the same way in a clause as in the whole text."""
    return tuple((_compile(p), _CONTEXTUAL.search(p) is None) for p in patterns)


def _none_specs(vocab: dict[str, Any], flat: str) -> list[tuple[dict[str, Any], tuple[str, ...], list[re.Pattern[str]]]]:
    """(spec, its folded not_with words, its patterns) for the statements that can occur in `flat`: a
    pattern without anchors or lookarounds that finds nothing in the whole text finds nothing in any of
    its clauses either. Empty when no pattern finds anything in the whole text."""
    out, found = [], False
    for spec in vocab["none"]:
        rxs = []
        for rx, local in _none_patterns(tuple(spec["patterns"])):
            hit = rx.search(flat) is not None
            found = found or hit
            if hit or not local:
                rxs.append(rx)
        if rxs:
            out.append((spec, _folded(tuple(spec.get("not_with", ()))), rxs))
    return out if found else []


def none_claims(units: Iterable[Unit], vocab: dict[str, Any]) -> list[Claim]:
    """Clauses that say there was nothing (未收到政府信息公开申请; 未发生行政复议)."""
    return none_claims_in(build(units), vocab)


def none_claims_in(streams: Iterable[Stream], vocab: dict[str, Any]) -> list[Claim]:
    """`none_claims` over streams already built."""
    out: list[Claim] = []
    exclude = _folded(tuple(vocab["none_exclude"]))
    for stream in streams:
        specs = _none_specs(vocab, stream.flat)
        if not specs:
            continue  # no clause can match when the whole section does not
        for clause in _CLAUSE.finditer(stream.flat):
            text = clause.group(0)
            found = _none_matches(text, specs)
            if not found or any(w in text for w in exclude):
                continue
            for spec, m in found:
                pos = clause.start() + m.start()
                out.append(Claim("none", spec["id"], None, stream.original(clause.start(), clause.end()),
                                 _sentence_text(stream, pos), unit_at(stream, pos),
                                 [list(t) for t in spec["targets"]]))
    return out
