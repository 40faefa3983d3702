"""PDF page geometry from PDFium's page objects (no pdfminer): the visible rulings of a page.

Every path object is walked (inside form XObjects too, their matrices applied) and split into
subpaths, which `rulings.subpath_segments` turns into rulings. White or transparent paint is not
drawn (Word's paragraph shading is a white box, not a cell border).
Points are mapped to the page as displayed (/Rotate), like the glyph boxes of `pdftext`."""

from __future__ import annotations

import ctypes
from typing import TYPE_CHECKING, Any

from opengov_lint.readers.pdftext import placer
from opengov_lint.readers.rulings import subpath_segments

if TYPE_CHECKING:
    from opengov_lint.readers.geometry import Segment

_MAX_DEPTH = 4  # form XObjects inside form XObjects
_SAMPLE = 64  # text objects looked at for an unplaceable font (a body font shows in the first ones)

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def page_segments(page: Any) -> list[Segment]:
    """The rulings of a pypdfium2 page, top measured from the top of the displayed page."""
    from pypdfium2 import raw

    out: list[Segment] = []
    place = placer(page)
    _walk(raw, [raw.FPDFPage_GetObject(page.raw, i) for i in range(raw.FPDFPage_CountObjects(page.raw))],
          _IDENTITY, place, out, 0)
    return out


def count_paths(page: Any, enough: int) -> int:
    """Path objects on the page (top level), counting up to `enough`."""
    from pypdfium2 import raw

    n = 0
    for i in range(raw.FPDFPage_CountObjects(page.raw)):
        if raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page.raw, i)) in (raw.FPDF_PAGEOBJ_PATH,
                                                                            raw.FPDF_PAGEOBJ_FORM):
            n += 1
            if n >= enough:
                break
    return n


def unplaced_text(page: Any) -> bool:
    """Does PDFium fail to place this page's text? A text object whose bounds are empty in one
    direction, in a font that is not embedded, was drawn with a font PDFium could not find on this
    machine; more than a few of them and its text page loses glyphs."""
    from pypdfium2 import raw

    n = bad = 0
    left, b, r, t = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    for i in range(raw.FPDFPage_CountObjects(page.raw)):
        obj = raw.FPDFPage_GetObject(page.raw, i)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_TEXT:
            continue
        n += 1
        if n > _SAMPLE:
            break
        if raw.FPDFPageObj_GetBounds(obj, ctypes.byref(left), ctypes.byref(b), ctypes.byref(r), ctypes.byref(t)) and (
                r.value - left.value < 0.1 or t.value - b.value < 0.1) and not _embedded(raw, obj):
            bad += 1
    return bad > max(3, min(n, _SAMPLE) // 10)


def _embedded(raw: Any, obj: Any) -> bool:
    """Is the text object's font embedded? (An embedded font that draws nothing is the file's own
    fault, e.g. a browser that printed CJK text with a Latin font; pdfminer cannot do better.)"""
    font = raw.FPDFTextObj_GetFont(obj)
    return bool(font) and raw.FPDFFont_GetIsEmbedded(font) == 1


def _walk(raw: Any, objs: list[Any], outer: Matrix, place: Any, out: list[Segment], depth: int) -> None:
    for obj in objs:
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            _path(raw, obj, _compose(_matrix(raw, obj), outer), place, out)
        elif kind == raw.FPDF_PAGEOBJ_FORM and depth < _MAX_DEPTH:
            inner = [raw.FPDFFormObj_GetObject(obj, i) for i in range(raw.FPDFFormObj_CountObjects(obj))]
            _walk(raw, inner, _compose(_matrix(raw, obj), outer), place, out, depth + 1)


def _matrix(raw: Any, obj: Any) -> Matrix:
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF row-vector convention: p' = p * m * n)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _visible(raw: Any, obj: Any, getter: str) -> bool:
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not getattr(raw, getter)(obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
        return True  # a pattern or an unreadable colour: assume it shows
    return a.value > 0 and min(r.value, g.value, b.value) < 242  # 0.95 of white


def _path(raw: Any, obj: Any, m: Matrix, place: Any, out: list[Segment]) -> None:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
        return
    stroked = bool(stroke.value) and _visible(raw, obj, "FPDFPageObj_GetStrokeColor")
    filled = fill.value != 0 and _visible(raw, obj, "FPDFPageObj_GetFillColor")
    if not (stroked or filled):
        return
    for points, curved in _subpaths(raw, obj, m):
        subpath_segments(points, curved, stroked, place, out)


def _subpaths(raw: Any, obj: Any, m: Matrix) -> list[tuple[list[tuple[float, float]], bool]]:
    """Each subpath as its points in page space (the first repeated at the end when closed) and
    whether it has curves."""
    x, y = ctypes.c_float(), ctypes.c_float()
    a, b, c, d, e, f = m
    subs: list[tuple[list[tuple[float, float]], bool]] = []
    points: list[tuple[float, float]] = []
    curved = False
    for i in range(raw.FPDFPath_CountSegments(obj)):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        p = (x.value * a + y.value * c + e, x.value * b + y.value * d + f)
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            if len(points) > 1:
                subs.append((points, curved))
            points, curved = [p], False
            continue
        curved = curved or kind == raw.FPDF_SEGMENT_BEZIERTO
        points.append(p)
        if raw.FPDFPathSegment_GetClose(seg) and points[0] != p:
            points.append(points[0])
    if len(points) > 1:
        subs.append((points, curved))
    return subs
