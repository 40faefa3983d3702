"""The narrative repeats the same issuer's previous report beyond a threshold (50 % by default).

报告正文大段照搬本机关上一年度报告。

依据 / Why: 《条例》第四十九条要求公布的是“上一年度”的工作报告，第五十条第（四）项要求写明本年度存在的
主要问题及改进情况；照搬上年文本的报告不能反映本年度工作。没有哪项国家规定给出重复比例的界限：50%是本工具
的默认阈值（选项 `threshold`，可在配置中调整），不是法定标准，也不是某一评估机构公布的标准。本工具把正文
切分为句子，统一全角半角、去掉空格，把所有数字视为相同（换了数字的旧句子仍算照搬），计算本年正文中（按字数）
与上年正文相同句子的比例。

错误示例 / Fails: 2024年报告正文80%的句子与2023年报告相同，只改了数字。

正确示例 / Passes: 正文写明本年度新的工作、问题和改进措施。

修改方法 / Fix: 根据本年度实际情况重写正文，特别是“存在的主要问题及改进情况”。
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from opengov_lint.findings import BatchHit, Hit, Location

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Batch

CODE = "OG603"
NAME = "copied-from-previous-year"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "tool",
    "refs": ["2019:49", "2019:50.4"],
    "zh": "《条例》第四十九条、第五十条第（四）项要求报告本年度的工作；50%的界限是本工具的默认阈值（可配置），不是法定标准，也不是哪一评估机构公布的标准",
    "en": "articles 49 and 50 item (4) ask for this year's work; the 50 % limit is this too"
          "l's configurable default, neither a legal standard nor any assessor's published "
          "figure",
}
SCOPE = "batch"
MESSAGES = {
    "default": {
        "zh": "正文有{percent}%（{copied}/{total}句）与{prev_year}年度报告相同（只计改了数字的句子也算），超过{limit}%（{prev_path}）",
        "en": "{percent}% of the narrative ({copied}/{total} sentences) repeats the {prev_year} report, over the "
              "{limit}% threshold ({prev_path})",
    },
}


@dataclass
class Options:
    threshold: float = 0.5  # share of the narrative (by characters) found in last year's report
    min_sentences: int = 8  # too little text to judge below this


def check(batch: Batch, options: Options) -> Iterator[BatchHit]:
    for cur, prev in batch.consecutive():
        if len(cur.sentences) < options.min_sentences or not len(prev.sentences):
            continue
        before = set(prev.sentences)
        total = sum(cur.weights)
        copied_w = sum(w for h, w in zip(cur.sentences, cur.weights, strict=False) if h in before)
        copied_n = sum(1 for h in cur.sentences if h in before)
        ratio = copied_w / total if total else 0.0
        if ratio <= options.threshold:
            continue
        hit = Hit(
            args={"percent": round(ratio * 100), "copied": copied_n, "total": len(cur.sentences),
                  "prev_year": prev.year, "limit": round(options.threshold * 100), "prev_path": prev.path},
            location=Location(section=1),
            evidence={"ratio": round(ratio, 3), "copied_sentences": copied_n, "sentences": len(cur.sentences),
                      "previous_path": prev.path, "previous_year": prev.year},
        )
        yield BatchHit(cur.path, hit)
