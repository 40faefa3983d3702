"""Batch audits: many files, lists, globs, URLs, time limits, parallel/Dask equality, office outputs."""

from __future__ import annotations

import csv
import http.server
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, check_json, run_cli
from ruamel.yaml import YAML

QINGHE = EXAMPLES / "qinghe-district-government-2023.yaml"


def make_series(folder: Path, units: int = 3, years: tuple[int, ...] = (2022, 2023, 2024)) -> list[Path]:
    """Canonical reports of several fictional units over several years, consistent carry-over."""
    base = YAML(typ="safe").load(QINGHE.read_text(encoding="utf-8"))
    out = []
    for u in range(units):
        name = f"第{u + 1}街道办事处"
        prev_forward = None
        in_force = 30
        for y in years:
            d = json.loads(json.dumps(base))
            d["meta"].update({"issuer": name, "year": y, "title": f"{name}{y}年政府信息公开工作年度报告"})
            req = d["tables"]["requests"]
            if prev_forward is not None:
                req["carried_over"] = dict(prev_forward)
                # keep R1 true: 一 + 二 = 七 + 四  -> adjust 四 by the change in 二
                for col, v in prev_forward.items():
                    req["carried_forward"][col] = req["new_received"][col] + v - req["total_processed"][col]
            prev_forward = dict(req["carried_forward"])
            nd = d["tables"]["active_disclosure"]["normative_documents"]
            in_force += nd["issued"] - nd["repealed"]
            nd["in_force"] = in_force
            p = folder / f"unit{u + 1}-{y}.json"
            p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
            out.append(p)
    return out


def test_series_is_consistent_and_planted_breaks_are_found(tmp_path: Path) -> None:
    files = make_series(tmp_path)
    code, found = check_json(str(tmp_path), extra=("--select", "OG601,OG602,OG3"))
    assert found == []
    assert code == 0
    # plant a carry-over break and an in-force chain break in unit 2's 2024 report
    p = tmp_path / "unit2-2024.json"
    d = json.loads(p.read_text(encoding="utf-8"))
    d["tables"]["requests"]["carried_over"]["natural_person"] += 1
    d["tables"]["requests"]["new_received"]["natural_person"] -= 1  # keep R1/R2 balanced inside the year
    d["tables"]["requests"]["new_received"]["total"] -= 1
    d["tables"]["requests"]["carried_over"]["total"] += 1
    d["tables"]["active_disclosure"]["normative_documents"]["in_force"] += 3
    p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    code, found = check_json(str(tmp_path), extra=("--select", "OG601,OG602,OG3"))
    got = sorted((Path(f["path"]).name, f["code"], f["location"]["row"], f["location"]["column"]) for f in found)
    assert got == [("unit2-2024.json", "OG601", "carried_over", "natural_person"),
                   ("unit2-2024.json", "OG601", "carried_over", "total"),
                   ("unit2-2024.json", "OG602", "normative_documents", "in_force")]
    assert code == 1
    assert len(files) == 9


def test_jobs_1_2_and_dask_give_the_same_findings(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    for p in EXAMPLES.iterdir():
        if p.suffix in (".txt", ".yaml"):
            for i in range(3):
                shutil.copy(p, tmp_path / f"{i}-{p.name}")
    _, one = check_json(str(tmp_path), extra=("--jobs", "1"))
    _, two = check_json(str(tmp_path), extra=("--jobs", "2"))
    assert one == two
    assert len(one) > 50
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        _, dask = check_json(str(tmp_path), extra=("--executor", "dask", "--scheduler", cluster.scheduler_address))
    finally:
        cluster.close()
    assert dask == one


def test_from_list_include_exclude(tmp_path: Path) -> None:
    lst = tmp_path / "list.txt"
    lst.write_text("# reports to check\n" + str(EXAMPLES / "dongshan-county-transport-2022.txt") + "\n\n"
                   + str(EXAMPLES / "songlin-town-government-2020.yaml") + "\n", encoding="utf-8")
    _, found = check_json(extra=("--from-list", str(lst)))
    assert {Path(f["path"]).name for f in found} == {"dongshan-county-transport-2022.txt"}
    proc = run_cli("check", "examples/", "--include", "*.yaml", "--exclude", "dongshan*", "--output-format", "json")
    paths = {Path(f["path"]).name for f in json.loads(proc.stdout)}
    assert paths == {"beiyuan-district-civil-affairs-2020.yaml"}


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/redirect-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        if self.path == "/big.txt":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"x" * 300_000)
            return
        super().do_GET()


def test_urls_fetched_with_limits(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "dongshan-county-transport-2022.txt", tmp_path / "report.txt")
    def handler(*a, **k):
        return _Handler(*a, directory=str(tmp_path), **k)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    cfg = tmp_path / "cfg.yaml"
    cfg.write_text("max-bytes: 200000\n", encoding="utf-8")
    try:
        _code, refused = check_json(f"{base}/report.txt", extra=("--config", str(cfg)))
        assert [(f["code"], f["evidence"]["reason"]) for f in refused] == [("OG901", "private-address")]
        cfg.write_text("max-bytes: 200000\nallow-private-urls: true\n", encoding="utf-8")
        _code, found = check_json(f"{base}/report.txt", f"{base}/missing.txt", f"{base}/redirect-file",
                                 f"{base}/big.txt", extra=("--config", str(cfg)))
    finally:
        server.shutdown()
    by = {}
    for f in found:
        by.setdefault(f["path"].rsplit("/", 1)[1], []).append(f)
    assert {f["code"] for f in by["report.txt"]} >= {"OG301", "OG303"}
    assert by["missing.txt"][0]["code"] == "OG901"
    assert by["missing.txt"][0]["evidence"]["reason"] == "http-error"
    assert by["redirect-file"][0]["code"] == "OG901"
    assert by["big.txt"][0]["evidence"]["reason"] == "size-limit"


def test_per_file_time_limit_is_a_finding() -> None:
    # a real process: in process the catalogue is already loaded and the file may be checked within 0.5 ms
    code, found = check_json("examples/qinghe-district-government-2023.txt", extra=("--timeout", "0.0005"),
                             process=True)
    assert code == 1
    assert found[0]["code"] == "OG901"
    assert found[0]["evidence"]["reason"] == "timeout"


def test_xlsx_has_three_sheets(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "audit.xlsx"
    proc = run_cli("check", "examples/", "--output-format", "xlsx", "-o", str(out))
    assert proc.returncode == 1
    assert out.exists()
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:3] == ["汇总", "问题清单", "规则统计"]
    assert "各单位" in wb.sheetnames
    summary = list(wb["汇总"].iter_rows(values_only=True))
    assert summary[0][:6] == ("文件", "发布机关", "机关类型", "年度", "格式", "模板")
    assert len(summary) == 11
    dong = next(r for r in summary if str(r[0]).endswith("dongshan-county-transport-2022.txt"))
    assert dong[6:9] == (4, 2, 0)
    assert dong[10] == "不通过"
    findings = list(wb["问题清单"].iter_rows(values_only=True))
    _, expected = check_json("examples/")
    assert findings[0][3] == "规则代码"
    assert len(findings) == 1 + len(expected)
    assert sorted(r[3] for r in findings[1:]) == sorted(f["code"] for f in expected)
    assert wb["问题清单"].freeze_panes == "A2"
    assert wb["问题清单"].auto_filter.ref.startswith("A1:")
    rules = {r[0]: r[3] for r in wb["规则统计"].iter_rows(min_row=2, values_only=True)}
    assert rules["OG103"] == 10


def test_csv_output() -> None:
    proc = run_cli("check", "examples/", "--output-format", "csv")
    rows = list(csv.reader(io.StringIO(proc.stdout.lstrip("\ufeff"))))
    _, expected = check_json("examples/")
    assert rows[0][:4] == ["文件", "发布机关", "年度", "规则代码"]
    assert len(rows) == 1 + len(expected)
    assert sorted((r[0], r[3], r[8]) for r in rows[1:]) == sorted(
        (f["path"], f["code"], str(f["location"]["line"] or "")) for f in expected)
    rank = {"错误": 0, "警告": 1, "提示": 2}  # per file: errors first (then the template's order)
    for path in {r[0] for r in rows[1:]}:
        ranks = [rank[r[5]] for r in rows[1:] if r[0] == path]
        assert ranks == sorted(ranks), path


def test_aggregate_command(tmp_path: Path) -> None:
    out = tmp_path / "region.yaml"
    proc = run_cli("aggregate", "examples/qinghe-district-government-2023.yaml",
                   "examples/lanxi-county-market-regulation-2024.yaml", "-o", str(out), "--issuer", "清河区")
    assert proc.returncode == 0, proc.stderr
    d = YAML(typ="safe").load(out.read_text(encoding="utf-8"))
    assert d["tables"]["requests"]["new_received"]["total"] == 452 + 44
    assert d["tables"]["review_litigation"]["review"]["total"] == 5 + 1
    proc = run_cli("aggregate", "examples/qinghe-district-government-2023.yaml",
                   "examples/dongshan-county-transport-2022.txt", "-o", str(out))
    assert proc.returncode == 1
    assert "不按0计算" in proc.stderr
    d = YAML(typ="safe").load(out.read_text(encoding="utf-8"))
    assert d["tables"]["requests"]["withheld"]["prohibited_by_law"]["commercial"] is None
    assert d["tables"]["requests"]["withheld"]["prohibited_by_law"]["natural_person"] == 0


def test_ctrl_c_stops_cleanly(tmp_path: Path) -> None:
    make_series(tmp_path, units=100)
    out = tmp_path / "out.json"
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "opengov_lint", "check", str(tmp_path), "--jobs", "2",
                             "--output-format", "json", "-o", str(out)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(2.0)
    proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    if proc.returncode == 130:  # the output holds the files checked so far, as valid JSON (CONTRACT)
        assert "中断" in err.decode("utf-8")
        got = json.loads(out.read_text(encoding="utf-8"))
        assert {Path(f["path"]).parent for f in got} <= {tmp_path}
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".opengov-lint-")]
    else:  # the batch finished before the signal arrived: it must then be complete
        assert proc.returncode in (0, 1)
        assert out.exists()


def test_real_multi_year_series(corpus: Path, tmp_path: Path) -> None:
    """洪泽区人民政府 2023 and 2024 (written with and without 淮安市): one organ, consecutive years. Their
    carry-over and in-force chains are consistent (5 in force + 3 issued − 0 repealed = 8); a planted
    break in the 2024 report is found, on that report's 二、上年结转 row."""
    y2023, y2024 = corpus / "001_huaian-hongze-district-2023.pdf", corpus / "002_huaian-hongze-district-2024.pdf"
    code, found = check_json(str(y2023), str(y2024), extra=("--select", "OG601,OG602"))
    assert found == []
    planted = tmp_path / "hongze-2024.yaml"
    assert run_cli("convert", str(y2024), "-o", str(planted)).returncode == 0
    data = YAML(typ="safe").load(planted.read_text(encoding="utf-8"))
    data["tables"]["requests"]["carried_over"]["natural_person"] = 2
    data["tables"]["active_disclosure"]["normative_documents"]["in_force"] = 9
    planted.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    planted = planted.rename(planted.with_suffix(".json"))
    code, found = check_json(str(y2023), str(planted), extra=("--select", "OG601,OG602"))
    got = sorted((f["code"], f["location"]["row"], f["location"]["column"], f["evidence"]["expected"],
                  f["evidence"]["actual"]) for f in found)
    assert got == [("OG601", "carried_over", "natural_person", 0, 2),
                   ("OG602", "normative_documents", "in_force", 8, 9)]
    assert {f["path"] for f in found} == {str(planted)}
    assert code == 1


def test_output_file_is_streamed_then_renamed_into_place(tmp_path: Path) -> None:
    """-o writes through a temporary file beside the target (memory stays flat for huge batches), then
    renames it: the result is complete, and no temporary file is left behind."""
    out = tmp_path / "out.json"
    out.write_text("old", encoding="utf-8")
    proc = run_cli("check", "examples", "--output-format", "json", "-o", str(out))
    assert proc.returncode == 1
    found = json.loads(out.read_text(encoding="utf-8"))
    assert {f["code"] for f in found} >= {"OG301", "OG103"}
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
