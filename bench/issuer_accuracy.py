"""Issuer accuracy: how often the issuing organ and its kind are read right, on the corpus (expected
issuers from MANIFEST.tsv) and on generated pages carrying the furniture real government sites put around
a report (breadcrumbs, toolbars, metadata blocks, titles split over lines, signatures, 街道/管委会 …).

    python bench/issuer_accuracy.py [--corpus ../shared/corpus] [-v]

Counts: right (issuer and kind), unknown where the page names no organ (right), unknown where it does
(missed), and fragments (an issuer that is not the organ: furniture, a sentence). To compare with another
checkout, run it with `PYTHONPATH=OTHER/src` (the old kinds had no subdistrict/agency: `kind` then counts
what the old code could say)."""

from __future__ import annotations

import argparse
import csv
import os
import sys
from pathlib import Path

from opengov_lint.model import Report

BODY = """一、总体情况
{org}坚持公开为常态，本年度报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。
二、主动公开政府信息情况
本年度主动公开政府信息126条。
三、收到和处理政府信息公开申请情况
本年度收到申请12件。
四、政府信息公开行政复议、行政诉讼情况
无。
五、存在的主要问题及改进情况
问题是公开内容不够全面。
六、其他需要报告的事项
本年度未收取信息处理费。
"""
T = "2023年政府信息公开工作年度报告"
# (head, org in the text, tail, file name, expected issuer or None, expected kind)
PAGES: list[tuple[str, str, str, str, str | None, str]] = [
    (f"当前页面:>\n{T}", "本机关", "", "a.txt", None, "unknown"),
    (f"首页>\n{T}", "本机关", "", "a.txt", None, "unknown"),
    (f"字号：大中小\n{T}", "本机关", "", "a.txt", None, "unknown"),
    (f"关怀版无障碍…您当前所在位置:首页>乡镇>松林镇\n{T}", "本机关", "", "a.txt", None, "unknown"),
    (f"索引号:GCX0048/2024-00012\n{T}", "本机关", "", "a.txt", None, "unknown"),
    (f"一、工作基本情况\n{T}", "本机关", "", "a.txt", None, "unknown"),
    (f"根据修订的《中华人民共和国\n{T}", "本机关", "", "a.txt", None, "unknown"),
    (f"当前页面:>\n松林镇人民政府{T}", "本镇", "", "a.txt", "松林镇人民政府", "government"),
    (f"首页>政务公开>年报\n东山县交通运输局{T}", "本局", "", "a.txt", "东山县交通运输局", "department"),
    (f"字号：大 中 小  【打印本页】【关闭窗口】\n兰溪县民政局{T}", "本局", "", "a.txt", "兰溪县民政局", "department"),
    (f"关怀版 无障碍 您当前所在位置:首页>乡镇>松林镇\n松林镇人民政府{T}", "本镇", "", "a.txt", "松林镇人民政府",
     "government"),
    (f"索引号：GCX0048/2024-00012 发布机构：东山县教育局 发布日期：2024-01-20\n{T}", "本局", "", "a.txt",
     "东山县教育局", "department"),
    (f"分享到： 微信 微博 QQ空间\n清河区人民政府{T}", "本区", "", "a.txt", "清河区人民政府", "government"),
    (("当前位置： 首页政务公开政府信息公开年报 东山县交通运输局2023年政府信息公开工作年度报告 来源：东山县人民政府 "
     "时间：2024-01-23 微信 微博"), "本局", "", "a.txt", "东山县交通运输局", "department"),
    (f"洪泽区人民政府\n{T}", "本区", "", "a.txt", "洪泽区人民政府", "government"),
    ("2023年洪泽区人民政府\n政府信息公开工作年度报告", "本区", "", "a.txt", "洪泽区人民政府", "government"),
    ("2023 年上海市科委政府信息公开工作\n年度报告", "市科委", "", "a.txt", "上海市科委", "department"),
    ("# 沭阳县人民政府 2023 年 政府信息公开工作年度报告", "本县", "", "a.txt", "沭阳县人民政府", "government"),
    (T, "本局", "东山县住房和城乡建设局\n2024年1月15日\n", "a.txt", "东山县住房和城乡建设局", "department"),
    (T, "本局", "东山县住房和城乡建设局 2024年1月15日\n", "a.txt", "东山县住房和城乡建设局", "department"),
    (T, "本局", "", "东山县民政局2023年政府信息公开工作年度报告.txt", "东山县民政局", "department"),
    (f"清河区大明湖街道办事处{T}", "本街道", "", "a.txt", "清河区大明湖街道办事处", "subdistrict"),
    (f"大明湖街道{T}", "本街道", "", "a.txt", "大明湖街道", "subdistrict"),
    (f"淮安经济技术开发区管委会{T}", "开发区", "", "a.txt", "淮安经济技术开发区管委会", "agency"),
    (f"淮安经济技术开发区{T}", "开发区管委会", "", "a.txt", "淮安经济技术开发区管委会", "agency"),
    (f"苏州工业园区管理委员会{T}", "园区", "", "a.txt", "苏州工业园区管理委员会", "agency"),
    (f"松林镇人民政府{T}", "本镇", "", "a.txt", "松林镇人民政府", "government"),
    (f"沭阳县人民政府{T}", "本县", "", "a.txt", "沭阳县人民政府", "government"),
    (f"洪泽区{T}", "区政府", "", "a.txt", "洪泽区人民政府", "government"),
    (f"沭阳县人民政府办公室关于印发沭阳县{T}的通知", "县政府", "", "a.txt", "沭阳县人民政府", "government"),
    (f"沭阳县人民政府{T}", "本县", "沭阳县人民政府办公室\n2024年3月1日\n", "a.txt", "沭阳县人民政府", "government"),
    (f"沭阳县人民政府办公室{T}", "本办", "", "a.txt", "沭阳县人民政府办公室", "department"),
    (f"北京市城市管理委员会{T}", "本委", "", "a.txt", "北京市城市管理委员会", "department"),
]


def _load(path: str, data: bytes | None = None) -> Report:
    try:
        from opengov_lint.load import load_report
    except ImportError:  # an older checkout (before load_report)
        from opengov_lint.readers import read_bytes, read_path  # type: ignore[attr-defined]
        from opengov_lint.recognise import recognise

        doc = read_bytes(path, data) if data is not None else read_path(path)
        return doc if isinstance(doc, Report) else recognise(doc)
    return load_report(path, data=data)


def _corpus(corpus: Path) -> list[tuple[str, Report, str | None, str]]:
    from opengov_lint.recognise.meta import issuer_kind  # (in every version)

    with open(corpus / "MANIFEST.tsv", encoding="utf-8") as fh:
        manifest = {row["file"]: row["issuer"] for row in csv.DictReader(fh, delimiter="\t")}
    docs = [(corpus / f, i) for f, i in manifest.items()]
    docs += [(p, manifest["000_gongshu-veterans-2020.txt"]) for p in sorted((corpus / "synthetic").glob("*.*"))
             if p.suffix not in (".json", ".md")]
    out = []
    for path, issuer in docs:
        written = "沐阳县人民政府" if path.name.startswith("004_") else issuer  # the OCR text says 沐阳
        kind = {"平潭综合实验区管委会": "agency"}.get(issuer, issuer_kind(issuer))
        out.append((path.name, _load(str(path)), written, kind))
    return out


def _pages() -> list[tuple[str, Report, str | None, str]]:
    out = []
    for head, org, tail, name, issuer, kind in PAGES:
        text = head + "\n" + BODY.format(org=org) + tail
        out.append((head.splitlines()[0][:24], _load(name, text.encode("utf-8")), issuer, kind))
    return out


def score(rows: list[tuple[str, Report, str | None, str]], verbose: bool) -> dict[str, int]:
    try:
        from opengov_lint.crossdoc.summary import issuer_key
    except ImportError:  # an older checkout
        from opengov_lint.summary import issuer_key  # type: ignore[import-not-found,no-redef]

    c = {"documents": len(rows), "issuer right": 0, "kind right": 0, "both right": 0, "missed": 0,
         "fragments or wrong": 0}
    for label, r, issuer, kind in rows:
        got = r.meta.issuer or None
        ok = (got is None and issuer is None) or (got is not None and issuer is not None
                                                  and issuer_key(got) == issuer_key(issuer))
        k_ok = r.meta.issuer_kind == kind
        c["issuer right"] += ok
        c["kind right"] += k_ok
        c["both right"] += ok and k_ok
        c["missed"] += got is None and issuer is not None
        c["fragments or wrong"] += got is not None and not ok
        if verbose and not (ok and k_ok):
            print(f"  {label:28} got {got!s:26} {r.meta.issuer_kind:11} expected {issuer!s:26} {kind}")
    return c


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=os.environ.get("OPENGOV_LINT_CORPUS", "../shared/corpus"))
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    sets = [("generated pages", _pages())]
    if Path(a.corpus).is_dir():
        sets.insert(0, ("corpus", _corpus(Path(a.corpus))))
    for name, rows in sets:
        print(name)
        for k, v in score(rows, a.verbose).items():
            print(f"  {k:20} {v}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
