"""The prose says there were no applications, reviews or lawsuits while the table has some.

正文称没有政府信息公开申请（或行政复议、行政诉讼），而表格中相应数字不为零。

依据 / Why: 《条例》第五十条第（二）（三）项要求报告收到和处理申请的情况以及行政复议、行政诉讼情况，正文与
表三、表四必须一致。“本年度未收到政府信息公开申请”与表三新收不为零同时出现，多为沿用上年文字未改。
文字写有具体数字（“收到申请0件”）的由OG503比较；“未发生被复议纠错、诉讼败诉”等说的是结果，不在此列。

错误示例 / Fails: “本年度未收到政府信息公开申请”，表三“一、本年新收政府信息公开申请数量”总计为3。

正确示例 / Passes: 表三新收为0时写“本年度未收到政府信息公开申请”。

修改方法 / Fix: 按核实后的表格数据改写正文（或改正表格）。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit
from opengov_lint.knowledge.catalog import narrative
from opengov_lint.rules.support.locations import unit_location
from opengov_lint.rules.support.numbers import plain_number
from opengov_lint.rules.support.readings import read_target, target_label
from opengov_lint.rules.support.text import text_index

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG504"
NAME = "narrative-none-but-table"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "law",
    "refs": ["2019:50.2", "2019:50.3"],
    "zh": "《条例》第五十条第（二）（三）项：正文与表三、表四报告的是同一组数据",
    "en": "article 50 items (2) and (3): the text and tables 三/四 report the same data",
}
MESSAGES = {
    "default": {"zh": "正文称“{found}”，而{where}为{actual}",
                "en": "the text says '{found}', but {where} is {actual}"},
}


def check(report: Report, options: None) -> Iterator[Hit]:
    seen: set[tuple[str, int]] = set()
    for claim in text_index(report).none_claims(narrative()):
        key = (claim.id, claim.unit.paragraph.index)
        if key in seen:
            continue
        readings = [r for t in claim.targets for r in (read_target(report, t) or []) if r.known]
        if not readings or any(r.lower == 0 for r in readings):
            continue
        seen.add(key)
        r = readings[0]
        yield Hit(args={"found": claim.text, "where": target_label(report, claim.targets[0]),
                        "actual": plain_number(r.lower)},
                  location=unit_location(claim.unit, claim.sentence),
                  evidence={"claim": claim.id, "stated": 0, "actual": plain_number(r.lower), "text": claim.text,
                            "cells": sorted(r.cells), "values": r.cells})
