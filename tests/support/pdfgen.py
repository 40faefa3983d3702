"""A minimal PDF writer for reader tests: CJK text, ruled tables drawn line by line, and images.
Coordinates are given from the top of the page, as a reader sees them.

Text is set in Type 3 fonts defined inside the file (one per 256 distinct characters; every glyph
1000 units wide, ascent 880, descent -120, with a /ToUnicode map), so reading never needs a system
font: a non-embedded font (STSong-Light) made PDFium substitute a system CJK font and, without one,
drop rotated runs and repeated lines, so the tests passed or failed with the machine's fonts."""

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
        self.codes: dict[str, tuple[int, int]] = {}  # character -> (font number, one-byte code)

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
        ux, uy = self._user(x, top + size * 0.88)
        a, b, c, d = {0: (1, 0, 0, 1), 90: (0, 1, -1, 0), 180: (-1, 0, 0, -1), 270: (0, -1, 1, 0)}[
            self.pages[-1].rotate]
        runs: list[tuple[int, str]] = []
        for ch in s:
            font, code = self.codes.setdefault(ch, divmod(len(self.codes), 256))
            if runs and runs[-1][0] == font:
                runs[-1] = (font, runs[-1][1] + f"{code:02X}")
            else:
                runs.append((font, f"{code:02X}"))
        shows = " ".join(f"/F{font + 1} {size} Tf <{hexs}> Tj" for font, hexs in runs)
        self.pages[-1].ops.append(f"BT {a} {b} {c} {d} {ux:.2f} {uy:.2f} Tm {shows} ET")
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
        fonts = _type3_fonts(objs, self.codes)
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
                        f"<< {fonts} >> /XObject << {' '.join(xobjs)} >> >> /Contents {content_id} 0 R >>"
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


def _type3_fonts(objs: list[bytes], codes: dict[str, tuple[int, int]]) -> str:
    """Type 3 fonts for the characters used (appended to objs); returns the /Font resource entries."""
    glyph = b"<< /Length 28 >>\nstream\n1000 0 0 -120 1000 880 d1\nendstream"
    objs.append(glyph)
    glyph_id = len(objs)
    entries = []
    n_fonts = max((f for f, _ in codes.values()), default=0) + 1
    for font in range(n_fonts):
        chars = sorted((code, ch) for ch, (f, code) in codes.items() if f == font)
        last = chars[-1][0] if chars else 0
        bfchars = "\n".join(f"<{code:02X}> <{ch.encode('utf-16-be').hex().upper()}>" for code, ch in chars)
        cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T3 def /CMapType 2 def\n"
                "1 begincodespacerange <00> <FF> endcodespacerange\n"
                f"{len(chars)} beginbfchar\n{bfchars}\nendbfchar\nendcmap CMapName currentdict /CMap "
                "defineresource pop end end").encode() if chars else b""
        objs.append(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
        cmap_id = len(objs)
        diffs = " ".join(f"/g{code}" for code in range(last + 1))
        procs = " ".join(f"/g{code} {glyph_id} 0 R" for code in range(last + 1))
        objs.append(f"<< /Type /Font /Subtype /Type3 /FontBBox [0 -120 1000 880] /FontMatrix [0.001 0 0 0.001 0 0] "
                    f"/CharProcs << {procs} >> /Encoding << /Type /Encoding /Differences [0 {diffs}] >> "
                    f"/FirstChar 0 /LastChar {last} /Widths [{' '.join(['1000'] * (last + 1))}] "
                    f"/FontDescriptor << /Type /FontDescriptor /FontName /T3F{font + 1} /Flags 4 "
                    f"/FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 "
                    f"/StemV 80 >> /Resources << >> /ToUnicode {cmap_id} 0 R >>".encode())
        entries.append(f"/F{font + 1} {len(objs)} 0 R")
    return " ".join(entries)
