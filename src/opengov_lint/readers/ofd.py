"""OFD (GB/T 33190, the national format for electronic official documents), read from the package
itself (zipfile + lxml): OFD.xml -> DocBody/DocRoot -> Document.xml -> Pages -> each page's
Content.xml (with its template pages). Each page becomes page geometry (ofdpage) for the same table
builder as PDF, and the running text is rebuilt into paragraphs as for PDF (pageflow). The package
is checked like a .docx (entries, inflated size, compression ratio) and XML is parsed without
entity expansion or network access. An OFD of scanned images has nothing to check (OG903)."""

from __future__ import annotations

import posixpath
import zipfile
from io import BytesIO
from typing import Any

from opengov_lint.model import Diagnostic, Document
from opengov_lint.readers.docx import _check_package, _xml
from opengov_lint.readers.errors import ReadError
from opengov_lint.readers.geometry import page_tables
from opengov_lint.readers.limits import check_deadline, current, exceeded
from opengov_lint.readers.ofdpage import numbers, page_geometry
from opengov_lint.readers.pageflow import PageRead, assemble, drop_page_furniture
from opengov_lint.readers.pdftext import Char, build_lines

_WHAT = ("OFD 文件", "OFD package")


def read(path: str, data: bytes, fmt: str = "ofd", deadline: float | None = None) -> Document:
    try:
        zf = zipfile.ZipFile(BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ReadError("文件不是有效的 OFD 文件，可能已损坏或下载不完整", "the file is not a valid OFD package",
                        reason="bad-zip") from exc
    with zf:
        _check_package(zf, _WHAT)
        pkg = _Package(zf)
        title, doc_path = pkg.root()
        pages = pkg.pages(doc_path, deadline)
    doc = Document(path=path, format=fmt)
    if not any(p.lines or p.fragments for p in pages):
        raise ReadError(
            "OFD 文件中没有可提取的文字（可能是扫描图片），无法检查；请提供带文字的版本、Word 或网页版本",
            "the OFD has no text (scanned images), so nothing could be checked; provide a version with text, "
            "the Word file or the web page", code="OG903", reason="no-text-layer")
    drop_page_furniture(pages)
    for p in pages:
        if p.image_only:
            doc.diagnostics.append(Diagnostic(
                "OG903", f"第{p.number}页没有文字（可能是扫描图片），该页内容未被读取和检查",
                f"page {p.number} has no text (probably a scanned image); its content was not checked",
                page=p.number, evidence={"page": p.number}))
    doc.blocks = assemble(pages)
    doc.title = title if title and "报告" in title else None
    return doc


def _strip(root: Any) -> Any:
    """Namespaces dropped (producers differ in prefixes; the element names are what counts)."""
    for el in root.iter():
        if isinstance(el.tag, str) and "}" in el.tag:
            el.tag = el.tag.split("}", 1)[1]
    return root


def _resolve(base: str, loc: str | None) -> str:
    loc = (loc or "").strip().replace("\\", "/")
    if loc.startswith("/"):
        return posixpath.normpath(loc.lstrip("/"))
    return posixpath.normpath(posixpath.join(base, loc))


class _Package:
    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        self.cache: dict[str, Any] = {}

    def part(self, name: str, required: bool = True) -> Any:
        if name not in self.cache:
            root = _xml(self.zf, name, _WHAT[0])
            self.cache[name] = _strip(root) if root is not None else None
        if self.cache[name] is None and required:
            raise ReadError(f"OFD 文件缺少“{name}”部件，已损坏或不完整", f"the OFD package has no {name}",
                            reason="no-document")
        return self.cache[name]

    def root(self) -> tuple[str | None, str]:
        ofd = self.part("OFD.xml")
        body = ofd.find("DocBody")
        doc_root = body.findtext("DocRoot") if body is not None else None
        if not doc_root:
            raise ReadError("OFD 文件没有文档入口（DocRoot），已损坏或不完整", "the OFD package has no DocRoot",
                            reason="no-document")
        title = (body.findtext("DocInfo/Title") or "").strip() or None
        return title, _resolve("", doc_root)

    def pages(self, doc_path: str, deadline: float | None) -> list[PageRead]:
        document = self.part(doc_path)
        base = posixpath.dirname(doc_path)
        common = document.find("CommonData")
        box = numbers(common.findtext("PageArea/PhysicalBox")) if common is not None else []
        templates = {t.get("ID"): _resolve(base, t.get("BaseLoc"))
                     for t in (common.iter("TemplatePage") if common is not None else ())}
        entries = document.findall("Pages/Page")
        limit = current().max_pages
        if len(entries) > limit:
            raise exceeded("OFD 页数", "number of OFD pages", "max_pages", len(entries), limit)
        out: list[PageRead] = []
        for i, entry in enumerate(entries):
            check_deadline(deadline)
            out.append(self.page(i + 1, _resolve(base, entry.get("BaseLoc")), templates, box))
        return out

    def page(self, number: int, loc: str, templates: dict[str | None, str], box: list[float]) -> PageRead:
        content = self.part(loc)
        tpls = [self.part(templates[t.get("TemplateID")], required=False) for t in content.findall("Template")
                if t.get("TemplateID") in templates]
        own = numbers(content.findtext("Area/PhysicalBox"))
        geom, scan = page_geometry(number, content, [t for t in tpls if t is not None], own or box)
        frags, rest = page_tables(geom)
        chars = [Char(g.text, g.x0, g.x1, g.top, g.bottom) for g in rest]
        result = PageRead(number, geom.height, build_lines(chars, number), frags, glyphs=len(geom.glyphs))
        result.image_only = scan
        return result
