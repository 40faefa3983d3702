"""Human output: findings grouped by file, severity colours, where (line/page · section · table ·
row · column) and what, then a summary. Written for a civil servant, in Chinese by default."""

from __future__ import annotations

from collections import Counter
from typing import IO, Any

from opengov_lint.findings import Finding
from opengov_lint.knowledge.catalog import column_label, row_label
from opengov_lint.recognise.text import int_to_cn
from opengov_lint.results import FileResult

_TABLE = {"active_disclosure": ("表二", "table 二"), "requests": ("表三", "table 三"),
          "review_litigation": ("表四", "table 四")}
_SEV = {"error": ("错误", "error", "bold red"), "warning": ("警告", "warning", "yellow"),
        "info": ("提示", "info", "cyan")}


def where(f: Finding, lang: str, template: str) -> str:
    loc = f.location
    zh = lang == "zh"
    parts: list[str] = []
    if loc.page:
        parts.append(f"第{loc.page}页" if zh else f"page {loc.page}")
    if loc.line:
        parts.append(f"第{loc.line}行" if zh else f"line {loc.line}")
    if loc.section:
        parts.append(f"第{int_to_cn(loc.section)}部分" if zh else f"section {loc.section}")
    if loc.table:
        parts.append(_TABLE.get(loc.table, (loc.table, loc.table))[0 if zh else 1])
    if loc.table and loc.row:
        label = row_label(loc.table, template, loc.row)
        parts.append(f"行“{label}”" if zh else f"row '{label}' ({loc.row})")
    if loc.table and loc.column:
        label = column_label(loc.table, template, loc.column, loc.row)
        parts.append(f"列“{label}”" if zh else f"column '{label}' ({loc.column})")
    return " · ".join(parts)


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
                 show_all: bool = False) -> None:
        self.console = _Out(out, color)
        self.lang, self.quiet, self.statistics, self.show_all = lang, quiet, statistics, show_all
        self.files = 0
        self.fixed = 0
        self.unreadable = 0
        self.counts: Counter[str] = Counter()
        self.by_rule: Counter[tuple[str, str]] = Counter()
        self.by_file: list[tuple[str, Counter[str]]] = []
        self.baseline_suppressed = 0
        self.suppressed = 0

    def start(self) -> None:
        pass

    def _finding(self, f: Finding, template: str) -> None:
        zh = self.lang == "zh"
        label, label_en, style = _SEV[f.severity]
        loc = where(f, self.lang, template)
        self.console.line(("  ", ""), (label if zh else label_en, style), (" ", ""), (f.code, "bold"), (" ", ""),
                          (f.name, "dim"), (f"  {loc}" if loc else "", "dim"))
        self.console.line((f"      {f.message}", ""))

    def file(self, result: FileResult) -> None:
        self.files += result.kind != "config"  # findings about the configuration itself
        self.fixed += result.counters.fixed
        self.unreadable += not result.readable
        self.baseline_suppressed += result.counters.baseline_suppressed
        self.suppressed += sum(result.counters.suppressed.values())
        c: Counter[str] = Counter(f.severity for f in result.findings)
        self.counts.update(c)
        self.by_rule.update((f.code, f.name) for f in result.findings)
        self.by_file.append((result.path, c))
        if not result.findings or self.quiet:
            return
        zh = self.lang == "zh"
        m = result.facts
        bits = [str(x) for x in (_issuer(m, zh), f"{m.year}年" if m.year and zh else m.year) if x]
        if m.template in ("2019", "2021"):
            bits.append(f"{m.template}年版格式" if zh else f"{m.template} layout")
        self.console.line((result.path, "bold"), (f"  {' · '.join(bits)}" if bits else "", "dim"))
        self._findings(result.findings, str(m.template or "2021"))
        self.console.line()

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

    def extra(self, findings: list[Finding]) -> None:
        """Cross-document findings, grouped by file, after the per-file ones."""
        if not findings:
            return
        zh = self.lang == "zh"
        self.counts.update(f.severity for f in findings)
        self.by_rule.update((f.code, f.name) for f in findings)
        if self.quiet:
            return
        self.console.line(("跨文档检查（同一机关不同年度、汇总与单位、不同机关之间）" if zh else "Across documents", "bold"))
        current = None
        for f in findings:
            if f.path != current:
                current = f.path
                self.console.line((f.path, "bold"))
            self._finding(f, "2021")
        self.console.line()

    def finish(self) -> None:
        zh = self.lang == "zh"
        if self.statistics:
            self._statistics()
        e, w, i = self.counts["error"], self.counts["warning"], self.counts["info"]
        if zh:
            text = f"检查了 {self.files} 个文件：{e} 个错误，{w} 个警告，{i} 个提示"
            if self.unreadable:
                text += f"；{self.unreadable} 个文件无法读取"
            if self.fixed:
                text += f"；已自动修正 {self.fixed} 处"
        else:
            text = f"Checked {self.files} file(s): {e} error(s), {w} warning(s), {i} info"
            if self.unreadable:
                text += f"; {self.unreadable} file(s) could not be read"
            if self.fixed:
                text += f"; {self.fixed} fix(es) applied"
        style = "bold red" if e else ("yellow" if w else "green")
        if not (e or w or i):
            text = ("✓ " + text) if not zh else ("✓ " + text + "，未发现问题")
        self.console.line((text, style))
        self._suppressed_note()

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
                           [[code, name, str(n)] for (code, name), n in sorted(self.by_rule.items())])
        self.console.table("按文件统计" if zh else "Findings per file",
                           [(c[0] if zh else c[1], "left" if c[1] == "file" else "right")
                            for c in (("文件", "file"), ("错误", "errors"), ("警告", "warnings"), ("提示", "info"))],
                           [[path, str(c["error"]), str(c["warning"]), str(c["info"])] for path, c in self.by_file])


def make(fmt: str, out: IO[str], *, lang: str, color: bool, quiet: bool, statistics: bool, show_all: bool = False,
         **_: Any) -> TextReporter:
    return TextReporter(out, lang, color, quiet, statistics, show_all)


def _issuer(facts: Any, zh: bool) -> str | None:
    """The issuer, or that it is unknown (a report, not a configuration file)."""
    if facts.issuer or facts.format in (None, "config"):
        return facts.issuer  # type: ignore[no-any-return]
    return "发布机关未能识别" if zh else "issuer unknown"
