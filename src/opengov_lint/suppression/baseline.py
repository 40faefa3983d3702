"""Baselines: accept the findings a backlog of old reports already has, and see only new ones.

A finding's key is (report, code, anchor), never a line number, so re-typesetting a report, converting
it to another format or renaming the file keeps its accepted findings:

- report: `issuer|year` when both are known, else the file's path relative to the baseline file;
- anchor: the canonical cell path (`requests.granted.total`) for table findings; for a grouped finding
  (a column, row or table left blank: one finding) the table, the kind and the columns or rows it names
  (`requests:columns:total`); otherwise the section and a hash of the normalised paragraph excerpt;
  otherwise a hash of the evidence without positions.

A baseline written before findings were grouped lists the cells one by one: a grouped finding whose
every cell is accepted there is accepted too.

The file stores counts per key, so a second identical finding in the same place is new."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

    from opengov_lint.findings import Finding
    from opengov_lint.results import ReportFacts

SCHEMA = "opengov-lint/baseline/1"
Key = tuple[str, str, str]


class BaselineError(ValueError):
    pass


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _norm(text: str) -> str:
    import unicodedata

    return "".join(unicodedata.normalize("NFKC", text).split()).rstrip("…")


def report_identity(path: str, facts: ReportFacts, base: str) -> str:
    issuer, year = facts.issuer, facts.year
    if issuer and year:
        return f"{_norm(str(issuer))}|{year}"
    rel = os.path.relpath(os.path.abspath(path), base) if path != "<stdin>" else path
    return rel.replace(os.sep, "/")


def anchor(f: Finding) -> str:
    grouped = f.group_anchor()
    if grouped:
        return grouped
    loc = f.location
    cell = loc.cell_path()
    if cell:
        return cell
    section = f"s{loc.section}" if loc.section else "s-"
    if loc.excerpt:
        return f"{section}:{_digest(_norm(loc.excerpt))}"
    stable = {k: v for k, v in f.evidence.items() if "line" not in k and "page" not in k and k != "traceback"}
    return f"{section}:e{_digest(json.dumps(stable, sort_keys=True, ensure_ascii=False, default=str))}"


def key(f: Finding, facts: ReportFacts, base: str) -> Key:
    return (report_identity(f.path, facts, base), f.code, anchor(f))


@dataclass(slots=True)
class Baseline:
    path: str
    counts: Counter[Key] = field(default_factory=Counter)
    left: Counter[Key] | None = None  # what is still unused in this run

    @property
    def base(self) -> str:
        return os.path.dirname(os.path.abspath(self.path))

    @classmethod
    def load(cls, path: str) -> Baseline:
        from opengov_lint.fsutil import read_limited_text

        try:
            data = json.loads(read_limited_text(path))
        except (OSError, ValueError) as exc:  # also a number of more than 4300 digits, a non-UTF-8 file
            raise BaselineError(f"baseline {path} cannot be read: {exc}") from exc
        if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("findings"), list):
            raise BaselineError(f"baseline {path} is not an opengov-lint baseline (schema {SCHEMA})")
        b = cls(path)
        for e in data["findings"]:
            try:
                b.counts[(str(e["report"]), str(e["code"]), str(e["anchor"]))] += int(e.get("count", 1))
            except (KeyError, TypeError, ValueError) as exc:
                raise BaselineError(f"baseline {path}: malformed entry {e!r}") from exc
        return b

    def filter(self, findings: Iterable[Finding], facts: ReportFacts) -> tuple[list[Finding], int]:
        """The findings not in the baseline, and how many were. Entries are used up across the whole
        run: the baseline's count for a key is how many findings it accepts in total."""
        if self.left is None:
            self.left = Counter(self.counts)
        left = self.left
        kept, dropped = [], 0
        for f in findings:
            k = key(f, facts, self.base)
            if left[k] > 0:
                left[k] -= 1
                dropped += 1
            elif self._cells_accepted(f, k, left):
                dropped += 1
            else:
                kept.append(f)
        return kept, dropped

    @staticmethod
    def _cells_accepted(f: Finding, k: Key, left: Counter[Key]) -> bool:
        """A grouped finding accepted cell by cell (a baseline from before grouping): uses the cells up."""
        cells = [(k[0], k[1], c) for c in f.group_cells()]
        if not cells or any(left[c] <= 0 for c in cells):
            return False
        for c in cells:
            left[c] -= 1
        return True


@dataclass(slots=True)
class BaselineWriter:
    path: str
    entries: dict[Key, dict[str, Any]] = field(default_factory=dict)
    files: int = 0

    def add(self, findings: Iterable[Finding], facts: ReportFacts) -> None:
        self.files += 1
        base = os.path.dirname(os.path.abspath(self.path))
        for f in findings:
            k = key(f, facts, base)
            e = self.entries.setdefault(k, {"report": k[0], "code": k[1], "anchor": k[2], "count": 0,
                                            "name": f.name, "example": f.message})
            e["count"] += 1

    def text(self) -> str:
        from opengov_lint import __version__

        rows = [self.entries[k] for k in sorted(self.entries)]
        doc = {"schema": SCHEMA, "tool": f"opengov-lint {__version__}", "findings": rows}
        return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"

    @property
    def total(self) -> int:
        return sum(e["count"] for e in self.entries.values())
