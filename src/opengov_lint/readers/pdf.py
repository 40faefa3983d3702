"""PDF reports, with a text layer or scanned.

PDFium (pypdfium2) gives everything: the glyph boxes of every page (pdftext) and, on pages that hold
ruled lines and look like a table page (a row of numbers or a template table label), the rulings of
its path objects (pdfgeom), which the format-neutral table builder (geometry) turns into grids.
Tables continued on the next page are stitched (geomstitch), running text is rebuilt into paragraphs
(pdftext), page furniture is dropped. A page without a text layer is a scan (scanpages): read by OCR
when the `ocr` extra is installed, otherwise reported unread (OG903) with how to install it, never
passed over in silence."""

from __future__ import annotations

import functools
import re
from typing import Any

from opengov_lint.model import Diagnostic, Document
from opengov_lint.readers.errors import ReadError
from opengov_lint.readers.geometry import Fragment, Glyph, PageGeometry, page_tables
from opengov_lint.readers.limits import check_deadline, current, exceeded
from opengov_lint.readers.pageflow import PageRead, assemble, drop_page_furniture
from opengov_lint.readers.pdftext import (
    Char,
    build_lines,
    pdfium_chars,
)
from opengov_lint.readers.scanpages import is_scan, mark_uncertain, no_text_error, read_scan, unread_page

_NUMBER_ROW = re.compile(r"(?:^|\s)\d[\d,.]*(?:\s+\d[\d,.]*){2,}(?:\s|$)")


def read(path: str, data: bytes, fmt: str = "pdf", deadline: float | None = None) -> Document:
    """`deadline`: a `time.monotonic()` value; the page loop stops with the timeout error after it."""
    import pypdfium2 as pdfium

    from opengov_lint.readers.pdfscan import check_streams

    check_streams(data, current().max_unzipped)  # a flate bomb stops here, before PDFium inflates it
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _open_error(str(exc)) from exc
    limit = current().max_pages
    if len(pdf) > limit:
        n = len(pdf)
        pdf.close()
        raise exceeded("PDF 页数", "number of PDF pages", "max_pages", n, limit)
    try:
        fallback = _Fallback(data)
        pages: list[PageRead] = []
        for i in range(len(pdf)):
            check_deadline(deadline)
            pages.append(_read_page(pdf, i, fallback))
        title = (pdf.get_metadata_dict().get("Title") or "").strip()
    finally:
        fallback.close()
        pdf.close()
    doc = Document(path=path, format=fmt)
    if pages and all(p.damaged for p in pages):
        raise ReadError("PDF 文件已损坏，没有一页能够读取", f"no page of the PDF can be read ({pages[0].damaged})",
                        reason="bad-pdf")
    if not any(p.lines or p.fragments for p in pages):
        raise no_text_error()
    drop_page_furniture(pages)
    for p in pages:
        if p.damaged:
            doc.diagnostics.append(Diagnostic(
                "OG903", f"第{p.number}页已损坏，无法读取，该页内容未被检查（{p.damaged}）",
                f"page {p.number} is damaged and could not be read; its content was not checked ({p.damaged})",
                page=p.number, evidence={"page": p.number, "error": p.damaged}))
        if p.image_only:
            doc.diagnostics.append(unread_page(p.number))
    glyphs, unmapped = sum(p.glyphs for p in pages), sum(p.unmapped for p in pages)
    if glyphs and unmapped > 0.3 * glyphs:
        doc.diagnostics.append(Diagnostic(
            "OG903", f"PDF 的文字层有{unmapped}个字符无法识别（字体缺少编码映射），读取的内容不完整，检查结果可能缺漏；"
            "请提供 Word、网页版本或重新导出的 PDF",
            f"{unmapped} of {glyphs} characters of the PDF text layer cannot be decoded (fonts without a Unicode "
            "mapping); what was read is incomplete", evidence={"glyphs": glyphs, "unmapped": unmapped}))
    doc.blocks = assemble(pages)
    mark_uncertain(doc, pages)
    doc.title = title if "报告" in title else None
    return doc


def _open_error(message: str) -> ReadError:
    if "password" in message.lower():
        return ReadError("PDF 文件已加密（需要密码），无法读取；请提供未加密的版本",
                         "the PDF is encrypted (password protected)", reason="encrypted")
    return ReadError("PDF 文件已损坏或不是有效的 PDF，无法读取", f"the PDF cannot be opened: {message}",
                     reason="bad-pdf")


class _Fallback:
    """pdfplumber (pdfminer), only for the glyphs of a page PDFium cannot place: text in a font that
    is neither embedded nor available on this machine (a CJK font such as STSong-Light referenced by
    name), which PDFium draws with an empty fallback and partly drops from its text page. pdfminer
    places glyphs from the font's width tables instead. Opened once per file, only when needed."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pdf: Any = None
        self.raw: list[Any] = []

    def chars(self, index: int) -> list[Char] | None:
        if self.pdf is None:
            try:
                import logging

                import pdfplumber
            except ImportError:
                return None
            logging.getLogger("pdfminer").setLevel(logging.ERROR)  # damaged content is our finding, not noise
            from io import BytesIO

            from pdfminer.pdfpage import PDFPage

            self.pdf = pdfplumber.open(BytesIO(self.data))
            self.raw = list(PDFPage.create_pages(self.pdf.doc))
        from pdfplumber.page import Page

        # one page at a time: `pdf.pages` builds every page, and one bit-flipped MediaBox would lose them all
        page = Page(self.pdf, self.raw[index], page_number=index + 1, initial_doctop=0)
        try:
            return [Char(c["text"], c["x0"], c["x1"], c["top"], c["bottom"]) for c in page.chars
                    if c.get("text") and not c["text"].isspace()]
        finally:
            page.close()

    def close(self) -> None:
        if self.pdf is not None:  # not pdf.close(): it builds every page (and fails on a damaged one)
            try:
                self.pdf.flush_cache()
            finally:
                self.pdf.stream.close()


def _read_page(pdf: Any, index: int, fallback: _Fallback) -> PageRead:
    """One page; a damaged page is reported (OG903) and the others are still read."""
    try:
        return _read_page_unsafe(pdf, index, fallback)
    except (ReadError, MemoryError, RecursionError):
        raise
    except Exception as exc:
        broken = PageRead(index + 1, 842.0)
        broken.damaged = f"{type(exc).__name__}: {exc}"
        return broken


def _read_page_unsafe(pdf: Any, index: int, fallback: _Fallback) -> PageRead:
    from opengov_lint.readers.pdfgeom import unplaced_text

    page = pdf[index]
    try:
        chars = pdfium_chars(page)
        if unplaced_text(page):
            chars = fallback.chars(index) or chars
        result = PageRead(index + 1, page.get_height(), glyphs=len(chars))
        result.unmapped = sum(1 for c in chars if _unmapped(c.text))
        if is_scan(page, len(chars)):
            read_scan(page, result)
            return result
        if _tabular(page, chars):
            result.fragments, chars = _tables(page, index + 1, chars)
        result.lines = build_lines(chars, index + 1)
        return result
    finally:
        page.close()


def _tables(page: Any, number: int, chars: list[Char]) -> tuple[list[Fragment], list[Char]]:
    """The tables of a page and the glyphs of its running text."""
    from opengov_lint.readers.pdfgeom import page_segments

    width, height = page.get_size()
    glyphs = [Glyph(c.x0, c.top, c.x1, c.bottom, c.text) for c in chars]
    frags, rest = page_tables(PageGeometry(number, width, height, glyphs, page_segments(page)))
    if len(rest) == len(glyphs):
        return frags, chars
    return frags, [Char(g.text, g.x0, g.x1, g.top, g.bottom) for g in rest]


def _unmapped(ch: str) -> bool:
    """A glyph PDFium could not map to a character: private use area or a control character."""
    if len(ch) != 1:  # pdfminer's "(cid:123)"
        return True
    o = ord(ch)
    return 0xE000 <= o <= 0xF8FF or o < 0x20 or o == 0xFFFD


def _paths(page: Any, enough: int = 4) -> int:
    from opengov_lint.readers.pdfgeom import count_paths

    return count_paths(page, enough)


@functools.cache
def _table_words() -> tuple[str, ...]:
    """Labels that only a template table prints (captions, column and header labels)."""
    from opengov_lint.knowledge.catalog import layouts
    from opengov_lint.recognise.text import norm

    words: set[str] = set()
    for lay in layouts().values():
        for t in lay.tables.values():
            words.update(t.captions.values())
            words.update(c.label for c in t.columns)
            words.update(c.label for r in t.rows for c in r.columns)
            words.update(t.header_labels)
            if t.header:
                words.add(t.header)
    return tuple(sorted({norm(w) for w in words if len(norm(w)) >= 4}))


def _tabular(page: Any, chars: list[Any]) -> bool:
    if len(chars) < 4 or _paths(page) < 4:
        return False
    from opengov_lint.recognise.text import norm

    flat = norm("".join(c.text for c in chars))
    if any(w in flat for w in _table_words()):
        return True
    return any(_NUMBER_ROW.search(ln.text) for ln in build_lines(chars, 0))
