"""The report was published (or signed) after the 第四十九条 deadline.

报告的发布（或落款）日期晚于《条例》第四十九条规定的期限：政府部门1月31日前，人民政府3月31日前。

依据 / Why: 《条例》第四十九条：“县级以上人民政府部门应当在每年1月31日前向本级政府信息公开工作主管部门提交
本行政机关上一年度政府信息公开工作年度报告并向社会公布。县级以上地方人民政府的政府信息公开工作主管部门
应当在每年3月31日前向社会公布本级政府上一年度政府信息公开工作年度报告。”（2007年原条例第三十一条统一为
3月31日，2019年修订将部门期限提前了两个月。）期限按报告年度适用的条例确定：2018年度及以前的报告适用原条例
第三十一条（各级行政机关均为3月31日前），2019年度起适用第四十九条。第四十九条未规定乡镇人民政府、街道办事处
（区县政府的派出机关）和开发区等管委会（派出机构，既非人民政府也非其工作部门）的期限，本规则对其不作判断。
日期取网页的发布日期，没有时取落款日期；机关类型可用 `--issuer-kind` 指定。

错误示例 / Fails: 某局2023年度报告落款“2024年3月20日”（部门应在2024年1月31日前公布）；某区人民政府
2023年度报告发布于2024年4月8日。

正确示例 / Passes: 部门报告2024年1月17日发布；区人民政府报告2024年3月20日发布。

修改方法 / Fix: 按期公布年度报告；落款日期应与实际公布日期一致。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opengov_lint.findings import Hit
from opengov_lint.knowledge.catalog import law
from opengov_lint.recognise.issuer import statutory_deadline
from opengov_lint.recognise.text import int_to_cn
from opengov_lint.rules.support.dates import report_date

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report

CODE = "OG506"
NAME = "late-publication"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021", "pre2019")  # the deadline of the 条例 in force for the report year
BASIS = {
    "kind": "law",
    "refs": ["2019:49", "2007:31"],
    "zh": "《条例》第四十九条（部门1月31日前，本级人民政府3月31日前）；2018年度及以前的报告：2007年原条例第三十一条"
          "（各级行政机关3月31日前）",
    "en": "article 49 (departments by 31 January, governments by 31 March); reports for 2018 and before: article 31 "
          "of the 2007 Regulations (every organ by 31 March)",
}
MESSAGES = {
    "default": {
        "zh": "{kind_zh}的{year}年度报告{how}为{date}，晚于{law_zh}第{article_cn}条规定的{deadline}",
        "en": "the {year} report of a {kind} is {how_en} {date}, after the deadline {deadline} of article "
              "{article}{law_en}",
    },
}
_LAWS = {"2019": (49, "《条例》", ""), "2007": (31, "2007年原《条例》", " of the 2007 Regulations")}
_KIND = {"department": "政府部门", "government": "人民政府", "unknown": "机关"}


def check(report: Report, options: None) -> Iterator[Hit]:
    meta = report.meta
    date, how, loc = report_date(report)
    if date is None or meta.year is None:
        return
    kind = meta.issuer_kind
    if meta.regime == "2019" and not statutory_deadline(meta.issuer, kind) and kind != "unknown":
        return  # 乡镇, 街道, 管委会: 第四十九条 sets no date (rules/issuers.yaml); the 2007 第三十一条 bound every organ
    article, law_zh, law_en = _LAWS[meta.regime]
    art = law(meta.regime).article(article)
    deadlines = dict(art.deadlines) if art else {}
    md = deadlines.get(kind) or deadlines.get("government", "03-31")
    deadline = f"{meta.year + 1}-{md}"
    if date <= deadline:
        return
    how_zh, how_en = ("发布日期", "published") if how == "published" else ("落款日期", "signed")
    yield Hit(args={"kind_zh": _KIND.get(kind, "机关"), "kind": kind if kind != "unknown" else "organ",
                    "year": meta.year, "how": how_zh, "how_en": how_en, "date": date, "deadline": deadline,
                    "article": article, "article_cn": int_to_cn(article), "law_zh": law_zh, "law_en": law_en},
              location=loc, evidence={"date": date, "source": how, "deadline": deadline, "issuer_kind": kind,
                                      "regulation": meta.regime, "article": article})
