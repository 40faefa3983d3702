"""In-process measurements: the per-document time of each phase of a check (read, recognise, rules,
report; plus the per-file summary only a batch computes), and the floor (the cost of parsing the
document at all). Every function returns seconds; medians over repeats after one warm-up. The clock
is the process's CPU time by default (steady on a shared machine: time spent waiting for a core is not
counted); `set_clock("wall")` switches to wall time."""

from __future__ import annotations

import io
import os
import statistics
import time
import zipfile
from pathlib import Path
from typing import Any

PHASES = ("read", "recognise", "rules", "report")
_READY = False
now = time.process_time


def set_clock(name: str) -> None:
    global now
    now = time.process_time if name == "cpu" else time.perf_counter


def _init() -> None:
    global _READY
    if not _READY:
        import logging

        logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font warnings of Chromium PDFs, on every page
        from opengov_lint.config.settings import Settings
        from opengov_lint.run import worker as runner

        runner.init_worker(Settings(parent_pid=os.getpid()))
        _READY = True


def _read(path: str) -> tuple[Any, Any]:
    """(Document, None) for document formats, (None, Report) for the canonical YAML/JSON: the read phase."""
    from opengov_lint.load import load_report
    from opengov_lint.readers import STRUCTURED, read_bytes, read_file, sniff

    data = read_file(path)
    if sniff(path, data[:8192]) in STRUCTURED:
        return None, load_report(path, data=data)
    return read_bytes(path, data), None


def _recognise(doc: Any) -> Any:
    from opengov_lint.recognise import Overrides, recognise

    return recognise(doc, Overrides())


def _once(path: str) -> dict[str, float]:
    from opengov_lint import engine
    from opengov_lint.crossdoc.summary import summarise
    from opengov_lint.reporters import get_reporter
    from opengov_lint.results import FileResult, ReportFacts
    from opengov_lint.run import worker as runner

    t0 = now()
    doc, report = _read(path)
    t1 = now()
    report = report or _recognise(doc)
    t2 = now()
    findings = engine.run(report, runner._ENGINE, path)
    t3 = now()
    out = io.StringIO()
    reporter = get_reporter("json", out, lang="zh", color=False, quiet=False, statistics=False)
    reporter.start()
    reporter.file(FileResult(path, findings, facts=ReportFacts.of(report)))
    reporter.finish()
    t4 = now()
    summarise(report, path)
    t5 = now()
    return {"read": t1 - t0, "recognise": t2 - t1, "rules": t3 - t2, "report": t4 - t3, "summary": t5 - t4,
            "findings": len(findings), "structured": doc is None}


def phases(path: str, repeats: int, warm: bool = True) -> dict[str, Any]:
    """Median seconds of each phase of checking `path` over `repeats` runs (one untimed warm-up)."""
    _init()
    if warm:
        _once(path)
    runs = [_once(path) for _ in range(max(1, repeats))]
    out: dict[str, Any] = {k: statistics.median(r[k] for r in runs) for k in (*PHASES, "summary")}
    out["total"] = sum(out[k] for k in PHASES)
    out["findings"], out["structured"] = runs[-1]["findings"], runs[-1]["structured"]
    return out


# -- the floor: parsing the document at all ------------------------------------------------------------
def _floor_text(path: str) -> Any:
    from opengov_lint.readers.decode import decode

    return decode(Path(path).read_bytes())


def _floor_html(path: str) -> Any:
    import lxml.html

    from opengov_lint.readers.decode import decode

    text, _ = decode(Path(path).read_bytes())
    return lxml.html.fromstring(text)


def _floor_docx(path: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    with zipfile.ZipFile(io.BytesIO(Path(path).read_bytes())) as z:
        return etree.fromstring(z.read("word/document.xml"), parser)


_TABLE_PAGES: dict[str, list[int]] = {}


def table_pages(path: str) -> list[int]:
    """Pages (0-based) on which pdfplumber finds a table; computed once, untimed."""
    if path not in _TABLE_PAGES:
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            _TABLE_PAGES[path] = [i for i, page in enumerate(pdf.pages) if page.find_tables()]
    return _TABLE_PAGES[path]


def _floor_pdf(path: str) -> Any:
    import pdfplumber
    import pypdfium2

    data = Path(path).read_bytes()
    doc = pypdfium2.PdfDocument(data)
    try:
        texts = []
        for i in range(len(doc)):
            page = doc[i]
            tp = page.get_textpage()
            texts.append(tp.get_text_range())
            tp.close()
            page.close()
    finally:
        doc.close()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        found = [pdf.pages[i].find_tables() for i in table_pages(path)]
    return texts, found


FLOORS = {"txt": (_floor_text, "read + decode"), "md": (_floor_text, "read + decode"),
          "yaml": (_floor_text, "read + decode"), "json": (_floor_text, "read + decode"),
          "html": (_floor_html, "decode + lxml.html.fromstring"),
          "docx": (_floor_docx, "unzip + lxml.etree.fromstring(document.xml)"),
          "pdf": (_floor_pdf, "pypdfium2 text of every page + pdfplumber find_tables on table pages")}


def floor(path: str, fmt: str, repeats: int) -> float:
    fn = FLOORS[fmt][0]
    fn(path)
    times = []
    for _ in range(max(1, repeats)):
        t0 = now()
        fn(path)
        times.append(now() - t0)
    return statistics.median(times)


def per_format(paths: list[str], fmt: str, repeats: int, with_floor: bool = True, warm: bool = True) -> dict[str, Any]:
    """Mean over the documents of the per-document medians: each phase, total, floor and the ratios."""
    docs = []
    for p in paths:
        d = phases(p, repeats, warm=warm)
        d["floor"] = floor(p, fmt, repeats) if with_floor and fmt in FLOORS else None
        d["path"] = p
        docs.append(d)
    out: dict[str, Any] = {k: statistics.fmean(d[k] for d in docs) for k in (*PHASES, "summary", "total")}
    out["floor"] = statistics.fmean(d["floor"] for d in docs) if docs and docs[0]["floor"] is not None else None
    out["docs"], out["structured"] = len(docs), docs[0]["structured"] if docs else False
    out["findings"] = statistics.fmean(d["findings"] for d in docs) if docs else 0
    added = out["recognise"] + out["rules"] + out["report"]
    out["added_over_read"] = added / out["read"] if out["read"] else None
    out["total_over_floor"] = out["total"] / out["floor"] if out["floor"] else None
    out["read_over_floor"] = out["read"] / out["floor"] if out["floor"] else None
    out["per_doc"] = [{k: d[k] for k in ("path", *PHASES, "summary", "total", "floor", "findings")} for d in docs]
    return out


def rule_times(paths: list[str], repeats: int) -> dict[str, float]:
    """Mean over the documents of the median seconds each report rule takes (the rules phase, split)."""
    from opengov_lint import engine
    from opengov_lint.run import worker as runner
    _init()
    cfg = runner._ENGINE
    totals: dict[str, float] = {}
    for path in paths:
        doc, report = _read(path)
        report = report or _recognise(doc)
        for rule in cfg.rules:
            if rule.scope != "report" or not engine.applies(rule, report):
                continue
            options = cfg.options.get(rule.code) or rule.default_options()
            times = []
            for _ in range(max(1, repeats) + 1):
                t0 = now()
                list(rule.check(report, options))
                times.append(now() - t0)
            key = f"{rule.code} {rule.name}"
            totals[key] = totals.get(key, 0.0) + statistics.median(times[1:])
    return {k: v / len(paths) for k, v in totals.items()}
