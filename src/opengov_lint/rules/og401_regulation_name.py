"""The regulation is cited by a wrong name, or first cited without 中华人民共和国.

引用的法规名称有误（如《中华人民共和国信息公开条例》《政府信息公开管理条例》），或首次引用时未写全称。

依据 / Why: 年度报告的法律依据是国务院令第711号修订的《中华人民共和国政府信息公开条例》。法规名称须
与正式名称一字不差；首次引用应写全称，之后可简称《条例》。名称写错（漏“政府”、多“管理”等）会被评估
机关视为基本差错，例如某市2021年度报告写作《中华人民共和国信息公开条例》。

错误示例 / Fails: “根据《中华人民共和国信息公开条例》要求”（error）；全文第一次出现即写作
“《政府信息公开条例》”（warning）。

正确示例 / Passes: “根据《中华人民共和国政府信息公开条例》（以下简称《条例》）……”。

修改方法 / Fix: 改为《中华人民共和国政府信息公开条例》；首次引用写全称，并注明“以下简称《条例》”。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Fix, Hit
from opengov_lint.knowledge.catalog import documents
from opengov_lint.rules.support.citations import citations, regulation_kind
from opengov_lint.rules.support.locations import citation_location

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report
    from opengov_lint.recognise.citations import Citation

CODE = "OG401"
NAME = "regulation-name"
SEVERITY = "error"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "law",
    "refs": ["2019:56"],
    "zh": "国务院令第711号修订的《中华人民共和国政府信息公开条例》的正式名称",
    "en": "the title of the Regulations as revised by decree No. 711",
}
MESSAGES = {
    "wrong": {
        "zh": "法规名称写作《{found}》，正式名称为《{expected}》",
        "en": "the regulation is cited as 《{found}》; its name is 《{expected}》",
    },
    "first_short": {
        "zh": "首次引用条例写作《{found}》，首次引用应写全称《{expected}》",
        "en": "the first mention of the regulation is 《{found}》; the first mention must give the full title "
              "《{expected}》",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    expected = documents()["regulation"]["title"]
    first = True
    for c in citations(report):
        kind = regulation_kind(c.title) if c.kind == "title" else None
        if kind is None or kind == "abbr":
            continue
        loc = citation_location(c)
        if kind == "wrong":
            yield Hit(message="wrong", args={"found": c.title, "expected": expected}, location=loc,
                      evidence={"found": c.title, "expected": expected, "text": c.text},
                      fix=_fix(report, c, expected))
        elif kind == "short" and first:
            yield Hit(message="first_short", args={"found": c.title, "expected": expected}, location=loc,
                      evidence={"found": c.title, "expected": expected, "text": c.text}, severity="warning",
                      fix=_fix(report, c, expected))
        first = False


def _fix(report: Report, c: Citation, expected: str) -> Fix | None:
    """The title as written (one line, 《》 or 〈〉) -> the full title in the same brackets."""
    if c.kind != "title" or not c.text or not c.brackets or len(c.brackets) != 2:
        return None
    new = f"{c.brackets[0]}{expected}{c.brackets[1]}"
    ref = report.paragraphs[c.paragraph].ref if 0 <= c.paragraph < len(report.paragraphs) else None
    if (c.line is None and ref is None) or c.text == new:
        return None
    return Fix(c.line, c.text, new, ref)
