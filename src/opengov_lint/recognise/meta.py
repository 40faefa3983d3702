"""Title, report year, issuer and issuer kind.

Title: the report's own title line past the page furniture (recognise.titleline), else the title the
format states (HTML `<title>` / article title, docx properties). Issuer, first convincing candidate of:
the organ named in the title, in the format's title, the 发布机构 field of a metadata block, the report's
own words (`现将XX局2023年…年度报告向社会公布`), the signature (落款) at the end, the file name. A
candidate that does not read as an organ (recognise.issuer) is refused: the issuer is then unknown,
never a fragment. Year: the title, then the statistical period, then the publication date; never a
date of the page furniture."""

from __future__ import annotations

import os
import re

from opengov_lint.knowledge.catalog import narrative
from opengov_lint.model import Meta, Paragraph
from opengov_lint.recognise.dates import date_line, find_period, parse_date
from opengov_lint.recognise.issuer import (
    accept,
    issuer_class,
    issuer_kind,
    organ_in_title,
    publisher_in_title,
)
from opengov_lint.recognise.streams import Unit
from opengov_lint.recognise.text import nfkc, squash
from opengov_lint.recognise.titleline import find_title, is_chrome, publisher

__all__ = ["detect_meta", "iso_date", "issuer_from_title", "issuer_kind"]

_YEAR_IN_TITLE = re.compile(r"((?:19|20)\d{2})\s*年")
_ANY_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_CRAWL = re.compile(r"^(标题|发布时间|发布日期|公开日期|成文日期|发文日期|日期)\s*[:：]\s*(.+)$")
_PUBLISHED = ("发布时间", "发布日期", "公开日期")
_SIGNED = ("成文日期", "发文日期")
_SELF = re.compile(r"(?:现将|现予|现向社会公布|向社会公布|编制(?:完成)?了?|发布)([\u4e00-\u9fff()]{3,30}?)"
                   r"(?:19|20)\d{2}年度?[^。]{0,25}?报告")
_TOP = 12  # paragraphs at the top where a title, metadata and furniture sit


def iso_date(text: str) -> str | None:
    return parse_date(text)


def issuer_from_title(title: str, text: str = "") -> str | None:
    """The organ a title names, when it reads as one (else None). `XX人民政府办公室关于印发XX县2023年…
    报告的通知` names the government the office reports for."""
    name = accept(organ_in_title(title), text)
    head = publisher_in_title(title)
    if head and issuer_class(head) == "office" and (name is None or issuer_class(name) is None):
        gov = re.sub(r"(?:办公室|办公厅|办)$", "", squash(nfkc(head)))
        return accept(gov, text) or name
    return name


def _title(top: list[Paragraph], doc_title: str | None) -> tuple[str | None, int | None]:
    for p in top[:6]:
        m = _CRAWL.match(p.text.strip())
        if m and m.group(1) == "标题":
            return m.group(2).strip(), p.line
    found = find_title(top)
    if found is not None:
        return found
    return (doc_title.strip(), None) if doc_title and doc_title.strip() else (None, None)


def _signature(body: list[Paragraph], text: str) -> str | None:
    """The organ of the 落款 at the end: a line naming only an organ, or an organ before the date."""
    for p in reversed(body[-8:]):
        t = squash(nfkc(p.text)).strip("()（）")
        found = date_line(p.text)
        if found and found[0]:
            t = found[0]
        if issuer_class(t) is not None:
            name = accept(t, text)
            if name:
                return name
    return None


def _candidates(top: list[Paragraph], body: list[Paragraph], meta: Meta, doc_title: str | None,
                path: str | None, text: str) -> list[tuple[str, str | None]]:
    """(source, issuer or None) for every source, in the order they are believed."""
    out: list[tuple[str, str | None]] = []
    if meta.title:
        out.append(("title", issuer_from_title(meta.title, text)))
    if doc_title and doc_title != meta.title:
        out.append(("page-title", issuer_from_title(doc_title, text)))
    out.append(("metadata", accept(publisher(top), text)))
    m = _SELF.search(squash(nfkc("\n".join(p.text for p in (top + body)[:_TOP]))))
    out.append(("text", accept(m.group(1), text) if m else None))
    out.append(("signature", _signature(body, text)))
    if path:
        stem = os.path.splitext(os.path.basename(path))[0]
        out.append(("file-name", issuer_from_title(stem, text) if "报告" in stem else accept(stem, text)))
    return out


def detect_meta(preamble: list[Paragraph], body: list[Paragraph], doc_title: str | None,
                path: str | None = None, doc_publisher: str | None = None) -> Meta:
    meta = Meta()
    top = (preamble + body[:3])[:_TOP] if len(preamble) < 3 else preamble[:_TOP]
    meta.title, meta.title_line = _title(top, doc_title)
    if meta.title:
        m = _YEAR_IN_TITLE.search(nfkc(meta.title))
        if m:
            meta.year, meta.year_source = int(m.group(1)), "title"
    text = "\n".join(p.text for p in preamble + body)
    if doc_publisher:
        top = [Paragraph(f"发布机构：{doc_publisher}"), *top]
    for source, name in _candidates(top, body, meta, doc_title, path, text):
        if name:
            meta.issuer, meta.extra["issuer_source"] = name, source
            break
    if meta.title and meta.extra.get("issuer_source") == "title":  # `洪泽区…报告` completed to 洪泽区人民政府
        meta.extra["issuer_as_titled"] = organ_in_title(meta.title)
    meta.issuer_kind = issuer_kind(meta.issuer)
    _year(meta, preamble, body)
    return meta


def _year(meta: Meta, preamble: list[Paragraph], body: list[Paragraph]) -> None:
    period = find_period([Unit(p, None) for p in preamble + body[:40] if not is_chrome(p.text)],
                         narrative()["period_words"])
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
        _year_from_text(meta, preamble + body[:40])


def _year_from_text(meta: Meta, paragraphs: list[Paragraph]) -> None:
    """The year written most often, outside the page furniture and the crawl headers."""
    lines = [p.text for p in paragraphs if not is_chrome(p.text) and not _CRAWL.match(p.text.strip())]
    years = [int(y) for y in _ANY_YEAR.findall(squash(nfkc("\n".join(lines)))) if 2000 <= int(y) <= 2100]
    if years:
        meta.year, meta.year_source = max(set(years), key=years.count), "text"


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
