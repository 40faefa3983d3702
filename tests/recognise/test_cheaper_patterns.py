"""Patterns rewritten to compile faster (a class of 21,000 ideographs costs about 1.5 ms to compile) or to
run fewer times give the answers of the patterns they replace, which are written out here."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from helpers import report_from

from opengov_lint.knowledge.catalog import layouts
from opengov_lint.recognise import issuer, sections, titleline
from opengov_lint.recognise.sections import Numbering, split_numbering
from opengov_lint.recognise.text import cjk_count, core
from opengov_lint.rules import og105_subheading_numbering as og105
from opengov_lint.rules import og209_value_implausible as og209

if TYPE_CHECKING:
    from pathlib import Path

IDEOGRAPH_EDGES = "\u4dff\u4e00\u4e01\u9ffe\u9fff\ua000\u3400\uff08\u3007"
SAMPLES = ["一总体情况", "二十主动公开", "十二", "三、收到申请", "（一）主动公开", "1、概述", "１．概述", "第三部分 情况",
           "四 存在问题", "#二、标题", "** 五、问题 **", "一是加强", "", "  ", "abc", "〇一", "十〇", "二\u4dff", "二\u9fff",
           "九\ua000", "杭州市民政局", "杭州（市）民政局", "民政局", "民政", "X民政局", "杭州市民政局\n", "a" * 40,
           "某" * 30, "某" * 31, *[f"十{c}" for c in IDEOGRAPH_EDGES], *[f"一{c}x" for c in IDEOGRAPH_EDGES]]


def test_cjk_count() -> None:
    old = re.compile("[\u4e00-\u9fff]")
    for s in [*SAMPLES, IDEOGRAPH_EDGES * 3]:
        assert cjk_count(s) == len(old.findall(s))


def test_plausible_name_characters() -> None:
    old = re.compile(r"^[\u4e00-\u9fff（）()]{3,30}$")
    for s in SAMPLES:
        assert issuer._name_chars(s) == bool(old.match(s)), s


def test_glued_numeral() -> None:
    old = re.compile(r"^([一二三四五六七八九十]{1,2})(?=[\u4e00-\u9fff])")
    for s in SAMPLES:
        m = old.match(s)
        got = sections._glued(s, len(s))
        if m is None:
            assert got is None, s
        elif got is not None:
            assert got[0] == Numbering("glued", m.group(1), got[0].value)
            assert got[1] == s[m.end():]
    assert sections._glued("一总体情况", 5) is not None


def test_split_numbering_skips_only_text_that_cannot_open_with_a_numbering() -> None:
    def old(text: str) -> tuple[str, str, str]:
        t = sections._MARKUP.sub("", text).strip()
        for style, pat in sections._PATTERNS:
            m = pat.match(t)
            if m:
                return style, m.group(0).strip(), t[m.end():].strip()
        return "none", "", t

    for s in SAMPLES:
        n, rest = split_numbering(s)
        assert (n.style, n.raw, rest) == old(s), s


def test_is_chrome_with_the_starts_normalised_once() -> None:
    starts, words, seps = titleline._chrome()

    def old(text: str) -> bool:
        from opengov_lint.recognise.text import nfkc, squash
        t = squash(nfkc(text)).lstrip("#*【[ ")
        if not t:
            return True
        if t.startswith(tuple(nfkc(s) for s in starts)):
            return True
        return not re.sub(r"[\W_]", "", seps.sub("", words.sub("", t)))

    lines = ["当前位置：首页 > 政务公开 > 年度报告", "字号 大 中 小", "打印 关闭", "分享到：", "2023年政府信息公开工作年度报告",
             "索引号：123", "【字体：大 中 小】", "_", "关怀版 | 无障碍", *SAMPLES]
    assert any(titleline.is_chrome(t) for t in lines)
    assert not all(titleline.is_chrome(t) for t in lines)
    for t in lines:
        assert titleline.is_chrome(t) == old(t), t


def test_table_fragment_by_bisection() -> None:
    labels = og105._table_labels()
    probes = [*(lab[:k] for lab in labels[:40] for k in (1, 3, len(lab))), "无", "其", "主动公开", "总体情况", "zzz", "（四）无"]
    for rest in probes:
        n = core(rest)
        assert og105._table_fragment(rest) == (not n or any(lab.startswith(n) for lab in labels)), rest


REPORT = """杭州市西湖区某某街道办事处2023年政府信息公开工作年度报告

一、总体情况

本年度主动公开政府信息。

二、主动公开政府信息情况

| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| --- | --- | --- | --- |
| 规章 | {rules} | 0 | 0 |
| 行政规范性文件 | 0 | 0 | 0 |
"""


def test_og209_compiles_its_level_patterns_only_when_a_value_could_fire() -> None:
    og209._patterns.cache_clear()
    quiet = report_from(REPORT.format(rules=0), "quiet.md")
    assert "active_disclosure" in quiet.tables
    assert list(og209.check(quiet, None)) == []
    assert og209._patterns.cache_info().currsize == 0  # nothing could fire: the organ's level was not needed
    loud = report_from(REPORT.format(rules=2), "loud.md")
    hits = list(og209.check(loud, None))
    assert [h.message for h in hits] == ["rules"]
    assert hits[0].evidence["level"] == "township"
    assert og209._patterns.cache_info().currsize == 1
    assert layouts()  # the layouts the report was read with


def _keyword_cases(texts: list[str]) -> int:
    from opengov_lint.knowledge.catalog import narrative
    from opengov_lint.recognise import prose
    from opengov_lint.recognise.kwmatch import keyword_matches

    voc = narrative()
    lists = [tuple(c["words"]) for c in voc["counts"]] + [tuple(o["words"]) for o in voc["outcomes"]]
    lists.append(("申请", "申请公开", "公开"))  # one word the start of another: the longest is tried first
    tails = (prose._COUNT_TAIL, prose._OUTCOME_TAIL)
    groups = ("kw", "mid", "num", "unit")
    found = 0
    for text in texts:
        for words in lists:
            for tail in tails:
                whole = re.compile(rf"(?P<kw>{prose._alt(words)}){tail}")
                want = [(m.span(), [(m.group(g), m.span(g)) for g in groups]) for m in whole.finditer(text)]
                alt = prose._alt_words(words)
                got = [(m.span(), [(m.group(g), m.span(g)) for g in groups])
                       for m in keyword_matches(text, alt, re.compile(tail))]
                assert got == want, (words, tail)
                found += len(got)
    return found


def test_keyword_matches_are_the_whole_patterns_matches() -> None:
    assert _keyword_cases(["受理申请21件，申请公开3件，公开申请公开5件；受理申请受理申请7件，受理12.5件",
                    "收到申请1,234件、接到三十件、新收二十一个、受理申请后予以公开12件、受理3个工作日",
                    "复议维持3件，纠正2件，其他结果一件，尚未审结0件。", ""]) >= 10


def test_keyword_matches_on_the_corpus_streams(corpus: Path) -> None:
    from opengov_lint.rules.support.text import text_index

    texts = []
    for path in sorted(p for p in corpus.glob("*") if p.suffix in (".txt", ".md", ".html")):
        texts += [s.flat for s in text_index(report_from(path.read_bytes(), path.name)).streams]
    assert len(texts) > 20
    assert _keyword_cases(texts) > 50


def _before_cases(texts: list[str]) -> int:
    from opengov_lint.knowledge.catalog import narrative
    from opengov_lint.recognise import prose
    from opengov_lint.recognise.kwmatch import unit_windows

    lists = [tuple(c["words"]) for c in narrative()["counts"]] + [("申请", "申请公开", "公开")]
    found = 0
    for words in lists:
        rx = re.compile(rf"{prose._NUM}(?P<unit>件|宗|个)(?P<mid>{prose._STOP}{{0,24}}?)(?P<kw>{prose._alt(words)})")
        reach = 24 + max(len(w) for w in prose._alt_words(words))
        for text in texts:
            want = [(m.span(), m.groupdict()) for m in rx.finditer(text)]
            got = [(m.span(), m.groupdict()) for a, b in unit_windows(text, "件宗个", reach)
                   for m in rx.finditer(text, a, b)]
            assert got == want, words
            found += len(got)
    return found


def test_unit_windows_keep_every_match_of_the_before_patterns() -> None:
    assert _before_cases(["另有72件申请顺延到下年度答复，有1件涉及政府信息公开工作的行政复议", "共1,234件行政诉讼，二十一件复议",
                          "一二三四五六七件行政复议；12.5件复议；3件" + "，" * 30 + "行政复议", "件件件复议", "",
                          "九十九个申请公开，3宗申请，〇件公开申请公开"]) >= 8


def test_unit_windows_on_the_corpus_streams(corpus: Path) -> None:
    from opengov_lint.rules.support.text import text_index

    texts = []
    for path in sorted(p for p in corpus.glob("*") if p.suffix in (".txt", ".md", ".html")):
        texts += [s.flat for s in text_index(report_from(path.read_bytes(), path.name)).streams]
    assert _before_cases(texts) >= 5
