"""The geometry of a scanned page image, with numpy only: straighten it and find its ruling lines.

A scan is a grey image (0 black - 255 white) at a known resolution. A table's rulings are the long
dark runs of the image: a row of pixels dark for longer than any character is wide is part of a
horizontal rule, a column dark for longer than any character is tall part of a vertical one.
A page fed slightly askew tilts every rule; the tilt is found as the angle at which the dark
pixels, summed row by row, give the sharpest profile (straight rules fall in few rows), searched
over +-2 degrees on a reduced image and refined on a finer one.
Segments come out in points (72 per inch) measured from the top left of the straightened page, as
`geometry.Segment`s for the format-neutral table builder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.readers.geometry import Segment

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    Gray = NDArray[np.uint8]
    Mask = NDArray[np.bool_]

DARK = 160  # grey level under which a pixel is ink
MAX_SKEW = 2.0  # degrees searched either way
MIN_RULE_PT = 24.0  # a dark run longer than this (points) is a rule, not a stroke of a character


def ink(gray: Gray, level: int = DARK) -> Mask:
    return gray < level


def _profile_score(mask: Mask, angle: float) -> float:
    """How sharp the row profile of the ink is once the image is turned by `angle` degrees."""
    import numpy as np
    from PIL import Image

    img = Image.fromarray((mask * 255).astype(np.uint8)).rotate(angle, resample=Image.Resampling.NEAREST)
    rows = np.asarray(img, dtype=np.float64).sum(axis=1)
    return float((rows * rows).sum())


def _best(mask: Mask, angles: list[float]) -> float:
    return max(angles, key=lambda a: _profile_score(mask, a))


def skew_angle(gray: Gray) -> float:
    """The angle (degrees, counter-clockwise as Pillow turns) that straightens the page."""
    import numpy as np
    from PIL import Image

    h, w = gray.shape
    small = np.asarray(Image.fromarray(gray).resize((max(1, w // 4), max(1, h // 4)), Image.Resampling.BOX))
    mask = ink(small, 200)
    if mask.sum() < 50:
        return 0.0
    coarse = _best(mask, [i / 4 for i in range(int(-MAX_SKEW * 4), int(MAX_SKEW * 4) + 1)])
    half = np.asarray(Image.fromarray(gray).resize((max(1, w // 2), max(1, h // 2)), Image.Resampling.BOX))
    fine = _best(ink(half, 200), [coarse + i / 40 for i in range(-10, 11)])
    return round(fine, 3)


def straighten(gray: Gray, angle: float) -> Gray:
    import numpy as np
    from PIL import Image

    if abs(angle) < 0.01:
        return gray
    img = Image.fromarray(gray).rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    return np.asarray(img)


def _long_runs(mask: Mask, length: int) -> Mask:
    """Pixels that lie in a run of at least `length` True values along each row."""
    import numpy as np

    h, w = mask.shape
    if w < length:
        return np.zeros_like(mask)
    c = np.zeros((h, w + 1), dtype=np.int32)
    np.cumsum(mask, axis=1, out=c[:, 1:])
    full = (c[:, length:] - c[:, :-length]) == length  # run of `length` starting at column j
    starts = np.zeros((h, w + 1), dtype=np.int32)
    starts[:, 1:w - length + 2] = full
    cover = np.cumsum(starts, axis=1)[:, 1:]  # windows started at or before j ...
    ended = np.zeros_like(cover)
    ended[:, length:] = cover[:, :-length]  # ... minus those that ended before j
    out: Mask = (cover - ended) > 0
    return out


def _bridge(mask: Mask, radius: int = 1) -> Mask:
    """Close gaps of up to 2 x `radius` pixels along rows (a rule broken by noise or a faint scan):
    a morphological closing, dilation then erosion, along the rows only."""
    grown = mask.copy()
    for k in range(1, radius + 1):
        grown[:, k:] |= mask[:, :-k]
        grown[:, :-k] |= mask[:, k:]
    out = grown.copy()
    for k in range(1, radius + 1):
        out[:, k:] &= grown[:, :-k]
        out[:, :-k] &= grown[:, k:]
    return out


def rule_masks(gray: Gray, dpi: float) -> tuple[Mask, Mask]:
    """(horizontal, vertical) rule pixels of a straightened page."""
    length = max(8, round(MIN_RULE_PT * dpi / 72))
    dark = ink(gray)
    horiz = _long_runs(_bridge(dark), length) & _near(dark)
    vert = _long_runs(_bridge(dark.T), length).T & _near(dark)
    return horiz, vert


def _near(dark: Mask) -> Mask:
    """Ink and its direct neighbours (bridged gaps count as rule, blank paper does not)."""
    import numpy as np

    out = dark.copy()
    out[1:, :] |= dark[:-1, :]
    out[:-1, :] |= dark[1:, :]
    out[:, 1:] |= dark[:, :-1]
    out[:, :-1] |= dark[:, 1:]
    return np.asarray(out, dtype=bool)


def segments(horiz: Mask, vert: Mask, dpi: float) -> list[Segment]:
    """The rules as segments, in points. The ends of rules measured in an image scatter by a pixel or
    two; ends closer than `SNAP` points are set to their mean, so that rules cut by a page break end
    on one line (the builder closes a table where two or more vertical rules stop together)."""
    scale = 72.0 / dpi
    hs = [(x0 * scale, y0 * scale, x1 * scale, y1 * scale) for x0, y0, x1, y1 in _runs(horiz)]
    vs = [(x0 * scale, y0 * scale, x1 * scale, y1 * scale) for y0, x0, y1, x1 in _runs(vert.T)]
    ends = _snapper([v[1] for v in vs] + [v[3] for v in vs])
    sides = _snapper([h[0] for h in hs] + [h[2] for h in hs])
    out = [Segment(sides[x0], top, sides[x1], bottom) for x0, top, x1, bottom in hs]
    out += [Segment(x0, ends[top], x1, ends[bottom]) for x0, top, x1, bottom in vs]
    return out


SNAP = 2.5  # points


def _snapper(values: list[float]) -> dict[float, float]:
    out: dict[float, float] = {}
    group: list[float] = []
    for v in [*sorted(set(values)), float("inf")]:
        if group and v - group[0] > SNAP:
            mean = sum(group) / len(group)
            out.update((g, mean) for g in group)
            group = []
        group.append(v)
    return out


def _runs(mask: Mask) -> list[tuple[int, int, int, int]]:
    """Runs of each row joined with overlapping runs of the rows just above: (x0, y0, x1, y1)."""
    import numpy as np

    boxes: list[list[int]] = []
    open_: list[int] = []  # indexes into boxes still growing (touching the previous row)
    for y in np.flatnonzero(mask.any(axis=1)):
        row = np.concatenate(([0], mask[y].astype(np.int8), [0]))
        d = np.diff(row)
        starts, ends = np.flatnonzero(d == 1), np.flatnonzero(d == -1)
        still: list[int] = []
        for x0, x1 in zip(starts.tolist(), ends.tolist(), strict=False):
            hit = next((i for i in open_ if boxes[i][3] >= y - 1 and boxes[i][0] <= x1 and x0 <= boxes[i][2]), None)
            if hit is None:
                boxes.append([x0, int(y), x1, int(y) + 1])
                hit = len(boxes) - 1
            else:
                b = boxes[hit]
                b[0], b[2], b[3] = min(b[0], x0), max(b[2], x1), int(y) + 1
            still.append(hit)
        open_ = list(dict.fromkeys(still)) + [i for i in open_ if boxes[i][3] >= y and i not in still]
    return [(b[0], b[1], b[2], b[3]) for b in boxes]
