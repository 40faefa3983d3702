"""A report declared as an aggregate (manifest) differs from the sum of its declared units.

汇总报告（在清单中声明为汇总）的表格数字与其所属单位报告之和不一致。

依据 / Why: 上级机关（如区县政府办公室）发布的本地区汇总数据，应等于所属各单位报告数字之和；CASS 评估指出
“报告不能反映本地区整体情况”。本规则逐格比较汇总报告与各单位之和；任一单位该格空白或非数字时不比较。
需要在 --manifest 清单中声明汇总报告（aggregate: true）及各单位的上级（parent）。

错误示例 / Fails: 汇总报告表三“一、本年新收”总计为120，所属5个单位之和为118。

正确示例 / Passes: 汇总数等于各单位之和；也可用 `opengov-lint aggregate` 由单位报告生成汇总表。

修改方法 / Fix: 重新汇总各单位数字，或核对单位报告。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import BatchHit, Hit, Location
from opengov_lint.knowledge.catalog import column_label, row_label

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Batch

CODE = "OG604"
NAME = "aggregate-mismatch"
SEVERITY = "error"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "practice",
    "refs": ["2019:49"],
    "zh": "汇总报告的数字应为所属单位之和（汇总和评估实践，非法定要求）",
    "en": "an aggregate report's numbers should be the sum of its units (aggregation and as"
          "sessment practice, not a legal requirement)",
}
SCOPE = "batch"
MESSAGES = {
    "default": {
        "zh": "汇总报告{table}“{row}”行“{col}”列为{actual}，所属{units}个单位报告之和为{expected}",
        "en": "aggregate report: {table} row '{row}', column '{col}' is {actual}, its {units} units sum to {expected}",
    },
}
_TABLE = {"active_disclosure": "表二", "requests": "表三", "review_litigation": "表四"}


def _num(v: float) -> int | float:
    """A whole number shown without '.0'."""
    return int(v) if float(v).is_integer() else v


def check(batch: Batch, options: None) -> Iterator[BatchHit]:
    for agg in batch.aggregates():
        units = batch.units_of(agg)
        if not units:
            continue
        for key in agg.keys:
            stated = agg.value(key)
            parts = [u.value(key) for u in units]
            if stated is None or any(p is None for p in parts):
                continue
            total = sum(p for p in parts if p is not None)
            if abs(total - stated) < 1e-9:
                continue
            table, rest = key.split(".", 1)
            row, col = rest.rsplit(".", 1)
            template = agg.table_layouts.get(table, "2021")
            hit = Hit(
                args={"table": _TABLE[table], "row": row_label(table, template, row),
                      "col": column_label(table, template, col, row), "actual": _num(stated), "expected": _num(total),
                      "units": len(units)},
                location=Location(line=agg.lines.get(f"{table}.{row}"), table=table, row=row, column=col,
                                  section={"active_disclosure": 2, "requests": 3, "review_litigation": 4}[table]),
                evidence={"expected": _num(total), "actual": _num(stated), "units": [u.path for u in units],
                          "unit_values": [_num(p) for p in parts if p is not None]},
            )
            yield BatchHit(agg.path, hit)
