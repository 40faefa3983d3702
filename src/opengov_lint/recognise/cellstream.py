"""Rows of a table whose rows the source does not mark (one cell per paragraph, one cell per line
ending with ` |`: readers/texttables.py gives such a table as one stream of cells).

The template knows every label, so the stream is cut where a row label (or a group label, a caption,
an unknown text) begins; header labels that follow each other form one header row; the numbers after
a header row (table 四) form a row of their own. A label broken over two or three cells (`本年新` /
`制作数量`) is joined first. Nothing is guessed: a row that gets more or fewer cells than the template
wants is reported by the table pass (OG903 naming the row), never shifted into place. An empty cell
is kept where it stands (blank stays blank); the empty cells a writer puts before every row are the
ones the table pass trims beyond the template's count."""

from __future__ import annotations

from opengov_lint.knowledge.catalog import layouts
from opengov_lint.model import Cell, Table
from opengov_lint.recognise.citations import caption_item
from opengov_lint.recognise.labels import LabelRef, lookup
from opengov_lint.recognise.rows import ROW_KINDS, value_like
from opengov_lint.recognise.text import has_cjk

_MAX_PIECES = 3


def recover_rows(table: Table) -> None:
    """Cut a stream table (one row of cells) into rows, in place; other tables are left alone."""
    if not table.stream or len(table.rows) != 1:
        return
    rows = cut(table.rows[0])
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            cell.row, cell.col = r, c
    table.rows = rows


def _refs(cell: Cell) -> list[LabelRef]:
    text = cell.text.strip()
    return lookup(text) if text and has_cjk(text) else []


def kind(cell: Cell) -> str:
    """empty | value | label (row, group, caption) | head (column, header, note, block) | text."""
    if not cell.text.strip():
        return "empty"
    if value_like(cell):
        return "value"
    refs = _refs(cell)
    if any(r.kind in ROW_KINDS for r in refs) or caption_item(cell.text) is not None:
        return "label"
    return "head" if refs else "text"


def join_broken(cells: list[Cell]) -> list[Cell]:
    """A label broken over consecutive cells (`本年新` / `制作数量`, `（二）部分公开` / `（区分处理的，…）`)
    as one cell: the pieces after the first are no label, and together they are one (the template's own
    wording when the first piece is a label already)."""
    out: list[Cell] = []
    i = 0
    while i < len(cells):
        c = cells[i]
        n = _pieces(cells, i)
        if n > 1:
            group = cells[i:i + n]
            out.append(Cell("\n".join(x.text.strip() for x in group), row=c.row, col=c.col, line=c.line, page=c.page))
            i += n
            continue
        out.append(c)
        i += 1
    return out


def _pieces(cells: list[Cell], i: int) -> int:
    """How many cells from I on make one label (1: the cell stands alone)."""
    first = kind(cells[i])
    if first not in ("text", "label", "head"):
        return 1
    for n in range(2, _MAX_PIECES + 1):
        group = cells[i:i + n]
        if len(group) < n or kind(group[-1]) != "text":
            break
        refs = _refs(Cell("".join(x.text.strip() for x in group)))
        if refs and (first == "text" or any(not r.variant for r in refs)):
            return n
    return 1


def cut(stream: list[Cell]) -> list[list[Cell]]:
    cells = join_broken(stream)
    kinds = [kind(c) for c in cells]
    rows: list[list[Cell]] = []
    row_kinds: list[str] = []
    for i, (c, k) in enumerate(zip(cells, kinds, strict=False)):
        last = row_kinds[-1] if row_kinds else ""
        if k == "empty" or (k == "value" and last not in ("head", "")) or (k == "head" and last == "head"):
            if not rows:
                rows.append([])
                row_kinds.append("values")
            rows[-1].append(c)
            continue
        carried: list[Cell] = []
        if k == "value" and last == "head":
            carried = _openers(rows[-1], cells, kinds, i)
        rows.append([*carried, c])
        row_kinds.append("values" if k == "value" else k)
    return rows


def _openers(head_row: list[Cell], cells: list[Cell], kinds: list[str], first: int) -> list[Cell]:
    """Empty cells between a header row and the numbers after it: blank values when the numbers then
    fill the template's count (table 四), otherwise the writer's row openings (left with the header)."""
    want = _values_wanted(head_row)
    end = first
    while end < len(cells) and kinds[end] in ("value", "empty"):
        end += 1
    trailing = 0
    while trailing < len(head_row) and not head_row[-1 - trailing].text.strip():
        trailing += 1
    move = min(trailing, max(0, want - (end - first))) if want else 0
    carried = head_row[len(head_row) - move:] if move else []
    del head_row[len(head_row) - move:]
    return carried


def _values_wanted(head_row: list[Cell]) -> int:
    """How many numbers a row of values under these headers holds (a block table: every block's columns)."""
    for c in head_row:
        for r in _refs(c):
            spec = layouts()[r.layout].tables[r.table]
            if spec.block_table:
                return len(spec.rows) * len(spec.columns)
    return 0
