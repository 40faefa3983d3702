"""A government's report says nothing on 工作考核、社会评议和责任追究结果情况.

人民政府的年度报告未说明政府信息公开工作考核、社会评议和责任追究结果情况（三项都要说明）。

依据 / Why: 《条例》第五十条第（四）项：年度报告应当包括“政府信息公开工作存在的主要问题及改进情况，各级
人民政府的政府信息公开工作年度报告还应当包括工作考核、社会评议和责任追究结果情况”；第四十六条要求各级
人民政府建立健全考核、社会评议和责任追究制度。2021年版格式把这部分内容放在“一、总体情况”的“监督保障”
中。三项缺一项即报告，并列出缺少的项。只适用于人民政府（含乡镇人民政府）的报告；不适用于政府部门，
也不适用于街道办事处（派出机关）、开发区管委会等派出机构——它们不是人民政府。

错误示例 / Fails: 某区人民政府的报告在“监督保障”中只写网站监测和新媒体管理，未提考核、评议或责任追究。

正确示例 / Passes: “工作考核方面，将政务公开纳入年度绩效考核；社会评议方面，开展满意度评议；责任追究结果情况
方面，本年度未发生责任追究情况。”

修改方法 / Fix: 在“一、总体情况”的“监督保障”中分别写明工作考核、社会评议和责任追究结果情况（没有的写“未发生”）。
机关类型识别有误时用 `--issuer-kind department` 更正。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit, Location
from opengov_lint.knowledge.catalog import narrative
from opengov_lint.recognise.text import nfkc
from opengov_lint.rules.support.locations import heading_location
from opengov_lint.rules.support.text import text_index

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG406"
NAME = "government-accountability-missing"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "law",
    "refs": ["2019:50.4", "2019:46", "format_2021"],
    "zh": "《条例》第五十条第（四）项（人民政府的年度报告还应当包括工作考核、社会评议和责任追究结果情况）；"
          "第四十六条；2021年版格式“一、总体情况”的“监督保障”",
    "en": "article 50 item (4) (a people's government's report also covers work assessment, public appraisal and "
          "accountability results); article 46; the 2021 format, section 一, 监督保障",
}
_NAMES = {"assessment": ("工作考核", "work assessment"), "appraisal": ("社会评议", "public appraisal"),
          "liability": ("责任追究结果", "accountability results")}
MESSAGES = {
    "default": {
        "zh": "报告未说明{missing}情况；《条例》第五十条第（四）项要求人民政府的年度报告包括工作考核、社会评议和"
              "责任追究结果情况，2021年版格式在“一、总体情况”的“监督保障”中说明",
        "en": "the report says nothing on {missing_en}; article 50 item (4) requires a people's government's report "
              "to cover work assessment, public appraisal and accountability results (2021 format: section 一, 监督保障)",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    if report.meta.issuer_kind != "government":
        return  # departments, 街道办事处 (派出机关) and 管委会 (派出机构) are not 人民政府
    groups = {k: [nfkc(w) for w in words] for k, words in narrative()["accountability"].items()}
    missing = set(groups)
    for _, flat in text_index(report).normalised:
        missing -= {k for k, words in groups.items() if any(w in flat for w in words)}
        if not missing:
            return
    order = [k for k in _NAMES if k in missing]
    one = report.section(1)
    loc = heading_location(one) if one is not None else Location(section=1)
    yield Hit(args={"missing": "、".join(_NAMES[k][0] for k in order),
                    "missing_en": ", ".join(_NAMES[k][1] for k in order)},
              location=loc,
              evidence={"issuer": report.meta.issuer, "issuer_kind": "government",
                        "missing": [_NAMES[k][0] for k in order]})
