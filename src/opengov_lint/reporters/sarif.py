"""SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab, Azure DevOps, VS Code viewers).

The driver describes every rule of the run (built-in, plugins, packs) with its help text; every result
has a physical location with `region.startLine` (line 1 when the position is not known, which
`properties.lineUnknown` says) and, for table findings, the canonical cell path as a logical location.
`partialFingerprints` carries the baseline key so dashboards track a finding across re-typesetting.
Results are written to a temporary file as they come and copied into the document at the end, so a batch
of any size runs in flat memory."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import quote

if TYPE_CHECKING:
    from opengov_lint.findings import Finding
    from opengov_lint.registry.info import RuleInfo
    from opengov_lint.results import FileResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_ITEM_PAD = " " * 4  # a result's depth in the document: $schema/runs > run > results > result, indent 1
_MARK = "\x00opengov-lint results\x00"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A URI reference for a path: relative paths stay relative (percent-encoded), absolute ones become file: URIs."""
    if os.path.isabs(path):
        from pathlib import Path

        return Path(path).as_uri()
    return quote(path.replace(os.sep, "/"), safe="/")


def rule_descriptor(rule: RuleInfo, lang: str) -> dict[str, Any]:
    from opengov_lint.registry.ruledoc import render

    short = rule.summary_zh if lang == "zh" else rule.summary
    full = f"{rule.summary_zh}\n{rule.summary}" if rule.summary_zh != rule.summary else rule.summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": short or rule.name},
        "fullDescription": {"text": full or rule.name},
        "help": {"text": rule.doc or rule.name, "markdown": render(rule)},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"templates": list(rule.templates), "tags": [rule.code[:3] + "xx"],
                       "source": "builtin" if rule.builtin else rule.module},
    }


class SarifReporter:
    def __init__(self, out: IO[str], lang: str, rules: list[RuleInfo]) -> None:
        self.out, self.lang = out, lang
        self.rules: list[Any] = list(rules)  # RuleInfo, or a plain descriptor for an unknown code
        self.index = {r.code: i for i, r in enumerate(self.rules)}
        # each result's final text, spilled as it comes (the driver, which lists any rule a result adds,
        # is written before the results): nothing is kept per finding
        self.spill: Any = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 - open for the whole run
        self.results = 0
        self.baseline_suppressed = 0
        self.suppressed = 0
        self.files = 0

    def start(self) -> None:
        pass

    def file(self, result: FileResult) -> None:
        from opengov_lint.suppression.baseline import key

        self.files += 1
        self.baseline_suppressed += result.counters.baseline_suppressed
        self.suppressed += sum(result.counters.suppressed.values())
        for f in result.findings:
            res = self._result(f, "/".join(key(f, result.facts, os.getcwd())))
            from opengov_lint.reporters.labels import labels

            res["properties"].update({"labels": labels(f, result.facts.template), "issuer": result.facts.issuer,
                                      "year": result.facts.year})
            text = json.dumps(res, ensure_ascii=False, indent=1).replace("\n", "\n" + _ITEM_PAD)
            self.spill.write(("" if not self.results else ",\n" + _ITEM_PAD) + text)
            self.results += 1

    def _result(self, f: Finding, fingerprint: str) -> dict[str, Any]:
        loc = f.location
        region: dict[str, Any] = {"startLine": loc.line or 1}
        location: dict[str, Any] = {
            "physicalLocation": {"artifactLocation": {"uri": artifact_uri(f.path)}, "region": region}}
        cell = f.group_anchor() or loc.cell_path()  # a grouped finding: requests:columns:total
        if cell:
            location["logicalLocations"] = [{"name": loc.column or loc.row or loc.table, "fullyQualifiedName": cell,
                                             "kind": "element"}]
        props: dict[str, Any] = {"severity": f.severity, "name": f.name, "section": loc.section, "page": loc.page,
                                 "table": loc.table, "row": loc.row, "column": loc.column, "excerpt": loc.excerpt,
                                 "evidence": f.evidence}
        if not loc.line:
            props["lineUnknown"] = True
        if f.code not in self.index:  # a finding of a rule the run did not describe (defensive)
            self.index[f.code] = len(self.rules)
            self.rules.append(_placeholder(f))
        return {"ruleId": f.code, "ruleIndex": self.index[f.code], "level": LEVEL[f.severity],
                "message": {"text": f.message}, "locations": [location],
                "partialFingerprints": {"opengovLintKey/v1": fingerprint},
                "properties": {k: v for k, v in props.items() if v is not None}}

    def finish(self) -> None:
        from opengov_lint import __version__

        driver = {"name": "opengov-lint", "version": __version__, "semanticVersion": __version__,
                  "informationUri": "https://pypi.org/project/opengov-lint/",
                  "rules": [r if isinstance(r, dict) else rule_descriptor(r, self.lang) for r in self.rules]}
        run = {"tool": {"driver": driver}, "results": [_MARK] if self.results else [], "columnKind": "unicodeCodePoints",
               "invocations": [{"executionSuccessful": True}],
               "properties": {"files": self.files, "suppressedByBaseline": self.baseline_suppressed,
                              "suppressedBySuppressions": self.suppressed}}
        doc = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
        text = json.dumps(doc, ensure_ascii=False, indent=1)
        # what json.dump(doc, indent=1) writes, with the spilled results in place of the marker (after it
        # come only numbers and fixed words: the last occurrence is the marker)
        head, mark, tail = text.rpartition(json.dumps(_MARK))
        self.out.write(head if mark else text)
        if mark:
            self.spill.seek(0)
            shutil.copyfileobj(self.spill, self.out)
            self.out.write(tail)
        self.out.write("\n")
        self.spill.close()


def _placeholder(f: Finding) -> Any:
    return {"id": f.code, "name": f.name, "shortDescription": {"text": f.name},
            "defaultConfiguration": {"level": LEVEL[f.severity]}}


def make(fmt: str, out: IO[str], *, lang: str, rules: list[RuleInfo] | None = None, **_: Any) -> SarifReporter:
    return SarifReporter(out, lang, rules or [])
