"""The report's running text as units (a paragraph and its section), its text index (what is found in
it, scanned once), and the per-report memo through which rules share what they derive from the same report."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from opengov_lint.recognise.streams import Unit
from opengov_lint.recognise.textindex import TextIndex

if TYPE_CHECKING:
    from collections.abc import Callable

    from opengov_lint.model import Report

T = TypeVar("T")

_MISSING = object()


def memo(report: Report, what: str, compute: Callable[[], T]) -> T:
    """What several rules derive from the same report (its running text, its readings) is computed once
    and kept in the report's own context (`report.derived`). Callers must not modify the result."""
    got = report.derived.get(what, _MISSING)
    if got is _MISSING:
        got = report.derived[what] = compute()
    return got  # type: ignore[no-any-return]


def text_units(report: Report) -> list[Unit]:
    """Every paragraph of running text with the section it belongs to (None before section 一);
    section headings count as text of their own section."""
    return memo(report, "text_units", lambda: _text_units(report))


def text_index(report: Report) -> TextIndex:
    """The index of the report's running text (recognise.textindex): streams, citations, the statistical
    period, year openings, counts and "none" statements, each found once per report on first use."""
    return memo(report, "text_index", lambda: TextIndex(text_units(report)))


def _text_units(report: Report) -> list[Unit]:
    owner = {id(p): s.number for s in report.sections for p in s.paragraphs}
    headings = {(s.line, s.heading.strip()): s.number for s in report.sections}
    out, current = [], None
    for p in report.paragraphs:
        sec = owner.get(id(p))
        if sec is None:
            sec = headings.get((p.line, p.text.strip()))
        if sec is not None:
            current = sec
        elif current is not None and id(p) not in owner:
            continue  # text the recogniser left outside the sections (table titles, furniture)
        out.append(Unit(p, sec))
    return out
