"""The upload page end to end in a real headless Chromium (Debian `chromium` + `chromedriver`): upload a
Word report with a planted defect through the page, see the highlighted cell, jump to it from the finding,
download the annotated copy and open it."""

from __future__ import annotations

import base64
import io
import os
import socket
import subprocess
import sys
import time
import zipfile
from typing import TYPE_CHECKING

import pytest
from chromium import driver
from conftest import EXAMPLES, ROOT

if TYPE_CHECKING:
    from pathlib import Path

pytest.importorskip("uvicorn", reason="the web extra is not installed (pip install '.[web]')")


def _serve(tmp: Path) -> tuple[subprocess.Popen[bytes], str]:
    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "opengov_lint", "serve", "--port", str(port), "--jobs", "1"],
                            cwd=ROOT, env={**os.environ, "TMPDIR": str(tmp)}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    pytest.fail("the server did not start")


def test_upload_a_word_report_see_the_cell_and_download_the_annotated_copy(tmp_path: Path) -> None:
    from opengov_lint.authoring.docx_writer import render
    from opengov_lint.load import load_report

    browser = driver()
    report_docx = tmp_path / "东山县交通运输局2022年报.docx"
    report_docx.write_bytes(render(load_report(str(EXAMPLES / "dongshan-county-transport-2022.txt"))))
    server_tmp = tmp_path / "server-tmp"
    server_tmp.mkdir()
    proc, base = _serve(server_tmp)
    from selenium.webdriver.common.by import By

    try:
        browser.set_window_size(1400, 1000)
        browser.get(base + "/")
        assert "年度报告" in browser.title
        browser.find_element(By.ID, "file").send_keys(str(report_docx))
        browser.find_element(By.ID, "submit").click()
        for _ in range(100):
            if browser.find_elements(By.CSS_SELECTOR, "li.finding"):
                break
            time.sleep(0.2)
        bad = browser.find_elements(By.CSS_SELECTOR, "td.bad")
        assert bad
        assert all(b.is_displayed() for b in bad[:3])
        assert any((b.get_attribute("data-path") or "").startswith("requests.") for b in bad)
        # click the arithmetic finding (OG303 requests-balance): the page jumps to its cell
        link = next(a for a in browser.find_elements(By.CSS_SELECTOR, "li.finding a") if "OG303" in a.text)
        target = link.get_attribute("href").split("#", 1)[1]
        link.click()
        assert browser.execute_script("return location.hash") == "#" + target
        cell = browser.find_element(By.ID, target)
        assert "bad" in (cell.get_attribute("class") or "")
        # the annotated Word copy: a data: link holding a .docx with the comments
        a = browser.find_element(By.CSS_SELECTOR, 'a.download[data-kind="annotated"]')
        data = base64.b64decode(a.get_attribute("href").split(",", 1)[1])
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            comments = z.read("word/comments.xml").decode("utf-8")
        assert comments.count("<w:comment ") >= 3
        assert "opengov-lint" in comments
        browser.save_screenshot(str(tmp_path / "page.png"))
        assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    finally:
        browser.quit()
        proc.terminate()
        proc.wait(timeout=20)
    assert list(server_tmp.rglob("*")) == []
