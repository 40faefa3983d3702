"""HTML pages: a report as published on a government website, in any charset.

The bytes are decoded first (decode.decode_html) and lxml parses the decoded *text*. The article
body is found inside the CMS page (htmlpage.find_body), then walked in document order: block
elements and `<br>` end a paragraph, tables become grids with rowspan/colspan resolved, `&nbsp;`
-only cells are blank, and every paragraph and cell keeps the source line it starts on."""

from __future__ import annotations

from typing import Any

from opengov_lint.model import Cell, Document, Paragraph, Table
from opengov_lint.readers.decode import decode_html
from opengov_lint.readers.errors import ReadError
from opengov_lint.readers.grid import Grid
from opengov_lint.readers.htmlpage import find_body, page_publisher, page_title, published_date, text_of
from opengov_lint.readers.limits import current, exceeded
from opengov_lint.readers.textutil import collapse_html_space, is_page_number

BLOCK = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article",
    "header", "footer", "blockquote", "pre", "center", "address", "tr", "td", "th", "tbody", "thead", "tfoot",
    "form", "fieldset", "hr", "main", "aside", "nav", "figure", "figcaption", "caption", "body", "html",
})
_ASCII_WS = " \t\r\n\f"
_STRIP = " \t\r\n\f\u00a0"  # NBSP is layout in HTML; the ideographic space U+3000 is typed text, kept


def read(path: str, data: bytes, fmt: str = "html") -> Document:
    text, _enc = decode_html(data)
    root = parse(text)
    _check_tables(root)
    doc = Document(path=path, format=fmt)
    doc.published = published_date(root)
    doc.publisher = page_publisher(root)
    body, title = find_body(root)
    walker = _Walker()
    if title is not None:
        walker.blocks.append(Paragraph(title[0], line=title[1], style="h1"))
    walker.walk(body)
    walker.flush()
    doc.blocks = [b for b in walker.blocks if not (isinstance(b, Paragraph) and is_page_number(b.text))]
    # the page's own statement of its title (metadata, <title>) first: the heading above the body is a
    # paragraph of the document already, where recognise.meta finds it
    doc.title = page_title(root) or (title[0] if title is not None else None)
    return doc


def _check_tables(root: Any) -> None:
    """Cell count and table nesting, before any grid is built."""
    lim = current()
    for cells, _ in enumerate(root.iter("td", "th"), start=1):
        if cells > lim.max_cells:
            raise exceeded("网页中的表格单元格数", "number of table cells in the page", "max_cells", cells, lim.max_cells)
    for table in root.iter("table"):
        depth = sum(1 for a in table.iterancestors("table")) + 1
        if depth > lim.max_nesting:
            raise exceeded("表格嵌套层数", "depth of tables nested in tables", "max_nesting", depth, lim.max_nesting)


def parse(text: str) -> Any:
    """Parse decoded text with lxml (no network, no huge trees, comments and PIs dropped)."""
    from lxml import etree

    if text.lstrip().startswith("<?xml"):
        text = text[text.find("?>") + 2:]  # lxml refuses a str that still declares an encoding
    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=False,
                              recover=True)
    try:
        root = etree.fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        root = None
        detail = str(exc)
    else:
        detail = "no content"
    if root is None:
        raise ReadError("网页内容为空或无法解析，未能检查", f"the HTML page is empty or cannot be parsed: {detail}",
                        reason="html-parse")
    return root


def _collapsed(text: str, strip: str) -> str:
    """collapse_html_space(text).strip(strip), `strip` holding all ASCII white space: the white space
    at the ends goes first (it would become a space that strip drops), so a cell or paragraph that
    only has layout white space around it (the usual case) needs no regex pass."""
    return collapse_html_space(text.strip(_ASCII_WS)).strip(strip)


def _tag(el: Any) -> str:
    t = el.tag
    return t.lower() if isinstance(t, str) else ""


class _Walker:
    """Walks the body in document order, turning it into paragraphs and tables."""

    def __init__(self, strip: str = _STRIP + "\u3000") -> None:
        self.strip = strip  # paragraphs drop indentation; cells keep a typed ideographic space
        self.blocks: list[Paragraph | Table] = []
        self.buf: list[str] = []
        self.line: int | None = None
        self.style: str | None = None

    def add(self, text: str | None, line: int | None) -> None:
        if not text:
            return
        if self.line is None and text.strip(_STRIP):
            self.line = line
        self.buf.append(text)

    def flush(self) -> None:
        if self.buf:
            text = _collapsed("".join(self.buf), self.strip)
            if text:
                self.blocks.append(Paragraph(text, line=self.line, style=self.style))
            self.buf = []
        self.line, self.style = None, None

    def walk(self, el: Any) -> None:
        tag = _tag(el)
        if tag == "table":
            self.flush()
            self.table(el)
            return
        if tag == "br":
            self.flush()
            return
        block = tag in BLOCK
        if block:
            self.flush()
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "li"):
                self.style = tag
        line = el.sourceline
        self.add(el.text, line)
        for child in el:
            if isinstance(child.tag, str):
                self.walk(child)
            tail = child.tail
            if tail:
                self.add(tail, child.sourceline or line)
        if block:
            self.flush()

    def table(self, el: Any) -> None:
        rows = table_rows(el)
        cells = [c for r in rows for c in r]
        if len(cells) <= 1 or (_has_table(el) and any(c.find(".//table") is not None for c in cells)):
            for c in cells:  # a layout table (the article in a one-cell box, or tables inside tables)
                self.walk(c)
                self.flush()
            return
        caption = el.find("caption")
        if caption is not None:
            self.walk(caption)
            self.flush()
        table = html_table(rows)
        table.line = el.sourceline
        if table.rows:
            self.blocks.append(table)


def _has_table(el: Any) -> bool:
    """A table anywhere under el (one test in C; the cells are asked only then)."""
    return next(el.iterdescendants("table"), None) is not None


def table_rows(table: Any) -> list[list[Any]]:
    """The <tr> of this table (not of nested ones), each as its list of <td>/<th> elements."""
    out: list[list[Any]] = []
    for child in table:
        tag = _tag(child)
        if tag in ("thead", "tbody", "tfoot"):
            out.extend([c for c in tr if _tag(c) in ("td", "th")] for tr in child if _tag(tr) == "tr")
        elif tag == "tr":
            out.append([c for c in child if _tag(c) in ("td", "th")])
    return out


def _span(raw: str | None) -> int:
    """A rowspan/colspan attribute's number (1 when absent or not a number)."""
    if raw is None:
        return 1
    raw = (raw or "1").strip().rstrip(";")
    try:
        n = int(float(raw))
    except ValueError:
        return 1
    return n if n >= 0 else 1


def html_table(rows: list[list[Any]]) -> Table:
    """The HTML table model: each cell goes to the first free slot of its row, covering
    rowspan x colspan slots; rowspan=0 runs to the end of the table."""
    grid = Grid()
    slots = grid.slots
    nrows = len(rows)
    for r, tds in enumerate(rows):
        c = 0
        for td in tds:
            while (r, c) in slots:
                c += 1
            get = td.get
            rowspan, colspan = _span(get("rowspan")), _span(get("colspan")) or 1
            cell = Cell(cell_text(td), line=td.sourceline)
            if rowspan == colspan == 1:
                grid.place_one(cell, r, c)
                c += 1
                continue
            if rowspan == 0:
                rowspan = nrows - r
            rowspan = min(rowspan, nrows - r)
            grid.place(cell, r, c, rowspan, colspan)
            c += colspan
    return Table(grid.rows(nrows), ragged=False)


_BREAKS = BLOCK | {"br", "table"}
_BLOCK_CHILD = BLOCK - {"table"}


def _plain_cell(td: Any) -> Any | None:
    """The element whose text is the whole cell, when the cell holds one paragraph of inline text
    (`<td>12</td>`, Word's `<td><p><span>12</span></p></td>`): the common case, read without the
    paragraph walker. None when the cell has line breaks, several blocks or a table."""
    kids = [td[0]] if len(td) == 1 else [c for c in td if isinstance(c.tag, str)]
    inner = td
    if len(kids) == 1:
        tag = kids[0].tag
        if isinstance(tag, str) and tag.lower() in _BLOCK_CHILD:
            if (td.text or "").strip(_STRIP) or (kids[0].tail or "").strip(_STRIP):
                return None
            inner = kids[0]
    for el in inner.iterdescendants():
        if el.tag in _BREAKS:  # the HTML parser gives lower-case tag names
            return None
    return inner


def cell_text(td: Any) -> str:
    """A cell's text: paragraphs and <br> become line breaks; NBSP-only means blank."""
    if not len(td):  # `<td>12</td>`: nothing but text
        text = td.text
        return _collapsed(text, _STRIP) if text else ""
    inner = _plain_cell(td)
    if inner is not None:  # one paragraph of inline text: HTML white space collapsed
        return _collapsed(text_of(inner) if len(inner) else (inner.text or ""), _STRIP)
    return _walked_text(td)


def _walked_text(td: Any) -> str:
    """A cell of several paragraphs, line breaks or tables, through the paragraph walker."""
    walker = _Walker(_STRIP)
    walker.walk(td)
    walker.flush()
    lines = [b.text for b in walker.blocks if isinstance(b, Paragraph)]
    for b in walker.blocks:  # a table inside a data cell: keep its text, row by row
        if isinstance(b, Table):
            lines.extend(" ".join(dict.fromkeys(c.text for c in row if c.text)) for row in b.rows)
    return "\n".join(s for s in (x.strip(_STRIP) for x in lines) if s)
