"""The report cites an article of the 条例 beyond 第五十六条, or an item that the article does not
have (第二十条 has fifteen items).

引用了《条例》中不存在的条款：超过第五十六条的条文，或该条并不存在的项（如第二十条第（十六）项）。

依据 / Why: 2019年修订的《中华人民共和国政府信息公开条例》共六章五十六条，第五十六条为“本条例自2019年5月
15日起施行”。第二十条列举主动公开的政府信息共十五项，第（十五）项为“法律、法规、规章和国家有关规定规定
应当主动公开的其他政府信息”。引用不存在的条款，说明条文序号抄错或引用了其他文件的条款。

错误示例 / Fails: “根据《条例》第五十八条”；“第二十条第（十六）项”；“《条例》第十四条第（二）项”（第十四条不分项）。

正确示例 / Passes: “《条例》第五十条”；“第二十条第（八）项”。

修改方法 / Fix: 核对《条例》原文，改正条文或项的序号。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit, Location
from opengov_lint.knowledge.catalog import law
from opengov_lint.recognise.citations import caption_item
from opengov_lint.recognise.text import int_to_cn
from opengov_lint.rules.support.citations import citations, cites_regulation
from opengov_lint.rules.support.locations import citation_location

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG404"
NAME = "article-nonexistent"
SEVERITY = "error"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "law",
    "refs": ["2019:56", "2019:20.15"],
    "zh": "2019年修订的《条例》共五十六条，第二十条共十五项",
    "en": "the revised Regulations have 56 articles; article 20 has 15 items",
}
MESSAGES = {
    "article": {"zh": "引用了“{found}”，但《条例》只有{count}条",
                "en": "cites '{found}', but the regulation has only {count} articles"},
    "item": {"zh": "引用了“{found}”，但《条例》第{article_cn}条{has}",
             "en": "cites '{found}', but article {article} of the regulation {has_en}"},
}


def check(report: Report, options: None) -> Iterator[Hit]:
    reg = law("2019")
    seen: set[tuple[int | None, int, int | None]] = set()
    for c in citations(report):
        if c.kind != "article" or c.article is None or not cites_regulation(c):
            continue
        if c.law == "caption" and c.article != 20:
            continue  # a malformed caption: OG402
        key = (c.line, c.article, c.item)
        if key in seen:
            continue
        seen.add(key)
        hit = _judge(reg, c.text, c.article, c.item, citation_location(c))
        if hit is not None:
            yield hit
    table = report.tables.get("active_disclosure")
    for cap in table.captions if table is not None else ():
        item = caption_item(cap.text)
        if item is not None and (cap.line, 20, item) not in seen:
            hit = _judge(reg, cap.text, 20, item, Location(line=cap.line, page=cap.page, section=2,
                                                          table="active_disclosure", excerpt=cap.text))
            if hit is not None:
                yield hit


def _judge(reg, text: str, article: int, item: int | None, loc: Location) -> Hit | None:  # type: ignore[no-untyped-def]
    art = reg.article(article)
    if art is None:
        return Hit(message="article", args={"found": text, "count": reg.size}, location=loc,
                   evidence={"found": text, "article": article, "articles": reg.size})
    if item is None or art.item(item) is not None:
        return None
    count = len(art.items)
    has = f"只有{count}项" if count else "不分项"
    has_en = f"has only {count} items" if count else "has no items"
    return Hit(message="item", args={"found": text, "article": article, "article_cn": int_to_cn(article),
                                     "has": has, "has_en": has_en},
               location=loc, evidence={"found": text, "article": article, "item": item, "items": count})
