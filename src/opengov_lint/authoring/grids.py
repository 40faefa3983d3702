"""The national layout of tables 二/三/四 as a grid with merged cells, built from rules/layouts/*.yaml.

Each GridCell says its text, its span and, for a data cell, its canonical path (table.row.column),
so one description renders to Word (w:gridSpan / w:vMerge) and HTML (colspan / rowspan) alike."""

from __future__ import annotations

from dataclasses import dataclass

from opengov_lint.knowledge.catalog import RowSpec, TableSpec, layouts


@dataclass(slots=True)
class GridCell:
    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    path: str | None = None  # data cell: "requests.granted.total"
    header: bool = False


@dataclass(slots=True)
class Grid:
    table: str
    columns: int
    cells: list[GridCell]

    @property
    def rows(self) -> int:
        return max((c.row + c.rowspan for c in self.cells), default=0)


def _active_disclosure(spec: TableSpec) -> Grid:
    width = 1 + max(len(r.columns) for r in spec.rows)
    cells: list[GridCell] = []
    r = 0
    groups: dict[int, list[RowSpec]] = {}
    for row in spec.rows:
        groups.setdefault(row.item or 0, []).append(row)
    for item, rows in groups.items():
        cells.append(GridCell(spec.captions[item], r, 0, colspan=width, header=True))
        r += 1
        cols = rows[0].columns
        spans = _spread(len(cols), width - 1)
        cells.append(GridCell(spec.header or "信息内容", r, 0, header=True))
        c = 1
        for col, span in zip(cols, spans, strict=False):
            cells.append(GridCell(col.label, r, c, colspan=span, header=True))
            c += span
        r += 1
        for row in rows:
            cells.append(GridCell(row.label, r, 0, header=True))
            c = 1
            for col, span in zip(cols, spans, strict=False):
                cells.append(GridCell("", r, c, colspan=span, path=f"{spec.id}.{row.path}.{col.id}"))
                c += span
            r += 1
    return Grid(spec.id, width, cells)


def _spread(n: int, width: int) -> list[int]:
    """n columns over `width` grid columns; the last one takes the rest (as the national format does)."""
    return [1] * (n - 1) + [width - (n - 1)]


def _requests(spec: TableSpec) -> Grid:
    cols = spec.columns
    width = 3 + len(cols)
    cells = [GridCell(spec.note or "", 0, 0, rowspan=3, colspan=3, header=True),
             GridCell("申请人情况", 0, 3, colspan=len(cols), header=True),
             GridCell(cols[0].label, 1, 3, rowspan=2, header=True),
             GridCell("法人或其他组织", 1, 4, colspan=len(cols) - 2, header=True),
             GridCell(cols[-1].label, 1, 3 + len(cols) - 1, rowspan=2, header=True)]
    cells += [GridCell(c.label, 2, 4 + i, header=True) for i, c in enumerate(cols[1:-1])]
    r = 3
    rows = spec.rows
    results_span = sum(1 for x in rows if x.data and x.path not in ("new_received", "carried_over", "carried_forward"))
    for _i, row in enumerate(rows):
        if row.path == "results":
            cells.append(GridCell(row.label, r, 0, rowspan=results_span, header=True))
            continue
        if not row.data:  # a group: its label spans its sub-rows in the second column
            n = sum(1 for x in rows if x.group == row.path)
            cells.append(GridCell(row.label, r, 1, rowspan=n, header=True))
            continue
        if row.path in ("new_received", "carried_over", "carried_forward"):
            cells.append(GridCell(row.label, r, 0, colspan=3, header=True))
        elif row.group:
            cells.append(GridCell(row.label, r, 2, header=True))
        else:
            cells.append(GridCell(row.label, r, 1, colspan=2, header=True))
        cells += [GridCell("", r, 3 + j, path=f"{spec.id}.{row.path}.{c.id}") for j, c in enumerate(cols)]
        r += 1
    return Grid(spec.id, width, cells)


def _review(spec: TableSpec) -> Grid:
    cols = spec.columns
    n = len(cols)
    review, direct, after = spec.rows
    cells = [GridCell(review.label, 0, 0, colspan=n, header=True),
             GridCell("行政诉讼", 0, n, colspan=2 * n, header=True)]
    cells += [GridCell(c.label, 1, i, rowspan=2, header=True) for i, c in enumerate(cols)]
    cells += [GridCell(direct.label, 1, n, colspan=n, header=True), GridCell(after.label, 1, 2 * n, colspan=n,
                                                                                header=True)]
    cells += [GridCell(c.label, 2, n + i, header=True) for i, c in enumerate(cols)]
    cells += [GridCell(c.label, 2, 2 * n + i, header=True) for i, c in enumerate(cols)]
    for b, block in enumerate((review, direct, after)):
        cells += [GridCell("", 3, b * n + i, path=f"{spec.id}.{block.path}.{c.id}") for i, c in enumerate(cols)]
    return Grid(spec.id, 3 * n, cells)


def grid(template: str, table: str) -> Grid:
    spec = layouts()[template].tables[table]
    if table == "active_disclosure":
        return _active_disclosure(spec)
    if table == "requests":
        return _requests(spec)
    return _review(spec)
