"""One parametrised runner for every rule's case file (tests/rules/cases/<name>.yaml), sqlfluff-style.

A case starts from a base report (one of examples/) or inline text, applies edits (`replace` on the
text, or `set`/`delete` on the canonical structure), runs only the rule under test, and compares the
rule's findings with `expect` (each expected item is matched against code/severity/location/evidence
keys; the number of findings must be equal)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from helpers import batch_findings, findings
from ruamel.yaml import YAML

from opengov_lint.registry.rules import builtin_rules

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).parent / "cases"


def _load_cases() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    out = []
    for f in sorted(CASES.glob("*.yaml")):
        spec = YAML(typ="safe").load(f.read_text(encoding="utf-8"))
        out += [(f.stem, spec, case) for case in spec["cases"]]
    return out


def _set(node: Any, dotted: str, value: Any, delete: bool = False) -> None:
    parts: list[Any] = [int(p) if p.isdigit() else p for p in dotted.split(".")]
    for p in parts[:-1]:
        node = node[p]
    if delete:
        del node[parts[-1]]
    else:
        node[parts[-1]] = value


def _input(case: dict[str, Any]) -> tuple[bytes, str]:
    if "text" in case:
        return case["text"].encode("utf-8"), case.get("name_as", "case.txt")
    base = ROOT / case["base"]
    text = base.read_text(encoding="utf-8")
    for rep in case.get("replace", []):
        old, new = rep[0], rep[1]
        assert old in text, f"replace target not in base: {old!r}"
        text = text.replace(old, new, rep[2] if len(rep) > 2 else -1)
    if "set" in case or "delete" in case:
        data = copy.deepcopy(YAML(typ="safe").load(text))
        for k, v in (case.get("set") or {}).items():
            _set(data, k, v)
        for k in case.get("delete") or []:
            _set(data, k, None, delete=True)
        return json.dumps(data, ensure_ascii=False).encode("utf-8"), "case.json"
    return text.encode("utf-8"), base.name


def _flat(f: Any) -> dict[str, Any]:
    d = f.to_dict()
    flat = {"code": d["code"], "severity": d["severity"], "message": d["message"], "path": d["path"], **d["location"]}
    flat.update({f"evidence.{k}": v for k, v in d["evidence"].items()})
    return flat


@pytest.mark.parametrize(("rule", "spec", "case"), _load_cases(), ids=lambda x: x if isinstance(x, str) else
                         x.get("name", "") if isinstance(x, dict) and "name" in x else "")
def test_rule_case(rule: str, spec: dict[str, Any], case: dict[str, Any], tmp_path: Path) -> None:
    code = spec["code"]
    if "batch" in case:  # several documents checked together (cross-document rules)
        docs = []
        for i, doc in enumerate(case["batch"]):
            data, name = _input(doc)
            alias = Path(doc.get("as", f"{i}-{name}"))
            # inline text keeps its alias; edited bases keep the suffix of their actual content (.json/.txt)
            docs.append((alias.name if "text" in doc else alias.stem + Path(name).suffix, data))
        got = [f for f in batch_findings(docs, [code], str(tmp_path), case.get("manifest")) if f.code == code]
        for f in got:
            f.path = Path(f.path).name
            for k, v in f.evidence.items():  # other documents of the batch, by file name
                if isinstance(v, str) and str(tmp_path) in v:
                    f.evidence[k] = Path(v).name
                elif isinstance(v, list):
                    f.evidence[k] = [Path(x).name if isinstance(x, str) and str(tmp_path) in x else x for x in v]
    else:
        data, name = _input(case)
        extra = {k: case[k] for k in ("year", "issuer_kind", "lang") if k in case}
        got = [f for f in findings(data, name, select=[code], **extra) if f.code == code]
    expected = case.get("expect") or []
    flat = [_flat(f) for f in got]
    assert len(got) == len(expected), f"{case['name']}: expected {len(expected)} finding(s), got {flat}"
    remaining = list(flat)
    for exp in expected:
        match = next((g for g in remaining if all(
            (k == "message_contains" and v in g["message"]) or g.get(k) == v for k, v in exp.items())), None)
        assert match is not None, f"{case['name']}: no finding matches {exp}; got {remaining}"
        remaining.remove(match)


def test_every_rule_has_cases_docs_and_profile() -> None:
    from opengov_lint.knowledge.catalog import profile_rules

    prof = profile_rules("default")
    files = {p.stem: YAML(typ="safe").load(p.read_text(encoding="utf-8")) for p in CASES.glob("*.yaml")}
    by_code = {spec["code"]: spec for spec in files.values()}
    for rule in builtin_rules():
        assert rule.doc.count("\n") >= 3, f"{rule.code} needs a docstring (what/why/examples/fix)"
        assert "Why" in rule.doc, f"{rule.code} docstring lacks Why/Fix"
        assert "Fix" in rule.doc, f"{rule.code} docstring lacks Why/Fix"
        assert prof.get(rule.code) == rule.severity, f"{rule.code} default profile severity"
        if rule.code in ("OG999",):
            continue
        spec = by_code.get(rule.code)
        assert spec is not None, f"{rule.code} has no case file in tests/rules/cases/"
        assert spec["rule"] == rule.name
        kinds = {bool(c.get("expect")) for c in spec["cases"]}
        assert kinds == {True, False}, f"{rule.code} needs at least one passing and one failing case"


def test_rules_md_contract(corpus: Path) -> None:
    """Codes, names and severities agree with ../shared/RULES.md (the contract)."""
    import re

    text = (corpus.parent / "RULES.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (OG\d{3}) \| ([a-z0-9-]+) \| (error|warning|info) \|", text, flags=re.MULTILINE)
    assert len(rows) >= 40
    ours = {r.code: r for r in builtin_rules()}
    for code, name, sev in rows:
        if code in ours:
            assert ours[code].name == name, code
            assert ours[code].severity == sev, code
    implemented = [c for c, _, _ in rows if c.startswith(("OG1", "OG2", "OG3", "OG9"))]
    assert all(c in ours for c in implemented), set(implemented) - set(ours)
