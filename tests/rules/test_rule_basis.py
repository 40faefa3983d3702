"""Every registered rule states the basis it rests on (issue 13 item 4), as a structured field: a law
article or item that exists in the catalogue, a format notice that exists, a named standard — or it says
plainly that it is provincial guidance, assessment practice, this tool's own judgement or a reading
diagnostic. `explain` shows it."""

from __future__ import annotations

import re

import pytest

from opengov_lint.knowledge.catalog import documents, law
from opengov_lint.registry.ruledoc import BASIS_KINDS, render
from opengov_lint.registry.rules import builtin_rules

STANDARDS = {"GB/T 9704-2012": "党政机关公文格式", "DB51/T 2660-2019": "四川省地方标准"}
OTHER_LAWS = {"立法法": "中华人民共和国立法法"}  # laws outside the catalogue a rule may rest on
_LAW_REF = re.compile(r"^(2007|2019):(\d{1,2})(?:\.(\d{1,2}))?$")


def _ref_exists(ref: str) -> bool:
    m = _LAW_REF.match(ref)
    if m:
        art = law(m.group(1)).article(int(m.group(2)))
        return art is not None and (m.group(3) is None or art.item(int(m.group(3))) is not None)
    docs = documents()
    if ref in {f["id"] for f in docs["formats"]}:
        return True
    return (ref == "fee_measures" and "fee_measures" in docs) or ref in STANDARDS or ref in OTHER_LAWS


@pytest.mark.parametrize("rule", builtin_rules(), ids=lambda r: r.code)
def test_every_rule_states_an_existing_basis(rule) -> None:  # type: ignore[no-untyped-def]
    b = rule.basis
    assert b, f"{rule.code} has no BASIS"
    assert b["kind"] in BASIS_KINDS, (rule.code, b["kind"])
    assert b.get("zh"), rule.code
    assert b.get("en"), rule.code
    refs = b.get("refs", [])
    missing = [r for r in refs if not _ref_exists(r)]
    assert not missing, f"{rule.code} cites what does not exist: {missing}"
    if b["kind"] == "law":
        assert any(_LAW_REF.match(r) or r in OTHER_LAWS for r in refs), f"{rule.code}: a law basis names its law"
    if b["kind"] == "format":
        assert any(r.startswith("format_") for r in refs), f"{rule.code}: a format basis names the notice"
    if b["kind"] == "standard":
        assert any(r in STANDARDS for r in refs), rule.code


def test_law_refs_are_checked_against_the_catalogue() -> None:
    assert _ref_exists("2019:50.4")
    assert _ref_exists("2007:31")
    assert _ref_exists("format_2021")
    assert not _ref_exists("2019:57")
    assert not _ref_exists("2019:20.16")
    assert not _ref_exists("format_2018")


@pytest.mark.parametrize("code", ["OG201", "OG603", "OG502", "OG406"])
def test_explain_shows_the_basis_plainly(code: str) -> None:
    rule = next(r for r in builtin_rules() if r.code == code)
    page = render(rule)
    line = next(x for x in page.splitlines() if x.startswith("| 依据 / basis |"))
    label = BASIS_KINDS[rule.basis["kind"]][0]
    assert label in line
    assert rule.basis["zh"] in line
    if code in ("OG201", "OG603"):
        assert "非法定要求" in line  # the format has no "every cell" clause; 50 % is this tool's default
    if code == "OG502":
        assert "非国家规定" in line
