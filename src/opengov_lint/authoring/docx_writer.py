"""Report -> .docx, written directly as WordprocessingML (no third-party library): title, opening,
the six headings as real headings, paragraphs, and tables 二/三/四 in the national layout with merged
cells (w:gridSpan for columns, w:vMerge restart/continue for rows)."""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from opengov_lint.authoring.grids import Grid, GridCell, grid
from opengov_lint.authoring.html_writer import cell_text

if TYPE_CHECKING:
    from opengov_lint.model import Report

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"/>
<w:sz w:val="28"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>
<w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
<w:pPr><w:outlineLvl w:val="0"/><w:ind w:firstLine="640"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/>
<w:pPr><w:ind w:firstLine="640"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>
<w:pPr><w:spacing w:line="300" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="20"/></w:rPr></w:style>
</w:styles>"""


def _p(text: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _tc(text: str, span: int, vmerge: str | None) -> str:
    props = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    if vmerge:
        props += '<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>"
    return f"<w:tc><w:tcPr>{props}<w:vAlign w:val=\"center\"/></w:tcPr>{_p(text, 'TableText')}</w:tc>"


def _table(report: Report, g: Grid) -> str:
    origin: dict[tuple[int, int], GridCell] = {(gc.row, gc.col): gc for gc in g.cells}
    covering: dict[tuple[int, int], GridCell] = {}
    for gc in g.cells:
        for r in range(gc.row + 1, gc.row + gc.rowspan):
            covering[(r, gc.col)] = gc
    width = 9000 // g.columns
    rows = []
    for r in range(g.rows):
        cells, c = [], 0
        while c < g.columns:
            cell = origin.get((r, c))
            if cell is not None:
                text = cell_text(report, cell.path) if cell.path else cell.text
                cells.append(_tc(text, cell.colspan, "restart" if cell.rowspan > 1 else None))
                c += cell.colspan
            elif (r, c) in covering:
                above = covering[(r, c)]
                cells.append(_tc("", above.colspan, "continue"))
                c += above.colspan
            else:  # never produced by grids.py; keep the table rectangular anyway
                cells.append(_tc("", 1, None))
                c += 1
        rows.append(f"<w:tr>{''.join(cells)}</w:tr>")
    grid_cols = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(g.columns))
    borders = "".join(f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblBorders>{borders}'
            f'</w:tblBorders></w:tblPr><w:tblGrid>{grid_cols}</w:tblGrid>{"".join(rows)}</w:tbl>')


def body_xml(report: Report) -> str:
    title = report.meta.title or ""
    parts = [_p(title, "Title")]
    parts += [_p(p.text, "BodyText") for p in report.preamble if p.text.strip() != title]
    by_section = {t.section: tid for tid, t in report.tables.items()}
    for s in report.sections:
        parts.append(_p(s.heading, "Heading1"))
        parts += [_p(p.text, "BodyText") for p in s.paragraphs]
        if s.number in by_section:
            parts.append(_table(report, grid(report.tables[by_section[s.number]].template, by_section[s.number])))
            parts.append(_p(""))
    sect = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" '
            'w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}" xmlns:r="{R}">'
            f"<w:body>{''.join(parts)}{sect}</w:body></w:document>")


def render(report: Report) -> bytes:
    return package(report.meta.title or "", body_xml(report))


def package(title: str, document_xml: str) -> bytes:
    """A minimal Word package (styles, relations, core properties) around a document body."""
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>'
            f"{escape(title)}</dc:title><dc:creator>opengov-lint</dc:creator></cp:coreProperties>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("word/_rels/document.xml.rels", DOC_RELS)
        z.writestr("word/styles.xml", STYLES)
        z.writestr("word/document.xml", document_xml)
        z.writestr("docProps/core.xml", core)
    return buf.getvalue()
