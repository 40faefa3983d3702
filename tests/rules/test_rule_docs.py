"""docs/rules/ is generated from the rule modules (tools/gen_rule_docs.py); this keeps it in sync, and
`explain` prints the same page."""

from __future__ import annotations

from conftest import ROOT, run_cli

from opengov_lint.registry.ruledoc import filename, render_all
from opengov_lint.registry.rules import builtin_rules

DOCS = ROOT / "docs" / "rules"


def test_docs_are_in_sync_with_the_rules() -> None:
    pages = render_all(builtin_rules())
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in DOCS.glob("*.md")}
    stale = sorted(set(on_disk) ^ set(pages)) + sorted(n for n in pages if on_disk.get(n) != pages[n])
    assert not stale, f"docs/rules/ is out of date ({stale[:5]}): run `python tools/gen_rule_docs.py`"


def test_every_rule_has_a_page_listed_in_the_index() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    for rule in builtin_rules():
        page = DOCS / filename(rule)
        assert page.is_file(), rule.code
        text = page.read_text(encoding="utf-8")
        assert text.startswith(f"# {rule.code} {rule.name}\n")
        assert "Why" in text
        assert "Fix" in text
        assert f"]({filename(rule)})" in index


def test_explain_prints_the_same_page() -> None:
    proc = run_cli("explain", "requests-balance")
    assert proc.returncode == 0
    assert proc.stdout == (DOCS / "OG303-requests-balance.md").read_text(encoding="utf-8") + "\n"
