"""A blank report for a year: title, opening sentence with the statistical period, the six headings
with guidance for the author, and tables 二/三/四 in that year's national layout with every data
cell empty (not 0 — the author must fill each one in)."""

from __future__ import annotations

from opengov_lint.knowledge.catalog import layout_for_year, layouts, sections
from opengov_lint.model import CellKind, Meta, Paragraph, Report, Section, TableData, TypedCell
from opengov_lint.recognise.meta import issuer_kind
from opengov_lint.recognise.text import int_to_cn

PLACEHOLDER_ISSUER = "（机关名称）"


def _guidance(number: int, year: int, kind: str, layout: str) -> list[str]:
    nxt = year + 1
    if number == 1:
        out = [
            (f"{year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》（以下简称《条例》），"
             "（请概述本年度政府信息公开工作的总体情况。）"),
            "（一）主动公开（请写明主动公开政府信息的数量、渠道和重点领域。）",
            "（二）依申请公开（请写明收到和办理政府信息公开申请的情况，数字应与表三一致。）",
            "（三）政府信息管理（请写明公文公开属性认定、保密审查、文件清理等情况。）",
            "（四）政府信息公开平台建设（请写明政府网站、政务新媒体等平台建设情况。）",
        ]
        supervision = "（五）监督保障（请写明工作机构、培训、考核等情况。"
        if kind in ("government", "unknown"):  # not departments, 街道 or 管委会 (第五十条第（四）项)
            supervision += "人民政府的报告须写明工作考核、社会评议和责任追究结果情况。"
        out.append(supervision + "）")
        return out
    if number in (2, 3, 4):
        return []
    if number == 5:
        return [f"（请具体写明{year}年政府信息公开工作存在的主要问题，以及上一年度问题的改进情况和{nxt}年的改进措施。）"]
    out = []
    if layout == "2021":
        out.append("（一）信息处理费收取情况。依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），"
                   "（请写明本年度发出收费通知和收取信息处理费的情况，没有的写明“本年度未收取信息处理费”。）")
    out.append("（请写明其他需要报告的事项，如落实上级年度政务公开工作要点、人大代表建议和政协提案办理结果公开等情况；"
               "确无其他事项的，写明“本年度无其他需要报告的事项”。）")
    return out


def build(year: int, issuer: str | None = None, issuer_kind_override: str | None = None) -> Report:
    lay = layout_for_year(year) or layouts()["2021"]
    name = issuer or PLACEHOLDER_ISSUER
    kind = issuer_kind_override or (issuer_kind(issuer) if issuer else "unknown")
    title = f"{name}{year}年政府信息公开工作年度报告"
    meta = Meta(title=title, issuer=name, issuer_kind=kind, year=year, template=lay.id, source_format="template")
    notice = lay.notice
    fmt = "《中华人民共和国政府信息公开工作年度报告格式》" if lay.id == "2021" else "政府信息公开工作年度报告格式"
    opening = (f"本报告依据《中华人民共和国政府信息公开条例》和{fmt}（{notice}）编制，包括总体情况、主动公开政府信息情况、"
               "收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、"
               f"其他需要报告的事项六部分。本年度报告中所列数据统计期限为{year}年1月1日至12月31日。")
    report = Report(meta=meta, structured=True)
    report.preamble = [Paragraph(title), Paragraph(opening)]
    for spec in sections():
        sec = Section(number=spec.number, heading=f"{int_to_cn(spec.number)}、{spec.title}", title=spec.title,
                      numbering=f"{int_to_cn(spec.number)}、")
        sec.paragraphs = [Paragraph(t) for t in _guidance(spec.number, year, kind, lay.id)]
        report.sections.append(sec)
    report.paragraphs = report.preamble + [p for s in report.sections for p in s.paragraphs]
    for i, p in enumerate(report.paragraphs):
        p.index = i
    for tid, tspec in lay.tables.items():
        data = TableData(id=tid, template=lay.id, section=tspec.section)
        for row in tspec.data_rows:
            data.cells[row.path] = {c.id: TypedCell(raw="", kind=CellKind.BLANK, expects=c.kind, header_unit=c.unit)
                                    for c in row.columns}
        report.tables[tid] = data
    return report
