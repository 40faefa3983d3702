"""The narrative repeats the same issuer's previous report beyond a threshold (assessors use > 50 %).

报告正文大段照搬本机关上一年度报告。

依据 / Why: 2021年版格式要求年度报告内容“不能遗漏，也不宜泛化”，并将“内容雷同、敷衍塞责”列为追责情形；
评估机构以与上年报告重复超过50%为照搬。本工具把正文切分为句子，统一全角半角、去掉空格，把所有数字视为相同
（换了数字的旧句子仍算照搬），计算本年正文中（按字数）与上年正文相同句子的比例。

错误示例 / Fails: 2024年报告正文80%的句子与2023年报告相同，只改了数字。

正确示例 / Passes: 正文写明本年度新的工作、问题和改进措施。

修改方法 / Fix: 根据本年度实际情况重写正文，特别是“存在的主要问题及改进情况”。
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from opengov_lint.findings import BatchHit, Hit, Location
from opengov_lint.model import Batch

CODE = "OG603"
NAME = "copied-from-previous-year"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021")
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
        copied_w = sum(w for h, w in zip(cur.sentences, cur.weights) if h in before)
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
