"""The on-disk batch answers the cross-document rules exactly as the in-memory one."""

from __future__ import annotations

from array import array

from opengov_lint import engine
from opengov_lint.config.settings import Settings
from opengov_lint.crossdoc.store import StoredBatch, SummaryStore
from opengov_lint.crossdoc.summary import keys_for, parts_for
from opengov_lint.model import Batch, ReportSummary
from opengov_lint.run.worker import build_engine

LAYOUT = (("requests", "2021"),)


def _summary(i: int, issuer: str | None, year: int | None, carried: float, forward: float,
             sketch: range, parent: str | None = None, aggregate: bool = False) -> ReportSummary:
    keys = keys_for(LAYOUT)
    values = array("d", [float(i)] * len(keys))
    values[keys.index("requests.carried_over.total")] = carried
    values[keys.index("requests.carried_forward.total")] = forward
    return ReportSummary(path=f"/r/{i:03d}.txt", issuer=issuer, issuer_label=issuer, year=year, template="2021",
                         keys=keys, values=values, lines={"requests.carried_over": 40 + i},
                         sentences=array("Q", [i % 3 + k for k in range(10)]), weights=array("I", [20] * 10),
                         sketch=array("I", sketch), shingles=400, parent=parent, aggregate=aggregate,
                         table_layouts=dict(LAYOUT))


def _summaries() -> list[ReportSummary]:
    out = []
    for i in range(12):
        organ = f"机关{i % 4}"
        out.append(_summary(i, organ, 2021 + i // 4, carried=i, forward=i + 1,
                            sketch=range(i % 2 * 1000, i % 2 * 1000 + 128), parent="汇总" if i % 4 == 3 else None))
    out.append(_summary(12, "汇总", 2022, carried=5, forward=6, sketch=range(5000, 5128), aggregate=True))
    out.append(_summary(13, None, 2022, carried=5, forward=6, sketch=range(128)))
    return out


def test_stored_batch_gives_the_findings_of_the_in_memory_batch(tmp_path: object) -> None:
    cfg = build_engine(Settings(select=["OG6"]))
    expected = engine.run_batch_rules(Batch(_summaries()), cfg)
    with SummaryStore() as store:
        for s in _summaries():
            store.add(s)
        got = engine.run_batch_rules(StoredBatch(store), cfg)
        assert len(StoredBatch(store).reports) == 14
        assert StoredBatch(store).reports[13].path == "/r/013.txt"
    assert {f.code for f in expected} >= {"OG601", "OG603", "OG604", "OG605"}
    assert [(f.code, f.path, f.message, f.location) for f in got] == \
        [(f.code, f.path, f.message, f.location) for f in expected]


def test_summaries_carry_only_what_the_selected_rules_read() -> None:
    assert parts_for(["OG601", "OG604"]) == {"values"}
    assert parts_for(["OG603"]) == {"sentences"}
    assert parts_for(["OG605", "OG601"]) == {"sketch", "values"}
    assert parts_for(["OG607"]) == {"problems"}
    assert parts_for(["OG601", "XX999"]) == {"values", "sentences", "sketch", "problems"}  # a plugin's rule gets everything
