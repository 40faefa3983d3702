"""A table-二 caption `第二十条第（X）项` does not match its rows, or the caption is malformed.

表二的标题行“第二十条第（X）项”与其下的行不符，或标题行写法有误。

依据 / Why: 《条例》第二十条列举十五项主动公开内容，年度报告格式表二按项分组：第（一）项“行政法规、规章和
规范性文件”（规章、行政规范性文件），第（五）项“办理行政许可和其他对外管理服务事项的依据、条件、程序以及
办理结果”（行政许可），第（六）项“实施行政处罚、行政强制的依据、条件、程序……”（行政处罚、行政强制），
第（八）项“行政事业性收费项目及其依据、标准”（行政事业性收费），2019年版还有第（九）项“政府集中采购项目的
目录、标准及实施情况”（政府集中采购）。标题行项号写错，或写成“第二十一条”“第（五）款”，所列数据的法律
依据即被写错。

错误示例 / Fails: “第二十条第（六）项”下列“行政许可”；“第二十条第（五）款”。

正确示例 / Passes: “第二十条第（五）项”下列“行政许可”。

修改方法 / Fix: 按模板改正标题行：行政许可在第（五）项下，行政处罚、行政强制在第（六）项下，行政事业性收费
在第（八）项下，政府集中采购在第（九）项下，规章和规范性文件在第（一）项下。
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from opengov_lint.findings import Hit, Location
from opengov_lint.knowledge.catalog import Article, law
from opengov_lint.recognise.citations import parse_caption
from opengov_lint.recognise.text import int_to_cn, squash
from opengov_lint.rules.support.citations import citations
from opengov_lint.rules.support.template import row_label, spec

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Caption, Report, TableData

CODE = "OG402"
NAME = "article-item-caption"
SEVERITY = "error"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "law",
    "refs": ["2019:20", "2019:20.1", "2019:20.5", "2019:20.6", "2019:20.8", "format_2019", "format_2021"],
    "zh": "《条例》第二十条各项的原文；年度报告格式表二的分组标题",
    "en": "the items of article 20; the captions of table 二",
}
MESSAGES = {
    "mismatch": {
        "zh": "表二标题行“{found}”下列有“{rows}”，这些行属于第二十条第（{expected_cn}）项（{caption}），应写作“{expected}”",
        "en": "table 二: the caption '{found}' heads '{rows}', which belong to article 20 item ({expected_cn}) "
              "({caption}); it must read '{expected}'",
    },
    "malformed": {
        "zh": "表二标题行写作“{found}”，应为“第二十条第（X）项”（第（一）（五）（六）（八）项，2019年版另有第（九）项）",
        "en": "table 二: the caption reads '{found}'; it must be '第二十条第（X）项' (items 1, 5, 6, 8; 9 in the 2019 "
              "layout)",
    },
}


@dataclass(slots=True)
class _Cap:
    text: str
    article: int | None
    item: int | None
    well_formed: bool
    line: int | None
    page: int | None


def _cap(text: str, line: int | None, page: int | None) -> _Cap:
    """A caption as written, read by the recogniser's one caption parser."""
    parsed = parse_caption(text)
    if parsed is None:
        return _Cap(text, None, None, False, line, page)
    return _Cap(text, parsed.article, parsed.item, parsed.well_formed, line, page)


def _captions(report: Report, table: TableData) -> list[_Cap]:
    """Captions in table order: recognised caption rows, captions written as text in section 二, and
    caption-like rows of the section's tables that the recogniser could not accept."""
    caps: dict[tuple[int | None, str], _Cap] = {}
    for c in table.captions:
        caps[(c.line, squash(c.text))] = _cap(c.text, c.line, c.page)
    for cit in citations(report):
        if cit.kind == "article" and cit.law == "caption" and cit.section == 2:
            caps.setdefault((cit.line, squash(cit.text)), _cap(cit.text, cit.line, cit.page))
    for c in table.caption_like:
        caps.setdefault((c.line, squash(c.text)), _cap(c.text, c.line, c.page))
    return sorted(caps.values(), key=lambda c: c.line or 0)


def check(report: Report, options: None) -> Iterator[Hit]:
    table = report.tables.get("active_disclosure")
    if table is None:
        return
    caps = _captions(report, table)
    yield from _malformed(caps)
    bad_lines = [c.line for c in caps if not c.well_formed and c.line is not None]
    items20 = law("2019").article(20)
    for c in table.captions:
        hit = _mismatch(table, c, bad_lines, items20)
        if hit is not None:
            yield hit


def _malformed(caps: list[_Cap]) -> Iterator[Hit]:
    for cap in caps:
        if cap.well_formed:
            continue
        if cap.article == 20 and cap.item is not None and cap.item > 15:
            continue  # an item that does not exist: OG404
        yield Hit(message="malformed", args={"found": cap.text}, location=_loc(cap),
                  evidence={"found": cap.text, "expected": "第二十条第（X）项"})


def _mismatch(table: TableData, c: Caption, bad_lines: list[int], items20: Article | None) -> Hit | None:
    """A well-formed caption over rows that belong to another item of article 20."""
    cap = _cap(c.text, c.line, c.page)
    if not cap.well_formed or cap.item is None or cap.item > 15:
        return None
    rows = [r for r in c.rows if not _cut(c.line, table.rows[r].line if r in table.rows else None, bad_lines)]
    wanted = sorted({r.item for r in spec(table).rows if r.path in rows and r.item is not None})
    if len(wanted) != 1 or cap.item in wanted:
        return None
    exp_item = wanted[0]
    expected = f"第二十条第（{int_to_cn(exp_item)}）项"
    return Hit(message="mismatch",
               args={"found": cap.text, "rows": "、".join(row_label(table, r) for r in rows),
                     "expected": expected, "expected_cn": int_to_cn(exp_item),
                     "caption": items20.item(exp_item) if items20 else ""},
               location=_loc(cap), evidence={"found": cap.text, "found_item": cap.item, "expected": expected,
                                             "expected_item": exp_item, "rows": rows})


def _cut(caption_line: int | None, row_line: int | None, bad_lines: list[int]) -> bool:
    """True when a malformed caption stands between a caption and a row (the row belongs to it)."""
    if caption_line is None or row_line is None:
        return False
    return any(caption_line < b < row_line for b in bad_lines)


def _loc(cap: _Cap) -> Location:
    return Location(line=cap.line, page=cap.page, section=2, table="active_disclosure", excerpt=cap.text)
