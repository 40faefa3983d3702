"""GitHub Actions workflow commands: one annotation per finding, shown on the file in the pull request.

    ::error file=reports/a.txt,line=212,title=OG303 requests-balance::第（总计）列：…

Escaping follows the Actions toolkit: in the message `%`, CR and LF are percent-encoded; in property
values also `:` and `,`. A finding without a line is annotated on line 1 of the file; a PDF finding
names its page in the title (GitHub has no page property)."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from opengov_lint.results import FileResult

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def start(self) -> None:
        pass

    def file(self, result: FileResult) -> None:
        for f in result.findings:
            title = f"{f.code} {f.name}"
            if f.location.page and not f.location.line:  # a PDF has pages, not lines: say which page
                title += f" (第{f.location.page}页 / page {f.location.page})"
            props = {"file": f.path, "line": str(f.location.line or 1), "title": title}
            head = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
            self.out.write(f"::{LEVEL[f.severity]} {head}::{escape_data(f.message)}\n")

    def finish(self) -> None:
        pass


def make(fmt: str, out: IO[str], **_: Any) -> GithubReporter:
    return GithubReporter(out)
