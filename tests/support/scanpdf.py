"""A scanned rendition of a text PDF, made in code: every page rendered to a grey image with PDFium,
turned by a small angle, dusted with specks, blurred, and wrapped into an image-only PDF (no text
layer), as a county office's scanner would produce it.

The generated PDFs carry their text in Type 3 fonts that draw nothing, so the text is drawn over
PDFium's rendering of the rulings, character by character in its text-layer box, with a CJK font of
this machine (`cjk_font_dir()`). Without such a font the callers skip, saying how to get
one (Debian: `apt-get install fonts-wqy-microhei`, or OPENGOV_LINT_CJK_FONTS=<folder of a .ttc/.ttf>)."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

FONT_HINT = "no CJK font to draw the scan: apt-get install fonts-wqy-microhei, or set OPENGOV_LINT_CJK_FONTS"
_FOLDERS = ("/usr/share/fonts/truetype/wqy", "/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/arphic",
            "/usr/share/fonts/opentype/source-han-sans")

def cjk_font_dir() -> str | None:
    given = os.environ.get("OPENGOV_LINT_CJK_FONTS")
    for folder in ([given] if given else []) + list(_FOLDERS):
        p = Path(folder)
        if p.is_dir() and any(f.suffix.lower() in (".ttc", ".ttf", ".otf") for f in p.iterdir()):
            return str(p)
    return None


def render_pages(pdf: bytes, dpi: float = 200) -> list[Any]:
    """The pages of `pdf` as grey PIL images: PDFium draws the rulings, and every character of the
    text layer is drawn in its box with the CJK font (the test PDFs set text in Type 3 fonts whose
    glyphs draw nothing, so that reading them never depends on the machine's fonts)."""
    import pypdfium2 as pdfium
    from PIL import ImageDraw, ImageFont

    folder = cjk_font_dir()
    if folder is None:
        raise RuntimeError(FONT_HINT)
    face = next(str(f) for f in sorted(Path(folder).iterdir()) if f.suffix.lower() in (".ttc", ".ttf", ".otf"))
    fonts: dict[int, Any] = {}
    scale = dpi / 72
    doc = pdfium.PdfDocument(pdf)
    images = []
    for page in doc:
        img = page.render(scale=scale, grayscale=True).to_pil().convert("L")
        draw = ImageDraw.Draw(img)
        tp = page.get_textpage()
        height = page.get_height()
        for i in range(tp.count_chars()):
            ch = tp.get_text_range(i, 1)
            if not ch or ch.isspace():
                continue
            left, bottom, _right, top = tp.get_charbox(i, loose=True)
            px = max(4, round((top - bottom) * scale))
            font = fonts.setdefault(px, ImageFont.truetype(face, px))
            draw.text((left * scale, (height - top) * scale), ch, fill=0, font=font)
        tp.close()
        images.append(img)
    doc.close()
    return images


def degrade(image: object, angle: float, seed: int, specks: int = 300, blur: float = 0.7) -> object:
    """Turn, dust and blur one page image as a scanner would."""
    import numpy as np
    from PIL import Image, ImageFilter

    img = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)  # type: ignore[attr-defined]
    arr = np.asarray(img).copy()
    rng = np.random.default_rng(seed)
    h, w = arr.shape
    for _ in range(specks):
        y, x = int(rng.integers(2, h - 3)), int(rng.integers(2, w - 3))
        r = int(rng.integers(0, 2))
        arr[y - r:y + r + 1, x - r:x + r + 1] = int(rng.integers(0, 120))
    noise = rng.normal(0, 6, arr.shape)
    arr = np.clip(arr.astype(np.float64) + noise, 0, 255).astype(np.uint8)
    return Image.fromarray(arr).filter(ImageFilter.GaussianBlur(blur))


def scanned(pdf: bytes, dpi: float = 200, angles: list[float] | None = None, seed: int = 7,
            pages: list[int] | None = None) -> bytes:
    """An image-only PDF of `pdf` (or of its `pages`, 0-based): each page turned by the next of
    `angles` (degrees), dusted, blurred."""
    images = render_pages(pdf, dpi)
    pages = [images[i] for i in pages] if pages is not None else images
    angles = angles or [0.6, -0.4, 0.8, -0.7, 0.3]
    out = [degrade(p, angles[i % len(angles)], seed + i) for i, p in enumerate(pages)]
    buf = io.BytesIO()
    first = out[0]
    first.save(buf, format="PDF", resolution=dpi, save_all=True, append_images=out[1:])  # type: ignore[attr-defined]
    return buf.getvalue()
