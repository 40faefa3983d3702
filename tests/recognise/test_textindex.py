"""The per-report text index (recognise.textindex) and the bisecting lookups (recognise.spans): the index
gives the very answers of the readers it stands for (citations, period, year openings, self references,
counts, "none" statements), on the examples and the real corpus, computes each once, and takes the
streams of a set of sections from the whole text's streams only when that is what `build` would give."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import report_from

from opengov_lint.knowledge.catalog import documents, narrative
from opengov_lint.model import Paragraph
from opengov_lint.recognise.citations import scan
from opengov_lint.recognise.dates import find_period, self_references, year_openings
from opengov_lint.recognise.prose import count_claims, none_claims
from opengov_lint.recognise.spans import sentence_at, sentence_bounds, unit_at
from opengov_lint.recognise.streams import Unit, build, sentences
from opengov_lint.recognise.text import nfkc, squash
from opengov_lint.recognise.textindex import TextIndex
from opengov_lint.rules.support.citations import citations
from opengov_lint.rules.support.text import text_index, text_units

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TEXT = """洪泽区人民政府2023年政府信息公开工作年度报告

本报告所列数据统计期限为2023年1月1日至2023年12月31日。现将洪泽区人民政府2023年政府信息公开工作年度报告公布如下。

一、总体情况

2022年，我区认真贯彻《中华人民共和国政府信息公开条例》（国务院令第711号），依据《条例》第五十条编制本报告。
全年共受理政府信息公开申请21件，其中上年结转2件。本年度未发生行政复议。
2024年，我们将继续做好政府信息公开工作。

二、主动公开政府信息情况

按照《国务院办公厅政府信息公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》
（国办公开办函〔2021〕30号）公开。

五、存在的主要问题及改进情况

2023年，个别栏目更新不及时。
"""
MARKERS = ("将", "同比")


def _index(text: str = TEXT) -> tuple[TextIndex, list[Unit]]:
    report = report_from(text)
    return text_index(report), text_units(report)


def _same_answers(index: TextIndex, units: list[Unit]) -> None:
    prefixes = documents()["docno_prefixes"]
    voc = narrative()
    assert index.citations(prefixes) == scan(units, prefixes)
    assert index.period(voc["period_words"]) == find_period(units, voc["period_words"])
    for sections in ({None, 1}, {1, 2, 3}, {5}):
        subset = [u for u in units if u.section in sections]
        assert index.year_openings(sections, MARKERS) == year_openings(subset, MARKERS)
        assert index.self_references(sections) == self_references(subset)
        assert [s.flat for s in index.streams_of(sections)] == [s.flat for s in build(subset)]
    for year in (None, 2023):
        assert index.count_claims(voc, year) == count_claims(units, voc, year)
    assert index.none_claims(voc) == none_claims(units, voc)


def test_the_index_gives_the_readers_answers() -> None:
    index, units = _index()
    _same_answers(index, units)
    voc = narrative()
    period = index.period(voc["period_words"])
    assert period is not None
    assert (period.start, period.end) == ("2023-01-01", "2023-12-31")
    assert [(o.year, o.unit.section) for o in index.year_openings({None, 1, 5}, MARKERS)] == [
        (2022, 1), (2024, 1), (2023, 5)]
    assert [y for y, _, _ in index.self_references({None, 1})] == [2023]
    counts = {c.id: c.value for c in index.count_claims(voc, 2023) if c.kind == "count"}
    assert counts == {"received": 21, "carried_over": 2}
    assert [c.id for c in index.none_claims(voc)] == ["review"]
    cits = index.citations(documents()["docno_prefixes"])
    assert [c.kind for c in cits if c.kind != "title"] == ["decree", "article", "docno"]
    docno = next(c for c in cits if c.kind == "docno")
    assert (docno.prefix, docno.year, docno.number, docno.section) == ("国办公开办函", 2021, 30, 2)
    article = next(c for c in cits if c.kind == "article")
    assert (article.article, article.law, article.text) == (50, "条例", "第五十条")


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.txt")))
def test_the_index_gives_the_readers_answers_on_the_examples(name: str) -> None:
    _same_answers(*_index((EXAMPLES / name).read_text(encoding="utf-8")))


def test_the_index_gives_the_readers_answers_on_the_corpus(corpus: Path) -> None:
    files = sorted(p for p in corpus.glob("*") if p.suffix in (".txt", ".md", ".html"))
    assert files
    for path in files:
        report = report_from(path.read_bytes(), path.name)
        _same_answers(text_index(report), text_units(report))


def test_each_answer_is_computed_once_and_citations_come_as_a_new_list() -> None:
    report = report_from(TEXT)
    index = text_index(report)
    assert text_index(report) is index  # kept in the report's own context
    voc = narrative()
    assert index.period(voc["period_words"]) is index.period(voc["period_words"])
    assert index.count_claims(voc, 2023) is index.count_claims(voc, 2023)
    assert index.streams is index.streams
    first, second = citations(report), citations(report)
    assert first == second
    assert first is not second
    first.clear()  # a rule that changes its list changes nobody else's
    assert citations(report) == second


def test_another_vocabulary_object_is_read_afresh() -> None:
    index, _ = _index()
    voc = narrative()
    other = {**voc, "counts": [c for c in voc["counts"] if c["id"] != "received"]}
    assert {c.id for c in index.count_claims(voc, 2023)} >= {"received"}
    assert "received" not in {c.id for c in index.count_claims(other, 2023)}


def test_normalised_paragraphs() -> None:
    index, units = _index()
    assert [u for u, _ in index.normalised] == units
    assert all(flat == squash(nfkc(u.paragraph.text)) for u, flat in index.normalised)
    assert any("2021〕30号" in flat for _, flat in index.normalised)  # full width folded, no spaces


def _unit(text: str, section: int | None, i: int) -> Unit:
    return Unit(Paragraph(text, line=i + 1, index=i), section)


def test_sections_brought_together_are_joined_as_build_joins_them() -> None:
    """Leaving section 2 out of 1-2-1 makes the two runs of section 1 one stream, as `build` does."""
    units = [_unit("2022年，我局做了工作。", 1, 0), _unit("主动公开信息12条。", 2, 1), _unit("2021年，也做了。", 1, 2)]
    index = TextIndex(units)
    assert len(index.streams) == 3
    joined = index.streams_of({1})
    assert [s.flat for s in joined] == [s.flat for s in build([units[0], units[2]])]
    assert len(joined) == 1
    assert [s.units[0].section for s in index.streams_of({2})] == [2]
    assert index.streams_of({2})[0] is index.streams[1]  # taken from the whole text's streams


def test_spans_agree_with_the_streams_own_walk() -> None:
    lines = [f"第{i}行的文字，不是句末" + ("。" if i % 3 == 0 else "") for i in range(40)]
    lines.insert(10, "")  # a blank paragraph is skipped, its neighbours joined
    stream = build([_unit(t, 1, i) for i, t in enumerate(lines)])[0]
    for pos in range(len(stream.flat) + 2):
        assert unit_at(stream, pos) is stream.unit_at(pos)
        linear = next(((a, b) for a, b in sentences(stream) if a <= pos < b), None)
        assert sentence_at(stream, pos) == linear
    assert sentence_bounds(stream) == list(sentences(stream))
