"""The parts of a government-CMS page around the report: where the article body is, its title and
its publication date.

The body is found by text mass, not by a list of CMS class names: starting from <body>, descend
into the child that holds nearly all of the page's non-link text (navigation, footers and share
widgets are mostly links or little text) as long as it keeps every data table. The article title
usually sits just above the body (`<h1 class="art_title">`), so it is taken from there."""

from __future__ import annotations

import re
from typing import Any

from opengov_lint.readers.textutil import collapse_html_space, has_cjk

_DROP = frozenset({"script", "style", "noscript", "iframe", "object", "embed", "template", "svg", "math", "select",
                   "button", "input", "textarea", "head", "title", "meta", "link", "canvas", "audio", "video",
                   "map", "option"})
_WIDGET = re.compile(r"share|jiathis|bdshare|bshare|qrcode|erweima", re.IGNORECASE)
_WIDGET_WORDS = ("share", "jiathis", "qrcode", "erweima")  # every _WIDGET match holds one of these
_TITLEISH = re.compile(r"title|biaoti|bt\b", re.IGNORECASE)
_DIGITS = re.compile(r"^[\s\u00a0\u3000]*[-+]?\d[\d,.]*\s*(?:万元|元)?[\s\u00a0]*$")
_SHARE = 0.85  # a child holding this share of the text is where the article is
_PUB_TEXT = re.compile(
    r"(?:发布时间|发布日期|公开日期|发文日期|发布于)\s*[:：]?\s*((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})")
_PUB_META = ("pubdate", "publishdate", "firstpublishedtime", "publishedtime", "article:published_time",
             "og:article:published_time", "dc.date.issued", "dcterms.issued", "dc.date", "publish_date")


def _tag(el: Any) -> str:
    t = el.tag
    return t.lower() if isinstance(t, str) else ""


def published_date(root: Any) -> str | None:
    """ISO date from <meta name="PubDate">-like tags, else from 发布时间/发布日期 on the page."""
    from opengov_lint.recognise.meta import iso_date

    for m in root.iter("meta"):
        name = (m.get("name") or m.get("property") or m.get("itemprop") or "").strip().lower()
        if name in _PUB_META:
            iso = iso_date(m.get("content") or "")
            if iso:
                return iso
    body = root.find("body")
    text = text_of(body if body is not None else root)
    hit = _PUB_TEXT.search(text)
    return iso_date(hit.group(1)) if hit else None


_TITLE_META = ("articletitle", "og:title", "dc.title", "dcterms.title")
_PUBLISHER_META = ("contentsource", "dc.publisher", "dcterms.publisher", "publisher")


def _meta_content(root: Any, names: tuple[str, ...]) -> str | None:
    found: dict[str, str] = {}
    for m in root.iter("meta"):
        name = (m.get("name") or m.get("property") or "").strip().lower()
        content = collapse_html_space(m.get("content") or "").strip()
        if name in names and content and name not in found:
            found[name] = content
    return next((found[n] for n in names if n in found), None)


def page_publisher(root: Any) -> str | None:
    """The issuing organ the page's metadata states (`<meta name="ContentSource">`, the 发布机构 of
    government CMS pages); recognise.meta accepts it only when it reads as an organ."""
    return _meta_content(root, _PUBLISHER_META)


def page_title(root: Any) -> str | None:
    """The article title of the page metadata (`<meta name="ArticleTitle">`), else `<title>` cut at
    the site name (`XX报告_XX人民政府网`)."""
    meta = _meta_content(root, _TITLE_META)
    if meta and has_cjk(meta):
        return meta
    t = root.find(".//title")
    if t is None or not (t.text or "").strip():
        return None
    parts = [p.strip() for p in re.split(r"[_|｜]| - | — |——", t.text) if p.strip()]
    for p in parts:
        if "报告" in p:
            return p
    return parts[0] if parts else None


_STRING: Any = None


def text_of(el: Any) -> str:
    """All text under an element (not its tail): XPath string(), in C, ~3x "".join(el.itertext())."""
    global _STRING
    if _STRING is None:
        from lxml import etree

        _STRING = etree.XPath("string()")
    return str(_STRING(el))


def _names_widget(names: str) -> bool:
    """_WIDGET.search(names), quicker: its IGNORECASE is ASCII case unless the text has one of the
    three letters it also folds into i and s (İ ı ſ), and every match holds one of _WIDGET_WORDS."""
    if "\u0130" in names or "\u0131" in names or "\u017f" in names:
        return _WIDGET.search(names) is not None
    low = names.lower()
    return any(w in low for w in _WIDGET_WORDS)


def _clean(root: Any) -> None:
    """Unwanted elements and share widgets out, the text after each (its tail) kept: lxml's own
    strip_elements for the tags, then the few elements whose class or id names a widget."""
    from lxml import etree

    etree.strip_elements(root, *_DROP, with_tail=False)
    names = root.xpath("descendant::*/@class | descendant::*/@id", smart_strings=False)
    if not _names_widget("\n".join(names)):  # no widget named on the page (the usual case): one search
        return
    for el in root.xpath(".//*[@class or @id]"):
        if _WIDGET.search(f'{el.get("class") or ""} {el.get("id") or ""}'):
            _drop(el)


def _drop(el: Any) -> None:
    """Remove an element but keep the text after it (its tail)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _is_data_table(table: Any) -> bool:
    """Two rows with two numbers each (a row is read only until its second number)."""
    rows = 0
    for tr in table.iter("tr"):
        nums = 0
        for td in tr:
            if _tag(td) in ("td", "th") and _DIGITS.match(text_of(td) if len(td) else (td.text or "")):
                nums += 1
                if nums == 2:
                    rows += 1
                    break
        if rows >= 2:
            return True
    return False


def _chars(text: str | None) -> int:
    return len("".join(text.split())) if text else 0


def _weight(el: Any) -> int:
    """Non-link text of an element: every non-space character under it, less the text of its links
    (an <a>'s own text and its children, not the text after them)."""
    w = _chars(text_of(el))
    nested = _nested_links(el)  # (else no link can be inside another: no ancestors to walk)
    for a in el.iter("a"):
        if nested and _in_link(a, el):
            continue  # inside an outer link, already taken away
        w -= _chars(a.text) + sum(_chars(text_of(c)) for c in a if _tag(c))
    return w


_NESTED: Any = None


def _nested_links(el: Any) -> bool:
    """A link inside a link at or below el (XPath, in C)."""
    global _NESTED
    if _NESTED is None:
        from lxml import etree

        _NESTED = etree.XPath("boolean(descendant-or-self::a//a)")
    return bool(_NESTED(el))


def _in_link(a: Any, el: Any) -> bool:
    """An <a> ancestor of `a` lies at or below `el`."""
    if a is el:
        return False
    for x in a.iterancestors():
        if _tag(x) == "a":
            return True
        if x is el:
            return False
    return False


def _table_path(body: Any) -> set[Any] | None:
    """The data tables' lowest common ancestor and every element above it (None: no data table)."""
    common: list[Any] | None = None
    for t in body.iter("table"):
        if not _is_data_table(t):
            continue
        chain = [t, *t.iterancestors()][::-1]  # root first
        if common is None:
            common = chain
        else:
            n = 0
            while n < min(len(common), len(chain)) and common[n] is chain[n]:
                n += 1
            common = common[:n]
    return None if common is None else set(common)


def _step(cur: Any, w_cur: int, path: set[Any] | None) -> tuple[Any, int] | None:
    """The child of `cur` holding nearly all its text and every data table, with its weight; None
    when no child does."""
    kids = [c for c in cur if _tag(c) and _tag(c) not in ("table", "tr", "p")]
    if not kids:
        return None
    if path is not None and _tag(cur) != "a":
        on = next((c for c in kids if c in path), None)
        if on is None:
            return None
        w = _weight(on)
        if w > 0 and w >= _SHARE * w_cur:  # then it holds more than all its siblings together
            return on, w
    return _heaviest(kids, w_cur, path)


def _heaviest(kids: list[Any], w_cur: int, path: set[Any] | None) -> tuple[Any, int] | None:
    """The general case of _step: weigh every child."""
    weights = [_weight(c) for c in kids]
    i = max(range(len(kids)), key=weights.__getitem__)
    if weights[i] < _SHARE * w_cur or (path is not None and kids[i] not in path):
        return None
    return kids[i], weights[i]


def find_body(root: Any) -> tuple[Any, tuple[str, int | None] | None]:
    """(the element holding the article, (title, line) when the title sits outside it).

    From <body>, descend into the child holding nearly all of the non-link text as long as it keeps
    every data table, i.e. stays on the way to the data tables' lowest common ancestor; only the
    children of the elements on that way are weighed, not every element of the page."""
    body = root.find("body")
    if body is None:
        body = root
    _clean(body)
    path = _table_path(body)
    cur, w_cur = body, _weight(body)
    while (nxt := _step(cur, w_cur, path)) is not None:
        cur, w_cur = nxt
    _drop_link_lists(cur)
    if cur is body:
        return body, None
    return cur, _title_above(cur)


def _drop_link_lists(container: Any) -> None:
    """Navigation left inside the chosen body (menus, 'related articles', breadcrumbs): a list or
    box of three or more links whose text is mostly link text."""
    for el in list(container.iter("ul", "ol", "nav", "div", "aside", "footer", "header", "table", "dl")):
        if el is container or el.getparent() is None:
            continue
        links = el.findall(".//a")
        if len(links) < 3:
            continue
        total = _chars(text_of(el))
        linked = sum(_chars(text_of(a)) for a in links)
        if total and linked >= 0.7 * total:
            _drop(el)


def _title_above(container: Any) -> tuple[str, int | None] | None:
    """The nearest heading before the container (h1-h3 or a *title* element), unless the
    container starts with the same words."""
    el = container
    for _ in range(3):
        for sib in el.itersiblings(preceding=True):
            tag = _tag(sib)
            ident = f'{sib.get("class") or ""} {sib.get("id") or ""}'
            if tag in ("h1", "h2", "h3") or (tag and _TITLEISH.search(ident)):
                text = collapse_html_space(text_of(sib)).strip()
                if 4 <= len(text) <= 120 and has_cjk(text):
                    # without any white space, as collapse_html_space would only have shrunk it
                    head = "".join(text_of(container).split())[: len(text) * 2]
                    if "".join(text.split()) in head:
                        return None
                    return text, sib.sourceline
        el = el.getparent()
        if el is None or _tag(el) == "body":
            break
    return None
