"""Which value cell of a row belongs to which column.

A real grid places values under their header labels (a `colspan` that shifts a header, or the sliver
columns of an office export, cannot move a value into the wrong column); text exports lose merges, so
there the values are taken in template order, only when a row has exactly as many cells as the
template wants (or as the header shows, when the table leaves columns out)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opengov_lint.model import Cell

Span = tuple[int, int]


def _under(values: list[tuple[Cell, int, int]], span: Span, used: set[int]) -> Cell | None:
    """The one value cell under a header span (values as (cell, first column, end column)). Office
    exports add sliver columns (a header spans two grid columns, the data row has a value and an
    empty sliver under it) and shift spans (a header over columns 2-3 while the value cells are 1-2
    and 3): prefer a cell not yet taken (`used`: their ids), then one lying wholly under the header,
    then the one that is not empty."""
    lo, hi = span
    hits = [v for v in values if v[1] < hi and v[2] > lo and id(v[0]) not in used]
    if len(hits) > 1:
        hits = [v for v in hits if lo <= v[1] and v[2] <= hi] or hits
    return _one([v[0] for v in hits])


def _one(cells: list[Cell]) -> Cell | None:
    """The one cell, or of several the one that is not empty (the first when all are)."""
    if len(cells) > 1:
        filled = [c for c in cells if c.text.strip()]
        cells = filled if filled else cells[:1]
    return cells[0] if len(cells) == 1 else None


def map_values(values: list[Cell], keys: list[str], spans: dict[str, Span] | None,
               present: list[str] | None, ragged: bool) -> tuple[dict[str, Cell] | None, list[str]]:
    """Assign value cells to column keys. Returns (mapping or None, keys missing from the table)."""
    if spans and not ragged and all(k in spans for k in keys):
        by_header = _map_by_spans(values, keys, spans)
        if by_header is not None:
            return by_header, []
    vals = _trim_blank_ends(values, len(keys))
    if len(vals) == len(keys):
        return dict(zip(keys, vals, strict=False)), []
    if present and len(present) < len(keys) and len(vals) == len(present):
        order = [k for k in keys if k in present]
        return dict(zip(order, vals, strict=False)), [k for k in keys if k not in present]
    return None, []


def _map_by_spans(values: list[Cell], keys: list[str], spans: dict[str, Span]) -> dict[str, Cell] | None:
    """Each key's value cell under its header span; None when one of them has no single cell."""
    out: dict[str, Cell] = {}
    used: set[int] = set()
    placed = [(c, c.col, c.col + max(c.colspan, 1)) for c in values]
    # every value one column wide, each in its own column (the usual grid row): a one-column header's
    # cell is the one in that column, looked up instead of searched
    by_col = {a: c for c, a, b in placed if b - a == 1}
    if len(by_col) != len(placed):
        by_col = {}
    for k in keys:
        lo, hi = spans[k]
        if by_col and hi - lo == 1:
            hit = by_col.get(lo)
            if hit is not None and id(hit) in used:
                hit = None
        else:
            hit = _under(placed, (lo, hi), used)
        if hit is None:
            return None
        out[k] = hit
        used.add(id(hit))
    return out


def _trim_blank_ends(values: list[Cell], wanted: int) -> list[Cell]:
    """Drop empty cells at the end, then at the start, while the row has more cells than wanted."""
    vals = list(values)
    while len(vals) > wanted and not vals[-1].text.strip():
        vals.pop()
    while len(vals) > wanted and not vals[0].text.strip():
        vals.pop(0)
    return vals
