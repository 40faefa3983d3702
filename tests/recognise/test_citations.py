"""The citation scanner on sentences of real reports (../shared/corpus and SPEC.md §3): titles in 《》
and 〈〉, articles with items, decrees and document numbers in every bracket style, Chinese and Arabic
numerals, titles broken over two printed lines, and where each citation stands."""

from __future__ import annotations

from opengov_lint.model import Paragraph
from opengov_lint.recognise.citations import Citation, scan
from opengov_lint.recognise.streams import Unit

PREFIXES = ["国办公开办函", "国办函", "国办发"]


def _scan(*lines: str, section: int | None = 1) -> list[Citation]:
    units = [Unit(Paragraph(t, line=i + 1, index=i), section) for i, t in enumerate(lines)]
    return scan(units, PREFIXES)


def _kind(cits: list[Citation], kind: str) -> list[Citation]:
    return [c for c in cits if c.kind == kind]


def test_titles_decree_and_document_number_of_a_real_opening() -> None:
    # 006 上海市人民政府办公厅 2025 (a PDF converted to Markdown, lines as printed)
    cits = _scan("本年度报告根据《中华人民共和国政府信息公开条例》（以",
                 "下简称《条例》）、《上海市政府信息公开规定》（以下简称《规",
                 "定》）和《关于印发中华人民共和国政府信息公开工作年度报告",
                 "格式的通知》（国办公开办函〔2021〕30 号）的要求编制，全")
    titles = [c.title for c in _kind(cits, "title")]
    assert titles == ["中华人民共和国政府信息公开条例", "条例", "上海市政府信息公开规定", "规定",
                      "关于印发中华人民共和国政府信息公开工作年度报告格式的通知"]
    (no,) = _kind(cits, "docno")
    assert (no.prefix, no.year, no.number, no.line) == ("国办公开办函", 2021, 30, 4)
    notice = _kind(cits, "title")[-1]
    assert notice.line == 3
    assert notice.paragraph == 2
    assert notice.section == 1


def test_decree_forms() -> None:
    cits = _scan("本报告根据《中华人民共和国政府信息公开条例》（国令第 711 号）（以下简称《条例》）要求编制。",
                 "依据中华人民共和国国务院令第492号公布的条例。", "国务院第711号令")
    assert [c.number for c in _kind(cits, "decree")] == [711, 492, 711]


def test_articles_items_and_numerals() -> None:
    cits = _scan("依据《条例》第五十条第（四）项和第二十条第(一)项、第20条第15项，第十六条第二款。")
    arts = [(c.article, c.item, c.clause, c.law) for c in _kind(cits, "article")]
    assert arts == [(50, 4, None, "条例"), (20, 1, None, "条例"), (20, 15, None, "条例"), (16, None, 2, "条例")]


def test_article_attribution() -> None:
    cits = _scan("落实《上海市政府信息公开规定》第六十条。", "根据条例第四十九条规定按时公布。", "第二十条第（五）项",
                 "第三十一条规定了时间。", section=2)
    arts = _kind(cits, "article")
    assert [c.law for c in arts] == ["上海市政府信息公开规定", "条例", "caption", None]


def test_document_numbers_in_any_bracket() -> None:
    cits = _scan("依据国办公开办函[2021]30号、国办函（2020）109号、国办公开办函【2019】60号和国办公开办函﹝2019﹞61号。")
    assert [(c.prefix, c.year, c.number) for c in _kind(cits, "docno")] == [
        ("国办公开办函", 2021, 30), ("国办函", 2020, 109), ("国办公开办函", 2019, 60), ("国办公开办函", 2019, 61)]


def test_nested_and_outer_angle_titles() -> None:
    # RPT-GY2024 and RPT-ML2021 (SPEC §3.2 item 5)
    cits = _scan("根据《〈中华人民共和国政府信息公开工作年度报告格式〉的通知》要求。",
                 "按照〈政府信息公开工作年度报告格式〉编制。")
    t1, t2 = _kind(cits, "title")
    assert (t1.title, t1.nested, t1.brackets) == ("中华人民共和国政府信息公开工作年度报告格式的通知", True, "《》")
    assert (t2.title, t2.brackets) == ("政府信息公开工作年度报告格式", "〈〉")


def test_a_doubled_opening_mark_and_the_quoted_sentence() -> None:
    # 014 平潭 2018: 《《中华人民共和国政府信息公开条例》
    (c,) = _kind(_scan("本报告根据《《中华人民共和国政府信息公开条例》要求编制。"), "title")
    assert c.title == "中华人民共和国政府信息公开条例"
    assert c.sentence == "本报告根据《《中华人民共和国政府信息公开条例》要求编制"


def test_a_heading_is_not_glued_to_the_next_paragraph() -> None:
    cits = _scan("（一）主动公开情况", "2023年，依据《条例》第二十条公开。")
    (art,) = _kind(cits, "article")
    assert art.line == 2
    assert art.article == 20


def test_stream_maps_every_searchable_character_back() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from opengov_lint.recognise.streams import build, fold

    alphabet = st.sampled_from(list("《》〈〉第条项（）()〔〕号一二十0123456789年，。 \u3000\n受理申请件ＡＢ"))

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.text(alphabet, max_size=40), max_size=6))
    def check(texts: list[str]) -> None:
        units = [Unit(Paragraph(t, line=i + 1, index=i), 1) for i, t in enumerate(texts)]
        for s in build(units):
            assert len(s.flat) == len(s.fmap)
            for i, ch in enumerate(s.flat):
                assert ch == ("\n" if s.text[s.fmap[i]] == "\n" else fold(s.text[s.fmap[i]]))
            for k in range(len(s.flat)):
                assert s.unit_at(k).paragraph.text.strip()

    check()
