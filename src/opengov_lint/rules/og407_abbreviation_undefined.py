"""`《条例》` is used before the full title of the regulation has been given.

在给出法规全称之前即使用简称《条例》。

依据 / Why: 简称须在全称之后定义（“《中华人民共和国政府信息公开条例》（以下简称《条例》）”），否则读者
无从知道《条例》指哪一部法规。年度报告面向社会公众，首次出现应写全称。

错误示例 / Fails: 开头写“认真贯彻落实《条例》”，后文才出现《中华人民共和国政府信息公开条例》，或全文
从未写出全称。

正确示例 / Passes: “本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）编制……贯彻落实《条例》”。

修改方法 / Fix: 在第一次出现《条例》之前写出全称，并注明“以下简称《条例》”。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit
from opengov_lint.knowledge.catalog import documents
from opengov_lint.rules.support.citations import citations, regulation_kind
from opengov_lint.rules.support.locations import citation_location

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG407"
NAME = "abbreviation-undefined"
SEVERITY = "info"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "standard",
    "refs": ["GB/T 9704-2012"],
    "zh": "公文写作规范：简称须在全称之后定义（《党政机关公文格式》GB/T 9704—2012 的文种惯例）；年度报告面向公众",
    "en": "drafting practice of official documents: an abbreviation follows its full title;"
          " the report addresses the public",
}
MESSAGES = {
    "before": {
        "zh": "简称“{found}”在第{full_line}行写出全称《{expected}》之前已使用；请在首次使用前写全称",
        "en": "the short form '{found}' is used before the full title 《{expected}》 is given (line {full_line}); "
              "give the full title first",
    },
    "never": {
        "zh": "全文使用简称“{found}”，但从未写出法规全称《{expected}》",
        "en": "the report uses the short form '{found}' but never gives the full title 《{expected}》",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    expected = documents()["regulation"]["title"]
    cits = [c for c in citations(report) if c.kind == "title"]
    abbr = next((c for c in cits if regulation_kind(c.title) == "abbr"), None)
    if abbr is None:
        return
    full = next((c for c in cits if regulation_kind(c.title) in ("full", "short", "wrong")), None)
    found = f"《{abbr.title}》"
    if full is None:
        yield Hit(message="never", args={"found": found, "expected": expected}, location=citation_location(abbr),
                  evidence={"found": found, "expected": expected})
    elif abbr.order < full.order:
        yield Hit(message="before", args={"found": found, "expected": expected, "full_line": full.line or "?"},
                  location=citation_location(abbr),
                  evidence={"found": found, "expected": expected, "full_title_line": full.line})
