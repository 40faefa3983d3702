"""Running text as searchable streams, for the citation scanner and the prose readers.

Readers give paragraphs; a PDF or a PDF-to-Markdown conversion gives one paragraph per printed line,
so a title such as 《中华人民共和\n国政府信息公开条例》 or a sentence such as `受理政府信息公开申请\n21件`
is cut in two. A stream joins the paragraphs of one section again (a line that does not end a
sentence is continued by the next one), folds full-width characters one by one (so offsets stay
valid) and removes whitespace, keeping a map from every searchable character back to its paragraph.
Pure: no I/O."""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from opengov_lint.model import Paragraph

_FURNITURE = re.compile(r"^[-—–_~\s]*(?:第\s*\d+\s*页|Page\s*\d+|\d{1,3})[-—–_~\s]*$", re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"[。！？；：:!?;）)」”\]]\s*$")
_STARTS_NUMBERED = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、是]|\d{1,2}[、.．]|#)")
_SOFT_WRAP_MIN = 18  # a printed line shorter than this that does not end a sentence is a heading


@dataclass(slots=True)
class Unit:
    """A paragraph and the template section (1-6) it belongs to (None: before the first section)."""

    paragraph: Paragraph
    section: int | None


@dataclass(slots=True)
class Stream:
    """The paragraphs of one section, joined. `flat` is what is searched: folded to half width,
    without whitespace; a hard paragraph break is kept as `\\n`."""

    units: list[Unit] = field(default_factory=list)
    text: str = ""  # the joined original text
    flat: str = ""
    starts: list[int] = field(default_factory=list)  # text offset where each unit starts
    _fmap: list[int] | None = field(default=None, repr=False)

    @property
    def fmap(self) -> list[int]:
        """flat index -> text index; worked out on first use (most streams are only searched)."""
        if self._fmap is None:
            fmap: list[int] = []
            for m in _RUNS.finditer(self.text):
                fmap.extend(range(m.start(), m.end()))
            self._fmap = fmap
        return self._fmap

    def unit_at(self, flat_pos: int) -> Unit:
        fmap = self.fmap
        pos = fmap[min(flat_pos, len(fmap) - 1)] if fmap else 0
        # the last unit starting at or before pos (starts rise strictly: every unit has text)
        return self.units[max(bisect.bisect_right(self.starts, pos) - 1, 0)]

    def original(self, start: int, end: int) -> str:
        """The original text behind flat[start:end], line breaks removed."""
        fmap = self.fmap
        if start >= end or not fmap:
            return ""
        a, b = fmap[start], fmap[min(end, len(fmap)) - 1] + 1
        return re.sub(r"\s*\n\s*", "", self.text[a:b]).strip()


@functools.lru_cache(maxsize=8192)
def fold(ch: str) -> str:
    """Full width to half width for one character (（ -> (, ２ -> 2, ﹝ -> 〔), keeping length 1."""
    n = unicodedata.normalize("NFKC", ch)
    return n if len(n) == 1 else ch


def fold_text(s: str) -> str:
    """`fold` applied to every character of S."""
    return s.translate(_FOLD)


def is_furniture(text: str) -> bool:
    return bool(_FURNITURE.match(text))


def _soft(prev: str, nxt: str) -> bool:
    p = prev.rstrip()
    return len(p) >= _SOFT_WRAP_MIN and not _ENDS_SENTENCE.search(p) and not _STARTS_NUMBERED.match(nxt)


class _FoldTable(dict[int, str]):
    """str.translate table for `fold`, filled on first use of each character."""

    def __missing__(self, code: int) -> str:
        value = fold(chr(code))
        self[code] = value
        return value


_FOLD = _FoldTable()
_SENTENCE_END = re.compile(r"[。!?;\n]")
_RUNS = re.compile(r"\n|[^\s\u200b\ufeff]+")
_UNSEARCHED = re.compile(r"[^\S\n]+|[\u200b\ufeff]+")  # exactly what _RUNS leaves out
_MEMO: list[tuple[list[Unit], list[Stream]]] = []


def build(units: Iterable[Unit]) -> list[Stream]:
    """One stream per run of consecutive units of the same section. Several rules ask for the same
    streams of one report: the last few results are kept (checked by identity, never by value)."""
    units = list(units)
    for seen, streams in _MEMO:
        if len(seen) == len(units) and all(a.paragraph is b.paragraph and a.section == b.section
                                           for a, b in zip(seen, units, strict=False)):
            return streams
    streams = _build(units)
    _MEMO.insert(0, (units, streams))
    del _MEMO[4:]
    return streams


def _build(units: list[Unit]) -> list[Stream]:
    out: list[Stream] = []
    cur: Stream | None = None
    parts: list[list[str]] = []
    size = 0
    for u in units:
        t = u.paragraph.text
        if not t.strip() or is_furniture(t):
            continue
        if cur is None or cur.units[-1].section != u.section:
            cur = Stream()
            out.append(cur)
            parts.append([])
            size = 0
        elif size:
            sep = "" if _soft(cur.units[-1].paragraph.text, t) else "\n"
            parts[-1].append(sep)
            size += len(sep)
        cur.starts.append(size)
        cur.units.append(u)
        stripped = t.strip()
        parts[-1].append(stripped)
        size += len(stripped)
    for s, texts in zip(out, parts, strict=True):
        s.text = "".join(texts)
        s.flat = "".join(map(_flat, texts))
    return out


@functools.lru_cache(maxsize=4096)  # the rules build streams of the same paragraphs several times
def _flat(text: str) -> str:
    """What _RUNS keeps of a piece of text (line breaks and every run of visible characters), folded:
    a character at a time, so the pieces of a stream give its flat text joined, and fold keeps each
    character's length, so flat lines up with the runs (fmap, built when asked)."""
    return _UNSEARCHED.sub("", text).translate(_FOLD)


def sentences(stream: Stream) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of stream.flat (split at 。！？；, line breaks and run-in
    headings)."""
    start = 0
    for m in _SENTENCE_END.finditer(stream.flat):
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if start < len(stream.flat):
        yield start, len(stream.flat)
