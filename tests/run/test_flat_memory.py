"""The main process of a batch keeps nothing per report or per finding for the whole run (issue 18):
the reporters of the common formats retain the same objects after 300 reports as after 30, the file
list lives in a temporary file, walked files are told from the named ones without a set of them all,
and the facts the cross-document findings need come from the run's on-disk store."""

from __future__ import annotations

import gc
import io
import itertools
import json
import types
from pathlib import Path
from typing import Any

import pytest
from conftest import check_json

from opengov_lint.findings import Finding, Location
from opengov_lint.reporters import get_reporter
from opengov_lint.results import FileResult, ReportFacts

SKIP = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType, types.MethodType, io.IOBase)


class Sink:
    """An output that keeps nothing (what the reporter retains is the question, not what it wrote)."""

    def __init__(self) -> None:
        self.chars = 0

    def write(self, text: str) -> int:
        self.chars += len(text)
        return len(text)

    def flush(self) -> None:
        pass


def reachable(root: object) -> int:
    """Objects reachable from ROOT (classes, modules, functions and open files not followed; numbers not
    counted: a counter's value is not kept per report, and small ints are shared objects)."""
    seen = {id(root)}
    stack = [root]
    count = 0
    while stack:
        for ref in gc.get_referents(stack.pop()):
            if id(ref) in seen or isinstance(ref, SKIP):
                continue
            seen.add(id(ref))
            stack.append(ref)
            count += not isinstance(ref, (int, float))
    return count


def result(i: int) -> FileResult:
    path = f"reports/第{i:05d}号/report-{i}.txt"
    findings = [Finding(code, name, sev, f"第{i}份报告的问题 {code}", path,
                        Location(line=10 + k, section=3, table="requests", row="new_received", column="total",
                                 excerpt=f"原文 {i}"), {"expected": i, "actual": i + k})
                for k, (code, name, sev) in enumerate((("OG201", "cell-blank", "error"),
                                                       ("OG301", "row-sum", "warning"),
                                                       ("OG105", "heading-numbering", "info")))]
    facts = ReportFacts(issuer=f"第{i}街道办事处", issuer_kind="subdistrict", year=2000 + i % 25, template="2021",
                        format="txt", title=f"第{i}街道办事处政府信息公开工作年度报告", figures={"granted": float(i)})
    return FileResult(path, findings, facts)


def retained_after(fmt: str, n: int) -> int:
    from opengov_lint.registry.rules import all_rules

    reporter: Any = get_reporter(fmt, Sink(), lang="zh", color=False, quiet=False, statistics=False,  # type: ignore[arg-type]
                                 output=None, rules=all_rules())
    reporter.start()
    for i in range(n):
        reporter.file(result(i))
    gc.collect()
    count = reachable(reporter)
    reporter.finish()
    return count


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif", "csv", "text", "concise"])
def test_reporter_retains_nothing_per_report(fmt: str) -> None:
    retained_after(fmt, 1)  # once first: the rules' help texts and other lazy caches are filled
    assert retained_after(fmt, 300) == retained_after(fmt, 30)


def test_text_statistics_keeps_its_per_file_table_only_when_asked() -> None:
    from opengov_lint.reporters.text import TextReporter

    plain, stats = TextReporter(Sink(), "zh", False, False, False), TextReporter(Sink(), "zh", False, False, True)
    for r in (plain, stats):
        for i in range(5):
            r.file(result(i))
    assert plain.by_file == []
    assert [p for p, _ in stats.by_file] == [result(i).path for i in range(5)]


def _sarif(results: list[FileResult], rules: list[Any]) -> str:
    out = io.StringIO()
    reporter = get_reporter("sarif", out, lang="zh", color=False, quiet=False, statistics=False, rules=rules)
    reporter.start()
    for r in results:
        reporter.file(r)
    reporter.finish()
    return out.getvalue()


@pytest.mark.parametrize("n", [0, 1, 7])
def test_streamed_sarif_is_the_document_json_dump_writes(n: int) -> None:
    """The results are spilled and copied in: the text is exactly json.dump(doc, indent=1) of the same
    document (also with no results, and with a rule the run did not describe added to the driver)."""
    text = _sarif([result(i) for i in range(n)], rules=[])
    doc = json.loads(text)
    assert text == json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    run = doc["runs"][0]
    assert len(run["results"]) == 3 * n
    assert [r["message"]["text"] for r in run["results"][:3]] == [f"第0份报告的问题 {c}" for c in
                                                                   ("OG201", "OG301", "OG105")][: 3 * n]
    assert [d["id"] for d in run["tool"]["driver"]["rules"]] == (["OG201", "OG301", "OG105"] if n else [])
    assert run["properties"]["files"] == n


def test_cross_document_findings_take_facts_from_the_caller() -> None:
    out = io.StringIO()
    reporter = get_reporter("json", out, lang="zh", color=False, quiet=False, statistics=False)
    reporter.start()
    reporter.file(result(1))
    f = Finding("OG601", "carry-over", "error", "结转不一致", "b.txt", Location(table="requests"), {})
    reporter.extra([f, Finding("OG601", "carry-over", "error", "x", "c.txt", Location(), {})],
                   {"b.txt": ReportFacts(issuer="乙街道办事处", year=2024, template="2021")})
    reporter.finish()
    got = {d["path"]: (d["issuer"], d["year"]) for d in json.loads(out.getvalue()) if d["code"] == "OG601"}
    assert got == {"b.txt": ("乙街道办事处", 2024), "c.txt": (None, None)}


def test_summary_store_keeps_report_facts_on_disk() -> None:
    from opengov_lint.crossdoc.store import SummaryStore

    with SummaryStore() as store:
        for i in range(50):
            store.add_facts(f"r/{i}.txt", result(i).facts)
        store.add_facts("r/3.txt", ReportFacts(issuer="后来的", year=2030))  # the last wins, as a dict's would
        got = store.facts_of(["r/7.txt", "r/3.txt", "r/none.txt", "r/7.txt"])
    assert set(got) == {"r/7.txt", "r/3.txt"}
    assert (got["r/7.txt"].issuer, got["r/7.txt"].year, got["r/7.txt"].figures) == ("第7街道办事处", 2007, {"granted": 7.0})
    assert (got["r/3.txt"].issuer, got["r/3.txt"].year) == ("后来的", 2030)


def test_batch_cross_document_findings_carry_the_reports_issuer_and_year(tmp_path: Path) -> None:
    from test_batch import make_series

    make_series(tmp_path, units=2)
    p = tmp_path / "unit2-2024.json"
    d = json.loads(p.read_text(encoding="utf-8"))
    d["tables"]["active_disclosure"]["normative_documents"]["in_force"] += 3
    p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    _, found = check_json(str(tmp_path), extra=("--select", "OG602"))
    assert [(Path(f["path"]).name, f["code"], f["issuer"], f["year"], f["labels"]["table"]) for f in found] == [
        ("unit2-2024.json", "OG602", "第2街道办事处", 2024, "表二")]


def test_path_list_reads_back_every_path_and_slices_without_copying() -> None:
    from opengov_lint.run.pathlist import PathList

    paths = ["-", "a/报告 2023.txt", "b/\udcff-undecodable.txt", "", "c/d.html"]
    pl = PathList(paths)
    assert len(pl) == 5
    assert list(pl) == paths
    assert pl == paths
    assert [pl[i] for i in range(-5, 5)] == paths + paths
    with pytest.raises(IndexError):
        pl[5]
    view = pl[1:]
    assert isinstance(view, PathList)
    assert view._paths is pl._paths  # the same file: a view, not a copy
    assert view == paths[1:]
    assert view[1:3] == paths[2:4]
    assert view[::2] == paths[1::2]
    assert pl[4:1] == []
    assert len(PathList()) == 0
    assert list(zip(pl, view, strict=False)) == list(itertools.pairwise(paths))  # two readers at once
    assert all(not isinstance(o, str) for o in gc.get_referents(pl._paths))  # no str per path is held
    assert pl._paths.ends.itemsize == 8
    assert len(pl._paths.ends) == 5


def test_collect_sorts_deduplicates_and_filters_into_a_path_list(tmp_path: Path) -> None:
    from opengov_lint.run.pathlist import PathList
    from opengov_lint.run.sources import collect

    for name in ("b.txt", "a.txt", "skip.txt", "c.html"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    a = str(tmp_path / "a.txt")
    got = collect([str(tmp_path), a, "-", a], keep=lambda p: not p.endswith("skip.txt"))
    assert isinstance(got, PathList)
    assert list(got) == ["-", a, str(tmp_path / "b.txt"), str(tmp_path / "c.html")]


def test_walked_and_named_files_are_told_apart_by_the_sorted_named_paths() -> None:
    from opengov_lint.run.batch import _classify

    def readme(path: str) -> FileResult:
        r = FileResult(path, [Finding("OG101", "missing-section", "error", "m", path, Location(), {})])
        r.report_like = False
        return r

    named = sorted(["docs", "notes/README.md", "z.txt"])
    assert _classify(readme("notes/README.md"), named).status() == "failed"  # named: checked as a report
    walked = _classify(readme("docs/README.md"), named)
    assert (walked.status(), walked.findings) == ("not_a_report", [])


def test_pool_hands_out_files_in_order_and_takes_back_a_file(tmp_path: Path) -> None:
    from opengov_lint.run.pathlist import PathList
    from opengov_lint.run.pool import _Pending

    pending = _Pending(PathList(["a", "b", "c"]))
    assert (len(pending), pending.first()) == (3, 0)
    assert pending.pop() == (0, "a")
    assert pending.pop() == (1, "b")
    pending.put_back(1, "b")  # its worker had died while idle
    assert (len(pending), pending.first()) == (2, 1)
    assert [pending.pop(), pending.pop()] == [(1, "b"), (2, "c")]
    assert not pending
