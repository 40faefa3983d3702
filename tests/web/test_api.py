"""`POST /api/check` and the upload page in process (Starlette's test client) and against a real server
on 127.0.0.1: the same findings as the command line, hostile uploads answered with findings (never 5xx),
limits enforced, concurrent uploads answered, no temporary file left behind."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, check_json

pytest.importorskip("starlette", reason="the web extra is not installed (pip install '.[web]')")
pytest.importorskip("httpx", reason="httpx (the test client) is not installed")
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from opengov_lint.config.settings import Settings
from opengov_lint.web.app import create_app
from opengov_lint.web.uploads import UploadLimits

DEFECTS = "dongshan-county-transport-2022"


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    app = create_app(Settings(select=["all"]), jobs=2, limits=UploadLimits(max_request=8 * 1024 * 1024,
                                                                              max_file=4 * 1024 * 1024))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _post(client, *files: tuple[str, bytes]):  # type: ignore[no-untyped-def]
    return client.post("/api/check", files=[("file", (name, data, "application/octet-stream")) for name, data in files])


@pytest.mark.parametrize("name", [f"{DEFECTS}.txt", f"{DEFECTS}.yaml", "beiyuan-district-civil-affairs-2020.txt"])
def test_api_gives_the_same_findings_as_the_command_line(client, name: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / name).write_bytes((EXAMPLES / name).read_bytes())
    _, expected = check_json(name, extra=("--select", "all"), cwd=tmp_path)
    got = _post(client, (name, (EXAMPLES / name).read_bytes()))
    assert got.status_code == 200
    assert got.json() == expected
    assert expected


def test_batch_upload_runs_cross_document_rules(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = (EXAMPLES / f"{DEFECTS}.txt").read_bytes()
    other = data.replace(b"2022", b"2023")  # the next year of the same organ: carry-over chain (OG601)
    (tmp_path / "a.txt").write_bytes(data)
    (tmp_path / "b.txt").write_bytes(other)
    _, expected = check_json("a.txt", "b.txt", extra=("--select", "all"), cwd=tmp_path)
    found = _post(client, ("a.txt", data), ("b.txt", other)).json()
    assert {f["path"] for f in found} == {"a.txt", "b.txt"}
    assert "OG601" in {f["code"] for f in found}
    assert found == expected


def test_hostile_uploads_are_answered_with_findings(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from hostile.generate import build_all

    made = build_all(tmp_path / "h")
    assert len(made) >= 10
    for kind, path in made.items():
        if not path.is_file() or path.is_symlink():
            continue
        data = path.read_bytes()[: 4 * 1024 * 1024]
        r = _post(client, (path.name, data))
        assert r.status_code in (200, 413), (kind, r.status_code, r.text[:200])
        if r.status_code == 200:
            assert isinstance(r.json(), list), kind


def test_a_zip_is_expanded_without_touching_the_filesystem(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("单位/2022/a.txt", (EXAMPLES / f"{DEFECTS}.txt").read_bytes())
        z.writestr("../../evil/../b.yaml", (EXAMPLES / f"{DEFECTS}.yaml").read_bytes())
        z.writestr("/etc/passwd.txt", b"root:x:0:0")
        z.writestr("notes.exe", b"MZ")
    before = set(os.listdir(tmp_path))
    found = _post(client, ("reports.zip", buf.getvalue())).json()
    paths = {f["path"] for f in found}
    assert {"reports/2022/a.txt", "reports/evil/b.yaml"} <= paths  # labels only: `..` and `/` dropped
    assert paths <= {"reports/2022/a.txt", "reports/evil/b.yaml", "reports/etc/passwd.txt"}
    assert all(".." not in p and not p.startswith("/") for p in paths)
    assert not any(p.endswith(".exe") for p in paths)
    assert set(os.listdir(tmp_path)) == before


def test_zip_bomb_and_oversize_uploads_are_refused(client) -> None:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("bomb.txt", b"0" * (3 * 1024 * 1024))  # ratio ~1000
    r = _post(client, ("bomb.zip", buf.getvalue()))
    assert r.status_code == 413
    assert "压缩" in r.json()["message"]
    r = _post(client, ("big.txt", b"x" * (5 * 1024 * 1024)))
    assert r.status_code == 413
    r = _post(client, ("huge.txt", b"x" * (9 * 1024 * 1024)))
    assert r.status_code == 413
    assert "上限" in r.json()["message"]


def test_bad_requests_are_4xx_with_a_message(client) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/api/check", content=b"hello", headers={"content-type": "text/plain"})
    assert r.status_code == 415
    assert r.json()["message"]
    r = client.post("/api/check", content=b"--x\r\nbroken", headers={"content-type": "multipart/form-data; boundary=x"})
    assert 400 <= r.status_code < 500
    r = client.post("/api/check", data={"other": "1"})
    assert r.status_code in (400, 415)


def test_result_page_highlights_the_cells_of_the_findings(client) -> None:  # type: ignore[no-untyped-def]
    data = (EXAMPLES / f"{DEFECTS}.txt").read_bytes()
    r = client.post("/check", files=[("file", (f"{DEFECTS}.txt", data, "text/plain"))])
    assert r.status_code == 200
    page = r.text
    assert 'class="bad"' in page
    assert 'data-path="requests.' in page
    assert "http://" not in page
    assert "https://" not in page
    assert page.count('class="finding sev-') == len(_post(client, (f"{DEFECTS}.txt", data)).json())
    assert 'data-kind="xlsx"' in page
    assert 'data-kind="dashboard"' in page
    import base64
    import re

    href = re.search(r'data-kind="notices" download="[^"]+" href="data:application/zip;base64,([^"]+)"', page)
    assert href is not None
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(href.group(1)))) as z:
        names = z.namelist()
        assert len(names) == 1
        assert names[0].endswith(".docx")
        with zipfile.ZipFile(io.BytesIO(z.read(names[0]))) as docx:
            body = docx.read("word/document.xml").decode("utf-8")
    assert "整改" in body
    assert "OG303" in body


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A real server (uvicorn) on 127.0.0.1 with its own empty temporary folder."""
    pytest.importorskip("uvicorn", reason="uvicorn is not installed (pip install '.[web]')")
    tmp = tmp_path_factory.mktemp("server-tmp")
    port = _free_port()
    env = {**os.environ, "TMPDIR": str(tmp), "NO_COLOR": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "opengov_lint", "serve", "--port", str(port), "--jobs", "2"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    import httpx

    for _ in range(100):
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("server did not start: " + proc.stderr.read().decode("utf-8", "replace")[-2000:])  # type: ignore[union-attr]
    yield base, tmp
    proc.terminate()
    proc.wait(timeout=20)


def test_twenty_concurrent_uploads_are_all_answered_and_leave_no_file(server) -> None:  # type: ignore[no-untyped-def]
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    base, tmp = server
    data = (EXAMPLES / f"{DEFECTS}.txt").read_bytes()
    big = data * 40  # large enough for the multipart parser to spool it to a temporary file

    def one(i: int) -> tuple[int, list[dict]]:
        r = httpx.post(base + "/api/check", files=[("file", (f"r{i}.txt", big if i % 2 else data))], timeout=120)
        return r.status_code, r.json()

    with ThreadPoolExecutor(20) as pool:
        answers = list(pool.map(one, range(20)))
    assert [s for s, _ in answers] == [200] * 20
    assert all(any(f["code"] == "OG303" for f in found) for _, found in answers)
    time.sleep(0.5)
    assert list(Path(tmp).rglob("*")) == []  # spooled uploads and workbooks removed after each request


def test_api_json_is_documented_json(server) -> None:  # type: ignore[no-untyped-def]
    import httpx

    base, _ = server
    r = httpx.post(base + "/api/check", files=[("file", ("x.txt", b"\xff\xfe\x00garbage"))], timeout=60)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    assert {f["code"] for f in json.loads(r.text)} <= {"OG901", "OG903", "OG101", "OG107", "OG112", "OG502"}
