"""Precision and recall of OG503 (narrative-table-mismatch) on the real corpus, against the hand labels
of tests/data/law-corpus-expectations.yaml. Also counts the prose counts compared per document.

    python bench/og503_corpus.py [../shared/corpus]

Documents whose format has no reader in this build are listed as skipped."""

from __future__ import annotations

import sys
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "support"))

from helpers import findings, report_from

from opengov_lint.knowledge.catalog import narrative
from opengov_lint.recognise.prose import count_claims
from opengov_lint.rules._helpers import text_units


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"
    labels = YAML(typ="safe").load((ROOT / "tests" / "data" / "law-corpus-expectations.yaml").read_text("utf-8"))
    tp = fp = fn = 0
    print(f"{'document':40} {'counts':>6} {'hits':>5} {'true':>5}  result")
    for name, expected in sorted(labels["documents"].items()):
        data = (corpus / name).read_bytes()
        got = findings(data, Path(name).name, select=["OG503", "OG901"])
        if any(f.code == "OG901" for f in got):
            print(f"{name:40} {'-':>6} {'-':>5} {'-':>5}  skipped (no reader in this build)")
            continue
        truth = [e for e in expected if e["code"] == "OG503"]
        hits = [(f.evidence.get("claim"), f.evidence.get("stated")) for f in got]
        want = [(e.get("claim"), e.get("stated")) for e in truth]
        t = sum(1 for h in hits if h in want)
        tp, fp, fn = tp + t, fp + len(hits) - t, fn + sum(1 for w in want if w not in hits)
        report = report_from(data, Path(name).name)
        n = len(count_claims(text_units(report), narrative(), report.meta.year))
        print(f"{name:40} {n:>6} {len(hits):>5} {len(want):>5}  {hits}")
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    print(f"\nOG503: true positives {tp}, false positives {fp}, missed {fn}; "
          f"precision {precision:.2f}, recall {recall:.2f}")


if __name__ == "__main__":
    main()
