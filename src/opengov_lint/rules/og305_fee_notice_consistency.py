"""Table 三 `（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用…` contradicts what the text says about fee
notices (relation R9, 2021 layout).

表三“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”与正文关于收费
通知的说法矛盾。

依据 / Why: 《条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）：收取信息处理费须先
向申请人发出收费通知，申请人逾期未缴纳的，行政机关不再处理该申请。2021年版格式表三（六）2统计的正是这种情形，
所以该行不为0就意味着本年度发出过收费通知（SPEC R9）。正文写“未发出收费通知”“不涉及信息处理费”而该行不为0，
或正文写申请人逾期未缴费而该行为0，二者必有一处不实。仅写“未收取信息处理费”不构成矛盾（发出了通知而申请人
未缴费，同样没有收到费用），不作判断。

错误示例 / Fails: 表三（六）2 总计为1，第六部分写“本年度未发出收费通知，未收取信息处理费”。

正确示例 / Passes: 表三（六）2 为1，第六部分写“本年度发出收费通知1件，申请人逾期未缴纳，未收取信息处理费”。

修改方法 / Fix: 核对收费通知台账，改正表三（六）2或正文的说法，使二者一致。
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import TYPE_CHECKING

from opengov_lint.findings import Hit
from opengov_lint.knowledge.catalog import assessment
from opengov_lint.recognise.spans import sentence_bounds, unit_at
from opengov_lint.recognise.streams import fold_text
from opengov_lint.recognise.text import excerpt
from opengov_lint.rules.support.locations import cell_location
from opengov_lint.rules.support.numbers import plain_number
from opengov_lint.rules.support.text import text_index

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report, TypedCell

CODE = "OG305"
NAME = "fee-notice-consistency"
SEVERITY = "warning"
TEMPLATES = ("2021",)
BASIS = {
    "kind": "law",
    "refs": ["2019:42", "fee_measures", "format_2021"],
    "zh": "《条例》第四十二条；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的收费通知；2021年版格式表三（六）2",
    "en": "article 42; the fee notice of the fee measures (2020 No. 109); row (六)2 of the 2"
          "021 table 三",
}
ROW = "other.unpaid_fee"
MESSAGES = {
    "no_notice": {
        "zh": "表三（六）2“申请人逾期未按收费通知要求缴纳费用”为{value}，说明发出过收费通知，但正文说“{said}”",
        "en": "table 三 （六）2 (applicant did not pay after a fee notice) is {value}, which means a fee notice was "
              "issued, but the text says '{said}'",
    },
    "unpaid": {
        "zh": "正文说“{said}”，但表三（六）2“申请人逾期未按收费通知要求缴纳费用”为0",
        "en": "the text says '{said}', but table 三 （六）2 (applicant did not pay after a fee notice) is 0",
    },
}


@functools.cache
def _compiled(key: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(fold_text(p)) for p in assessment()["fee_notice"][key])


def _statements(report: Report) -> Iterator[tuple[str, str, int | None]]:
    """(kind, sentence as written, line) for each sentence saying no notice / an unpaid notice."""
    for stream in text_index(report).streams:
        for a, b in sentence_bounds(stream):
            flat = stream.flat[a:b]
            if "费" not in flat:
                continue
            line = unit_at(stream, a).paragraph.line
            if any(p.search(flat) for p in _compiled("no_notice")):
                yield "no_notice", stream.original(a, b), line
            elif any(p.search(flat) for p in _compiled("unpaid")) and \
                    not any(p.search(flat) for p in _compiled("unpaid_negations")):
                yield "unpaid", stream.original(a, b), line


def _total(report: Report) -> tuple[TypedCell | None, int | Decimal | None]:
    table = report.tables.get("requests")
    if table is None or table.template != "2021" or ROW not in table.cells:
        return None, None
    cell = table.cell(ROW, "total")
    value = cell.value if cell is not None and isinstance(cell.value, (int, Decimal)) else None
    return cell, value


def check(report: Report, options: None) -> Iterator[Hit]:
    cell, value = _total(report)
    if value is None:
        return  # no 2021 row, or blank / not a number there (OG201/OG203): not assessable
    table = report.tables["requests"]
    want = "no_notice" if value > 0 else "unpaid"
    for kind, said, line in _statements(report):
        if kind != want:
            continue
        loc = cell_location(table, ROW, "total", cell)
        yield Hit(message=kind, args={"value": plain_number(value), "said": excerpt(said, 60)}, location=loc,
                  evidence={"value": plain_number(value), "text": said, "text_line": line})
        return  # one defect, one finding
