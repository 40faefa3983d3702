"""The report cites another province's local regulation or document as its basis.

报告把外省（区、市）的地方性法规、规章或文件作为本机关工作的依据。

依据 / Why: 地方性法规、地方政府规章和地方行政机关的文件只在本行政区域内有效（《中华人民共和国立法法》关于
地方性法规、规章效力范围的规定）；一份福建省机关的报告写“依据《江苏省政府信息公开办法》”，通常是照抄外省
报告留下的痕迹（评估实践）。本机关所在省份从机关名称判断（名称中的省名，或省会城市、计划单列市的市名，见
rules/provinces.yaml）；判断不出省份时不作判断。被引文件的省份从书名号中标题开头的省名、省会城市名或文号的
省份代字（苏政办发、闽政、浙政办发…）判断；国家层面的文件从不计入。只有句中在引文前写有“依据”“根据”
“按照”“贯彻落实”等词时，才视为作为依据引用。

错误示例 / Fails: 福建省某县报告：“根据《江苏省政府信息公开办法》要求，……”；“按照苏政办发〔2021〕8号文件要求”。

正确示例 / Passes: “根据《福建省政府信息公开办法》要求……”；“学习借鉴浙江省经验”（未作为依据）。

修改方法 / Fix: 改为引用本省（本市）的相应文件；确属参考外省做法的，不要写作“依据”。
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from opengov_lint.findings import Hit
from opengov_lint.knowledge.catalog import provinces
from opengov_lint.recognise.streams import fold_text
from opengov_lint.recognise.text import nfkc, squash
from opengov_lint.rules.support.citations import citations
from opengov_lint.rules.support.locations import citation_location

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report
    from opengov_lint.recognise.citations import Citation

CODE = "OG409"
NAME = "foreign-local-regulation"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "law",
    "refs": ["立法法"],
    "zh": "《中华人民共和国立法法》关于地方性法规、规章效力范围的规定；以外省文件为依据多为照抄（评估实践）",
    "en": "the Legislation Law on the territorial scope of local regulations and rules; cit"
          "ing another province's document as a basis is usually copied text (assessment pr"
          "actice)",
}
MESSAGES = {
    "default": {
        "zh": "本机关属{own}，却以{other}的文件“{cited}”为依据；外省文件在本地不适用，请改引本省（本市）的相应文件",
        "en": "the issuer is in {own}, yet the report relies on '{cited}', a document of {other}; another "
              "province's rules do not apply here: cite the corresponding document of your own province",
    },
}


_NOTICE_LEAD = re.compile(r"^关于(?:印发|转发)?")


@dataclass(frozen=True, slots=True)
class _Province:
    name: str
    code: str
    places: tuple[str, ...]  # the province's full name and the catalogue's cities
    docno_ambiguous: bool


@functools.cache
def _catalogue() -> tuple[_Province, ...]:
    out = []
    for p in provinces()["provinces"]:
        places = (p["name"], *p.get("cities", ()))
        out.append(_Province(p["name"], p["code"], places, bool(p.get("docno_ambiguous"))))
    return tuple(out)


def province_of(name: str | None) -> _Province | None:
    """The province an organ's (or a document's) name opens with: 江苏省…, 南京市…; None when unknown."""
    if not name:
        return None
    flat = squash(nfkc(name))
    for p in _catalogue():
        if any(flat.startswith(place) for place in p.places):
            return p
    return None


def _docno_province(c: Citation) -> tuple[_Province, str] | None:
    """The province of a document number and the number as cited (苏政办发〔2021〕8号)."""
    prefix = fold_text(c.prefix or "")
    forms: list[str] = provinces()["docno_forms"]
    best: tuple[int, _Province] | None = None
    for p in _catalogue():
        if p.docno_ambiguous:
            continue
        for form in forms:
            doc = p.code + form
            # the scanner's prefix may keep a few words before the number (…人民政府按照苏政办发)
            if prefix.endswith(doc) and (best is None or len(doc) > best[0]):
                best = (len(doc), p)
    if best is None:
        return None
    return best[1], c.text[len(c.prefix or "") - best[0]:]


@functools.cache
def _basis() -> re.Pattern[str]:
    words: list[str] = provinces()["basis_words"]
    return re.compile("|".join(re.escape(w) for w in words))


def _as_basis(c: Citation, cited: str) -> bool:
    """The sentence uses a basis word (依据, 根据, 按照…) before the citation."""
    sentence = squash(nfkc(c.sentence))
    at = sentence.find(squash(nfkc(cited)))
    return at > 0 and _basis().search(sentence, 0, at) is not None


def _cited_province(c: Citation) -> tuple[_Province, str] | None:
    if c.kind == "title" and c.title:
        p = province_of(_NOTICE_LEAD.sub("", c.title))  # 《关于印发〈江苏省…办法〉的通知》
        return (p, c.text) if p else None
    if c.kind == "docno":
        return _docno_province(c)
    return None


def check(report: Report, options: Any) -> Iterator[Hit]:
    own = province_of(report.meta.issuer)
    if own is None:
        return
    seen: set[str] = set()
    for c in citations(report):
        found = _cited_province(c)
        if found is None:
            continue
        other, cited = found
        if other.name == own.name or not _as_basis(c, cited):
            continue
        key = c.title or cited
        if key in seen:
            continue  # the same document cited again: one finding
        seen.add(key)
        yield Hit(args={"own": own.name, "other": other.name, "cited": cited}, location=citation_location(c),
                  evidence={"issuer_province": own.name, "cited_province": other.name, "cited": cited,
                            "by": "title" if c.kind == "title" else "docno"})
