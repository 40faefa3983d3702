"""One defect, one finding (RULES.md, OG2xx preamble): the grouping every cell rule shares.

A cell rule says, per data cell, whether it fires and with what *signature* (blank; the placeholder
written; the text written). Cells of one table firing with the same signature are grouped:

1. every data cell of the table           -> one finding for the table;
2. whole columns (every row that has them) -> one finding naming the columns;
3. whole rows (every column of the row)   -> one finding naming the rows (cells not already in 2);
4. what is left: one finding per cell, or - when five or more are left - one finding for the
   scattered cells of that table (the author's habit, e.g. zeros left blank throughout).

A grouped finding keeps a location a person can find (the table, the row or column when it is one,
the line of its first cell) and lists every cell in its evidence (`cells`, `rows`, `columns`,
`group`, `count`); its baseline key is the table, the kind and the rows/columns it names, never a line."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from opengov_lint.findings import Hit, Location
from opengov_lint.model import Report, TableData, TypedCell
from opengov_lint.recognise.text import excerpt
from opengov_lint.rules.support.template import TABLE_SHORT, col_label, row_label, table_section

Fire = Callable[[TableData, str, str, TypedCell], "str | None"]  # the signature when the cell fires
SCATTERED = 5  # left-over cells of one signature in one table at which they are one finding
SHOWN = 3  # labels named in a message; the evidence lists them all


@dataclass(slots=True)
class Group:
    table: TableData
    kind: str  # cell | table | columns | rows | cells
    sig: str
    cells: list[tuple[str, str, TypedCell]] = field(default_factory=list)
    rows: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)


Key = tuple[str, str]


def _full_columns(table: TableData, fired: dict[Key, TypedCell]) -> list[str]:
    by_col: dict[str, list[str]] = {}
    for r, cols in table.cells.items():
        for c in cols:
            by_col.setdefault(c, []).append(r)
    return [c for c, rows in by_col.items() if len(rows) >= 2 and all((r, c) in fired for r in rows)]


def _full_rows(table: TableData, fired: dict[Key, TypedCell], left: dict[Key, TypedCell]) -> list[str]:
    """Rows every cell of which fired, with at least two cells not already in a column group."""
    out = []
    for r, cols in table.cells.items():
        if len(cols) >= 2 and all((r, c) in fired for c in cols) and sum((r, c) in left for c in cols) >= 2:
            out.append(r)
    return out


def _take(left: dict[Key, TypedCell], keys: list[Key]) -> list[tuple[str, str, TypedCell]]:
    return [(r, c, left.pop((r, c))) for r, c in keys if (r, c) in left]


def _groups_of(table: TableData, fired: dict[Key, TypedCell], sig: str) -> Iterator[Group]:
    every = [(r, c) for r, cols in table.cells.items() for c in cols]
    left = dict(fired)
    if len(fired) == len(every) and len(every) >= 2:
        yield Group(table, "table", sig, _take(left, every))
        return
    columns = _full_columns(table, fired)
    if columns:
        yield Group(table, "columns", sig, _take(left, [k for k in every if k[1] in columns]), columns=columns)
    rows = _full_rows(table, fired, left)
    if rows:
        yield Group(table, "rows", sig, _take(left, [k for k in every if k[0] in rows]), rows=rows)
    rest = _take(left, list(left))
    if len(rest) >= SCATTERED:
        yield Group(table, "cells", sig, rest)
        return
    for r, c, cell in rest:
        yield Group(table, "cell", sig, [(r, c, cell)], rows=[r], columns=[c])


def cell_groups(report: Report, fire: Fire) -> Iterator[Group]:
    """The groups of firing cells, table by table, in the order of the table's cells."""
    for table in report.tables.values():
        by_sig: dict[str, dict[Key, TypedCell]] = {}
        for r, cols in table.cells.items():
            for c, cell in cols.items():
                sig = fire(table, r, c, cell)
                if sig is not None:
                    by_sig.setdefault(sig, {})[(r, c)] = cell
        for sig, fired in by_sig.items():
            yield from _groups_of(table, fired, sig)


def _labels(items: list[str], label: Callable[[str], str], quote: tuple[str, str]) -> list[str]:
    return [f"{quote[0]}{excerpt(label(x), 20)}{quote[1]}" for x in items[:SHOWN]]


def _where(g: Group) -> tuple[str, str]:
    """How the group is named in a message (zh, en)."""
    t, n = g.table, len(g.cells)
    if g.kind == "table":
        return f"全部{n}个数据单元格均", f"all {n} data cells"
    if g.kind in ("columns", "rows"):
        items = g.columns if g.kind == "columns" else g.rows
        first_row = g.cells[0][0]
        label = (lambda c: col_label(t, c, first_row)) if g.kind == "columns" else (lambda r: row_label(t, r))
        zh = "".join(_labels(items, label, ("“", "”")))
        en = ", ".join(_labels(items, label, ("'", "'")))
        more_zh = f"等{len(items)}" if len(items) > SHOWN else ""
        more_en = f" and {len(items) - SHOWN} more" if len(items) > SHOWN else ""
        if g.kind == "columns":
            return (f"{zh}{more_zh}列在各行（共{n}个单元格）",
                    f"column{'s' if len(items) > 1 else ''} {en}{more_en} in every row ({n} cells)")
        return (f"{zh}{more_zh}行整行（共{n}个单元格）",
                f"row{'s' if len(items) > 1 else ''} {en}{more_en}, whole row ({n} cells)")
    r, c, _ = g.cells[0]
    first_zh = f"“{excerpt(row_label(t, r), 20)}”行“{col_label(t, c, r)}”列"
    first_en = f"row '{excerpt(row_label(t, r), 20)}', column '{col_label(t, c, r)}'"
    return f"另有{n}个单元格（如{first_zh}）", f"{n} further cells (e.g. {first_en})"


def group_hit(g: Group, message: str = "group", args: dict[str, Any] | None = None) -> Hit:
    """The one hit of a group (not of a single cell): named table/columns/rows, every cell listed."""
    t = g.table
    first = min(g.cells, key=lambda x: (x[2].page or 0, x[2].line or 0))[2]
    zh, en = _where(g)
    return Hit(
        message=message,
        args={"table": TABLE_SHORT[t.id], "where_zh": zh, "where_en": en, "count": len(g.cells), **(args or {})},
        location=Location(line=first.line, page=first.page, section=table_section(t), table=t.id,
                          row=g.rows[0] if len(g.rows) == 1 else None,
                          column=g.columns[0] if len(g.columns) == 1 else None),
        evidence={"group": g.kind if g.kind != "cells" else "scattered", "count": len(g.cells),
                  "rows": list(g.rows), "columns": list(g.columns),
                  "cells": [f"{t.id}.{r}.{c}" for r, c, _ in g.cells]},
    )


def grouped_hits(report: Report, fire: Fire, single: Callable[[TableData, str, str, TypedCell], Hit],
                 args: Callable[[str], dict[str, Any]] | None = None) -> Iterator[Hit]:
    """Per group: the rule's own hit for a lone cell, else `group_hit` (message key "group")."""
    for g in cell_groups(report, fire):
        if g.kind == "cell":
            r, c, cell = g.cells[0]
            yield single(g.table, r, c, cell)
        else:
            yield group_hit(g, args=args(g.sig) if args else None)
