"""From pages of lines and table fragments to the document's blocks, for every reader of fixed-layout
pages (PDF, OFD): page furniture dropped, tables continued across pages stitched into one, lines
joined into paragraphs by indentation and where the previous line ended."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from opengov_lint.model import Paragraph, Table
from opengov_lint.readers.geometry import Fragment
from opengov_lint.readers.geomstitch import FlowPage, build_table, stitch
from opengov_lint.readers.pdftext import Line, drop_furniture, join_lines, page_layout, starts_paragraph


@dataclass(slots=True)
class PageRead:
    """One page as read: its running-text lines and its table fragments."""

    number: int
    height: float
    lines: list[Line] = field(default_factory=list)
    fragments: list[Fragment] = field(default_factory=list)
    image_only: bool = False
    unmapped: int = 0  # glyphs without a usable character (a font with no Unicode mapping)
    glyphs: int = 0
    damaged: str | None = None  # the page could not be read
    scanned: bool = False  # a page image read by OCR (readers.scanpages)


def drop_page_furniture(pages: list[PageRead]) -> None:
    kept = drop_furniture([p.lines for p in pages], [p.height for p in pages])
    for p, lines in zip(pages, kept, strict=False):
        p.lines = lines


def _flow(pages: list[PageRead]) -> list[FlowPage]:
    return [FlowPage(p.fragments, [(ln.top, ln.bottom) for ln in p.lines]) for p in pages]


def assemble(pages: list[PageRead]) -> list[Paragraph | Table]:
    groups = stitch(_flow(pages))
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
