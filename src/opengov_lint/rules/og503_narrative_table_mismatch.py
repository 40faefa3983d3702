"""A count stated in the prose contradicts the table.

正文所述数字与表格不一致（如“受理政府信息公开申请2件”而表三“一、本年新收”为3）。

依据 / Why: 年度报告的文字部分与表格是同一套数据（《条例》第五十条第（二）（三）项），两处数字不一致，
读者无法判断哪个正确，评估中按“数据失准”处理。本规则只比较含义明确的数字：新收/受理/收到申请、上年结转、
办结、予以公开、部分公开、不予公开、无法提供、不予处理、其他处理、结转下年度、行政复议、行政诉讼及其结果、
现行有效和制发的规范性文件。一个数字只要符合任一通行口径即不报告：“受理N件”可指新收（一）或新收加上年结转
（一+二），写明“含上年结转”的只按一+二比较；表格有空白格时，只有文字数字小于表格已知部分之和才报告；
表三本身不平衡（一+二≠（七）+四）时不作比较。

错误示例 / Fails: “本年度受理政府信息公开申请2件”而表三新收总计为3；“予以公开及部分公开258件”而表三两行
之和为275；“复议7件、诉讼9件，均获维持”而表四有尚未审结的案件。

正确示例 / Passes: “共受理政府信息公开申请749件（含上年结转36件）”，表三新收713、上年结转36。

修改方法 / Fix: 核对表格与文字，以核实后的数据统一改正。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit
from opengov_lint.knowledge.catalog import narrative
from opengov_lint.rules.support.locations import unit_location
from opengov_lint.rules.support.numbers import plain_number
from opengov_lint.rules.support.readings import judge_count, requests_reliable, target_label
from opengov_lint.rules.support.text import text_index

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report
    from opengov_lint.recognise.prose import Claim

CODE = "OG503"
NAME = "narrative-table-mismatch"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "law",
    "refs": ["2019:50.2", "2019:50.3"],
    "zh": "《条例》第五十条第（二）（三）项：正文与表格报告的是同一组数据",
    "en": "article 50 items (2) and (3): the text and the tables report the same data",
}
MESSAGES = {
    "count": {"zh": "正文称“{found}”，而{where}{relation}{actual}",
              "en": "the text says '{found}', but {where_en} {relation_en} {actual}"},
    "all_upheld": {"zh": "正文称“{found}”，而表四{detail}",
                   "en": "the text says '{found}', but table 四 shows {detail_en}"},
}
_BLOCKS = {"review": ["review"], "litigation": ["direct_suit", "suit_after_review"]}
_BLOCK_ZH = {"review": "行政复议", "direct_suit": "未经复议直接起诉", "suit_after_review": "复议后起诉"}


def _targets(claim: Claim, spec: dict, template: str) -> list[list[str]]:  # type: ignore[type-arg]
    if claim.kind == "outcome":
        blocks = _BLOCKS[claim.blocks[0]]
        refs = [f"review_litigation:{b}@{claim.column}" for b in blocks]
        return [refs] + ([[r] for r in refs] if len(refs) > 1 else [])
    if spec.get("layouts") and template not in spec["layouts"]:
        return []
    return claim.targets


def check(report: Report, options: None) -> Iterator[Hit]:
    voc = narrative()
    specs = {s["id"]: s for s in voc["counts"]}
    reliable = requests_reliable(report)
    table = report.tables.get("requests") or next(iter(report.tables.values()), None)
    template = table.template if table is not None else report.meta.template
    for claim in text_index(report).count_claims(voc, report.meta.year):
        if claim.kind == "all_upheld":
            yield from _all_upheld(report, claim)
            continue
        targets = _targets(claim, specs.get(claim.id, {}), template)
        if not targets or claim.value is None:
            continue
        if not reliable and any(ref.startswith("requests:") for t in targets for ref in t):
            continue
        reading = judge_count(report, claim.value, targets)
        if reading is None:
            continue
        where = target_label(report, targets[0])
        relation, relation_en = ("为", "is") if reading.exact else ("已填数字之和至少为", "adds up to at least")
        yield Hit(message="count",
                  args={"found": claim.text, "where": where, "where_en": where, "relation": relation,
                        "relation_en": relation_en, "actual": plain_number(reading.lower)},
                  location=unit_location(claim.unit, claim.sentence),
                  evidence={"claim": claim.id, "stated": claim.value, "actual": plain_number(reading.lower),
                            "exact": reading.exact, "text": claim.text, "cells": sorted(reading.cells),
                            "values": reading.cells, "reading": claim.qualifier})


def _all_upheld(report: Report, claim: Claim) -> Iterator[Hit]:
    table = report.tables.get("review_litigation")
    if table is None:
        return
    bad = []
    for blk in (b for name in claim.blocks for b in _BLOCKS[name]):
        upheld, total = table.cell(blk, "upheld"), table.cell(blk, "total")
        if upheld is None or total is None or upheld.value is None or total.value is None:
            continue
        if upheld.value < total.value:
            bad.append((blk, plain_number(upheld.value), plain_number(total.value)))
    if not bad:
        return
    detail = "；".join(f"{_BLOCK_ZH[b]}总计{t}件，其中结果维持{u}件" for b, u, t in bad)
    detail_en = "; ".join(f"{b}: {u} of {t} upheld" for b, u, t in bad)
    yield Hit(message="all_upheld", args={"found": claim.text, "detail": detail, "detail_en": detail_en},
              location=unit_location(claim.unit, claim.sentence),
              evidence={"claim": "all_upheld", "text": claim.sentence,
                        "blocks": {b: {"upheld": u, "total": t} for b, u, t in bad}})
