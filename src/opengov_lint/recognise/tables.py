"""Pass 2 of table recognition: decide each table's layout and map rows and columns to ids.

Columns are located by their header labels when the reader gave a real grid (so a `colspan` that
shifts a header or sliver columns of an office export cannot move a value into the wrong column);
text exports lose merges, so there the values are taken in template order and the row is only
assessed when it has exactly as many cells as the template (otherwise OG903, never a guess)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from opengov_lint.knowledge.catalog import ColSpec, Layout, RowSpec, TableSpec, layouts
from opengov_lint.model import Caption, Cell, Diagnostic, LabelVariant, RowInfo, Table, TableData
from opengov_lint.recognise.cells import type_cell
from opengov_lint.recognise.cellstream import recover_rows
from opengov_lint.recognise.columns import Span, map_values
from opengov_lint.recognise.quality import (
    Quality,
    ShortRow,
    Uncertain,
    Unplaced,
    degraded_diagnostic,
    is_unplaced,
    uncertain_diagnostic,
)
from opengov_lint.recognise.rows import RowEvent, caption_like, classify, distinct, pick_table
from opengov_lint.recognise.text import norm

if TYPE_CHECKING:
    from opengov_lint.recognise.labels import LabelRef


@dataclass(slots=True)
class TableResult:
    tables: dict[str, TableData] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    unmapped: list[Table] = field(default_factory=list)


def collect_events(doc_tables: list[Table]) -> tuple[dict[str, list[RowEvent]], list[Table]]:
    events: dict[str, list[RowEvent]] = {}
    unmapped: list[Table] = []
    ctx: str | None = None
    by_section = {spec.section: tid for lay in layouts().values() for tid, spec in lay.tables.items()}
    for t in doc_tables:
        used = False
        if t.section_hint in by_section:
            ctx = by_section[t.section_hint]  # a table inside section 四 is table 四 unless its labels say otherwise
        for i in range(len(t.rows)):
            ev = classify(t, i, ctx)
            if ev.kind == "unknown" or (ev.kind == "values" and ctx != "review_litigation"):
                if ctx is not None and _unplaced(ev, ctx):
                    events.setdefault(ctx, []).append(ev)  # numbers whose label was lost (quality)
                continue
            tid = pick_table(ev, ctx)
            if tid is None:
                continue
            ctx, used = tid, True
            events.setdefault(tid, []).append(ev)
        if not used:
            unmapped.append(t)
    return events, unmapped


def _unplaced(ev: RowEvent, tid: str) -> bool:
    """A row of numbers inside table `tid` that has no label we can place: kept as an 'orphan' event
    so the builder knows where, in template order, the source lost a row's label."""
    cells = distinct(ev.table.rows[ev.row_index])
    spec = next(lay.tables[tid] for lay in layouts().values() if tid in lay.tables)
    if not is_unplaced(cells, max(len(r.columns) for r in spec.rows if r.data)):
        return False
    ev.kind, ev.values = "orphan", cells
    return True


def _label_refs(ev: RowEvent) -> list[list[LabelRef]]:
    if ev.kind in ("data", "group"):
        return [ev.refs]
    return [h.refs for h in ev.headers]


def decide_layout(tid: str, events: list[RowEvent]) -> str | None:
    """Vote with every label that exists in one layout only (SPEC §2.9 fingerprints)."""
    votes = {"2019": 0.0, "2021": 0.0}
    for ev in events:
        for refs in _label_refs(ev):
            _vote_fingerprint(votes, [r for r in refs if r.table == tid])
        if tid == "requests" and ev.kind == "data":
            _vote_other_requests(votes, ev)
    if votes["2019"] == votes["2021"]:
        return None
    return max(votes, key=lambda k: votes[k])


def _vote_fingerprint(votes: dict[str, float], mine: list[LabelRef]) -> None:
    """A label whose template wording only one layout has: a full vote (half when a variant of it is
    listed in the other layout too)."""
    exact = {r.layout for r in mine if not r.variant}
    every = {r.layout for r in mine}
    if len(exact) == 1:
        votes[next(iter(exact))] += 1.0 if len(every) == 1 else 0.5


def _vote_other_requests(votes: dict[str, float], ev: RowEvent) -> None:
    """Table 三's 其他 rows: one row (2019) or the 2021 breakdown (other.*) weigh three votes."""
    keys = {(r.layout, r.key) for r in ev.refs if r.kind == "row"}
    if ("2019", "other") in keys:
        votes["2019"] += 3
    if any(k.startswith("other.") for _, k in keys):
        votes["2021"] += 3


def _choose_ref(refs: list[LabelRef], tid: str, layout: str, kinds: tuple[str, ...]) -> LabelRef | None:
    mine = [r for r in refs if r.table == tid and r.kind in kinds]
    for r in mine:
        if r.layout == layout and not r.variant:
            return r
    for r in mine:
        if r.layout == layout:
            return r
    return mine[0] if mine else None


class _Builder:
    def __init__(self, tid: str, lay: Layout, events: list[RowEvent]) -> None:
        self.tid, self.lay, self.events = tid, lay, events
        self.spec: TableSpec = lay.tables[tid]
        self.data = TableData(id=tid, template=lay.id)
        self.diagnostics: list[Diagnostic] = []
        first = events[0]
        self.data.line, self.data.page = first.line, first.page
        self.data.section = first.table.section_hint
        self._columns: dict[tuple[int, ...], tuple[dict[str, Span], list[str]]] = {}
        self.quality = Quality([r.path for r in self.spec.data_rows])
        self.claimed: list[Table] = []  # document tables whose unplaced rows this table accounts for
        self._layouts: dict[tuple[tuple[int, ...], int | None], str | None] = {}

    # -- columns -------------------------------------------------------------------------------
    def header_columns(self, headers: list[RowEvent]) -> tuple[dict[str, Span], list[str]]:
        spans: dict[str, Span] = {}
        order: list[str] = []
        for ev in headers:
            for h in ev.headers:
                ref = _choose_ref(h.refs, self.tid, self.lay.id, ("column",))
                if ref is None:
                    continue
                if ref.variant:
                    self._variant("column", ref, h.cell)
                c = h.cell
                spans.setdefault(ref.key, (c.col, c.col + max(c.colspan, 1)))
                if ref.key not in order:
                    order.append(ref.key)
        return spans, order

    def _variant(self, kind: str, ref: LabelRef, cell: Cell) -> None:
        if any(v.kind == kind and v.id == ref.key and v.found == cell.text for v in self.data.variants):
            return
        self.data.variants.append(LabelVariant(self.tid, kind, ref.key, " ".join(cell.text.split()), ref.label,
                                               cell.line, cell.page, cell.ref))

    def row_spec(self, ref: LabelRef, header_layout: str | None) -> tuple[RowSpec | None, bool]:
        """The row's spec in the table's layout; a row only the other layout has is 'foreign'."""
        own = self.spec.row(ref.key)
        if header_layout and header_layout != self.lay.id:
            other = layouts()[header_layout].tables[self.tid].row(ref.key)
            if other is not None:
                return other, True
        if own is not None:
            return own, False
        other_lay = layouts()[ref.layout].tables[self.tid]
        return other_lay.row(ref.key), True

    def header_layout(self, headers: list[RowEvent], item: int | None) -> str | None:
        """Table 二: which layout's columns a group's header row shows (mixed tables exist)."""
        if self.tid != "active_disclosure" or not headers:
            return None
        refs = _column_refs(headers)
        best, best_n = None, 0
        for lay in layouts().values():
            n = _columns_shown(refs, lay, self.tid, item)
            if n > best_n:
                best, best_n = lay.id, n
        return best

    def _header_layout_of(self, hkey: tuple[int, ...], headers: list[RowEvent], item: int | None) -> str | None:
        if (hkey, item) not in self._layouts:  # consecutive rows share their header rows: work them out once
            self._layouts[(hkey, item)] = self.header_layout(headers, item)
        return self._layouts[(hkey, item)]

    def _columns_of(self, hkey: tuple[int, ...], headers: list[RowEvent]) -> tuple[dict[str, Span], list[str]]:
        if hkey not in self._columns:
            self._columns[hkey] = self.header_columns(headers)
        return self._columns[hkey]

    # -- rows ----------------------------------------------------------------------------------
    def build(self) -> TableData:
        headers: list[RowEvent] = []
        caption: Caption | None = None
        after_data = False
        for ev in self.events:
            if ev.kind == "orphan":
                self.quality.unplaced(Unplaced(ev.table, ev.line, ev.page))
                continue
            if ev.kind == "caption":
                headers = []
                caption = Caption(" ".join((ev.label.text if ev.label else "").split()), [], ev.line, ev.page)
                self.data.captions.append(caption)
            elif ev.kind == "header":
                if after_data or (headers and headers[-1].table is not ev.table):
                    headers = []
                headers.append(ev)
            after_data = ev.kind == "data"
            if ev.kind == "header" or ev.kind == "caption":
                continue
            if ev.kind == "data":
                self.data_row(ev, headers, caption)
            elif ev.kind == "values" and self.spec.block_table:
                self.block_row(ev, headers)
        self.finish()
        return self.data

    def data_row(self, ev: RowEvent, headers: list[RowEvent], caption: Caption | None) -> None:
        ref = _choose_ref(ev.refs, self.tid, self.lay.id, ("row",))
        if ref is None:
            return
        row_headers = _headers_for(headers, ev.table)
        hkey = tuple(id(h) for h in row_headers)
        spec, foreign = self.row_spec(ref, self._header_layout_of(hkey, row_headers, _item(ref, self.tid)))
        if spec is None or spec.path in self.data.cells:
            return  # a repeated row (table continued on the next page with its rows repeated)
        self._place(ev, ref, spec, foreign)
        keys = [c.id for c in spec.columns]
        spans, order = self._columns_of(hkey, row_headers)
        present = order if row_headers and ev.table.ragged else None
        mapping, missing = map_values(ev.values, keys, spans, present, ev.table.ragged)
        label = " ".join(ev.label.text.split()) if ev.label else spec.label
        self.data.rows[spec.path] = RowInfo(label, ev.line, ev.page, ev.label.ref if ev.label else None)
        if caption is not None:
            caption.rows.append(spec.path)
        if mapping is None:
            self.quality.short.append(ShortRow(spec.path, label, len(ev.values), len(keys), ev.line, ev.page))
            self.data.unassessed_rows.append(spec.path)
            self.data.cells[spec.path] = {}
            return
        self._store(spec, mapping, missing)

    def _place(self, ev: RowEvent, ref: LabelRef, spec: RowSpec, foreign: bool) -> None:
        """The row was found: for the quality account, as a row of the other layout, as a variant label."""
        self.quality.placed(spec.path)
        if foreign and spec.path not in self.data.foreign_rows:
            self.data.foreign_rows.append(spec.path)
        if ref.variant or ev.fuzzy:
            assert ev.label is not None
            self._variant("row", ref, ev.label)

    def _store(self, spec: RowSpec, mapping: dict[str, Cell], missing: list[str]) -> None:
        cols = {c.id: c for c in spec.columns}
        self._fill(spec.path, mapping, cols)
        for k in missing:
            if (spec.path, k) not in self.data.missing_columns:
                self.data.missing_columns.append((spec.path, k))

    def block_row(self, ev: RowEvent, headers: list[RowEvent]) -> None:
        single = self._single_block(ev)
        if single is not None:
            vals = list(ev.values)
            mapping, _ = map_values(vals, [c.id for c in self.spec.columns], None, None, True)
            if mapping is not None and single not in self.data.cells:
                cols = {c.id: c for c in self.spec.columns}
                self._fill(single, mapping, cols)
                self.data.rows[single] = RowInfo(ev.table.before or single, ev.line, ev.page)
                return
        if self.data.cells:
            return
        keys = [f"{b.path}:{c.id}" for b in self.spec.rows for c in self.spec.columns]
        spans = self.block_spans(_headers_for(headers, ev.table))
        mapping, _ = map_values(ev.values, keys, spans, None, ev.table.ragged)
        if mapping is None:
            self.quality.short.append(ShortRow(None, "行政复议、行政诉讼", len(ev.values), len(keys), ev.line, ev.page))
            return
        cols = {c.id: c for c in self.spec.columns}
        for key, cell in mapping.items():
            block, col = key.split(":")
            self._fill(block, {col: cell}, cols)
            self.data.rows.setdefault(block, RowInfo(block, ev.line, ev.page))

    def _fill(self, path: str, mapping: dict[str, Cell], cols: dict[str, ColSpec]) -> None:
        """Type a row's cells. A cell OCR could not read surely is left out (so nothing judges it: the
        row is unassessed in that cell) and named in the table's OG903 (recognise.quality)."""
        row = self.data.cells.setdefault(path, {})
        for k, cell in mapping.items():
            if not cell.uncertain:
                row[k] = _typed(cell, cols[k])
                continue
            self.quality.uncertain.append(Uncertain(path, k, cell.text, cell.confidence, cell.page))
            if path not in self.data.unassessed_rows:
                self.data.unassessed_rows.append(path)

    def _single_block(self, ev: RowEvent) -> str | None:
        """Table 四 cut into one small table per block, each titled by the paragraph above it
        (`行政复议` / `行政诉讼（未经复议直接起诉）` / `行政诉讼（复议后起诉）`)."""
        title = norm(ev.table.before or "")
        nonempty = [c for c in ev.values if c.text.strip()]
        if not title or len(nonempty) > len(self.spec.columns):
            return None
        found = [b.path for b in self.spec.rows if norm(b.label) in title]
        if "suit_after_review" in found or "direct_suit" in found:
            found = [f for f in found if f != "review"]
        return found[0] if len(found) == 1 else None

    def block_spans(self, headers: list[RowEvent]) -> dict[str, Span] | None:
        blocks: list[tuple[str, Span]] = []
        cols: list[tuple[str, Cell]] = []
        for ev in headers:
            for h in ev.headers:
                ref = _choose_ref(h.refs, self.tid, self.lay.id, ("block", "column"))
                if ref is None:
                    continue
                c = h.cell
                if ref.kind == "block":
                    blocks.append((ref.key, (c.col, c.col + max(c.colspan, 1))))
                else:
                    cols.append((ref.key, c))
        spans: dict[str, Span] = {}
        for key, c in cols:
            owners = [b for b, sp in blocks if sp[0] <= c.col < sp[1]]
            if len(owners) == 1:
                spans.setdefault(f"{owners[0]}:{key}", (c.col, c.col + max(c.colspan, 1)))
        return spans or None

    def finish(self) -> None:
        absent = [r.path for r in self.spec.data_rows if r.path not in self.data.cells]
        if self.spec.block_table and not self.data.cells and self.quality.short:
            absent = []  # table 四's one row of values could not be split: unassessed, not missing
            self.data.unassessed_rows.extend(r.path for r in self.spec.data_rows)
        missing, unreadable, used = self.quality.split(absent)
        self.data.missing_rows.extend(missing)
        self.data.unreadable_rows.extend(unreadable)
        self.claimed = [u.table for u in used]
        labels = {r.path: r.label for r in self.spec.rows}
        diag = degraded_diagnostic(self.data, labels, self.quality, used)
        if diag is not None:
            self.diagnostics.append(diag)
        cols = {c.id: c.label for c in self.spec.columns}
        diag = uncertain_diagnostic(self.data, labels, cols, self.quality.uncertain)
        if diag is not None:
            self.diagnostics.append(diag)


def _headers_for(headers: list[RowEvent], table: Table) -> list[RowEvent]:
    """The header rows that give this table's columns: its own, or - for a table split into two
    (header rows in one, body rows in the next) - the previous table's, when both are grids of the
    same width, so their column indexes mean the same columns."""
    own = [h for h in headers if h.table is table]
    if own or not headers or table.ragged:
        return own
    prev = headers[-1].table
    width = {len(r) for r in table.rows}
    if prev.ragged or width != {len(r) for r in prev.rows}:
        return []
    return [h for h in headers if h.table is prev]


def _column_refs(headers: list[RowEvent]) -> list[LabelRef]:
    return [r for ev in headers for h in ev.headers for r in h.refs if r.kind == "column"]


def _columns_shown(refs: list[LabelRef], lay: Layout, tid: str, item: int | None) -> int:
    """How many of item `item`'s columns in layout `lay` the header shows in that layout's exact wording."""
    specs = [c for r in lay.tables[tid].rows if r.item == item for c in r.columns]
    labels = {c.label for c in specs}
    found = {r.key for r in refs if not r.variant}
    exact = {r.key for r in refs if r.layout == lay.id and not r.variant and r.label in labels}
    return len(exact & {c.id for c in specs} & found)


def _item(ref: LabelRef, tid: str) -> int | None:
    if tid != "active_disclosure":
        return None
    spec = layouts()[ref.layout].tables[tid].row(ref.key)
    return spec.item if spec else None


def _typed(cell: Cell, col: ColSpec):  # type: ignore[no-untyped-def]
    typed = type_cell(cell.text, col.kind, col.unit, cell.line, cell.page)
    typed.ref = cell.ref
    return typed


def recognise_tables(doc_tables: list[Table], fallback_layout: str | None) -> TableResult:
    for t in doc_tables:
        recover_rows(t)  # rows not marked in the source (one cell per paragraph or per line): cut by labels
    events, unmapped = collect_events(doc_tables)
    result = TableResult(unmapped=unmapped)
    decided = {tid: decide_layout(tid, evs) for tid, evs in events.items()}
    known = [v for v in decided.values() if v]
    majority = max(set(known), key=known.count) if known else None
    for tid, evs in events.items():
        if not any(ev.kind in ("data", "values") for ev in evs):
            continue  # a header without rows is not a table we can check
        lay_id = decided[tid] or (decided.get("active_disclosure") if tid != "active_disclosure" else None) \
            or majority or fallback_layout or "2021"
        builder = _Builder(tid, layouts()[lay_id], evs)
        result.tables[tid] = builder.build()
        result.diagnostics.extend(builder.diagnostics)
        result.unmapped = _unclaimed(result.unmapped, builder.claimed)
    if "active_disclosure" in result.tables:
        result.tables["active_disclosure"].caption_like = caption_like(doc_tables)
    return result


def _unclaimed(unmapped: list[Table], claimed: list[Table]) -> list[Table]:
    """Tables made only of rows whose labels were lost are told in that table's OG903, not as OG902."""
    ids = {id(t) for t in claimed}
    return [t for t in unmapped if id(t) not in ids]
