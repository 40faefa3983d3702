"""`json` (one array, sorted by path then position) and `jsonl` (one object per line, streamed).

The array form spills per-file findings to a temporary file and merges them with the cross-document
findings at the end, so memory does not grow with the size of the batch: nothing is kept per report (the
facts of the reports that have cross-document findings come with them, see reporters.Reporter)."""

from __future__ import annotations

import heapq
import json
import tempfile
from typing import IO, TYPE_CHECKING, Any

from opengov_lint.findings import Finding
from opengov_lint.reporters import finding_key
from opengov_lint.reporters.labels import labels
from opengov_lint.results import FileResult, ReportFacts

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping


def as_dict(f: Finding, facts: ReportFacts) -> dict[str, Any]:
    """The contract's keys, then (added in the second round) who and which year, and the Chinese labels of
    the ids: `issuer`, `year`, `labels` {rule, severity, section, table, row, column}."""
    d = f.to_dict()
    d["issuer"], d["year"] = facts.issuer, facts.year
    d["labels"] = labels(f, facts.template)
    return d

_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # C encoder for scalars and compact lines
_STRING = json.encoder.encode_basestring  # what _ENCODE does for a str, without its dispatch
_FIXED = {None: "null", True: "true", False: "false"}


def scalar(v: Any) -> str:
    """One JSON scalar as `json.dumps(v, ensure_ascii=False)` writes it; str, int, None and bool without
    the encoder's per-call set-up (half the cost of a finding's text was that set-up)."""
    t = type(v)
    if t is str:
        return _STRING(v)
    if t is int:
        return int.__repr__(v)
    if v is None or t is bool:
        return _FIXED[v]
    return _ENCODE(v)


def indented(v: Any, pad: str = "  ") -> str:
    """`json.dumps(v, ensure_ascii=False, indent=2)` with every line after the first indented by `pad`,
    built from C-encoded scalars (the standard library's indent encoder is pure Python); a finding's
    scalars (most of its values) are written in the loop, without a call each."""
    t = type(v)
    if t is dict and v:
        inner = pad + "  "
        parts = []
        for k, x in v.items():
            if type(k) is not str:
                return json.dumps(v, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)
            tx = type(x)
            text = _STRING(x) if tx is str else int.__repr__(x) if tx is int else indented(x, inner)
            parts.append(f"{inner}{_STRING(k)}: {text}")
        return "{\n" + ",\n".join(parts) + f"\n{pad}}}"
    if (t is list or t is tuple) and v:
        inner = pad + "  "
        items = [inner + (_STRING(x) if type(x) is str else int.__repr__(x) if type(x) is int else indented(x, inner))
                 for x in v]
        return "[\n" + ",\n".join(items) + f"\n{pad}]"
    if isinstance(v, (dict, list, tuple)) and v:  # a subclass: the standard way
        return json.dumps(v, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)
    return scalar(v)


class JsonReporter:
    """The array form writes each finding's final text to a spill file as it arrives (its sort key on
    the line before it), and merges the spilled texts with the cross-document findings at the end:
    nothing is parsed back or encoded twice."""

    def __init__(self, out: IO[str], lines: bool) -> None:
        self.out, self.lines = out, lines
        self.spill: Any = None if lines else tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self.cross: list[tuple[tuple[Any, ...], str]] = []

    def start(self) -> None:
        pass

    def file(self, result: FileResult) -> None:
        for f in sorted(result.findings, key=Finding.sort_key):
            d = as_dict(f, result.facts)
            if self.lines:
                self.out.write(_ENCODE(d) + "\n")
            else:
                text = indented(d)
                self.spill.write(f"{len(text)}\t{_ENCODE(finding_key(d))}\n{text}")

    def extra(self, findings: list[Finding], facts: Mapping[str, ReportFacts] | None = None) -> None:
        dicts = [as_dict(f, (facts or {}).get(f.path) or ReportFacts()) for f in findings]
        if self.lines:
            for d in dicts:
                self.out.write(_ENCODE(d) + "\n")
        else:
            self.cross = sorted(((finding_key(d), indented(d)) for d in dicts), key=lambda kt: kt[0])

    def _spilled(self) -> Iterator[tuple[tuple[Any, ...], str]]:
        self.spill.seek(0)
        while head := self.spill.readline():
            size, key = head.split("\t", 1)
            yield tuple(json.loads(key)), self.spill.read(int(size))

    def finish(self) -> None:
        if self.lines:
            return
        self.out.write("[")
        first = True
        for _, text in heapq.merge(self._spilled(), self.cross, key=lambda kt: kt[0]):
            self.out.write(("\n  " if first else ",\n  ") + text)
            first = False
        self.out.write("\n]\n" if not first else "]\n")
        self.spill.close()


def make(fmt: str, out: IO[str], **_: Any) -> JsonReporter:
    return JsonReporter(out, lines=fmt == "jsonl")
