"""Writing small .docx packages for reader tests: paragraphs with list numbering (through the style
or directly), tracked changes, spell-check marks, bookmarks, fields, hidden text, and tables with
gridSpan / vMerge / gridBefore. The same report data as tests/htmlreport.py."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from htmlreport import GROUPS, REQ_ROWS, REVIEW

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W_NS}>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="3">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num>
</w:numbering>"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W_NS}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/>
  <w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>"""


def run(text: str, hidden: bool = False) -> str:
    rpr = "<w:rPr><w:vanish/></w:rPr>" if hidden else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*runs: str, style: str | None = None, num: tuple[int, int] | None = None) -> str:
    ppr = ""
    if style or num:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "")
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def p(text: str, **kw: object) -> str:
    return para(run(text), **kw)  # type: ignore[arg-type]


def tc(text: str | list[str], span: int = 1, vmerge: str | None = None) -> str:
    props = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
        f'<w:vMerge w:val="{vmerge}"/>' if vmerge == "restart" else ("<w:vMerge/>" if vmerge else ""))
    paras = "".join(p(t) for t in ([text] if isinstance(text, str) else text)) or "<w:p/>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paras}</w:tc>"


def tr(*cells: str, before: int = 0) -> str:
    trpr = f'<w:trPr><w:gridBefore w:val="{before}"/></w:trPr>' if before else ""
    return f"<w:tr>{trpr}{''.join(cells)}</w:tr>"


def tbl(ncols: int, *rows: str) -> str:
    grid = "".join('<w:gridCol w:w="800"/>' for _ in range(ncols))
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def table2() -> str:
    def data(label: str, *vals: object) -> str:
        if len(vals) == 1:
            return tr(tc(label), tc(str(vals[0]), span=3))
        return tr(tc(label), *(tc(str(v)) for v in vals))

    def cap(item: str) -> str:
        return tr(tc(f"第二十条第（{item}）项", span=4))

    return tbl(4, cap("一"), tr(tc("信息内容"), tc(["本年", "制发件数"]), tc(["本年", "废止件数"]), tc("现行有效件数")),
               data("规章", 1, 2, 13), data("行政规范性文件", 4, 5, 46),
               cap("五"), tr(tc("信息内容"), tc("本年处理决定数量", span=3)), data("行政许可", 71),
               cap("六"), tr(tc("信息内容"), tc("本年处理决定数量", span=3)), data("行政处罚", 88), data("行政强制", 9),
               cap("八"), tr(tc("信息内容"), tc("本年收费金额（单位：万元）", span=3)), data("行政事业性收费", "1.5"))


def table3() -> str:
    rows = [tr(tc("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", span=3, vmerge="restart"),
               tc("申请人情况", span=7)),
            tr(tc("", span=3, vmerge="continue"), tc("自然人", vmerge="restart"), tc("法人或其他组织", span=5),
               tc("总计", vmerge="restart")),
            tr(tc("", span=3, vmerge="continue"), tc("", vmerge="continue"),
               *(tc(t) for t in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]), tc("", vmerge="continue"))]
    seen: set[str] = set()
    for i, (label, path, vals) in enumerate(REQ_ROWS):
        nums = [tc("" if v is None else str(v)) for v in vals]
        group = path.split(".")[0] if "." in path else None
        first = tc("三、本年度办理结果", vmerge="restart") if i == 2 else tc("", vmerge="continue")
        if path in ("new_received", "carried_over", "carried_forward"):
            rows.append(tr(tc(label, span=3), *nums))
        elif group is None:
            rows.append(tr(first, tc(label, span=2), *nums))
        else:
            g = tc(GROUPS[group][0], vmerge="restart") if group not in seen else tc("", vmerge="continue")
            seen.add(group)
            rows.append(tr(first, g, tc(label), *nums))
    return tbl(10, *rows)


def table4() -> str:
    labels = [["结果", "维持"], ["结果", "纠正"], ["其他", "结果"], ["尚未", "审结"], "总计"]
    vals = [str(v) for b in ("review", "direct_suit", "suit_after_review") for v in REVIEW[b]]
    return tbl(15, tr(tc("行政复议", span=5), tc("行政诉讼", span=10)),
               tr(*(tc(t, vmerge="restart") for t in labels), tc("未经复议直接起诉", span=5), tc("复议后起诉", span=5)),
               tr(*(tc("", vmerge="continue") for _ in labels), *(tc(t) for t in labels + labels)),
               tr(*(tc(v) for v in vals)))


def report(extra: str = "", wrap: bool = False) -> str:
    """A 2021-layout report body: headings 一、…六、 and （一）（二） are list numbering of the styles."""
    body = "".join([
        p("2023年某某县司法局"), p("政府信息公开工作年度报告"),
        p("总体情况", style="Heading1"),
        para(run("2023年，我局"), '<w:proofErr w:type="spellStart"/>', run("坚持"),
             '<w:proofErr w:type="spellEnd"/>', '<w:bookmarkStart w:id="0" w:name="_GoBack"/>',
             '<w:del w:id="1" w:author="a"><w:r><w:delText>积极</w:delText></w:r></w:del>',
             '<w:ins w:id="2" w:author="a">' + run("认真") + "</w:ins>", '<w:bookmarkEnd w:id="0"/>',
             run("公开，本报告所列数据统计期限自2023年1月1日至12月31日。"),
             run("（内部批注，不公开）", hidden=True)),
        p("主动公开情况", style="Heading2"), p("全年主动公开政府信息1000条。"),
        p("依申请公开情况", style="Heading2"),
        para(run("受理申请"), '<w:moveFrom w:id="3" w:author="a"><w:r><w:delText>27</w:delText></w:r></w:moveFrom>',
             '<w:fldSimple w:instr=" PAGE "><w:r><w:t>27</w:t></w:r></w:fldSimple>', run("件。")),
        extra,
        p("主动公开政府信息情况", style="Heading1"), table2(),
        p("收到和处理政府信息公开申请情况", style="Heading1"), table3(),
        p("政府信息公开行政复议、行政诉讼情况", style="Heading1"), table4(),
        p("存在的主要问题及改进情况", style="Heading1"),
        p("一是政策解读形式还不够丰富，图解、视频等解读比例偏低，群众理解政策仍有困难。", num=(2, 0)), p("二是业务培训不足，下一步将每季度组织一次依申请公开业务培训，并建立答复文书抽查制度。", num=(2, 0)),
        p("其他需要报告的事项", style="Heading1"), p("本年度未收取信息处理费。"),
    ])
    if wrap:  # the whole report inside a one-cell layout table
        body = tbl(1, tr(f"<w:tc>{body.replace('<w:tbl>', '<w:tbl>')}</w:tc>"))
    return body


def docx(body: str, numbering: bool = True, title: str | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {W_NS}><w:body>{body}'
                   "<w:sectPr/></w:body></w:document>")
        if numbering:
            z.writestr("word/numbering.xml", NUMBERING)
        z.writestr("word/styles.xml", STYLES)
        if title:
            z.writestr("docProps/core.xml", '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.'
                       'openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/'
                       f'elements/1.1/"><dc:title>{escape(title)}</dc:title></cp:coreProperties>')
    return buf.getvalue()
