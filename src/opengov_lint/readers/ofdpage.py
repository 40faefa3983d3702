"""One OFD page (GB/T 33190) as page geometry: glyph boxes and rulings for the table builder.

A page's content is layers of graphic units placed by their `Boundary` (x y w h, millimetres, y
downwards) and an optional `CTM` (a b c d e f) from the unit's own space into its boundary.
- `TextObject`: each `TextCode` places its first glyph at `X`/`Y` (the baseline) and the next ones
  by `DeltaX`/`DeltaY` (with the `g N v` shorthand: N times v); producers write a run of glyphs per
  TextCode or one glyph per TextObject, both read the same.
- `PathObject`: `AbbreviatedData` (M/S move, L line, Q/B/A curves, C close) painted by `Stroke`
  (default true) and/or `Fill` (default false); straight strokes and thin fills become rulings
  through `rulings.subpath_segments`, white paint does not.
- `PageBlock` nests units; `ImageObject`s are counted (a page of images only is a scan).
A template page (`TemplatePage`, referenced by the page's `Template`) is drawn with the page.
Everything is converted to points so the builder's tolerances apply as for PDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from opengov_lint.readers.geometry import Glyph, PageGeometry, Segment
from opengov_lint.readers.rulings import subpath_segments

MM = 72 / 25.4  # points per millimetre
_ASCENT, _DESCENT = 0.88, 0.12  # of the font size, above and below the baseline
_MAX_DEPTH = 16  # PageBlocks inside PageBlocks
_MAX_GLYPHS = 200_000  # per page: a hostile DeltaX cannot make more

Affine = tuple[float, float, float, float, float, float]  # p' = (a x + c y + e, b x + d y + f)
_PT: Affine = (MM, 0.0, 0.0, MM, 0.0, 0.0)


def numbers(text: str | None) -> list[float]:
    out: list[float] = []
    for tok in (text or "").replace(",", " ").split():
        try:
            out.append(float(tok))
        except ValueError:
            return []
    return out


def deltas(text: str | None, need: int) -> list[float]:
    """DeltaX / DeltaY expanded (`g 3 4.2` = three times 4.2), at most `need` values."""
    toks = (text or "").split()
    out: list[float] = []
    i = 0
    try:
        while i < len(toks) and len(out) < need:
            if toks[i] == "g" and i + 2 < len(toks):
                out.extend([float(toks[i + 2])] * min(int(toks[i + 1]), need - len(out)))
                i += 3
            else:
                out.append(float(toks[i]))
                i += 1
    except ValueError:
        return out
    return out


def _compose(inner: Affine, outer: Affine) -> Affine:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m: Affine, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _frame(el: Any, outer: Affine) -> Affine:
    """Unit space -> page points: the CTM, then the boundary's origin, then the parent's frame."""
    box = numbers(el.get("Boundary"))
    ctm = numbers(el.get("CTM"))
    m: Affine = (ctm[0], ctm[1], ctm[2], ctm[3], ctm[4], ctm[5]) if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    if len(box) == 4:
        m = _compose(m, (1.0, 0.0, 0.0, 1.0, box[0], box[1]))
    return _compose(m, outer)


def _white(el: Any, child: str) -> bool:
    color = el.find(child)
    vals = numbers(color.get("Value")) if color is not None else []
    alpha = numbers(color.get("Alpha")) if color is not None else []
    return (bool(vals) and min(vals) >= 242) or (bool(alpha) and alpha[0] == 0)


def _down(left: float, low: float, right: float, high: float) -> tuple[float, float, float, float]:
    return left, right, low, high  # y already grows downwards


@dataclass(slots=True)
class Collector:
    glyphs: list[Glyph] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    images: int = 0

    def content(self, root: Any) -> None:
        """The layers of a page or template page (namespaces already stripped)."""
        content = root.find("Content")
        for layer in content.iter("Layer") if content is not None else ():
            self.units(layer, _PT, 0)

    def units(self, parent: Any, outer: Affine, depth: int) -> None:
        for el in parent:
            if el.get("Visible") == "false":
                continue
            if el.tag == "TextObject":
                self.text(el, outer)
            elif el.tag == "PathObject":
                self.path(el, outer)
            elif el.tag == "PageBlock" and depth < _MAX_DEPTH:
                self.units(el, outer, depth + 1)
            elif el.tag == "ImageObject":
                self.images += 1

    def text(self, el: Any, outer: Affine) -> None:
        m = _frame(el, outer)
        size = (numbers(el.get("Size")) or [3.5])[0]
        box = numbers(el.get("Boundary"))
        room = box[2] if len(box) == 4 and not el.get("CTM") else 0.0  # the unit's width, in its own space
        x = y = 0.0
        for code in el.iter("TextCode"):
            chars = list(code.text or "")
            x = (numbers(code.get("X")) or [x])[0]
            y = (numbers(code.get("Y")) or [y])[0]
            dx, dy = deltas(code.get("DeltaX"), len(chars)), deltas(code.get("DeltaY"), len(chars))
            for i, ch in enumerate(chars):
                if len(self.glyphs) >= _MAX_GLYPHS:
                    return
                width = _width(ch, size, dx[i] if i < len(dx) else room - x)
                if not ch.isspace():
                    self.glyphs.append(_glyph(m, x, y, width, size, ch))
                x += dx[i] if i < len(dx) else width
                y += dy[i] if i < len(dy) else 0.0

    def path(self, el: Any, outer: Affine) -> None:
        stroked = el.get("Stroke", "true") != "false" and not _white(el, "StrokeColor")
        filled = el.get("Fill", "false") == "true" and not _white(el, "FillColor")
        if not (stroked or filled):
            return
        m = _frame(el, outer)
        for points, curved in subpaths(el.findtext("AbbreviatedData") or ""):
            subpath_segments([_apply(m, px, py) for px, py in points], curved, stroked, _down, self.segments)


def _width(ch: str, size: float, advance: float) -> float:
    """A glyph's box width: its advance (to the next glyph, or for the last one to the end of its
    unit's boundary: one unit per glyph is common) when plausible, so that no false space appears
    between glyphs; otherwise a CJK em or half an em for Latin."""
    if 0 < advance <= 1.5 * size:
        return advance
    return size * (0.5 if ch.isascii() else 1.0)


def _glyph(m: Affine, x: float, y: float, width: float, size: float, ch: str) -> Glyph:
    corners = [_apply(m, px, py) for px in (x, x + width) for py in (y - _ASCENT * size, y + _DESCENT * size)]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    return Glyph(min(xs), min(ys), max(xs), max(ys), ch)


_ARGS = {"M": 2, "S": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}


def subpaths(data: str) -> list[tuple[list[tuple[float, float]], bool]]:
    """AbbreviatedData as subpaths: their points (the first repeated when closed) and whether they
    hold curves."""
    toks = data.split()
    subs: list[tuple[list[tuple[float, float]], bool]] = []
    points: list[tuple[float, float]] = []
    curved = False
    i = 0
    while i < len(toks):
        cmd = toks[i]
        n = _ARGS.get(cmd)
        vals = numbers(" ".join(toks[i + 1:i + 1 + (n or 0)]))
        if n is None or len(vals) != n:
            break  # damaged path data: keep what was read
        i += 1 + n
        if cmd in "MS":
            if len(points) > 1:
                subs.append((points, curved))
            points, curved = [(vals[0], vals[1])], False
        elif cmd == "C":
            if points and points[-1] != points[0]:
                points.append(points[0])
        elif points:
            curved = curved or cmd != "L"
            points.append((vals[-2], vals[-1]))
    if len(points) > 1:
        subs.append((points, curved))
    return subs


def page_geometry(number: int, page: Any, templates: list[Any], box: list[float]) -> tuple[PageGeometry, bool]:
    """The geometry of a page (its template pages drawn first) and whether the page itself holds
    images but no text (a scan); `box` is the page's PhysicalBox (mm)."""
    col = Collector()
    for tpl in templates:
        col.content(tpl)
    shared, col.images = len(col.glyphs), 0
    col.content(page)
    width, height = (box[2] * MM, box[3] * MM) if len(box) == 4 else (595.0, 842.0)
    scan = col.images > 0 and len(col.glyphs) == shared
    return PageGeometry(number, width, height, col.glyphs, col.segments), scan
