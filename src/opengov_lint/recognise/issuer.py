"""The issuing organ's name and kind, with the catalogue of rules/issuers.yaml.

A candidate name (from a title, a metadata field, a signature, a file name) is accepted only when it
reads as an organ: CJK characters ending with a known organ word (人民政府, 局, 街道办事处, 管委会 …), or a
place (洪泽区, 平潭综合实验区) that the report's own text completes to its organ. Anything else — page
furniture, a sentence fragment, a heading — is refused, and the issuer stays unknown."""

from __future__ import annotations

import functools
import re
from typing import Any

from opengov_lint.knowledge.catalog import load_yaml_resource
from opengov_lint.recognise.text import nfkc, squash

# Words that show a candidate is a sentence or a heading, not a name (本溪市, 全椒县 are names: 本/全 alone
# are not enough).
_NOT_A_NAME = re.compile(r"^(?:本(?:机关|单位|级|年|局|委|办|厅|中心|镇|乡|区|县|市|街道)|该|各|全(?:年|县|区|市|镇|乡|省)|根据|"
                         r"依据|按照|关于|现将|以下)|我|的|了|欢迎|特此|电话|地址|邮编|政府信息公开|政务公开|年度|报告|工作情况")
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年度?")


@functools.cache
def catalogue() -> dict[str, Any]:
    return dict(load_yaml_resource("issuers.yaml"))


@functools.cache
def _matchers() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[re.Pattern[str], str], ...]]:
    """(suffix, class) longest first; (pattern, class)."""
    suffixes: list[tuple[str, str]] = []
    patterns: list[tuple[re.Pattern[str], str]] = []
    for cls, spec in catalogue()["classes"].items():
        suffixes.extend((s, cls) for s in spec.get("suffixes", []))
        patterns.extend((re.compile(p), cls) for p in spec.get("patterns", []))
    suffixes.sort(key=lambda sc: -len(sc[0]))
    return tuple(suffixes), tuple(patterns)


def full_form(name: str) -> str:
    """The name with a short form at its end written out (`上海市科委` -> `上海市科学技术委员会`)."""
    for short, full in sorted(catalogue()["abbreviations"].items(), key=lambda kv: -len(kv[0])):
        if name.endswith(short):
            return name[: -len(short)] + str(full)
    return name


def issuer_class(name: str | None) -> str | None:
    """township | government | office | subdistrict | agency | department, or None."""
    if not name:
        return None
    n = squash(nfkc(name))
    suffixes, patterns = _matchers()
    for pat, cls in patterns:
        if pat.search(n):
            return cls
    for suffix, cls in suffixes:
        if n.endswith(suffix):
            return cls
    return None


def issuer_kind(name: str | None) -> str:
    """government | department | subdistrict | agency | unknown, from the organ's name."""
    cls = issuer_class(name)
    return str(catalogue()["classes"][cls]["kind"]) if cls else "unknown"


def statutory_deadline(name: str | None, kind: str) -> bool:
    """Whether 第四十九条 sets a publication date for this organ (not for 乡镇, 街道, 管委会)."""
    cls = issuer_class(name)
    classes = catalogue()["classes"]
    if cls is not None and classes[cls]["kind"] == kind:
        return bool(classes[cls]["deadline"])
    return kind in ("government", "department")  # stated with --issuer-kind, or a name that says nothing


def is_place(name: str) -> bool:
    places = catalogue()["places"]
    return any(name.endswith(s) for s in places["suffixes"] + places["zones"])


def plausible(name: str | None) -> bool:
    """A name, not a fragment: CJK only, 3-30 characters, no sentence or heading words."""
    if not name:
        return False
    n = squash(nfkc(name))
    return _name_chars(n) and not _NOT_A_NAME.search(n) and n.count("(") == n.count(")")


def _name_chars(n: str) -> bool:
    """3-30 characters, each an ideograph (U+4E00-U+9FFF) or a bracket (a loop, not a character class:
    the class costs more to compile than every name of a batch costs to check). One final line break is
    allowed, as `$` allows it."""
    n = n.removesuffix("\n")
    return 3 <= len(n) <= 30 and all("\u4e00" <= ch <= "\u9fff" or ch in "（）()" for ch in n)


def organ_in_title(title: str) -> str | None:
    """The words before the year or the document type in a title (`XX局2023年政府信息公开…报告`,
    `2023年XX局政府信息公开…报告`), unchecked; `关于印发/公布XX的通知` reads the part after 关于."""
    t = squash(nfkc(title)).strip("《》\"“”")
    m = re.search(r"关于(?:印发|公布|发布|公开)?《?", t)
    if m:
        t = t[m.end():]
    t = _YEAR.sub("", t, count=1)
    cut = len(t)
    for stop in catalogue()["title_stops"]:
        i = t.find(stop)
        if 0 <= i < cut:
            cut = i
    name = t[:cut].strip("《》()（）:：·-— ")
    name = _YEAR.sub("", name)
    return name or None


def publisher_in_title(title: str) -> str | None:
    """The organ before 关于 in `XX人民政府办公室关于印发…报告的通知` (who publishes it)."""
    t = squash(nfkc(title))
    i = t.find("关于")
    return t[:i] if i > 0 else None


def complete(name: str, text: str) -> str:
    """A place name completed to its organ from the report's text: `洪泽区` -> `洪泽区人民政府` when the
    text says so (written out, or `区政府`, `区管委会` for short); else the place as written."""
    if issuer_class(name) is not None or not is_place(name):
        return name
    places = catalogue()["places"]
    flat = squash(nfkc(text))
    for word in places["completions"]:
        if name + word in flat:
            return name + str(word)
    zone = any(name.endswith(z) for z in places["zones"])
    if zone and re.search(r"区?管委会|区?管理委员会", flat):
        return name + "管委会"
    if not zone and f"{name[-1]}政府" in flat:  # 区政府, 县政府: the place's own government
        return name + "人民政府"
    return name


def accept(name: str | None, text: str) -> str | None:
    """The organ when `name` is convincing (completed from the text when it is a place), else None."""
    if not plausible(name):
        return None
    assert name is not None
    n = squash(nfkc(name))
    n = complete(n, text)
    if issuer_class(n) is None and not is_place(n):
        return None
    return n
