"""The citations of the report's running text, and how a cited title names the 条例 (OG4xx)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from opengov_lint.knowledge.catalog import documents
from opengov_lint.recognise.citations import Citation, caption_item
from opengov_lint.rules.support.text import text_index

if TYPE_CHECKING:
    from opengov_lint.model import Report


def citations(report: Report) -> list[Citation]:
    """Every citation of the report's running text (the scanner of recognise.citations, run once per
    report by its text index); a new list each call."""
    return text_index(report).citations(documents()["docno_prefixes"])


def regulation_kind(title: str | None) -> str | None:
    """How a cited title names 《中华人民共和国政府信息公开条例》: full | short | abbr | wrong, or None
    when it names something else (another law, a local regulation)."""
    if not title:
        return None
    reg = documents()["regulation"]
    t = re.sub(r"\((?:\d{4}年?)?[^()]{0,12}\)$", "", title)
    if t == reg["title"]:
        return "full"
    if t == reg["short"]:
        return "short"
    if t in reg["abbreviations"]:
        return "abbr"
    if t in reg["wrong"]:
        return "wrong"
    if not t.endswith("条例") or not ("信息" in t or "公开" in t):
        return None
    if not t.startswith("中华人民共和国") and any(m in t for m in reg["local_markers"]):
        return None
    close = max(SequenceMatcher(None, t, reg["title"]).ratio(), SequenceMatcher(None, t, reg["short"]).ratio())
    return "wrong" if close >= 0.8 else None


def cites_regulation(c: Citation) -> bool:
    """An article citation that refers to the 条例 (by its title, its abbreviation, or a caption)."""
    return c.law in ("条例", "caption") or regulation_kind(c.law) is not None


def caption_item_of(text: str) -> int | None:
    """第二十条第（五）项 -> 5: the recogniser's one caption reading (recognise.citations.caption_item)."""
    return caption_item(text)
