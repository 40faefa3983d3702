"""The format document (or the fee measures) is cited with a wrong title or a wrong document number.

年度报告格式文件（或信息处理费管理办法）的名称、文号引用有误。

依据 / Why: 《条例》第五十条第二款：“全国政府信息公开工作主管部门应当公布政府信息公开工作年度报告统一格式，
并适时更新。”现行格式为国务院办公厅政府信息与政务公开办公室《关于印发〈中华人民共和国政府信息公开工作年度
报告格式〉的通知》（国办公开办函〔2021〕30号）；2019、2020年度适用《关于政府信息公开工作年度报告有关事项的
通知》（国办公开办函〔2019〕60号）印发的格式（试行）。信息处理费的依据为《政府信息公开信息处理费管理办法》
（国办函〔2020〕109号）。名称残缺（漏“中华人民共和国”“关于印发”）或文号写错，读者无法据此查到原文件。

错误示例 / Fails: “〈政府信息公开工作年度报告格式〉”；“《〈中华人民共和国政府信息公开工作年度报告格式〉的通知》”；
“《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕3号）”；“《政府信息公开处理费管理办法》”。

正确示例 / Passes: “《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）”。

修改方法 / Fix: 按上述正式名称和文号改正；文号中的年份用六角括号〔〕。
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from opengov_lint.findings import Hit
from opengov_lint.knowledge.catalog import documents
from opengov_lint.recognise.citations import Citation, clean_title
from opengov_lint.recognise.text import nfkc
from opengov_lint.rules.support.citations import citations
from opengov_lint.rules.support.locations import citation_location

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG408"
NAME = "format-citation"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "law",
    "refs": ["2019:50", "format_2019", "format_2021", "fee_measures"],
    "zh": "《条例》第五十条第二款（主管部门公布年度报告统一格式）；格式通知国办公开办函〔2019〕60号、〔2021〕30号"
          "和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的正式名称和文号",
    "en": "article 50 paragraph 2 (the national report format); the titles and numbers of the format notices "
          "(2019 No. 60, 2021 No. 30) and of the fee measures (2020 No. 109)",
}
MESSAGES = {
    "title": {"zh": "文件名称写作“{found}”，正式名称为《{expected}》", "en": "the document is cited as '{found}'; its title is 《{expected}》"},
    "docno": {"zh": "《{title}》的文号写作“{found}”，应为“{expected}”",
              "en": "《{title}》 is cited with the number '{found}'; it is '{expected}'"},
}


_SAME_DOCUMENT = 0.7  # similarity below which a cited title is another document, not a misquote


def _norm(s: str) -> str:
    return clean_title(nfkc(s))


def _docno(d: dict[str, Any]) -> str:
    return f"{d['prefix']}〔{d['year']}〕{d['number']}号"


def _key(text: str) -> tuple[str, int, int] | None:
    m = re.search(r"([\u4e00-\u9fff]+)[〔\[［(（【﹝]\s*(\d{4})\s*[〕\]］)）】﹞]\s*(\d+)\s*号", text)
    return (m.group(1), int(m.group(2)), int(m.group(3))) if m else None


def _documents() -> list[dict[str, Any]]:
    """The format notices and the fee measures, each with accepted titles, markers and numbers."""
    docs = documents()
    out = [{"accepted": f["accepted"], "title": f["title"], "docnos": [_docno(g["docno"]) for g in docs["formats"]],
            "markers": docs["format_markers"]} for f in docs["formats"]]
    fee = docs["fee_measures"]
    out.append({"accepted": fee["accepted"], "title": fee["title"], "docnos": [_docno(fee["docno"])],
                "markers": fee["markers"]})
    return out


def _match(title: str) -> tuple[dict[str, Any], bool, str] | None:
    """(document, accepted?, closest accepted title) for a cited title that names one of them."""
    t = _norm(title)
    if not t.startswith("中华人民共和国") and any(m in t.split("关于")[0] for m in
                                                documents()["regulation"]["local_markers"]):
        return None  # a province's or city's own format or measures
    best: tuple[float, dict[str, Any], str] | None = None
    for d in _documents():
        if not any(_norm(m) in t for m in d["markers"]):
            continue
        for a in d["accepted"]:
            if _norm(a) == t:
                return d, True, a
            same_kind = _norm(a).endswith("通知") == t.endswith("通知")
            r = SequenceMatcher(None, t, _norm(a)).ratio() + (1 if same_kind else 0)
            if best is None or r > best[0]:
                best = (r, d, a)
    return (best[1], False, best[2]) if best else None


def _known_prefixes() -> set[str]:
    return {k[0] for d in _documents() for n in d["docnos"] if (k := _key(n)) is not None}


def check(report: Report, options: None) -> Iterator[Hit]:
    cits = citations(report)
    for i, c in enumerate(cits):
        if c.kind != "title" or not c.title:
            continue
        found = _match(c.title)
        if found is None:
            continue
        doc, ok, closest = found
        no = _docno_after(cits, i)
        if no is not None and no.prefix not in _known_prefixes():
            continue  # another document cited by its own number (a province's fee notice): not ours to correct
        if not ok and SequenceMatcher(None, _norm(c.title), _norm(closest)).ratio() < _SAME_DOCUMENT:
            continue  # a different document that only mentions the format or the fee in its title
        if not ok:
            yield Hit(message="title", args={"found": c.text, "expected": closest},
                      location=citation_location(c), evidence={"found": c.title, "expected": closest})
        if no is not None and (no.prefix, no.year, no.number) not in {_key(d) for d in doc["docnos"]}:
            yield Hit(message="docno", args={"title": doc["title"], "found": no.text, "expected": doc["docnos"][-1]
                                             if len(doc["docnos"]) == 1 else "、".join(doc["docnos"])},
                      location=citation_location(no), evidence={"found": no.text, "expected": doc["docnos"]})


def _docno_after(cits: list[Citation], i: int) -> Citation | None:
    """The document number written right after a title (《…》（国办公开办函〔2021〕30号）)."""
    c = cits[i]
    for n in cits[i + 1:i + 3]:
        if n.kind == "docno" and n.stream == c.stream and 0 < n.start - c.start <= len(c.title or "") + 6:
            return n
        if n.kind == "title":
            return None
    return None
