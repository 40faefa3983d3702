"""The HTML dashboard in a real headless Chromium (Debian `chromium` + `chromedriver`): it loads
without console errors, shows the charts and the table, sorts, and drills down into a report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chromium import driver
from conftest import run_cli

if TYPE_CHECKING:
    from pathlib import Path


def test_dashboard_in_chromium(tmp_path: Path) -> None:
    out = tmp_path / "audit.html"
    proc = run_cli("check", "examples/", "--output-format", "html", "-o", str(out))
    assert proc.returncode == 1
    assert out.exists()
    page = out.read_text(encoding="utf-8")
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page
    from selenium.webdriver.common.by import By

    browser = driver()
    try:
        browser.set_window_size(1400, 1100)
        browser.get(out.as_uri())
        assert browser.title == "政府信息公开工作年度报告检查结果"
        rows = browser.find_elements(By.CSS_SELECTOR, "tr.report")
        assert len(rows) == 10
        assert all(r.is_displayed() for r in rows)
        charts = browser.find_elements(By.CSS_SELECTOR, "svg.chart")
        assert len(charts) == 2
        assert all(c.is_displayed() and c.size["height"] > 50 for c in charts)
        assert len(browser.find_elements(By.CSS_SELECTOR, "svg rect.bar")) >= 10
        # sort by errors (descending after two clicks): the failing report comes first
        header = browser.find_elements(By.CSS_SELECTOR, "#reports th")[4]
        header.click()
        header.click()
        first = browser.find_elements(By.CSS_SELECTOR, "tr.report")[0]
        assert "dongshan" in first.text
        first.click()
        items = browser.find_elements(By.CSS_SELECTOR, "tr.detail li")
        assert len(items) == 6
        assert any("OG303" in i.text for i in items)
        browser.save_screenshot(str(tmp_path / "dashboard.png"))
        assert (tmp_path / "dashboard.png").stat().st_size > 10_000
        errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
        assert errors == []
    finally:
        browser.quit()
