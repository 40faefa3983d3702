"""`--output-format html`: one self-contained offline page (no CDN, no external file) for an office:
counts per rule and per unit as inline SVG bar charts, a sortable, filterable pass/fail table of the
reports, and a drill-down listing each report's findings. Findings are spilled to a temporary file
while the batch runs and streamed into the page at the end."""

from __future__ import annotations

import datetime as _dt
import json
import tempfile
from collections import Counter
from html import escape
from typing import IO, TYPE_CHECKING, Any

from opengov_lint.reporters import office
from opengov_lint.reporters.htmlviews import trend_chart, unit_tables
from opengov_lint.reporters.labels import SEV_ZH, rule_title, where
from opengov_lint.reporters.tabular import TEMPLATE_ZH, Ledger, sorted_findings

if TYPE_CHECKING:
    from collections.abc import Mapping

    from opengov_lint.findings import Finding
    from opengov_lint.results import FileResult, ReportFacts

MAX_PER_REPORT = 500
_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#222;background:#fafafa}
h1{font-size:22px}h2{font-size:17px;margin-top:28px}.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 16px;min-width:110px}
.card b{display:block;font-size:22px}.charts{display:flex;gap:24px;flex-wrap:wrap}
.chart{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #ddd;padding:4px 6px;
font-size:13px;text-align:left;vertical-align:top}th{background:#eef;cursor:pointer;user-select:none}
th.sorted-asc::after{content:" ▲"}th.sorted-desc::after{content:" ▼"}tr.report{cursor:pointer}
tr.report:hover{background:#f3f6ff}.fail{color:#b00020;font-weight:bold}.pass{color:#137333;font-weight:bold}
.sev-error{color:#b00020}.sev-warning{color:#a56300}.sev-info{color:#1a5fb4}tr.detail td{background:#fcfcff}
#filter{padding:4px 8px;width:320px;margin:8px 0}.muted{color:#777}
"""
_JS = """
(function(){
  var data = JSON.parse(document.getElementById('findings-data').textContent);
  var table = document.getElementById('reports');
  var tbody = table.tBodies[0];
  function cellValue(tr, i){ var t = tr.cells[i].getAttribute('data-v') || tr.cells[i].textContent;
    var n = parseFloat(t); return isNaN(n) ? t : n; }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function(th, i){
    th.addEventListener('click', function(){
      var asc = !th.classList.contains('sorted-asc');
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function(h){ h.classList.remove('sorted-asc','sorted-desc'); });
      th.classList.add(asc ? 'sorted-asc' : 'sorted-desc');
      closeDetails();
      var rows = Array.prototype.slice.call(tbody.querySelectorAll('tr.report'));
      rows.sort(function(a, b){ var x = cellValue(a, i), y = cellValue(b, i);
        if (x < y) return asc ? -1 : 1; if (x > y) return asc ? 1 : -1; return 0; });
      rows.forEach(function(r){ tbody.appendChild(r); });
    });
  });
  function closeDetails(){ Array.prototype.forEach.call(tbody.querySelectorAll('tr.detail'), function(d){ d.remove(); }); }
  tbody.addEventListener('click', function(ev){
    var tr = ev.target.closest('tr.report'); if (!tr) return;
    var next = tr.nextElementSibling;
    if (next && next.classList.contains('detail')) { next.remove(); return; }
    var items = data[tr.getAttribute('data-i')] || [];
    var d = document.createElement('tr'); d.className = 'detail';
    var td = document.createElement('td'); td.colSpan = tr.cells.length;
    if (!items.length) { td.textContent = '未发现问题'; }
    else {
      var ul = document.createElement('ul');
      items.forEach(function(f){ var li = document.createElement('li');
        var s = document.createElement('span'); s.className = 'sev-' + f.s;
        s.textContent = f.l + ' ' + f.c + ' ' + f.t + '：';
        li.appendChild(s); li.appendChild(document.createTextNode(f.m + (f.w ? '（' + f.w + '）' : '')));
        ul.appendChild(li); });
      td.appendChild(ul);
    }
    d.appendChild(td); tr.parentNode.insertBefore(d, tr.nextSibling);
  });
  function findingText(i){ return (data[i] || []).map(function(f){
    return [f.c, f.t, f.l, f.m, f.w].join(' '); }).join(' | '); }
  document.getElementById('filter').addEventListener('input', function(ev){
    var q = ev.target.value.trim(); closeDetails();
    Array.prototype.forEach.call(tbody.querySelectorAll('tr.report'), function(r){
      var hit = !q || r.textContent.indexOf(q) >= 0 || findingText(r.getAttribute('data-i')).indexOf(q) >= 0;
      r.style.display = hit ? '' : 'none'; });
  });
})();
"""


def bar_chart(title: str, items: list[tuple[str, list[int]]], colors: list[str], legend: list[str]) -> str:
    """A horizontal (stacked) bar chart as inline SVG."""
    width, label_w, bar_h, gap = 560, 210, 18, 6
    height = 40 + len(items) * (bar_h + gap)
    top = max((sum(v) for _, v in items), default=1) or 1
    parts = [(f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{width}" height="{height}" '
              f'xmlns="http://www.w3.org/2000/svg"><text x="8" y="18" font-size="14" font-weight="bold">'
              f'{escape(title)}</text>')]
    for li, name in enumerate(legend):
        parts.append(f'<rect x="{label_w + li * 90}" y="26" width="10" height="10" fill="{colors[li]}"/>'
                     f'<text x="{label_w + 14 + li * 90}" y="35" font-size="11">{escape(name)}</text>')
    for i, (label, values) in enumerate(items):
        y = 44 + i * (bar_h + gap)
        short = label if len(label) <= 16 else label[:15] + "…"
        parts.append(f'<text x="{label_w - 6}" y="{y + 13}" font-size="12" text-anchor="end"><title>'
                     f'{escape(label)}</title>{escape(short)}</text>')
        x: float = label_w
        for v, color in zip(values, colors, strict=False):
            w = (width - label_w - 50) * v / top
            if w > 0:
                parts.append(f'<rect class="bar" x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{color}">'
                             f'<title>{escape(label)}: {v}</title></rect>')
            x += w
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 13}" font-size="11">{sum(values)}</text>')
    parts.append("</svg>")
    return "".join(parts)


class HtmlReporter:
    def __init__(self, out: IO[str], lang: str) -> None:
        self.out, self.lang = out, lang
        self.ledger = Ledger(lang)
        self.spill = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 - open for the whole run
        self.index: dict[str, int] = {}
        self.cross: dict[str, list[dict[str, Any]]] = {}
        self.complete: office.Completeness | None = None

    def start(self) -> None:
        pass

    def _item(self, f: Finding, template: str | None = None) -> dict[str, Any]:
        zh = self.lang == "zh"
        return {"s": f.severity, "l": SEV_ZH[f.severity] if zh else f.severity, "c": f.code,
                "t": rule_title(f.code, f.name, self.lang), "m": f.message, "w": where(f, self.lang, template)}

    def file(self, result: FileResult) -> None:
        self.ledger.file(result)
        self.index[result.path] = len(self.index)
        items = [self._item(f, result.facts.template) for f in sorted_findings(result)[:MAX_PER_REPORT]]
        self.spill.write(json.dumps(items, ensure_ascii=False) + "\n")

    def extra(self, findings: list[Finding], facts: Mapping[str, ReportFacts] | None = None) -> None:
        self.ledger.extra(findings)
        for f in findings:
            self.cross.setdefault(f.path, []).append(self._item(f))

    def completeness(self, c: office.Completeness) -> None:
        self.complete = c

    def _charts(self) -> str:
        rules = Counter[str]()
        for (code, name, _sev), n in self.ledger.by_rule.items():
            rules[f"{code} {rule_title(code, name, self.lang)}"] += n
        rule_items = [(k, [v]) for k, v in rules.most_common(20)]
        units: dict[str, list[int]] = {}
        for row in self.ledger.rows.values():
            u = units.setdefault(row.issuer or row.path, [0, 0])
            u[0] += row.counts["error"]
            u[1] += row.counts["warning"]
        unit_items = sorted(units.items(), key=lambda kv: (-kv[1][0], -kv[1][1]))[:20]
        return ('<div class="charts">'
                + bar_chart("各规则问题数（前20）", rule_items, ["#3b6fd4"], ["问题数"])
                + bar_chart("各单位错误与警告数（前20）", unit_items, ["#c62828", "#f9a825"], ["错误", "警告"])
                + "</div>")

    def _row(self, r: Any) -> str:
        i = self.index[r.path]
        cls = "pass" if r.passed else ("fail" if r.status == "failed" else "muted")
        verdict = f'<span class="{cls}">{r.verdict()}</span>'
        year = r.year if r.year is not None else ""
        return (f'<tr class="report" data-i="{i}"><td>{escape(r.path)}</td><td>{escape(r.issuer)}</td>'
                f'<td>{year}</td><td>{escape(TEMPLATE_ZH.get(r.template, r.template))}</td>'
                f'<td data-v="{r.counts["error"]}">{r.counts["error"]}</td><td>{r.counts["warning"]}</td>'
                f'<td>{r.counts["info"]}</td><td>{escape(r.worst)}</td><td data-v="{r.status}">{verdict}</td></tr>')

    def finish(self) -> None:
        rows = list(self.ledger.rows.values())
        failed = sum(1 for r in rows if r.status == "failed")
        passed = sum(1 for r in rows if r.status == "passed")
        totals = Counter[str]()
        for r in rows:
            totals.update(r.counts)
        w = self.out.write
        w('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
          '<meta name="viewport" content="width=device-width, initial-scale=1">'
          f"<title>政府信息公开工作年度报告检查结果</title><style>{_CSS}</style></head><body>")
        w(f'<h1>政府信息公开工作年度报告检查结果</h1><p class="muted">opengov-lint 生成于 '
          f'{_dt.datetime.now().strftime("%Y-%m-%d %H:%M")}</p>')
        w('<div class="cards">')
        for label, value in (("文件数", len(rows)), ("不通过", failed), ("通过", passed),
                             ("未检查/不适用/无法读取", len(rows) - failed - passed),
                             ("错误", totals["error"]), ("警告", totals["warning"]), ("提示", totals["info"])):
            w(f'<div class="card">{label}<b>{value}</b></div>')
        w("</div><h2>统计图</h2>" + self._charts())
        years, per = office.trends(rows)
        if per:
            w("<h2>年度趋势</h2>" + trend_chart("各机关错误数的年度变化", years, per))
        w(unit_tables(rows, self.complete, {code: rule_title(code, name, self.lang)
                                            for (code, name, _s) in self.ledger.by_rule}))
        w('<h2>报告列表</h2><input id="filter" type="search" placeholder="筛选：输入机关名称、文件名、规则代码或问题内容">'
          '<table id="reports"><thead><tr>' + "".join(f"<th>{h}</th>" for h in (
              "文件", "发布机关", "年度", "模板", "错误", "警告", "提示", "最严重问题", "结论")) + "</tr></thead><tbody>")
        for r in rows:
            w(self._row(r))
        w('</tbody></table><p class="muted">点击表头排序，点击一行查看该报告的全部问题。</p>')
        w('<script type="application/json" id="findings-data">{')
        self.spill.seek(0)
        paths = list(self.index)
        for n, line in enumerate(self.spill):
            items = json.loads(line) + self.cross.get(paths[n], [])
            text = json.dumps(items, ensure_ascii=False).replace("</", "<\\/")
            w(("," if n else "") + f'"{n}":{text}')
        w(f"}}</script><script>{_JS}</script></body></html>\n")
        self.spill.close()


def make(fmt: str, out: IO[str], *, lang: str, **_: Any) -> HtmlReporter:
    return HtmlReporter(out, lang)
