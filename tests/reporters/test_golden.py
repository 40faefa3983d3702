"""Golden JSON output for every example report. Regenerate on purpose with
`python tests/reporters/test_golden.py --update` and review the diff."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

if __name__ == "__main__":  # run as a script (--update): the test folder holds conftest
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from conftest import EXAMPLES, ROOT, check_json

GOLDEN = ROOT / "tests" / "golden"
FILES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".yaml"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_example_matches_golden(path: Path) -> None:
    _, found = check_json(f"examples/{path.name}")
    golden = json.loads((GOLDEN / f"{path.name}.json").read_text(encoding="utf-8"))
    assert found == golden


def test_examples_cover_the_promised_kinds() -> None:
    names = [p.name for p in FILES]
    assert len([n for n in names if n.endswith(".txt")]) >= 5
    assert len([n for n in names if n.endswith(".yaml")]) >= 5


def test_clean_examples_are_clean() -> None:
    for name in ("qinghe-district-government-2023", "lanxi-county-market-regulation-2024",
                 "songlin-town-government-2020"):
        for suffix in (".txt", ".yaml"):
            code, found = check_json(f"examples/{name}{suffix}")
            assert found == [], (name, found)
            assert code == 0, (name, found)


if __name__ == "__main__" and "--update" in sys.argv:
    for p in FILES:
        _, found = check_json(f"examples/{p.name}")
        (GOLDEN / f"{p.name}.json").write_text(json.dumps(found, ensure_ascii=False, indent=2) + "\n",
                                               encoding="utf-8")
        print("wrote", p.name)
