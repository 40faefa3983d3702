"""JUnit XML for CI systems that show test reports (Jenkins, GitLab, Azure DevOps): one testcase per
checked file, one <failure> per error-level finding; warnings and info go to the testcase's
<system-out> so they are visible without failing the case. Testcase names are unique: findings of the
cross-document rules (and of the configuration) join the testcase of their file."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any
from xml.etree import ElementTree as ET

from opengov_lint.results import FileResult

if TYPE_CHECKING:
    from collections.abc import Mapping

    from opengov_lint.findings import Finding
    from opengov_lint.results import ReportFacts


def _where(f: Finding) -> str:
    loc = f.location
    bits = [f"line {loc.line}" if loc.line else "", f"page {loc.page}" if loc.page else "",
            f"section {loc.section}" if loc.section else "", loc.cell_path() or ""]
    return ", ".join(b for b in bits if b)


def _text(f: Finding) -> str:
    where = _where(f)
    return f"{f.code} {f.name} [{f.severity}]" + (f" ({where})" if where else "") + f": {f.message}"


class JunitReporter:
    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.cases: list[ET.Element] = []
        self.by_path: dict[str, ET.Element] = {}
        self.failures = 0
        self.seconds = 0.0
        self.baseline_suppressed = 0

    def start(self) -> None:
        pass

    def file(self, result: FileResult) -> None:
        case = self.by_path.get(result.path)
        if case is None:
            case = ET.Element("testcase", {"classname": "opengov-lint", "name": result.path, "file": result.path,
                                           "time": f"{result.counters.seconds:.3f}"})
            self.by_path[result.path] = case
            self.cases.append(case)
        self.seconds += result.counters.seconds
        self.baseline_suppressed += result.counters.baseline_suppressed
        self._add(case, result.findings)

    def extra(self, findings: list[Finding], facts: Mapping[str, ReportFacts] | None = None) -> None:
        for path in dict.fromkeys(f.path for f in findings):
            self.file(FileResult(path, [f for f in findings if f.path == path], kind="crossdoc"))

    def _add(self, case: ET.Element, findings: list[Finding]) -> None:
        other = []
        for f in findings:
            if f.severity == "error":
                self.failures += 1
                el = ET.SubElement(case, "failure", {"type": f"{f.code} {f.name}", "message": f.message})
                el.text = _text(f)
            else:
                other.append(_text(f))
        if not other:
            return
        out = case.find("system-out")
        if out is None:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(other)
        else:
            out.text = (out.text or "") + "\n" + "\n".join(other)

    def finish(self) -> None:
        attrs = {"name": "opengov-lint", "tests": str(len(self.cases)), "failures": str(self.failures),
                 "errors": "0", "skipped": "0", "time": f"{self.seconds:.3f}"}
        suites = ET.Element("testsuites", attrs)
        suite = ET.SubElement(suites, "testsuite", attrs)
        props = ET.SubElement(suite, "properties")
        ET.SubElement(props, "property", {"name": "suppressed-by-baseline", "value": str(self.baseline_suppressed)})
        suite.extend(self.cases)
        ET.indent(suites)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(ET.tostring(suites, encoding="unicode"))
        self.out.write("\n")


def make(fmt: str, out: IO[str], **_: Any) -> JunitReporter:
    return JunitReporter(out)
