"""Reading the pages of a published annual-report column (for `opengov-lint crawl`): the links of a
page, which of them are annual reports (by their text or title), which are the column's other list
pages (下一页, numbered pages, index_1.html, ?page=2, `createPageHTML(n, i, "index", "html")`), which
are a detail page's attachments (.pdf/.doc/.docx/.wps/.ofd), and what a download is by its bytes.

Pure functions over bytes: nothing here touches the network."""

from __future__ import annotations

import posixpath
import re
import urllib.parse
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from opengov_lint.run.sources import Fetched

ATTACHMENT_SUFFIXES = (".pdf", ".doc", ".docx", ".wps", ".ofd")

_CN_DIGITS = {"〇": "0", "○": "0", "零": "0", "Ｏ": "0", "O": "0", "一": "1", "二": "2", "三": "3", "四": "4",
              "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_CN_YEAR = re.compile(r"二[〇○零ＯO][一二三四五六七八九〇○零ＯO]{2}")
_REPORT = re.compile(r"年度报告|年报|年度工作报告")
_DISCLOSURE = re.compile(r"信息公开")
# annual reports on other subjects that share a site's report column now and then
_OTHER_SUBJECT = re.compile(r"法治政府|预算|决算|统计公报|审计|财务|社会责任|环境信息|质量报告|履职")
_NEXT = re.compile(r"^(?:下一?页|后一?页|next|›|»|>|>>)$", re.IGNORECASE)
_PAGE_WORD = re.compile(r"^(?:\[?\d{1,4}\]?|首页|尾页|末页|上一?页|前一?页|第\s*\d+\s*页)$")
_PAGED_NAME = re.compile(r"^(?P<stem>[\w-]+?)_\d{1,4}\.(?:s?html?)$")
_PAGE_QUERY = re.compile(r"(?:^|&)(?:page|pageno|pagenum|pageindex|curpage|p|pn)=\d{1,4}(?:&|$)", re.IGNORECASE)
_INDEX = re.compile(r"^(?:index|default)\.(?:s?html?|jsp|php|aspx?)$", re.IGNORECASE)
_CREATE_PAGE = re.compile(r"createPageHTML\s*\(([^)]*)\)")
_COUNT_VAR = re.compile(r"\b(?:countPage|pageCount|totalPage)\s*=\s*(\d{1,4})")


@dataclass(slots=True, frozen=True)
class Link:
    url: str  # absolute, without the fragment
    text: str  # the link's text, or its title attribute when the text says nothing


@dataclass(slots=True)
class Page:
    url: str
    title: str = ""
    links: list[Link] = field(default_factory=list)
    scripts: str = ""


def parse(data: bytes, url: str) -> Page:
    """The page's links (absolute, http(s) only, in document order) and its inline scripts. A page
    that does not parse is a page without links."""
    from lxml import etree, html

    from opengov_lint.readers.decode import decode_html

    text, _ = decode_html(data)
    page = Page(url)
    try:
        root = html.document_fromstring(text.encode("utf-8"),
                                        parser=html.HTMLParser(encoding="utf-8", no_network=True))
    except (etree.ParserError, ValueError):
        return page
    base = root.find(".//base[@href]")
    base_url = urllib.parse.urljoin(url, base.get("href", "")) if base is not None else url
    title = root.find(".//title")
    page.title = _squash(title.text_content()) if title is not None else ""
    page.links = [link for a in root.iter("a") if (link := _link(a, base_url)) is not None]
    page.scripts = "\n".join(s.text or "" for s in root.iter("script"))
    return page


def _link(a: Any, base_url: str) -> Link | None:
    href = (a.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
        return None
    absolute = urllib.parse.urldefrag(urllib.parse.urljoin(base_url, href))[0]
    if not absolute.lower().startswith(("http://", "https://")):
        return None
    label, title = _squash(a.text_content()), _squash(a.get("title") or "")
    # list pages cut long titles (2023年某某区政府信息公开…) and keep the whole one in title=
    return Link(absolute, title if len(title) > len(label) else label)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u3000", " ").replace("\xa0", " ")).strip()


def report_year(text: str) -> int | None:
    """The year a title names (2023年…, 二〇二三年…), or None."""
    m = _YEAR.search(text)
    if m:
        return int(m.group(1))
    m = _CN_YEAR.search(text)
    return int("".join(_CN_DIGITS[c] for c in m.group(0))) if m else None


def is_report_title(text: str) -> bool:
    """An annual report on government information disclosure: 年度报告/年报 with a year, and not an
    annual report on another subject (法治政府建设年度报告, 预决算) unless it says 信息公开."""
    if not _REPORT.search(text) or report_year(text) is None:
        return False
    return bool(_DISCLOSURE.search(text)) or not _OTHER_SUBJECT.search(text)


def attachment_suffix(link: Link) -> str | None:
    """.pdf/.doc/.docx/.wps/.ofd from the link's path, or from its text (download?id=… 报告.pdf)."""
    path = urllib.parse.urlsplit(link.url).path.lower()
    for candidate in (path, link.text.lower().strip()):
        for suffix in ATTACHMENT_SUFFIXES:
            if candidate.endswith(suffix):
                return suffix
    return None


def in_column(url: str, column: str) -> bool:
    """Same host and under the column's folder: where a column's own list pages live."""
    a, b = urllib.parse.urlsplit(url), urllib.parse.urlsplit(column)
    if a.netloc.lower() != b.netloc.lower():
        return False
    folder = b.path if b.path.endswith("/") else posixpath.dirname(b.path) + "/"
    return a.path.startswith(folder) or a.path == b.path


def list_pages(page: Page, column: str) -> list[str]:
    """The column's other list pages this page leads to: 下一页 and numbered page links, links to
    index_N.html or ?page=N in the column's folder, and the pages a `createPageHTML(count, current,
    "index", "html")` script would write."""
    out: list[str] = []
    for link in page.links:
        if not in_column(link.url, column) or link.url == page.url:
            continue
        if _NEXT.match(link.text) or _PAGE_WORD.match(link.text) or _is_paged(link.url):
            out.append(link.url)
    out += _script_pages(page)
    return list(dict.fromkeys(u for u in out if u != page.url))


def _is_paged(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    return bool(_PAGED_NAME.match(posixpath.basename(parts.path)) or _PAGE_QUERY.search(parts.query))


def _script_pages(page: Page) -> list[str]:
    """createPageHTML(10, 0, "index", "html") (count, current, name, suffix) and its variant with a
    container id first, createPageHTML('page_div', 10, 1, 'fwxx', 'htm', 190): page 0 is index.html,
    page i is index_i.html, in the folder of the page."""
    m = _CREATE_PAGE.search(page.scripts)
    if not m:
        return []
    args = [a.strip() for a in m.group(1).split(",")]
    quoted = [a[1:-1] for a in args if _quoted(a)]
    first = 1 if _quoted(args[0]) else 0  # a container id comes first: drop it
    quoted = quoted[first:]
    if len(args) <= first + 1 or len(quoted) < 2 or not re.fullmatch(r"[\w.-]+", quoted[0] + quoted[1]):
        return []
    count = _page_count(args[first], page.scripts)
    stem, suffix = quoted[0], quoted[1]
    current = int(args[first + 1]) if args[first + 1].isdigit() else None  # the page showing: not fetched again
    folder = urllib.parse.urljoin(page.url, ".")
    names = [f"{stem}.{suffix}"] + [f"{stem}_{i}.{suffix}" for i in range(1, min(count, 1000))]
    return [urllib.parse.urljoin(folder, n) for i, n in enumerate(names) if i != current]


def _page_count(arg: str, scripts: str) -> int:
    """createPageHTML(5, …), or createPageHTML(countPage, …) with `var countPage = 5` in the page."""
    if arg.isdigit():
        return int(arg)
    var = re.search(rf"\b{re.escape(arg)}\s*=\s*(\d{{1,4}})\b", scripts) or _COUNT_VAR.search(scripts)
    return int(var.group(1)) if var else 0


def page_key(url: str) -> str:
    """A list page's identity: a folder and its index.html (default.htm, index.shtml…) are one page."""
    parts = urllib.parse.urlsplit(url)
    if _INDEX.match(posixpath.basename(parts.path)) and not parts.query:
        return urllib.parse.urlunsplit(parts._replace(path=posixpath.dirname(parts.path).rstrip("/") + "/",
                                                      fragment=""))
    return url


def _quoted(arg: str) -> bool:
    return len(arg) >= 2 and arg[0] in "'\"" and arg[-1] == arg[0]


def kind(got: Fetched) -> str:
    """The suffix the copy is saved under: by the bytes first (a download.jsp that serves a PDF), then by
    the name (the zip of .docx and .ofd, the OLE file of .doc and .wps), an HTML page otherwise."""
    name = posixpath.splitext(got.name)[1].lower()
    head = got.data[:8]
    if head.startswith(b"%PDF"):
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        return name if name in (".docx", ".ofd") else _zip_kind(got.data)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return name if name in (".doc", ".wps") else ".doc"
    return name if name in (".txt", ".md", ".json", ".yaml", ".yml") else ".html"


def _zip_kind(data: bytes) -> str:
    """A zip served under a name that does not say: OFD.xml at the root is an OFD, else a Word package."""
    import io
    import zipfile

    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()  # the central directory only: nothing inflated
    except (zipfile.BadZipFile, OSError, ValueError):
        return ".docx"
    return ".ofd" if "OFD.xml" in names else ".docx"


def report_attachments(attachments: list[Link]) -> list[Link]:
    """The attachments that are the report: those whose text or file name names an annual report;
    failing that, a page's only attachment. Several unnamed attachments: the page is the report."""
    named = [a for a in attachments
             if is_report_title(a.text) or is_report_title(urllib.parse.unquote(posixpath.basename(urllib.parse.urlsplit(a.url).path)))]
    if named:
        return list({a.url: a for a in named}.values())
    return attachments if len({a.url for a in attachments}) == 1 else []
