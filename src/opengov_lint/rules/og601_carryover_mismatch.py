"""This year's `二、上年结转` differs from the same issuer's previous-year `四、结转下年度继续办理` (R7).

本年度表三“二、上年结转政府信息公开申请数量”与同一机关上一年度报告的“四、结转下年度继续办理”不一致。

依据 / Why: 上一年度结转下年度继续办理的申请，就是本年度的上年结转申请，两者应逐列相等（SPEC R7）。
不一致说明有申请在年度之间“丢失”或重复统计。需要同一机关连续两个年度的报告一起检查（批量检查，
或用 --manifest 指明年度与机关）。

错误示例 / Fails: 2023年报告“结转下年度继续办理”总计31件，2024年报告“上年结转”总计30件。

正确示例 / Passes: 2024年“上年结转”总计31件。

修改方法 / Fix: 核对两个年度的台账，改正错误的一方（已发布的上年度报告如有错误应说明更正）。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import BatchHit, Hit, Location

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Batch

CODE = "OG601"
NAME = "carryover-mismatch"
SEVERITY = "error"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "format",
    "refs": ["format_2019", "format_2021"],
    "zh": "年度报告格式表三：上年“结转下年度继续办理”即本年“上年结转政府信息公开申请数量”",
    "en": "table 三: last year's carry-over is this year's 上年结转",
}
SCOPE = "batch"
COLUMNS = ("natural_person", "commercial", "research", "public_interest", "legal_service", "other_org", "total")
LABELS = {"natural_person": "自然人", "commercial": "商业企业", "research": "科研机构", "public_interest": "社会公益组织",
          "legal_service": "法律服务机构", "other_org": "其他", "total": "总计"}
MESSAGES = {
    "default": {
        "zh": "表三“二、上年结转”“{col}”列为{actual}，而{prev_year}年度报告“四、结转下年度继续办理”为{expected}（{prev_path}）",
        "en": "table 三 carried-over '{col}' is {actual}, but the {prev_year} report carried forward {expected} "
              "({prev_path})",
    },
}


def check(batch: Batch, options: None) -> Iterator[BatchHit]:
    for cur, prev in batch.consecutive():
        for col in COLUMNS:
            now = cur.value(f"requests.carried_over.{col}")
            before = prev.value(f"requests.carried_forward.{col}")
            if now is None or before is None or now == before:
                continue
            hit = Hit(
                args={"col": LABELS[col], "actual": int(now), "expected": int(before), "prev_year": prev.year,
                      "prev_path": prev.path},
                location=Location(line=cur.lines.get("requests.carried_over"), section=3, table="requests",
                                  row="carried_over", column=col),
                evidence={"expected": int(before), "actual": int(now), "previous_path": prev.path,
                          "previous_year": prev.year, "cells": [f"requests.carried_over.{col}",
                                                                f"{prev.year}:requests.carried_forward.{col}"]},
            )
            yield BatchHit(cur.path, hit)
