"""In-process helpers: read + recognise + run rules without a subprocess (fast tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.config.settings import Settings
from opengov_lint.load import load_report
from opengov_lint.run.worker import check_one, init_worker

if TYPE_CHECKING:
    from opengov_lint.findings import Finding
    from opengov_lint.model import Report


def report_from(text: str | bytes, name: str = "report.txt") -> Report:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return load_report(name, data=data)


def findings(text: str | bytes, name: str = "report.txt", select: list[str] | None = None,
             **settings: object) -> list[Finding]:
    s = Settings(select=select or ["all"], **settings)  # type: ignore[arg-type]
    init_worker(s)
    data = text.encode("utf-8") if isinstance(text, str) else text
    return check_one(name, data).findings


def batch_findings(docs: list[tuple[str, bytes]], select: list[str], tmp: str,
                   manifest: list[dict[str, object]] | None = None) -> list[Finding]:
    """Check several documents as one batch (cross-document rules included), in process."""
    import os

    from opengov_lint import engine
    from opengov_lint.crossdoc.summary import attach_keys
    from opengov_lint.model import Batch
    from opengov_lint.run.manifest import Entry, key
    from opengov_lint.run.worker import build_engine

    paths = []
    for name, data in docs:
        p = os.path.join(tmp, name)
        with open(p, "wb") as fh:
            fh.write(data)
        paths.append(p)
    s = Settings(select=select)
    s.batch_rules = True
    for m in manifest or []:
        s.manifest[key(os.path.join(tmp, str(m["path"])))] = Entry(
            issuer=m.get("issuer"), year=m.get("year"), parent=m.get("parent"),  # type: ignore[arg-type]
            aggregate=bool(m.get("aggregate")))
    init_worker(s)
    out: list[Finding] = []
    summaries = []
    for p in paths:
        r = check_one(p)
        out.extend(r.findings)
        if r.summary is not None:
            summaries.append(attach_keys(r.summary))
    out.extend(engine.run_batch_rules(Batch(summaries), build_engine(s)))
    return out


READING = ["OG1", "OG2", "OG3", "OG9"]
# Judgements of the organ and the text, not of the reading: OG209 (a value implausible for the organ: the
# generated fixtures are district organs with made-up non-zero 规章 counts), OG305 (table vs text).
NOT_READING = ["OG209", "OG305"]


def reading_findings(text: str | bytes, name: str = "report.txt", **settings: object) -> list[Finding]:
    """Structure, cell, arithmetic and reading findings: what a reader's fidelity decides. The law and
    prose rules (OG4xx/OG5xx) and the assessor's judgements have tests of their own."""
    settings.setdefault("ignore", NOT_READING)
    return findings(text, name, select=READING, **settings)  # type: ignore[arg-type]
