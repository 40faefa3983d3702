"""The HTML reader's quick paths read what the general ones read: cell text (text-only cells,
Word's nested inline markup, white space and NBSP, CJK line wraps, cells with several paragraphs),
grid slots of cells with and without spans, and the share-widget test on class/id names."""

from __future__ import annotations

import pytest

from opengov_lint.model import Cell
from opengov_lint.readers import read_bytes
from opengov_lint.readers.grid import Grid
from opengov_lint.readers.html import cell_text, parse
from opengov_lint.readers.htmlpage import _WIDGET, _names_widget


def _td(inner: str) -> object:
    root = parse(f"<html><body><table><tr><td>{inner}</td></tr></table></body></html>")
    return next(root.iter("td"))


@pytest.mark.parametrize(("inner", "text"), [
    ("12", "12"),
    ("\n\t 12 \n", "12"),
    ("&nbsp;", ""),
    ("\u3000", "\u3000"),  # the ideographic space is typed text: kept
    ("1  2", "1 2"),
    ("本年\n  新收", "本年新收"),  # a source line wrap between two CJK characters is nothing
    ("ab\ncd", "ab cd"),
    ('<p class="x">\n\t<font><font><span>信息内容</span></font></font></p>\n', "信息内容"),
    ("<p><span>本年增</span><span>/</span><span>减</span></p>", "本年增/减"),
    ("<span>社会公益</span><br>组织", "社会公益\n组织"),
    ("<p>一</p><p>二</p>", "一\n二"),
    ("前<p>后</p>", "前\n后"),
    ("<p>甲</p>乙", "甲\n乙"),
    ("<div>\u00a0</div>", ""),
])
def test_cell_text(inner: str, text: str) -> None:
    assert cell_text(_td(inner)) == text


def test_grid_slots_with_and_without_spans() -> None:
    page = ("<html><body><table>"
            "<tr><td rowspan=2>A</td><td colspan=2>B</td><td>C</td></tr>"
            "<tr><td>1</td><td>2</td><td>3</td></tr>"
            "<tr><td>x</td></tr>"
            "</table></body></html>")
    doc = read_bytes("page.html", page.encode())
    rows = doc.tables[0].rows
    assert [[c.text for c in r] for r in rows] == [["A", "B", "B", "C"], ["A", "1", "2", "3"], ["x", "", "", ""]]
    assert rows[0][0] is rows[1][0]
    assert rows[0][1] is rows[0][2]
    assert [(c.row, c.col, c.rowspan, c.colspan) for c in (rows[1][1], rows[1][3], rows[2][0])] == [
        (1, 1, 1, 1), (1, 3, 1, 1), (2, 0, 1, 1)]
    grid = Grid()
    grid.place_one(Cell("a"), 0, 0)
    grid.place_one(Cell("b"), 1, 1)  # outside the grid so far: it grows (and its size is checked)
    assert (grid.nrows, grid.ncols) == (2, 2)
    assert [[c.text for c in r] for r in grid.rows()] == [["a", ""], ["", "b"]]


@pytest.mark.parametrize("names", [
    "", "article\nTRS_Editor", "BdShare", "bshare_box", "jiaThis", "QRCode", "ErWeiMa", "shar e",
    "\u017fhare", "q\u0130\u0131",  # ſ folds into s, İ and ı into i under IGNORECASE: the regex decides
    "jıathis", "\u212ashare",
])
def test_widget_names_as_the_regex(names: str) -> None:
    assert _names_widget(names) == (_WIDGET.search(names) is not None)


def test_share_widget_dropped_whatever_its_case() -> None:
    body = "<p>正文第一段，内容较长，用于确定正文位置。</p>" * 3
    page = (f'<html><body><div id="main">{body}<div class="BdShare">分享到微信</div>'
            f'<div id="Art_QRCode">扫一扫</div><p>正文最后一段。</p></div></body></html>')
    texts = [p.text for p in read_bytes("page.html", page.encode()).paragraphs]
    assert "正文最后一段。" in texts
    assert "分享到微信" not in texts
    assert "扫一扫" not in texts
