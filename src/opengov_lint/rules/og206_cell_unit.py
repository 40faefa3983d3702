"""A unit written inside a data cell (`71.64万元`, `251000元`, `3件`); an error when it conflicts
with the unit the column header states (`元` under `（单位：万元）`).

数据单元格内写了计量单位；与表头注明的单位冲突时（如表头“单位：万元”而格内写“元”）为错误。

依据 / Why: 单位应在表头统一注明，格内只填数字，否则无法汇总。2021年版表二收费金额的表头为
“本年收费金额（单位：万元）”；格内写“元”会使数值相差一万倍。2019年版“采购总金额”表头没有单位，
实践中有写“元”的也有写“万元”的，应在表头或附注中注明。

错误示例 / Fails: 表二“政府集中采购”的“采购总金额”填“71.64万元”；表头为万元而格内填“3940元”。

正确示例 / Passes: 格内填“71.64”，单位在表头注明“（单位：万元）”。

修改方法 / Fix: 删去格内单位，必要时换算为表头单位，并在表头注明单位。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit
from opengov_lint.knowledge.catalog import cell_vocab
from opengov_lint.rules.support.locations import cell_location
from opengov_lint.rules.support.template import TABLE_SHORT, col_label, iter_cells, row_label

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG206"
NAME = "cell-unit"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "format",
    "refs": ["format_2019", "format_2021"],
    "zh": "年度报告格式表头注明单位（2021年版“本年收费金额（单位：万元）”），格内只填数字",
    "en": "the format states units in the header (2021: 本年收费金额（单位：万元）); cells hold numbers "
          "only",
}
MESSAGES = {
    "default": {
        "zh": "{table}“{row}”行“{col}”列格内写有单位“{unit}”（“{raw}”），单位应在表头注明，格内只填数字",
        "en": "{table}, row '{row}', column '{col}' has the unit '{unit}' inside the cell ('{raw}'); state units in "
              "the header and write only the number",
    },
    "conflict": {
        "zh": "{table}“{row}”行“{col}”列格内单位“{unit}”与表头单位“{header_unit}”不一致（“{raw}”），数值可能差{factor}倍",
        "en": "{table}, row '{row}', column '{col}': the unit '{unit}' in the cell conflicts with the header's "
              "'{header_unit}' ('{raw}')",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    units = cell_vocab()["units"]
    for table, row, col, cell in iter_cells(report):
        if not cell.unit:
            continue
        raw = cell.raw.strip()
        args = {"table": TABLE_SHORT[table.id], "row": row_label(table, row), "col": col_label(table, col, row),
                "unit": cell.unit, "raw": raw, "header_unit": cell.header_unit}
        evidence = {"raw": raw, "unit": cell.unit, "header_unit": cell.header_unit,
                    "value": float(cell.value) if cell.value is not None else None}
        money = units.get(cell.unit, {}).get("money", False)
        conflict = (cell.header_unit is not None and cell.unit != cell.header_unit) or (
            money and cell.expects == "count")
        if conflict:
            mine = units.get(cell.unit, {}).get("per_wan")
            theirs = units.get(cell.header_unit or "", {}).get("per_wan")
            factor = round(theirs / mine) if mine and theirs and theirs > mine else (
                round(mine / theirs) if mine and theirs else "?")
            yield Hit(message="conflict", args={**args, "factor": factor}, severity="error",
                      location=cell_location(table, row, col, cell), evidence=evidence)
        else:
            yield Hit(args=args, location=cell_location(table, row, col, cell), evidence=evidence)
