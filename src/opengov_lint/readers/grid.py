"""Building a regular table grid from cells with spans, shared by the HTML, docx and PDF readers.

A merged cell is one Cell object placed in every grid slot it covers (model/document.py), so the
recogniser can tell a merge (`row[i] is row[j]`) from two cells that happen to hold the same text.
Slots no source cell covers (a short row in hand-written HTML) get an empty Cell of their own."""

from __future__ import annotations

from opengov_lint.model import Cell

MAX_SPAN = 1000  # a colspan/rowspan beyond this is a broken page, not a table


def _budget(nrows: int, ncols: int) -> None:
    """The grid will hold nrows x ncols cells: checked against limits.max_cells before any slot is
    filled, so `<td colspan=99999999>` in a 63-byte file or a gridSpan bomb costs nothing."""
    from opengov_lint.readers.limits import current, exceeded

    limit = current().max_cells
    if nrows * ncols > limit:
        raise exceeded("表格单元格数（含合并单元格展开）", "number of table cells (merged cells spread out)",
                       "max_cells", nrows * ncols, limit)


class Grid:
    def __init__(self) -> None:
        self.slots: dict[tuple[int, int], Cell] = {}
        self.nrows = 0
        self.ncols = 0

    def taken(self, r: int, c: int) -> bool:
        return (r, c) in self.slots

    def get(self, r: int, c: int) -> Cell | None:
        return self.slots.get((r, c))

    def place(self, cell: Cell, r: int, c: int, rowspan: int = 1, colspan: int = 1) -> None:
        """Put `cell` at (r, c) covering rowspan x colspan slots (slots already taken are kept)."""
        rowspan, colspan = max(1, min(rowspan, MAX_SPAN)), max(1, min(colspan, MAX_SPAN))
        nrows, ncols = max(self.nrows, r + rowspan), max(self.ncols, c + colspan)
        if nrows != self.nrows or ncols != self.ncols:  # nrows x ncols was checked when it last grew
            _budget(nrows, ncols)
        cell.row, cell.col, cell.rowspan, cell.colspan = r, c, rowspan, colspan
        if rowspan == colspan == 1:
            self.slots.setdefault((r, c), cell)
        else:
            for i in range(r, r + rowspan):
                for j in range(c, c + colspan):
                    self.slots.setdefault((i, j), cell)
        self.nrows, self.ncols = nrows, ncols

    def place_one(self, cell: Cell, r: int, c: int) -> None:
        """place(cell, r, c) for a cell without spans, at a free slot (the common case, kept short)."""
        if r >= self.nrows or c >= self.ncols:
            self.place(cell, r, c)
            return
        cell.row, cell.col, cell.rowspan, cell.colspan = r, c, 1, 1
        self.slots[(r, c)] = cell

    def extend_down(self, cell: Cell, r: int) -> None:
        """A vertically merged cell continues into row r (docx vMerge=continue, a cut PDF cell)."""
        _budget(max(self.nrows, r + 1), self.ncols)
        for j in range(cell.col, cell.col + cell.colspan):
            self.slots[(r, j)] = cell
        cell.rowspan = r - cell.row + 1
        self.nrows = max(self.nrows, r + 1)

    def rows(self, nrows: int | None = None) -> list[list[Cell]]:
        """The grid as rows of equal length; rowspans that ran past the last row are clamped."""
        n = self.nrows if nrows is None else nrows
        out: list[list[Cell]] = []
        for i in range(n):
            row: list[Cell] = []
            for j in range(self.ncols):
                cell = self.slots.get((i, j))
                if cell is None:
                    cell = Cell("", row=i, col=j)
                    self.slots[(i, j)] = cell
                row.append(cell)
            out.append(row)
        for row in out:
            for cell in row:
                if cell.row + cell.rowspan > n:
                    cell.rowspan = n - cell.row
        return out
