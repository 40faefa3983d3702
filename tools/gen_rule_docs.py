"""Writes docs/rules/<CODE>-<name>.md for every built-in rule and docs/rules/index.md, from the rule
modules' docstrings, constants and the packaged profiles (opengov_lint.registry.ruledoc). Pages of rules that
no longer exist are removed. tests/test_rule_docs.py fails when the committed pages are out of date:
run `python tools/gen_rule_docs.py` after changing a rule."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from opengov_lint.registry.ruledoc import render_all
from opengov_lint.registry.rules import builtin_rules

OUT = ROOT / "docs" / "rules"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    pages = render_all(builtin_rules())
    for stale in OUT.glob("*.md"):
        if stale.name not in pages:
            stale.unlink()
            print(f"removed {stale.relative_to(ROOT)}")
    for name, text in pages.items():
        path = OUT / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
