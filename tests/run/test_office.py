"""The oversight office's audit end to end (issue 15): a folder as an office keeps it, only reports
checked, completeness against the manifest, the per-unit workbook with indicators and trends, the
rectification notices, and no template ids or English rule names in what a person reads."""

from __future__ import annotations

import json
import re
import zipfile
from collections import Counter
from pathlib import Path

import officefolder
import pytest
from conftest import EXAMPLES, run_cli
from ruamel.yaml import YAML

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The folder, checked once to JSON, xlsx and HTML (the runs are the slow part)."""
    root = officefolder.build(tmp_path_factory.mktemp("office") / "年报2023")
    out = root.parent
    runs = {}
    for fmt, name in (("json", "findings.json"), ("xlsx", "audit.xlsx"), ("html", "audit.html")):
        proc = run_cli("check", ".", "--manifest", "清单.csv", "--output-format", fmt, "-o", str(out / name),
                       "--jobs", "1", cwd=root)
        assert proc.returncode == 1, proc.stderr
        runs[fmt] = out / name
    text = run_cli("check", ".", "--manifest", "清单.csv", "--jobs", "1", cwd=root)
    findings = json.loads(runs["json"].read_text(encoding="utf-8"))
    return {"root": root, "findings": findings, "xlsx": runs["xlsx"], "html": runs["html"], "text": text.stdout}


def _rel(p: str) -> str:
    return p.removeprefix("./")


def _sheet(wb: object, name: str) -> list[tuple[object, ...]]:
    return list(wb[name].iter_rows(values_only=True))  # type: ignore[index]


def test_only_reports_are_checked(office: dict[str, object]) -> None:
    wb = openpyxl.load_workbook(office["xlsx"])
    rows = _sheet(wb, "汇总")
    status = {_rel(str(r[0])): r[10] for r in rows[1:]}
    assert set(status) == set(officefolder.REPORTS) | set(officefolder.NOT_REPORTS)  # nothing ignored is there
    assert all(status[p] == "不适用" for p in officefolder.NOT_REPORTS)
    findings = office["findings"]
    assert not {_rel(f["path"]) for f in findings} & set(officefolder.NOT_REPORTS)  # no OG1xx on a README
    failed = {_rel(f["path"]) for f in findings if f["severity"] == "error"}
    for path in officefolder.REPORTS:
        assert status[path] == ("不通过" if path in failed else "通过"), path
    text = str(office["text"])
    assert "README.md  不是年度报告" in text
    assert "2 个文件不是年度报告，未检查" in text


def test_quiet_drops_the_note_and_a_named_file_is_checked(office: dict[str, object]) -> None:
    proc = run_cli("check", "说明", "-q", cwd=office["root"])  # found in a folder walk: not a report
    assert proc.returncode == 0
    assert proc.stdout == "检查了 1 个文件：0 个错误，0 个警告，0 个提示；1 个文件不是年度报告，未检查\n"
    proc = run_cli("check", "README.md", "--output-format", "json", cwd=office["root"])  # named: checked as a report
    assert proc.returncode == 1
    assert any(f["code"] == "OG101" for f in json.loads(proc.stdout))


def test_completeness_against_the_manifest(office: dict[str, object]) -> None:
    wb = openpyxl.load_workbook(office["xlsx"])
    rows = _sheet(wb, "报送情况")[1:]
    kinds = Counter(r[0] for r in rows)
    assert kinds == {"未报送": 1, "清单外": 1, "重复报送": 1}
    by_kind = {r[0]: str(r[1]) for r in rows}
    assert "南湖街道办事处" in by_kind["未报送"]
    assert "河西区人民政府-修改稿.txt" in by_kind["清单外"]
    assert "河西区人民政府" in by_kind["重复报送"]
    assert "2个文件" in by_kind["重复报送"]
    text = str(office["text"])
    assert "报送情况（对照清单）" in text
    assert "未报送：清单列有“南湖街道办事处”" in text


def test_per_unit_and_parent_sheets(office: dict[str, object]) -> None:
    wb = openpyxl.load_workbook(office["xlsx"])
    findings = office["findings"]
    units = {r[0]: r for r in _sheet(wb, "各单位")[1:]}
    dong = units["东山县交通运输局"]
    mine = [f for f in findings if "东山县交通运输局" in f["path"]]
    assert dong[1] == "东山县人民政府"
    assert dong[2] == 2
    assert dong[7:10] == tuple(sum(1 for f in mine if f["severity"] == s) for s in ("error", "warning", "info"))
    assert dong[11] == "不通过"
    assert units["兰溪县市场监督管理局"][11] == "通过"
    top = Counter(f["code"] for f in mine).most_common(1)[0][0]
    assert top in dong[10]
    assert "：" in dong[10]
    parents = {r[0]: r for r in _sheet(wb, "各上级单位")[1:]}
    assert set(parents) == {"东山县人民政府"}
    assert parents["东山县人民政府"][2] == 2
    # each finding issuer/year in the JSON
    assert all(f["issuer"] == "东山县交通运输局" and f["year"] in (2022, 2023) for f in mine)


def test_indicators_from_the_tables(office: dict[str, object]) -> None:
    wb = openpyxl.load_workbook(office["xlsx"])
    rows = {(r[0], r[1]): r for r in _sheet(wb, "指标")[1:]}
    t = YAML(typ="safe").load((EXAMPLES / "qinghe-district-government-2023.yaml").read_text(encoding="utf-8"))
    req, rev = t["tables"]["requests"], t["tables"]["review_litigation"]
    disclosed = (req["granted"]["total"] + req["partially_granted"]["total"]) / req["total_processed"]["total"]
    row = rows[("清河区人民政府", 2023)]
    assert row[2] == f"{disclosed * 100:.1f}%"
    if rev["review"]["total"]:
        assert row[3] == f"{rev['review']['corrected'] / rev['review']['total'] * 100:.1f}%"
    suits = rev["direct_suit"]["total"] + rev["suit_after_review"]["total"]
    assert row[4] == f"{suits / req['total_processed']['total'] * 100:.1f}%"


def test_trend_sheet_for_an_organ_with_two_years(office: dict[str, object]) -> None:
    wb = openpyxl.load_workbook(office["xlsx"])
    rows = _sheet(wb, "年度趋势")
    assert rows[0][:3] == ("单位", "2022年错误数", "2023年错误数")
    dong = next(r for r in rows if r[0] == "东山县交通运输局")
    per_year = Counter(f["year"] for f in office["findings"] if "东山县" in f["path"] and f["severity"] == "error")
    assert dong[1:3] == (per_year[2022], per_year[2023])


def _ids_and_names() -> tuple[set[str], set[str]]:
    from opengov_lint.knowledge.catalog import layouts
    from opengov_lint.registry.rules import all_rules

    ids: set[str] = set()
    for lay in layouts().values():
        for tid, spec in lay.tables.items():
            ids.add(tid)
            for r in spec.rows:
                ids.update(r.path.split("."))
                ids.update(c.id for c in r.columns)
            ids.update(c.id for c in spec.columns)
    return {i for i in ids if "_" in i or len(i) > 5}, {r.name for r in all_rules()}


def _leaks(text: str) -> list[str]:
    ids, names = _ids_and_names()
    words = set(re.findall(r"[A-Za-z_][A-Za-z_-]+", text))
    return sorted(words & (ids | names))


def test_workbook_has_no_ids_or_english_rule_names(office: dict[str, object]) -> None:
    wb = openpyxl.load_workbook(office["xlsx"])
    cells = [str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    assert _leaks("\n".join(cells)) == []
    finding_rows = _sheet(wb, "问题清单")
    assert finding_rows[0][4] == "规则名称"
    assert {r[4] for r in finding_rows[1:] if r[3] == "OG201"} == {"单元格空白"}
    assert any(r[9] == "第三部分" and r[10] == "表三" for r in finding_rows[1:])
    rules = {r[0]: r[1] for r in _sheet(wb, "规则统计")[1:]}
    assert rules["OG303"] == "表三收支不平衡"


def test_findings_sorted_by_severity_then_template_order(office: dict[str, object]) -> None:
    wb = openpyxl.load_workbook(office["xlsx"])
    rows = [r for r in _sheet(wb, "问题清单")[1:] if str(r[0]).endswith("2022/东山县交通运输局.txt")]
    sev = [r[5] for r in rows]
    assert sev == sorted(sev, key=["错误", "警告", "提示"].index)
    errors = [r for r in rows if r[5] == "错误"]
    lines = [r[8] for r in errors]  # in this report the template's order is also the line order
    assert lines == sorted(lines)


def test_json_adds_labels_and_keeps_ids(office: dict[str, object]) -> None:
    f = next(x for x in office["findings"] if x["code"] == "OG201")
    assert f["location"]["table"] == "requests"
    assert f["labels"]["table"] == "表三"
    assert f["labels"]["section"] == "第三部分"
    assert f["labels"]["rule"] == "单元格空白"
    assert f["labels"]["row"].startswith("（三）不予公开")
    assert f["labels"]["column"] == "商业企业"


def test_notices_one_per_unit(office: dict[str, object], tmp_path: Path) -> None:
    findings_file = Path(str(office["xlsx"])).parent / "findings.json"
    proc = run_cli("notice", "--findings", str(findings_file), "-o", str(tmp_path / "通知"), "--sender", "某县政务公开办")
    assert proc.returncode == 0, proc.stderr
    docs = sorted(p.name for p in (tmp_path / "通知").iterdir())
    units = sorted({f["issuer"] for f in office["findings"] if f["severity"] in ("error", "warning")})
    assert len(docs) == len(units)
    assert all(any(d.startswith(u) for d in docs) for u in units)
    assert not any(d.startswith("兰溪县") for d in docs)  # a clean unit gets no notice
    doc = next(p for p in (tmp_path / "通知").iterdir() if p.name.startswith("东山县交通运输局"))
    with zipfile.ZipFile(doc) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    import xml.etree.ElementTree as ET

    body = ET.fromstring(xml.encode("utf-8")).find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body")
    assert body is not None
    assert len(body.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tbl")) == 2
    text = re.sub(r"<[^>]+>", "", xml)
    assert "关于东山县交通运输局2022、2023年度政府信息公开工作年度报告问题整改的通知" in text
    assert "某县政务公开办" in text
    assert "年    月    日" in text
    mine = [f for f in office["findings"] if f["issuer"] == "东山县交通运输局"]
    from xml.sax.saxutils import escape

    for f in mine:  # errors and warnings are to be corrected; info notes are not sent
        assert (escape(f["message"]) in xml) == (f["severity"] != "info"), f["code"]
    assert "第133行 · 第三部分 · 表三" in text  # where to fix it
    assert "空白无法区分“没有发生”与“漏填”" in text  # the basis, from the rule's explanation
    assert _leaks(text) == []


def test_notice_checks_paths_directly(tmp_path: Path) -> None:
    proc = run_cli("notice", str(EXAMPLES / "dongshan-county-transport-2022.txt"),
                   str(EXAMPLES / "lanxi-county-market-regulation-2024.txt"), "-o", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["东山县交通运输局2022年度年报整改通知.docx"]


def test_html_dashboard_in_chromium(office: dict[str, object]) -> None:
    from chromium import driver as chromium_driver

    driver = chromium_driver()
    from selenium.webdriver.common.by import By

    try:
        driver.get(Path(str(office["html"])).as_uri())
        body = driver.find_element(By.TAG_NAME, "body").text
        assert _leaks(body) == []
        assert "各单位情况" in body
        assert "评估指标" in body
        assert "报送情况" in body
        assert driver.find_elements(By.CSS_SELECTOR, "svg.trend polyline.trend-line")
        rows = driver.find_elements(By.CSS_SELECTOR, "tr.report")
        statuses = {r.find_elements(By.TAG_NAME, "td")[-1].text for r in rows}
        assert "不适用" in statuses
        assert "通过" in statuses
        assert "不通过" in statuses
        # OG202 is never a report's worst finding here (each has errors): the filter still finds them
        box = driver.find_element(By.ID, "filter")
        box.send_keys("OG202")
        shown = [r.text for r in rows if r.is_displayed()]
        expected = {_rel(f["path"]) for f in office["findings"] if f["code"] == "OG202"}
        assert len(shown) == len(expected)
        assert all("东山县交通运输局" in s for s in shown)
        box.clear()
        box.send_keys("单元格空白")  # the Chinese rule title searches too
        assert sum(r.is_displayed() for r in rows) == len({f["path"] for f in office["findings"]
                                                          if f["code"] == "OG201"})
        errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
        assert errors == []
    finally:
        driver.quit()
