"""The format-neutral table builder on hand-made page geometry (what the OCR path feeds it: ruling
lines found in an image, text boxes with a confidence): merged cells, a framed paragraph that is no
table, a table cut by a page break stitched, and the lowest glyph confidence kept per cell."""

from __future__ import annotations

from opengov_lint.readers.geometry import Glyph, PageGeometry, Segment, page_tables
from opengov_lint.readers.geomstitch import FlowPage, build_table, stitch


def _grid(xs: list[float], ys: list[float], skip_v: set[tuple[int, int]] = frozenset(),  # type: ignore[assignment]
          open_bottom: bool = False) -> list[Segment]:
    """Ruling boxes 1 pt thick (as an image's line detector reports them); skip_v = (row, col) of
    vertical borders left out, which merges the cells either side."""
    segs = [Segment(xs[0], y - 0.5, xs[-1], y + 0.5) for y in (ys[:-1] if open_bottom else ys)]
    segs += [Segment(x - 0.5, ys[r], x + 0.5, ys[r + 1])
             for c, x in enumerate(xs) for r in range(len(ys) - 1) if (r, c) not in skip_v]
    return segs


def _word(x: float, top: float, text: str, conf: float | None = None) -> Glyph:
    return Glyph(x, top, x + 8 * len(text), top + 10, text, conf)


XS, YS = [50.0, 150.0, 250.0, 350.0], [100.0, 130.0, 160.0, 190.0]


def test_merged_cells_and_confidence() -> None:
    glyphs = [_word(55, 110, "申请人情况", 0.99), _word(155, 140, "12", 0.62), _word(170, 140, "件", 0.97),
              _word(255, 140, "7"), _word(55, 170, "合计", 0.9), _word(60, 300, "正文在表格外")]
    page = PageGeometry(1, 595, 842, glyphs, _grid(XS, YS, skip_v={(0, 1), (0, 2)}))
    frags, rest = page_tables(page)
    assert [g.text for g in rest] == ["正文在表格外"]
    table = build_table(frags)
    head = table.rows[0]
    assert head[0] is head[1] is head[2]
    assert head[0].text == "申请人情况"
    assert head[0].colspan == 3
    assert [c.text for c in table.rows[1]] == ["", "12件", "7"]  # no space next to CJK
    assert [c.confidence for c in table.rows[1]] == [None, 0.62, None]  # the lowest of the cell's glyphs
    assert table.rows[2][0].confidence == 0.9
    assert table.rows[2][1].text == ""


def test_one_column_frame_is_not_a_table() -> None:
    page = PageGeometry(1, 595, 842, [_word(60, 110, "注：本表数据截至年底")], _grid([50, 500], [100, 130]))
    frags, rest = page_tables(page)
    assert frags == []
    assert len(rest) == 1


def test_table_cut_by_the_page_break_is_stitched() -> None:
    first = PageGeometry(1, 595, 842, [_word(55, 110, "项目"), _word(155, 110, "数量"), _word(55, 140, "收到"),
                                       _word(155, 140, "3")], _grid(XS[:3], [100, 130, 160], open_bottom=True))
    second = PageGeometry(2, 595, 842, [_word(55, 60, "办结"), _word(155, 60, "2")],
                          [Segment(50, 79.5, 250, 80.5), *[Segment(x - 0.5, 50, x + 0.5, 80) for x in XS[:3]]])
    f1, _ = page_tables(first)
    f2, _ = page_tables(second)
    assert f1[0].bottom == 160
    assert f2[0].top == 50
    groups = stitch([FlowPage(f1), FlowPage(f2)])
    assert len(groups) == 1
    table = build_table(groups[0])
    assert [[c.text for c in r] for r in table.rows] == [["项目", "数量"], ["收到", "3"], ["办结", "2"]]
    assert [r[1].page for r in table.rows] == [1, 1, 2]
    # text between the fragments (not page furniture) keeps them apart
    assert len(stitch([FlowPage(f1, [(700.0, 712.0)]), FlowPage(f2)])) == 2
