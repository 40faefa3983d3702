"""PDF running text: glyphs -> lines -> paragraphs.

A PDF places glyphs; it has no paragraphs, spaces or reading order to trust. Glyphs are grouped
into lines by their vertical centre (so a curly quote drawn in a Latin font on another baseline
stays in its line, in x order), spaces are made from gaps, lines become paragraphs by indentation
and by where the previous line ended, and page furniture (`— 4 —`, `-4-`, `Page 9`, a running
title repeated on every page) is dropped."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from opengov_lint.readers.textutil import drop_spaces_near_cjk, is_page_number, normalise_quotes

_HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]+部分)")
# 6、其他需要报告的事项: Arabic numbering opens a paragraph only after a finished sentence (a wrapped
# line may start with a number: 1.5万元, 2024年)
_NUMBERED_START = re.compile(r"^\d{1,2}(?:、|[.．](?!\d))")
_SENTENCE_END = re.compile(r"[。；;！!？?：:]\s*$")
_HUGE = 48.0  # points: no body glyph is this wide or tall
_MARGIN = 0.1  # the top and bottom tenth of a page hold running headers and footers


@dataclass(slots=True)
class Char:
    text: str
    x0: float
    x1: float
    top: float  # from the top of the page
    bottom: float

    @property
    def size(self) -> float:
        return max(self.bottom - self.top, 1.0)


@dataclass(slots=True)
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    size: float = 10.0
    chars: list[Char] = field(default_factory=list)


def pdfium_chars(page: Any) -> list[Char]:
    """Glyphs of a pypdfium2 page with loose (font-height) boxes, top measured from the top."""
    from pypdfium2 import raw

    tp = page.get_textpage()
    try:
        place = placer(page)
        out: list[Char] = []
        for i in range(tp.count_chars()):
            if raw.FPDFText_IsGenerated(tp.raw, i):
                continue
            u = raw.FPDFText_GetUnicode(tp.raw, i)
            if u in (0, 0xFFFE, 0xFFFF) or 0xD800 <= u <= 0xDFFF:
                continue
            ch = chr(u)
            if ch.isspace():
                continue
            out.append(Char(ch, *place(*_charbox(tp, i))))
        return out
    finally:
        tp.close()


def _charbox(tp: Any, i: int) -> tuple[float, float, float, float]:
    """The loose (font-height) box of a glyph; when that box is implausibly large (a font whose
    bounding box is the size of the page square, seen in vertical table labels), the ink box."""
    box = tp.get_charbox(i, loose=True)
    if box[2] - box[0] > _HUGE or box[3] - box[1] > _HUGE:
        ink = tp.get_charbox(i)
        if ink[2] > ink[0] and ink[3] > ink[1]:
            return tuple(ink)
    return tuple(box)


def placer(page: Any) -> Any:
    """PDFium gives glyph boxes in unrotated page space; a landscape page (/Rotate 90, typical for
    a wide table 三) is read as displayed: (left, bottom, right, top) -> (x0, x1, top, bottom)."""
    rotation = page.get_rotation() % 360
    width, height = page.get_size()  # as displayed
    if rotation == 90:
        return lambda x0, b, r, t: (b, t, x0, r)
    if rotation == 180:
        return lambda x0, b, r, t: (width - r, width - x0, b, t)
    if rotation == 270:
        return lambda x0, b, r, t: (width - t, width - b, height - r, height - x0)
    return lambda x0, b, r, t: (x0, r, height - t, height - b)


def build_lines(chars: list[Char], page: int) -> list[Line]:
    """Group glyphs whose vertical centres are close into lines, in x order within a line."""
    if not chars:
        return []
    chars = sorted(chars, key=lambda c: (c.top + c.bottom) / 2)
    groups: list[list[Char]] = []
    centre = -1e9
    for c in chars:
        mid = (c.top + c.bottom) / 2
        if groups and abs(mid - centre) <= 0.45 * max(c.size, groups[-1][0].size):
            groups[-1].append(c)
        else:
            groups.append([c])
            centre = mid
    lines: list[Line] = []
    for g in groups:
        g.sort(key=lambda c: c.x0)
        size = Counter(round(c.size) for c in g).most_common(1)[0][0]
        parts: list[str] = []
        prev: Char | None = None
        for c in g:
            if prev is not None and c.x0 - prev.x1 > 0.3 * size:
                parts.append(" ")
            parts.append(c.text)
            prev = c
        text = normalise_quotes(drop_spaces_near_cjk("".join(parts)))
        lines.append(Line(text, g[0].x0, max(c.x1 for c in g), min(c.top for c in g), max(c.bottom for c in g),
                          page, float(size), g))
    return lines


def drop_furniture(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """The lines without page numbers and running headers/footers: a line in the top or bottom tenth
    of the page that is a page number, or whose text recurs there on another page (documents of three pages or more)."""
    seen: Counter[str] = Counter()
    for lines, h in zip(pages, heights, strict=False):
        for t in {_key(ln.text) for ln in lines if _in_margin(ln, h)}:
            seen[t] += 1
    return [[ln for ln in lines if not (
        is_page_number(ln.text) or (_in_margin(ln, h) and seen[_key(ln.text)] >= 2 and len(pages) >= 3))]
        for lines, h in zip(pages, heights, strict=False)]


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", "".join(text.split()))


def _in_margin(line: Line, height: float) -> bool:
    return line.bottom <= height * _MARGIN or line.top >= height * (1 - _MARGIN)


@dataclass(slots=True)
class Layout:
    left: float
    right: float


def page_layout(lines: list[Line]) -> Layout | None:
    """The body text block: its left edge and its right edge (the median line end: most lines of a
    report run to the margin)."""
    body = [ln for ln in lines if len(ln.text) >= 8]
    if not body:
        return None
    counts = Counter(round(ln.x0 / 2) * 2 for ln in body)
    enough = max(2, len(body) // 20)
    # the leftmost edge several lines share: indented first lines and headings sit right of it
    left = min((x for x, n in counts.items() if n >= enough), default=counts.most_common(1)[0][0])
    rights = sorted(ln.x1 for ln in body)
    return Layout(left, rights[len(rights) // 2])


def starts_paragraph(line: Line, prev: Line | None, lay: Layout | None) -> bool:
    """Does `line` begin a new paragraph after `prev` (which may be the last line of the previous
    page: then only indentation, where `prev` ended and a heading number decide)?"""
    if prev is None or lay is None:
        return True
    if line.x0 > lay.left + 0.8 * line.size:  # first-line indent, a centred title
        return True
    if prev.x1 < lay.right - 3 * prev.size and not _word_wrapped(prev, line, lay):
        return True  # the previous line stopped short: its paragraph ended
    if prev.page == line.page and line.top - prev.bottom > 1.2 * line.size:  # a blank line between
        return True
    if _NUMBERED_START.match(line.text) and _SENTENCE_END.search(prev.text):
        return True
    return bool(_HEADING_START.match(line.text))


def _word_wrapped(prev: Line, line: Line, lay: Layout) -> bool:
    """A Latin word or number too long for the rest of the previous line (`0571-` / `87654321`)."""
    run = []
    for c in line.chars:
        if not (c.text.isascii() and (c.text.isalnum() or c.text in "-./:@_%")):
            break
        run.append(c)
    return bool(run) and run[-1].x1 - run[0].x0 > lay.right - prev.x1 - prev.size


def join_lines(a: str, b: str) -> str:
    """Join a wrapped line: CJK text runs on without a space, Latin words get one."""
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return a + " " + b
    return a + b
