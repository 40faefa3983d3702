"""Title, report year, issuer and issuer kind, from the title first and the text second."""

from __future__ import annotations

import functools
import re

from opengov_lint.knowledge import load_yaml_resource
from opengov_lint.model import Meta, Paragraph
from opengov_lint.recognise.text import nfkc, squash

_YEAR_IN_TITLE = re.compile(r"((?:19|20)\d{2})\s*年")
_PERIOD = re.compile(
    r"(?:统计期限|统计周期|统计时限|统计时间|数据统计)[^。；]{0,12}?(?:为|是|从|自|:)?\s*((?:19|20)\d{2})\s*年?\s*1\s*月?\s*1\s*日?")
_PERIOD2 = re.compile(r"自\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*至")
_ANY_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_CRAWL = re.compile(r"^(标题|发布时间|发布日期|成文日期)\s*[:：]\s*(.+)$")
_DATE = re.compile(r"((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")


@functools.cache
def _issuers() -> dict[str, list[str]]:
    return dict(load_yaml_resource("issuers.yaml"))


def issuer_kind(name: str | None) -> str:
    """government | department | unknown, by the longest matching suffix of the organ's name."""
    if not name:
        return "unknown"
    voc = _issuers()
    best, kind = 0, "unknown"
    for k, key in (("government", "government_suffixes"), ("department", "department_suffixes")):
        for suffix in voc[key]:
            if name.endswith(suffix) and len(suffix) > best:
                best, kind = len(suffix), k
    return kind


def issuer_from_title(title: str) -> str | None:
    t = squash(nfkc(title))
    t = re.sub(r"^关于", "", t)
    t = re.sub(r"(?:19|20)\d{2}年度?", "", t, count=1)
    cut = len(t)
    for stop in _issuers()["title_stops"]:
        i = t.find(stop)
        if 0 <= i < cut:
            cut = i
    name = t[:cut].strip("《》()（）:：·-— ")
    name = re.sub(r"(?:19|20)\d{2}年度?$", "", name)
    return name or None


def iso_date(text: str) -> str | None:
    m = _DATE.search(nfkc(text))
    if not m:
        return None
    y, mo, d = (int(x) for x in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _title(preamble: list[Paragraph], doc_title: str | None) -> tuple[str | None, int | None]:
    parts: list[str] = []
    line: int | None = None
    for p in preamble[:6]:
        text = p.text.strip().lstrip("#").strip()
        m = _CRAWL.match(text)
        if m and m.group(1) == "标题":
            return m.group(2).strip(), p.line
        if len(squash(text)) <= 2 or m:
            continue  # 正文 / page furniture / crawl metadata
        if len(text) > 60:
            break
        parts.append(text)
        line = line or p.line
        if "报告" in text:
            return "".join(parts), line
        if len(parts) >= 3:
            break
    if doc_title:
        return doc_title.strip(), None
    return (parts[0], line) if parts else (None, None)


def detect_meta(preamble: list[Paragraph], body: list[Paragraph], doc_title: str | None) -> Meta:
    meta = Meta()
    meta.title, meta.title_line = _title(preamble, doc_title)
    if meta.title:
        m = _YEAR_IN_TITLE.search(nfkc(meta.title))
        if m:
            meta.year, meta.year_source = int(m.group(1)), "title"
        meta.issuer = issuer_from_title(meta.title)
    text = "\n".join(p.text for p in preamble + body[:40])
    flat = squash(nfkc(text))
    m = _PERIOD.search(flat) or _PERIOD2.search(flat)
    if m:
        meta.extra["period_year"] = int(m.group(1))
        if meta.year is None:
            meta.year, meta.year_source = int(m.group(1)), "period"
    if meta.year is None:
        years = [int(y) for y in _ANY_YEAR.findall(flat) if 2000 <= int(y) <= 2100]
        if years:
            meta.year, meta.year_source = max(set(years), key=years.count), "text"
    for p in preamble[:8]:
        cm = _CRAWL.match(p.text.strip())
        if cm and cm.group(1) in ("发布时间", "发布日期"):
            meta.published = iso_date(cm.group(2))
    if not meta.issuer:
        for p in preamble[1:4] + body[-3:]:
            t = squash(nfkc(p.text)).strip("()（）")
            if 2 < len(t) <= 30 and issuer_kind(t) != "unknown":
                meta.issuer = t
                break
    meta.issuer_kind = issuer_kind(meta.issuer)
    signed = _signature_date(preamble[:4] + body[-4:])
    if signed:
        meta.extra["signed"] = signed
    return meta


def _signature_date(paragraphs: list[Paragraph]) -> str | None:
    for p in paragraphs:
        t = squash(nfkc(p.text)).strip("()（）")
        if len(t) <= 14 and _DATE.fullmatch(t):
            return iso_date(t)
    return None
