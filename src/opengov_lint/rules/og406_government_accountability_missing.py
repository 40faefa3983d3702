"""A government's report says nothing on 工作考核、社会评议和责任追究结果情况.

人民政府的年度报告未说明政府信息公开工作考核、社会评议和责任追究结果情况。

依据 / Why: 《条例》第五十条第（四）项：年度报告应当包括“政府信息公开工作存在的主要问题及改进情况，各级
人民政府的政府信息公开工作年度报告还应当包括工作考核、社会评议和责任追究结果情况”；第四十六条要求各级
人民政府建立健全考核、社会评议和责任追究制度。2021年版格式把这部分内容放在“一、总体情况”的“监督保障”
中。只适用于人民政府（含乡镇人民政府）的报告，不适用于政府部门，也不适用于街道办事处（派出机关）和管委会
（派出机构）：二者都不是人民政府。

错误示例 / Fails: 某区人民政府的报告在“监督保障”中只写网站监测和新媒体管理，未提考核、评议或责任追究。

正确示例 / Passes: “工作考核方面，将政务公开纳入年度绩效考核；社会评议方面，开展满意度评议；责任追究结果情况
方面，本年度未发生责任追究情况。”

修改方法 / Fix: 在“一、总体情况”的“监督保障”中分别写明工作考核、社会评议和责任追究结果情况（没有的写“未发生”）。
本规则只在全文一项都未提及时报告；机关类型识别有误时用 `--issuer-kind department` 更正。
"""

from __future__ import annotations

from collections.abc import Iterator

from opengov_lint.findings import Hit, Location
from opengov_lint.knowledge.catalog import narrative
from opengov_lint.model import Report
from opengov_lint.recognise.text import nfkc, squash
from opengov_lint.rules._helpers import heading_location, text_units

CODE = "OG406"
NAME = "government-accountability-missing"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021")
MESSAGES = {
    "default": {
        "zh": "{issuer}为人民政府，报告未说明工作考核、社会评议和责任追究结果情况（《条例》第五十条第（四）项）；"
              "2021年版格式在“一、总体情况”的“监督保障”中说明",
        "en": "{issuer} is a government, but its report says nothing on work assessment, public appraisal and "
              "accountability results (article 50 item (4)); the 2021 format puts them under section 一, 监督保障",
    },
}


def check(report: Report, options: None) -> Iterator[Hit]:
    if report.meta.issuer_kind != "government":
        return
    words = [nfkc(w) for group in narrative()["accountability"].values() for w in group]
    for u in text_units(report):
        flat = squash(nfkc(u.paragraph.text))
        if any(w in flat for w in words):
            return
    one = report.section(1)
    loc = heading_location(one) if one is not None else Location(section=1)
    yield Hit(args={"issuer": report.meta.issuer or "本机关"}, location=loc,
              evidence={"issuer": report.meta.issuer, "issuer_kind": "government",
                        "expected": ["工作考核", "社会评议", "责任追究结果"]})
