"""Configuration as projects use it: extends (files and packaged profiles), per-file-ignores, exclude,
rule packs, and exit 2 naming the file, the key and what is allowed for every bad key or value."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, check_json, run_cli

DEFECTS = str(ROOT / "examples" / "dongshan-county-transport-2022.txt")
BEIYUAN = str(ROOT / "examples" / "beiyuan-district-civil-affairs-2020.txt")
CLEAN = str(ROOT / "examples" / "qinghe-district-government-2023.txt")


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _usage_error(*args: str, cwd: Path | str = ROOT) -> str:
    proc = run_cli("check", *args, cwd=cwd)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    return proc.stderr


def test_extends_a_packaged_profile(tmp_path: Path) -> None:
    _, plain = check_json(BEIYUAN, cwd=tmp_path)
    _write(tmp_path / ".opengov-lint.yaml", "extends: strict\n")
    _, strict = check_json(BEIYUAN, cwd=tmp_path)
    sev = {f["code"]: f["severity"] for f in plain}
    sev_strict = {f["code"]: f["severity"] for f in strict}
    assert sev["OG103"] == "warning"
    assert sev_strict["OG103"] == "error"
    assert sev["OG208"] == "info"
    assert sev_strict["OG208"] == "warning"
    assert sev_strict["OG206"] == "error"  # strict: every unit in a cell is an error
    assert run_cli("check", BEIYUAN, cwd=tmp_path).returncode == 1  # strict errors fail the run


def test_extends_a_file_merges_and_the_child_wins(tmp_path: Path) -> None:
    _write(tmp_path / "team.yaml", "ignore: [OG3]\nseverity: {OG201: warning, OG202: error}\n")
    _write(tmp_path / ".opengov-lint.yaml", "extends: team.yaml\nignore: [OG304]\nseverity: {OG202: info}\n")
    _, found = check_json(DEFECTS, cwd=tmp_path)
    codes = {f["code"]: f["severity"] for f in found}
    assert not [c for c in codes if c.startswith("OG3")]
    assert codes["OG201"] == "warning"
    assert codes["OG202"] == "info"


def test_extends_errors(tmp_path: Path) -> None:
    _write(tmp_path / "a.yaml", "extends: b.yaml\n")
    _write(tmp_path / "b.yaml", "extends: a.yaml\n")
    err = _usage_error(DEFECTS, "--config", str(tmp_path / "a.yaml"))
    assert "extends" in err
    assert "cycle" in err
    _write(tmp_path / "c.yaml", "extends: stricter\n")
    err = _usage_error(DEFECTS, "--config", str(tmp_path / "c.yaml"))
    assert "c.yaml: extends:" in err
    assert "default, strict" in err
    _write(tmp_path / "d.yaml", "extends: b.yaml\n")
    _write(tmp_path / "b.yaml", "fail-on: sometimes\n")
    err = _usage_error(DEFECTS, "--config", str(tmp_path / "d.yaml"))
    assert "b.yaml: fail-on" in err
    assert "'error'" in err


def test_per_file_ignores_and_exclude(tmp_path: Path) -> None:
    cfg = _write(tmp_path / "cfg.yaml", f"""
per-file-ignores:
  "dongshan-*.txt": [OG201, requests-balance]
  "{ROOT}/examples/*.yaml": OG3
exclude: ["lanxi-*", "songlin-county-*"]
""")
    _, found = check_json(str(ROOT / "examples"), extra=("--config", str(cfg)), cwd=tmp_path)
    by = {(Path(f["path"]).name, f["code"]) for f in found}
    assert ("dongshan-county-transport-2022.txt", "OG201") not in by
    assert ("dongshan-county-transport-2022.txt", "OG303") not in by
    assert ("dongshan-county-transport-2022.txt", "OG301") in by  # only what was listed is ignored
    assert ("dongshan-county-transport-2022.yaml", "OG201") in by
    # an absolute glob
    assert not [f for f in found if f["path"].endswith(".yaml") and f["code"].startswith("OG3")]
    proc = run_cli("check", str(ROOT / "examples"), "--config", str(cfg), "--output-format", "junit", cwd=tmp_path)
    names = {Path(line.split('name="')[1].split('"')[0]).name for line in proc.stdout.splitlines()
             if "<testcase" in line}
    assert names
    assert not [n for n in names if n.startswith("lanxi-")]
    # a file named directly is excluded too (pre-commit names files one by one)
    err = _usage_error(str(ROOT / "examples" / "lanxi-county-market-regulation-2024.txt"), "--config", str(cfg),
                       cwd=tmp_path)
    assert "no report files" in err


@pytest.mark.parametrize(("text", "expect"), [
    ("per-file-ignores: {'*.txt': [OG77]}", ["per-file-ignores.*.txt", "OG77"]),
    ("severity: {OG201: fatal}", ["severity.OG201", "'error', 'warning' or 'info'"]),
    ("options: {OG201: {threshold: 2}}", ["options.OG201", "has no options"]),
    ("options: {OG777: {}}", ["options.OG777", "not a rule"]),
    ("suppressions: [{path: '*.txt', codes: [OG201]}]", ["suppressions.0.reason", "Field required"]),
    ("suppressions: [{path: '*.txt', codes: [OG201], reason: ' '}]", ["suppressions.0.reason", "needs a reason"]),
    ("suppressions: [{path: '*.txt', code: OG201, reason: x}]", ["suppressions.0.code", "allowed keys: cell, codes"]),
    ("packs: [no-such-pack]", ["packs", "example-province"]),
    ("exclude: '*.txt'", ["exclude", "list"]),
    ("output-format: pdf", ["output-format", "'sarif'"]),
])
def test_bad_values_name_file_key_and_what_is_allowed(tmp_path: Path, text: str, expect: list[str]) -> None:
    cfg = _write(tmp_path / "bad.yaml", text + "\n")
    err = _usage_error(DEFECTS, "--config", str(cfg))
    assert "bad.yaml" in err or "no-such-pack" in err, err
    for e in expect:
        assert e in err, (e, err)


PACK = """schema: opengov-lint/pack/1
name: test-pack
description: 测试规则包
prefix: TP
rules:
  - code: TP001
    name: fee-law-cited
    kind: required-mention
    severity: error
    summary: {zh: 第六部分须引用信息处理费管理办法, en: Section 6 must cite the fee measures}
    any: [信息处理费管理办法]
    sections: [6]
  - code: TP002
    name: no-review-words
    kind: forbidden-mention
    summary: {zh: 不得出现“复议”, en: must not say 复议}
    patterns: ['行政复[议]']
  - code: TP003
    name: granted-twice
    kind: sum
    summary: {zh: 予以公开等于予以公开, en: granted equals itself}
    total: 'requests.granted.{column}'
    parts: ['requests.new_received.{column}']
    columns: [natural_person, total]
"""


def test_a_rule_pack_from_a_file(tmp_path: Path) -> None:
    _write(tmp_path / "pack.yaml", PACK)
    cfg = _write(tmp_path / "cfg.yaml", "packs: [pack.yaml]\nselect: [TP]\n")
    _, found = check_json(CLEAN, DEFECTS, extra=("--config", str(cfg)))
    clean = [f for f in found if f["path"] == CLEAN]
    assert {f["code"] for f in clean} == {"TP002", "TP003"}  # qinghe cites the fee measures in section 六
    tp003 = sorted((f["location"]["column"], f["evidence"]["expected"], f["evidence"]["actual"])
                   for f in clean if f["code"] == "TP003")
    assert tp003 == [("natural_person", 412, 198), ("total", 452, 218)]
    assert all(f["location"]["row"] == "granted" for f in clean if f["code"] == "TP003")
    tp002 = [f for f in clean if f["code"] == "TP002"]
    assert tp002
    assert all(f["location"]["line"] and f["evidence"]["found"] == "行政复议" for f in tp002)
    dongshan = {f["code"] for f in found if f["path"] == DEFECTS}
    assert "TP001" in dongshan
    assert next(f for f in found if f["code"] == "TP001")["severity"] == "error"
    listed = run_cli("rules", "--output-format", "json", "--config", str(cfg)).stdout
    assert '"code": "TP003"' in listed
    assert '"source": "pack:test-pack"' in listed
    explained = run_cli("explain", "granted-twice", "--config", str(cfg))
    assert explained.returncode == 0
    assert "# TP003 granted-twice" in explained.stdout


@pytest.mark.parametrize(("edit", "expect"), [
    (("prefix: TP", "prefix: OG"), ["prefix", "reserved"]),
    (("kind: sum", "kind: total"), ["rules.2.kind", "'required-mention', 'forbidden-mention' or 'sum'"]),
    (("code: TP002", "code: XX002"), ["rules.1.code", "prefix 'TP'"]),
    (("patterns: ['行政复[议]']", "patterns: ['行政复[议']"), ["rules.1.patterns", "regular expression"]),
    (("    sections: [6]", "    sections: [6]\n    section: 6"), ["rules.0.section", "allowed keys:"]),
    (("name: granted-twice", "name: section-missing"), ["reuses the name"]),
])
def test_bad_rule_packs_are_usage_errors(tmp_path: Path, edit: tuple[str, str], expect: list[str]) -> None:
    assert edit[0] in PACK
    _write(tmp_path / "pack.yaml", PACK.replace(edit[0], edit[1]))
    cfg = _write(tmp_path / "cfg.yaml", "packs: [pack.yaml]\n")
    err = _usage_error(CLEAN, "--config", str(cfg))
    for e in expect:
        assert e in err, (e, err)


def test_the_example_pack_is_valid_and_documented() -> None:
    from opengov_lint.registry.packs import load_pack, packaged_packs

    assert "example-province" in packaged_packs()
    rules = load_pack("example-province")
    assert [r.code for r in rules] == ["XP001", "XP002", "XP003"]
    assert {r.extra["kind"] for r in rules} == {"required-mention", "forbidden-mention", "sum"}
    assert all("Why" in r.doc and "Fix" in r.doc for r in rules)
