"""Two different issuers' reports are near-identical.

两个不同机关的年度报告正文几乎相同（相互抄袭或套用同一底稿）。

依据 / Why: 《条例》第四十九条、第五十条要求每个行政机关报告本机关的工作；两个机关的报告几乎相同，至少有一份
没有反映本机关的实际情况。相似度界限（默认 0.9）是本工具的判断，不是法定标准。比较时统一全角半角、去掉空格、
把数字视为相同，并去掉各自的机关名称，因此换了单位名称和数字的抄袭也能发现。采用文字片段（6字）集合的
bottom-k 草图估计相似度（Jaccard）。

错误示例 / Fails: 甲镇与乙镇的报告除机关名称和数字外逐字相同。

正确示例 / Passes: 各单位按本单位实际撰写。

修改方法 / Fix: 按本单位实际情况重写报告正文。
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from opengov_lint.findings import BatchHit, Hit, Location

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Batch, ReportSummary

CODE = "OG605"
NAME = "duplicate-report"
SEVERITY = "warning"
TEMPLATES = ("2019", "2021")
BASIS = {
    "kind": "tool",
    "refs": ["2019:49", "2019:50"],
    "zh": "《条例》第四十九条、第五十条要求各机关报告本机关的工作；相似度界限（默认0.9）是本工具的判断",
    "en": "articles 49 and 50 ask every organ to report its own work; the similarity limit "
          "(0.9 by default) is this tool's own",
}
SCOPE = "batch"
MESSAGES = {
    "default": {
        "zh": "正文与{other_issuer}的报告（{other_path}）相似度约{percent}%，疑似雷同",
        "en": "the narrative is about {percent}% similar to {other_issuer}'s report ({other_path})",
    },
}


@dataclass
class Options:
    threshold: float = 0.9  # estimated Jaccard similarity of the normalised narratives
    min_shingles: int = 300  # reports with less text are not compared


def jaccard(a: ReportSummary, b: ReportSummary) -> float:
    """Bottom-k estimate: among the k smallest hashes of A ∪ B, the share present in both."""
    sa, sb = set(a.sketch), set(b.sketch)
    k = min(len(sa), len(sb))
    if not k:
        return 0.0
    union = sorted(sa | sb)[:k]
    return sum(1 for h in union if h in sa and h in sb) / k


def check(batch: Batch, options: Options) -> Iterator[BatchHit]:
    for a, b in batch.sketch_pairs(options.min_shingles, options.threshold * 0.5):
        if a.issuer == b.issuer:
            continue
        sim = jaccard(a, b)
        if sim < options.threshold:
            continue
        for me, other in ((a, b), (b, a)):
            yield BatchHit(me.path, Hit(
                args={"other_issuer": other.issuer_label or other.issuer, "other_path": other.path,
                      "percent": round(sim * 100)},
                location=Location(section=1),
                evidence={"similarity": round(sim, 3), "other_path": other.path, "other_issuer": other.issuer_label},
            ))
