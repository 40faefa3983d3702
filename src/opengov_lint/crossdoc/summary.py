"""Report -> ReportSummary (model.batch): the part of a report the cross-document rules need.

Narrative fingerprints: sentences are normalised (full/half width, spaces, every digit -> 0, the
issuer's own name removed) so that a copy with this year's numbers and another unit's name still
matches; sentence hashes measure copying from last year, bottom-k shingle sketches find near-identical
reports across issuers."""

from __future__ import annotations

import functools
import heapq
import math
import re
import zlib
from array import array
from decimal import Decimal
from typing import TYPE_CHECKING

from opengov_lint.knowledge.catalog import layouts
from opengov_lint.model.batch import ReportSummary
from opengov_lint.recognise.problems import read_problems
from opengov_lint.recognise.text import nfkc, squash

if TYPE_CHECKING:
    from opengov_lint.model import Report

SKETCH = 128
SHINGLE = 6
_SENT = re.compile(r"[。！？!?；;\n]+")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_MIN_SENTENCE = 12


_PREFIX = re.compile(r"^(?:[\u4e00-\u9fff]{2,7}?(?:省|自治区))?(?:[\u4e00-\u9fff]{2,6}?市)?")
_LOWER_UNIT = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:区|县|市|旗|镇|乡|街道)")


def issuer_key(name: str | None) -> str | None:
    """The grouping key of an organ: the same organ is written with or without its province and city
    (淮安市洪泽区人民政府 / 洪泽区人民政府), so those prefixes are dropped when a lower unit follows; a short
    form (上海市科委) is read as its full name (rules/issuers.yaml `abbreviations`)."""
    from opengov_lint.recognise.issuer import full_form

    if not name:
        return None
    key = full_form(squash(nfkc(name)))
    m = _PREFIX.match(key)
    rest = key[m.end():] if m else key
    if rest != key and _LOWER_UNIT.match(rest):
        return rest
    return key


def _hash(s: str) -> int:
    b = s.encode("utf-8")
    return (zlib.crc32(b) << 32) | zlib.adler32(b)


def narrative(report: Report) -> str:
    return "\n".join(p.text for s in report.sections for p in s.paragraphs)


def normalise_text(text: str, issuer: str | None) -> str:
    t = squash(nfkc(text.replace("\n", "。")))
    if issuer:
        t = t.replace(squash(nfkc(issuer)), "◇")
    return _DIGITS.sub("0", t)


def _sentences(text: str, issuer: str | None) -> tuple[array[int], array[int]]:
    hashes, weights = array("Q"), array("I")
    for s in _SENT.split(text):
        n = normalise_text(s, issuer)
        if len(n) >= _MIN_SENTENCE:
            hashes.append(_hash(n))
            weights.append(len(n))
    return hashes, weights


def _sketch(text: str, issuer: str | None) -> tuple[array[int], int]:
    t = normalise_text(text, issuer)
    b = memoryview(t.encode("utf-32-le"))  # 4 bytes a character: shingle i is b[4i : 4i + 4·SHINGLE]
    w = 4 * SHINGLE
    crc = zlib.crc32
    shingles = {crc(b[i:i + w]) for i in range(0, max(0, len(b) - w + 4), 4)}
    return array("I", sorted(heapq.nsmallest(SKETCH, shingles))), len(shingles)


TABLE_ORDER = ("active_disclosure", "requests", "review_litigation")


@functools.cache
def keys_for(table_layouts: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """The cell paths of a summary's value array, shared by every report with the same layouts."""
    out: list[str] = []
    for table, template in table_layouts:
        spec = layouts()[template].tables[table]
        out.extend(f"{table}.{r.path}.{c.id}" for r in spec.data_rows for c in r.columns)
    return tuple(out)


@functools.cache
def _parsed_keys(table_layouts: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str, str, str], ...]:
    """keys_for as (table, row, column, table.row)."""
    out = []
    for key in keys_for(table_layouts):
        tid, rest = key.split(".", 1)
        row, col = rest.rsplit(".", 1)
        out.append((tid, row, col, f"{tid}.{row}"))
    return tuple(out)


def attach_keys(summary: ReportSummary) -> ReportSummary:
    """Summaries travel between processes without their key tuple; give them the shared one."""
    summary.keys = keys_for(tuple((t, summary.table_layouts[t]) for t in TABLE_ORDER if t in summary.table_layouts))
    return summary


# What each built-in cross-document rule reads of a summary; a rule not listed here (a plugin) gets all.
NEEDS = {"OG601": "values", "OG602": "values", "OG604": "values", "OG606": "values", "OG603": "sentences",
         "OG605": "sketch", "OG607": "problems"}
ALL_PARTS = frozenset(NEEDS.values())


def parts_for(codes: object) -> frozenset[str]:
    """The parts of a summary the selected batch rules need."""
    out: set[str] = set()
    for code in codes:  # type: ignore[attr-defined]
        part = NEEDS.get(str(code))
        if part is None:
            return ALL_PARTS
        out.add(part)
    return frozenset(out)


def summarise(report: Report, path: str, parts: frozenset[str] = ALL_PARTS) -> ReportSummary:
    """The summary of a report, with only the `parts` ("values", "sentences", "sketch", "problems") asked for."""
    m = report.meta
    values = array("d")
    lines: dict[str, int] = {}
    table_layouts = {tid: report.tables[tid].template for tid in TABLE_ORDER if tid in report.tables}
    if "values" in parts:
        for tid, row, col, row_key in _parsed_keys(tuple(table_layouts.items())):
            cell = report.tables[tid].cells.get(row, {}).get(col)
            v = cell.value if cell is not None else None
            values.append(float(v) if isinstance(v, (int, Decimal)) else math.nan)
            if cell is not None and cell.line and row_key not in lines:
                lines[row_key] = cell.line
    else:  # no value is read: the key tuple (attached in the main process) must match an empty array
        table_layouts = {}
    out = ReportSummary(path=path, issuer=issuer_key(m.issuer), issuer_label=m.issuer, year=m.year,
                        template=m.template, issuer_kind=m.issuer_kind, values=values, lines=lines,
                        table_layouts=table_layouts)
    if "sentences" in parts or "sketch" in parts:
        folded = nfkc(narrative(report))  # once for the whole text, not once per sentence (NFKC keeps every split mark)
        if "sentences" in parts:
            out.sentences, out.weights = _sentences(folded, m.issuer)
        if "sketch" in parts:
            out.sketch, out.shingles = _sketch(folded, m.issuer)
    if "problems" in parts:
        five = read_problems(report)
        out.problems_chars, out.problems_named, out.problems_followed = five.chars, five.names_problems, five.follows_up
        out.problems_line, out.problems_page = five.line, five.page
    return out
