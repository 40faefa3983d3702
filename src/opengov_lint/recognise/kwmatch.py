"""`(?P<kw>word1|word2|…)TAIL` without compiling a pattern per list of words: the words are found with
`str.find` and one compiled TAIL is matched after each, which gives the matches `finditer` of the whole
pattern gives (left to right, none inside the previous one, at each position the longest word whose tail
matches). The prose reader has a list of keywords per kind of count; compiling a pattern for each costs
~0.6 ms on every start (each holds three sets of Chinese characters, which CPython's compiler turns into
large bitmaps), more than reading the counts of a report. Pure: no I/O."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import re
    from collections.abc import Iterator


class KwMatch:
    """A keyword at `start` followed by the tail's match: the part of `re.Match` the prose reader uses
    (group/span/start/end of the whole match, of "kw" and of the tail's named groups)."""

    __slots__ = ("_kw", "_start", "_tail")

    def __init__(self, start: int, kw: str, tail: re.Match[str]) -> None:
        self._start, self._kw, self._tail = start, kw, tail

    def span(self, name: str | int = 0) -> tuple[int, int]:
        if name == 0:
            return self._start, self._tail.end()
        if name == "kw":
            return self._start, self._start + len(self._kw)
        return self._tail.span(name)

    def start(self, name: str | int = 0) -> int:
        return self.span(name)[0]

    def end(self, name: str | int = 0) -> int:
        return self.span(name)[1]

    def group(self, name: str | int = 0) -> str:
        if name == "kw":
            return self._kw
        a, b = self.span(name)
        return self._tail.string[a:b]


def keyword_matches(text: str, words: tuple[str, ...], tail: re.Pattern[str]) -> Iterator[KwMatch]:
    """The matches of `(?P<kw>ALT)TAIL` in `text`, where ALT is `words` in the order given (the
    alternation's order: longest first) and none of them is empty."""
    at: dict[int, list[str]] = {}
    for w in dict.fromkeys(words):
        i = text.find(w)
        while i >= 0:
            at.setdefault(i, []).append(w)
            i = text.find(w, i + 1)
    end = 0
    for p in sorted(at):
        if p < end:
            continue
        for w in at[p]:
            m = tail.match(text, p + len(w))
            if m is not None:
                end = m.end()
                yield KwMatch(p, w, m)
                break


_NUMERALS = frozenset("零〇一二两三四五六七八九十百千")


def unit_windows(text: str, units: str, after: int) -> list[tuple[int, int]]:
    """Disjoint (start, end) windows of `text` that hold every match of a pattern `NUM UNIT …` whose
    match ends at most `after` characters past its unit (NUM: digits and commas, or at most six Chinese
    numerals, right before one of the `units` characters). `pattern.finditer(text, start, end)` over the
    windows gives what `finditer` over the whole text gives, without trying every numeral of a section
    that has no unit near a keyword."""
    spans = []
    for ch in dict.fromkeys(units):
        u = text.find(ch)
        while u >= 0:
            d = u
            while d > 0 and (text[d - 1].isdecimal() or text[d - 1] == ","):
                d -= 1
            c = u
            while c > 0 and u - c < 6 and text[c - 1] in _NUMERALS:
                c -= 1
            spans.append((min(c, d), min(len(text), u + 1 + after)))
            u = text.find(ch, u + 1)
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out
