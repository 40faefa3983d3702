"""The citation scanner used by every OG4xx rule: titles in 《》 and 〈〉, articles `第X条`
(`第X条第（Y）项`, `第X条第Y款`), decrees `国务院令第N号` and document numbers `X〔YYYY〕N号` (also
with [] () 【】 brackets), in Chinese or Arabic numerals.

Every citation carries where it stands (paragraph index, line, page, section) and the text as quoted.
An article is attributed to the title cited last before it in the same sentence (`《条例》第五十条`),
to the regulation when the sentence names no title but says 条例, or to a table caption when the
paragraph is nothing but the citation (`第二十条第（五）项`). Pure: no I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from opengov_lint.recognise.spans import unit_at
from opengov_lint.recognise.streams import Stream, Unit, build
from opengov_lint.recognise.text import CN_NUM, cn_to_int, norm

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

_NUM = r"[零〇一二两三四五六七八九十百千\d]{1,6}"
_TITLE = re.compile(r"《([^《》\n]{1,80})》")
_INNER_TITLE = re.compile(r"〈([^〈〉《》\n]{1,60})〉")
_ARTICLE = re.compile(
    rf"第({_NUM})条(?:第({_NUM})款)?(?:第?\(({_NUM})\)项?|第({_NUM})项)?")
_DECREE = re.compile(rf"(?:中华人民共和国)?国务院令\(?第?({_NUM})号\)?|国务院第({_NUM})号令|国令第?({_NUM})号")
_DOCNO = re.compile(r"([\u4e00-\u9fff]{1,12}?)[〔\[［(【]((?:19|20)\d{2})[〕\]］)】](\d{1,4})号")
_BRACKET = re.compile(r"[〔\[［(【](?:19|20)\d{2}[〕\]］)】]\d{1,4}号")
_LEAD = re.compile(r"^(?:依据|根据|按照|参照|对照|落实|贯彻|执行|印发|发布|关于|和|及|与|的|、|以及|即|见)+")
_SENTENCE_END = "。;!?\n"
_CAPTION = re.compile(rf"第([{CN_NUM}\d]+)条(?:第?\(?([{CN_NUM}\d]+)\)?(项|款))?")


@dataclass(slots=True)
class Citation:
    kind: str  # title | article | decree | docno
    text: str  # as written (line breaks removed)
    paragraph: int  # Paragraph.index
    line: int | None
    page: int | None
    section: int | None
    start: int  # position in the stream's flat text (document order within a section)
    stream: int  # which stream (document order)
    title: str | None = None  # title: the inner text, folded, no spaces, nested marks removed
    brackets: str | None = None  # title: "《》" or "〈〉"
    nested: bool = False  # title: contains a 〈…〉 inside
    law: str | None = None  # article: the title it belongs to ("条例" for 《条例》), or "caption"
    article: int | None = None
    clause: int | None = None  # 第Y款
    item: int | None = None  # 第（Y）项
    item_bracketed: bool = False
    number: int | None = None  # decree or document number
    year: int | None = None  # document number year
    prefix: str | None = None  # document number prefix (国办公开办函)
    sentence: str = ""  # the sentence around it (original text), for the reader

    @property
    def order(self) -> tuple[int, int]:
        return self.stream, self.start


@dataclass(slots=True, frozen=True)
class ArticleCaption:
    """A table-二 caption as written: `第二十条第（五）项` is article 20, item 5, unit 项."""

    article: int | None
    item: int | None = None
    unit: str | None = None  # 项 | 款 | None (no item written)

    @property
    def well_formed(self) -> bool:
        """The template's form: 第二十条第（X）项."""
        return self.article == 20 and self.unit == "项" and self.item is not None


def parse_caption(text: str) -> ArticleCaption | None:
    """The one reading of a caption (the recogniser's caption rows, OG402, OG404): `第N条` optionally
    followed by `第（M）项` or `第M款`, tolerating spaces, full- and half-width brackets, a missing 第 and
    Markdown marks; None when the text is not that."""
    m = _CAPTION.fullmatch(norm(text).lstrip("#*"))
    if not m:
        return None
    return ArticleCaption(cn_to_int(m.group(1)), cn_to_int(m.group(2)) if m.group(2) else None, m.group(3))


def caption_item(text: str) -> int | None:
    """第二十条第（五）项 -> 5; None for any other text (a malformed caption included)."""
    cap = parse_caption(text)
    return cap.item if cap is not None and cap.well_formed else None


def clean_title(inner: str) -> str:
    """The comparable form of a title: folded, no whitespace, no nested title marks."""
    return re.sub(r"[\s〈〉<>《》]", "", inner)


def _num(s: str | None) -> int | None:
    return cn_to_int(s) if s else None


def _sentence_bounds(flat: str, pos: int) -> tuple[int, int]:
    a = max(flat.rfind(c, 0, pos) for c in _SENTENCE_END) + 1
    ends = [i for i in (flat.find(c, pos) for c in _SENTENCE_END) if i >= 0]
    return a, (min(ends) if ends else len(flat))


def _make(stream: Stream, si: int, kind: str, m: re.Match[str]) -> Citation:
    unit: Unit = unit_at(stream, m.start())
    p = unit.paragraph
    a, b = _sentence_bounds(stream.flat, m.start())
    return Citation(kind=kind, text=stream.original(m.start(), m.end()), paragraph=p.index, line=p.line,
                    page=p.page, section=unit.section, start=m.start(), stream=si,
                    sentence=stream.original(a, b))


def _titles(stream: Stream, si: int) -> list[Citation]:
    out = []
    spans = []
    for m in _TITLE.finditer(stream.flat):
        c = _make(stream, si, "title", m)
        c.title, c.brackets, c.nested = clean_title(m.group(1)), "《》", "〈" in m.group(1) or "<" in m.group(1)
        out.append(c)
        spans.append((m.start(), m.end()))
    for m in _INNER_TITLE.finditer(stream.flat):
        if any(a <= m.start() < b for a, b in spans):
            continue  # nested inside a 《…》 title: part of that title
        c = _make(stream, si, "title", m)
        c.title, c.brackets = clean_title(m.group(1)), "〈〉"
        out.append(c)
    return out


def _articles(stream: Stream, si: int, titles: list[Citation]) -> list[Citation]:
    out = []
    for m in _ARTICLE.finditer(stream.flat):
        c = _make(stream, si, "article", m)
        c.article, c.clause = _num(m.group(1)), _num(m.group(2))
        c.item = _num(m.group(3) or m.group(4))
        c.item_bracketed = m.group(3) is not None
        a, _ = _sentence_bounds(stream.flat, m.start())
        before = [t for t in titles if a <= t.start < m.start()]
        if before:
            c.law = before[-1].title
        elif _whole_unit(stream, m):
            c.law = "caption"
        elif "条例" in stream.flat[a:m.start()]:
            c.law = "条例"
        out.append(c)
    return out


def _whole_unit(stream: Stream, m: re.Match[str]) -> bool:
    """True when the citation is all the text of its paragraph (a table caption written as text)."""
    unit = unit_at(stream, m.start())
    return re.sub(r"[\s#*]", "", unit.paragraph.text) == re.sub(r"\s", "", stream.original(m.start(), m.end()))


def _decrees(stream: Stream, si: int) -> list[Citation]:
    out: list[Citation] = []
    if "令" not in stream.flat:
        return out  # every decree citation has 令: skip scanning the whole section with the pattern
    for m in _DECREE.finditer(stream.flat):
        c = _make(stream, si, "decree", m)
        c.number = _num(m.group(1) or m.group(2) or m.group(3))
        out.append(c)
    return out


def _docno_matches(flat: str) -> Iterator[re.Match[str]]:
    """_DOCNO matches, found from the bracket (〔2021〕30号) backwards: scanning every position of a
    long run of Chinese text with a lazy 1-12 character prefix costs too much on huge paragraphs.
    The leftmost start within 12 characters of the bracket is the match finditer would give."""
    last_end = 0
    for b in _BRACKET.finditer(flat):
        for start in range(max(last_end, b.start() - 12), b.start()):
            m = _DOCNO.match(flat, start, b.end())
            if m is not None and m.end() == b.end():
                last_end = m.end()
                yield m
                break


def _docnos(stream: Stream, si: int, prefixes: Iterable[str]) -> list[Citation]:
    out = []
    known = sorted(prefixes, key=len, reverse=True)
    for m in _docno_matches(stream.flat):
        raw = m.group(1)
        prefix = next((k for k in known if raw.endswith(k)), None) or _LEAD.sub("", raw)[-8:]
        c = _make(stream, si, "docno", m)
        c.prefix, c.year, c.number = prefix, int(m.group(2)), int(m.group(3))
        c.start = m.start() + len(raw) - len(prefix)
        c.text = stream.original(c.start, m.end())
        out.append(c)
    return out


_SCANNED: list[tuple[list[Stream], tuple[str, ...], list[Citation]]] = []


def scan(units: Iterable[Unit], docno_prefixes: Iterable[str] = ()) -> list[Citation]:
    """Every citation in the text, in document order (the rules ask a report's text index,
    recognise.textindex, which scans once; the last few results are kept here too, keyed by the
    identity of the streams)."""
    prefixes = tuple(docno_prefixes)
    streams = build(units)
    for seen, pre, found in _SCANNED:
        if seen is streams and pre == prefixes:
            return list(found)
    out = _scan(streams, prefixes)
    _SCANNED.insert(0, (streams, prefixes, out))
    del _SCANNED[4:]
    return list(out)


def scan_streams(streams: list[Stream], docno_prefixes: Iterable[str] = ()) -> list[Citation]:
    """`scan` of streams already built (recognise.streams.build)."""
    return _scan(streams, tuple(docno_prefixes))


def _scan(streams: list[Stream], prefixes: tuple[str, ...]) -> list[Citation]:
    out: list[Citation] = []
    for si, stream in enumerate(streams):
        titles = _titles(stream, si)
        found = titles + _articles(stream, si, titles) + _decrees(stream, si) + _docnos(stream, si, prefixes)
        out.extend(sorted(found, key=lambda c: c.start))
    return out
