"""`opengov-lint crawl` over the real corpus published as a site on 127.0.0.1: every corpus .html page is
a report page of the column, every .pdf/.docx is the attachment of a short detail page, the list is
split over list pages (createPageHTML), and an unrelated notice sits on each list page. Prints the
requests the server got, the smallest gap between two of them, the wall time, and whether the crawl
found every report and gives the same findings (code, message, location) as `check` on the files.

    python bench/crawl_corpus.py [--delay 0.1] [--per-page 4]
"""

from __future__ import annotations

import argparse
import contextlib
import html
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("OPENGOV_LINT_CORPUS", ROOT.parent / "shared" / "corpus"))
TYPES = {".html": "text/html", ".pdf": "application/pdf",
         ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def _reports() -> list[tuple[Path, str, int]]:
    rows = (CORPUS / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    out = []
    for row in rows:
        name, issuer, year = row.split("\t")[:3]
        path = CORPUS / name
        if path.suffix in TYPES and path.is_file() and year.isdigit():
            out.append((path, issuer, int(year)))
    synthetic = [CORPUS / "synthetic" / n for n in ("gongshu-synthetic.docx", "gongshu-synthetic.gbk.html",
                                                    "gongshu-synthetic.pdf")]
    out.extend((p, "杭州市拱墅区退役军人事务局", 2020) for p in synthetic if p.is_file())
    return out


def _site(reports: list[tuple[Path, str, int]], per_page: int) -> dict[str, tuple[str, bytes]]:
    routes: dict[str, tuple[str, bytes]] = {"/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /admin/\n")}
    pages = [reports[i:i + per_page] for i in range(0, len(reports), per_page)]
    for n, chunk in enumerate(pages):
        items = []
        for path, issuer, year in chunk:
            title = html.escape(f"{issuer}{year}年政府信息公开工作年度报告")
            name = urllib.parse.quote(path.name)
            if path.suffix == ".html":
                routes[f"/col/art/{name}"] = ("text/html", path.read_bytes())
                items.append(f'<li><a href="art/{name}">{title}</a></li>')
            else:
                routes[f"/files/{name}"] = (TYPES[path.suffix], path.read_bytes())
                page = (f'<html><head><meta charset="utf-8"><title>{title}</title></head><body><h1>{title}</h1>'
                        f'<p>附件：<a href="/files/{name}">{html.escape(path.name)}</a></p></body></html>')
                routes[f"/col/art/{name}.html"] = ("text/html", page.encode())
                items.append(f'<li><a href="art/{name}.html">{title}</a></li>')
        items.append(f'<li><a href="art/notice{n}.html">关于{2024 - n}年度政务公开考核的通知</a></li>')
        listing = (f'<html><head><meta charset="utf-8"></head><body><ul>{"".join(items)}</ul><script>'
                   f'createPageHTML({len(pages)}, {n}, "index", "html");</script></body></html>')
        routes["/col/index.html" if n == 0 else f"/col/index_{n}.html"] = ("text/html", listing.encode())
    routes["/col/"] = routes["/col/index.html"]
    return routes


@contextlib.contextmanager
def _serve(routes: dict[str, tuple[str, bytes]], log: list[tuple[float, str]]) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            log.append((time.monotonic(), self.path))
            ctype, body = routes.get(self.path, ("text/plain", b""))
            self.send_response(200 if self.path in routes else 404)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "opengov_lint", *args, "--output-format", "json", "--no-progress",
                           "--lang", "en"], capture_output=True, text=True, check=False)


def _help() -> str:
    return subprocess.run([sys.executable, "-m", "opengov_lint", "crawl", "--help"], capture_output=True, text=True,
                          check=False).stdout


_PATH = re.compile(r"(?:https?://[^\s()]+/|/[^\s()]+/)([^/\s()]+)")


def _key(f: dict[str, object], name: str) -> tuple[str, ...]:
    """A finding without where the file was: the file's name, and other reports named by their file name."""
    message = _PATH.sub(lambda m: urllib.parse.unquote(m.group(1)), str(f["message"]))
    return (name, str(f["code"]), message, json.dumps(f.get("location"), sort_keys=True))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--delay", type=float, default=0.1)
    ap.add_argument("--per-page", type=int, default=4)
    args = ap.parse_args()
    reports = _reports()
    log: list[tuple[float, str]] = []
    with tempfile.TemporaryDirectory() as save, _serve(_site(reports, args.per_page), log) as url:
        flags = ["--allow-private-urls"] if "--allow-private-urls" in _help() else []
        started = time.perf_counter()
        crawled = _cli("crawl", f"{url}/col/", "--delay", str(args.delay), "--save", save, *flags)
        wall = time.perf_counter() - started
        direct = _cli("check", *(str(p) for p, _, _ in reports))
        sidecars = {json.loads(p.read_text(encoding="utf-8"))["url"]: p.name[: -len(".source.json")]
                    for p in Path(save).rglob("*.source.json")}
    found = json.loads(crawled.stdout or "[]")
    urls = {f"{url}/col/art/{urllib.parse.quote(p.name)}" if p.suffix == ".html" else
            f"{url}/files/{urllib.parse.quote(p.name)}": p.name for p, _, _ in reports}
    gaps = [b - a for (a, _), (b, _) in itertools.pairwise(log)]
    per_file = {_key(f, urls.get(str(f["path"]), "?")) for f in found}
    direct_keys = {_key(f, Path(str(f["path"])).name) for f in json.loads(direct.stdout or "[]")}
    print(f"corpus reports published: {len(reports)} ({', '.join(sorted({p.suffix for p, _, _ in reports}))})")
    print(f"reports found and kept:   {len(sidecars)} (every one: {set(sidecars) == set(urls)})")
    print(f"requests to the server:   {len(log)}; notices or other pages fetched: "
          f"{sum(1 for _, p in log if 'notice' in p or p.startswith('/admin'))}")
    print(f"smallest gap between two requests: {min(gaps):.3f} s (--delay {args.delay})")
    print(f"crawl + check wall time:  {wall:.1f} s; exit {crawled.returncode}")
    print(f"findings: crawl {len(per_file)}, check on the files {len(direct_keys)}; "
          f"only in crawl {len(per_file - direct_keys)}, only in check {len(direct_keys - per_file)}")
    for k in sorted(per_file ^ direct_keys)[:10]:
        print("  differs:", k[:3])


if __name__ == "__main__":
    main()
