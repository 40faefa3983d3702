"""`opengov-lint annotate REPORT.docx -o REVIEWED.docx`: a copy of the author's own Word document with a
comment (author `opengov-lint`) anchored at each finding's cell or paragraph, holding the code and the
message — the fastest path from a finding to a fixed report for someone who works in Word.

A finding is anchored at its cell (table, row, column), else its row label, its paragraph, its section
heading, and at the title when it concerns the whole report."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from opengov_lint.authoring.docxpkg import CT_NS, REL_NS, W_NS, Package, parse, serialise
from opengov_lint.readers.docxnum import W

if TYPE_CHECKING:
    from opengov_lint.findings import Finding
    from opengov_lint.model import Report, TableData

COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
AUTHOR = "opengov-lint"
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def anchor(report: Report, f: Finding) -> str | None:
    """The source element (docx ref) a finding belongs to: its cell, row or label; else its paragraph;
    else its section's heading; else the table's first cell; else the report's first paragraph."""
    loc = f.location
    table = report.tables.get(loc.table or "")
    return (_table_ref(table, loc.row, loc.column) if table is not None else None) \
        or _paragraph_ref(report, loc.paragraph) \
        or _section_ref(report, loc.section) \
        or (_section_ref(report, table.section) if table is not None else None) \
        or (_first_cell_ref(table) if table is not None else None) \
        or next((p.ref for p in report.preamble or report.paragraphs if p.ref), None)


def _table_ref(table: TableData, row: str | None, column: str | None) -> str | None:
    if row and column:
        cell = table.cell(row, column)
        if cell is not None and cell.ref:
            return cell.ref
    if row and row in table.rows and table.rows[row].ref:
        return table.rows[row].ref
    return next((v.ref for v in table.variants if v.ref and v.id in (row, column)), None)


def _paragraph_ref(report: Report, index: int | None) -> str | None:
    if index is not None and 0 <= index < len(report.paragraphs):
        return report.paragraphs[index].ref
    return None


def _section_ref(report: Report, number: int | None) -> str | None:
    section = report.section(number) if number else None
    return section.ref if section is not None else None


def _first_cell_ref(table: TableData) -> str | None:
    """A table-level finding with no heading found: the table's first cell."""
    return next((c.ref for row in table.cells.values() for c in row.values() if c.ref), None)


@dataclass(slots=True)
class Annotated:
    data: bytes
    placed: list[tuple[Finding, str]]
    unplaced: list[Finding]


def _comments_root(pkg: Package) -> tuple[Any, str]:
    name = "word/comments.xml"
    existing = pkg.part(name)
    if existing is not None:
        return parse(existing), name
    from lxml import etree

    return etree.Element(W + "comments", nsmap={"w": W_NS}), name


def _link_comments_part(pkg: Package, name: str) -> None:
    from lxml import etree

    rels_name = pkg.main.rsplit("/", 1)[0] + "/_rels/" + pkg.main.rsplit("/", 1)[1] + ".rels"
    rels_data = pkg.part(rels_name)
    rels = parse(rels_data) if rels_data else etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
    if not any(r.get("Type") == COMMENTS_TYPE for r in rels):
        ids = {r.get("Id") for r in rels}
        n = 1
        while f"rId{n}" in ids:
            n += 1
        etree.SubElement(rels, f"{{{REL_NS}}}Relationship", Id=f"rId{n}", Type=COMMENTS_TYPE,
                         Target=name.split("/", 1)[1] if name.startswith("word/") else name)
        pkg.replaced[rels_name] = serialise(rels)
    ct = parse(pkg.part("[Content_Types].xml") or b"<Types xmlns='%s'/>" % CT_NS.encode())
    if not any(o.get("PartName") == "/" + name for o in ct):
        etree.SubElement(ct, f"{{{CT_NS}}}Override", PartName="/" + name, ContentType=COMMENTS_CT)
        pkg.replaced["[Content_Types].xml"] = serialise(ct)


def _attach(p: Any, cid: str) -> None:
    from lxml import etree

    start = etree.Element(W + "commentRangeStart", {W + "id": cid})
    ppr = p.find(W + "pPr")
    p.insert(list(p).index(ppr) + 1 if ppr is not None else 0, start)
    etree.SubElement(p, W + "commentRangeEnd", {W + "id": cid})
    run = etree.SubElement(p, W + "r")
    etree.SubElement(etree.SubElement(run, W + "rPr"), W + "rStyle", {W + "val": "CommentReference"})
    etree.SubElement(run, W + "commentReference", {W + "id": cid})


def _comment(root: Any, cid: str, text: str, when: str) -> None:
    from lxml import etree

    c = etree.SubElement(root, W + "comment", {W + "id": cid, W + "author": AUTHOR, W + "initials": "OGL",
                                              W + "date": when})
    for line in text.split("\n"):
        t = etree.SubElement(etree.SubElement(etree.SubElement(c, W + "p"), W + "r"), W + "t")
        t.text = line
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def annotate(data: bytes, report: Report, findings: list[Finding]) -> Annotated:
    pkg = Package(data)
    root, name = _comments_root(pkg)
    next_id = 1 + max((int(c.get(W + "id")) for c in root if (c.get(W + "id") or "").isdigit()), default=-1)
    when = _dt.datetime.now().replace(microsecond=0).isoformat() + "Z"
    placed: list[tuple[Finding, str]] = []
    unplaced: list[Finding] = []
    for f in findings:
        ref = anchor(report, f)
        p = pkg.paragraph_for(ref) if ref else None
        if p is None:
            unplaced.append(f)
            continue
        cid = str(next_id)
        next_id += 1
        _attach(p, cid)
        _comment(root, cid, f"{f.code} {f.name}（{SEVERITY_ZH[f.severity]}）\n{f.message}", when)
        placed.append((f, ref or ""))
    pkg.replaced[name] = serialise(root)
    _link_comments_part(pkg, name)
    return Annotated(pkg.save(), placed, unplaced)
