"""`现行有效件数`(Y) ≠ `现行有效件数`(Y−1) + `本年制发件数`(Y) − `本年废止件数`(Y) (R6, 2021 layout).

表二“现行有效件数”与上一年度不衔接：本年现行有效数应约等于上年现行有效数加本年制发数减本年废止数。

依据 / Why: 2021年版格式表二第二十条第（一）项统计规章、行政规范性文件的本年制发件数、本年废止件数和现行有效
件数，三者跨年度存在衔接关系（SPEC R6）。因文件失效、修订等原因可能有合理差异，故为警告：请核实并在正文说明。

错误示例 / Fails: 2022年现行有效行政规范性文件41件；2023年制发6件、废止3件，现行有效却填50件（应约为44件）。

正确示例 / Passes: 2023年现行有效填44件，或在正文说明差异原因（如自然失效）。

修改方法 / Fix: 核对文件清理台账；差异有正当原因的，在正文中说明。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import BatchHit, Hit, Location

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Batch

CODE = "OG602"
NAME = "in-force-chain"
SEVERITY = "warning"
TEMPLATES = ("2021",)
BASIS = {
    "kind": "format",
    "refs": ["format_2021"],
    "zh": "2021年版格式表二第二十条第（一）项：本年制发、本年废止与现行有效件数的跨年度衔接",
    "en": "the 2021 table 二, article 20 item (1): issued, repealed and in force chain acros"
          "s years",
}
SCOPE = "batch"
ROWS = {"rules": "规章", "normative_documents": "行政规范性文件"}
MESSAGES = {
    "default": {
        "zh": "表二“{row}”现行有效件数为{actual}，按{prev_year}年现行有效{prev}+本年制发{issued}−本年废止{repealed}"
              "应为{expected}（{prev_path}）",
        "en": "table 二 '{row}': in force {actual}, but {prev} in force in {prev_year} + {issued} issued − {repealed} "
              "repealed = {expected} ({prev_path})",
    },
}


def check(batch: Batch, options: None) -> Iterator[BatchHit]:
    for cur, prev in batch.consecutive():
        if cur.table_layouts.get("active_disclosure") != "2021":
            continue
        for row, label in ROWS.items():
            now = cur.value(f"active_disclosure.{row}.in_force")
            before = prev.value(f"active_disclosure.{row}.in_force")
            issued = cur.value(f"active_disclosure.{row}.issued")
            repealed = cur.value(f"active_disclosure.{row}.repealed")
            if None in (now, before, issued, repealed):
                continue
            assert now is not None
            assert before is not None
            assert issued is not None
            assert repealed is not None
            expected = before + issued - repealed
            if now == expected:
                continue
            hit = Hit(
                args={"row": label, "actual": int(now), "expected": int(expected), "prev": int(before),
                      "issued": int(issued), "repealed": int(repealed), "prev_year": prev.year, "prev_path": prev.path},
                location=Location(line=cur.lines.get(f"active_disclosure.{row}"), section=2,
                                  table="active_disclosure", row=row, column="in_force"),
                evidence={"expected": int(expected), "actual": int(now), "previous_in_force": int(before),
                          "issued": int(issued), "repealed": int(repealed), "previous_path": prev.path},
            )
            yield BatchHit(cur.path, hit)
