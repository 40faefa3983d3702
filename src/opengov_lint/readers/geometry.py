"""Tables from page geometry, whatever the format: glyph boxes and ruling lines in, grids out.

PDF (PDFium's page objects), OFD (its content XML) and scanned pages (ruling lines found in the image,
text boxes from OCR) describe a ruled table the same way: text placed in boxes and thin strokes around
them. Each source builds one `PageGeometry` per page and hands it here:

    PageGeometry(number, width, height, glyphs=[Glyph(x0, top, x1, bottom, text, confidence)],
                 segments=[Segment(x0, top, x1, bottom)])

- Coordinates are in points (any unit works if every box of a page uses it) with `top`/`bottom`
  measured downwards from the top of the page, as the page is displayed.
- A `Glyph` is one character (or a short run: an OCR text box) with its box; `confidence` (0-1) is
  for recognised text, None for a text layer. A glyph belongs to the cell its centre falls in.
- A `Segment` is a visible ruling as its bounding box: a stroked line, one edge of a stroked
  rectangle or a thin filled bar (`rulings.subpath_segments` turns painted paths into these; an
  image's detected lines are passed as they are). It is horizontal when it is wider than tall.
  Invisible shapes (white fills behind paragraphs, clipping paths) must not be passed.
- A glyph's text is kept as given: an OCR box holding a whole word or number is one glyph (its
  centre decides its cell); separate glyphs of one line are joined, with a space where the gap is
  wider than 0.3 of the glyph height (and never between CJK characters).

`page_tables(page)` returns the table fragments of the page (`Fragment`: the part of a table on
one page, with its cells `GCell(text, r, c, rs, cs, confidence)`) and the glyphs outside them (the
running text, for the caller's paragraph builder). Lines closer than 3 points are the same line;
a group of cells closed on every side is a table when it has two columns or more (a framed
paragraph is not a table); where two or more vertical rules stop without a horizontal one (a table
cut by a page break) a closing line is added.

`stitch(pages)` (geomstitch) groups fragments continued across pages and `build_table(group)`
returns one `model.Table`: a cell's `confidence` is the lowest of its glyphs' (None when none has
one), so a caller can report the uncertain cells instead of guessing them."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

from opengov_lint.readers.textutil import drop_spaces_near_cjk, normalise_quotes

TOL = 3.0  # points: edges closer than this are the same edge


@dataclass(slots=True, frozen=True)
class Glyph:
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    confidence: float | None = None


@dataclass(slots=True, frozen=True)
class Segment:
    """A visible ruling as its bounding box (a line of width 0 has top == bottom or x0 == x1)."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.x1 - self.x0 >= self.bottom - self.top


@dataclass(slots=True)
class PageGeometry:
    number: int  # 1-based
    width: float
    height: float
    glyphs: list[Glyph] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class GCell:
    text: str
    r: int
    c: int
    rs: int
    cs: int
    page: int
    x0: float
    x1: float
    confidence: float | None = None


@dataclass(slots=True, eq=False)
class Fragment:
    """The part of a table on one page."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    edges: list[float]  # column boundaries, left edge to right edge
    nrows: int
    cells: list[GCell] = field(default_factory=list)


@dataclass(slots=True)
class _H:
    y: float
    x0: float
    x1: float


@dataclass(slots=True)
class _V:
    x: float
    top: float
    bottom: float


Box = tuple[float, float, float, float]  # x0, top, x1, bottom


def page_tables(page: PageGeometry) -> tuple[list[Fragment], list[Glyph]]:
    """The table fragments of a page and the glyphs outside them."""
    hs, vs = _rulings(page.segments)
    if len(vs) < 2:
        return [], page.glyphs
    hs = _join_h(hs + _closing_lines(hs, vs))
    frags: list[Fragment] = []
    for ch, cv in _components(hs, vs):
        boxes = _cells(ch, cv)
        frag = _fragment(boxes, page.glyphs, page.number) if boxes else None
        if frag is not None:
            frags.append(frag)
    frags.sort(key=lambda f: (f.top, f.x0))
    if not frags:
        return [], page.glyphs
    areas = [(f.x0 - 1, f.top - 1, f.x1 + 1, f.bottom + 1) for f in frags]
    rest = [g for g in page.glyphs if not any(_inside(g, b) for b in areas)]
    return frags, rest


def _inside(g: Glyph, box: Box) -> bool:
    cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


# -- rulings -------------------------------------------------------------------------------------
def _rulings(segments: list[Segment]) -> tuple[list[_H], list[_V]]:
    hs: list[_H] = []
    vs: list[_V] = []
    for s in segments:
        if s.horizontal:
            if s.x1 - s.x0 >= 1:
                hs.append(_H((s.top + s.bottom) / 2, s.x0, s.x1))
        elif s.bottom - s.top >= 1:
            vs.append(_V((s.x0 + s.x1) / 2, s.top, s.bottom))
    return _join_h(hs), _join_v(vs)


def _snap(values: list[float]) -> dict[float, float]:
    """Each value -> the mean of its cluster (values closer than TOL in a chain)."""
    out: dict[float, float] = {}
    group: list[float] = []
    for v in [*sorted(set(values)), float("inf")]:
        if group and v - group[-1] > TOL:
            mean = sum(group) / len(group)
            out.update((g, mean) for g in group)
            group = []
        group.append(v)
    return out


def _join_h(hs: list[_H]) -> list[_H]:
    snap = _snap([h.y for h in hs])
    out: list[_H] = []
    for h in sorted(hs, key=lambda h: (snap[h.y], h.x0)):
        y = snap[h.y]
        if out and out[-1].y == y and h.x0 <= out[-1].x1 + TOL:
            out[-1].x1 = max(out[-1].x1, h.x1)
        else:
            out.append(_H(y, h.x0, h.x1))
    return out


def _join_v(vs: list[_V]) -> list[_V]:
    snap = _snap([v.x for v in vs])
    out: list[_V] = []
    for v in sorted(vs, key=lambda v: (snap[v.x], v.top)):
        x = snap[v.x]
        if out and out[-1].x == x and v.top <= out[-1].bottom + TOL:
            out[-1].bottom = max(out[-1].bottom, v.bottom)
        else:
            out.append(_V(x, v.top, v.bottom))
    return out


def _closing_lines(hs: list[_H], vs: list[_V]) -> list[_H]:
    """Horizontal lines where two or more vertical rules stop without one (a page break cut)."""
    out: list[_H] = []
    for attr in ("top", "bottom"):
        groups: dict[int, list[_V]] = {}
        for v in vs:
            groups.setdefault(round(getattr(v, attr)), []).append(v)
        for y, group in groups.items():
            if len(group) < 2:
                continue
            x0, x1 = min(v.x for v in group), max(v.x for v in group)
            if any(abs(h.y - y) <= TOL and h.x0 <= x0 + TOL and h.x1 >= x1 - TOL for h in hs):
                continue
            out.append(_H(float(y), x0, x1))
    return out


def _touch(h: _H, v: _V) -> bool:
    return h.x0 - TOL <= v.x <= h.x1 + TOL and v.top - TOL <= h.y <= v.bottom + TOL


def _components(hs: list[_H], vs: list[_V]) -> list[tuple[list[_H], list[_V]]]:
    """Rulings that touch each other, grouped (one group per table drawn on the page)."""
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if _touch(h, v):
                a, b = find(i), find(len(hs) + j)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list[_H], list[_V]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    return [g for g in groups.values() if len(g[0]) >= 2 and len(g[1]) >= 2]


# -- cells ---------------------------------------------------------------------------------------
def _cells(hs: list[_H], vs: list[_V]) -> list[Box]:
    """The closed boxes of one group of rulings: grid slots between neighbouring lines, joined
    across every side that is not drawn; slots open to the outside are not cells."""
    xs = sorted({v.x for v in vs})
    ys = sorted({h.y for h in hs})
    nr, nc = len(ys) - 1, len(xs) - 1
    if nr < 1 or nc < 1:
        return []
    vcut, hcut = _sides(hs, vs, xs, ys)
    region = [[-1] * nc for _ in range(nr)]
    boxes: list[Box] = []
    for r0 in range(nr):
        for c0 in range(nc):
            if region[r0][c0] >= 0:
                continue
            slots, closed = _flood(r0, c0, vcut, hcut, region, len(boxes))
            rows = [r for r, _c in slots]
            cols = [c for _r, c in slots]
            boxes.append((xs[min(cols)], ys[min(rows)], xs[max(cols) + 1], ys[max(rows) + 1]) if closed
                         else (0.0, 0.0, 0.0, 0.0))
    return [b for b in boxes if b[2] > b[0]]


def _sides(hs: list[_H], vs: list[_V], xs: list[float], ys: list[float]) -> tuple[list[list[bool]], list[list[bool]]]:
    """Which sides of the grid slots are drawn: vertical sides by row, horizontal sides by row line."""
    vcut = [[_vdrawn(vs, x, ys[r], ys[r + 1]) for x in xs] for r in range(len(ys) - 1)]
    hcut = [[_hdrawn(hs, y, xs[c], xs[c + 1]) for c in range(len(xs) - 1)] for y in ys]
    return vcut, hcut


def _flood(r0: int, c0: int, vcut: list[list[bool]], hcut: list[list[bool]], region: list[list[int]],
           mark: int) -> tuple[list[tuple[int, int]], bool]:
    nr, nc = len(region), len(region[0])
    stack, slots, closed = [(r0, c0)], [], True
    region[r0][c0] = mark
    while stack:
        r, c = stack.pop()
        slots.append((r, c))
        steps = ((r, c - 1, not vcut[r][c]), (r, c + 1, not vcut[r][c + 1]),
                 (r - 1, c, not hcut[r][c]), (r + 1, c, not hcut[r + 1][c]))
        for rr, cc, open_ in steps:
            if not open_:
                continue
            if not (0 <= rr < nr and 0 <= cc < nc):
                closed = False
                continue
            if region[rr][cc] < 0:
                region[rr][cc] = mark
                stack.append((rr, cc))
    return slots, closed


def _vdrawn(vs: list[_V], x: float, y0: float, y1: float) -> bool:
    return any(v.x == x and v.top <= y0 + TOL and v.bottom >= y1 - TOL for v in vs)


def _hdrawn(hs: list[_H], y: float, x0: float, x1: float) -> bool:
    return any(h.y == y and h.x0 <= x0 + TOL and h.x1 >= x1 - TOL for h in hs)


def cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > TOL:
            out.append(v)
    return out


def index(edges: list[float], v: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - v))


def span(edges: list[float], lo: float, hi: float) -> int:
    return max(1, sum(1 for e in edges[:-1] if lo - TOL <= e < hi - TOL))


def _fragment(boxes: list[Box], glyphs: list[Glyph], number: int) -> Fragment | None:
    edges = cluster([b[0] for b in boxes] + [max(b[2] for b in boxes)])
    if len(edges) < 3:
        return None  # one column: a framed paragraph, not a table
    tops = cluster([b[1] for b in boxes] + [max(b[3] for b in boxes)])
    frag = Fragment(number, edges[0], tops[0], edges[-1], tops[-1], edges, len(tops) - 1)
    inside = _assign(boxes, glyphs, frag, tops)
    for i, b in sorted(enumerate(boxes), key=lambda x: (x[1][1], x[1][0])):
        got = inside.get(i, [])
        confs = [g.confidence for g in got if g.confidence is not None]
        frag.cells.append(GCell(cell_text(got), index(tops, b[1]), index(edges, b[0]), span(tops, b[1], b[3]),
                                span(edges, b[0], b[2]), number, b[0], b[2], min(confs) if confs else None))
    return frag


def _slots(boxes: list[Box], edges: list[float], tops: list[float]) -> dict[tuple[int, int], int]:
    """Grid slot (row, column) -> the box covering it."""
    slots: dict[tuple[int, int], int] = {}
    for i, b in enumerate(boxes):
        r, c = index(tops, b[1]), index(edges, b[0])
        for rr in range(r, r + span(tops, b[1], b[3])):
            for cc in range(c, c + span(edges, b[0], b[2])):
                slots.setdefault((rr, cc), i)
    return slots


def _assign(boxes: list[Box], glyphs: list[Glyph], frag: Fragment, tops: list[float]) -> dict[int, list[Glyph]]:
    """The glyphs of each box (by index), found through the grid slot of the glyph's centre."""
    edges = frag.edges
    slots = _slots(boxes, edges, tops)
    inside: dict[int, list[Glyph]] = {}
    for g in glyphs:
        cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
        if not (frag.x0 <= cx <= frag.x1 and frag.top <= cy <= frag.bottom):
            continue
        r = min(max(0, bisect.bisect_right(tops, cy) - 1), len(tops) - 2)
        c = min(max(0, bisect.bisect_right(edges, cx) - 1), len(edges) - 2)
        i = slots.get((r, c), -1)
        if not (i >= 0 and _within(boxes[i], cx, cy)):
            i = next((k for k, b in enumerate(boxes) if _within(b, cx, cy)), -1)
        if i >= 0:
            inside.setdefault(i, []).append(g)
    return inside


def _within(b: Box, x: float, y: float) -> bool:
    return b[0] <= x <= b[2] and b[1] <= y <= b[3]


def cell_text(glyphs: list[Glyph]) -> str:
    """The glyphs of one cell as lines (top to bottom), words split where a gap is wide."""
    if not glyphs:
        return ""
    lines: list[list[Glyph]] = []
    centre = -1e9
    for g in sorted(glyphs, key=lambda g: (g.top + g.bottom) / 2):
        mid, size = (g.top + g.bottom) / 2, max(g.bottom - g.top, 1.0)
        if lines and abs(mid - centre) <= 0.45 * max(size, lines[-1][0].bottom - lines[-1][0].top):
            lines[-1].append(g)
        else:
            lines.append([g])
            centre = mid
    out: list[str] = []
    for ln in lines:
        ln.sort(key=lambda g: g.x0)
        size = Counter(round(g.bottom - g.top) for g in ln).most_common(1)[0][0]
        parts: list[str] = []
        for prev, g in zip([None, *ln], ln, strict=False):
            if prev is not None and g.x0 - prev.x1 > max(TOL, 0.3 * size):
                parts.append(" ")
            parts.append(g.text)
        text = normalise_quotes(drop_spaces_near_cjk("".join(parts).strip()))
        if text:
            out.append(text)
    return "\n".join(out)
