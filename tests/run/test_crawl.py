"""`opengov-lint crawl` against a site served on 127.0.0.1 made here: a report column of two list pages
(the second reached through a `createPageHTML` script), reports as an HTML page, as a PDF attachment
and as a page linking a .docx, an unrelated notice, a broken link, a redirect loop, a report under a
robots.txt Disallow and one on another host. The server logs every request it gets."""

from __future__ import annotations

import contextlib
import itertools
import json
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import EXAMPLES, run_cli

from opengov_lint.run.crawlpage import Link, Page, is_report_title, list_pages, page_key, parse, report_year

if TYPE_CHECKING:
    from collections.abc import Iterator

DELAY = 0.2
T22 = "东山县交通运输局2022年政府信息公开工作年度报告"
T23 = "某某区人民政府2023年政府信息公开工作年度报告"
T24 = "兰溪县市场监督管理局2024年政府信息公开工作年度报告"


def _page(title: str, body: str) -> bytes:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>'
            f'<div class="nav"><a href="/">首页</a> <a href="/col/">年报栏目</a></div>{body}'
            '<div class="foot">主办单位：某某区人民政府办公室</div></body></html>').encode()


def _site() -> dict[str, tuple[int, dict[str, str], bytes]]:
    from pdfreport import report_pdf

    from opengov_lint.authoring import docx_writer, html_writer
    from opengov_lint.load import load_report

    html_report = html_writer.render(load_report(str(EXAMPLES / "dongshan-county-transport-2022.yaml")))
    docx = docx_writer.render(load_report(str(EXAMPLES / "lanxi-county-market-regulation-2024.yaml")))
    html = {"Content-Type": "text/html; charset=utf-8"}
    item = '<li><a href="{}" title="{}">{}</a><span>2024-01-20</span></li>'
    page1 = _page("政府信息公开年报", "<ul>" + "".join([
        item.format("./202401/t2022.html", T22, T22[:12] + "…"),
        item.format("/col/202401/t2023.html", T23, T23),
        item.format("./202403/notice.html", "关于2024年春季植树活动的通知", "关于2024年春季植树活动的通知"),
    ]) + '</ul><div id="page"></div><script>createPageHTML(2, 0, "index", "html");</script>')
    page2 = _page("政府信息公开年报", "<ul>" + "".join([
        item.format("./202402/t2024.html", T24, T24),
        item.format("./202402/gone.html", "2021年政府信息公开工作年度报告", "2021年政府信息公开工作年度报告"),
        item.format("./202402/loop.html", "2020年政府信息公开工作年度报告", "2020年政府信息公开工作年度报告"),
        item.format("/private/2019.html", "2019年政府信息公开工作年度报告", "2019年政府信息公开工作年度报告"),
        item.format("./202402/moved.html", "2017年政府信息公开工作年度报告", "2017年政府信息公开工作年度报告"),
        item.format("http://files.example.invalid/2018.pdf", "2018年政府信息公开工作年度报告",
                    "2018年政府信息公开工作年度报告"),
    ]) + '</ul><a href="index.html">上一页</a>')
    return {
        "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"),
        "/col/": (200, html, page1),
        "/col/index.html": (200, html, page1),
        "/col/index_1.html": (200, html, page2),
        "/col/202401/t2022.html": (200, html, html_report.encode()),
        "/col/202401/t2023.html": (200, html, _page(T23, f'<h1>{T23}</h1><p>全文见附件。</p><p>附件：'
                                                    '<a href="/files/2023.pdf">2023年年报.pdf</a></p>')),
        "/files/2023.pdf": (200, {"Content-Type": "application/pdf"}, report_pdf()),
        "/col/202403/notice.html": (200, html, _page("通知", "<p>植树</p>")),
        "/col/202402/t2024.html": (200, html, _page(T24, f'<h1>{T24}</h1><p>附件：<a href="/files/'
                                                    '%E5%B9%B4%E6%8A%A5.docx">年报.docx</a></p>')),
        "/files/%E5%B9%B4%E6%8A%A5.docx": (200, {"Content-Type": "application/octet-stream"}, docx),
        "/col/202402/loop.html": (302, {"Location": "/col/202402/loop2.html"}, b""),
        "/col/202402/loop2.html": (302, {"Location": "/col/202402/loop.html"}, b""),
        "/private/2019.html": (200, html, _page("2019", "<p>不应被访问</p>")),
        "/col/202402/moved.html": (301, {"Location": "/private/2017.html"}, b""),  # robots.txt holds at every hop
        "/private/2017.html": (200, html, _page("2017", "<p>不应被访问</p>")),
    }


@dataclass
class Site:
    url: str
    log: list[tuple[float, str]] = field(default_factory=list)

    def paths(self) -> list[str]:
        return [p for _, p in self.log]


@contextlib.contextmanager
def _serve(routes: dict[str, tuple[int, dict[str, str], bytes]]) -> Iterator[Site]:
    """A single-threaded HTTP server on 127.0.0.1 answering from ROUTES (404 otherwise), logging each request."""
    state = Site("")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.log.append((time.monotonic(), self.path))
            status, headers, body = routes.get(self.path, (404, {"Content-Type": "text/html"}, b"not found"))
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_port}"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with _serve(_site()) as state:
        yield state


@pytest.fixture(scope="module")
def crawled(site: Site, tmp_path_factory: pytest.TempPathFactory) -> tuple[object, Path, list[tuple[float, str]]]:
    """One crawl of the column, saved, as JSON; the server's log of that crawl."""
    save = tmp_path_factory.mktemp("saved")
    site.log.clear()
    result = run_cli("crawl", f"{site.url}/col/", "--delay", str(DELAY), "--save", str(save),
                     "--output-format", "junit", "--no-progress", "--lang", "en", *PRIVATE)
    return result, save, list(site.log)


def _cases(junit: str) -> dict[str, list[str]]:
    """JUnit output: file -> the texts of its findings (failures, then other findings)."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(junit)
    return {c.get("name", ""): sorted((e.text or "") for e in c if e.tag in ("failure", "system-out"))
            for c in root.iter("testcase")}


PRIVATE = ("--allow-private-urls",)  # the test site is on 127.0.0.1


def test_every_report_found_and_checked(crawled: tuple[object, Path, list[tuple[float, str]]], site: Site) -> None:
    result, _, _ = crawled
    assert result.returncode == 1, result.stderr  # type: ignore[attr-defined]
    cases = _cases(result.stdout)  # type: ignore[attr-defined]
    assert set(cases) == {f"{site.url}/col/202401/t2022.html", f"{site.url}/files/2023.pdf",
                          f"{site.url}/files/%E5%B9%B4%E6%8A%A5.docx"}
    # each was read as a report (nothing unreadable); the 2022 page's table errors reached the rules
    assert not [t for texts in cases.values() for t in texts if "OG901" in t]
    assert any("OG301" in t for t in cases[f"{site.url}/col/202401/t2022.html"])
    assert "3 annual report(s) found" in result.stderr  # type: ignore[attr-defined]
    assert f"{site.url}/col/: 2 list page(s), 8 report link(s)" in result.stderr  # type: ignore[attr-defined]


def test_nothing_else_fetched(crawled: tuple[object, Path, list[tuple[float, str]]]) -> None:
    _, _, log = crawled
    paths = [p for _, p in log]
    assert paths == ["/robots.txt", "/col/", "/col/index_1.html", "/col/202401/t2022.html",
                     "/col/202401/t2023.html", "/files/2023.pdf", "/col/202402/t2024.html",
                     "/files/%E5%B9%B4%E6%8A%A5.docx", "/col/202402/gone.html",
                     "/col/202402/loop.html", "/col/202402/loop2.html",  # the loop is stopped at its first repeat
                     "/col/202402/moved.html"]  # its redirect into /private/ is not followed


def test_notes_say_what_was_skipped(crawled: tuple[object, Path, list[tuple[float, str]]], site: Site) -> None:
    result, _, _ = crawled
    err = result.stderr  # type: ignore[attr-defined]
    assert f"{site.url}/col/202402/gone.html: download failed: HTTP 404" in err
    assert f"{site.url}/private/2019.html: disallowed by the site's robots.txt" in err
    assert "http://files.example.invalid/2018.pdf: on another host" in err
    assert (f"{site.url}/col/202402/loop.html: a redirect loop ({site.url}/col/202402/loop.html -> "
            f"{site.url}/col/202402/loop2.html -> {site.url}/col/202402/loop.html), stopped") in err
    assert (f"{site.url}/col/202402/moved.html: redirected to {site.url}/private/2017.html: disallowed by the "
            "site's robots.txt") in err
    assert "12 request(s), 3 annual report(s) found" in err


def test_delay_between_requests(crawled: tuple[object, Path, list[tuple[float, str]]]) -> None:
    _, _, log = crawled
    gaps = [b - a for (a, _), (b, _) in itertools.pairwise(log)]  # every request, redirect hops included
    assert len(gaps) == 11
    assert min(gaps) >= DELAY, gaps


def test_saved_copies_and_sidecars(crawled: tuple[object, Path, list[tuple[float, str]]], site: Site) -> None:
    result, save, _ = crawled
    files = sorted(p.name for p in save.rglob("*") if p.is_file())
    host = save / f"127.0.0.1_{urllib.parse.urlsplit(site.url).port}"
    assert files == sorted([f"{T22}.html", f"{T22}.html.source.json", "2023年年报.pdf", "2023年年报.pdf.source.json",
                            f"{T24}.docx", f"{T24}.docx.source.json"])
    side = json.loads((host / "2023年年报.pdf.source.json").read_text(encoding="utf-8"))
    assert side["url"] == f"{site.url}/files/2023.pdf"
    assert side["column"] == f"{site.url}/col/"
    assert side["page"]["url"] == f"{site.url}/col/202401/t2023.html"
    assert "全文见附件" in side["page"]["html"]
    assert side["list_page"] == f"{site.url}/col/"
    assert side["link"] == f"{site.url}/col/202401/t2023.html"
    assert side["fetched_at"].endswith("+00:00")
    assert side["page"]["fetched_at"] <= side["fetched_at"]
    assert side["bytes"] == (host / "2023年年报.pdf").stat().st_size
    assert len(side["sha256"]) == 64
    # a later `check DIR` gives the same findings (the sidecars are not reports)
    again = run_cli("check", str(save), "--output-format", "junit", "--no-progress", "--lang", "en")
    by_url = {f"{site.url}/col/202401/t2022.html": f"{T22}.html", f"{site.url}/files/2023.pdf": "2023年年报.pdf",
              f"{site.url}/files/%E5%B9%B4%E6%8A%A5.docx": f"{T24}.docx"}
    crawl_cases = {by_url[k]: v for k, v in _cases(result.stdout).items()}  # type: ignore[attr-defined]
    assert {Path(k).name: v for k, v in _cases(again.stdout).items()} == crawl_cases
    assert sum(map(len, crawl_cases.values())) >= 4


def test_from_list_names_the_unit_and_years_limit(site: Site, tmp_path: Path) -> None:
    """The unit named in the list is every report's issuer, so the cross-year rules compare its 2023
    and 2024 reports (OG601: the 2024 carried-over row against what 2023 carried forward)."""
    listing = tmp_path / "columns.txt"
    listing.write_text(f"# 区县年报栏目\n{site.url}/col/\t清河区人民政府\n", encoding="utf-8")
    save = tmp_path / "saved"
    site.log.clear()
    result = run_cli("crawl", "--from-list", str(listing), "--years", "2023-2024", "--delay", "0", "--save",
                     str(save), "--output-format", "json", "--no-progress", "--lang", "en", *PRIVATE)
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)
    docx = f"{site.url}/files/%E5%B9%B4%E6%8A%A5.docx"
    assert {f["path"] for f in findings} == {docx, f"{site.url}/files/2023.pdf"}
    carry = [f for f in findings if f["code"] == "OG601" and f["path"] == docx]
    assert carry
    assert all("the 2023 report carried forward" in f["message"] for f in carry)
    # the 2024 report is a 市场监督管理局's: OG406 (a people's government's duty) applies only as the unit's
    assert any(f["code"] == "OG406" and f["path"] == docx for f in findings)
    text = run_cli("crawl", "--from-list", str(listing), "--years", "2023-2024", "--delay", "0", "--no-progress",
                   "--lang", "en", *PRIVATE)
    assert "清河区人民政府 · 2024" in text.stdout
    assert "does not exist" not in text.stdout  # the unit's reports, keyed by URL, are not 'missing'
    assert "Completeness: all 2 listed report(s) present" in text.stdout
    assert "/col/202401/t2022.html" not in site.paths()
    assert "/col/202402/gone.html" not in site.paths()
    manifest = (save / "manifest.csv").read_text(encoding="utf-8").splitlines()
    assert manifest[0] == "path,issuer"
    assert len(manifest) == 3
    assert all(r.endswith(",清河区人民政府") for r in manifest[1:])
    # the saved folder with its manifest reads the same
    again = run_cli("check", str(save), "--manifest", str(save / "manifest.csv"), "--output-format", "json",
                    "--no-progress", "--lang", "en")
    assert sorted(f["message"] for f in json.loads(again.stdout)) == sorted(f["message"].replace(
        f"{site.url}/files/2023.pdf", str(next(save.rglob("*.pdf")))) for f in findings)


def test_max_pages_caps_requests(site: Site) -> None:
    site.log.clear()
    result = run_cli("crawl", f"{site.url}/col/", "--delay", "0", "--max-pages", "2", "--no-progress", *PRIVATE)
    assert result.returncode == 2
    assert "--max-pages" in result.stderr
    assert site.paths() == ["/robots.txt", "/col/", "/col/index_1.html"]


def test_crawl_delay_of_robots_and_a_download_link_serving_a_pdf() -> None:
    """robots.txt asks for 1 s between requests: obeyed although --delay is 0. The report link is a
    download.jsp that serves the PDF: read as a PDF (by its bytes), not as a page."""
    from pdfreport import report_pdf

    title = "某某区人民政府2023年政府信息公开工作年度报告"
    routes = {
        "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nCrawl-delay: 1\n"),
        "/col/": (200, {"Content-Type": "text/html"}, _page("年报", f'<a href="download.jsp?id=7">{title}</a>')),
        "/col/download.jsp?id=7": (200, {"Content-Type": "application/octet-stream"}, report_pdf()),
    }
    with _serve(routes) as small:
        result = run_cli("crawl", f"{small.url}/col/", "--delay", "0", "--output-format", "junit", "--no-progress",
                         "--lang", "en", *PRIVATE)
    assert small.paths() == ["/robots.txt", "/col/", "/col/download.jsp?id=7"]
    starts = [t for t, _ in small.log]
    assert min(b - a for a, b in itertools.pairwise(starts)) >= 1.0
    cases = _cases(result.stdout)
    assert list(cases) == [f"{small.url}/col/download.jsp?id=7"], result.stderr
    assert not [t for t in cases[f"{small.url}/col/download.jsp?id=7"] if "OG901" in t]


def test_column_url_that_moves_to_another_host(site: Site) -> None:
    """localhost/old/ answers 302 to 127.0.0.1/col/ (x.gov.cn -> www.x.gov.cn): the column's new host and
    folder are followed, every report found."""
    port = urllib.parse.urlsplit(site.url).port
    with _serve({"/old/": (302, {"Location": f"{site.url}/col/"}, b"")}) as mover:
        moved = f"http://localhost:{urllib.parse.urlsplit(mover.url).port}/old/"
        result = run_cli("crawl", moved, "--delay", "0", "--output-format", "junit", "--no-progress", "--lang", "en",
                         *PRIVATE)
    assert f"127.0.0.1:{port}" not in moved
    assert set(_cases(result.stdout)) == {
        f"{site.url}/col/202401/t2022.html", f"{site.url}/files/2023.pdf", f"{site.url}/files/%E5%B9%B4%E6%8A%A5.docx"}


def test_private_address_refused_without_the_option(site: Site) -> None:
    """The site is on 127.0.0.1: without --allow-private-urls not one request reaches it."""
    site.log.clear()
    result = run_cli("crawl", f"{site.url}/col/", "--delay", "0", "--no-progress", "--lang", "en")
    assert result.returncode == 2
    assert site.paths() == []
    assert "resolves to a loopback, private, link-local or reserved address" in result.stderr


def test_unreachable_site_is_a_note_and_exit_2() -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = run_cli("crawl", f"http://127.0.0.1:{port}/col/", "--delay", "0", "--no-progress", "--lang", "en",
                     *PRIVATE)
    assert result.returncode == 2
    assert f"http://127.0.0.1:{port}/robots.txt: robots.txt could not be read (download failed:" in result.stderr
    assert "no annual reports found to check" in result.stderr


def test_kind_of_a_download_by_its_bytes(tmp_path: Path) -> None:
    import io
    import zipfile

    from opengov_lint.run.crawlpage import kind
    from opengov_lint.run.sources import Fetched

    def zipped(name: str) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr(name, "<x/>")
        return buf.getvalue()

    assert kind(Fetched(b"%PDF-1.7\n", "download.jsp", "u")) == ".pdf"
    assert kind(Fetched(zipped("OFD.xml"), "getfile", "u")) == ".ofd"
    assert kind(Fetched(zipped("word/document.xml"), "getfile", "u")) == ".docx"
    assert kind(Fetched(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a.wps", "u")) == ".wps"
    assert kind(Fetched(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "file", "u")) == ".doc"
    assert kind(Fetched(b"<html>", "t2023.shtml", "u")) == ".html"


# -- the page analysis on its own -------------------------------------------------------------------
def test_report_titles() -> None:
    assert is_report_title(T23)
    assert is_report_title("2023年度报告")
    assert is_report_title("二〇二三年政府信息公开年报")
    assert not is_report_title("关于2024年春季植树活动的通知")
    assert not is_report_title("政府信息公开工作年度报告")  # no year
    assert not is_report_title("2023年法治政府建设年度报告")
    assert report_year("二〇二三年政府信息公开年报") == 2023


def test_pagination_forms() -> None:
    col = "http://h/col/"
    page = Page("http://h/col/index.html", links=[
        Link("http://h/col/index_2.html", "下一页"), Link("http://h/col/list?page=3", "3"),
        Link("http://h/col/index_4.html", "尾页"), Link("http://h/other/index_1.html", "下一页"),
        Link("http://h/col/202401/t1.html", "2023年年度报告")],
        scripts='var countPage = 3; createPageHTML(countPage, 0, "index", "shtml");')
    assert list_pages(page, col) == ["http://h/col/index_2.html", "http://h/col/list?page=3",
                                     "http://h/col/index_4.html",
                                     "http://h/col/index_1.shtml", "http://h/col/index_2.shtml"]  # not page 0 again
    gov = Page("http://h/col/fwxx.htm", scripts="createPageHTML('page_div',3, 0,'fwxx','htm',190);")
    assert list_pages(gov, col) == ["http://h/col/fwxx_1.htm", "http://h/col/fwxx_2.htm"]
    assert page_key("http://h/col/index.html") == page_key("http://h/col/") == "http://h/col/"
    assert page_key("http://h/col/Default.aspx") == "http://h/col/"
    assert page_key("http://h/col/index_1.html") == "http://h/col/index_1.html"


def test_parse_gbk_page_and_titles() -> None:
    data = ('<html><head><meta charset="gbk"><base href="http://h/a/"></head><body>'
            '<a href="x.html" title="2023年某某区政府信息公开工作年度报告">2023年某某区…</a>'
            '<a href="javascript:void(0)">x</a><a href="#top">顶部</a></body></html>').encode("gbk")
    page = parse(data, "http://h/other/")
    assert page.links == [Link("http://h/a/x.html", "2023年某某区政府信息公开工作年度报告")]
