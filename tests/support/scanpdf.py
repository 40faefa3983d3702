"""A scanned rendition of a text PDF, made in code: every page rendered to a grey image with PDFium,
turned by a small angle, dusted with specks, blurred, and wrapped into an image-only PDF (no text
layer), as a county office's scanner would produce it.

The generated PDFs name their CJK font without embedding it, so drawing them needs a CJK font on
this machine. PDFium is started with the folder of one (`cjk_font_dir()`) in a child process, so the
test process keeps its own PDFium untouched. Without such a font the callers skip, saying how to get
one (Debian: `apt-get install fonts-wqy-microhei`, or OPENGOV_LINT_CJK_FONTS=<folder of a .ttc/.ttf>)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

FONT_HINT = "no CJK font to draw the scan: apt-get install fonts-wqy-microhei, or set OPENGOV_LINT_CJK_FONTS"
_FOLDERS = ("/usr/share/fonts/truetype/wqy", "/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/arphic",
            "/usr/share/fonts/opentype/source-han-sans")

_RENDER = r"""
import ctypes, io, sys
import pypdfium2 as pdfium
import pypdfium2.raw as raw
folder, dpi = sys.argv[1].encode(), float(sys.argv[2])
raw.FPDF_DestroyLibrary()
cp = ctypes.POINTER(ctypes.c_char)
paths = (cp * 2)(ctypes.cast(ctypes.c_char_p(folder), cp), None)
raw.FPDF_InitLibraryWithConfig(ctypes.byref(raw.FPDF_LIBRARY_CONFIG(
    version=2, m_pUserFontPaths=ctypes.cast(paths, ctypes.POINTER(cp)), m_pIsolate=None, m_v8EmbedderSlot=0)))
doc = pdfium.PdfDocument(sys.stdin.buffer.read())
out = sys.stdout.buffer
for page in doc:
    buf = io.BytesIO()
    page.render(scale=dpi / 72, grayscale=True).to_pil().save(buf, format="PNG")
    out.write(len(buf.getvalue()).to_bytes(8, "big") + buf.getvalue())
"""


def cjk_font_dir() -> str | None:
    given = os.environ.get("OPENGOV_LINT_CJK_FONTS")
    for folder in ([given] if given else []) + list(_FOLDERS):
        p = Path(folder)
        if p.is_dir() and any(f.suffix.lower() in (".ttc", ".ttf", ".otf") for f in p.iterdir()):
            return str(p)
    return None


def render_pages(pdf: bytes, dpi: float = 200) -> list[object]:
    """The pages of `pdf` as grey PIL images (drawn with a CJK font)."""
    from PIL import Image

    folder = cjk_font_dir()
    if folder is None:
        raise RuntimeError(FONT_HINT)
    done = subprocess.run([sys.executable, "-c", _RENDER, folder, str(dpi)], input=pdf, capture_output=True,
                          check=True, timeout=600)
    data, images = done.stdout, []
    while data:
        n = int.from_bytes(data[:8], "big")
        images.append(Image.open(io.BytesIO(data[8:8 + n])).convert("L"))
        data = data[8 + n:]
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
