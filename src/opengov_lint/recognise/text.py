"""Text normalisation shared by the recogniser: width, spaces, quotes, numbering and numerals."""

from __future__ import annotations

import functools
import re
import unicodedata

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}

CN_NUM = "零〇一二两三四五六七八九十百千"

_WS = re.compile(r"[\s\u3000\u00a0\u200b\u200c\u200d\ufeff]+")
_QUOTES = re.compile(r"[\"'“”‘’「」『』〝〞＂＇]")
# 1、 1． 一、 -> 1. 一.   (after NFKC, ． is already .)
_NUM_SEP = re.compile(r"^(\d{1,2}|[零〇一二两三四五六七八九十百千]{1,3})[、,，]")
_PUNCT = re.compile(r"[、,，·;；]")
# Leading numbering of a label: 一、 (一) 1. (1) ①
_LEAD_NUMBERING = re.compile(
    rf"^(?:[{CN_NUM}]{{1,3}}[、.]|\([{CN_NUM}]{{1,3}}\)|\d{{1,2}}[.、]|\(\d{{1,2}}\)|[①-⑳])"
)


@functools.lru_cache(maxsize=4096)  # several rules normalise the same paragraphs of a report
def nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def squash(s: str) -> str:
    """Remove every kind of whitespace (spaces, ideographic spaces, NBSP, line breaks)."""
    return _WS.sub("", s)


@functools.lru_cache(maxsize=65536)
def norm(s: str) -> str:
    """The matching form of a label: NFKC (full/half width), no whitespace, no quotes, 1、 -> 1.,
    without trailing colon. Two labels that differ only in these respects are the same label."""
    t = squash(_QUOTES.sub("", nfkc(s)))
    t = _PUNCT.sub("", _NUM_SEP.sub(r"\1.", t))
    return t.rstrip(":;,。.")


@functools.lru_cache(maxsize=16384)
def core(s: str) -> str:
    """`norm` without the leading numbering (一、 (三) 1. ...)."""
    t = norm(s)
    m = _LEAD_NUMBERING.match(t)
    return t[m.end():] if m else t


def has_numbering(s: str) -> bool:
    return bool(_LEAD_NUMBERING.match(norm(s)))


def cn_to_int(s: str) -> int | None:
    """Chinese (一 … 九十九, 一百…) or Arabic numeral to int; None when it is not a numeral."""
    s = nfkc(s).strip()
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if any(ch not in _CN_DIGITS and ch not in _CN_UNITS for ch in s):
        return None
    total, current = 0, 0
    for ch in s:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        else:
            unit = _CN_UNITS[ch]
            total += (current or 1) * unit
            current = 0
    return total + current


def int_to_cn(n: int) -> str:
    """1..99 -> 一 … 九十九 (the numbering of headings and articles)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


_CJK = re.compile("[\u4e00-\u9fff]")


def has_cjk(s: str) -> bool:
    return _CJK.search(s) is not None


def cjk_count(s: str) -> int:
    """How many ideographs (U+4E00-U+9FFF) `s` holds. Every module counts with this one compiled class:
    compiling a class of 21,000 code points costs about a millisecond and a half each time."""
    return len(_CJK.findall(s))


def excerpt(s: str, limit: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"
