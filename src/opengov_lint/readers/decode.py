"""Text decoding for text-like formats: BOM, then strict UTF-8, then GB18030 (a superset of GBK and
GB2312, as browsers do). Never hand undecoded bytes to a parser."""

from __future__ import annotations

import codecs

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Returns (text, encoding used). Undecodable bytes are replaced, never fatal."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), enc
    if declared:
        enc = normalise_charset(declared)
        if enc:
            try:
                return data.decode(enc), enc
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


def normalise_charset(name: str) -> str | None:
    n = name.strip().strip("'\"").lower()
    if n in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "gb18030", "cp936", "euc-cn"):
        return "gb18030"
    try:
        return codecs.lookup(n).name
    except LookupError:
        return None
