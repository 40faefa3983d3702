"""整改通知: one Word document per unit listing what to correct in its annual report(s), in plain
Chinese, with where to fix each item and the basis, ready for the office to sign and send.

Input is the findings of a run (the JSON array of `check --output-format json`, which carries `issuer`
and `year`); findings are grouped by unit (the issuer; the file name when the issuer is not known),
errors first in the template's order. The documents are WordprocessingML written directly, with the
package parts of docx_writer (no third-party library)."""

from __future__ import annotations

import datetime as _dt
import os
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from opengov_lint.authoring.docx_writer import R, W, _p, package
from opengov_lint.findings import Finding, Location
from opengov_lint.reporters.labels import SEV_ZH, order_key, rule_title, where

if TYPE_CHECKING:
    from collections.abc import Iterable

SEVERITIES = ("error", "warning")  # info notes are not sent as defects to correct
_BASIS_HEAD = re.compile(r"^依据\s*(?:/\s*Why)?\s*[:：]\s*")
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(slots=True)
class UnitNotice:
    unit: str
    reports: dict[str, list[Finding]] = field(default_factory=dict)  # path -> findings
    years: dict[str, Any] = field(default_factory=dict)  # path -> year

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.reports.values())


def finding_from(d: dict[str, Any]) -> Finding:
    loc = {k: v for k, v in (d.get("location") or {}).items() if k in Location.__slots__}
    return Finding(d["code"], d.get("name", ""), d["severity"], d["message"], d["path"], Location(**loc),
                   d.get("evidence") or {})


def group(items: Iterable[dict[str, Any]], severities: tuple[str, ...] = SEVERITIES) -> list[UnitNotice]:
    units: dict[str, UnitNotice] = {}
    for d in items:
        if d.get("severity") not in severities:
            continue
        unit = d.get("issuer") or os.path.splitext(os.path.basename(d["path"]))[0]
        n = units.setdefault(unit, UnitNotice(unit))
        n.reports.setdefault(d["path"], []).append(finding_from(d))
        n.years.setdefault(d["path"], d.get("year"))
    for n in units.values():
        for path in n.reports:
            n.reports[path].sort(key=order_key)
    return sorted(units.values(), key=lambda n: n.unit)


def _basis(code: str, docs: dict[str, str]) -> str:
    """The legal basis of a rule: the 依据 paragraph of its explanation (`opengov-lint explain`)."""
    doc = docs.get(code, "")
    for para in doc.split("\n\n"):
        para = para.strip()
        if para.startswith("依据"):
            text = _BASIS_HEAD.sub("", para, count=1)
            return re.sub(r"\s*\n\s*", "", text).strip()
    return ""


def _cell(text: str, width: int, bold: bool = False) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    paras = "".join(f'<w:p><w:pPr><w:pStyle w:val="TableText"/><w:jc w:val="left"/></w:pPr><w:r>{rpr}'
                    f'<w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' for line in (text or "").split("\n"))
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{paras}</w:tc>'


_WIDTHS = (600, 1500, 2300, 2900, 2000)


def _table(findings: list[Finding], docs: dict[str, str]) -> str:
    head = ("序号", "问题类别", "位置", "问题说明", "依据")
    rows = ["<w:tr>" + "".join(_cell(h, w, True) for h, w in zip(head, _WIDTHS, strict=True)) + "</w:tr>"]
    for i, f in enumerate(findings, 1):
        kind = f"{SEV_ZH[f.severity]}：{rule_title(f.code, f.name)}（{f.code}）"
        cells = (str(i), kind, where(f, "zh") or "全文", f.message, _basis(f.code, docs))
        rows.append("<w:tr>" + "".join(_cell(c, w) for c, w in zip(cells, _WIDTHS, strict=True)) + "</w:tr>")
    borders = "".join(f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in _WIDTHS)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblBorders>{borders}'
            f'</w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def title_of(n: UnitNotice) -> str:
    years = sorted({y for y in n.years.values() if y})
    span = "、".join(f"{y}" for y in years)
    return f"关于{n.unit}{span + '年度' if span else ''}政府信息公开工作年度报告问题整改的通知"


def body_xml(n: UnitNotice, docs: dict[str, str], sender: str, days: int) -> str:
    parts = [_p(title_of(n), "Title"), _p(""), _p(f"{n.unit}：")]
    errors = sum(1 for fs in n.reports.values() for f in fs if f.severity == "error")
    parts.append(_p(f"经检查，你单位报送的政府信息公开工作年度报告存在以下{n.count}处问题（其中错误{errors}处、"
                    f"需规范{n.count - errors}处）。请对照《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开"
                    f"工作年度报告格式》逐项整改，于收到本通知之日起{days}个工作日内将整改后的年度报告重新报送，"
                    "并同步更新网站上发布的版本。", "BodyText"))
    for k, (path, findings) in enumerate(sorted(n.reports.items()), 1):
        year = n.years.get(path)
        label = f"{year}年度报告" if year else "年度报告"
        parts.append(_p(f"{'一二三四五六七八九十'[k - 1] if k <= 10 else k}、{label}（文件：{os.path.basename(path)}）",
                        "Heading1"))
        parts.append(_table(findings, docs))
        parts.append(_p(""))
    parts.append(_p("说明：“错误”为不符合条例或年度报告格式要求、必须改正的问题；“警告”为表述或填写不规范、应当改正的问题。"
                    "“位置”中的行号为报送文件中的行（Word、PDF文件按页或表格定位）。如对检查结果有异议，请在整改期限内书面说明理由。",
                    "BodyText"))
    parts += [_p(""), _p(sender or "（印章）"), _p("        年    月    日")]
    sect = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" '
            'w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}" xmlns:r="{R}">'
            f"<w:body>{''.join(parts)}{sect}</w:body></w:document>")


def render(n: UnitNotice, docs: dict[str, str], sender: str = "", days: int = 15) -> bytes:
    return package(title_of(n), body_xml(n, docs, sender, days))


def file_name(n: UnitNotice) -> str:
    years = sorted({str(y) for y in n.years.values() if y})
    stem = _UNSAFE.sub("_", n.unit).strip(". ") or "unit"
    return f"{stem}{'-'.join(years) + '年度' if years else ''}年报整改通知.docx"


def today() -> str:
    return _dt.date.today().isoformat()
