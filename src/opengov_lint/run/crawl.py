"""`opengov-lint crawl`: find the annual reports a site publishes in its report column and keep a copy
of each (the report page itself, or its .pdf/.doc/.docx/.wps/.ofd attachment) for one batch check.

Polite and safe by construction: every request goes through `run.sources.fetch` (size limit, timeout,
http(s) redirects only, the private-address policy); one request at a time, at least `delay` seconds
after the previous one to the same host; robots.txt is read (through the same fetch) before a host's
first page and obeyed; only the column's host (and hosts the user allows) is visited, and a redirect
elsewhere is dropped; at most `max_pages` requests per host. Only the column's list pages, the detail
pages whose link text names an annual report, and their attachments are fetched — nothing else.

Each copy gets a sidecar `NAME.source.json` (URL, fetch time, size, sha256, link text, column, unit,
and for an attachment the detail page it hangs on, with that page's text) as evidence: published pages
change, and `check DIR` on the saved folder gives the same findings."""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
import urllib.parse
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from opengov_lint.run.crawlpage import (
    Link,
    attachment_suffix,
    is_report_title,
    kind,
    list_pages,
    page_key,
    parse,
    report_attachments,
    report_year,
)
from opengov_lint.run.ignore import SIDECAR
from opengov_lint.run.sources import Fetched, FetchError, fetch

if TYPE_CHECKING:
    from collections.abc import Callable

AGENT = "opengov-lint"
MAX_CRAWL_DELAY = 30.0  # a robots.txt Crawl-delay is obeyed up to this many seconds
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass(slots=True)
class Column:
    url: str
    unit: str | None = None  # the unit's name (from `--from-list` URL<TAB>name): the reports' issuer


@dataclass(slots=True)
class CrawlOptions:
    folder: str  # where the copies are written (--save DIR, or a temporary folder)
    allow_hosts: tuple[str, ...] = ()
    delay: float = 1.0
    max_pages: int = 200
    years: tuple[int, int] | None = None
    max_bytes: int = 100 * 1024 * 1024
    timeout: float = 20.0
    allow_private: bool = False


@dataclass(slots=True)
class Found:
    url: str  # where the report was read (after redirects)
    file: str  # the local copy
    title: str
    year: int | None
    column: str
    unit: str | None


@dataclass(slots=True)
class Note:
    url: str
    zh: str
    en: str


@dataclass
class Crawler:
    options: CrawlOptions
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    say: Callable[[str, int, int, int], None] | None = None  # after each column: URL, list pages, reports, skipped
    found: list[Found] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    requests: int = 0
    _last: dict[str, float] = field(default_factory=dict)
    _count: dict[str, int] = field(default_factory=dict)
    _robots: dict[str, Any] = field(default_factory=dict)
    _slower: dict[str, float] = field(default_factory=dict)  # host -> robots.txt Crawl-delay (seconds)
    _seen: set[str] = field(default_factory=set)
    _capped: set[str] = field(default_factory=set)
    _names: set[str] = field(default_factory=set)
    _when: dict[str, str] = field(default_factory=dict)  # URL -> when it was fetched (UTC)

    # -- one column -----------------------------------------------------------------------------
    def crawl(self, columns: list[Column]) -> list[Found]:
        for column in columns:
            self._column(column)
        return self.found

    def _column(self, column: Column) -> None:
        hosts = {_host(column.url), *(h.lower() for h in self.options.allow_hosts)}
        queue, listed = [column.url], {page_key(column.url)}
        reports: dict[str, tuple[Link, str]] = {}  # report link -> (the link, the list page it is on)
        skipped, base = 0, column.url  # base: where the column really is (after a redirect of its URL)
        while queue:
            url = queue.pop(0)
            got = self._get(url, hosts, entry=url == column.url)
            if got is None:
                continue
            if url == column.url:
                base = got.final_url
            page = parse(got.data, got.final_url)
            for link in page.links:
                if link.url not in reports and is_report_title(link.text):
                    if self._wanted(link.text):
                        reports[link.url] = (link, got.final_url)
                    else:
                        skipped += 1
            listed.add(page_key(got.final_url))
            for nxt in list_pages(page, base):
                if page_key(nxt) not in listed:
                    listed.add(page_key(nxt))
                    queue.append(nxt)
        if not reports and not skipped:
            self._note(column.url, "该栏目中未找到年度报告链接（链接文字需含年份和“年度报告”或“年报”）",
                       "no annual-report links found in this column (link text with a year and 年度报告/年报)")
        for link, list_page in reports.values():
            self._report(link, column, hosts, {"list_page": list_page, "link": link.url})
        if self.say is not None:
            self.say(column.url, len(listed), len(reports), skipped)

    def _wanted(self, title: str) -> bool:
        year = report_year(title)
        years = self.options.years
        return years is None or (year is not None and years[0] <= year <= years[1])

    def _report(self, link: Link, column: Column, hosts: set[str], via: dict[str, Any]) -> None:
        got = self._get(link.url, hosts)
        if got is None:
            return
        if kind(got) != ".html":  # the link led straight to the file (2023.pdf, download.jsp?id=7)
            self._keep(got, link.text, column, via)
            return
        page = parse(got.data, got.final_url)
        attachments = report_attachments([a for a in page.links if attachment_suffix(a)])
        if not attachments:
            self._keep(got, link.text, column, via)  # the report is the page itself
            return
        via = {**via, "page": {"url": got.final_url, "fetched_at": self._when.get(got.final_url),
                               "html": _page_text(got.data)}}
        for att in attachments:
            got_att = self._get(att.url, hosts)
            if got_att is not None:
                title = att.text if is_report_title(att.text) else link.text
                self._keep(got_att, title, column, via)

    # -- requests -------------------------------------------------------------------------------
    def _get(self, url: str, hosts: set[str], entry: bool = False) -> Fetched | None:
        """One polite request, or None (with a note) when it is not allowed or fails. The column's own
        URL (ENTRY) may move to another host (x.gov.cn -> www.x.gov.cn): that host joins the column's."""
        if url in self._seen:
            return None
        self._seen.add(url)
        refusal = self._refused(url, hosts)
        if refusal is None:
            self._count[_host(url)] = self._count.get(_host(url), 0) + 1
            got, refusal = self._request(url, None if entry else hosts)
        if refusal is not None:
            if refusal.reason != "page-cap" or _host(url) not in self._capped:
                self._note(url, refusal.zh, str(refusal))
            if refusal.reason == "page-cap":
                self._capped.add(_host(url))
            return None
        assert got is not None
        hosts.add(_host(got.final_url))  # only an ENTRY can have moved: other hops were held to HOSTS
        return got

    def _refused(self, url: str, hosts: set[str] | None, robots: bool = True) -> FetchError | None:
        """Why URL may not be requested: another host than HOSTS (None: any), robots.txt, the page cap."""
        host = _host(url)
        if hosts is not None and host not in hosts:
            return FetchError("不在栏目所在网站，未访问（如需访问请用 --allow-host）",
                              "on another host than the column, not visited (use --allow-host)", "other-host")
        if robots and not self._robot(url).can_fetch(AGENT, url):
            return FetchError("网站的 robots.txt 不允许访问，已跳过", "disallowed by the site's robots.txt, skipped", "robots")
        if self._count.get(host, 0) >= self.options.max_pages:
            return FetchError(f"已达到每个网站最多{self.options.max_pages}个页面的上限（--max-pages），其余未访问",
                              f"reached the limit of {self.options.max_pages} pages per site (--max-pages)", "page-cap")
        return None

    def _request(self, url: str, hosts: set[str] | None, robots: bool = True
                 ) -> tuple[Fetched | None, FetchError | None]:
        """fetch() with the crawl's rules at every redirect hop: no loop, HOSTS (None: any), robots.txt,
        the page cap, and the delay before each hop as before each request."""
        chain = [url]

        def hop(target: str) -> None:
            if target in chain:
                path = " -> ".join([*chain, target])
                raise FetchError(f"网址重定向形成循环（{path}），已停止", f"a redirect loop ({path}), stopped",
                                 "redirect-loop")
            refusal = self._refused(target, hosts, robots)
            if refusal is not None:
                raise FetchError(f"跳转到 {target}：{refusal.zh}", f"redirected to {target}: {refusal}", refusal.reason)
            self._last[_host(chain[-1])] = self.clock()  # the redirect answer has just arrived
            chain.append(target)
            self._seen.add(target)
            self._count[_host(target)] = self._count.get(_host(target), 0) + 1
            self._wait(_host(target))
            self.requests += 1

        self._wait(_host(url))
        self.requests += 1
        try:
            got = fetch(url, self.options.max_bytes, self.options.timeout, allow_private=self.options.allow_private,
                        on_redirect=hop)
        except FetchError as exc:
            return None, exc
        finally:
            self._last[_host(chain[-1])] = self.clock()
        self._when[got.final_url] = _now()
        return got, None

    def _wait(self, host: str) -> None:
        """Sleep until `delay` (or the site's Crawl-delay) has passed since the last answer from HOST."""
        if host in self._last:
            wait = self._last[host] + max(self.options.delay, self._slower.get(host, 0.0)) - self.clock()
            if wait > 0:
                self.sleep(wait)

    def _robot(self, url: str) -> Any:
        """The host's robots.txt, read once (through the same fetch and delay). Missing (404 and other
        4xx): everything allowed; 401/403, a server error or no answer: nothing allowed (RFC 9309)."""
        from urllib.robotparser import RobotFileParser

        parts = urllib.parse.urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin in self._robots:
            return self._robots[origin]
        parser: Any = RobotFileParser(origin + "/robots.txt")
        got, error = self._request(origin + "/robots.txt", None, robots=False)
        if got is not None:
            from opengov_lint.readers.decode import decode

            parser.parse(decode(got.data)[0].splitlines())
            wanted = parser.crawl_delay(AGENT)
            if wanted:
                self._slower[_host(url)] = min(float(wanted), MAX_CRAWL_DELAY)
        else:
            code = getattr(getattr(error, "__cause__", None), "code", None)
            if error is not None and error.reason == "private-address":
                parser.allow_all = True  # the page itself is refused with the policy's own message
            elif isinstance(code, int) and 400 <= code < 500 and code not in (401, 403):
                parser.allow_all = True
            else:
                parser.disallow_all = True
                why_zh, why_en = (error.zh, str(error)) if error is not None else ("", "")
                self._note(origin + "/robots.txt", f"无法读取 robots.txt（{why_zh}），按规范不访问该网站",
                           f"robots.txt could not be read ({why_en}), so the site is not visited (RFC 9309)")
        self._robots[origin] = parser
        return parser

    # -- copies ---------------------------------------------------------------------------------
    def _keep(self, got: Fetched, title: str, column: Column, via: dict[str, Any]) -> None:
        suffix = kind(got)
        folder = os.path.join(self.options.folder, _safe(_host(got.final_url)))
        os.makedirs(folder, exist_ok=True)
        stem = title[: -len(suffix)] if title.lower().endswith(suffix) else title  # 2023年年报.pdf
        path = self._unique(os.path.join(folder, (_safe(stem)[:80] or "report")), suffix)
        with open(path, "wb") as fh:
            fh.write(got.data)
        sidecar: dict[str, Any] = {
            "url": got.final_url, "fetched_at": self._when.get(got.final_url), "bytes": len(got.data), "sha256": hashlib.sha256(got.data).hexdigest(),
            "title": title, "column": column.url, "unit": column.unit, **via}
        with open(path + SIDECAR, "w", encoding="utf-8") as fh:
            json.dump(sidecar, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        self.found.append(Found(got.final_url, path, title, report_year(title), column.url, column.unit))

    def _unique(self, stem: str, suffix: str) -> str:
        path, n = stem + suffix, 1
        while path in self._names or os.path.exists(path):
            n += 1
            path = f"{stem}-{n}{suffix}"
        self._names.add(path)
        return path

    def _note(self, url: str, zh: str, en: str) -> None:
        self.notes.append(Note(url, zh, en))


def _page_text(data: bytes) -> str:
    from opengov_lint.readers.decode import decode_html

    return decode_html(data)[0]


def _host(url: str) -> str:
    return (urllib.parse.urlsplit(url).netloc or "").lower()


def _safe(name: str) -> str:
    return _UNSAFE.sub("_", name).strip(" ._") or "_"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def parse_years(text: str) -> tuple[int, int]:
    """`2023-2025` or `2024` -> (first, last); ValueError otherwise."""
    m = re.fullmatch(r"\s*((?:19|20)\d{2})\s*(?:[-–~至]\s*((?:19|20)\d{2}))?\s*", text)
    if not m:
        raise ValueError(f"--years must be a year or a range such as 2023-2025 (got {text!r})")
    first, last = int(m.group(1)), int(m.group(2) or m.group(1))
    if first > last:
        raise ValueError(f"--years: {first} is after {last}")
    return first, last


def read_columns(path: str) -> list[Column]:
    """`--from-list`: one column URL per line, optionally `URL<TAB>unit name`; # comments, blank lines."""
    from opengov_lint.run.sources import read_list

    out = []
    for line in read_list(path):
        url, _, unit = line.partition("\t")
        out.append(Column(url.strip(), unit.strip() or None))
    return out


def write_manifest(found: list[Found], folder: str) -> str | None:
    """`manifest.csv` in the saved folder (path relative to it, issuer) for the reports whose unit was
    named, so that `check DIR --manifest DIR/manifest.csv` reads them as the crawl did."""
    import csv

    rows = [(os.path.relpath(f.file, folder), f.unit) for f in found if f.unit]
    if not rows:
        return None
    path = os.path.join(folder, "manifest.csv")
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["path", "issuer"])
        writer.writerows(rows)
    return path
