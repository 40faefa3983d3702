"""Section 五 is too short, or names no concrete problem.

“五、存在的主要问题及改进情况”过于简略，或没有写出具体问题。

依据 / Why: 《条例》第五十条第（四）项要求年度报告包括“政府信息公开工作存在的主要问题及改进情况”。评估
机构多次指出年度报告“以成绩代替问题”“内容雷同、敷衍塞责”（2021年版格式“明确责任”要求）。只有套话、
没有具体问题的第五部分不能反映实际工作。

错误示例 / Fails: “我单位政府信息公开工作运行良好，将继续做好相关工作。”

正确示例 / Passes: “一是部分科室政策解读形式单一……；二是依申请公开答复说理不够充分……。下一步，……”

修改方法 / Fix: 写出本年度工作中的具体问题（可用“一是、二是”列举）和对应的改进措施。
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from opengov_lint.findings import Hit
from opengov_lint.knowledge.catalog import narrative
from opengov_lint.recognise.text import cjk_count, nfkc, squash
from opengov_lint.rules.support.locations import heading_location
from opengov_lint.rules.support.template import empty_content

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG505"
NAME = "problems-section-boilerplate"
SEVERITY = "info"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "law",
    "refs": ["2019:50.4"],
    "zh": "《条例》第五十条第（四）项：政府信息公开工作存在的主要问题及改进情况",
    "en": "article 50 item (4): the main problems and improvements",
}
MESSAGES = {
    "short": {"zh": "第五部分只有{chars}个字，过于简略（不少于{min_chars}个字为宜）；请写明具体问题和改进措施",
              "en": "section 五 has only {chars} characters (at least {min_chars} expected); state concrete problems "
                    "and measures"},
    "no_problem": {"zh": "第五部分没有写出具体问题（未见“问题”“不足”“有待”等表述）；请写明本年度工作中存在的问题",
                   "en": "section 五 names no concrete problem (no word such as 问题, 不足, 有待); state this year's "
                         "problems"},
}



@dataclass(slots=True)
class Options:
    min_chars: int = 0  # 0: the value of rules/narrative.yaml (problems.min_chars)


def check(report: Report, options: Options) -> Iterator[Hit]:
    five = report.section(5)
    if five is None:
        return
    text = squash(nfkc(five.text))
    if not text or text.rstrip("。.") in {e.rstrip("。.") for e in empty_content()}:
        return  # nothing at all: OG106
    voc = narrative()["problems"]
    min_chars = options.min_chars or int(voc["min_chars"])
    chars = cjk_count(text)
    loc = heading_location(five)
    if chars < min_chars:
        yield Hit(message="short", args={"chars": chars, "min_chars": min_chars}, location=loc,
                  evidence={"chars": chars, "min_chars": min_chars})
    elif not any(nfkc(m) in text for m in voc["markers"]):
        yield Hit(message="no_problem", location=loc, evidence={"chars": chars, "markers": 0})
