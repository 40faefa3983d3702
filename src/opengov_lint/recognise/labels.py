"""An index of every label the template layouts know (rows, groups, columns, captions, notes),
built from rules/layouts/*.yaml so that no label list lives in Python."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from opengov_lint.knowledge.catalog import ColSpec, TableSpec, layouts
from opengov_lint.recognise.citations import caption_item
from opengov_lint.recognise.text import CN_NUM, cn_to_int, core, has_numbering, norm

# caption_item: the one caption reading (recognise.citations), here for the text-table reader
__all__ = ["LabelIndex", "LabelRef", "caption_item", "fuzzy", "index", "lookup"]


@dataclass(slots=True, frozen=True)
class LabelRef:
    kind: str  # row | group | column | header | note | block
    layout: str  # "2019" | "2021"
    table: str
    key: str  # row path, column id or block id
    label: str  # template wording
    variant: bool = False  # matched through a listed variant, not the template wording
    columns: tuple[ColSpec, ...] = ()


@dataclass(slots=True)
class LabelIndex:
    full: dict[str, list[LabelRef]]
    cores: dict[str, list[LabelRef]]
    by_table: dict[str, list[LabelRef]]

    def add(self, ref: LabelRef, text: str) -> None:
        self.full.setdefault(norm(text), []).append(ref)
        c = core(text)
        if c != norm(text) and len(c) >= 2:
            self.cores.setdefault(c, []).append(ref)
        self.by_table.setdefault(ref.table, []).append(ref)


@functools.cache
def index() -> LabelIndex:
    idx = LabelIndex({}, {}, {})
    for lay in layouts().values():
        for tid, t in lay.tables.items():
            _add_rows(idx, lay.id, tid, t)
            _add_columns(idx, lay.id, tid, t)
            _add_headers(idx, lay.id, tid, t)
    return idx


def _add_rows(idx: LabelIndex, lay: str, tid: str, t: TableSpec) -> None:
    """Row labels (a block of table 四, a data row, or a group heading) and their listed variants."""
    for r in t.rows:
        kind = "block" if t.block_table else ("row" if r.data else "group")
        idx.add(LabelRef(kind, lay, tid, r.path, r.label, columns=r.columns), r.label)
        for v in r.variants:
            idx.add(LabelRef(kind, lay, tid, r.path, r.label, True, r.columns), v)


def _add_columns(idx: LabelIndex, lay: str, tid: str, t: TableSpec) -> None:
    """Column labels: the table's own, then those only some rows have, each once."""
    cols: list[ColSpec] = list(t.columns)
    for r in t.rows:
        cols.extend(c for c in r.columns if c not in cols)
    for c in cols:
        idx.add(LabelRef("column", lay, tid, c.id, c.label), c.label)
        for v in c.variants:
            idx.add(LabelRef("column", lay, tid, c.id, c.label, True), v)


def _add_headers(idx: LabelIndex, lay: str, tid: str, t: TableSpec) -> None:
    """Header texts that are no row or column label of this table, and the table's note."""
    for h in t.header_labels + ((t.header,) if t.header else ()):
        if all((x.table, x.layout) != (tid, lay) for x in idx.full.get(norm(h), [])):
            idx.add(LabelRef("header", lay, tid, h, h), h)
    if t.note:
        idx.add(LabelRef("note", lay, tid, "note", t.note), t.note)


def lookup(text: str) -> list[LabelRef]:
    """Exact lookup (after normalisation); then without the numbering, when the text has
    numbering or the label is long enough not to be mistaken (总计/其他 alone never map to rows)."""
    return list(_lookup(text))


@functools.lru_cache(maxsize=16384)  # the same labels recur in every report of a batch
def _lookup(text: str) -> tuple[LabelRef, ...]:
    return tuple(_find(text))


def _find(text: str) -> list[LabelRef]:
    n = norm(text)
    if not n:
        return []
    idx = index()
    hit = idx.full.get(n)
    if hit:
        return hit
    c = core(text)
    hit = idx.cores.get(c)
    if hit and (has_numbering(text) or len(c) >= 4):
        return [LabelRef(r.kind, r.layout, r.table, r.key, r.label, True, r.columns) if has_numbering(text)
                and norm(text) != norm(r.label) and _numbering_differs(text, r.label) else r for r in hit]
    hit = idx.full.get(c)  # numbering the template does not have: 1.规章
    return hit or []


def _numbering_differs(found: str, label: str) -> bool:
    """1. vs 2. is a different label; （一） vs (一) or 1、 vs 1. is not (norm handles those)."""
    def num(s: str) -> int | None:
        m = re.match(rf"^\(?([{CN_NUM}\d]{{1,3}})[).、]", norm(s))
        return cn_to_int(m.group(1)) if m else None
    a, b = num(found), num(label)
    return a is not None and b is not None and a != b


@functools.cache
def fuzzy(text: str, table: str | None, kinds: tuple[str, ...]) -> LabelRef | None:
    """Closest label of `table` (or any table) for a misspelt cell; None unless clearly closest."""
    n = norm(text)
    if len(n) < 3:
        return None
    scored: list[tuple[float, LabelRef]] = []
    seen: set[tuple[str, str, str, str]] = set()
    for t, refs in index().by_table.items():
        if table is not None and t != table:
            continue
        for r in refs:
            if r.kind not in kinds or (r.layout, r.table, r.kind, r.key) in seen:
                continue
            seen.add((r.layout, r.table, r.kind, r.key))
            target = norm(r.label)
            if abs(len(target) - len(n)) > max(4, len(target) // 3):
                continue
            ratio = SequenceMatcher(None, n, target, autojunk=False).ratio()
            scored.append((ratio, r))
    if not scored:
        return None
    scored.sort(key=lambda x: -x[0])
    best_ratio, best = scored[0]
    rival = next((s for s, r in scored[1:] if (r.table, r.kind, r.key) != (best.table, best.kind, best.key)), 0.0)
    if best_ratio >= 0.8 and best_ratio - rival >= 0.05:
        return LabelRef(best.kind, best.layout, best.table, best.key, best.label, True, best.columns)
    return None
