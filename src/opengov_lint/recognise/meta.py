"""Title, report year, issuer and issuer kind, from the title first and the text second."""

from __future__ import annotations

import functools
import re

from opengov_lint.knowledge.catalog import load_yaml_resource, narrative
from opengov_lint.model import Meta, Paragraph
from opengov_lint.recognise.dates import date_line, find_period, parse_date
from opengov_lint.recognise.streams import Unit
from opengov_lint.recognise.text import nfkc, squash

_YEAR_IN_TITLE = re.compile(r"((?:19|20)\d{2})\s*年")
_ANY_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_CRAWL = re.compile(r"^(标题|发布时间|发布日期|公开日期|成文日期|发文日期|日期)\s*[:：]\s*(.+)$")
_PUBLISHED = ("发布时间", "发布日期", "公开日期")
_SIGNED = ("成文日期", "发文日期")


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
    return parse_date(text)


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
    period = find_period([Unit(p, None) for p in preamble + body[:40]], narrative()["period_words"])
    if period is not None:
        meta.extra["period_year"] = period.end_year
        meta.extra["period"] = {"start": period.start, "end": period.end, "line": period.unit.paragraph.line,
                                "text": period.text}
        if meta.year is None:
            meta.year, meta.year_source = period.end_year, "period"
    _dates(meta, preamble, body)
    if meta.year is None and (meta.published or meta.extra.get("signed")):
        meta.year, meta.year_source = int(str(meta.published or meta.extra["signed"])[:4]) - 1, "published"
    if meta.year is None:
        flat = squash(nfkc("\n".join(p.text for p in preamble + body[:40])))
        years = [int(y) for y in _ANY_YEAR.findall(flat) if 2000 <= int(y) <= 2100]
        if years:
            meta.year, meta.year_source = max(set(years), key=years.count), "text"
    if not meta.issuer:
        for p in preamble[1:4] + body[-3:]:
            t = squash(nfkc(p.text)).strip("()（）")
            if 2 < len(t) <= 30 and issuer_kind(t) != "unknown":
                meta.issuer = t
                break
    meta.issuer_kind = issuer_kind(meta.issuer)
    return meta


def _dates(meta: Meta, preamble: list[Paragraph], body: list[Paragraph]) -> None:
    """Publication date from crawl headers (发布时间：…), signature date from a date line under the
    title or at the end (`2024年1月17日`, `XX局 2024年1月17日`, `二〇二四年一月十七日`)."""
    for p in preamble[:10]:
        cm = _CRAWL.match(p.text.strip())
        if cm and cm.group(1) in _PUBLISHED and not meta.published:
            meta.published = iso_date(cm.group(2))
        elif cm and cm.group(1) in _SIGNED and "signed" not in meta.extra:
            signed = iso_date(cm.group(2))
            if signed:
                meta.extra["signed"] = signed
    if "signed" in meta.extra:
        return
    for p in list(reversed(body[-6:])) + preamble[:6]:
        if _CRAWL.match(p.text.strip()):
            continue
        found = date_line(p.text)
        if found and (not found[0] or issuer_kind(found[0]) != "unknown"):
            meta.extra["signed"] = found[1]
            return
