"""What a worker process does with one uploaded file: check it exactly as `check` does, and prepare
what the result page shows (the report as read: sections, paragraphs and the template tables with the
cells' raw text) and the downloads built from the file (Word comments, the fixed copy).

Runs in the shared worker pool (`web.pool`), so an upload that is slow or hostile costs one worker for at
most the per-file time limit; nothing here touches the filesystem."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from opengov_lint.model import Report
    from opengov_lint.results import FileResult


@dataclass(slots=True)
class Checked:
    result: FileResult
    view: dict[str, Any] | None = None  # the report as read (None when it could not be read)
    downloads: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # kind -> (file name, bytes)


def check_upload(name: str, data: bytes) -> Checked:
    """Never raises: a file that cannot be read is an OG901 finding, as on the command line."""
    from opengov_lint.run.worker import check_one

    result = check_one(name, data)
    out = Checked(result)
    if not result.readable:
        return out
    try:
        report = _report(name, data)
        out.view = view(report)
        out.downloads = _downloads(name, data, report, result)
    except Exception:
        out.view = None
    return out


def _report(name: str, data: bytes) -> Report:
    from opengov_lint.load import load_report
    from opengov_lint.run import worker

    assert worker._SETTINGS is not None
    with worker.time_limit(worker._SETTINGS.timeout):
        return load_report(name, None, data=data)


def view(report: Report) -> dict[str, Any]:
    """Plain data (picklable, JSON-able) for the page: headings, paragraphs with their lines, tables."""
    from opengov_lint.authoring.grids import grid
    from opengov_lint.authoring.html_writer import cell_text

    m = report.meta
    tables = {}
    for tid, t in report.tables.items():
        g = grid(t.template, tid)
        tables[tid] = {"section": t.section, "cells": [
            {"row": c.row, "col": c.col, "rowspan": c.rowspan, "colspan": c.colspan, "path": c.path,
             "text": cell_text(report, c.path) if c.path else c.text} for c in g.cells]}
    return {
        "title": m.title, "issuer": m.issuer, "year": m.year, "template": m.template,
        "sections": [{"number": s.number, "heading": s.heading, "line": s.line,
                      "paragraphs": [{"text": p.text, "line": p.line, "index": p.index} for p in s.paragraphs]}
                     for s in report.sections],
        "tables": tables,
    }


def _downloads(name: str, data: bytes, report: Report, result: FileResult) -> dict[str, tuple[str, bytes]]:
    from opengov_lint.authoring.fix import TEXT_SUFFIXES, apply_fixes

    stem, _, suffix = name.rpartition(".")
    stem = stem or name
    out: dict[str, tuple[str, bytes]] = {}
    if (report.meta.source_format or "") == "docx":
        from opengov_lint.authoring.annotate import annotate
        from opengov_lint.authoring.docx_fix import fix_copy

        out["annotated"] = (f"{stem}-审阅.docx", annotate(data, report, result.findings).data)
        fixed = fix_copy(data, result.findings)
        if fixed.applied:
            out["fixed"] = (f"{stem}-修正.docx", fixed.data)
    elif name.lower().endswith(TEXT_SUFFIXES):
        fixed_text = apply_fixes(name, data, result.findings)
        if fixed_text.applied:
            out["fixed"] = (f"{stem}-修正.{suffix}", fixed_text.data)
    return out
