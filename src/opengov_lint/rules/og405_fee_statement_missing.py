"""The report says nothing about 信息处理费 (the information-processing fee).

报告未说明政府信息公开信息处理费的收取情况。

依据 / Why: 《条例》第四十二条：“行政机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的
数量、频次明显超过合理范围的，行政机关可以收取信息处理费。”国务院办公厅据此印发《政府信息公开信息处理费
管理办法》（国办函〔2020〕109号）。2021年版年度报告格式表三增设“申请人逾期未按收费通知要求缴纳费用”一行；
实践中年度报告在“六、其他需要报告的事项”中说明本年度发出收费通知和收取信息处理费的情况（如“本年度未发出
收费通知，未收取信息处理费”）。适用于2021年度及以后的报告。

错误示例 / Fails: 2022年度报告第六部分只写“无”，全文未提及信息处理费或收费情况。

正确示例 / Passes: “依据《政府信息公开信息处理费管理办法》，本年度未发出收费通知，未收取信息处理费。”

修改方法 / Fix: 在第六部分写明本年度是否发出收费通知、收取信息处理费的件数和金额。
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from opengov_lint.findings import Hit, Location
from opengov_lint.knowledge.catalog import narrative
from opengov_lint.recognise.text import nfkc
from opengov_lint.rules.support.locations import heading_location
from opengov_lint.rules.support.text import text_index

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG405"
NAME = "fee-statement-missing"
SEVERITY = "warning"
TEMPLATES = ("2021",)
BASIS = {
    "kind": "law",
    "refs": ["2019:42", "fee_measures", "format_2021"],
    "zh": "《条例》第四十二条；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；2021年版格式表三的收费行。在“六、其他需要报告的事项”中说明收费情况是"
          "通行做法",
    "en": "article 42; the fee measures (2020 No. 109); the fee row of the 2021 table 三. St"
          "ating the fee in section 六 is common practice",
}
MESSAGES = {
    "default": {
        "zh": "报告未说明信息处理费的收取情况（《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）；"
              "请在“六、其他需要报告的事项”中写明本年度是否发出收费通知、收取信息处理费",
        "en": "the report says nothing about the information-processing fee (国办函〔2020〕109号); state in "
              "section 六 whether fee notices were issued and fees collected this year",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    year = report.meta.year
    if report.meta.template != "2021" and (year is None or year < 2021):
        return
    patterns = [re.compile(nfkc(p)) for p in narrative()["fee_statement"]]
    for _, flat in text_index(report).normalised:
        if any(p.search(flat) for p in patterns):
            return
    six = report.section(6)
    loc = heading_location(six) if six is not None else Location(section=6)
    yield Hit(location=loc, evidence={"expected": "信息处理费", "basis": "国办函〔2020〕109号"})
