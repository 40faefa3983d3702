"""The report cites the regime before the 2019 revision: the 2007 decree, the 2007 article numbers, the
2007 section on fees, the 2019 format notice in a 2021+ report, or the old statistics-form reply terms.

引用了2019年修订前的规定：2007年的国务院令第492号、旧条文序号、旧版“收费及减免情况”部分、2021年
及以后报告中的国办公开办函〔2019〕60号，或旧统计表的答复口径（“同意公开”“同意部分公开”“否决公开”）。

依据 / Why: 《条例》于2019年4月3日由国务院令第711号修订，自2019年5月15日起施行；修订后条文重新编排
（由38条增至56条），原条文序号不再适用。年度报告的法律依据由原第三十一条、第三十二条改为第四十九条、第五十条；第五十条删去了原
第三十二条第（三）项“政府信息公开的收费及减免情况”。2021年度起年度报告适用国办公开办函〔2021〕30号
印发的格式，〔2019〕60号的格式（试行）不再适用。依申请答复的口径也改为第三十六条的分类（表三：予以公开、
部分公开、不予公开、无法提供、不予处理、其他处理）。沿用旧口径，说明报告照搬了旧文本。

错误示例 / Fails: “根据《条例》第三十一条规定编制本年度报告”；2022年度报告中“国办公开办函〔2019〕60号”；
“同意公开答复9件”；“否决公开1件”。（“信息不存在”“不属于本机关负责公开”是现行第三十六条第（四）（五）项的
用语，不在此列。）

正确示例 / Passes: “依据《条例》第五十条”；“国办公开办函〔2021〕30号”；“予以公开9件”。

修改方法 / Fix: 改用现行条文和文件：国务院令第711号、第四十九条／第五十条、国办公开办函〔2021〕30号，
答复情况按表三的分类表述。
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from opengov_lint.findings import Hit
from opengov_lint.knowledge.catalog import Law, documents, law
from opengov_lint.recognise.text import int_to_cn, nfkc
from opengov_lint.rules.support.citations import citations, cites_regulation
from opengov_lint.rules.support.locations import citation_location, unit_location
from opengov_lint.rules.support.text import text_index

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report
    from opengov_lint.recognise.citations import Citation

CODE = "OG403"
NAME = "outdated-citation"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "law",
    "refs": ["2019:49", "2019:50", "2019:36", "2019:42", "2007:31", "2007:32", "2007:27", "format_2021"],
    "zh": "国务院令第711号修订后的《条例》（2019年5月15日施行）第四十九条、第五十条、第三十六条、第四十二条，"
          "对应原第三十一条、第三十二条、第二十七条；2021年度起适用国办公开办函〔2021〕30号的格式",
    "en": "the Regulations as revised by decree No. 711 (in force 15 May 2019), articles 49, 50, 36 and 42 "
          "(formerly 31, 32 and 27); from 2021 the format of 2021 No. 30",
}
MESSAGES = {
    "decree": {"zh": "引用了国务院令第492号（2007年公布的原条例）；《条例》已由国务院令第711号修订（2019年5月15日起施行），"
                     "应引用修订后的条例",
               "en": "cites decree No. 492 (the regulation as published in 2007); it was revised by decree No. 711 "
                     "(in force since 15 May 2019)"},
    "article": {"zh": "以{found}作为年度报告的依据，这是2007年原条例的条文序号（{old_caption}）；现行条例为{expected}",
                "en": "cites {found} as the basis of the annual report — the 2007 numbering ({old_caption}); "
                      "today it is {expected}"},
    "heading": {"zh": "报告设有“{found}”部分，这是2007年原条例第三十二条第（三）项的内容，2019年修订后已删除",
                "en": "the report has a part '{found}', an item of article 32 of the 2007 regulation, dropped in 2019"},
    "format": {"zh": "{year}年度报告引用了{found}（2019、2020年度适用的格式），{year}年度应适用国办公开办函〔2021〕30号",
               "en": "a {year} report cites {found} (the format for 2019-2020 reports); {year} reports follow "
                     "国办公开办函〔2021〕30号"},
    "category": {"zh": "“{found}”是2019年以前旧统计表的答复口径，现行表三中对应“{current}”",
                 "en": "'{found}' is a reply category of the pre-2019 statistics form; the current table 三 calls it "
                       "'{current}'"},
    "phrase": {"zh": "“{found}”是2007年原条例第二十七条的收费表述，现行条例第四十二条已改为不收费（超量可收取信息处理费）",
               "en": "'{found}' is the fee wording of article 27 of the 2007 regulation; article 42 today charges "
                     "no fee (except an information-processing fee)"},
}


def check(report: Report, options: None) -> Iterator[Hit]:
    yield from _citations(report, report.meta.year)
    yield from _text(report, documents()["outdated"])


def _citations(report: Report, year: int | None) -> Iterator[Hit]:
    new, old = law("2019"), law("2007")
    walk = {int(n): (cw["new"], cw["topic"]) for cw in old.crosswalk if cw.get("annual_report") for n in cw["old"]}
    fmt19 = next(f for f in documents()["formats"] if f["layout"] == "2019")
    for c in citations(report):
        hit = _old_decree(c, new, old) or _old_article(c, walk, new, old) or _old_format(c, year, fmt19)
        if hit is not None:
            yield hit


def _old_decree(c: Citation, new: Law, old: Law) -> Hit | None:
    """国务院令第492号 (the 2007 regulation) cited without the revision (第711号) in the same sentence."""
    if c.kind == "decree" and c.number == old.decree and "711" not in c.sentence:
        return Hit(message="decree", location=citation_location(c), evidence={"found": c.text, "expected": new.decree})
    return None


def _old_article(c: Citation, walk: dict[int, tuple[list[int], str]], new: Law, old: Law) -> Hit | None:
    """An article of the 2007 numbering given as the basis of the annual report (原第三十一条 -> 第四十九条)."""
    if not (c.kind == "article" and c.article in walk and c.item is None
            and (c.law is None or cites_regulation(c)) and any(w in c.sentence for w in ("年度报告", "年报"))):
        return None
    news, topic = walk[c.article]
    art = old.article(c.article)
    expected = "、".join(f"第{int_to_cn(a.number)}条（{a.caption}）" for a in map(new.article, news) if a)
    return Hit(message="article", args={"found": c.text, "old_caption": art.caption if art else topic,
                                        "expected": expected},
               location=citation_location(c), evidence={"found": c.text, "old_article": c.article, "new_articles": news})


def _old_format(c: Citation, year: int | None, fmt19: dict) -> Hit | None:  # type: ignore[type-arg]
    """A report of 2021 or later that cites the 2019 format (国办公开办函〔2019〕60号)."""
    if year is not None and year >= 2021 and _is_2019_format(c, fmt19):
        return Hit(message="format", args={"year": year, "found": c.text}, location=citation_location(c),
                   evidence={"found": c.text, "year": year, "expected": "国办公开办函〔2021〕30号"})
    return None


def _is_2019_format(c, fmt19: dict) -> bool:  # type: ignore[no-untyped-def,type-arg]
    d = fmt19["docno"]
    if c.kind == "docno":
        return bool(c.year == d["year"] and c.number == d["number"] and "公开" in (c.prefix or ""))
    return c.kind == "title" and bool(c.title) and "年度报告格式(试行)" in nfkc(c.title)


_PATTERNS: list[Any] = [None, []]  # [the vocabulary, [(category, pattern source)]]


def _patterns(old: dict) -> list[tuple[dict, str]]:  # type: ignore[type-arg]
    """Each 2007 reply category with its pattern's source (compiled by `_compiled` on first need: most
    reports never write a category's term)."""
    if _PATTERNS[0] is not old:
        fill = "|".join(re.escape(nfkc(f)) for f in sorted(old["category_fillers"], key=len, reverse=True))
        cats = sorted(old["categories"], key=lambda c: -len(c["term"]))
        _PATTERNS[:] = [old, [(cat, rf"[“\"]{re.escape(cat['term'])}[”\"]|{re.escape(cat['term'])}(?:{fill}){{0,3}}"
                                     rf"(?:\d+|[一二两三四五六七八九十]{{1,3}})件") for cat in cats]]
    return _PATTERNS[1]  # type: ignore[no-any-return]


_compiled = functools.lru_cache(maxsize=64)(re.compile)


def _text(report: Report, old: dict) -> Iterator[Hit]:  # type: ignore[type-arg]
    patterns = _patterns(old)
    phrases = [(phrase, nfkc(phrase)) for phrase in old["phrases"]]
    for u, flat in text_index(report).normalised:
        if len(flat) <= 30 and any(h in flat for h in old["headings"]):
            yield Hit(message="heading", args={"found": u.paragraph.text.strip()},
                      location=unit_location(u), evidence={"found": u.paragraph.text.strip()})
            continue
        seen: list[tuple[int, int]] = []
        for cat, rx in patterns:
            term = cat["term"]
            if term not in flat:
                continue
            for m in _compiled(rx).finditer(flat):
                if any(a <= m.start() < b for a, b in seen):
                    continue
                seen.append(m.span())
                yield Hit(message="category", args={"found": term, "current": cat["current"]},
                          location=unit_location(u, m.group(0)),
                          evidence={"found": term, "text": m.group(0), "current": cat["current"]})
        for phrase, folded in phrases:
            if folded in flat:
                yield Hit(message="phrase", args={"found": phrase}, location=unit_location(u),
                          evidence={"found": phrase})
