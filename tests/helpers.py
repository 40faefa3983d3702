"""In-process helpers: read + recognise + run rules without a subprocess (fast tests)."""

from __future__ import annotations

from opengov_lint.config import Settings
from opengov_lint.findings import Finding
from opengov_lint.model import Report
from opengov_lint.readers import read_bytes
from opengov_lint.recognise import recognise
from opengov_lint.runner import check_one, init_worker


def report_from(text: str | bytes, name: str = "report.txt") -> Report:
    data = text.encode("utf-8") if isinstance(text, str) else text
    doc = read_bytes(name, data)
    return doc if isinstance(doc, Report) else recognise(doc)


def findings(text: str | bytes, name: str = "report.txt", select: list[str] | None = None,
             **settings: object) -> list[Finding]:
    s = Settings(select=select or ["all"], **settings)  # type: ignore[arg-type]
    init_worker(s)
    data = text.encode("utf-8") if isinstance(text, str) else text
    return check_one(name, data).findings
