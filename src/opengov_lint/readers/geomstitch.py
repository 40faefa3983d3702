"""Tables continued across pages (see geometry for the interface): fragments at the foot of a
page and the head of the next are one table when nothing but page furniture lies between them and
their column edges agree; Word's repeated header rows are dropped; a label cut by the page break
(三、本年度办理结果 on one page, nothing on the next; （四）无 / 法提供) is repaired with the
template's labels, never by geometry alone."""

from __future__ import annotations

from dataclasses import dataclass, field

from opengov_lint.model import Cell, Table
from opengov_lint.readers.geometry import TOL, Fragment, GCell, cluster, index, span
from opengov_lint.readers.grid import Grid
from opengov_lint.readers.textutil import has_cjk


@dataclass(slots=True)
class FlowPage:
    """What stitching needs of a page: its fragments (top to bottom) and the vertical extent
    (top, bottom) of every running-text line kept on it (page furniture already dropped)."""

    fragments: list[Fragment]
    lines: list[tuple[float, float]] = field(default_factory=list)


def stitch(pages: list[FlowPage]) -> list[list[Fragment]]:
    """Fragments grouped into tables: a fragment at the very bottom of a page and one at the very
    top of the next (nothing but page furniture in between) that `continues` it are one table."""
    groups: list[list[Fragment]] = []
    for i, p in enumerate(pages):
        prev = pages[i - 1] if i > 0 else None
        for f in p.fragments:
            if (groups and prev is not None and f is p.fragments[0] and prev.fragments
                    and groups[-1][-1] is prev.fragments[-1]
                    and not any(top >= prev.fragments[-1].bottom - 1 for top, _b in prev.lines)
                    and not any(bottom <= f.top + 1 for _t, bottom in p.lines)
                    and continues(groups[-1][-1], f)):
                groups[-1].append(f)
            else:
                groups.append([f])
    return groups


def continues(a: Fragment, b: Fragment) -> bool:
    """Does b (top of the next page) continue a (bottom of this page)? Same outer edges and column
    edges where one page's are a subset of the other's."""
    if abs(a.x0 - b.x0) > 2 * TOL or abs(a.x1 - b.x1) > 2 * TOL:
        return False

    def within(xs: list[float], ys: list[float]) -> bool:
        return all(any(abs(x - y) <= TOL for y in ys) for x in xs)

    return within(a.edges, b.edges) or within(b.edges, a.edges)


def build_table(frags: list[Fragment]) -> Table:
    """One table from fragments on consecutive pages, seams repaired."""
    edges = cluster([e for f in frags for e in f.edges])
    cells: list[GCell] = []
    offset = 0
    seams: list[int] = []
    for i, f in enumerate(frags):
        if i:
            _drop_repeated_header(frags[0], f)
        for c in f.cells:
            c.c, c.cs = index(edges, c.x0), span(edges, c.x0, c.x1)
            c.r += offset
            cells.append(c)
        if offset:
            seams.append(offset)
        offset += f.nrows
    for seam in reversed(seams):
        cells = _repair(cells, seam - 1)
    grid = Grid()
    for c in sorted(cells, key=lambda x: (x.r, x.c)):
        grid.place(Cell(c.text, page=c.page, confidence=c.confidence), c.r, c.c, c.rs, c.cs)
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


def _repair(cells: list[GCell], ra: int) -> list[GCell]:
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
        joined, cut_row = _join_cut(a, b)
        if joined:
            dropped.add(id(b))
        row_split = row_split or cut_row
    cells = [c for c in cells if id(c) not in dropped]
    if row_split:  # the row itself was cut: its two halves are one row
        cells = _merge_cut_row(cells, ending, rb)
    return cells


def _join_cut(a: GCell, b: GCell) -> tuple[bool, bool]:
    """Join b (top of the next page) into a (same columns, bottom of this page) when together they
    make a template label neither makes alone: (b joined into a, the label is a row's, one row high
    on each side: the row itself was cut)."""
    if not b.text:
        if "group" in _lookup(a.text):  # 三、本年度办理结果 continues, its text all on the first page
            a.rs += b.rs
            return True, False
        return False, False
    kinds = _lookup(a.text + b.text)
    if not kinds or (_lookup(a.text) and _lookup(b.text)):
        return False, False
    cut_row = "row" in kinds and a.rs == 1 and b.rs == 1
    a.text = a.text + "\n" + b.text
    a.rs += b.rs
    return True, cut_row


def _merge_cut_row(cells: list[GCell], ending: dict[tuple[int, int], GCell], rb: int) -> list[GCell]:
    """Row rb is the second half of the row above it: its cells' text joins the cells they continue,
    and the rows below move up by one."""
    dropped: set[int] = set()
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
