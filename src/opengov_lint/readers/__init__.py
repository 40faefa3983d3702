"""Readers: one module per format. They only read: bytes -> Document. The canonical YAML/JSON form
is already a Report and is read by `opengov_lint.canonical.reader` (see `opengov_lint.load`).
Format is chosen by content first, suffix second. Each reader module is imported only when a file
of its format is read (fast start-up)."""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from opengov_lint.readers.errors import ReadError as ReadError  # re-exported: the error of every reader

if TYPE_CHECKING:
    from opengov_lint.model import Document

SUFFIXES = {
    ".txt": "txt", ".text": "txt", ".yaml": "yaml", ".yml": "yaml", ".json": "json", ".html": "html",
    ".htm": "html", ".shtml": "html", ".xhtml": "html", ".docx": "docx", ".pdf": "pdf", ".md": "md",
    ".markdown": "md", ".doc": "doc", ".wps": "wps", ".ofd": "ofd", ".xls": "xls", ".xlsx": "xlsx",
}
# Formats a batch picks up from a directory (the others are reported when named explicitly).
CHECKABLE = {".txt", ".yaml", ".yml", ".json", ".html", ".htm", ".shtml", ".docx", ".pdf", ".md", ".doc", ".wps",
             ".ofd"}
_MODULES = {"txt": "txt", "md": "md", "html": "html", "docx": "docx", "pdf": "pdf", "ofd": "ofd", "doc": "office",
            "wps": "office"}
_TIMED = frozenset({"pdf", "ofd", "doc", "wps"})  # readers that take a `deadline`
STRUCTURED = ("yaml", "json")  # the canonical report: opengov_lint.canonical.reader, not a Document reader
DEFAULT_MAX_BYTES = 100 * 1024 * 1024


@dataclass(slots=True)
class ReadOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    limits: Any = None  # readers.limits.Limits; None = the defaults


def sniff(path: str, head: bytes) -> str:
    """Decide the format from the first bytes, falling back to the suffix."""
    suffix = SUFFIXES.get(os.path.splitext(path)[1].lower())
    if head.startswith(b"%PDF-"):
        return "pdf"
    package = _package(head, suffix)
    if package:
        return package
    probe = head[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"<!doctype html", b"<html")) and suffix not in ("yaml", "json"):
        return "html"
    if suffix is None and probe.startswith((b"<?xml", b"<head", b"<body", b"<meta", b"<div", b"<table", b"<p")):
        return "html"
    if suffix in ("yaml", "json", "md", "html", "docx", "pdf", "doc", "wps", "ofd", "xls", "xlsx"):
        return suffix
    if probe.startswith(b"{") or b"schema: opengov-lint/report" in probe:
        return "json" if probe.startswith(b"{") else "yaml"
    return "txt"


def _package(head: bytes, suffix: str | None) -> str | None:
    if head.startswith(b"PK\x03\x04"):  # a zip package: OOXML (WPS may save a .docx as .wps) or OFD
        if suffix == "ofd" or _first_entry(head) == b"OFD.xml":
            return "ofd"
        return "xlsx" if suffix == "xlsx" else "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: Word 97-2003, WPS, Excel
        return suffix if suffix in ("xls", "wps") else "doc"
    return None


def _first_entry(head: bytes) -> bytes:
    """The name of a zip's first local entry."""
    n = int.from_bytes(head[26:28], "little") if len(head) >= 30 else 0
    return head[30:30 + n]


def read_bytes(path: str, data: bytes, fmt: str | None = None, limits: Any = None,
               deadline: float | None = None) -> Document:
    """Bytes of a document format (not the canonical YAML/JSON) -> Document. `deadline` (a
    `time.monotonic()` value): readers that loop over pages or run a converter stop with the timeout
    error (OG901, reason "timeout") once it has passed."""
    if limits is not None:
        from opengov_lint.readers.limits import reset, use

        token = use(limits)
        try:
            return _dispatch(path, data, fmt, deadline)
        finally:
            reset(token)
    return _dispatch(path, data, fmt, deadline)


def _dispatch(path: str, data: bytes, fmt: str | None, deadline: float | None = None) -> Document:
    fmt = fmt or sniff(path, data[:8192])
    if fmt in STRUCTURED:
        raise ValueError("the canonical YAML/JSON report is read by opengov_lint.load.load_report")
    if fmt in ("xls", "xlsx"):
        raise _unsupported(fmt)
    try:
        module = importlib.import_module(f"opengov_lint.readers.{_MODULES.get(fmt, fmt)}")
    except ModuleNotFoundError as exc:
        raise ReadError(f"此安装不支持读取 {fmt} 格式（缺少 {exc.name}）", f"this installation cannot read {fmt} ({exc.name})",
                        reason="unsupported-format") from exc
    result: Document = (module.read(path, data, fmt, deadline=deadline) if fmt in _TIMED
                        else module.read(path, data, fmt))
    _check_size(result)
    return result


def _check_size(doc: Document) -> None:
    """Limits every reader shares, checked before recognition spends time on the document."""
    from opengov_lint.readers.limits import current, exceeded

    lim = current()
    n = sum(len(row) for t in doc.tables for row in t.rows)
    if n > lim.max_cells:
        raise exceeded("文档中的表格单元格数", "number of table cells in the document", "max_cells", n, lim.max_cells)
    chars = sum(len(p.text) for p in doc.paragraphs)
    if chars > lim.max_chars:
        raise exceeded("文档的文字字符数", "characters of text in the document", "max_chars", chars, lim.max_chars)


def read_path(path: str, options: ReadOptions | None = None) -> Document:
    options = options or ReadOptions()
    return read_bytes(path, read_file(path, options.max_bytes), limits=options.limits)


def read_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file, read-only and under the size limit (checked before reading)."""
    import stat

    try:
        st = os.stat(path)
    except OSError as exc:
        raise ReadError(_os_message(exc), f"cannot open the file: {exc.strerror or exc}", reason="os-error") from exc
    if not stat.S_ISREG(st.st_mode):
        raise ReadError("不是普通文件（可能是文件夹、管道或设备），未读取", "not a regular file (a folder, pipe or device)",
                        reason="not-a-file")
    size = st.st_size
    if size > max_bytes:
        raise ReadError(
            f"文件大小为{size / 1048576:.1f} MB，超过上限{max_bytes / 1048576:.0f} MB（max_bytes），未读取；"
            "如确需检查，请在配置中调高上限",
            f"the file is {size / 1048576:.1f} MB, over the {max_bytes / 1048576:.0f} MB limit (max_bytes)",
            reason="size-limit")
    try:
        # read-only, and never blocking: a file swapped for a FIFO after the check above is refused too
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with open(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise ReadError("不是普通文件（可能是文件夹、管道或设备），未读取",
                                "not a regular file (a folder, pipe or device)", reason="not-a-file")
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise ReadError(_os_message(exc), f"cannot read the file: {exc.strerror or exc}", reason="os-error") from exc
    if len(data) > max_bytes:  # the file grew while we looked at it
        raise ReadError(f"文件超过上限{max_bytes / 1048576:.0f} MB（max_bytes），未读取",
                        f"the file is over the {max_bytes / 1048576:.0f} MB limit (max_bytes)",
                        reason="size-limit")
    if not data.strip():
        raise ReadError("文件为空，没有可检查的内容", "the file is empty", reason="empty")
    return data


def _os_message(exc: OSError) -> str:
    import errno

    what = {errno.ENOENT: "文件不存在（可能已被移动或删除）", errno.EACCES: "没有读取该文件的权限",
            errno.ELOOP: "符号链接循环，无法打开", errno.EISDIR: "这是一个文件夹，不是文件"}.get(exc.errno or 0)
    return f"无法读取文件：{what or exc.strerror or exc}"


_HOW = {
    "doc": ("Word 97-2003 (.doc)", "请用 Word 或 WPS 打开后“另存为”.docx 格式再检查"),
    "wps": ("WPS 文字 (.wps)", "请用 WPS 打开后“另存为”.docx 格式再检查"),
    "ofd": ("OFD 版式文件 (.ofd)", "请用数科阅读器等软件导出为 PDF（带文字层）再检查，或直接检查报告的 Word/网页版本"),
    "xls": ("Excel 表格 (.xls)", "年度报告应为完整文档，请检查报告的 Word、PDF 或网页版本"),
    "xlsx": ("Excel 表格 (.xlsx)", "年度报告应为完整文档，请检查报告的 Word、PDF 或网页版本"),
}


def _unsupported(fmt: str) -> ReadError:
    what, how = _HOW[fmt]
    en = {"doc": "save it as .docx", "wps": "save it as .docx", "ofd": "export it to PDF with a text layer",
          "xls": "check the report itself", "xlsx": "check the report itself"}[fmt]
    return ReadError(f"不支持{what}格式：{how}", f"the {fmt} format is not supported: {en}", reason="unsupported-format")
