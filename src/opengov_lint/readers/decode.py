"""Text decoding for text-like formats: BOM, then a declared charset (HTML `<meta charset>`), then
strict UTF-8, then GB18030 (a superset of GBK and GB2312, as browsers do). Never hand undecodable
bytes to a parser: libxml2 silently truncates a page labelled gb2312 at the first GBK-only
character (硚 堃 喆), losing every table after it."""

from __future__ import annotations

import codecs
import re

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# <meta charset="gbk"> and <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
_META_CHARSET = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.IGNORECASE)
_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*\bencoding\s*=\s*[\"']([A-Za-z0-9_.:\-]+)", re.IGNORECASE)
# Labels browsers treat as GB18030 (WHATWG Encoding Standard: gb2312, gbk, x-gbk, ... are all "GBK",
# decoded with the GB18030 decoder).
_GB = {"gb2312", "gbk", "gb_2312-80", "gb_2312", "x-gbk", "gb18030", "cp936", "ms936", "windows-936", "euc-cn",
       "csgb2312", "chinese", "iso-ir-58", "csiso58gb231280"}


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Returns (text, encoding used). Undecodable bytes are replaced, never fatal."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), enc
    if declared:
        codec = normalise_charset(declared)
        if codec:
            try:
                return data.decode(codec), codec
            except (UnicodeDecodeError, LookupError):
                pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), "utf-8"


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (`<meta charset>`, http-equiv or the XML
    declaration), or None."""
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_DECL.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def decode_html(data: bytes) -> tuple[str, str]:
    """BOM -> <meta charset> -> strict UTF-8 -> GB18030. A declaration that does not decode the
    bytes (a page saved as UTF-8 that still says gb2312) falls through to the next step. A UTF-16
    declaration without a BOM is ignored (as browsers do); a single-byte Western declaration
    (iso-8859-1, windows-1252) decodes anything, so it is used only when neither UTF-8 nor GB18030
    can read the bytes: it is a wrong label on a Chinese page, never the truth."""
    if data.startswith(tuple(bom for bom, _ in _BOMS)):
        return decode(data)
    declared = declared_charset(data)
    enc = normalise_charset(declared) if declared else None
    if enc and enc.startswith(("utf-16", "utf_16")):
        enc = None
    if enc == "gb18030" and not data.isascii() and _strict_utf8(data):
        # A page re-saved as UTF-8 that still declares gb2312: GB18030 would decode its bytes into
        # mojibake without an error, while Chinese text in GBK is practically never valid UTF-8.
        return data.decode("utf-8"), "utf-8"
    if enc and _single_byte(enc):
        text, used = decode(data)
        if used != "utf-8" or _strict_utf8(data):
            return text, used
        return decode(data, enc)
    return decode(data, enc)


def _single_byte(enc: str) -> bool:
    return enc.startswith(("iso8859", "cp125", "latin", "ascii", "mac-roman", "cp437", "cp850"))


def _strict_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def normalise_charset(name: str) -> str | None:
    n = name.strip().strip("'\"").lower()
    if n in _GB:
        return "gb18030"
    if n in ("big5", "big5-hkscs", "x-x-big5", "cn-big5", "csbig5"):
        return "big5hkscs"  # browsers decode Big5 with the HKSCS extensions
    if n in ("utf8", "unicode-1-1-utf-8", "x-unicode20utf8"):
        return "utf-8"
    try:
        name = codecs.lookup(n).name
    except LookupError:
        return None
    return "gb18030" if name in ("gbk", "gb2312") else name
