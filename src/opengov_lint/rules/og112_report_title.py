"""The title lacks the year or the issuing organ, or names the document type wrongly.

报告标题缺少年度或发布机关名称，或文种名称不规范。

依据 / Why: 《条例》第四十九条、第五十条称“政府信息公开工作年度报告”。标题应写明机关名称、年度和
“政府信息公开工作年度报告”，如“××市××局2023年政府信息公开工作年度报告”。主管部门通报中多次指出
“政务公开工作年度报告”“政府信息公开工作报告”等文种错误。

错误示例 / Fails: “2023年政务公开工作年度报告”；“政府信息公开工作年度报告”（无年度、无机关）。

正确示例 / Passes: “杭州市拱墅区退役军人事务局2020年政府信息公开工作年度报告”。

修改方法 / Fix: 按“机关名称＋年度＋政府信息公开工作年度报告”改正标题。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit, Location
from opengov_lint.knowledge.catalog import section_vocab
from opengov_lint.recognise.text import nfkc, squash

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG112"
NAME = "report-title"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "law",
    "refs": ["2019:49", "2019:50"],
    "zh": "《条例》第四十九条、第五十条的文种名称“政府信息公开工作年度报告”",
    "en": "the document name 政府信息公开工作年度报告 of articles 49 and 50",
}
MESSAGES = {
    "missing": {"zh": "未找到报告标题", "en": "no report title was found"},
    "year": {"zh": "报告标题“{title}”未写明年度", "en": "the title '{title}' does not state the year"},
    "issuer": {"zh": "报告标题“{title}”未写明发布机关名称", "en": "the title '{title}' does not name the issuing organ"},
    "type": {
        "zh": "报告标题“{title}”的文种写作“{found}”，应为“{expected}”",
        "en": "the title '{title}' calls the document '{found}'; it must be '{expected}'",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    meta = report.meta
    loc = Location(line=meta.title_line, excerpt=meta.title)
    if not meta.title:
        yield Hit(message="missing", location=loc)
        return
    title = squash(nfkc(meta.title))
    vocab = section_vocab()["title"]
    expected = vocab["document_type"]
    if expected not in title:
        found = next((w for w in vocab["wrong_types"] if w in title), "")
        yield Hit(message="type", args={"title": meta.title, "found": found or title, "expected": expected},
                  location=loc, evidence={"found": found or None, "expected": expected})
    if meta.year_source != "title" and not any(str(y) in title for y in range(2000, 2101)):
        yield Hit(message="year", args={"title": meta.title}, location=loc, evidence={"title": meta.title})
    written = [squash(nfkc(n)) for n in (meta.issuer, meta.extra.get("issuer_as_titled")) if n]
    if not any(n in title for n in written):
        yield Hit(message="issuer", args={"title": meta.title}, location=loc, evidence={"title": meta.title})
