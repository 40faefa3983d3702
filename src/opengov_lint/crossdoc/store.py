"""The summaries of a batch on disk (SQLite in a temporary folder of the run), so the main process
stays flat however many reports there are: each summary is written as it arrives and read back
one organ (or one aggregate, or one candidate pair) at a time when the cross-document rules ask.
The facts of each report (issuer, year, template) are kept here too, for the reporters to print beside
the cross-document findings.

`StoredBatch` answers the questions of `model.Batch` (consecutive years of an organ, aggregates and
their units, reports sharing sketch values) with queries, in the same order as the in-memory batch."""

from __future__ import annotations

import os
import pickle
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Self, overload

from opengov_lint.crossdoc.summary import attach_keys
from opengov_lint.model.batch import Batch, ReportSummary, candidate_pairs

_SCHEMA = """
CREATE TABLE reports (id INTEGER PRIMARY KEY, path TEXT, issuer TEXT, issuer_label TEXT, year INTEGER,
                      parent TEXT, aggregate INTEGER, shingles INTEGER, nsketch INTEGER, organ INTEGER, blob BLOB);
CREATE TABLE organs (issuer TEXT PRIMARY KEY, first INTEGER) WITHOUT ROWID;
CREATE TABLE sketch (h INTEGER, rid INTEGER);
CREATE TABLE facts (path TEXT PRIMARY KEY, blob BLOB) WITHOUT ROWID;
CREATE INDEX reports_organ ON reports (organ, id);
CREATE INDEX reports_parent ON reports (parent);
"""
_COMMIT_EVERY = 500
_SKETCH_ROWS = 4096  # buffered sketch rows (~0.5 MB) before they are inserted


class SummaryStore:
    """Append summaries (main process, in arrival order = path order); query them afterwards."""

    def __init__(self, folder: str | None = None) -> None:
        self.folder = tempfile.mkdtemp(prefix="opengov-lint-batch-", dir=folder)
        self.db = sqlite3.connect(os.path.join(self.folder, "summaries.sqlite"))
        self.db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-512;" + _SCHEMA)
        self.count = 0
        self.sketch_rows: list[tuple[int, int]] = []  # fewer than _SKETCH_ROWS + one report's

    def _organ(self, s: ReportSummary, rid: int) -> int | None:
        """The id of the organ's first report (organs are read back in that order, like Batch.by_issuer)."""
        if not (s.issuer and s.year):
            return None
        row = self.db.execute("SELECT first FROM organs WHERE issuer = ?", (s.issuer,)).fetchone()
        if row is not None:
            return int(row[0])
        self.db.execute("INSERT INTO organs (issuer, first) VALUES (?, ?)", (s.issuer, rid))
        return rid

    def add(self, s: ReportSummary) -> None:
        """Append a summary; the indexes grow with each row, so reading back needs no sort in memory."""
        keys, s.keys = s.keys, ()  # the shared key tuple is attached again on reading
        blob = pickle.dumps(s, protocol=pickle.HIGHEST_PROTOCOL)
        s.keys = keys
        rid = self.count + 1
        self.db.execute(
            "INSERT INTO reports (id, path, issuer, issuer_label, year, parent, aggregate, shingles, nsketch, organ, "
            "blob) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (rid, s.path, s.issuer, s.issuer_label, s.year, s.parent, int(s.aggregate), s.shingles, len(s.sketch),
             self._organ(s, rid), blob))
        self.sketch_rows.extend((h, rid) for h in s.sketch)  # one insert for many reports' sketches
        if len(self.sketch_rows) >= _SKETCH_ROWS:
            self._insert_sketches()
        self.count += 1
        if self.count % _COMMIT_EVERY == 0:
            self.flush()

    def _insert_sketches(self) -> None:
        if self.sketch_rows:
            self.db.executemany("INSERT INTO sketch (h, rid) VALUES (?, ?)", self.sketch_rows)
            self.sketch_rows = []

    def flush(self) -> None:
        """Write the buffered sketch rows and commit (before the sketch table is read)."""
        self._insert_sketches()
        self.db.commit()

    def add_facts(self, path: str, facts: Any) -> None:
        """What the reporters print beside a report's findings (issuer, year, template), kept for the
        cross-document findings that come after every file: on disk, not in a dict of every report.
        `facts` is the run's ReportFacts (any picklable object: this layer does not know the type)."""
        self.db.execute("INSERT OR REPLACE INTO facts (path, blob) VALUES (?, ?)",
                        (path, pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL)))

    def facts_of(self, paths: Iterable[str]) -> dict[str, Any]:
        """The stored facts of these paths (those without any are left out)."""
        out: dict[str, Any] = {}
        for path in dict.fromkeys(paths):
            row = self.db.execute("SELECT blob FROM facts WHERE path = ?", (path,)).fetchone()
            if row is not None:
                out[path] = pickle.loads(row[0])
        return out

    def rows(self, sql: str, args: Sequence[Any] = ()) -> Iterator[ReportSummary]:
        for (blob,) in self.db.execute(sql, args):
            yield attach_keys(pickle.loads(blob))

    def close(self) -> None:
        self.db.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _StoredReports(Sequence[ReportSummary]):
    """`batch.reports` of a stored batch: iterated from disk, never held as a list."""

    def __init__(self, store: SummaryStore) -> None:
        self.store = store

    def __len__(self) -> int:
        return self.store.count

    @overload
    def __getitem__(self, i: int) -> ReportSummary: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[ReportSummary]: ...

    def __getitem__(self, i: int | slice) -> ReportSummary | Sequence[ReportSummary]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return next(self.store.rows("SELECT blob FROM reports WHERE id = ?", (i + 1,)))

    def __iter__(self) -> Iterator[ReportSummary]:
        return self.store.rows("SELECT blob FROM reports ORDER BY id")


class StoredBatch(Batch):
    def __init__(self, store: SummaryStore) -> None:
        super().__init__()
        self.store = store
        self.reports = _StoredReports(store)

    def _organs(self) -> Iterator[dict[int, list[ReportSummary]]]:
        current: str | None = None
        years: dict[int, list[ReportSummary]] = {}
        sql = "SELECT blob FROM reports WHERE organ IS NOT NULL ORDER BY organ, id"  # the index's order
        for s in self.store.rows(sql):
            if s.issuer != current:
                if years:
                    yield years
                current, years = s.issuer, {}
            assert s.year is not None
            years.setdefault(s.year, []).append(s)
        if years:
            yield years

    def by_issuer(self) -> dict[str, dict[int, list[ReportSummary]]]:
        return {next(iter(y.values()))[0].issuer or "": y for y in self._organs()}

    def aggregates(self) -> Iterator[ReportSummary]:
        return self.store.rows("SELECT blob FROM reports WHERE aggregate = 1 ORDER BY id")

    def units_of(self, agg: ReportSummary) -> list[ReportSummary]:
        names = [n for n in {agg.path, agg.issuer, agg.issuer_label} if n]
        marks = ",".join("?" * len(names))
        sql = f"SELECT blob FROM reports WHERE parent IN ({marks}) AND path != ? ORDER BY id"
        return [r for r in self.store.rows(sql, (*names, agg.path)) if r.year == agg.year or agg.year is None]

    def sketch_pairs(self, min_shingles: int, share: float) -> Iterator[tuple[ReportSummary, ReportSummary]]:
        db = self.store.db
        where = "issuer IS NOT NULL AND issuer != '' AND shingles >= ?"
        n, k = db.execute(f"SELECT COUNT(*), MIN(nsketch) FROM reports WHERE {where}", (min_shingles,)).fetchone()
        if n < 2:
            return
        need = max(1, int(k * share))
        for a, b in candidate_pairs(self._groups(min_shingles), n, need):
            yield self.reports[a - 1], self.reports[b - 1]

    def _groups(self, min_shingles: int) -> Iterator[list[int]]:
        """Report ids (1-based rows) sharing each sketch value, read in hash order."""
        sql = ("SELECT s.h, s.rid FROM sketch s JOIN reports r ON r.id = s.rid "
               "WHERE r.issuer IS NOT NULL AND r.issuer != '' AND r.shingles >= ? ORDER BY s.h, s.rid")
        current: int | None = None
        members: list[int] = []
        self.store.flush()
        for h, rid in self.store.db.execute(sql, (min_shingles,)):
            if h != current:
                if members:
                    yield members
                current, members = h, []
            members.append(rid)
        if members:
            yield members
