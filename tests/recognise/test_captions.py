"""The one reading of a table-二 caption (第二十条第（X）项): the recogniser's caption rows, OG402 and OG404
all read captions through recognise.citations.parse_caption."""

from __future__ import annotations

import docxgen
import pytest
from helpers import report_from

from opengov_lint.recognise.citations import ArticleCaption, caption_item, parse_caption


@pytest.mark.parametrize(("text", "parsed", "item"), [
    ("第二十条第（五）项", ArticleCaption(20, 5, "项"), 5),
    ("第二十条 第(八) 项", ArticleCaption(20, 8, "项"), 8),  # spaces, half-width brackets
    ("第二十条（一）项", ArticleCaption(20, 1, "项"), 1),  # 第 left out
    ("第20条第5项", ArticleCaption(20, 5, "项"), 5),  # Arabic numerals
    ("## 第二十条第（九）项", ArticleCaption(20, 9, "项"), 9),  # a Markdown heading mark
    ("第二十条第（十六）项", ArticleCaption(20, 16, "项"), 16),  # well formed; that the item does not exist is OG404's
    ("第二十一条第（五）项", ArticleCaption(21, 5, "项"), None),  # another article: malformed (OG402)
    ("第二十条第（五）款", ArticleCaption(20, 5, "款"), None),  # 款 for 项: malformed
    ("第二十条", ArticleCaption(20, None, None), None),  # no item
    ("行政许可", None, None),
    ("第二十条第（五）项规定的信息", None, None),  # running text, not a caption
])
def test_caption_reading(text: str, parsed: ArticleCaption | None, item: int | None) -> None:
    assert parse_caption(text) == parsed
    assert caption_item(text) == item
    assert (parsed is not None and parsed.well_formed) == (item is not None)


def test_table_two_keeps_every_caption_like_row_as_written() -> None:
    """The recogniser hands OG402 the caption rows it could not accept (第二十一条…) with the accepted ones,
    so no rule has to read the document's tables again."""
    body = docxgen.report().replace("第二十条第（六）项", "第二十一条第（六）项")
    report = report_from(docxgen.docx(body), "r.docx")
    t2 = report.tables["active_disclosure"]
    assert [c.text for c in t2.captions] == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（八）项"]
    assert [c.text for c in t2.caption_like] == ["第二十条第（一）项", "第二十条第（五）项", "第二十一条第（六）项",
                                                 "第二十条第（八）项"]
