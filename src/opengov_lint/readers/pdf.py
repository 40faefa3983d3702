"""PDF reports with a text layer.

pypdfium2 reads the glyphs of every page (fast); pdfplumber's table finder runs only on pages that
hold ruled lines and look like a table page (a row of numbers or a template table label), because
it is the slow part. Tables continued on the next page are stitched (pdftables), running text is
rebuilt into paragraphs (pdftext), page furniture is dropped. A PDF without a text layer is a
scan: nothing can be checked, which is said (OG903), never passed over in silence."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from opengov_lint.model import Diagnostic, Document, Paragraph, Table
from opengov_lint.readers.errors import ReadError
from opengov_lint.readers.limits import current, exceeded
from opengov_lint.readers.pdftables import Fragment, build_table, continues, page_fragments
from opengov_lint.readers.pdftext import (
    Char,
    Line,
    build_lines,
    drop_furniture,
    join_lines,
    page_layout,
    pdfium_chars,
    plumber_chars,
    starts_paragraph,
)

_NUMBER_ROW = re.compile(r"(?:^|\s)\d[\d,.]*(?:\s+\d[\d,.]*){2,}(?:\s|$)")


@dataclass(slots=True)
class _Page:
    number: int
    height: float
    lines: list[Line] = field(default_factory=list)
    fragments: list[Fragment] = field(default_factory=list)
    image_only: bool = False
    unmapped: int = 0  # glyphs without a usable character (a font with no Unicode mapping)
    glyphs: int = 0
    damaged: str | None = None  # the page could not be read


def read(path: str, data: bytes, fmt: str = "pdf") -> Document:
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
    tables = _TableFinder(data)
    try:
        pages = [_read_page(pdf, i, tables) for i in range(len(pdf))]
        title = (pdf.get_metadata_dict().get("Title") or "").strip()
    finally:
        tables.close()
        pdf.close()
    doc = Document(path=path, format=fmt)
    if pages and all(p.damaged for p in pages):
        raise ReadError("PDF 文件已损坏，没有一页能够读取", f"no page of the PDF can be read ({pages[0].damaged})",
                        reason="bad-pdf")
    if not any(p.lines or p.fragments for p in pages):
        raise ReadError(
            "PDF 没有可提取的文字层（可能是扫描件或图片），无法检查；请提供带文字层的 PDF、Word 或网页版本",
            "the PDF has no text layer (a scan or images), so nothing could be checked; provide a PDF with a "
            "text layer, the Word file or the web page", code="OG903", reason="no-text-layer")
    kept = drop_furniture([p.lines for p in pages], [p.height for p in pages])
    for p, lines in zip(pages, kept):
        p.lines = lines
    for p in pages:
        if p.damaged:
            doc.diagnostics.append(Diagnostic(
                "OG903", f"第{p.number}页已损坏，无法读取，该页内容未被检查（{p.damaged}）",
                f"page {p.number} is damaged and could not be read; its content was not checked ({p.damaged})",
                page=p.number, evidence={"page": p.number, "error": p.damaged}))
        if p.image_only:
            doc.diagnostics.append(Diagnostic(
                "OG903", f"第{p.number}页没有文字层（可能是扫描图片），该页内容未被读取和检查",
                f"page {p.number} has no text layer (probably a scanned image); its content was not checked",
                page=p.number, evidence={"page": p.number}))
    glyphs, unmapped = sum(p.glyphs for p in pages), sum(p.unmapped for p in pages)
    if glyphs and unmapped > 0.3 * glyphs:
        doc.diagnostics.append(Diagnostic(
            "OG903", f"PDF 的文字层有{unmapped}个字符无法识别（字体缺少编码映射），读取的内容不完整，检查结果可能缺漏；"
            "请提供 Word、网页版本或重新导出的 PDF",
            f"{unmapped} of {glyphs} characters of the PDF text layer cannot be decoded (fonts without a Unicode "
            "mapping); what was read is incomplete", evidence={"glyphs": glyphs, "unmapped": unmapped}))
    doc.blocks = _assemble(pages)
    doc.title = title if "报告" in title else None
    return doc


def _open_error(message: str) -> ReadError:
    if "password" in message.lower():
        return ReadError("PDF 文件已加密（需要密码），无法读取；请提供未加密的版本",
                         "the PDF is encrypted (password protected)", reason="encrypted")
    return ReadError("PDF 文件已损坏或不是有效的 PDF，无法读取", f"the PDF cannot be opened: {message}",
                     reason="bad-pdf")


class _TableFinder:
    """pdfplumber, opened once per file and only when a page needs its table finder."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pdf: Any = None
        self.raw: list[Any] = []

    def page(self, index: int) -> tuple[list[Fragment], list[Char]]:
        if self.pdf is None:
            import logging

            import pdfplumber

            logging.getLogger("pdfminer").setLevel(logging.ERROR)  # damaged content is our finding, not noise

            from pdfminer.pdfpage import PDFPage

            self.pdf = pdfplumber.open(BytesIO(self.data))
            self.raw = list(PDFPage.create_pages(self.pdf.doc))
        from pdfplumber.page import Page

        # one page at a time: `pdf.pages` builds every page, and one bit-flipped MediaBox would lose them all
        page = Page(self.pdf, self.raw[index], page_number=index + 1, initial_doctop=0)
        try:
            frags, chars = page_fragments(page, index + 1)
            boxes = [(f.x0 - 1, f.top - 1, f.x1 + 1, f.bottom + 1) for f in frags]
            return frags, plumber_chars(chars, boxes)
        finally:
            page.close()

    def close(self) -> None:
        if self.pdf is not None:  # not pdf.close(): it builds every page (and fails on a damaged one)
            try:
                self.pdf.flush_cache()
            finally:
                self.pdf.stream.close()


def _read_page(pdf: Any, index: int, tables: _TableFinder) -> _Page:
    """One page; a damaged page is reported (OG903) and the others are still read."""
    try:
        return _read_page_unsafe(pdf, index, tables)
    except (ReadError, MemoryError, RecursionError):
        raise
    except Exception as exc:  # noqa: BLE001 - pdfium/pdfminer raise many kinds for damaged content
        broken = _Page(index + 1, 842.0)
        broken.damaged = f"{type(exc).__name__}: {exc}"
        return broken


def _read_page_unsafe(pdf: Any, index: int, tables: _TableFinder) -> _Page:
    page = pdf[index]
    try:
        chars = pdfium_chars(page)
        result = _Page(index + 1, page.get_height(), glyphs=len(chars))
        result.unmapped = sum(1 for c in chars if _unmapped(c.text))
        if _tabular(page, chars):
            result.fragments, chars = tables.page(index)
        result.lines = build_lines(chars, index + 1)
        if not chars and not result.fragments:
            result.image_only = _has_images(page)
        return result
    finally:
        page.close()


def _unmapped(ch: str) -> bool:
    """A glyph PDFium could not map to a character: private use area or a control character."""
    o = ord(ch)
    return 0xE000 <= o <= 0xF8FF or o < 0x20 or o == 0xFFFD


def _paths(page: Any, enough: int = 4) -> int:
    from pypdfium2 import raw

    n = 0
    for _obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,), max_depth=2):
        n += 1
        if n >= enough:
            break
    return n


def _has_images(page: Any) -> bool:
    from pypdfium2 import raw

    return any(True for _ in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2))


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


def _assemble(pages: list[_Page]) -> list[Paragraph | Table]:
    groups = _stitch(pages)
    tables = {id(g[0]): build_table(g) for g in groups}
    continued = {id(f) for g in groups for f in g[1:]}
    doc_lines = [ln for p in pages for ln in p.lines]
    fallback = page_layout(doc_lines)
    blocks: list[Paragraph | Table] = []
    current: Paragraph | None = None
    prev: Line | None = None
    for p in pages:
        lay = page_layout(p.lines) if len(p.lines) >= 12 else fallback  # a page of its own margins
        items: list[tuple[float, Any]] = [(ln.top, ln) for ln in p.lines]
        items += [(f.top, f) for f in p.fragments if id(f) not in continued]
        for _top, item in sorted(items, key=lambda x: x[0]):
            if isinstance(item, Fragment):
                current, prev = None, None
                blocks.append(tables[id(item)])
                continue
            if current is None or starts_paragraph(item, prev, lay):
                current = Paragraph(item.text, page=item.page)
                blocks.append(current)
            else:
                current.text = join_lines(current.text, item.text)
            prev = item
    return blocks


def _stitch(pages: list[_Page]) -> list[list[Fragment]]:
    """Fragments grouped into tables: a fragment at the very bottom of a page and one at the very
    top of the next (nothing but page furniture in between) that `continues` it are one table."""
    groups: list[list[Fragment]] = []
    for i, p in enumerate(pages):
        for f in p.fragments:
            prev_page = pages[i - 1] if i > 0 else None
            if (groups and prev_page is not None and f is p.fragments[0] and prev_page.fragments
                    and groups[-1][-1] is prev_page.fragments[-1]
                    and not any(ln.top >= prev_page.fragments[-1].bottom - 1 for ln in prev_page.lines)
                    and not any(ln.bottom <= f.top + 1 for ln in p.lines)
                    and continues(groups[-1][-1], f)):
                groups[-1].append(f)
            else:
                groups.append([f])
    return groups
