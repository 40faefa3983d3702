"""Human output: findings grouped by file, severity colours, where (line/page · section · table ·
row · column) and what, then a summary. Written for a civil servant, in Chinese by default."""

from __future__ import annotations

from collections import Counter
from typing import IO, TYPE_CHECKING, Any

from opengov_lint.reporters import labels
from opengov_lint.results import STATUS_EN, STATUS_ZH, FileResult

if TYPE_CHECKING:
    from collections.abc import Mapping

    from opengov_lint.findings import Finding
    from opengov_lint.results import ReportFacts

_SEV = {"error": ("错误", "error", "bold red"), "warning": ("警告", "warning", "yellow"),
        "info": ("提示", "info", "cyan")}


def where(f: Finding, lang: str, template: str) -> str:
    return labels.where(f, lang, template)


Segment = tuple[str, str]  # (text, rich style or "")


class _Out:
    """Prints lines of styled segments: through rich when colours are wanted, as plain text
    otherwise (a pre-commit hook or a pipe never pays for importing rich)."""

    def __init__(self, out: IO[str], color: bool) -> None:
        self.out, self.color = out, color
        self.console: Any = None
        if color:
            from rich.console import Console

            self.console = Console(file=out, highlight=False, soft_wrap=True, force_terminal=True, emoji=False)

    def line(self, *segments: Segment) -> None:
        if self.console is None:
            self.out.write("".join(t for t, _ in segments) + "\n")
            return
        from rich.text import Text

        self.console.print(Text.assemble(*segments))

    def table(self, title: str, headers: list[tuple[str, str]], rows: list[list[str]]) -> None:
        from rich.console import Console
        from rich.table import Table

        console = self.console or Console(file=self.out, highlight=False, soft_wrap=True, no_color=True,
                                          emoji=False)
        t = Table(title=title, show_edge=False)
        for name, justify in headers:
            t.add_column(name, justify=justify)  # type: ignore[arg-type]
        for row in rows:
            t.add_row(*row)
        console.print(t)


CAP = 5  # findings of one rule shown per report before "还有 N 处" (--show-all shows them all)


class TextReporter:
    def __init__(self, out: IO[str], lang: str, color: bool, quiet: bool, statistics: bool,
                 concise: bool = False, show_all: bool = False) -> None:
        self.console = _Out(out, color)
        self.lang, self.quiet, self.statistics, self.concise = lang, quiet, statistics, concise
        self.show_all = show_all or concise  # one line per finding: all of them
        self.skipped: Counter[str] = Counter()
        self.files = 0
        self.fixed = 0
        self.unreadable = 0
        self.counts: Counter[str] = Counter()
        self.by_rule: Counter[tuple[str, str]] = Counter()
        self.by_file: list[tuple[str, Counter[str]]] = []  # only for --statistics (its table lists every file)
        self.baseline_suppressed = 0
        self.suppressed = 0

    def start(self) -> None:
        pass

    def _finding(self, f: Finding, template: str) -> None:
        zh = self.lang == "zh"
        label, label_en, style = _SEV[f.severity]
        loc = where(f, self.lang, template)
        if self.concise:  # one line per finding: path:line:col: CODE [severity] message (as ruff's concise)
            pos = f"{f.location.line}:" if f.location.line else (f"p{f.location.page}:" if f.location.page else "")
            self.console.line((f"{f.path}:{pos} ", "bold"), (f.code, style), (f" [{label if zh else label_en}] ", ""),
                              (f.message, ""))
            return
        title = labels.rule_title(f.code, f.name, self.lang)
        self.console.line(("  ", ""), (label if zh else label_en, style), (" ", ""), (f.code, "bold"), (" ", ""),
                          (title, "dim"), (f"  {loc}" if loc else "", "dim"))
        self.console.line((f"      {f.message}", ""))

    def _skipped(self, result: FileResult, status: str) -> None:
        self.skipped[status] += 1
        if self.quiet or self.concise:
            return
        zh = self.lang == "zh"
        why = {"not_a_report": ("不是年度报告（没有报告标题、六个部分或统计表），未作检查",
                                "not an annual report (no report title, sections or tables); not checked"),
               "not_checked": ("未按现行规则检查（旧格式报告），结果为“未检查”", "not checked under the current rules")}
        zh_text, en_text = why.get(status, (STATUS_ZH[status], STATUS_EN[status]))
        self.console.line((result.path, "bold"), (f"  {zh_text if zh else en_text}", "dim"))

    def file(self, result: FileResult) -> None:
        self.files += result.kind != "config"  # findings about the configuration itself
        self.fixed += result.counters.fixed
        self.unreadable += not result.readable
        self.baseline_suppressed += result.counters.baseline_suppressed
        self.suppressed += sum(result.counters.suppressed.values())
        c: Counter[str] = Counter(f.severity for f in result.findings)
        self.counts.update(c)
        self.by_rule.update((f.code, f.name) for f in result.findings)
        if self.statistics:
            self.by_file.append((result.path, c))
        status = result.status()
        if status in ("not_a_report", "not_checked"):
            self._skipped(result, status)
        if not result.findings or self.quiet:
            return
        template = str(result.facts.template or "2021")
        if not self.concise:
            self._header(result)
        self._findings(sorted(result.findings, key=lambda f: labels.order_key(f, template)), template)
        if not self.concise:
            self.console.line()

    def _header(self, result: FileResult) -> None:
        zh = self.lang == "zh"
        m = result.facts
        bits = [str(x) for x in (_issuer(m, zh), f"{m.year}年" if m.year and zh else m.year) if x]
        if m.template in ("2019", "2021"):
            bits.append(f"{m.template}年版格式" if zh else f"{m.template} layout")
        self.console.line((result.path, "bold"), (f"  {' · '.join(bits)}" if bits else "", "dim"))

    def _findings(self, findings: list[Finding], template: str) -> None:
        """One report's findings: the first CAP of each rule, then one "还有 N 处" line per rule cut."""
        shown: Counter[str] = Counter()
        for f in findings:
            shown[f.code] += 1
            if self.show_all or shown[f.code] <= CAP:
                self._finding(f, template)
        if self.show_all:
            return
        for code, n in sorted(shown.items()):
            if n > CAP:
                more = n - CAP
                self.console.line((f"  … {code} 还有 {more} 处（使用 --show-all 显示全部）" if self.lang == "zh" else
                                   f"  … {code}: and {more} more (--show-all shows them all)", "dim"))

    def extra(self, findings: list[Finding], facts: Mapping[str, ReportFacts] | None = None) -> None:
        """Cross-document findings, grouped by file, after the per-file ones."""
        if not findings:
            return
        zh = self.lang == "zh"
        self.counts.update(f.severity for f in findings)
        self.by_rule.update((f.code, f.name) for f in findings)
        if self.quiet:
            return
        if self.concise:
            for f in findings:
                self._finding(f, "2021")
            return
        self.console.line(("跨文档检查（同一机关不同年度、汇总与单位、不同机关之间）" if zh else "Across documents", "bold"))
        current = None
        for f in findings:
            if f.path != current:
                current = f.path
                self.console.line((f.path, "bold"))
            self._finding(f, "2021")
        self.console.line()

    def completeness(self, c: Any) -> None:
        """The batch against its manifest (reporters/office.py): missing, unlisted and duplicate files."""
        zh = self.lang == "zh"
        lines = c.lines(self.lang)
        if not lines:
            self.console.line((f"报送情况：清单所列 {c.listed} 份报告均已报送" if zh else
                               f"Completeness: all {c.listed} listed report(s) present", "dim"))
            return
        self.console.line(("报送情况（对照清单）" if zh else "Completeness against the manifest", "bold"))
        for line in lines:
            self.console.line((f"  {line}", "yellow"))
        self.console.line()

    def finish(self) -> None:
        zh = self.lang == "zh"
        if self.statistics:
            self._statistics()
        e, w, i = self.counts["error"], self.counts["warning"], self.counts["info"]
        text = self._totals(e, w, i)
        style = "bold red" if e else ("yellow" if w else "green")
        if not (e or w or i) and self.files > sum(self.skipped.values()):
            text = ("✓ " + text) if not zh else ("✓ " + text + "，未发现问题")
        self.console.line((text, style))
        self._suppressed_note()

    def _totals(self, e: int, w: int, i: int) -> str:
        zh = self.lang == "zh"
        n_other, n_old = self.skipped["not_a_report"], self.skipped["not_checked"]
        if zh:
            parts = [f"检查了 {self.files} 个文件：{e} 个错误，{w} 个警告，{i} 个提示",
                     f"{self.unreadable} 个文件无法读取" if self.unreadable else "",
                     f"{n_other} 个文件不是年度报告，未检查" if n_other else "",
                     f"{n_old} 个报告未检查（旧格式）" if n_old else "",
                     f"已自动修正 {self.fixed} 处" if self.fixed else ""]
            return "；".join(p for p in parts if p)
        parts = [f"Checked {self.files} file(s): {e} error(s), {w} warning(s), {i} info",
                 f"{self.unreadable} file(s) could not be read" if self.unreadable else "",
                 f"{n_other} file(s) not annual reports, not checked" if n_other else "",
                 f"{n_old} report(s) not checked (old format)" if n_old else "",
                 f"{self.fixed} fix(es) applied" if self.fixed else ""]
        return "; ".join(p for p in parts if p)

    def _suppressed_note(self) -> None:
        zh = self.lang == "zh"
        notes = []
        if self.baseline_suppressed:
            notes.append(f"基线中已接受的 {self.baseline_suppressed} 个问题未显示" if zh else
                         f"{self.baseline_suppressed} finding(s) accepted in the baseline not shown")
        if self.suppressed:
            notes.append(f"按忽略注释或配置忽略了 {self.suppressed} 个问题" if zh else
                         f"{self.suppressed} finding(s) suppressed by comments or configuration")
        if notes:
            self.console.line(("；".join(notes) if zh else "; ".join(notes), "dim"))

    def _statistics(self) -> None:
        zh = self.lang == "zh"
        self.console.table("按规则统计" if zh else "Findings per rule",
                           [("规则" if zh else "rule", "left"), ("名称" if zh else "name", "left"),
                            ("数量" if zh else "count", "right")],
                           [[code, labels.rule_title(code, name, self.lang), str(n)]
                            for (code, name), n in sorted(self.by_rule.items())])
        self.console.table("按文件统计" if zh else "Findings per file",
                           [(c[0] if zh else c[1], "left" if c[1] == "file" else "right")
                            for c in (("文件", "file"), ("错误", "errors"), ("警告", "warnings"), ("提示", "info"))],
                           [[path, str(c["error"]), str(c["warning"]), str(c["info"])] for path, c in self.by_file])


def make(fmt: str, out: IO[str], *, lang: str, color: bool, quiet: bool, statistics: bool, show_all: bool = False,
         **_: Any) -> TextReporter:
    return TextReporter(out, lang, color, quiet, statistics, concise=fmt == "concise", show_all=show_all)


def _issuer(facts: Any, zh: bool) -> str | None:
    """The issuer, or that it is unknown (a report, not a configuration file)."""
    if facts.issuer or facts.format in (None, "config"):
        return facts.issuer  # type: ignore[no-any-return]
    return "发布机关未能识别" if zh else "issuer unknown"
