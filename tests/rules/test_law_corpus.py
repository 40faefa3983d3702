"""OG4xx/OG5xx on the real corpus (../shared/corpus): every document gets exactly the findings it was
hand-labelled with (tests/data/law-corpus-expectations.yaml) — nothing on the documents without such
defects, each labelled defect once. Formats without a reader in this build are skipped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import findings
from ruamel.yaml import YAML

EXPECT = YAML(typ="safe").load((Path(__file__).parents[1] / "data" / "law-corpus-expectations.yaml")
                               .read_text(encoding="utf-8"))["documents"]


def _matches(f: Any, exp: dict[str, Any]) -> bool:
    ev = f.evidence
    return (f.code == exp["code"]
            and all(ev.get(k) == exp[k] for k in ("claim", "stated", "actual", "found") if k in exp))


@pytest.mark.parametrize("name", sorted(EXPECT), ids=str)
def test_corpus_law_and_prose_findings(corpus: Path, name: str) -> None:
    data = (corpus / name).read_bytes()
    got = findings(data, Path(name).name, select=["OG4", "OG5", "OG901"])
    if any(f.code == "OG901" for f in got):
        pytest.skip(f"{name}: no reader for this format in this build")
    got = [f for f in got if f.code != "OG901"]
    expected = list(EXPECT[name])
    unmatched = [f for f in got if not any(_matches(f, e) for e in expected)]
    missing = [e for e in expected if not any(_matches(f, e) for f in got)]
    assert not unmatched, f"{name}: unexpected {[(f.code, f.message) for f in unmatched]}, missing {missing}"
    assert not missing, f"{name}: unexpected {[(f.code, f.message) for f in unmatched]}, missing {missing}"
    assert len(got) == len(expected), f"{name}: unexpected {[(f.code, f.message) for f in unmatched]}, missing {missing}"
    for f in got:
        assert f.location.section is not None or f.location.line is not None or f.code == "OG406"


def test_og503_quotes_the_sentence_and_its_line(corpus: Path) -> None:
    """The planted-in-real-life contradiction of the Gongshu synthetic twin is found once per topic, at
    the paragraph that says it (line 8, section 一)."""
    data = (corpus / "synthetic" / "gongshu-synthetic.txt").read_bytes()
    got = list(findings(data, "gongshu-synthetic.txt", select=["OG504"]))
    assert [(f.location.line, f.location.section) for f in got] == [(8, 1)] * 3
    assert "本年度无公民、法人或其他组织向我局提出政府信息公开申请" in got[0].message
