"""Painted paths -> rulings for the geometry builder, shared by the PDF and OFD readers (a scan's
ruling lines come from the image instead)."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from opengov_lint.readers.geometry import Segment

_THIN = 2.5  # points: a filled rectangle this narrow is a rule, not an area
_STRAIGHT = 0.5  # points: a segment this close to horizontal or vertical counts as one


def rect_segments(x0: float, top: float, x1: float, bottom: float) -> list[Segment]:
    """The four edges of a stroked rectangle."""
    return [Segment(x0, top, x1, top), Segment(x0, bottom, x1, bottom), Segment(x0, top, x0, bottom),
            Segment(x1, top, x1, bottom)]


Place = Callable[[float, float, float, float], tuple[float, float, float, float]]


def subpath_segments(points: list[tuple[float, float]], curved: bool, stroked: bool, place: Place,
                     out: list[Segment]) -> None:
    """The rulings of one painted subpath (points in page units, in order, the first repeated at
    the end when closed; `stroked` or else filled): a stroked straight segment that is horizontal
    or vertical, the four edges of a stroked rectangle, a thin filled bar (Word and WPS draw cell
    borders as 0.5 pt filled rectangles). Curves and thick filled areas (a grey header row) are not
    rulings. `place(left, low, right, high)` maps a box to (x0, x1, top, bottom) on the displayed
    page (a PDF's y axis points up, an OFD's down)."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    left, right, bottom, top = min(xs), max(xs), min(ys), max(ys)
    thin = min(right - left, top - bottom) <= _THIN
    if not curved and rectangle(points, left, right, bottom, top) and (len(points) == 5 or not stroked):
        x0, x1, t, btm = place(left, bottom, right, top)
        if thin:
            out.append(Segment(x0, t, x1, btm))
        elif stroked:
            out.extend(rect_segments(x0, t, x1, btm))
        return
    if not stroked:
        if thin and not curved:  # a filled sliver drawn as a polygon
            x0, x1, t, btm = place(left, bottom, right, top)
            out.append(Segment(x0, t, x1, btm))
        return
    for (xa, ya), (xb, yb) in itertools.pairwise(points):
        if abs(xa - xb) <= _STRAIGHT or abs(ya - yb) <= _STRAIGHT:
            x0, x1, t, btm = place(min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb))
            out.append(Segment(x0, t, x1, btm))


def rectangle(points: list[tuple[float, float]], left: float, right: float, bottom: float, top: float) -> bool:
    """Every point sits on a corner of the bounding box (an axis-aligned rectangle)."""
    if not 4 <= len(points) <= 5:
        return False
    return all(min(abs(x - left), abs(x - right)) <= _STRAIGHT and min(abs(y - bottom), abs(y - top)) <= _STRAIGHT
               for x, y in points)
