"""Read only what was asked, never destroy data, bounded resources, clear usage errors (issue 14).

Every promise is asserted on the real command line: input hashes unchanged, a device still a device,
peak memory of the command's process tree under a bound, exit 2 with a message and no traceback."""

from __future__ import annotations

import hashlib
import http.server
import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, check_json, run_cli
from hostile.generate import CONTROL_TITLE, FORMULA_CELL, build_all

REPORT = EXAMPLES / "dongshan-county-transport-2022.txt"


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def peak_rss_mb(*args: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Run the CLI under a small wrapper that reports the peak RSS of its process tree (the CLI and
    every worker it waited for: RUSAGE_CHILDREN of the wrapper), in MB."""
    probe = ("import json, resource, subprocess, sys\n"
             "p = subprocess.run([sys.executable, '-m', 'opengov_lint', *json.loads(sys.argv[1])], "
             "capture_output=True, text=True)\n"
             "sys.stdout.write(json.dumps([resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode, "
             "p.stdout, p.stderr]))\n")
    out = subprocess.run([sys.executable, "-c", probe, json.dumps(list(args))], cwd=ROOT, capture_output=True,
                         text=True, timeout=300, check=True)
    kb, code, stdout, stderr = json.loads(out.stdout)
    return kb / 1024, subprocess.CompletedProcess(args, code, stdout, stderr)


# -- 1. read only what was asked -----------------------------------------------------------------

def test_folder_walk_skips_symlinks_out_of_the_tree_and_refuses_fifos(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    build_all(folder, only=["symlink-out-of-tree", "fifo-txt"])
    (folder / "inside.txt").write_bytes(REPORT.read_bytes())
    (folder / "link-inside.txt").symlink_to(folder / "inside.txt")  # inside the tree: followed
    proc = run_cli("check", str(folder), "--output-format", "json", "--lang", "en")
    found = json.loads(proc.stdout)
    assert "SECRET-OUTSIDE" not in proc.stdout
    assert "linked-report.txt" not in {Path(f["path"]).name for f in found}
    assert "outside the checked folder" in proc.stderr
    assert {Path(f["path"]).name for f in found if f["code"] == "OG301"} == {"inside.txt", "link-inside.txt"}
    pipe = [f for f in found if Path(f["path"]).name == "pipe.txt"]
    assert [(f["code"], f["evidence"]["reason"]) for f in pipe] == [("OG901", "not-a-file")]


class _Redirect(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path.startswith("/hop"):  # a redirect to another loopback address (a second hop)
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.2:{self.server.server_address[1]}/report.txt")
            self.end_headers()
            return
        super().do_GET()


def _serve(folder: Path) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             lambda *a, **k: _Redirect(*a, directory=str(folder), **k))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_private_urls_refused_unless_allowed(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_bytes(REPORT.read_bytes())
    server = _serve(tmp_path)
    url = f"http://127.0.0.1:{server.server_address[1]}/report.txt"
    try:
        _code, refused = check_json(url)
        _code, fetched = check_json(url, extra=("--allow-private-urls",))
    finally:
        server.shutdown()
    assert [(f["code"], f["evidence"]["reason"]) for f in refused] == [("OG901", "private-address")]
    assert "--allow-private-urls" in refused[0]["message"]
    assert {f["code"] for f in fetched} >= {"OG301", "OG303"}


def test_every_redirect_hop_is_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first address is allowed here (only 127.0.0.2 counts as private), the redirect target is not."""
    from opengov_lint.run import sources

    (tmp_path / "report.txt").write_bytes(REPORT.read_bytes())
    server = _serve(tmp_path)
    monkeypatch.setattr(sources, "refused_address", lambda ip: ip == "127.0.0.2")
    try:
        with pytest.raises(sources.FetchError) as err:
            sources.fetch(f"http://127.0.0.1:{server.server_address[1]}/hop", 1_000_000)
    finally:
        server.shutdown()
    assert err.value.reason == "private-address"
    assert "127.0.0.2" in err.value.en


@pytest.mark.parametrize(("ip", "refused"), [("127.0.0.1", True), ("10.1.2.3", True), ("192.168.0.1", True),
                                        ("169.254.169.254", True), ("::1", True), ("fe80::1", True),
                                        ("::ffff:127.0.0.1", True), ("0.0.0.0", True), ("240.0.0.1", True),
                                        ("8.8.8.8", False), ("2001:4860:4860::8888", False)])
def test_address_classes(ip: str, refused: bool) -> None:
    from opengov_lint.run.sources import refused_address

    assert refused_address(ip) is refused


# -- 2. never destroy data -------------------------------------------------------------------------

@pytest.mark.parametrize("option", ["-o", "--write-baseline"])
def test_output_that_is_an_input_is_refused(tmp_path: Path, option: str) -> None:
    r = tmp_path / "r.txt"
    r.write_bytes(REPORT.read_bytes())
    hard = tmp_path / "hard.txt"
    os.link(r, hard)  # the same file under another name
    link = tmp_path / "link.txt"
    link.symlink_to(r)
    before = _sha(r)
    for target in (r, hard, link):
        proc = run_cli("check", str(r), option, str(target))
        assert proc.returncode == 2
        assert "refusing" in proc.stderr
        assert "Traceback" not in proc.stderr
    assert _sha(r) == before
    assert link.is_symlink()


def test_other_commands_refuse_their_input_and_devices(tmp_path: Path) -> None:
    yaml = tmp_path / "r.yaml"
    assert run_cli("convert", str(REPORT), "-o", str(yaml)).returncode == 0
    before = _sha(yaml)
    for args in (("convert", str(yaml), "-o", str(yaml)), ("aggregate", str(yaml), "-o", str(yaml)),
                 ("convert", str(yaml), "-o", "/dev/null"), ("template", "--year", "2023", "-o", "/dev/null"),
                 ("convert", str(yaml), "-o", str(tmp_path / "missing-folder" / "x.yaml"))):
        proc = run_cli(*args)
        assert proc.returncode == 2, (args, proc.stderr)
        assert "Traceback" not in proc.stderr, (args, proc.stderr)
    assert _sha(yaml) == before
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_device_output_is_refused_and_stays_a_device(tmp_path: Path) -> None:
    proc = run_cli("check", str(REPORT), "-o", "/dev/null")
    assert proc.returncode == 2
    assert "not a regular file" in proc.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    assert run_cli("check", str(REPORT), "-o", str(fifo)).returncode == 2
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_output_keeps_mode_and_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    run_cli("check", str(REPORT), "--output-format", "json", "-o", str(out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert json.loads(out.read_text(encoding="utf-8"))
    new = tmp_path / "new.json"
    mask = os.umask(0o022)
    os.umask(mask)
    run_cli("check", str(REPORT), "--output-format", "json", "-o", str(new))
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~mask


def _fixable(tmp_path: Path, name: str = "r.txt") -> Path:
    p = tmp_path / name
    p.write_text(REPORT.read_text(encoding="utf-8").replace("\t0\n", "\t０\n", 1), encoding="utf-8")
    return p


def test_fix_edits_through_a_symlink_and_keeps_the_link(tmp_path: Path) -> None:
    real = _fixable(tmp_path)
    real.chmod(0o604)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    before = _sha(real)
    run_cli("check", str(link), "--fix")
    assert link.is_symlink()
    assert os.readlink(link) == str(real)
    assert _sha(real) != before
    assert "０" not in real.read_text(encoding="utf-8")
    assert stat.S_IMODE(real.stat().st_mode) == 0o604


@pytest.mark.parametrize("kind", ["read-only", "hard-link"])
def test_fix_refuses_read_only_and_hard_linked_files(tmp_path: Path, kind: str) -> None:
    p = _fixable(tmp_path)
    if kind == "read-only":
        p.chmod(0o444)
    else:
        os.link(p, tmp_path / "other-name.txt")
    before = _sha(p)
    proc = run_cli("check", str(p), "--fix")
    assert proc.returncode == 2
    assert "refusing" in proc.stderr
    assert _sha(p) == before
    assert (kind != "hard-link" or p.stat().st_nlink == 2)


# -- 3. bounded resources --------------------------------------------------------------------------

@pytest.mark.parametrize(("builder", "name", "reason"), [
    ("html-colspan-63-bytes", "colspan.html", None),
    ("html-span-grid-bomb", "spans.html", "limit-max-cells"),
    ("docx-gridspan-vmerge-bomb", "gridspan.docx", "limit-max-cells"),
    ("pdf-flate-bomb", "flate-bomb.pdf", "limit-max-unzipped"),
])
def test_bombs_stay_small(tmp_path: Path, builder: str, name: str, reason: str | None) -> None:
    path = build_all(tmp_path, only=[builder])[builder]
    assert path.name == name
    peak, proc = peak_rss_mb("check", str(path), "--output-format", "json")
    reasons = [f["evidence"].get("reason") for f in json.loads(proc.stdout) if f["code"] == "OG901"]
    assert reasons == ([reason] if reason else []), reasons
    assert peak < 300, f"{name}: peak RSS {peak:.0f} MB"


def test_tool_inputs_are_read_under_a_limit() -> None:
    for args in (("--baseline", "/dev/zero"), ("--manifest", "/dev/zero"), ("--from-list", "/dev/zero"),
                 ("--config", "/dev/zero")):
        peak, proc = peak_rss_mb("check", str(REPORT), *args)
        assert proc.returncode == 2, (args, proc.stderr)
        assert "Traceback" not in proc.stderr, (args, proc.stderr)
        assert peak < 200, (args, peak)


def test_jobs_capped_at_the_cores(tmp_path: Path) -> None:
    from opengov_lint.run.pool import cpu_count

    for i in range(3):
        (tmp_path / f"{i}.txt").write_bytes(REPORT.read_bytes())
    proc = run_cli("check", str(tmp_path), "--jobs", "1000", "-q")
    assert (proc.returncode == 1 and f"using {cpu_count()}" in proc.stderr) or f"改为 {cpu_count()}" in proc.stderr


# -- 5. clear messages and well-formed outputs -----------------------------------------------------

@pytest.mark.parametrize(("args", "needle"), [
    (("--timeout", "inf"), "--timeout"), (("--timeout", "nan"), "--timeout"), (("--timeout", "-1"), "--timeout"),
    (("-o", "/nonexistent-folder/out.json"), "does not exist"),
])
def test_bad_options_are_usage_errors(args: tuple[str, ...], needle: str) -> None:
    proc = run_cli("check", str(REPORT), *args)
    assert proc.returncode == 2
    assert needle in proc.stderr
    assert "Traceback" not in proc.stderr


def test_gbk_list_file_is_a_usage_error(tmp_path: Path) -> None:
    lst = tmp_path / "list.txt"
    lst.write_bytes(f"{tmp_path}/报告.txt\n".encode("gbk"))
    proc = run_cli("check", "--from-list", str(lst))
    assert proc.returncode == 2
    assert "UTF-8" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_distributed_is_a_usage_error() -> None:
    """An installation without `distributed` (find_spec answers None for it) asked for --executor dask."""
    code = ("import importlib.util as u, sys; real = u.find_spec\n"
            "u.find_spec = lambda n, *a: None if n == 'distributed' else real(n, *a)\n"
            "sys.argv = ['opengov-lint', 'check', sys.argv[1], '--executor', 'dask', '--scheduler', "
            "'tcp://127.0.0.1:1']\nfrom opengov_lint.cli.entry import main\nmain()")
    proc = subprocess.run([sys.executable, "-c", code, str(REPORT)], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=False)
    assert proc.returncode == 2
    assert "distributed" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_huge_integers_and_damaged_mediabox(tmp_path: Path) -> None:
    made = build_all(tmp_path, only=["json-100k-digit-integer", "pdf-mediabox-bitflip"])
    _code, found = check_json(str(made["json-100k-digit-integer"]), str(made["pdf-mediabox-bitflip"]),
                              extra=("--lang", "en"))
    by = {}
    for f in found:
        by.setdefault(Path(f["path"]).name, []).append(f)
    assert [(f["code"], f["evidence"]["reason"]) for f in by["huge-int.json"]] == [("OG901", "huge-number")]
    pdf = by["mediabox.pdf"]  # at most the damaged page is lost (OG903), never the whole PDF
    assert not [f for f in pdf if f["code"] in ("OG901", "OG107")]
    assert {f["location"]["page"] for f in pdf if f["code"] == "OG903"} <= {2}


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "junit", "sarif", "json", "text", "github"])
def test_outputs_stay_well_formed_with_control_characters(tmp_path: Path, fmt: str) -> None:
    src = build_all(tmp_path, only=["control-characters-title"])["control-characters-title"]
    out = tmp_path / f"out.{fmt}"
    proc = run_cli("check", str(src), "--output-format", fmt, "-o", str(out))
    assert proc.returncode == 1, proc.stderr
    if fmt == "xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(out)
        cells = [c.value for row in wb["问题清单"].iter_rows(min_row=2) for c in row] + \
                [c.value for row in wb["汇总"].iter_rows(min_row=2) for c in row]
        text = "\n".join(str(c) for c in cells if c is not None)
        starters = [c for c in cells if isinstance(c, str) and c[:1] in "=+-@\t\r" and not c.lstrip("+-").isdigit()]
        assert not starters
        assert "'" + FORMULA_CELL in cells
        assert "'@SUM(A1:A9)\\x1b[2J" in cells
        return
    text = out.read_text(encoding="utf-8-sig")
    assert "\x1b" not in text
    assert "\x07" not in text
    assert "\x00" not in text
    if fmt == "junit":
        import xml.dom.minidom

        xml.dom.minidom.parseString(text.encode("utf-8"))
    elif fmt in ("sarif", "json"):
        json.loads(text)
    elif fmt == "csv":
        import csv
        import io

        rows = list(csv.reader(io.StringIO(text)))
        assert all(not c or c[0] not in "=+-@\t\r" or c.lstrip("+-").isdigit() for row in rows[1:] for c in row)
        assert any(c == "'" + FORMULA_CELL for row in rows for c in row)
    assert CONTROL_TITLE not in text
