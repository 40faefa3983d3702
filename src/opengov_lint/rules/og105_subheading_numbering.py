"""Sub-heading numbering inside a section breaks its sequence or mixes styles.

部分内的二级标题序号不连续、重复，或混用不同序号样式。

依据 / Why: 公文层次序号依次为“一、”“（一）”“1.”“（1）”（《党政机关公文格式》GB/T 9704）。
同一层级序号应连续且样式一致；“（一）（二）（三）（4）（五）”往往是 Word 自动编号导出时留下的错误，
“一是…三是…三是”则是修改时漏改。

错误示例 / Fails: “（一）…（二）…（三）…（4） 政策解读情况…（五）…”；“一是…三是…三是…”。

正确示例 / Passes: “（一）…（二）…（三）…（四）…（五）…”；“一是…二是…三是…”。

修改方法 / Fix: 按顺序改正序号，同一层级使用同一种样式。
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from opengov_lint.findings import Hit
from opengov_lint.knowledge.catalog import layouts
from opengov_lint.recognise.sections import split_numbering
from opengov_lint.recognise.text import CN_NUM, cn_to_int, core, int_to_cn
from opengov_lint.rules.support.locations import paragraph_location

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Paragraph, Report

CODE = "OG105"
NAME = "subheading-numbering"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "standard",
    "refs": ["GB/T 9704-2012"],
    "zh": "《党政机关公文格式》（GB/T 9704—2012）7.3.3：文中结构层次序数依次为“一、”“（一）”“1.”“（1）”",
    "en": "GB/T 9704-2012 (layout of official documents) 7.3.3: levels are numbered 一、 (一) 1. (1)",
}
MESSAGES = {
    "mixed": {
        "zh": "第{section_cn}部分的二级标题序号“{found}”与前面的“（{prev_cn}）”样式不一致，应为“{expected}”",
        "en": "sub-heading '{found}' in section {section} mixes numbering styles after '（{prev_cn}）'; expected '{expected}'",
    },
    "sequence": {
        "zh": "第{section_cn}部分的二级标题序号“{found}”不连续（前一个是“（{prev_cn}）”），应为“{expected}”",
        "en": "sub-heading '{found}' in section {section} breaks the sequence after '（{prev_cn}）'; expected '{expected}'",
    },
    "shi": {
        "zh": "第{section_cn}部分的“{found}”不连续（前一个是“{prev}”），应为“{expected}”",
        "en": "'{found}' in section {section} breaks the sequence after '{prev}'; expected '{expected}'",
    },
}
_SHI = re.compile(rf"(?:^|[。；;，,：:！!？?\s])([{CN_NUM}]{{1,2}})是")
_MAX_SUBHEADING = 60


@functools.cache
def _table_labels() -> tuple[str, ...]:
    """Row labels of tables 二/三/四 without their numbering, in every layout."""
    return tuple(sorted({core(lab) for lay in layouts().values() for t in lay.tables.values() for r in t.rows
                         for lab in (r.label, *r.variants) if core(lab)}))


def _table_fragment(rest: str) -> bool:
    """`（四）无` or `（六）其` left in the text by a garbled table: the start of a table row label."""
    n = core(rest)
    if not n:
        return True
    labels = _table_labels()  # sorted: the labels that start with n follow the place n would take
    i = bisect_left(labels, n)
    return i < len(labels) and labels[i].startswith(n)


def _sub_headings(paragraphs: list[Paragraph]) -> Iterator[tuple[Paragraph, str, str, int]]:
    for p in paragraphs:
        text = p.text.strip()
        numbering, rest = split_numbering(text)
        if numbering.value is None or numbering.style not in ("cn_paren", "arabic_paren"):
            continue
        if _table_fragment(rest):
            continue
        head = re.split(r"[。；;]", rest, maxsplit=1)[0]
        if len(head) > _MAX_SUBHEADING:
            continue
        yield p, numbering.style, numbering.raw, numbering.value


def _next_ok(values: list[int], i: int, value: int) -> bool:
    """A skip (（二）（四）（五）) is reported once: resynchronise when the next item follows on."""
    return i + 1 < len(values) and values[i + 1] == value + 1


def _paren_checks(report: Report, number: int, paragraphs: list[Paragraph]) -> Iterator[Hit]:
    items = list(_sub_headings(paragraphs))
    values = [v for _, style, _, v in items if style == "cn_paren"]
    prev: int | None = None
    arabic_run = False
    k = -1
    for p, style, raw, value in items:
        if style == "arabic_paren":
            if prev is not None and value == prev + 1 and not arabic_run and value > 1:
                yield _hit("mixed", number, p, raw, prev, value)
                prev = value
            else:
                arabic_run = True
            continue
        k += 1
        arabic_run = False
        if prev is not None and value not in (prev + 1, 1):
            yield _hit("sequence", number, p, raw, prev, prev + 1)
            prev = value if _next_ok(values, k, value) else prev + 1
            continue
        prev = value


def _hit(kind: str, number: int, p: Paragraph, raw: str, prev: int, expected: int) -> Hit:
    exp = f"（{int_to_cn(expected)}）"
    return Hit(
        message=kind,
        args={"section": number, "section_cn": int_to_cn(number), "found": raw, "prev_cn": int_to_cn(prev),
              "expected": exp},
        location=paragraph_location(p, number),
        evidence={"found": raw, "expected": exp, "previous": f"（{int_to_cn(prev)}）"},
    )


def _shi_checks(number: int, paragraphs: list[Paragraph]) -> Iterator[Hit]:
    items = [(p, m.group(1), cn_to_int(m.group(1))) for p in paragraphs for m in _SHI.finditer(p.text)]
    values = [v or 0 for _, _, v in items]
    prev: int | None = None
    for i, (p, raw, value) in enumerate(items):
        if value is None:
            continue
        if value == 1:
            prev = 1
            continue
        if prev is not None and value != prev + 1:
            found, expected = f"{raw}是", f"{int_to_cn(prev + 1)}是"
            yield Hit(
                message="shi",
                args={"section": number, "section_cn": int_to_cn(number), "found": found,
                      "prev": f"{int_to_cn(prev)}是", "expected": expected},
                location=paragraph_location(p, number),
                evidence={"found": found, "expected": expected},
            )
            prev = value if _next_ok(values, i, value) else prev + 1
        elif prev is not None:
            prev = value


def check(report: Report, options: None) -> Iterator[Hit]:
    for s in report.sections:
        yield from _paren_checks(report, s.number, s.paragraphs)
        yield from _shi_checks(s.number, s.paragraphs)
