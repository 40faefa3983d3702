"""Small text helpers shared by the document readers: CJK-aware whitespace, quote normalisation and
page furniture (page numbers and running headers that are not part of the report)."""

from __future__ import annotations

import re

_CJK = "\u2e80-\u2fff\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
# Whitespace that comes from the source layout (a line wrap inside a CJK sentence), not from the author.
_WRAP_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\r\n\f]*[\r\n][ \t\r\n\f]*(?=[{_CJK}])")
_HTML_WS = re.compile(r"[ \t\r\n\f]+")
# A space an extraction tool inserted next to CJK text ("2020 年", "信息 7 条"): a PDF places
# glyphs, it has no spaces to keep.
_SPACE_NEXT_TO_CJK = re.compile(rf"(?<=[{_CJK}]) +|(?<=[\w%.]) +(?=[{_CJK}])")
_PAGE_NUMBER = re.compile(
    r"^(?:[\s\-—–－─_~·•]*\d{1,3}[\s\-—–－─_~·•]*"
    r"|第\s*\d{1,3}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,3}\s*页)?"
    r"|(?:page|p\.)\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?"
    r"|\d{1,3}\s*[/／]\s*\d{1,3})$",
    re.IGNORECASE,
)
_DQUOTE = re.compile(r"[\"＂]")


def collapse_html_space(text: str) -> str:
    """HTML `white-space: normal`: runs of ASCII whitespace become one space, except a source line
    wrap between two CJK characters, which browsers show as nothing worth keeping."""
    if "\n" in text or "\r" in text:
        text = _WRAP_BETWEEN_CJK.sub("", text)
    elif "\t" not in text and "\f" not in text and "  " not in text:
        return text  # nothing to collapse (most cells): no regex pass
    return _HTML_WS.sub(" ", text)


def drop_spaces_near_cjk(text: str) -> str:
    return _SPACE_NEXT_TO_CJK.sub("", text)


def is_page_number(line: str) -> bool:
    """`— 4 —`, `-4-`, `4`, `第4页 共9页`, `Page 9`, `4/9`."""
    s = line.strip()
    return bool(s) and bool(_PAGE_NUMBER.match(s))


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def normalise_quotes(text: str) -> str:
    """Straight quotes in Chinese text become “ ” and ‘ ’ in turn (what the author typed; a PDF
    font or an export replaced them). Text without CJK is left alone."""
    if not has_cjk(text):
        return text
    if '"' in text or "＂" in text:
        text = _alternate(_DQUOTE.split(text), "“", "”")
    if "'" in text:
        text = _alternate(text.split("'"), "‘", "’")
    return text


def _alternate(parts: list[str], opening: str, closing: str) -> str:
    return parts[0] + "".join((opening if i % 2 == 0 else closing) + p for i, p in enumerate(parts[1:]))
