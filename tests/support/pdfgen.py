"""A minimal PDF writer for reader tests: CJK text in the standard STSong-Light font (Adobe-GB1,
not embedded, so the files stay small), ruled tables drawn line by line, and images. Coordinates
are given from the top of the page, as a reader sees them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Page:
    ops: list[str] = field(default_factory=list)
    images: int = 0
    rotate: int = 0  # 90: a landscape page (/Rotate 90), content drawn so that it reads upright


class PDF:
    def __init__(self, width: float = 595, height: float = 842) -> None:
        self.w, self.h = width, height
        self.pages: list[Page] = []

    def page(self, rotate: int = 0) -> PDF:
        self.pages.append(Page(rotate=rotate))
        return self

    def _user(self, x: float, top: float) -> tuple[float, float]:
        """Displayed (x, top) -> user space of the unrotated page."""
        rot = self.pages[-1].rotate
        if rot == 90:
            return top, x
        if rot == 180:
            return self.w - x, top
        if rot == 270:
            return self.w - top, self.h - x
        return x, self.h - top

    def text(self, x: float, top: float, s: str, size: float = 12) -> PDF:
        """One run of text whose glyph tops are at `top` (as displayed, upright on any page)."""
        hexs = s.encode("utf-16-be").hex().upper()
        ux, uy = self._user(x, top + size * 0.88)
        a, b, c, d = {0: (1, 0, 0, 1), 90: (0, 1, -1, 0), 180: (-1, 0, 0, -1), 270: (0, -1, 1, 0)}[
            self.pages[-1].rotate]
        self.pages[-1].ops.append(f"BT /F1 {size} Tf {a} {b} {c} {d} {ux:.2f} {uy:.2f} Tm <{hexs}> Tj ET")
        return self

    def line(self, x0: float, top0: float, x1: float, top1: float, width: float = 0.5) -> PDF:
        (a, b), (c, d) = self._user(x0, top0), self._user(x1, top1)
        self.pages[-1].ops.append(f"{width} w {a:.2f} {b:.2f} m {c:.2f} {d:.2f} l S")
        return self

    def white_box(self, x0: float, top: float, x1: float, bottom: float) -> PDF:
        """A white filled rectangle (Word's paragraph shading): invisible, not a table border."""
        self.pages[-1].ops.append(f"q 1 1 1 rg {x0:.2f} {self.h - bottom:.2f} {x1 - x0:.2f} {bottom - top:.2f} re f Q")
        return self

    def image(self, x: float, top: float, w: float, h: float) -> PDF:
        page = self.pages[-1]
        page.images += 1
        page.ops.append(f"q {w:.2f} 0 0 {h:.2f} {x:.2f} {self.h - top - h:.2f} cm /Im{page.images} Do Q")
        return self

    def grid(self, edges: list[float], top: float, row_h: float, nrows: int,
             cells: list[tuple[int, int, int, int, str]], open_top: bool = False, open_bottom: bool = False,
             size: float = 9) -> PDF:
        """A ruled table: `cells` are (row, col, rowspan, colspan, text); every cell gets its own
        border, except the top of row 0 (open_top) or the bottom of the last row (open_bottom),
        as when a page break cuts the table."""
        for r, c, rs, cs, text in cells:
            x0, x1 = edges[c], edges[c + cs]
            y0, y1 = top + r * row_h, top + (r + rs) * row_h
            if not (open_top and r == 0):
                self.line(x0, y0, x1, y0)
            if not (open_bottom and r + rs == nrows):
                self.line(x0, y1, x1, y1)
            self.line(x0, y0, x0, y1)
            self.line(x1, y0, x1, y1)
            for k, part in enumerate(text.split("\n")):
                if part:
                    self.text(x0 + 1.5, y0 + 2 + k * (size + 1), part, size)
        return self

    def bytes(self) -> bytes:
        objs: list[bytes] = [b"", b""]  # catalog and page tree, filled in below
        objs.append(b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
                    b"/DescendantFonts [4 0 R] >>")
        objs.append(b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo "
                    b"<< /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor "
                    b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
                    b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> /DW 1000 >>")
        kids: list[int] = []
        for page in self.pages:
            xobjs = []
            for i in range(1, page.images + 1):
                objs.append(b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                            b"/BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream")
                xobjs.append(f"/Im{i} {len(objs)} 0 R")
            content = "\n".join(page.ops).encode()
            objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
            content_id = len(objs)
            rot = f"/Rotate {page.rotate} " if page.rotate else ""
            objs.append(f"<< /Type /Page /Parent 2 0 R {rot}/MediaBox [0 0 {self.w} {self.h}] /Resources << /Font "
                        f"<< /F1 3 0 R >> /XObject << {' '.join(xobjs)} >> >> /Contents {content_id} 0 R >>"
                        .encode())
            kids.append(len(objs))
        objs[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
        objs[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
        out = bytearray(b"%PDF-1.4\n")
        offsets = []
        for k, o in enumerate(objs, start=1):
            offsets.append(len(out))
            out += f"{k} 0 obj\n".encode() + o + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
        for off in offsets:
            out += f"{off:010d} 00000 n \n".encode()
        out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
        return bytes(out)
