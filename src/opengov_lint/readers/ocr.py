"""Scanned pages: the page image read by OCR into the same page geometry as a text PDF.

Only with the optional extra `ocr` (`pip install 'opengov-lint[ocr]'`): RapidOCR on ONNX Runtime,
whose wheel ships its detection and recognition models, so nothing is fetched at run time. Without
it a scanned page stays unread and the reader says how to install it.

A page image (rendered at `DPI`) is straightened and its rulings found (`scanimage`). Each closed
region between the rulings is a table cell; the ink inside it is cut into text lines and every line
is recognised on its own (a single `0` in a cell is read far more reliably alone than inside a whole
page), with the lowest confidence of its characters. The running text outside the tables is found
and read by the engine's own text detector on the page with the tables blanked out. Both become
`geometry.Glyph`s, the rulings `geometry.Segment`s: the format-neutral builder makes the grids, with
merged cells, exactly as for a text PDF, and keeps the confidence of every cell."""

from __future__ import annotations

import functools
import itertools
from typing import TYPE_CHECKING, Any

from opengov_lint.readers.geometry import Glyph, PageGeometry, Segment

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

DPI = 200.0
INSTALL = "pip install 'opengov-lint[ocr]'"
_MIN_CELL = 8  # pixels: a region narrower or lower than this is the gap between double rules
_SPECK = 6  # pixels: ink smaller than this both ways is dust, not a character
_PAD = 4


@functools.cache
def engine() -> Any | None:
    """The OCR engine, loaded once per process; None when the extra is not installed."""
    try:
        import logging

        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        return None
    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    eng = RapidOCR()
    eng.text_rec.rec_batch_num = 24  # crops of similar width together (it sorts them by width)
    return eng


def available() -> bool:
    return engine() is not None


def page_geometry(pdf_page: Any, number: int) -> PageGeometry:
    """A scanned PDF page (pypdfium2) -> glyphs and rulings in points."""
    import numpy as np

    width, height = pdf_page.get_size()
    img = pdf_page.render(scale=DPI / 72, grayscale=True).to_numpy()
    gray = np.ascontiguousarray(img[:, :, 0] if img.ndim == 3 else img, dtype=np.uint8)
    return image_geometry(gray, DPI, number, width, height)


def image_geometry(gray: NDArray[np.uint8], dpi: float, number: int, width: float, height: float) -> PageGeometry:
    from opengov_lint.readers.scanimage import rule_masks, segments, skew_angle, straighten

    eng = engine()
    if eng is None:
        raise RuntimeError(f"the OCR engine is not installed ({INSTALL})")
    gray = straighten(gray, skew_angle(gray))
    horiz, vert = rule_masks(gray, dpi)
    rules = _grow(horiz | vert)
    clean = gray.copy()
    clean[rules] = 255
    segs = segments(horiz, vert, dpi)
    cells = cell_boxes(_closed(rules, segs, dpi))
    in_cells = [ln for box in cells for ln in text_lines(clean, box)]
    running = _running_lines(eng, clean, cells)  # the detector's boxes have their margin already
    glyphs = _recognise(eng, clean, in_cells + running, [_PAD] * len(in_cells) + [0] * len(running), dpi)
    glyphs = _vertical(eng, clean, in_cells, glyphs, dpi) + glyphs[len(in_cells):]
    return PageGeometry(number, width, height, glyphs, segs)


def _closed(rules: NDArray[np.bool_], segs: list[Segment], dpi: float) -> NDArray[np.bool_]:
    """The rules with a line drawn where two or more vertical rules end together without one (a
    table cut by the page break: its last or first row is open), so that row's cells are closed too."""
    ends: dict[tuple[str, float], list[Segment]] = {}
    for s in segs:
        if not s.horizontal:
            ends.setdefault(("top", round(s.top, 1)), []).append(s)
            ends.setdefault(("bottom", round(s.bottom, 1)), []).append(s)
    out = rules.copy()
    px = dpi / 72
    h, w = rules.shape
    for (_side, y), group in ends.items():
        if len(group) < 2:
            continue
        row = min(h - 1, max(0, round(y * px)))
        x0, x1 = round(min(s.x0 for s in group) * px), round(max(s.x1 for s in group) * px)
        out[max(0, row - 1):row + 2, max(0, x0):min(w, x1 + 1)] = True
    return out


def _grow(mask: NDArray[np.bool_]) -> NDArray[np.bool_]:
    out = mask.copy()
    for k in (1, 2):
        out[k:, :] |= mask[:-k, :]
        out[:-k, :] |= mask[k:, :]
        out[:, k:] |= mask[:, :-k]
        out[:, :-k] |= mask[:, k:]
    return out


Box = tuple[int, int, int, int]  # x0, y0, x1, y1 in pixels


def cell_boxes(rules: NDArray[np.bool_]) -> list[Box]:
    """The regions closed on every side by rulings (not touching the image border)."""
    import cv2
    import numpy as np

    free = np.ascontiguousarray((~rules).astype(np.uint8))
    n, _labels, stats, _c = cv2.connectedComponentsWithStats(free, connectivity=4)
    h, w = rules.shape
    out: list[Box] = []
    for i in range(1, n):
        x, y, bw, bh, _area = (int(v) for v in stats[i])
        if x == 0 or y == 0 or x + bw >= w or y + bh >= h or bw < _MIN_CELL or bh < _MIN_CELL:
            continue
        if bw * bh > 0.5 * w * h:
            continue  # a page frame, not a cell
        out.append((x, y, x + bw, y + bh))
    return out


def text_lines(clean: NDArray[np.uint8], box: Box) -> list[Box]:
    """The text lines of one cell: rows of ink separated by blank rows, dust ignored."""
    import cv2
    import numpy as np

    x0, y0, x1, y1 = box
    dark = np.ascontiguousarray((clean[y0:y1, x0:x1] < 160).astype(np.uint8))
    n, labels, stats, _c = cv2.connectedComponentsWithStats(dark, connectivity=8)
    keep = np.zeros(n, dtype=bool)
    keep[1:] = (stats[1:, 2] >= _SPECK) | (stats[1:, 3] >= _SPECK)
    ink = keep[labels]
    rows = np.flatnonzero(ink.any(axis=1))
    if rows.size == 0:
        return []
    char = int(stats[1:, 3][keep[1:]].max())  # the tallest mark: about one character high
    lines: list[Box] = []
    for start, end in _bands(rows.tolist(), char):
        cols = np.flatnonzero(ink[start:end].any(axis=0))
        line = (x0 + int(cols[0]), y0 + start, x0 + int(cols[-1]) + 1, y0 + end)
        lines.append(line)
    return lines


def _bands(rows: list[int], char: int) -> list[tuple[int, int]]:
    """Rows of ink grouped into text lines: runs split by a blank gap of 2 rows or more, then a band
    much lower than a character (a stroke of 三 or 二) joined to its neighbour while the two stay
    within one character's height."""
    bands: list[list[int]] = []
    for r in rows:
        if bands and r - bands[-1][1] <= 1:
            bands[-1][1] = r + 1
        else:
            bands.append([r, r + 1])
    out: list[list[int]] = []
    for b in bands:
        if out and max(b[1] - b[0], out[-1][1] - out[-1][0]) < 0.6 * char and b[1] - out[-1][0] <= 1.25 * char:
            out[-1][1] = b[1]
        else:
            out.append(b)
    return [(a, b) for a, b in out]


def _vertical(eng: Any, clean: NDArray[np.uint8], lines: list[Box], glyphs: list[Glyph], dpi: float) -> list[Glyph]:
    """A cell line much taller than wide that was not read confidently may be vertical text: it is
    read again cut into square characters, and the cut reading kept only when it is surer (a narrow
    digit such as `5` or `1` is read whole and confidently, and stays whole)."""
    import numpy as np

    out: list[Glyph] = []
    for line, glyph in zip(lines, glyphs, strict=False):
        x0, y0, x1, y1 = line
        conf = glyph.confidence or 0.0
        if y1 - y0 < 1.6 * (x1 - x0) or conf >= 0.9:
            out.append(glyph)
            continue
        rows = (clean[y0:y1, x0:x1] < 160).sum(axis=1)
        pieces = _stacked(line, np.asarray(rows))
        again = _recognise(eng, clean, pieces, [_PAD] * len(pieces), dpi) if len(pieces) > 1 else []
        surer = again and min(g.confidence or 0.0 for g in again) > conf
        out.extend(again if surer else [glyph])
    return out


def _stacked(line: Box, rows: NDArray[Any]) -> list[Box]:
    """A line much taller than wide is vertical text (三、本年度办理结果 written down a narrow merged
    cell, the characters closer than a blank row once blurred): cut from the top into square
    characters, each cut at the faintest row between 0.75 and 1.25 character widths below the last
    (CJK characters are square; a short mark such as `、` ends in the blank rest of its square).
    `rows`: ink per row of the line."""
    x0, y0, x1, y1 = line
    w, h = x1 - x0, y1 - y0
    if h < 1.6 * w or w < _SPECK:
        return [line]
    cuts = [0]
    while h - cuts[-1] > 1.25 * w:
        lo, hi = cuts[-1] + int(0.75 * w), cuts[-1] + int(1.25 * w) + 1
        cuts.append(lo + int(rows[lo:hi].argmin()))
    cuts.append(h)
    return [(x0, y0 + a, x1, y0 + b) for a, b in itertools.pairwise(cuts) if b - a >= _SPECK]


def _crop(clean: NDArray[np.uint8], box: Box, pad: int) -> NDArray[np.uint8]:
    import numpy as np

    h, w = clean.shape
    x0, y0, x1, y1 = box
    part = clean[max(0, y0 - pad):min(h, y1 + pad), max(0, x0 - pad):min(w, x1 + pad)]
    return np.ascontiguousarray(np.stack([part] * 3, axis=2))


def _recognise(eng: Any, clean: NDArray[np.uint8], lines: list[Box], pads: list[int], dpi: float) -> list[Glyph]:
    """Each line box read on its own: its text and the lowest confidence of its characters (a line
    with ink but no text read is kept as `?` with confidence 0, never as a blank)."""
    if not lines:
        return []
    results, _ = eng.text_rec([_crop(clean, ln, pad) for ln, pad in zip(lines, pads, strict=False)], return_word_box=True)
    scale = 72.0 / dpi
    out: list[Glyph] = []
    for (x0, y0, x1, y1), pad, res in zip(lines, pads, results, strict=False):
        raw = str(res[0])
        confs = [float(c) for c in res[2][4]] if len(res) > 2 and raw.strip() else []
        text, confs = (raw, confs) if pad else tidy(raw, confs)
        text = text.strip()
        out.append(Glyph(x0 * scale, y0 * scale, x1 * scale, y1 * scale, text or "?", min(confs, default=0.0)))
    return out


_DUST = "·.,'`:;-_"


def tidy(text: str, confs: list[float]) -> tuple[str, list[float]]:
    """Running text as the recogniser reads a dusty line: a speck at either end read as `·` or `.`
    with little confidence is dropped, and the letter-spaced digits of a year (`2 0 2 3`) joined.
    (Never applied to table cells, where two numbers must not become one.)"""
    if len(confs) != len(text):
        return text, confs
    chars = list(zip(text, confs, strict=False))
    while chars and chars[0][0] in _DUST + " " and chars[0][1] < 0.7:
        chars.pop(0)
    while chars and chars[-1][0] in _DUST and chars[-1][1] < 0.7:
        chars.pop()
    kept = [c for i, c in enumerate(chars) if not (c[0] == " " and 0 < i < len(chars) - 1
                                                 and chars[i - 1][0].isdigit() and chars[i + 1][0].isdigit())]
    return "".join(c for c, _ in kept), [p for _, p in kept]


def _running_lines(eng: Any, clean: NDArray[np.uint8], cells: list[Box]) -> list[Box]:
    """The text lines outside the tables, found by the engine's detector on a half-size page with
    the cells blanked out (body text is large enough at half the resolution; it is read at full)."""
    import numpy as np

    page = clean.copy()
    for x0, y0, x1, y1 in cells:
        page[y0:y1, x0:x1] = 255
    if not (page < 160).any():
        return []
    half = np.ascontiguousarray(np.stack([page[::2, ::2]] * 3, axis=2))
    quads, _ = eng.text_det(half)
    h, w = clean.shape
    out: list[Box] = []
    for quad in [] if quads is None else quads:
        xs = [float(p[0]) * 2 for p in quad]
        ys = [float(p[1]) * 2 for p in quad]
        box = (max(0, int(min(xs))), max(0, int(min(ys))), min(w, int(max(xs)) + 1), min(h, int(max(ys)) + 1))
        if box[2] - box[0] >= _SPECK and box[3] - box[1] >= _SPECK:
            out.append(box)
    return out
