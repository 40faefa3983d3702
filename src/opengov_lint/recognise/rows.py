"""Pass 1 of table recognition: classify every row of every document table.

A row is a caption (第二十条第（X）项), a header (column labels, notes), a labelled data row (the
rightmost cell that matches a row label; the cells after it are its values), a group label, an
unlabelled row of numbers (table 四), or unknown. Merged cells were resolved by the reader: the
same Cell object in several grid slots is one cell, so it is counted once."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from opengov_lint.model import Caption, Cell, CellKind, Table
from opengov_lint.recognise.cells import type_cell
from opengov_lint.recognise.citations import caption_item, parse_caption
from opengov_lint.recognise.labels import LabelRef, fuzzy, lookup
from opengov_lint.recognise.text import has_cjk, norm

ROW_KINDS = ("row", "group")
HEAD_KINDS = ("column", "header", "note", "block")


@dataclass(slots=True)
class HeaderCell:
    cell: Cell
    refs: list[LabelRef]


@dataclass(slots=True)
class RowEvent:
    table: Table
    row_index: int
    kind: str  # data | group | header | caption | values | unknown
    refs: list[LabelRef] = field(default_factory=list)  # candidates for the label cell
    label: Cell | None = None
    values: list[Cell] = field(default_factory=list)
    headers: list[HeaderCell] = field(default_factory=list)
    context: list[LabelRef] = field(default_factory=list)  # group labels to the left of the label
    caption: int | None = None
    fuzzy: bool = False

    @property
    def line(self) -> int | None:
        c = self.label or (self.values[0] if self.values else None)
        if c is None and self.headers:
            c = self.headers[0].cell
        return c.line if c is not None else self.table.line

    @property
    def page(self) -> int | None:
        c = self.label or (self.values[0] if self.values else None)
        return c.page if c is not None else self.table.page

    def tables(self) -> set[str]:
        refs = list(self.refs) + [r for h in self.headers for r in h.refs]
        return {r.table for r in refs}


def distinct(row: list[Cell]) -> list[Cell]:
    # a merged cell spans several columns, or reappears after another: kept once, where it first is
    return list({id(c): c for c in row}.values())


def value_like(cell: Cell) -> bool:
    """A cell that holds (or stands for) a number: digits, blank, placeholder, digits with a unit."""
    return _value_like(cell.text)


@functools.lru_cache(maxsize=16384)
def _value_like(text: str) -> bool:
    t = type_cell(text)
    return t.kind is not CellKind.TEXT or not has_cjk(text) or t.value is not None


def classify(table: Table, row_index: int, ctx: str | None) -> RowEvent:
    cells = distinct(table.rows[row_index])
    refs_by_cell = [_refs_of(c) for c in cells]
    ev = RowEvent(table, row_index, "unknown")
    label_at = _find_label(cells, refs_by_cell, ctx, ev)
    if label_at >= 0:
        _as_labelled(ev, cells, refs_by_cell, label_at)
    elif not _as_header(ev, cells, refs_by_cell):
        _as_caption_or_values(ev, cells)
    return ev


def _refs_of(cell: Cell) -> list[LabelRef]:
    """The template labels a cell's text may be (none for a cell without Chinese text)."""
    return list(_refs_for(cell.text))


@functools.lru_cache(maxsize=16384)  # the same labels and numbers recur in every table of a batch
def _refs_for(text: str) -> tuple[LabelRef, ...]:
    text = text.strip()
    return tuple(lookup(text)) if text and has_cjk(text) else ()


def _find_label(cells: list[Cell], refs_by_cell: list[list[LabelRef]], ctx: str | None, ev: RowEvent) -> int:
    """The index of the row's label cell (-1 for none): the rightmost row/group label, else a misspelt one."""
    label_at = -1
    for i in range(len(cells) - 1, -1, -1):
        refs = refs_by_cell[i]
        if refs and any(r.kind in ROW_KINDS for r in refs):
            label_at = i
            break
    if label_at >= 0 and all(r.kind == "group" for r in refs_by_cell[label_at]):
        # In a real grid the group label (（三）不予公开) sits left of a misspelt row label
        # (2.其他法律行政止公开): look for the row label after the group.
        label_at = _fuzzy_label(cells, refs_by_cell, label_at + 1, ctx, ev, label_at)
    if label_at < 0:
        label_at = _fuzzy_label(cells, refs_by_cell, 0, ctx, ev, -1)
    return label_at


def _as_labelled(ev: RowEvent, cells: list[Cell], refs_by_cell: list[list[LabelRef]], label_at: int) -> None:
    """A labelled row: everything after the label cell is the row's values (none: a group label)."""
    ev.label = cells[label_at]
    ev.refs = refs_by_cell[label_at]
    ev.values = cells[label_at + 1:]
    ev.context = [r for refs in refs_by_cell[:label_at] for r in refs if r.kind in ROW_KINDS]
    ev.kind = "data" if ev.values else "group"


def _as_header(ev: RowEvent, cells: list[Cell], refs_by_cell: list[list[LabelRef]]) -> bool:
    """A header row: cells that are column labels or notes (plus misspelt column labels among them)."""
    heads = [HeaderCell(c, refs) for c, refs in zip(cells, refs_by_cell, strict=False) if any(
        r.kind in HEAD_KINDS for r in refs)]
    if not heads:
        return False
    ev.kind, ev.headers = "header", heads
    for c, refs in zip(cells, refs_by_cell, strict=False):  # a misspelt column label among good ones
        if c.text.strip() and has_cjk(c.text) and not refs and not value_like(c):
            guess = fuzzy(c.text.strip(), _majority(heads), ("column",))
            if guess is not None:
                heads.append(HeaderCell(c, [guess]))
    heads.sort(key=lambda h: (h.cell.col, h.cell.row))
    return True


def _as_caption_or_values(ev: RowEvent, cells: list[Cell]) -> None:
    """A row without labels: a caption alone in its row, a wide row of numbers (table 四), or unknown."""
    nonempty = [c for c in cells if c.text.strip()]
    if len(nonempty) == 1 and caption_item(nonempty[0].text) is not None:
        ev.kind, ev.caption, ev.label = "caption", caption_item(nonempty[0].text), nonempty[0]
    elif nonempty and all(value_like(c) for c in nonempty) and len(cells) >= 5:
        ev.kind, ev.values = "values", cells


def _fuzzy_label(cells: list[Cell], refs_by_cell: list[list[LabelRef]], start: int, ctx: str | None,
                 ev: RowEvent, default: int) -> int:
    """A misspelt row label followed by numbers: the closest template label, if clearly closest."""
    numbers_after = _numbers_after(cells)
    for i in range(start, len(cells)):
        c = cells[i]
        if c.text.strip() and has_cjk(c.text) and not refs_by_cell[i] and numbers_after[i]:
            guess = fuzzy(c.text.strip(), ctx, ROW_KINDS) or fuzzy(c.text.strip(), None, ROW_KINDS)
            if guess is not None:
                refs_by_cell[i] = [guess]
                ev.fuzzy = True
                return i
            break
    return default


def _numbers_after(cells: list[Cell]) -> list[bool]:
    """For each cell: are all the cells after it value-like, and one of them not empty? (One pass from
    the right, so that a very wide row stays linear.)"""
    out = [False] * len(cells)
    all_values, filled = True, False
    for i in range(len(cells) - 1, 0, -1):
        x = cells[i]
        all_values = all_values and value_like(x)
        filled = filled or bool(x.text.strip())
        out[i - 1] = all_values and filled
    return out


def _majority(heads: list[HeaderCell]) -> str | None:
    votes: dict[str, int] = {}
    for h in heads:
        for t in {r.table for r in h.refs}:
            votes[t] = votes.get(t, 0) + 1
    return max(votes, key=lambda t: votes[t]) if votes else None


def caption_like(tables: list[Table]) -> list[Caption]:
    """Rows of section 二's tables that hold nothing but a `第…条…` text (a caption, well formed or not),
    as written: the rules judge captions the recogniser could not accept from these, not from the document."""
    out: list[Caption] = []
    for t in tables:
        if t.section_hint != 2:
            continue
        for row in t.rows:
            texts = [c for c in distinct(row) if c.text.strip()]
            if len(texts) == 1 and parse_caption(texts[0].text) is not None:
                out.append(Caption(texts[0].text, [], texts[0].line, texts[0].page))
    return out


def pick_table(ev: RowEvent, ctx: str | None) -> str | None:
    """Which template table a row belongs to: the only candidate, the current one, or the majority."""
    if ev.kind == "caption":
        return "active_disclosure"
    if ev.kind in ("data", "group"):
        tabs = {r.table for r in ev.refs}
        if len(tabs) == 1:
            return next(iter(tabs))
        return ctx if ctx in tabs else (min(tabs) if tabs else ctx)
    if ev.kind == "header":
        votes: dict[str, int] = {}
        for h in ev.headers:
            if len(label_text(h.cell)) <= 2:
                continue  # 其他 / 总计 alone are in every table: they say nothing about which one
            for t in {r.table for r in h.refs}:
                votes[t] = votes.get(t, 0) + (2 if t == ctx else 1)
        return max(sorted(votes), key=lambda t: votes[t]) if votes else ctx
    if ev.kind == "values":
        return ctx
    return None


def label_text(cell: Cell | None) -> str:
    return norm(cell.text) if cell is not None else ""
