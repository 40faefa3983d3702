"""Editing a copy of a .docx package: parse document.xml safely, find paragraphs and cells by the
names the reader gave them (readers/docx.py element_refs), and write a new package with some parts
replaced. The original file is never touched; the copy is written whole or not at all."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from opengov_lint.readers.docx import element_refs
from opengov_lint.readers.docxnum import W

W_NS = W[1:-1]
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


def parse(data: bytes) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)
    return etree.fromstring(data, parser=parser)


def serialise(root: Any) -> bytes:
    from lxml import etree

    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


class Package:
    def __init__(self, data: bytes) -> None:
        self.zf = zipfile.ZipFile(io.BytesIO(data))
        self.main = self._main_part()
        self.document = parse(self.zf.read(self.main))
        self.by_ref = {ref: el for el, ref in element_refs(self.document).items()}
        self.replaced: dict[str, bytes] = {}

    def _main_part(self) -> str:
        try:
            rels = parse(self.zf.read("_rels/.rels"))
        except KeyError:
            return "word/document.xml"
        for rel in rels:
            if (rel.get("Type") or "").endswith("/officeDocument"):
                return (rel.get("Target") or "word/document.xml").lstrip("/")
        return "word/document.xml"

    def part(self, name: str) -> bytes | None:
        if name in self.replaced:
            return self.replaced[name]
        try:
            return self.zf.read(name)
        except KeyError:
            return None

    def paragraph_for(self, ref: str) -> Any | None:
        """The w:p a ref names, or the first paragraph of a cell (created when the cell has none)."""
        el = self.by_ref.get(ref)
        if el is None:
            return None
        if el.tag == W + "tc":
            p = el.find(W + "p")
            if p is None:
                from lxml import etree

                p = etree.SubElement(el, W + "p")
            return p
        return el

    def save(self) -> bytes:
        self.replaced[self.main] = serialise(self.document)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            names = [i.filename for i in self.zf.infolist()]
            for info in self.zf.infolist():
                data = self.replaced.get(info.filename)
                z.writestr(info, data if data is not None else self.zf.read(info.filename))
            for name, data in self.replaced.items():
                if name not in names:
                    z.writestr(name, data)
        return out.getvalue()
