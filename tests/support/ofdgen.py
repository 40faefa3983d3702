"""A small OFD (GB/T 33190) writer for reader tests, with the drawing API of `pdfgen.PDF` (points,
tops from the top of the page) so the same report can be drawn as PDF and as OFD.

What it writes is what real producers (conversions from Word/WPS by the common OFD editors) emit:
- text as one TextObject per run with its glyphs placed by `DeltaX` (written with the `g N v`
  shorthand), or one TextObject per glyph (`per_glyph=True`); titles scaled by a `CTM`;
- table borders as PathObjects: a whole table as one path of many subpaths, its coordinates in
  0.1 mm units under a CTM (`grid`), single rules as `M x y L x y` paths;
- Word's white paragraph shading as a white filled path (not a border), images as ImageObjects;
- a template page (`TemplatePage`) with a Background layer holding a running header and its red
  rule, referenced by every page; some objects wrapped in a `PageBlock`."""

from __future__ import annotations

import io
import itertools
import zipfile

from pdfgen import PDF

NS = "http://www.ofdspec.org/2016"
MM = 25.4 / 72  # millimetres per point


def _mm(v: float) -> str:
    return f"{v * MM:.3f}".rstrip("0").rstrip(".")


def _deltas(values: list[str]) -> str:
    """DeltaX with the `g N v` shorthand for runs of equal advances."""
    out: list[str] = []
    for v, group in itertools.groupby(values):
        n = len(list(group))
        out.append(f"g {n} {v}" if n > 2 else " ".join([v] * n))
    return " ".join(out)


class OFD(PDF):
    def __init__(self, width: float = 595, height: float = 842, per_glyph: bool = False,
                 header: str | None = "某某区人民政府信息公开") -> None:
        super().__init__(width, height)
        self.per_glyph = per_glyph
        self.header = header
        self.ids = itertools.count(100)

    def page(self, rotate: int = 0) -> OFD:
        assert rotate == 0, "OFD pages are written upright"
        super().page()
        return self

    def _id(self) -> int:
        return next(self.ids)

    def _text_object(self, x: float, top: float, s: str, size: float, ctm: bool = False) -> str:
        width = size * len(s)
        scale = size if ctm else 1.0  # a CTM scaling a unit font (titles of some producers)
        fsize = size / scale
        box = f"{_mm(x)} {_mm(top)} {_mm(width)} {_mm(size * 1.2)}"
        ctm_attr = f' CTM="{scale:g} 0 0 {scale:g} 0 0"' if ctm else ""
        deltas = _deltas([_mm(fsize)] * (len(s) - 1))
        delta_attr = f' DeltaX="{deltas}"' if deltas else ""
        return (f'<ofd:TextObject ID="{self._id()}" Boundary="{box}" Font="1" Size="{_mm(fsize)}"{ctm_attr}>'
                f'<ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="{_mm(fsize * 0.88)}"{delta_attr}>'
                f"{_escape(s)}</ofd:TextCode></ofd:TextObject>")

    def text(self, x: float, top: float, s: str, size: float = 12) -> OFD:
        if self.per_glyph:
            for i, ch in enumerate(s):
                self.pages[-1].ops.append(self._text_object(x + i * size, top, ch, size))
        else:
            self.pages[-1].ops.append(self._text_object(x, top, s, size, ctm=size >= 16))
        return self

    def _path(self, x0: float, top: float, x1: float, bottom: float, data: str, extra: str = "",
              stroke: bool = True, fill: str | None = None, width: float = 0.5) -> str:
        box = f"{_mm(x0)} {_mm(top)} {_mm(max(x1 - x0, 0.5))} {_mm(max(bottom - top, 0.5))}"
        paint = f' Stroke="{"true" if stroke else "false"}"' + (' Fill="true"' if fill else "")
        colour = f'<ofd:FillColor Value="{fill}"/>' if fill else '<ofd:StrokeColor Value="0 0 0"/>'
        return (f'<ofd:PathObject ID="{self._id()}" Boundary="{box}" LineWidth="{_mm(width)}"{paint}{extra}>'
                f"{colour}<ofd:AbbreviatedData>{data}</ofd:AbbreviatedData></ofd:PathObject>")

    def line(self, x0: float, top0: float, x1: float, top1: float, width: float = 0.5) -> OFD:
        left, top = min(x0, x1), min(top0, top1)
        data = f"M {_mm(x0 - left)} {_mm(top0 - top)} L {_mm(x1 - left)} {_mm(top1 - top)}"
        self.pages[-1].ops.append(self._path(left, top, max(x0, x1), max(top0, top1), data, width=width))
        return self

    def white_box(self, x0: float, top: float, x1: float, bottom: float) -> OFD:
        w, h = _mm(x1 - x0), _mm(bottom - top)
        self.pages[-1].ops.append(self._path(x0, top, x1, bottom, f"M 0 0 L {w} 0 L {w} {h} L 0 {h} C",
                                             stroke=False, fill="255 255 255"))
        return self

    def image(self, x: float, top: float, w: float, h: float) -> OFD:
        self.pages[-1].ops.append(f'<ofd:ImageObject ID="{self._id()}" Boundary="{_mm(x)} {_mm(top)} {_mm(w)} '
                                  f'{_mm(h)}" ResourceID="2"/>')
        return self

    def grid(self, edges: list[float], top: float, row_h: float, nrows: int,
             cells: list[tuple[int, int, int, int, str]], open_top: bool = False, open_bottom: bool = False,
             size: float = 9) -> OFD:
        """The table's borders as one path (a subpath per cell side, in 0.1 mm units under a CTM),
        its text as runs; the rest as `PDF.grid`."""
        left, tab_top = edges[0], top
        parts: list[str] = []

        def tenth(v: float) -> str:
            return f"{v * MM * 10:.2f}"

        def seg(xa: float, ya: float, xb: float, yb: float) -> None:
            parts.append(f"M {tenth(xa - left)} {tenth(ya - tab_top)} L {tenth(xb - left)} {tenth(yb - tab_top)}")

        for r, c, rs, cs, _text in cells:
            x0, x1 = edges[c], edges[c + cs]
            y0, y1 = top + r * row_h, top + (r + rs) * row_h
            if not (open_top and r == 0):
                seg(x0, y0, x1, y0)
            if not (open_bottom and r + rs == nrows):
                seg(x0, y1, x1, y1)
            seg(x0, y0, x0, y1)
            seg(x1, y0, x1, y1)
        bottom = top + nrows * row_h
        self.pages[-1].ops.append(self._path(left, tab_top, edges[-1], bottom, " ".join(parts),
                                             extra=' CTM="0.1 0 0 0.1 0 0"'))
        block = [f'<ofd:PageBlock ID="{self._id()}">']
        for r, c, _rs, _cs, text in cells:
            x0, y0 = edges[c], top + r * row_h
            for k, part in enumerate(text.split("\n")):
                if part:
                    block.append(self._text_object(x0 + 1.5, y0 + 2 + k * (size + 1), part, size))
        self.pages[-1].ops.append("".join(block) + "</ofd:PageBlock>")
        return self

    def bytes(self) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("OFD.xml", _OFD_XML)
            pages = "".join(f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>'
                            for i in range(len(self.pages)))
            tpl = '<ofd:TemplatePage ID="50" BaseLoc="Tpls/Tpl_0/Content.xml"/>' if self.header else ""
            zf.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}">'
                        f"<ofd:CommonData><ofd:MaxUnitID>{next(self.ids)}</ofd:MaxUnitID><ofd:PageArea>"
                        f"<ofd:PhysicalBox>0 0 {_mm(self.w)} {_mm(self.h)}</ofd:PhysicalBox></ofd:PageArea>"
                        f"<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>{tpl}</ofd:CommonData>"
                        f"<ofd:Pages>{pages}</ofd:Pages></ofd:Document>")
            zf.writestr("Doc_0/PublicRes.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" '
                        'BaseLoc="Res"><ofd:Fonts><ofd:Font ID="1" FontName="宋体" FamilyName="宋体"/></ofd:Fonts>'
                        "</ofd:Res>")
            if self.header:
                head = [self._text_object(self.w / 2 - 5 * len(self.header), 22, self.header, 10),
                        self._path(60, 40, self.w - 60, 40.5, f"M 0 0 L {_mm(self.w - 120)} 0")]
                zf.writestr("Doc_0/Tpls/Tpl_0/Content.xml", _page_xml(head, "Background"))
            for i, page in enumerate(self.pages):
                zf.writestr(f"Doc_0/Pages/Page_{i}/Content.xml", _page_xml(page.ops, "Body",
                                                                           '<ofd:Template TemplateID="50" '
                                                                           'ZOrder="Background"/>'
                                                                           if self.header else ""))
        return buf.getvalue()


def _page_xml(objs: list[str], layer: str, template: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}">{template}<ofd:Content>'
            f'<ofd:Layer ID="2" Type="{layer}">{"".join(objs)}</ofd:Layer></ofd:Content></ofd:Page>')


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_OFD_XML = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD">'
            "<ofd:DocBody><ofd:DocInfo><ofd:DocID>0c0ffee0</ofd:DocID>"
            "<ofd:Title>某某区人民政府2023年政府信息公开工作年度报告</ofd:Title></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
