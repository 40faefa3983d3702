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
