"""The command line as users and CI see it: exit codes, formats, languages, config errors."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from conftest import EXAMPLES, ROOT, check_json, run_cli

CLEAN = "examples/qinghe-district-government-2023.txt"
DEFECTS = "examples/dongshan-county-transport-2022.txt"


def test_version_and_module_entry() -> None:
    proc = run_cli("--version", process=True)
    assert proc.returncode == 0
    assert proc.stdout.startswith("opengov-lint ")


def test_exit_codes() -> None:
    assert run_cli("check", CLEAN, process=True).returncode == 0  # end to end, as a user runs it
    assert run_cli("check", DEFECTS, process=True).returncode == 1
    assert run_cli("check", DEFECTS, "--fail-on", "never").returncode == 0
    beiyuan = "examples/beiyuan-district-civil-affairs-2020.txt"  # warnings and info only
    assert run_cli("check", beiyuan).returncode == 0
    assert run_cli("check", beiyuan, "--fail-on", "warning").returncode == 1
    assert run_cli("check", CLEAN, "--fail-on", "bogus").returncode == 2
    assert run_cli("check", CLEAN, "--select", "OG77").returncode == 2


def test_selection_by_prefix_name_and_ignore() -> None:
    _, found = check_json(DEFECTS, extra=("--select", "OG3"))
    assert {f["code"] for f in found} == {"OG301", "OG303", "OG304"}
    _, found = check_json(DEFECTS, extra=("--select", "OG3", "--ignore", "requests-balance"))
    assert {f["code"] for f in found} == {"OG301", "OG304"}
    _, found = check_json(DEFECTS, extra=("--ignore", "OG2,OG3"))
    assert not [f for f in found if f["code"][:3] in ("OG2", "OG3")]


def test_json_finding_shape() -> None:
    _, found = check_json(DEFECTS)
    f = next(x for x in found if x["code"] == "OG303")
    # the contract's keys, and (second round, additions only) issuer, year and the Chinese labels of the ids
    assert set(f) == {"code", "name", "severity", "message", "path", "location", "evidence", "issuer", "year", "labels"}
    assert f["labels"]["table"] == "表三"
    assert f["year"] == 2022
    assert set(f["location"]) >= {"line", "page", "section", "table", "row", "column", "excerpt"}
    assert f["name"] == "requests-balance"
    assert f["path"] == DEFECTS
    assert f["location"]["table"] == "requests"
    assert f["location"]["section"] == 3
    assert f["evidence"]["expected"] == 19
    assert f["evidence"]["actual"] == 18
    assert "requests.new_received.total" in f["evidence"]["cells"]
    assert found == sorted(found, key=lambda x: (x["path"], x["location"]["line"] or 0))


def test_jsonl_and_english() -> None:
    proc = run_cli("check", DEFECTS, "--output-format", "jsonl", "--lang", "en")
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert proc.returncode == 1
    assert len(lines) == 6
    og304 = next(x for x in lines if x["code"] == "OG304")
    assert og304["message"].startswith("table 四, '行政复议': total is 0")


def test_text_output_in_chinese() -> None:
    proc = run_cli("check", DEFECTS)
    assert "第三部分 · 表三 · 行“一、本年新收政府信息公开申请数量” · 列“总计”" in proc.stdout
    assert "检查了 1 个文件：4 个错误" in proc.stdout


def test_output_file_written_whole(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    proc = run_cli("check", DEFECTS, "--output-format", "json", "-o", str(out))
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 6


def test_unreadable_and_missing_files_are_findings(tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, found = check_json(str(bad), str(empty), str(tmp_path / "nope.txt"), CLEAN)
    assert code == 1
    by_path = {Path(f["path"]).name: f for f in found}
    assert by_path["broken.docx"]["code"] == "OG901"
    assert "另存为" in by_path["broken.docx"]["message"]
    assert by_path["empty.txt"]["evidence"]["reason"] == "empty"
    assert by_path["nope.txt"]["code"] == "OG901"
    assert not [f for f in found if f["path"] == CLEAN]


def test_inputs_never_modified(tmp_path: Path) -> None:
    files = [p for p in EXAMPLES.rglob("*") if p.is_file() and "__pycache__" not in p.parts]  # plugin/ too
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    run_cli("check", "examples/")
    run_cli("convert", DEFECTS, "-o", str(tmp_path / "x.yaml"))
    assert before == {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def test_convert_roundtrip_same_cell_and_arithmetic_findings(tmp_path: Path) -> None:
    for name in ("dongshan-county-transport-2022.txt", "beiyuan-district-civil-affairs-2020.txt"):
        for fmt in ("yaml", "json"):
            out = tmp_path / f"{name}.{fmt}"
            assert run_cli("convert", f"examples/{name}", "--to", fmt, "-o", str(out)).returncode == 0
            _, a = check_json(f"examples/{name}", extra=("--select", "OG2,OG3"))
            _, b = check_json(str(out), extra=("--select", "OG2,OG3"))
            def key(f):
                return (f["code"], f["location"]["row"], f["location"]["column"], json.dumps(f["evidence"]))
            assert sorted(map(key, a)) == sorted(map(key, b))
            assert a


def test_convert_refuses_to_overwrite_input() -> None:
    assert run_cli("convert", CLEAN, "-o", CLEAN).returncode == 2


def test_rules_and_explain() -> None:
    proc = run_cli("rules", "--output-format", "json")
    rules = json.loads(proc.stdout)
    assert {"OG101", "OG208", "OG304", "OG901"} <= {r["code"] for r in rules}
    assert all({"code", "name", "severity", "templates", "summary"} <= set(r) for r in rules)
    proc = run_cli("explain", "requests-balance")
    assert proc.returncode == 0
    assert "第一项加第二项之和" in proc.stdout
    assert "OG303" in proc.stdout
    assert run_cli("explain", "OG000").returncode == 2


def test_config_file_discovery_and_errors(tmp_path: Path) -> None:
    (tmp_path / ".opengov-lint.yaml").write_text("ignore: [OG3]\nseverity: {OG201: warning}\n", encoding="utf-8")
    target = str(ROOT / DEFECTS)
    _code, found = check_json(target, cwd=tmp_path)
    assert not [f for f in found if f["code"].startswith("OG3")]
    assert next(f for f in found if f["code"] == "OG201")["severity"] == "warning"
    (tmp_path / ".opengov-lint.yaml").write_text("ignroe: [OG3]\n", encoding="utf-8")
    proc = run_cli("check", target, cwd=tmp_path)
    assert proc.returncode == 2
    assert "ignroe" in proc.stderr
    assert "allowed keys" in proc.stderr
    (tmp_path / ".opengov-lint.yaml").unlink()
    (tmp_path / "pyproject.toml").write_text('[tool.opengov-lint]\nfail-on = "sometimes"\n', encoding="utf-8")
    proc = run_cli("check", target, cwd=tmp_path)
    assert proc.returncode == 2
    assert "fail-on" in proc.stderr
    assert "pyproject.toml" in proc.stderr


def test_stdin(tmp_path: Path) -> None:
    data = (ROOT / DEFECTS).read_bytes()
    proc = run_cli("check", "-", "--output-format", "json", stdin=data, process=True)
    assert proc.returncode == 1
    assert {f["path"] for f in json.loads(proc.stdout)} == {"<stdin>"}


def test_parallel_equals_serial() -> None:
    _, one = check_json("examples/", extra=("--jobs", "1"))
    proc = run_cli("check", "examples/", "--output-format", "json", "--jobs", "2", process=True)
    assert json.loads(proc.stdout) == one
