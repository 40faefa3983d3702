"""Report -> PDF for the benchmark: headless Chromium printing the HTML rendering in the layout of a
government document (A4, 16 pt type, 28 pt lines: about 22 lines of 28 characters a page), or, when
Chromium is not installed, a plain PDF drawn with tests/support/pdfgen.py (text layer and ruled tables)."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import ROOT

PRINT_CSS = ("<style>@page{size:A4;margin:30mm 26mm 28mm 28mm}"
             "body{max-width:none;margin:0;font-size:16pt;line-height:28pt}"
             "h1{font-size:22pt;line-height:34pt}h2{font-size:16pt;margin:0}p{margin:0}"
             "td{font-size:10pt;line-height:14pt;padding:2px}</style>")
CHARS_PER_PAGE = {"chromium": 500, "pdfgen": 1100}  # first guess of the padding a 30-page PDF needs


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def engine(preferred: str = "auto") -> str:
    """'chromium' or 'pdfgen' (the fallback)."""
    if preferred == "auto":
        return "chromium" if chromium() else "pdfgen"
    return preferred


def pages(data: bytes) -> int:
    try:
        import pypdfium2
    except ImportError:
        return len(re.findall(rb"/Type\s*/Page[^s]", data))
    doc = pypdfium2.PdfDocument(data)
    try:
        return len(doc)
    finally:
        doc.close()


def render(report, how: str = "auto") -> bytes:  # type: ignore[no-untyped-def]
    if engine(how) == "chromium":
        from opengov_lint.authoring.html_writer import render as render_html

        return print_html(render_html(report))
    return draw(report)


def print_html(html: str) -> bytes:
    exe = chromium()
    if exe is None:
        raise RuntimeError("chromium is not installed")
    with tempfile.TemporaryDirectory(prefix="og-bench-pdf-") as tmp:
        src, out = Path(tmp) / "report.html", Path(tmp) / "report.pdf"
        src.write_text(html.replace("</head>", PRINT_CSS + "</head>", 1), encoding="utf-8")
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
               "--print-to-pdf-no-header", f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out}", src.as_uri()]
        subprocess.run(cmd, capture_output=True, timeout=300, check=False)
        if not out.exists():
            raise RuntimeError(f"chromium wrote no PDF for {src}")
        return out.read_bytes()


# -- the fallback: a plain PDF drawn with tests/support/pdfgen.py ---------------------------------------------------
LEFT, RIGHT, TOP, BOTTOM, SIZE, LEAD = 80.0, 515.0, 70.0, 780.0, 12.0, 22.0
T_LEFT, T_RIGHT, T_SIZE = 45.0, 550.0, 7.0


class _Writer:
    def __init__(self) -> None:
        sys.path.insert(0, str(ROOT / "tests" / "support"))
        from pdfgen import PDF

        self.pdf = PDF()
        self.pdf.page()
        self.top = TOP
        self.number = 1

    def new_page(self) -> None:
        self.pdf.text(285, 805, f"— {self.number} —", 10)
        self.number += 1
        self.pdf.page()
        self.top = TOP

    def paragraph(self, text: str, indent: bool = True, size: float = SIZE) -> None:
        per_line = int((RIGHT - LEFT) // size)
        first = per_line - 2 if indent else per_line
        lines = [text[:first]] + [text[i:i + per_line] for i in range(first, len(text), per_line)]
        for k, ln in enumerate(lines):
            if self.top + LEAD > BOTTOM:
                self.new_page()
            self.pdf.text(LEFT + (2 * size if (k == 0 and indent) else 0), self.top, ln, size)
            self.top += LEAD

    def table(self, report, tid: str) -> None:  # type: ignore[no-untyped-def]
        from opengov_lint.authoring.grids import grid
        from opengov_lint.authoring.html_writer import cell_text

        t = report.tables[tid]
        g = grid(t.template, tid)
        texts = {id(c): (cell_text(report, c.path) if c.path else c.text).replace("\n", "") for c in g.cells}
        edges = _edges(g, texts)
        heights = [14.0] * g.rows
        for c in g.cells:
            if c.rowspan == 1:
                per = max(1, int((edges[c.col + c.colspan] - edges[c.col] - 3) // T_SIZE))
                heights[c.row] = max(heights[c.row], math.ceil(max(1, len(texts[id(c)])) / per) * (T_SIZE + 1) + 5)
        self.top += 6
        start = 0
        while start < g.rows:
            end, y = start, self.top
            while end < g.rows and y + heights[end] <= BOTTOM:
                y += heights[end]
                end += 1
            if end == start:  # not even one row fits: next page
                self.new_page()
                continue
            self._rows(g, texts, edges, heights, start, end)
            start = end
            if start < g.rows:
                self.new_page()
        self.top += 10

    def _rows(self, g, texts, edges, heights, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
        tops = [self.top]
        for r in range(start, end):
            tops.append(tops[-1] + heights[r])
        for c in g.cells:
            r0, r1 = max(c.row, start), min(c.row + c.rowspan, end)
            if r0 >= r1:
                continue
            x0, x1, y0, y1 = edges[c.col], edges[c.col + c.colspan], tops[r0 - start], tops[r1 - start]
            for a, b, cc, d in ((x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)):
                self.pdf.line(a, b, cc, d)
            if r0 == c.row:  # a merged cell cut by the page break keeps its text on the first page
                per = max(1, int((x1 - x0 - 3) // T_SIZE))
                text = texts[id(c)]
                for k in range(0, len(text), per):
                    self.pdf.text(x0 + 1.5, y0 + 2 + (k // per) * (T_SIZE + 1), text[k:k + per], T_SIZE)
        self.top = tops[-1]


def _edges(g, texts) -> list[float]:  # type: ignore[no-untyped-def]
    """Column edges: each grid column as wide as its longest one-column text wants (capped)."""
    want = [2.0] * g.columns
    for c in g.cells:
        if c.colspan == 1:
            want[c.col] = max(want[c.col], min(14.0, float(len(texts[id(c)]))))
    scale = (T_RIGHT - T_LEFT) / sum(want)
    edges = [T_LEFT]
    for w in want:
        edges.append(edges[-1] + w * scale)
    return edges


def draw(report) -> bytes:  # type: ignore[no-untyped-def]
    w = _Writer()
    title = report.meta.title or ""
    w.paragraph(title, indent=False, size=16)
    w.top += 10
    for p in report.preamble:
        if p.text.strip() != title:
            w.paragraph(p.text)
    by_section = {t.section: tid for tid, t in report.tables.items()}
    for s in report.sections:
        w.paragraph(s.heading, indent=True)
        for p in s.paragraphs:
            w.paragraph(p.text)
        if s.number in by_section:
            w.table(report, by_section[s.number])
    w.pdf.text(285, 805, f"— {w.number} —", 10)
    return w.pdf.bytes()
