"""What the OG4xx/OG5xx rules promise besides their case files: `explain` quotes the article or template
element each rule rests on, every message renders in English, the dates and years they use are read
from real signature lines and crawl headers, and `--issuer-kind` changes the 第四十九条 deadline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, run_cli
from helpers import findings, report_from
from ruamel.yaml import YAML

from opengov_lint.knowledge.catalog import law
from opengov_lint.registry.rules import find_rule

CASES = Path(__file__).parent / "cases"
BASIS = {
    "OG401": "国务院令第711号", "OG402": "第二十条", "OG403": "第三十二条第（三）项", "OG404": "第五十六条",
    "OG405": "第四十二条", "OG406": "第五十条第（四）项", "OG407": "以下简称", "OG408": "国办公开办函〔2021〕30号",
    "OG501": "第四十九条", "OG502": "统计期限", "OG503": "第五十条", "OG504": "第五十条", "OG505": "第五十条第（四）项",
    "OG506": "每年1月31日前", "OG507": "第四十九条",
}


@pytest.mark.parametrize("code", sorted(BASIS))
def test_explain_states_the_basis(code: str) -> None:
    rule = find_rule(code)
    assert rule is not None
    assert "依据 / Why" in rule.doc
    assert BASIS[code] in rule.doc
    assert "修改方法 / Fix" in rule.doc


def test_quoted_articles_are_the_catalogue_text() -> None:
    reg = law("2019")

    def doc(code: str) -> str:
        rule = find_rule(code)
        assert rule is not None
        return "".join(rule.doc.split())

    assert (reg.article(49).text or "-") in doc("OG506")
    assert "行政机关依申请提供政府信息，不收取费用。" in (reg.article(42).text or "")
    assert "行政机关依申请提供政府信息，不收取费用。" in doc("OG405")
    clause = "各级人民政府的政府信息公开工作年度报告还应当包括工作考核、社会评议和责任追究结果情况"
    assert clause in (reg.article(50).text or "")
    assert clause in doc("OG406")


def test_explain_command_prints_the_article() -> None:
    proc = run_cli("explain", "late-publication")
    assert proc.returncode == 0
    assert "OG506" in proc.stdout
    assert "3月31日前" in proc.stdout


def _case_input(case: dict[str, Any]) -> tuple[bytes, str]:
    import importlib.util

    spec = importlib.util.spec_from_file_location("rule_cases", Path(__file__).parent / "test_rule_cases.py")
    assert spec is not None
    assert spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod._input(case)  # type: ignore[no-any-return]


def _failing_cases() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for f in sorted(CASES.glob("*.yaml")):
        spec = YAML(typ="safe").load(f.read_text(encoding="utf-8"))
        if spec["code"][:3] in ("OG4", "OG5"):
            out += [(spec["code"], c) for c in spec["cases"] if c.get("expect")]
    return out


@pytest.mark.parametrize(("code", "case"), _failing_cases(), ids=lambda x: x if isinstance(x, str) else x["name"])
def test_messages_render_in_english(code: str, case: dict[str, Any]) -> None:
    data, name = _case_input(case)
    extra = {k: case[k] for k in ("issuer_kind", "year") if k in case}
    got = [f for f in findings(data, name, select=[code], lang="en", **extra) if f.code == code]
    assert got, [f.message for f in got]
    assert all("{" not in f.message and "}" not in f.message for f in got), [f.message for f in got]


def test_signature_and_publication_dates() -> None:
    base = (EXAMPLES / "lanxi-county-market-regulation-2024.txt").read_text(encoding="utf-8")
    r = report_from(base + "\n兰溪县市场监督管理局 二〇二五年一月十七日\n")
    assert r.meta.extra["signed"] == "2025-01-17"
    r = report_from("发布时间：2025-01-20 10:30\n成文日期：2025-01-15\n" + base)
    assert (r.meta.published, r.meta.extra["signed"]) == ("2025-01-20", "2025-01-15")
    r = report_from(base.replace("本局未发出收费通知。", "本局未发出收费通知。\n截至2024年12月31日，共公开信息427条。"))
    assert "signed" not in r.meta.extra  # a sentence ending with a date is not a signature


def test_report_year_from_the_publication_date() -> None:
    r = report_from("发布日期：2024-01-15\n某某局政府信息公开工作年度报告\n一、总体情况\n我局推进政府信息公开工作。\n")
    assert (r.meta.year, r.meta.year_source) == (2023, "published")


def test_issuer_kind_option_changes_the_deadline() -> None:
    path = "examples/qinghe-district-government-2023.txt"
    proc = run_cli("check", "--output-format", "json", "--select", "OG506", "--jobs", "1", path)
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == []
    proc = run_cli("check", "--output-format", "json", "--select", "OG506", "--jobs", "1",
                   "--issuer-kind", "department", "--lang", "en", path)
    (f,) = json.loads(proc.stdout)
    assert f["evidence"]["deadline"] == "2024-01-31"
    assert "department" in f["message"]
