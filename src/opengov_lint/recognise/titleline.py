"""The report's own title line, found as a reader finds it, past the page furniture of a government
site: breadcrumbs (`当前位置：首页 > 政务公开 > …`), toolbars (`字号 大 中 小`, `关怀版`, `无障碍`, share and
print links) and metadata blocks (`索引号：… 发布机构：… 发布日期：…`). The furniture vocabulary is in
rules/issuers.yaml (`chrome`).

A title may be split over lines (`洪泽区人民政府` / `2023年政府信息公开工作年度报告`, or
`2024 年上海市科委政府信息公开工作` / `年度报告`) or sit inside one line of furniture; the pieces are
joined right to left from the piece that ends with the document type."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from opengov_lint.recognise.issuer import catalogue, is_place, issuer_class, organ_in_title, plausible
from opengov_lint.recognise.text import nfkc, squash

if TYPE_CHECKING:
    from opengov_lint.model import Paragraph

_SCAN_CHARS = 400  # of each paragraph: a title sits near the top of its line
_SENTENCE = re.compile(r"[。，,；;！？]")
_YEARISH = re.compile(r"^(?:(?:19|20)\d{2}(?:年度?)?|年度?)$")
_HAS_YEAR = re.compile(r"(?:19|20)\d{2}\s*年")
_YEAR_WORD = re.compile(r"(?:19|20)\d{2}\s*年度?")
_CONTINUES = re.compile(r"(?:公开|公开工作|工作|政府信息|信息)$")
_WORDCHAR = re.compile(r"[^\W_]")  # a letter, digit or ideograph: what furniture words leave behind


@dataclass(slots=True)
class Piece:
    text: str
    chrome: bool
    line: int | None
    para: int  # index of the paragraph it comes from


@functools.cache
def _chrome() -> tuple[tuple[str, ...], re.Pattern[str], re.Pattern[str]]:
    c = catalogue()["chrome"]
    starts = tuple(nfkc(s) for s in sorted(c["starts"], key=len, reverse=True))  # normalised as the lines are
    words = re.compile("|".join(re.escape(w) for w in sorted(c["words"], key=len, reverse=True)))
    seps = re.compile("|".join(re.escape(s) for s in sorted(c["separators"], key=len, reverse=True)))
    return starts, words, seps


def is_chrome(text: str) -> bool:
    """A line (or a piece of one) that is page furniture."""
    t = squash(nfkc(text)).lstrip("#*【[ ")
    if not t:
        return True
    starts, words, seps = _chrome()
    if t.startswith(starts):
        return True
    rest = seps.sub("", words.sub("", t))
    return not _WORDCHAR.search(rest)


def _pieces(paragraphs: list[Paragraph]) -> list[Piece]:
    """The first paragraphs cut at spaces, colons and breadcrumb separators. Everything after a
    furniture word in a paragraph, and every piece of a breadcrumb trail, is furniture, except the piece
    that carries the title itself."""
    seps = _chrome()[2]
    out: list[Piece] = []
    for i, p in enumerate(paragraphs):
        text = nfkc(p.text[:_SCAN_CHARS]).strip().lstrip("#").strip()
        trail = len(seps.findall(text)) >= 1 and not re.search(r"\d{4}/\d", text)
        run = trail
        for raw in re.split(r"[\s\u3000]+|(?<=[:：])|(?=[:：])", text):
            if not raw:
                continue
            for part in seps.split(raw):
                part = part.strip()
                if not part:
                    continue
                if part in (":", "："):
                    out.append(Piece(part, True, p.line, i))
                    continue
                chrome = is_chrome(part)
                run = run or chrome
                out.append(Piece(part, run or chrome, p.line, i))
    return out


def _end_of_title(text: str) -> int | None:
    """Where a piece holding the document type ends it (after the last 报告, or 年报 after a year)."""
    i = text.rfind("报告")
    if i >= 0:
        return i + 2
    if _HAS_YEAR.search(text):
        j = text.rfind("年报")
        if j >= 0:
            return j + 2
    return None


def _titleish(phrase: str) -> bool:
    t = squash(phrase)
    return ("公开" in t and not _SENTENCE.search(t) and 6 <= len(t) <= 80
            and not re.match(r"^(?:现将|现予|根据|依据|按照|本报告|本年度报告|为|附)", t))


def _organish(piece: str) -> bool:
    t = squash(piece)
    return plausible(t) and (issuer_class(t) is not None or is_place(t))


def _extend(pieces: list[Piece], i: int, phrase: str) -> tuple[str, int]:
    """Prepend the pieces that belong to the title: the year written apart, the organ on the line
    above, the first half of a title broken before 年度报告."""
    j = i - 1
    while j >= 0:
        prev = pieces[j]
        if prev.chrome:
            break
        t = squash(prev.text)
        p = squash(phrase)
        has_year = _HAS_YEAR.search(p) is not None
        year_apart = _YEARISH.match(t) is not None and (not has_year or p.startswith("年"))
        if year_apart or ("公开" not in p and _CONTINUES.search(t)):
            phrase = prev.text + phrase  # `2025 年 …` spaced out, or `…公开工作` / `年度报告` broken
        elif organ_in_title(p) is None and _organish(_YEAR_WORD.sub("", t)) and not (has_year and _HAS_YEAR.search(t)):
            return prev.text + phrase, j  # the organ (with its year) on the line above
        else:
            break
        j -= 1
    return phrase, j + 1


def find_title(paragraphs: list[Paragraph]) -> tuple[str, int | None] | None:
    """(the title as written, its first line) or None when no line of the top reads as a title. A title
    with its year wins over one without (`首页 > 政府信息公开工作年度报告` is a column of the site)."""
    pieces = _pieces(paragraphs)
    fallback: tuple[str, int | None] | None = None
    for i, piece in enumerate(pieces):
        end = _end_of_title(piece.text)
        if end is None:
            continue
        phrase, first = _extend(pieces, i, piece.text[:end])
        if _titleish(phrase):
            found = "".join(phrase.split()), pieces[first].line
            if _HAS_YEAR.search(found[0]):
                return found
            fallback = fallback or found
    return fallback


def publisher(paragraphs: list[Paragraph]) -> str | None:
    """The value of a 发布机构 field in a metadata block near the top, as written."""
    labels = "|".join(re.escape(x) for x in catalogue()["chrome"]["publisher_labels"])
    pattern = re.compile(rf"(?:{labels})\s*[:：]\s*([^\s:：|｜]+)")
    for p in paragraphs:
        m = pattern.search(nfkc(p.text[:_SCAN_CHARS]))
        if m:
            return m.group(1)
    return None
