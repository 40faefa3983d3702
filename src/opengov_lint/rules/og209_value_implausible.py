"""A value the issuer cannot plausibly report (relation R10): 规章 for an organ without rule-making power,
a fee amount 10⁴ too large for the organ (元 entered as 万元).

表二填报了本机关不可能有的数值：县级及以下机关填报“规章”，或收费金额（万元）大得不合常理。

依据 / Why: 《中华人民共和国立法法》第四章第二节“规章”：只有国务院部门（部门规章）和省、自治区、直辖市、
设区的市、自治州的人民政府（地方政府规章）制定规章。县（区）、乡镇、街道及其部门没有规章制定权，表二
第二十条第（一）项“规章”一行应为0（SPEC R10；实例：某镇填报现行有效规章6件）。机关的层级只从名称上明确
可辨的情形判断（县、区、旗、乡、镇、街道），设区的市与县级市无法从名称区分，不作判断。收费金额：表二
第二十条第（八）项单位为万元，把元数填入即放大一万倍；全国一般公共预算中行政事业性收费收入每年约数千亿元，
县级机关超过100亿元、乡镇街道超过1亿元均远超同类机关的实际（评估实践；阈值及理由见 rules/assessment.yaml）。

错误示例 / Fails: “××镇人民政府”表二“规章 现行有效件数 6”；“××县市场监督管理局”行政事业性收费 2356000（万元）。

正确示例 / Passes: 县政府“规章”一行为0，本机关制发的文件填入“行政规范性文件”；收费金额 235.6（万元）。

修改方法 / Fix: 把本机关制发的规范性文件填入“行政规范性文件”一行，“规章”一行填0；收费金额换算为万元。
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import TYPE_CHECKING

from opengov_lint.findings import Hit
from opengov_lint.knowledge.catalog import assessment
from opengov_lint.recognise.text import nfkc, squash
from opengov_lint.rules.support.locations import cell_location
from opengov_lint.rules.support.numbers import plain_number
from opengov_lint.rules.support.template import col_label

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report, TableData

CODE = "OG209"
NAME = "value-implausible"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "law",
    "refs": ["立法法", "format_2021"],
    "zh": "《中华人民共和国立法法》第四章第二节：只有国务院部门和省、自治区、直辖市、设区的市、自治州的人民政府制定规章；收费金额的界限是评估实践（非法定要求，见 rule"
          "s/assessment.yaml）",
    "en": "the Legislation Law, chapter 4 section 2: only State Council departments and pro"
          "vincial, districted-city and autonomous-prefecture governments make rules; the f"
          "ee-amount limits are assessment practice (not a legal requirement)",
}
LEVELS = {"county": ("县级（县、区、旗）", "county-level"), "township": ("乡镇（街道）", "township or street")}
MESSAGES = {
    "rules": {
        "zh": "“{issuer}”是{level}机关，没有规章制定权（{basis}），表二“规章”一行却填有{cells}；请核实是否把"
              "规范性文件或上级规章填入了此行",
        "en": "'{issuer}' is a {level_en} organ without the power to make 规章 ({basis}), yet table 二 row '规章' "
              "reports {cells}; check whether normative documents or higher-level rules were entered there",
    },
    "fee": {
        "zh": "表二“行政事业性收费”金额为{value}万元（{yuan}亿元），对{level}机关远超常理（≥{limit}万元），"
              "可能把“元”填入了“万元”栏（应为{corrected}万元）",
        "en": "table 二 fee amount {value} 万元 ({yuan} 亿元) is far beyond a {level_en} organ (≥ {limit} 万元): "
              "元 were probably entered in the 万元 column (it would be {corrected} 万元)",
    },
}


@functools.cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    spec = assessment()["rule_making"]
    return [(p["id"], re.compile(spec["prefix"] + p["pattern"])) for p in spec["no_power"]]


def organ_level(name: str | None) -> str | None:
    """county | township when the organ's name clearly shows a county-level or lower organ, else None."""
    if not name:
        return None
    flat = squash(nfkc(name))
    found = {pid for pid, pat in _patterns() if pat.match(flat)}
    return "township" if "township" in found else ("county" if "county" in found else None)


def _rules_hit(report: Report, table: TableData, issuer: str, level: str) -> Hit | None:
    row = table.cells.get("rules") or {}
    nonzero = [(col, c) for col, c in row.items() if isinstance(c.value, (int, Decimal)) and c.value > 0]
    if not nonzero:
        return None
    basis = assessment()["rule_making"]["basis"]
    zh = "、".join(f"{col_label(table, col, 'rules')}{plain_number(c.value)}" for col, c in nonzero)
    col, cell = nonzero[0]
    return Hit(message="rules", args={"issuer": issuer, "level": LEVELS[level][0], "level_en": LEVELS[level][1],
                                         "basis": basis, "cells": zh},
               location=cell_location(table, "rules", col, cell),
               evidence={"issuer": issuer, "level": level, "basis": basis,
                         "cells": {c: plain_number(x.value) for c, x in nonzero}})


def _fee_hit(table: TableData, level: str) -> Hit | None:
    cell = table.cell("fees", "amount")
    if cell is None or not isinstance(cell.value, (int, Decimal)) or cell.unit not in (None, "万元"):
        return None
    limit = assessment()["rule_making"]["fee_limits_wan"].get(level)
    if limit is None or cell.value < limit:
        return None
    value = plain_number(cell.value)
    corrected = plain_number(Decimal(cell.value) / 10000)
    return Hit(message="fee", args={"value": value, "yuan": plain_number(Decimal(cell.value) / 10000),
                                    "level": LEVELS[level][0], "level_en": LEVELS[level][1], "limit": limit,
                                    "corrected": corrected},
               location=cell_location(table, "fees", "amount", cell),
               evidence={"value": value, "limit_wan": limit, "level": level, "if_yuan_wan": corrected})


def _could_fire(table: TableData) -> bool:
    """A non-zero 规章 row or a fee amount at or above the lowest limit: else neither hit can be made
    whatever the organ's level (and the level patterns, slow to compile, are not needed)."""
    if any(isinstance(c.value, (int, Decimal)) and c.value > 0 for c in (table.cells.get("rules") or {}).values()):
        return True
    cell = table.cell("fees", "amount")
    limits = assessment()["rule_making"]["fee_limits_wan"].values()
    return (cell is not None and isinstance(cell.value, (int, Decimal)) and cell.unit in (None, "万元")
            and bool(limits) and cell.value >= min(limits))


def check(report: Report, options: None) -> Iterator[Hit]:
    table = report.tables.get("active_disclosure")
    if table is None or report.meta.issuer is None or not _could_fire(table):
        return
    level = organ_level(report.meta.issuer)
    if level is None:
        return
    for hit in (_rules_hit(report, table, report.meta.issuer, level), _fee_hit(table, level)):
        if hit is not None:
            yield hit
