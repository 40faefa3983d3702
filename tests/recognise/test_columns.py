"""Value cells to column keys (recognise/columns.py): by header spans in a grid (one-column
headers looked up by column, wider ones searched), in template order otherwise."""

from __future__ import annotations

from opengov_lint.model import Cell
from opengov_lint.recognise.columns import map_values


def _row(*cells: tuple[str, int, int]) -> list[Cell]:
    return [Cell(text, col=col, colspan=span) for text, col, span in cells]


def test_one_column_headers_take_the_cell_in_their_column() -> None:
    vals = _row(("5", 1, 1), ("6", 2, 1), ("7", 3, 1))
    got, missing = map_values(vals, ["a", "b", "c"], {"a": (3, 4), "b": (1, 2), "c": (2, 3)}, None, False)
    assert got is not None
    assert missing == []
    assert [got[k].text for k in ("a", "b", "c")] == ["7", "5", "6"]


def test_a_header_over_an_empty_column_has_no_value_then_template_order() -> None:
    vals = _row(("5", 1, 1), ("6", 2, 1))
    got, _ = map_values(vals, ["a", "b"], {"a": (1, 2), "b": (4, 5)}, None, False)
    assert got is not None  # no cell under b: mapped in template order (two cells, two keys)
    assert [got[k].text for k in ("a", "b")] == ["5", "6"]
    got, _ = map_values(vals, ["a", "b", "c"], {"a": (1, 2), "b": (4, 5), "c": (2, 3)}, None, False)
    assert got is None  # nor can three keys take two cells in order


def test_sliver_and_shifted_columns() -> None:
    # a header over columns 2-3, the values in 1-2 (wide) and 3: the one wholly under it wins
    vals = _row(("9", 1, 2), ("4", 3, 1))
    got, _ = map_values(vals, ["a", "b"], {"a": (1, 2), "b": (2, 4)}, None, False)
    assert got is not None
    assert [got[k].text for k in ("a", "b")] == ["9", "4"]
    # a header over two grid columns with a value and an empty sliver under it
    vals = _row(("3", 1, 1), ("", 2, 1), ("8", 3, 1))
    got, _ = map_values(vals, ["a", "b"], {"a": (1, 3), "b": (3, 4)}, None, False)
    assert got is not None
    assert [got[k].text for k in ("a", "b")] == ["3", "8"]


def test_a_cell_is_taken_once() -> None:
    vals = _row(("1", 0, 1), ("2", 1, 1))
    got, _ = map_values(vals, ["a", "b", "c"], {"a": (0, 1), "b": (0, 1), "c": (1, 2)}, None, False)
    assert got is None  # b's only cell is a's: no guess by spans, and three keys for two cells
