"""PDF tables: pdfplumber finds the ruled cells of a page; this module turns them into grids,
stitches a table continued on the next page and repairs a label cut by the page break.

Only drawn edges count: white fills behind paragraphs (Word's paragraph shading) are not cell
borders. A table cut by a page break has no bottom (or top) border, so one is added where the
vertical rules of the page stop. Stitching needs the same outer edges and column edges that are a
subset of the other page's; the cut merged label (三、本年度办理结果 on one page, nothing on the
next; （四）无 / 法提供) is repaired with the template's labels, never by geometry alone."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from opengov_lint.model import Cell, Table
from opengov_lint.readers.grid import Grid
from opengov_lint.readers.textutil import drop_spaces_near_cjk, has_cjk, normalise_quotes

_TOL = 3.0  # points: edges closer than this are the same edge


@dataclass(slots=True, eq=False)
class PCell:
    text: str
    r: int
    c: int
    rs: int
    cs: int
    page: int
    x0: float
    x1: float


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
    cells: list[PCell] = field(default_factory=list)


def _white(color: Any) -> bool:
    if color is None:
        return True
    if isinstance(color, (int, float)):
        return bool(color >= 0.95)
    vals = list(color)
    if len(vals) == 4:  # CMYK
        return bool(max(vals) <= 0.05)
    return bool(vals) and bool(min(vals) >= 0.95)


def _drawn(obj: dict[str, Any]) -> bool:
    """Keep glyphs and lines; keep a rectangle only when it is visibly drawn (a stroked border, or
    a thin filled bar used as a rule) - not a white box behind a paragraph."""
    if obj.get("object_type") != "rect":
        return True
    if obj.get("stroke") and not _white(obj.get("stroking_color")):
        return True
    thin = min(obj.get("width", 0), obj.get("height", 0)) <= 2.5
    return bool(obj.get("fill") and thin and not _white(obj.get("non_stroking_color")))


def _closing_lines(page: Any) -> list[dict[str, Any]]:
    """Horizontal edges where two or more vertical rules stop without one (a page break cut)."""
    edges = page.edges
    vs = [e for e in edges if e["orientation"] == "v"]
    hs = [e for e in edges if e["orientation"] == "h"]
    out: list[dict[str, Any]] = []
    for key in ("top", "bottom"):
        ends: dict[int, list[dict[str, Any]]] = {}
        for e in vs:
            ends.setdefault(round(e[key]), []).append(e)
        for y, group in ends.items():
            if len(group) < 2:
                continue
            x0, x1 = min(e["x0"] for e in group), max(e["x1"] for e in group)
            if any(abs(h["top"] - y) <= _TOL and h["x0"] <= x0 + _TOL and h["x1"] >= x1 - _TOL for h in hs):
                continue
            out.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0,
                        "orientation": "h", "object_type": "line"})
    return out


def page_fragments(page: Any, number: int) -> tuple[list[Fragment], list[dict[str, Any]]]:
    """The table fragments of a pdfplumber page and the page's glyphs."""
    drawn = page.filter(_drawn)
    extra = _closing_lines(drawn)
    settings: dict[str, Any] = {"explicit_horizontal_lines": extra} if extra else {}
    frags = [f for f in (_fragment(t, number) for t in drawn.find_tables(settings)) if f is not None]
    return frags, drawn.chars


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _TOL:
            out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - v))


def _span(edges: list[float], lo: float, hi: float) -> int:
    return max(1, sum(1 for e in edges[:-1] if lo - _TOL <= e < hi - _TOL))


def _clean(text: str | None) -> str:
    lines = (normalise_quotes(drop_spaces_near_cjk(x.strip())) for x in (text or "").splitlines())
    return "\n".join(x for x in lines if x)


def _fragment(table: Any, number: int) -> Fragment | None:
    boxes = [b for b in table.cells if b]
    if not boxes:
        return None
    edges = _cluster([b[0] for b in boxes] + [max(b[2] for b in boxes)])
    if len(edges) < 3:
        return None  # one column: a framed paragraph, not a table
    tops = _cluster([b[1] for b in boxes] + [max(b[3] for b in boxes)])
    frag = Fragment(number, edges[0], tops[0], edges[-1], tops[-1], edges, len(tops) - 1)
    texts = table.extract()
    for ri, row in enumerate(table.rows):
        for ci, box in enumerate(row.cells):
            if box is None:
                continue
            text = texts[ri][ci] if ri < len(texts) and ci < len(texts[ri]) else ""
            frag.cells.append(PCell(_clean(text), _index(tops, box[1]), _index(edges, box[0]),
                                    _span(tops, box[1], box[3]), _span(edges, box[0], box[2]), number,
                                    box[0], box[2]))
    return frag


def continues(a: Fragment, b: Fragment) -> bool:
    """Does b (top of the next page) continue a (bottom of this page)? Same outer edges and column
    edges where one page's are a subset of the other's."""
    if abs(a.x0 - b.x0) > 2 * _TOL or abs(a.x1 - b.x1) > 2 * _TOL:
        return False

    def within(xs: list[float], ys: list[float]) -> bool:
        return all(any(abs(x - y) <= _TOL for y in ys) for x in xs)

    return within(a.edges, b.edges) or within(b.edges, a.edges)


def build_table(frags: list[Fragment]) -> Table:
    """One table from fragments on consecutive pages, seams repaired."""
    edges = _cluster([e for f in frags for e in f.edges])
    cells: list[PCell] = []
    offset = 0
    seams: list[int] = []
    for i, f in enumerate(frags):
        if i:
            _drop_repeated_header(frags[0], f)
        for c in f.cells:
            c.c, c.cs = _index(edges, c.x0), _span(edges, c.x0, c.x1)
            c.r += offset
            cells.append(c)
        if offset:
            seams.append(offset)
        offset += f.nrows
    for seam in reversed(seams):
        cells = _repair(cells, seam - 1)
    grid = Grid()
    for c in sorted(cells, key=lambda x: (x.r, x.c)):
        grid.place(Cell(c.text, page=c.page), c.r, c.c, c.rs, c.cs)
    nrows = max((c.r + c.rs for c in cells), default=0)
    return Table(grid.rows(nrows), page=frags[0].page, ragged=False)


def _drop_repeated_header(first: Fragment, frag: Fragment) -> None:
    """Word repeats a table's header rows at the top of every page ("repeat as header row"): rows
    of the continuation that equal the first rows of the table are that repetition, not data."""
    def rows(f: Fragment) -> dict[int, list[tuple[float, int, str]]]:
        out: dict[int, list[tuple[float, int, str]]] = {}
        for c in f.cells:
            out.setdefault(c.r, []).append((round(c.x0), c.rs, c.text))
        return {r: sorted(v) for r, v in out.items()}

    a, b = rows(first), rows(frag)
    k = 0
    while k in b and k in a and a[k] == b[k] and any(t for _x, _rs, t in b[k]):
        k += 1
    if not k or any(c.r < k and c.r + c.rs > k for c in frag.cells):
        return
    frag.cells = [c for c in frag.cells if c.r >= k]
    for c in frag.cells:
        c.r -= k
    frag.nrows -= k


def _lookup(text: str) -> set[str]:
    from opengov_lint.recognise.labels import lookup

    return {r.kind for r in lookup(text)} if text and has_cjk(text) else set()


def _repair(cells: list[PCell], ra: int) -> list[PCell]:
    """Join the cells cut by the page break between row ra and row ra + 1."""
    rb = ra + 1
    ending = {(c.c, c.cs): c for c in cells if c.r + c.rs - 1 == ra}
    starting = sorted((c for c in cells if c.r == rb), key=lambda c: c.c)
    dropped: set[int] = set()
    row_split = False
    for b in starting:
        a = ending.get((b.c, b.cs))
        if a is None or not a.text:
            continue
        if not b.text:
            if "group" in _lookup(a.text):  # 三、本年度办理结果 continues, its text all on the first page
                a.rs += b.rs
                dropped.add(id(b))
            continue
        joined = a.text + b.text
        kinds = _lookup(joined)
        if kinds and not (_lookup(a.text) and _lookup(b.text)):
            row_split = row_split or ("row" in kinds and a.rs == 1 and b.rs == 1)
            a.text = a.text + "\n" + b.text
            a.rs += b.rs
            dropped.add(id(b))
    cells = [c for c in cells if id(c) not in dropped]
    if row_split:  # the row itself was cut: its two halves are one row
        for b in [c for c in cells if c.r == rb]:
            a = ending.get((b.c, b.cs))
            if a is not None:
                a.text = (a.text + "\n" + b.text).strip("\n") if a.text and b.text else a.text or b.text
                dropped.add(id(b))
        cells = [c for c in cells if id(c) not in dropped]
        for c in cells:
            if c.r >= rb:
                c.r -= 1
            elif c.r + c.rs - 1 >= rb:
                c.rs -= 1
    return cells
