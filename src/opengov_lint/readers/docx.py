"""Word .docx drafts, read straight from the package (zipfile + lxml).

What the author sees is what is read: tracked changes accepted (inserted text kept, deleted and
moved-away text dropped), runs split by spell-check marks joined, bookmarks ignored, list numbering
rendered (docxnum), hidden text skipped; tables in body order with `w:gridSpan`/`w:vMerge`
resolved into a grid, multi-paragraph cells joined with line breaks. A table that only wraps the
report (one cell, or cells holding tables) is unwrapped into the flow."""

from __future__ import annotations

import zipfile
import zlib
from io import BytesIO
from typing import Any

from opengov_lint.model import Cell, Document, Paragraph, Table
from opengov_lint.readers.docxnum import Numbering, W, parse_numbering
from opengov_lint.readers.errors import ReadError
from opengov_lint.readers.grid import Grid
from opengov_lint.readers.limits import current, exceeded
from opengov_lint.readers.textutil import is_page_number

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MAX_PART = 200 * 1024 * 1024  # an XML part larger than this is a zip bomb, not a report
_SKIP = frozenset(W + t for t in ("del", "moveFrom", "delText", "instrText", "rPr", "pPr", "drawing", "pict",
                                  "object", "footnoteReference", "endnoteReference", "commentReference",
                                  "delInstrText", "tcPr", "trPr", "tblPr", "sectPr")) | {MC + "AlternateContent"}
_STRIP = " \t\r\n\u00a0\u3000"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def read(path: str, data: bytes, fmt: str = "docx") -> Document:
    try:
        zf = zipfile.ZipFile(BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ReadError("文件不是有效的 Word（.docx）文档，可能已损坏或下载不完整",
                        "the file is not a valid .docx package (corrupt or incomplete)", reason="bad-zip") from exc
    with zf:
        _check_package(zf)
        main = _main_part(zf)
        body = _xml(zf, main)
        if body is None:
            raise ReadError("文件中没有 Word 正文（word/document.xml），不是 Word 文档或已损坏",
                            "the package has no Word main document part", reason="no-document")
        reader = _Reader(parse_numbering(_xml(zf, "word/numbering.xml")), _styles(_xml(zf, "word/styles.xml")))
        reader.refs = element_refs(body)
        doc = Document(path=path, format=fmt)
        root = body.find(W + "body")
        reader.flow(root if root is not None else body)
        doc.blocks = reader.blocks
        doc.title = _core_title(_xml(zf, "docProps/core.xml"))
    return doc


def element_refs(root: Any) -> dict[Any, str]:
    """Stable names of the paragraphs ("p17") and table cells ("tc5") of document.xml, in document
    order, so a finding can be written back next to its source (annotate, fix a copy)."""
    refs: dict[Any, str] = {}
    for i, el in enumerate(root.iter(W + "p")):
        refs[el] = f"p{i}"
    for i, el in enumerate(root.iter(W + "tc")):
        refs[el] = f"tc{i}"
    return refs


def _check_package(zf: zipfile.ZipFile, what: tuple[str, str] = ("Word 文档", ".docx package")) -> None:
    """Zip-bomb defences before anything is inflated: total declared size, per-part ratio, entries.
    `what` names the package (Chinese, English) in the messages; the OFD reader shares this."""
    lim = current()
    infos = zf.infolist()
    if len(infos) > 10_000:
        raise exceeded(f"{what[0]}包含的部件数", f"number of parts in the {what[1]}", "max_unzipped", len(infos),
                       10_000)
    total = sum(i.file_size for i in infos)
    if total > lim.max_unzipped:
        raise exceeded(f"{what[0]}解压后的大小（字节）", f"inflated size of the {what[1]} (bytes)", "max_unzipped",
                       total, lim.max_unzipped)
    for i in infos:
        if i.file_size > 1_000_000 and i.file_size > lim.max_ratio * max(i.compress_size, 1):
            ratio = i.file_size // max(i.compress_size, 1)
            raise exceeded(f"{what[0]}部件“{i.filename}”的压缩比", f"compression ratio of {i.filename}", "max_ratio",
                           ratio, lim.max_ratio)


def _xml(zf: zipfile.ZipFile, name: str, what: str = "Word 文档") -> Any | None:
    from lxml import etree

    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    lim = current()
    if info.file_size > min(_MAX_PART, lim.max_unzipped):
        raise ReadError(f"{what}的内容部件过大，疑似异常文件，未读取", f"{name} is implausibly large",
                        reason="size-limit")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True,
                             remove_pis=True)
    try:
        with zf.open(info) as fh:  # the declared size may lie: never inflate more than the limit
            raw = fh.read(lim.max_unzipped + 1)
        if len(raw) > lim.max_unzipped:
            raise exceeded(f"{what}部件解压后的大小（字节）", f"inflated size of {name}", "max_unzipped", len(raw),
                           lim.max_unzipped)
        return etree.fromstring(raw, parser=parser)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error) as exc:
        raise ReadError(f"{what}的“{name}”部件已损坏，无法读取", f"{name} is damaged: {exc}",
                        reason="bad-xml") from exc


def _main_part(zf: zipfile.ZipFile) -> str:
    rels = _xml(zf, "_rels/.rels")
    if rels is not None:
        for rel in rels:
            if (rel.get("Type") or "").endswith("/officeDocument"):
                target = (rel.get("Target") or "").lstrip("/")
                if target:
                    return target
    return "word/document.xml"


def _core_title(core: Any | None) -> str | None:
    if core is None:
        return None
    t = core.find("{http://purl.org/dc/elements/1.1/}title")
    text = (t.text or "").strip() if t is not None else ""
    return text or None


def _styles(root: Any | None) -> dict[str, tuple[str, str | None, str | None, int | None]]:
    """styleId -> (name, basedOn, numId, ilvl) for paragraph styles; '' is the default style."""
    out: dict[str, tuple[str, str | None, str | None, int | None]] = {}
    if root is None:
        return out
    for s in root.iter(W + "style"):
        if s.get(W + "type") not in (None, "paragraph"):
            continue
        sid = s.get(W + "styleId", "")
        name_el, based = s.find(W + "name"), s.find(W + "basedOn")
        num_pr = s.find(f"{W}pPr/{W}numPr")
        num_id = ilvl = None
        if num_pr is not None:
            num_id = _attr(num_pr.find(W + "numId"))
            lv = _attr(num_pr.find(W + "ilvl"))
            ilvl = int(lv) if lv and lv.isdigit() else None
        out[sid] = (name_el.get(W + "val", sid) if name_el is not None else sid,
                    _attr(based), num_id, ilvl)
        if s.get(W + "default") in ("1", "true"):
            out[""] = out[sid]
    return out


def _attr(el: Any | None) -> str | None:
    return None if el is None else el.get(W + "val")


class _Reader:
    def __init__(self, numbering: Numbering, styles: dict[str, tuple[str, str | None, str | None, int | None]]):
        self.numbering, self.styles = numbering, styles
        self.blocks: list[Paragraph | Table] = []
        self.depth = 0
        self.refs: dict[Any, str] = {}

    # -- flow ------------------------------------------------------------------------------------
    def flow(self, parent: Any) -> None:
        for el in parent:
            tag = el.tag
            if tag == W + "p":
                text, style = self.paragraph(el)
                if text and not is_page_number(text):
                    self.blocks.append(Paragraph(text, style=style, ref=self.refs.get(el)))
            elif tag == W + "tbl":
                self.table(el)
            elif tag in (W + "sdt", W + "customXml", W + "sdtContent", W + "smartTag", W + "ins", W + "moveTo"):
                self.flow(el if tag != W + "sdt" else (el.find(W + "sdtContent") if el.find(W + "sdtContent")
                                                       is not None else el))

    def paragraph(self, p: Any, strip: str = _STRIP) -> tuple[str, str | None]:
        """(text with its list label, style name); `strip` is what surrounding whitespace to drop
        (a cell keeps a typed ideographic space: OG208 reports it)."""
        ppr = p.find(W + "pPr")
        style_id = _attr(ppr.find(W + "pStyle")) if ppr is not None else None
        num_id, ilvl = self._num(ppr, style_id)
        label = self.numbering.label(num_id, ilvl) if num_id else ""
        parts: list[str] = []
        _runs(p, parts)
        text = (label + "".join(parts).strip(strip)) if parts else label
        style = self.styles[style_id][0] if style_id in self.styles else None
        return text.strip(strip), style

    def _num(self, ppr: Any | None, style_id: str | None) -> tuple[str | None, int]:
        num_id: str | None = None
        ilvl: int | None = None
        if ppr is not None:
            num_pr = ppr.find(W + "numPr")
            if num_pr is not None:
                num_id = _attr(num_pr.find(W + "numId"))
                lv = _attr(num_pr.find(W + "ilvl"))
                ilvl = int(lv) if lv and lv.isdigit() else None
        sid, seen = style_id if style_id is not None else "", set()
        while (num_id is None or ilvl is None) and sid in self.styles and sid not in seen:
            seen.add(sid)
            _name, based, s_num, s_lvl = self.styles[sid]
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_lvl
            sid = based or "\0"
        return num_id, ilvl or 0

    # -- tables ----------------------------------------------------------------------------------
    def table(self, tbl: Any) -> None:
        self.depth += 1
        try:
            if self.depth > current().max_nesting:
                raise exceeded("表格嵌套层数", "depth of tables nested in tables", "max_nesting", self.depth,
                               current().max_nesting)
            self._table(tbl)
        finally:
            self.depth -= 1

    def _table(self, tbl: Any) -> None:
        rows = _children(tbl, W + "tr")
        cells = [tc for tr in rows for tc in _children(tr, W + "tc")]
        if len(cells) <= 1 or tbl.find(f".//{W}tbl") is not None:  # (a nested table can only sit in a cell)
            for tc in cells:  # a layout table: its content is the flow
                self.flow(tc)
            return
        grid = Grid()
        for r, tr in enumerate(rows):
            self._place_row(grid, r, tr)
        if rows:
            self.blocks.append(Table(grid.rows(len(rows))))

    def _place_row(self, grid: Grid, r: int, tr: Any) -> None:
        """Cells of row `r` onto the grid: skipped leading grid columns, column spans, and vertical
        merges (a continuing cell extends the one above it)."""
        c = _grid_before(tr)
        for tc in _children(tr, W + "tc"):
            span, merge = _cell_span(tc)
            while grid.taken(r, c):
                c += 1
            above = grid.get(r - 1, c) if merge == "continue" and r > 0 else None
            if above is not None:
                grid.extend_down(above, r)
            else:
                grid.place(Cell(self.cell_text(tc), ref=self.refs.get(tc)), r, c, 1, span)
            c += span

    def cell_text(self, tc: Any) -> str:
        lines: list[str] = []
        for p in _children(tc, W + "p"):
            text, _style = self.paragraph(p, " \t\r\n\u00a0")
            if text:
                lines.append(text)
        return "\n".join(lines)


def _grid_before(tr: Any) -> int:
    """Grid columns left empty before a row's first cell (`w:gridBefore`)."""
    trpr = tr.find(W + "trPr")
    if trpr is None or trpr.find(W + "gridBefore") is None:
        return 0
    return int(_attr(trpr.find(W + "gridBefore")) or 0)


def _cell_span(tc: Any) -> tuple[int, str | None]:
    """(columns the cell spans, its vertical merge: None, "restart" or "continue")."""
    tcpr = tc.find(W + "tcPr")
    if tcpr is None:
        return 1, None
    gs = _attr(tcpr.find(W + "gridSpan"))
    span = int(gs) if gs and gs.isdigit() and int(gs) > 0 else 1
    vm = tcpr.find(W + "vMerge")
    merge = (vm.get(W + "val") or "continue") if vm is not None else None
    return span, merge


def _children(el: Any, tag: str) -> list[Any]:
    """Direct children with `tag`, looking through content controls and custom XML wrappers."""
    out: list[Any] = []
    for child in el:
        if child.tag == tag:
            out.append(child)
        elif child.tag in (W + "sdt", W + "customXml", W + "sdtContent"):
            out.extend(_children(child, tag))
    return out


def _runs(el: Any, out: list[str]) -> None:
    """Visible text of a paragraph, in order: deleted/moved-away text, field codes, hidden runs and
    drawings are skipped; tabs and breaks kept as whitespace."""
    for child in el:
        tag = child.tag
        if tag == W + "t":
            out.append(child.text or "")
        elif tag in _SKIP or not isinstance(tag, str) or (tag == W + "r" and _hidden(child)):
            continue
        elif tag == W + "tab" or tag == W + "ptab":
            out.append("\t")
        elif tag == W + "br":
            if child.get(W + "type") in (None, "textWrapping"):
                out.append("\n")
        elif tag == W + "cr":
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        else:
            _runs(child, out)


def _hidden(run: Any) -> bool:
    rpr = run.find(W + "rPr")
    if rpr is None:
        return False
    v = rpr.find(W + "vanish")
    return v is not None and v.get(W + "val", "1") not in ("0", "false")
