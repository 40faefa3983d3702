"""Where the files of a batch come from: paths, directories (recursive, include/exclude globs), list
files (`--from-list`), stdin and http(s) URLs. URLs are fetched only when the user gives them, with a
timeout, a size limit and at most a few redirects; nothing else ever touches the network."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

STDIN = "-"
URL_PREFIXES = ("http://", "https://")
MAX_REDIRECTS = 5


def is_url(path: str) -> bool:
    return path.lower().startswith(URL_PREFIXES)


def _matches(rel: str, patterns: Iterable[str]) -> bool:
    name = os.path.basename(rel)
    rel = rel.replace(os.sep, "/")
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, f"*/{p}")
               for p in patterns)


def read_list(path: str) -> list[str]:
    """One path or URL per line; blank lines and lines starting with # are ignored."""
    from opengov_lint.fsutil import read_limited_text

    text = read_limited_text(path, "utf-8-sig")  # OSError (too large, a device) or ValueError (not UTF-8)
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def failed_paths(findings_json: str, fail_on: str = "error") -> list[str]:
    """The files of an earlier `--output-format json` (or jsonl) run that failed (a finding at or above
    `fail_on`), each once, in order: `check --from-failed FINDINGS.json` re-checks only those. Raises ValueError on a file that is
    not such an output."""
    import json

    with open(findings_json, encoding="utf-8-sig") as fh:
        text = fh.read()
    stripped = text.lstrip()
    items = json.loads(text) if stripped.startswith("[") else [json.loads(ln) for ln in text.splitlines() if ln.strip()]
    if not isinstance(items, list) or any(not isinstance(d, dict) or "path" not in d for d in items):
        raise ValueError("not the JSON output of opengov-lint check (an array of findings with a path)")
    from opengov_lint.findings import SEVERITY_RANK

    floor = SEVERITY_RANK.get(fail_on, 99)
    failed = (str(d["path"]) for d in items if SEVERITY_RANK.get(str(d.get("severity")), 0) >= floor)
    return [p for p in dict.fromkeys(failed) if p != "<stdin>"]


def expand(paths: Iterable[str], include: Iterable[str] = (), exclude: Iterable[str] = (),
           suffixes: set[str] | None = None) -> Iterator[str]:
    """Files named directly are always checked (unless excluded); directories are walked in sorted
    order without following symlinked folders, hidden entries skipped, for report suffixes (or the
    `include` globs when given), leaving out what `.gitignore`/`.opengov-lintignore` ignore and the
    tool's own files (run/ignore.py). Inside a walked folder a symlinked file is taken only when it points
    inside the walked folder: a link to /etc/passwd is skipped (with a note on stderr), so a shared
    folder cannot make the tool read (and publish) other files. Pipes, devices and sockets are refused
    by the reader (OG901) without being opened."""
    from opengov_lint.readers import CHECKABLE

    allowed = suffixes or CHECKABLE
    include, exclude = list(include), list(exclude)
    for p in paths:
        if p == STDIN or is_url(p):
            yield p
            continue
        if not os.path.isdir(p):
            if not exclude or not _matches(p, exclude):
                yield p
            continue
        yield from _walk(p, allowed, include, exclude)


def _every(path: str) -> bool:
    return True


def collect(paths: Iterable[str], include: Iterable[str] = (), exclude: Iterable[str] = (),
            keep: Callable[[str], bool] = _every) -> Sequence[str]:
    """The files to check, sorted and each once (stdin first), those `keep` refuses left out: in a
    temporary file (run/pathlist.py), not as a string per file for the whole run."""
    from opengov_lint.run.pathlist import PathList

    files = list(expand(paths, include, exclude))
    files.sort()  # sorted in place: no second container the size of the batch
    head = [STDIN] if STDIN in files and keep(STDIN) else []
    return PathList(chain(head, _unique_kept(files, keep, STDIN)))


def _unique_kept(ordered: list[str], keep: Callable[[str], bool], skip: str) -> Iterator[str]:
    prev = None
    for f in ordered:
        if f != prev and f != skip and keep(f):
            yield f
        prev = f


def _walk(top: str, allowed: set[str], include: list[str], exclude: list[str]) -> Iterator[str]:
    from opengov_lint.run.ignore import Ignores, tool_dir, tool_file

    ignores = Ignores()

    def skipped(full: str, is_dir: bool) -> bool:
        name = os.path.basename(full)
        return (name.startswith(".") or (is_dir and tool_dir(name))
                or bool(exclude and _matches(os.path.relpath(full, top), exclude)) or ignores.ignored(full, is_dir))

    real_top = os.path.realpath(top)
    for root, dirs, files in os.walk(top, followlinks=False):
        ignores.enter(root)
        dirs[:] = sorted(d for d in dirs if not skipped(os.path.join(root, d), True))
        for f in sorted(files):
            full = os.path.join(root, f)
            if skipped(full, False) or not _inside(full, real_top):
                continue
            if include:
                if _matches(os.path.relpath(full, top), include):
                    yield full
            elif os.path.splitext(f)[1].lower() in allowed and not tool_file(full):
                yield full


def _inside(full: str, top: str) -> bool:
    """False for a symlink whose target lies outside the walked tree TOP (a note goes to stderr).
    Pipes, devices and sockets are kept: the reader refuses them (OG901 `not-a-file`) without opening."""
    import sys

    if not os.path.islink(full):
        return True
    real = os.path.realpath(full)
    if os.path.commonpath([real, top]) == top:
        return True
    sys.stderr.write(f"opengov-lint: skipped {full}: a symlink to a file outside the checked folder\n")
    return False


@dataclass(slots=True)
class Fetched:
    data: bytes
    name: str  # a file name with a suffix that helps sniffing (from the URL or the content type)
    final_url: str


class FetchError(Exception):
    def __init__(self, zh: str, en: str, reason: str) -> None:
        super().__init__(en)
        self.zh, self.en, self.reason = zh, en, reason


_TYPES = {"text/html": ".html", "application/pdf": ".pdf", "text/plain": ".txt", "application/json": ".json",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
          "application/x-yaml": ".yaml", "text/yaml": ".yaml", "text/markdown": ".md"}


def refused_address(ip: str) -> bool:
    """Loopback, private, link-local, reserved, multicast or unspecified (also IPv4 inside IPv6)."""
    import ipaddress

    try:
        addr = ipaddress.ip_address(ip.split("%")[0])
    except ValueError:
        return True
    mapped = getattr(addr, "ipv4_mapped", None) or getattr(addr, "sixtofour", None)
    if mapped is not None:
        addr = mapped
    return bool(addr.is_loopback or addr.is_private or addr.is_link_local or addr.is_reserved
                or addr.is_multicast or addr.is_unspecified or not addr.is_global)


def _private_error(url: str, where: str) -> FetchError:
    return FetchError(
        f"网址 {url} 指向本机或内部网络地址（{where}），为防止读取内部服务，已拒绝下载；如确需检查，请加 --allow-private-urls",
        f"{url} resolves to a loopback, private, link-local or reserved address ({where}); refused "
        "(use --allow-private-urls to allow it)", "private-address")


def _check_host(url: str) -> None:
    """Every address the URL's host resolves to must be public (each redirect hop is checked too)."""
    import socket
    import urllib.parse

    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80),
                                   proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError) as exc:
        raise FetchError(f"下载失败：无法解析域名 {host}", f"download failed: cannot resolve {host} ({exc})",
                         "network-error") from exc
    for info in infos:
        ip = str(info[4][0])
        if refused_address(ip):
            raise _private_error(url, ip)


def _guarded_opener(allow_private: bool, on_redirect: Callable[[str], None] | None = None) -> object:
    """urllib opener: http(s) redirects only (at most MAX_REDIRECTS); unless allow_private, the host of
    the request and of every redirect is resolved and refused when not public, and the address the
    connection really reached is checked again (a DNS answer that changes between the two)."""
    import http.client
    import urllib.error
    import urllib.request

    class _Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = MAX_REDIRECTS

        def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
            if not is_url(newurl):
                raise urllib.error.HTTPError(newurl, code, "redirect to a non-http(s) address refused", headers, fp)
            if not allow_private:
                _check_host(newurl)
            if on_redirect is not None:
                try:
                    on_redirect(newurl)
                except FetchError:
                    fp.close()
                    raise
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    def _peer_checked(base: type[http.client.HTTPConnection]) -> Any:
        class Conn(base):  # type: ignore[valid-type, misc]
            def connect(self) -> None:
                super().connect()
                if not allow_private and getattr(self, "_tunnel_host", None) is None:
                    peer = self.sock.getpeername()[0]
                    if refused_address(peer):
                        self.sock.close()
                        raise _private_error(f"{self.host}", peer)
        return Conn

    class _Http(urllib.request.HTTPHandler):
        def http_open(self, req):  # type: ignore[no-untyped-def]
            return self.do_open(_peer_checked(http.client.HTTPConnection), req)

    class _Https(urllib.request.HTTPSHandler):
        def https_open(self, req):  # type: ignore[no-untyped-def]
            return self.do_open(_peer_checked(http.client.HTTPSConnection), req,
                                context=self._context)  # type: ignore[attr-defined]

    return urllib.request.build_opener(_Redirects(), _Http(), _Https())


def fetch(url: str, max_bytes: int, timeout: float = 20.0, allow_private: bool = False,
          on_redirect: Callable[[str], None] | None = None) -> Fetched:
    """ON_REDIRECT sees each redirect target (after the private-address check) before it is requested
    and may refuse it (FetchError): the crawler's own rules (hosts, robots.txt, delay, no loops) per hop."""
    import urllib.error
    import urllib.parse
    import urllib.request

    if not allow_private:
        _check_host(url)
    opener: Any = _guarded_opener(allow_private, on_redirect)
    req = urllib.request.Request(url, headers={"User-Agent": "opengov-lint (report checker)"})
    try:
        with opener.open(req, timeout=timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"网页文件大小{int(length)}字节，超过上限{max_bytes}字节（max_bytes），未下载",
                                 f"the document is {length} bytes, over the {max_bytes}-byte limit", "size-limit")
            data = resp.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise FetchError(f"网页文件超过上限{max_bytes}字节（max_bytes），未下载完",
                                 f"the document is over the {max_bytes}-byte limit", "size-limit")
            final = resp.geturl()
            ctype = (resp.headers.get("Content-Type") or "").split(";")[0].strip().lower()
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchError(f"下载失败：服务器返回 HTTP {exc.code}", f"download failed: HTTP {exc.code}", "http-error") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, FetchError):  # refused by the connection check
            raise exc.reason from exc
        raise FetchError(f"下载失败：{exc.reason}（请检查网址和网络，或先下载到本地再检查）", f"download failed: {exc.reason}",
                         "network-error") from exc
    except (OSError, ValueError) as exc:
        raise FetchError(f"下载失败：{exc}（请检查网址和网络，或先下载到本地再检查）", f"download failed: {exc}",
                         "network-error") from exc
    name = os.path.basename(urllib.parse.urlparse(final).path) or "index"
    if not os.path.splitext(name)[1] and ctype in _TYPES:
        name += _TYPES[ctype]
    return Fetched(data, name, final)
