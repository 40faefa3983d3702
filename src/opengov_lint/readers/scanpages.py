"""Scanned PDF pages: which pages are pictures, reading them by OCR (readers.ocr) when the extra is
installed, and what is said about them.

A page is a scan when it has no text layer and holds an image, or when a few stray glyphs (a page
number stamped by the scanner software) sit on a picture that covers most of the page. With the
`ocr` extra the page image becomes page geometry like any text page; without it the page is
reported unread (OG903) with the command that installs the extra.

The cells OCR could not read with enough confidence (`limits.ocr-confidence`, percent, default 80,
taken on the least certain character) are marked `Cell.uncertain`: their text is kept as read but the
recogniser never takes it as a value (recognise.quality reports them, OG903, naming the cells)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from opengov_lint.model import Diagnostic, Document, Table
from opengov_lint.readers.geometry import page_tables
from opengov_lint.readers.pdftext import Char, build_lines

if TYPE_CHECKING:
    from opengov_lint.readers.pageflow import PageRead

_FEW_GLYPHS = 30  # a page with fewer glyphs than this over a page-sized picture is a scan
_COVER = 0.5  # share of the page a picture covers to be "the page"


def is_scan(page: Any, glyphs: int) -> bool:
    if glyphs >= _FEW_GLYPHS:
        return False
    from pypdfium2 import raw

    width, height = page.get_size()
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        if glyphs == 0:
            return True
        left, bottom, right, top = obj.get_pos()
        if (right - left) * (top - bottom) >= _COVER * width * height:
            return True
    return False


def read_scan(page: Any, result: PageRead) -> None:
    """Fill `result` from the page image, or mark it unread when OCR is not installed."""
    from opengov_lint.readers import ocr

    if not ocr.available():
        result.image_only = True
        return
    geometry = ocr.page_geometry(page, result.number)
    result.fragments, rest = page_tables(geometry)
    result.lines = build_lines([Char(g.text, g.x0, g.x1, g.top, g.bottom) for g in rest], result.number)
    result.glyphs = len(geometry.glyphs)
    result.scanned = True


def no_text_error() -> Exception:
    from opengov_lint.readers.errors import ReadError
    from opengov_lint.readers.ocr import INSTALL, available

    if available():
        return ReadError(
            "PDF 没有文字层，页面图片中也未识别出文字，无法检查；请提供带文字层的 PDF、Word 或网页版本",
            "the PDF has no text layer and no text was recognised in its page images, so nothing could be "
            "checked; provide a PDF with a text layer, the Word file or the web page",
            code="OG903", reason="no-text-layer")
    return ReadError(
        "PDF 没有可提取的文字层（扫描件或图片），无法检查；安装文字识别组件后可读取扫描件："
        f"{INSTALL}，或提供带文字层的 PDF、Word 或网页版本",
        "the PDF has no text layer (a scan or images), so nothing could be checked; install the OCR extra to "
        f"read scans ({INSTALL}) or provide a PDF with a text layer, the Word file or the web page",
        code="OG903", reason="no-text-layer")


def unread_page(number: int) -> Diagnostic:
    from opengov_lint.readers.ocr import INSTALL

    return Diagnostic(
        "OG903", f"第{number}页没有文字层（扫描图片），该页内容未被读取和检查；安装文字识别组件后可读取：{INSTALL}",
        f"page {number} has no text layer (a scanned image); its content was not checked. Install the OCR extra "
        f"to read it: {INSTALL}", page=number, evidence={"page": number, "install": INSTALL})


def mark_uncertain(doc: Document, pages: list[PageRead]) -> None:
    """Say which pages were read by OCR and mark the cells not read with enough confidence."""
    scanned = [p.number for p in pages if p.scanned]
    if not scanned:
        return
    from opengov_lint.readers.limits import current

    floor = current().ocr_confidence / 100
    uncertain = 0
    for table in doc.tables:
        uncertain += _mark(table, floor)
    shown = "、".join(str(n) for n in scanned[:10]) + ("等" if len(scanned) > 10 else "")
    doc.diagnostics.append(Diagnostic(
        "OG903", f"第{shown}页是扫描图片，内容由文字识别（OCR）读出；识别把握不足的单元格不作检查并单独列出，"
        "结论请对照原件核实",
        f"page(s) {', '.join(str(n) for n in scanned)} are scanned images read by OCR; cells not read with enough "
        "confidence are listed and not checked; verify conclusions against the original",
        page=scanned[0], evidence={"pages": scanned, "ocr_confidence": floor, "uncertain_count": uncertain}))


def _mark(table: Table, floor: float) -> int:
    seen: set[int] = set()
    n = 0
    for row in table.rows:
        for cell in row:
            if id(cell) in seen:
                continue
            seen.add(id(cell))
            if cell.confidence is not None and cell.confidence < floor:
                cell.uncertain = True
                n += 1
    return n
