"""The report's own date: when it was published, else when it was signed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Location
from opengov_lint.recognise.dates import date_line
from opengov_lint.rules.support.locations import unit_location
from opengov_lint.rules.support.text import text_units

if TYPE_CHECKING:
    from opengov_lint.model import Report


def report_date(report: Report) -> tuple[str | None, str, Location]:
    """(ISO date, how it was found, where): the publication date, else the signature date."""
    meta = report.meta
    if meta.published:
        return str(meta.published)[:10], "published", Location(line=meta.title_line, excerpt=f"发布日期 {meta.published}")
    signed = meta.extra.get("signed")
    if not signed:
        return None, "", Location()
    for u in reversed(text_units(report)):
        found = date_line(u.paragraph.text)
        if found and found[1] == signed:
            return str(signed), "signed", unit_location(u)
    return str(signed), "signed", Location(excerpt=str(signed))
